"""The war's age in words the main rules do not read (H22d): "the uprising began 18 months
ago" (1.5 years), "since the start of the hostilities in Syria more than two years ago" (at
least 2), "the eight-year Syrian war" (8), "with Syria's war heading towards a 6th year" (5:
it is in its fifth year).

:func:`war_age_claims` adds such claims for numbers no claim holds yet, only when the age
read is the war's age at publication (within the extractor's slack): a ruler's "24 years in
office", a person's age or another event's anniversary is never one.
"""
from __future__ import annotations

import re
from typing import Any, Callable

import pandas as pd

from syriastats.textclaims.number_cache import numbers_in, overlaps
from syriastats.textclaims.periods import _day

_F = re.I
_WAR = r"(?:war|conflict|uprising|revolution|crisis|hostilities|fighting|unrest)"
#: "<the war> began 18 months ago": group 1 the unit.
_BEGAN_AGO_AFTER = re.compile(r"^\s*(months?|years?)\s+ago\b", _F)
#: (Not "fighting" or "unrest": "the town, where fighting erupted 5 years ago" is one place's.)
_BEGAN_BEFORE = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis|hostilities)\b[^.;]{0,40}?\b(?:began|started"
                           r"|erupted|broke out|was launched)\s+$", _F)
#: The subject is Syria's war by name: "The Syrian uprising", "Syria's civil war", "the war in
#: Syria". Its age is then the claim even when it is wrong (the checker judges it).
_SYRIAS_WAR = re.compile(r"\b(?:syria'?s|syrian)\s+(?:civil\s+)?(?:war|conflict|uprising|revolution|crisis)\b"
                         r"|\b(?:war|conflict|uprising|revolution|crisis) in syria\b", _F)
#: "since the start of the hostilities in Syria more than two years ago".
_SINCE_START_BEFORE = re.compile(r"\bsince (?:the )?(?:start|beginning|outbreak|onset) of (?:the )?(?:syrian |civil )*"
                                 + _WAR + r"(?: in syria)?\s+$", _F)
#: "the eight-year Syrian war", "Syria's 8-year-long civil war".
_YEAR_WAR_AFTER = re.compile(r"^\s*-\s*years?(?:-long|-old)?\s+(?:(?:long|old|brutal|bloody|devastating|syrian|civil)\s+){0,3}?"
                             + r"(?:war|conflict|crisis)\b", _F)
#: "heading towards a 6th year", "heading into its seventh year" (ordinal: the year it enters).
_HEADING_BEFORE = re.compile(r"\b(?:heading|headed|moving|going)\s+(?:towards?|into)\s+(?:a|its|the)\s+$", _F)
_YEAR_AFTER = re.compile(r"^\s*year\b", _F)
#: "<the uprising> began (almost) a year and a half ago" (no digit to read).
_YEAR_AND_HALF_AGO = re.compile(r"\b" + _WAR + r"\b[^.;]{0,40}?\b(?:began|started|erupted|broke out)\s+"
                                r"((?:almost|nearly|about|around|more than|over|some)\s+)?(?:a|one) year and a half ago\b", _F)
_GATE = re.compile(r"\bago\b|-year|\byear\b", _F)
_SYRIA_OR_WAR = re.compile(r"\bsyria|\bwar\b|\bconflict\b|\buprising\b|\brevolution\b", _F)


def war_age_claims(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                   make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]],
                   plausible: Callable[[float, str, pd.Timestamp], bool]) -> list[Any]:
    """*out* with the war's age added where the words above give it (see the module's
    docstring). *make* builds a claim, *hedge* reads a comparator, *plausible* says whether
    (years, comparator) is the war's age at *published*."""
    if not _SYRIA_OR_WAR.search(s) or not _GATE.search(s):
        return out
    covered = [(c.start - offset, c.end - offset) for c in out]
    res = list(out)
    m = _YEAR_AND_HALF_AGO.search(s)
    if m and not any(c.kind == "duration" for c in out):
        lo = m.start(1) if m.group(1) else m.start(0) + re.search(r"\b(?:a|one) year and a half", m.group(0), _F).start()
        comp = "at_least" if m.group(1) and m.group(1).strip().lower() in ("more than", "over") else "about"
        if plausible(1.5, comp, published):
            res.append(make(si, raw, offset + lo, offset + m.end(), raw[lo:m.end()], 1.5, "duration",
                            "war_duration_years", comp, "stock", _day(published), _day(published), "SYR", "", "", ""))
    for num in numbers_in(s):
        if num.kind not in ("count", "ordinal") or num.value > 100 \
                or overlaps(covered, num.start, num.end):
            continue
        before, after = s[max(0, num.start - 200):num.start], s[num.end:num.end + 120]
        if not (_BEGAN_AGO_AFTER.match(after) or _YEAR_WAR_AFTER.match(after) or _YEAR_AFTER.match(after)):
            continue
        comp, hedge_len = hedge(before, after)
        lead = before[:len(before) - hedge_len]
        years, end = None, num.end
        m = _BEGAN_AGO_AFTER.match(after)
        if m and (_BEGAN_BEFORE.search(lead[-80:]) or _SINCE_START_BEFORE.search(lead[-90:])):
            years = num.value / 12 if m.group(1).lower().startswith("month") else num.value
            end = num.end + m.end()
        elif num.kind == "count" and _YEAR_WAR_AFTER.match(after) and not lead.rstrip().endswith(("a", "an")):
            years = num.value
            end = num.end + len(re.match(r"^\s*-\s*years?(?:-long|-old)?", after, _F).group(0))
        elif num.kind == "ordinal" and _HEADING_BEFORE.search(lead[-30:]) and _YEAR_AFTER.match(after):
            years, comp = num.value - 1, "about"  # heading towards the 6th year: in its fifth
            end = num.end + _YEAR_AFTER.match(after).end()
        if years is None or years <= 0:
            continue
        if not plausible(years, comp, published) and not (
                num.kind == "count" and _SYRIAS_WAR.search(lead[-90:] + s[num.end:end + 40])):
            continue  # (another event's years, unless the words name Syria's war: then a wrong age)
        lo = num.start - hedge_len
        res.append(make(si, raw, offset + lo, offset + end, raw[lo:end], float(round(years, 2)), "duration",
                        "war_duration_years", comp, "stock", _day(published), _day(published), "SYR", "", "", ""))
    return sorted(res, key=lambda c: c.start)
