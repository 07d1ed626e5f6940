"""Death tolls by governorate, in lists (H22t).

"The civilian death toll by province includes 658 in Latakia, 384 in Tartus, 171 in Hama,
and 12 in Homs": each item is its governorate's toll (a war statistic whatever its size);
"rural Damascus, with 47,483 deaths; Homs, with 40,986 deaths; ...; and Tartus, which lost
31,369 people": the last item's "which lost N people" is its governorate's dead too.

Rules only; the extractor calls them at one place each. Governorates: ``AREAS`` of
:mod:`syriastats.textclaims.vocabulary`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import syriastats.textclaims.vocabulary as V

_F = re.I
_AREAS = [(re.compile(r"\b(?:" + p + r")", _F), a) for p, a in V.AREAS]
#: A toll broken down by governorate ("the civilian death toll by province includes",
#: "deaths per governorate:").
_BY_PROVINCE = re.compile(r"\b(?:toll|deaths|dead|victims|fatalities|killed)\b[^.;]{0,30}?\b(?:by|per|in\s+each|across\s+the)\s+"
                          r"(?:province|governorate)s?\b", _F)
#: An item "N in <place>" (group 1 the place's words).
_IN_PLACE = re.compile(r"^\s*(?:people\s+|deaths\s+|civilians\s+)?in\s+((?:rural\s+|the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", 0)
#: "<Place>, which lost 31,369 people": group 1 the place, group 2 the count.
_WHICH_LOST = re.compile(r"(?:^|[;,]\s*(?:and\s+)?)((?:rural\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*,\s*(?:which|that)\s+(?:has\s+|had\s+)?lost\s+"
                         r"(?:(?:about|some|nearly|more\s+than|over|at\s+least)\s+)?(\d[\d,]*)\s+(?:people|lives|residents|of\s+its\s+people)\b")


def _area(words: str) -> str:
    for rx, a in _AREAS:
        if rx.search(words):
            return a
    return ""


def province_item(s: str, start: int, end: int, kind: str) -> bool:
    """True if the count s[start:end] is an item "N in <governorate>" of a toll the sentence
    breaks down by governorate."""
    if kind != "deaths":
        return False
    lead = _BY_PROVINCE.search(s[max(0, start - 400):start])
    m = _IN_PLACE.match(s[end:end + 40])
    return bool(lead) and bool(m) and _area(m.group(1)).startswith("SY-")


def revise(out: list[Any], s: str, offset: int) -> list[Any]:
    """The governorate items of a by-governorate toll get their governorate and the lead's
    group (civilians for a civilian toll); "<Place>, which lost N people" after a list of
    governorates' tolls is a toll of that governorate like the item before it."""
    lead = _BY_PROVINCE.search(s)
    res: list[Any] = []
    for c in out:
        st, en = c.start - offset, c.end - offset
        if lead and lead.end() <= st and c.kind == "deaths":
            m = _IN_PLACE.match(s[en:en + 40])
            area = _area(m.group(1)) if m else ""
            if area.startswith("SY-"):
                civ = bool(re.search(r"\bcivilian", s[max(0, lead.start() - 30):lead.end()], _F))
                c = replace(c, area=area, measure="deaths_civilian" if civ else c.measure,
                            group="civilians" if civ else c.group)
        res.append(c)
    for m in _WHICH_LOST.finditer(s):
        area = _area(m.group(1))
        prev = [c for c in res if c.kind == "deaths" and c.end - offset <= m.start(2) and c.area.startswith("SY-")]
        if not area.startswith("SY-") or not prev or any(c.end - offset == m.end(2) for c in res):
            continue
        p = prev[-1]
        value = float(m.group(2).replace(",", ""))
        res.append(replace(p, start=offset + m.start(2), end=offset + m.end(2), claim_text=m.group(2),
                           value=value, area=area))
    return sorted(res, key=lambda c: c.start)
