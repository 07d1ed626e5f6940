"""Check quantitative claims ("as many as 470,000 people may have died") against the registry.

A *claim* is one number said in a publication about one measure at one date
(``data/claims.csv``; columns in ``data/datapackage.json``, resource ``claims``).
:func:`check` judges each claim against the *estimates* registry and returns one row
per claim: a verdict from the small vocabulary :data:`VERDICTS`, the reference
interval it was judged against, the figures used, the closest comparable figures
and an explanation a reporter can quote.

How a reference interval is built
---------------------------------
1. **Comparable figures.** Same ``measure`` as the claim; for cumulative measures
   (death tolls, injured, cumulative asylum applications) only totals counted from
   the war's start (``period_start`` on or before :data:`CUMULATIVE_START_BY`).
2. **Date window** (:data:`DATE_RULES`). Stocks and flows: ``period_end`` within
   :data:`STOCK_WINDOW_DAYS` days either side of the claim's ``as_of``. Cumulative
   tolls: ``period_end`` from :data:`CUMULATIVE_WINDOW_BEFORE_DAYS` days before
   ``as_of`` to :data:`CUMULATIVE_WINDOW_AFTER_DAYS` days after it (an older toll
   understates the toll at ``as_of``; the explanation says so when a figure ends more
   than :data:`STALE_DAYS` days before the claim's date).
3. **What could be known.** ``known="then"``: only figures whose source was published
   on or before the claim's publication date (``origin_date``; for a claim about the
   present this is its ``as_of``): what the claimant could have known. ``known="now"``:
   every figure in the window, published at any time (later revisions included).
   Sources dated only by month or year count as published on the *last* day of it.
4. **One figure per series.** Of several releases by one publisher with one method
   (e.g. SOHR's documented tolls), only the release nearest in date to ``as_of`` is
   used, so a prolific publisher does not outvote the others.
5. **Scope.** For death measures, a figure whose ``scope`` says it includes indirect
   deaths (lack of care, food, water), the disappeared or the missing is of a
   *broader scope* (:func:`is_broader_scope`), as are the measures listed in
   :data:`BROADER_MEASURES` (e.g. all deaths for a claim about civilian deaths, refugees
   worldwide for a claim about refugees registered in the region). The claim is judged
   on figures of its own scope first; :data:`VERDICTS` ``broader_scope_only`` says it
   holds only under the broader one.
6. **Uncertainty of each figure** comes from :func:`syriastats.uncertainty.from_row`:
   documented counts and "more than" figures are floors (no probability below them),
   brackets and margins are read as the engine documents. Two assumptions are made
   here and stated in every affected row: a bare figure with no stated range (an
   expert's "400,000", a registration total) is read with a margin of
   ``assumed_margin`` (default :data:`ASSUMED_MARGIN`, ±10 % at 90 % coverage, about what
   rounding to one or two significant digits implies); an "at most" figure is read as
   a ceiling with the engine's default floor ratio mirrored
   (:data:`syriastats.uncertainty.DEFAULT_UNDERCOUNT`).
7. **Pooling.** Several figures are pooled as an equal-weight *mixture* of their
   distributions (disagreement between sources kept as uncertainty); ``lower`` and
   ``upper`` are its central ``level`` interval (default 90 %), ``median`` its median.
   The *envelope* (lowest to highest single-figure bound) is reported alongside.

Verdict rules per comparator are in :data:`COMPARATOR_RULES`.
"""
from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import optimize

from syriastats.validate import parse_date_bounds

__all__ = [
    "ASSUMED_MARGIN",
    "BROADER_MEASURES",
    "COMPARATOR_RULES",
    "DATE_RULES",
    "OUTPUT_COLUMNS",
    "VERDICTS",
    "check",
    "cli_check",
    "format_verdicts",
    "is_broader_scope",
]

# --------------------------------------------------------------------------- vocabulary

#: Verdict code -> meaning (what a reporter can say).
VERDICTS: dict[str, str] = {
    "consistent": "Consistent with the sources: the claim agrees with the plausible range "
                  "built from comparable figures (same measure and scope, near the claim's date).",
    "contested": "Supported by some sources but outside the pooled range: the sources disagree "
                 "and the claim sides with the highest (or lowest) of them.",
    "above_all": "Higher than every comparable source: above the upper end of each figure's range.",
    "below_all": "Lower than every comparable source: below the lower end of each figure's range.",
    "broader_scope_only": "Consistent only under a broader scope than the claim's words suggest "
                          "(e.g. a toll that includes indirect deaths or the missing, or all "
                          "deaths for a claim about civilians); say which scope.",
    "contradicted": "Contradicted: for a 'highest since' claim, an earlier figure of the same "
                    "measure is higher.",
    "not_checkable": "Not checkable with this registry (no comparable figure, none that could be "
                     "known at the time, or no series long enough); the reason is given.",
}

