"""Benchmark of check-text's extraction on hostile and pathological text.

Prints seconds and claims found for texts no article looks like: thousands of numbers in one
"sentence" without a full stop, 200 KB of words with numbers scattered through them, 200 KB
without a number. Extraction must grow linearly with the text (an over-long sentence is read
in pieces of at most ``MAX_SENTENCE_CHARS`` and each clause's cues are found once; before that, 800 numbers in one sentence took
101 s and 5,000 ran for more than ten minutes). Run:
``.venv/bin/python benchmarks/bench_hostile_text.py``.
"""
from __future__ import annotations

import time

import pandas as pd

from syriastats.textclaims.extract import extract_claims
from syriastats.textclaims.sentences import MAX_SENTENCE_CHARS

PUBLISHED = pd.Timestamp("2016-08-01")


def _texts() -> dict[str, str]:
    prose = "the war in syria drove families from their homes and villages " * 16
    return {
        f"{n:,} tolls in one sentence ('N killed, ...')":
            "In Syria " + ", ".join(f"{1000 + i:,} killed" for i in range(n)) + "."
        for n in (500, 1_000, 5_000)
    } | {
        f"{n:,} bare numbers in one sentence":
            "Figures " + " ".join(f"{1000 + i:,}" for i in range(n)) + " people died."
        for n in (500, 1_000, 5_000)
    } | {
        "200 KB of prose, one toll per KB, no full stop":
            "".join(prose + f"and {1000 + i:,} people were killed " for i in range(190)),
        "200 KB of words, no number": "word " * 40_000,
    }


def main() -> None:
    print(f"longest piece read as one sentence: {MAX_SENTENCE_CHARS:,} characters")
    for name, text in _texts().items():
        t0 = time.perf_counter()
        found = extract_claims(text, PUBLISHED)
        dt = time.perf_counter() - t0
        print(f"{name:50s} {len(text):>9,} chars  {len(found):>6,} claims  {dt:7.2f} s")


if __name__ == "__main__":
    main()
