"""The attribution rule (:data:`syriastats.claims.rules.COMPARATOR_RULES` ``attributed``):
a claim attributed to a publisher that accurately repeats that publisher's own figure is
consistent (an accurate quote), with the other sources' verdict in its explanation.

And its unattributed twin (``COMPARATOR_RULES['unattributed_match']``): a plain number
('killed 494,438 people', 'nearly 93,000') that is, within 1 % rounding, a figure some
publisher had published by the claim's date for the claim's measure, dimensions and
period is a report of that figure, consistent, even though the text does not name it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims import own_totals
from syriastats.claims.phrases import _day, _figure_label, _present
from syriastats.claims.rules import (
    ATTRIBUTION_PUBLISHERS, BROADER_MEASURES, DEATH_MEASURES, VERDICT_CLASSES,
)
from syriastats.claims.positions import knowable_mask, window_positions
from syriastats.claims.scope_rules import OTHER_SCOPE_PATTERNS
from syriastats.claims.selecting import _context_mask, _split_scope
from syriastats.claims_index import _frame_cache
from syriastats.claims.target import Target, broader_target

#: Verdicts the rule may turn into ``consistent`` (a claim the other rules cannot judge,
#: e.g. for want of comparable figures or for a date error, stays not_checkable).
JUDGED_VERDICTS: frozenset[str] = frozenset(
    {"consistent", "contested", "above_all", "below_all", "broader_scope_only"})


@lru_cache(maxsize=None)
def _publisher_re(attribution: str) -> re.Pattern[str] | None:
    # a publisher of another scope (scope_rules.OTHER_SCOPE_PATTERNS) is quoted like any other
    pat = ATTRIBUTION_PUBLISHERS.get(attribution) or OTHER_SCOPE_PATTERNS.get(attribution)
    return re.compile(pat, re.I) if pat else None


def attribution_of(c: pd.Series) -> str:
    """The claim's attribution (column ``attribution``; '' when absent or empty)."""
    a = c.get("attribution")
    return str(a).strip() if _present(a) else ""


#: A floor ("more than X") repeats a publisher's floor ("at least Y") when Y is at least
#: X less this relative rounding (1 %, as COMPARATOR_RULES['matching']).
FLOOR_ROUNDING: float = 0.01


def _quotes(comparator: str, x: float, fig: float, qualifier: str, tol: float) -> bool:
    """Does a publisher's figure *fig* (worded *qualifier*) match the claimed *x* under
    *comparator*? 'about X': within *tol* of x, however the figure is worded. 'more than
    X': a floor of at least X (less FLOOR_ROUNDING), or an exact or approximate figure
    above X (an "about half" is not "more than half"). 'as many as' / 'fewer than X': a
    figure within *tol* of X that is not worded as a floor."""
    if comparator in ("at_least", "share_at_least"):
        if qualifier == "at_least":
            return fig >= x * (1 - FLOOR_ROUNDING)
        return qualifier != "at_most" and fig > x
    if comparator in ("at_most", "share_at_most", "less_than") and qualifier == "at_least":
        return False
    return abs(fig - x) <= tol


def _number(r: pd.Series) -> float:
    """The number a figure states: its central value, else the middle of its range."""
    c = r.get("central")
    if _present(c) and np.isfinite(float(c)):
        return float(c)
    lo, hi = r.get("low"), r.get("high")
    vals = [float(v) for v in (lo, hi) if _present(v) and np.isfinite(float(v))]
    return float(np.mean(vals)) if vals else np.nan


