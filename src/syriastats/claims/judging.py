"""The verdict of each claim: :func:`check` selects comparable figures, pools them,
judges the claimed number against the pool and explains why."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats import derived
from syriastats.claims.attributing import (
    UNATTRIBUTED_COMPARATORS, UNATTRIBUTED_VERDICTS, apply_attribution, attribution_of,
)
from syriastats.claims.judgements import after_pool
from syriastats.claims.explaining import _explain, _likely_origin, _range_txt, _who
from syriastats.claims.phrases import _claim_phrase, _day, _figure_label
from syriastats.claims.pooling import _fit_all, _pool, _Pool
from syriastats.claims.records import _base, _fill_pool, _not_checkable
from syriastats.claims.rules import (
    BROADER_MEASURES, CLAIM_ONLY_MEASURES, DEATH_MEASURES, COMPARATOR_RULES, CUMULATIVE_WINDOW_AFTER_DAYS,
    CUMULATIVE_WINDOW_BEFORE_DAYS, DATE_RULES, STOCK_WINDOW_DAYS, highest_since_problem,
)
from syriastats.claims.positions import (
    _duration_rows, _near_value, arrays, documented_floor_at, empty_of, first_published,
    knowable_mask, labels_of, nearest_positions, other_dimensions_at, window_positions,
    with_computed,
)
from syriastats.claims.shares import _SHARE_OF, SHARE_INPUTS, _computed_share
from syriastats.claims.selecting import _known_filter, _one_sided_stale
from syriastats.claims.running_totals import (
    earlier_or_pace, later_totals, pace_prefix, pace_then)
from syriastats.claims.special import _check_duration, _check_highest
from syriastats.claims import bounds, definitions, floors, monitor_floors, scopes, subgroups
from syriastats.claims.target import (
    _dates_problem, _dimension_txt, _widened, broader_target, resolve)
from syriastats.claims.perpetrators import outside_window, perpetrator_problem
from syriastats.claims_index import cached_call, cached_pool, per_frame, take


def _judge(comparator: str, x: float, pool: _Pool, about_tol: float, share_tol: float,
           reached: tuple[float, float, str] | None = None) -> tuple[str, str]:
    """Verdict and position (below/within/above the pooled interval) for one claim; a bound
    beyond every published number is never consistent (floors.unpublished; *reached*:
    :func:`syriastats.claims.floors.reach` of the pool, for a running total's pace)."""
    L, U = pool.lower, pool.upper
    unpub = floors.unpublished(comparator, x, pool, reached)
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
        if x <= pool.median and not unpub:
            return "consistent", position
        if x <= U:
            # a floor above the pooled median: the sources put more than half their weight
            # below it (mirror of the 'as many as' rule)
            return "contested", position
        return ("above_all" if x > max(highs) else "contested"), position
    if comparator == "less_than":
        if x >= pool.median and not unpub:
            return "consistent", position
        if x >= L:
            # a bound below the pooled median: the sources put more than half their weight
            # above it (mirror of the 'more than' rule)
            return "contested", position
        return ("below_all" if x < min(lows) else "contested"), position
    if comparator in ("at_most", "share_at_most"):
        if L <= x <= U:
            # 'up to X' says only that X is possible: any ceiling within the plausible range
            # (COMPARATOR_RULES['at_most'], H23v; it was X >= the pooled median)
            return ("consistent" if not unpub else "contested"), position
        if x > max(highs):
            return "above_all", position
        if x < min(lows):
            return "below_all", position
        return "contested", position
    raise ValueError(f"unknown comparator {comparator!r}")


def _check_one(c: pd.Series, est: pd.DataFrame, known: str, level: float, margin: float,
               about_tol: float, share_tol: float,
               share_at: derived.DisplacedShareAt | None = None) -> dict[str, Any]:
    """The verdict of one claim, with the attribution rule (COMPARATOR_RULES['attributed'])
    applied when the claim names its publisher (column ``attribution``). *share_at*: the
    computed displaced share over the whole registry (see :func:`_computed_share`)."""
    rec = _check_plain(c, est, known, level, margin, about_tol, share_tol, share_at)
    rec = scopes.whose_count(  # whose count it is (syriastats.claims.scopes)
        _check_attributed(rec, c, est, known, about_tol, share_tol), c, est, known, about_tol)
    return monitor_floors.apply(rec, c, est, known, about_tol)  # (H23v)


def _check_attributed(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, known: str,
                      about_tol: float, share_tol: float) -> dict[str, Any]:
    """*rec* with COMPARATOR_RULES['attributed'] or ['unattributed_match'] applied."""
    if rec["verdict"] == "not_checkable":  # attributed, or unattributed_match (attributing.py)
        return rec
    if not attribution_of(c) and (rec["verdict"] not in UNATTRIBUTED_VERDICTS
                                  or rec["comparator"] not in UNATTRIBUTED_COMPARATORS):
        return rec
    as_of: pd.Timestamp = c["as_of"]
    target = resolve(c, as_of)
    if target.problem or rec["comparator"] in ("highest_since",) \
            or target.measure in CLAIM_ONLY_MEASURES:
        return rec
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else as_of
    comp = rec["comparator"]
    jcomp = _SHARE_OF.get(comp, comp) if target.measure.endswith("_share") else comp
    return apply_attribution(rec, c, est, target, cutoff, jcomp, about_tol, share_tol)


def _check_plain(c: pd.Series, est: pd.DataFrame, known: str, level: float, margin: float,
                 about_tol: float, share_tol: float,
                 share_at: derived.DisplacedShareAt | None = None) -> dict[str, Any]:
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
    # (a boolean array over est: selections below are positions into est, shared by claims)
    kmask = knowable_mask(est, known, cutoff)
    known_txt = (f"published by {_day(cutoff)}" if known == "then" else "published at any time")
    if target.problem:
        return _not_checkable(rec, target.problem, phrase, date)

    bad_dates = _dates_problem(c, as_of)
    if bad_dates:
        return _not_checkable(rec, bad_dates, phrase, date)
    if measure == "war_duration_years":
        # only the cumulative tolls starting in March 2011 are read: hand over just those
        return _check_duration(rec, take(est, kmask & per_frame("duration-rows", est,
                                                                _duration_rows)), as_of, comp, x, phrase, date, known_txt)
    if comp == "highest_since":
        bad = highest_since_problem(x, as_of)
        if bad:
            return _not_checkable(rec, bad + ".", f"the highest since {x:g}", date)
        return _check_highest(rec, take(est, kmask), est, target, x, level, margin, phrase,
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

    # selection on row positions of the knowable frame (syriastats.claims.selecting: the
    # same rows as _window, _context_mask, _split_scope, _documented_floor and
    # _nearest_per_series); frames are made only for the figures finally compared
    ka = arrays(est)
    wpos = window_positions(est, target, kmask)
    cmask = ka.ctx[wpos]
    context = take(est, wpos[cmask]) if cmask.any() else per_frame("empty", est, empty_of)
    wpos = wpos[~cmask]
    extra_pos = np.concatenate([window_positions(est, broader_target(target, m), kmask)
                                for m in BROADER_MEASURES.get(measure, ())]
                               or [np.zeros(0, int)]).astype(int)
    extra_pos = extra_pos[~ka.ctx[extra_pos]]
    if measure in DEATH_MEASURES:
        bmask = ka.broad[wpos]
        same_pos, broad_pos = wpos[~bmask], np.concatenate([wpos[bmask], extra_pos])
    else:
        same_pos, broad_pos = wpos, extra_pos
    same_pos, broad_pos, moved = scopes.own_scope(est, target, same_pos, broad_pos)
    same_pos, broad_pos, kin = subgroups.own_group(est, target, same_pos, broad_pos)  # (H23v)
    # the floors use every documented count in the window, before one figure per series is
    # kept (a later release may be nearer but not a floor). The broader pool may also be
    # floored by all-deaths counts: every broader measure contains deaths_total.
    floor = documented_floor_at(est, same_pos, measure, as_of)
    broad_ms = [measure] + (["deaths_total"] if "deaths_total" in BROADER_MEASURES.get(measure, ())
                            else [])
    broad_floor = documented_floor_at(est, np.concatenate([same_pos, broad_pos]), broad_ms,
                                      as_of)
    # for naming where a number comes from: only figures equal to it (within 1 %) are named
    same_all = take(est, _near_value(ka.central, same_pos, x))
    broad_all = take(est, _near_value(ka.central, broad_pos, x))
    same_rows = take(est, nearest_positions(est, same_pos, as_of))
    broad_rows = take(est, nearest_positions(est, broad_pos, as_of))
    if measure == "displaced_share":
        # computed as syriastats.derived computes it (every population vintage, revisions
        # included, is part of the denominator's spread); cached per set of inputs
        if share_at is not None:
            computed = _computed_share(est, as_of, share_at,
                                       cutoff if known == "then" else None)
        else:
            known_rows = _known_filter(est, known, cutoff)
            computed = cached_call(("computed-share", as_of.value, tuple(sorted(known_rows.loc[
                known_rows["measure"].isin(list(SHARE_INPUTS)), "estimate_id"].astype(str)))),
                _computed_share, known_rows, as_of)
        if computed is not None:  # one more row (positions.with_computed: shared, cached)
            same_rows, rec["closest"] = with_computed(same_rows, computed)
    if not rec["closest"]:
        rec["closest"] = per_frame("closest", same_rows, _closest)
    ctx_txt = ""
    if len(context.index):  # (len of the index: DataFrame.empty costs several µs)
        ctx_txt = (" For context only (the registry's notes say not to pool "
                   + ("it" if len(context) == 1 else "them") + "): "
                   + per_frame("labels", context, labels_of) + ".")

    # figures of the claim's group under a source's wider definition (SOHR's 2011-2012
    # civilians, armed rebels included): judged apart (COMPARATOR_RULES['civilians_incl_armed'])
    wide_rows = definitions.wider_rows(est, target, kmask, ka.ctx)
    if not (len(same_rows.index) or len(broad_rows.index) or len(wide_rows.index)):
        other = other_dimensions_at(est, kmask, target)
        if target.perpetrator != "all":  # COMPARATOR_RULES['perpetrator']
            reason = perpetrator_problem(target.perpetrator, measure,
                                         outside_window(est, kmask, target, date))
        elif not (ka.measure == measure).any():
            reason = f"the registry holds no figure for {measure}."
        elif not context.empty:
            reason = f"the only figures for {measure} near {date} are marked context only."
        elif known == "then" and not (window_all := take(est, window_positions(est, target))).empty:
            later = per_frame("first-published", window_all, first_published)
            reason = (f"every figure for {measure} near {date} was published after the claim "
                      f"(first: {later['estimate_id']}, published {_day(later['published'])}); "
                      "what the claimant could have known is not in the registry. Try known='now'.")
        elif other:
            reason = (f"no figure for {measure} with the claim's dimensions ({target.describe()}) "
                      f"near {date}; the registry has figures near that date only for {other}, "
                      "which are not comparable (never pooled with the claim's).")
        else:
            reason = (f"no figure for {measure} in the registry speaks of a date near {date} "
                      f"(rule: {DATE_RULES.format(stock=STOCK_WINDOW_DAYS, before=CUMULATIVE_WINDOW_BEFORE_DAYS, after=CUMULATIVE_WINDOW_AFTER_DAYS)})")
        rec = _not_checkable(rec, reason, phrase, date)
        rec["explanation"] += ctx_txt
        return bounds.bracket(rec, est, target, known, cutoff, x, jcomp, about_tol)
    stale = _one_sided_stale(same_rows, broad_rows, target, as_of, measure)
    pace_txt, earlier = earlier_or_pace(same_rows, broad_rows, target, as_of, measure, x)
    rec["widened"] = _widened(same_rows, target)

    same_figs, skipped = _fit_all(same_rows, level, margin)
    broad_figs, skipped2 = _fit_all(broad_rows, level, margin)
    skipped += skipped2
    wide_figs = _fit_all(wide_rows, level, margin)[0] if len(wide_rows.index) else []
    if not same_figs and not broad_figs and not wide_figs:
        return _not_checkable(rec, "no comparable figure could be read as a distribution: "
                              + "; ".join(skipped), phrase, date)

    if broad_floor is not None and floor is not None and broad_floor[0] < floor[0]:
        broad_floor = floor
    same_pool = cached_pool(_pool, same_figs, level, floor) if same_figs else None
    broad_pool = cached_pool(_pool, broad_figs, level, broad_floor) if broad_figs else None
    bound = jcomp in floors.LOWER_BOUNDS or jcomp in floors.UPPER_BOUNDS  # (reach: bounds only)
    reach_same = floors.reach(same_pool, target, est, same_pos) if bound else None
    reach_broad = floors.reach(broad_pool, target, est, broad_pos) if bound else None
    v_same = _judge(jcomp, x, same_pool, about_tol, share_tol, reach_same) if same_pool else None
    v_broad = (_judge(jcomp, x, broad_pool, about_tol, share_tol, reach_broad) if broad_pool
               else None)

    # a floor ("more than X") above every figure of its own scope is overstated as worded:
    # a broader scope reaching it does not make it true (it is named in the explanation);
    # above every number its own scope published it keeps the own scope's verdict whatever
    # side of the median it lies (one verdict class for the whole band of X)
    floor_over = (v_same is not None and jcomp in ("at_least", "share_at_least") and (
        v_same[0] == "above_all" or (v_same[0] == "contested"
                                     and floors.unpublished(jcomp, x, same_pool, reach_same))))
    if v_same is None and v_broad is None:  # only wider-definition figures: decided below
        verdict, position, pool, scope_used = "not_checkable", "", None, ""
    elif v_same is not None and (v_same[0] == "consistent" or v_broad is None
                                 or v_broad[0] != "consistent" or floor_over):
        verdict, position = v_same
        pool, scope_used = same_pool, "same"
    elif v_broad is not None and v_broad[0] == "consistent":
        verdict, position = "broader_scope_only", v_broad[1]
        pool, scope_used = broad_pool, "broader"
    else:
        assert v_broad is not None and broad_pool is not None
        verdict, position = v_broad
        pool, scope_used = broad_pool, "broader_only_available"
    wide, wide_old = None, None
    if wide_figs:
        wide, wide_old, wide_pool = definitions.judge_wider(
            wide_figs, v_same, floor_over, verdict if pool is not None else None,
            lambda p: _judge(jcomp, x, p, about_tol, share_tol), level)
        if wide is not None and wide[0] == "not_checkable":
            rec = _not_checkable(rec, definitions.below_reason(wide_rows, target, date,
                                                               wide_old), phrase, date)
            rec["widened"] = definitions.widened_txt(wide_rows, target.group)
            rec["explanation"] += ctx_txt
            return rec
        if wide is not None:
            verdict, position = wide
            pool, broad_pool = wide_pool, wide_pool
            scope_used = "broader" if verdict == "broader_scope_only" else "broader_only_available"
    assert pool is not None
    if scope_used == "broader_only_available" and verdict == "below_all" and wide is None:
        # figures of a broader scope count more people: they cannot show the claim too low
        # (COMPARATOR_RULES['broader_below'])
        broader = ", ".join(BROADER_MEASURES.get(measure, ())) or "a broader scope"
        rec = _not_checkable(rec, (
            f"no figure for {measure} of the claim's own scope near {date}; the only "
            f"comparable figures ({_who(broad_pool)}) are of a broader scope ({broader}), "
            "count more people, and so cannot show the claim too low (rule: broader_below)."),
            phrase, date)
        rec["widened"] = f"measure: only figures of a broader scope ({broader}) were available"
        rec["explanation"] += ctx_txt + _dimension_txt(target, rec["widened"])
        return rec
    if (stale and verdict in ("above_all", "below_all")) or (earlier and verdict == "above_all"):
        # an old level on one side of the date cannot show the claim wrong (it may still
        # agree with it: the explanation then says how old the figure is); an earlier
        # running total over a small part of the period cannot show it too high (a later
        # one cannot show it too low: running_totals.later_totals, after pooling)
        rec = _not_checkable(rec, stale or earlier, phrase, date)
        rec["explanation"] += ctx_txt
        rec = bounds.bracket(rec, est, target, known, cutoff, x, jcomp, about_tol)
        return pace_then(rec, pool, (same_rows, broad_rows), target, known, x, jcomp,
                         about_tol) if earlier and not stale else rec
    widened0 = rec["widened"]
    _fill_pool(rec, pool)
    rec.update(verdict=verdict, position=position, scope_used=scope_used)
    rec["explanation"] = _explain(rec, pool, same_pool, broad_pool, v_same, phrase, date,
                                  known_txt, as_of, skipped, margin, jcomp)
    rec["explanation"] = floors.note(verdict, jcomp, x, pool, reach_same if pool is same_pool
                                     else reach_broad, measure) + rec["explanation"]
    rec["explanation"] = pace_prefix(pace_txt, verdict) + rec["explanation"]
    if floor_over and broad_pool is not None and v_broad is not None and v_broad[0] == "consistent":
        rec["explanation"] += (f" Figures of a broader scope ({_who(broad_pool)}; e.g. including "
                               f"indirect deaths, the missing, or a wider population) would reach "
                               f"it ({_range_txt(broad_pool, measure, level)}), so the number holds "
                               "only with that wider scope stated; as worded it is higher than "
                               "every number the sources of its own scope published (the scope "
                               "was not widened for the verdict).")
    elif scope_used != "same":
        rec["explanation"] += " (Scope widened for this verdict: " + (
            "figures of a broader scope than the claim's words." if scope_used == "broader"
            else "only figures of a broader scope were available.") + ")"
    if jcomp != comp:
        rec["explanation"] += (f" The claim is about a share, so '{comp}' is judged as "
                               f"{jcomp} ({COMPARATOR_RULES['share_about'].split('. ')[0]}).")
    rec["explanation"] += _likely_origin(x, measure, jcomp, same_all, broad_all, as_of)
    rec["explanation"] += ctx_txt
    if wide is not None:
        rec["explanation"] += definitions.note(rec, wide_rows, target.group, wide_old)
        rec["widened"] = "; ".join(filter(None, [
            rec["widened"], definitions.widened_txt(wide_rows, target.group)]))
    elif scope_used != "same":
        broader = ", ".join(BROADER_MEASURES.get(measure, ())) or "a broader scope"
        rec["widened"] = "; ".join(filter(None, [
            rec["widened"], f"measure: judged with figures of a broader scope ({broader} or "
            "deaths including indirect deaths or the missing)"]))
    if kin and scope_used == "same":  # COMPARATOR_RULES['children_women_all_deaths']
        rec["explanation"] += subgroups.note(target.group)
        rec["widened"] = "; ".join(filter(None, [rec["widened"], subgroups.widened(target.group)]))
    rec["explanation"] += _dimension_txt(target, rec["widened"])
    rec = later_totals(rec, (same_rows, broad_rows), est, target, known, cutoff, x, jcomp,
                       _judge, (level, margin, about_tol, share_tol, floor),
                       (phrase, date, ctx_txt, widened0))
    rec = after_pool(rec, [same_pool, broad_pool], x, jcomp, about_tol,
                     measure in DEATH_MEASURES, est, target, cutoff, known,
                     np.concatenate([wpos, extra_pos]))
    rec = scopes.after_verdict(rec, same_pool if scope_used == "same" else None, target, x,
                               jcomp, moved)
    rec = bounds.bracket(rec, est, target, known, cutoff, x, jcomp, about_tol)
    return pace_then(rec, pool, (same_rows, broad_rows), target, known, x, jcomp, about_tol)


def _closest(rows: pd.DataFrame) -> str:
    """The first three comparable figures, labelled."""
    return "; ".join(_figure_label(r) for _, r in rows.head(3).iterrows())


#: Claim comparator -> the registry qualifiers worded in the same direction.
