"""How far a running total could have grown since its last count: the pace bound shared by
COMPARATOR_RULES['earlier_only'] and ['running_bracket'] (persons per day)."""
from __future__ import annotations

import pandas as pd

from syriastats.claims.rules import EARLIER_PACE_FACTOR, EARLIER_PACE_MIN_DAYS
from syriastats.claims.target import Target


def within_pace(row: pd.Series, value: float, t: Target, v: float) -> bool:
    """Could a running total that counted *value* (persons) by ``row['period_end']`` have
    reached *v* by the claim's date ``t.end``, growing at most EARLIER_PACE_FACTOR times its
    average pace so far (*value* over the days from its start, ``row['period_start']`` or
    the claim's start)? True when that span is shorter than EARLIER_PACE_MIN_DAYS: a series
    so young has no pace yet."""
    start = row.get("period_start")
    start = t.start if start is None or pd.isna(start) else pd.Timestamp(start)
    if start is None or pd.isna(start) or pd.isna(row.get("period_end")):
        return True
    days = (pd.Timestamp(row["period_end"]) - start).days
    if days < EARLIER_PACE_MIN_DAYS:
        return True
    gap = max((t.end - pd.Timestamp(row["period_end"])).days, 0)
    return v <= value + EARLIER_PACE_FACTOR * value / days * gap
