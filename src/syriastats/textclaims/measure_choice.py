"""Which measure a count of displaced, refugee or returning people is, by the clause it
stands in (H23m): general defaults that the cue-word reading of :mod:`.extract` misses.

* **New displacement by its anchor.** People whose own verb uproots them ("have been
  displaced", "fled", "were forced to flee", "driven out of their homes") are a *flow*
  (``idps_new_displacements``) when the sentence anchors the count to an episode: a span of
  days ("from Nov. 28 to Dec. 8", "between 1-16 May", "From 1 December 2019 to 27 January
  2020"), a date after the war's first year ("since 1 December 2019", "since Tuesday"), the
  start of an escalation or offensive ("since the start of the fighting escalations"), recent
  days ("in recent days", "in the past three days", "this week") or the wave of the sentence
  before. The war's stock stays for counts said to be of the whole war ("since 2011", "during
  the war", "internally displaced within Syria") and above the largest wave
  (:data:`.displacement_events.WAVE_MAX`).
* **People who fled a Syrian place.** "Up to 40,000 people fled towns in northern Syria",
  "640,000 people fled the Aleppo governorate, 334,000 left Idleb": numbers that no claim holds,
  whose own verb is a flight from a place inside Syria, are new displacement (never a flight
  to a country of asylum or abroad; never households or families).
* **Refugees without the word.** "The number of refugees ... has passed the one million
  mark" (the subject names refugees), "Turkey continues to host the largest number of Syrians
  uprooted by the war, close to 3.5 million" (a host country hosts them), "the number of
  Syrians who have fled to neighbouring countries": refugees, with the host named (or
  ``REGION`` for the neighbouring countries).
* **Returns of refugees and IDPs together.** "Three million (displaced) Syrians have returned
  home" with no word of refugees, IDPs, abroad, a host or the inside: group
  ``refugees_and_idps`` (measure ``refugee_returns``), never one of the two alone.
* **A range is one measure.** "between 60,000 and 80,000 ... newly displaced": the first
  number takes the measure and period of the second, whose words it shares; items of an
  "including" aside after a new displacement ("including more than 25,000 currently hosted in
  shelters") count the same wave.

Communities and camps are read in :mod:`.sub_populations`, the dateline's host in
:mod:`.datelines`.

Called from :func:`syriastats.textclaims.extract._claims_in_sentence` after the other
displacement rules (:func:`choose_measures`), and on the extractor's final frame
(:func:`settle_frame`) so the governor's second opinion (:mod:`.classify`) cannot turn
refugees and IDPs together back into IDP returns.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.displacement_events import WAVE_MAX, event_start
from syriastats.textclaims.periods import _day, _since
from syriastats.textclaims.rule_kit import (HOST_ALT, SMALL_WORDS, WEEKDAY_ALT, free_numbers, hosts_listed,
                                            last_weekday)

_F = re.I
_MON = "|".join(sorted((m for m in V.MONTHS), key=len, reverse=True))
_M = r"(" + _MON + r")\.?"
#: "from November 26-30", "From Nov. 28 to Dec. 8", "between May 1 and 16, 2020".
_RANGE_MD = re.compile(r"\b(?:from|between)\s+" + _M + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and|until|through)\s*"
                       r"(?:" + _M + r"\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?", _F)
#: "From 1 December 2019 to 27 January 2020", "between 1-16 May", "between 1 and 16 May".
_RANGE_DM = re.compile(r"\b(?:from|between)\s+(\d{1,2})(?:\s+" + _M + r")?(?:\s+((?:19|20)\d\d))?\s*(?:-|–|to|and|until)\s*"
                       r"(\d{1,2})\s+" + _M + r"(?:\s+((?:19|20)\d\d))?", _F)
#: The start of an episode, not of the war: "since the start of the fighting escalations",
#: "since the escalation of hostilities", "since the offensive began".
_SINCE_EPISODE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|onset|launch)\s+of\s+(?:the\s+)?)?(?:[\w'-]+\s+){0,2}?"
                            r"(?:escalations?|offensive|assault|incursion|invasion|operation|clashes|hostilities escalated"
                            r"|flare-up|wave)\b"
                            r"|\bsince\s+(?:the\s+)?(?:escalation|intensification|resumption)\s+of\b", _F)
#: A date after the war's first months: "since 1 December 2019", "since Nov. 27", "since Tuesday".
_SINCE_DAY = re.compile(r"\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:\d{1,2}\s+(?:" + _MON + r")|(?:" + _MON + r")\.?\s+\d{1,2}\b"
                        r"|(?:last\s+)?(?:" + WEEKDAY_ALT + r")\b)", _F)
#: Recent days: "in recent days", "over the past three days", "this week", "in the last two weeks".
_RECENT = re.compile(r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:past|last|recent)\s+(?:(\w+)\s+)?(days|weeks|hours)\b"
                     r"|\bin recent (days|weeks)\b|\bthis week\b", _F)
#: "as of Friday", "as of 30 November": the day a running count of a wave was read.
_AS_OF_DAY = re.compile(r"\bas of\s+(?:(" + WEEKDAY_ALT + r")|(\d{1,2})\s+(" + _MON + r")|(" + _MON + r")\.?\s+(\d{1,2}))\b", _F)
#: The count's own verb uproots people (a flight told as an event).
_UPROOTED = re.compile(r"^\s*(?:[\w'-]+\s+){0,4}?(?:(?:have|has|had|were|was)\s+(?:now\s+|also\s+|reportedly\s+)?(?:been\s+)?"
                       r"(?:newly\s+)?(?:displaced|uprooted|forced\s+(?:to\s+flee|out|from)|driven\s+(?:out|from))"
                       r"|(?:have\s+|had\s+)?(?:fled|escaped)\b(?!\s+(?:to|into|across)\s+(?:neighbou?ring|other|" + HOST_ALT
                       + r"|europe|abroad)))", _F)
#: Words that make the count the whole war's or the national stock.
_WHOLE_WAR = re.compile(r"\bsince\s+(?:march\s+)?2011\b|\bsince the (?:war|conflict|uprising|crisis|revolution)\b"
                        r"|\bsince the (?:start|beginning|outbreak|onset) of the (?:(?:syrian|civil)\s+)*(?:war|conflict|crisis"
                        r"|uprising|revolution)\b|\b(?:during|throughout|over the course of) (?:the|its|their|syria'?s)"
                        r"\s+(?:[\w'-]+\s+){0,3}?(?:war|conflict)\b|\b(?:war|conflict) (?:has|have) (?:displaced|uprooted)\b"
                        r"|\bwithin syria\b|\binside syria\b|\bremain(?:s|ed)?\s+(?:internally\s+)?displaced\b|\bin total\b", _F)


def _year_for(month: int, day: int, published: pd.Timestamp) -> int:
    y = published.year
    return y if (month, day) <= (published.month, published.day) else y - 1


def date_range(s: str, published: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(first day, last day) of a span of days the sentence names ("from November 26-30",
    "From Nov. 28 to Dec. 8", "From 1 December 2019 to 27 January 2020", "between 1-16
    May"); a span without a year is the latest one ending by *published*; None if none."""
    m = _RANGE_MD.search(s)
    if m:
        mon1, d1, mon2, d2, y = m.groups()
        m1 = V.MONTHS[mon1.lower().rstrip(".")]
        m2 = V.MONTHS[mon2.lower().rstrip(".")] if mon2 else m1
        d1, d2 = int(d1), int(d2)
    else:
        m = _RANGE_DM.search(s)
        if not m:
            return None
        d1, mon1, y1, d2, mon2, y = m.groups()
        m2 = V.MONTHS[mon2.lower().rstrip(".")]
        m1 = V.MONTHS[mon1.lower().rstrip(".")] if mon1 else m2
        d1, d2 = int(d1), int(d2)
        if y1 and y:
            try:
                return pd.Timestamp(year=int(y1), month=m1, day=d1), pd.Timestamp(year=int(y), month=m2, day=d2)
            except ValueError:
                return None
    try:
        y_end = int(y) if y else _year_for(m2, d2, published)
        y_start = y_end if (m1, d1) <= (m2, d2) else y_end - 1
        start, end = pd.Timestamp(year=y_start, month=m1, day=d1), pd.Timestamp(year=y_end, month=m2, day=d2)
    except ValueError:
        return None
    return (start, end) if start <= end <= published + pd.Timedelta(days=1) else None


