"""Arrests and detentions are neither deaths nor missing persons (H22t).

"SNHR recorded no fewer than 1,882 arbitrary arrests in 2020", "security forces arrested
7,543 detainees including 251 children", "the PYD militia was responsible for the arrests of
61 people, including 11 children": counts of arrests (an event), which no registry measure
holds; :func:`drop_arrests` removes the claims the extractor read from them (as missing
persons, deaths or even returns). People who "have been detained, abducted or gone missing"
or "remain detained" are still missing persons (a stock) and stay.

Rules only; the extractor calls :func:`drop_arrests` at one place.
"""
from __future__ import annotations

import re
from typing import Any

_F = re.I
_HEDGE = r"(?:(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|more\s+than|over|about|around|some|nearly|almost|up\s+to)\s+)?"
#: The count's own noun is an arrest ("1,882 arbitrary arrests", "157 cases of arbitrary
#: arrest", "908 arrets", "203 arbitrary arrests/detentions").
_ARREST_NOUN = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:arre?sts?|arrets|detentions|(?:cases|incidents)\s+of\s+(?:arbitrary\s+)?"
                          r"(?:arrest|detention))\b", _F)
#: A verb or noun of arresting right before the count ("arrested 7,543 detainees", "the arrests
#: of 61 people", "detained no less than 1,419 individuals").
_ARREST_BEFORE = re.compile(r"\b(?:arrested|arresting|rounded\s+up|(?:the\s+)?arrests?\s+of|(?:the\s+)?detention\s+of"
                            r"|(?:has|have|had)\s+detained|detained)\s+(?:against\s+)?" + _HEDGE + r"$", _F)
#: The count's own verb is an arrest, not a lasting detention ("7,000 people were arrested";
#: not "have been detained, abducted or gone missing").
_ARRESTED_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:arbitrarily\s+)?"
                             r"(?:arrested|rounded\s+up)\b(?![^.;]{0,60}\b(?:missing|disappeared|unknown|died|killed))", _F)
#: A part of an arrest count in its list ("..., including 13 children and 23 women", "including
#: against 32 children and a woman").
_PART_AFTER_ARREST = re.compile(r"(?:arre?sts?|arrets|detentions|arrested|detained)\b(?:[^.;](?!\b(?:died|killed|deaths?|torture)\b)){0,40}?"
                                r"\b(?:including|among\s+them|of\s+whom)\b(?:[^.;](?!\b(?:died|killed|deaths?|torture)\b)){0,60}$", _F)
#: Words that make a count a lasting detention or a death after all.
_STILL = re.compile(r"^[^.;]{0,60}?\b(?:missing|disappeared|remain(?:s|ed)?\s+(?:in\s+)?(?:detention|detained)|still\s+(?:in\s+detention|detained)"
                    r"|died|killed|tortured\s+to\s+death|deaths?)\b", _F)


def is_arrest(s: str, start: int, end: int) -> bool:
    """True if the count s[start:end] counts arrests (see the module)."""
    after = s[end:end + 120]
    if _ARREST_NOUN.match(after) or _ARRESTED_AFTER.match(after):
        return True
    before = s[max(0, start - 200):start]
    if _ARREST_BEFORE.search(before[-60:]) and not _STILL.match(after):
        return True
    return bool(_PART_AFTER_ARREST.search(before)) and not _STILL.match(after)


def drop_arrests(out: list[Any], s: str, offset: int) -> list[Any]:
    """*out* (a sentence's claims; offsets into the text, *offset* the sentence's) without the
    counts of arrests among its missing persons and deaths (and any other measure read from
    an arrest count)."""
    return [c for c in out if c.kind in ("duration", "share")
            or not is_arrest(s, c.start - offset + _hedge_len(s, c.start - offset, c.end - offset), c.end - offset)]


def _hedge_len(s: str, start: int, end: int) -> int:
    """The length of the hedge words at the head of a claim's text (its number follows them)."""
    m = re.match(r"(?:[A-Za-z][\w'-]*\s+)+(?=\d|one|two|three|four|five|six|seven|eight|nine|ten)", s[start:end])
    return m.end() if m else 0
