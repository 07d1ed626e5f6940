"""Derived quantities with honest intervals, computed from the estimates registry.

Every function takes the ``estimates`` DataFrame as returned by
:func:`syriastats.load_estimates` (optionally joined with sources, which adds
``publisher``) and returns a one-row-per-result DataFrame with the columns of
:func:`syriastats.uncertainty.summarise` (``median, lower_50 .. upper_95``: central
intervals holding 50/90/95 % of the Monte Carlo draws) plus

* ``on`` - the reference date (Timestamp),
* ``unit`` - e.g. ``"fraction"`` or ``"deaths per 1,000 pre-war inhabitants"``,
* ``estimate_ids`` - the registry rows used, ``;``-separated, sorted,
* ``assumptions`` - one line stating the selection rule and the assumptions made.

Selection rule (shared): for a measure and a date ``on``, keep the rows whose
``period_end`` lies within ``window_days`` of ``on``; among each publisher's rows
(publisher and method; plain estimates are joined with their sources first, from
``sources=`` or the registry's ``sources.csv``, see :func:`with_publishers`) keep the one whose
``period_end`` is nearest to ``on`` (ties: later ``period_end``, then smaller
``estimate_id``). The chosen rows of one measure are combined as an equal-weight
mixture (each Monte Carlo draw picks a publisher at random, then draws from that
publisher's distribution), so disagreement between publishers is kept as
uncertainty. Different measures are drawn independently.

Pre-war population: every ``population`` row whose ``period_end`` falls in 2010 or
2011 (one per publisher/source, the one nearest to 15 March 2011), again as an
equal-weight mixture, so the spread between the sources' denominators is carried.

Each figure is read by :func:`syriastats.uncertainty.from_row` with ``coverage``
(default 0.9). Figures printed without any range get ``assumed_margin`` (default
±5 % at that coverage); this is the suite's assumption, not the source's, and is
listed in ``assumptions`` with the rows it was applied to. Documented counts and
"at least" figures are floors (default undercount
:data:`syriastats.uncertainty.DEFAULT_UNDERCOUNT`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from syriastats.dimensions import measure_mask
from syriastats.reading import breakdown_mask, documented_floor, flow_mask, is_context_only
from syriastats.sources import load_sources, with_sources
from syriastats.uncertainty import (
    DEFAULT_COVERAGE,
    Fitted,
    UncertaintyError,
    from_row,
    sample_mixture,
    summarise,
)

__all__ = [
    "DEFAULT_ASSUMED_MARGIN",
    "DEFAULT_SEED",
    "deaths_per_1000",
    "displaced_share",
    "documented_vs_estimated",
    "prewar_population_rows",
    "select_nearest",
]

#: Seed of the default Generator (the date the uprising began, 15 March 2011).
DEFAULT_SEED: int = 20110315
#: Relative margin given to a figure printed with no range (an assumption of this suite).
DEFAULT_ASSUMED_MARGIN: float = 0.05
#: Monte Carlo draws by default.
DEFAULT_N: int = 200_000
#: Default excess of a "more than X" displacement figure (truth between X and 1.05 X
#: at the chosen coverage): a rounding-down reading, an assumption of this suite.
DISPLACEMENT_FLOOR_EXCESS: tuple[float, float] = (1.0, 1.05)
PREWAR_START = pd.Timestamp("2010-01-01")
PREWAR_END = pd.Timestamp("2011-12-31")
WAR_START = pd.Timestamp("2011-03-15")


def with_publishers(estimates: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """*estimates* with their sources' columns (``publisher``, ``published`` ...) joined.

    A frame that already has ``publisher`` is returned as is. Otherwise the sources are
    joined by ``source_id`` (:func:`syriastats.sources.with_sources`) from *sources*, or
    from the registry's ``sources.csv`` when *sources* is None. Raises ``ValueError``
    naming the missing ``source_id`` values if a figure has no source row (pass
    ``sources=``, or ``by="source_id"`` to the calling function to group by document).
    """
    if "publisher" in estimates.columns:
        return estimates
    try:
        return with_sources(estimates, sources if sources is not None else load_sources())
    except KeyError as exc:
        raise ValueError(f"figures are grouped by publisher, but {exc.args[0]}: pass sources= "
                         "(the sources table) or by='source_id'") from None


def _group_col(df: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """Columns that define one "series": ``by`` if given; else publisher and method
    (:func:`with_publishers` has joined them), so one prolific publisher counts once
    per method."""
    if by is not None:
        return [by] if isinstance(by, str) else list(by)
    return ["publisher", "method"]


def select_nearest(
    estimates: pd.DataFrame,
    measure: str | Iterable[str],
    on: Any,
    *,
    window_days: float = 183,
    by: str | Sequence[str] | None = None,
    methods: Sequence[str] | None = None,
    start_before: Any = None,
    exclude_qualifiers: Sequence[str] = ("at_most",),
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each publisher's figure for ``measure`` nearest to ``on`` within the window.

    ``on``: a date; ``window_days``: the largest allowed ``|period_end - on|`` in days;
    ``by``: grouping column(s) (default publisher and method if the frame has a
    ``publisher`` column, else ``source_id``); ``exclude_qualifiers``: rows with these
    qualifiers are not used (default: "at most" ceilings, which bound a figure from
    above but do not estimate it);
    ``methods``: keep only these ``method`` values; ``start_before``: keep only rows
    whose ``period_start`` is on or before this date (e.g. cumulative tolls counted
    from the start of the war; one period's flow, such as a year's deaths, is then
    left out). Breakdown cells (one perpetrator, one governorate,
    children or women: :func:`syriastats.reading.is_breakdown`) are never a publisher's
    figure for the whole measure and are not used. Returns the chosen rows sorted by ``estimate_id``,
    with a ``days_from_on`` column. Without ``by``, plain estimates are joined with
    their publishers first (:func:`with_publishers`, from ``sources``).
    """
    on = pd.Timestamp(on)
    if by is None:
        estimates = with_publishers(estimates, sources)
    df = _eligible(estimates, measure, methods, start_before, exclude_qualifiers)
    pe = pd.to_datetime(df["period_end"])
    df["days_from_on"] = (pe - on).dt.days.astype(float)
    df = df[df["days_from_on"].abs() <= window_days]
    if df.empty:
        return df
    g = _group_col(df, by)
    df = df.assign(_dist=df["days_from_on"].abs(), _neg_end=-df["days_from_on"])
    df = df.sort_values([*g, "_dist", "_neg_end", "estimate_id"], kind="mergesort")
    df = df.groupby(g, sort=True, observed=True).head(1)
    return df.drop(columns=["_dist", "_neg_end"]).sort_values("estimate_id", kind="mergesort")


