"""Running totals (counted from a fixed start: deaths since 2011, returns since the fall of
Assad) only grow: a total counted to a much later date cannot show a claim too low, and one
counted over a small part of the claim's period cannot show it too high."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _day
from syriastats.claims.selecting import _days_from
from syriastats.claims.target import Target
from syriastats.claims_index import concat

#: A running total counted to more than this many days after the claim's date is an upper
#: bound only (see :func:`_later_totals_only`).
LATER_TOTAL_DAYS: int = 31


def _later_totals_only(same: pd.DataFrame, broad: pd.DataFrame, t: Target, as_of: pd.Timestamp,
                       measure: str) -> str:
    """Why a running total cannot be called too low ('' if it can): every comparable total
    is counted to a date more than :data:`LATER_TOTAL_DAYS` after the claim's.

    A total counted from a fixed start (returns since 8 December 2024, deaths since 2011)
    only grows, so a total to a later date is an upper bound on the claim's: it can show the
    claim too high, never too low (the returns counted by April were twice those of
    January).
    """
    if t.period_type != "cumulative":
        return ""
    rows = concat([same, broad]) if not broad.empty else same
    if rows.empty or "period_end" not in rows.columns:
        return ""
    days = _days_from(rows, as_of)
    delta = days if days is not None else (rows["period_end"] - as_of).dt.days.to_numpy()
    if not (delta > LATER_TOTAL_DAYS).all():
        return ""
    first = rows.iloc[int(np.argmin(delta))]
    return (f"no figure for {measure} counted to within {LATER_TOTAL_DAYS} days of "
            f"{_day(as_of)}: the comparable totals run to later dates (the first, "
            f"{first['estimate_id']}, to {_day(first['period_end'])}), and a running total only "
            "grows, so they cannot show the claim too low.")


def _earlier_totals_only(same: pd.DataFrame, broad: pd.DataFrame, t: Target,
                         as_of: pd.Timestamp, measure: str) -> str:
    """Why a running total cannot be called too high ('' if it can): every comparable total
    is counted to an earlier date and covers less than :data:`EARLIER_TOTAL_COVERAGE` of the
    claim's period (from its start to its date).

    The mirror of :func:`_later_totals_only`: a total that only grows, counted to an earlier
    date, is a lower bound on the claim's. Over most of the period it is still a fair
    comparison (deaths since 2011 counted to May 2016, for a claim of August 2016); over a
    small part of it, it is not (refugee returns since the fall of Assad counted to January
    2025 were a fifth of June's).
    """
    if t.period_type != "cumulative" or t.start is None or pd.isna(t.start):
        return ""
    rows = concat([same, broad]) if not broad.empty else same
    if rows.empty or "period_end" not in rows.columns:
        return ""
    span = (as_of - t.start).days
    if span <= 0:
        return ""
    days = _days_from(rows, as_of)
    delta = days if days is not None else (rows["period_end"] - as_of).dt.days.to_numpy()
    if (delta >= 0).any():
        return ""
    covered = (span + delta) / span  # share of the claim's period each total counts
    best = int(np.argmax(covered))
    if covered[best] >= EARLIER_TOTAL_COVERAGE:
        return ""
    last = rows.iloc[best]
    return (f"the comparable totals of {measure} are counted to earlier dates, the latest "
            f"({last['estimate_id']}) to {_day(last['period_end'])}, {-int(delta[best])} days "
            f"before {_day(as_of)}: {covered[best]:.0%} of the claim's period from "
            f"{_day(t.start)}. A running total only grows, so they cannot show the claim too "
            "high.")


#: An earlier running total is compared with a claim only when it counts at least this
#: share of the claim's period (see :func:`_earlier_totals_only`).
EARLIER_TOTAL_COVERAGE: float = 0.9
