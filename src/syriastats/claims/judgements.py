"""Judgements a careful human-rights statistician makes after the pooled verdict
(:data:`syriastats.claims.rules.COMPARATOR_RULES` ``undocumented_only`` and
``published_range``): each takes the verdict record and the pools it was judged on and
returns the record, changed only when its rule applies (the explanation then names the
rule and the verdict the other rules gave).

- :func:`undocumented_only`: a death toll reached only by one publisher's estimates that add
  deaths it could not document to its own, far lower, documented count is contested, not
  consistent (SOHR's "about 511,000 killed, 350,000 of them named").
- :func:`published_range`: a number inside a range a source published without a central
  value ("between 120,000 and 300,000 missing") is consistent with it: the range has no
  middle to be below or above.
"""
from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _figure_label, _num
from syriastats.claims.pooling import _Pool, _published_numbers
from syriastats.claims.positions import arrays, knowable_mask, window_positions
from syriastats.claims.rules import BROADER_MEASURES, STALE_STOCK_DAYS, VERDICT_CLASSES
from syriastats.claims.target import Target, broader_target
from syriastats.claims.verdict_rules import REACH_ROUNDING
from syriastats.claims_index import per_frame, take

#: Documented counts are "far lower" than a claimed toll when the largest of them is below
#: this share of it (SOHR's named dead were 69 % of its 511,000 in March 2018 and 82 % of
#: its 606,000 in June 2021; a count within 15 % of the claim is read as supporting it).
DOCUMENTED_FAR_BELOW: float = 0.85


def _text(row: pd.Series, col: str) -> str:
    v = row.get(col)
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def beyond_documented(row: pd.Series) -> bool:
    """Does a death figure count deaths its publisher did not document (by controlled
    columns): the measure ``deaths_total_incl_missing`` (named dead plus the unnamed or the
    missing), a ``death_scope`` that counts the missing, or an ``expert_estimate`` (a
    number stated without a documented list or a statistical model)."""
    return (_text(row, "measure") == "deaths_total_incl_missing"
            or "missing" in _text(row, "death_scope")
            or _text(row, "method") == "expert_estimate")


def _who(row: pd.Series) -> str:
    return _text(row, "publisher") or _text(row, "source_id")


def _reaches(nums: list[float], comparator: str, x: float, tol: float) -> bool:
    """Do a figure's published numbers support the claimed *x* under *comparator*?"""
    if not nums:
        return False
    lo, hi = min(nums), max(nums)
    if comparator == "at_least":
        return hi >= x * (1 - REACH_ROUNDING)
    return lo <= x * (1 + tol) and hi >= x * (1 - tol)


class _Facts(NamedTuple):
    """What :func:`undocumented_only` reads of one figure (computed once per shared frame)."""
    row: pd.Series
    nums: list[float]
    beyond: bool
    who: str
    doc: bool


def _row_facts(rows: pd.DataFrame) -> list[_Facts]:
    out = []
    for _, r in rows.iterrows():
        nums, beyond = _published_numbers(r), beyond_documented(r)
        out.append(_Facts(r, nums, beyond, _who(r), _text(r, "method") == "documented_count"
                          and not beyond and bool(nums)))
    return out


