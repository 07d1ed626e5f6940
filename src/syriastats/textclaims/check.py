"""Judge the claims found in a text against the registry: :func:`check_text`.

The claims found by :func:`~syriastats.textclaims.extract.extract_claims` are written as
a claims frame in the claims-file schema (``claim_id, origin, origin_date, origin_url,
text, measure, as_of, value, comparator``, plus the optional dimension columns
``period_start, period_type, area, host, group`` and ``attribution``) and judged by
:func:`syriastats.claims.check`; a claim attributed to a publisher ("according to SOHR")
that repeats that publisher's own figure is an accurate quote
(``syriastats.claims.COMPARATOR_RULES['attributed']``). Where the registry in use does not yet carry the
dimension a claim needs (a one-year toll, a host country, a governorate, children or
women), the claim is ``not_checkable`` with that reason instead of being compared with
figures of another period, country, area or group. A count of refugees that does not say
"registered" is read both as registered refugees (in its host, or the region) and as UNHCR's
statistics of refugees (in its host, or worldwide); the better-supported reading is kept and
the explanation names it and the other reading's verdict.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.claims.rules import ATTRIBUTION_PUBLISHERS
from syriastats.claims.scope_rules import HOSTED_NOTE, LOOSE_DECADE_MAX_YEARS, LOOSE_DECADE_NOTE
from syriastats.textclaims.causes import one_cause
from syriastats.textclaims.extract import extract_claims

#: Largest text accepted (characters of the decoded text; bytes for a file): 10 MB.
MAX_TEXT_BYTES: int = 10 * 1024 * 1024

#: Detailed verdict -> the reviewer's verdict class.
VERDICT_CLASS: dict[str, str] = {
    "consistent": "consistent", "contested": "contested", "above_all": "overstated",
    "below_all": "understated", "broader_scope_only": "misscoped",
    "contradicted": "overstated", "not_checkable": "not_checkable",
}
#: The verdict classes, in display order, with what each means.
VERDICT_CLASSES: dict[str, str] = {
    "consistent": "agrees with the comparable sourced figures",
    "overstated": "higher than every comparable source",
    "understated": "lower than every comparable source",
    "misscoped": "true only for another scope, place or period",
    "contested": "supported by only some of the sources",
    "not_checkable": "the registry holds no comparable figure (the reason is given)",
}

#: Columns of :func:`check_text`'s result, in order.
RESULT_COLUMNS: list[str] = [
    "sentence_index", "sentence", "start", "end", "claim_text", "value", "measure",
    "comparator", "period_type", "period_start", "as_of", "host", "area", "group",
    "attribution", "known", "verdict", "verdict_class", "explanation", "figures",
    "lower", "upper",
]


class TextCheckError(ValueError):
    """Bad input to :func:`check_text` (empty text, a bad date, a text over the limit)."""


def parse_published(published: Any, *, today: _dt.date | None = None) -> pd.Timestamp:
    """The publication date as a Timestamp; :class:`TextCheckError` if it does not parse
    as ``YYYY-MM-DD`` or lies after *today* (default: the machine's date)."""
    if isinstance(published, (pd.Timestamp, _dt.datetime, _dt.date)):
        ts = pd.Timestamp(published).normalize()
    else:
        s = str(published).strip() if published is not None else ""
        try:
            ts = pd.Timestamp(_dt.date.fromisoformat(s))
        except ValueError:
            raise TextCheckError(
                f"published date {s!r} is not a date: give the day the text was published "
                "as YYYY-MM-DD (e.g. 2016-08-01)") from None
    day = today or _dt.date.today()
    if ts.date() > day:
        raise TextCheckError(f"published date {ts.date()} lies in the future (today is {day}): "
                             "give the day the text was published")
    if ts < pd.Timestamp(V.WAR_START):
        raise TextCheckError(f"published date {ts.date()} is before the war began "
                             f"({V.WAR_START}): no war statistics can be checked")
    return ts


def _registry(data_dir: str | Path | None) -> pd.DataFrame:
    from syriastats.sources import load_estimates, load_sources, with_sources

    return with_sources(load_estimates(data_dir), load_sources(data_dir))


#: "almost half", "nearly a third", "just under 50%": a share a bit under the number. It is
#: judged as 'about X - SHARE_SHIFT' with the checker's ±5-point share tolerance, i.e. the
#: band X-7.5 to X+2.5 points (nearly half = 42.5 %-52.5 %: mostly under half, with room for
#: a source's own rounding), instead of X ± 5 points.
_JUST_BELOW = re.compile(r"^(?:almost|nearly|just under|not quite)\b", re.I)
SHARE_SHIFT: float = 0.025
_BELOW_NOTE = "share just below"
#: 'A decade' (of war): loose, 10 to about 12 years (COMPARATOR_RULES['loose_decade']).
_DECADE = re.compile(r"\bdecade\b", re.I)


def claims_frame(found: pd.DataFrame, published: pd.Timestamp, url: str | None) -> pd.DataFrame:
    """The found claims in the claims-file schema (plus the optional dimension columns).
    A share worded "almost X" is sent as about X - SHARE_SHIFT (notes say so)."""
    day = published.strftime("%Y-%m-%d")
    values = found["value"].astype(float).to_numpy().copy()
    below = (found["measure"].astype(str).str.endswith("_share")
             & (found["comparator"] == "about")
             & found["claim_text"].astype(str).str.match(_JUST_BELOW)).to_numpy(bool) \
        if "claim_text" in found.columns else np.zeros(len(found), bool)
    values[below] -= SHARE_SHIFT
    decade = ((found["measure"].astype(str) == "war_duration_years")
              & (found["value"].astype(float) == 10.0)
              & found["claim_text"].astype(str).str.contains(_DECADE)).to_numpy(bool) \
        if "claim_text" in found.columns else np.zeros(len(found), bool)
    ids = [f"text-s{int(r.sentence_index) + 1:04d}-c{i + 1:02d}" for i, r in
           enumerate(found.itertuples(index=False))]
    return pd.DataFrame({
        "claim_id": ids, "origin": url or "text", "origin_date": day, "origin_url": url or "",
        "text": found["sentence"].to_numpy(), "measure": found["measure"].to_numpy(),
        "as_of": found["as_of"].to_numpy(), "value": values,
        "comparator": found["comparator"].to_numpy(),
        "notes": np.where(below, _BELOW_NOTE, np.where(decade, LOOSE_DECADE_NOTE, np.where(
            _hosted(found), HOSTED_NOTE, ""))),
        "period_start": found["period_start"].to_numpy(),
        "period_type": found["period_type"].to_numpy(), "area": _areas(found),
        "host": found["host"].to_numpy(), "group": found["group"].to_numpy(),
        "attribution": _attributions(found),
        "subarea": _subareas(found),
        "perpetrator": (found["perpetrator"].fillna("").astype(str).to_numpy(object)
                        if "perpetrator" in found.columns else np.full(len(found), "", object)),
        "claim_text": (found["claim_text"].to_numpy() if "claim_text" in found.columns
                       else np.full(len(found), "", object)),
    })


#: Words of a clause that say its refugees are registered ones.
_REGISTERED = re.compile(r"\bregist(?:ered|ration|rations|er)\b", re.I)


def _hosted(found: pd.DataFrame) -> np.ndarray:
    """Boolean per claim: a count of refugees registered in one host country (as check-text
    sends every "Syrian refugees in X") whose own clause does not say registered; marked
    HOSTED_NOTE, for COMPARATOR_RULES['host_government']."""
    out = np.zeros(len(found), bool)
    hosts = found["host"].fillna("").astype(str) if "host" in found.columns else \
        pd.Series("", index=found.index)
    words = found["claim_text"].fillna("").astype(str) if "claim_text" in found.columns else \
        pd.Series("", index=found.index)
    for i, (m, sent, h, w) in enumerate(zip(found["measure"].astype(str),
                                            found["sentence"].astype(str), hosts, words)):
        if m not in ("refugees_registered_by_host", "refugees_registered") \
                or h in ("", "REGION", "WORLD"):
            continue
        clause = next((k for k in _CLAUSE_SPLIT.split(sent) if w and w in k), sent)
        if w and w in clause:  # up to the next number after the claim's words ('..., of
            end = clause.index(w) + len(w)  # whom 900,000 are registered' is another count)
            nxt = re.search(r"\d", clause[end:])
            clause = clause[:end + nxt.start()] if nxt else clause
        out[i] = not _REGISTERED.search(clause)
    return out


#: How wire copy names the Syrian Observatory for Human Rights without naming it: "a
#: Britain-based war monitor", "an activist-run Syrian war monitor". A death toll so
#: attributed is read as attributed to SOHR (COMPARATOR_RULES['attributed'] then applies).
#: "A UK-based monitoring group" or "rights group" is not: SNHR is described so as well.
_SOHR_UNNAMED = re.compile(r"\bwar[- ]monitor\b(?!ing)", re.I)


#: Names of publishers whose death counts have another scope than the registry's figures
#: (their scope is a row of syriastats.claims.rules.OTHER_SCOPE_PUBLISHERS, never read from
#: the text): a death toll in a sentence naming one of them is attributed to it.
_OTHER_SCOPE_NAMES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:Syrian\s+)?(?:Revolution\s+)?Martyrs?(?:'|’)?\s+(?:Database|database|DB)\b"
                r"|\bSyrian\s+Martyrs\b", re.I), "Syrian Revolution Martyr Database"),
    (re.compile(r"\bLocal\s+Coordination\s+Committees?\b|\bLCCs?\b"),
     "Local Coordination Committees"),
]
#: How a text attributes a count of refugees to its host's authorities ("Lebanese
#: authorities say", "according to the Jordanian government", "Lebanon's officials"): host ->
#: pattern. Such a claim gets the attribution 'host government'
#: (COMPARATOR_RULES['host_government'] of syriastats.claims).
_HOST_AUTHORITIES: dict[str, re.Pattern[str]] = {
    "LBN": re.compile(r"\b(?:Lebanese|Lebanon(?:'|’)?s)\s+(?:\w+\s+)?(?:authorities|government|"
                      r"officials?|ministers?|ministry|president|prime\s+minister|"
                      r"General\s+Security)\b|\b(?:Beirut|Lebanon)(?:,\s*which)?\s+(?:says|said|estimates|puts)\b", re.I),
    "JOR": re.compile(r"\b(?:Jordanian|Jordan(?:'|’)?s)\s+(?:\w+\s+)?(?:authorities|government|"
                      r"officials?|ministers?|ministry|king|census)\b|\bAmman\s+(?:says|said|"
                      r"estimates)\b|\bJordan(?:,\s*which)?\s+(?:says|said|estimates|puts)\b", re.I),
}
#: The same without naming the country ("the government puts the figure at", "authorities
#: say"), read only in the clause of a refugee count in Lebanon or Jordan and not when the
#: Syrian government or the regime is meant.
_GOVERNMENT_SAYS = re.compile(
    r"(?<!Syrian )(?<!Syria's )(?<!Assad )(?<!regime )\b(?:government|authorities|officials)"
    r"\s+(?:puts?|says?|said|estimates?d?|counts?|states?|stated|believes?)\b"
    r"|(?<!Syrian )\bgovernment(?:'s)?\s+(?:estimate|figure|count)s?\b", re.I)