def _eligible(estimates: pd.DataFrame, measure: str | Iterable[str],
              methods: Sequence[str] | None, start_before: Any,
              exclude_qualifiers: Sequence[str]) -> pd.DataFrame:
    """The rows :func:`select_nearest` may choose from, whatever the date (each row is
    kept or left out on its own fields: measure, breakdown, qualifier, role, method,
    start)."""
    measures = [measure] if isinstance(measure, str) else list(measure)
    df = estimates[measure_mask(estimates, measures) & ~breakdown_mask(estimates)].copy()
    if exclude_qualifiers:
        df = df[~df["qualifier"].astype(str).isin(list(exclude_qualifiers))]
    if "role" in df.columns:  # figures the registry marks as context only are not used
        df = df[~df["role"].astype(object).map(is_context_only).astype(bool)]
    if methods is not None:
        df = df[df["method"].astype(str).isin(list(methods))]
    if start_before is not None:  # tolls since a start: one period's flow is not one
        df = df[(pd.to_datetime(df["period_start"]) <= pd.Timestamp(start_before)) & ~flow_mask(df)]
    return df


class _Nearest:
    """:func:`select_nearest` for many dates and publication cut-offs over one frame.

    The eligible rows (:func:`_eligible`) are found once; each call then chooses, in
    numpy, the same rows :func:`select_nearest` would choose from the rows published on or
    before ``published_by`` (all rows when it is None): per group, the row nearest to
    ``on`` within ``window_days`` (ties: later ``period_end``, then smaller ``estimate_id``).
    Returns positions into :attr:`rows`, sorted by ``estimate_id``.
    """

    def __init__(self, estimates: pd.DataFrame, measure: str | Iterable[str],
                 by: str | Sequence[str], methods: Sequence[str] | None = None,
                 exclude_qualifiers: Sequence[str] = ("at_most",)) -> None:
        self.rows = _eligible(estimates, measure, methods, None, exclude_qualifiers)
        g = _group_col(self.rows, by)
        keys = self.rows[g]
        ok = keys.notna().all(axis=1).to_numpy()  # groupby leaves out missing keys
        codes = keys.astype(str).agg("\x1f".join, axis=1).to_numpy(object) if len(g) > 1 \
            else keys[g[0]].astype(str).to_numpy(object)
        _, self._group = np.unique(codes, return_inverse=True) if len(codes) else (None, codes)
        self._ok = ok
        pe = pd.to_datetime(self.rows["period_end"]).to_numpy("datetime64[ns]")
        self._end = pe
        self._pub = (pd.to_datetime(self.rows["published"]).to_numpy("datetime64[ns]")
                     if "published" in self.rows.columns else None)
        _, self._eid = np.unique(self.rows["estimate_id"].astype(str).to_numpy(object),
                                 return_inverse=True)

    def choose(self, on: pd.Timestamp, window_days: float,
               published_by: pd.Timestamp | None = None) -> np.ndarray:
        n = len(self.rows)
        if n == 0:
            return np.zeros(0, int)
        days = (self._end - np.datetime64(pd.Timestamp(on).to_datetime64(), "ns")) \
            .astype("timedelta64[D]")
        nat = np.isnat(days)
        d = np.where(nat, 0, days.astype("int64")).astype(float)
        keep = ~nat & (np.abs(d) <= window_days) & self._ok
        if published_by is not None:
            keep &= self._pub <= np.datetime64(pd.Timestamp(published_by).to_datetime64(), "ns")
        pos = np.flatnonzero(keep)
        if len(pos) == 0:
            return pos
        order = pos[np.lexsort((self._eid[pos], -d[pos], np.abs(d[pos]), self._group[pos]))]
        g = self._group[order]
        head = np.ones(len(order), bool)
        head[1:] = g[1:] != g[:-1]
        first = order[head]
        return first[np.argsort(self._eid[first], kind="stable")]

    def take(self, pos: np.ndarray, on: pd.Timestamp) -> pd.DataFrame:
        """The chosen rows as :func:`select_nearest` returns them (with ``days_from_on``)."""
        df = self.rows.iloc[pos].copy()
        df["days_from_on"] = (pd.to_datetime(df["period_end"]) - pd.Timestamp(on)).dt.days \
            .astype(float)
        return df