def undocumented_only(rec: dict[str, Any], rows: pd.DataFrame, x: float, comparator: str,
                      about_tol: float, is_death: bool) -> dict[str, Any]:
    """*rec* made ``contested`` when every comparable figure whose published number reaches
    the claim is one publisher's estimate beyond its documented count
    (:func:`beyond_documented`), that publisher also has a documented count among the
    comparable figures, and the largest documented count of any publisher is below
    :data:`DOCUMENTED_FAR_BELOW` of the claim (COMPARATOR_RULES['undocumented_only']); or,
    for 'more than X' that no figure reaches, when such estimates of publishers with a
    documented count exist and the documented counts are as far below X (what made a lower
    X contested makes a higher one contested too: monotone in X).
    *rows*: every comparable figure in the claim's window (same and broader scope, what
    could be known, not context only; before one figure per series is kept, so that a
    figure of another publisher that reaches the number counts even when it is older).
    Only for 'about' and 'more than' claims of a death measure judged consistent or
    broader_scope_only; a claim attributed to that publisher is then an accurate quote
    (the attribution rule, applied after)."""
    if not is_death or comparator not in ("about", "at_least") or rows.empty \
            or rec["verdict"] not in ("consistent", "broader_scope_only"):
        return rec
    recs = per_frame("undocumented-rows", rows, _row_facts)
    support = [f for f in recs if _reaches(f.nums, comparator, x, about_tol)]
    # 'more than X' above every source, and above an estimate beyond a documented count:
    # what held for a lower X holds for this one (the rule stays monotone in X)
    beyond_all = not support and comparator == "at_least"
    docs = [f for f in recs if f.doc]
    doc_who = {f.who for f in docs}
    if beyond_all:
        support = [f for f in recs if f.beyond and f.who in doc_who]
    who = {f.who for f in support}
    if not support or not all(f.beyond for f in support) or not who & doc_who \
            or (len(who) != 1 and not beyond_all):
        return rec
    top = max(docs, key=lambda f: max(f.nums))
    if not max(top.nums) < DOCUMENTED_FAR_BELOW * x:
        return rec
    support = [f.row for f in support]
    top = top.row
    old = rec["verdict"]
    measure = str(rec["measure"])
    rec["verdict"], rec["position"] = "contested", rec["position"] or "within"
    est_txt = '; '.join(_figure_label(r) for r in support)
    rec["explanation"] = ((
        f"Contested (rule: undocumented_only): the only source that reaches "
        f"{_num(x, measure)} is {next(iter(who))}'s estimate of deaths beyond those it "
        f"documented ({est_txt}); the documented counts are far lower (the largest: "
        f"{_figure_label(top)}) and no other source reaches the number. Quoted as that "
        f"publisher's estimate, with its source named, it is accurate.") if not beyond_all
        else (f"Contested (rule: undocumented_only): no source reaches {_num(x, measure)}; "
              f"the highest are estimates of deaths beyond those their publishers documented "
              f"({est_txt}), and the documented counts are far lower (the largest: "
              f"{_figure_label(top)}).")) + (
        f" (Without this rule the verdict would be {old}, {VERDICT_CLASSES[old]}.) "
        + rec["explanation"])
    return rec


def published_range(rec: dict[str, Any], pools: list[_Pool | None], x: float,
                    comparator: str) -> dict[str, Any]:
    """*rec* made ``consistent`` when the claimed number lies within a range a comparable
    source published as hard bounds without a central value (``range_type`` hard_bounds:
    "estimates range between 120,000 and 300,000"), within :data:`REACH_ROUNDING` at its
    ends, every other figure of that pool publishes a number inside the range (none puts it
    elsewhere), and the other rules found the claim only partly supported, too high or too
    low (COMPARATOR_RULES['published_range']). Such a range states no middle, so 'about X',
    'up to X', 'more than X' or 'fewer than X' inside it is as supported as any other
    number in it. (A bracket around an estimate, range_type bracket, keeps the median rule.)"""
    if rec["verdict"] not in ("contested", "above_all", "below_all"):
        return rec
    for p in pools:
        if p is None:
            continue
        for f in p.figs:
            r = f.row
            if str(r.get("range_type")) != "hard_bounds":  # most figures: one look-up
                continue
            lo, c, hi = r.get("low"), r.get("central"), r.get("high")
            if pd.isna(lo) or pd.isna(hi) or not pd.isna(c):
                continue
            lo, hi = float(lo), float(hi)
            if not all(g.pub_hi >= lo and g.pub_lo <= hi for g in p.figs):
                continue
            if lo * (1 - REACH_ROUNDING) <= x <= hi * (1 + REACH_ROUNDING):
                old = rec["verdict"]
                rec["verdict"] = "consistent"
                rec["position"] = "within"
                rec["explanation"] = (
                    f"Consistent (rule: published_range): {_num(x, str(rec['measure']))} lies "
                    f"within the range {_figure_label(r)}, published as hard bounds without a "
                    f"central value, which gives no middle to be above or below. (Without this "
                    f"rule the verdict would be {old}, {VERDICT_CLASSES[old]}.) "
                    + rec["explanation"])
                return rec
    return rec


