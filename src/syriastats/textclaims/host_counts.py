"""Refugee counts without the word "refugee": crossings, hosted Syrians, a host's part of
a total, breakdown items and "each in X and Y" splits.
"""
from __future__ import annotations

import re
from dataclasses import asdict

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.cues import (
    _c,
    _first,
    _FLAGS,
    _HOSTS,
    _measure,
    TextClaim,
)

#: A count of people arriving: "after 3,000 crossed the border" (not "crossed back").
_CROSSED = _c(r"^\s*(?:(?!(?:who|that|have|has|had)\b)[\w'-]+\s+){0,2}?(?:crossed|fled)\s+(?:the\s+border|over|into)\b"
              r"(?!\s+back)(?!\s+(?:\w+\s+)?(?:neighbou?ring|nearby|surrounding|other)\s+countries)")
#: A day's or a week's border crossings stay well below this (persons; the largest days of
#: 2012-2016 brought some 10,000-20,000 into one country): a larger count is a total.
_CROSSING_MAX = 50_000
_SINCE_ANY = _c(r"\bsince\b|\bso far\b|\bto date\b|\bin total\b")
#: A host country that hosts, shelters or took in the people counted: "Turkey hosts the largest
#: number of Syrians displaced by the conflict - nearly 3 million": refugees in that country.
_HOST_HOSTS = _c(r"\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD")) + r")\s*"
                 r"(?:,\s*(?:which|that)\s+)?"  # "Jordan, which has taken in" (H21d)
                 r"(?:now\s+|still\s+|currently\s+)?(?:hosts?|hosting|is home to|shelters?|has taken in|took in"
                 r"|has received)\b")


#: "displaced Syrians in Lebanon", "Syrians displaced to Turkey": in a country of asylum.
_DISPLACED_IN_HOST = _c(r"^\s*(?:displaced\s+syrians|syrians\s+(?:who\s+(?:have\s+|had\s+)?been\s+)?displaced)\s+"
                        r"(?:(?:now|currently|living|residing|staying|sheltering)\s+)?(?:in|to|into)\s+(?:the\s+)?(?:"
                        + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD")) + r")")


def _hosted_refugees(kind: str, clause_before: str, fwd: str = "") -> str:
    """A count of displaced people hosted by a named country of asylum is of refugees there
    ("Turkey hosts ... Syrians displaced by the conflict", "1.5 million displaced Syrians in
    Lebanon", as Lebanon's government calls its refugees)."""
    if kind == "displaced" and (_HOST_HOSTS.search(clause_before) or _DISPLACED_IN_HOST.match(fwd)):
        return "refugees"
    return kind


#: A part of a host country named in a count's own words ("170,000 registered in north
#: Lebanon", "150,000 in the Bekaa"), or people not yet registered ("16,706 are awaiting
#: registration"): a part of the host's count, for which the registry has no figure.
_HOST_PART = _c(r"\bin\s+(?:the\s+)?((?:north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+"
                r"(?:lebanon|jordan|turkey|iraq)|mount\s+lebanon|beirut|tripoli|bekaa(?:\s+valley)?|beqaa|akkar"
                r"|amman|irbid|mafraq|zarqa|istanbul|gaziantep|hatay|[sş]anl[iı]urfa|kilis|erbil|duhok|dohuk"
                r"|sulaymaniyah|(?:iraqi\s+)?kurdistan(?:\s+region)?|cairo|alexandria)\b")
_AWAITING = _c(r"\b(?:awaiting|await|waiting\s+(?:for|to\s+be))\s+(?:\w+\s+){0,3}?regist(?:ration|ered)\b"
               r"|\bin the process of being registered\b")


#: "into neighboring states and Egypt": the five hosts of the regional response, not Egypt alone.
_REGION_AND_EGYPT = _c(r"\bneighbou?r\w*\s+(?:states|countries|nations)\s+(?:and|plus|as well as)\s+egypt\b")


def _host_part(kind: str, fwd: str) -> str:
    """The part of its host a refugee count is about ('' if the whole host)."""
    if kind != "refugees":
        return ""
    m = _HOST_PART.search(fwd)
    if m:
        return m.group(1)
    # ("have registered with UNHCR or are awaiting registration": both together, the whole host)
    return "people awaiting registration" if _AWAITING.search(fwd) and not re.search(
        r"\bregist\w*\b[^.;]{0,40}\bor\s+(?:are\s+|were\s+|is\s+)?(?:\w+\s+)?(?:awaiting|waiting|in the process)",
        fwd, _FLAGS) else ""


def _breakdown_item(s: str, num: Number, prev: Number | None, out: list[TextClaim],
                    offset: int) -> TextClaim | None:
    """The refugee count before *num* when *num* is the next item of a semicolon list of a
    host's parts ("170,000 registered in north Lebanon; 150,000 in the Bekaa"), else None."""
    if prev is None or not out or out[-1].end - offset != prev.end or out[-1].kind != "refugees":
        return None
    if not re.fullmatch(r"[^;.\d]{0,60};\s*(?:and\s+)?(?:[\w'-]+\s+)?", s[prev.end:num.start], _FLAGS):
        return None
    fwd = s[num.end:num.end + 60]
    return out[-1] if re.match(r"\s*(?:\w+\s+)?in\s", fwd, _FLAGS) and _HOST_PART.search(fwd) else None


#: "around 80,000 each in Jordan and Turkey": one count for each of two hosts.
_EACH_IN = _c(r"^\s*each\s+in\s+([^,;.]+?)\s+and\s+([^,;.]+?)(?=[,;.]|\s+and\b|$)")


def _split_each(out: list[TextClaim], s: str, offset: int) -> list[TextClaim]:
    """A refugee count followed by "each in A and B" becomes one claim per host."""
    res = []
    for c in out:
        res.append(c)
        m = _EACH_IN.match(s[c.end - offset:]) if c.kind == "refugees" else None
        if m is None:
            continue
        first, second = _first(_HOSTS, m.group(1)), _first(_HOSTS, m.group(2))
        if first and second and first != second and c.host in (first, "REGION"):
            res[-1] = TextClaim(**{**asdict(c), "host": first, "subarea": "",
                                   "measure": _measure("refugees", c.group, first, "")})
            res.append(TextClaim(**{**asdict(c), "host": second, "subarea": "",
                                    "measure": _measure("refugees", c.group, second, "")}))
    return res
