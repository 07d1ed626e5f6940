"""COMPARATOR_RULES['monitor_floor']: a death toll that repeats a monitor's documented count
is not understated because another monitor documented more.

Monitors (SOHR, SNHR, VDC, ...) document deaths by different methods and criteria; each count
is a floor of the truth under its own method, and for one period the registry's documented
counts of two monitors differ by 1.03 to 3.87 times, median about 2 (civilians in 2022:
SOHR 1,627, SNHR 1,057, ``sohr-year-2022-civ``/``snhr-year-2022``; see
:data:`MONITOR_SPREAD`). The pooled verdict reads every documented count as a floor of the
same truth, so a claim equal to the lowest of them is 'contested' and a lower
monitor's count missing from the registry is 'below_all'. This rule judges such an 'about X'
death toll again (persons throughout):

1. It applies only when the pooled verdict of the claim's own scope is below_all, or contested
   with the claim below the pooled range, and every pooled figure above the claim (above X
   plus about_tolerance, less 1 % rounding) is a documented count: an estimate, event data or
   a statistical model above it keeps the verdict.
2. Its own publisher first: a claim attributed to a monitor (column attribution) stays
   understated when a figure of that publisher in the claim's window, knowable under the
   claim's ``known`` mode, lies above it (for a running total: one counted to the claim's date
   or before; a later total may have grown). That is a misquote, or a total its own publisher
   had already passed.
3. Within the documented floors: when some pooled documented count is at or below the
   claim's high end (X plus about_tolerance, plus 1 % rounding), counts the claim's whole
   scope (not partial) and, for a running total, was counted to within RECENT_DAYS (31) of
   the claim's date or later, the claim repeats a count as
   low as one a monitor documented: consistent (a lower estimate, or a lower 'more than' figure,
   does not: it says nothing of what was counted). This holds for any 'about X' death toll,
   also one presented as the war's total: only a number below EVERY documented floor is
   understated as a total.
4. Below every floor, one period's toll: a claim that counts one period's deaths (period_type
   flow: a year, a half year, a month), which only monitors and event data count, is read as a
   monitor's count and is consistent when its high end is at least the highest pooled
   documented count divided by :data:`MONITOR_SPREAD`: within the median spread of the
   registry's pairs of monitors' counts of one period. Further below it stays understated, and so does a
   running total from the war's start below every documented floor (monitors' war totals lie
   far closer together than their counts of one period, and an old total repeated later would
   pass), whoever it is attributed to.

The rule never makes a claim less favourable, and for one date, measure and scope the set of X
it calls consistent is an interval below the pooled verdict's own (monotone in X)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.attributing import _publisher_re, attribution_of
from syriastats.claims.pooling import _published_numbers
from syriastats.claims.positions import knowable_mask, window_positions
from syriastats.claims.rules import DEATH_MEASURES, VERDICT_CLASSES
from syriastats.claims.target import resolve
from syriastats.claims.verdict_rules import REACH_ROUNDING
from syriastats.claims.monitor_rules import MONITOR_FLOOR as RULE, MONITOR_SPREAD
from syriastats.claims_index import per_frame
from syriastats.reading import is_partial

def _ids(est: pd.DataFrame) -> dict[str, int]:
    return {str(e): i for i, e in enumerate(est["estimate_id"].astype(str))}


def _rows(est: pd.DataFrame, ids: str) -> pd.DataFrame:
    where = per_frame("monitor-floor-ids", est, _ids)
    pos = [where[i] for i in str(ids).split(";") if i in where]
    return est.iloc[pos]


def _number(r: pd.Series) -> float:
    """The lowest number a figure published (NaN: none)."""
    nums = _published_numbers(r)
    return min(nums) if nums else np.nan


def _own_above(c: pd.Series, est: pd.DataFrame, t: Any, known: str, hi_x: float) -> str:
    """estimate_id of the attributed publisher's figure above *hi_x* ('' if none)."""
    pat = _publisher_re(attribution_of(c))
    if pat is None or "publisher" not in est.columns:
        return ""
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else c["as_of"]
    pos = window_positions(est, t, knowable_mask(est, known, cutoff))
    rows = est.iloc[pos]
    for _, r in rows.iterrows():
        if not pat.search(str(r.get("publisher", ""))):
            continue
        if t.period_type == "cumulative" and pd.Timestamp(r["period_end"]) > t.end:
            continue
        if _number(r) > hi_x * (1 + REACH_ROUNDING):
            return str(r["estimate_id"])
    return ""


