"""Archive scale: the selection of :mod:`syriastats.claims.selecting` on row positions.

A frame's columns are read into numpy arrays once (:class:`_Arrays`, cached per frame);
a claim's window, context and scope split, documented floors and one figure per series are
then computed on integer positions, and a frame is made (and shared,
:func:`syriastats.claims_index.take`) only for the figures finally compared, which claims
near one date have in common. Each function gives the rows its counterpart in
:mod:`~syriastats.claims.selecting` gives (tested through the checker's outputs)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims import selecting as _sel
from syriastats.claims.rules import (
    CUMULATIVE_WINDOW_AFTER_DAYS, STOCK_WINDOW_DAYS, WAR_START_MONTH,
)
from syriastats.claims.phrases import _figure_label, _present
from syriastats.claims.selecting import FLOOR_DATES, _dimension_mask, _ns, _series_key
from syriastats.claims.target import NEAR_FULL_GROUPS, Target
from syriastats.claims_index import _frame_cache, _key_value, array_cache, per_frame
from syriastats.reading import (
    CUMULATIVE_MEASURES, broader_scope_mask, full_group, is_context_only, is_partial,
)
from syriastats.reading import documented_floor as _reading_floor


class _Arrays:
    """Columns of one frame the selection reads, as numpy arrays."""

    def __init__(self, df: pd.DataFrame) -> None:
        n = len(df)
        self.end = df["period_end"].to_numpy("datetime64[ns]")
        self.start = df["period_start"].to_numpy("datetime64[ns]")
        self.measure = df["measure"].to_numpy(object)
        self.ctx = np.fromiter((bool(is_context_only(r)) for r in df["role"].to_numpy(object)),
                               bool, n) if "role" in df.columns else np.zeros(n, bool)
        self.broad = broader_scope_mask(df).to_numpy(bool)
        self.doc = df["method"].to_numpy(object) == "documented_count"
        self.central = pd.to_numeric(df["central"], errors="coerce").to_numpy(float) \
            if "central" in df.columns else np.full(n, np.nan)
        series = (df["_series"].to_numpy(object) if "_series" in df.columns
                  else _series_key(df).to_numpy(object))
        _, self.scode = np.unique(series, return_inverse=True) if n else (None, np.zeros(0, int))
        _, self.ecode = (np.unique(df["estimate_id"].astype(str).to_numpy(object),
                                   return_inverse=True) if n else (None, np.zeros(0, int)))
        self.negpub = -df["published"].to_numpy("datetime64[ns]").astype("int64")
        self.stock = (df["period_type"].to_numpy(object) == "stock"
                      if "period_type" in df.columns else None)
        self.pub = df["published"].to_numpy("datetime64[ns]")
        self.pub_sorted = np.sort(self.pub[~np.isnat(self.pub)])
        # superseded figures and where their successors are (reading.drop_superseded)
        self.sup: list[tuple[int, np.ndarray]] = []
        if "role" in df.columns and "superseded_by" in df.columns and n:
            ids = df["estimate_id"].astype(str).to_numpy(object)
            where: dict[str, list[int]] = {}
            for i, e in enumerate(ids):
                where.setdefault(e, []).append(i)
            role = df["role"].astype(str).to_numpy(object)
            succ = df["superseded_by"].astype(object).to_numpy(object)
            for i in np.flatnonzero(role == "superseded"):
                if _present(succ[i]):
                    self.sup.append((int(i), np.asarray(where.get(str(succ[i]), []), int)))
        self.floor_ok = "period_end_first" in df.columns
        self.floor_dates = {c: df[c].to_numpy("datetime64[ns]") for c in FLOOR_DATES
                            if c in df.columns}


def arrays(df: pd.DataFrame) -> _Arrays:
    """:class:`_Arrays` of *df*, made once per frame."""
    return per_frame("arrays", df, _Arrays)


def knowable_mask(est: pd.DataFrame, known: str, cutoff: pd.Timestamp) -> np.ndarray:
    """Boolean array over *est*: the rows of ``drop_superseded(_known_filter(est, known,
    cutoff))`` (what the claimant could know; a revision replaces what it revises once it
    is published)."""
    a = arrays(est)
    c = _ns(cutoff)
    # the mask changes only where the cut-off passes a publication date: computed once per
    # frame and number of figures published by the cut-off (read-only, shared)
    rank = ("nat" if np.isnat(c) else int(np.searchsorted(a.pub_sorted, c, "right"))) \
        if known == "then" else None
    return _frame_cache(("knowable", id(est), known, rank), (est,),
                        lambda: _knowable(a, known, c))


def _knowable(a: _Arrays, known: str, c: np.datetime64) -> np.ndarray:
    keep = a.pub <= c if known == "then" else np.ones(len(a.pub), bool)
    for i, succ in a.sup:
        if keep[i] and len(succ) and keep[succ].any():
            keep[i] = False
    keep.setflags(write=False)
    return keep


def _static_mask(df: pd.DataFrame, measure: str, host: Any, area: Any, group: Any,
                 period_type: Any, perpetrator: str = "all") -> np.ndarray:
    t = Target(measure, host, area, group, period_type, None, pd.Timestamp(0),
               perpetrator=perpetrator)
    keep = df["measure"].to_numpy(object) == measure
    return keep & _dimension_mask(df, t) if keep.any() else keep


def window_positions(est: pd.DataFrame, t: Target, among: np.ndarray | None = None
                     ) -> np.ndarray:
    """Positions (ascending) of the rows ``_window(est[among], t)`` selects (*among*: a
    boolean array over *est*, e.g. :func:`knowable_mask`; None: every row).

    Computed once per frame, target and *among* (claims of one date and measure share
    it); the array is read-only."""
    return array_cache(("window", id(est), t, id(among)), (est, among),
                       lambda: _read_only(_window_positions(est, t, among)))


def _read_only(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


def _window_positions(est: pd.DataFrame, t: Target, among: np.ndarray | None) -> np.ndarray:
    keep = per_frame("static-mask", est, _static_mask, t.measure, t.host, t.area, t.group,
                     t.period_type, t.perpetrator)
    if not keep.any():
        return np.zeros(0, int)
    a = arrays(est)
    keep = keep & among if among is not None else keep.copy()
    return np.flatnonzero(_sel.window_mask(keep, a.start, a.end, t))


def nearest_positions(est: pd.DataFrame, pos: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    """:func:`_nearest_per_series` of ``est.iloc[pos]``, as positions into *est* (in the
    order it returns its rows); computed once per frame, rows and date (read-only)."""
    if len(pos) == 0:
        return pos
    key = ("nearest", id(est), pos.dtype.str, pos.tobytes(), pd.Timestamp(as_of).value)
    return array_cache(key, (est,), lambda: _read_only(_nearest_positions(est, pos, as_of)))


def _nearest_positions(est: pd.DataFrame, pos: np.ndarray, as_of: pd.Timestamp) -> np.ndarray:
    n = len(pos)
    a = arrays(est)
    delta = (a.end[pos] - _ns(as_of)).astype("int64")
    nat = np.iinfo("int64").min
    dist = np.where(delta == nat, np.iinfo("int64").max, np.abs(delta))
    after = delta > 0
    scode, ecode, negpub = a.scode[pos], a.ecode[pos], a.negpub[pos]
    stock = a.stock[pos] if _sel.BRACKET_STOCKS and a.stock is not None else None
    idx = _sel.nearest_picks(dist, after, scode, negpub, ecode, stock)
    return pos[idx]


def documented_floor_at(est: pd.DataFrame, pos: np.ndarray, measures: str | list[str],
                        as_of: pd.Timestamp) -> tuple[float, str] | None:
    """:func:`_documented_floor` of ``est.iloc[pos]``.

    The rule's tests that do not depend on the date (:func:`_floor_eligible`) are made once
    per frame; per claim only the date test runs, on numpy arrays, and the largest count
    is picked as :func:`syriastats.reading.documented_floor` picks it (largest ``central``,
    ties to the smallest estimate id)."""
    ms = [measures] if isinstance(measures, str) else list(measures)
    ms = [m for m in ms if m in CUMULATIVE_MEASURES]
    if not ms or len(pos) == 0:
        return None
    a = arrays(est)
    if not a.floor_ok:
        cand = pos[per_frame("floor-candidates-of", est, _floor_candidates, tuple(ms))[pos]]
        return _reading_floor(est.iloc[cand], ms, as_of) if len(cand) else None
    ok, central, eid = per_frame("floor-eligible", est, _floor_eligible, tuple(ms))
    cand = pos[ok[pos]]
    if len(cand) == 0:
        return None
    # the rule's date test: the count's stated end period begins by as_of, and if it runs
    # past as_of, it was published by then
    t = np.datetime64(pd.Timestamp(as_of).to_datetime64(), "ns")
    pub = a.floor_dates.get("published")
    in_time = (a.floor_dates["period_end"][cand] <= t) | (
        (a.floor_dates["period_end_first"][cand] <= t)
        & (pub[cand] <= t if pub is not None else np.zeros(len(cand), bool)))
    cand = cand[in_time]
    if len(cand) == 0:
        return None
    c = central[cand]
    top = cand[c == c.max()]
    best = min(top, key=lambda i: eid[i]) if len(top) > 1 else top[0]
    return float(central[best]), eid[best]


def _floor_candidates(est: pd.DataFrame, ms: tuple[str, ...]) -> np.ndarray:
    """Boolean array over *est*: the documented counts of the measures *ms*."""
    a = arrays(est)
    return a.doc & np.isin(a.measure.astype(str), list(ms))


def _floor_eligible(est: pd.DataFrame, ms: tuple[str, ...]
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(boolean array over *est*: the rows :func:`syriastats.reading.documented_floor`
    can use as a floor whatever the date, i.e. documented counts of *ms* with a number,
    not 'at most', of a cumulative period (or none stated), neither partial nor context
    only; their ``central`` as floats (persons); their estimate ids as text)."""
    ok = _floor_candidates(est, ms).copy()
    ok &= est["qualifier"].astype(str).to_numpy(object) != "at_most"
    if "period_type" in est.columns:
        pt = est["period_type"].astype(object)
        ok &= (pt.isna() | (pt.astype(str) == "cumulative")).to_numpy(bool)
    ok &= est["central"].notna().to_numpy(bool)
    cols = [c for c in ("group", "area", "perpetrator", "measure", "role") if c in est.columns]
    vals = {c: est[c].to_numpy(object) for c in cols}
    for i in np.flatnonzero(ok):
        row = {c: vals[c][i] for c in cols}
        if is_partial(row) or is_context_only(row.get("role")):
            ok[i] = False
    central = est["central"].to_numpy(float)
    eid = est["estimate_id"].astype(str).to_numpy(object)
    return ok, central, eid


