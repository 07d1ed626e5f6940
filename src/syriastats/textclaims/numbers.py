"""Read the numbers said in a sentence: digits, scale words, spelled-out numbers, fractions.

Returns every number phrase with its offsets and what kind of number it is:
``count`` (persons or things: "470,000", "4.8 million", "half a million", "five million"),
``share`` (a fraction of a whole: "half", "a quarter", "one in five", "40 per cent"),
``year`` (1900-2099 written without a thousands separator and without a scale word),
``ordinal`` ("sixth"), or ``date_part`` (the day in "8 December").
Deterministic; no model. (quantulum3 and number-parser misread "6.8 million" and
"half a million": see the project's research notes; these rules are tested instead.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import syriastats.textclaims.vocabulary as V

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[a-z]{1,3}\b)?"   # 470,000 / 1,234.5 / 3,000k
    r"|\d+(?:\.\d+)?(?:[a-z]{1,3}\b)?"                  # 4.8 / 4.8m / 12mn / 2011 / 8th
    r"|[A-Za-z]+(?:'[A-Za-z]+)?"                        # words
    r"|%|\S")

#: "306.887" (a point as the thousands separator, as in many European languages): a
#: whole number when there are exactly three digits after each point and no scale word
#: follows (a scale word is read first: "4.500 million" stays 4.5 million).
_POINT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_MONTH_WORDS = set(V.MONTHS)
#: "6·1 million" (a middle dot as the decimal point, The Lancet's style): read as "6.1".
_MIDDLE_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)")
#: The Arabic thousands separator (U+066C, "١٢٬٠٠٠" or "12٬000") and decimal separator
#: (U+066B, "٤٫٨"), between digits: read as "," and "." (Arabic-Indic digits are digits
#: to the patterns and to ``float``).
_ARABIC_THOUSANDS = re.compile(r"(?<=\d)\u066c(?=\d{3})")
_ARABIC_DECIMAL = re.compile(r"(?<=\d)\u066b(?=\d)")
#: "585 000" / "3 128 000" (a space, thin space or no-break space between groups of three
#: digits, the SI style): one number. Not after a digit, separator or year-like group.
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,\u00b7])\d{1,3}(?:[ \u2009\u202f\u00a0]\d{3})+(?!\d|[.,]\d)")
#: A footnote mark glued to a word or closing bracket ("IDPs)3", "refugees,4",
#: "conflict.1"): not a number said in the text.
_FOOTNOTE_BEFORE = re.compile(r"(?:[A-Za-z\)\]]|[A-Za-z][,.;])$")
_NUMBER_WORDS = set(V.UNITS) | set(V.TENS) | {"hundred", "thousand", "million", "billion"}


@dataclass(frozen=True)
class Number:
    """A number phrase: [start, end) offsets within the sentence, its value and kind."""
    start: int
    end: int
    value: float
    kind: str  # count | share | year | ordinal | date_part
    text: str


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(s: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(s)]


def _normalise_separators(s: str) -> str:
    """*s* with a middle-dot or Arabic decimal point read as "." and SI thousands spaces or
    the Arabic thousands separator read as "," (same length, so offsets into *s* stay valid)."""
    s = _MIDDLE_DOT.sub(".", s)
    s = _ARABIC_DECIMAL.sub(".", _ARABIC_THOUSANDS.sub(",", s))
    return _SPACED_THOUSANDS.sub(lambda m: re.sub(r"[ \u2009\u202f\u00a0]", ",", m.group(0)), s)


def _footnote_mark(s: str, t: _Tok) -> bool:
    """A one- or two-digit token glued to the word or bracket before it: a footnote mark."""
    return (len(t.text) <= 2 and t.text.isdigit() and t.start > 0
            and _FOOTNOTE_BEFORE.search(s[max(0, t.start - 2):t.start]) is not None
            and (t.end == len(s) or not s[t.end].isalnum()))


_FRACTION_PLURALS = {"quarters": 0.25, "thirds": 1 / 3}


def _fraction_of_scale(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """ "three-quarters of a million", "two thirds of a million": (value, index after)."""
    n = len(toks)
    num = V.UNITS.get(toks[i].low)
    if not num or toks[i].low in ("a", "an"):
        return None
    k = i + 1
    if k < n and toks[k].text == "-":
        k += 1
    if k + 3 < n and toks[k].low in _FRACTION_PLURALS and toks[k + 1].low == "of" \
            and toks[k + 2].low in ("a", "an") and toks[k + 3].low in ("million", "billion", "thousand"):
        return num * _FRACTION_PLURALS[toks[k].low] * V.SCALES[toks[k + 3].low], k + 4
    return None


def _digit_value(t: str) -> tuple[float, float] | None:
    """(value, multiplier from a glued abbreviation) of a digit token, or None."""
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)([a-z]{0,3})", t.lower())
    if not m:
        return None
    num, suf = m.groups()
    try:
        v = float(num.replace(",", ""))
    except ValueError:
        return None
    if suf in ("", ):
        return v, 1.0
    if suf in V.SCALE_ABBREVIATIONS:
        return v, V.SCALE_ABBREVIATIONS[suf]
    if suf in ("st", "nd", "rd", "th"):
        return v, -1.0  # an ordinal / day of month
    return None


def _spelled(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """A spelled-out whole number starting at token i: (value, index after it).

    Handles "twelve thousand", "one hundred and five", "twenty-five", "five million",
    "a million", "two and a half million", "half a million", "a quarter of a million".
    """
    n = len(toks)
    w = toks[i].low
    # "half a million", "a quarter of a million", "quarter of a million", "a half million"
    j = i
    frac = None
    if w == "half":
        frac, j = 0.5, i + 1
    elif w == "a" and i + 1 < n and toks[i + 1].low in ("half", "quarter", "third"):
        frac, j = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}[toks[i + 1].low], i + 2
    elif w in ("quarter", "third"):
        frac, j = {"quarter": 0.25, "third": 1 / 3}[w], i + 1
    if frac is not None:
        k = j
        if k < n and toks[k].text == "-":
            k += 1  # "a half-million"
        if k < n and toks[k].low == "of":
            k += 1
        if k < n and toks[k].low in ("a", "an"):
            k += 1
        if k < n and toks[k].low in ("million", "billion", "thousand"):
            return frac * V.SCALES[toks[k].low], k + 1
        return None
    if w not in _NUMBER_WORDS or w in ("hundred", "thousand", "million", "billion"):
        return None
    total, current, j, seen, last_scale = 0.0, 0.0, i, False, 0.0

    def peek(k: int) -> tuple[str, int]:
        """The next token that is not a hyphen at or after k, and its index."""
        while k < n and toks[k].low == "-":
            k += 1
        return (toks[k].low if k < n else ""), k

    while j < n:
        t = toks[j].low
        if t == "-" and seen:
            j += 1
            continue
        if t in ("a", "an") and not seen:
            # "a million" / "a thousand" only
            if j + 1 < n and toks[j + 1].low in ("hundred", "thousand", "million", "billion"):
                current, seen, j = 1.0, True, j + 1
                continue
            return None
        if t in V.UNITS and t not in ("a", "an"):
            current += V.UNITS[t]
        elif t in V.TENS:
            current += V.TENS[t]
        elif t == "hundred" and seen:
            current = max(current, 1.0) * 100
        elif t in ("thousand", "million", "billion") and seen:
            total += max(current, 1.0) * V.SCALES[t]
            last_scale, current = V.SCALES[t], 0.0
        elif t == "and" and seen:
            w1, k1 = peek(j + 1)
            if w1 in V.UNITS and w1 not in ("a", "an") or w1 in V.TENS:
                j = k1
                continue
            w2, k2 = peek(k1 + 1)
            if w1 == "a" and w2 == "half":
                w3, k3 = peek(k2 + 1)
                if w3 in ("million", "thousand", "billion"):
                    # "two and a half million"
                    return total + (current + 0.5) * V.SCALES[w3], k3 + 1
                if current == 0.0 and last_scale:
                    return total + 0.5 * last_scale, k2 + 1  # "six million and a half"
                return total + current + 0.5, k2 + 1          # "three-and-a-half (years)"
            break
        else:
            break
        seen = True
        j += 1
    while j > i and toks[j - 1].low == "-":
        j -= 1
    if not seen:
        return None
    return total + current, j


def _fraction(s: str, toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """A spoken share at token i: "half", "a quarter", "two-thirds", "one in five"."""
    n = len(toks)
    w = toks[i].low
    # one in five / one in every five / one out of five / 1 in 5 / six in ten / nine out of ten
    num = 1 if w == "1" else V.UNITS.get(w) if w not in ("a", "an", "zero") else None
    if num and i + 2 < n and toks[i + 1].low in ("in", "out"):
        k = i + 2
        if toks[i + 1].low == "out" and k < n and toks[k].low == "of":
            k += 1
        if k < n and toks[k].low == "every":
            k += 1
        if k < n:
            d = V.UNITS.get(toks[k].low) or V.TENS.get(toks[k].low)
            if d is None and toks[k].text.isdigit():
                d = int(toks[k].text)
            if d and num < d <= 100:
                return num / d, k + 1
    two = " ".join(t.low for t in toks[i:i + 2]) if i + 1 < n else ""
    three = "".join(t.low for t in toks[i:i + 3]) if i + 2 < n else ""  # two - thirds
    if three in ("two-thirds", "three-quarters", "one-third", "one-quarter", "one-fifth"):
        return V.FRACTIONS[three], i + 3
    if two in V.FRACTIONS:
        return V.FRACTIONS[two], i + 2
    if w == "half":
        return 0.5, i + 1
    return None


def _range_low(toks: list[_Tok], i: int, v: float, mult: float) -> float | None:
    """The low end of a range whose high end carries the scale ("21-22 million", "4.5-6
    million", "4.5 to 6 million"): its value in persons, or None."""
    n = len(toks)
    if mult != 1.0 or i + 3 >= n or toks[i + 1].text not in ("-", "\u2013", "to"):
        return None
    hi = toks[i + 2]
    if not hi.text[0].isdigit() or _digit_value(hi.text) != (_digit_value(hi.text)[0], 1.0) \
            or toks[i + 3].low not in ("million", "billion"):
        return None
    if toks[i + 1].text != "to" and not (toks[i + 1].start == toks[i].end and hi.start == toks[i + 1].end):
        return None  # "21 - 22 million" with spaces is rare; keep to the joined form
    return v * V.SCALES[toks[i + 3].low] if v < _digit_value(hi.text)[0] else None


def find_numbers(s: str) -> list[Number]:
    """Every number phrase in sentence *s*, left to right, non-overlapping."""
    s_read = _normalise_separators(s)
    toks = _tokens(s_read)
    out: list[Number] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        low = t.low
        # digits
        if t.text[0].isdigit() and _footnote_mark(s, t):
            i += 1
            continue
        if t.text[0].isdigit():
            dv = _digit_value(t.text)
            if dv is None:
                i += 1
                continue
            v, mult = dv
            j = i + 1
            if mult == -1.0:
                kind = "ordinal" if not (
                    (i > 0 and toks[i - 1].low in _MONTH_WORDS)
                    or (j < n and (toks[j].low in _MONTH_WORDS or toks[j].low == "of"))) \
                    else "date_part"
                out.append(Number(t.start, t.end, v, kind, t.text))
                i = j
                continue
            rl = _range_low(toks, i, v, mult)
            if rl is not None:  # "21-22 million": the low end takes the high end's scale
                out.append(Number(t.start, t.end, rl, "count", t.text))
                i = j
                continue
            # "1 in 5"
            fr = _fraction(s, toks, i) if low == "1" else None
            if fr is not None:
                out.append(Number(t.start, toks[fr[1] - 1].end, fr[0], "share",
                                  s[t.start:toks[fr[1] - 1].end]))
                i = fr[1]
                continue
            # "the 5-million mark" (a hyphen joins digits and scale); "4 and a half million"
            if mult == 1.0 and j + 1 < n and toks[j].text == "-" and toks[j].start == t.end \
                    and toks[j + 1].start == toks[j].end and toks[j + 1].low in ("million", "billion", "thousand"):
                out.append(Number(t.start, toks[j + 1].end, v * V.SCALES[toks[j + 1].low], "count",
                                  s[t.start:toks[j + 1].end]))
                i = j + 2
                continue
            if mult == 1.0 and j + 3 < n and [x.low for x in toks[j:j + 3]] == ["and", "a", "half"] \
                    and toks[j + 3].low in ("million", "billion", "thousand"):
                out.append(Number(t.start, toks[j + 3].end, (v + 0.5) * V.SCALES[toks[j + 3].low], "count",
                                  s[t.start:toks[j + 3].end]))
                i = j + 4
                continue
            if j < n and toks[j].low in ("million", "millions", "billion", "thousand", "hundred") \
                    and mult == 1.0:
                v *= V.SCALES[toks[j].low]
                j += 1
                out.append(Number(t.start, toks[j - 1].end, v, "count", s[t.start:toks[j - 1].end]))
                i = j
                continue
            v *= mult
            if j < n and toks[j].text == "\u00bd" and toks[j].start == t.end:
                out.append(Number(t.start, toks[j].end, v + 0.5, "count", s[t.start:toks[j].end]))
                i = j + 1
                continue
            if j < n and toks[j].text == "%":
                out.append(Number(t.start, toks[j].end, v / 100, "share", s[t.start:toks[j].end]))
                i = j + 1
                continue
            if j + 2 < n and toks[j].text == "-" and toks[j + 1].low == "per" and toks[j + 2].low == "cent":
                out.append(Number(t.start, toks[j + 2].end, v / 100, "share", s[t.start:toks[j + 2].end]))
                i = j + 3  # "a 63-per cent increase"
                continue
            if j + 1 < n and toks[j].low == "per" and toks[j + 1].low in ("cent", "centum"):
                out.append(Number(t.start, toks[j + 1].end, v / 100, "share",
                                  s[t.start:toks[j + 1].end]))
                i = j + 2
                continue
            if j < n and toks[j].low == "percent":
                out.append(Number(t.start, toks[j].end, v / 100, "share", s[t.start:toks[j].end]))
                i = j + 1
                continue
            if mult == 1.0 and _POINT_THOUSANDS.fullmatch(t.text):
                v = float(t.text.replace(".", ""))  # "306.887 civilians": a point as separator
            plain = re.fullmatch(r"\d{4}", t.text) is not None
            if plain and 1900 <= v <= 2099 and mult == 1.0:
                kind = "year"
            elif v <= 31 and mult == 1.0 and re.fullmatch(r"\d{1,2}", t.text) and (
                    (i > 0 and toks[i - 1].low in _MONTH_WORDS)
                    or (i > 1 and toks[i - 1].text == "." and toks[i - 2].low in _MONTH_WORDS)
                    or (j < n and toks[j].low in _MONTH_WORDS)
                    or (j + 1 < n and toks[j].text == "-" and toks[j + 1].text.isdigit())):
                kind = "date_part"
            else:
                kind = "count"
            out.append(Number(t.start, t.end, v, kind, t.text))
            i = j
            continue
        fs = _fraction_of_scale(toks, i)
        if fs is not None:
            out.append(Number(t.start, toks[fs[1] - 1].end, fs[0], "count", s[t.start:toks[fs[1] - 1].end]))
            i = fs[1]
            continue
        # "one in five", "a quarter", "half" (shares) vs "half a million" (count)
        cands = []
        if low in ("half", "a", "quarter", "third"):
            cands = [("count", _spelled), ("share", _fraction)]
        elif low in ("one", "two", "three") or (low in V.UNITS and low not in ("a", "an", "zero")):
            cands = [("share", _fraction), ("count", _spelled)]
        elif low in _NUMBER_WORDS:
            cands = [("count", _spelled)]
        hit = None
        for kind, fn in cands:
            r = fn(s, toks, i) if fn is _fraction else fn(toks, i)
            if r is None:
                continue
            v, j = r
            if kind == "count" and low in ("one", "a", "an") and j == i + 1:
                continue  # a bare "one"/"a" is not a number
            hit = (kind, v, j)
            break
        if hit is not None:
            kind, v, j = hit
            if kind == "count" and j < n and (toks[j].text == "%" or toks[j].low == "percent"):
                kind, v, j = "share", v / 100, j + 1
            elif kind == "count" and j + 1 < n and toks[j].low == "per" and toks[j + 1].low == "cent":
                kind, v, j = "share", v / 100, j + 2
            out.append(Number(t.start, toks[j - 1].end, v, kind, s[t.start:toks[j - 1].end]))
            i = j
            continue
        if low in V.ORDINALS and low.isalpha():
            out.append(Number(t.start, t.end, float(V.ORDINALS[low]), "ordinal", t.text))
        i += 1
    if s_read != s:  # the text as written, not as read ("6·1 million", "585 000")
        out = [Number(x.start, x.end, x.value, x.kind, s[x.start:x.end]) for x in out]
    return out
