"""Running totals judged against the totals that bound them (COMPARATOR_RULES
``running_bracket`` and ``host_bounds``).

A running total (returns since 8 December 2024, counted from a fixed start) only grows,
and a total for part of the hosts is part of the total for all of them. So:

- a total of the same series (publisher and method) counted to the claim's date or
  before is a floor of the claim's total, and one counted to its date or after is a
  ceiling: a claim between them is consistent however far apart they are (the series
  cannot have left the bracket), and a claim below the floor or above the ceiling is
  understated or overstated;
- a total for part of the claim's hosts is a floor (returns from the five neighbouring
  hosts of the regional response, REGION, or from Turkey alone, are part of the returns
  from everywhere, WORLD), and a total for more hosts is a ceiling (the worldwide total
  bounds the regional one and each host's). The explanation says which dimension was
  widened (``host``).

As known then a figure published after the claim may only stop a verdict (not_checkable),
never make the claim consistent (hindsight).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _day, _figure_label, _num
from syriastats.claims.positions import arrays, knowable_mask
from syriastats.claims.pace import PACE_BEFORE, PACE_OVER, within_pace
from syriastats.claims.rules import VERDICT_CLASSES
from syriastats.claims.selecting import START_TOLERANCE_DAYS, _series_key
from syriastats.claims.target import Target

#: The five neighbouring hosts of the regional response (host REGION).
REGION_HOSTS: frozenset[str] = frozenset({"TUR", "LBN", "JOR", "IRQ", "EGY"})
#: Measures counted per host whose totals add up across hosts (a part bounds the whole).
HOST_ADDITIVE_MEASURES: frozenset[str] = frozenset({"refugee_returns"})
#: Running totals whose published figures are counts of the total itself (registrations,
#: agency counts), so that a later figure of the series is a ceiling. Not death tolls: a
#: documented count of deaths is a floor of the truth, never a ceiling.
BRACKET_MEASURES: frozenset[str] = frozenset({"refugee_returns", "idp_returns",
                                              "asylum_applications_europe_cumulative"})
#: A floor claim ('more than X') is possible below a ceiling only when X is below it by more
#: than this rounding (as interpolation_band's).
ROUNDING: float = 0.01
#: The words of a running bracket's not-checkable reason when its floor or ceiling was
#: published after the claim (running_totals.pace_then may still judge it from the pace).
HINDSIGHT: str = "hindsight cannot make it consistent as known then"


def floor_hosts(host: str | None) -> frozenset[str] | None:
    """Hosts whose totals are parts of *host*'s (None: every other host, for WORLD)."""
    if host == "WORLD":
        return None
    if host == "REGION":
        return REGION_HOSTS
    return frozenset()


def ceiling_hosts(host: str | None) -> frozenset[str]:
    """Hosts whose totals contain *host*'s."""
    if host == "WORLD" or host is None:
        return frozenset()
    if host == "REGION":
        return frozenset({"WORLD"})
    return frozenset({"REGION", "WORLD"}) if host in REGION_HOSTS else frozenset({"WORLD"})


@dataclass(frozen=True)
class _Bound:
    value: float
    row: pd.Series
    late: bool   # published after the claim (as known then: may not confirm it)
    host: str


def _text(v: Any) -> str:
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def _candidates(est: pd.DataFrame, t: Target, known: str, cutoff: pd.Timestamp) -> pd.DataFrame:
    """Rows of the claim's measure, area, group and kind of period, from the same start
    (running totals) or of the same period (flows), for the claim's host or a host that
    bounds it; not context only, not replaced by a revision the claimant could know (as
    known then, figures published later are kept: :func:`bracket` reads them as bounds
    only)."""
    a = arrays(est)
    now = knowable_mask(est, "now", cutoff)
    could = (knowable_mask(est, "then", cutoff) | (now & (a.pub > np.datetime64(cutoff, "ns"))))
    keep = (a.measure == t.measure) & ~a.ctx & (could if known == "then" else now)
    if not keep.any():
        return est.iloc[0:0]
    sub = est[keep]
    for col, want in (("area", t.area), ("group", t.group), ("period_type", t.period_type)):
        if col in sub.columns:
            sub = sub[sub[col].astype(object).map(_text) == want]
    if sub.empty or t.start is None or pd.isna(t.start):
        return sub.iloc[0:0]
    if t.period_type == "cumulative":
        gap = (sub["period_start"] - t.start).dt.days.abs()
        sub = sub[gap <= START_TOLERANCE_DAYS]
    else:
        sub = sub[(sub["period_start"] == t.start) & (sub["period_end"] == t.end)]
    host = _text(t.host)
    hosts = sub["host"].astype(object).map(_text) if "host" in sub.columns else \
        pd.Series("", index=sub.index)
    floors, ceilings = floor_hosts(host), ceiling_hosts(host)
    ok = (hosts == host) | hosts.isin(sorted(ceilings))
    if t.measure in HOST_ADDITIVE_MEASURES and host:
        ok |= (hosts != host) & (hosts != "") if floors is None else hosts.isin(sorted(floors))
    elif t.measure not in HOST_ADDITIVE_MEASURES:
        ok = hosts == host
    return sub[ok]