def episode_anchor(s: str, published: pd.Timestamp, wave: Any | None
                   ) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(start, as_of) of the episode a count of uprooted people belongs to, by the
    sentence's words (a span of days, a recent date, an escalation's start, recent days, or
    the wave of the sentence before); None if the sentence anchors it to nothing."""
    day = published.normalize()
    span = date_range(s, published)
    if span is not None:
        return span
    m = _SINCE_DAY.search(s)
    if m:
        start = _since(s[m.start():].lower(), published)
        if start is None and re.search(WEEKDAY_ALT, m.group(0), _F):
            start = event_start(m.group(0), published)
        if start is not None and start > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=365) and start <= published:
            return start, day
    if _SINCE_EPISODE.search(s):
        start = event_start(s, published, wave.period_start if wave is not None else "")
        return (start if start is not None and start <= published else day), day
    m = _RECENT.search(s)
    if m:
        n_word, unit = (m.group(1) or ""), (m.group(2) or m.group(3) or "weeks").lower()
        n = int(n_word) if n_word.isdigit() else SMALL_WORDS.get(n_word.lower(), 3)
        # "the past 72 hours" are three days (a day begun counts whole), "two weeks" fourteen
        days = 7 if m.group(0).lower() == "this week" else -(-n // 24) if unit == "hours" else n * (7 if unit == "weeks" else 1)
        if days <= (day - pd.Timestamp(V.WAR_START)).days:  # (no span longer than the war: "the past 99999 days")
            return day - pd.Timedelta(days=max(days, 1)), day
    if wave is not None:
        return pd.Timestamp(wave.period_start), day
    m = _AS_OF_DAY.search(s)
    if m and re.search(r"\b(?:fled|forced to flee|driven out|escaped|displaced)\b", s[:m.start()], _F):
        when = last_weekday(m.group(1), published) if m.group(1) else _day_after(m.group(0)[6:].join(["on ", ""]), day)
        return (when, when) if when is not None else (day, day)
    return None


#: A flight from a place inside Syria, after a number no claim holds: "(people) fled towns in
#: northern Syria", "fled the Aleppo governorate", "left Idleb", "fled Hama".
_AREA_ALT = "|".join(p for p, _ in V.AREAS)
_FLED_PLACE = re.compile(r"^\s*\)?\s*(?:people|civilians|residents|syrians|individuals|persons|men, women and children)?\s*\)?\s*"
                         r"(?:have\s+|had\s+)?(?:fled|left|escaped)\s+(?:from\s+)?(?:their\s+homes\s+in\s+)?(?:the\s+)?"
                         r"(?:(?:towns|villages|cities|neighbou?rhoods|homes)\b(?!\s+(?:to|into|in)\s+(?:" + HOST_ALT + r"))"
                         r"|(?:(?:city|province|governorate|countryside|region|area)\s+of\s+)?(?:northern\s+|southern\s+|eastern\s+"
                         r"|western\s+|rural\s+)?(?:" + _AREA_ALT + r")\b)", _F)
#: A named year or month the flight happened in: "In 2016, 30,000 people fled eastern Aleppo",
#: "in December 2019".
_IN_YEAR = re.compile(r"\b(?:in|during|throughout)\s+(?:(" + _MON + r")\.?\s+)?((?:19|20)\d\d)\b", _F)


def _named_year(s: str, published: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(first day, last day, at most *published*) of the one year or month of the war the
    sentence names ("in 2016", "in December 2019"); None if none, or more than one."""
    found = {(m.group(1) or "", m.group(2)) for m in _IN_YEAR.finditer(s)}
    if len(found) != 1:
        return None
    mon, year = found.pop()
    y = int(year)
    if not pd.Timestamp(V.WAR_START).year <= y <= published.year:
        return None
    if mon:
        first = pd.Timestamp(year=y, month=V.MONTHS[mon.lower().rstrip(".")], day=1)
        last = first + pd.offsets.MonthEnd(0)
    else:
        first, last = pd.Timestamp(year=y, month=1, day=1), pd.Timestamp(year=y, month=12, day=31)
    return (first, min(last, published.normalize())) if first <= published else None