def after_pool(rec: dict[str, Any], pools: list[_Pool | None], x: float, comparator: str,
               about_tol: float, is_death: bool, est: pd.DataFrame, target: Target,
               cutoff: pd.Timestamp, known: str, window: np.ndarray | None = None
               ) -> dict[str, Any]:
    """The rules of this module, in order, on a claim judged against *pools* (*est*: the
    registry rows the claim was selected from; *target*: its dimensions; *cutoff*: its
    publication date, for what could be known (*known*) and what a revision had replaced;
    *window*: positions in *est* of the knowable figures, not context only, in the date
    windows of the claim's measure and its broader measures, when the caller has them)."""
    if is_death and comparator in ("about", "at_least") \
            and rec["verdict"] in ("consistent", "broader_scope_only"):
        if window is None:
            kmask = knowable_mask(est, known, cutoff)
            window = np.concatenate([window_positions(est, t, kmask) for t in [target] + [
                broader_target(target, m) for m in BROADER_MEASURES.get(target.measure, ())]])
            window = window[~arrays(est).ctx[window]]
        pos = np.unique(window)
        rec = undocumented_only(rec, take(est, pos), x, comparator, about_tol, is_death)
    rec = published_range(rec, pools, x, comparator)
    if target.period_type == "stock" and rec["verdict"] in ("above_all", "below_all"):
        pos = window_positions(est, target, knowable_mask(est, "now", cutoff))
        pos = pos[~arrays(est).ctx[pos]]
        rec = interpolation_band(rec, take(est, pos), target.end, x, comparator, about_tol,
                                 cutoff if known == "then" else None)
    return rec


def _not_checkable(rec: dict[str, Any], reason: str) -> dict[str, Any]:
    """*rec* made not_checkable for *reason* (a clause that completes "Not checkable with
    this registry: ")."""
    rec.update(verdict="not_checkable", position="", reason=reason)
    rec["explanation"] = f"Not checkable with this registry: {reason}"
    return rec


def _band_columns(rows: pd.DataFrame) -> tuple[np.ndarray, list[np.ndarray]]:
    """*rows*' period ends (datetime64[ns]) and their low, central and high columns that
    exist (float, NaN where missing), read once per frame."""
    return (rows["period_end"].to_numpy("datetime64[ns]"),
            [rows[k].to_numpy("float64", na_value=np.nan) for k in ("low", "central", "high")
             if k in rows.columns])


def _numbers(cols: list[np.ndarray], i: int) -> list[float]:
    """Row *i*'s finite low, central and high, in that order."""
    return [float(c[i]) for c in cols if np.isfinite(c[i])]


def _band_sides(rows: pd.DataFrame, as_of: pd.Timestamp
                ) -> tuple[int, int, list[float]] | None:
    """The positions in *rows* of the figures nearest *as_of* on or before it and on or
    after it (the first of equally near ones, in row order) and their numbers; None when a
    side has none. (Columns are read as arrays: taking whole rows of these wide frames
    costs far more.)"""
    end, cols = per_frame("band-columns", rows, _band_columns)
    t = np.datetime64(pd.Timestamp(as_of).to_datetime64(), "ns")
    ok = ~np.isnat(end)
    before, after = np.flatnonzero(ok & (end <= t)), np.flatnonzero(ok & (end >= t))
    if not len(before) or not len(after):
        return None
    b = int(before[np.argmax(end[before])])
    a = int(after[np.argmin(end[after])])
    return b, a, _numbers(cols, b) + _numbers(cols, a)