#: Words before 'government', 'authorities' or 'officials' that name another body than the
#: host's authorities ("UN officials", "aid officials", "the Turkish government"): lower
#: case; the host's own adjective is removed per host (:data:`_HOST_ADJECTIVES`).
_OTHER_BODIES: frozenset[str] = frozenset(
    "un u.n. un's u.n.'s unhcr agency aid humanitarian relief ngo international foreign "
    "western world us u.s. american european eu german british uk french dutch swedish danish "
    "norwegian austrian swiss belgian greek italian spanish canadian australian chinese "
    "russian iranian israeli turkish syrian iraqi egyptian saudi qatari emirati kurdish "
    "jordanian lebanese regime assad opposition rebel local municipal".split())
#: Each host's own adjectives (not another body before 'officials').
_HOST_ADJECTIVES: dict[str, frozenset[str]] = {
    "LBN": frozenset({"lebanese", "lebanon's", "lebanon’s"}),
    "JOR": frozenset({"jordanian", "jordan's", "jordan’s"}),
}
#: Determiners that may stand before an unnamed 'government' ("The government says").
_DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "its", "their", "this", "that"})


def _another_body(clause: str, host: str) -> bool:
    """Does every 'government', 'authorities' or 'officials' of *clause* that
    :data:`_GOVERNMENT_SAYS` finds follow another body's name or another nationality
    ("UN officials say", "the Turkish government said")?"""
    hits = list(_GOVERNMENT_SAYS.finditer(clause))
    if not hits:
        return False
    own = _HOST_ADJECTIVES.get(host, frozenset())
    for m in hits:
        before = clause[:m.start()].split()
        w = before[-1].strip("\"'“”(,").lower() if before else ""
        raw = before[-1] if before else ""
        if w in own or not w or w in _DETERMINERS:
            return False
        if w not in _OTHER_BODIES and not raw[:1].isupper():
            return False
    return True