#: Going abroad or to a host in the count's own clause: refugees, not new displacement.
_ABROAD = re.compile(r"\b(?:to|into|across|for)\s+(?:the\s+)?(?:neighbou?ring|other countries|europe|abroad|" + HOST_ALT + r")"
                     r"|\bacross the border\b|\bthe country\b", _F)


#: An aside between dashes or brackets right after a count ("nearly 390,000 people - around
#: 80% of whom are women and children - were displaced"): the verb after it is the count's.
_ASIDE = re.compile(r"^(\s*(?:people|persons|civilians|residents)?\s*)(?:\s-\s[^.;]{0,120}?\s-\s|\([^()]{0,120}\)\s*)")
#: Agencies named for refugees ("the UN High Commissioner for Refugees", "the UN refugee
#: agency"): their name says nothing of whom a count is.
_AGENCY = re.compile(r"\b(?:(?:un|united nations)\s+)?high commissioner for refugees\b|\b(?:un|u\.n\.|united nations)?\s*refugee agency\b"
                     r"|\bunhcr\b", _F)


def _after(s: str, end: int) -> str:
    """The words after a count with an aside right after it left out."""
    rest = s[end:end + 240]
    m = _ASIDE.match(rest)
    return m.group(1).rstrip() + " " + rest[m.end():] if m else rest