def _bound_value(r: pd.Series, about_tol: float, side: str) -> float | None:
    """The value a figure bounds a running total by (persons): *side* "floor" reads its low
    end (an "about" figure without a range less the tolerance; none for an "at most"),
    "ceiling" its high end (plus the tolerance; none for an "at least")."""
    q = _text(r.get("qualifier"))
    if q == ("at_most" if side == "floor" else "at_least"):
        return None
    end, c = r.get("low" if side == "floor" else "high"), r.get("central")
    v = float(end) if pd.notna(end) else (float(c) if pd.notna(c) else None)
    if v is None:
        return None
    sign = -1 if side == "floor" else 1
    return v * (1 + sign * about_tol) if q == "approximately" and pd.isna(end) else v


def _bounds(rows: pd.DataFrame, t: Target, cutoff: pd.Timestamp | None, about_tol: float
            ) -> dict[str, tuple[_Bound | None, _Bound | None]]:
    """Per series: (the highest floor, the lowest ceiling) at the claim's date."""
    host = _text(t.host)
    floors, ceilings = floor_hosts(host), ceiling_hosts(host)
    out: dict[str, tuple[_Bound | None, _Bound | None]] = {}
    series = _series_key(rows).to_numpy(object)
    for s, (_, r) in zip(series, rows.iterrows()):
        h = _text(r.get("host"))
        late = cutoff is not None and pd.notna(r["published"]) and r["published"] > cutoff
        end = r["period_end"]
        is_floor_host = h == host or (floors is None and h != host) or (
            floors is not None and h in floors)
        is_ceiling_host = h == host or h in ceilings
        lo, hi = out.get(s, (None, None))
        # a running total counted from a later start counts less (a floor only), one from an
        # earlier start counts more (a ceiling only): "since 1 January" is no ceiling of a
        # total since 8 December, "after November" no floor of it
        start = r["period_start"]
        if t.period_type == "cumulative":
            is_floor_host = is_floor_host and start >= t.start
            is_ceiling_host = is_ceiling_host and start <= t.start
        if is_floor_host and (end <= t.end or t.period_type == "flow"):
            v = _bound_value(r, about_tol, "floor")
            if v is not None and (lo is None or v > lo.value):
                lo = _Bound(v, r, late, h)
        if is_ceiling_host and (end >= t.end or t.period_type == "flow"):
            v = _bound_value(r, about_tol, "ceiling")
            if v is not None and (hi is None or v < hi.value):
                hi = _Bound(v, r, late, h)
        out[s] = (lo, hi)
    return out


def _claim_range(x: float, comparator: str, about_tol: float) -> tuple[float, float]:
    if comparator == "about":
        return x * (1 - about_tol), x * (1 + about_tol)
    if comparator == "at_least":
        return x, np.inf
    if comparator in ("at_most", "less_than"):
        return -np.inf, x
    raise ValueError(comparator)


def _label(b: _Bound, t: Target) -> str:
    own = _text(t.host)
    return _figure_label(b.row) + (f" (host {b.host}, widened from {own})" if b.host != own
                                   else "")