#: How each comparator is judged. X is the claimed value, [L, U] the pooled interval,
#: [l_i, u_i] each comparable figure's own interval at the same level.
COMPARATOR_RULES: dict[str, str] = {
    "about": "'about X' is read as X ± about_tolerance (default ±5 %, a rounded figure). "
             "consistent if that range overlaps [L, U]; above_all if it lies above every u_i; "
             "below_all if below every l_i; otherwise contested.",
    "at_least": "'more than X' is true when the truth may exceed X: consistent if X <= U "
                "(when X is also below every l_i the claim is true but conservative, and the "
                "explanation says so); above_all if X > every u_i; otherwise contested.",
    "at_most": "'as many as X' asserts that X is a plausible ceiling: it must be neither "
               "beyond every source nor below what the sources say. consistent if "
               "L <= X <= U; above_all if X > every u_i (no source supports a number that "
               "high); below_all if X < every l_i (the truth is above the stated ceiling); "
               "otherwise contested (only the most extreme sources reach X).",
    "share_about": "As 'about', for a share of the population, read as X ± share_tolerance "
                   "(default ±5 percentage points: 'half' = 45 %-55 %).",
    "share_at_least": "As 'at_least', for a share.",
    "share_at_most": "As 'at_most', for a share ('as much as half').",
    "highest_since": "'the highest (worst) since <year>': value holds the year that ends the "
                     "reference period (1945 for the Second World War). The figure nearest the "
                     "claim's date is compared with every earlier figure of the same measure "
                     "back to that year: consistent if its interval lies above all of theirs; "
                     "contradicted if an earlier figure lies wholly above it; contested if they "
                     "overlap. not_checkable if the registry's series starts more than "
                     "HIGHEST_SINCE_MAX_GAP_YEARS after the reference year (it cannot show what "
                     "happened in between); benchmark figures (e.g. wwii_displacement) are "
                     "quoted for context but not used, as they are not like-for-like.",
    "war_duration": "For the claim-only measure war_duration_years, the war's age at as_of is "
                    "computed from the start of the registry's cumulative death tolls (all of "
                    "which start in March 2011); 'about N years' is read as N to N+1 years (an "
                    "age: 'five years old' = at least five, not yet six).",
}

#: The date-window rule in one paragraph (also in the module docstring).
DATE_RULES: str = (
    "Stocks and flows: figures whose period ends within {stock} days of the claim's date. "
    "Cumulative tolls counted from the war's start: figures whose period ends from {before} "
    "days before to {after} days after the claim's date. known='then' keeps only figures "
    "published on or before the claim was published; known='now' keeps every figure in the "
    "window. Per publisher and method only the figure nearest the claim's date is used."
)

#: Half-width (days) of the window for stocks and flows.
STOCK_WINDOW_DAYS: int = 366
#: Window (days) before ``as_of`` for cumulative tolls.
CUMULATIVE_WINDOW_BEFORE_DAYS: int = 366
#: Window (days) after ``as_of`` for cumulative tolls.
CUMULATIVE_WINDOW_AFTER_DAYS: int = 92
#: A figure whose period ends more than this many days before ``as_of`` is flagged as old.
STALE_DAYS: int = 92
#: Cumulative totals must count from the war's start: ``period_start`` on or before this.
CUMULATIVE_START_BY: pd.Timestamp = pd.Timestamp("2011-06-30")
#: The month all cumulative tolls of the registry start in (the war's start).
WAR_START_MONTH: tuple[pd.Timestamp, pd.Timestamp] = (pd.Timestamp("2011-03-01"),
                                                       pd.Timestamp("2011-03-31"))
#: Days per year for durations.
DAYS_PER_YEAR: float = 365.25
#: Assumed relative margin (90 % coverage) for a bare figure with no stated range.
ASSUMED_MARGIN: float = 0.10
#: 'about X' is read as X ± this fraction of X.
ABOUT_TOLERANCE: float = 0.05
#: 'about half' is read as the share ± this many (fraction, i.e. 0.05 = 5 points).
SHARE_TOLERANCE: float = 0.05
#: A 'highest since' claim needs a series starting within this many years of the reference.
HIGHEST_SINCE_MAX_GAP_YEARS: int = 10

#: Measures counted cumulatively from the war's start.
CUMULATIVE_MEASURES: frozenset[str] = frozenset({
    "asylum_applications_europe_cumulative", "deaths_battle_related", "deaths_civilian",
    "deaths_combatant", "deaths_direct", "deaths_excess", "deaths_in_detention",
    "deaths_indirect", "deaths_organised_violence", "deaths_total",
    "deaths_total_incl_missing", "injured",
})
#: Death measures whose scope text is inspected by :func:`is_broader_scope`.
DEATH_MEASURES: frozenset[str] = frozenset(m for m in CUMULATIVE_MEASURES if m.startswith("deaths_"))
#: Claim measure -> measures that count a broader set (used only for broader_scope_only).
BROADER_MEASURES: dict[str, tuple[str, ...]] = {
    "deaths_total": ("deaths_total_incl_missing", "deaths_excess"),
    "deaths_direct": ("deaths_total", "deaths_total_incl_missing", "deaths_excess"),
    "deaths_civilian": ("deaths_total",),
    "deaths_battle_related": ("deaths_organised_violence", "deaths_total"),
    "deaths_organised_violence": ("deaths_total",),
    "refugees_registered": ("refugees_worldwide",),
    "idps": ("displaced_total",),
}
#: Claim-only measures (not in the estimates vocabulary), computed by the checker.
CLAIM_ONLY_MEASURES: frozenset[str] = frozenset({"war_duration_years"})
#: For 'highest since' claims: measure -> benchmark measure quoted for context.
BENCHMARKS: dict[str, str] = {"global_forcibly_displaced": "wwii_displacement",
                              "global_refugees": "wwii_displacement"}

_BROAD = r"indirect|lack of (?:medical )?care|disappeared|missing"
_BROAD_RE = re.compile(rf"\b(?:{_BROAD})", re.I)
_NEGATED_RE = re.compile(rf"\b(?:excl\w*|without|not|no)\b[^;.()]{{0,40}}?\b(?:{_BROAD})", re.I)

#: Columns of :func:`check`'s result, in order.
OUTPUT_COLUMNS: list[str] = [
    "claim_id", "known", "origin", "origin_date", "as_of", "text", "measure", "comparator",
    "value", "verdict", "verdict_meaning", "position", "lower", "median", "upper", "level",
    "envelope_lower", "envelope_upper", "interval_method", "scope_used", "n_figures",
    "estimate_ids", "source_ids", "closest", "explanation", "reason",
]

