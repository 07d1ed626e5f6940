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

#: Longest sentence read as one (characters). No real sentence comes near it (the longest of
#: the 885 gold sentences has 1,041 characters); a longer run of text without a full stop
#: (a table pasted as one line, hostile input) is cut into pieces at clause boundaries, so
#: the work per number stays bounded and a document's time grows linearly with its length.
MAX_SENTENCE_CHARS: int = 2_000

# where an over-long sentence may be cut: after a semicolon, else a comma, else a blank
_CUTS = (re.compile(r";\s+"), re.compile(r",\s+"), re.compile(r"\s+"))


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


def _cap(sent: Sentence, limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """*sent* itself, or pieces of at most *limit* characters cut at the last clause
    boundary before the limit (a semicolon, else a comma, else a blank; a hard cut only
    when a piece has no blank at all). Offsets stay those of the whole text."""
    out: list[Sentence] = []
    text, start = sent.text, sent.start
    while len(text) > limit:
        cut = 0
        for rx in _CUTS:
            ends = [m.end() for m in rx.finditer(text, 1, limit + 1) if m.end() <= limit]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        piece = text[:cut].rstrip()
        out.append(Sentence(start, start + len(piece), piece))
        start, text = start + cut, text[cut:]
    out.append(Sentence(start, start + len(text), text))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of *text* in order, with offsets such that ``text[s.start:s.end] == s.text``.

    Line breaks end a sentence (headlines, list items); within a line a sentence ends at
    ``.``, ``!`` or ``?`` followed by a space and a capital letter or digit, unless the
    word before the full stop is a known abbreviation ("Dr.", "U.N.", "Sept.") or an
    initial. Leading and trailing blanks are not part of a sentence. A sentence longer than
    :data:`MAX_SENTENCE_CHARS` is cut into pieces at clause boundaries.
    """
    out: list[Sentence] = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m is not None else len(text)
        block = text[pos:end]
        lead = len(block) - len(block.lstrip())
        if block.strip():
            for sent in _split_block(block[lead:], pos + lead):
                out.extend(_cap(sent))
        pos = m.end() if m is not None else len(text)
    return out
