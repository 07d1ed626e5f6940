"""The numbers of a sentence, found once for the rules that read a sentence after its claims
(H22d): :func:`numbers_in` caches :func:`~syriastats.textclaims.numbers.find_numbers` for the
last few sentences."""
from __future__ import annotations

from functools import lru_cache

from syriastats.textclaims.numbers import Number, find_numbers


@lru_cache(maxsize=16)
def numbers_in(s: str) -> tuple[Number, ...]:
    """The number phrases of sentence *s* (as :func:`find_numbers`), cached."""
    return tuple(find_numbers(s))


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [*start*, *end*) overlaps one of *spans* (claims' offsets in the sentence)."""
    return any(lo < end and start < hi for lo, hi in spans)