_LABELS: dict[str, str] = {
    "deaths_total": "deaths in the war", "deaths_civilian": "civilian deaths",
    "deaths_direct": "deaths from violence", "displaced_share": "share of the population displaced",
    "displaced_total": "people displaced (refugees plus internally displaced)",
    "idps": "people displaced inside Syria", "refugees_registered": "registered Syrian refugees",
    "refugees_worldwide": "Syrian refugees worldwide", "population": "Syria's population",
    "global_forcibly_displaced": "people forcibly displaced worldwide",
    "war_duration_years": "the war's age",
}


def is_broader_scope(scope: Any) -> bool:
    """True if a death figure's *scope* text says it counts more than violent deaths.

    Matches "indirect", "lack of (medical) care", "disappeared" or "missing" unless
    negated within the same clause ("excludes ... indirect deaths"). Only applied to
    death measures.
    """
    if scope is None or (isinstance(scope, float) and math.isnan(scope)) or scope is pd.NA:
        return False
    s = str(scope)
    if not _BROAD_RE.search(s):
        return False
    stripped = _NEGATED_RE.sub("", s)
    return bool(_BROAD_RE.search(stripped))


# --------------------------------------------------------------------------- helpers


def _dates(col: pd.Series, end: Literal["first", "last"]) -> pd.Series:
    """A date column as datetime64: parse ``YYYY[-MM[-DD]]`` text to its first/last day."""
    if pd.api.types.is_datetime64_any_dtype(col):
        return col
    idx = 0 if end == "first" else 1
    out = []
    for t in col:
        b = parse_date_bounds(str(t)) if isinstance(t, str) else None
        out.append(pd.Timestamp(b[idx]) if b else pd.NaT)
    return pd.Series(out, index=col.index, dtype="datetime64[ns]")


def _isnum(x: Any) -> bool:
    if x is None or x is pd.NA:
        return False
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _num(x: float, measure: str) -> str:
    """A number for prose: 470,000 / 4.8 million / 50% / 5.4 years."""
    if not _isnum(x):
        return "n/a"
    x = float(x)
    if measure.endswith("_share"):
        return f"{100 * x:.0f}%"
    if measure == "war_duration_years":
        return f"{x:.1f} years"
    if abs(x) >= 1e6:
        v = x / 1e6
        return f"{v:.3g} million" if abs(v) < 100 else f"{v:.0f} million"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:g}"


def _claim_phrase(comparator: str, value: float, measure: str) -> str:
    if comparator == "highest_since":
        return f"the highest since {int(value)}"
    v = _num(value, measure)
    return {"about": f"about {v}", "at_least": f"more than {v}", "at_most": f"as many as {v}",
            "share_about": f"about {v}", "share_at_least": f"more than {v}",
            "share_at_most": f"as much as {v}"}.get(comparator, v)


def _day(ts: Any) -> str:
    return pd.Timestamp(ts).strftime("%Y-%m-%d") if pd.notna(ts) else "undated"


@dataclass
class _Figure:
    row: pd.Series
    lo: float
    hi: float
    med: float
    dist: Any
    assumption: str


def _fit(row: pd.Series, level: float, assumed_margin: float) -> _Figure:
    from syriastats.uncertainty import DEFAULT_UNDERCOUNT, from_row

    kw: dict[str, Any] = {}
    q = str(row.get("qualifier"))
    has_range = any(_isnum(row.get(k)) for k in ("low", "high", "margin"))
    if q == "at_most":
        kw["undercount"] = DEFAULT_UNDERCOUNT
    elif (not has_range and str(row.get("method")) != "documented_count" and q != "at_least"):
        kw["assumed_margin"] = assumed_margin
    f = from_row(row, **kw)
    lo, hi = f.interval(level)
    if str(row.get("measure", "")).endswith("_share"):  # a share cannot exceed the whole
        lo, hi = min(lo, 1.0), min(hi, 1.0)
    return _Figure(row, lo, hi, f.median(), f.dist, f.assumption)


def _mixture_q(figs: Sequence[_Figure], q: float) -> float:
    """Quantile q of the equal-weight mixture of the figures' distributions."""
    qs = [float(f.dist.ppf(q)) for f in figs]
    a, b = min(qs), max(qs)
    if a == b:
        return a
    n = len(figs)

    def g(x: float) -> float:
        return sum(float(f.dist.cdf(x)) for f in figs) / n - q

    return float(optimize.brentq(g, a, b, xtol=1e-9 * max(abs(a), abs(b), 1e-12), maxiter=500))


@dataclass
class _Pool:
    figs: list[_Figure]
    lower: float
    median: float
    upper: float
    env_lo: float
    env_hi: float
    method: str
    floor: float | None = None


def _pool(figs: list[_Figure], level: float,
          floor: tuple[float, str] | None = None) -> _Pool:
    """Pool figures as an equal-weight mixture; with *floor* = (count, estimate_id),
    the mixture is conditioned on the truth being at least that documented count
    (no one can be counted dead who did not die), i.e. truncated below at it."""
    def q_of(q: float) -> float:
        if floor is None:
            return _mixture_q(figs, q)
        c0 = sum(float(f.dist.cdf(floor[0])) for f in figs) / len(figs)
        if c0 >= 1.0 - 1e-12:
            return floor[0]
        return max(floor[0], _mixture_q(figs, c0 + q * (1.0 - c0)))

    lo = q_of((1 - level) / 2)
    med = q_of(0.5)
    hi = q_of((1 + level) / 2)
    if str(figs[0].row.get("measure", "")).endswith("_share"):
        lo, med, hi = min(lo, 1.0), min(med, 1.0), min(hi, 1.0)
    env_lo, env_hi = min(f.lo for f in figs), max(f.hi for f in figs)
    if floor is not None:
        env_lo = max(env_lo, floor[0])
    n = len(figs)
    how = (f"{level:.0%} interval of one figure read by the uncertainty engine"
           if n == 1 else
           f"central {level:.0%} interval of an equal-weight mixture of {n} figures; "
           "envelope = lowest to highest single-figure bound")
    if floor is not None:
        how += (f"; truncated below at the largest documented count by the claim's date "
                f"({floor[0]:,.0f}, {floor[1]}), since the truth cannot be below what was counted")
    return _Pool(figs, lo, med, hi, env_lo, env_hi, how, floor[0] if floor else None)


