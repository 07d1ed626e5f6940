"""Checking claims at archive scale: a per-measure index of the registry and caches of the
figures' fitted distributions and of pooled ranges.

:func:`syriastats.claims.check` judges claims one at a time. For each claim it used to
filter the whole registry (known-then cut-off, date window, scope, one figure per series),
refit every comparable figure's distribution and pool them again. With thousands of claims
almost all of that work repeats. This module removes the repetition without changing a
verdict:

* :class:`EstimateIndex` splits the prepared registry by measure once and hands each
  claim the rows of its measure and of the measures it may be widened to: the whole series
  (one frame per set of measures, shared by every claim about them) when every revision in
  the registry keeps the measure and period of the figure it revises
  (:attr:`EstimateIndex.whole_series`), else the rows whose period ends within
  :data:`SLICE_DAYS` of the claim's date (found by ``numpy.searchsorted``). Claims whose
  rules read a whole series (the war's age, "highest since", the displaced share computed
  from counts) always get every row of the measures they read.
* :func:`take`, :func:`concat` and :func:`per_frame` make each selection of rows of a
  shared frame once, and compute what is read from a selected frame once: the checker
  (:mod:`syriastats.claims.selecting`) selects on row positions with numpy and claims near
  one date select the same figures, so most claims cost dictionary look-ups.
* :func:`array_cache` keeps small results (a claim's window and one-figure-per-series row
  positions, per frame, target and date) apart from the frames, so they never push the
  frames out of their smaller cache.
* :func:`cached_fit` and :func:`cached_pool` memoise the uncertainty engine's reading of a
  figure (keyed on every field the reading uses, so two registries with the same ids never
  share an entry) and the pooled mixture of a set of figures.
* :func:`claim_signature` lets identical claims (same measure, dates, value, comparator and
  dimensions) be judged once.

The caches are bounded (:data:`CACHE_MAX` entries each, :data:`FRAMES_MAX` for frames and
:data:`ARRAYS_MAX` for the small per-claim arrays; cleared when full). Nothing here reads
files or the network.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

#: Rows whose period ends within this many days of a claim's date are handed to it: at
#: least the widest window of the checker (366 days for stocks and before a cumulative
#: toll's date; 92 after).
SLICE_DAYS: int = 370
#: Column the index adds to the registry: publisher (or source) and method, the series a
#: figure belongs to (:func:`syriastats.claims.selecting._nearest_per_series`).
SERIES_COLUMN: str = "_series"
#: Entries kept per cache before it is cleared.
CACHE_MAX: int = 50_000

#: Fields of an estimate row the uncertainty engine's reading depends on.
FIT_FIELDS: tuple[str, ...] = (
    "estimate_id", "measure", "method", "qualifier", "range_type", "range_level", "margin",
    "low", "central", "high", "period_start", "period_end", "scope", "role",
)

_FITS: dict[tuple[Any, ...], Any] = {}
_POOLS: dict[tuple[Any, ...], Any] = {}
_CALLS: dict[tuple[Any, ...], Any] = {}


def _key_value(v: Any) -> Any:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.value
    return v


def fit_key(row: pd.Series, *extra: Any) -> tuple[Any, ...]:
    """A hashable key of a figure's whole row (its reading and the labels explanations
    quote from it) plus *extra*."""
    return tuple((k, _key_value(v)) for k, v in row.items()) + extra


def cached_fit(fit: Callable[..., Any], row: pd.Series, level: float, margin: float) -> Any:
    """``fit(row, level, margin)``, computed once per distinct figure and arguments."""
    key = fit_key(row, level, margin)
    hit = _FITS.get(key)
    if hit is None:
        if len(_FITS) >= CACHE_MAX:
            clear_caches()
        hit = _FITS[key] = fit(row, level, margin)
    return hit


def cached_pool(pool: Callable[..., Any], figs: list[Any], level: float,
                floor: tuple[float, str] | None = None) -> Any:
    """``pool(figs, level, floor)``, computed once per distinct set of figures, level and
    floor. Figures are the objects :func:`cached_fit` returns (kept alive by its cache, so
    their identity is a sound key; both caches are cleared together)."""
    key = (tuple(id(f) for f in figs), level, floor)
    hit = _POOLS.get(key)
    if hit is None:
        if len(_POOLS) >= CACHE_MAX:
            clear_caches()
        hit = _POOLS[key] = (list(figs), pool(figs, level, floor))
    return hit[1]


def cached_call(key: tuple[Any, ...], fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` once per *key* (the caller's key must capture everything it depends on)."""
    if key not in _CALLS:
        if len(_CALLS) >= CACHE_MAX:
            _CALLS.clear()
        _CALLS[key] = fn(*args)
    return _CALLS[key]


