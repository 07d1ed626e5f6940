"""The verdict of each claim: :func:`check` selects comparable figures, pools them,
judges the claimed number against the pool and explains why."""
from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd

from syriastats import derived
from syriastats.claims.explaining import _explain, _likely_origin
from syriastats.claims.phrases import _claim_phrase, _dates, _day, _figure_label
from syriastats.claims.pooling import _fit_all, _pool, _Pool
from syriastats.claims.records import _base, _fill_pool, _not_checkable
from syriastats.claims.rules import (
    ABOUT_TOLERANCE, ASSUMED_MARGIN, BROADER_MEASURES, CLAIM_ONLY_MEASURES, COMPARATOR_RULES,
    CUMULATIVE_WINDOW_AFTER_DAYS, CUMULATIVE_WINDOW_BEFORE_DAYS, DATE_RULES, OUTPUT_COLUMNS,
    SHARE_TOLERANCE, STOCK_WINDOW_DAYS, VERDICT_CLASSES, VERDICTS, highest_since_problem,
)
from syriastats.claims.selecting import (
    _known_filter, _nearest_per_series, _other_dimensions, _prepare_estimates, _split_scope,
    _window,
)
from syriastats.claims.special import _check_duration, _check_highest
from syriastats.claims.target import Target, broader_target, resolve
from syriastats.reading import documented_floor as _documented_floor
from syriastats.reading import drop_superseded, is_context_only
from syriastats.uncertainty import UncertaintyError


def _judge(comparator: str, x: float, pool: _Pool, about_tol: float,
           share_tol: float) -> tuple[str, str]:
    """Verdict and position (below/within/above the pooled interval) for one claim."""
    L, U = pool.lower, pool.upper
    lows = [f.lo if pool.floor is None else max(f.lo, pool.floor) for f in pool.figs]
    highs = [f.hi for f in pool.figs]
    if comparator in ("about", "share_about"):
        tol = x * about_tol if comparator == "about" else share_tol
        a, b = x - tol, x + tol
        position = "above" if a > U else ("below" if b < L else "within")
        if position == "within":
            return "consistent", position
        if a > max(highs):
            return "above_all", position
        if b < min(lows):
            return "below_all", position
        return "contested", position
    position = "above" if x > U else ("below" if x < L else "within")
    if comparator in ("at_least", "share_at_least"):
        if x <= pool.median:
            return "consistent", position
        if x <= U:
            # a floor above the pooled median: the sources put more than half their weight
            # below it (mirror of the 'as many as' rule)
            return "contested", position
        return ("above_all" if x > max(highs) else "contested"), position
    if comparator == "less_than":
        if x >= pool.median:
            return "consistent", position
        if x >= L:
            # a bound below the pooled median: the sources put more than half their weight
            # above it (mirror of the 'more than' rule)
            return "contested", position
        return ("below_all" if x < min(lows) else "contested"), position
    if comparator in ("at_most", "share_at_most"):
        if L <= x <= U:
            # a ceiling below the pooled median: most of the sources' weight lies above it
            return ("consistent" if x >= pool.median else "contested"), position
        if x > max(highs):
            return "above_all", position
        if x < min(lows):
            return "below_all", position
        return "contested", position
    raise ValueError(f"unknown comparator {comparator!r}")


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
    est = _prepare_estimates(estimates, sources)
    cl = claims.copy()
    if "origin_date" not in cl.columns:
        cl["origin_date"] = pd.NaT
    cl["as_of"] = _dates(cl["as_of"], "last")
    cl["origin_date"] = _dates(cl["origin_date"], "first")
    out = []
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # never leak to users' output
        warnings.simplefilter("ignore")
        for i, (_, c) in enumerate(cl.sort_values("claim_id", kind="stable").iterrows()):
            out.append(_check_one_safely(c, est, known, level, assumed_margin, about_tolerance,
                                         share_tolerance))
            if progress is not None:
                progress(i + 1, len(cl))
    df = pd.DataFrame(out, columns=OUTPUT_COLUMNS)
    df["verdict_meaning"] = df["verdict"].map(VERDICTS)
    df["verdict_class"] = df["verdict"].map(VERDICT_CLASSES)
    for col in ("lower", "median", "upper", "level", "envelope_lower", "envelope_upper", "value"):
        df[col] = df[col].astype(float)
    df["n_figures"] = df["n_figures"].astype(int)
    return df.reset_index(drop=True)


def _check_one_safely(c: pd.Series, est: pd.DataFrame, known: str, level: float, *args: Any
                      ) -> dict[str, Any]:
    """:func:`_check_one`, with a claim the model cannot compute judged not checkable
    (with the reason) instead of stopping every other claim."""
    try:
        return _check_one(c, est, known, level, *args)
    except (ArithmeticError, ValueError, RuntimeError) as exc:
        rec = _base(c, known, level)
        return _not_checkable(rec, f"the model could not read the figures ({type(exc).__name__}: "
                                   f"{str(exc)[:200]})", str(c.get("text", ""))[:80], rec["as_of"] or "")


