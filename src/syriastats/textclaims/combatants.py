"""Fighters killed, by faction and side (H22t).

Monitors count the dead of each side: "the deaths of about 562 ISIS fighters, 387 Syrian
Democratic Forces members, as well as 240 opposition faction fighters", "the dead included
745 civilians, 125 government security personnel, and 148 pro-Assad militants", "The
Observatory said 250 pro-Assad fighters were also killed", "Turkey says 228 militants have
been killed". Such a count is a war statistic (deaths_combatant) whatever its size when it
is one item of a toll broken down by side, or a monitor's or a party's running count;
:func:`fighters_count` says so. :func:`revise` corrects the side of the dead: after the fall
of Assad (8 December 2024) his loyalists are no government forces (group ``combatants``);
"211 within the Olive Branch forces" are fighters; "of whom three civilians were executed"
counts civilians, not fighters.

Rules only; the extractor calls them at one place each. The registry's groups of the dead
fighters are ``government_forces``, ``armed_opposition`` (with the SDF/YPG, as SOHR counts
them), ``foreign_fighters`` and ``combatants`` (any side, ISIS among them).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.rule_kit import WEEKDAY_ALT

_F = re.I
_SIDE_GROUPS = ("government_forces", "armed_opposition", "foreign_fighters", "combatants")
#: A noun of fighters in a count's own words ("562 ISIS fighters", "125 government security
#: personnel", "387 Syrian Democratic Forces members", "15 Assad regime forces").
_FIGHTER_NOUN = re.compile(r"^\s*(?:[\w'-]+\s+){0,5}?(?:fighters|militants|soldiers|troops|personnel|members|forces|gunmen"
                           r"|loyalists|militiamen|jihadists|rebels|combatants|non-civilians|insurgents|officers|bedouins|tribesmen)\b", _F)
#: Another count of the dead of a side or of civilians in the same sentence (a breakdown by side).
_OTHER_SIDE = re.compile(r"\d[\d,]*\s+(?:[\w'-]+\s+){0,5}?(?:fighters|militants|soldiers|troops|personnel|members|forces"
                         r"|gunmen|loyalists|militiamen|jihadists|rebels|combatants|non-civilians|civilians|insurgents|bedouins|tribesmen)\b"
                         r"|\b\d[\d,]*\s+(?:were|was)\s+(?:[\w'-]+\s+){0,4}?(?:fighters|militants|soldiers|personnel|members"
                         r"|forces|loyalists|civilians)\b", _F)
#: Words of death in the sentence.
_DEATH = re.compile(r"\b(?:killed|deaths?|dead|died|lives|toll|casualties|fatalities|losses|executed)\b", _F)
#: A monitor, a toll or a report as the teller.
_TELLER = re.compile(r"\b(?:observatory|monitor|sohr|snhr|network|documented|recorded|toll|tally|report)\b", _F)
#: Someone tells the breakdown ("the monitor stated", "officials said").
_STATED = re.compile(r"\b(?:said|says|stated|reported|according\s+to|included|includes|include)\b", _F)
#: Counts of sides linked as parts of one toll ("of whom", "including", "N were ...").
_LINKED = re.compile(r"\b(?:of\s+whom|of\s+them|among\s+them|including|as\s+well\s+as)\b|\b\d[\d,]*\s+(?:were|was)\s+", _F)
#: A party's running count: "says N militants have been killed" (not one battle's
#: "killing N militants, according to the military").
_SAYS_HAVE_BEEN = re.compile(r"\b(?:says?|said|claims?|claimed|announced)\b[^.;]{0,40}$", _F)
_HAVE_BEEN_KILLED = re.compile(r"^[^.;]{0,60}?\b(?:have|has)\s+been\s+(?:killed|neutrali[sz]ed)\b", _F)
#: One day, one night or one attack.
_ONE_DAY = re.compile(r"\b(?:" + WEEKDAY_ALT + r"|today|yesterday|overnight"
                      r"|last\s+night|this\s+morning)\b|\bin\s+(?:a|one|a\s+single)\s+day\b|\b(?:past|last)\s+(?:24|48)\s+hours\b"
                      r"|\bin\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,2}?(?:ambush|attack|explosion|blast|bombing|air\s*strike|raid)\b", _F)
_REPORT_DAY = re.compile(r"\b(?:released|issued|published|said|says|announced|reported|stated|added|noted)\s+(?:on\s+)?"
                         r"(?:" + WEEKDAY_ALT + r")\b", _F)
#: Loyalists of the ousted government after its fall ("pro-Assad militants", "Assad loyalists",
#: "militants affiliated with Assad-era armed groups", "remnants of the former regime").
_LOYALISTS = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:pro-assad|assad\s+loyalists|loyalists|(?:[\w'-]+\s+){0,2}?(?:affiliated\s+with|loyal\s+to)"
                        r"\s+(?:the\s+)?(?:assad|former|ousted|old)|[\w'-]*\s*remnants)\b|^\s*(?:were\s+)?(?:[\w'-]+\s+){0,2}?"
                        r"(?:pro-assad|assad\s+loyalists|assad-era)\b", _F)
#: "211 within the Olive Branch forces", "members of the X forces": fighters of a force the
#: word lists do not name.
_OF_FORCES = re.compile(r"^\s*(?:members\s+)?(?:of|within|from|among)\s+(?:the\s+)?(?:[\w'-]+\s+){1,4}?(?:forces|army|militias?|factions)\b", _F)
#: The largest count of loyalists' dead read as a clash after the fall (the insurgency's
#: episodes cost hundreds; the war's government-side tolls run to tens of thousands).
_LOYALIST_MAX = 10_000
#: Words of the whole war: its toll, not an episode's.
_WAR_LONG = re.compile(r"\b(?:since\s+(?:march\s+)?2011|since\s+the\s+(?:start|beginning|outbreak)|(?:civil\s+)?war\b|conflict\b)", _F)
#: Tribal fighters ("21 Bedouins", "40 tribesmen", "tribal fighters").
_TRIBAL = re.compile(r"^\s*(?:[\w'-]+\s+){0,1}?(?:bedouins?|tribesmen|tribal\s+(?:fighters|members|gunmen))\b", _F)
#: "of whom three civilians were executed": civilians among the fighters' dead counted before.
_CIVILIANS_OWN = re.compile(r"^\s*(?:[\w'-]+\s+){0,1}?civilians\b(?!\s+who\s+(?:took|take|have\s+taken|had\s+taken)\s+up\s+arms)", _F)


def _own(s: str, end: int) -> str:
    """The words after a count up to the next number or clause break."""
    m = re.search(r"\d|;|\bwhile\b|\bwhereas\b", s[end:end + 200])
    return s[end:end + m.start()] if m else s[end:end + 200]


def fighters_count(s: str, start: int, end: int, kind: str, group: str) -> bool:
    """True if the count s[start:end] of the dead (*kind* deaths) of a side (*group*, or a
    noun of fighters in its own words) is a war statistic: an item of a toll broken down by
    side (another count of a side's dead or of civilians in the sentence), a monitor's or a
    toll's count, or a party's running count ("Turkey says 228 militants have been killed").
    Never one day's or one attack's dead."""
    if kind != "deaths":
        return False
    # (the words within a reach of the count: a long sentence stays linear)
    w0 = max(0, start - 300)
    s, start, end = s[w0:end + 300], start - w0, end - w0
    own = _own(s, end)
    if group == "civilians" or (group in ("", "all") and _CIVILIANS_OWN.match(own)):
        # civilians counted beside the dead of a side ("745 civilians, 125 government security
        # personnel, and 148 pro-Assad militants"; "..., of whom three civilians were executed")
        return not _ONE_DAY.search(_REPORT_DAY.sub(" ", s)) and any(
            not m.group(0).lower().endswith("civilians") and not (m.start() <= start < m.end())
            for m in _OTHER_SIDE.finditer(s))
    if group not in _SIDE_GROUPS and not _FIGHTER_NOUN.match(own) \
            and not re.match(r"^\s*(?:were|was)\s+(?:[\w'-]+\s+){0,4}?(?:fighters|militants|soldiers|personnel|members|forces|loyalists)\b", own, _F) \
            and not _OF_FORCES.match(own):
        return False
    if _ONE_DAY.search(_REPORT_DAY.sub(" ", s)) or not _DEATH.search(s):
        return False
    others = [m for m in _OTHER_SIDE.finditer(s) if not (m.start() <= start < m.end())]
    if others and (_TELLER.search(s) or _STATED.search(s) or len(others) >= 2 or _LINKED.search(s)):
        # (not "82 militants were killed and the SDF lost 11 of their soldiers": one battle's
        # two sides, told by no one)
        return True
    return bool(_TELLER.search(s)) or (bool(_SAYS_HAVE_BEEN.search(s[max(0, start - 60):start]))
                                       and bool(_HAVE_BEEN_KILLED.match(s[end:])))


def revise(out: list[Any], s: str, offset: int, published: pd.Timestamp) -> list[Any]:
    """The side of the dead fighters counted in *out* (a sentence's claims): loyalists of
    the ousted government after its fall are ``combatants``; a count "within the X forces"
    with no group is fighters (``combatants``); "of whom three civilians were executed"
    after fighters' counts is civilians (deaths_civilian)."""
    after_fall = published > pd.Timestamp(V.ASSAD_FALL)
    res = []
    for c in out:
        if c.kind == "deaths":
            own = _own(s, c.end - offset)
            near = s[max(0, c.start - offset - 300):c.end - offset + 300]
            if c.measure in ("deaths_combatant", "deaths_total") and _CIVILIANS_OWN.match(own):
                c = replace(c, measure="deaths_civilian", group="civilians")
            elif after_fall and c.group == "government_forces" and _LOYALISTS.match(own) and (
                    c.period_start >= V.ASSAD_FALL or (c.value < _LOYALIST_MAX and not _WAR_LONG.search(near))):
                # (not the war's toll of pro-Assad militias: "The dead include 40,000 pro-Assad
                # militiamen" is the government side's)
                c = replace(c, group="combatants")
            elif c.measure in ("deaths_total", "deaths_combatant") and c.group in ("", "all") and (
                    _OF_FORCES.match(own) or _TRIBAL.match(own)):
                c = replace(c, measure="deaths_combatant", group="combatants")
        res.append(c)
    return res
