"""Tallies dated by their own clause (H22t).

"The new figure is up sharply since August 2014, when the tally stood at 191,369": the
191,369 is the tally of August 2014, not of the publication date. "Some 800 had died since
a U.N.-backed ceasefire went into effect on April 12": a running toll from 12 April (a
cumulative toll of a later start, a war statistic whatever its size).

Rules only; the extractor calls them at one place each.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.periods import _MONTH_ALT, _day, _named_period

_F = re.I
#: "since August 2014, when the tally stood at 191,369": group 1 month, 2 year, 3 the count.
_WHEN_STOOD = re.compile(r"\b(?:since|from|in)\s+(" + _MONTH_ALT + r")\s+((?:19|20)\d\d),?\s+when\s+(?:the|its|their)\s+"
                         r"(?:tally|toll|count|figure|number|death\s+toll)\s+(?:stood|was|had\s+reached|reached)\s+(?:at\s+)?"
                         r"(?:(?:about|some|nearly|more\s+than|over|at\s+least)\s+)?(\d[\d,]*)", _F)
_DAY = r"(?:(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_ALT + r"))(?:,?\s+((?:19|20)\d\d))?"
#: "since a U.N.-backed ceasefire went into effect on April 12", "since the truce took effect
#: on 27 February 2016".
_SINCE_EVENT_DAY = re.compile(r"\bsince\s+(?:a|an|the|its)\s+(?:[\w.'-]+\s+){0,5}?(?:ceasefire|cease-fire|truce|agreement|deal"
                              r"|offensive|operation|campaign|intervention)\s+(?:went\s+into\s+effect|took\s+effect|came\s+into\s+force"
                              r"|began|started|was\s+(?:declared|announced|signed|launched|agreed))\s+on\s+" + _DAY, _F)


def _event_day(s: str, published: pd.Timestamp) -> pd.Timestamp | None:
    m = _SINCE_EVENT_DAY.search(s)
    if m is None:
        return None
    mon, d = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    year = int(m.group(5)) if m.group(5) else published.year
    try:
        day = pd.Timestamp(year=year, month=V.MONTHS[mon.lower()], day=int(d))
    except ValueError:
        return None
    if not m.group(5) and day > published:
        day = day - pd.DateOffset(years=1)
    return day if pd.Timestamp(V.WAR_START) < day <= published else None


def later_start(s: str, kind: str, published: pd.Timestamp) -> bool:
    """True if a death count of sentence *s* runs from a later start named by its event's
    day ("since a ceasefire went into effect on April 12")."""
    return kind == "deaths" and _event_day(s[:2000], published) is not None


def revise(out: list[Any], s: str, raw: str, si: int, offset: int, published: pd.Timestamp,
           dead_before: bool, make: Any) -> list[Any]:
    """Dates the tallies of *out* (a sentence's claims) by their own clause: a death count
    after "since <event> ... on <day>" runs from that day; "since August 2014, when the tally
    stood at N" is a death toll (when the text before spoke of deaths: *dead_before*, or the
    sentence does) counted to the end of that month. *make* builds a claim."""
    day = _event_day(s, published)
    if day is not None:
        out = [replace(c, period_type="cumulative", period_start=_day(day))
               if c.kind == "deaths" and c.period_type == "cumulative" and c.period_start == V.WAR_START else c
               for c in out]
    m = _WHEN_STOOD.search(s)
    if m is None or not (dead_before or re.search(r"\b(?:killed|dead|deaths?|died|toll)\b", s, _F)):
        return out
    _, _, end = _named_period(m.group(1), m.group(2), published)
    st, en = m.start(3), m.end(3)
    keep = [c for c in out if c.end - offset != en]
    old = [c for c in out if c.end - offset == en]
    if old:
        new = replace(old[0], period_type="cumulative", period_start=V.WAR_START, as_of=_day(end))
    else:
        new = make(si, raw, offset + st, offset + en, raw[st:en], float(m.group(3).replace(",", "")), "deaths",
                   "deaths_total", "about", "cumulative", V.WAR_START, _day(end), "SYR", "", "all", "", "",
                   perpetrator="all")
    return sorted(keep + [new], key=lambda c: c.start)
