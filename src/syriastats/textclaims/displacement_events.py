"""Displacement told as an event: people uprooted by one offensive, exodus or escalation are
its new displacement (``idps_new_displacements``, a flow from the event's start), not the
war's displaced (``displaced_total``) or the IDPs on a date (``idps``) (H22d).

Read after the sentence's claims are found (:func:`event_displacements`); the call site in
:mod:`syriastats.textclaims.extract` passes its claims and the reading of earlier sentences
(``ctx.wave``: the last new displacement found). The national stock stays for counts said to
be inside Syria or of IDPs, for counts since the war began and for counts above the largest
wave (:data:`WAVE_MAX`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.periods import _day
from syriastats.textclaims.rule_kit import SMALL_WORDS, WEEKDAY_ALT, free_numbers, last_weekday, statement_day

_F = re.I

#: A count of people uprooted by one wave is far below the war's totals (all the displaced
#: near 13.5 million; the largest wave, late 2024, near 1.1 million); extract.py uses the same
#: bound.
WAVE_MAX: float = 2_500_000

#: An event that uproots people, named in the sentence: an offensive, an assault, an
#: exodus through a corridor, an enclave emptied.
_EVENT = re.compile(r"\b(?:offensive|assault|incursion|invasion|military operation|operation against|exodus|corridor"
                    r"|exoduses|enclave|onslaught|escalation|cross-border)\b", _F)
#: The count's own words put it inside Syria as a whole, or name IDPs: the national stock.
_NATIONAL = re.compile(r"\b(?:within|inside)\s+(?:syria|the country|their (?:own )?country)\b|\binternally displaced\b"
                       r"|\bidps?\b|\bsince (?:the )?(?:start|beginning|outbreak|onset) of (?:the |syria'?s )?(?:civil )?"
                       r"(?:war|conflict|crisis|uprising)\b|\bsince (?:march )?2011\b|\bsince the (?:war|conflict) began\b"
                       r"|\bfor other locations\b", _F)
#: Leaving a place under assault: "had escaped to", "left eastern Ghouta", "flooded out of".
_LEFT_AFTER = re.compile(r"^\s*(?:people\s+|civilians\s+|residents\s+)?(?:who\s+)?(?:had\s+|have\s+)?(?:already\s+)?"
                         r"(?:escaped|left|flooded out of|streamed out of|poured out of|evacuated|fled)\b", _F)
#: "forced 300,000 people to displace": the verb the main rules do not read.
_TO_DISPLACE = re.compile(r"^\s*(?:people|civilians|residents|syrians)?\s*to (?:displace|be displaced|abandon|leave|flee)\b", _F)
_FORCED_BEFORE = re.compile(r"\b(?:forced|forcing|forces)\s+$", _F)
#: "have been displaced there" after a place and its fighting: the place's wave.
_DISPLACED_THERE = re.compile(r"^\s*(?:people\s+|civilians\s+)?(?:have|had|has)\s+been\s+displaced\s+there\b", _F)
#: "put the figure at N", "put the number ... at N": the count of the sentence before, by
#: another source.
_PUT_FIGURE = re.compile(r"\bput (?:the|its|their) (?:figure|number|toll|count|tally)\b[^.;]{0,80}?\bat\s+"
                         r"(?:more than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+|at least\s+)?$", _F)
#: Those who left, fled or were displaced, named in a "put the number of ... at N".
_LEAVERS = re.compile(r"\b(?:those|people|civilians)\s+(?:who\s+)?(?:had\s+|have\s+)?(?:been\s+)?(?:left|fled|escaped"
                      r"|displaced)\b", _F)
#: Words without which no count is added (a cheap test before reading every number).
_GATE = re.compile(r"escaped|\bleft\b|flooded|streamed|poured|evacuated|\bfled\b|\bput\b|\bforc(?:ed|ing|es)\b", _F)
_WEEKDAY = re.compile(r"\b(" + WEEKDAY_ALT + r")\b", _F)
_MONTH_ALT = "|".join(sorted(V.MONTHS, key=len, reverse=True))
#: "since the Turkish offensive began on Oct. 9", "that began last week".
_EVENT_BEGAN = re.compile(r"\b(?:offensive|assault|operation|incursion|invasion|escalation)\b[^.;]{0,40}?\b(?:began|started"
                          r"|was launched|launched)\s+(?:on\s+)?(?:(" + _MONTH_ALT + r")\.?\s+(\d{1,2})\b|(\d{1,2})\s+("
                          + _MONTH_ALT + r")\b|(last week))", _F)
#: "began its offensive on Aug. 8", "launched the assault on 20 January".
_BEGAN_EVENT = re.compile(r"\b(?:began|started|launched)\s+(?:its|their|the|an|a)\s+(?:[\w'-]+\s+){0,2}?(?:offensive|assault"
                          r"|operation|incursion|invasion|campaign)\s+on\s+(?:(" + _MONTH_ALT + r")\.?\s+(\d{1,2})\b|(\d{1,2})\s+("
                          + _MONTH_ALT + r")\b)", _F)
#: "in eight days", "in the past three days", "within three days".
_IN_DAYS = re.compile(r"\b(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?(\d+|two|three|four|five|six|seven|eight|nine"
                      r"|ten)\s+days\b", _F)
#: A disaster, not the war: "the earthquake forced 100,000 people to leave", "floods forced".
_DISASTER = re.compile(r"\b(?:earthquakes?|quakes?|floods?|flooding|storms?|snowstorms?|wildfires?|fires?|drought|heavy rains?)\b", _F)
#: A level on the day, not a wave: "the enclave now holds 400,000 displaced people who fled
#: earlier offensives".
_HOLDS_BEFORE = re.compile(r"\b(?:holds|hosts|houses|shelters|is home to|are home to|was home to)\s+(?:[\w'-]+\s+){0,2}?$", _F)
_EARLIER = re.compile(r"^[^.;]{0,80}?\b(?:earlier|previous|past|successive)\s+(?:offensives|waves|rounds|battles)\b", _F)
_TOWN = re.compile(r"\b(?:town|village|city|neighbou?rhood)\b", _F)


def event_start(s: str, published: pd.Timestamp, wave_start: str = "") -> pd.Timestamp | None:
    """The start of the event a count of displaced people belongs to, by the sentence's
    words: "since the offensive began on Oct. 9", "began last week" (seven days back), "in
    eight days", "Thursday" (the last such day), else the wave of the sentence before
    (*wave_start*); None if nothing says."""
    m = _EVENT_BEGAN.search(s) or _BEGAN_EVENT.search(s)
    if m:
        mon, d, d2, mon2, last_week = (*m.groups(), None)[:5]
        if last_week:
            return published.normalize() - pd.Timedelta(days=7)
        month = V.MONTHS[(mon or mon2).lower().rstrip(".")]
        day = int(d or d2)
        y = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return pd.Timestamp(year=y, month=month, day=day)
    m = _IN_DAYS.search(s)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else SMALL_WORDS[m.group(1).lower()]
        return published.normalize() - pd.Timedelta(days=n)
    for m in _WEEKDAY.finditer(s):
        if not statement_day(s, m.start(), m.end()):  # ("The UN said on Thursday that ...": the statement's day)
            return last_weekday(m.group(1), published)
    return pd.Timestamp(wave_start) if wave_start else None


def _area(s: str, area_of: Callable[[str], str]) -> str:
    """The area of a wave's count: the governorate named, else LOCAL for a town's or a
    village's people (narrower than any registry figure), else SYR."""
    return area_of(s) or ("LOCAL" if _TOWN.search(s) else "SYR")