def _documented_floor(estimates: pd.DataFrame, measure: str, on: pd.Timestamp,
                      methods: Sequence[str] | None) -> tuple[float, str] | None:
    """Largest cumulative documented count of *measure* that bounds the toll at *on*
    from below, by the rule of :func:`syriastats.reading.documented_floor` (counts from
    the start of the war only); ``None`` if *methods* excludes documented counts."""
    if methods is not None and "documented_count" not in methods:
        return None
    cumulative = estimates[pd.to_datetime(estimates["period_start"]) <= PREWAR_END]
    return documented_floor(cumulative, measure, pd.Timestamp(on))


def prewar_population_rows(estimates: pd.DataFrame, *, by: str | None = None,
                           measure: str = "population",
                           methods: Sequence[str] | None = ("demographic_estimate",)) -> pd.DataFrame:
    """Population rows dated 2010-2011, one per source document (nearest to 15 Mar 2011).

    Grouped by ``source_id`` unless ``by`` is given: each data vintage (e.g. a World
    Bank release) is its own estimate of the pre-war population, so the spread
    between vintages and publishers is carried through. Rows whose ``group`` is
    ``civil_registry`` (de jure, including Syrians living abroad) are left out:
    they are not a resident population. ``methods`` (default: demographic estimates
    by statistical offices and the UN/World Bank) leaves out rounded denominators quoted
    in press statements; pass ``None`` to keep them. Vintages whose ``role`` is
    ``superseded`` (an older World Bank release) are kept on purpose: the spread between
    releases is part of the uncertainty of the pre-war population.
    """
    pe = pd.to_datetime(estimates["period_end"])
    prewar = estimates[(pe >= PREWAR_START) & (pe <= PREWAR_END)]
    if "group" in prewar.columns:  # the civil registry (de jure) is not a resident population
        prewar = prewar[prewar["group"].astype(str) != "civil_registry"]
    return select_nearest(prewar, measure, WAR_START, window_days=10_000, by=by or "source_id",
                          methods=methods)


