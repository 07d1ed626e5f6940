"""literal_gate skips only patterns that cannot match: a loop over its candidates finds what a
loop over the whole list finds (H23s)."""
from __future__ import annotations

import json
import random
import re

import pytest

from syriastats.paths import REPO_ROOT
from syriastats.textclaims import cues
from syriastats.textclaims.literal_gate import candidates, folded, needles

LISTS = ["_AREAS", "_ATTR", "_CUES", "_CUES_NO_POP", "_FALLBACK", "_GROUPS", "_HEDGE_AFTER",
         "_HEDGE_BEFORE", "_HOSTS"]


def _texts() -> list[str]:
    path = REPO_ROOT / "tests" / "data" / "gold_sentences.jsonl"
    sents = [json.loads(line)["sentence"] for line in path.open(encoding="utf-8")]
    rng = random.Random(7)
    out = []
    for s in sents:  # the sentence and windows of it, as the reader searches them
        a = rng.randrange(len(s) + 1)
        b = rng.randrange(a, len(s) + 1)
        out += [s, s[:a], s[a:], s[a:b]]
    # letters Python's case-insensitive matching equates with ASCII ones (dotted I, long s)
    return out + ["\u0130dlib and Aleppo", "over 500 \u017fyrians displaced", "KILLED", ""]


@pytest.mark.parametrize("name", LISTS)
def test_candidates_find_what_the_whole_list_finds(name: str) -> None:
    patterns = getattr(cues, name)
    for text in _texts():
        every = [(code, m.span()) for rx, code in patterns for m in [rx.search(text)] if m]
        gated = [(code, m.span()) for rx, code in candidates(patterns, text)
                 for m in [rx.search(text)] if m]
        assert gated == every, (name, text)


def test_needles_are_words_every_match_needs() -> None:
    assert needles(re.compile(r"\b(?:Aleppo|Halab)\b", re.I)) == ("aleppo", "halab")
    assert needles(re.compile(r"more\s+than", re.I)) == ("more",)
    assert needles(re.compile(r"(?:killed)?\s*\d+")) is None  # optional: nothing required
    assert needles(re.compile(r"a|\d")) is None  # one branch needs no word
    # a text with a letter that matches an ASCII one case-insensitively is never filtered
    assert folded("\u017fince 2011") is None and folded("Since") == "since"
    rx = re.compile(r"since", re.I)
    assert [c for _, c in candidates([(rx, "x")], "\u017fince")] == ["x"]
    assert [c for _, c in candidates([(rx, "x")], "from 2011")] == []


def test_may_match_and_ranked_keep_what_could_match() -> None:
    from syriastats.textclaims.literal_gate import may_match, ranked

    a, b = re.compile(r"\bdecades?\b", re.I), re.compile(r"\bsecond\s+decade", re.I)
    assert may_match((a, b), "For over a DECADE, ...")
    assert not may_match((a, b), "Five years of war")
    assert may_match((a,), "a \u017fecond decade")  # (a folding letter: never ruled out)
    pairs = [(b, "second"), (a, "decade")]
    assert [i for i, _ in ranked(pairs, "a decade")] == [1]  # the index in the list is kept
