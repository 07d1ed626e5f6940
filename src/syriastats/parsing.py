"""One reading of the text in the registry's CSV files: bytes, numbers and dates.

:mod:`syriastats.validate` (what is accepted) and :mod:`syriastats.sources` (what is
loaded) both call the functions here, so a cell that validation accepts is read by
the loader to the same value, and a cell the loader could not read is rejected by
validation with a message naming file, row and column.

Decisions (see README, "Limits and bad input"):

* **Numbers** are written as in English-language CSV files: ASCII digits ``0-9``, an
  optional sign, an optional decimal point ``.`` and an optional exponent
  (``2.5e5``). Rejected, each with its own message: thousands separators
  (``1,000``, ``1 000``), Python's digit grouping (``1_000``), non-ASCII digits
  (full-width ``４００``, Arabic-Indic ``٤٠٠``), words, ``inf``/``nan`` and numbers
  too large for a float. Normalising them silently would make ``1,000`` ambiguous
  (one thousand, or one in a European file?) and hide copy-paste damage.
* **Dates** are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (first and last day of the
  stated period) and must lie within the range pandas can hold
  (:data:`DATE_MIN` .. :data:`DATE_MAX`); a date whose first day is after today is
  "in the future" (:func:`future_problem`: after the date in the time zone furthest ahead,
  so the verdict does not depend on where the check runs).
* **Files** are UTF-8 (a UTF-8 byte-order mark is fine and dropped). UTF-16/UTF-32
  (with or without byte-order mark) and Latin-1/Windows-1252 are named in the error,
  not guessed at. Files are at most :data:`MAX_FILE_BYTES`, cells at most
  :data:`MAX_CELL_CHARS` characters.
"""
from __future__ import annotations

from functools import lru_cache

import math
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import Any

#: Largest CSV file read (bytes): about 100 MB, far above the registry (< 1 MB) and a
#: 100,000-claim file (~30 MB); larger files are refused before they are read.
MAX_FILE_BYTES: int = 100_000_000

#: Longest cell (characters). The longest note in the registry is under 2,000; a cell
#: of more than 10,000 characters is a broken file (an unclosed quote) or an attack.
MAX_CELL_CHARS: int = 10_000

#: Longest echo of a cell's value in an error message (characters).
MAX_ECHO_CHARS: int = 60

#: Earliest and latest day pandas' ``datetime64[ns]`` can hold (pd.Timestamp.min/max).
DATE_MIN: date = date(1677, 9, 22)
DATE_MAX: date = date(2262, 4, 11)

_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_NUMBER_RE = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


class ParseError(ValueError):
    """A cell or file cannot be read as asked; the message says why (no location)."""


# ------------------------------------------------------------------------------ echo


