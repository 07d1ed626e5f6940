"""Words and numbers for prose: how the checker writes a number, a date, a claim and
a registry figure (used by the explanations and the tables)."""
from __future__ import annotations

import math
from typing import Any, Literal

import pandas as pd

from syriastats.validate import parse_date_column


def _dates(col: pd.Series, end: Literal["first", "last"]) -> pd.Series:
    """A date column as datetime64: parse ``YYYY[-MM[-DD]]`` text to its first/last day."""
    return parse_date_column(col.astype(object) if not
                             pd.api.types.is_datetime64_any_dtype(col) else col, end)


def _isnum(x: Any) -> bool:
    if x is None or x is pd.NA:
        return False
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _num(x: float, measure: str) -> str:
    """A number for prose: 470,000 / 4.8 million / 50% / 5.4 years."""
    if not _isnum(x):
        return "n/a"
    x = float(x)
    if measure.endswith("_share"):
        return f"{100 * x:.0f}%"
    if measure == "war_duration_years":
        return f"{x:.2f} years"
    if abs(x) >= 1e6:
        v = x / 1e6
        return f"{v:.3g} million" if abs(v) < 100 else f"{v:.0f} million"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:g}"


def _claim_phrase(comparator: str, value: float, measure: str) -> str:
    if comparator == "highest_since":
        return f"the highest since {int(value)}"
    v = _num(value, measure)
    return {"about": f"about {v}", "at_least": f"more than {v}", "at_most": f"as many as {v}",
            "share_about": f"about {v}", "share_at_least": f"more than {v}",
            "share_at_most": f"as much as {v}", "less_than": f"fewer than {v}"}.get(comparator, v)


def _day(ts: Any) -> str:
    """A date as YYYY-MM-DD ('undated' when missing); each distinct date formatted once."""
    try:
        key = (type(ts), ts)
        hit = _DAYS.get(key)
    except TypeError:  # not hashable
        return _format_day(ts)
    if hit is None:
        if len(_DAYS) >= 100_000:
            _DAYS.clear()
        hit = _DAYS[key] = _format_day(ts)
    return hit


_DAYS: dict[tuple[type, Any], str] = {}


def _format_day(ts: Any) -> str:
    return pd.Timestamp(ts).strftime("%Y-%m-%d") if pd.notna(ts) else "undated"


def _present(x: Any) -> bool:
    return x is not None and x is not pd.NA and not (isinstance(x, float) and math.isnan(x)) \
        and str(x) != ""


def _figure_label(r: pd.Series) -> str:
    who = r.get("publisher") if _present(r.get("publisher")) else r.get("source_id")
    method = str(r.get("method", "")).replace("_", " ")
    c = r.get("central") if _isnum(r.get("central")) else None
    lo, hi = r.get("low"), r.get("high")
    m = str(r.get("measure"))
    if c is not None and _isnum(lo) and _isnum(hi):
        num = f"{_num(c, m)} ({_num(lo, m)}-{_num(hi, m)})"
    elif c is not None:
        num = _num(c, m)
    elif _isnum(lo) and _isnum(hi):
        num = f"{_num(lo, m)}-{_num(hi, m)}"
    else:
        num = _num(lo if _isnum(lo) else hi, m)
    q = str(r.get("qualifier"))
    num = {"at_least": "more than ", "at_most": "at most ", "approximately": "about "}.get(q, "") + num
    if _isnum(r.get("margin")):
        num += f" ±{100 * float(r['margin']):.0f}%"
    return (f"{who}: {num} ({method}, to {_day(r['period_end'])}, published "
            f"{_day(r['published'])}) [{r['estimate_id']}]")


def _duration_phrase(comparator: str, value: float) -> str:
    """'about 5 years' / 'more than 6 years' / 'at most 6 years' for a war-age claim."""
    word = {"about": "about", "at_least": "more than", "at_most": "at most",
            "less_than": "less than"}.get(
        comparator, comparator.replace("_", " "))
    return f"{word} {value:g} years"
