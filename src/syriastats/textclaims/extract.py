"""Turn English text into claims: one row per numeric statement about the war's statistics.

For each sentence (:func:`~syriastats.textclaims.sentences.split_sentences`) every number
(:func:`~syriastats.textclaims.numbers.find_numbers`) is kept only if it counts people
(or a share of the population, or the war's age), and then read for:

* the hedge before or after it -> ``comparator`` (about / at_least / at_most / less_than);
* the cue words next to it -> ``measure`` (deaths, refugees, IDPs, returns, ...), first in
  the words after the number up to the next clause break, then in the words before it
  back to the previous number, then the nearest cue in the sentence;
* group words ("civilians", "children") -> ``group``; countries of asylum -> ``host``;
  Syrian places -> ``area``; "according to SOHR" -> ``attribution``;
* the period ("in 2014", "last year", "since the fall of Assad", "since the war began")
  -> ``period_type``, ``period_start``, ``as_of`` (relative to *published*; read by
  :mod:`syriastats.textclaims.periods`).

Numbers that are not war statistics are dropped: years, days of the month, ages, money,
distances, durations (unless the war's age), weapon models ("Mi-8"), things that are not
people ("300 air strikes") and an incident's casualties (a small number with no
war-level cue, or a number tied to one attack, crash or day; a count of the dead is kept
whatever its size unless its own words name one incident).
All word lists are in :mod:`syriastats.textclaims.vocabulary`.

This module reads one sentence (:func:`_claims_in_sentence`) and a whole text
(:func:`extract_claims`); the rules it applies live in modules beside it:
:mod:`~syriastats.textclaims.cues` (compiled patterns and the helpers that search with them),
:mod:`~syriastats.textclaims.toll_parts`, :mod:`~syriastats.textclaims.war_age_words`,
:mod:`~syriastats.textclaims.host_counts`, :mod:`~syriastats.textclaims.displacement_kinds`,
:mod:`~syriastats.textclaims.episodes`, :mod:`~syriastats.textclaims.perpetrators`,
:mod:`~syriastats.textclaims.date_spans` and :mod:`~syriastats.textclaims.displacement_words`
(split out of this module in session 9, names unchanged), and the later rules, each called
once at the end of :func:`_claims_in_sentence`: displacement events, refugee scopes, returns
and crossings, the war's age, displaced shares, other stories, breakdowns, wounded, places,
tally dates, combatants and arrests (their shared helpers in
:mod:`~syriastats.textclaims.rule_kit`). Whether a count of the dead is an episode's toll or
one incident's casualties is :mod:`~syriastats.textclaims.episode_tolls`' test (H23e).
"""
from __future__ import annotations

import re
from dataclasses import asdict

import pandas as pd

import syriastats.textclaims.vocabulary as V
import syriastats.textclaims.arrests as arrests
import syriastats.textclaims.breakdowns as breakdowns
import syriastats.textclaims.combatants as combatants
import syriastats.textclaims.episode_tolls as episode_tolls
import syriastats.textclaims.places as places
import syriastats.textclaims.tally_dates as tally_dates
import syriastats.textclaims.wounded as wounded
from syriastats.textclaims.classify import asylum_of_all, refine_claims
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.number_cache import numbers_in
from syriastats.textclaims.literal_gate import candidates
from syriastats.textclaims.displacement_events import event_displacements
from syriastats.textclaims.other_stories import other_story
from syriastats.textclaims.refugee_scopes import refugee_scopes
from syriastats.textclaims.war_age import war_age_claims
from syriastats.textclaims.returns_crossings import returns_in_other_words
from syriastats.textclaims.displaced_shares import displaced_shares
from syriastats.textclaims.measure_choice import choose_measures, settle_frame
from syriastats.textclaims.sub_populations import community_group
from syriastats.textclaims.datelines import REACH as DATELINE_REACH, dateline_host, dateline_hosts
from syriastats.textclaims.periods import (
    _BETWEEN_DATES,
    _BETWEEN_DAYS,
    _SINCE_FALL,
    _between_dates,
    _between_days,
    _day,
    _named_period,
    _own_clause,
    _period,
    _period_in,
)
from syriastats.textclaims.sentences import split_sentences
from syriastats.textclaims.cues import (
    _after_appositive,
    _AGE,
    _AMONG,
    _AND_NEXT,
    _AREAS,
    _ASYLUM_YEAR_MAX,
    _ATTR,
    _ATTR_FRAME,
    _backward,
    _BEFORE_CAUSE,
    _blank,
    _BOTH_GROUPS,
    _BRINGING_TOTAL,
    _BY_PUBLISHER,
    _CAMP,
    _CAMPAIGN,
    _CHANGE,
    _CHANGE_PERIOD,
    _COMBINED_RETURNS,
    Context,
    _CONTINUES,
    _COUNTRIES_LIKE,
    _CUES,
    _CUES_NO_POP,
    _DEATH_WORD,
    _DIFFERENCE,
    _DIRECT,
    _DISPLACED_EVENT,
    _DONE_AFTER,
    _duration,
    _EDITORIAL,
    _FALLBACK,
    _first,
    _FIRST_CACHE,
    _FLAGS,
    _forward,
    _FROM_HOST,
    _GENERIC_DENOM,
    _GLOBAL_ABOVE,
    _GLOBAL_MEASURE,
    _governorate_in,
    _GROUPS,
    _hedge,
    _HOME_BEFORE,
    _HOST_COUNTRY,
    _HOST_POSSESSIVE,
    _HOST_REFERENCE,
    _HOSTS,
    _INCIDENT,
    _INCLUDING,
    _INDIRECT,
    _INSIDE_AFTER,
    _JOINT_TAIL,
    _LABEL,
    _last,
    _list_lead,
    _LIVE_AFTER,
    _LOSS_BEFORE,
    _measure,
    _MODAL_AFTER,
    _MONEY,
    _MULTIPLIER_AFTER,
    _NATIONAL,
    _nearest,
    _NEW_SUBJECT,
    _NEWLY,
    _NON_PEOPLE,
    _NON_WAR,
    _NOT_A_MEASURE,
    _NUMBER_OF_GROUP,
    _OF_THE_HEAD,
    _OFFENSIVE,
    _OTHER,
    _OTHER_NATIONALS,
    _OWN_DATE,
    _PARTITIVE,
    _PAST_YEAR_FLOW,
    _PLACE_POSS,
    _PLACE_WORD,
    _POP_AFTER,
    _POP_DENOM,
    _priority,
    _PROGRAMME,
    _QUOTES,
    _REFUGEE_WORD,
    _RETURNED_AFTER,
    _SHARE_MEASURE,
    _SHORT,
    _SIDES,
    _SINCE_WAR,
    _SPEAKER_PLACE,
    _SYRIA,
    TextClaim,
    _TIME_UNIT_AFTER,
    _TORTURE_NOUN,
    _TOWN,
    _WAR_LEVEL,
    _WAR_START_DATE,
    _without_dateline,
)
from syriastats.textclaims.date_spans import (
    _ABROAD_DEATHS,
    _deadliest_month,
    _death_span,
    _killed_and_injured,
    _report_year,
    _SHARE_GROUP,
    _SPAN_OF_DAYS,
    _THIS_PERIOD,
)
from syriastats.textclaims.displacement_kinds import (
    _ABROAD_RETURN_WORDS,
    _after_aside,
    _along_with_returns,
    _asylum_of_all,
    _blank_asides,
    _dash_aside_kind,
    _dateline_area,
    _DEAD_AND_DISPLACED,
    _DEATH_TALK,
    _displacement_kind,
    _HALF_OF_YEAR,
    _host_syrians_denominator,
    _IDP_RETURN_WORDS,
    _in_day_span,
    _INDUSTRIALISED,
    _industrialised,
    _new_displacement,
    _planned_return,
    _projections_past_years,
    _share_host,
    _THIS_YEARS,
    _update_toll,
    _uprooted,
    _uprooting_verb_kind,
    _world_framed,
)
from syriastats.textclaims.displacement_words import (
    _displacement_sentence_rules,
    _event_span,
    _OF_THESE,
    _refugees_in_other_words,
    _years_have_passed,
)
from syriastats.textclaims.episodes import (
    _EPISODE_BEGAN,
    _episode_span,
    _episode_start,
    _OTHER_REGION,
    _WAR_OWN,
)
from syriastats.textclaims.host_counts import (
    _breakdown_item,
    _CROSSED,
    _CROSSING_MAX,
    _host_part,
    _hosted_refugees,
    _REGION_AND_EGYPT,
    _SINCE_ANY,
    _split_each,
)
from syriastats.textclaims.perpetrators import (
    _DIFF_BEFORE,
    _ESTIMATE_NOW,
    _FUTURE_AFTER,
    _KILLERS_AFTER,
    _MONTHLY_NOUN,
    _OF_WHOM_BEFORE,
    _perpetrator,
    _report_month,
    _SAID_ON,
)
from syriastats.textclaims.toll_parts import (
    _BOTH_KINDS,
    _breakdown_line,
    _campaign_toll,
    _CITIZENS,
    _clause_bounds,
    _DEAD_DISPLACED,
    _DEATH_KINDS,
    _decades,
    _host_list,
    _host_list_after,
    _INCL_OPEN,
    _INCLUDING_LIST,
    _KILLED_CITIZENS,
    _kind_override,
    _list_hedge,
    _main_verb_after_aside,
    _MONTH_OPENER,
    _NOT_DEATHS,
    _ONE_MONTH,
    _OWN_PERIOD,
    _part_of_toll,
    _PERPETRATOR_PART,
    _place_list_item,
    _projections,
    _range_hedge,
    _RETURN_VERB_ANY,
    _short_in_aside,
    _SINCE_OPENER,
    _SINCE_YEAR_START,
    _SUBSET_PLACE,
    _tail,
    _toll_month,
    _toll_side,
)
from syriastats.textclaims.war_age_words import (
    _age_completed,
    _age_other_words,
    _decade_phrases,
    _plausible_age,
)