#: A UN name in a clause (the attribution extraction gave the sentence is then the clause's).
_UN_NAMED = re.compile(r"\bU\.?N\.?\b|United Nations|UNHCR|refugee agency", re.I)
_HOST_GOVERNMENT: str = "host government"


def _own_clause(found: pd.DataFrame, i: int, sent: str) -> str:
    """The clause of *sent* (split by _CLAUSE_SPLIT) holding claim *i*'s words, else *sent*."""
    words = str(found["claim_text"].iloc[i]) if "claim_text" in found.columns else ""
    return next((k for k in _CLAUSE_SPLIT.split(sent) if words and words in k), sent)


def _named_in(attribution: str, clause: str) -> bool:
    """Does *clause* name the publisher of *attribution* (its name, or the registry pattern
    of ATTRIBUTION_PUBLISHERS; SOHR also as 'the Observatory' or 'a war monitor')?"""
    pat = ATTRIBUTION_PUBLISHERS.get(attribution, "").replace("^", r"\b")
    return bool(re.search(re.escape(attribution), clause, re.I)
                or (pat and re.search(pat, clause, re.I))
                or (attribution == "SOHR" and re.search(r"Observatory|\bmonitor\b", clause,
                                                        re.I)))


def _attributions(found: pd.DataFrame) -> np.ndarray:
    """Column ``attribution``: as extraction read it, else SOHR for a death toll whose
    sentence names it only as 'a Britain-based war monitor' (:data:`_SOHR_UNNAMED`); a
    death toll of a publisher with another scope (:data:`_OTHER_SCOPE_NAMES`) is that
    publisher's, and a refugee count in Lebanon or Jordan given by the host's authorities
    (:data:`_HOST_AUTHORITIES`) is the host government's."""
    att = found["attribution"].fillna("").astype(str).to_numpy(object).copy()
    hosts = found["host"].fillna("").astype(str) if "host" in found.columns else \
        pd.Series("", index=found.index)
    for i, (a, m, sent, h) in enumerate(zip(att, found["measure"].astype(str),
                                             found["sentence"].astype(str), hosts)):
        if m in _DEATH_MEASURES:
            clause = _own_clause(found, i, sent)
            other = next((who for pat, who in _OTHER_SCOPE_NAMES if pat.search(clause)), "")
            if other and (a in ("", "UN") or not _named_in(a, clause)):
                att[i] = other
            elif not a and _SOHR_UNNAMED.search(sent):
                att[i] = "SOHR"
        elif m in _REFUGEE_MEASURES and h in _HOST_AUTHORITIES and a in ("", "UN"):
            clause = _own_clause(found, i, sent)
            if (_HOST_AUTHORITIES[h].search(clause)
                    or (_GOVERNMENT_SAYS.search(clause) and not _another_body(clause, h))) \
                    and not _UN_NAMED.search(clause):
                att[i] = _HOST_GOVERNMENT
    return att