#: A running total counted more than this many days before the claim's date is not 'a count as
#: low as the claim' (the total has grown since; as COMPARATOR_RULES['later_totals']' 31 days).
RECENT_DAYS: int = 31


def _as_of_claim(rows: pd.DataFrame, t: Any) -> np.ndarray:
    """Boolean per row: a documented count of the claim's whole scope (not partial: not
    leaving out government forces, a part of Syria or other perpetrators' victims) and, for a
    running total, counted to within RECENT_DAYS of the claim's date or later."""
    whole = np.array([not is_partial(r) for _, r in rows.iterrows()], bool)
    if t.period_type != "cumulative":
        return whole
    ends = pd.to_datetime(rows["period_end"]).to_numpy()
    return whole & (ends >= np.datetime64(t.end - pd.Timedelta(days=RECENT_DAYS)))


def _one_period(t: Any) -> str:
    """Why the claim is read as a monitor's count of one period ('' if it is not)."""
    if t.period_type == "flow":
        return "one period's toll, which only monitors and event data count"
    return ""


def apply(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, known: str,
          about_tol: float) -> dict[str, Any]:
    """*rec* judged by COMPARATOR_RULES['monitor_floor'] (unchanged where it does not apply)."""
    v = rec["verdict"]
    if rec["comparator"] != "about" or rec.get("scope_used") != "same" or not (
            v == "below_all" or (v == "contested" and rec["position"] == "below")):
        return rec
    t = resolve(c, c["as_of"])
    if t.problem or t.measure not in DEATH_MEASURES or t.perpetrator != "all":
        return rec
    x = float(rec["value"])
    hi_x = x * (1 + about_tol)
    rows = _rows(est, rec["estimate_ids"])
    if not len(rows):
        return rec
    nums = np.array([_number(r) for _, r in rows.iterrows()], float)
    doc = (rows["method"].astype(str) == "documented_count").to_numpy(bool)
    above = nums > hi_x * (1 + REACH_ROUNDING)
    if (above & ~doc).any() or not doc.any():
        return rec
    own = _own_above(c, est, t, known, hi_x)
    if own:
        rec["explanation"] += (f" The claim is below its own publisher's figure ({own}): "
                               f"understated (rule: {RULE} keeps the verdict).")
        return rec
    low = doc & ~above & _as_of_claim(rows, t)
    if low.any():
        why = ("a monitor documented a count as low as it ("
               + ", ".join(rows["estimate_id"].astype(str)[low]) + ")")
    else:
        kind = _one_period(t)
        top = float(np.nanmax(nums[doc]))
        if not kind or hi_x < top / MONITOR_SPREAD:
            return rec
        why = (f"it is a monitor's documented count ({kind}), and the highest documented "
               f"count it is below ({top:,.0f}) is within {MONITOR_SPREAD:g} times it, the "
               "median spread of the registry's pairs of monitors' counts of one period")
    rec["explanation"] = (
        f"Consistent (rule: {RULE}): the figures above the claim are documented counts, floors "
        f"of other monitors' methods, and {why}; a lower documented floor is not an "
        f"understatement (without the rule the verdict would be {v}, {VERDICT_CLASSES[v]}). "
        + rec["explanation"])
    rec["verdict"], rec["position"] = "consistent", "within"
    return rec