def bracket(rec: dict[str, Any], est: pd.DataFrame, t: Target, known: str,
            cutoff: pd.Timestamp, x: float, comparator: str, about_tol: float
            ) -> dict[str, Any]:
    """*rec* judged again against the totals that bound the claim's (module docstring):
    only a claim the other rules could not call consistent (contested, above_all, below_all
    or not_checkable for want of a comparable total) of a running total, or of a flow of a
    measure counted per host, with *comparator* about, at_least, at_most or less_than."""
    if rec["verdict"] not in ("consistent", "contested", "above_all", "below_all",
                              "not_checkable") \
            or comparator not in ("about", "at_least", "at_most", "less_than") \
            or t.problem or t.measure not in BRACKET_MEASURES \
            or not (t.period_type == "cumulative" or (
                t.period_type == "flow" and t.measure in HOST_ADDITIVE_MEASURES)):
        return rec
    if t.period_type == "cumulative" and (t.start is None or pd.isna(t.start)):
        return rec
    rows = _candidates(est, t, known, cutoff)
    if rows.empty:
        return rec
    # as known then a figure published after the claim is kept, marked late: it may stop
    # a verdict, never confirm the claim (nor refute it: see low_by, high_by)
    a, z = _claim_range(x, comparator, about_tol)
    old = rec["verdict"]
    if old in ("consistent", "contested"):  # only the same series' own floor overrules a
        # pooled verdict; a contested one too, or 'fewer than X' would be understated at one X
        # and contested at a lower X (verdicts monotone in X)
        rec = own_floor(rec, rows, t, cutoff if known == "then" else None, z, about_tol)
        if old == "consistent" or rec["verdict"] != old:
            return rec
    b = _bounds(rows, t, cutoff if known == "then" else None, about_tol)
    m = str(rec["measure"])
    without = f"without it the verdict would be {old}, {VERDICT_CLASSES[old]}"
    # hard contradictions, from figures that could be known: a floor above the claim, a
    # ceiling below it
    low_by = [lo for lo, _ in b.values() if lo is not None and not lo.late
              and z < lo.value * (1 - (ROUNDING if comparator == "at_least" else 0))]
    high_by = [hi for _, hi in b.values() if hi is not None and not hi.late
               and a > hi.value * (1 + (ROUNDING if comparator in ("at_most", "less_than")
                                        else 0))]
    widened = any(bb.host != _text(t.host) for bb in low_by + high_by)
    if low_by and not high_by and old in ("not_checkable", "below_all"):
        f = max(low_by, key=lambda bb: bb.value)
        return _set(rec, "below_all", "below", t, f, None, (
            f"Understated (rule: {'host_bounds' if f.host != _text(t.host) else 'running_bracket'}): "
            f"{_label(f, t)} counted {_num(f.value, m)} by {_day(f.row['period_end'])}, and "
            f"{'a total for part of the hosts is part of the whole' if f.host != _text(t.host) else 'a running total only grows'}, "
            f"so the total on {_day(t.end)} was at least that; the claim is below it "
            f"({without})."), widened)
    if high_by and not low_by and old in ("not_checkable", "above_all"):
        f = min(high_by, key=lambda bb: bb.value)
        return _set(rec, "above_all", "above", t, None, f, (
            f"Overstated (rule: {'host_bounds' if f.host != _text(t.host) else 'running_bracket'}): "
            f"{_label(f, t)} counted {_num(f.value, m)} by {_day(f.row['period_end'])}, and "
            f"{'a total for more hosts contains this one' if f.host != _text(t.host) else 'a running total only grows'}, "
            f"so the total on {_day(t.end)} was at most that; the claim is above it "
            f"({without})."), widened)
    if low_by or high_by or old == "consistent":
        return rec
    # a bracket of one series around the claim: consistent (as known then only from
    # figures published by then)
    for s in sorted(b):
        lo, hi = b[s]
        if lo is None or hi is None or lo.row["estimate_id"] == hi.row["estimate_id"]:
            continue
        if comparator == "at_least":
            inside = x <= hi.value * (1 - ROUNDING)
        elif comparator in ("at_most", "less_than"):
            inside = x >= lo.value * (1 + ROUNDING)
        else:
            inside = z >= lo.value and a <= hi.value
        if not inside:
            continue
        rule = "host_bounds" if _text(t.host) not in (lo.host, hi.host) or lo.host != hi.host \
            else "running_bracket"
        if rule == "running_bracket" and old == "above_all" and not (lo.late or hi.late) \
                and not within_pace(lo.row, lo.value, t, x if comparator == "at_least" else a):
            continue  # beyond what the series could reach from its earlier total: stays too high
        band = (f"{_label(lo, t)} ({_num(lo.value, m)} by {_day(lo.row['period_end'])}) and "
                f"{_label(hi, t)} ({_num(hi.value, m)} by {_day(hi.row['period_end'])})")
        if lo.late or hi.late:
            if old == "not_checkable":
                return rec
            reason = (f"as known then the claim cannot be called {VERDICT_CLASSES[old]}: the "
                      f"total on its date lies between {band}, one of them published after "
                      f"the claim; {HINDSIGHT} (rule: "
                      f"{rule}; {without}).")
            rec.update(verdict="not_checkable", position="", reason=reason)
            rec["explanation"] = "Not checkable with this registry: " + reason + " " + \
                str(rec["explanation"]).replace(PACE_OVER, PACE_BEFORE, 1)  # (not the verdict)
            return rec
        return _set(rec, "consistent", "within", t, lo, hi, (
            f"Consistent (rule: {rule}): the total on {_day(t.end)} lies between {band}: "
            f"totals of one series from the same start, so it cannot have left that bracket"
            + ("; a total for part of the hosts is a floor, one for more hosts a ceiling"
               if rule == "host_bounds" else "") + f" ({without})."),
            rule == "host_bounds")
    return rec