#: Columns of :func:`extract_claims`' result, in order.
EXTRACT_COLUMNS: list[str] = [
    "sentence_index", "sentence", "start", "end", "claim_text", "value", "kind", "measure",
    "comparator", "period_type", "period_start", "as_of", "area", "host", "group",
    "attribution", "subarea", "perpetrator",
]


def _claims_in_sentence(si: int, sent_text: str, offset: int,
                        published: pd.Timestamp, ctx: Context | None = None) -> list[TextClaim]:
    _FIRST_CACHE.clear()  # (answers are reused within one sentence's numbers only)
    raw = sent_text
    s = _without_dateline(sent_text.translate(_QUOTES))  # same length: offsets stay valid
    s = _EDITORIAL.sub(lambda m: " " + m.group(1) + " ", s)  # "people (are) fleeing": same length
    low = s.lower()
    nums = list(numbers_in(s))  # (the rules after the reader read the same, cached)
    models = [(m.start(), m.end()) for m in V.MODEL_RE.finditer(s)]
    framed = bool(_ATTR_FRAME.search(s))
    sentence_off = bool(_OTHER.search(s)) and not _SYRIA.search(s)
    non_war = bool(_NON_WAR.search(s))
    # "In Syria alone the toll has passed 3,000" after the earthquake's story: the disaster's dead
    carried_disaster = not non_war and ctx is not None and ctx.disaster and not _WAR_OWN.search(s)
    out: list[TextClaim] = []
    chain = False  # inside "including X ... and Y" after a count of returns
    combined_end = -1  # end of a count of returns skipped as refugees and IDPs together
    proj = _projections_past_years(s, nums, _projections(s, nums))
    incl_kind, incl_end = "", -1  # the last count claim's kind and end (for "including N ... and M")
    combined_group = ""  # the group of a count of the dead and the wounded together (H21t)
    first_count = next((n for n in nums if n.kind == "count"), None)
    for k, num in enumerate(nums):
        prev = nums[k - 1] if k > 0 else None
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        before, after = s[:num.start], s[num.end:]
        if any(a <= num.start < b for a, b in models) or sentence_off:
            continue
        if num.start > 0 and s[num.start - 1].isalpha() and s[num.start].isdigit():
            continue  # part of a name ("Kurdistan24", "G20")
        comp, hedge_len = _hedge(before, after)
        if not hedge_len and comp == "about":
            comp = _list_hedge(s, nums, k) or comp
        comp = _range_hedge(s, nums, k) or comp  # "about 21-22 million": a floor and a ceiling
        start = num.start - hedge_len
        # the publisher named nearest before the number ("lower than an estimate from the
        # Syrian Observatory, which put the toll at 606,000"), else the first after it
        by = _BY_PUBLISHER.match(after)
        attribution = _first(_ATTR, by.group(1)) if by else ""
        if not attribution and framed:
            attribution = _last(_ATTR, before) or _first(_ATTR, after)
        # ---- the war's age
        dur = _age_completed(num, before, after) or _duration(
            num, s, before, after, comp, hedge_len, war_began=ctx is not None and ctx.war_began) \
            or _age_other_words(num, s, before, after, comp, hedge_len, published) \
            or _years_have_passed(num, s, after, comp, published)
        if dur is not None:
            years, dcomp, end = dur
            out.append(TextClaim(si, raw, offset + start, offset + end, raw[start:end], float(years),
                                 "duration", "war_duration_years", dcomp, "stock",
                                 _day(published), _day(published), "SYR", "", "", attribution))
            continue
        if non_war and num.kind != "count":
            continue
        fwd, back = _forward(s, num, nxt), _backward(s, num, prev)
        # the words that belong to this number alone, for its period: its clause after it
        # (up to the next count or share) and the words back to the previous count or share
        # (years and days in between are part of its date, not other claims)
        others = [n for n in nums if n.kind in ("count", "share")
                  and not _TIME_UNIT_AFTER.match(s, n.end)  # "two months ago" is a date
                  and not _HALF_OF_YEAR.match(s, n.end)]  # "the first half of 2025" too
        p_own = max((n.end for n in others if n.end <= num.start), default=0)
        n_own = min((n.start for n in others if n.start >= num.end), default=len(s))
        fwd_own = _forward(s, num, Number(n_own, n_own, 0, "count", ""))
        back_own = s[max(p_own, num.start - 150):num.start]
        # the words around the number, but not past the next count: a period after that is
        # the other number's ("120,000, up from 110,000 two months ago")
        n_count = min((n.start for n in others if n.start >= num.end and n.kind == "count"),
                      default=len(s))
        # "the war, ignited in March 2011, ...": the war's start is no claim's period
        sm = _blank_asides(_WAR_START_DATE.sub(_blank, s), num)
        back_own = sm[max(p_own, num.start - 150):num.start]  # (not a relative clause's date)
        # not across a semicolon: "... in March were in need; now 2.5 million are": another clause's date
        c_lo, c_hi = _clause_bounds(sm, num)
        p_local = sm[max(c_lo, num.start - 120):min(num.end + 120, n_count, c_hi)]
        local = sm[max(c_lo, num.start - 120):min(num.end + 120, c_hi)]
        pred = s[num.end:n_count] if n_count > num.end else after
        if re.search(r"^[^.;,]{0,50}\band\s+(?:\w+\s+){0,2}$", pred):
            pred = after  # "1.5 million from abroad and two million IDPs may return"
        # (not past a clause with a subject of its own: "850,000 have returned and the figure
        # could reach 1 million")
        if _MODAL_AFTER.search(_NEW_SUBJECT.split(pred, maxsplit=1)[0]):
            continue
        if proj[k] and not _DONE_AFTER.search(after[:60]) and not (
                _ESTIMATE_NOW.search(before[-90:]) and not _FUTURE_AFTER.match(after[:80])):
            continue
        if _DIFF_BEFORE.search(before[:len(before) - hedge_len]):
            continue  # "the real number is higher by at least 50,000": a difference, no count (H21t)
        gwin = s[num.end:nxt.start if nxt is not None else len(s)][:80]
        gwin_long = s[num.end:n_count][:130] if n_count > num.end else gwin
        short = bool(_SHORT.search(back[-40:] + " " + gwin + " " + gwin_long)) and not _SINCE_FALL.search(low)
        short = short and not _short_in_aside(s, num)  # "(seven children are killed every day)"
        if short and _ONE_MONTH.search(_own_clause(gwin_long)) and _DEATH_WORD.search(s) and not _SHORT.search(
                _ONE_MONTH.sub(" ", back[-40:] + " " + gwin + " " + gwin_long)):
            short = False  # "forces killed more than 1,200 citizens during a month": a month's toll
        # an episode's or a campaign's toll over days or weeks is a war statistic (H21t)
        episode = _episode_span(s, num, published, _episode_start(ctx.episode_text, published)
                                if ctx is not None and ctx.episode_text else None) \
            if num.kind == "count" and (_SYRIA.search(s) or _first(_AREAS, s) or (ctx is not None and (
                ctx.episode_text or ctx.toll is not None))) else None
        if episode is not None:
            short = False
        if short and _MONTHLY_NOUN.search(s) and not _SHORT.search(
                _MONTHLY_NOUN.sub(" ", back[-40:] + " " + gwin + " " + gwin_long)):
            short = False  # "the highest monthly total this year": a month's toll, no rate (H21t)
        if short and num.kind != "count":
            continue
        if _MULTIPLIER_AFTER.match(after):
            continue  # "half as many", "four times more": a ratio, not a count or a share
        # ---- shares of the population
        if num.kind == "share":
            rest = after
            denom = _POP_DENOM.search(rest)
            if denom:
                if _GENERIC_DENOM.search(rest) and _HOST_COUNTRY.search(before):
                    continue  # "10% of the population" of a host country
                kind = (_first(_CUES_NO_POP, _forward(s, Number(num.start, num.end + denom.end(), 0,
                                                                 "share", ""), nxt))
                        or _last(_CUES_NO_POP, before[-40:]) or _first(_CUES_NO_POP, rest[:120]))
            elif re.search(V.POPULATION_WORDS, before[-150:], _FLAGS):
                kind = _first(_CUES_NO_POP, fwd)
            else:
                continue
            measure = _SHARE_MEASURE.get(kind, "")
            if measure in ("idps_share", "refugees_share") and _BOTH_KINDS.search(before[-160:]):
                measure = "displaced_share"  # "the refugees and the 4.5 million internally displaced mean one-third"
            if not measure or _PROGRAMME.search(fwd) or _host_syrians_denominator(rest):
                continue
            ptype, pstart, as_of = _period(s, p_local, "share", published, own=(fwd_own, back_own))
            if ptype == "flow":
                ptype, pstart = "stock", as_of
            out.append(TextClaim(si, raw, offset + start, offset + num.end, raw[start:num.end],
                                 num.value, "share", measure, comp, ptype, _day(pstart), _day(as_of),
                                 "SYR", _share_host(measure, rest), "", attribution))
            continue
        if num.kind != "count":
            continue
        # ---- counts of people
        if _NON_PEOPLE.search(after) or _MONEY.search(before[-6:].lower()) or _AGE.search(before) \
                or _DIFFERENCE.search(after) or episode_tolls.not_a_count(s, num.start, num.end):  # (H23e)
            continue
        if _OTHER_NATIONALS.search(after[:80]) or (_CHANGE.search(before[:len(before) - hedge_len])
                                                    and not _CHANGE_PERIOD.search(after[:60])):
            continue  # another country's refugees; a change, not a level (unless it is a period's flow)
        if re.match(r"^\s*-?\s*(?:year|month|day|week)s?[- ]old", after, _FLAGS):
            continue
        back60 = _tail(back, 60)
        # a list after a lead phrase ("the toll includes X civilians, Y children and Z
        # women", "X returned from Turkey, Y from Lebanon"): the lead claim this item is
        # coordinated with gives the kind (and below the period and host) the item's own
        # words do not name
        lead = _list_lead(s, num, prev, hedge_len, out, offset) or _breakdown_item(s, num, prev, out, offset) \
            or _place_list_item(s, num, prev, out, offset)
        kind = _priority(_CUES, fwd) or _priority(_CUES, _after_appositive(after)) \
            or _priority(_CUES, _main_verb_after_aside("", after)[:80]) \
            or (lead.kind if lead is not None else "") \
            or _priority(_CUES, back60) or _priority(_FALLBACK, fwd) or _priority(_FALLBACK, back60)
        if _PARTITIVE.match(after) and out and out[-1].end - offset <= num.start \
                and not _priority(_CUES, _FROM_HOST.sub(" ", after[_PARTITIVE.match(after).end():][:60])) \
                and out[-1].kind not in ("duration", "share"):
            kind = out[-1].kind  # "More than 1.5 million have returned, 500,000 of them from abroad"
        if kind == "missing" and _DEATH_WORD.search(fwd + " " + re.split(r",\s|\sand\s", back60)[-1]):
            kind = "detention"  # "11,000 detainees were tortured to death": deaths in detention
        labelled = False
        if not kind and _LABEL.search(before) and ctx is not None and ctx.kind:
            kind, labelled = ctx.kind, True  # "Civilians: 115627" in a breakdown of the toll just given
        denominator = prev is not None and prev.kind == "share" and re.fullmatch(
            r"\s+of\s+(?:the|its|syria'?s)\s+(?:[\w-]+\s+)?", s[prev.end:num.start], _FLAGS) is not None
        if denominator and kind == "returns":
            # "A quarter of the 6 million Syrians who fled the country ... have returned": the
            # main verb is the share's; the count is what its own relative clause says
            kind = _priority([c for c in _CUES if c[1] != "returns"], fwd) or kind
        if kind == "displaced" and _priority(_CUES, _own_clause(s[num.end:n_own])[:120]) == "idps":
            kind = "idps"  # "6.5 million people who have fled their homes and are displaced inside Syria"
        elif kind == "displaced" and _INSIDE_AFTER.match(s[num.end:n_own]):
            kind = "idps"  # "displaced 6.8 million inside the country"
        elif kind == "idps" and _priority(_CUES[:2], _own_clause(s[num.end:n_own])[:120]) == "displaced":
            kind = "displaced"  # "displaced inside and outside the country": both together
        if not kind:
            kind = _dash_aside_kind(before, after)  # "800,000 people - including 480,000 children - fled"
        kind = _uprooting_verb_kind(kind, before[:len(before) - hedge_len], after)
        kind = episode_tolls.death_frame_kind(s, start, kind)  # "Among the dead are 678 local residents" (H23e)
        bare = before[:len(before) - hedge_len]
        place_pop = False  # the population of a place inside Syria
        if kind in ("", "refugees", "people_in_need", "displaced") and not _REFUGEE_WORD.search(fwd) and (
                (_LIVE_AFTER.search(after) and not _HOST_COUNTRY.search(fwd + " " + back[-60:]))
                or (_HOME_BEFORE.search(bare) and not _REFUGEE_WORD.search(back[-40:])
                    and (_first(_AREAS, before[-120:]) or _PLACE_WORD.search(before[-120:]))
                    and not _HOST_COUNTRY.search(before[-120:]))):
            kind, place_pop = "population", True  # people living in a Syrian place, not refugees
        if _PLACE_POSS.search(bare) and re.match(r"\s*(?:people|residents|inhabitants|population)\b", after, _FLAGS) \
                and (_first(_AREAS, bare[-40:]) or _PLACE_WORD.search(bare[-40:])):
            kind, place_pop = "population", True  # "Of Idlib's 3 million people", "the province's 3 million residents"
        if not kind:
            lo, hi = _clause_bounds(s, num)  # not across a semicolon
            kind = _nearest(_CUES_NO_POP, s[lo:hi], num.start - lo) or _nearest(_CUES, s[lo:hi],
                                                                                num.start - lo)
            if not kind and ctx is not None and ctx.kind and (_CONTINUES.search(s) or _OF_THESE.match(s)):
                kind = ctx.kind  # "Among them are more than 115,000 civilians"
            if not kind:
                kind = _refugees_in_other_words(s, num, out, ctx)  # "Jordan, 142,664", "three million live there"
            if not kind and _part_of_toll(s, num, first_count, ctx) and not _NOT_DEATHS.match(s[num.end:]):
                kind = "deaths"  # "That figure includes 31,174 soldiers" after a death toll
            if not kind:  # "1,726 executions", "this figure of 350,209" after a toll (H23e)
                kind = episode_tolls.death_noun_kind(s, num.start, num.end, ctx.kind if ctx is not None else "")
            if not kind:
                continue
        if short and not (kind in ("displaced", "idps") and _DISPLACED_EVENT.match(after)
                          and _OFFENSIVE.search(_own_clause(s[num.end:n_own])[:160])) \
                and not (kind in ("displaced", "idps") and _uprooted(s, num, n_own, bare)) \
                and not wounded.recent_toll(s, kind, num.start) \
                and not episode_tolls.days_not_rate(back[-40:] + " " + gwin + " " + gwin_long, _SHORT, kind):
            # (the last few days' running toll, H22t; the dead of the past few days or week, H23e)
            # a week's or a day's figure is no war statistic, except the people uprooted by a
            # wave of fighting ("30,000 have fled since the army resumed bombardment last week")
            continue
        bare = before[:len(before) - hedge_len]
        if _HOST_POSSESSIVE.search(bare) and re.match(r"\s*(?:people|inhabitants|citizens|population)\b", after, _FLAGS):
            continue  # "Turkey's 80 million people": a host country's population
        if _POP_AFTER.search(after):
            kind = "population"  # "Syria's 20 million, pre-war population"
        kind = _kind_override(kind, bare, s[num.end:n_own])
        kind = _hosted_refugees(kind, s[_clause_bounds(s, num)[0]:num.start], s[num.end:num.end + 80])
        if kind == "refugees" and _CROSSED.match(after) and num.value < _CROSSING_MAX \
                and not _SINCE_ANY.search(_own_clause(after)):
            continue  # "after 3,000 crossed the border": a day's or a week's arrivals, not a level
        kind = _displacement_kind(kind, s, num, n_own)
        if not _priority(_CUES, fwd) and incl_kind and incl_end == p_own \
                and _INCLUDING_LIST.match(s[p_own:num.start]):
            kind = incl_kind  # "1,264 civilians ..., including 242 children and 118 women"
        if not kind or _NOT_A_MEASURE.search(after[:80]) or _NOT_A_MEASURE.search(" " + _main_verb_after_aside("", after)[:80]) or (
                _COMBINED_RETURNS.search(after[:80]) and _RETURN_VERB_ANY.search(after[:120])) \
                or (non_war and kind not in ("refugees", "returns") and not (
                    kind in ("people_in_need", "population")
                    and not _NON_WAR.search(_BEFORE_CAUSE.sub(_blank, back[-40:] + " " + _own_clause(after))))):
            # victims of an earthquake or an epidemic are not war statistics; the needs or the
            # population of a place named beside such a cause still are ("before the
            # earthquake, 4 million people in the north-west needed aid")
            continue
        if kind != "deaths" and _PROGRAMME.search(_own_clause(after)[:150]):
            continue  # "9.5 million Syrians (44% of the population) were severely food insecure"
        incl_tail = re.search(r",\s*including\b((?:[^.;]|\.(?=\d)){0,140})", after[:200], _FLAGS)
        if kind == "returns" and not _INCL_OPEN.search(before) and incl_tail and _BOTH_KINDS.search(incl_tail.group(1)):
            combined_end = num.end
            continue  # "3 million have returned, including 1.2 million refugees and 1.9 million IDPs": both together
        if kind == "returns" and (_COMBINED_RETURNS.search(after[:80]) or (
                _BRINGING_TOTAL.search(back[-60:]) and re.search(r"internally displaced|\bidps?\b",
                                                                  before, _FLAGS))):
            continue  # refugee and IDP returns added together: no single measure
        if kind == "deaths" and _HOME_BEFORE.search(bare) and not _DEATH_WORD.search(fwd[:40]):
            kind = "population"  # "the camp, which holds some 40,000 people, saw killings": its people (H21t)
        if kind == "detention" and not _DEATH_WORD.search(fwd + " " + re.split(r",\s|\sand\s", back60)[-1]) \
                and not _TORTURE_NOUN.match(fwd) and not breakdowns.torture_item(s, num.start, num.end):  # (H22t)
            continue  # "around 100,000 are still in jail": people detained, not deaths in detention
        if kind == "asylum" and not re.search(r"\beurope|\beu\b", low) and not _INDUSTRIALISED.search(low):
            continue
        if kind == "asylum" and _asylum_of_all(s, num, n_own):
            continue
        if kind != "deaths" and _PROGRAMME.search(fwd + " " + back[-40:]):
            continue
        if _OTHER.search(back[-30:] + " " + fwd) and not (
                kind in ("refugees", "returns") and not re.search(r"afghan|palestin|iraqis", fwd + back[-30:],
                                                                 _FLAGS)):
            continue
        own_pred = s[num.end:n_count] if n_count > num.end else after
        if _AND_NEXT.search(own_pred):
            own_pred = after  # "500,000 refugees and 1.2 million IDPs have returned": the verb after the list
        returned = kind in ("refugees", "idps", "displaced") and not denominator and _RETURNED_AFTER.search(own_pred)
        main = _main_verb_after_aside(before, after)
        if not returned and main and kind in ("refugees", "idps", "displaced") and _RETURNED_AFTER.search(main):
            # "More than one million people, including 800,000 internally displaced individuals
            # and 280,000 refugees, have returned": the verb after the aside is every count's
            returned = True
        if main and not _INCL_OPEN.search(before) and _RETURN_VERB_ANY.search(main[:60]) \
                and _BOTH_KINDS.search(after[:len(after) - len(main)]):
            continue  # the head count adds refugees and IDPs together: no single measure
        # "1.2 million have returned, including 885,000 IDPs and 302,000 refugees": the parts
        # of a count of returns are returns
        between = s[p_own:num.start]
        if kind in ("refugees", "idps", "displaced") and (
                (out and out[-1].kind == "returns" and out[-1].end - offset <= num.start)
                or 0 <= combined_end <= num.start) and (
                    _INCLUDING.search(between) or (chain and re.fullmatch(
                        r"[\w\s()'-]{0,60}?(?:,\s*|\s)and\s+|[\w\s()'-]{0,60}?,\s*", between))):
            returned, chain = True, True
        else:
            chain = False
        if kind in ("refugees", "idps", "displaced") and out and out[0].kind == "returns" \
                and _OF_THE_HEAD.match(s) and out[0].end - offset <= num.start:
            returned = True  # "Of the 2 million who have returned, 700,000 came from abroad and ..."
        if not returned and _along_with_returns(kind, out, offset, num, between):
            returned = True  # "500,000 refugees have returned ..., along with 1.2 million IDPs"
        if returned:
            kind = "returns"
        own_noun = re.match(r"\s*(?:people|persons|individuals|syrians|lives)\b(?!\s*,?\s*(?:including|mostly|among))",
                            after, _FLAGS)
        # (the words back to the previous count, less that count's own noun: "300,000
        # civilians dead, 6.8 million internally displaced" are no civilians)
        back_grp = _JOINT_TAIL.sub("", back) if prev is not None and prev.kind == "count" else back
        group = _first(_GROUPS, fwd) or (
            "" if own_noun or _AMONG.search(before[:len(before) - hedge_len])
            else _last(_GROUPS, back_grp[-40:]))
        if group == "combatants":
            # "fighters of the Free Syrian Army": the side named after the generic noun
            group = _first([g for g in _GROUPS if g[1] in _SIDES], fwd) or group
        if not group and kind in ("deaths", "injured") and _LOSS_BEFORE.search(bare):
            # "ISIS, al-Nusra and their affiliates sustained 16,212 casualties": the subject's dead
            group = _last(_GROUPS, s[_clause_bounds(s, num)[0]:num.start])
        if not group and re.match(r"\s+of (?:the|those)\b", gwin, _FLAGS):
            group = _first(_GROUPS, gwin[:60])  # "1,323 of the dead were ... fighters"
        if not group:
            m = _NUMBER_OF_GROUP.search(before[:len(before) - hedge_len])
            group = _first(_GROUPS, m.group(1)) if m else ""  # "the number of Syrian children in need ... to 5.5 million"
        if _BOTH_GROUPS.search(fwd + " " + back[-40:]):
            group = ""
        host, listed = "", ()
        if kind in ("refugees", "returns", "asylum") and _COUNTRIES_LIKE.search(after):
            host = "REGION"  # "fleeing to countries like Lebanon, Turkiye and Jordan"
        elif kind in ("refugees", "returns", "asylum"):
            host = _first(_HOSTS, fwd) or _last(_HOSTS, back)
            if not host and _SUBSET_PLACE.search(s, num.end):
                pass  # "..., most of them in Turkey, Lebanon and Jordan": where a part is, not the total
            elif not host:
                # (a country named after a later count is that count's: "300,000 have returned,
                # among them 120,000 from Lebanon")
                seg = s[num.end:n_count]
                upto = s[:num.end] + seg[:min((m.start() for m in re.finditer(r"[:,;]|\sand\s", seg)),
                                              default=len(seg))]
                named = {h for rx, h in _HOSTS if rx.search(upto)}
                host = "REGION" if len(named - {"REGION", "WORLD"}) >= 3 else _first(_HOSTS, upto)
            elif not _first(_HOSTS, fwd) and (listed := _host_list(back)):
                host = "REGION"  # "Lebanon, Jordan and Turkey, which are hosting 5.3 million"
            elif host not in ("REGION", "WORLD") and (
                    listed := _host_list_after(s[num.end:num.end + 90])):
                host = "REGION"  # "the 5.6 million refugees in Turkey, Lebanon and Jordan"
            if not host and ctx is not None and ctx.host and _HOST_REFERENCE.search(s):
                host = ctx.host  # "the country was host to 356,000 refugees" (named before)
            if lead is not None and lead.kind == kind and lead.host and not _first(
                    _HOSTS, s[prev.end:num.start] + " " + s[num.end:n_own][:120]):
                host = lead.host  # an item of a list in the lead's country
        area = (_first(_AREAS, _SPEAKER_PLACE.sub(_blank, fwd))
                or _last(_AREAS, _SPEAKER_PLACE.sub(_blank, back[-60:])))
        if _NATIONAL.search(fwd):
            area = "SYR"  # "15 million people across Syria" (after a figure for one region)
        if not area and re.search(r"\b(?:in|of|from) the (?:city|province|governorate|town)\b"
                                  r"|\bthe (?:city|province|governorate)'s\b", fwd + " " + back[-60:], _FLAGS):
            # "the total number of displaced people in the city" (named earlier)
            area = _last(_AREAS, _SPEAKER_PLACE.sub(_blank, s[:num.start])) or _dateline_area(sent_text)
        if not area and kind not in ("refugees", "returns", "asylum"):
            # "displaced since the start of a Turkish operation in the city of Afrin": a place
            # later in the number's own clause
            # (people who "have arrived in Afrin" are there: only a speaker's place is blanked)
            area = _first(_AREAS, _SPEAKER_PLACE.sub(
                lambda m: m.group(0) if m.group(0).lower().startswith("arrived") else _blank(m),
                _own_clause(s[num.end:n_own])[:150]))
        if re.search(r"\bhard[- ]to[- ]reach\b|\bbesieged (?:areas|towns|communities)\b|\bunder siege\b",
                     _own_clause(s[num.end:n_own])[:80], _FLAGS) and kind in ("people_in_need", "population"):
            area = "LOCAL"  # "4.5 million in hard-to-reach areas": some places, not the country
        if not area and place_pop and not re.search(r"\bsyria\b|\bthe (?:[\w-]+ )?country\b",
                                                     _own_clause(after) + " " + back[-60:], _FLAGS):
            area = "LOCAL"  # "the rebel-held enclave ... is home to 400,000": a place not named
        if not area and out and out[-1].end - offset <= num.start and out[-1].area not in ("", "SYR") and (
                lead is not None or _PARTITIVE.match(after)):
            area = out[-1].area  # "Aleppo is home to 4.2 million people, 1.5 million of them displaced"
        area = area or "SYR"
        if kind in ("refugees", "idps", "displaced", "population") and (
                _CAMP.search(back[-80:]) or _CAMP.search(s[num.end:n_count][:80])):
            area = "CAMP"  # one camp's population: no registry figure counts it
        elif kind == "refugees" and _TOWN.search(_own_clause(s[num.end:n_own])[:120]):
            area = "LOCAL"  # "40,000 refugees live in the city of Gaziantep": one town's refugees
        if kind == "displaced" and area not in ("SYR", "CAMP", "LOCAL"):
            kind = "idps"  # people displaced within a Syrian governorate are internally displaced
        ptype, pstart, as_of = _period(s, p_local, kind, published, own=(fwd_own, back_own),
                                       clause=sm[num.end:n_own])
        if kind == "returns" and ptype == "cumulative" and as_of >= pd.Timestamp(V.ASSAD_FALL) \
                and pstart == pd.Timestamp(V.WAR_START) and not _SINCE_WAR.search(local):
            # returns counted to a day after the fall of Assad are counted from the fall
            # (returns before it were few and counted separately)
            pstart = pd.Timestamp(V.ASSAD_FALL)
        if kind == "returns" and ptype == "cumulative" and \
                pd.Timestamp(V.ASSAD_FALL) - pd.Timedelta(days=14) <= pstart < pd.Timestamp(V.ASSAD_FALL):
            # "returned since December" (2024): counted from the fall of Assad that month
            pstart = pd.Timestamp(V.ASSAD_FALL)
        if _PAST_YEAR_FLOW.search(after):
            ptype, pstart, as_of = "flow", (published - pd.DateOffset(years=1)).normalize(), published
        if kind == "deaths" and ptype == "cumulative" and out and out[-1].kind == "deaths" \
                and out[-1].period_type == "flow" and out[-1].end - offset <= num.start \
                and _INCLUDING.search(between) and not _SINCE_WAR.search(fwd_own[:60]):
            # "In August, 5,440 people were killed, including 1,200 civilians": a part of a
            # month's toll is counted over the same month
            ptype, pstart, as_of = "flow", pd.Timestamp(out[-1].period_start), pd.Timestamp(out[-1].as_of)
        if kind == "deaths" and group in ("", "all", "civilians") and out and out[-1].measure == "deaths_combatant" \
                and out[-1].end - offset <= num.start and (_INCLUDING.search(between) or _INCLUDING_LIST.match(between)) \
                and not re.search(r"civilian", fwd, _FLAGS):
            group = out[-1].group  # "42,701 fighters ..., including more than 13,500 from jihadist groups"
        same_list = lead is not None and lead.kind == kind
        if same_list and not _OWN_DATE.search(s[prev.end:num.start] + " " + s[num.end:n_own][:120]):
            # an item of a list counts over its lead's period ("3,000 deaths in January,
            # including 800 civilians, 300 children and 150 women")
            ptype, pstart, as_of = lead.period_type, pd.Timestamp(lead.period_start), pd.Timestamp(lead.as_of)
        aside_rest = _after_aside(before, after)
        if aside_rest and not _OWN_DATE.search(s[num.end:n_own] + " " + back_own[-60:]):
            # "1,500 civilians, including 300 children, died in Aleppo last month": the words
            # after the aside give the lead count and its items their period and place
            found = _period_in(_own_clause(aside_rest), kind, published)
            if found is not None:
                ptype, pstart, as_of = found
            if area == "SYR" and kind not in ("refugees", "returns", "asylum"):
                area = _first(_AREAS, _SPEAKER_PLACE.sub(_blank, _own_clause(aside_rest))) or area
        # (not a number that modifies a noun: "the 33-page report")
        compound = bool(re.match(r"-[a-z]", after, _FLAGS))
        toll_part = kind in _DEATH_KINDS and not compound and _part_of_toll(s, num, first_count, ctx)
        if kind in _DEATH_KINDS and ptype == "cumulative" and pstart == pd.Timestamp(V.WAR_START) and not compound:
            # "91 civilians were killed across Syria in August 2022": that month's toll
            month = _toll_month(sm[max(c_lo, num.start - 150):min(c_hi, num.end + 100)], published)
            if month is None:
                # "In its September report, it said 395 civilians ...": the report's month (H21t)
                month = _report_month(sm[max(c_lo, num.start - 150):num.start], published)
            fronted = _MONTH_OPENER.match(sm)
            if month is None and fronted and not (fronted.group(2) and int(fronted.group(2)) > published.year) \
                    and fronted.end() <= num.start and not _OWN_PERIOD.search(s[num.end:n_own][:120]) \
                    and not re.search(r"\b(?:said|says|reported|announced|stated|told)\b", sm[fronted.end():num.start], _FLAGS):
                # (not "In August, the Observatory said 300,000 had been killed since 2011")
                # "In December alone, SNHR documented the killing of 80 civilians": the month
                # the sentence opens on dates its counts (the latest such month by publication)
                month = _named_period(fronted.group(1), fronted.group(2), published)
            opener = _SINCE_OPENER.match(sm)
            if month is None and opener:
                # "Since early 2023, SOHR has documented ... which left 594 ... dead"
                found = _period(opener.group(1), opener.group(1), kind, published)
                month = found if found[1] > pd.Timestamp(V.WAR_START) else None
            year = _SINCE_YEAR_START.search(local)
            if month is None and year and pd.Timestamp(V.WAR_START).year < int(year.group(1)) <= published.year:
                # "since the beginning of 2022" (not the war's start)
                month = "cumulative", pd.Timestamp(year=int(year.group(1)), month=1, day=1), published
            if month is None and _ONE_MONTH.search(_own_clause(s[num.end:n_own])):
                month = "flow", (published - pd.DateOffset(months=1)).normalize(), published
            if month is None and n_count < len(s) and re.match(r"[^.;,]{0,50}\band\s+(?:\w+\s+){0,2}$", s[num.end:n_count]) \
                    and re.search(r"\bsince\b", s[n_count:c_hi]):
                # "left 15 civilians dead and 80 others injured since late April": the campaign
                # period said after the count it is coordinated with
                found = _period(s, local, kind, published)
                if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
                    month = found
            if month is not None:
                ptype, pstart, as_of = month
            elif toll_part and ctx is not None and ctx.toll is not None \
                    and not _OWN_PERIOD.search(_SAID_ON.sub(" ", back_own) + " " + s[num.end:n_own][:120]):
                # a part of a toll given before counts over its period ("Of those, ...")
                toll = ctx.toll
                ptype, pstart, as_of = toll.period_type, pd.Timestamp(toll.period_start), pd.Timestamp(toll.as_of)
        if kind in _DEATH_KINDS and ptype == "cumulative" and not compound \
                and _ONE_MONTH.search(_own_clause(s[num.end:n_own])):
            # "killed 1,200 citizens during a month": periods.py reads the span as a running
            # total from a month back; a toll within it is that month's flow
            ptype = "flow"
        if kind in _DEATH_KINDS and not compound and not _ABROAD_DEATHS.search(s):
            span = _death_span(sm[max(c_lo, num.start - 160):min(num.end + 160, c_hi)], published)
            if span is None and ctx is not None and ctx.span_text and _THIS_PERIOD.search(sm[c_lo:c_hi]):
                span = _death_span(ctx.span_text, published)  # "In this period, ..." after the report's period
            if span is None and ptype == "cumulative" and pstart == pd.Timestamp(V.WAR_START):
                span = _report_year(sm[max(c_lo, num.start - 150):num.start], published) \
                    or _deadliest_month(sm[max(c_lo, num.start - 150):num.start], published)
            if span is not None:
                ptype, pstart, as_of = span  # "Between 5 and 12 June, ... the deaths of 95 people"
        if kind in _DEATH_KINDS and _MONTHLY_NOUN.search(s) and not compound:
            named = _toll_month(sm[max(c_lo, num.start - 150):min(c_hi, num.end + 100)], published)
            if named is not None:
                ptype, pstart, as_of = named  # "killed ... during September, the highest monthly total this year"
        if kind in _DEATH_KINDS and episode is not None and ptype == "cumulative" and pstart < episode:
            pstart = episode  # counted from the episode's start ("since the operation began")
        if kind in _DEATH_KINDS and episode is not None and area == "SYR" and ctx is not None and ctx.episode_area \
                and ctx.episode_text and pstart == _episode_start(ctx.episode_text, published) \
                and not _NATIONAL.search(s) and not _first(_AREAS, s) and not _OTHER_REGION.search(s):
            area = ctx.episode_area  # "the toll since the violence broke out" in the province named before
        share_group = _SHARE_GROUP.search(bare[-80:]) if kind == "deaths" else None
        if share_group:
            # "one in 12 victims was a woman - 25,000 - and one in 13 a child - 24,000" (H21t)
            group = "women" if share_group.group(1).lower().startswith("wom") else "children"
        if kind in _DEATH_KINDS and _OF_WHOM_BEFORE.search(bare) and out and out[-1].kind == kind \
                and out[-1].end - offset <= num.start:
            group = out[-1].group  # "154 civilians, of whom 83 were summarily executed by ..."
        elif kind in _DEATH_KINDS and group in ("", "all") and combined_group not in ("", "all") \
                and _OF_WHOM_BEFORE.search(bare):
            group = combined_group  # "the killing and injury of 1,250 civilians, of whom 310 were killed"
        if kind in _DEATH_KINDS and group in ("", "all") and _PARTITIVE.match(after) and out \
                and out[-1].kind == kind and out[-1].end - offset <= num.start:
            group = out[-1].group  # "300 civilians, 196 of whom were summarily executed"
        if kind == "deaths" and group in _SIDES and not _first(_GROUPS, fwd) \
                and _PERPETRATOR_PART.search(back[-80:]):
            group = ""  # "the SDF were implicated in 108 deaths": the killers are no group of the dead
        if kind == "deaths" and group in _SIDES and _KILLERS_AFTER.match(after) \
                and not _first(_GROUPS, _KILLERS_AFTER.sub(" ", after[:120], count=1)):
            # "161 of them by Syrian regime forces": the killers, not the dead's side; a part of
            # the count before it is of the same people
            group = out[-1].group if out and out[-1].kind == kind and _PARTITIVE.match(after) else ""
        if same_list and group in ("", "all") and kind == "deaths" and lead.group not in ("", "all") \
                and area.startswith("SY-") and lead.area.startswith("SY-"):
            group = lead.group  # "658 in Latakia, 384 in Tartus": each governorate's part of the same dead
        if kind in _DEATH_KINDS and area == "SYR" and out and out[-1].kind in _DEATH_KINDS \
                and out[-1].area.startswith("SY-") and out[-1].end - offset <= num.start \
                and _INCLUDING.search(s[out[-1].end - offset:num.start]) \
                and not _SYRIA.search(s[out[-1].end - offset:n_own]):
            area = out[-1].area  # "150 deaths in Daraa province, including five children": the children there too
        if toll_part and area == "SYR" and ctx is not None and ctx.toll is not None \
                and ctx.toll.area.startswith("SY-"):
            area = ctx.toll.area  # a part of a governorate's toll is counted there too
        if toll_part:
            group = _toll_side(group, ctx)
        if kind == "deaths" and group not in ("", "all") and _KILLED_CITIZENS.search(bare) \
                and not _first(_GROUPS, fwd):
            group = ""  # "Government forces killed 1,200 citizens": the killers are no group of the dead
        if kind == "deaths" and group in ("", "all") and (_CITIZENS.match(after) or (
                re.match(r"\s*citizens\b", after, _FLAGS) and _KILLED_CITIZENS.search(bare))):
            group = "civilians"
        measure = _measure(kind, group, host,
                           (back[-40:] + s[num.start:n_count]) if returned else s)
        own = _own_clause(s[num.end:n_own])
        if kind == "returns" and re.search(r"refugee|displaced|\bidps?\b", own, _FLAGS):
            measure = _measure(kind, group, host, own)  # the number's own words decide
        if kind in ("displaced", "idps") and _NEWLY.search(fwd_own[:60] + " " + back[-40:]):
            ptype, pstart, as_of = _period(s, p_local, "deaths", published, own=(fwd_own, back_own))
            measure = "idps_new_displacements"
        if share_group and measure == "deaths_civilian" and not re.search(r"\bcivilian", s, _FLAGS):
            measure = "deaths_total"  # a share of all the dead, not of the civilians (H21t)
        if kind == "deaths" and measure == "deaths_total":
            both = _INDIRECT.search(gwin) and _DIRECT.search(gwin)
            if not both and _INDIRECT.search(gwin):
                measure = "deaths_indirect"
            elif not both and _DIRECT.search(gwin):
                measure = "deaths_direct"
        if kind in ("displaced", "idps") and ptype != "flow" and _OFFENSIVE.search(
                _own_clause(s[num.end:n_own])[:120] + " " + back):
            # displaced by one offensive or wave: its new displacement (start not said)
            ptype, pstart, as_of = "flow", published, published
        if kind in ("displaced", "idps") and ptype != "flow" and (
                _new_displacement(s, num, n_own, bare, aside_rest)
                or _DEAD_AND_DISPLACED.search(bare[-40:])):
            # a flow: over the year named ("in 2018"), else from the day named (start not said)
            year = as_of.month == 12 and as_of.day == 31 and pstart == as_of
            ptype, pstart = "flow", (pd.Timestamp(year=as_of.year, month=1, day=1) if year else as_of)
            if _THIS_YEARS.search(_own_clause(s[num.end:n_own])[:160] + " " + bare[-80:]):
                pstart = pd.Timestamp(year=as_of.year, month=1, day=1)  # "since the start of the year"
        if kind in ("displaced", "idps") and _DISPLACED_EVENT.match(s[num.end:n_own]):
            near = sm[max(c_lo, num.start - 160):min(num.end + 160, c_hi)].lower()
            if _BETWEEN_DATES.search(near) or _BETWEEN_DAYS.search(near):
                # "Between 4 December 2018 and 31 March 2019, more than 63,000 people were
                # displaced": people uprooted within a period are its new displacement
                found = _between_dates(near, True, published) or _between_days(near, True, published)
                if found is not None:
                    ptype, pstart, as_of = "flow", found[1], found[2]
            found = _event_span(s, p_local, near, published, (fwd_own, back_own), ptype)
            if found is not None:  # "were displaced between 1 and 10 March", "... last month"
                ptype, pstart, as_of = found
        if kind in ("displaced", "idps") and ptype == "flow":
            measure = "idps_new_displacements"
        if kind in _GLOBAL_ABOVE and num.value > _GLOBAL_ABOVE[kind] and (
                _priority(_CUES, fwd + " " + _own_clause(after)) in _GLOBAL_ABOVE or num.value > 25e6
                or re.search(r"\bworld|\bglob|their (?:own |home )?countries", s, _FLAGS)):
            # (the count's own words name the displacement, or it exceeds Syria's whole population,
            # or the sentence speaks of the world)
            # more than Syria's largest count ever: a worldwide total of all nationalities
            measure, host, area = _GLOBAL_MEASURE[kind], "", "WORLD"
            ptype, pstart = "stock", as_of
        if kind == "population":
            group = ""
        if kind == "asylum":
            # the registry's asylum measures count applications in Europe (host EUROPE): a year's
            # applications are a flow, applications since 2011 a running total
            host = "EUROPE"
            if ptype == "flow":
                measure = "asylum_applications_europe"
                if num.value > _ASYLUM_YEAR_MAX:
                    continue  # more than Syrians ever lodged in a year: applications of all nationalities
            if _INDUSTRIALISED.search(low):
                host, measure, ptype, pstart, as_of = _industrialised(ptype, pstart, as_of, published)
        if kind == "returns" and measure == "refugee_returns" and (
                _IDP_RETURN_WORDS.search(s[p_own:n_own]) or (lead is not None and lead.measure == "idp_returns")) \
                and not _ABROAD_RETURN_WORDS.search(s[p_own:n_own]):
            measure = "idp_returns"  # "655,000 people who had been displaced inside Syria returned home"
        if measure == "idp_returns":
            host = ""  # people back in their homes inside Syria: no country of asylum
        if _world_framed(s, num, n_own, kind, measure) or _planned_return(kind, s, num) or _in_day_span(s, num) \
                or (re.search(r"\basylum\b", _own_clause(after)[:80], _FLAGS)
                    and asylum_of_all(s, num.start, num.end, strict=False)):
            continue
        if not measure or (carried_disaster and kind in ("deaths", "injured")):
            continue
        if kind in ("deaths", "injured") and _killed_and_injured(s, num, bare):
            combined_group = group  # (its parts after "of whom" are of the same people)
            continue  # "the killing and injury of 1,250 civilians": the dead and the wounded together
        # an incident's casualties, not a war statistic
        report = breakdowns.report_count(s, num.start, num.end, kind, group or "all")  # a report's line (H22t)
        toll = episode_tolls.episode_toll(s, num.start, num.end, kind) and not (  # the dead of no one incident (H23e)
            episode_tolls.other_war_before(s, ctx.earlier if ctx is not None else ""))
        war_level = bool(_WAR_LEVEL.search(local)) or bool(_SINCE_FALL.search(low)) \
            or ptype == "flow" or same_list or labelled or toll_part or _campaign_toll(kind, ptype, pstart, as_of, fwd) \
            or (kind == "deaths" and bool(_DEAD_DISPLACED.match(after))) \
            or (episode is not None and kind in _DEATH_KINDS) \
            or report \
            or combatants.fighters_count(s, num.start, num.end, kind, group) \
            or breakdowns.part_count(s, num.start, num.end, kind) \
            or wounded.recent_toll(s, kind, num.start) \
            or places.province_item(s, num.start, num.end, kind) \
            or tally_dates.later_start(s, kind, published)  # a report's line; fighters by side; "N were civilians"; the last days'; by governorate; a later start (H22t)
        near_incident = not same_list and not _breakdown_line(s, ctx) and kind in ("deaths", "injured", "missing") \
            and bool(_INCIDENT.search(local)) and not (
                _SINCE_WAR.search(local) and not _INCIDENT.search(fwd)) and not _CAMPAIGN.search(local) \
            and not (episode is not None and kind in _DEATH_KINDS) and not report
        # a toll of the dead that no one incident's words bound is kept whatever its size (H23e)
        episode_only = toll and ((num.value < V.INCIDENT_MAX and not war_level) or near_incident)
        if (num.value < V.INCIDENT_MAX and not war_level and not toll) or (near_incident and not toll):
            continue
        if num.value < 1 or (num.value != int(num.value) and num.value < 1000):
            continue
        incl_kind, incl_end = kind, num.end
        # two of the five neighbouring hosts are neither one host nor the region
        pair = (f"two of the neighbouring host countries ({', '.join(sorted(listed))})"
                if host == "REGION" and len(set(listed)) == 2 else "")
        pair = pair or _host_part(kind, fwd)
        if kind == "deaths" and _DEAD_DISPLACED.match(after) and ptype == "cumulative" \
                and pstart == pd.Timestamp(V.WAR_START) and not _SINCE_WAR.search(local):
            # "Nearly 200 dead, 120,000 displaced after a week of fighting": a wave's toll, not
            # the war's; the text gives no span to check it against
            pair = pair or "a wave of fighting whose span the text does not give"
        if kind in _DEATH_KINDS and ptype == "cumulative" and pstart == pd.Timestamp(V.WAR_START) \
                and (span := episode_tolls.event_span(sm[c_lo:c_hi], published)) is not None:
            ptype, pstart, as_of = span  # "between the outbreak of fighting on July 13 and the ceasefire on July 21" (H23e)
        if kind in _DEATH_KINDS and (ev_year := episode_tolls.since_event_year(local, published)) is not None:
            # "killed since the chemical attack on Ghouta last year": from that year, the day not said (H23e)
            ptype, pstart, as_of, pair = "cumulative", ev_year, published, pair or episode_tolls.SPAN_NOT_GIVEN
        if (episode_only or (same_list and lead.subarea == episode_tolls.SPAN_NOT_GIVEN)) and ptype == "cumulative" \
                and pstart == pd.Timestamp(V.WAR_START) and not _SINCE_WAR.search(local):
            pair = pair or episode_tolls.SPAN_NOT_GIVEN  # an episode's toll (or its part), not the war's (H23e)
        if kind not in _DEATH_KINDS and group in _SIDES:
            group = ""  # "100,000 displaced as rebels advance": the side is the actor, not the people
        if host == "EGY" and _REGION_AND_EGYPT.search(back[-60:]):
            host, measure = "REGION", _measure(kind, group, "REGION", "")  # "neighboring states and Egypt"
        perp = _perpetrator(sm, num, published) if kind in _DEATH_KINDS else ""  # (not an aside's party)
        if kind in _DEATH_KINDS and not perp and same_list:
            perp = lead.perpetrator  # "61 civilians, among them 23 children": the same killers
        if perp == "transitional_government" and pd.Timestamp(as_of) < pd.Timestamp(V.ASSAD_FALL):
            perp = "government_and_allies"  # a toll of Assad's years told after his fall
        if pd.Timestamp(pstart).year < 1900:  # "in the past 99999999999 days": the whole war
            pstart = pd.Timestamp(V.WAR_START)
        out.append(TextClaim(si, raw, offset + start, offset + num.end, raw[start:num.end], num.value,
                             kind, measure, comp, ptype, _day(pstart), _day(as_of), area, host,
                             group or ("all" if kind in ("deaths", "injured") else ""),
                             attribution, pair, perpetrator=perp or ("all" if kind in _DEATH_KINDS else "")))
    out = _displacement_sentence_rules(out, s, offset, ctx, published)
    out = event_displacements(out, raw, s, offset, si, published, ctx.wave if ctx is not None else None,  # (H22d)
                              TextClaim, _hedge, _governorate_in)
    out = choose_measures(out, raw, s, offset, si, published, ctx.wave if ctx is not None else None,  # (H23m)
                          TextClaim, _hedge, _measure, _governorate_in)
    out = refugee_scopes(out, raw, s, offset, si, published, ctx.kind if ctx is not None else "",  # (H22d)
                         ctx.host if ctx is not None else "", TextClaim, _hedge, _measure,
                         _governorate_in,
                         ctx.refugee_host if ctx is not None else "")
    if not sentence_off:
        out = war_age_claims(out, raw, s, offset, si, published, TextClaim, _hedge, _plausible_age)  # (H22d)
    out = returns_in_other_words(out, raw, s, offset, si, published, ctx.host if ctx is not None else "",  # (H22d)
                                 TextClaim, _hedge)
    out = displaced_shares(out, raw, s, offset, si, published, TextClaim, _hedge)  # (H22d)
    out = dateline_hosts(out, s, dateline_host(raw) or (  # (H23m)
        ctx.dateline_host if ctx is not None and ctx.dateline_age < DATELINE_REACH else ""))
    out = [c for c in out if not other_story(c.kind, s, c.start - offset, c.end - offset)]  # (H22d; after all (H22f))
    out = breakdowns.revise(out, s, offset, published, ctx.toll if ctx is not None else None)  # (H22t)
    out = wounded.drop_one_day(wounded.recent_period(out, s, published), s, offset)  # (H22t)
    out = breakdowns.were_group(out, s, offset)  # "of whom 830 were civilians" (H22t)
    out = places.revise(out, s, offset)  # tolls by governorate (H22t)
    out = tally_dates.revise(out, s, raw, si, offset, published, ctx is not None and (
        ctx.kind in _DEATH_KINDS or ctx.toll is not None), TextClaim)  # tallies dated by their clause (H22t)
    out = combatants.revise(out, s, offset, published)  # the side of dead fighters (H22t)
    out = community_group(out, raw, s, offset, si, published, TextClaim, _hedge, _governorate_in)  # (H23m)
    out = arrests.drop_arrests(out, s, offset)  # arrests are no deaths and no missing persons (H22t)
    out = breakdowns.headline_line(out, s, raw, si, offset, published, ctx.earlier if ctx is not None else "", TextClaim)
    if not sentence_off:
        out.extend(_decades(si, raw, s, offset, published,
                            _first(_ATTR, s) if framed else ""))
        out.extend(_decade_phrases(si, raw, s, offset, published,
                                   _first(_ATTR, s) if framed else "", out))
    return _split_each(out, s, offset)


