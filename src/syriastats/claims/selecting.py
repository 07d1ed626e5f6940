"""Which registry figures are comparable with a claim: what could be known, the same
dimensions (measure, host, area, group, kind of period), the date window, one figure per
series, same or broader scope."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _dates
from syriastats.claims.rules import (
    CUMULATIVE_START_BY, CUMULATIVE_WINDOW_AFTER_DAYS, CUMULATIVE_WINDOW_BEFORE_DAYS,
    DEATH_MEASURES, STALE_SERIES_DAYS, STOCK_WINDOW_DAYS,
)
from syriastats.claims.target import NEAR_FULL_GROUPS, Target
from syriastats.dimensions import measure_aliases
from syriastats.reading import broader_scope_mask, full_group

#: Dimension columns compared between a claim and a figure (a frame without one of them,
#: e.g. a hand-made test frame, is not filtered on it).
DIMENSION_COLUMNS: tuple[str, ...] = ("period_type", "area", "host", "group", "role",
                                      "superseded_by")
#: Days a cumulative figure's start may differ from the claim's stated start.
START_TOLERANCE_DAYS: int = 31
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
        return est[est["published"] <= cutoff]
    return est


def _same_dimensions(sub: pd.DataFrame, t: Target) -> pd.DataFrame:
    """Rows of *sub* with the claim's host, area, group (or a near-full group for a claim
    about everyone) and kind of period. Columns the frame lacks are not compared."""
    keep = pd.Series(True, index=sub.index)
    if "host" in sub.columns:
        keep &= sub["host"].map(lambda h: h == t.host if t.host else h is None)
    if "area" in sub.columns:
        keep &= sub["area"].map(lambda a: a is None or a == t.area)
    if "group" in sub.columns:
        near = NEAR_FULL_GROUPS if t.group == full_group(t.measure) else frozenset()
        keep &= sub["group"].map(lambda g: g is None or g == t.group or g in near)
    if "period_type" in sub.columns:
        keep &= sub["period_type"].map(lambda p: p is None or p == t.period_type)
    return sub[keep.astype(bool)]


def _window(est: pd.DataFrame, t: Target) -> pd.DataFrame:
    """Figures of the claim's measure and dimensions whose period matches the claim's:
    a level near the date (stock), a total from the same start (cumulative; from the war's
    start when the claim gives none), or the same period exactly (flow)."""
    sub = _same_dimensions(est[est["measure"] == t.measure], t)
    as_of = t.end
    if t.period_type == "cumulative":
        if t.start is None or t.start <= CUMULATIVE_START_BY:
            sub = sub[sub["period_start"] <= CUMULATIVE_START_BY]
        else:
            sub = sub[(sub["period_start"] - t.start).abs()
                      <= pd.Timedelta(days=START_TOLERANCE_DAYS)]
        lo = as_of - pd.Timedelta(days=CUMULATIVE_WINDOW_BEFORE_DAYS)
        hi = as_of + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS)
    elif t.period_type == "flow":
        return sub[(sub["period_start"] == t.start) & (sub["period_end"] == t.end)]
    else:
        lo = as_of - pd.Timedelta(days=STOCK_WINDOW_DAYS)
        hi = as_of + pd.Timedelta(days=STOCK_WINDOW_DAYS)
    return sub[(sub["period_end"] >= lo) & (sub["period_end"] <= hi)]


def _other_dimensions(est: pd.DataFrame, t: Target) -> str:
    """What the registry holds for the claim's measure near its date but with other
    dimensions (for a not-checkable reason): e.g. 'host EGY, JOR; period_type cumulative'."""
    lo = t.end - pd.Timedelta(days=STOCK_WINDOW_DAYS)
    hi = t.end + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS)
    near = est[(est["measure"] == t.measure) & (est["period_end"] >= lo) & (est["period_end"] <= hi)]
    bits = []
    near_full = NEAR_FULL_GROUPS if t.group == full_group(t.measure) else frozenset()
    for col, want in (("host", t.host), ("area", t.area), ("group", t.group),
                      ("period_type", t.period_type)):
        if col in near.columns:
            other = sorted({str(v) for v in near[col] if v is not None and v != want
                            and not (col == "group" and v in near_full)})
            if other:
                bits.append(f"{col} {', '.join(other)}")
    return "; ".join(bits)


def _nearest_per_series(sub: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    if sub.empty:
        return sub
    s = sub.assign(_dist=(sub["period_end"] - as_of).abs(), _series=_series_key(sub),
                   _negpub=-sub["published"].astype("int64"))
    s = s.sort_values(["_series", "_dist", "_negpub", "estimate_id"], kind="stable")
    s = s.groupby("_series", sort=False).head(1)
    # a series whose nearest figure is much further from the claim's date than the
    # nearest figure of any series is stale (stocks and tolls move): drop it
    s = s[s["_dist"] <= s["_dist"].min() + pd.Timedelta(days=STALE_SERIES_DAYS)]
    return s.sort_values(["_dist", "estimate_id"], kind="stable").drop(
        columns=["_dist", "_series", "_negpub"])


def _split_scope(sub: pd.DataFrame, measure: str,
                 extra: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(same-scope rows, broader-scope rows) for a claim of *measure*."""
    if measure in DEATH_MEASURES:
        broad_mask = broader_scope_mask(sub)
        same, broad = sub[~broad_mask], sub[broad_mask]
    else:
        same, broad = sub, sub.iloc[0:0]
    return same, pd.concat([broad, extra]) if not extra.empty else broad
