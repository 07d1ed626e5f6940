"""Read the period of a claim in a sentence: the dates a number counts over or stands on.

A claim's period is three fields (see :func:`_period`): ``period_type`` (``stock``: a level
on a day; ``cumulative``: a running total from a start day; ``flow``: what happened within
a span only), ``period_start`` and ``as_of`` (days). They are read from the words around
the number relative to the day the text was *published*: "in 2014", "last year", "since
the fall of Assad", "since the war began", "between 1 February and 30 April 2020",
"three months ago", "in the past two weeks", "by the end of 2016". A period that would end
after publication is cut at the day of publication.

All word lists are in :mod:`syriastats.textclaims.vocabulary`; :mod:`.extract` calls
:func:`_period` for each number it keeps.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

import syriastats.textclaims.vocabulary as V

_FLAGS = re.I


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, _FLAGS)


_SINCE_FALL = _c(V.SINCE_ASSAD_FALL)
_MONTH_ALT = "|".join(sorted(V.MONTHS, key=len, reverse=True))
_YEAR_IN = _c(r"\b(?:in|during|throughout|for|of)\s+(?:the\s+(?:year|whole\s+of)\s+)?"
              r"(?:(?:all\s+of|the\s+whole\s+of)\s+)?((?:19|20)\d\d)\b(?!\s*(?:-|\u2013|to|and)\s*(?:19|20)\d\d)")
_YEAR_BY = _c(r"\b(?:by|at|as of|as at|until|till|through|to|end of|end-)\s+(?:the\s+)?"
              r"(?:(end|close|middle|start|beginning)\s+of\s+)?(?:(?:early|mid|late)-?\s*)?(?:(\d{1,2})\s+)?"
              r"(" + _MONTH_ALT + r")?\.?\s*(?:(\d{1,2}),?\s+)?((?:19|20)\d\d)\b")
_PART_OF_YEAR = _c(r"\b(?:in|from|since|by|as of|as at|at|until|through)\s+(early|mid|late)[- ]((?:19|20)\d\d)\b")
_SINCE_DATE = _c(r"\bsince\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
                 r"(?=(?:\d{1,2}\s+)?(?:" + _MONTH_ALT + r")\b))?"  # "since Sunday, July 13" (H23e)
                 r"(?:early\s+|late\s+|mid-?\s*)?(?:(\d{1,2})\s+)?(" + _MONTH_ALT + r")?\.?\s*"
                 r"(?:(\d{1,2})(?:st|nd|rd|th)?,?\s*)?((?:19|20)\d\d)?\b")
_SINCE_NOT_PERIOD = _c(r"(?:first|toll|highest|lowest|worst|deadliest|largest|biggest|most)\W+"
                       r"(?:\w+\W+){0,3}$")
_LAST_N = _c(r"\b(?:in|over|during)?\s*the (?:last|past) (\d+|\w+) (months|weeks)\b")
_LAST_YEAR = _c(r"\blast year\b(?!'s)")
_YEAR_ADJ = _c(r"\b((?:19|20)\d\d) (?:casualty|death|toll|killing)")
#: "a year ago", "just over a month ago", "two weeks ago" (relative to publication).
_AGO = _c(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
          r"\s+(day|week|month|year)s?\s+ago\b")
#: Words before a date that make it the war's start ("began in March 2011", "since its
#: outbreak eight years ago"), not the claim's date.
_WAR_START_LEAD = _c(r"\b(?:began|begun|started|erupted|broke out|ignited|sparked|flared|since"
                     r"|outbreak|beginning|onset"
                     r"|uprisings?|revolution|protests)\b[^.;,]{0,45}$")
#: "since the start of the conflict in 2011": the year names the war's start, not a period.
_SINCE_START_OF = _c(r"\bsince\b[^.;,]{0,50}$|\b(?:start|beginning|outbreak|onset)\s+of\s+"
                     r"(?:the\s+|syria'?s\s+)?(?:\w+\s+)?(?:civil\s+)?(?:war|conflict|uprising"
                     r"|crisis|revolution)\s*$")
_SINCE_EVENT = _c(r"\bsince\b[^.;,]{0,50}?\b(?:on|in)\s+(?:(\d{1,2})\s+)?(" + "|".join(
    sorted(V.MONTHS, key=len, reverse=True)) + r")\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?,?\s*)?((?:19|20)\d\d)?\b")
_LAST_UNIT = _c(r"\b(?:in|over|during)\s+the (?:last|past) (month|week)\b")
#: "in April 2013", "by March 2015", "through June 2014" (a month of a named year).
_IN_MONTH_YEAR = _c(r"\b(?:in|by|through|until|till|as of|at the end of|end of|in early|in late"
                    r"|in mid-?)\s+(" + "|".join(sorted((m for m in V.MONTHS if len(m) > 3),
                                                       key=len, reverse=True))
                    + r"|may)\.?,?\s+((?:19|20)\d\d)\b")  # "may" only before a year: the month
_IN_MONTH = _c(r"\b(?:in|through|until|till) (" + "|".join(sorted((m for m in V.MONTHS if len(m) > 3), key=len, reverse=True))
               + r")\b(?!\s*(?:\d|of))")
_THIS_YEAR = _c(r"\bthis year\b|\bso far in \d{4}\b|\bsince the (?:start|beginning) of the year\b")
_PREWAR = _c(r"\bpre-?war\b|\bbefore the (?:civil )?(?:war|conflict|uprising|crisis)\b"
             r"|\bprior to the (?:war|conflict)\b|\b(?:began|started|erupted) in 2011\b|\bin 2011\b"
             r"|\b(?:before|prior to) (?:march )?2011\b|\bpre-?(?:conflict|crisis)\b")  # H21d
#: "until it stopped collating statistics in 2014": the year ends someone's counting, it
#: is not the period of the number.
_SAID_IN_YEAR = _c(r"\b(?:estimated|estimates?|said|says|reported|reports?|published|announced"
                   r"|released|stud(?:y|ies)|survey|research(?:ers)?|found|concluded)\b"
                   r"(?:\s+\w+){0,4}\s+in\s*$")
_WAR_THAT_KILLED = _c(r"\b(?:war|conflict|fighting|violence)\b[^.;,]{0,25}?\b(?:that|which)\s+"
                      r"(?:has\s+|had\s+)?(?:claimed|killed|left|cost)\s+(?:\w+\s+){0,2}$")
_STOPPED_BEFORE = _c(r"\b(?:stopped|ceased|halted|suspended|stop|gave up)\b[^.;,]{0,40}$")
#: A verb of hosting before a count of refugees: a level on the day, whatever period
#: another clause names ("Lebanon, which hosts about 1.5 million Syrian refugees").
_HOSTING_BEFORE = _c(r"\b(?:hosts?|hosting|is home to|shelters?|sheltering)\s+(?:\w+\s+){0,3}$")
#: "August was the deadliest month", "making 2014 Syria's deadliest year": the deaths counted
#: in the sentence are that month's or that year's.
_DEADLIEST = _c(r"\b(?:(" + _MONTH_ALT + r")|((?:19|20)\d\d))(?:\s+(?:19|20)\d\d)?\s+(?:was|is|became|has been"
                r"|as)?\s*(?:syria'?s\s+|the\s+(?:war'?s\s+|conflict'?s\s+)?)?(?:single\s+)?"
                r"(?:deadliest|bloodiest|most violent)\b")
#: "N killed in October", "victims in September": a death toll of that month.
_KILLED_IN_MONTH = _c(r"^\s*(?:people\s+|civilians\s+|victims\s+|deaths\s+)?(?:were\s+|had\s+been\s+)?"
                      r"(?:killed|died|dead|deaths|victims|lives)?\s*in\s+(" + _MONTH_ALT + r")\b"
                      r"(?:\s+((?:19|20)\d\d))?")
#: The month named in front of a toll: "In August, 5,440 people were killed", "During January
#: alone, at least 1,200 ...", "Killed in February 2015: 3,000": a death toll of that month.
_MONTH_FRONT = _c(r"(?:^|[^\w\s]\s*|\b(?:killed|died|deaths|dead|toll|victims)\s+)(?:in|during|throughout)\s+(" + _MONTH_ALT
                  + r")(?:\s+((?:19|20)\d\d))?(?:\s+alone)?\s*[,:]\s*"
                  r"(?:(?:at least|more than|about|some|nearly|almost|over|around|an estimated|up to"
                  r"|as many as)\s+)?$")
_REPORT_YEAR = _c(V.REPORT_BEFORE_YEAR)
#: The present said in a count's own words ("is now home to 17 million").
_NOW = _c(r"\b(?:now|today|currently|at present|still)\b")
_SPAN = _c(r"\b(?:in the span of|over|within|in just|in(?= \w+ weeks\b)) (?:the (?:past |last )?)?(\w+) (days|weeks)\b")
_SINCE_LAST_YEAR = _c(r"\bsince (early |late |mid-?)?last year\b")

#: Measure kinds counted over a period (flows / cumulative totals), not stocks.
PERIOD_KINDS: frozenset[str] = frozenset({"deaths", "detention", "injured",
                                          "returns", "asylum"})


def _day(ts: pd.Timestamp) -> str:
    return ts.strftime("%Y-%m-%d")


def _end_of(year: int, month: int | None = None, day: int | None = None) -> pd.Timestamp:
    if month is None:
        return pd.Timestamp(year=year, month=12, day=31)
    if day is None:
        return pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
    return pd.Timestamp(year=year, month=month, day=day)


def _date(year: int, month: int | None, day: int | None, end: bool) -> pd.Timestamp:
    """A day from parts; a missing month/day is the first (end=False) or last (end=True)."""
    if month is None:
        return _end_of(year) if end else pd.Timestamp(year=year, month=1, day=1)
    if day is None:
        return _end_of(year, month) if end else pd.Timestamp(year=year, month=month, day=1)
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return _end_of(year, month) if end else pd.Timestamp(year=year, month=month, day=1)


#: "since the beginning of 2022", "since the end of 2023", "since the middle of the year 2019".
_SINCE_PART_OF_YEAR = _c(r"\bsince (?:the )?(start|beginning|middle|end) of (?:the year )?((?:19|20)\d\d)\b")


def _since(local: str, published: pd.Timestamp) -> pd.Timestamp | None:
    """The start date of a 'since <date>' in *local* (a year-less date is in the year of
    publication, or the year before if that would be after it; "since the beginning of
    2022" is 1 January 2022, its middle 1 July, its end 31 December), or None."""
    m = _SINCE_PART_OF_YEAR.search(local)
    if m and not _SINCE_NOT_PERIOD.search(local[:m.start()]) and int(m.group(2)) <= published.year:
        y = int(m.group(2))
        return {"middle": pd.Timestamp(year=y, month=7, day=1),
                "end": pd.Timestamp(year=y, month=12, day=31)}.get(
                    m.group(1), pd.Timestamp(year=y, month=1, day=1))
    for m in _SINCE_DATE.finditer(local):
        d, mon, d2, y = m.groups()
        if not (mon or y):
            continue
        if _SINCE_NOT_PERIOD.search(local[:m.start()]):
            continue  # "the first official toll since 2014": not the claim's period
        month = V.MONTHS.get((mon or "").lower()) if mon else None
        day = int(d or d2) if (d or d2) and month else None
        if y:
            return _date(int(y), month, day, end=False)
        start = _date(published.year, month, day, end=False)
        if start > published:
            start = _date(published.year - 1, month, day, end=False)
        return start
    m = _SINCE_EVENT.search(local)
    if m and not _SINCE_NOT_PERIOD.search(local[:m.start()]):
        d, mon, d2, y = m.groups()
        month = V.MONTHS.get(mon.lower())
        day = int(d or d2) if (d or d2) else None
        year = int(y) if y else published.year
        start = _date(year, month, day, end=False)
        if start > published:
            start = _date(year - 1, month, day, end=False)
        return start
    return None


def _period(sentence: str, local: str, kind: str, published: pd.Timestamp,
            own: tuple[str, ...] = (), clause: str = "") -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """(period_type, period_start, as_of) of a claim of *kind*.

    *own* are the parts of the sentence that belong to this number alone, nearest first
    (its clause after the number, then the words back to the previous number): a period
    named there is the claim's ("73,447 in 2013, 49,294 in 2012": each number its own
    year; "in April 2012, there were 18,000"). Failing that, *local* (the text around the
    number, its clause and a little more) is read, so a year elsewhere in a long sentence
    does not leak in; "since the fall of Assad" is read in the whole sentence.
    """
    periodic = kind in PERIOD_KINDS
    if kind == "population":
        # "pre-war" in the number's own words ("a population of 21 million before the war, is
        # now home to 17 million": only the first is pre-war)
        mine = ((own[1].rsplit(",", 1)[-1] if len(own) > 1 else "") + " "
                + _own_clause(clause or (own[0] if own else ""))) if own else local
        if _PREWAR.search(mine.lower()) or (
                _PREWAR.search(sentence.lower()) and not _NOW.search(mine)):
            d = pd.Timestamp("2011-03-15")
            return "stock", d, d
    if kind == "deaths":
        if own:
            m = _KILLED_IN_MONTH.match(own[0]) or (_MONTH_FRONT.search(own[1]) if len(own) > 1 else None)
            if m and (m.group(2) is None or int(m.group(2)) <= published.year):
                return _named_period(m.group(1), m.group(2), published)
        m = _DEADLIEST.search(sentence)
        if m and (m.group(2) is None or int(m.group(2)) <= published.year):
            return _named_period(m.group(1), m.group(2), published)
    hosting = _HOSTING_BEFORE.search(own[1]) if kind == "refugees" and len(own) > 1 else None
    rel = re.search(r"\b(?:which|who|that|where)\b(?!.*\b(?:which|who|that|where)\b)",
                    own[1][:hosting.start()], _FLAGS) if hosting else None
    if hosting and rel:
        # "Lebanon, which hosts about 1.5 million refugees": a level on the day; only the
        # relative clause may date it, not another clause of the sentence
        own, local = (own[0], own[1][rel.start():]), ""
    for part in (clause, *own[:1]):
        # "500,000 have returned since September, including 200,000 after the fall of
        # Assad": the number's own 'since <date>' (in *clause*, its words up to the next
        # count) wins over the fall named elsewhere
        if part and not _SINCE_FALL.search(part.lower()):
            start = _since(part.lower(), published)
            if start is not None and start < published and \
                    start > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
                return ("cumulative" if periodic else "flow"), start, published
    if _SINCE_FALL.search(sentence.lower()):
        start = pd.Timestamp(V.ASSAD_FALL)
        return ("cumulative", start, published) if periodic else ("flow", start, published)
    for k, part in enumerate((*own, local)):
        if not part:
            continue
        if k == 1 and kind == "deaths" and _WAR_THAT_KILLED.search(part):
            # "13 years of civil war that claimed over half a million lives": the war's toll
            return "cumulative", pd.Timestamp(V.WAR_START), published
        found = _period_in(part, kind, published)
        if found is not None:
            return found
    war_start = pd.Timestamp(V.WAR_START)
    if periodic:
        if kind == "returns" and published >= pd.Timestamp(V.ASSAD_FALL):
            return "cumulative", pd.Timestamp(V.ASSAD_FALL), published
        return "cumulative", war_start, published
    return "stock", published, published


def _named_period(month: str | None, year: str | None,
                  published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """The flow over a named month (of *year*, else the latest such month by *published*)
    or a named year."""
    if month is None:
        y = int(year)  # type: ignore[arg-type]
        return "flow", pd.Timestamp(year=y, month=1, day=1), min(_end_of(y), published)
    mo = V.MONTHS[month.lower()]
    y = int(year) if year else published.year
    if not year and pd.Timestamp(year=y, month=mo, day=1) > published:
        y -= 1
    return "flow", pd.Timestamp(year=y, month=mo, day=1), min(_end_of(y, mo), published)


def _ago(low: str, published: pd.Timestamp) -> pd.Timestamp | None:
    """The day 'N days/weeks/months/years ago' (or 'a month ago') points to, or None."""
    m = next((m for m in _AGO.finditer(low)
              if not _WAR_START_LEAD.search(low[max(0, m.start() - 60):m.start()])), None)
    if not m:
        return None
    nw, unit = m.group(1).lower(), m.group(2).lower()
    k = int(nw) if nw.isdigit() else (1 if nw in ("a", "an") else V.UNITS.get(nw, 0))
    if not k:
        return None
    off = {"day": pd.Timedelta(days=k), "week": pd.Timedelta(weeks=k),
           "month": pd.DateOffset(months=k), "year": pd.DateOffset(years=k)}[unit]
    return pd.Timestamp(published - off).normalize()


@functools.lru_cache(maxsize=64)  # (a pure function: a sentence's numbers ask it the same)
def _period_in(local: str, kind: str,
               published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The period named in *local* (see :func:`_period`), or None if it names none."""
    low = local.lower()
    war_start = pd.Timestamp(V.WAR_START)
    periodic = kind in PERIOD_KINDS
    if periodic and _THIS_YEAR.search(low):
        return "flow", pd.Timestamp(year=published.year, month=1, day=1), published
    found = _half_year(low, periodic, published) or _span_or_since_last_year(low, periodic, published) \
        or _between_dates(low, periodic, published) or _between_days(low, periodic, published) \
        or _recent_span(low, periodic, published, flows=kind in ("displaced", "idps"))
    if found is not None:
        return found
    m = _LAST_N.search(low)
    if m:
        nw = m.group(1).lower()
        k = int(nw) if nw.isdigit() else V.UNITS.get(nw, V.TENS.get(nw, 0))
        if k:
            unit = "months" if m.group(2).lower().startswith("month") else "weeks"
            start = published - (pd.DateOffset(months=k) if unit == "months" else pd.Timedelta(weeks=k))
            return "flow", pd.Timestamp(start).normalize(), published
    m = _LAST_UNIT.search(low)
    if m:
        off = pd.DateOffset(months=1) if m.group(1).lower() == "month" else pd.Timedelta(weeks=1)
        return "flow", pd.Timestamp(published - off).normalize(), published
    start = _since(low, published)
    if start is not None and start < published:
        if start <= war_start + pd.Timedelta(days=120):
            if periodic:
                return "cumulative", war_start, published
        else:
            return ("cumulative" if periodic else "flow"), start, published
    d = _ago(low, published)
    if d is not None:
        return ("cumulative", war_start, d) if periodic else ("stock", d, d)
    m = next((m for m in _IN_MONTH_YEAR.finditer(low)
              if not _WAR_START_LEAD.search(low[max(0, m.start() - 60):m.start()])), None)
    if m:
        end = min(_end_of(int(m.group(2)), V.MONTHS[m.group(1).lower()]), published)
        return ("cumulative", war_start, end) if periodic else ("stock", end, end)
    m = _IN_MONTH.search(low)
    if m and not _YEAR_IN.search(low) and not _YEAR_BY.search(low):
        month = V.MONTHS[m.group(1).lower()]
        end = _end_of(published.year, month)
        if end > published:
            # "in June" in a text of 19 June is this month (up to the day), else last year's
            end = published.normalize() if month == published.month else _end_of(published.year - 1, month)
        return ("cumulative", war_start, end) if periodic else ("stock", end, end)
    if _LAST_YEAR.search(low):
        y = published.year - 1
        if periodic:
            return "flow", pd.Timestamp(year=y, month=1, day=1), _end_of(y)
        return "stock", _end_of(y), _end_of(y)
    m = _PART_OF_YEAR.search(low)
    if m:
        part, y = m.group(1), int(m.group(2))
        end = {"early": _end_of(y, 3), "mid": _end_of(y, 6), "late": _end_of(y, 11)}[part]
        end = min(end, published)
        return ("cumulative", war_start, end) if periodic else ("stock", end, end)
    m = _YEAR_BY.search(low)
    if m:
        part, d, mon, d2, y = m.groups()
        month = V.MONTHS.get(mon) if mon else None
        day = int(d or d2) if (d or d2) and month else None
        if part in ("start", "beginning") and month is None:
            end = pd.Timestamp(year=int(y), month=1, day=1)
        else:
            end = _date(int(y), month, day, end=True)
        end = min(end, published)
        return ("cumulative", war_start, end) if periodic else ("stock", end, end)
    years = [int(m.group(1)) for m in _YEAR_ADJ.finditer(low) if int(m.group(1)) <= published.year]
    reported: list[int] = []
    for m in _YEAR_IN.finditer(low):
        y = int(m.group(1))
        lead = low[max(0, m.start() - 30):m.start()]
        if y <= published.year and _REPORT_YEAR.search(low[max(0, m.start() - 40):m.start()]):
            reported.append(y)  # "the last estimate by the UN in 2016": the report's date
            continue
        if y > published.year or re.search(r"(?:began|begun|started|erupted|broke out|ignited|since"
                                           r"|uprising|revolution|protests)\W*(?:\w+\W+)?$", lead) \
                or _SINCE_START_OF.search(low[max(0, m.start() - 60):m.start()]) \
                or _STOPPED_BEFORE.search(low[max(0, m.start() - 50):m.start()]):
            continue  # "the war that began in 2011": the war's start, not a period
        lead50 = low[max(0, m.start() - 50):m.start() + 3]
        said = _SAID_IN_YEAR.search(lead50)
        if periodic and said and not re.search(
                r"(?:deaths?|killed|dead|casualties|victims|fatalities|people|civilians)\s+$",
                lead50[:said.start()]):  # "6,800 deaths reported in 2018" is that year's
            # "researchers estimated in 2021 that 250,000 had been killed": when it was said
            end = min(_end_of(y), published)
            return "cumulative", war_start, end
        years.append(y)
    if years:
        y = years[0]
        if periodic:
            return "flow", pd.Timestamp(year=y, month=1, day=1), min(_end_of(y), published)
        end = min(_end_of(y), published)
        return "stock", end, end
    if reported:
        end = min(_end_of(reported[0]), published)
        return ("cumulative", war_start, end) if periodic else ("stock", end, end)
    return None


_DATE_PARTS = (r"(?:(\d{1,2})\s+)?(" + _MONTH_ALT + r")?\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?,?\s*)?"
               r"((?:19|20)\d\d)")
_BETWEEN_DATES = _c(r"\b(?:between|from)\s+" + _DATE_PARTS + r"\s*,?\s+(?:and|to|until|through)\s+"
                    + _DATE_PARTS + r"\b")


_BETWEEN_DAYS = _c(r"\bbetween\s+(?:(\d{1,2})\s+)?(" + _MONTH_ALT + r")\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?)?\s*"
                   r"(?:and|to|-)\s+(?:(\d{1,2})\s+)?(" + _MONTH_ALT + r")?\.?\s*(?:(\d{1,2})(?:st|nd|rd|th)?)?\b"
                   r"(?:\s*,?\s*((?:19|20)\d\d))?")


def _between_days(low: str, periodic: bool, published: pd.Timestamp
                  ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """"between Dec. 1 and Jan. 19", "between 12 and 25 December" (no year: the latest such
    span ending by *published*), "between 1 February and 30 April 2020" (the year said once,
    at the end); a flow (a running total for periodic kinds). None if not said."""
    m = _BETWEEN_DAYS.search(low)
    if not m:
        return None
    d1, mon1, d1b, d2, mon2, d2b, year = m.groups()
    mon2 = mon2 or mon1
    month1, month2 = V.MONTHS.get(mon1), V.MONTHS.get(mon2)
    day1, day2 = d1 or d1b, d2 or d2b
    if not (month1 and month2 and day1 and day2):
        return None
    y2 = int(year) if year else published.year
    end = _date(y2, month2, int(day2), end=True)
    if end > published and not year:
        y2 -= 1
        end = _date(y2, month2, int(day2), end=True)
    y1 = y2 if month1 <= month2 else y2 - 1
    start = _date(y1, month1, int(day1), end=False)
    if start >= end:
        return None
    return ("cumulative" if periodic else "flow"), start, end


def _between_dates(low: str, periodic: bool, published: pd.Timestamp
                   ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """"between March 1, 2011, and March 31, 2021": a total from the first date (the war's
    start if within four months of it) to the second, or a level on the second date for a
    stock; None if not said."""
    m = _BETWEEN_DATES.search(low)
    if not m:
        return None
    parts = m.groups()
    ends = []
    for d, mon, d2, y in (parts[:4], parts[4:]):
        month = V.MONTHS.get(mon) if mon else None
        day = int(d or d2) if (d or d2) and month else None
        ends.append((int(y), month, day))
    start = _date(*ends[0], end=False)
    end = min(_date(*ends[1], end=True), published)
    if end <= start:
        return None
    war_start = pd.Timestamp(V.WAR_START)
    if not periodic:
        return "stock", end, end  # a level "grew to 7.6 million from January 2013 to October 2014"
    return "cumulative", (war_start if start <= war_start + pd.Timedelta(days=120) else start), end


def _span_or_since_last_year(low: str, periodic: bool, published: pd.Timestamp
                             ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """A short flow ("in the span of three days", "over two weeks") or a period from last
    year ("since late last year": from October 1st; early: January; mid: July), or None."""
    m = _SPAN.search(low)
    if m:
        nw = m.group(1).lower()
        k = int(nw) if nw.isdigit() else V.UNITS.get(nw, V.TENS.get(nw, 0))
        if k and nw not in ("a", "an"):
            days = k * (7 if m.group(2).startswith("week") else 1)
            return "flow", (published - pd.Timedelta(days=days)).normalize(), published
    m = _SINCE_LAST_YEAR.search(low)
    if m:
        part = (m.group(1) or "").strip().rstrip("-")
        month = {"early": 1, "mid": 7, "late": 10}.get(part, 1)
        start = pd.Timestamp(year=published.year - 1, month=month, day=1)
        return ("cumulative" if periodic else "flow"), start, published
    return None


def _own_clause(own: str) -> str:
    """The words after a number up to the next clause break (comma, semicolon, full stop,
    "while", "but", "whereas")."""
    return re.split(r"[;,.]|\s(?:while|but|whereas)\s", own, maxsplit=1)[0]


#: "the first half of 2025", "the first six months of last year", "the second half of 2019".
_HALF_YEAR = _c(r"\b(first|second|1st|2nd) (?:half|six months) of (?:the year )?"
                r"((?:19|20)\d\d|last year|this year)\b")
#: "the third quarter of 2023", "Q1 2024", "H1 2024", "in the first quarter of this year".
_QUARTER = _c(r"\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter of (?:the year )?((?:19|20)\d\d|last year|this year)\b"
              r"|\b(q[1-4]|h[12])\s*(?:of\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s*(q[1-4]|h[12])\b")
_ORDINAL_PART = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
#: "since the start of December", "since the end of April" (no year: the latest by publication).
_SINCE_START_OF_MONTH = _c(r"\bsince (?:the )?(start|beginning|end|middle|mid)(?: of|-) (" + _MONTH_ALT
                           + r")\b(?!\s*,?\s*\d)")
#: "between 1 and 20 May", "from 1 May to 30 July" (days without a year: the latest by publication).
_DAY_SPAN_NO_YEAR = _c(r"\b(?:between|from)\s+(\d{1,2})\s+(?:(" + _MONTH_ALT + r")\s+)?(?:and|to|until|-)\s+"
                       r"(\d{1,2})\s+(" + _MONTH_ALT + r")\b(?!\s*,?\s*\d)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "since Monday": from the last such weekday before publication.
_SINCE_WEEKDAY = _c(r"\bsince (" + "|".join(_WEEKDAYS) + r")\b(?!,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]|,?\s+[a-z]+\.?\s+\d{1,2}\b)")
#: (not "since Sunday, July 13": the date named is the start, H23e)
#: "last month", "last week" (not "since last month", not "the last month"); a report's date
#: ("said last month") is no period of the count.
_LAST_MONTH = _c(r"(?<!since )(?<!the )\blast (month|week)\b")
_SAID_AFTER = _c(r"^\s*,?\s*(?:[\w'\u2019,-]+\s+){0,12}?(?:said|says|announced|reported|told|stated|warned)\b")
_SAID_BEFORE = _c(r"\b(?:said|says|announced|reported|estimated|published|released|stated|warned)\s+$")
#: "since last month", "since last week": from the start of the month before (or seven days back).
_SINCE_LAST_UNIT = _c(r"\bsince (?:the (?:start|beginning) of )?last (month|week)\b")
#: "within a week", "in a single day", "in one day", "in two months", "over the past three months".
_SPAN_MORE = _c(r"\b(?:within|in|over|during) (?:just |only |the (?:past |last ))?(a|an|one|a single|\w+|\d+)"
                r" (day|week|month)s?\b(?! ago)(?!-)(?!\s+(?:later|earlier|before|after|from now))")
#: "on 19 July", "on July 19" (a single day, with "in a single day").
_ON_DAY = _c(r"\bon (?:(\d{1,2}) (" + _MONTH_ALT + r")|(" + _MONTH_ALT + r") (\d{1,2}))\b")
#: "from the end of April to the end of August", "between January and December", "from May
#: to August" (months without a year: the latest such span ending by publication).
_MONTH_SPAN = _c(r"\b(?:from|between)\s+(?:the\s+)?(?:(end|start|beginning|middle|mid)\s+of\s+)?(" + _MONTH_ALT
                 + r")\s+(?:to|and|until|through)\s+(?:the\s+)?(?:(end|start|beginning|middle|mid)\s+of\s+)?("
                 + _MONTH_ALT + r")\b(?!\s*,?\s*\d)")
#: "throughout July", "during the month of May" (a month without a year: the latest by publication).
_THROUGHOUT_MONTH = _c(r"\b(?:throughout|during) (?:the month of )?(" + _MONTH_ALT + r")\b(?!\s*,?\s*\d)")


def _half_year(low: str, periodic: bool, published: pd.Timestamp
               ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """"the first half of 2025" (1 January to 30 June), "the second half of 2019" (1 July
    to 31 December), the year "last year" or "this year" relative to *published*; a flow
    (for every kind: what happened within the half year), cut at publication."""
    m = _HALF_YEAR.search(low)
    q = None if m else _QUARTER.search(low)
    if m:
        y, first_month, months = m.group(2), (1 if m.group(1) in ("first", "1st") else 7), 6
    elif q:
        # "the third quarter of 2023", "in Q1 2024", "H1 2024": a quarter or half by its number
        part = (q.group(1) or q.group(3) or q.group(6)).lower()
        y = q.group(2) or q.group(4) or q.group(5)
        half = part.startswith("h")
        n = _ORDINAL_PART.get(part.lstrip("qh"), 0) if not part[1:].isdigit() else int(part[1:])
        if not n or n > (2 if half else 4):
            return None
        months = 6 if half else 3
        first_month = 1 + (n - 1) * months
    else:
        return None
    year = published.year - 1 if y == "last year" else published.year if y == "this year" else int(y)
    start = pd.Timestamp(year=year, month=first_month, day=1)
    end = min(_end_of(year, first_month + months - 1), published)
    if end <= start:
        return None
    return "flow", start, end  # (what happened within the half year: a flow, for tolls too)


def _recent_span(low: str, periodic: bool, published: pd.Timestamp, flows: bool = False
                 ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """A recent span said without dates: "since last month" (from the first of the month
    before publication), "since last week", "within a week", "in a single day" (the day
    named with "on 19 July", else publication), "in two months", "throughout July", "from
    the end of April to the end of August" (the latest such months by publication). A flow
    (a running total for periodic kinds); None if none is said, or if the kind is neither
    periodic nor a displacement (*flows*: people uprooted within the span)."""
    if not (periodic or flows):
        return None  # (a level's words "rose ... in one week" name the change's span, not the level's)
    kind = "cumulative" if periodic else "flow"
    m = _SINCE_START_OF_MONTH.search(low)
    if m:
        part, mo = m.group(1), V.MONTHS[m.group(2)]
        y = published.year if mo <= published.month else published.year - 1
        start = pd.Timestamp(year=y, month=mo, day={"end": 1, "middle": 15, "mid": 15}.get(part, 1))
        if part == "end":
            start = _end_of(y, mo)
        if start < published:
            return kind, start, published
    m = _DAY_SPAN_NO_YEAR.search(low)
    if m:
        d1, mon1, d2, mon2 = m.groups()
        b = V.MONTHS[mon2]
        a = V.MONTHS[mon1] if mon1 else b
        y2 = published.year if (b, int(d2)) <= (published.month, published.day) else published.year - 1
        y1 = y2 if a <= b else y2 - 1
        start, end = _date(y1, a, int(d1), end=False), _date(y2, b, int(d2), end=True)
        if start < end:
            return kind, start, end
    m = _SINCE_WEEKDAY.search(low)
    if m:
        wd = _WEEKDAYS.index(m.group(1))
        back = (published.weekday() - wd) % 7 or 7
        return kind, published.normalize() - pd.Timedelta(days=back), published
    m = _SINCE_LAST_UNIT.search(low)
    if m:
        if m.group(1) == "month":
            start = (published.normalize() - pd.offsets.MonthBegin(1)) - pd.offsets.MonthBegin(1)
        else:
            start = published.normalize() - pd.Timedelta(days=7)
        return kind, pd.Timestamp(start), published
    m = _MONTH_SPAN.search(low)
    if m:
        p1, mon1, p2, mon2 = m.groups()
        a, b = V.MONTHS[mon1], V.MONTHS[mon2]
        y2 = published.year if _end_of(published.year, b) <= published or b <= published.month else published.year - 1
        y1 = y2 if a <= b else y2 - 1
        start = _end_of(y1, a) if p1 == "end" else pd.Timestamp(year=y1, month=a, day=1)
        end = pd.Timestamp(year=y2, month=b, day=1) if p2 in ("start", "beginning") else _end_of(y2, b)
        end = min(end, published)
        if end > start:
            return kind, start, end
    m = _THROUGHOUT_MONTH.search(low)
    if m:
        mo = V.MONTHS[m.group(1)]
        y = published.year if mo <= published.month else published.year - 1
        start = pd.Timestamp(year=y, month=mo, day=1)
        return "flow", start, min(_end_of(y, mo), published)  # a month's count, as a named month's
    m = _LAST_MONTH.search(low)
    if m and not _SAID_BEFORE.search(low[:m.start()]) and not _SAID_AFTER.match(low[m.end():]):
        if m.group(1) == "month":
            first = (published.normalize() - pd.offsets.MonthBegin(1)) - pd.offsets.MonthBegin(1)
            first = pd.Timestamp(first)
            end = _end_of(first.year, first.month)
        else:
            first, end = published.normalize() - pd.Timedelta(days=7), published
        if periodic or m.group(1) == "week":
            return "flow", first, end  # (a week's count is a movement, not a level)
        return "stock", end, end
    m = _SPAN_MORE.search(low)
    if m:
        nw, unit = m.group(1).lower(), m.group(2).lower()
        k = 1 if nw in ("a", "an", "one", "a single") else int(nw) if nw.isdigit() \
            else V.UNITS.get(nw, V.TENS.get(nw, 0))
        if not k:
            return None
        if unit == "day" and k == 1:
            d = _ON_DAY.search(low)
            if d:
                mon = V.MONTHS[(d.group(2) or d.group(3))]
                day = int(d.group(1) or d.group(4))
                y = published.year if (mon, day) <= (published.month, published.day) else published.year - 1
                on = _date(y, mon, day, end=False)
                return kind, on, on
            return kind, published.normalize() - pd.Timedelta(days=1), published
        off = {"day": pd.Timedelta(days=k), "week": pd.Timedelta(weeks=k), "month": pd.DateOffset(months=k)}[unit]
        start = pd.Timestamp(published - off).normalize()
        if periodic and start <= pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
            start = pd.Timestamp(V.WAR_START)  # "60,000 in 21 months": since the war began
        return kind, start, published
    return None


#: "between 1 and 10 March", "from 1 to 10 March 2020": two days of one month (H21d).
_BETWEEN_DAY_NUMBERS = _c(r"\b(?:between|from)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|until|-)\s+(\d{1,2})(?:st|nd|rd|th)?\s+("
                          + _MONTH_ALT + r")\b\.?(?:\s*,?\s*((?:19|20)\d\d))?")


def _between_day_numbers(low: str, published: pd.Timestamp
                         ) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """("flow", first day, last day) of "between 1 and 10 March" (no year: the latest such
    span ending by *published*), or None."""
    m = _BETWEEN_DAY_NUMBERS.search(low)
    if not m:
        return None
    d1, d2, month, year = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    try:
        mo = pd.Timestamp(f"1 {month} 2000").month
        y = int(year) if year else published.year
        end = pd.Timestamp(year=y, month=mo, day=d2)
        if not year and end > published:
            y -= 1
            end = pd.Timestamp(year=y, month=mo, day=d2)
        start = pd.Timestamp(year=y, month=mo, day=d1)
    except ValueError:
        return None
    return ("flow", start, end) if start <= end else None
