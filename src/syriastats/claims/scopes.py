"""Whose count a figure is, and what it counts: rules that read the registry's ``publisher``
and ``host`` to decide whether a figure is of a claim's own scope.

- ``registered_in_host``: in the five neighbouring hosts UNHCR's refugee statistics are its
  registrations (same scope as a claim about registered refugees there);
- ``floor_rounding``: 'more than X' when the nearest figure itself counts X, to rounding;
- ``host_government``: a host government's count of all Syrians in its country (measure
  ``syrians_in_host``) makes a refugee count above UNHCR's contested, not overstated;
- ``publisher_scope``: a claim attributed to a publisher that counts another scope
  (:data:`~syriastats.claims.rules.OTHER_SCOPE_PUBLISHERS`) is not checked against figures
  of the registry's scope.

Each rule is an entry of :data:`~syriastats.claims.rules.COMPARATOR_RULES` and names itself
in the explanation it changes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _day, _figure_label, _num, _present
from syriastats.dimensions import is_context_only
from syriastats.claims.pooling import _Pool
from syriastats.claims.positions import arrays, knowable_mask, window_positions
from syriastats.claims.rules import (
    ATTRIBUTION_PUBLISHERS, DEATH_MEASURES, STALE_STOCK_DAYS, STOCK_WINDOW_DAYS, VERDICT_CLASSES,
)
from syriastats.claims.scope_rules import (
    HOST_GOVERNMENT_ATTRIBUTION, HOST_GOVERNMENT_COUNTS, HOST_GOVERNMENT_MEASURE, HOSTED_NOTE,
    OTHER_SCOPE_PATTERNS, OTHER_SCOPE_PUBLISHERS, REGISTERED_IN_HOST,
)
from syriastats.claims.target import Target, resolve

#: 'More than X' is still X when the source's number is below it by at most this fraction.
FLOOR_ROUNDING: float = 0.01
#: A host government's counts on either side of a claim's date, each within this many days
#: of it, bracket the count on its date when none lies within STOCK_WINDOW_DAYS (five years:
#: the governments' counts move slowly, Jordan's 1.27 million of its 2015 census and 1.36
#: million of its 2020 response plan).
GOVERNMENT_BRACKET_DAYS: int = 1827
#: Measures a host government's count of all Syrians may be set against (refugee counts).
REFUGEE_MEASURES: frozenset[str] = frozenset({"refugees", "refugees_registered"})


@lru_cache(maxsize=None)
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def registered_in_host(est: pd.DataFrame, t: Target, pos: np.ndarray) -> np.ndarray:
    """Boolean array over *pos* (positions in *est* of figures of a broader measure): the
    figures of the claim's own scope by COMPARATOR_RULES['registered_in_host'] (UNHCR's
    refugee statistics in the claim's host, one of the five neighbouring hosts, for a claim
    about registered refugees there)."""
    spec = REGISTERED_IN_HOST.get(t.measure)
    if spec is None or not len(pos) or t.host not in spec[2] or "publisher" not in est.columns:
        return np.zeros(len(pos), bool)
    measure, publisher, _ = spec
    rows = est.iloc[pos]
    pat = _re(publisher)
    host = rows["host"].astype(object).to_numpy() if "host" in rows.columns \
        else np.full(len(rows), None, object)
    return ((rows["measure"].to_numpy(object) == measure) & (host == t.host)
            & np.fromiter((bool(pat.search(str(p))) for p in rows["publisher"].to_numpy(object)),
                          bool, len(rows)))


def own_scope(est: pd.DataFrame, t: Target, same_pos: np.ndarray, broad_pos: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, bool]:
    """(positions of the claim's own scope, of a broader scope, whether
    COMPARATOR_RULES['registered_in_host'] moved any from the second to the first)."""
    moved = registered_in_host(est, t, broad_pos)
    if not moved.any():
        return same_pos, broad_pos, False
    return np.sort(np.concatenate([same_pos, broad_pos[moved]])), broad_pos[~moved], True


def after_verdict(rec: dict[str, Any], pool: _Pool | None, t: Target, x: float,
                  comparator: str, moved: bool) -> dict[str, Any]:
    """The rules of this module on a pooled verdict: floor_rounding, and the note of
    registered_in_host when it pooled UNHCR's refugee statistics as the claim's scope."""
    rec = floor_rounding(rec, pool, t, x, comparator)
    if moved:
        rec["explanation"] += (
            f" UNHCR's statistics of Syrian refugees in {t.host} are its registrations there, "
            "so they were pooled as figures of the claim's own scope (rule: "
            "registered_in_host).")
    return rec


def whose_count(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, known: str,
                about_tol: float) -> dict[str, Any]:
    """*rec* judged by host_government and publisher_scope (after the attribution rule)."""
    if rec["verdict"] == "not_checkable":
        return rec
    t = resolve(c, c["as_of"])
    if t.problem or t.measure == "war_duration_years":
        return rec
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else c["as_of"]
    rec = host_government(rec, c, est, t, known, cutoff, float(rec["value"]),
                          str(rec["comparator"]), about_tol)
    return publisher_scope(rec, c, est, t)


def floor_rounding(rec: dict[str, Any], pool: _Pool | None, t: Target, x: float,
                   comparator: str) -> dict[str, Any]:
    """*rec* (contested by the median rule) made consistent by COMPARATOR_RULES
    ['floor_rounding']: a level worded 'more than X' whose nearest comparable figure (within
    STALE_STOCK_DAYS of its date) itself counts X, less :data:`FLOOR_ROUNDING`."""
    if rec["verdict"] != "contested" or pool is None or comparator != "at_least" \
            or t.period_type != "stock" or t.measure in DEATH_MEASURES \
            or rec.get("scope_used") != "same":
        return rec
    best, gap = None, None
    for f in pool.figs:
        end = f.row.get("period_end")
        if not _present(end):
            continue
        d = abs((pd.Timestamp(end) - t.end).days)
        if gap is None or d < gap:
            best, gap = f, d
    if best is None or gap is None or gap > STALE_STOCK_DAYS or not _round(x):
        return rec
    q = str(best.row.get("qualifier") or "")
    c = best.row.get("central")
    n = float(c) if _present(c) else float(best.pub_hi)
    if q == "at_most" or not np.isfinite(n) or x > n * (1 + FLOOR_ROUNDING):
        return rec
    rec["verdict"] = "consistent"
    rec["explanation"] = (
        f"Consistent (rule: floor_rounding): the figure nearest the claim's date, "
        f"{_figure_label(best.row)}, {gap} days from {_day(t.end)}, counts "
        f"{_num(n, t.measure)}, which is 'more than {_num(x, t.measure)}' to 1 % rounding "
        "(without the rule the verdict would be contested). What the median rule alone "
        "said: " + rec["explanation"])
    return rec


def _round(x: float) -> bool:
    """Is *x* a round number (at most two significant digits: six million, 950,000), the kind
    a 'more than' rounds a count down to? ('more than 5,043,000' is not rounded.)"""
    if not np.isfinite(x) or x <= 0:
        return False
    unit = 10 ** max(int(np.floor(np.log10(x))) - 1, 0)
    return float(x) % unit == 0


def _government_rows(est: pd.DataFrame, t: Target, known: str, cutoff: pd.Timestamp,
                     every: bool = False) -> pd.DataFrame:
    """The host government's counts of all Syrians in the claim's host (measure
    HOST_GOVERNMENT_MEASURE) whose period ends within STOCK_WINDOW_DAYS of the claim's date,
    else the nearest on either side within GOVERNMENT_BRACKET_DAYS (both, or none); knowable
    (as known then: published by *cutoff*), not context only. *every*: all the knowable
    counts for the host at any date, context-only ones included (for the rule's bound)."""
    if "host" not in est.columns:
        return est.iloc[0:0]
    m = (est["measure"].to_numpy(object) == HOST_GOVERNMENT_MEASURE)
    if not m.any():
        return est.iloc[0:0]
    m &= knowable_mask(est, known, cutoff)
    if not every:
        m &= ~arrays(est).ctx  # never a context-only figure
    rows = est[m]
    rows = rows[(rows["host"].astype(object) == t.host).to_numpy(bool)]
    if rows.empty or every:
        return rows
    delta = (rows["period_end"] - t.end).dt.days.to_numpy()
    near = np.abs(delta) <= STOCK_WINDOW_DAYS
    if near.any():
        return rows[near]
    # a slowly moving level between two of the government's counts on either side of the
    # claim's date (Lebanon's 1.5 million of 2014 and of 2017 for a claim of 2016)
    before = np.flatnonzero((delta < 0) & (delta >= -GOVERNMENT_BRACKET_DAYS))
    after = np.flatnonzero((delta > 0) & (delta <= GOVERNMENT_BRACKET_DAYS))
    if len(before) and not (delta > 0).any():
        # no newer count at all (knowable): the latest within five years still stands
        # (Jordan's 1.36 million of its 2020 response plan for a claim of 2024)
        return rows.iloc[[int(before[np.argmax(delta[before])])]]
    if not len(before) or not len(after):
        return rows.iloc[0:0]
    return rows.iloc[[int(before[np.argmax(delta[before])]), int(after[np.argmin(delta[after])])]]


def host_government(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, t: Target,
                    known: str, cutoff: pd.Timestamp, x: float, comparator: str,
                    about_tol: float) -> dict[str, Any]:
    """*rec* judged by COMPARATOR_RULES['host_government']: a refugee count in one host above
    UNHCR's figures (above_all or contested) but within reach of the host government's count
    of all Syrians there is contested, naming both; attributed to the host's authorities in
    a host of HOST_GOVERNMENT_COUNTS with no government figure in the registry, contested at
    most."""
    if t.measure not in REFUGEE_MEASURES or rec["verdict"] not in ("above_all", "contested") \
            or not t.host or t.host in ("REGION", "WORLD") or rec.get("position") == "below":
        return rec
    who = str(c.get("attribution") or "") if _present(c.get("attribution")) else ""
    if (who and who != HOST_GOVERNMENT_ATTRIBUTION) or (
            t.measure == "refugees_registered" and not (_present(c.get("notes"))
                                                   and str(c.get("notes")) == HOSTED_NOTE)):
        return rec  # another publisher's count, or one of registrations
    old = rec["verdict"]
    lo = x * (1 - about_tol) if comparator == "about" else x
    gov = _government_rows(est, t, known, cutoff)
    if not gov.empty:
        vals = _values(gov)
        ok = np.isfinite(vals) & (lo <= vals * (1 + about_tol))
        stale = len(gov) == 1 and abs(int((gov["period_end"].iloc[0] - t.end).days)) > STOCK_WINDOW_DAYS
        # (one count older than a year, the latest there is: it stands for a claim within its
        # reach; above it, the fallback below judges, as with no count)
        if not ok.any() and not stale:
            if old == "above_all":
                rec["explanation"] += (
                    " It is higher even than the host government's count of all Syrians in "
                    f"{t.host} (" + "; ".join(_figure_label(r) for _, r in gov.iterrows())
                    + "; rule: host_government).")
            return rec
        if ok.any():
            gap = (gov["period_end"] - t.end).dt.days.abs().to_numpy()
            i = int(np.flatnonzero(ok)[np.argmin(gap[ok])])
            g = gov.iloc[i]
            rec.update(verdict="contested", position="above")
            rec["explanation"] = (
                f"Contested (rule: host_government): the host government counts more Syrians in "
                f"{t.host} than UNHCR has registered: {_figure_label(g)} counts "
                f"{_num(vals[i], t.measure)} Syrians there (registered with UNHCR or not"
                + ("; including Syrians who lived there before the war" if t.host == "JOR" else "")
                + "), and the claim is within reach of it, while UNHCR's figures are lower "
                + _without(old, "contested") + ". " + rec["explanation"])
            ids = [i for i in str(rec.get("estimate_ids") or "").split(";") if i]
            if str(g["estimate_id"]) not in ids:
                rec["estimate_ids"] = ";".join(ids + [str(g["estimate_id"])])
            return rec
    if old != "above_all" or who != HOST_GOVERNMENT_ATTRIBUTION \
            or t.host not in HOST_GOVERNMENT_COUNTS:
        return rec
    every = _government_rows(est, t, known, cutoff, every=True)
    tops = [(v, r) for v, (_, r) in zip(_values(every), every.iterrows()) if np.isfinite(v)]
    top = max(tops, key=lambda p: (p[0], str(p[1]["estimate_id"]))) if tops else None
    if top is not None and x * (1 - about_tol) > top[0] * (1 + about_tol):
        rec["explanation"] += (
            " It is higher even than the largest count of the host government in the "
            f"registry, {_figure_label(top[1])}, {_num(top[0], t.measure)} (rule: "
            "host_government: the authorities' number is contested only within reach of it).")
        return rec
    ctx = every[every["role"].map(is_context_only).to_numpy(bool)] if len(every) else every
    ctx = ctx[(ctx["period_end"] - t.end).dt.days.abs().to_numpy() <= STOCK_WINDOW_DAYS] \
        if len(ctx) else ctx
    near = ("the registry holds no such count near the claim's date that may be used to judge "
            "(near it only statements marked context only, not used to judge: "
            + "; ".join(_figure_label(r) for _, r in ctx.iterrows()) + ")") if len(ctx) else \
        "the registry holds no such count near the claim's date"
    rec.update(verdict="contested")
    rec["explanation"] = (
        f"Contested (rule: host_government): the claim gives the host authorities' number; "
        f"{HOST_GOVERNMENT_COUNTS[t.host]}, and {near}, so it cannot show their number wrong: "
        "it is higher than UNHCR's figures only"
        + (f", and within reach of the government's largest count in the registry, "
           f"{_figure_label(top[1])}" if top is not None else "")
        + " " + _without(old, "contested") + ". " + rec["explanation"])
    return rec


def _values(rows: pd.DataFrame) -> np.ndarray:
    """Each row's highest published number (high, else central; NaN without either)."""
    return np.array([float(r["high"]) if _present(r.get("high")) else float(r["central"])
                     if _present(r.get("central")) else np.nan for _, r in rows.iterrows()],
                    float)


def _without(old: str, new: str) -> str:
    """'(without the rule the verdict would be OLD)', naming its class once; when *old* is
    *new* the rule only named the figure."""
    if old == new:
        return f"(the verdict is {old} without the rule too; the rule only named the figure)"
    cls = VERDICT_CLASSES[old]
    return f"(without the rule the verdict would be {old}" + (
        f", {cls})" if cls != old else ")")


def publisher_scope(rec: dict[str, Any], c: pd.Series, est: pd.DataFrame, t: Target
                    ) -> dict[str, Any]:
    """*rec* made not_checkable by COMPARATOR_RULES['publisher_scope'] when the claim is
    attributed to a publisher of OTHER_SCOPE_PUBLISHERS for one of its measures and the
    attributed rule found none of that publisher's figures (the verdict is the other
    sources'): only a consistent, contested or below_all verdict; above_all stands."""
    who = str(c.get("attribution") or "") if _present(c.get("attribution")) else ""
    spec = OTHER_SCOPE_PUBLISHERS.get(who)
    if spec is None or t.measure not in spec[1] \
            or rec["verdict"] not in ("consistent", "contested", "below_all") \
            or "(rule: attributed)" in str(rec.get("explanation", "")):
        # higher than every figure of all the dead (above_all) is too high for a narrower
        # count as well: it stays overstated
        return rec
    pat = OTHER_SCOPE_PATTERNS.get(who) or ATTRIBUTION_PUBLISHERS.get(who)
    if pat and "publisher" in est.columns:
        # the publisher's own figures of the claim's measure, dimensions and date window
        win = est.iloc[window_positions(est, t)]
        if win["publisher"].astype(str).str.contains(_re(pat)).any():
            return rec
    old = rec["verdict"]
    rec.update(verdict="not_checkable", position="", lower=np.nan, median=np.nan,
               upper=np.nan, envelope_lower=np.nan, envelope_upper=np.nan, n_figures=0,
               estimate_ids="", source_ids="", scope_used="")
    rec["reason"] = (f"the claim gives the count of the {who}, which has another scope "
                     f"({spec[0]}); the registry holds none of its figures for the claim's "
                     "period and dimensions, and its count is not judged against figures of "
                     "all the dead (rule: publisher_scope)")
    rec["widened"] = f"scope: the {who}'s count is narrower than the registry's figures"
    rec["explanation"] = (f"Not checkable with this registry: {rec['reason']}. Against the "
                          f"registry's figures it would be {old}, {VERDICT_CLASSES[old]}: "
                          + str(rec["explanation"]))
    return rec
