"""How far a running total could have grown since its last count: the pace bound shared by
COMPARATOR_RULES['earlier_only'] and ['running_bracket'] (persons per day)."""
from __future__ import annotations

import pandas as pd

from syriastats.claims.rules import EARLIER_PACE_FACTOR, EARLIER_PACE_MIN_DAYS
from syriastats.claims.target import Target

#: How an explanation starts when earlier_only's pace bound makes a claim overstated.
PACE_OVER: str = "Overstated (rule: earlier_only):"
#: The same, quoted after a later rule replaced that verdict (it is no longer the verdict).
PACE_BEFORE: str = "Before that, the pace bound gave overstated (rule: earlier_only):"


def pace_bound(row: pd.Series, value: float, t: Target, gap: int | None = None
               ) -> tuple[int, float, float] | None:
    """(days the total covers, its average pace in persons a day, the most it could reach by
    the claim's date) for a running total that counted *value* by ``row['period_end']``:
    *value* plus EARLIER_PACE_FACTOR times that pace times *gap* (days from its end to
    ``t.end`` when not given). The span runs from ``row['period_start']``, else the claim's
    start. None when it is unknown or shorter than EARLIER_PACE_MIN_DAYS: no pace yet."""
    start = row.get("period_start")
    start = t.start if start is None or pd.isna(start) else pd.Timestamp(start)
    if start is None or pd.isna(start) or pd.isna(row.get("period_end")):
        return None
    days = (pd.Timestamp(row["period_end"]) - start).days
    if days < EARLIER_PACE_MIN_DAYS:
        return None
    if gap is None:
        gap = max((t.end - pd.Timestamp(row["period_end"])).days, 0)
    pace = value / days
    return days, pace, value + EARLIER_PACE_FACTOR * pace * gap


def within_pace(row: pd.Series, value: float, t: Target, v: float) -> bool:
    """Could the running total of :func:`pace_bound` have reached *v* by the claim's date?
    (True when it has no pace yet.)"""
    b = pace_bound(row, value, t)
    return b is None or v <= b[2]
