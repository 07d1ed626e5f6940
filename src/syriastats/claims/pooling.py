"""Each comparable figure as a distribution, and several pooled as an equal-weight
mixture with its central interval, envelope and documented floor."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize
from scipy.stats import rv_continuous
from scipy.stats._distn_infrastructure import rv_continuous_frozen

from syriastats.claims.phrases import _isnum, _present
from syriastats.claims.rules import (
    AGENCY_ASSUMED_MARGIN,
    AGENCY_METHODS,
    REGISTRATION_ASSUMED_MARGIN,
)
from syriastats.claims_index import cached_call, cached_fit, per_frame
from syriastats.uncertainty import _ROW_FIELDS, DEFAULT_UNDERCOUNT, UncertaintyError, from_row


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
    key: tuple[Any, ...] = ()  # what the reading depends on (:func:`_reading_key`)

    # what records and explanations read of the row, read once per figure (figures are
    # cached per row, so thousands of claims share them)
    @cached_property
    def eid(self) -> str:
        return str(self.row["estimate_id"])

    @cached_property
    def source(self) -> str:
        return str(self.row["source_id"])

    @cached_property
    def who(self) -> str:
        r = self.row
        return str(r.get("publisher") if _present(r.get("publisher")) else r.get("source_id"))

    @cached_property
    def method(self) -> str:
        return str(self.row.get("method"))

    @cached_property
    def end(self) -> Any:
        return self.row["period_end"]

    @cached_property
    def cdf(self) -> Callable[[float], float]:
        """The distribution's cdf at one number (same unit as the figure), as a float:
        :func:`fast_cdf` of :attr:`dist` (the pools' quantile search calls it thousands of
        times)."""
        return fast_cdf(self.dist)

    @cached_property
    def ppfs(self) -> dict[float, float]:
        """Quantiles of :attr:`dist` already computed (probability -> value)."""
        return {}

    def ppf(self, q: float) -> float:
        """``float(dist.ppf(q))``, computed once per probability *q*."""
        hit = self.ppfs.get(q)
        if hit is None:
            hit = self.ppfs[q] = float(self.dist.ppf(q))
        return hit


def fast_cdf(dist: Any) -> Callable[[float], float]:
    """``lambda x: float(dist.cdf(x))`` for a frozen continuous scipy distribution, without
    scipy's per-call argument handling: the same steps as ``rv_continuous.cdf`` on one
    number (standardise, support test, the family's ``_cdf`` on a one-element array, as
    scipy calls it), so the same float, bit for bit. Anything else falls back to
    ``dist.cdf``."""
    gen = getattr(dist, "dist", None)
    if (not isinstance(dist, rv_continuous_frozen) or not isinstance(gen, rv_continuous)
            or type(gen).cdf is not rv_continuous.cdf):
        return lambda x: float(dist.cdf(x))
    args, loc, scale = gen._parse_args(*dist.args, **dist.kwds)
    loc, scale = np.asarray(loc), np.asarray(scale)
    args = tuple(map(np.asarray, args))
    if loc.ndim or scale.ndim or any(a.ndim for a in args):
        return lambda x: float(dist.cdf(x))
    a, b = (np.asarray(v) for v in gen._get_support(*args))
    ok = bool(gen._argcheck(*args) & (scale > 0))
    args1 = tuple(np.atleast_1d(v) for v in args)
    cdf1, bad = gen._cdf, float(gen.badvalue)

    def cdf(x: float) -> float:
        z = np.asarray((np.asarray(x) - loc) / scale, dtype=np.float64)
        if not ok or np.isnan(z):
            return bad
        if z >= b:
            return 1.0
        if not a < z:  # below the support (or on its lower end)
            return 0.0
        return float(cdf1(np.atleast_1d(z), *args1)[0])

    return cdf


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


#: Fields of a figure's row its reading (:func:`_fit`) depends on.
READING_FIELDS: tuple[str, ...] = ("estimate_id", "measure", *_ROW_FIELDS)


def _reading_key(row: pd.Series) -> tuple[Any, ...]:
    """The fields :func:`_fit` reads, as a hashable key (NaN kept distinct from None,
    each value with its type: two rows with equal keys are read alike)."""
    get = row.get
    return tuple((type(v).__name__, "nan" if isinstance(v, float) and v != v else v)
                 for v in (get(k) for k in READING_FIELDS))


def _fit(row: pd.Series, level: float, assumed_margin: float) -> _Figure:
    """The figure of *row* read as a distribution; the reading is computed once per
    distinct :func:`_reading_key` (a row that differs only in its dates, e.g. the computed
    displaced share at another date, is read from the cache)."""
    key = _reading_key(row)
    core = cached_call(("fit-core", key, level, assumed_margin), _fit_core, row, level,
                       assumed_margin)
    return _Figure(row, *core, key=key)


def _fit_core(row: pd.Series, level: float, assumed_margin: float) -> tuple[Any, ...]:
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
    return (lo, hi, f.median(), f.dist, f.assumption, dict(f.params), min(pub), max(pub))


def _mixture_q(figs: Sequence[_Figure], q: float) -> float:
    """Quantile q of the equal-weight mixture of the figures' distributions."""
    qs = [f.ppf(q) for f in figs]
    a, b = min(qs), max(qs)
    if a == b:
        return a
    n = len(figs)

    def g(x: float) -> float:
        return sum(f.cdf(x) for f in figs) / n - q

    if g(a) >= 0:  # a point mass (a stated 0) holds the quantile at the lowest value
        return a
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
    (no one can be counted dead who did not die), i.e. truncated below at it.

    The numbers depend only on the figures' readings (:attr:`_Figure.key`), *level* and
    *floor*: computed once per distinct set of them (scipy's quantile search is the
    costly part), and the pool carries the figures given."""
    core = cached_call(("pool-core", tuple(f.key for f in figs), level, floor), _pool_core,
                       figs, level, floor)
    return _Pool(figs, *core)


def _pool_core(figs: list[_Figure], level: float,
               floor: tuple[float, str] | None) -> tuple[Any, ...]:
    def q_of(q: float) -> float:
        if floor is None:
            return _mixture_q(figs, q)
        c0 = sum(f.cdf(floor[0]) for f in figs) / len(figs)
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
    return (lo, med, hi, env_lo, env_hi, how, floor[0] if floor else None,
            floor[1] if floor else None)


def _fit_all(rows: pd.DataFrame, level: float, margin: float) -> tuple[list[_Figure], list[str]]:
    """Each row read as a distribution (rows that cannot be read are named in the second
    list); computed once per frame (:func:`syriastats.claims_index.per_frame`)."""
    figs, skipped = per_frame("fit-all", rows, _fit_rows, level, margin)
    return list(figs), list(skipped)


def _fit_rows(rows: pd.DataFrame, level: float, margin: float) -> tuple[list[_Figure], list[str]]:
    figs, skipped = [], []
    for _, r in rows.iterrows():
        try:
            figs.append(cached_fit(_fit, r, level, margin))
        except UncertaintyError as exc:
            skipped.append(f"{r['estimate_id']} ({exc})")
    return figs, skipped
