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
   (:data:`syriastats.uncertainty.DEFAULT_UNDERCOUNT`). Floors use the engine's
   defaults, also named in every explanation that uses them: a documented count is
   read with the truth up to 2.141x it at 90 % (``DEFAULT_UNDERCOUNT``, OHCHR's 2022
   estimated/documented civilian ratio), an official's "more than X" up to 1.5x
   (``DEFAULT_AT_LEAST_EXCESS``). Registration totals printed without a range are read
   as ±2 % (:data:`REGISTRATION_ASSUMED_MARGIN`).
7. **Computed share.** A claim about the share of the population displaced is also
   judged against the share computed from the counts the claimant could know
   ((registered refugees + IDPs) / pre-war population, :func:`syriastats.derived.displaced_share`),
   pooled as one more figure (:data:`COMPUTED_SHARE_ID`) with its 90 % model interval.
7. **Pooling.** Several figures are pooled as an equal-weight *mixture* of their
   distributions (disagreement between sources kept as uncertainty); ``lower`` and
   ``upper`` are its central ``level`` interval (default 90 %), ``median`` its median.
   These are *model* bounds under the assumptions above, never quoted as published
   numbers. The *envelope* (``envelope_lower``/``envelope_upper``) is the lowest to
   highest number the pooled sources actually published (low, central, high, or the
   bounds a stated margin implies); it is never a fitted quantile.
8. **Documented-count floor** (:func:`_documented_floor`). For death tolls the pooled
   distribution is cut below at the largest documented count that could bound the truth
   at ``as_of``: a ``documented_count`` of the same measure whose stated end period
   *begins* on or before ``as_of`` (a count "to 2018-03" counts for a claim of
   2018-03-12) and which, if that period runs past ``as_of``, was published on or before
   ``as_of`` (so it cannot hold deaths after it); counts whose scope says they leave out
   a group of victims (:func:`is_partial_scope`: "excludes government-side forces",
   "government forces not covered", "outside government-controlled areas", "... only")
   are not used as the floor, nor are counts read as context only.
9. **Context only.** Figures whose registry ``role`` is ``context_only`` (e.g.
   ``un-2016-range``) are never pooled; the explanation lists them as context.

