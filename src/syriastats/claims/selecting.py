"""Which registry figures are comparable with a claim: what could be known, the same
dimensions (measure, host, area, group, kind of period), the date window, one figure per
series, same or broader scope."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _dates, _day
from syriastats.claims.rules import (
    CUMULATIVE_START_BY, CUMULATIVE_WINDOW_AFTER_DAYS, CUMULATIVE_WINDOW_BEFORE_DAYS,
    DEATH_MEASURES, STALE_SERIES_DAYS, STALE_STOCK_DAYS, STOCK_WINDOW_DAYS,
)
from syriastats.claims.target import NEAR_FULL_GROUPS, Target, perpetrator_mask
from syriastats.dimensions import measure_aliases
from syriastats.claims_index import _key_value, cached_call, concat, per_frame, take
from syriastats.reading import broader_scope_mask, full_group
from syriastats.reading import CUMULATIVE_MEASURES, is_context_only
from syriastats.reading import documented_floor as _reading_floor

#: Dimension columns compared between a claim and a figure (a frame without one of them,
#: e.g. a hand-made test frame, is not filtered on it).
DIMENSION_COLUMNS: tuple[str, ...] = ("period_type", "area", "host", "group", "role",
                                      "superseded_by")
#: Days a cumulative figure's start may differ from the claim's stated start.
START_TOLERANCE_DAYS: int = 31
#: Days a cumulative figure may start AFTER the claim's stated start ("since December" for a
#: total since 8 December); one that starts later still counts visibly less (a total since 1
#: January is no measure of the returns since 8 December 2024).
LATER_START_DAYS: int = 7
from syriastats.sources import with_sources


def _series_key(df: pd.DataFrame) -> pd.Series:
    who = df["publisher"] if "publisher" in df.columns else df["source_id"]
    return who.astype(str) + "|" + df["method"].astype(str)


def _prepare_estimates(estimates: pd.DataFrame, sources: pd.DataFrame | None) -> pd.DataFrame:
    est = estimates.copy()
    if "published" not in est.columns:
        if sources is None:
            raise ValueError("estimates need a 'published' column: pass sources= or "
                             "with_sources(estimates, sources)")
        est = with_sources(est, sources)
    for col in ("measure", "method", "qualifier", "range_type", "source_id", "estimate_id"):
        if col in est.columns and isinstance(est[col].dtype, pd.CategoricalDtype):
            est[col] = est[col].astype(object)
    est["period_start"] = _dates(est["period_start"], "first")
    if "period_end_text" in est.columns:
        est["period_end_first"] = _dates(est["period_end_text"].astype(object), "first")
    else:
        est["period_end_first"] = _dates(est["period_end"], "first")
    est["period_end"] = _dates(est["period_end"], "last")
    est["published"] = _dates(est["published"], "last")
    for col in ("low", "central", "high", "range_level", "margin"):
        if col in est.columns:
            est[col] = pd.to_numeric(est[col], errors="coerce").astype(float)
        else:
            est[col] = np.nan
    if "scope" not in est.columns:
        est["scope"] = ""
    if "notes" not in est.columns:
        est["notes"] = ""
    if "role" not in est.columns:
        est["role"] = "headline"
    est["role"] = est["role"].astype(object)
    for col in DIMENSION_COLUMNS:
        if col in est.columns:
            est[col] = est[col].astype(object).where(est[col].notna(), None)
    if "host" not in est.columns:  # an old frame with legacy measure names: base measure + host
        aliases = measure_aliases()
        legacy = est["measure"].map(lambda m: aliases.get(str(m)))
        if legacy.notna().any():
            est["host"] = [a["host"] if a and a["host"] != "country" else None for a in legacy]
            est["measure"] = [a["measure"] if a else m for a, m in zip(legacy, est["measure"])]
    # keep only the columns the checker reads: filtering a narrow frame is much faster
    drop = [c for c in ("citation", "url", "url_kind", "carrier", "accessed", "accessed_text",
                        "source_notes", "title", "checked") if c in est.columns]
    return est.drop(columns=drop)


def _known_filter(est: pd.DataFrame, known: str, cutoff: pd.Timestamp) -> pd.DataFrame:
    if known == "then":
        keep = est["published"].to_numpy("datetime64[ns]") <= _ns(cutoff)
        return est if keep.all() else take(est, keep)
    return est


def _is_none(a: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in a), bool, len(a))


def _dimension_mask(sub: pd.DataFrame, t: Target) -> np.ndarray:
    """Boolean array: rows of *sub* with the claim's dimensions (see :func:`_same_dimensions`)."""
    keep = np.ones(len(sub), bool)
    cols = sub.columns
    if "host" in cols:
        h = sub["host"].to_numpy(object)
        keep &= (h == t.host) if t.host else _is_none(h)
    if "area" in cols:
        a = sub["area"].to_numpy(object)
        keep &= _is_none(a) | (a == t.area)
    if "group" in cols:
        g = sub["group"].to_numpy(object)
        near = NEAR_FULL_GROUPS if t.group == full_group(t.measure) else frozenset()
        keep &= _is_none(g) | (g == t.group) | np.fromiter((v in near for v in g), bool, len(g))
    if "period_type" in cols:
        p = sub["period_type"].to_numpy(object)
        keep &= _is_none(p) | (p == t.period_type)
    if "perpetrator" in cols:  # every perpetrator's victims (one's is a part), or one's
        keep &= perpetrator_mask(sub["perpetrator"].to_numpy(object), t.perpetrator)
    return keep