def _own(s: str, end: int) -> str:
    return re.split(r"[;.]|,\s(?!\d)", s[end:], maxsplit=1)[0][:160]


def _new_flow(c: Any, start: pd.Timestamp, as_of: pd.Timestamp, area: str) -> Any:
    return replace(c, kind="displaced", measure="idps_new_displacements", period_type="flow",
                   period_start=_day(start), as_of=_day(as_of), host="",
                   area=area if c.area in ("", "SYR") and area else c.area)


#: "the number of (registered) (Syrian) refugees", "the number of Syrians who have fled to
#: neighbouring countries": the subject names refugees.
_REFUGEE_SUBJECT = re.compile(r"\bthe number of (?:(?:registered|syrian|the)\s+)*refugees\b"
                              r"|\bthe number of syrians? (?:who|that) (?:have |had |has )?(?:fled|escaped|sought refuge)"
                              r"[^.;\d]{0,40}?\b(?:to|into|in)\s+(?:the\s+)?(?:neighbou?ring|surrounding|nearby|other) countries\b", _F)
#: A host country hosting "Syrians displaced/uprooted by the war".
_HOST_VERB = re.compile(r"\b(" + HOST_ALT + r")\b[^.;\d]{0,40}?\b(?:hosts|hosted|hosting|host|is home to|has taken in|took in"
                        r"|shelters|has received)\b[^.;\d]{0,60}?\bsyrians\s+(?:who\s+(?:have\s+)?)?(?:displaced|uprooted|fled"
                        r"|fleeing|forced)\b", _F)


def _refugees_by_subject(c: Any, s: str, a: int, measure: Callable[[str, str, str, str], str]) -> Any:
    """A displaced count whose subject names refugees, or that a host country hosts."""
    before = s[:a]
    clause = re.split(r"[;:]", before)[-1]
    m = _HOST_VERB.search(clause)
    if m:
        host = hosts_listed(m.group(1))[0]
        return replace(c, kind="refugees", measure=measure("refugees", "", host, ""), host=host, area="SYR",
                       period_type="stock", period_start=c.as_of)
    m = _REFUGEE_SUBJECT.search(clause)
    if m and "number of" not in clause[m.end():].lower():
        hosts = hosts_listed(clause[m.start():])
        host = "REGION" if re.search(r"neighbou?ring|surrounding|nearby", m.group(0), _F) else (
            hosts[0] if len(hosts) == 1 else c.host)
        registered = "registered" in clause[m.start():].lower()
        meas = "refugees_registered" if registered and host in ("", "REGION") else measure("refugees", "", host, "")
        return replace(c, kind="refugees", measure=meas, host=host, area="SYR",
                       period_type="stock", period_start=c.as_of)
    return c


#: "the number of (the) (newly) displaced (people) reaching": the subject is the displaced.
_DISPLACED_SUBJECT = re.compile(r"\bthe number of (?:the\s+)?(?:newly\s+)?(?:displaced|idps|people displaced)\b(?:\s+people"
                                r"|\s+persons)?\s+(?:has\s+|had\s+)?(?:reaching|reached|rising to|rose to|climbing to"
                                r"|climbed to|now at|at|to|stands at|stood at|has reached|had reached|hit|hitting)\s+"
                                r"(?:some\s+|about\s+|around\s+|nearly\s+|more than\s+|over\s+)?$", _F)