Verdict rules per comparator are in :data:`COMPARATOR_RULES`.
"""
from __future__ import annotations

import json
import math
import re
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import optimize

from syriastats.dimensions import is_context_only as _ctx
from syriastats.dimensions import legacy_measure
from syriastats.claims_index import (
    EstimateIndex,
    cached_call,
    cached_fit,
    cached_pool,
    claim_signature,
)
from syriastats.validate import parse_date_bounds, parse_date_column

__all__ = [
    "ASSUMED_MARGIN",
    "BROADER_MEASURES",
    "COMPARATOR_RULES",
    "DATE_RULES",
    "OUTPUT_COLUMNS",
    "VERDICTS",
    "CONTEXT_ONLY_RE",
    "HIGHEST_SINCE_MIN_YEAR",
    "check",
    "cli_check",
    "claim_row_problems",
    "format_verdicts",
    "highest_since_problem",
    "is_broader_scope",
    "is_context_only",
    "is_partial_scope",
]

# --------------------------------------------------------------------------- vocabulary

#: Verdict code -> meaning (what a reporter can say).
VERDICTS: dict[str, str] = {
    "consistent": "Consistent with the sources: the claim agrees with the plausible range "
                  "built from comparable figures (same measure and scope, near the claim's date).",
    "contested": "Supported by only some of the sources: either outside the pooled range while "
                 "within the range of the highest (or lowest) of them, or, for a ceiling ('as "
                 "many as X'), inside the pooled range but below its median, so most of the "
                 "sources' weight lies above the stated ceiling.",
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
    "at_least": "'more than X' asserts that X is a floor the truth exceeds: consistent if "
                "X is at or below the pooled median M (when X is also below every l_i the "
                "claim is true but conservative, and the explanation says so); contested if "
                "M < X <= U (the sources put more than half their weight below X); above_all "
                "if X > every u_i; otherwise contested.",
    "at_most": "'as many as X' asserts that X is a plausible ceiling: it must be neither "
               "beyond every source nor below what the sources say. consistent if "
               "L <= X <= U and X is at or above the pooled median M; contested if "
               "L <= X < M (a ceiling below the middle of the sources: they put more than "
               "half their weight above it); above_all if X > every u_i (no source supports "
               "a number that high); below_all if X < every l_i (the truth is above the "
               "stated ceiling); otherwise contested (only the most extreme sources reach X).",
    "share_about": "As 'about', for a share of the population, read as X ± share_tolerance "
                   "(default ±5 percentage points: 'half' = 45 %-55 %). A claim on a *_share "
                   "measure worded 'about', 'more than' or 'as much as' (comparator about, "
                   "at_least, at_most) is judged as share_about, share_at_least or "
                   "share_at_most, and the explanation says so; a share_* comparator on a "
                   "measure that is not a share is not_checkable.",
    "share_at_least": "As 'at_least', for a share.",
    "share_at_most": "As 'at_most', for a share ('as much as half'), including the rule on "
                     "the pooled median.",
    "matching": "The explanation says a claimed number 'matches' a source's figure only when "
                "the two are within 1 % and worded in the same direction (about/exact with "
                "about, 'more than' with 'more than', 'at most' with 'as many as'); otherwise "
                "it says how the source worded it (e.g. 'IDMC gives 50% as a floor').",
    "highest_since": "'the highest (worst) since <year>': value holds the year that ends the "
                     "reference period (1945 for the Second World War): a whole number from "
                     "HIGHEST_SINCE_MIN_YEAR (1800) to the year of as_of, else not_checkable "
                     "(and a bad row for syriastats check). The figure nearest the "
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
                    "age: 'five years old' = at least five, not yet six). A date before the "
                    "war's start (the latest start date of those tolls) is not_checkable.",
}

#: The date-window rule in one paragraph (also in the module docstring).
#: A series is stale when its nearest figure is this many days further from the claim's
#: date than the nearest figure of any series.
STALE_SERIES_DAYS: int = 61

DATE_RULES: str = (
    "Stocks and flows: figures whose period ends within {stock} days of the claim's date. "
    "Cumulative tolls counted from the war's start: figures whose period ends from {before} "
    "days before to {after} days after the claim's date. known='then' keeps only figures "
    "published on or before the claim was published; known='now' keeps every figure in the "
    "window. Per publisher and method only the figure nearest the claim's date is used, and a "
    "publisher's figure is dropped when it is more than " + str(STALE_SERIES_DAYS) + " days further from the "
    "claim's date than the nearest figure of any publisher (it is stale)."
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
#: Assumed margin for a registration total printed without a range (±2 % at 90 %): an
#: administrative count is exact at its date; the margin only covers dating and
#: re-publication differences. An assumption of this checker, stated where used.
REGISTRATION_ASSUMED_MARGIN: float = 0.02
#: Assumed margin for an agency's or statistical office's operational figure printed
#: without a range (OCHA, UNHCR, IDMC, UN population estimates): ±3 % at 90 %. With the
#: ±5 % read into "about", a claim 10 % off such a figure is no longer consistent (with the
#: general ±10 % it was). An assumption of this checker, stated where used.
AGENCY_ASSUMED_MARGIN: float = 0.03
#: Methods read with :data:`AGENCY_ASSUMED_MARGIN` when no range is printed.
AGENCY_METHODS: frozenset[str] = frozenset({"agency_estimate", "demographic_estimate"})
#: 'about X' is read as X ± this fraction of X.
ABOUT_TOLERANCE: float = 0.05
#: 'about half' is read as the share ± this many (fraction, i.e. 0.05 = 5 points).
SHARE_TOLERANCE: float = 0.05
#: A 'highest since' claim needs a series starting within this many years of the reference.
HIGHEST_SINCE_MAX_GAP_YEARS: int = 10
#: Earliest reference year accepted for a 'highest since' claim.
HIGHEST_SINCE_MIN_YEAR: int = 1800

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

_PARTIAL_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bexcl\w*\b[^;.()]{0,40}?\b(?:government|security|regime|pro-government|"
               r"opposition|rebel)[\w-]*\s+(?:side\s+)?(?:forces|fighters|soldiers)", re.I),
    re.compile(r"\b(?:government|security|regime)[\w-]*\s+forces\s+(?:are\s+)?not\s+covered",
               re.I),
    re.compile(r"\boutside\s+government-controlled", re.I),
    re.compile(r"\bonly\b", re.I),
)
_PARTIAL_FIGHTERS_RE = re.compile(r"\bexcl\w*\b[^;.()]{0,40}?\b(?:combatants|fighters)\b", re.I)

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
    "refugees_worldwide": "Syrian refugees worldwide", "refugees": "Syrian refugees worldwide",
    "population": "Syria's population",
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


def is_partial_scope(scope: Any, measure: str = "deaths_total") -> bool:
    """True if a count's *scope* text says it leaves out a group of the victims its
    *measure* covers, so it is not used as the documented-count floor.

    Matches "excludes government(-side)/security/opposition forces", "government forces
    not covered", "outside government-controlled areas" and any "only"; for measures
    other than civilian deaths also "excludes combatants/fighters". SOHR's "excludes the
    missing and ... alleged deaths in government custody" is not partial (unconfirmed
    deaths, not a group of victims).
    """
    if not _present(scope):
        return False
    s = str(scope)
    if any(r.search(s) for r in _PARTIAL_RES):
        return True
    return measure != "deaths_civilian" and bool(_PARTIAL_FIGHTERS_RE.search(s))


def is_context_only(role: Any) -> bool:
    """True if a figure's registry ``role`` is ``context_only`` (never pooled)."""
    return _ctx(role)