_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")


def extract_claims(text: str, published: str | pd.Timestamp, context: str = "") -> pd.DataFrame:
    """Every numeric claim about the war's statistics in *text* (columns :data:`EXTRACT_COLUMNS`).

    *published* (the text's publication date) anchors relative periods ("last year") and
    is the claim's ``as_of`` when the text names no other date. ``value`` is in persons,
    a fraction for shares (0.5 for "half"), years for the war's age; ``start``/``end`` are
    character offsets of the claim's words (hedge and number) in *text*; ``period_start``
    and ``as_of`` are ``YYYY-MM-DD``.

    Each sentence is read with what the sentences before it said (:class:`Context`): "the
    country was host to 356,000 refugees" takes the host country named last, and "Among
    them are 115,000 civilians" the kind of the previous sentence's last claim. *context* is
    text that came before *text* (e.g. the earlier part of an article), read only for that.
    """
    pub = pd.Timestamp(published)
    rows: list[dict] = []
    ctx = Context()
    if context:
        for sent in split_sentences(context):
            _update_context(ctx, sent.text, _claims_in_sentence(0, sent.text, 0, pub, ctx))
    prev_end = 0
    for si, sent in enumerate(split_sentences(text)):
        if ctx.toll is not None and not ctx.breakdown and _PARAGRAPH.search(text[prev_end:sent.start]):
            ctx.toll = None  # a toll is not carried into the next paragraph
        prev_end = sent.start + len(sent.text)
        found = _claims_in_sentence(si, sent.text, sent.start, pub, ctx)
        rows += [dict(vars(c)) for c in found]  # (as asdict: every field is a plain value)
        _update_context(ctx, sent.text, found)
    # the number's governor corrects the measure family or drops non-war numbers (classify.py)
    return settle_frame(refine_claims(pd.DataFrame(rows, columns=EXTRACT_COLUMNS), text))  # (H23m)


