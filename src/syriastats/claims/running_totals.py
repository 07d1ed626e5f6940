"""Running totals (counted from a fixed start: deaths since 2011, returns since the fall of
Assad) only grow: a total counted to a much later date cannot show a claim too low, and one
counted over a small part of the claim's period cannot show it too high."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _day, _figure_label, _num
from syriastats.claims.pooling import _fit_all, _pool
from syriastats.claims.positions import arrays, knowable_mask, window_positions
from syriastats.claims.bounds import BRACKET_MEASURES, HINDSIGHT
from syriastats.claims.judgements import REACH_ROUNDING
from syriastats.claims.records import _fill_pool, _not_checkable
from syriastats.claims import pace
from syriastats.claims.pace import PACE_OVER, pace_bound
from syriastats.claims.rules import CUMULATIVE_START_BY, EARLIER_PACE_FACTOR
from syriastats.claims.selecting import _days_from, _nearest_per_series
from syriastats.claims.target import Target
from syriastats.claims_index import concat, take

#: A running total counted to more than this many days after the claim's date is an upper
#: bound only (see :func:`_later_totals_only`).
LATER_TOTAL_DAYS: int = 31


def _later_totals_only(same: pd.DataFrame, broad: pd.DataFrame, t: Target, as_of: pd.Timestamp,
                       measure: str) -> str:
    """Why a running total cannot be called too low ('' if it can): every comparable total
    is counted to a date more than :data:`LATER_TOTAL_DAYS` after the claim's.

    A total counted from a fixed start (returns since 8 December 2024, deaths since 2011)
    only grows, so a total to a later date is an upper bound on the claim's: it can show the
    claim too high, never too low (the returns counted by April were twice those of
    January).
    """
    if t.period_type != "cumulative":
        return ""
    rows = concat([same, broad]) if not broad.empty else same
    if rows.empty or "period_end" not in rows.columns:
        return ""
    days = _days_from(rows, as_of)
    delta = days if days is not None else (rows["period_end"] - as_of).dt.days.to_numpy()
    if not (delta > LATER_TOTAL_DAYS).all():
        return ""
    first = rows.iloc[int(np.argmin(delta))]
    return (f"no figure for {measure} counted to within {LATER_TOTAL_DAYS} days of "
            f"{_day(as_of)}: the comparable totals run to later dates (the first, "
            f"{first['estimate_id']}, to {_day(first['period_end'])}), and a running total only "
            "grows, so they cannot show the claim too low.")


def _earlier_totals_only(same: pd.DataFrame, broad: pd.DataFrame, t: Target,
                         as_of: pd.Timestamp, measure: str, x: float | None = None) -> str:
    """Why a running total cannot be called too high ('' if it can): every comparable total
    is counted to an earlier date and covers less than :data:`EARLIER_TOTAL_COVERAGE` of the
    claim's period (from its start to its date).

    Under the earlier_only rule a claim (value *x*, in the measure's unit) above what the
    latest total could reach by the claim's date at :data:`EARLIER_PACE_FACTOR` times the
    series' own average pace stays judgeable as too high: the text returned then starts with
    :data:`PACE_OVER` and says why (see :func:`earlier_or_pace`).

    The mirror of :func:`_later_totals_only`: a total that only grows, counted to an earlier
    date, is a lower bound on the claim's. Over most of the period it is still a fair
    comparison (deaths since 2011 counted to May 2016, for a claim of August 2016); over a
    small part of it, it is not (refugee returns since the fall of Assad counted to January
    2025 were a fifth of June's).
    """
    if t.period_type != "cumulative" or t.start is None or pd.isna(t.start):
        return ""
    rows = concat([same, broad]) if not broad.empty else same
    if rows.empty or "period_end" not in rows.columns:
        return ""
    span = (as_of - t.start).days
    if span <= 0:
        return ""
    days = _days_from(rows, as_of)
    delta = days if days is not None else (rows["period_end"] - as_of).dt.days.to_numpy()
    if (delta >= 0).any():
        return ""
    covered = (span + delta) / span  # share of the claim's period each total counts
    best = int(np.argmax(covered))
    strict = _earlier_only(t)
    if covered[best] >= EARLIER_TOTAL_COVERAGE and not strict:
        return ""
    last = rows.iloc[best]
    if strict and x is not None:
        over = _pace_bound(last, t, -int(delta[best]), float(x), measure)
        if over:
            return over
    return (f"the comparable totals of {measure} are counted to earlier dates, the latest "
            f"({last['estimate_id']}) to {_day(last['period_end'])}, {-int(delta[best])} days "
            f"before {_day(as_of)}: {covered[best]:.0%} of the claim's period from "
            f"{_day(t.start)}. A running total only grows, so they cannot show the claim too "
            "high" + (" (rule: earlier_only: a total counted from a later start than the "
                      "war's, or of returns or applications, is bounded by an earlier total "
                      "only from below, however near, unless the claim is beyond three times "
                      "the series' own pace)." if strict else "."))


def _earlier_only(t: Target) -> bool:
    """Is *t* a running total an earlier total bounds only from below, whatever share of
    its period that total counts (COMPARATOR_RULES['earlier_only'])? A total from a later
    start than the war's, or one of the bracket measures (returns, applications)."""
    return t.measure in BRACKET_MEASURES or (
        t.start is not None and pd.notna(t.start) and t.start > CUMULATIVE_START_BY)




def earlier_or_pace(same: pd.DataFrame, broad: pd.DataFrame, t: Target, as_of: pd.Timestamp,
                    measure: str, x: float) -> tuple[str, str]:
    """(the pace bound's explanation, the not-checkable reason) of
    :func:`_earlier_totals_only` for a claim of value *x*: at most one of them is not ''."""
    why = _earlier_totals_only(same, broad, t, as_of, measure, x)
    return (why, "") if why.startswith(PACE_OVER) else ("", why)


def pace_prefix(pace_txt: str, verdict: str) -> str:
    """The start of the explanation of a claim above earlier_only's pace bound (judged
    above_all by the pool), else ''."""
    return pace_txt + " " if pace_txt and verdict == "above_all" else ""


def _pace_bound(last: pd.Series, t: Target, gap: int, x: float, measure: str) -> str:
    """The earlier_only pace bound for a claim of value *x* whose latest comparable total
    *last* is counted to *gap* days before the claim's date: the explanation (starting with
    :data:`PACE_OVER`) when *x* is above latest + EARLIER_PACE_FACTOR x pace x gap, else ''.
    The pace is the latest total (people) over the days it covers (its period_start, else
    the claim's start, to its period_end); fewer than EARLIER_PACE_MIN_DAYS: no pace, ''."""
    low, high = pace.ends(last)
    latest = high if high is not None else low  # its high end: the most generous reading
    found = pace_bound(last, latest, t, gap) if latest is not None else None
    if found is None:
        return ""
    days, rate, bound = found
    if not x > bound:
        return ""
    return (f"{PACE_OVER} the latest comparable total, {_figure_label(last)}, counts "
            f"{_num(latest, measure)} over {days} days, an average pace of "
            f"{rate:,.{0 if rate >= 10 else 1}f} a day; even at {EARLIER_PACE_FACTOR:g} times that "
            f"pace for "
            f"the {gap} days to {_day(t.end)} the total could reach at most "
            f"{_num(bound, measure)}, and the claim, {_num(x, measure)}, is above it (without "
            "the bound the verdict would be not_checkable: an earlier total bounds a running "
            "total of a later start only from below).")


#: An earlier running total is compared with a claim only when it counts at least this
#: share of the claim's period (see :func:`_earlier_totals_only`).
EARLIER_TOTAL_COVERAGE: float = 0.9


def later_totals_rejudge(rec: dict[str, Any], est: pd.DataFrame, t: Target, known: str,
                         cutoff: pd.Timestamp, x: float, comparator: str,
                         judge: Callable[..., tuple[str, str]], args: tuple[Any, ...]
                         ) -> dict[str, Any]:
    """A running total judged too low (below_all) is judged again against only the totals
    counted to its date or before (COMPARATOR_RULES['later_totals']): a total counted to a
    later date only grows, so it cannot show the claim too low, however near it was picked
    (UNHCR's 58,350 returns to 27 December 2024 against 115,000 to 2 January 2025 and IOM's
    259,745 to February). *args*: (level, assumed margin, about and share tolerances,
    documented floor); *judge*: the comparator rule (judging._judge). The new verdict and
    pool replace the old when they are no longer below_all. With no earlier total the rule
    of :func:`_later_totals_only` stands (a total counted within LATER_TOTAL_DAYS after the
    claim's date may still show it too low)."""
    if t.period_type != "cumulative" or rec["verdict"] != "below_all":
        return rec
    level, margin, about_tol, share_tol, floor = args
    pos = window_positions(est, t, knowable_mask(est, known, cutoff))
    pos = pos[~arrays(est).ctx[pos]]
    rows = take(est, pos)
    if rows.empty:
        return rec
    after = (rows["period_end"] > t.end).to_numpy(bool)
    if not after.any():
        return rec
    later = rows[after].sort_values(["period_end", "estimate_id"]).iloc[0]
    early = rows[~after]
    if early.empty:  # only later totals: _later_totals_only's rule (31 days) decides
        return rec
    figs, _ = _fit_all(_nearest_per_series(early, t.end), level, margin)
    if not figs:
        return rec
    pool = _pool(figs, level, floor)
    verdict, position = judge(comparator, x, pool, about_tol, share_tol)
    if verdict == "below_all":
        return rec
    _fill_pool(rec, pool)
    rec.update(verdict=verdict, position=position)
    why = (f"running totals counted to later dates (the first, {later['estimate_id']}, to "
           f"{_day(later['period_end'])}) only grow, so they cannot show a claim of "
           f"{_day(t.end)} too low (rule: later_totals; without it the verdict would be "
           f"below_all, understated)")
    rec["explanation"] = (
        f"Judged against the totals counted to {_day(t.end)} or before "
        f"({'; '.join(_figure_label(f.row) for f in figs)}): {verdict}; {why}. Against every "
        f"comparable total, the later ones included: " + rec["explanation"])
    return rec


#: The fields of a verdict record a pool fills, and their values without one (records._base).
_NO_POOL: dict[str, Any] = {
    "position": "", "lower": np.nan, "median": np.nan, "upper": np.nan,
    "envelope_lower": np.nan, "envelope_upper": np.nan, "interval_method": "",
    "scope_used": "", "n_figures": 0, "estimate_ids": "", "source_ids": ""}


def later_totals(rec: dict[str, Any], rows: tuple[pd.DataFrame, pd.DataFrame], est: pd.DataFrame,
                 t: Target, known: str, cutoff: pd.Timestamp, x: float, comparator: str,
                 judge: Callable[..., tuple[str, str]], args: tuple[Any, ...],
                 words: tuple[str, str, str, str]) -> dict[str, Any]:
    """The one place of the rule 'a running total counted to a later date cannot show a
    claim too low' (COMPARATOR_RULES['later_totals']), for a claim judged below_all: when
    every comparable total picked (*rows*: the same-scope and broader figures, one per
    series) runs to more than LATER_TOTAL_DAYS after its date, not_checkable
    (:func:`_later_totals_only`); otherwise judged again against the totals counted to its
    date or before (:func:`later_totals_rejudge`). *words*: (the claim's phrase, its date,
    the context-only sentence, the ``widened`` text before pooling), for the not-checkable
    record, which keeps no pool."""
    if t.period_type != "cumulative" or rec["verdict"] != "below_all":
        return rec
    why = _later_totals_only(rows[0], rows[1], t, t.end, t.measure)
    if not why:
        return later_totals_rejudge(rec, est, t, known, cutoff, x, comparator, judge, args)
    phrase, date, ctx_txt, widened = words
    rec.update(_NO_POOL, widened=widened)
    rec = _not_checkable(rec, why, phrase, date)
    rec["explanation"] += ctx_txt
    return rec


def pace_then(rec: dict[str, Any], pool: Any, rows: tuple[pd.DataFrame, pd.DataFrame],
              t: Target, known: str, x: float, comparator: str, about_tol: float
              ) -> dict[str, Any]:
    """*rec* made ``consistent`` as known then (COMPARATOR_RULES['pace_then']) when
    earlier_only left it not_checkable, or a running bracket did because its ceiling was
    published after the claim (bounds.HINDSIGHT): the claim is within what the latest
    running total the claimant could know reaches by the claim's date at the series' own
    average pace (persons a day since its start, :func:`syriastats.claims.pace.pace_bound`
    with factor 1; beyond EARLIER_PACE_FACTOR times that pace earlier_only calls it
    overstated, in between it stays not_checkable), and not below that total: 'more than X'
    with X at or below the latest known total is proven by it, 'about X' must reach it
    (less :data:`~syriastats.claims.judgements.REACH_ROUNDING`). So for one date the
    verdict of 'more than X' is consistent up to the pace, then not_checkable, then
    overstated (monotone in X). Only 'about' and 'more than' claims; as known now the later
    totals judge it instead."""
    why = str(rec.get("reason", ""))
    if known != "then" or rec["verdict"] != "not_checkable" or pool is None \
            or not ("rule: earlier_only" in why or HINDSIGHT in why) \
            or comparator not in ("about", "at_least"):
        return rec
    same, broad = rows
    cand = concat([same, broad]) if not broad.empty else same
    cand = cand[cand["period_end"] < t.end]
    if cand.empty:
        return rec
    last = cand.sort_values(["period_end", "estimate_id"]).iloc[-1]
    low, high = pace.ends(last)
    found = pace_bound(last, high, t, factor=1.0) if high is not None else None
    if found is None or low is None:
        return rec
    days, pace_, bound = found
    lo_x, hi_x = (x * (1 - about_tol), x * (1 + about_tol)) if comparator == "about" else (x, x)
    reaches = comparator == "at_least" or hi_x >= low * (1 - REACH_ROUNDING)
    if not (reaches and lo_x <= bound):
        return rec
    m = t.measure
    below = comparator == "at_least" and x <= low
    _fill_pool(rec, pool)
    rec.update(verdict="consistent", position="within", reason="")
    rec["explanation"] = (
        f"Consistent as known then (rule: pace_then): the latest total the claimant could "
        f"know, {_figure_label(last)}, " + (
            f"had already counted {_num(low, m)} by {_day(last['period_end'])}, and a running "
            f"total only grows, so the total on {_day(t.end)} was more than {_num(x, m)}"
            if below else
            f"is a floor below the claim, and the claim, {_num(x, m)}, is within what that "
            f"series reaches by {_day(t.end)} at its own average pace ({pace_:,.0f} a day "
            f"over {days} days: {_num(bound, m)})")
        + ". (Without this rule: " + str(rec["explanation"]) + ")")
    return rec