def highest_since_problem(value: Any, as_of: Any) -> str | None:
    """What is wrong with a 'highest since' claim's *value* (the reference year), or None.

    The value must be a whole number from :data:`HIGHEST_SINCE_MIN_YEAR` to the year of
    *as_of* (a date, or ``YYYY[-MM[-DD]]`` text). This is the rule
    ``syriastats.validate.check_claims_rules`` should apply to column ``value``.
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return f"{value!r} is not a year: a 'highest since' claim needs the reference year in value"
    year: int | None = None
    if isinstance(as_of, str):
        b = parse_date_bounds(as_of)
        year = b[0].year if b else None
    elif as_of is not None and pd.notna(as_of):
        year = pd.Timestamp(as_of).year
    hi = year if year is not None else 9999
    if not math.isfinite(v) or v != int(v) or not HIGHEST_SINCE_MIN_YEAR <= v <= hi:
        return (f"{v:g} is not a reference year: a 'highest since' claim needs a whole year "
                f"from {HIGHEST_SINCE_MIN_YEAR} to {hi} (the year of as_of) in value")
    return None


def claim_row_problems(claims: pd.DataFrame, lines: Mapping[str, int] | None = None,
                       file: str = "claims.csv") -> list[Any]:
    """Checker-specific problems of loaded claims rows (today: 'highest since' values).

    Returns :class:`syriastats.validate.Problem` objects (``row`` from *lines*, claim_id
    -> CSV line number, when given). Rows with a problem are judged ``not_checkable`` by
    :func:`check`; ``syriastats check`` reports them like other bad rows and leaves them out.
    """
    from syriastats.validate import Problem

    out = []
    for _, c in claims.iterrows():
        if str(c.get("comparator")) != "highest_since":
            continue
        as_of = c.get("as_of_text") if _present(c.get("as_of_text")) else c.get("as_of")
        msg = highest_since_problem(c.get("value"), as_of)
        if msg:
            cid = str(c.get("claim_id"))
            out.append(Problem(file, (lines or {}).get(cid), "value", cid, msg))
    return out


# --------------------------------------------------------------------------- helpers


def _dates(col: pd.Series, end: Literal["first", "last"]) -> pd.Series:
    """A date column as datetime64: parse ``YYYY[-MM[-DD]]`` text to its first/last day."""
    return parse_date_column(col.astype(object) if not
                             pd.api.types.is_datetime64_any_dtype(col) else col, end)


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
        return f"{x:.2f} years"
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
    lo: float          # model bounds (fitted, central `level` interval)
    hi: float
    med: float
    dist: Any
    assumption: str
    params: dict[str, Any]
    pub_lo: float      # lowest / highest number the source published (or its margin implies)
    pub_hi: float


def _published_numbers(row: pd.Series) -> list[float]:
    """The numbers a figure's source printed: low, central, high, and central ± margin
    when only a margin was given (the bounds the stated margin implies)."""
    nums = [float(row.get(k)) for k in ("low", "central", "high") if _isnum(row.get(k))]
    c, mg = row.get("central"), row.get("margin")
    if _isnum(c) and _isnum(mg) and not (_isnum(row.get("low")) or _isnum(row.get("high"))):
        nums += [float(c) * (1 - float(mg)), float(c) * (1 + float(mg))]
    if str(row.get("measure", "")).endswith("_share"):
        nums = [min(v, 1.0) for v in nums]
    return nums


def _fit(row: pd.Series, level: float, assumed_margin: float) -> _Figure:
    from syriastats.uncertainty import DEFAULT_UNDERCOUNT, from_row

    kw: dict[str, Any] = {}
    q = str(row.get("qualifier"))
    has_range = any(_isnum(row.get(k)) for k in ("low", "high", "margin"))
    if q == "at_most":
        kw["undercount"] = DEFAULT_UNDERCOUNT
    elif (not has_range and str(row.get("method")) != "documented_count" and q != "at_least"):
        method = str(row.get("method"))
        kw["assumed_margin"] = (min(assumed_margin, REGISTRATION_ASSUMED_MARGIN)
                                if method == "registration" else
                                min(assumed_margin, AGENCY_ASSUMED_MARGIN)
                                if method in AGENCY_METHODS else assumed_margin)
    f = from_row(row, **kw)
    lo, hi = f.interval(level)
    if str(row.get("measure", "")).endswith("_share"):  # a share cannot exceed the whole
        lo, hi = min(lo, 1.0), min(hi, 1.0)
    pub = _published_numbers(row) or [f.median()]
    return _Figure(row, lo, hi, f.median(), f.dist, f.assumption, dict(f.params),
                   min(pub), max(pub))


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
    floor_id: str | None = None


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
    env_lo, env_hi = min(f.pub_lo for f in figs), max(f.pub_hi for f in figs)
    n = len(figs)
    how = (f"model: {level:.0%} interval of one figure read by the uncertainty engine"
           if n == 1 else
           f"model: central {level:.0%} interval of an equal-weight mixture of {n} figures")
    how += ("; envelope = lowest to highest number the sources published (or their stated "
            "margins imply)")
    if floor is not None:
        how += (f"; truncated below at the largest full-scope documented count by the claim's date "
                f"({floor[0]:,.0f}, {floor[1]}), since the truth cannot be below what was counted")
    return _Pool(figs, lo, med, hi, env_lo, env_hi, how, floor[0] if floor else None,
                 floor[1] if floor else None)


def documented_floor(rows: pd.DataFrame, measures: str | Sequence[str],
                     as_of: pd.Timestamp) -> tuple[float, str] | None:
    """Largest documented cumulative count that bounds the truth at *as_of* from below.

    A ``documented_count`` of one of *measures* (cumulative measures only) counts if
    the stated end period *begins* on or before *as_of* (``period_end_first``: a count
    "to 2018-03" starts 2018-03-01) and, when that period runs past *as_of*, its source
    was published on or before *as_of* (so it cannot include later deaths). Counts
    whose scope leaves out a group of victims (:func:`is_partial_scope`), context-only
    figures and 'at most' counts are not used.
    """
    ms = [measures] if isinstance(measures, str) else list(measures)
    ms = [m for m in ms if m in CUMULATIVE_MEASURES]
    if not ms or rows.empty:
        return None
    if "period_end_first" in rows.columns:
        first = rows["period_end_first"]
    elif "period_end_text" in rows.columns:
        first = _dates(rows["period_end_text"], "first")
    else:
        first = rows["period_end"]
    published = rows["published"] if "published" in rows.columns else pd.Series(
        pd.NaT, index=rows.index)  # unknown publication: only counts that end by as_of
    in_time = (rows["period_end"] <= as_of) | ((first <= as_of) & (published <= as_of))
    d = rows[(rows["method"].astype(str) == "documented_count")
             & (rows["measure"].astype(str).isin(ms))
             & in_time
             & (rows["qualifier"].astype(str) != "at_most")]
    d = d[d["central"].notna()]
    if d.empty:
        return None
    keep = [not is_partial_scope(r["scope"], str(r["measure"]))
            and not is_context_only(r.get("role")) for _, r in d.iterrows()]
    d = d[keep]
    if d.empty:
        return None
    top = d.sort_values(["central", "estimate_id"], ascending=[False, True]).iloc[0]
    return float(top["central"]), str(top["estimate_id"])


_documented_floor = documented_floor


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
    if "period_end_text" in est.columns:
        est["period_end_first"] = _dates(est["period_end_text"].astype(object), "first")
    else:
        est["period_end_first"] = _dates(est["period_end"], "first")
    est["period_end"] = _dates(est["period_end"], "last")
    est["published"] = _dates(est["published"], "last")
    for col in ("low", "central", "high", "range_level", "margin"):
        if col in est.columns:
            est[col] = pd.to_numeric(est[col], errors="coerce").astype(float)
        else:
            est[col] = np.nan
    if "scope" not in est.columns:
        est["scope"] = ""
    if "notes" not in est.columns:
        est["notes"] = ""
    if "role" not in est.columns:
        est["role"] = "headline"
    est["role"] = est["role"].astype(object)
    if "host" in est.columns:  # the checker still works on the measure names claims use
        est["measure"] = [legacy_measure(str(m), h) for m, h in zip(est["measure"], est["host"])]
    # keep only the columns the checker reads: filtering a narrow frame is much faster
    drop = [c for c in ("citation", "url", "url_kind", "carrier", "accessed", "accessed_text",
                        "source_notes", "title", "checked") if c in est.columns]
    return est.drop(columns=drop)


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
    # a series whose nearest figure is much further from the claim's date than the
    # nearest figure of any series is stale (stocks and tolls move): drop it
    s = s[s["_dist"] <= s["_dist"].min() + pd.Timedelta(days=STALE_SERIES_DAYS)]
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
    # a date given only as a month (or year) is its last day, for origin_date as for as_of
    # and the sources' publication dates: a figure "published 2015-10" was knowable to a
    # claim "of 2015-10"
    cl["origin_date"] = _dates(cl["origin_date"], "last")
    out = []
    # archive scale (syriastats.claims_index): each claim gets only the registry rows near its
    # date, identical claims are judged once, fitted figures and pools are cached
    index = EstimateIndex(est) if INDEX_ENABLED else None
    same_as: dict[tuple[Any, ...], dict[str, Any]] = {}
    sig_cols = [k for k in cl.columns if k not in ("claim_id", "origin", "origin_url", "text",
                                                     "notes")]
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # never leak to users' output
        warnings.simplefilter("ignore")
        for i, (_, c) in enumerate(cl.sort_values("claim_id", kind="stable").iterrows()):
            if index is None:
                rec = _check_one_safely(c, est, known, level, assumed_margin, about_tolerance,
                                        share_tolerance)
            else:
                sig = claim_signature(c, sig_cols)
                if sig in same_as:
                    rec = dict(same_as[sig], claim_id=str(c["claim_id"]),
                               origin=str(c.get("origin", "")), text=str(c.get("text", "")))
                else:
                    win, whole = _index_measures(str(c["measure"]), str(c["comparator"]),
                                                 c.get("host"))
                    rec = same_as[sig] = _check_one_safely(
                        c, index.rows(win, whole, c["as_of"]), known, level, assumed_margin,
                        about_tolerance, share_tolerance)
            out.append(rec)
            if progress is not None:
                progress(i + 1, len(cl))
    df = pd.DataFrame(out, columns=OUTPUT_COLUMNS)
    df["verdict_meaning"] = df["verdict"].map(VERDICTS)
    for col in ("lower", "median", "upper", "level", "envelope_lower", "envelope_upper", "value"):
        df[col] = df[col].astype(float)
    df["n_figures"] = df["n_figures"].astype(int)
    return df.reset_index(drop=True)


#: Use the per-measure index and caches of :mod:`syriastats.claims_index` (same verdicts;
#: False runs the original one-claim-at-a-time path, for comparison in tests).
INDEX_ENABLED: bool = True
#: Measures the displaced share is computed from (whole series handed to share claims).
SHARE_INPUTS: tuple[str, ...] = ("refugees_registered", "idps", "population")


def _index_measures(measure: str, comparator: str, host: Any) -> tuple[list[str], list[str]]:
    """(measures needed near the claim's date, measures needed as whole series)."""
    m = legacy_measure(measure, host)
    near = [m, measure, *BROADER_MEASURES.get(m, ())]
    whole: list[str] = []
    if m == "war_duration_years":
        whole += sorted(CUMULATIVE_MEASURES)
    if comparator == "highest_since":
        whole += [m, BENCHMARKS.get(m, m)]
    if m == "displaced_share":
        whole += list(SHARE_INPUTS)
    return near, whole


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


def _base(c: pd.Series, known: str, level: float) -> dict[str, Any]:
    def txt(k: str) -> str | None:  # the date as written; None (JSON null) when missing
        if _present(c.get(f"{k}_text")):
            return str(c.get(f"{k}_text"))
        v = c.get(k)
        return _day(v) if v is not None and pd.notna(v) else None

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


#: estimate_id of the displaced share the checker computes from counts.
COMPUTED_SHARE_ID: str = "computed-displaced-share"


def _computed_share(knowable: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series | None:
    """The displaced share computed from the knowable counts, as one pooled figure.

    (registered refugees + IDPs) / pre-war population by
    :func:`syriastats.derived.displaced_share` at *as_of*, from the figures the claimant
    could know (or all, for 'now'); its 90 % interval becomes a bracket. ``None`` when
    the registry lacks one of the three inputs near the date.
    """
    from syriastats import derived
    from syriastats.uncertainty import UncertaintyError

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


def _fit_all(rows: pd.DataFrame, level: float, margin: float) -> tuple[list[_Figure], list[str]]:
    from syriastats.uncertainty import UncertaintyError

    figs, skipped = [], []
    for _, r in rows.iterrows():
        try:
            figs.append(cached_fit(_fit, r, level, margin))
        except UncertaintyError as exc:
            skipped.append(f"{r['estimate_id']} ({exc})")
    return figs, skipped


def _not_checkable(rec: dict[str, Any], reason: str, phrase: str, date: str) -> dict[str, Any]:
    rec["verdict"] = "not_checkable"
    rec["reason"] = reason
    rec["explanation"] = f"The claim '{phrase}' (as of {date}) cannot be checked with this registry: {reason}"
    return rec


_SHARE_OF: dict[str, str] = {"about": "share_about", "at_least": "share_at_least",
                             "at_most": "share_at_most"}


def _dates_problem(c: pd.Series, as_of: pd.Timestamp) -> str:
    """Why a claim's dates contradict its period ('' if they do not): dated, or published,
    before the period it counts starts (optional column ``period_start``)."""
    ps = c.get("period_start")
    if not _present(ps):
        return ""
    if isinstance(ps, str):
        b = parse_date_bounds(ps[:10])
        start = pd.Timestamp(b[0]) if b else None
    else:
        start = pd.Timestamp(ps)
    if start is None or pd.isna(start):
        return ""
    if pd.notna(as_of) and start > as_of:
        return (f"the claim is dated {_day(as_of)}, before its own period starts "
                f"({_day(start)}): the period or the date is wrong.")
    od = c.get("origin_date")
    if od is not None and pd.notna(od) and start > pd.Timestamp(od):
        return (f"the claim was published on {_day(od)}, before the period it counts starts "
                f"({_day(start)}): a forecast, or a date error.")
    return ""


def _check_one(c: pd.Series, est: pd.DataFrame, known: str, level: float, margin: float,
               about_tol: float, share_tol: float) -> dict[str, Any]:
    rec = _base(c, known, level)
    measure, comp, x = rec["measure"], rec["comparator"], rec["value"]
    measure = legacy_measure(measure, c.get("host"))
    as_of: pd.Timestamp = c["as_of"]
    cutoff = c["origin_date"] if pd.notna(c.get("origin_date")) else as_of
    phrase = _claim_phrase(comp, x, measure)
    date = _day(as_of)
    knowable = _known_filter(est, known, cutoff)
    known_txt = (f"published by {_day(cutoff)}" if known == "then" else "published at any time")

    bad_dates = _dates_problem(c, as_of)
    if bad_dates:
        return _not_checkable(rec, bad_dates, phrase, date)
    if measure == "war_duration_years":
        return _check_duration(rec, knowable, as_of, comp, x, phrase, date, known_txt)
    if comp == "highest_since":
        bad = highest_since_problem(x, as_of)
        if bad:
            return _not_checkable(rec, bad + ".", f"the highest since {x:g}", date)
        return _check_highest(rec, knowable, est, measure, as_of, x, level, margin, phrase,
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
    if jcomp not in ("about", "at_least", "at_most", "share_about", "share_at_least",
                     "share_at_most"):
        return _not_checkable(rec, f"the checker has no rule for the comparator {comp}.",
                              phrase, date)

    window_all = _window(est, measure, as_of)
    window = _window(knowable, measure, as_of)
    extra = pd.concat([_window(knowable, m, as_of) for m in BROADER_MEASURES.get(measure, ())]
                      or [window.iloc[0:0]])
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
        computed = cached_call(("computed-share", as_of.value, tuple(sorted(knowable.loc[
            knowable["measure"].isin(list(SHARE_INPUTS)), "estimate_id"].astype(str)))),
            _computed_share, knowable, as_of)
        if computed is not None:
            same_rows = pd.concat([same_rows, computed.to_frame().T], ignore_index=True)
    rec["closest"] = "; ".join(_figure_label(r) for _, r in same_rows.head(3).iterrows())
    ctx_txt = ""
    if not context.empty:
        ctx_txt = (" For context only (the registry's notes say not to pool "
                   + ("it" if len(context) == 1 else "them") + "): "
                   + "; ".join(_figure_label(r) for _, r in context.iterrows()) + ".")

    if same_rows.empty and broad_rows.empty:
        if (est["measure"] == measure).sum() == 0:
            reason = f"the registry holds no figure for {measure}."
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

    same_figs, skipped = _fit_all(same_rows, level, margin)
    broad_figs, skipped2 = _fit_all(broad_rows, level, margin)
    skipped += skipped2
    if not same_figs and not broad_figs:
        return _not_checkable(rec, "no comparable figure could be read as a distribution: "
                              + "; ".join(skipped), phrase, date)

    if broad_floor is not None and floor is not None and broad_floor[0] < floor[0]:
        broad_floor = floor
    same_pool = cached_pool(_pool, same_figs, level, floor) if same_figs else None
    broad_pool = cached_pool(_pool, broad_figs, level, broad_floor) if broad_figs else None
    v_same = _judge(jcomp, x, same_pool, about_tol, share_tol) if same_pool else None
    v_broad = _judge(jcomp, x, broad_pool, about_tol, share_tol) if broad_pool else None

    # a floor ("more than X") above every figure of its own scope is overstated as worded:
    # a broader scope reaching it does not make it true (it is named in the explanation)
    floor_over = (v_same is not None and v_same[0] == "above_all"
                  and jcomp in ("at_least", "share_at_least"))
    if v_same is not None and (v_same[0] == "consistent" or v_broad is None
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
    assert pool is not None
    _fill_pool(rec, pool)
    rec.update(verdict=verdict, position=position, scope_used=scope_used)
    rec["explanation"] = _explain(rec, pool, same_pool, broad_pool, v_same, phrase, date,
                                  known_txt, as_of, skipped, margin, jcomp)
    if floor_over and broad_pool is not None and v_broad is not None and v_broad[0] == "consistent":
        rec["explanation"] += (f" Figures of a broader scope ({_who(broad_pool)}; e.g. including "
                               f"indirect deaths, the missing, or a wider population) would reach "
                               f"it ({_range_txt(broad_pool, measure, level)}), so the number holds "
                               "only with that wider scope stated; as worded it is higher than "
                               "every source of its own scope (the scope was not widened for "
                               "the verdict).")
    elif scope_used != "same":
        rec["explanation"] += " (Scope widened for this verdict: " + (
            "figures of a broader scope than the claim's words." if scope_used == "broader"
            else "only figures of a broader scope were available.") + ")"
    if jcomp != comp:
        rec["explanation"] += (f" The claim is about a share, so '{comp}' is judged as "
                               f"{jcomp} ({COMPARATOR_RULES['share_about'].split('. ')[0]}).")
    rec["explanation"] += _likely_origin(x, measure, jcomp, same_all, broad_all, as_of)
    rec["explanation"] += ctx_txt
    return rec


#: Claim comparator -> the registry qualifiers worded in the same direction.
_SAME_DIRECTION: dict[str, tuple[str, ...]] = {
    "about": ("approximately", "exact"), "share_about": ("approximately", "exact"),
    "at_least": ("at_least",), "share_at_least": ("at_least",),
    "at_most": ("at_most",), "share_at_most": ("at_most",),
}
_WORDED_AS: dict[str, str] = {"at_least": "a floor ('more than')", "at_most": "a ceiling ('at most')",
                              "approximately": "an approximate figure ('about')",
                              "exact": "a point figure"}


def _direction(r: pd.Series) -> str:
    """The direction a figure is worded in: a documented count is a floor."""
    q = str(r.get("qualifier"))
    if str(r.get("method")) == "documented_count" and q in ("exact", "approximately"):
        return "at_least"
    return q


def _likely_origin(x: float, measure: str, comp: str, same: pd.DataFrame, broad: pd.DataFrame,
                   as_of: pd.Timestamp) -> str:
    """Sentences naming the figure(s) the claimed number equals (within 1 %), if any.

    "matches" only when the source words the number in the claim's direction
    (:data:`_SAME_DIRECTION`); otherwise how the source worded it.
    """
    out = []
    for rows, broader in ((same, False), (broad, True)):
        for _, r in rows.iterrows():
            c = r.get("central")
            if _isnum(c) and float(c) > 0 and abs(float(c) - x) <= 0.01 * float(c):
                d = _direction(r)
                if d in _SAME_DIRECTION.get(comp, ()):
                    s = f"The number matches {_figure_label(r)}"
                else:
                    who = r.get("publisher") if _present(r.get("publisher")) else r.get("source_id")
                    how = ("a documented count (a minimum)"
                           if str(r.get("method")) == "documented_count"
                           else _WORDED_AS.get(d, d))
                    s = (f"The same number appears in {_figure_label(r)}, but {who} gives "
                         f"{_num(float(c), measure)} as {how} while the claim states it as "
                         f"{_COMP_WORDS.get(comp, comp)}")
                if broader:
                    s += (", whose" if s.startswith("The number matches") else "; its") + \
                        f" scope is broader than the claim's ({r.get('scope')})"
                if measure in CUMULATIVE_MEASURES and (as_of - r["period_end"]).days > STALE_DAYS:
                    s += f", and which counts only to {_day(r['period_end'])}" \
                        if s.startswith("The number matches") else \
                        f"; it counts only to {_day(r['period_end'])}"
                out.append(s + ".")
    return (" " + " ".join(out)) if out else ""


_COMP_WORDS: dict[str, str] = {
    "about": "an approximate figure", "share_about": "an approximate figure",
    "at_least": "a floor ('more than')", "share_at_least": "a floor ('more than')",
    "at_most": "a ceiling ('as many as')", "share_at_most": "a ceiling ('as much as')",
}


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


def _assumption_sentences(figs: Sequence[_Figure], margin: float) -> list[str]:
    """One sentence per reading assumption used by the pooled figures (floors, ceilings,
    assumed margins), naming the rows and the numbers used."""
    from syriastats.uncertainty import DEFAULT_AT_LEAST_EXCESS, DEFAULT_UNDERCOUNT

    doc, official, own_high, ceil, assumed, assumed_reg, agency = [], [], [], [], [], [], []
    cov = 0.9
    for f in figs:
        eid, p = str(f.row["estimate_id"]), f.params
        cov = float(p.get("coverage", cov))
        u = tuple(p.get("undercount", ())) if p.get("undercount") is not None else ()
        if f.params.get("assumed") and str(f.row.get("method")) == "registration":
            assumed_reg.append(eid)
        elif f.params.get("assumed") and str(f.row.get("method")) in AGENCY_METHODS:
            agency.append(eid)
        elif f.params.get("assumed"):
            assumed.append(eid)
        elif "count" in p:  # a floor
            if p.get("default_used") and u == tuple(DEFAULT_UNDERCOUNT):
                doc.append(eid)
            elif p.get("default_used") and u == tuple(DEFAULT_AT_LEAST_EXCESS):
                official.append(eid)
            else:
                own_high.append(eid)
        elif "ceiling" in p:
            ceil.append((eid, u[1] if u else float("nan")))
    out = []
    if doc:
        out.append(f"Documented counts ({', '.join(doc)}) are read as floors: nothing below "
                   f"them, and the truth up to {DEFAULT_UNDERCOUNT[1]:.3f}x them with "
                   f"{cov:.0%} probability, OHCHR's 2022 ratio of estimated to documented "
                   "civilian deaths (306,887/143,350), applied here as an assumption.")
    if official:
        out.append(f"'More than X' figures ({', '.join(official)}) are read as floors with "
                   f"the truth up to {DEFAULT_AT_LEAST_EXCESS[1]:g}x them with {cov:.0%} "
                   "probability (an assumption of this suite).")
    if own_high:
        out.append(f"Floors with a stated upper figure ({', '.join(own_high)}) are read as "
                   f"running from the floor to that figure with {cov:.0%} probability.")
    if ceil:
        out.append("'At most' figures (" + ", ".join(e for e, _ in ceil) + ") are read as "
                   f"ceilings with the truth down to 1/{ceil[0][1]:.3f} of them with {cov:.0%} "
                   "probability (the documented-count ratio mirrored: an assumption).")
    if assumed:
        out.append(f"No range was published for {', '.join(assumed)}; read as ±{margin:.0%} "
                   f"with {cov:.0%} probability (an assumption of this checker).")
    if agency:
        out.append(f"Agency and statistical-office figures printed without a range "
                   f"({', '.join(agency)}) are read as ±{min(margin, AGENCY_ASSUMED_MARGIN):.0%} "
                   f"with {cov:.0%} probability, so that a claim 10% off is not read as "
                   "consistent (an assumption of this checker).")
    if assumed_reg:
        out.append(f"Registration totals printed without a range ({', '.join(assumed_reg)}) "
                   f"are read as ±{min(margin, REGISTRATION_ASSUMED_MARGIN):.0%} with {cov:.0%} "
                   "probability: exact administrative counts, the margin covers dating "
                   "(an assumption of this checker).")
    return out


def _published_txt(pool: _Pool, measure: str) -> str:
    a, b = _num(pool.env_lo, measure), _num(pool.env_hi, measure)
    if len(pool.figs) == 1:
        return f"the number it published is {a}" if a == b else f"it published {a} to {b}"
    return (f"the numbers they published run from {a} to {b}" if a != b
            else f"they all published {a}")


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
    model = f"a {lvl:.0%} range (model, under the reading rules stated below)"
    parts = [f"The claim '{phrase}' ({label}, as of {date}) {head}."]
    if verdict == "broader_scope_only" and same is not None:
        parts.append(f"Figures of the claim's own scope ({_who(same)}) give {model} of "
                     f"{_range_txt(same, m, lvl)}; {_published_txt(same, m)}.")
        parts.append(f"Figures of a broader scope ({_who(pool)}; e.g. including indirect deaths, "
                     f"the missing, or a wider population) give {_range_txt(pool, m, lvl)}; "
                     f"{_published_txt(pool, m)}.")
        parts.append("Quote it only with that scope stated.")
    elif verdict == "broader_scope_only":
        parts.append(f"Only figures of a broader scope exist ({_who(pool)}), giving {model} of "
                     f"{_range_txt(pool, m, lvl)}; {_published_txt(pool, m)}.")
    else:
        n = len(pool.figs)
        src = "one figure" if n == 1 else f"{n} figures"
        parts.append(f"Comparable figures {known_txt} ({src}: {_who(pool)}) give {model} of "
                     f"{_range_txt(pool, m, lvl)}, median {_num(pool.median, m)}; "
                     f"{_published_txt(pool, m)}.")
        if rec["scope_used"] == "broader_only_available":
            parts.append("Only figures of a broader scope than the claim were available.")
        if verdict == "consistent" and comp in ("at_least", "share_at_least") and \
                rec["value"] < min(f.lo for f in pool.figs):
            parts.append("The claim is true but conservative: every source puts the number "
                         "well above it.")
        if verdict == "consistent" and comp in ("at_most", "share_at_most"):
            parts.append("It sits in the upper part of the range: a ceiling, not a central "
                         "estimate.")
        if verdict == "contested" and comp in ("at_most", "share_at_most") and \
                pool.lower <= rec["value"] < pool.median:
            parts.append(f"The claimed ceiling is below the middle of the sources (median "
                         f"{_num(pool.median, m)}): most of the pooled weight lies above it, so "
                         "the truth is more likely above the stated ceiling than below it.")
        elif verdict == "contested":
            parts.append("The sources disagree; the claim matches only the "
                         + ("highest" if rec["position"] == "above" else "lowest") + " of them.")
    if pool.floor is not None:
        parts.append(f"The range is cut below at {_num(pool.floor, m)} ({pool.floor_id})"
                     + ", the largest documented count of the full scope by the claim's date: "
                     "the truth cannot be below what was counted.")
    old = [f for f in pool.figs if m in CUMULATIVE_MEASURES
           and (as_of - f.row["period_end"]).days > STALE_DAYS]
    for f in old:
        months = round((as_of - f.row["period_end"]).days / 30.44)
        parts.append(f"{f.row['estimate_id']} counts only to {_day(f.row['period_end'])}, "
                     f"{months} months before the claim's date, so it understates the toll then.")
    parts += _assumption_sentences(pool.figs, margin)
    if skipped:
        parts.append("Left out (could not be read as a distribution): " + "; ".join(skipped) + ".")
    return " ".join(parts)


def _check_duration(rec: dict[str, Any], knowable: pd.DataFrame, as_of: pd.Timestamp, comp: str,
                    x: float, phrase: str, date: str, known_txt: str) -> dict[str, Any]:
    rows = knowable[knowable["measure"].isin(sorted(CUMULATIVE_MEASURES))
                    & (knowable["period_start"] >= WAR_START_MONTH[0])
                    & (knowable["period_start"] <= WAR_START_MONTH[1])]
    phrase = _duration_phrase(comp, x)
    if rows.empty:
        return _not_checkable(rec, "the registry holds no cumulative toll starting in March 2011 "
                              "from which to date the war's start.", phrase, date)
    s_lo, s_hi = rows["period_start"].min(), rows["period_start"].max()
    if as_of < s_hi:
        return _not_checkable(rec, f"the claim's date ({date}) is before the war began: the "
                              f"registry's cumulative tolls count from {_day(s_lo)} to "
                              f"{_day(s_hi)}, so the war had no age yet.", phrase, date)
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
    ref_year = int(x)  # validated by highest_since_problem before this is called
    ref = pd.Timestamp(year=ref_year, month=12, day=31)
    cur_rows = _nearest_per_series(_window(knowable, measure, as_of), as_of)
    label = _LABELS.get(measure, measure.replace("_", " "))
    bench_txt = ""
    bm = BENCHMARKS.get(measure)
    if bm:
        b = knowable[knowable["measure"] == bm].sort_values(["central", "estimate_id"])
        if not b.empty:
            bench_txt = (" For context only: the registry's estimates of people displaced by the "
                         "Second World War (" + "; ".join(_figure_label(r) for _, r in b.iterrows())
                         + ") are historians' figures for Europe, partly cumulative, and not "
                         "like-for-like with a worldwide stock.")
    if cur_rows.empty:
        return _not_checkable(rec, f"no figure for {label} near {date} ({known_txt})."
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
    who = "; ".join(_figure_label(f.row) for f in cur_figs)
    cur_txt = (f"The figure nearest the claim's date is {who}, read as a {level:.0%} range of "
               f"{_range_txt(cur, measure, level)} (model). "
               + " ".join(_assumption_sentences(cur_figs, margin)))
    hist_figs, skipped2 = _fit_all(hist, level, margin) if not hist.empty else ([], [])
    if not hist_figs or hist["period_end"].min().year > ref_year + HIGHEST_SINCE_MAX_GAP_YEARS:
        if not hist_figs:
            gap = (f"the registry holds no figure for {label} between {ref_year} and the one "
                   f"nearest the claim's date ({known_txt})")
        else:
            y0 = hist["period_end"].min().year
            gap = (f"the registry's earliest figure for {label} after {ref_year} is for {y0}, "
                   f"{y0 - ref_year} years later ({known_txt})")
        reason = (f"{gap}. A 'highest since {ref_year}' claim needs a series that starts within "
                  f"{HIGHEST_SINCE_MAX_GAP_YEARS} years of {ref_year}; without one the registry "
                  f"cannot show what happened in between. {cur_txt}" + bench_txt)
        _not_checkable(rec, reason, phrase, date)
        return rec
    above = all(f.hi < cur.lower for f in hist_figs)
    below = any(f.lo > cur.upper for f in hist_figs)
    verdict = "consistent" if above else ("contradicted" if below else "contested")
    top = max(hist_figs, key=lambda f: f.hi)
    rec.update(verdict=verdict, position={"consistent": "above", "contradicted": "below",
                                          "contested": "within"}[verdict], scope_used="same")
    rec["explanation"] = (
        f"The claim that {label} at {date} were {phrase}: {VERDICTS[verdict]} {cur_txt} "
        f"The highest of the {len(hist_figs)} earlier figures back to {ref_year} (from "
        f"{hist['period_end'].min().year}) is {_figure_label(top.row)}, read as a {level:.0%} "
        f"range of {_num(top.lo, measure)} to {_num(top.hi, measure)} (model). "
        + " ".join(_assumption_sentences(hist_figs, margin)) + bench_txt).replace("  ", " ").strip()
    return rec



# --------------------------------------------------------------------------- command line


_TABLE_COLUMNS = ["claim_id", "known", "verdict", "claim", "range", "figures"]


def _duration_phrase(comparator: str, value: float) -> str:
    """'about 5 years' / 'more than 6 years' / 'at most 6 years' for a war-age claim."""
    word = {"about": "about", "at_least": "more than", "at_most": "at most"}.get(
        comparator, comparator.replace("_", " "))
    return f"{word} {value:g} years"


def _display_frame(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, r in df.iterrows():
        m = r["measure"]
        rng = ("" if not _isnum(r["lower"]) or r["verdict"] == "not_checkable" else
               f"{_num(r['lower'], m)} - {_num(r['upper'], m)}")
        rows.append({"claim_id": r["claim_id"], "known": r["known"], "verdict": r["verdict"],
                     "claim": _claim_phrase(r["comparator"], r["value"], m)
                     if m != "war_duration_years" else _duration_phrase(r["comparator"], r["value"]),
                     "range": rng, "figures": r["estimate_ids"].replace(";", ", ")})
    return pd.DataFrame(rows, columns=_TABLE_COLUMNS)


def format_verdicts(df: pd.DataFrame, fmt: Literal["table", "csv", "markdown", "json"]) -> str:
    """Render :func:`check` output as a plain-text table, CSV, Markdown or JSON text."""
    from syriastats.safe_output import escape_frame, escape_json

    if fmt == "csv":  # text cells that a spreadsheet would run as formulas are escaped
        return escape_frame(df).to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        recs = json.loads(df.to_json(orient="records", force_ascii=False))
        return json.dumps(escape_json(recs), indent=2, ensure_ascii=False) + "\n"
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


def _claim_lines(target: Path, folder: Path) -> dict[str, int]:
    """claim_id -> line number in the claims CSV (header = line 1), for error messages."""
    from syriastats.validate import read_csv_text

    f = target if target.is_file() else folder / "claims.csv"
    table, _ = read_csv_text(f)
    if table is None:
        return {}
    return {rec.get("claim_id", "").strip(): line for line, rec in table.rows}


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
    extra = claim_row_problems(claims, _claim_lines(target, folder),
                               str(claims.attrs.get("file", "claims.csv")))
    if extra:  # checker rules (e.g. a 'highest since' value that is not a year)
        bad_ids = {p.record_id for p in extra}
        claims = claims[~claims["claim_id"].astype(str).isin(bad_ids)].reset_index(drop=True)
        problems += extra
    problems.sort(key=lambda p: (p.row if p.row is not None else 0, p.column or ""))
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
    from syriastats.progress import Progress

    with Progress("syriastats check", len(claims) * len(modes)) as prog:
        frames = [check(claims, est, known=k, progress=prog.step)  # type: ignore[arg-type]
                  for k in modes]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=OUTPUT_COLUMNS)
    df = df.sort_values(["claim_id", "known"], kind="stable", key=lambda s: s.map(
        {"then": 0, "now": 1}) if s.name == "known" else s).reset_index(drop=True)
    sys.stdout.write(format_verdicts(df, fmt))
    if problems:
        n = len({p.row for p in problems})
        print(f"syriastats check: {n} bad row{'s' if n != 1 else ''} left out of {target}",
              file=sys.stderr)
    return 1 if problems else 0