def _is_event(s: str, own: str) -> bool:
    return bool(_EVENT.search(s)) and not _NATIONAL.search(own[:160])


def event_displacements(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                        wave: Any | None, make: Callable[..., Any],
                        hedge: Callable[[str, str], tuple[str, int]], area_of: Callable[[str], str]) -> list[Any]:
    """*out* (the sentence's claims) with displaced counts of an event read as its new
    displacement, and counts of people leaving a place under assault, or another source's
    figure for the wave of the sentence before, added when no claim holds them.

    *make* builds a claim (the extractor's ``TextClaim``); *hedge* reads a number's
    comparator from the words before and after it; *area_of* names the governorate in words;
    *wave* is the new displacement of the sentence before (or None)."""
    res = []
    for c in out:
        a, b = c.start - offset, c.end - offset
        own = s[b:]
        if c.measure in ("displaced_total", "idps") and c.period_type == "stock" and c.value <= WAVE_MAX \
                and (_is_event(s, own) or _DISPLACED_THERE.match(own) or (wave is not None and re.match(r"^\s*(?:people\s+)?(?:have|had)\s+been\s+displaced\s*$",
                                                                         own[:60], _F))) \
                and not _NATIONAL.search(s[max(0, a - 60):a]) \
                and not (_HOLDS_BEFORE.search(s[max(0, a - 40):a]) or _EARLIER.match(own)):
            start = event_start(s, published, wave.period_start if wave is not None else "")
            c = replace(c, kind="displaced", measure="idps_new_displacements", period_type="flow",
                        period_start=_day(start) if start is not None and start <= published else c.period_start,
                        area=_area(s, area_of) if c.area == "SYR" else c.area)
        elif c.measure == "idps_new_displacements" and c.period_type == "flow" and c.period_start == _day(published):
            # the main rules' wave, dated on publication: the event's start when the sentence
            # names it ("The assault on Raqqa, which began on June 6, has displaced 200,000")
            start = event_start(s, published)
            c = replace(c, period_start=_day(start) if start is not None and start < published else c.period_start,
                        area=_area(s, area_of) if c.area == "SYR" else c.area)
        res.append(c)
    if not _GATE.search(s):
        return res  # (no word of leaving, forcing or putting a figure: nothing to add)
    for num in free_numbers(s, res, offset):
        if num.value > WAVE_MAX:
            continue
        before, after = s[max(0, num.start - 200):num.start], s[num.end:num.end + 200]
        if not (_LEFT_AFTER.match(after) or _TO_DISPLACE.match(after) or _PUT_FIGURE.search(before[-150:])):
            continue
        comp, hedge_len = hedge(before, after)
        lead = before[:len(before) - hedge_len]
        put = _PUT_FIGURE.search(lead[-120:])
        # another source's figure for the wave before, or "put the number of those who had left
        # eastern Ghouta ... at 9,300"
        carried = put and (wave is not None or _LEAVERS.search(put.group(0)))
        left = _LEFT_AFTER.match(after) and _EVENT.search(s) and not _NATIONAL.search(after[:160])
        forced = _FORCED_BEFORE.search(lead[-20:]) and _TO_DISPLACE.match(after) \
            and not (_DISASTER.search(s) and not _EVENT.search(s))
        if not (carried or left or forced):
            continue
        if carried and wave is not None:
            start, area = wave.period_start, wave.area
        else:
            st = event_start(s, published, wave.period_start if wave is not None else "")
            start = _day(st) if st is not None and st <= published else _day(published)
            area = _area(s, area_of)
        lo = num.start - hedge_len
        res.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "displaced",
                        "idps_new_displacements", comp, "flow", start, _day(published), area, "", "", ""))
    return sorted(res, key=lambda c: c.start)
