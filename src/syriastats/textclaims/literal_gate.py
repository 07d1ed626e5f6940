"""Skip the cue patterns that cannot match before searching with them (H23s).

The sentence reader asks lists of cue patterns (places, hosts, groups, hedges, measure
cues, attributions) of many short windows of each sentence, and most patterns match none
of them. Most patterns cannot match without some plain word: ``\\b(?:Aleppo|Halab)`` needs
"aleppo" or "halab" somewhere in the text, whatever the case. :func:`needles` reads those
words from the pattern's parsed form once; :func:`candidates` yields, of a list of
(pattern, code) pairs, only those whose words occur in the text (in list order), so a
loop over it runs the same searches that could succeed and finds exactly what a loop over
the whole list finds. A substring test costs a fraction of a regular-expression search.

Soundness: every match of a pattern contains one of its needles (literal characters that
the pattern must match one after the other), compared in lower case. Under
``re.IGNORECASE`` Python matches four non-ASCII characters to ASCII letters (U+0130,
U+0131, U+017F, U+212A): a text holding one of them is searched with every pattern. A
pattern with no such words (or with non-ASCII ones only) is always searched.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

try:  # Python >= 3.11
    from re import _constants as _C, _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover  (Python 3.10)
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

#: Non-ASCII characters Python's case-insensitive matching equates with ASCII letters.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = tuple(getattr(_C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_C, n))

_NEEDLES: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None]] = {}
_LISTS: dict[int, tuple[Any, list[tuple[re.Pattern[str], Any, tuple[str, ...] | None]]]] = {}
_MAX: int = 4096


def _required(items: Any) -> frozenset[str] | None:
    """A set of lower-case ASCII strings one of which every match of *items* (a parsed
    sequence) contains; None when none is known."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL and chr(av).isascii():
            run.append(chr(av))
            continue
        flush()
        if op is _C.SUBPATTERN:
            sub = _required(av[-1])
        elif getattr(_C, "ATOMIC_GROUP", None) is not None and op is _C.ATOMIC_GROUP:
            sub = _required(av)
        elif op is _C.BRANCH:
            alts = [_required(b) for b in av[1]]
            sub = frozenset().union(*alts) if alts and all(alts) else None  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            sub = _required(av[2])
        else:
            sub = None
        if sub:
            found.append(sub)
    flush()
    if not found:
        return None
    return max(found, key=lambda s: (min(len(n) for n in s), -len(s)))


def needles(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """The strings (lower case) one of which every match of *rx* contains, longest
    first; None when the pattern needs no plain word (it is then always searched)."""
    hit = _NEEDLES.get(id(rx))
    if hit is not None and hit[0] is rx:
        return hit[1]
    try:
        req = _required(_P.parse(rx.pattern, rx.flags)) if isinstance(rx.pattern, str) else None
    except Exception:  # noqa: BLE001  (an unexpected parse: no gate, the search decides)
        req = None
    out = tuple(sorted(req, key=lambda n: (-len(n), n))) if req else None
    if len(_NEEDLES) >= _MAX:
        _NEEDLES.clear()
    _NEEDLES[id(rx)] = (rx, out)
    return out


def _gated(patterns: Sequence[tuple[re.Pattern[str], Any]]
           ) -> list[tuple[re.Pattern[str], Any, tuple[str, ...] | None]]:
    own = _LISTS.get(id(patterns))
    if own is not None and own[0] is patterns and len(own[1]) == len(patterns):
        return own[1]
    entry = [(rx, code, needles(rx)) for rx, code in patterns]
    if len(_LISTS) >= _MAX:
        _LISTS.clear()
    _LISTS[id(patterns)] = (patterns, entry)  # the list is kept alive: its id is not reused
    return entry


def folded(text: str) -> str | None:
    """*text* in lower case for the needle tests, or None when it holds a character that
    matches an ASCII letter case-insensitively without being one (then nothing is skipped)."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return None
    return text.lower()


def candidates(patterns: Sequence[tuple[re.Pattern[str], Any]], text: str
               ) -> Iterator[tuple[re.Pattern[str], Any]]:
    """The (pattern, code) pairs of *patterns*, in order, that may match in *text*: those
    whose :func:`needles` occur in it (every pair, for a pattern without needles)."""
    low = folded(text)
    for rx, code, need in _gated(patterns):
        if need is not None and low is not None:
            for n in need:
                if n in low:
                    break
            else:
                continue
        yield rx, code


def ranked(patterns: Sequence[tuple[re.Pattern[str], Any]], text: str
           ) -> Iterator[tuple[int, tuple[re.Pattern[str], Any]]]:
    """``enumerate(patterns)`` without the pairs that cannot match in *text* (each keeps
    its index in *patterns*)."""
    low = folded(text)
    for i, (rx, code, need) in enumerate(_gated(patterns)):
        if need is not None and low is not None and not any(n in low for n in need):
            continue
        yield i, (rx, code)


def may_match(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    """False only when no pattern of *patterns* can match in *text* (none of its needles
    is there): a rule that reads *text* with these patterns alone finds nothing in it."""
    low = folded(text)
    if low is None:
        return True
    for rx in patterns:
        need = needles(rx)
        if need is None or any(n in low for n in need):
            return True
    return False