def _update_context(ctx: Context, sentence: str, found: list[TextClaim]) -> None:
    """Carry the last named host country and the last claim's kind to the next sentence."""
    s = _without_dateline(sentence.translate(_QUOTES))
    best: tuple[int, str] | None = None
    for rx, code in candidates(_HOSTS, s):
        if code in ("REGION", "WORLD"):
            continue
        for m in rx.finditer(s):
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    if best is not None:
        ctx.host = best[1]
    counts = [c.kind for c in found if c.kind not in ("duration", "share")]
    ctx.kind = counts[-1] if counts else ""
    ctx.wave = next((c for c in reversed(found) if c.measure == "idps_new_displacements"), None)
    ctx.refugee_host = next((c.host for c in reversed(found) if c.kind == "refugees"), "")
    ctx.earlier = (ctx.earlier + " " + s)[-600:]
    ctx.dateline_age = 0 if dateline_host(sentence) else ctx.dateline_age + 1  # (H23m)
    ctx.dateline_host = dateline_host(sentence) or ctx.dateline_host
    _update_toll(ctx, s, found)
    if _EPISODE_BEGAN.search(s):
        ctx.episode_text = s
        ctx.episode_area = next((a for a in [_first(_AREAS, s)] if a.startswith("SY-")), "")
    elif ctx.episode_area and (_OTHER_REGION.search(s) or (_first(_AREAS, s) or ctx.episode_area) != ctx.episode_area):
        ctx.episode_area = ""  # another front named ("In the coastal region, ..."): not the episode's place
    if _SPAN_OF_DAYS.search(s):
        ctx.span_text = s
    if _NON_WAR.search(s):
        ctx.disaster = True
    elif _WAR_OWN.search(s) or not _DEATH_TALK.search(s):
        ctx.disaster = False
    ctx.war_began = bool(re.search(r"(?:war|conflict|crisis|uprising|revolution)\b[^.;]{0,30}(?:began|started"
                                   r"|erupted|broke out)\b[^.;]{0,30}\W*$", s, _FLAGS))
