"""Which registry figures are comparable with a claim: what could be known, the date
window, one figure per series, same or broader scope."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _dates
from syriastats.claims.rules import (
    CUMULATIVE_START_BY, CUMULATIVE_WINDOW_AFTER_DAYS, CUMULATIVE_WINDOW_BEFORE_DAYS,
    DEATH_MEASURES, STALE_SERIES_DAYS, STOCK_WINDOW_DAYS,
)
from syriastats.dimensions import legacy_measure
from syriastats.reading import CUMULATIVE_MEASURES, is_broader_scope
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
    if "host" in est.columns:  # the checker still works on the measure names claims use
        est["measure"] = [legacy_measure(str(m), h) for m, h in zip(est["measure"], est["host"])]
    # keep only the columns the checker reads: filtering a narrow frame is much faster
    drop = [c for c in ("citation", "url", "url_kind", "carrier", "accessed", "accessed_text",
                        "source_notes", "title", "checked") if c in est.columns]
    return est.drop(columns=drop)


def _known_filter(est: pd.DataFrame, known: str, cutoff: pd.Timestamp) -> pd.DataFrame:
    if known == "then":
        return est[est["published"] <= cutoff]
    return est


def _window(est: pd.DataFrame, measure: str, as_of: pd.Timestamp) -> pd.DataFrame:
    sub = est[est["measure"] == measure]
    if measure in CUMULATIVE_MEASURES:
        sub = sub[sub["period_start"] <= CUMULATIVE_START_BY]
        lo = as_of - pd.Timedelta(days=CUMULATIVE_WINDOW_BEFORE_DAYS)
        hi = as_of + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS)
    else:
        lo = as_of - pd.Timedelta(days=STOCK_WINDOW_DAYS)
        hi = as_of + pd.Timedelta(days=STOCK_WINDOW_DAYS)
    return sub[(sub["period_end"] >= lo) & (sub["period_end"] <= hi)]


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
        broad_mask = sub["scope"].map(is_broader_scope).astype(bool)
        same, broad = sub[~broad_mask], sub[broad_mask]
    else:
        same, broad = sub, sub.iloc[0:0]
    return same, pd.concat([broad, extra]) if not extra.empty else broad