def quoted_figure(c: pd.Series, est: pd.DataFrame, target: Target, cutoff: pd.Timestamp,
                  comparator: str, x: float, about_tol: float,
                  share_tol: float) -> pd.Series | None:
    """The attributed publisher's figure the claim accurately repeats, or ``None``.

    Same measure, dimensions and scope as the claim, within its date window, published on
    or before *cutoff* (the claim's publication date) and not superseded by then, and
    matching the claimed value under *comparator*; of several, the one whose period ends
    nearest the claim's date (then the latest published)."""
    who = attribution_of(c)
    pat = _publisher_re(who) if who else ANY_PUBLISHER
    if pat is None or "publisher" not in est.columns:
        return None
    cand = _candidates(est, who, pat, target, cutoff)
    if cand is None:
        return None
    mine, nums, quals = cand
    if who:
        tol = share_tol if target.measure.endswith("_share") else x * about_tol
    else:
        tol = x * FLOOR_ROUNDING  # unattributed: the same number, to its rounding
    ok = np.array([bool(np.isfinite(n)) and _quotes(comparator, x, n, q, tol)
                   for n, q in zip(nums, quals)], bool)
    if not ok.any():
        return None
    if ok.sum() == 1:  # one match: no ordering needed
        return mine.iloc[int(np.flatnonzero(ok)[0])]
    hits = mine[ok].copy()
    hits["_gap"] = (hits["period_end"] - target.end).abs()
    hits = hits.sort_values(["_gap", "published", "estimate_id"],
                            ascending=[True, False, True], kind="stable")
    return hits.iloc[0].drop(labels="_gap")


def _candidates(est: pd.DataFrame, who: str, pat: re.Pattern[str], target: Target,
                cutoff: pd.Timestamp) -> tuple[pd.DataFrame, np.ndarray, np.ndarray] | None:
    """The publisher's figures a claim may quote, with their numbers and qualifiers (None if
    none): computed once per registry frame, publisher and set of figures in the claim's
    window that were published by *cutoff* and not superseded by then
    (:func:`~syriastats.claims.positions.knowable_mask`, the rows of
    ``drop_superseded(_known_filter(est, "then", cutoff))``); the claimed value is not
    needed."""
    kmask = knowable_mask(est, "then", cutoff)
    wpos = window_positions(est, target, kmask)
    wider: list[np.ndarray] = []
    if who and target.measure in DEATH_MEASURES:
        # a publisher's own toll that also counts deaths it could not name (measure
        # deaths_total_incl_missing with a death_scope of deaths only) is quoted accurately as
        # '<publisher> says N were killed'; a 'killed or missing' figure is not (its
        # death_scope is broader, and _split_scope leaves it out)
        wider = [w for w in (window_positions(est, broader_target(target, m), kmask)
                             for m in BROADER_MEASURES.get(target.measure, ())
                             if m in DEATH_MEASURES) if len(w)]
    key = ("quoted-candidates", id(est), who, wpos.tobytes(),
           *(w.tobytes() for w in wider), target.measure)
    return _frame_cache(key, (est,), lambda: _candidates_of(
        pd.concat([est.iloc[p] for p in (wpos, *wider)]) if wider else est.iloc[wpos],
        who, pat, target))


def _candidates_of(win: pd.DataFrame, who: str, pat: re.Pattern[str], target: Target
                   ) -> tuple[pd.DataFrame, np.ndarray, np.ndarray] | None:
    if win.empty:
        return None
    win = win[~_context_mask(win)]
    same, _ = _split_scope(win, target.measure, win.iloc[0:0])
    if same.empty:
        return None
    mine = same[same["publisher"].astype(str).map(lambda p: bool(pat.search(p))).to_numpy(bool)]
    if mine.empty:
        return None
    if not who:
        # an unattributed number repeats a publisher's latest figure by then, not a stale
        # one (a stale number is judged by the other rules)
        last = mine.groupby("publisher")["period_end"].transform("max")
        mine = mine[(mine["period_end"] == last).to_numpy(bool)]
    nums = mine.apply(_number, axis=1).to_numpy(float)
    quals = mine["qualifier"].astype(str).to_numpy(object) if "qualifier" in mine.columns \
        else np.full(len(mine), "exact", object)
    return mine, nums, quals


#: Publishers an unattributed number may repeat: every publisher of a figure, except
#: the suite's own computations (a model interval is not a published number).
ANY_PUBLISHER: re.Pattern[str] = re.compile(r"^(?!syriastats\b)")