def show(value: Any, limit: int = MAX_ECHO_CHARS) -> str:
    """``repr`` of *value* for an error message, cut to about *limit* characters.

    ``show("x" * 10**6)`` -> ``'xxxx'... (1,000,000 characters)``.
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


# --------------------------------------------------------------------------- numbers


def number_problem(text: str) -> str | None:
    """Why *text* is not a number as this suite writes them, or ``None`` if it is one."""
    t = text.strip()
    if _NUMBER_RE.match(t):
        try:
            v = float(t)
        except (ValueError, OverflowError):  # pragma: no cover - the pattern excludes these
            return f"not a number: {show(t)}"
        if not math.isfinite(v):
            return f"{show(t)} is too large for a number (above about 1.8e308)"
        return None
    bad = next((ch for ch in t if ch.isdigit() and not "0" <= ch <= "9"), None)
    if bad is not None:
        name = unicodedata.name(bad, "a non-ASCII digit").lower()
        return (f"not a number: {show(t)} contains the non-ASCII digit {bad!r} (U+{ord(bad):04X}, "
                f"{name}); write ASCII digits 0-9")
    if "_" in t and _NUMBER_RE.match(t.replace("_", "")):
        return f"not a number: {show(t)} (digit groups with '_' are not read; write {t.replace('_', '')})"
    if re.fullmatch(r"[+-]?[0-9]{1,3}(?:[, ' ][0-9]{3})+(?:\.[0-9]+)?", t):
        plain = re.sub(r"[, ' ]", "", t)
        return (f"not a number: {show(t)} (no thousands separators: write {plain})")
    if t.lower().lstrip("+-") in ("inf", "infinity", "nan"):
        return f"not a number: {show(t)} (a figure must be a finite number)"
    return (f"not a number: {show(t)} (write ASCII digits only, with '.' for decimals; "
            "no thousands separators or words)")


def parse_number(text: str) -> float:
    """*text* as a finite float; raises :class:`ParseError` saying why not."""
    why = number_problem(text)
    if why is not None:
        raise ParseError(why)
    return float(text.strip())


def number_or_none(text: Any) -> float | None:
    """*text* as a float, or ``None`` if it is empty, missing or not a number."""
    if not isinstance(text, str) or not text.strip() or number_problem(text) is not None:
        return None
    return float(text.strip())


# ----------------------------------------------------------------------------- dates


@lru_cache(maxsize=8192)  # archives repeat dates: parsed once each (memory bounded)
def _bounds(text: str) -> tuple[date, date] | None:
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            first = date(y, mo, 1)
            if mo == 12:
                return first, date(y, 12, 31)
            return first, date.fromordinal(date(y, mo + 1, 1).toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def date_problem(text: str) -> str | None:
    """Why *text* (``YYYY[-MM[-DD]]``) is not a readable date, or ``None``.

    Only texts of that form are judged (the column's pattern reports other forms):
    not a real calendar date (``2016-02-30``), or outside :data:`DATE_MIN` ..
    :data:`DATE_MAX` (``9999-12-31``, ``1500-06``).
    """
    return _date_problem(text.strip())


@lru_cache(maxsize=8192)
def _date_problem(t: str) -> str | None:
    if not _DATE_RE.match(t):
        return None
    b = _bounds(t)
    if b is None:
        return f"{show(t)} is not a real calendar date"
    if b[0] < DATE_MIN or b[1] > DATE_MAX:
        return (f"{show(t)} is outside the dates this suite can read "
                f"({DATE_MIN.isoformat()} to {DATE_MAX.isoformat()})")
    return None


def parse_date_bounds(text: str) -> tuple[date, date] | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into (first day, last day).

    A year means 1 January to 31 December, a month its first to last day, a
    day itself. Returns ``None`` if *text* is not a real calendar date in one of
    those forms (e.g. ``2016-02-30``) or lies outside :data:`DATE_MIN` ..
    :data:`DATE_MAX`.
    """
    if not isinstance(text, str) or date_problem(text) is not None:
        return None
    return _bounds(text)


def parse_date_column(col: Any, end: str = "first") -> Any:
    """A column of ``YYYY[-MM[-DD]]`` texts as ``datetime64``: each text's first day
    (``end="first"``) or last day (``end="last"``); unparsable, out-of-range or
    missing -> NaT (never raises). A ``datetime64`` column is returned unchanged."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col):
        return col
    idx = 0 if end == "first" else 1
    out = []
    for t in col:
        b = parse_date_bounds(t) if isinstance(t, str) else None
        out.append(pd.Timestamp(b[idx]) if b else pd.NaT)
    return pd.Series(out, index=getattr(col, "index", None), dtype="datetime64[ns]")


def latest_today() -> date:
    """The calendar date in the time zone furthest ahead (UTC+14): no one anywhere can
    yet have written a later date, so the future check does not depend on the machine's
    time zone (a source read today in Asia is not "in the future" in America)."""
    return (datetime.now(timezone.utc) + timedelta(hours=14)).date()


def future_problem(text: str, today: date | None = None) -> str | None:
    """A message if the stated period of *text* begins after *today* (default:
    :func:`latest_today`)."""
    b = parse_date_bounds(text)
    today = today or latest_today()
    if b and b[0] > today:
        return f"{show(text.strip())} is in the future (today is {today.isoformat()})"
    return None


# ----------------------------------------------------------------------------- bytes


def _utf16_without_bom(raw: bytes) -> str | None:
    """'little-endian' / 'big-endian' if *raw* looks like BOM-less UTF-16 text."""
    head = raw[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "little-endian"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "big-endian"
    return None


def decode_text(raw: bytes) -> str:
    """*raw* bytes of a CSV file as text; raises :class:`ParseError` naming the encoding.

    UTF-8, with or without a byte-order mark (dropped). UTF-32 and UTF-16 (with a
    byte-order mark, or without one when every other byte is zero) are named and
    refused, as is any other text that is not UTF-8 (named as probably Latin-1 /
    Windows-1252 when it has bytes 0x80-0xFF and no zero bytes). The message of a
    decoding error carries the line (``line N:``).
    """
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise ParseError("the file is UTF-32 (byte-order mark found); save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "little-endian" if raw.startswith(b"\xff\xfe") else "big-endian"
        raise ParseError(f"the file is UTF-16 ({order}, byte-order mark found); save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    order = _utf16_without_bom(raw)
    if order:
        raise ParseError(f"the file looks like UTF-16 ({order}, no byte-order mark: every other "
                         "byte is zero); save it as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = ("; it looks like Latin-1 / Windows-1252" if b"\x00" not in raw else "")
        raise ParseError(f"line {line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start}){guess}; save the file as UTF-8") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ParseError(f"line {line}: the file contains a zero byte (NUL): not a text file")
    return text