class _Input:
    """One measure's chosen rows, their fits and notes."""

    def __init__(self, label: str, rows: pd.DataFrame, coverage: float,
                 assumed_margin: float | None, undercount: Any, *, fit: bool = True) -> None:
        if rows.empty:
            raise UncertaintyError(f"no rows for {label} in the window")
        self.label = label
        self.rows = rows
        kw: dict[str, Any] = {"assumed_margin": assumed_margin}
        if undercount is not None:
            kw["undercount"] = undercount
        self.fits: list[Fitted] = ([from_row(r, coverage=coverage, **kw)
                                    for _, r in rows.iterrows()] if fit else [])
        self.ids = [str(x) for x in rows["estimate_id"]]
        self.assumed = [i for i, f in zip(self.ids, self.fits) if f.params.get("assumed")]
        self.floors = [i for i, f in zip(self.ids, self.fits) if f.kind == "lower_bound"]

    def draws(self, n: int, rng: np.random.Generator) -> np.ndarray:
        if len(self.fits) == 1:
            return self.fits[0].sample(n, rng)
        return sample_mixture(self.fits, n, rng)

    def describe(self) -> str:
        return f"{self.label} [{', '.join(self.ids)}]"


def _notes(inputs: Sequence[_Input], assumed_margin: float | None, coverage: float,
           undercount: Any) -> str:
    parts = []
    assumed = [i for x in inputs for i in x.assumed]
    if assumed:
        parts.append(f"figures without a stated range given ±{assumed_margin * 100:g}% at "
                     f"{coverage * 100:g}% (assumed): {', '.join(assumed)}")
    floors = [i for x in inputs for i in x.floors]
    if floors:
        u = (undercount if undercount is not None else
             "default (documented counts 1 to 2.141x, the OHCHR 2022 ratio; officials' "
             "'more than X' 1 to 1.5x, an assumption)")
        parts.append(f"documented/'at least' figures read as floors, undercount {u}: "
                     f"{', '.join(floors)}")
    parts.append(f"brackets read as central {coverage * 100:g}% intervals; measures drawn "
                 "independently; several publishers of one measure pooled as an equal-weight "
                 "mixture")
    return "; ".join(parts)


def _result(draws: np.ndarray, name: str, on: pd.Timestamp, unit: str,
            inputs: Sequence[_Input], assumptions: str) -> pd.DataFrame:
    return _result_from(summarise({name: draws}), on, unit, inputs, assumptions)


def _result_from(summary: pd.DataFrame, on: pd.Timestamp, unit: str, inputs: Sequence[_Input],
                 assumptions: str) -> pd.DataFrame:
    out = summary.copy()
    out.insert(1, "on", on)
    out["unit"] = unit
    out["estimate_ids"] = ";".join(sorted({i for x in inputs for i in x.ids}))
    out["assumptions"] = assumptions
    return out


