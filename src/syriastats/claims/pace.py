"""How far a running total could have grown since its last count: the one pace bound shared by
COMPARATOR_RULES['earlier_only'], ['running_bracket'], ['floor_unpublished'] and
['pace_then'] (persons per day)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.rules import EARLIER_PACE_FACTOR, EARLIER_PACE_MIN_DAYS
from syriastats.claims.target import Target

#: How an explanation starts when earlier_only's pace bound makes a claim overstated.
PACE_OVER: str = "Overstated (rule: earlier_only):"
#: The same, quoted after a later rule replaced that verdict (it is no longer the verdict).
PACE_BEFORE: str = "Before that, the pace bound gave overstated (rule: earlier_only):"


def reach_by(value: float, start: Any, end: Any, t: Target, gap: int | None = None,
             factor: float = EARLIER_PACE_FACTOR) -> tuple[int, float, float] | None:
    """(days the total covers, its average pace in persons a day, the most it could reach by
    the claim's date) for a running total that counted *value* (persons) from *start* (the
    claim's start when missing) to *end*: *value* plus *factor* times that pace times *gap*
    (days from *end* to ``t.end`` when not given, never negative). None when the span is
    unknown or shorter than EARLIER_PACE_MIN_DAYS: no pace yet. Scalars only (it runs per
    figure per claim)."""
    start = t.start if start is None or pd.isna(start) else pd.Timestamp(start)
    if start is None or pd.isna(start) or end is None or pd.isna(end):
        return None
    end = pd.Timestamp(end)
    days = (end - start).days
    if days < EARLIER_PACE_MIN_DAYS:
        return None
    if gap is None:
        gap = max((t.end - end).days, 0)
    pace = value / days
    return days, pace, value + factor * pace * gap


def ends(row: pd.Series) -> tuple[float | None, float | None]:
    """(low, high) a running total counted (persons): its range's ends, else its central
    value (None: no number)."""
    def num(k: str) -> float | None:
        try:
            v = float(row.get(k))
        except (TypeError, ValueError):
            return None
        return v if np.isfinite(v) else None
    c = num("central")
    lo, hi = num("low"), num("high")
    return (lo if lo is not None else c), (hi if hi is not None else c)


def pace_bound(row: pd.Series, value: float, t: Target, gap: int | None = None,
               factor: float = EARLIER_PACE_FACTOR) -> tuple[int, float, float] | None:
    """:func:`reach_by` of a registry row (its ``period_start`` and ``period_end``)."""
    return reach_by(value, row.get("period_start"), row.get("period_end"), t, gap, factor)


def within_pace(row: pd.Series, value: float, t: Target, v: float) -> bool:
    """Could the running total of :func:`pace_bound` have reached *v* by the claim's date?
    (True when it has no pace yet.)"""
    b = pace_bound(row, value, t)
    return b is None or v <= b[2]