#: estimate_id of the displaced share the checker computes from counts.
COMPUTED_SHARE_ID: str = "computed-displaced-share"


def _computed_share(knowable: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series | None:
    """The displaced share computed from the knowable counts, as one pooled figure.

    (registered refugees + IDPs) / pre-war population by
    :func:`syriastats.derived.displaced_share` at *as_of*, from the figures the claimant
    could know (or all, for 'now'); its 90 % interval becomes a bracket. ``None`` when
    the registry lacks one of the three inputs near the date.
    """
    try:
        r = derived.displaced_share(knowable, on=as_of, n=50_000).iloc[0]
    except (UncertaintyError, KeyError, ValueError):
        return None
    return pd.Series({
        "estimate_id": COMPUTED_SHARE_ID, "source_id": "",
        "publisher": "syriastats (computed: registered refugees + IDPs over pre-war population)",
        "measure": "displaced_share", "method": "derived",
        "scope": "share of the pre-war population displaced, computed from the registry's counts",
        "low": float(r["lower_90"]), "central": float(r["median"]), "high": float(r["upper_90"]),
        "qualifier": "exact", "range_type": "bracket", "range_level": np.nan, "margin": np.nan,
        "period_start": as_of, "period_end": as_of, "published": as_of,
        "notes": "Model interval (90%), not a published figure. " + str(r["assumptions"]),
        "locator": "syriastats.derived.displaced_share",
    })


_SHARE_OF: dict[str, str] = {"about": "share_about", "at_least": "share_at_least",
                             "at_most": "share_at_most"}


def _check_one(c: pd.Series, est: pd.DataFrame, known: str, level: float, margin: float,
               about_tol: float, share_tol: float) -> dict[str, Any]:
    rec = _base(c, known, level)
    comp, x = rec["comparator"], rec["value"]
    as_of: pd.Timestamp = c["as_of"]
    target = resolve(c, as_of)
    measure = target.measure
    rec["dimensions"] = target.describe()
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else as_of
    phrase = _claim_phrase(comp, x, measure)
    date = _day(as_of)
    # what the claimant could know; a revision replaces what it revises once published
    known_rows = _known_filter(est, known, cutoff)
    knowable = drop_superseded(known_rows)
    known_txt = (f"published by {_day(cutoff)}" if known == "then" else "published at any time")
    if target.problem:
        return _not_checkable(rec, target.problem, phrase, date)

    if measure == "war_duration_years":
        return _check_duration(rec, knowable, as_of, comp, x, phrase, date, known_txt)
    if comp == "highest_since":
        bad = highest_since_problem(x, as_of)
        if bad:
            return _not_checkable(rec, bad + ".", f"the highest since {x:g}", date)
        return _check_highest(rec, knowable, est, target, x, level, margin, phrase,
                              date, known_txt)
    if measure in CLAIM_ONLY_MEASURES:
        return _not_checkable(rec, f"the checker has no rule for the measure {measure}.",
                              phrase, date)
    # comparator and measure must agree on whether the claim is a share
    is_share = measure.endswith("_share")
    if comp.startswith("share_") and not is_share:
        return _not_checkable(rec, f"the comparator {comp} is for shares (fractions of the "
                              f"population), but {measure} is not a share measure.", phrase, date)
    jcomp = _SHARE_OF.get(comp, comp) if is_share else comp
    if jcomp not in ("about", "at_least", "at_most", "less_than", "share_about",
                     "share_at_least", "share_at_most"):
        return _not_checkable(rec, f"the checker has no rule for the comparator {comp}.",
                              phrase, date)

    window_all = _window(est, target)
    window = _window(knowable, target)
    extra = pd.concat([_window(knowable, broader_target(target, m))
                       for m in BROADER_MEASURES.get(measure, ())] or [window.iloc[0:0]])
    ctx_mask = window["role"].map(is_context_only).astype(bool)
    context = window[ctx_mask]
    window = window[~ctx_mask]
    if not extra.empty:
        extra = extra[~extra["role"].map(is_context_only).astype(bool)]
    same_rows, broad_rows = _split_scope(window, measure, extra)
    # the floors use every documented count in the window, before one figure per series is
    # kept (a later release may be nearer but not a floor). The broader pool may also be
    # floored by all-deaths counts: every broader measure contains deaths_total.
    floor = _documented_floor(same_rows, measure, as_of)
    broad_ms = [measure] + (["deaths_total"] if "deaths_total" in BROADER_MEASURES.get(measure, ())
                            else [])
    broad_floor = _documented_floor(pd.concat([same_rows, broad_rows]), broad_ms, as_of)
    same_all, broad_all = same_rows, broad_rows  # for naming where a number comes from
    same_rows = _nearest_per_series(same_rows, as_of)
    broad_rows = _nearest_per_series(broad_rows, as_of)
    if measure == "displaced_share":
        # computed as syriastats.derived computes it (every population vintage, revisions
        # included, is part of the denominator's spread)
        computed = _computed_share(known_rows, as_of)
        if computed is not None:
            same_rows = pd.concat([same_rows, computed.to_frame().T], ignore_index=True)
    rec["closest"] = "; ".join(_figure_label(r) for _, r in same_rows.head(3).iterrows())
    ctx_txt = ""
    if not context.empty:
        ctx_txt = (" For context only (the registry's notes say not to pool "
                   + ("it" if len(context) == 1 else "them") + "): "
                   + "; ".join(_figure_label(r) for _, r in context.iterrows()) + ".")

    if same_rows.empty and broad_rows.empty:
        other = _other_dimensions(knowable, target)
        if (est["measure"] == measure).sum() == 0:
            reason = f"the registry holds no figure for {measure}."
        elif other:
            reason = (f"no figure for {measure} with the claim's dimensions ({target.describe()}) "
                      f"near {date}; the registry has figures near that date only for {other}, "
                      "which are not comparable (never pooled with the claim's).")
        elif not context.empty:
            reason = f"the only figures for {measure} near {date} are marked context only."
        elif known == "then" and not window_all.empty:
            later = window_all.sort_values("published").iloc[0]
            reason = (f"every figure for {measure} near {date} was published after the claim "
                      f"(first: {later['estimate_id']}, published {_day(later['published'])}); "
                      "what the claimant could have known is not in the registry. Try known='now'.")
        else:
            reason = (f"no figure for {measure} in the registry speaks of a date near {date} "
                      f"(rule: {DATE_RULES.format(stock=STOCK_WINDOW_DAYS, before=CUMULATIVE_WINDOW_BEFORE_DAYS, after=CUMULATIVE_WINDOW_AFTER_DAYS)})")
        rec = _not_checkable(rec, reason, phrase, date)
        rec["explanation"] += ctx_txt
        return rec
    rec["widened"] = _widened(same_rows, target)

    same_figs, skipped = _fit_all(same_rows, level, margin)
    broad_figs, skipped2 = _fit_all(broad_rows, level, margin)
    skipped += skipped2
    if not same_figs and not broad_figs:
        return _not_checkable(rec, "no comparable figure could be read as a distribution: "
                              + "; ".join(skipped), phrase, date)

    if broad_floor is not None and floor is not None and broad_floor[0] < floor[0]:
        broad_floor = floor
    same_pool = _pool(same_figs, level, floor) if same_figs else None
    broad_pool = _pool(broad_figs, level, broad_floor) if broad_figs else None
    v_same = _judge(jcomp, x, same_pool, about_tol, share_tol) if same_pool else None
    v_broad = _judge(jcomp, x, broad_pool, about_tol, share_tol) if broad_pool else None

    if v_same is not None and (v_same[0] == "consistent" or v_broad is None
                               or v_broad[0] != "consistent"):
        verdict, position = v_same
        pool, scope_used = same_pool, "same"
    elif v_broad is not None and v_broad[0] == "consistent":
        verdict, position = "broader_scope_only", v_broad[1]
        pool, scope_used = broad_pool, "broader"
    else:
        assert v_broad is not None and broad_pool is not None
        verdict, position = v_broad
        pool, scope_used = broad_pool, "broader_only_available"
    assert pool is not None
    _fill_pool(rec, pool)
    rec.update(verdict=verdict, position=position, scope_used=scope_used)
    rec["explanation"] = _explain(rec, pool, same_pool, broad_pool, v_same, phrase, date,
                                  known_txt, as_of, skipped, margin, jcomp)
    if jcomp != comp:
        rec["explanation"] += (f" The claim is about a share, so '{comp}' is judged as "
                               f"{jcomp} ({COMPARATOR_RULES['share_about'].split('. ')[0]}).")
    rec["explanation"] += _likely_origin(x, measure, jcomp, same_all, broad_all, as_of)
    rec["explanation"] += ctx_txt
    if scope_used != "same":
        broader = ", ".join(BROADER_MEASURES.get(measure, ())) or "a broader scope"
        rec["widened"] = "; ".join(filter(None, [
            rec["widened"], f"measure: judged with figures of a broader scope ({broader} or "
            "deaths including indirect deaths or the missing)"]))
    rec["explanation"] += _dimension_txt(target, rec["widened"])
    return rec


def _widened(rows: pd.DataFrame, t: Target) -> str:
    """Which dimension the comparable figures widen, and how (empty if none)."""
    if "group" not in rows.columns:
        return ""
    other = rows[rows["group"].map(lambda g: isinstance(g, str) and g != t.group).astype(bool)]
    if other.empty:
        return ""
    groups = ", ".join(sorted(set(other["group"].astype(str))))
    return (f"group: also figures for {groups} ({', '.join(other['estimate_id'].astype(str))}), "
            f"which leave out part of '{t.group}'")


def _dimension_txt(t: Target, widened: str) -> str:
    out = f" Compared only with figures of the claim's dimensions: {t.describe()}"
    if t.defaults:
        out += (" (not stated by the claim, so read with the measure's default: "
                + ", ".join(t.defaults) + ")")
    out += "."
    if widened:
        out += f" Widened: {widened}."
    return out


#: Claim comparator -> the registry qualifiers worded in the same direction.
