"""Shared pieces of the rules that read a sentence after its claims (H22d modules, shared by
H22f): the five regional hosts and their names, weekdays counted back from publication,
spelled-out small numbers, and the loop over a sentence's numbers that no claim holds."""
from __future__ import annotations

import re
from typing import Iterator

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.number_cache import numbers_in, overlaps
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.periods import _WEEKDAYS

_F = re.I
#: The five hosts of the regional response.
REGIONAL: tuple[str, ...] = ("TUR", "LBN", "JOR", "IRQ", "EGY")
#: The names of the five hosts, as one alternation (vocabulary's host patterns).
HOST_ALT: str = "|".join(p for p, h in V.HOSTS if h in REGIONAL)
_HOST_RX = [(re.compile(r"\b(?:" + p + r")", _F), h) for p, h in V.HOSTS if h in REGIONAL]
#: "Turkish-controlled areas", "Turkish-backed forces": parts of Syria, never the host.
_ADJECTIVE_AREA = re.compile(r"^(?:turkish|lebanese|jordanian|iraqi|egyptian)[\s-]+(?:controlled|backed|held|led|occupied"
                             r"|run|allied)\b", _F)
#: "Turkish officials", "the Turkish news agency": a host's people or services, who speak of
#: a count but are not a host listed with it.
_ADJECTIVE_PEOPLE = re.compile(r"^(?:turkish|lebanese|jordanian|iraqi|egyptian)\s+(?:officials?|authorities|government"
                               r"|army|forces|troops|news|media|state|ministry|president|minister|sources?)\b", _F)
WEEKDAYS: tuple[str, ...] = _WEEKDAYS
#: "on Monday", "on Monday alone".
WEEKDAY_ALT: str = "|".join(WEEKDAYS)
#: Spelled-out small counts of days or weeks ("in the past two weeks", "a few days").
SMALL_WORDS: dict[str, int] = {**{w: n for w, n in V.UNITS.items() if 2 <= n <= 10}, "few": 3, "several": 5}


def hosts_listed(text: str, names_only: bool = False) -> list[str]:
    """The regional hosts named in *text*, in order of mention, without repeats. "Turkish-
    controlled areas" names no host; with *names_only*, neither do "Turkish officials"."""
    found = []
    for rx, h in _HOST_RX:
        for m in rx.finditer(text):
            word = text[m.start():m.start() + 40]
            if not (_ADJECTIVE_AREA.match(word) or (names_only and _ADJECTIVE_PEOPLE.match(word))):
                found.append((m.start(), h))
    out: list[str] = []
    for _, h in sorted(found):
        if h not in out:
            out.append(h)
    return out


#: The weekday is a statement's, not the count's: "said on Monday that", "On Monday,
#: Lebanese officials said".
_SAID_ON = re.compile(r"\b(?:said|says|announced|reported|stated|told\s+[\w'-]+(?:\s+[\w'-]+)?)\s+(?:on\s+)?$", _F)
_ON_DAY_SAID = re.compile(r"^\s*(?:alone\b)?\s*,\s*(?:[\w'-]+\s+){0,5}?(?:said|says|announced|reported|stated|told)\b", _F)


def statement_day(s: str, start: int, end: int) -> bool:
    """True if the weekday at [*start*, *end*) of sentence *s* dates a statement ("said on
    Monday", "On Monday, officials said"), not the people counted."""
    return bool(_SAID_ON.search(s[max(0, start - 40):start]) or _ON_DAY_SAID.match(s[end:end + 60]))


def last_weekday(name: str, published: pd.Timestamp) -> pd.Timestamp:
    """The last day named *name* ("monday") on or before *published* (the day itself if it
    is that weekday: "on Monday" in a text of a Monday is today; periods.py's "since
    Monday" counts a full week back instead)."""
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    return published.normalize() - pd.Timedelta(days=back)


def free_numbers(s: str, claims: list, offset: int, kind: str = "count",
                 minimum: float = 100) -> Iterator[Number]:
    """The numbers of sentence *s* of *kind* ("count", "share") and at least *minimum* that
    no claim of *claims* (offsets in the text; *offset* is the sentence's) covers."""
    covered = [(c.start - offset, c.end - offset) for c in claims]
    for num in numbers_in(s):
        if num.kind == kind and num.value >= minimum and not overlaps(covered, num.start, num.end):
            yield num