def _same_dimensions(sub: pd.DataFrame, t: Target) -> pd.DataFrame:
    """Rows of *sub* with the claim's host, area, group (or a near-full group for a claim
    about everyone) and kind of period. Columns the frame lacks are not compared."""
    return sub[_dimension_mask(sub, t)]


def _ns(ts: pd.Timestamp) -> np.datetime64:
    return np.datetime64(pd.Timestamp(ts).to_datetime64(), "ns")


def _window(est: pd.DataFrame, t: Target) -> pd.DataFrame:
    """Figures of the claim's measure and dimensions whose period matches the claim's:
    a level near the date (stock), a total from the same start (cumulative; from the war's
    start when the claim gives none), or the same period exactly (flow).

    One boolean mask over numpy arrays and one row selection (archive scale: no
    intermediate frames per claim)."""
    keep = est["measure"].to_numpy(object) == t.measure
    if not keep.any():
        return est.iloc[0:0]
    keep &= _dimension_mask(est, t)
    keep = window_mask(keep, est["period_start"].to_numpy("datetime64[ns]"),
                       est["period_end"].to_numpy("datetime64[ns]"), t)
    return take(est, keep)


def window_mask(keep: np.ndarray, start: np.ndarray, end: np.ndarray, t: Target) -> np.ndarray:
    """*keep* (booleans, changed in place) narrowed to the figures in the claim's date
    window (:data:`DATE_RULES`): a flow of the same period; a running total from the same
    start (the war's, or the claim's: up to :data:`START_TOLERANCE_DAYS` earlier or
    :data:`LATER_START_DAYS` later) ending from
    :data:`CUMULATIVE_WINDOW_BEFORE_DAYS` before to :data:`CUMULATIVE_WINDOW_AFTER_DAYS`
    after the claim's date; a level ending within :data:`STOCK_WINDOW_DAYS` of it.
    *start*, *end*: the figures' period bounds (datetime64[ns])."""
    as_of = _ns(t.end)
    if t.period_type == "flow":
        if t.start is None or pd.isna(t.start):
            keep[:] = False
            return keep
        keep &= (start == _ns(t.start)) & (end == as_of)
        return keep
    if t.period_type == "cumulative":
        if t.start is None or t.start <= CUMULATIVE_START_BY:
            keep &= start <= _ns(CUMULATIVE_START_BY)
        else:
            gap = start - _ns(t.start)
            keep &= ~np.isnat(gap) & (gap >= -np.timedelta64(START_TOLERANCE_DAYS, "D")) \
                & (gap <= np.timedelta64(LATER_START_DAYS, "D"))
        lo = as_of - np.timedelta64(CUMULATIVE_WINDOW_BEFORE_DAYS, "D")
        hi = as_of + np.timedelta64(CUMULATIVE_WINDOW_AFTER_DAYS, "D")
    else:
        lo = as_of - np.timedelta64(STOCK_WINDOW_DAYS, "D")
        hi = as_of + np.timedelta64(STOCK_WINDOW_DAYS, "D")
    keep &= (end >= lo) & (end <= hi)
    return keep