def _duration_rows(est: pd.DataFrame) -> np.ndarray:
    """Boolean array: the rows :func:`~syriastats.claims.special._check_duration` reads."""
    return (est["measure"].isin(sorted(CUMULATIVE_MEASURES))
            & (est["period_start"] >= WAR_START_MONTH[0])
            & (est["period_start"] <= WAR_START_MONTH[1])).to_numpy(bool)


def _near_value(central: np.ndarray, pos: np.ndarray, x: float) -> np.ndarray:
    """Positions among *pos* whose central value is within 1 % of *x* (the figures
    :func:`syriastats.claims.explaining._likely_origin` names; it skips all others)."""
    if len(pos) == 0:
        return pos
    # the figures with a positive number (made once per array)
    pos = pos[array_cache(("positive", id(central)), (central,),
                          lambda: np.isfinite(central) & (central > 0))[pos]]
    c = central[pos]
    return pos[np.abs(c - x) <= 0.01 * c]


#: Fields of the computed displaced share that change with the claim's date only.
COMPUTED_DATED: frozenset[str] = frozenset({"period_start", "period_end", "published", "notes"})


def with_computed(rows: pd.DataFrame, computed: pd.Series) -> tuple[pd.DataFrame, str]:
    """(*rows* with the computed displaced share as one more row, the first three rows
    labelled as :func:`~syriastats.claims.judging._closest` labels them).

    The frame is made once per *rows* and computed number (its fields but the dated ones,
    :data:`COMPUTED_DATED`), so claims at other dates share it and what is read from it
    (readings, pools, widened groups). Its last row keeps the dates of the first claim that
    made it: the checker reads a share figure's dates only in the labels, which are made
    here from *computed* itself. Same labels as ``pandas.concat`` of the two."""
    keep = array_cache(("undated-fields", id(computed.index)), (computed.index,),
                       lambda: [(i, k) for i, k in enumerate(computed.index.tolist())
                                if k not in COMPUTED_DATED])
    vals = computed.to_numpy(object)
    key = ("with-computed", id(rows)) + tuple((k, _key_value(vals[i])) for i, k in keep)
    both = _frame_cache(key, (rows,), lambda: pd.concat([rows, computed.to_frame().T],
                                                         ignore_index=True))
    labels = per_frame("labels-head-3", rows, _labels_head)
    if len(labels) < 3:
        labels = labels + [_figure_label(computed)]
    return both, "; ".join(labels)