def _documented_floor(rows: pd.DataFrame, measure: str,
                      as_of: pd.Timestamp) -> tuple[float, str] | None:
    """Largest documented cumulative count dated on or before *as_of* (deaths only)."""
    if measure not in CUMULATIVE_MEASURES or rows.empty:
        return None
    d = rows[(rows["method"].astype(str) == "documented_count")
             & (rows["measure"].astype(str) == measure)
             & (rows["period_end"] <= as_of)
             & (rows["qualifier"].astype(str) != "at_most")]
    d = d[d["central"].notna()]
    if d.empty:
        return None
    top = d.sort_values(["central", "estimate_id"], ascending=[False, True]).iloc[0]
    return float(top["central"]), str(top["estimate_id"])


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
        if x <= U:
            return "consistent", position
        return ("above_all" if x > max(highs) else "contested"), position
    if comparator in ("at_most", "share_at_most"):
        if L <= x <= U:
            return "consistent", position
        if x > max(highs):
            return "above_all", position
        if x < min(lows):
            return "below_all", position
        return "contested", position
    raise ValueError(f"unknown comparator {comparator!r}")


def _series_key(df: pd.DataFrame) -> pd.Series:
    who = df["publisher"] if "publisher" in df.columns else df["source_id"]
    return who.astype(str) + "|" + df["method"].astype(str)


def _prepare_estimates(estimates: pd.DataFrame, sources: pd.DataFrame | None) -> pd.DataFrame:
    est = estimates.copy()
    if "published" not in est.columns:
        if sources is None:
            raise ValueError("estimates need a 'published' column: pass sources= or "
                             "with_sources(estimates, sources)")
        from syriastats.sources import with_sources

        est = with_sources(est, sources)
    for col in ("measure", "method", "qualifier", "range_type", "source_id", "estimate_id"):
        if col in est.columns and isinstance(est[col].dtype, pd.CategoricalDtype):
            est[col] = est[col].astype(object)
    est["period_start"] = _dates(est["period_start"], "first")
    est["period_end"] = _dates(est["period_end"], "last")
    est["published"] = _dates(est["published"], "last")
    for col in ("low", "central", "high", "range_level", "margin"):
        if col in est.columns:
            est[col] = pd.to_numeric(est[col], errors="coerce").astype(float)
        else:
            est[col] = np.nan
    if "scope" not in est.columns:
        est["scope"] = ""
    return est


def _known_filter(est: pd.DataFrame, known: str, cutoff: pd.Timestamp) -> pd.DataFrame:
    if known == "then":
        return est[est["published"] <= cutoff]
    return est


def _window(est: pd.DataFrame, measure: str, as_of: pd.Timestamp) -> pd.DataFrame:
    sub = est[est["measure"] == measure]
    if measure in CUMULATIVE_MEASURES:
        sub = sub[sub["period_start"] <= CUMULATIVE_START_BY]
        lo = as_of - pd.Timedelta(days=CUMULATIVE_WINDOW_BEFORE_DAYS)
        hi = as_of + pd.Timedelta(days=CUMULATIVE_WINDOW_AFTER_DAYS)
    else:
        lo = as_of - pd.Timedelta(days=STOCK_WINDOW_DAYS)
        hi = as_of + pd.Timedelta(days=STOCK_WINDOW_DAYS)
    return sub[(sub["period_end"] >= lo) & (sub["period_end"] <= hi)]


