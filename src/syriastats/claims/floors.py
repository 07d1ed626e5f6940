"""COMPARATOR_RULES['floor_unpublished']: a lower bound ('more than X') is consistent only when
a source, not only the reading rules, puts the truth above X; mirrored for upper bounds.

The rule compares X with two numbers fixed by the comparable figures, never by X: the pooled
range's lower end (upper end, for an upper bound) and the highest (lowest) number a figure
of the judged scope published (:func:`reach`). The median rule of
:func:`syriastats.claims.judging._judge` uses one more fixed threshold (the median), so the
verdict of 'more than X' for one date, measure and scope is a step function of X:
consistent up to a point, then contested, then above_all, never back (monotone by
construction). Persons (or fractions, for shares) throughout."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.judgements import REACH_ROUNDING
from syriastats.claims.phrases import _num
from syriastats.claims import pace
from syriastats.claims.rules import EARLIER_PACE_FACTOR, STALE_STOCK_DAYS
from syriastats.claims.pooling import _Pool, _published_numbers
from syriastats.claims.target import Target
from syriastats.claims_index import array_cache, per_frame

LOWER_BOUNDS: tuple[str, ...] = ("at_least", "share_at_least")
UPPER_BOUNDS: tuple[str, ...] = ("less_than", "at_most", "share_at_most")


def _extremes(est: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Highest and lowest number each registry row published (NaN: none), once per frame."""
    nums = [_published_numbers(r) for _, r in est.iterrows()]
    return (np.array([max(n) if n else np.nan for n in nums], float),
            np.array([min(n) if n else np.nan for n in nums], float))


def _key(row: pd.Series) -> str:
    """The publisher of one registry row (:func:`_publishers`)."""
    return str(row.get("publisher", row.get("source_id")))


def _publishers(est: pd.DataFrame) -> np.ndarray:
    """The publisher of each row (its source_id without one), once per frame: within the
    claim's scope a publisher's figures are one series, whatever their method (SOHR's
    estimate of August 2014 and its documented count of May 2015)."""
    who = est["publisher"] if "publisher" in est.columns else est["source_id"]
    return who.astype(str).to_numpy(object)


def _carried(cands: list[tuple[Any, ...]], t: Target) -> list[bool]:
    """Which of *cands* (highest, lowest, start, end, estimate_id, publisher) a running
    total carries forward to the claim's date: for a cumulative claim, the latest figure of
    each publisher (within the claim's scope) among those ending before the date. Every
    other figure counts with the number it published, not carried: an older count carried
    forward at the pace bound says nothing its publisher's latest count does not (SOHR's
    'more than 250,000' of August 2014 carried to June 2015 would outrun SOHR's own 230,618
    of May 2015), while the number it published stays published (SOHR's 'about 430,000' of
    September 2016 still reaches 367,000 in April 2017)."""
    if t.period_type != "cumulative":
        return [False] * len(cands)
    latest: dict[str, int] = {}
    for i, c in enumerate(cands):
        if pd.isna(c[3]) or pd.Timestamp(c[3]) >= t.end:
            continue
        j = latest.get(c[5])
        if j is None or (pd.Timestamp(c[3]), c[0]) > (pd.Timestamp(cands[j][3]), cands[j][0]):
            latest[c[5]] = i
    keep = set(latest.values())
    return [i in keep for i in range(len(cands))]


def _columns(est: pd.DataFrame) -> tuple[np.ndarray, ...]:
    """estimate_id, period_start and period_end of every row, once per frame (H23s)."""
    return (est["estimate_id"].to_numpy(object), est["period_start"].to_numpy(),
            est["period_end"].to_numpy())


def _row_cands(est: pd.DataFrame, pos: np.ndarray) -> list[tuple[Any, ...]]:
    """:func:`reach`'s candidates from the rows *pos* of *est* (those that published a
    number), once per frame and rows (H23s)."""
    hi, lo = per_frame("published-extremes", est, _extremes)
    keys = per_frame("publishers", est, _publishers)
    ids, starts, ends = per_frame("reach-columns", est, _columns)
    return [(hi[i], lo[i], starts[i], ends[i], str(ids[i]), keys[i]) for i in pos
            if not np.isnan(hi[i])]