#: Verdicts the unattributed-match rule may turn into ``consistent``: a number the other
#: rules found too high, too low, supported by only some sources, or true only under a
#: broader scope although a figure of its own scope states it (UNHCR's 425,160 registered
#: refugees of 10 December 2012, beside the 509,559 registered or awaiting registration of
#: the same release, which one-figure-per-series keeps).
UNATTRIBUTED_VERDICTS: frozenset[str] = frozenset({"contested", "above_all", "below_all",
                                                  "broader_scope_only"})

#: Comparators the unattributed-match rule applies to: a plain or approximate number
#: ('killed 494,438', 'some 495,000', 'nearly 93,000'), not a floor or a ceiling.
UNATTRIBUTED_COMPARATORS: frozenset[str] = frozenset({"about"})


#: The marker :func:`syriastats.claims.judgements.undocumented_only` writes in its explanation.
UNDOCUMENTED_RULE: str = "(rule: undocumented_only)"

_OTHERS: dict[str, str] = {
    "above_all": "every other comparable source is lower",
    "below_all": "every other comparable source is higher",
    "broader_scope_only": "the other sources reach it only with a broader scope",
    "contested": "only some of the other sources support it",
    "consistent": "the other comparable sources agree with it too",
}


def apply_attribution(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, target: Target,
                      cutoff: pd.Timestamp, comparator: str, about_tol: float,
                      share_tol: float) -> dict[str, Any]:
    """*rec* judged as an accurate quote when the claim repeats its attributed publisher's
    figure (COMPARATOR_RULES['attributed']); unchanged otherwise."""
    if rec["verdict"] not in JUDGED_VERDICTS:
        return rec
    who = attribution_of(c)
    if not who and (rec["verdict"] not in UNATTRIBUTED_VERDICTS
                    or comparator not in UNATTRIBUTED_COMPARATORS
                    or UNDOCUMENTED_RULE in str(rec["explanation"])):
        # a number reached only by a publisher's estimate beyond its documented count is
        # contested (COMPARATOR_RULES['undocumented_only']): repeating that estimate without
        # naming it does not make it a report of the sources
        return rec
    fig = quoted_figure(c, est, target, cutoff, comparator, float(rec["value"]),
                        about_tol, share_tol)
    if fig is None:
        return rec
    old = rec["verdict"]
    if not who:
        newer = own_totals.newer_own_total(fig, est, target, str(rec.get("known", "now")),
                                           cutoff, float(rec["value"]), comparator, about_tol)
        if newer is not None:  # the publisher's own later total passed it by the claim's date
            return own_totals.outdated_match(rec, newer, fig, target)
        pub = str(fig.get("publisher", "a source"))
        rec["explanation"] = (
            f"Repeats, without naming it, {pub}'s own figure published by {_day(cutoff)}: "
            f"{_figure_label(fig)}. As a report of that figure the claim is consistent "
            f"(rule: unattributed_match, the same number within 1 % rounding); "
            f"{_OTHERS[old]} (without the match the verdict would be {old}, "
            f"{VERDICT_CLASSES[old]}). Against the comparable sources: " + rec["explanation"])
        rec["verdict"] = "consistent"
        ids = [i for i in str(rec["estimate_ids"]).split(";") if i]
        if str(fig["estimate_id"]) not in ids:
            rec["estimate_ids"] = ";".join(ids + [str(fig["estimate_id"])])
        return rec
    rec["explanation"] = (
        f"Accurately reports {who}'s own figure, published by {_day(cutoff)}: "
        f"{_figure_label(fig)}. As a quote of {who} the claim is consistent "
        f"(rule: attributed); {_OTHERS[old]} (without the attribution the verdict would be "
        f"{old}, {VERDICT_CLASSES[old]}). Against the comparable sources: "
        + rec["explanation"])
    rec["verdict"] = "consistent"
    ids = [i for i in str(rec["estimate_ids"]).split(";") if i]
    if str(fig["estimate_id"]) not in ids:
        rec["estimate_ids"] = ";".join(ids + [str(fig["estimate_id"])])
    return rec