#: A flight told as an event somewhere in the sentence.
_FLIGHT = re.compile(r"\b(?:fled|fleeing|forced to flee|driven out|escaped|uprooted)\b", _F)
#: Displaced people registered or recorded as arriving ("52,000 IDPs registered between ...").
_REGISTERED = re.compile(r"^\s*(?:new\s+|newly\s+)?(?:idps?|internally displaced (?:people|persons)|displaced (?:people|persons)"
                         r"|people|persons)\s+(?:were\s+|have been\s+|had been\s+)?(?:registered|recorded|tracked|arrived"
                         r"|counted)\b", _F)
#: Returns of "(displaced) Syrians" with no word that says from where.
_SYRIANS_RETURNED = re.compile(r"^\s*(?:more\s+|other\s+)?(?:displaced\s+)?syrians\s+(?:have|had|has)\s+(?:now\s+|already\s+)?"
                               r"(?:returned|gone back|come back|went back)\b", _F)
_FROM_WHERE = re.compile(r"\brefugees?\b|\binternally\b|\bidps?\b|\babroad\b|\bto syria\b|\bacross\b"
                         r"|\bto (?:the|their)\s+(?:own\s+|home\s+)?(?:country|homeland)\b|\bcountry of origin\b|\bhomeland\b"
                         r"|\bborder|\bcrossing|\binside\b|\bwithin\b|\bfrom\s+(?:" + HOST_ALT + r")|\b(?:" + HOST_ALT + r")\b"
                         r"|\bneighbou?ring|\bcountry of asylum|\bhost", _F)


def choose_measures(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                    wave: Any | None, make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]],
                    measure: Callable[[str, str, str, str], str], area_of: Callable[[str], str]) -> list[Any]:
    """*out* (a sentence's claims) with the defaults of the module's docstring applied, and
    flights from Syrian places that no claim holds added. *wave* is the new displacement of
    the sentence before; *make* builds a claim, *hedge* reads a comparator, *measure* names
    the measure of (kind, group, host, window), *area_of* names the governorate in words."""
    res = []
    whole_war = bool(_WHOLE_WAR.search(s))
    anchor: tuple[pd.Timestamp, pd.Timestamp] | None | bool = False  # (read once, on demand)
    for c in out:
        a, b = c.start - offset, c.end - offset
        if c.kind in ("displaced", "idps") and c.measure in ("displaced_total", "idps") and c.period_type == "stock":
            c = _refugees_by_subject(c, s, a, measure)
        if c.kind in ("displaced", "idps") and c.measure in ("displaced_total", "idps") and c.period_type == "stock" \
                and c.value <= WAVE_MAX and not whole_war:
            if _UPROOTED.match(_after(s, b)[:120]) or (_DISPLACED_SUBJECT.search(s[:a][-60:]) and _FLIGHT.search(s)):
                # "have been displaced since 1 December"; "N people fled ..., with the number of
                # displaced reaching 90,000 as of Friday"
                if anchor is False:
                    anchor = episode_anchor(s, published, wave)
                if anchor is not None:
                    c = _new_flow(c, anchor[0], anchor[1], area_of(_own(s, b)))
            elif _REGISTERED.match(s[b:b + 80]):
                span = date_range(s, published)  # "52,000 IDPs registered between 1-16 May"
                if span is not None:
                    c = _new_flow(c, span[0], span[1], "")
        if c.kind == "population" and c.value <= WAVE_MAX and not whole_war:
            area = _place_fled(s, a, b, area_of)
            if area is not None:
                # "About 25,000 people fled Hama, residents said": the count's own verb is a
                # flight from a Syrian place, not a population (whatever word cued it)
                start, as_of = _flight_period(s, published, wave)
                c = _new_flow(c, start, as_of, "")
                c = replace(c, area=area if area != "SYR" or c.area in ("", "SYR") else c.area)
        if c.measure == "idps_new_displacements" and c.period_type == "cumulative" and c.period_start == V.WAR_START \
                and not whole_war:
            # a new displacement is never counted from the war's start: the episode's span, else
            # the day it was read
            if anchor is False:
                anchor = episode_anchor(s, published, wave)
            start, as_of = anchor if anchor is not None else (pd.Timestamp(c.as_of), pd.Timestamp(c.as_of))
            c = replace(c, period_type="flow", period_start=_day(start), as_of=_day(as_of))
        elif c.measure == "idps_new_displacements" and c.period_type == "cumulative" and c.period_start != V.WAR_START:
            # "newly displaced since Nov. 27": new displacements are a flow, whatever their start
            # (the measure's definition; a count since the war's start is read above)
            c = replace(c, period_type="flow")
        if c.kind == "returns" and not c.host and c.group in ("", "all") and _SYRIANS_RETURNED.match(s[b:]) \
                and not _FROM_WHERE.search(_AGENCY.sub(" ", s)):
            c = replace(c, measure="refugee_returns", group="refugees_and_idps", host="")
        res.append(c)
    res = _ranges_and_asides(res, s, offset)
    res = _fled_places(res, raw, s, offset, si, published, wave, make, hedge, area_of)
    res = _refugee_subject_counts(res, raw, s, offset, si, published, make, hedge, measure)
    return sorted(res, key=lambda c: c.start)


