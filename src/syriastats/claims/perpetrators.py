"""COMPARATOR_RULES['perpetrator']: why a claim about the victims of one perpetrator found
no figure to compare with, and which of that perpetrator's figures lie outside its date
window."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats.claims.positions import arrays, labels_of, nearest_positions
from syriastats.claims.rules import (
    CUMULATIVE_WINDOW_AFTER_DAYS, CUMULATIVE_WINDOW_BEFORE_DAYS, DATE_RULES, STOCK_WINDOW_DAYS,
)
from syriastats.claims.target import Target
from syriastats.claims_index import per_frame, take


def perpetrator_problem(perp: str, measure: str, outside: str = "") -> str:
    """Why a claim about the victims of one perpetrator (optional column ``perpetrator``, a
    registry perpetrator code other than ``all``) is not compared when the registry holds no
    figure of that perpetrator's victims for its period and group: a figure for all of them
    is never compared with one perpetrator's share (COMPARATOR_RULES['perpetrator']).
    *outside*: the labels of that perpetrator's figures of the claim's measure, area, group
    and kind of period whose dates lie outside the claim's date window ('' if none), and the
    window's rule: then the reason is the date, not the perpetrator."""
    if outside:
        return (f"the claim counts {measure} of the victims of one perpetrator ({perp}) only; "
                "the registry holds no figure of that perpetrator's victims with the claim's "
                f"area and group within the claim's date window (it has {outside}), and a "
                "figure of all perpetrators' victims is never compared with one perpetrator's "
                "share of it (rule: perpetrator).")
    return (f"the claim counts {measure} of the victims of one perpetrator ({perp}) only; the "
            "registry holds no figure of that perpetrator's victims with the claim's period, "
            "area and group, and a figure of all perpetrators' victims is never compared with "
            "one perpetrator's share of it (rule: perpetrator).")


def outside_window(est: pd.DataFrame, kmask: np.ndarray, t: Target, date: str) -> str:
    """Labels of the knowable figures of the claim's perpetrator, measure, area, group and
    kind of period at any date (the nearest three), with the date window's rule; '' when
    there are none (COMPARATOR_RULES['perpetrator'])."""
    if "perpetrator" not in est.columns:
        return ""
    keep = kmask & ~arrays(est).ctx
    for col, want in (("measure", t.measure), ("perpetrator", t.perpetrator), ("area", t.area),
                      ("group", t.group), ("period_type", t.period_type)):
        if col in est.columns:
            keep &= (est[col].astype(object) == want).to_numpy(bool)
    if not keep.any():
        return ""
    rows = take(est, nearest_positions(est, np.flatnonzero(keep), t.end))
    return (per_frame("labels", rows, labels_of) + f"; none near {date}: rule: " + DATE_RULES
            .format(stock=STOCK_WINDOW_DAYS, before=CUMULATIVE_WINDOW_BEFORE_DAYS,
                    after=CUMULATIVE_WINDOW_AFTER_DAYS).split(". ")[
                0 if t.period_type != "cumulative" else 1])