def displaced_share(
    estimates: pd.DataFrame,
    on: Any = "2016-06-30",
    *,
    window_days: float = 183,
    refugee_measure: str = "refugees_registered",
    idp_measure: str = "idps",
    population_measure: str = "population",
    by: str | None = None,
    coverage: float = DEFAULT_COVERAGE,
    assumed_margin: float | None = DEFAULT_ASSUMED_MARGIN,
    floor_excess: tuple[float, float] = DISPLACEMENT_FLOOR_EXCESS,
    n: int = DEFAULT_N,
    rng: np.random.Generator | None = None,
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Share of the pre-war population displaced: (registered refugees + IDPs) / pre-war population.

    A fraction in [0, 1+] (it could exceed 1 only if the inputs were inconsistent).
    Numerator: the single ``refugee_measure`` figure nearest to ``on`` (registrations are
    one count, whoever re-publishes it) and each publisher's ``idp_measure`` figure
    nearest to ``on`` (independent estimates), within ``window_days``; denominator: the
    2010-2011 ``population`` rows (:func:`prewar_population_rows`). Refugees, IDPs
    and population are drawn independently (different agencies). ``rng`` defaults
    to ``np.random.default_rng(DEFAULT_SEED)``. A "more than X" refugee or IDP figure
    is a floor whose excess is ``floor_excess`` (default: the truth lies between X and
    5% above X with 90% probability: such statements round a registration total or an
    agency estimate down, they are not undercounts of the death-toll kind).
    """
    if by is None:  # grouping by publisher: plain estimates get their sources joined
        estimates = with_publishers(estimates, sources)
    on = pd.Timestamp(on)
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    # registered refugees are ONE count (UNHCR's regional registration total, also
    # re-published by OCHA, 3RP, FAO...): take the single figure nearest in date, not one
    # per re-publisher, so the same count is not pooled several times at different dates
    ref = _Input("refugees", select_nearest(estimates, refugee_measure, on,
                                            window_days=window_days, by=by or "measure"),
                 coverage, assumed_margin, floor_excess)
    idp = _Input("IDPs", select_nearest(estimates, idp_measure, on,
                                        window_days=window_days, by=by),
                 coverage, assumed_margin, floor_excess)
    pop = _Input("pre-war population", prewar_population_rows(estimates, by=by,
                                                              measure=population_measure),
                 coverage, assumed_margin, None)
    share = (ref.draws(n, rng) + idp.draws(n, rng)) / pop.draws(n, rng)
    return _result(share, "displaced_share", on, "fraction of pre-war population",
                   [ref, idp, pop], _share_text(ref, idp, pop, on, window_days, assumed_margin,
                                                coverage, floor_excess))


def _share_text(ref: _Input, idp: _Input, pop: _Input, on: pd.Timestamp, window_days: float,
                assumed_margin: float | None, coverage: float, floor_excess: Any) -> str:
    return (f"(refugees + IDPs) / pre-war population; nearest registration total and nearest IDP "
            f"figure per publisher within "
            f"±{window_days:g} days of {on:%Y-%m-%d}: {ref.describe()}, {idp.describe()}; "
            f"population 2010-2011: {pop.describe()}; "
            + _notes([ref, idp, pop], assumed_margin, coverage, floor_excess))


class DisplacedShareAt:
    """:func:`displaced_share` at many dates and publication cut-offs over one registry
    (the claims checker: thousands of claims about the displaced share).

    The eligible rows of the three inputs are found once (:class:`_Nearest`); each call
    chooses the same rows :func:`displaced_share` would choose from the figures published
    on or before ``published_by`` (every figure when None), and the Monte Carlo result of a
    set of chosen rows is computed once (it depends only on those rows: the generator is
    seeded afresh, ``rng=None``). Same arguments as :func:`displaced_share` (grouping by
    publisher, so *estimates* must carry ``publisher``); same result, row for row.
    """

    def __init__(self, estimates: pd.DataFrame, *, window_days: float = 183,
                 coverage: float = DEFAULT_COVERAGE,
                 assumed_margin: float | None = DEFAULT_ASSUMED_MARGIN,
                 floor_excess: tuple[float, float] = DISPLACEMENT_FLOOR_EXCESS,
                 n: int = DEFAULT_N) -> None:
        self.window_days, self.coverage, self.assumed_margin = window_days, coverage, assumed_margin
        self.floor_excess, self.n = floor_excess, n
        self._estimates: pd.DataFrame | None = estimates  # rows chosen from at the first call
        self._done: dict[tuple[Any, ...], Any] = {}
        self._inputs: dict[tuple[Any, ...], _Input] = {}
        self._intervals: dict[int, tuple[Any, Any, Any]] = {}

    def _prepare(self) -> None:
        estimates = with_publishers(self._estimates)
        # plain numpy object columns: taking rows of Arrow-backed string columns costs
        # milliseconds per column (as syriastats.claims_index.EstimateIndex does)
        estimates = estimates.astype({c: object for c in estimates.columns
                                      if pd.api.types.is_string_dtype(estimates[c])
                                      and estimates[c].dtype != object})
        self._estimates = None
        self._ref = _Nearest(estimates, "refugees_registered", "measure")
        self._idp = _Nearest(estimates, "idps", ["publisher", "method"])
        pe = pd.to_datetime(estimates["period_end"])
        prewar = estimates[(pe >= PREWAR_START) & (pe <= PREWAR_END)]
        if "group" in prewar.columns:  # as prewar_population_rows
            prewar = prewar[prewar["group"].astype(str) != "civil_registry"]
        self._pop = _Nearest(prewar, "population", "source_id", methods=("demographic_estimate",))

    def __call__(self, on: Any, published_by: Any = None) -> pd.DataFrame:
        on = pd.Timestamp(on)
        summary, inputs = self._computed(on, published_by)
        return _result_from(summary, on, "fraction of pre-war population", list(inputs),
                            _share_text(*inputs, on, self.window_days, self.assumed_margin,
                                        self.coverage, self.floor_excess))

    def interval(self, on: Any, published_by: Any = None) -> dict[str, Any]:
        """The result's ``median``, ``lower_90``, ``upper_90`` and ``assumptions`` only (what
        the claims checker reads), without building the frame."""
        on = pd.Timestamp(on)
        summary, inputs = self._computed(on, published_by)
        got = self._intervals.get(id(summary))  # summaries are kept alive by self._done
        if got is None:
            row = summary.iloc[0]
            got = self._intervals[id(summary)] = (row["median"], row["lower_90"],
                                                  row["upper_90"])
        return {"median": got[0], "lower_90": got[1], "upper_90": got[2],
                "assumptions": _share_text(*inputs, on, self.window_days, self.assumed_margin,
                                           self.coverage, self.floor_excess)}

    def _input(self, which: str, pos: np.ndarray, on: pd.Timestamp) -> _Input:
        # an input's fits, ids and notes depend only on its rows (not on the date)
        key = (which, tuple(int(i) for i in pos))
        hit = self._inputs.get(key)
        if hit is None:
            sel, label, excess = {"ref": (self._ref, "refugees", self.floor_excess),
                                  "idp": (self._idp, "IDPs", self.floor_excess),
                                  "pop": (self._pop, "pre-war population", None)}[which]
            # _Input reads the rows' fields and ids only (not take's days_from_on)
            hit = self._inputs[key] = _Input(label, sel.rows.iloc[pos], self.coverage,
                                             self.assumed_margin, excess)
        return hit

    def _computed(self, on: pd.Timestamp, published_by: Any) -> tuple[pd.DataFrame, tuple]:
        if self._estimates is not None:
            self._prepare()
        pick = (self._ref.choose(on, self.window_days, published_by),
                self._idp.choose(on, self.window_days, published_by),
                self._pop.choose(WAR_START, 10_000, published_by))
        key = tuple(tuple(int(i) for i in p) for p in pick)
        hit = self._done.get(key)
        if hit is None:
            try:
                rng = np.random.default_rng(DEFAULT_SEED)
                ref = self._input("ref", pick[0], on)
                idp = self._input("idp", pick[1], on)
                pop = self._input("pop", pick[2], WAR_START)
                share = (ref.draws(self.n, rng) + idp.draws(self.n, rng)) / pop.draws(self.n, rng)
                hit = self._done[key] = (summarise({"displaced_share": share}), (ref, idp, pop))
            except UncertaintyError as exc:  # the same rows fail alike: found out once
                hit = self._done[key] = exc
        if isinstance(hit, UncertaintyError):
            raise hit.with_traceback(None)
        return hit


def deaths_per_1000(
    estimates: pd.DataFrame,
    on: Any = "2016-06-30",
    *,
    measure: str = "deaths_total",
    methods: Sequence[str] | None = None,
    latest: bool = True,
    window_days: float = 183,
    population_measure: str = "population",
    by: str | None = None,
    coverage: float = DEFAULT_COVERAGE,
    assumed_margin: float | None = DEFAULT_ASSUMED_MARGIN,
    undercount: tuple[float, float] | None = None,
    n: int = DEFAULT_N,
    rng: np.random.Generator | None = None,
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cumulative deaths since the war began per 1,000 pre-war inhabitants.

    Rows: one at ``on`` and, if ``latest``, one at the latest ``period_end`` among the
    eligible rows (skipped when it is the same date). Eligible rows: ``measure``
    (default ``deaths_total``), ``methods`` if given, ``period_start`` in 2011 or
    earlier (tolls counted from the start of the war). Per date, each publisher's
    nearest figure within ``window_days`` is taken; documented counts and "at least"
    figures are floors (``undercount``, default as in
    :func:`syriastats.uncertainty.to_distribution`). Unit: deaths per 1,000 people of
    the pre-war (2010-2011) population.
    """
    if by is None:  # grouping by publisher: plain estimates get their sources joined
        estimates = with_publishers(estimates, sources)
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    dates = [pd.Timestamp(on)]
    if latest:
        pool = estimates[(estimates["measure"].astype(str) == measure) & ~breakdown_mask(estimates)]
        if methods is not None:
            pool = pool[pool["method"].astype(str).isin(list(methods))]
        pool = pool[(pd.to_datetime(pool["period_start"]) <= PREWAR_END) & ~flow_mask(pool)]
        if not pool.empty:
            last = pd.to_datetime(pool["period_end"]).max()
            if last != dates[0]:
                dates.append(last)
    pop = _Input("pre-war population", prewar_population_rows(estimates, by=by,
                                                              measure=population_measure),
                 coverage, assumed_margin, None)
    out = []
    for d in dates:
        dead = _Input(f"deaths ({measure})",
                      select_nearest(estimates, measure, d, window_days=window_days, by=by,
                                     methods=methods, start_before=PREWAR_END),
                      coverage, assumed_margin, undercount)
        deaths = dead.draws(n, rng)
        floor = _documented_floor(estimates, measure, d, methods)
        if floor is not None:
            # nobody counted dead is alive: the toll is at least the largest documented
            # count dated on or before d (draws below it are raised to it)
            deaths = np.maximum(deaths, floor[0])
        rate = 1000.0 * deaths / pop.draws(n, rng)
        text = (f"1000 x deaths / pre-war population; nearest cumulative figure per publisher "
                f"within ±{window_days:g} days of {d:%Y-%m-%d}: {dead.describe()}; population "
                f"2010-2011: {pop.describe()}; "
                + _notes([dead, pop], assumed_margin, coverage, undercount)
                + (f"; deaths never below the largest documented count by then, {floor[0]:,.0f} "
                   f"({floor[1]})" if floor is not None else ""))
        out.append(_result(rate, "deaths_per_1000", d,
                           "deaths per 1,000 pre-war inhabitants", [dead, pop], text))
    return pd.concat(out, ignore_index=True)