def _subareas(found: pd.DataFrame) -> np.ndarray:
    """Column ``subarea`` of the claims: as extraction read it (column ``subarea``, when it
    gives one), else the part of a host or of Syria named in the claim's clause
    (:data:`_SUBAREA`); for the extractor's areas CAMP and LOCAL (one camp, or a place
    inside Syria it cannot name) 'one camp' or 'one place inside Syria', with the place
    when it is named. Every claim narrower than the registry's figures reaches the
    checker this one way (COMPARATOR_RULES['subarea'])."""
    given = (found["subarea"].fillna("").astype(str).to_numpy(object) if "subarea" in found.columns
             else np.full(len(found), "", object))
    rows = found.rename(columns={"sentence": "text"})
    out = np.array([g or _subarea(r) for g, (_, r) in zip(given, rows.iterrows())], object)
    for i, a in enumerate(found["area"].astype(object).fillna("").astype(str)):
        if a in _PLACE_AREAS:
            out[i] = _PLACE_AREAS[a] + (f" ({out[i]})" if out[i] else "")
    return out


#: The extractor's areas for a place narrower than any registry figure -> the words
#: of its subarea; the claim is sent to the checker with area SYR and that subarea.
_PLACE_AREAS: dict[str, str] = {"CAMP": "one camp", "LOCAL": "one place inside Syria"}


def _areas(found: pd.DataFrame) -> np.ndarray:
    """Column ``area`` of the claims: as extracted, SYR for CAMP and LOCAL (see
    :func:`_subareas`)."""
    area = found["area"].to_numpy(object).copy()
    for i, a in enumerate(area):
        if isinstance(a, str) and a in _PLACE_AREAS:
            area[i] = "SYR"
    return area


#: The claim dimensions the checker (:func:`syriastats.claims.check`) selects comparable
#: figures on. A claim that needs a dimension the checker does not match is judged
#: not_checkable here, with the reason, rather than against figures of another period,
#: country, area or group. (The claims checker now compares like with like on all four.)
CHECKER_MATCHES: frozenset[str] = frozenset({"period_type", "host", "area", "group"})


#: Words that put a claim in a city or another part of a governorate ("the Syrian city of
#: Aleppo", "eastern Ghouta", "in the city"): the registry's area figures are for whole
#: governorates, which are not compared with a part of one.
_PART_OF_AREA = re.compile(
    r"\bcity of\b|\b(?:aleppo|homs|hama|idlib|raqqa|daraa|latakia|deir ez-zor|douma) city\b"
    r"|\bin the city\b|\bthe city'?s\b|\b(?:eastern|east|western|west|northern|southern)"
    r"\s+(?:aleppo|ghouta|homs|hama|idlib|daraa|raqqa)\b|\bold city\b|\bneighbou?rhoods?\b"
    r"|\bdistricts? of\b", re.I)


#: Places narrower than any registry figure (a province, city or camp of a host country, a
#: region of Syria): a claim about one of them gets the claims column ``subarea`` and is
#: not checkable (COMPARATOR_RULES['subarea'] of :mod:`syriastats.claims`), instead of being
#: compared with its whole host country, the region or all of Syria.
_SUBAREA = re.compile(
    r"\b(?:(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,2}(?:refugee\s+)?camps?)\b(?!\s+(?:in|across)\s+"
    r"(?:the\s+)?(?:region|neighbou?ring))"
    r"|\b(?:in|across|of|from)\s+(?:the\s+)?(?:refugee\s+|displacement\s+|tented\s+)?camps\s+(?:in|of|on)\b"
    r"|\b(?:Hatay|Gaziantep|(?:S|Ş)anl(?:i|ı)urfa|Urfa|Kilis|Kahramanmara(?:s|ş)|Osmaniye|Ad(?:i|ı)yaman|Malatya"
    r"|Diyarbak(?:i|ı)r|Adana|Mersin|Istanbul|İstanbul|Bekaa|Beqaa|Akkar|Arsal|Mafraq|Irbid|Erbil|Duhok|Dohuk"
    r"|Sulaymaniyah|Kurdistan Region)\b"
    r"|\b(?:earthquake|quake)[- ](?:hit|affected|struck|stricken|devastated|ravaged)\s+(?:provinces|areas|regions?|zone|cities|parts)\b"
    r"|\b(?:provinces|areas|regions?|zone|cities|parts)\s+(?:\w+\s+)?(?:hit|affected|struck|devastated|ravaged|destroyed)\s+by\s+the\s+(?:earthquakes?|quakes?)\b"
    r"|\b(?:Za'?atari|Azraq|al-Hol|Al Hol|Rukban|Atmeh|Domiz)\b"
    r"|\b(?:last[- ]resort\s+)?(?:IDP|displacement)\s+sites\b|\blast[- ]resort\s+sites\b"
    r"|\bcollective\s+(?:centres|centers|shelters)\b"
    r"|\b(?:south[- ]?east(?:ern)?|southern|south)\s+Turkey\b"
    r"|\b(?:north[- ]?west(?:ern)?|north[- ]?east(?:ern)?|northern|southern|eastern)\s+Syria\b"
    r"|\bSyria'?s\s+(?:north[- ]?west|north[- ]?east|north|south|east)\b"
    r"|\b(?:opposition|rebel|government|regime|SDF|Kurdish)[- ](?:held|controlled)\s+(?:areas|territory|parts|regions?|north[- ]?west)\b")
#: Measures whose figures are for a whole host or for all of Syria (a part is a subarea).
_WHOLE_MEASURES = re.compile(r"^(?:refugees|refugees_registered|refugees_registered_by_host|refugees_by_host|refugees_worldwide|refugee_returns|idps|idp_returns|"
                             r"people_in_need|deaths_total|deaths_civilian|displaced_total)$")
_CLAUSE_SPLIT = re.compile(r";|:|\s+(?:while|whereas|but)\s+|,?\s+(?:with|including)\s+|,\s+and\s+")