def _nearest_per_series(sub: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    if sub.empty:
        return sub
    s = sub.assign(_dist=(sub["period_end"] - as_of).abs(), _series=_series_key(sub),
                   _negpub=-sub["published"].astype("int64"))
    s = s.sort_values(["_series", "_dist", "_negpub", "estimate_id"], kind="stable")
    s = s.groupby("_series", sort=False).head(1)
    return s.sort_values(["_dist", "estimate_id"], kind="stable").drop(
        columns=["_dist", "_series", "_negpub"])


def _split_scope(sub: pd.DataFrame, measure: str,
                 extra: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(same-scope rows, broader-scope rows) for a claim of *measure*."""
    if measure in DEATH_MEASURES:
        broad_mask = sub["scope"].map(is_broader_scope).astype(bool)
        same, broad = sub[~broad_mask], sub[broad_mask]
    else:
        same, broad = sub, sub.iloc[0:0]
    return same, pd.concat([broad, extra]) if not extra.empty else broad


def _figure_label(r: pd.Series) -> str:
    who = r.get("publisher") if _present(r.get("publisher")) else r.get("source_id")
    method = str(r.get("method", "")).replace("_", " ")
    c = r.get("central") if _isnum(r.get("central")) else None
    lo, hi = r.get("low"), r.get("high")
    m = str(r.get("measure"))
    if c is not None and _isnum(lo) and _isnum(hi):
        num = f"{_num(c, m)} ({_num(lo, m)}-{_num(hi, m)})"
    elif c is not None:
        num = _num(c, m)
    elif _isnum(lo) and _isnum(hi):
        num = f"{_num(lo, m)}-{_num(hi, m)}"
    else:
        num = _num(lo if _isnum(lo) else hi, m)
    q = str(r.get("qualifier"))
    num = {"at_least": "more than ", "at_most": "at most ", "approximately": "about "}.get(q, "") + num
    if _isnum(r.get("margin")):
        num += f" ±{100 * float(r['margin']):.0f}%"
    return (f"{who}: {num} ({method}, to {_day(r['period_end'])}, published "
            f"{_day(r['published'])}) [{r['estimate_id']}]")


def _present(x: Any) -> bool:
    return x is not None and x is not pd.NA and not (isinstance(x, float) and math.isnan(x)) \
        and str(x) != ""


# --------------------------------------------------------------------------- main entry


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

    Returns
    -------
    DataFrame sorted by ``claim_id``. ``lower``, ``median``, ``upper`` are in the claim's
    unit (persons, fraction for shares, years for durations; for ``highest_since`` the
    unit of the measure, not the year) and bound a central ``level`` interval of the
    pooled comparable figures; ``verdict`` is a key of :data:`VERDICTS`.
    """
    if known not in ("then", "now"):
        raise ValueError(f"known must be 'then' or 'now', got {known!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    est = _prepare_estimates(estimates, sources)
    cl = claims.copy()
    cl["as_of"] = _dates(cl["as_of"], "last")
    cl["origin_date"] = _dates(cl["origin_date"], "first")
    out = []
    for _, c in cl.sort_values("claim_id", kind="stable").iterrows():
        rec = _check_one(c, est, known, level, assumed_margin, about_tolerance, share_tolerance)
        out.append(rec)
    df = pd.DataFrame(out, columns=OUTPUT_COLUMNS)
    for col in ("lower", "median", "upper", "level", "envelope_lower", "envelope_upper", "value"):
        df[col] = df[col].astype(float)
    df["n_figures"] = df["n_figures"].astype(int)
    return df.reset_index(drop=True)


def _base(c: pd.Series, known: str, level: float) -> dict[str, Any]:
    txt = (lambda k: c.get(f"{k}_text") if _present(c.get(f"{k}_text")) else _day(c.get(k)))
    return {
        "claim_id": str(c["claim_id"]), "known": known, "origin": str(c.get("origin", "")),
        "origin_date": txt("origin_date"), "as_of": txt("as_of"), "text": str(c.get("text", "")),
        "measure": str(c["measure"]), "comparator": str(c["comparator"]),
        "value": float(c["value"]), "verdict": "not_checkable", "position": "",
        "lower": np.nan, "median": np.nan, "upper": np.nan, "level": level,
        "envelope_lower": np.nan, "envelope_upper": np.nan, "interval_method": "",
        "scope_used": "", "n_figures": 0, "estimate_ids": "", "source_ids": "",
        "closest": "", "explanation": "", "reason": "",
    }


def _fill_pool(rec: dict[str, Any], pool: _Pool) -> None:
    rec.update(lower=pool.lower, median=pool.median, upper=pool.upper,
               envelope_lower=pool.env_lo, envelope_upper=pool.env_hi,
               interval_method=pool.method, n_figures=len(pool.figs),
               estimate_ids=";".join(str(f.row["estimate_id"]) for f in pool.figs),
               source_ids=";".join(dict.fromkeys(str(f.row["source_id"]) for f in pool.figs)))


def _fit_all(rows: pd.DataFrame, level: float, margin: float) -> tuple[list[_Figure], list[str]]:
    from syriastats.uncertainty import UncertaintyError

    figs, skipped = [], []
    for _, r in rows.iterrows():
        try:
            figs.append(_fit(r, level, margin))
        except UncertaintyError as exc:
            skipped.append(f"{r['estimate_id']} ({exc})")
    return figs, skipped


def _not_checkable(rec: dict[str, Any], reason: str, phrase: str, date: str) -> dict[str, Any]:
    rec["verdict"] = "not_checkable"
    rec["reason"] = reason
    rec["explanation"] = f"The claim '{phrase}' (as of {date}) cannot be checked with this registry: {reason}"
    return rec


def _check_one(c: pd.Series, est: pd.DataFrame, known: str, level: float, margin: float,
               about_tol: float, share_tol: float) -> dict[str, Any]:
    rec = _base(c, known, level)
    measure, comp, x = rec["measure"], rec["comparator"], rec["value"]
    as_of: pd.Timestamp = c["as_of"]
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else as_of
    phrase = _claim_phrase(comp, x, measure)
    date = _day(as_of)
    knowable = _known_filter(est, known, cutoff)
    known_txt = (f"published by {_day(cutoff)}" if known == "then" else "published at any time")

    if measure == "war_duration_years":
        return _check_duration(rec, knowable, as_of, comp, x, phrase, date, known_txt)
    if comp == "highest_since":
        return _check_highest(rec, knowable, est, measure, as_of, x, level, margin, phrase,
                              date, known_txt)
    if measure in CLAIM_ONLY_MEASURES:
        return _not_checkable(rec, f"the checker has no rule for the measure {measure}.",
                              phrase, date)

    window_all = _window(est, measure, as_of)
    window = _window(knowable, measure, as_of)
    extra = pd.concat([_window(knowable, m, as_of) for m in BROADER_MEASURES.get(measure, ())]
                      or [window.iloc[0:0]])
    same_rows, broad_rows = _split_scope(window, measure, extra)
    # the floor uses every documented count of the claim's scope in the window, before
    # one figure per series is kept (a later release may be nearer but not a floor)
    floor = _documented_floor(same_rows, measure, as_of)
    same_rows = _nearest_per_series(same_rows, as_of)
    broad_rows = _nearest_per_series(broad_rows, as_of)
    rec["closest"] = "; ".join(_figure_label(r) for _, r in same_rows.head(3).iterrows())

    if same_rows.empty and broad_rows.empty:
        if (est["measure"] == measure).sum() == 0:
            reason = f"the registry holds no figure for {measure}."
        elif known == "then" and not window_all.empty:
            later = window_all.sort_values("published").iloc[0]
            reason = (f"every figure for {measure} near {date} was published after the claim "
                      f"(first: {later['estimate_id']}, published {_day(later['published'])}); "
                      "what the claimant could have known is not in the registry. Try known='now'.")
        else:
            reason = (f"no figure for {measure} in the registry speaks of a date near {date} "
                      f"(rule: {DATE_RULES.format(stock=STOCK_WINDOW_DAYS, before=CUMULATIVE_WINDOW_BEFORE_DAYS, after=CUMULATIVE_WINDOW_AFTER_DAYS)})")
        return _not_checkable(rec, reason, phrase, date)

    same_figs, skipped = _fit_all(same_rows, level, margin)
    broad_figs, skipped2 = _fit_all(broad_rows, level, margin)
    skipped += skipped2
    if not same_figs and not broad_figs:
        return _not_checkable(rec, "no comparable figure could be read as a distribution: "
                              + "; ".join(skipped), phrase, date)

    same_pool = _pool(same_figs, level, floor) if same_figs else None
    broad_pool = _pool(broad_figs, level, floor) if broad_figs else None
    v_same = _judge(comp, x, same_pool, about_tol, share_tol) if same_pool else None
    v_broad = _judge(comp, x, broad_pool, about_tol, share_tol) if broad_pool else None

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
                                  known_txt, as_of, skipped, margin, comp)
    rec["explanation"] += _likely_origin(x, measure, same_rows, broad_rows, as_of)
    return rec


def _likely_origin(x: float, measure: str, same: pd.DataFrame, broad: pd.DataFrame,
                   as_of: pd.Timestamp) -> str:
    """A sentence naming the figure(s) the claimed number matches (within 1 %), if any."""
    out = []
    for rows, broader in ((same, False), (broad, True)):
        for _, r in rows.iterrows():
            c = r.get("central")
            if _isnum(c) and float(c) > 0 and abs(float(c) - x) <= 0.01 * float(c):
                s = f"The number matches {_figure_label(r)}"
                if broader:
                    s += f", whose scope is broader than the claim's ({r.get('scope')})"
                if measure in CUMULATIVE_MEASURES and (as_of - r["period_end"]).days > STALE_DAYS:
                    s += f", and which counts only to {_day(r['period_end'])}"
                out.append(s + ".")
    return (" " + " ".join(out)) if out else ""


def _range_txt(pool: _Pool, measure: str, level: float) -> str:
    return f"{_num(pool.lower, measure)} to {_num(pool.upper, measure)}"


def _who(pool: _Pool) -> str:
    names = []
    for f in pool.figs:
        r = f.row
        n = r.get("publisher") if _present(r.get("publisher")) else r.get("source_id")
        if str(n) not in names:
            names.append(str(n))
    return ", ".join(names)


def _explain(rec: dict[str, Any], pool: _Pool, same: _Pool | None, broad: _Pool | None,
             v_same: tuple[str, str] | None, phrase: str, date: str, known_txt: str,
             as_of: pd.Timestamp, skipped: list[str], margin: float, comp: str) -> str:
    m, lvl = rec["measure"], rec["level"]
    label = _LABELS.get(m, m.replace("_", " "))
    verdict = rec["verdict"]
    head = {
        "consistent": "is consistent with the sources",
        "contested": "is supported by only some of the sources",
        "above_all": "is higher than every comparable source",
        "below_all": "is lower than every comparable source",
        "broader_scope_only": "holds only under a broader definition than its words suggest",
    }[verdict]
    parts = [f"The claim '{phrase}' ({label}, as of {date}) {head}."]
    if verdict == "broader_scope_only" and same is not None:
        parts.append(f"Figures of the claim's own scope ({_who(same)}) give a {lvl:.0%} range of "
                     f"{_range_txt(same, m, lvl)}.")
        parts.append(f"Figures of a broader scope ({_who(pool)}; e.g. including indirect deaths, "
                     f"the missing, or a wider population) give {_range_txt(pool, m, lvl)}.")
        parts.append("Quote it only with that scope stated.")
    elif verdict == "broader_scope_only":
        parts.append(f"Only figures of a broader scope exist ({_who(pool)}), giving a {lvl:.0%} "
                     f"range of {_range_txt(pool, m, lvl)}.")
    else:
        n = len(pool.figs)
        src = "figure" if n == 1 else f"{n} figures"
        parts.append(f"Comparable figures {known_txt} ({src}: {_who(pool)}) give a {lvl:.0%} "
                     f"range of {_range_txt(pool, m, lvl)}"
                     + (f" (single figures span {_num(pool.env_lo, m)} to {_num(pool.env_hi, m)})."
                        if n > 1 else "."))
        if rec["scope_used"] == "broader_only_available":
            parts.append("Only figures of a broader scope than the claim were available.")
        if verdict == "consistent" and comp in ("at_least", "share_at_least") and \
                rec["value"] < min(f.lo for f in pool.figs):
            parts.append("The claim is true but conservative: every source puts the number "
                         "well above it.")
        if verdict == "consistent" and comp in ("at_most", "share_at_most") and \
                rec["value"] > pool.median:
            parts.append("It sits in the upper part of the range: a ceiling, not a central "
                         "estimate.")
        if verdict == "contested":
            parts.append("The sources disagree; the claim matches only the "
                         + ("highest" if rec["position"] == "above" else "lowest") + " of them.")
    old = [f for f in pool.figs if m in CUMULATIVE_MEASURES
           and (as_of - f.row["period_end"]).days > STALE_DAYS]
    for f in old:
        months = round((as_of - f.row["period_end"]).days / 30.44)
        parts.append(f"{f.row['estimate_id']} counts only to {_day(f.row['period_end'])}, "
                     f"{months} months before the claim's date, so it understates the toll then.")
    assumed = [str(f.row["estimate_id"]) for f in pool.figs if "Assumed margin" in f.assumption]
    if assumed:
        parts.append(f"No range was published for {', '.join(assumed)}; read as ±{margin:.0%} "
                     "(an assumption of this checker).")
    if skipped:
        parts.append("Left out (could not be read as a distribution): " + "; ".join(skipped) + ".")
    return " ".join(parts)


def _check_duration(rec: dict[str, Any], knowable: pd.DataFrame, as_of: pd.Timestamp, comp: str,
                    x: float, phrase: str, date: str, known_txt: str) -> dict[str, Any]:
    rows = knowable[knowable["measure"].isin(sorted(CUMULATIVE_MEASURES))
                    & (knowable["period_start"] >= WAR_START_MONTH[0])
                    & (knowable["period_start"] <= WAR_START_MONTH[1])]
    phrase = {"about": f"about {x:g} years", "at_least": f"more than {x:g} years",
              "at_most": f"at most {x:g} years"}.get(comp, phrase)
    if rows.empty:
        return _not_checkable(rec, "the registry holds no cumulative toll starting in March 2011 "
                              "from which to date the war's start.", phrase, date)
    s_lo, s_hi = rows["period_start"].min(), rows["period_start"].max()
    d_lo = (as_of - s_hi).days / DAYS_PER_YEAR
    d_hi = (as_of - s_lo).days / DAYS_PER_YEAR
    if comp == "about":
        a, b = x, x + 1.0
    elif comp == "at_least":
        a, b = x, math.inf
    elif comp == "at_most":
        a, b = -math.inf, x
    else:
        return _not_checkable(rec, f"comparator {comp} does not apply to a duration.", phrase, date)
    if b <= d_lo:
        verdict, position = "below_all", "below"
    elif a > d_hi:
        verdict, position = "above_all", "above"
    else:
        verdict, position = "consistent", "within"
    first = rows.sort_values(["period_start", "estimate_id"]).iloc[0]
    last = rows.sort_values(["period_start", "estimate_id"]).iloc[-1]
    rec.update(verdict=verdict, position=position, lower=d_lo, median=(d_lo + d_hi) / 2,
               upper=d_hi, envelope_lower=d_lo, envelope_upper=d_hi, scope_used="same",
               interval_method=("war's age at as_of, from the earliest and latest start dates "
                                "of the registry's cumulative tolls (March 2011)"),
               n_figures=2 if first["estimate_id"] != last["estimate_id"] else 1,
               estimate_ids=";".join(dict.fromkeys([str(first["estimate_id"]), str(last["estimate_id"])])),
               source_ids=";".join(dict.fromkeys([str(first["source_id"]), str(last["source_id"])])),
               closest=f"war start {_day(s_lo)} to {_day(s_hi)} ({len(rows)} tolls)")
    head = {"consistent": "is consistent with the registry",
            "above_all": "overstates the war's age", "below_all": "understates the war's age"}
    rec["explanation"] = (
        f"The claim '{phrase}' (the war's age, as of {date}) {head[verdict]}: the registry's "
        f"cumulative tolls ({known_txt}) count from {_day(s_lo)} to {_day(s_hi)}, so on {date} "
        f"the war was {d_lo:.2f} to {d_hi:.2f} years old"
        + (" ('N years' read as an age: at least N, not yet N+1)." if comp == "about" else "."))
    return rec


def _check_highest(rec: dict[str, Any], knowable: pd.DataFrame, est: pd.DataFrame, measure: str,
                   as_of: pd.Timestamp, x: float, level: float, margin: float, phrase: str,
                   date: str, known_txt: str) -> dict[str, Any]:
    ref_year = int(x)
    ref = pd.Timestamp(year=ref_year, month=12, day=31)
    cur_rows = _nearest_per_series(_window(knowable, measure, as_of), as_of)
    label = _LABELS.get(measure, measure.replace("_", " "))
    bench_txt = ""
    bm = BENCHMARKS.get(measure)
    if bm:
        b = knowable[knowable["measure"] == bm].sort_values(["central", "estimate_id"])
        if not b.empty:
            bench_txt = (" For context only, the registry's estimates of people displaced by the "
                         "Second World War (" + "; ".join(_figure_label(r) for _, r in b.iterrows())
                         + ") are historians' figures for Europe, partly cumulative, and not "
                         "like-for-like with a worldwide stock.")
    if cur_rows.empty:
        return _not_checkable(rec, f"no figure for {measure} near {date} ({known_txt})."
                              + bench_txt, phrase, date)
    cur_figs, skipped = _fit_all(cur_rows, level, margin)
    if not cur_figs:
        return _not_checkable(rec, "the current figure could not be read: " + "; ".join(skipped),
                              phrase, date)
    cur = _pool(cur_figs, level)
    _fill_pool(rec, cur)
    rec["closest"] = "; ".join(_figure_label(r) for _, r in cur_rows.head(3).iterrows())
    first_end = cur_rows["period_end"].min()
    hist = knowable[(knowable["measure"] == measure) & (knowable["period_end"] >= ref)
                    & (knowable["period_end"] < first_end)]
    cur_txt = f"{label} near {date}: {_range_txt(cur, measure, level)} ({level:.0%} range)"
    if hist.empty or hist["period_end"].min().year > ref_year + HIGHEST_SINCE_MAX_GAP_YEARS:
        start = ("holds no earlier figure" if hist.empty else
                 f"starts only in {hist['period_end'].min().year}")
        reason = (f"the registry's series of {measure} ({known_txt}) {start}, more than "
                  f"{HIGHEST_SINCE_MAX_GAP_YEARS} years after {ref_year}, so it cannot show that "
                  f"the level at {date} is the highest since {ref_year}. {cur_txt}." + bench_txt)
        _not_checkable(rec, reason, phrase, date)
        return rec
    hist_figs, skipped2 = _fit_all(hist, level, margin)
    above = all(f.hi < cur.lower for f in hist_figs)
    below = any(f.lo > cur.upper for f in hist_figs)
    verdict = "consistent" if above else ("contradicted" if below else "contested")
    top = max(hist_figs, key=lambda f: f.hi)
    rec.update(verdict=verdict, position={"consistent": "above", "contradicted": "below",
                                          "contested": "within"}[verdict], scope_used="same")
    rec["explanation"] = (
        f"The claim that {label} at {date} was {phrase}: {cur_txt}; the highest earlier figure "
        f"back to {ref_year} in the registry is {_figure_label(top.row)} ({level:.0%} range "
        f"{_num(top.lo, measure)} to {_num(top.hi, measure)}), among {len(hist_figs)} earlier "
        f"figures from {hist['period_end'].min().year}. Verdict: {VERDICTS[verdict]}" + bench_txt)
    return rec


# --------------------------------------------------------------------------- command line


_TABLE_COLUMNS = ["claim_id", "known", "verdict", "claim", "range", "figures"]


def _display_frame(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, r in df.iterrows():
        m = r["measure"]
        rng = ("" if not _isnum(r["lower"]) else
               f"{_num(r['lower'], m)} - {_num(r['upper'], m)}")
        rows.append({"claim_id": r["claim_id"], "known": r["known"], "verdict": r["verdict"],
                     "claim": _claim_phrase(r["comparator"], r["value"], m)
                     if m != "war_duration_years" else f"{r['comparator']} {r['value']:g} years",
                     "range": rng, "figures": r["estimate_ids"].replace(";", ", ")})
    return pd.DataFrame(rows, columns=_TABLE_COLUMNS)


def format_verdicts(df: pd.DataFrame, fmt: Literal["table", "csv", "markdown", "json"]) -> str:
    """Render :func:`check` output as a plain-text table, CSV, Markdown or JSON text."""
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        recs = json.loads(df.to_json(orient="records", force_ascii=False))
        return json.dumps(recs, indent=2, ensure_ascii=False) + "\n"
    disp = _display_frame(df)
    if fmt == "markdown":
        def esc(v: Any) -> str:
            return str(v).replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(disp.columns) + " |",
                 "|" + "|".join("---" for _ in disp.columns) + "|"]
        lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in disp.itertuples(index=False)]
        out = "\n".join(lines) + "\n\n"
        out += "\n".join(f"- **{r.claim_id}** ({r.known}): {r.explanation}"
                         for r in df.itertuples(index=False)) + "\n"
        return out
    if fmt == "table":
        widths = {c: max(len(c), *(len(str(v)) for v in disp[c])) if len(disp) else len(c)
                  for c in disp.columns}
        widths["figures"] = len("figures")
        head = "  ".join(c.ljust(widths[c]) for c in disp.columns)
        lines = [head, "  ".join("-" * widths[c] for c in disp.columns)]
        for row in disp.itertuples(index=False):
            lines.append("  ".join(str(v).ljust(widths[c]) for c, v in zip(disp.columns, row)).rstrip())
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r} (table, csv, markdown or json)")