def documented_vs_estimated(
    estimates: pd.DataFrame,
    on: Any = None,
    *,
    measure: str | None = None,
    window_days: float = 365,
    by: str | None = None,
    coverage: float = DEFAULT_COVERAGE,
    assumed_margin: float | None = DEFAULT_ASSUMED_MARGIN,
    n: int = DEFAULT_N,
    rng: np.random.Generator | None = None,
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ratio of statistical estimates to documented counts of the same measure, same time.

    For each measure (or only ``measure``) that has both ``statistical_estimate`` and
    ``documented_count`` rows: numerator = each publisher's statistical estimate
    nearest to ``on`` within ``window_days`` (mixture if several); denominator = each
    publisher's documented count nearest to ``on`` taken **as printed** (the ratio is
    "estimate / what was documented", so the count is not inflated as a floor); if
    several, an equal-weight choice among them. ``on=None``: per measure, the latest
    ``period_end`` of its statistical estimates that has a documented count within
    ``window_days``. Documented counts must cover the same span as the estimates
    (period starts within a year of each other). The interval reflects the estimate's
    stated (or assumed) uncertainty and the spread between publishers. Unit: ratio (x).
    """
    if by is None:  # grouping by publisher: plain estimates get their sources joined
        estimates = with_publishers(estimates, sources)
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    meas = estimates["measure"].astype(str)
    meth = estimates["method"].astype(str)
    candidates = sorted(set(meas[meth == "statistical_estimate"]) & set(meas[meth == "documented_count"]))
    if measure is not None:
        candidates = [m for m in candidates if m == measure]
    out = []
    for m in candidates:
        sub = estimates[meas == m]
        if on is not None:
            d = pd.Timestamp(on)
        else:  # latest estimate date with a documented count within the window
            est_dates = pd.to_datetime(sub.loc[meth[meas == m] == "statistical_estimate",
                                               "period_end"]).sort_values(ascending=False)
            doc_dates = pd.to_datetime(sub.loc[meth[meas == m] == "documented_count",
                                               "period_end"])
            ok = [t for t in est_dates
                  if ((doc_dates - t).dt.days.abs() <= window_days).any()]
            if not ok:
                continue
            d = ok[0]
        est_rows = select_nearest(sub, m, d, window_days=window_days, by=by,
                                  methods=["statistical_estimate"])
        if est_rows.empty:
            continue
        # counts must cover the same span: their period starts within a year of the
        # estimates' start (a cumulative toll is not compared with one year's count)
        start = pd.to_datetime(est_rows["period_start"]).min()
        same_span = (pd.to_datetime(sub["period_start"]) - start).dt.days.abs() <= 366
        doc_rows = select_nearest(sub[same_span], m, d, window_days=window_days, by=by,
                                  methods=["documented_count"])
        if est_rows.empty or doc_rows.empty:
            continue
        est = _Input(f"statistical estimates ({m})", est_rows, coverage, assumed_margin, None)
        counts = doc_rows["central"].astype(float).to_numpy()
        if np.isnan(counts).any() or (counts <= 0).any():
            raise UncertaintyError(f"documented counts for {m} need a positive central value")
        denom = counts[rng.integers(0, len(counts), size=int(n))] if len(counts) > 1 else counts[0]
        ratio = est.draws(n, rng) / denom
        doc = _Input(f"documented counts ({m})", doc_rows, coverage, None, None, fit=False)
        text = (f"statistical estimate / documented count for {m}, nearest per publisher within "
                f"±{window_days:g} days of {d:%Y-%m-%d}: {est.describe()} over {doc.describe()} "
                "(counts as printed); " + _notes([est], assumed_margin, coverage, None))
        out.append(_result(ratio, f"estimated_over_documented:{m}", d, "ratio (x)",
                           [est, doc], text))
    if not out:
        raise UncertaintyError("no measure has both a statistical estimate and a documented "
                               "count near the date")
    return pd.concat(out, ignore_index=True)