#: Death measures whose claims may count only part of the war (a month, an offensive).
_DEATH_MEASURES = frozenset({"deaths_total", "deaths_civilian", "deaths_direct"})
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
#: "in March", "during the month of March 2025" (not "since March 2011"): deaths within one
#: month, read as that month's flow when extraction read the claim as a total since 2011.
_IN_MONTH = re.compile(r"(?<!since )\b(?:in|during|throughout|over)\s+(?:the\s+month\s+of\s+)?("
                       + "|".join(_MONTHS) + r")\b(?:\s+(\d{4}))?", re.I)
#: One offensive, battle or massacre, or a span of days or weeks: a part of the war no
#: registry figure counts (COMPARATOR_RULES of syriastats.claims: flows only of whole periods).
_PART_OF_WAR = re.compile(
    r"\b(?:offensive|assault|campaign|battle\s+(?:for|of)|siege\s+of|massacres?|incursion"
    r"|military\s+operation|crackdown\s+on\s+the\s+coast|coastal\s+violence)\b"
    r"|\b(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|a|one|two|three|four|five|six|"
    r"several|few)\s+(?:days?|weeks?|hours?)\b|\b(?:last|this|past)\s+(?:week|weekend)\b|\bthis\s+month\b"
    r"|\bin\s+a\s+single\s+(?:day|week|month)\b", re.I)
#: A clause that counts from a start ("since 2011", "since the uprising began"): a total.
_SINCE_START = re.compile(r"\bsince\b|\bso\s+far\b|\bto\s+date\b", re.I)


def _clause(c: pd.Series) -> str:
    sent, words = str(c.get("text") or c.get("sentence") or ""), str(c.get("claim_text") or "")
    return next((k for k in _CLAUSE_SPLIT.split(sent) if words and words in k), sent)


#: Characters before a claim's words read with the words after it, for what the toll counts
#: ("the assault has killed 400"; not an offensive named a sentence earlier).
_BEFORE_CHARS: int = 30
_WHOLE_TOLL = re.compile(r"\b(?:overall|total|in all|altogether|cumulative)\b"
                         r"|\b(?:war|conflict|uprising)\s+(?:that|which)\s+(?:has\s+)?(?:killed|left)\b",
                         re.I)
#: "last month" (after the claim's words): the month before publication.
_LAST_MONTH = re.compile(r"\b(?:last|past)\s+month\b", re.I)


def _around(c: pd.Series) -> str:
    """The claim's clause from :data:`_BEFORE_CHARS` before its words to the clause's end."""
    clause, words = _clause(c), str(c.get("claim_text") or "")
    i = clause.find(words) if words else -1
    return clause if i < 0 else clause[max(0, i - _BEFORE_CHARS):]


def _whole_war(c: pd.Series) -> bool:
    """A death claim read as a total since the war's start."""
    return (str(c["measure"]) in _DEATH_MEASURES and c.get("period_type") == "cumulative"
            and str(c.get("period_start") or "")[:7] <= V.WAR_START[:7])


def month_tolls(found: pd.DataFrame, published: pd.Timestamp) -> pd.DataFrame:
    """Death claims read as totals since 2011 whose clause says they happened in one month
    ("1,700 killed during the month of March") become that month's flow (the latest such
    month on or before *published*, or the year given): a month's toll is judged against
    the figures for that month, never against the war's total."""
    if found.empty:
        return found
    out = found.copy()
    for i, r in out.iterrows():
        if not _whole_war(r):
            continue
        clause = _around(r)
        words = str(r.get("claim_text") or "")
        after = clause[clause.find(words) + len(words):] if words in clause else ""
        m = _IN_MONTH.search(after)
        last = _LAST_MONTH.search(after)
        if (m is None and last is None) or _SINCE_START.search(clause) \
                or _PART_OF_WAR.search(clause) or _WHOLE_TOLL.search(_clause(r)):
            continue
        if m is not None:
            month = _MONTHS.index(m.group(1).lower()) + 1
            year = int(m.group(2)) if m.group(2) else (
                published.year if month <= published.month else published.year - 1)
            start = pd.Timestamp(year=year, month=month, day=1)
        else:
            start = (published - pd.offsets.MonthBegin(1)).normalize()
            start = pd.Timestamp(year=start.year, month=start.month, day=1)
            if start.month == published.month:
                start = start - pd.offsets.MonthBegin(1)
        if start > published:
            continue
        end = start + pd.offsets.MonthEnd(0)
        out.at[i, "period_type"] = "flow"
        out.at[i, "period_start"] = start.strftime("%Y-%m-%d")
        out.at[i, "as_of"] = end.strftime("%Y-%m-%d")
    return out


def _part_of_war(c: pd.Series) -> str:
    """Why a death claim read as a total since 2011 counts only part of the war ('' if not)."""
    if not _whole_war(c):
        return ""
    clause = _around(c)
    m = _PART_OF_WAR.search(clause)
    if m is None or _SINCE_START.search(clause) or _WHOLE_TOLL.search(clause):
        return ""
    return (f"the claim counts deaths in part of the war only ('{m.group(0)}'): one offensive, "
            "battle or massacre, or a span of days or weeks; the registry holds tolls for the "
            "whole war, for years and for months, and a total is never compared with a part "
            "of it.")


