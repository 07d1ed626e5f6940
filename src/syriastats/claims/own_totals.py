"""A number that repeats an older total of a running series the same publisher had since
passed (COMPARATOR_RULES['own_floor'] applied to COMPARATOR_RULES['unattributed_match']):
the newer total of that series, and the verdict it gives."""
from __future__ import annotations

from typing import Any

import pandas as pd

from syriastats.claims.bounds import (
    BRACKET_MEASURES, ROUNDING, _Bound, _bound_value, _candidates, _claim_range, _label, _set,
    _text,
)
from syriastats.claims.phrases import _day, _figure_label, _num
from syriastats.claims.rules import VERDICT_CLASSES
from syriastats.claims.selecting import _series_key
from syriastats.claims.target import Target


def newer_own_total(fig: pd.Series, est: pd.DataFrame, t: Target, known: str,
                    cutoff: pd.Timestamp, x: float, comparator: str, about_tol: float
                    ) -> _Bound | None:
    """The total of *fig*'s own series (publisher and method; the claim's host, area, group
    and start) counted after *fig* and by the claim's date that lies above the claim (the
    highest; None if none): a number that repeats *fig* (COMPARATOR_RULES
    ['unattributed_match']) is then out of date on the claim's date by that publisher's own
    count (COMPARATOR_RULES['own_floor']). As known then only totals published by *cutoff*
    count. Running totals of BRACKET_MEASURES only."""
    if t.period_type != "cumulative" or t.measure not in BRACKET_MEASURES or t.start is None \
            or pd.isna(t.start) or comparator not in ("about", "at_most", "less_than"):
        return None
    z = _claim_range(x, comparator, about_tol)[1]
    rows = _candidates(est, t, known, cutoff)
    if rows.empty:
        return None
    key = _series_key(fig.to_frame().T).iloc[0]
    own = (_series_key(rows) == key) & (rows["period_end"] > fig["period_end"]) \
        & (rows["period_end"] <= t.end) & (rows["period_start"] >= t.start)
    if "host" in rows.columns:
        own &= rows["host"].astype(object).map(_text) == _text(t.host)
    if known == "then":
        own &= ~(rows["published"] > cutoff)
    best: _Bound | None = None
    for _, r in rows[own].iterrows():
        v = _bound_value(r, about_tol, "floor")
        if v is not None and z < v * (1 - ROUNDING) and (best is None or v > best.value):
            best = _Bound(v, r, False, _text(t.host))
    return best


def outdated_match(rec: dict[str, Any], newer: _Bound, fig: pd.Series, t: Target) -> dict[str, Any]:
    """*rec* (as judged before the unattributed match) made below_all by *newer*, the later
    total of the matched figure *fig*'s own series (:func:`newer_own_total`)."""
    m = str(rec["measure"])
    old = rec["verdict"]
    return _set(rec, "below_all", "below", t, newer, None, (
        f"Understated (rule: own_floor): the number repeats {_figure_label(fig)}, but the same "
        f"series had counted {_num(newer.value, m)} by {_day(newer.row['period_end'])} "
        f"({_label(newer, t)}), before the claim's date {_day(t.end)}; a running total of one "
        f"series only grows, so this later total overruled the match (rule: "
        f"unattributed_match; without it the verdict would be consistent; against the "
        f"pooled figures it was {old}, {VERDICT_CLASSES[old]})."), False)
