"""Arabic-script numerals in English text: the Arabic thousands separator (U+066C) and
decimal separator (U+066B) between digits are read as "," and "." (round 8 left them out:
"12٬000" was read as 12 and 000)."""
from __future__ import annotations

import datetime as dt

import pytest

from syriastats.textclaims.extract import extract_claims
from syriastats.textclaims.numbers import find_numbers


@pytest.mark.parametrize("text, value", [
    ("\u0661\u0662\u066c\u0660\u0660\u0660 people", 12_000),          # Arabic-Indic digits
    ("12\u066c000 people", 12_000),                                     # Western digits
    ("\u0664\u066b\u0668 million refugees", 4_800_000),                 # decimal separator
    ("1\u066c234\u066c567 people", 1_234_567),
])
def test_arabic_separators_make_one_number(text: str, value: float) -> None:
    nums = [n for n in find_numbers(text) if n.kind == "count"]
    assert [n.value for n in nums] == [value]
    assert nums[0].start == 0  # offsets index the original text (same length after reading)


def test_a_separator_not_between_three_digits_is_not_a_thousands_mark() -> None:
    # "12٬5" is not a group of three: two numbers, as with "12,5 people" in English text
    assert 12_500 not in [n.value for n in find_numbers("12\u066c5 people")]


def test_claim_offsets_cover_the_arabic_number() -> None:
    s = "The Syrian Observatory said 12\u066c000 people have been killed since 2011."
    df = extract_claims(s, dt.date(2012, 5, 8))
    row = df.iloc[0]
    assert (row.value, row.measure) == (12_000, "deaths_total")
    assert s[row.start:row.end] == "12\u066c000"
