"""Shares of Syrians displaced, in words the main rules do not read (H22d): "nearly 30% of
Syrian people have left their homes" (``displaced_share``), a share given "all told" after
refugees and IDPs are both counted (all the displaced, not IDPs alone), and displaced people
"who have fled overseas" (refugees abroad, not all the displaced).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

from syriastats.textclaims.periods import _day
from syriastats.textclaims.rule_kit import free_numbers

_F = re.I
#: "of Syrian people have left their homes", "of Syria's population have been forced to flee" (not "forced to rely on aid").
_OF_SYRIANS_UPROOTED = re.compile(
    r"^\s*(?:of\s+)(?:the\s+|all\s+)?(?:syrian people|syrians|syria'?s (?:pre-?war\s+)?population|the (?:country'?s\s+)?"
    r"(?:pre-?war\s+)?population|the syrian population)\s+(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:left their homes"
    r"|fled their homes|displaced|forced (?:to (?:flee|leave|abandon)|from|out of)|uprooted|had to (?:flee|leave))", _F)
#: Refugees and IDPs both counted before the share, and the share said to add them up.
_BOTH = re.compile(r"\brefugees?\b[^;]{0,200}\b(?:internally displaced|idps?|within the country|inside (?:syria|the country))\b"
                   r"|\b(?:internally displaced|idps?)\b[^;]{0,200}\brefugees?\b", _F)
_ALL_TOLD = re.compile(r"\b(?:all told|in all|in total|altogether|combined|together)\b[^.;\d]{0,20}$", _F)
_FLED_ABROAD = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?who\s+(?:have|had)\s+(?:now\s+)?fled\s+(?:overseas|abroad)\b"
                          r"(?!\s*(?:,\s*)?(?:or|and)\s+(?:within|inside|internally))", _F)
#: "fled overseas or within the country": all the displaced, abroad and at home (no host).
_ABROAD_OR_WITHIN = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?who\s+(?:have|had)\s+(?:now\s+)?fled\s+(?:overseas|abroad)"
                               r"\s*(?:,\s*)?(?:or|and)\s+(?:within|inside|internally)\b", _F)


def displaced_shares(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                     make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]]) -> list[Any]:
    """*out* with the shares and refugee counts above read (see the module's docstring)."""
    res = []
    for c in out:
        a, b = c.start - offset, c.end - offset
        if c.measure in ("idps_share", "refugees_share") and _ALL_TOLD.search(s[:a]) and _BOTH.search(s[:a]):
            c = replace(c, measure="displaced_share")
        elif c.measure == "displaced_total" and _FLED_ABROAD.match(s[b:]):
            c = replace(c, kind="refugees", measure="refugees_worldwide", host="WORLD")
        elif c.measure == "displaced_total" and c.host == "WORLD" and _ABROAD_OR_WITHIN.match(s[b:]):
            c = replace(c, host="")
        res.append(c)
    for num in free_numbers(s, res, offset, kind="share", minimum=0):
        if not _OF_SYRIANS_UPROOTED.match(s[num.end:num.end + 160]) or not 0 < num.value < 1:
            continue
        comp, hedge_len = hedge(s[max(0, num.start - 200):num.start], s[num.end:num.end + 160])
        lo = num.start - hedge_len
        res.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "share",
                        "displaced_share", comp, "stock", _day(published), _day(published), "SYR", "", "", ""))
    return sorted(res, key=lambda c: c.start)