def _set(rec: dict[str, Any], verdict: str, position: str, t: Target, lo: _Bound | None,
         hi: _Bound | None, why: str, widened: bool) -> dict[str, Any]:
    ids = [b.row["estimate_id"] for b in (lo, hi) if b is not None]
    rec.update(verdict=verdict, position=position, reason="", scope_used="same",
               estimate_ids=";".join(dict.fromkeys(str(i) for i in ids)),
               source_ids=";".join(dict.fromkeys(str(b.row["source_id"]) for b in (lo, hi)
                                                 if b is not None)),
               n_figures=len(set(ids)), median=np.nan, envelope_lower=np.nan,
               envelope_upper=np.nan, lower=lo.value if lo is not None else np.nan,
               upper=hi.value if hi is not None else np.nan,
               interval_method="bounds from running totals (a floor at or before the date, "
                               "a ceiling at or after it)")
    if widened:
        hosts = sorted({b.host for b in (lo, hi) if b is not None and b.host != _text(t.host)})
        rec["widened"] = "; ".join(filter(None, [rec.get("widened", ""), (
            f"host: {t.host} bounded by totals for {', '.join(hosts)} (a part is a floor, a "
            "whole a ceiling)")]))
    starts = sorted({_day(b.row["period_start"]) for b in (lo, hi) if b is not None
                     and t.period_type == "cumulative" and b.row["period_start"] != t.start})
    if starts:  # a bound counted from another start (within the start tolerance)
        period = (f"period: bounded by totals counted from {', '.join(starts)}, not from "
                  f"{_day(t.start)} (a later start is only a floor, an earlier one only a "
                  "ceiling)")
        rec["widened"] = "; ".join(filter(None, [rec.get("widened", ""), period]))
        why += f" Widened: {period}."
    rec["explanation"] = why + " " + rec["explanation"]
    return rec


def own_floor(rec: dict[str, Any], rows: pd.DataFrame, t: Target, cutoff: pd.Timestamp | None,
              z: float, about_tol: float) -> dict[str, Any]:
    """*rec*, a pooled ``consistent`` or ``contested`` of a running total, judged below_all
    when a series it was pooled with had itself counted more than the claim by the claim's date
    (COMPARATOR_RULES['own_floor']): the highest total of a pooled series (publisher and
    method; the claim's host, area, group and start), counted to the claim's date or before
    and knowable (as known then: published by *cutoff*), lies above the claim's high end *z*
    (persons) by more than :data:`ROUNDING`, and it is counted to a date no earlier than
    every pooled figure that does not itself lie above the claim. The claim then agrees
    only with older counts (or none), which that publisher's own running total had passed.
    A pooled figure of another publisher counted later that agrees with the claim keeps the
    verdict: two publishers counting differently is no contradiction (Turkey's ministry
    against UNHCR's count of returns from Turkey)."""
    if t.period_type != "cumulative" or not np.isfinite(z):
        return rec
    ids = [i for i in str(rec.get("estimate_ids") or "").split(";") if i]
    pooled = rows[rows["estimate_id"].astype(str).isin(ids)]
    if pooled.empty:
        return rec
    host = _text(t.host)
    series = _series_key(rows)
    own = (rows["host"].astype(object).map(_text) == host if "host" in rows.columns
           else pd.Series(True, index=rows.index))
    own &= series.isin(set(_series_key(pooled))) & (rows["period_end"] <= t.end) \
        & (rows["period_start"] >= t.start)
    if cutoff is not None:
        own &= ~(rows["published"] > cutoff)
    best: _Bound | None = None
    for _, r in rows[own].iterrows():
        v = _bound_value(r, about_tol, "floor")
        if v is not None and (best is None or v > best.value or (
                v == best.value and r["period_end"] > best.row["period_end"])):
            best = _Bound(v, r, False, host)
    if best is None or not z < best.value * (1 - ROUNDING):
        return rec
    agree = [r for _, r in pooled.iterrows()
             if (v := _bound_value(r, about_tol, "floor")) is None or v <= z]
    if any(r["period_end"] > best.row["period_end"] for r in agree):
        return rec
    m = str(rec["measure"])
    older = ("; ".join(_figure_label(r) + (f" ({_num(float(r['central']), m)}" if pd.notna(
        r.get("central")) else " (") + f" by {_day(r['period_end'])})" for r in agree)
             if agree else "none of them")
    return _set(rec, "below_all", "below", t, best, None, (
        f"Understated (rule: own_floor): {_label(best, t)} had counted "
        f"{_num(best.value, m)} by {_day(best.row['period_end'])}, and a running total of one "
        f"series only grows, so by its count the total on {_day(t.end)} was at least that; "
        f"the claim is below it. This figure overruled the pooled verdict: the pooled figures "
        f"that agree with the claim are older counts ({older}) (without it the verdict "
        f"would be {rec['verdict']}"
        + ("" if rec["verdict"] == "consistent" else f", {VERDICT_CLASSES[rec['verdict']]}")
        + ")."), False)