_FRAMES: dict[tuple[Any, ...], tuple[Any, ...]] = {}
#: Entries kept in the cache of selected frames before it is cleared (it holds frames, so
#: it is kept smaller than the others: memory stays flat over a long archive).
FRAMES_MAX: int = 10_000


def _frame_cache(key: tuple[Any, ...], keep_alive: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    hit = _FRAMES.get(key)
    if hit is None:
        if len(_FRAMES) >= FRAMES_MAX:
            _FRAMES.clear()
        hit = _FRAMES[key] = (keep_alive, make())
    return hit[1]


_ARRAYS: dict[tuple[Any, ...], tuple[Any, ...]] = {}
#: Entries kept in the cache of small arrays before it is cleared. Most are keyed by one
#: claim's date and cut-off (read again while that claim is judged, seldom by another), so
#: an archive adds one per claim: kept few, memory stays flat.
ARRAYS_MAX: int = 4_096


def array_cache(key: tuple[Any, ...], keep_alive: tuple[Any, ...],
                make: Callable[[], Any]) -> Any:
    """``make()`` once per *key*, for small results such as row positions (kept apart
    from the frames of :func:`take`, so thousands of them do not push frames out; at most
    :data:`ARRAYS_MAX` entries). *keep_alive*: the objects whose identity the key holds."""
    hit = _ARRAYS.get(key)
    if hit is None:
        if len(_ARRAYS) >= ARRAYS_MAX:
            _ARRAYS.clear()
        hit = _ARRAYS[key] = (keep_alive, make())
    return hit[1]


def take(df: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``df[keep]`` (a boolean array) or ``df.iloc[keep]`` (integer positions), made once
    per frame and rows: claims near one date select the same rows of the same frames, so
    each selection is one dictionary look-up instead of a copy of every column. The
    result is shared: callers never modify it in place (they copy first). Keyed by the
    frame's identity, which the cache keeps alive."""
    keep = np.asarray(keep)
    kind = "b" if keep.dtype == bool else "i"
    data = keep.tobytes() if kind == "b" else keep.astype(np.int64, copy=False).tobytes()
    return _frame_cache(("take", id(df), kind, data), (df,),
                        lambda: df[keep] if kind == "b" else df.iloc[keep])


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """``pandas.concat(frames)``, made once per list of frames (shared, as :func:`take`)."""
    return _frame_cache(("concat",) + tuple(id(f) for f in frames), tuple(frames),
                        lambda: pd.concat(frames))


def per_frame(name: str, df: pd.DataFrame, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(df, *args)`` once per frame and (hashable) *args (shared, as :func:`take`)."""
    return _frame_cache((name, id(df)) + args, (df,), lambda: fn(df, *args))


def clear_caches() -> None:
    """Forget every cached reading, pool and call (e.g. between registries in one process)."""
    _FITS.clear()
    _POOLS.clear()
    _CALLS.clear()
    _FRAMES.clear()
    _ARRAYS.clear()


class EstimateIndex:
    """The prepared registry split by measure, each part sorted by ``period_end``.

    Parameters
    ----------
    est
        Estimates as prepared by the checker (``period_end`` as datetime64, measures in
        the names claims use).
    """

    def __init__(self, est: pd.DataFrame) -> None:
        # plain numpy object columns: taking rows of Arrow-backed string columns costs
        # milliseconds per column, and the checker takes rows many times per claim
        est = est.astype({c: object for c in est.columns
                          if pd.api.types.is_string_dtype(est[c]) and est[c].dtype != object})
        # the series key of the checker's one-figure-per-series rule, computed once
        who = est["publisher"] if "publisher" in est.columns else est["source_id"]
        est = est.assign(**{SERIES_COLUMN: pd.Series(
            (who.astype(str) + "|" + est["method"].astype(str)).to_numpy(object), index=est.index,
            dtype=object)})
        # one block per dtype: taking rows copies a few 2-D arrays, not one per column
        est = est._consolidate()
        self.est = est
        self.parts: dict[str, pd.DataFrame] = {}
        self.ends: dict[str, np.ndarray] = {}
        for m, part in est.groupby(est["measure"].astype(str), sort=True):
            part = part.sort_values(["period_end", "estimate_id"], kind="stable")
            self.parts[m] = part
            self.ends[m] = part["period_end"].to_numpy(dtype="datetime64[ns]")
        self._empty = est.iloc[0:0]
        # Every claim of a measure can get the measure's whole series (one frame, so the
        # selections made from it are shared by all claims; see :func:`take`) when that
        # gives the same verdicts as the rows near its date. The checker's date windows
        # are narrower than SLICE_DAYS; the only rule that reads rows outside them is
        # "a superseded figure is dropped when its revision is among the rows", and it
        # reads the same whenever each revision has the measure and period end of the figure
        # it revises (true of the registry; checked here, else the near rows are used).
        self.whole_series = _revisions_in_place(est)
        self._slices: dict[tuple[Any, ...], pd.DataFrame] = {}

    def rows(self, near: Iterable[str], whole: Iterable[str], as_of: Any) -> pd.DataFrame:
        """Rows of the *near* measures whose period ends within :data:`SLICE_DAYS` of
        *as_of*, and every row of the *whole* measures (or of all, when *as_of* is missing).
        A near measure with rows but none close to the date keeps one row, so "the registry
        holds no figure for X" and "no figure near the date" stay distinguishable."""
        whole = set(whole)
        spans: list[tuple[str, int, int]] = []
        for m in dict.fromkeys([*near, *whole]):
            part = self.parts.get(m)
            if part is None:
                continue
            if m in whole or self.whole_series or as_of is None or pd.isna(as_of):
                spans.append((m, 0, len(part)))
                continue
            ends = self.ends[m]
            d = np.datetime64(pd.Timestamp(as_of).to_datetime64(), "ns")
            span = np.timedelta64(SLICE_DAYS, "D")
            a, b = np.searchsorted(ends, d - span, "left"), np.searchsorted(ends, d + span, "right")
            spans.append((m, int(a), int(b)) if b > a else (m, 0, 1))
        if not spans:
            return self._empty
        # claims at nearby dates get the same rows: one frame per distinct set of slices
        key = tuple(spans)
        hit = self._slices.get(key)
        if hit is None:
            out = [self.parts[m].iloc[a:b] for m, a, b in spans]
            # the registry's own row order (explanations list figures in that order)
            hit = (out[0] if len(out) == 1 else pd.concat(out)).sort_index(kind="stable") \
                ._consolidate()
            if len(self._slices) >= CACHE_MAX:
                self._slices.clear()
            self._slices[key] = hit
        return hit


def _revisions_in_place(est: pd.DataFrame) -> bool:
    """True if every superseded figure's successor (when in *est*) has the same measure and
    period end as the figure it supersedes (see :attr:`EstimateIndex.whole_series`)."""
    if "superseded_by" not in est.columns or "role" not in est.columns:
        return True
    sup = est[(est["role"].astype(object) == "superseded") & est["superseded_by"].notna()]
    if sup.empty:
        return True
    by_id = est.drop_duplicates("estimate_id").set_index(est["estimate_id"].astype(str)
                                                          .drop_duplicates().to_numpy())
    for succ, m, end in zip(sup["superseded_by"].astype(str), sup["measure"], sup["period_end"]):
        if succ not in by_id.index:
            continue
        r = by_id.loc[succ]
        if r["measure"] != m or not (r["period_end"] == end or (pd.isna(r["period_end"])
                                                                 and pd.isna(end))):
            return False
    return True


def claim_signature(c: pd.Series, fields: Iterable[str]) -> tuple[Any, ...]:
    """What a claim's verdict depends on (everything but its id, origin and wording)."""
    return tuple(_key_value(c.get(k)) for k in fields)