def cli_check(path: str | Path | None, *, known: Literal["then", "now", "both"] = "then",
              fmt: Literal["table", "csv", "markdown", "json"] = "table",
              data_dir: str | Path | None = None) -> int:
    """Check a claims file against the registry and print the verdicts; return the exit code.

    Without *path* checks ``claims.csv`` of the data folder. Bad rows of the claims file
    are reported on stderr as ``file, row N, column 'c' (id X): what is wrong`` and left
    out; the other rows are judged. Exit code 1 if any row (or the file) was bad, or the
    registry could not be loaded; else 0.
    """
    from syriastats.paths import data_dir as _data_dir
    from syriastats.sources import load_claims, load_estimates, load_sources, with_sources
    from syriastats.validate import RegistryError

    if known not in ("then", "now", "both"):
        print(f"syriastats check: known must be then, now or both, not {known!r}", file=sys.stderr)
        return 2
    if fmt not in ("table", "csv", "markdown", "json"):
        print(f"syriastats check: format must be table, csv, markdown or json, not {fmt!r}",
              file=sys.stderr)
        return 2
    folder = _data_dir(data_dir)
    target = Path(path) if path is not None else folder
    try:
        claims = load_claims(target, on_error="collect")
    except RegistryError as exc:
        print(f"syriastats check: cannot read the claims file:", file=sys.stderr)
        for p in exc.problems:
            print(f"  error: {p}", file=sys.stderr)
        return 1
    problems = list(claims.attrs.get("problems", []))
    for p in problems:
        print(f"error: {p} (row left out)", file=sys.stderr)
    try:
        est = with_sources(load_estimates(folder), load_sources(folder))
    except RegistryError as exc:
        print(f"syriastats check: the registry in {folder} is not valid:", file=sys.stderr)
        for p in exc.problems:
            print(f"  error: {p}", file=sys.stderr)
        return 1
    modes = ["then", "now"] if known == "both" else [known]
    frames = [check(claims, est, known=k) for k in modes]  # type: ignore[arg-type]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=OUTPUT_COLUMNS)
    df = df.sort_values(["claim_id", "known"], kind="stable", key=lambda s: s.map(
        {"then": 0, "now": 1}) if s.name == "known" else s).reset_index(drop=True)
    sys.stdout.write(format_verdicts(df, fmt))
    if problems:
        n = len({p.row for p in problems})
        print(f"syriastats check: {n} bad row{'s' if n != 1 else ''} left out of {target}",
              file=sys.stderr)
    return 1 if problems else 0