def interpolation_band(rec: dict[str, Any], rows: pd.DataFrame, as_of: pd.Timestamp, x: float,
                       comparator: str, about_tol: float,
                       cutoff: pd.Timestamp | None = None) -> dict[str, Any]:
    """*rec* made ``consistent`` when a level (stock) judged higher or lower than every
    source lies between the comparable figures nearest its date on either side
    (COMPARATOR_RULES['interpolation_band']). *rows*: the comparable figures of the claim's
    dimensions in its date window published at any time (not context only). As known then (*cutoff*:
    the claim's publication date) a band that needs a figure published after the claim
    cannot make it consistent, since "as known then" uses only figures published by then:
    the claim is not_checkable instead (a later figure shows the level was within reach, so
    the earlier figures cannot call it overstated or understated either). When either figure lies more than
    STALE_STOCK_DAYS (92) from the claim's date the band is too loose to call the claim
    consistent, and it is not checkable instead (the level may have moved anywhere in it)."""
    if rec["verdict"] not in ("above_all", "below_all") or rows.empty:
        return rec
    hit = per_frame("band-sides", rows, _band_sides, as_of)
    if hit is None:
        return rec
    ib, ia, nums = hit
    if not nums:
        return rec
    lo, hi = min(nums), max(nums)
    tol = x * about_tol if comparator == "about" else 0.0
    # a floor must lie below the band's top, a ceiling above its bottom (less rounding: "more
    # than a million" is not shown possible by a later figure of exactly a million)
    if comparator == "at_least":
        inside = x <= hi * (1 - REACH_ROUNDING)
    elif comparator in ("at_most", "less_than"):
        inside = x >= lo * (1 + REACH_ROUNDING)
    else:
        inside = x + tol >= lo and x - tol <= hi
    if not inside:
        return rec
    b, a = rows.iloc[ib], rows.iloc[ia]
    old = rec["verdict"]
    m = str(rec["measure"])
    far = max((as_of - b["period_end"]).days, (a["period_end"] - as_of).days)
    band = f"{_figure_label(b)} and {_figure_label(a)} ({_num(lo, m)} to {_num(hi, m)})"
    without = (f"(rule: interpolation_band; without it the verdict would be {old}, "
               f"{VERDICT_CLASSES[old]}).")
    if far > STALE_STOCK_DAYS:
        return _not_checkable(rec, (
            f"the claim lies between the comparable figures on either side of its date, "
            f"{band}, but one of them is {far} days from it (more than {STALE_STOCK_DAYS}): "
            f"the level may have been anywhere in that band, so the registry can neither "
            f"confirm nor refute it {without}"))
    if cutoff is not None and "published" in rows.columns and any(
            pd.notna(r["published"]) and r["published"] > cutoff for r in (b, a)):
        return _not_checkable(rec, (
            f"as known then, the figures published by {cutoff.date()} put the claim "
            f"{'above' if old == 'above_all' else 'below'} every source, but the level on "
            f"its date lies between {band}, one of them published after the claim: the "
            f"claimant may have had figures the registry lacks for that time, and hindsight "
            f"cannot make the claim consistent as known then {without}"))
    rec["verdict"], rec["position"] = "consistent", "within"
    rec["explanation"] = (
        f"Consistent (rule: interpolation_band): the level on its date lies between the "
        f"comparable figures on either side of it, {_figure_label(b)} and {_figure_label(a)} "
        f"({_num(lo, m)} to {_num(hi, m)}), and the claim falls in that band; a figure "
        f"published after the claim is used only as a bound. (Without this rule the verdict "
        f"would be {old}, {VERDICT_CLASSES[old]}.) " + rec["explanation"])
    return rec