def _labels_head(rows: pd.DataFrame) -> list[str]:
    return [_figure_label(r) for _, r in rows.head(3).iterrows()]


def other_dimensions_at(est: pd.DataFrame, among: np.ndarray, t: Target) -> str:
    """:func:`~syriastats.claims.selecting._other_dimensions` of ``est[among]``, on the
    frame's arrays (no frame made)."""
    a = arrays(est)
    lo = _ns(t.end - pd.Timedelta(days=STOCK_WINDOW_DAYS))
    hi = _ns(t.end + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS))
    near = np.flatnonzero(among & (a.measure == t.measure) & (a.end >= lo) & (a.end <= hi))
    bits = []
    near_full = NEAR_FULL_GROUPS if t.group == full_group(t.measure) else frozenset()
    for col, want in (("host", t.host), ("area", t.area), ("group", t.group),
                      ("period_type", t.period_type), ("perpetrator", "all")):
        if col in est.columns:
            vals = per_frame("column", est, _column, col)[near]
            other = sorted({str(v) for v in vals if v is not None and v != want
                            and not (col == "group" and v in near_full)
                            and (col != "perpetrator" or (isinstance(v, str) and v != ""))})
            if other:
                bits.append(f"{col} {', '.join(other)}")
    return "; ".join(bits)


def _column(df: pd.DataFrame, col: str) -> np.ndarray:
    return df[col].to_numpy(object)


def empty_of(rows: pd.DataFrame) -> pd.DataFrame:
    """*rows* without rows (made once per frame: ``per_frame("empty", rows, empty_of)``)."""
    return rows.iloc[0:0]


def labels_of(rows: pd.DataFrame) -> str:
    """Every row labelled, '; '-separated (made once per frame)."""
    return "; ".join(_figure_label(r) for _, r in rows.iterrows())


def first_published(rows: pd.DataFrame) -> pd.Series:
    """The row published first (``sort_values("published").iloc[0]``, once per frame)."""
    return rows.sort_values("published").iloc[0]
