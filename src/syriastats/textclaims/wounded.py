"""The dead and the wounded of the last few days, and one day's dead (H22t).

"At least 23 civilians have been killed and nearly 100 others wounded over the past three
days": a running toll of the days just past, both counts claims (deaths, and the measure
``injured``), counted from *published* less the span. One day's dead ("the deadliest day
... 304 people died", "killed at least 82 civilians ... on Monday alone") are an
incident's, never a war statistic: :func:`drop_one_day` removes them.

Rules only; the extractor calls each at one place.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.periods import _day
from syriastats.textclaims.rule_kit import WEEKDAY_ALT

_F = re.I
_UNITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "few": 3, "several": 5}
#: "over the past three days", "in the last four days", "during the past few days".
_PAST_DAYS = re.compile(r"\b(?:over|in|during|within)\s+the\s+(?:past|last)\s+(two|three|four|five|six|seven|few|several|[2-7])\s+days\b", _F)
#: A running toll's verb: "have been killed", "has left ... dead", "others wounded".
_RUNNING = re.compile(r"\b(?:have|has)\s+(?:now\s+)?(?:been\s+)?(?:killed|wounded|injured|left|claimed)\b"
                      r"|\bothers\s+(?:were\s+)?(?:wounded|injured)\b", _F)
_DEATH_OR_WOUND = ("deaths", "injured")


#: An episode's start told as a time ago: "since the offensive began last week", "since the
#: start of the campaign two weeks ago" (group 1 the number of weeks, if said).
_SINCE_AGO = re.compile(r"\bsince\b[^.;\d]{0,60}?\b(?:last\s+week|(a|one|two|three|four|[1-4])\s+weeks?\s+ago)\b", _F)


def _span(s: str) -> int:
    """The number of days of "the past N days" in *s*, or of an episode begun "last week"
    or "two weeks ago" (0 if none)."""
    m = _PAST_DAYS.search(s)
    if m:
        w = m.group(1).lower()
        return int(w) if w.isdigit() else _UNITS[w]
    m = _SINCE_AGO.search(s)
    if m:
        w = (m.group(1) or "one").lower()
        return 7 * (int(w) if w.isdigit() else {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[w])
    return 0


def recent_toll(s: str, kind: str, start: int = 0) -> bool:
    """True if a count of the dead or wounded (*kind*) in sentence *s* is a running toll of
    the last few days ("have been killed ... over the past three days"), a claim whatever
    its size."""
    near = s[max(0, start - 300):start + 300]  # (a long sentence stays linear)
    return kind in _DEATH_OR_WOUND and _span(near) > 0 and bool(_RUNNING.search(near))


def recent_period(out: list[Any], s: str, published: pd.Timestamp) -> list[Any]:
    """The period of the running tolls of the last few days in *out* (a sentence's claims):
    counted from *published* less the span."""
    n = _span(s[:2000])
    if not n or not _RUNNING.search(s[:2000]):
        return out
    start = _day((published - pd.Timedelta(days=n)).normalize())
    return [replace(c, period_type="cumulative", period_start=start)
            if c.kind in _DEATH_OR_WOUND and ((c.period_type == "cumulative" and c.period_start == V.WAR_START)
                                              or c.period_start == start) else c
            for c in out]


#: One day as the span of a count's own words: "on Monday alone", "the deadliest day", "in a
#: single day", "that day".
_ONE_DAY = re.compile(r"\b(?:" + WEEKDAY_ALT + r"|yesterday|today)\s+alone\b"
                      r"|\b(?:deadliest|bloodiest|worst)\s+(?:single\s+)?day\b|\bin\s+(?:a|one)\s+(?:single\s+)?day\b"
                      r"|\bon\s+that\s+day\b|\bthat\s+day\s+alone\b", _F)


def drop_one_day(out: list[Any], s: str, offset: int) -> list[Any]:
    """*out* without the counts of the dead whose own words (back to the count before, on to
    the next one or a clause that brings a total) make them one day's toll."""
    ends = sorted(c.end - offset for c in out)
    res = []
    for c in out:
        st, en = c.start - offset, c.end - offset
        k = bisect.bisect_right(ends, st)
        prev = max(ends[k - 1] if k else 0, st - 300)
        nxt = re.search(r"\d|,\s*(?:bringing|raising|taking|pushing)\b|;", s[en:en + 300])
        own = s[prev:st] + " " + (s[en:en + nxt.start()] if nxt else s[en:en + 300])
        if c.kind in _DEATH_OR_WOUND and _ONE_DAY.search(own):
            continue
        res.append(c)
    return res
