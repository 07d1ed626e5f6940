"""Tolls of episodes and campaigns: a toll since a day or over days, weeks or months, with
its governorate.
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.periods import _MONTH_ALT, _own_clause, _period
from syriastats.textclaims.cues import (
    _AREAS,
    _c,
    _first,
    _FLAGS,
)
from syriastats.textclaims.date_spans import (
    _ABROAD_DEATHS,
)
from syriastats.textclaims.displacement_kinds import (
    _DEATH_TALK,
)
from syriastats.textclaims.toll_parts import (
    _clause_bounds,
)

# ---------------------------------------------------------------- episode and campaign tolls (H21t)
#: An episode of fighting or killing: the toll counted over it is a war statistic of its own
#: span (a campaign's or an episode's), not one incident's casualties.
_EPISODE_WORDS = (r"clashes|violence|fighting|hostilities|offensive|operation|assault|campaign|escalation"
                  r"|bombardment|shelling|air ?strikes|raids|massacres|killings|executions|incursion|invasion"
                  r"|unrest|bloodshed|attacks|forces|militias|gunmen")
_EPISODE = _c(r"\b(?:" + _EPISODE_WORDS + r")s?\b")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d{1,2})"
#: The span of an episode in a count's sentence: since it began ("since hostilities erupted on
#: March 6", "since Thursday", "since the start of the offensive"), or a span of days, weeks or
#: months ("a week of bloody clashes", "within a week", "over the past three days", "several
#: days of clashes", "a two-month offensive"). Group 1: the number of units; group 2: the unit.
_EPISODE_SPAN = _c(r"\bsince\b[^.;]{0,50}?\b(?:erupted|broke out|began|started|flared|escalated|launched|was launched)\b"
                   r"|\bsince (?:the )?(?:start|beginning|outbreak|launch|onset) of (?:the |its |this |that )?(?:[\w'-]+\s+){0,3}?"
                   r"(?:" + _EPISODE_WORDS + r")\b"
                   r"|\bsince (?:last )?" + _WEEKDAY + r"\b|\bsince then\b"
                   r"|\bsince\s+(?:(?:" + _MONTH_ALT + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:"
                   + _MONTH_ALT + r"))\b(?!,?\s+(?:19|20)\d\d)"
                   r"|\b(?:within|in|over|during|after|of|from) (?:just |only |a |an )?(?:the (?:past|last) )?(" + _NUM_WORD + r")[- ]"
                   r"(days?|weeks?|months?)(?:-long)?\b"
                   r"|\b(" + _NUM_WORD + r")[- ](days?|weeks?|months?)(?:-long)?\s+of\s+(?:[\w'-]+\s+){0,2}?(?:" + _EPISODE_WORDS + r")s?\b")
#: One attack as the subject of a relative clause that gives its dead ("The Douma attack, which
#: killed at least 43 people, ..."): its casualties are an incident's, whatever span follows.
_ONE_ATTACK_BEFORE = _c(r"\b(?:attack|strike|air ?strike|bombing|explosion|blast|massacre|ambush|raid)\s*,?\s*(?:which|that)\s+"
                        r"(?:has\s+|had\s+)?(?:killed|left|claimed)\b[^.;,]{0,30}$")
#: How long ago an episode began, in the words after its "since ... began" ("two months ago").
_START_AGO = _c(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s+(days?|weeks?|months?)\s+ago\b")
#: A region of Syria without a governorate code ("the coastal region", "the north-east"): a
#: sentence naming one is not about the governorate of an episode named before.
_OTHER_REGION = _c(r"\b(?:coast(?:al)?|north(?:-?west(?:ern)?|-?east(?:ern)?|ern)?|south(?:-?west(?:ern)?|-?east(?:ern)?|ern)?"
                   r"|east(?:ern)?|west(?:ern)?|central)\s+(?:region|syria|provinces|areas|countryside)\b|\bnationwide\b")
#: The war as the killer ("Syria's war has killed more than 500,000"): the toll is the war's.
_WAR_HAS_KILLED = _c(r"\b(?:war|conflict|uprising)\b[^.;,]{0,20}?\b(?:has|have|had)\s+(?:now\s+)?(?:killed|claimed|left)\b"
                     r"|\bsince the (?:start of the )?(?:war|conflict|uprising)\b")
#: One day named in the count's own clause: that day's casualties stay an incident's.
_ONE_DAY = _c(r"\bon " + _WEEKDAY + r"\b|\b(?:today|yesterday|overnight|alone)\b|\bin (?:a|one|a single) day\b"
              r"|\b(?:past|last) (?:24|48) hours\b")
_UNITS_OF = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "several": 7, "a few": 3, "few": 3}


def _episode_span(s: str, num: Number, published: pd.Timestamp,
                  ctx_start: pd.Timestamp | None = None) -> pd.Timestamp | None:
    """The first day of the episode whose death toll *num* counts (a campaign's or an
    episode's toll: "the toll since the violence broke out", "killed within a week of
    clashes in Sweida", "Turkish shelling has killed 96 civilians since the operation began
    on 24 August"), or None if *num* is no such toll. The sentence must name an episode of
    fighting or killing and its span, not one day ("killed on Tuesday alone"). The start is
    the day named ("since Thursday", "on March 6": the latest such day on or before
    *published*), else *ctx_start* (the start an earlier sentence of the text gave: "The
    operation, launched on January 20, ..."), else *published* less the span (a week, three
    days, two months). Days: published - span is the start (the text gives no other)."""
    # (an episode named, or a governorate's dead counted since a day: "150 residents of Hama
    # province have been killed since Monday")
    named = bool(_EPISODE.search(s)) or (_first(_AREAS, s).startswith("SY-") and bool(re.search(r"\bsince\b", s, _FLAGS)))
    if not _DEATH_TALK.search(s) or not named or _WAR_HAS_KILLED.search(s) or _ABROAD_DEATHS.search(s):
        return None  # (the war's toll beside "a month-long campaign of remembrance" is the war's)
    if _ONE_ATTACK_BEFORE.search(s[max(0, num.start - 120):num.start]):
        return None  # "The Douma attack, which killed at least 43 people, came after two months of ...": one attack's dead
    lo, hi = _clause_bounds(s, num)
    m = _EPISODE_SPAN.search(s, lo, hi)
    if m is None:
        return None
    own = _own_clause(s[num.end:hi])
    if _ONE_DAY.search(s[max(lo, num.start - 60):num.start] + " " + own[:80]):
        return None
    units, unit = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    if unit is None:
        # a start named: a day, or the start of the episode
        said = s[m.start():min(hi, m.end() + 60)]  # "since hostilities erupted on March 6", "since Moscow began its bombing campaign on September 30"
        found = _period(said, said, "deaths", published)
        if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
            return found[1]
        ago = _START_AGO.search(s[m.start():hi][:120])
        if ago:
            # "since Ankara launched its offensive two months ago": the start is that long ago
            n = _UNITS_OF.get(ago.group(1).lower()) or (int(ago.group(1)) if ago.group(1).isdigit() else 0)
            unit = ago.group(2).lower().rstrip("s")
            if n and not (unit == "month" and n > 6):
                span = {"day": pd.Timedelta(days=n), "week": pd.Timedelta(weeks=n)}.get(unit) or pd.DateOffset(months=n)
                return (published - span).normalize()
        return ctx_start if ctx_start is not None and ctx_start <= published else None
    units = units.lower()
    # (a span under a week with no start named stays one bombardment's: "250 civilians killed
    # in two days of bombardment"; "several days" is read as up to a week)
    n = _UNITS_OF.get(units) or (int(units) if units.isdigit() else 0)
    if not n:
        return None
    unit = unit.lower().rstrip("s")
    span = {"day": pd.Timedelta(days=n), "week": pd.Timedelta(weeks=n)}.get(unit) or pd.DateOffset(months=n)
    if unit == "month" and n > 6:
        return None
    if unit == "day" and n < 7:
        return None  # a long span: a war's or a year's, read by the period rules
    return (published - span).normalize()


#: An earlier sentence naming the day an episode began ("The operation, launched on January 20,
#: ...", "Operation Euphrates Shield was launched in northern Syria on 24 August").
_EPISODE_BEGAN = _c(r"\b(?:" + _EPISODE_WORDS + r"|operation [\w' -]{2,30}?)\b[^.;]{0,60}?\b(?:launched|began|begun|started"
                    r"|erupted|broke out)\b[^.;]{0,40}?\bon\s+((?:\d{1,2}\s+)?(?:" + _MONTH_ALT + r")\.?(?:\s+\d{1,2})?"
                    r"(?:,?\s+(?:19|20)\d\d)?)")


def _episode_start(s: str, published: pd.Timestamp) -> pd.Timestamp | None:
    """The day an episode began, as a sentence names it ("The operation, launched on January
    20, ..."), or None."""
    m = _EPISODE_BEGAN.search(s)
    if m is None:
        return None
    found = _period("since " + m.group(1), "since " + m.group(1), "deaths", published)
    return found[1] if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) else None


#: Words of the war in a sentence's own text: after an earthquake's or an epidemic's story a
#: toll that names none of them is the disaster's, not the war's (H21t).
_WAR_OWN = _c(r"\b(?:war|conflict|fighting|clashes|offensive|bombardment|shelling|air ?strikes|battles?|hostilities"
              r"|uprising|revolution|massacres?|executions?|torture|regime forces|government forces)\b"
              r"|\bsince\s+(?:(?:march\s+)?2011|the\s+(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|conflict|uprising|crisis))\b")