def reach(pool: _Pool | None, target: Target, est: pd.DataFrame | None = None,
          pos: np.ndarray | None = None) -> tuple[float, float, str] | None:
    """(highest, lowest number published, estimate_id of the highest) (persons) by the
    figures of *pool* and by the rows *pos* of *est* (every comparable figure of the pool's
    scope in the claim's window, before one figure per series is kept): a running total
    (cumulative claim) that ends before the claim's date is carried forward to the most it
    could have reached by then (:func:`syriastats.claims.pace.reach_by`: EARLIER_PACE_FACTOR
    times its average pace, the bound earlier_only uses), the latest figure of each series
    only (:func:`_carried`; the others count as published). None without a pool; for a level
    (stock) none of whose figures is within STALE_STOCK_DAYS of the date, (inf, -inf, ''):
    the level may have moved past every number since, and the rule does not apply."""
    if pool is None or not pool.figs:
        return None
    cands = list(array_cache(("reach-figs",) + tuple(id(f) for f in pool.figs), tuple(pool.figs),
                             lambda: [(float(f.pub_hi), float(f.pub_lo), f.row.get("period_start"),
                                       f.end, f.eid, _key(f.row)) for f in pool.figs]))
    if est is not None and pos is not None and len(pos):
        cands += array_cache(("reach-rows", id(est), np.asarray(pos, np.int64).tobytes()),
                             (est,), lambda: _row_cands(est, pos))
    ends = [pd.Timestamp(c[3]) for c in cands if pd.notna(c[3])]
    if target.period_type == "stock" and ends and \
            min(abs((target.end - e).days) for e in ends) > STALE_STOCK_DAYS:
        return float("inf"), -float("inf"), ""  # no level near the date: it may have moved
    best, best_id, carried = -float("inf"), "", False
    for (h, _, start, end, eid, _k), carry in zip(cands, _carried(cands, target)):
        moved = False
        if carry:
            found = pace.reach_by(h, start, end, target)
            # no pace yet (an episode's first days): the total may have grown past any number
            h, moved = (found[2], True) if found is not None else (float("inf"), False)
        if h > best:
            best, best_id, carried = h, eid, moved
    return best, min(c[1] for c in cands), best_id + (" (carried)" if carried else "")


def unpublished(comparator: str, x: float, pool: _Pool,
                reached: tuple[float, float, str] | None = None) -> bool:
    """Is the bound *x* beyond every published number and beyond the pooled range's end on
    its side (COMPARATOR_RULES['floor_unpublished'])? *reached*: :func:`reach` of the pool
    (without it, the published numbers as printed, not carried forward)."""
    if comparator in LOWER_BOUNDS:
        hi = reached[0] if reached else max(float(f.pub_hi) for f in pool.figs)
        return x > pool.lower and x * (1 - REACH_ROUNDING) > hi
    if comparator in UPPER_BOUNDS:
        lo = reached[1] if reached else min(float(f.pub_lo) for f in pool.figs)
        return x < pool.upper and x * (1 + REACH_ROUNDING) < lo
    return False


def note(verdict: str, comparator: str, x: float, pool: _Pool | None,
         reached: tuple[float, float, str] | None, measure: str) -> str:
    """The sentence that names the rule when it made a verdict contested that the median
    rule alone would call consistent ('' otherwise)."""
    if pool is None or verdict != "contested" or not unpublished(comparator, x, pool, reached):
        return ""
    if comparator in LOWER_BOUNDS and x <= pool.median:
        hi, _, eid = reached or (max(float(f.pub_hi) for f in pool.figs), 0.0, "")
        return (f"Contested (rule: floor_unpublished): no comparable source published "
                f"{_num(x, measure)} or more (the highest reaches {_num(hi, measure)}"
                + (f", {eid.split(' ')[0]} carried to the claim's date at "
                   f"{EARLIER_PACE_FACTOR:g} times its average pace" if eid.endswith("(carried)")
                   else f": {eid}" if eid else "")
                + f") and the pooled range's lower end ({_num(pool.lower, measure)}) is below "
                "it: only the reading rules' assumptions put the median above it. (Without "
                "this rule the verdict would be consistent.) ")
    if comparator in UPPER_BOUNDS and (comparator != "less_than" or x >= pool.median):
        lo = reached[1] if reached else min(float(f.pub_lo) for f in pool.figs)
        return (f"Contested (rule: floor_unpublished): every comparable source published more "
                f"than {_num(x, measure)} (the lowest: {_num(lo, measure)}) and the pooled "
                f"range's upper end ({_num(pool.upper, measure)}) is above it. (Without this "
                "rule the verdict would be consistent.) ")
    return ""