def _subarea(c: pd.Series) -> str:
    """The place narrower than any registry figure the claim counts people in ('' if none):
    read in the clause of the sentence that holds the claim's words."""
    if not _WHOLE_MEASURES.match(str(c["measure"])):
        return ""
    if str(c.get("area") or "").startswith("SY-"):
        # extraction placed the claim in a governorate or region the registry has an area
        # code for (north-west Syria is SY-NW): it is compared with that area's figures,
        # and a part of it is caught by _PART_OF_AREA
        return ""
    sent, words = str(c.get("text") or ""), str(c.get("claim_text") or "")
    clauses = _CLAUSE_SPLIT.split(sent)
    clause = next((k for k in clauses if words and words in k), sent)
    m = _SUBAREA.search(clause)
    return m.group(0).strip() if m else ""


def _dimension_gap(c: pd.Series, est_cols: set[str]) -> str:
    """Why the registry cannot judge claim *c* like for like ('' if it can)."""
    m = str(c["measure"])
    if m == "war_duration_years":
        return ""
    part = _part_of_war(c) or one_cause(m, str(c.get("text") or ""), str(c.get("claim_text") or ""))  # (H22t)
    if part:
        return part
    area = str(c.get("area") or "")  # CAMP and LOCAL arrive as a subarea (_subareas)
    if area not in ("", "SYR", "WORLD", "SY-DI") and _PART_OF_AREA.search(str(c.get("text") or "")):
        return (f"the claim counts people in a city or part of {area} only; the registry holds "
                f"no figure below the governorate, and figures for the whole of {area} are not "
                "compared with a part of it.")
    est_cols = est_cols & CHECKER_MATCHES
    gap = "the checker does not yet select figures by {dim}, so it is not compared with {other}."
    if "period_type" not in est_cols:
        if c["period_type"] == "flow":
            return (f"the claim counts only the period {c['period_start']} to {c['as_of']}; "
                    + gap.format(dim="period", other="totals since 2011"))
        if c["period_type"] == "cumulative" and c["period_start"] != V.WAR_START:
            return (f"the claim counts from {c['period_start']}; "
                    + gap.format(dim="period", other="totals over other periods"))
    if "host" not in est_cols and c["host"] not in ("", "REGION") and m != "refugees_worldwide":
        return (f"the claim is about host country {c['host']}; "
                + gap.format(dim="host country", other="other countries' figures"))
    if "area" not in est_cols and c["area"] not in ("", "SYR"):
        return (f"the claim is about {c['area']} only; "
                + gap.format(dim="area", other="figures for all of Syria"))
    if "group" not in est_cols and c["group"] in ("children", "women"):
        return (f"the claim counts {c['group']} only; "
                + gap.format(dim="group", other="figures for all civilians"))
    return ""


#: Refugee measures a text may mean without saying "registered": the claim is also read as
#: UNHCR's statistics of refugees (measure ``refugees``) in its host country, or worldwide
#: when it names none, and the better-supported reading is kept (:func:`_either_reading`).
REGISTERED_MEASURES: frozenset[str] = frozenset({"refugees_registered",
                                                 "refugees_registered_by_host"})
_SAYS_REGISTERED = re.compile(r"regist", re.I)
#: How well a reading is supported: a second reading replaces the first when it ranks
#: higher (the claim is given its most favourable fair reading).
_RANK = {"not_checkable": 0, "misscoped": 1, "overstated": 2, "understated": 2, "contested": 3,
         "consistent": 4}


def _alternates(claims: pd.DataFrame) -> pd.DataFrame:
    """Second readings of refugee claims that do not say 'registered' (see
    :data:`REGISTERED_MEASURES`); claim ids end in '~refugees'."""
    if claims.empty:
        return claims.iloc[0:0]
    host = claims["host"].fillna("").astype(str)
    m = claims["measure"].isin(sorted(REGISTERED_MEASURES)).to_numpy(bool) \
        & ~claims["text"].astype(str).str.contains(_SAYS_REGISTERED).to_numpy(bool) \
        & (host != "REGION").to_numpy(bool)
    alt = claims[m].copy()
    alt["host"] = host[m].replace("", "WORLD").to_numpy()
    alt["measure"] = "refugees"
    alt["claim_id"] = alt["claim_id"].astype(str) + "~refugees"
    return alt