_RANGE_JOINT = re.compile(r"^\s*(?:and|to|-|–)\s*$", _F)
_INCLUDING = re.compile(r",?\s*(?:including|of whom|among them)\s+(?:more than\s+|some\s+|about\s+|around\s+|nearly\s+|over\s+"
                        r"|at least\s+|an estimated\s+)?$", _F)


def _ranges_and_asides(res: list[Any], s: str, offset: int) -> list[Any]:
    """The first number of a range takes the measure and period of the second ("between
    60,000 and 80,000 ... newly displaced"); an "including" item after a new displacement
    counts the same wave."""
    out = list(res)
    for i in range(len(out) - 1):
        x, y = out[i], out[i + 1]
        gap = s[x.end - offset:y.start - offset]
        if _RANGE_JOINT.match(gap) and re.search(r"\bbetween\s+$", s[:x.start - offset][-20:], _F) \
                and y.measure == "idps_new_displacements" and x.kind in ("displaced", "idps") and x.measure != y.measure:
            out[i] = replace(x, kind=y.kind, measure=y.measure, period_type=y.period_type,
                             period_start=y.period_start, as_of=y.as_of, area=y.area, host=y.host)
    for i in range(1, len(out)):
        lead, c = out[i - 1], out[i]
        if lead.measure == "idps_new_displacements" and c.kind in ("displaced", "idps") \
                and _COMPARED.search(s[lead.end - offset:c.start - offset]):
            # "48,500 have been displaced as of 30 November - a steep increase from the 14,000
            # people reported on 28 November": the same wave read on an earlier day
            day = _day_after(s[c.end - offset:c.end - offset + 60], pd.Timestamp(lead.as_of))
            start = lead.period_start
            if day is not None and day < pd.Timestamp(start) and lead.period_start == lead.as_of:
                start = _day(day)  # (a wave whose start is not said is dated the day each reading was made)
            out[i] = replace(c, kind=lead.kind, measure=lead.measure, period_type="flow", period_start=start,
                             as_of=_day(day) if day is not None and day >= pd.Timestamp(start) else lead.as_of,
                             area=lead.area, host="")
            continue
        if lead.measure == "idps_new_displacements" and c.measure != lead.measure \
                and c.kind in ("displaced", "idps", "refugees") \
                and _INCLUDING.search(s[lead.end - offset:c.start - offset]) \
                and not re.search(r"\brefugees?\b(?!\s+agency)|\babroad\b", s[c.end - offset:c.end - offset + 60], _F):
            out[i] = replace(c, kind=lead.kind, measure=lead.measure, period_type=lead.period_type,
                             period_start=lead.period_start, as_of=lead.as_of, area=lead.area, host="")
    return out


#: A count compared with an earlier reading of the count before ("an increase from the 14,000
#: reported on 28 November", "up from 30,000 last week").
_COMPARED = re.compile(r"\b(?:increase|rise|jump|surge|up|down|decrease|drop|compared)\s+(?:from|on|with|to)\s+(?:the\s+)?"
                       r"(?:some\s+|about\s+|around\s+|nearly\s+)?$", _F)
_ON_DAY = re.compile(r"^\s*(?:people\s+|persons\s+)?(?:[\w'-]+\s+){0,2}?(?:on|as of|by)\s+(?:(\d{1,2})\s+(" + _MON + r")"
                     r"|(" + _MON + r")\.?\s+(\d{1,2}))\b", _F)


