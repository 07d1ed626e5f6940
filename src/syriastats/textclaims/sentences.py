"""Split English text into sentences, keeping character offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Abbreviations after which a full stop does not end a sentence (lower case, no dot).
ABBREVIATIONS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "gen", "col",
    "lt", "sgt", "capt", "maj", "rev", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "u.s", "u.n", "u.k",
    "inc", "co", "corp", "ltd", "fig", "al",
})

# a candidate boundary: . ! ? (possibly followed by closing quotes/brackets), then space
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[-*\u2022#])|\n")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and [start, end) character offsets in the whole text."""
    start: int
    end: int
    text: str


def _split_block(text: str, offset: int) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        before = text[pos:m.start()]
        word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
        if word and m.group(0).startswith(".") and (
                word.group(1).lower().rstrip(".") in ABBREVIATIONS
                or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word.group(1))):
            continue  # "U.N." / "Dr." / a single initial: not the end of a sentence
        out.append(Sentence(offset + pos, offset + end, text[pos:end]))
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    if text[pos:].strip():
        out.append(Sentence(offset + pos, offset + len(text.rstrip()), text[pos:].rstrip()))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of *text* in order, with offsets such that ``text[s.start:s.end] == s.text``.

    Line breaks end a sentence (headlines, list items); within a line a sentence ends at
    ``.``, ``!`` or ``?`` followed by a space and a capital letter or digit, unless the
    word before the full stop is a known abbreviation ("Dr.", "U.N.", "Sept.") or an
    initial. Leading and trailing blanks are not part of a sentence.
    """
    out: list[Sentence] = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m is not None else len(text)
        block = text[pos:end]
        lead = len(block) - len(block.lstrip())
        if block.strip():
            out.extend(_split_block(block[lead:], pos + lead))
        pos = m.end() if m is not None else len(text)
    return out
