"""Checking many claims at once: :func:`check` runs each claim through
:func:`syriastats.claims.judging._check_one` against the rows of its measures (the
per-measure index of :mod:`syriastats.claims_index`, whose selections and readings are
shared between claims), judges identical claims once, and turns a claim the model cannot
compute into a ``not_checkable`` row. :func:`check_chunks` gives the same rows a chunk at a
time, so ``syriastats check`` writes an archive's verdicts as they are made."""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any, Literal

import numpy as np
import pandas as pd

from syriastats import derived
from syriastats.claims.judging import _check_one
from syriastats.claims.shares import SHARE_INPUTS
from syriastats.claims.phrases import _dates
from syriastats.claims.records import _base, _not_checkable
from syriastats.claims.rules import (
    ABOUT_TOLERANCE, ASSUMED_MARGIN, BENCHMARKS, BROADER_MEASURES, OUTPUT_COLUMNS,
    SHARE_TOLERANCE, VERDICT_CLASSES, VERDICTS,
)
from syriastats.claims.scope_rules import HOST_GOVERNMENT_MEASURE
from syriastats.claims.selecting import _prepare_estimates
from syriastats.claims_index import EstimateIndex, _key_value
from syriastats.dimensions import legacy_measure, measure_aliases
from syriastats.reading import CUMULATIVE_MEASURES