def _either_reading(out: pd.DataFrame, alt: pd.DataFrame,
                    hosts: dict[str, str]) -> pd.DataFrame:
    """Keep, for each claim with a second reading, the better-supported of the two
    (*hosts*: the second reading's host by claim id)."""
    if alt.empty:
        return out
    cls = out["verdict"].map(VERDICT_CLASS).fillna("not_checkable")
    alt_cls = alt["verdict"].map(VERDICT_CLASS).fillna("not_checkable")
    by_id = {str(cid)[:-len("~refugees")]: i for i, cid in enumerate(alt["claim_id"])}
    out = out.copy()
    out["reading_host"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    for i, cid in enumerate(out["claim_id"].astype(str)):
        j = by_id.get(cid)
        if j is None:
            continue
        a, p = alt_cls.iloc[j], cls.iloc[i]
        if _RANK.get(a, 0) <= _RANK.get(p, 0):
            continue
        row = alt.iloc[j]
        h = hosts.get(str(row["claim_id"]), "WORLD")
        where = "worldwide" if h == "WORLD" else f"in {h}"
        keep_id = out.at[out.index[i], "claim_id"]
        for col in out.columns:
            if col in alt.columns and col != "claim_id":
                out.at[out.index[i], col] = row[col]
        out.at[out.index[i], "claim_id"] = keep_id
        out.at[out.index[i], "reading_host"] = h  # the kept reading: measure refugees, host h
        out.at[out.index[i], "explanation"] = (
            f"Read as UNHCR's statistics of Syrian refugees {where} (measure refugees), as the "
            f"text does not say 'registered' (read as registered refugees the verdict would be "
            f"{p}): " + str(row["explanation"]))
    return out


#: The hosts of UNHCR's regional refugee response, whose registrations the registry holds.
REGIONAL_HOSTS: frozenset[str] = frozenset({"TUR", "LBN", "JOR", "IRQ", "EGY"})
_REFUGEE_MEASURES: frozenset[str] = frozenset(
    {"refugees", "refugees_registered", "refugees_registered_by_host", "refugees_by_host"})


def _distant_host_gap(c: pd.Series, verdict: str) -> str:
    """Why a count of Syrians in a host outside the region, higher than every registry
    figure, is not shown wrong ('' if it is): the registry's figures for such a host are
    UNHCR's year-end statistics of recognised refugees, while texts count Syrians there
    (asylum seekers, people with other residence titles) that it does not hold."""
    host = str(c.get("host") or "")
    if verdict != "above_all" or str(c["measure"]) not in _REFUGEE_MEASURES \
            or host in REGIONAL_HOSTS or host in ("", "REGION", "WORLD", "EUROPE"):
        return ""
    return (f"the registry's figures for {host} are UNHCR's year-end statistics of recognised "
            f"refugees; a count of Syrians in {host} may also hold asylum seekers and people "
            "with other residence titles, which the registry does not count there, so a "
            "higher number is not shown wrong (a lower one would be).")


def _parts_of_a_side(claims: pd.DataFrame, gaps: pd.Series) -> pd.Series:
    """*gaps* with a reason for combatant tolls that are parts of one side: a sentence that
    gives several tolls of the same side ("66,620 government troops, 51,594 pro-government
    fighters") splits it more finely than the registry's groups, whose figure for a side
    counts all of it. Of such tolls, one that is the sum of the others (within 1 %) is the
    side's total and is judged; the others are parts, not checkable."""
    if not len(claims) or "group" not in claims.columns:
        return gaps
    gaps = gaps.copy()
    # the sentence each claim was read from (its text; without it, its id's sentence part):
    # claims of one sentence whatever their ids look like (the gold scorer numbers its own)
    sentence = claims["text"].astype(str) if "text" in claims.columns else \
        claims["claim_id"].astype(str).str.replace(r"-c\d+$", "", regex=True)
    combat = claims["measure"].astype(str) == "deaths_combatant"
    for _, idx in claims[combat].groupby([sentence[combat], claims.loc[combat, "group"]]).groups.items():
        if len(idx) < 2:
            continue
        vals = claims.loc[idx, "value"].astype(float)
        total = next((i for i in idx if abs(vals[i] - (vals.sum() - vals[i]))
                      <= 0.01 * vals[i]), None)
        for i in idx:
            if i != total and not gaps[i]:
                grp = str(claims.at[i, "group"]) or "combatants"
                gaps[i] = (f"the sentence gives several tolls of one side ({grp}), so this one "
                           "counts part of it (soldiers, militias, one allied force); the "
                           f"registry's figures for {grp} count the whole side, and a part is "
                           "never compared with the whole.")
    return gaps


def _loose_decades(claims: pd.DataFrame, out: pd.DataFrame) -> pd.DataFrame:
    """'A decade' of war judged understated while the war was at most
    LOOSE_DECADE_MAX_YEARS old on the claim's date (``lower``: the war's age) is consistent
    (COMPARATOR_RULES['loose_decade'])."""
    if "notes" not in claims.columns or not len(claims):
        return out
    m = ((claims["notes"].astype(str) == LOOSE_DECADE_NOTE).to_numpy(bool)
         & (out["verdict"] == "below_all").to_numpy(bool)
         & (out["lower"].astype(float) <= LOOSE_DECADE_MAX_YEARS).to_numpy(bool))
    if not m.any():
        return out
    out = out.copy()
    for i in np.flatnonzero(m):
        j = out.index[i]
        out.at[j, "verdict"] = "consistent"
        out.at[j, "position"] = "within"
        out.at[j, "explanation"] = (
            f"Consistent (rule: loose_decade): 'a decade' spans 10 to about "
            f"{LOOSE_DECADE_MAX_YEARS:g} years, and the war was {float(out.at[j, 'lower']):.2f} "
            "years old or more on the claim's date, within it (without the rule the verdict "
            "would be below_all, understated). " + str(out.at[j, "explanation"]))
    if "verdict_class" in out.columns:
        out.loc[out.index[m], "verdict_class"] = "consistent"
    return out


def _judge(claims: pd.DataFrame, est: pd.DataFrame, known: str) -> pd.DataFrame:
    from syriastats import claims as C

    cols = set(est.columns)
    gaps = claims.apply(lambda c: _dimension_gap(c, cols), axis=1) if len(claims) else \
        pd.Series(dtype=object)
    gaps = _parts_of_a_side(claims, gaps)
    send = claims.copy()
    native_less = "less_than" in getattr(C, "COMPARATOR_RULES", {})
    if not native_less:
        send.loc[send["comparator"] == "less_than", "comparator"] = "at_most"
    if not CHECKER_MATCHES:
        send = send.drop(columns=["period_start", "period_type", "area", "host", "group"])
    # the attribution ("according to SOHR") lets an accurate quote of that publisher's own
    # figure be judged consistent (syriastats.claims.COMPARATOR_RULES['attributed'])
    alt = _alternates(send) if {"host", "text"} <= set(send.columns) else send.iloc[0:0]
    both = C.check(pd.concat([send, alt], ignore_index=True) if len(alt) else send, est,
                   known=known)  # type: ignore[arg-type]
    is_alt = both["claim_id"].astype(str).str.endswith("~refugees").to_numpy(bool)
    out = both[~is_alt].set_index("claim_id").loc[claims["claim_id"]].reset_index()
    out = _either_reading(out, both[is_alt].reset_index(drop=True),
                          dict(zip(alt["claim_id"].astype(str), alt["host"].astype(str))))
    less = (claims["comparator"] == "less_than").to_numpy()
    if not native_less and less.any():
        # 'fewer than X' judged as the ceiling 'at most X'; a ceiling above every source is
        # then true (the truth lies below it), not an overstatement
        above = less & (out["verdict"] == "above_all").to_numpy()
        out.loc[above, "verdict"] = "consistent"
        out.loc[less, "explanation"] = out.loc[less, "explanation"].astype(str) + (
            " 'Fewer than X' is judged as 'at most X'; a number above every source is a "
            "true upper bound.")
        out["comparator"] = claims["comparator"].to_numpy()
    below = (claims["notes"].astype(str) == _BELOW_NOTE).to_numpy(bool) \
        if "notes" in claims.columns else np.zeros(len(claims), bool)
    if below.any():
        from syriastats.claims.rules import SHARE_TOLERANCE as tol
        for i in np.flatnonzero(below):
            x = float(claims["value"].iloc[i]) + SHARE_SHIFT
            out.at[out.index[i], "explanation"] = (
                f"'Almost' or 'nearly' {x:.0%} is read as mostly under it, {x - SHARE_SHIFT - tol:.1%} "
                f"to {x - SHARE_SHIFT + tol:.1%} (judged as about {x - SHARE_SHIFT:.1%}). "
                + str(out.at[out.index[i], "explanation"]))
    out = _loose_decades(claims, out)
    gaps = gaps.where(gaps.astype(bool), pd.Series(
        [_distant_host_gap(c, v) for (_, c), v in zip(claims.iterrows(), out["verdict"])],
        index=gaps.index, dtype=object)) if len(claims) else gaps
    gap = gaps.astype(bool).to_numpy()
    if gap.any():
        out.loc[gap, "verdict"] = "not_checkable"
        if "verdict_class" in out.columns:
            out.loc[gap, "verdict_class"] = "not_checkable"
        out.loc[gap, "reason"] = gaps[gap].to_numpy()
        out.loc[gap, "explanation"] = [
            f"Not checkable with this registry: {g}" for g in gaps[gap]]
        out.loc[gap, "estimate_ids"] = ""
        out.loc[gap, ["lower", "upper"]] = np.nan
    if "verdict_class" not in out.columns:
        out["verdict_class"] = out["verdict"].map(VERDICT_CLASS).fillna("not_checkable")
    return out


def check_text(text: str, *, published: Any, url: str | None = None,
               known: Literal["then", "now"] = "then", estimates: pd.DataFrame | None = None,
               data_dir: str | Path | None = None,
               today: _dt.date | None = None) -> pd.DataFrame:
    """Find every numeric claim about the war's statistics in *text* and judge it.

    Parameters
    ----------
    text
        English text (an article, a report, a speech).
    published
        The day the text was published (``YYYY-MM-DD`` or a date): anchors "last year" and
        is the cut-off for ``known="then"``.
    url
        Where the text was published (shown as the claims' origin).
    known
        ``"then"``: judge only against figures published by *published*; ``"now"``: against
        every figure in the registry.
    estimates
        The registry's estimates with source columns (default: load ``data/``).

    Returns
    -------
    One row per claim (columns :data:`RESULT_COLUMNS`): the sentence, ``start``/``end``
    character offsets of the claim's words in *text*, ``value`` (persons; shares as
    fractions, 0.5 for "half"; the war's age in years), ``measure``, ``comparator``,
    period and dimensions, the detailed ``verdict`` of :func:`syriastats.claims.check`,
    ``verdict_class`` (:data:`VERDICT_CLASSES`), ``explanation`` and the estimate ids of
    the ``figures`` used; ``lower``/``upper`` the model range judged against. An empty
    frame when the text holds no war statistics.
    """
    if not isinstance(text, str):
        raise TextCheckError(f"text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise TextCheckError("the text is empty: nothing to check")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise TextCheckError(f"the text is larger than the limit of {MAX_TEXT_BYTES:,} bytes "
                             "(10 MB): split it and check the parts")
    if known not in ("then", "now"):
        raise TextCheckError(f"known must be 'then' or 'now', got {known!r}")
    pub = parse_published(published, today=today)
    found = month_tolls(extract_claims(text, pub), pub)
    if found.empty:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    est = estimates if estimates is not None else _registry(data_dir)
    claims = claims_frame(found, pub, url)
    judged = _judge(claims, est, known)
    res = found.copy()
    res["comparator"] = claims["comparator"].to_numpy()
    res["attribution"] = claims["attribution"].to_numpy()
    res["known"] = known
    for col in ("verdict", "verdict_class", "explanation", "lower", "upper"):
        res[col] = judged[col].to_numpy()
    if "reading_host" in judged.columns:
        # a refugee count judged as UNHCR's refugee statistics (not said 'registered'):
        # the row names the reading its verdict is about
        kept = judged["reading_host"].notna().to_numpy(bool)
        res.loc[kept, "measure"] = "refugees"
        res.loc[kept, "host"] = judged.loc[kept, "reading_host"].astype(str).to_numpy()
    res["figures"] = judged["estimate_ids"].astype(str).str.replace(";", ", ").to_numpy()
    return res[RESULT_COLUMNS].reset_index(drop=True)
