"""Spans of dates around a count, and dead and wounded counted together.
"""
from __future__ import annotations

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.periods import _MONTH_ALT, _named_period
from syriastats.textclaims.cues import (
    _c,
)

# ---------------------------------------------------------------- spans of dates, dead and wounded together (H21t)
_DAYNUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_OPT = r"(?:,?\s*((?:19|20)\d\d))?"
#: A span of dates: "between 5 and 12 June", "from 1 January to 31 December 2023", "between
#: May 5 and May 12, 2021", "since 1 December until the 15th of the same month".
_SPAN_OF_DAYS = _c(r"\b(?:between|from)\s+(?:the\s+)?" + _DAYNUM + r"(?:\s+(?:of\s+)?(" + _MONTH_ALT + r"))?" + _YEAR_OPT
                   + r"\s+(?:and|to|until|till|through|-)\s+(?:the\s+)?" + _DAYNUM + r"\s+(?:of\s+)?(" + _MONTH_ALT + r")" + _YEAR_OPT
                   + r"|\b(?:between|from)\s+(" + _MONTH_ALT + r")\.?\s+" + _DAYNUM + _YEAR_OPT
                   + r"\s+(?:and|to|until|till|through|-)\s+(?:(" + _MONTH_ALT + r")\.?\s+)?" + _DAYNUM + _YEAR_OPT
                   + r"|\bsince\s+" + _DAYNUM + r"\s+(" + _MONTH_ALT + r")" + _YEAR_OPT
                   + r"\s+(?:until|till|to)\s+(?:the\s+)?" + _DAYNUM + r"\s+of\s+the\s+same\s+month")
#: "in this period", "during the same period": the span of dates said before (H21t).
_THIS_PERIOD = _c(r"\b(?:in|during|over|throughout|within)\s+(?:this|that|the same|the said|the above)\s+(?:period|span|time)\b")


def _death_span(text: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The span of dates in *text* as (flow, first day, last day): the dead counted between two
    days are that span's flow ("Between 5 and 12 June, the monitor recorded the deaths of 95
    people"). A year not said is the publication's (the one before if the span would end after
    publication). None if no span is named."""
    m = _SPAN_OF_DAYS.search(text)
    if m is None:
        return None
    g = m.groups()
    if g[0] is not None:      # day [month] [year] - day month [year]
        d1, m1, y1, d2, m2, y2 = g[0], g[1] or g[4], g[2], g[3], g[4], g[5]
    elif g[6] is not None:    # month day [year] - [month] day [year]
        d1, m1, y1, d2, m2, y2 = g[7], g[6], g[8], g[10], g[9] or g[6], g[11]
    else:                     # since day month [year] until the day of the same month
        d1, m1, y1, d2, m2, y2 = g[12], g[13], g[14], g[15], g[13], g[14]
    mon1, mon2 = V.MONTHS.get(m1.lower()), V.MONTHS.get(m2.lower())
    if not mon1 or not mon2:
        return None
    year2 = int(y2 or y1 or published.year)
    try:
        end = pd.Timestamp(year=year2, month=mon2, day=int(d2))
        if not (y2 or y1) and end > published:
            end = end - pd.DateOffset(years=1)
        start = pd.Timestamp(year=int(y1) if y1 else end.year - (1 if mon1 > mon2 else 0), month=mon1, day=int(d1))
    except ValueError:
        return None
    if not start < end or end > published + pd.Timedelta(days=1):
        return None
    return "flow", start, end


#: The dead and the wounded counted together: "the killing and injury of", "killed or
#: wounded", "dead and injured", "casualties (dead and wounded)" (H21t).
_KILLED_AND_INJURED_BEFORE = _c(r"\b(?:killing|death|deaths)\s+(?:and|or)\s+(?:injur(?:y|ies|ing)|wounding)\s+of\s+"
                                r"(?:[\w'-]+\s+){0,2}$|\b(?:killed|kill(?:ed|ing)?)\s+(?:and|or)\s+(?:injured|wounded|injuring|wounding)\s+"
                                r"(?:[\w'-]+\s+){0,3}$")
_KILLED_AND_INJURED_AFTER = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:were|have been|had been|was)?\s*(?:killed|dead)\s+(?:or|and)\s+"
                               r"(?:injured|wounded)\b(?!\s+(?:more than |over |nearly |about |some |at least |almost |around )?[\d]"
                               r"|\s+(?:more than |over |nearly |about |some |at least )?(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions)\b)")


def _killed_and_injured(s: str, num: Number, bare: str) -> bool:
    """True if the count *num* adds the dead and the wounded together ("the killing and injury
    of 1,250 civilians", "killed or wounded more than 2,000", "900 people were killed or
    injured"): no measure counts both, and it is never a death toll."""
    return bool(_KILLED_AND_INJURED_BEFORE.search(bare[-80:]) or _KILLED_AND_INJURED_AFTER.match(s[num.end:num.end + 80]))

#: Deaths placed in another country's war ("killed in the Israeli offensive on Lebanon"): no
#: span or episode makes them a Syrian war statistic (H21t).
_ABROAD_DEATHS = _c(r"\b(?:offensive|war|strikes|attacks?|bombardment|killed|died|dead|deaths)\b[^.;]{0,30}?\b(?:in|on|against|into)\s+"
                    r"(?:southern\s+|northern\s+)?(?:lebanon|gaza|israel|iraq|turkey|t[uü]rkiye|jordan|yemen|ukraine|libya)\b")


#: "its annual report for 2023", "the 2022 annual report": the report's year (H21t).
_ANNUAL_REPORT = _c(r"\b(?:annual|yearly|year-end|end-of-year)\s+(?:report|toll|tally|statistics)\s+(?:for|on|of|covering)\s+"
                    r"(?:the\s+year\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:annual|yearly)\s+(?:report|toll|tally)\b")
#: "The deadliest month was March" (that month's toll follows) (H21t).
_DEADLIEST_MONTH = _c(r"\b(?:deadliest|bloodiest|worst|most violent)\s+month\s+(?:of\s+(?:the\s+year|(?:19|20)\d\d)\s+)?"
                      r"(?:was|is|has been|proved to be)\s+(" + _MONTH_ALT + r")(?:\s+((?:19|20)\d\d))?\b")


def _report_year(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The year of an annual report named before a count, as that year's flow, or None."""
    m = _ANNUAL_REPORT.search(before)
    if not m:
        return None
    year = int(m.group(1) or m.group(2))
    if year > published.year or year <= pd.Timestamp(V.WAR_START).year - 1:
        return None
    return "flow", pd.Timestamp(year=year, month=1, day=1), min(pd.Timestamp(year=year, month=12, day=31), published)


def _deadliest_month(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The month named the deadliest before a count ("The deadliest month was March, with
    2,000 deaths"), as that month's flow (the latest such month on or before publication), or None."""
    m = _DEADLIEST_MONTH.search(before)
    if not m or (m.group(2) is not None and int(m.group(2)) > published.year):
        return None
    return _named_period(m.group(1), m.group(2), published)

#: "one in 13 of those who died was a woman, 26,727 in all", "one in 12 victims was a woman -
#: 25,000": the count after a share of the dead is that group's toll (H21t).
_SHARE_GROUP = _c(r"\bone in (?:\d+|\w+)\b[^.;\d]{0,60}?\b(?:was|were|is|are)?\s*(?:a\s+|an\s+)?(wom[ae]n|child(?:ren)?)\b"
                  r"[^.;\d]{0,25}$")
