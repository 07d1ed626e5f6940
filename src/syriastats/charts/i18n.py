"""Words, numbers and dates of the news charts in English and Arabic, from one catalog.

Every text a news chart draws comes from ``i18n.json`` next to this module:
``strings`` (key -> ``{"en": ..., "ar": ...}``, with ``str.format``
placeholders filled from the data), ``months``, and the names of
governorates, host countries, perpetrators and publishers. The catalog is
the one file a translator reviews; its ``_about`` block records its status.

Numbers and dates, Arabic: Western digits (0-9) with a comma for thousands,
as Al Jazeera, SANA, Enab Baladi and UNHCR's and OCHA's Arabic Syria
products print them (``DIGITS = "western"``); Arabic-Indic digits
(``"arabic_indic"``: ٠١٢٣٤٥٦٧٨٩ with ٬ for thousands and ٫ for decimals) are
one switch away. Months use the Levantine names (كانون الثاني ... كانون الأول)
used in Syria. Scale words: ألف (thousand) and مليون (million).

Matplotlib 3.11 shapes Arabic and orders it right to left itself (libraqm):
strings are kept in logical order and never passed through arabic-reshaper
or python-bidi, which would reverse them.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

CATALOG_PATH: Path = Path(__file__).with_name("i18n.json")
#: How Arabic cuts print digits: "western" (0-9) or "arabic_indic" (٠-٩).
DIGITS: str = "western"
LANGS: tuple[str, ...] = ("en", "ar")

_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


@functools.lru_cache(maxsize=1)
def catalog() -> dict[str, Any]:
    """The parsed catalog (cached)."""
    return json.loads(CATALOG_PATH.read_text(encoding="utf-8"))


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The catalog string *key* in *lang*, with ``{placeholders}`` filled from *values*.

    Raises ``KeyError`` naming the key and language when the catalog lacks it.
    """
    entry = catalog()["strings"].get(key)
    if entry is None or lang not in entry:
        raise KeyError(f"i18n.json has no {lang!r} text for {key!r}")
    return entry[lang].format(**values)


def name(kind: str, code: str, lang: str = "en") -> str:
    """Name of a governorate (``kind='area'``), host country (``'host'``) or perpetrator (``'perpetrator'``).

    Raises ``KeyError`` naming the code when the catalog lacks it.
    """
    table = catalog()["names"][kind]
    if code not in table or lang not in table[code]:
        raise KeyError(f"i18n.json names.{kind} has no {lang!r} name for {code!r}")
    return table[code][lang]


def publisher(full_name: str, lang: str = "en") -> str:
    """A publisher's credit name: the catalog's entry, else the registry name cleaned up.

    Registry names carry remarks in brackets (``'Amnesty International
    (compiling UNHCR, OCHA and IOM figures)'``); the credit keeps the name
    and a bracketed acronym (``'Syrian Observatory for Human Rights (SOHR)'``),
    an author list becomes "First et al. (journal)". Arabic falls back to
    the English credit name (organisations' Latin names and acronyms are
    printed as such in Arabic media) when the catalog has no Arabic name.
    """
    from syriastats.charts.style import source_name

    table = catalog()["names"]["publisher"]
    entry = table.get(full_name)
    if entry and lang in entry:
        return entry[lang]
    base = " ".join(str(full_name).split())
    if "(" in base:
        head, _, rest = base.partition(" (")
        inner = rest.rstrip(")")
        if inner.isupper() and len(inner) <= 12:
            return base
        if "," in head:
            return source_name(base)
        return head
    return base


def publisher_short(acronym: str, lang: str = "en") -> str:
    """A publisher's short name in running text (titles, subtitles, keys).

    *acronym* is the short English label (``'SOHR'``, ``'UN OCHA'``; see
    :func:`syriastats.charts.style.short_publisher`). English keeps it; Arabic
    uses the short name Arabic media use (``'SOHR' -> 'المرصد السوري'``) from
    ``names.publisher_short``, and the acronym itself only for a publisher the
    catalog does not name.
    """
    entry = catalog()["names"].get("publisher_short", {}).get(acronym)
    if entry and entry.get(lang):
        return str(entry[lang])
    return acronym


def digits(text: str, lang: str) -> str:
    """*text* with digits as *lang* prints them (see :data:`DIGITS`)."""
    if lang == "ar" and DIGITS == "arabic_indic":
        return text.translate(_INDIC)
    return text


def count(x: float, lang: str = "en") -> str:
    """A count in full with thousands separators: ``528592 -> '528,592'``."""
    return digits(f"{x:,.0f}", lang)


def _trim(v: float, nd: int) -> str:
    s = f"{v:.{nd}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def compact(x: float, lang: str = "en") -> str:
    """An axis number in few characters: ``2_000_000 -> '2m'``, ``500_000 -> '500k'`` (Arabic: مليون, ألف)."""
    ax = abs(x)
    if ax >= 1e6:
        v, unit = x / 1e6, ("m" if lang == "en" else " " + t("million", "ar"))
        nd = 1 if ax < 1e7 else 0
    elif ax >= 1e3:
        v, unit = x / 1e3, ("k" if lang == "en" else " " + t("thousand", "ar"))
        nd = 0
    else:
        return digits(_trim(x, 0), lang)
    return digits(_trim(v, nd), lang) + unit


def big(x: float, lang: str = "en") -> str:
    """A number for a title: millions in words with one decimal (``'4.5 million'``), else in full."""
    if abs(x) >= 1e6:
        return digits(_trim(x / 1e6, 1), lang) + " " + t("million", lang)
    return count(x, lang)


def share(x: float, lang: str = "en") -> str:
    """A fraction as a whole percentage: ``0.512 -> '51%'`` (Arabic: ``'51٪'``)."""
    return digits(f"{100 * x:.0f}", lang) + ("%" if lang == "en" else "٪")


def month(ts: Any, lang: str = "en") -> str:
    """``'December 2024'`` / ``'كانون الأول 2024'``."""
    ts = pd.Timestamp(ts)
    return f"{catalog()['months'][lang][ts.month - 1]} {digits(str(ts.year), lang)}"


def day(ts: Any, lang: str = "en") -> str:
    """``'8 December 2024'`` / ``'8 كانون الأول 2024'``."""
    ts = pd.Timestamp(ts)
    return f"{digits(str(ts.day), lang)} {month(ts, lang)}"


def year(y: Any, lang: str = "en") -> str:
    """A year as *lang* prints it."""
    return digits(str(int(y)), lang)


def missing_keys(lang: str = "ar") -> list[str]:
    """Catalog strings and names with no *lang* text (an empty list when complete)."""
    cat = catalog()
    out = [k for k, v in cat["strings"].items() if lang not in v or not v[lang].strip()]
    for kind in ("area", "host", "perpetrator", "publisher_short"):
        out += [f"names.{kind}.{k}" for k, v in cat["names"][kind].items() if not v.get(lang)]
    return out


def is_finite(x: Any) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


__all__ = ["CATALOG_PATH", "DIGITS", "LANGS", "big", "catalog", "compact", "count", "day", "digits",
           "missing_keys", "month", "name", "publisher", "share", "t", "year"]
