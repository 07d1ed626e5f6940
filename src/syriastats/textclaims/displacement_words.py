"""Displacement in other words: new displacement, refugees without the word, returns split
into refugee and IDP returns, number forms of displacement reports.
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.periods import _between_day_numbers, _day, _own_clause, _period
from syriastats.textclaims.cues import (
    _AREAS,
    _c,
    Context,
    _first,
    _FLAGS,
    _HOST_COUNTRY,
    _HOSTS,
    _last,
    _measure,
    TextClaim,
    _WAR_WORD,
)
from syriastats.textclaims.displacement_kinds import (
    _FLED_ACTORS_OFFENSIVE,
)
from syriastats.textclaims.war_age_words import (
    _plausible_age,
)

# ---------------------------------------------------------------- displacement in other words (H21d)
#: "Of these, some 575,000 are children": a breakdown of the count the sentence before gave.
_OF_THESE = _c(r"^\W*(?:of (?:these|them|those|whom)|among (?:them|these|those))\b")
#: The population of a place that is not Syria: "a country of 4.5 million people", "Lebanon,
#: which has an estimated population of less than six million", "the country's population is
#: only 4.5 million" (said of Lebanon).
_COUNTRY_OF = _c(r"\b(?:a|the)\s+(?:[\w'-]+\s+)?(?:country|nation|kingdom)\s+of\s*$")
_COUNTRY_NAMES = _c(r"\bsyria(?:n|'s)?\b|\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD"))
                    + r")")
#: A plan's or a forecast's figures ("appealing ... to cover the needs of 4.1 million refugees
#: and 2.7 million people in host communities", "a 2025 projection of 7 million IDPs and 6
#: million refugees", "against the figure of 4.1 million mentioned earlier" in a sentence about
#: a forecast, "the 185,000 the agency had expected to flee"): every item of the list.
_PLAN_LIST = _c(r"\b(?:appeal(?:s|ing|ed)?|plan(?:s|ned|ning)?|projections?|projected|forecasts?|scenarios?"
                r"|planning figures?)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:to (?:cover|meet|reach|assist|support|help)"
                r"|the needs of|for)\s*(?:(?:[^.;]|\.(?=\d)){0,40})$")
_PROJECTION_OF = _c(r"\b(?:projections?|forecasts?|planning figures?|scenarios?) of\s*(?:some\s+|about\s+|up to\s+)?$")
#: A revised forecast: every figure after "lowered the forecast" in the sentence is one.
_FORECAST_REVISED = _c(r"\b(?:lowered|raised|revised|cut|increased|reduced) (?:the|its|their) (?:forecast|projection"
                       r"|planning figure)s?\b(?:[^.;]|\.(?=\d)){0,200}$")
_EXPECTED_AFTER = _c(r"^\s*(?:people\s+|refugees\s+|syrians\s+)?(?:the\s+[\w\s.]{0,40}?\s+)?(?:had|has|have)\s+"
                     r"(?:expected|projected|forecast|predicted|planned for)\b")
#: A return "to the country" / "to Syria" / "from abroad": people who had left Syria.
_RETURN_FROM_ABROAD = _c(r"\breturned\s+(?:home\s+)?(?:to\s+(?:the\s+country|syria)|from\s+abroad)\b")
_RETURN_INSIDE = _c(r"\b(?:internally displaced|displaced (?:inside|within) (?:syria|the country)|idps?\b)")
_HOST_NAME_ALT = "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD"))
#: "Of the 1 million Syrians who settled in Germany": the head of a count of returns.
_OF_THE_N = _c(r"^\W*of the\s+(?:some\s+|about\s+|around\s+|estimated\s+)?$")
_SETTLED_IN = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:who|that)\s+(?:have\s+|had\s+)?(?:settled|sought refuge|found refuge"
                 r"|fled|live|lived|are living|arrived)\s+(?:\w+\s+){0,2}?in\s+(?:" + _HOST_NAME_ALT + r")")
_INSIDE_AND_ACROSS = _c(r"\bdisplaced (?:with)?in (?:the country|syria) and (?:across|beyond|outside) (?:its |the )?borders?")
_FLED_MOSTLY_TO = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:have|has|had)?\s*fled,?\s+(?:mostly|mainly|largely|chiefly|many|most)\s+"
                     r"(?:of them\s+)?(?:to|into)\s+(?:neighbou?ring\s+countries|" + _HOST_NAME_ALT + r")")
#: Refugees who "left Jordan ... to return to their homeland" / "towards home": returns.
_LEFT_HOST_TO_RETURN = _c(r"^\s*(?:[\w'-]+\s+){0,3}?left\s+(?:" + _HOST_NAME_ALT + r")\b(?:[^.;]|\.(?=\d)){0,60}?"
                          r"\b(?:to return\b|towards? (?:home|their homeland|syria)|for home|back home)")
#: A count of returns whose "including" parts come both from abroad and from inside Syria.
_BOTH_ORIGINS = _c(r"^[^.;]{0,80}?,\s*including\b[^.;]{0,40}?\bfrom abroad\b[^.;]{0,80}?\b(?:internally displaced"
                   r"|displaced (?:inside|within)|idps?\b)")


def _host_population(s: str, c: TextClaim, offset: int) -> bool:
    """True if a population count is of a country of asylum, not of Syria: the country named
    last before the number is a host ("Lebanon, which has ... a population of", "in
    Lebanon, a country of 4.5 million people"), or the number is "a country of N" with no
    country before it but the sentence speaks of refugees it bears."""
    start = c.start - offset
    before = s[:start]
    if re.search(r"\b(?:pre-?war|pre-?conflict|before the (?:war|conflict|uprising))\b", before[-60:], _FLAGS) \
            and not re.search(r"\b(?:host|its own|native)\b", before[-60:], _FLAGS):
        return False  # "the country's pre-war population of 22 million": Syria's
    named = list(_COUNTRY_NAMES.finditer(before))
    if named:
        return not named[-1].group(0).lower().startswith("syria")
    return bool(_COUNTRY_OF.search(before[-60:]) and re.search(r"\brefugees?\b|\bburden\b|\bhost", s, _FLAGS))


def _displacement_sentence_rules(out: list[TextClaim], s: str, offset: int,
                                 ctx: Context | None, published: pd.Timestamp) -> list[TextClaim]:
    """Sentence-level corrections of displacement, refugee and return claims (H21d):

    * a follow-on breakdown of a new displacement ("Of these, some 575,000 are children")
      counts the same wave over the same period;
    * a population of a host country ("Lebanon, a country of 4.5 million") is dropped;
    * every item of a plan's or a forecast's list is dropped, not only the first;
    * a return "to the country" or "from abroad" is a refugee return, one of people
      "internally displaced" an IDP return, by the count's own clause.
    """
    from dataclasses import replace
    res: list[TextClaim] = []
    wave = ctx.wave if ctx is not None else None
    head_end = 0
    for c in out:
        a, b = c.start - offset, c.end - offset
        lo = max((m.end() for m in re.finditer(r"[;:]", s[:a])), default=0)
        if c.kind == "population" and _THERE_AFTER.match(s[b:]) and re.search(r"\brefugees?\b", s[:a], _FLAGS) \
                and _HOST_COUNTRY.search(s[:a]):
            host = _last(_HOSTS, s[:a])  # "Lebanon took in more refugees ...; a million still live there"
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, s), host=host, area="SYR")
        if c.kind == "population" and _host_population(s, c, offset):
            continue
        plan = _PLAN_LIST.search(s[lo:a])
        if c.kind not in ("duration", "share") and (
                (plan and re.search(r"\d", s[lo:a][plan.start():]))  # a later item of the plan's list
                or _PROJECTION_OF.search(s[lo:a]) or _FORECAST_REVISED.search(s[:a])):
            continue
        if c.kind in ("refugees", "displaced", "idps") and _EXPECTED_AFTER.match(s[b:]):
            continue
        if c.measure == "idps_share" and _INSIDE_AND_ACROSS.search(s[b:b + 160]):
            c = replace(c, measure="displaced_share")  # "displaced within the country and across its borders"
        if c.kind == "displaced" and _FLED_MOSTLY_TO.match(s[b:]):
            # "about 600,000 have fled, mostly to Jordan, Turkey, Lebanon and Iraq": refugees
            hosts = {h for rx, h in _HOSTS if h not in ("REGION", "WORLD") and rx.search(s[b:b + 120])}
            host = "REGION" if len(hosts) >= 2 or re.search(r"neighbou?r", s[b:b + 80], _FLAGS) else next(iter(hosts), "")
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, s), host=host)
        if c.kind == "refugees" and _LEFT_HOST_TO_RETURN.match(s[b:]):
            # "3,162 Syrian refugees left Jordan in the first six months ... to return to their homeland"
            c = replace(c, kind="returns", measure="refugee_returns")
        if c.kind == "refugees" and _FLED_ACTORS_OFFENSIVE.match(s[b:]) and not re.search(
                r"\b(?:to|into|in)\s+(?:" + _HOST_NAME_ALT + r")", _own_clause(s[b:])[:120], _FLAGS):
            # "civilians who fled Turkey's military offensive in Afrin": uprooted inside Syria
            area = _first(_AREAS, _own_clause(s[b:])[:160]) or c.area
            c = replace(c, kind="displaced", measure="idps_new_displacements", host="", period_type="flow",
                        period_start=c.as_of, area=area if area not in ("", "LOCAL") else "SYR",
                        group="" if c.group == "civilians" else c.group)
        if wave is not None and c.kind in ("displaced", "idps") and c.measure != "idps_new_displacements" \
                and _OF_THESE.match(s) and c.period_type == "stock":
            c = replace(c, measure="idps_new_displacements", kind=c.kind, period_type="flow",
                        period_start=wave.period_start, as_of=wave.as_of,
                        area=wave.area if c.area == "SYR" else c.area)
        if c.kind == "share" and res and res[-1].kind == "refugees" and res[-1].host not in ("", "REGION", "WORLD") \
                and re.match(r"\s+of (?:them|whom|those)\b", s[b:], _FLAGS):
            continue  # "Jordan hosts 1.3 million Syrians, nearly half of them registered": a share of the hosted
        if c.kind == "returns" and _OF_THE_N.search(s[:a]) and _SETTLED_IN.match(s[b:]):
            # "Of the one million Syrians who settled in Germany in 2015, some 4,000 have
            # returned": the head is the refugees living in that host now, not a return
            host = _first(_HOSTS, s[b:b + 80])
            day = _day(published)
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, ""), host=host,
                        period_type="stock", period_start=day, as_of=day)
            head_end = b
        elif c.kind == "returns" and head_end and c.period_type == "flow" \
                and not re.search(r"\b(?:19|20)\d\d\b", s[head_end:].split(",", 1)[-1]) \
                and published >= pd.Timestamp(V.ASSAD_FALL):
            # the year was the head's ("who settled in Germany in 2015"): the returns are
            # counted as the others after the fall of Assad
            c = replace(c, period_type="cumulative", period_start=V.ASSAD_FALL, as_of=_day(published))
        if c.kind == "returns" and _BOTH_ORIGINS.match(s[b:]):
            continue  # "1.5 million have returned, including 500,000 from abroad and 1 million IDPs": both
        if c.kind == "returns":
            own = re.split(r",\s|;|\d", s[b:])[0][:120]
            if _RETURN_FROM_ABROAD.search(own) and not _RETURN_INSIDE.search(own):
                c = replace(c, measure="refugee_returns")
            elif _RETURN_INSIDE.search(own) and not _RETURN_FROM_ABROAD.search(own) and c.measure != "idp_returns":
                c = replace(c, measure="idp_returns", host="")
        res.append(c)
    return res


def _event_span(s: str, p_local: str, near: str, published: pd.Timestamp, own: tuple[str, str],
                ptype: str) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The span within which people "were displaced": two days of a month ("between 1 and
    10 March") or a month ("last month", "in January"), read as a flow; None if the words
    give no such span (a level on a day, or a year, stays as read)."""
    found = _between_day_numbers(near, published)
    if found is None and ptype == "stock":
        f = _period(s, p_local, "deaths", published, own=own)
        if f[0] == "flow" and (f[2] - f[1]).days <= 62:
            found = f
    return found

#: An item of a list of hosts and their counts: "Lebanon, 154,387; Jordan, 142,664",
#: "followed by Turkey (770,000), Jordan (600,000)".
_HOST_ITEM = _c(r"(?:^|[;:,(]\s*|\band\s+|\bby\s+)(?:" + _HOST_NAME_ALT + r")\s*(?:,|\(|:|-)?\s*$")
#: People said to live there, after a clause about a host's refugees ("Turkey has taken in more
#: refugees than any country; around three million still live there").
_THERE_AFTER = _c(r"^\s*(?:(?:people|syrians|of them)\s+)?(?:still\s+|now\s+|currently\s+)?(?:live|living|remain"
                  r"|remaining|stay|staying|reside|residing)\s+(?:there|in the country)\b")
#: "the latest total is", "the overall total stands at": the total of the count talked about.
_TOTAL_IS = _c(r"\b(?:the|a|its|their) (?:new |latest |overall |updated |current )?total (?:is|was|stands at|stood at"
               r"|reached|has reached|now stands at)\s*$")


def _refugees_in_other_words(s: str, num: Number, out: list[TextClaim], ctx: Context | None) -> str:
    """The kind of a count whose own words name no measure (H21d): an item of a list of hosts
    and counts after refugees are spoken of, people who "live there" after a host's refugees,
    or "the latest total is N" continuing the kind of the sentence before. '' if none."""
    before = s[:num.start]
    refugee_talk = any(c.kind == "refugees" for c in out) or bool(re.search(r"\brefugees?\b", before, _FLAGS)) \
        or (ctx is not None and ctx.kind == "refugees")
    if refugee_talk and _HOST_ITEM.search(before[-40:]):
        return "refugees"
    if _THERE_AFTER.match(s[num.end:]) and re.search(r"\brefugees?\b", before, _FLAGS) \
            and _HOST_COUNTRY.search(before):
        return "refugees"
    if ctx is not None and ctx.kind in ("refugees", "idps", "displaced") and _TOTAL_IS.search(before[-40:]):
        return ctx.kind
    return ""


#: "Six long and brutal years have since passed": N years have passed (the war named in the
#: sentence).
_YEARS_HAVE_PASSED = _c(r"^\s*(?:[\w'-]+\s+(?:and\s+)?){0,3}?years?\s+(?:have|has)\s+(?:now\s+)?(?:since\s+)?"
                        r"(?:passed|elapsed|gone by)\b")


def _years_have_passed(num: Number, s: str, after: str, comp: str, published: pd.Timestamp
                       ) -> tuple[float, str, int] | None:
    """(years, comparator, end) of "N (long) years have (since) passed" in a sentence about
    the war, when N is the war's age at *published* (H21d); None otherwise."""
    m = _YEARS_HAVE_PASSED.match(after)
    if m is None or num.kind not in ("count", "ordinal") or not _WAR_WORD.search(s) \
            or not _plausible_age(num.value, comp, published):
        return None
    return num.value, comp, num.end