def check(
    claims: pd.DataFrame,
    estimates: pd.DataFrame,
    *,
    known: Literal["then", "now"] = "then",
    level: float = 0.9,
    sources: pd.DataFrame | None = None,
    assumed_margin: float = ASSUMED_MARGIN,
    about_tolerance: float = ABOUT_TOLERANCE,
    share_tolerance: float = SHARE_TOLERANCE,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Judge every claim against the registry; one row per claim (columns :data:`OUTPUT_COLUMNS`).

    Parameters
    ----------
    claims
        Claims as loaded by :func:`syriastats.sources.load_claims` (or a hand-made frame
        with the same columns; dates may be ``YYYY[-MM[-DD]]`` text).
    estimates
        The registry's estimates with the source columns joined
        (:func:`syriastats.sources.with_sources`), or plain estimates plus ``sources=``.
        Needs ``estimate_id, source_id, measure, scope, method, period_start, period_end,
        low, central, high, qualifier, range_type, range_level, margin, published``;
        ``publisher`` is used to group releases when present.
    known
        ``"then"``: only figures published on or before the claim's ``origin_date`` (what
        the claimant could have known); ``"now"``: every figure speaking of ``as_of``.
    level
        Coverage of the reported intervals (``lower``/``upper``), e.g. 0.9.
    assumed_margin, about_tolerance, share_tolerance
        See :data:`ASSUMED_MARGIN`, :data:`ABOUT_TOLERANCE`, :data:`SHARE_TOLERANCE`.
    progress
        Called as ``progress(done, total)`` after each claim (for progress output).

    Returns
    -------
    DataFrame sorted by ``claim_id``. ``lower``, ``median``, ``upper`` are in the claim's
    unit (persons, fraction for shares, years for durations; for ``highest_since`` the
    unit of the measure, not the year) and bound a central ``level`` interval of the
    pooled comparable figures (a model range, never a published number);
    ``envelope_lower``/``envelope_upper`` are the lowest and highest numbers the pooled
    sources published; ``verdict`` is a key of :data:`VERDICTS` and ``verdict_meaning``
    its meaning; ``origin_date`` is the date as written, or None when missing.
    """
    if known not in ("then", "now"):
        raise ValueError(f"known must be 'then' or 'now', got {known!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    return _frame(list(_records(claims, estimates, known, level, sources, assumed_margin,
                                about_tolerance, share_tolerance, progress)))


def check_chunks(claims: pd.DataFrame, estimates: pd.DataFrame, *, chunk: int = 1_000,
                 known: Literal["then", "now"] = "then", level: float = 0.9,
                 sources: pd.DataFrame | None = None, assumed_margin: float = ASSUMED_MARGIN,
                 about_tolerance: float = ABOUT_TOLERANCE, share_tolerance: float = SHARE_TOLERANCE,
                 progress: Callable[[int, int], None] | None = None) -> Iterator[pd.DataFrame]:
    """:func:`check`, as consecutive frames of at most *chunk* rows (the same rows, in the
    same order): an archive's verdicts can be written as they are made, never all held."""
    if known not in ("then", "now"):
        raise ValueError(f"known must be 'then' or 'now', got {known!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    buf: list[dict[str, Any]] = []
    for rec in _records(claims, estimates, known, level, sources, assumed_margin,
                        about_tolerance, share_tolerance, progress):
        buf.append(rec)
        if len(buf) >= chunk:
            yield _frame(buf)
            buf = []
    if buf:
        yield _frame(buf)


#: Verdicts of identical claims kept for re-use (cleared when full: memory stays flat).
SAME_AS_MAX: int = 2_000


def _records(claims: pd.DataFrame, estimates: pd.DataFrame, known: str, level: float,
             sources: pd.DataFrame | None, assumed_margin: float, about_tolerance: float,
             share_tolerance: float, progress: Callable[[int, int], None] | None
             ) -> Iterator[dict[str, Any]]:
    """One verdict record per claim, in ``claim_id`` order."""
    est = _prepare_estimates(estimates, sources)
    cl = claims.copy()
    if "origin_date" not in cl.columns:
        cl["origin_date"] = pd.NaT
    cl["as_of"] = _dates(cl["as_of"], "last")
    # a date given only as a month (or year) is its last day, for origin_date as for as_of
    # and the sources' publication dates: a figure "published 2015-10" was knowable to a
    # claim "of 2015-10"
    cl["origin_date"] = _dates(cl["origin_date"], "last")
    # archive scale (syriastats.claims_index): each claim gets only the registry rows near its
    # date, identical claims are judged once, fitted figures and pools are cached
    index = EstimateIndex(est) if INDEX_ENABLED else None
    # the displaced share computed from counts: its inputs' eligible rows found once
    share_at = derived.DisplacedShareAt(est, n=50_000) if INDEX_ENABLED else None
    same_as: dict[tuple[Any, ...], dict[str, Any]] = {}
    # the measures each kind of claim reads (a few dozen kinds in any archive)
    measures_of: dict[tuple[Any, ...], tuple[list[str], list[str]]] = {}
    # (notes are part of a claim's identity: check-text's controlled notes, such as
    # scope_rules.HOSTED_NOTE or LOOSE_DECADE_NOTE, change how a claim is judged)
    sig_cols = [k for k in cl.columns if k not in ("claim_id", "origin", "origin_url", "text")]
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # never leak to users' output
        warnings.simplefilter("ignore")
        ordered = cl.sort_values("claim_id", kind="stable")
        n, cols = len(cl), list(ordered.columns)
        del cl
        for i, c, sig in _claim_dicts(ordered, cols, sig_cols if index is not None else []):
            if index is None:
                rec = _check_one_safely(c, est, known, level, assumed_margin, about_tolerance,
                                        share_tolerance)
            else:
                if sig in same_as:
                    rec = dict(same_as[sig], claim_id=str(c["claim_id"]),
                               origin=str(c.get("origin", "")), text=str(c.get("text", "")))
                else:
                    if len(same_as) >= SAME_AS_MAX:
                        same_as.clear()
                    host = c.get("host")
                    mkey = (str(c["measure"]), str(c["comparator"]), type(host).__name__,
                            _key_value(host))
                    got = measures_of.get(mkey)
                    if got is None:
                        got = measures_of[mkey] = _index_measures(mkey[0], mkey[1], host)
                    win, whole = got
                    rec = same_as[sig] = _check_one_safely(
                        c, index.rows(win, whole, c["as_of"]), known, level, assumed_margin,
                        about_tolerance, share_tolerance, share_at=share_at)
            if progress is not None:
                progress(i + 1, n)
            yield rec


#: Claims turned into plain dicts at a time by :func:`_claim_dicts` (an archive's claims are
#: never all held as Python objects at once: memory stays flat).
CLAIM_BLOCK: int = 1_000


def _claim_dicts(ordered: pd.DataFrame, cols: list[str], sig_cols: list[str]
                 ) -> Iterator[tuple[int, dict[str, Any], tuple[Any, ...] | None]]:
    """(position, claim, signature) of each row of *ordered*: the claim as a plain dict of
    the values ``DataFrame.iterrows`` would give (the same objects, read from the same
    object array, at a fraction of a Series' cost), and what its verdict depends on (the
    ``_key_value`` of each of *sig_cols*, read column-wise; None without *sig_cols*),
    :data:`CLAIM_BLOCK` rows at a time."""
    for a in range(0, len(ordered), CLAIM_BLOCK):
        block = ordered.iloc[a:a + CLAIM_BLOCK]
        sigs = (list(zip(*(_column_keys(block[k]) for k in sig_cols))) if sig_cols
                else [None] * len(block))
        for i, (vals, sig) in enumerate(zip(block.values, sigs), start=a):
            yield i, dict(zip(cols, vals)), sig


def _column_keys(col: pd.Series) -> list[Any]:
    """``_key_value`` of each value of *col* as ``itertuples`` gives it (a date as its
    nanoseconds, a missing value as None), a column at a time."""
    if pd.api.types.is_datetime64_any_dtype(col) and getattr(col.dtype, "tz", None) is None:
        ns = col.to_numpy("datetime64[ns]")
        vals = ns.view("int64").tolist()
        if np.isnat(ns).any():
            vals = [pd.NaT if m else v for v, m in zip(vals, np.isnat(ns).tolist())]
        return vals
    return list(map(_key_value, col.tolist()))


def _frame(out: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(out, columns=OUTPUT_COLUMNS)
    df["verdict_meaning"] = df["verdict"].map(VERDICTS)
    df["verdict_class"] = df["verdict"].map(VERDICT_CLASSES)
    for col in ("lower", "median", "upper", "level", "envelope_lower", "envelope_upper", "value"):
        df[col] = df[col].astype(float)
    df["n_figures"] = df["n_figures"].astype(int)
    return df.reset_index(drop=True)




#: Use the per-measure index and caches of :mod:`syriastats.claims_index` (same verdicts;
#: False runs the original one-claim-at-a-time path, for comparison in tests).
INDEX_ENABLED: bool = True
def _index_measures(measure: str, comparator: str, host: Any) -> tuple[list[str], list[str]]:
    """(measures needed near the claim's date, measures needed as whole series)."""
    m = legacy_measure(measure, host)
    near = [m, measure, *BROADER_MEASURES.get(m, ()), *BROADER_MEASURES.get(measure, ())]
    alias = measure_aliases().get(measure)  # a legacy name: the registry's measure it maps to
    if alias is not None:
        near += [alias["measure"], *BROADER_MEASURES.get(alias["measure"], ())]
    if {m, *near} & {"refugees", "refugees_registered"}:
        near.append(HOST_GOVERNMENT_MEASURE)  # COMPARATOR_RULES['host_government']
    whole: list[str] = []
    if m == "war_duration_years":
        whole += sorted(CUMULATIVE_MEASURES)
    if comparator == "highest_since":
        whole += [m, BENCHMARKS.get(m, m)]
    if m == "displaced_share":
        whole += list(SHARE_INPUTS)
    return near, whole


def _check_one_safely(c: Any, est: pd.DataFrame, known: str, level: float, *args: Any,
                      **kw: Any) -> dict[str, Any]:
    """:func:`_check_one`, with a claim the model cannot compute judged not checkable
    (with the reason) instead of stopping every other claim."""
    try:
        return _check_one(c, est, known, level, *args, **kw)
    except (ArithmeticError, ValueError, RuntimeError) as exc:
        rec = _base(c, known, level)
        return _not_checkable(rec, f"the model could not read the figures ({type(exc).__name__}: "
                                   f"{str(exc)[:200]})", str(c.get("text", ""))[:80], rec["as_of"] or "")