def _other_dimensions(est: pd.DataFrame, t: Target) -> str:
    """What the registry holds for the claim's measure near its date but with other
    dimensions (for a not-checkable reason): e.g. 'host EGY, JOR; period_type cumulative'."""
    lo = t.end - pd.Timedelta(days=STOCK_WINDOW_DAYS)
    hi = t.end + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS)
    near = est[(est["measure"] == t.measure) & (est["period_end"] >= lo) & (est["period_end"] <= hi)]
    bits = []
    near_full = NEAR_FULL_GROUPS if t.group == full_group(t.measure) else frozenset()
    for col, want in (("host", t.host), ("area", t.area), ("group", t.group),
                      ("period_type", t.period_type), ("perpetrator", "all")):
        if col in near.columns:
            other = sorted({str(v) for v in near[col] if v is not None and v != want and not (
                col == "group" and v in near_full) and (col != "perpetrator" or v == v != "")})
            if other:
                bits.append(f"{col} {', '.join(other)}")
    return "; ".join(bits)


def _nearest_per_series(sub: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """One figure per series (publisher and method): the one nearest the claim's date
    (ties: the later publication, then the estimate id); a series whose nearest figure is
    more than :data:`STALE_SERIES_DAYS` further from the date than the nearest of any
    series is dropped. Sorted by distance from the date, then estimate id.

    A level (``period_type`` stock) that a series gives on both sides of the claim's date
    keeps its nearest figure on the other side too (:data:`BRACKET_STOCKS`): the level on
    the claim's date lies between the two, and pooling both says so, instead of reading a
    fast-moving stock (refugees in 2013 grew by more than 5 % a month) as if it stood
    still at whichever figure happens to be nearer.

    Computed on numpy arrays (sort keys as integer codes) and one row selection.
    """
    n = len(sub)
    if n == 0:
        return sub
    delta = (sub["period_end"].to_numpy("datetime64[ns]") - _ns(as_of)).astype("int64")
    nat = np.iinfo("int64").min
    dist = np.where(delta == nat, np.iinfo("int64").max, np.abs(delta))
    after = delta > 0
    if "_series" in sub.columns:  # precomputed by the claims index
        series = sub["_series"].to_numpy(object)
    else:
        series = _series_key(sub).to_numpy(object)
    _, scode = np.unique(series, return_inverse=True)
    negpub = -sub["published"].to_numpy("datetime64[ns]").astype("int64")
    _, ecode = np.unique(sub["estimate_id"].astype(str).to_numpy(object), return_inverse=True)
    stock = (sub["period_type"].to_numpy(object) == "stock"
             if BRACKET_STOCKS and "period_type" in sub.columns else None)
    idx = nearest_picks(dist, after, scode, negpub, ecode, stock)
    return take(sub, idx)


def nearest_picks(dist: np.ndarray, after: np.ndarray, scode: np.ndarray, negpub: np.ndarray,
                  ecode: np.ndarray, stock: np.ndarray | None) -> np.ndarray:
    """Indices of the figures kept per series (the rule of :func:`_nearest_per_series`),
    nearest first: each series' nearest figure (*dist*: |days| in ns to the claim's date;
    ties to the latest published, *negpub*, then the estimate id's code *ecode*), series
    more than :data:`STALE_SERIES_DAYS` further than the nearest dropped, and for a level
    (*stock*, or None for none) its nearest figure on the other side of the date (*after*)."""
    n = len(dist)
    order = np.lexsort((ecode, negpub, dist, scode))  # stable: equal keys keep row order
    s_sorted = scode[order]
    head = np.ones(n, bool)
    head[1:] = s_sorted[1:] != s_sorted[:-1]
    first = order[head]
    first = first[dist[first] <= dist[first].min() + np.timedelta64(STALE_SERIES_DAYS, "D")
                  .astype("timedelta64[ns]").astype("int64")]
    picked = first.tolist()
    if stock is not None and len(first):
        # each series' figures, nearest first (contiguous in *order*), as plain lists
        dl, al, sl, sc = dist.tolist(), after.tolist(), stock.tolist(), scode.tolist()
        series: dict[int, list[int]] = {}
        for j, s in zip(order.tolist(), s_sorted.tolist()):
            series.setdefault(s, []).append(j)
        for i in first.tolist():
            if dl[i] == 0:
                continue
            for j in series[sc[i]]:
                if sl[j] and dl[j] > 0 and al[j] != al[i]:
                    picked.append(j)
                    break
    idx = np.asarray(picked, dtype=int)
    return idx[np.lexsort((ecode[idx], dist[idx]))]


#: Keep a stock series' nearest figure on each side of the claim's date (see
#: :func:`_nearest_per_series`).
BRACKET_STOCKS: bool = True


def _split_scope(sub: pd.DataFrame, measure: str,
                 extra: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(same-scope rows, broader-scope rows) for a claim of *measure*."""
    if measure in DEATH_MEASURES:
        broad_mask = per_frame("broader-scope", sub, broader_scope_mask).to_numpy(bool)
        same, broad = take(sub, ~broad_mask), take(sub, broad_mask)
    else:
        same, broad = sub, per_frame("empty", sub, lambda d: d.iloc[0:0])
    return same, concat([broad, extra]) if not extra.empty else broad


def _context_mask(rows: pd.DataFrame) -> np.ndarray:
    """Boolean array: rows whose role marks them context only (computed once per frame)."""
    return per_frame("context", rows, lambda d: np.fromiter(
        (bool(is_context_only(r)) for r in d["role"].to_numpy(object)), bool, len(d)))


#: Columns :func:`syriastats.reading.documented_floor` reads (its cache key); the dates
#: enter the key only as "on or before the claim's date".
FLOOR_FIELDS: tuple[str, ...] = (
    "estimate_id", "measure", "method", "qualifier", "central", "period_type", "group", "area",
    "perpetrator", "role", "period_end", "period_end_first", "published")
FLOOR_DATES: frozenset[str] = frozenset({"period_end", "period_end_first", "published"})


def _documented_floor(rows: pd.DataFrame, measures: str | list[str],
                      as_of: pd.Timestamp) -> tuple[float, str] | None:
    """:func:`syriastats.reading.documented_floor`, computed once per set of candidate
    counts and their position relative to *as_of* (archive scale: thousands of claims share
    the same few documented counts). Only documented counts of the cumulative *measures*
    can be floors, so the others are left out before the call (same result)."""
    ms = [measures] if isinstance(measures, str) else list(measures)
    ms = [m for m in ms if m in CUMULATIVE_MEASURES]
    if not ms or rows.empty:
        return None
    cand = per_frame("floor-candidates", rows, _floor_candidates, tuple(ms))
    if cand is None:
        return None
    pos, d, values, dates = cand
    if values is None:  # a hand-made frame: no cache
        return _reading_floor(d, ms, as_of)
    a = np.datetime64(pd.Timestamp(as_of).to_datetime64(), "ns")
    key = ("documented-floor", tuple(ms), values) + tuple(
        (dates[k] <= a).tobytes() for k in sorted(dates))
    return cached_call(key, _reading_floor, d, ms, as_of)


def _floor_candidates(rows: pd.DataFrame, ms: tuple[str, ...]) -> tuple[Any, ...] | None:
    """(positions, rows, key of their fields, their dates) of the documented counts of *ms*
    in *rows* (None if there are none); computed once per frame."""
    cand = (rows["method"].to_numpy(object) == "documented_count") & np.isin(
        rows["measure"].to_numpy(object).astype(str), list(ms))
    if not cand.any():
        return None
    pos = np.flatnonzero(cand)
    d = rows.iloc[pos]
    if "period_end_first" not in rows.columns:
        return pos, d, None, None
    cols = [c for c in FLOOR_FIELDS if c in rows.columns]
    values = (tuple(cols),) + tuple(tuple(_key_value(v) for v in rows[c].to_numpy(object)[pos])
                                    for c in cols if c not in FLOOR_DATES)
    dates = {c: rows[c].to_numpy("datetime64[ns]")[pos] for c in cols if c in FLOOR_DATES}
    return pos, d, values, dates


def _one_sided_stale(same: pd.DataFrame, broad: pd.DataFrame, t: Target, as_of: pd.Timestamp,
                     measure: str) -> str:
    """Why a level cannot be judged from figures all on one side of its date and more than
    :data:`STALE_STOCK_DAYS` from it ('' if it can).

    A stock (refugees, IDPs, returns to date) can move by a third in a few months (the
    refugees registered in Lebanon grew from 0.8 to 1.0 million from December 2013 to
    April 2014): a figure that old, with none on the other side of the claim's date to
    bracket it, cannot show that the claim is too high or too low. Such a claim is not
    checkable with this registry instead of overstated or understated (the reason names the
    nearest figure); a claim that agrees with the old figure keeps its verdict. Shares too,
    except the displaced share (also computed from the counts at the claim's own date).
    """
    if t.period_type != "stock" or measure == "displaced_share":
        return ""
    rows = concat([same, broad]) if len(broad.index) else same
    if not len(rows.index) or "period_end" not in rows.columns:
        return ""
    days = _days_from(rows, as_of)
    if days is not None:  # the same rule on numpy arrays
        dist = np.abs(days)
        if (dist <= STALE_STOCK_DAYS).any() or ((days > 0).any() and (days < 0).any()):
            return ""
        i = int(np.argmin(dist))
        d = int(dist[i])
        # the two fields read from their columns (taking the whole row is slow)
        # (each row's id and end, as Series.iloc gives them, listed once per frame)
        ids, ends = per_frame("ids-and-ends", rows, lambda r: (list(r["estimate_id"]),
                                                              list(r["period_end"])))
        eid, end = ids[i], ends[i]
        side = "before" if int(days[i]) < 0 else "after"
        return (f"no figure for {measure} within {STALE_STOCK_DAYS} days of {_day(as_of)}: the "
                f"nearest comparable figure ({eid}, a level on "
                f"{_day(end)}) is {d} days {side} it and none lies on the other "
                "side; a level can move that much in that time, so it cannot show the claim too "
                "high or too low.")
    delta = (rows["period_end"] - as_of).dt.days
    if (delta.abs() <= STALE_STOCK_DAYS).any() or ((delta > 0).any() and (delta < 0).any()):
        return ""
    near = rows.loc[delta.abs().idxmin()]
    d = int(delta.abs().min())
    side = "before" if int(delta.loc[delta.abs().idxmin()]) < 0 else "after"
    return (f"no figure for {measure} within {STALE_STOCK_DAYS} days of {_day(as_of)}: the "
            f"nearest comparable figure ({near['estimate_id']}, a level on "
            f"{_day(near['period_end'])}) is {d} days {side} it and none lies on the other side; "
            "a level can move that much in that time, so it cannot show the claim too high or "
            "too low.")


def _days_from(rows: pd.DataFrame, as_of: pd.Timestamp) -> np.ndarray | None:
    """Whole days from *as_of* to each row's ``period_end`` (int64), as ``.dt.days`` gives
    them; None when a period end is missing, a date is not a whole day or the index has
    repeated labels (the callers then use pandas as before)."""
    end, ok = per_frame("period-end-days", rows, _end_days)
    a = pd.Timestamp(as_of)
    if not ok or pd.isna(a) or (a.value % _DAY_NS if a.tz is None else a != a.normalize()):
        return None  # (a date that is not a whole day)
    return end - a.value // _DAY_NS


_DAY_NS: int = 86_400 * 10**9


def _end_days(rows: pd.DataFrame) -> tuple[np.ndarray, bool]:
    end = rows["period_end"].to_numpy("datetime64[ns]")
    ok = (not np.isnat(end).any() and rows.index.is_unique
          and bool((end.astype("int64") % _DAY_NS == 0).all()))
    return (end.astype("int64") // _DAY_NS if ok else end), ok


