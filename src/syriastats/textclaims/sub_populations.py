"""Sub-populations the registry does not count (H23m): a count whose own noun names one
community ("833 Druze", "Alawite civilians", "the Druze population (about 750,000)") has
group ``community``; displaced people said to be "in camps", and a part "of which N were in
camps" of the count before, have subarea ``in camps``. The checker then finds no comparable
figure (not_checkable) instead of judging a community or a camp's people against the whole
population's figure. Fighters keep their side ("302 Kurdish fighters" are combatants).

Called from :func:`syriastats.textclaims.extract._claims_in_sentence` after the sides of dead
fighters are read (:func:`community_group`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

from syriastats.textclaims.periods import _day
from syriastats.textclaims.rule_kit import free_numbers

_F = re.I

#: Communities the registry never counts apart: a count of them is a sub-population.
COMMUNITY_WORDS = (r"druze|alawites?|bedouins?|kurds|kurdish|christians?|assyrians?|armenians?|ismailis?|yazidis?"
                   r"|turkmens?|palestinians?|shia|shiites?|sunnis?|circassians?")
#: "833 Druze", "21 Bedouins", "120 Alawite civilians", "300 Druze from Sweida".
_COMMUNITY_AFTER = re.compile(r"^\s*(?:more\s+|other\s+)?(?:" + COMMUNITY_WORDS + r")\b", _F)
#: "the Druze population (about 750,000)", "a Christian community of 30,000".
_COMMUNITY_POPULATION = re.compile(r"\b(?:the|a|an|its|their)\s+(?:" + COMMUNITY_WORDS + r")\s+(?:population|community|minority)"
                                   r"\s*(?:\(\s*|of\s+|,\s*|numbering\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+"
                                   r"|an estimated\s+|estimated at\s+)?$", _F)
_IN_CAMPS = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:(?:were|are|is|was|live|living|lived|staying|sheltering)\s+)*in\s+"
                       r"(?:\d+\s+|the\s+)?(?:[\w'-]+\s+)?(?:idp\s+|displacement\s+|tent\s+)?camps\b", _F)


_SIDES = ("combatants", "government_forces", "armed_opposition", "foreign_fighters")
#: The joint of a part to the count before it: ", of which", ", of whom", ", including".
_PART_JOINT = re.compile(r"^[^.;\d]{0,60}?,\s*(?:of which|of whom|of them|including|among them)\s+(?:some\s+|about\s+|around\s+"
                         r"|nearly\s+|more than\s+|over\s+)?$", _F)


def community_group(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                    make: Callable[..., Any], hedge: Callable[[str, str], tuple[str, int]],
                    area_of: Callable[[str], str]) -> list[Any]:
    """*out* with group ``community`` on counts whose own noun names one community, subarea
    ``in camps`` on displaced counts said to be in camps, and a community's population that no
    claim holds added ("the Druze population (about 750,000)")."""
    res = []
    for c in out:
        b = c.end - offset
        if c.kind not in ("share", "duration") and c.group not in _SIDES and _COMMUNITY_AFTER.match(s[b:b + 40]):
            # (fighters keep their side: "302 Kurdish fighters" are combatants of one side)
            c = replace(c, group="community")
        lead = res[-1] if res else None
        if lead is not None and lead.kind in ("displaced", "idps", "refugees") and c.kind != "share" \
                and _PART_JOINT.search(s[lead.end - offset:c.start - offset]) and _IN_CAMPS.match(s[b:b + 80]):
            # "620,000 registered refugees in Jordan, of which 120,000 were in camps": a part of the
            # count before, in its camps
            c = replace(c, kind=lead.kind, measure=lead.measure, host=lead.host, area=lead.area,
                        period_type=lead.period_type, period_start=lead.period_start, as_of=lead.as_of, subarea="in camps")
        elif c.kind in ("displaced", "idps") and not getattr(c, "subarea", "") and _IN_CAMPS.match(s[b:b + 80]):
            c = replace(c, subarea="in camps")
        res.append(c)
    if not re.search(COMMUNITY_WORDS, s, _F):
        return res
    for num in free_numbers(s, res, offset, minimum=1000):
        before = s[max(0, num.start - 120):num.start]
        comp, hedge_len = hedge(before, s[num.end:num.end + 120])
        if not _COMMUNITY_POPULATION.search(before):
            continue
        lo = num.start - hedge_len
        day = _day(published)
        res.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "population",
                        "population", comp, "stock", day, day, area_of(s) or "SYR", "", "community", ""))
    return sorted(res, key=lambda c: c.start)