def _day_after(after: str, ref: pd.Timestamp) -> pd.Timestamp | None:
    """The day named right after a count ("reported on 28 November"), in the year of *ref*
    (the year before if that would fall after it); None if none."""
    m = _ON_DAY.match(after)
    if not m:
        return None
    d, mon = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month, day = V.MONTHS[mon.lower().rstrip(".")], int(d)
    try:
        when = pd.Timestamp(year=ref.year, month=month, day=day)
    except ValueError:
        return None
    return when if when <= ref else when - pd.DateOffset(years=1)


#: The subject names refugees in other words, and its verb reaches the number: "The number of
#: Syrians that, fleeing the bombs, have gone to surrounding countries has passed the".
_SUBJECT_ABROAD = re.compile(r"\bthe number of (?:syrians?|people|refugees)\b[^.;\d]{0,80}?\b(?:neighbou?ring|surrounding"
                             r"|nearby|other) countries\b[^.;\d]{0,40}?\b(?:passed|reached|hit|exceeded|exceeds|topped|tops"
                             r"|crossed|surpassed|stands at|stood at|is|was|now)\b[^.;\d]{0,20}$", _F)


def _refugee_subject_counts(res: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                            make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]],
                            measure: Callable[[str, str, str, str], str]) -> list[Any]:
    """Numbers no claim holds that a subject of refugees in other words reaches."""
    if "number of" not in s.lower():
        return res
    added = []
    for num in free_numbers(s, res, offset, minimum=10_000):
        before = s[max(0, num.start - 220):num.start]
        comp, hedge_len = hedge(before, s[num.end:num.end + 60])
        if not _SUBJECT_ABROAD.search(before):
            continue
        if re.search(r"\b(?:passed|exceeded|exceeds|topped|tops|crossed|surpassed)\b", before[-40:], _F):
            comp = "at_least"
        lo, day = num.start - hedge_len, _day(published)
        added.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "refugees",
                          measure("refugees", "", "REGION", ""), comp, "stock", day, day, "SYR", "REGION", "", ""))
    return res + added


def _fled_places(res: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                 wave: Any | None, make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]],
                 area_of: Callable[[str], str]) -> list[Any]:
    """Numbers no claim holds whose own verb is a flight from a place inside Syria."""
    if not re.search(r"\bfled\b|\bleft\b|\bescaped\b", s, _F) or _WHOLE_WAR.search(s):
        return res
    added = []
    for num in free_numbers(s, res, offset, minimum=1000):
        if num.value > WAVE_MAX:
            continue
        area = _place_fled(s, num.start, num.end, area_of)
        if area is None:
            continue
        comp, hedge_len = hedge(s[max(0, num.start - 200):num.start], s[num.end:num.end + 160])
        start, as_of = _flight_period(s, published, wave)
        lo = num.start - hedge_len
        added.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "displaced",
                          "idps_new_displacements", comp, "flow", _day(start), _day(as_of), area, "", "", ""))
    return res + added


def _place_fled(s: str, start: int, end: int, area_of: Callable[[str], str]) -> str | None:
    """The area of the place inside Syria that the count at s[start:end] fled, by the count's
    own verb ("fled the Aleppo governorate": SY-HL; "fled towns in the north": SYR); None if
    its verb is no such flight, the flight goes abroad, or households or families are counted."""
    after = s[end:end + 160]
    m = _FLED_PLACE.match(after)
    if not m or _ABROAD.search(_own(after, 0)):
        return None
    if re.search(r"\b(?:households|families)\s*\(?\s*$", s[max(0, start - 15):start], _F):
        return None
    return area_of(m.group(0)) or ("SYR" if not re.search(r"\btowns|villages|cities|neighbou?rhoods", m.group(0), _F)
                                   else area_of(_own(after, 0)) or "SYR")


def _flight_period(s: str, published: pd.Timestamp, wave: Any | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(start, as_of) of a flight from a Syrian place: the sentence's episode, else the year or
    month it names, else the day of publication."""
    anchor = episode_anchor(s, published, wave) or _named_year(s, published)
    return anchor if anchor is not None else (published.normalize(), published.normalize())


def settle_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The extractor's final frame with returns of refugees and IDPs together kept as one
    measure (``refugee_returns``, no host) whatever the governor's second opinion said."""
    if claims.empty or "group" not in claims.columns:
        return claims
    both = claims["group"].eq("refugees_and_idps") & claims["kind"].eq("returns")
    if not both.any():
        return claims
    out = claims.copy()
    out.loc[both, "measure"] = "refugee_returns"
    out.loc[both, "host"] = ""
    return out
