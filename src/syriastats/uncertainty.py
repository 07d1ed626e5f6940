"""Published figures as honest probability distributions; propagation and pooling.

A published figure arrives in one of five forms: a single number, a "more than X"
(or a documented count, which is a floor), a low/high bracket, a relative margin
("±5 %") or a statistical confidence interval. :func:`to_distribution` (and its
row-wise wrapper :func:`from_row`) turns each form into a frozen
``scipy.stats`` distribution **in the unit of the figure** (persons, or a fraction
for shares), wrapped in a :class:`Fitted` that also carries a one-sentence,
quotable statement of the assumption made.

Reading rules (each is an assumption of this suite, stated in ``Fitted.assumption``):

* **low/high** (bracket or confidence interval) are read as a *central* interval of
  coverage ``coverage`` (default 0.9, i.e. 5 % of the probability below ``low`` and
  5 % above ``high``); a confidence interval uses its own ``range_level``. The
  distribution is log-normal with median sqrt(low*high); when the published central
  value is not that geometric mean, a split (two-piece) log-normal whose median is the
  central value and whose quantiles at the coverage are exactly low and high.
* **a relative margin** ±x is read as: ``central*(1-x)`` and ``central*(1+x)`` are the
  quantiles at the coverage (``range_level`` if given, else ``coverage``) and
  ``central`` is the median -> a split log-normal (nearly log-symmetric for small x).
  This keeps the numbers the source printed or implied (e.g. 470,000 ± 5 % ->
  446,500 .. 493,500) rather than the log-symmetric C/(1+x) .. C(1+x).
* **hard bounds** (``range_type == "hard_bounds"``, or ``shape="pert"`` /
  ``"triangular"``) -> PERT (default) or triangular on [low, high]; no mass outside.
* **a documented count or "at least"** -> a *lower bound*: no probability below the
  figure; ``undercount=(a, b)`` says the truth is between a x and b x the figure.
  See :func:`to_distribution` for the two shapes used and for the default.
* **"at most"** -> the mirror image, an upper bound (no default: the caller must say
  how far below the ceiling the truth may lie).
* **a bare point** with no stated uncertainty -> :class:`UncertaintyError` unless the
  caller passes ``assumed_margin`` (then read as a margin, and said so).

Monte Carlo: :func:`sample_joint` draws several inputs, independently or through a
Gaussian copula with a given rank (Spearman) correlation; :func:`summarise` turns
draws into the tidy interval table of ``docs/CONTRACTS.md``. :func:`pool` combines
several estimates of one quantity three ways (random-effects meta-analysis on the log
scale, a mixture, an envelope) side by side.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, special, stats
from scipy.stats import rv_continuous

from syriastats.reading import (
    DEFAULT_AT_LEAST_EXCESS,
    DEFAULT_UNDERCOUNT,
    OHCHR_2022_DOCUMENTED,
    OHCHR_2022_ESTIMATED,
    is_floor,
)
from syriastats.validate import MAX_RANGE_LEVEL, MIN_RANGE_LEVEL

__all__ = [
    "DEFAULT_COVERAGE",
    "DEFAULT_AT_LEAST_EXCESS",
    "DEFAULT_UNDERCOUNT",
    "OHCHR_2022_ESTIMATED",
    "OHCHR_2022_DOCUMENTED",
    "Fitted",
    "UncertaintyError",
    "ExtremeInputError",
    "MIN_MAGNITUDE",
    "MAX_MAGNITUDE",
    "exp_halfnorm",
    "from_row",
    "mixture_ppf",
    "pool",
    "recip_one_plus_lognorm",
    "sample_mixture",
    "sample_joint",
    "split_lognorm",
    "summarise",
    "to_distribution",
    "z_for",
]

#: Default coverage given to a published low/high bracket whose coverage is not stated.
DEFAULT_COVERAGE: float = 0.9

#: The reading rules' constants (OHCHR 2022 ratio, "more than X" excess) are defined in
#: :mod:`syriastats.reading` and re-exported here: ``DEFAULT_UNDERCOUNT`` (a documented
#: count: the truth between 1.0 x and 2.141 x it), ``DEFAULT_AT_LEAST_EXCESS`` (an
#: official's "more than X": 1.0 x to 1.5 x), ``OHCHR_2022_ESTIMATED``/``_DOCUMENTED``.

_SHAPES = (None, "lognormal", "pert", "triangular", "uniform")

#: Magnitudes the engine computes with (unit of the figure): a figure, bound or pooled
#: value outside [MIN_MAGNITUDE, MAX_MAGNITUDE] (other than 0) is refused with
#: :class:`ExtremeInputError` instead of giving inf/NaN intervals. 1e-12 is far below
#: any share; 1e15 is 100,000 times the world's population.
MIN_MAGNITUDE: float = 1e-12
MAX_MAGNITUDE: float = 1e15


class UncertaintyError(ValueError):
    """A figure cannot be turned into a distribution honestly as asked."""


class ExtremeInputError(UncertaintyError):
    """Numbers too large, too small or too far apart for finite, meaningful intervals."""


def _check_magnitude(name: str, v: float | None) -> None:
    if v is not None and v != 0 and not MIN_MAGNITUDE <= abs(v) <= MAX_MAGNITUDE:
        raise ExtremeInputError(
            f"{name} = {v:g} is outside the magnitudes this engine computes with "
            f"({MIN_MAGNITUDE:g} to {MAX_MAGNITUDE:g}, or 0); check the unit of the figure")


def _finite_or_raise(values: Sequence[float], what: str) -> None:
    """Raise :class:`ExtremeInputError` unless every value is a finite number."""
    if not all(math.isfinite(v) for v in values):
        raise ExtremeInputError(f"{what} is not finite ({', '.join(f'{v:g}' for v in values)}): "
                                "the inputs are too extreme for a meaningful interval")


def z_for(coverage: float) -> float:
    """Standard-normal quantile for a *central* interval of this coverage.

    ``z_for(0.9) = 1.6449``, ``z_for(0.95) = 1.9600``.
    """
    if not (0.0 < coverage < 1.0):
        raise UncertaintyError(f"coverage must be strictly between 0 and 1, got {coverage!r}")
    return float(special.ndtri(0.5 + coverage / 2.0))


# --------------------------------------------------------------------------------------
# Custom scipy distributions
# --------------------------------------------------------------------------------------


class split_lognorm_gen(rv_continuous):
    r"""Split (two-piece) log-normal, quantile-matched form.

    With ``Y = ln(X / scale)``: ``F(y) = Phi(y / s_lo)`` for ``y < 0`` and
    ``F(y) = Phi(y / s_hi)`` for ``y >= 0``. Each half holds exactly half the
    probability, so the median is ``scale`` and the quantile at probability p is
    ``scale * exp(s * ndtri(p))`` with ``s = s_lo`` below the median and ``s_hi``
    above. The density jumps at the median when ``s_lo != s_hi`` (the price of
    keeping median = published central value and both published bounds exactly).
    With ``s_lo == s_hi`` it is ``scipy.stats.lognorm(s, scale=scale)``.
    Raw moments: ``E[X^n] = scale^n (exp(n^2 s_lo^2/2) Phi(-n s_lo)
    + exp(n^2 s_hi^2/2) Phi(n s_hi))``.
    """

    def _argcheck(self, s_lo: Any, s_hi: Any) -> Any:
        return (np.asarray(s_lo) > 0) & (np.asarray(s_hi) > 0)

    @staticmethod
    def _sig(y: Any, s_lo: Any, s_hi: Any) -> Any:
        return np.where(y < 0, s_lo, s_hi)

    def _logpdf(self, x: Any, s_lo: Any, s_hi: Any) -> Any:
        with np.errstate(divide="ignore"):
            y = np.log(x)
        s = self._sig(y, s_lo, s_hi)
        return -0.5 * (y / s) ** 2 - np.log(s) - y - 0.5 * np.log(2 * np.pi)

    def _pdf(self, x: Any, s_lo: Any, s_hi: Any) -> Any:
        return np.exp(self._logpdf(x, s_lo, s_hi))

    def _cdf(self, x: Any, s_lo: Any, s_hi: Any) -> Any:
        with np.errstate(divide="ignore"):
            y = np.log(x)
        return special.ndtr(y / self._sig(y, s_lo, s_hi))

    def _sf(self, x: Any, s_lo: Any, s_hi: Any) -> Any:
        with np.errstate(divide="ignore"):
            y = np.log(x)
        return special.ndtr(-y / self._sig(y, s_lo, s_hi))

    def _ppf(self, q: Any, s_lo: Any, s_hi: Any) -> Any:
        zq = special.ndtri(q)
        return np.exp(zq * np.where(zq < 0, s_lo, s_hi))

    def _isf(self, q: Any, s_lo: Any, s_hi: Any) -> Any:
        zq = -special.ndtri(q)
        return np.exp(zq * np.where(zq < 0, s_lo, s_hi))

    def _rvs(self, s_lo: Any, s_hi: Any, size: Any = None, random_state: Any = None) -> Any:
        zq = random_state.standard_normal(size)
        return np.exp(zq * np.where(zq < 0, s_lo, s_hi))

    def _munp(self, n: Any, s_lo: Any, s_hi: Any) -> Any:
        return np.exp(0.5 * (n * s_lo) ** 2) * special.ndtr(-n * s_lo) + np.exp(
            0.5 * (n * s_hi) ** 2
        ) * special.ndtr(n * s_hi)


#: ``split_lognorm(s_lo, s_hi, scale=median)``; see :class:`split_lognorm_gen`.
split_lognorm = split_lognorm_gen(a=0.0, name="split_lognorm")


class exp_halfnorm_gen(rv_continuous):
    r"""``X = exp(d * s * |Z|)``, Z standard normal, ``d = +1`` or ``-1``.

    With ``d = +1`` the support is [1, inf) (a floor at ``scale``); with ``d = -1``
    it is (0, 1] (a ceiling at ``scale``). The density on the log scale is highest at
    the bound and falls off like a half-normal.
    """

    def _argcheck(self, s: Any, d: Any) -> Any:
        return (np.asarray(s) > 0) & (np.abs(np.asarray(d)) == 1)

    def _get_support(self, s: Any, d: Any) -> Any:
        d = np.asarray(d)
        return np.where(d > 0, 1.0, 0.0), np.where(d > 0, np.inf, 1.0)

    def _cdf(self, x: Any, s: Any, d: Any) -> Any:
        with np.errstate(divide="ignore"):
            h = d * np.log(x) / s  # |Z| value, >= 0 on the support
        up = 2.0 * special.ndtr(h) - 1.0
        return np.where(d > 0, up, 1.0 - up)

    def _pdf(self, x: Any, s: Any, d: Any) -> Any:
        with np.errstate(divide="ignore"):
            h = d * np.log(x) / s
        return 2.0 * np.exp(-0.5 * h * h) / (np.sqrt(2 * np.pi) * s * x)

    def _ppf(self, q: Any, s: Any, d: Any) -> Any:
        p = np.where(d > 0, q, 1.0 - q)
        return np.exp(d * s * special.ndtri(0.5 + 0.5 * p))

    def _rvs(self, s: Any, d: Any, size: Any = None, random_state: Any = None) -> Any:
        return np.exp(d * s * np.abs(random_state.standard_normal(size)))


exp_halfnorm = exp_halfnorm_gen(name="exp_halfnorm")


class recip_one_plus_lognorm_gen(rv_continuous):
    r"""``X = 1 / (1 + E)`` with ``E ~ lognorm(s, scale=m)``; support (0, 1).

    Used for an "at most" figure: truth = ceiling * X, never above the ceiling.
    """

    def _argcheck(self, s: Any, m: Any) -> Any:
        return (np.asarray(s) > 0) & (np.asarray(m) > 0)

    def _get_support(self, s: Any, m: Any) -> Any:
        return np.zeros_like(np.asarray(s, float)), np.ones_like(np.asarray(s, float))

    def _cdf(self, x: Any, s: Any, m: Any) -> Any:
        with np.errstate(divide="ignore"):
            e = 1.0 / x - 1.0
            return special.ndtr(-(np.log(e) - np.log(m)) / s)

    def _pdf(self, x: Any, s: Any, m: Any) -> Any:
        with np.errstate(divide="ignore", invalid="ignore"):
            e = 1.0 / x - 1.0
            return stats.lognorm.pdf(e, s, scale=m) / (x * x)

    def _ppf(self, q: Any, s: Any, m: Any) -> Any:
        e = m * np.exp(-s * special.ndtri(q))
        return 1.0 / (1.0 + e)

    def _rvs(self, s: Any, m: Any, size: Any = None, random_state: Any = None) -> Any:
        return 1.0 / (1.0 + m * np.exp(s * random_state.standard_normal(size)))


recip_one_plus_lognorm = recip_one_plus_lognorm_gen(name="recip_one_plus_lognorm")


# --------------------------------------------------------------------------------------
# Fitted
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Fitted:
    """A published figure read as a probability distribution.

    Attributes
    ----------
    dist : frozen scipy distribution, in the unit of the figure (persons, fraction).
    kind : ``"lognormal"``, ``"split_lognormal"``, ``"pert"``, ``"triangular"``,
        ``"uniform"``, ``"lower_bound"``, ``"upper_bound"`` or ``"point"`` (a stated 0).
    assumption : one quotable sentence with the numbers used.
    params : the inputs and fitted parameters (for audit tables).
    """

    dist: Any
    kind: str
    assumption: str
    params: dict[str, Any] = field(default_factory=dict)

    def interval(self, level: float = 0.9) -> tuple[float, float]:
        """Central interval holding probability ``level``: (ppf((1-level)/2), ppf((1+level)/2))."""
        if not (0.0 < level < 1.0):
            raise UncertaintyError(f"level must be strictly between 0 and 1, got {level!r}")
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = self.dist.ppf([(1.0 - level) / 2.0, (1.0 + level) / 2.0])
        _finite_or_raise([float(lo), float(hi)], f"the {level:.0%} interval")
        return float(lo), float(hi)

    def median(self) -> float:
        """The 50 % quantile, in the unit of the figure."""
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            m = float(self.dist.ppf(0.5))
        _finite_or_raise([m], "the median")
        return m

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` independent draws (float64 array) using the seeded Generator ``rng``."""
        return np.asarray(self.dist.rvs(size=int(n), random_state=rng), dtype=float)

    def ppf(self, q: Any) -> np.ndarray:
        """Quantile function (vectorised), used by the Gaussian copula."""
        return np.asarray(self.dist.ppf(q), dtype=float)


def _fmt(x: float) -> str:
    """Human number for assumption sentences: 470,000 / 0.5213 / 1.5e-05."""
    if x == 0:
        return "0"
    ax = abs(x)
    if ax >= 100:
        return f"{x:,.0f}"
    if ax >= 1:
        return f"{x:,.3g}" if ax < 10 else f"{x:,.4g}"
    return f"{x:.4g}"


def _pct(c: float) -> str:
    return f"{c * 100:g}%"


def _isnum(x: Any) -> bool:
    if x is None or x is pd.NA:
        return False
    try:
        return not math.isnan(float(x))
    except (TypeError, ValueError):
        return False


def _opt(x: Any) -> float | None:
    return float(x) if _isnum(x) else None


def _opt_str(x: Any) -> str | None:
    if x is None or x is pd.NA:
        return None
    if isinstance(x, float) and math.isnan(x):
        return None
    return str(x)


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------


def _from_interval(lo: float, c: float | None, hi: float, cov: float, what: str) -> Fitted:
    """Log-normal / split log-normal with quantiles lo, hi at central coverage cov."""
    if not (lo > 0):
        raise UncertaintyError(
            f"low must be > 0 for a log-normal reading (got {lo!r}); pass shape='pert' "
            "or 'triangular' if low/high are hard bounds"
        )
    if not (hi > lo):
        raise UncertaintyError(f"high ({hi!r}) must exceed low ({lo!r})")
    z = z_for(cov)
    gm = math.sqrt(lo * hi)
    if c is not None and not (lo <= c <= hi):
        raise UncertaintyError(f"central {c!r} lies outside [low, high] = [{lo!r}, {hi!r}]")
    if c is None or math.isclose(c, gm, rel_tol=1e-9):
        s = (math.log(hi) - math.log(lo)) / (2.0 * z)
        dist = stats.lognorm(s, scale=gm)
        sentence = (
            f"{what}: {_fmt(lo)} to {_fmt(hi)} read as a central {_pct(cov)} interval of a "
            f"log-normal (median {_fmt(gm)}, log-sd {s:.4g})"
            + ("." if c is not None else "; no central value stated, median = geometric mean.")
        )
        return Fitted(dist, "lognormal", sentence,
                      {"low": lo, "central": c, "high": hi, "coverage": cov, "sigma": s,
                       "median": gm})
    if c == lo or c == hi:
        raise UncertaintyError(
            f"central {c!r} equals a bound of [{lo!r}, {hi!r}]; a split log-normal needs "
            "low < central < high (use shape='pert' or a bound qualifier instead)"
        )
    s_lo = (math.log(c) - math.log(lo)) / z
    s_hi = (math.log(hi) - math.log(c)) / z
    dist = split_lognorm(s_lo, s_hi, scale=c)
    sentence = (
        f"{what}: {_fmt(lo)} to {_fmt(hi)} read as a central {_pct(cov)} interval around a "
        f"median of {_fmt(c)} (split log-normal, log-sd {s_lo:.4g} below and {s_hi:.4g} above)."
    )
    return Fitted(dist, "split_lognormal", sentence,
                  {"low": lo, "central": c, "high": hi, "coverage": cov,
                   "sigma_lo": s_lo, "sigma_hi": s_hi, "median": c})


def _bounded(lo: float, c: float | None, hi: float, shape: str, why: str) -> Fitted:
    if not (hi > lo):
        raise UncertaintyError(f"high ({hi!r}) must exceed low ({lo!r})")
    if c is not None and not (lo <= c <= hi):
        raise UncertaintyError(f"central {c!r} lies outside [low, high] = [{lo!r}, {hi!r}]")
    width = hi - lo
    if c is None or shape == "uniform":
        dist = stats.uniform(loc=lo, scale=width)
        sentence = (f"{_fmt(lo)} to {_fmt(hi)} read as hard bounds ({why}) with every value "
                    "between equally likely (uniform), as no central value is used.")
        return Fitted(dist, "uniform", sentence, {"low": lo, "central": c, "high": hi})
    if shape == "triangular":
        dist = stats.triang((c - lo) / width, loc=lo, scale=width)
        sentence = (f"{_fmt(lo)} to {_fmt(hi)} read as hard bounds ({why}); triangular "
                    f"distribution with mode {_fmt(c)}, no probability outside.")
        return Fitted(dist, "triangular", sentence, {"low": lo, "central": c, "high": hi})
    a = 1.0 + 4.0 * (c - lo) / width
    b = 1.0 + 4.0 * (hi - c) / width
    dist = stats.beta(a, b, loc=lo, scale=width)
    sentence = (f"{_fmt(lo)} to {_fmt(hi)} read as hard bounds ({why}); PERT distribution with "
                f"mode {_fmt(c)} (mean {_fmt((lo + 4 * c + hi) / 6)}), no probability outside.")
    return Fitted(dist, "pert", sentence,
                  {"low": lo, "central": c, "high": hi, "alpha": a, "beta": b})


def _check_undercount(u: Any) -> tuple[float, float]:
    try:
        a, b = (float(u[0]), float(u[1]))
    except (TypeError, ValueError, IndexError) as exc:
        raise UncertaintyError(f"undercount must be a pair (a, b), got {u!r}") from exc
    if not (math.isfinite(a) and math.isfinite(b) and 1.0 <= a < b):
        raise UncertaintyError(f"undercount (a, b) needs 1 <= a < b, finite; got {u!r}")
    if b > MAX_UNDERCOUNT or (a > 1.0 and (a - 1.0) < 1e-9):
        raise ExtremeInputError(f"undercount (a, b) = {u!r} is too extreme: b at most "
                                f"{MAX_UNDERCOUNT:g} and a either 1 or above 1 + 1e-9")
    return a, b


#: Largest undercount factor b (the truth at most b times a floor): a million.
MAX_UNDERCOUNT: float = 1e6


def _lower_bound(count: float, u: tuple[float, float], cov: float, why: str,
                 default_used: bool) -> Fitted:
    a, b = u
    if not count > 0:
        raise UncertaintyError(f"a lower-bound figure must be > 0, got {count!r}")
    if not default_used:
        src = ""
    elif tuple(u) == tuple(DEFAULT_UNDERCOUNT):
        src = (" (default: 2.141 = OHCHR 2022 estimated/documented civilian deaths, "
               "306,887/143,350)")
    else:
        src = " (default for an official's 'more than X': an assumption of this suite)"
    if a == 1.0:
        s = math.log(b) / z_for(cov)
        dist = exp_halfnorm(s, 1.0, scale=count)
        sentence = (
            f"{_fmt(count)} is a floor ({why}): no probability below it, and the truth lies "
            f"between it and {b:.4g}x it ({_fmt(count * b)}) with {_pct(cov)} probability{src}; "
            "log-half-normal, most likely just above the floor."
        )
        params = {"count": count, "undercount": u, "coverage": cov, "sigma": s,
                  "default_used": default_used, "form": "log_halfnormal"}
    else:
        z = z_for(cov)
        s = (math.log(b - 1.0) - math.log(a - 1.0)) / (2.0 * z)
        m = math.sqrt((a - 1.0) * (b - 1.0))
        dist = stats.lognorm(s, loc=count, scale=count * m)
        sentence = (
            f"{_fmt(count)} is a floor ({why}): no probability below it; the truth is read as "
            f"{a:.4g}x to {b:.4g}x it ({_fmt(count * a)} to {_fmt(count * b)}) as a central "
            f"{_pct(cov)} interval{src}; shifted log-normal above the floor."
        )
        params = {"count": count, "undercount": u, "coverage": cov, "sigma": s,
                  "excess_median": m, "default_used": default_used, "form": "shifted_lognormal"}
    return Fitted(dist, "lower_bound", sentence, params)


def _upper_bound(ceiling: float, u: tuple[float, float], cov: float) -> Fitted:
    a, b = u
    if not ceiling > 0:
        raise UncertaintyError(f"an upper-bound figure must be > 0, got {ceiling!r}")
    if a == 1.0:
        s = math.log(b) / z_for(cov)
        dist = exp_halfnorm(s, -1.0, scale=ceiling)
        sentence = (
            f"{_fmt(ceiling)} is a ceiling ('at most'): no probability above it, and the truth "
            f"lies between {_fmt(ceiling / b)} (1/{b:.4g} of it) and it with {_pct(cov)} "
            "probability; log-half-normal, most likely just below the ceiling."
        )
        params = {"ceiling": ceiling, "undercount": u, "coverage": cov, "sigma": s,
                  "form": "log_halfnormal"}
    else:
        z = z_for(cov)
        s = (math.log(b - 1.0) - math.log(a - 1.0)) / (2.0 * z)
        m = math.sqrt((a - 1.0) * (b - 1.0))
        dist = recip_one_plus_lognorm(s, m, scale=ceiling)
        sentence = (
            f"{_fmt(ceiling)} is a ceiling ('at most'): no probability above it; the truth is "
            f"read as 1/{b:.4g} to 1/{a:.4g} of it ({_fmt(ceiling / b)} to {_fmt(ceiling / a)}) "
            f"as a central {_pct(cov)} interval."
        )
        params = {"ceiling": ceiling, "undercount": u, "coverage": cov, "sigma": s,
                  "excess_median": m, "form": "reciprocal_shifted_lognormal"}
    return Fitted(dist, "upper_bound", sentence, params)


def _margin(c: float, x: float, cov: float, what: str) -> Fitted:
    if not (0.0 < x < 1.0):
        raise UncertaintyError(f"margin must be a fraction strictly between 0 and 1, got {x!r}")
    if not c > 0:
        raise UncertaintyError(f"a margin needs a positive central value, got {c!r}")
    lo, hi = c * (1.0 - x), c * (1.0 + x)
    f = _from_interval(lo, c, hi, cov, what)
    sentence = (
        f"{what}: {_fmt(c)} ± {x * 100:g}% read as {_fmt(lo)} to {_fmt(hi)} being a central "
        f"{_pct(cov)} interval with median {_fmt(c)} (split log-normal)."
    )
    return Fitted(f.dist, f.kind, sentence, {**f.params, "margin": x})


def to_distribution(
    low: float | None = None,
    central: float | None = None,
    high: float | None = None,
    *,
    qualifier: str = "exact",
    method: str | None = None,
    range_type: str | None = None,
    range_level: float | None = None,
    margin: float | None = None,
    coverage: float = DEFAULT_COVERAGE,
    shape: str | None = None,
    undercount: tuple[float, float] | None = None,
    assumed_margin: float | None = None,
) -> Fitted:
    """Read one published figure as a probability distribution (unit of the figure).

    Parameters
    ----------
    low, central, high : the published numbers (persons, or a fraction for shares);
        ``None``/NaN when not stated.
    qualifier : ``exact`` | ``approximately`` | ``at_least`` | ``at_most``.
    method : the registry's ``method`` (``documented_count`` makes the figure a floor).
    range_type : ``none`` | ``bracket`` | ``confidence_interval`` | ``margin`` |
        ``hard_bounds``; ``None`` = infer from which numbers are present.
    range_level : coverage of a confidence interval (e.g. 0.95); for a margin, the
        coverage it is read at if given.
    margin : relative margin as a fraction (0.05 = ±5 %).
    coverage : probability given to a central interval whose coverage the source does
        not state (brackets; margins without ``range_level``; an ``undercount`` pair;
        ``assumed_margin``). Default 0.9: a bracket is read as its 5 % and 95 %
        quantiles.
    shape : ``None`` (rules above), ``"lognormal"`` (force the log-normal reading of
        hard bounds), ``"pert"``, ``"triangular"`` or ``"uniform"`` (read low/high as
        hard bounds).
    undercount : for a floor (documented count, "at least"), the pair ``(a, b)`` with
        ``1 <= a < b``: the truth lies between ``a`` x and ``b`` x the figure with
        probability ``coverage``. With ``a > 1`` the pair is a central interval and the
        distribution is the figure plus a log-normal excess (shifted log-normal). With
        ``a == 1`` it is one-sided (the figure itself is possible) and ``ln(truth/figure)``
        is half-normal. For an "at most" figure the pair means the truth lies between
        ``1/b`` and ``1/a`` of the ceiling.
        **Default** (floors only): :data:`DEFAULT_UNDERCOUNT` = (1.0, 2.141), i.e. the truth
        is between the figure and 2.141 x it with probability ``coverage``. 2.141 is
        306,887 / 143,350, OHCHR's 2022 statistical estimate of civilian deaths
        (A/HRC/50/68, March 2011 - March 2021) over the individually documented deaths
        it was built on: the one published Syria ratio of estimated to documented
        deaths. It is civilians-only and late (documentation was more complete by then
        than in 2012-2014), so for early counts it may be too narrow; pass your own.
        When an "at least" figure also has a ``high``, the default is (1, high/figure);
        an "at least" figure that is not a documented count (an official's "more than
        X") defaults to :data:`DEFAULT_AT_LEAST_EXCESS` = (1.0, 1.5) instead.
        There is no default for "at most": :class:`UncertaintyError` is raised.
    assumed_margin : a relative margin to give a bare point figure (no range, not a
        floor). Without it a bare point raises :class:`UncertaintyError`; never invented.

    Returns
    -------
    Fitted, whose ``interval(c)`` gives back the published low/high at their coverage
    ``c`` (to floating-point precision) for log-normal, split and margin readings.
    """
    lo, c, hi = _opt(low), _opt(central), _opt(high)
    rl, mg = _opt(range_level), _opt(margin)
    rt = _opt_str(range_type)
    if rl is not None and not (0.0 < rl < 1.0):
        raise UncertaintyError(f"range_level is a coverage fraction strictly between 0 and 1 "
                               f"(e.g. 0.95 for a 95% interval), got {rl!r}")
    if rl is not None and not MIN_RANGE_LEVEL <= rl <= MAX_RANGE_LEVEL:
        raise ExtremeInputError(f"range_level {rl!r} is too close to 0 or 1 for a meaningful "
                                f"reading: give a coverage from {MIN_RANGE_LEVEL} to "
                                f"{MAX_RANGE_LEVEL}")
    if rt == "bracket" and rl is not None:
        raise UncertaintyError("a bracket has no stated coverage: a range with a stated level "
                               "is range_type 'confidence_interval'")
    if shape not in _SHAPES:
        raise UncertaintyError(f"shape must be one of {_SHAPES}, got {shape!r}")
    if qualifier not in ("exact", "approximately", "at_least", "at_most"):
        raise UncertaintyError(f"unknown qualifier {qualifier!r}")
    for name, v in (("low", lo), ("central", c), ("high", hi)):
        if v is not None and (v < 0 or not math.isfinite(v)):
            raise UncertaintyError(f"{name} must be a finite number >= 0, got {v!r}")
        _check_magnitude(name, v)
    z_for(coverage)  # validates coverage

    # 1. Hard bounds.
    if rt == "hard_bounds" or shape in ("pert", "triangular", "uniform"):
        if lo is None or hi is None:
            raise UncertaintyError("hard bounds need both low and high")
        why = "range_type hard_bounds" if rt == "hard_bounds" else f"shape={shape!r} requested"
        if shape == "lognormal":
            return _from_interval(lo, c, hi, coverage, "Hard bounds read as log-normal")
        return _bounded(lo, c, hi, shape or "pert", why)

    # 2. Floors: documented counts and "at least".
    if is_floor(method, qualifier):  # the reading rule: syriastats.reading.is_floor
        if qualifier == "at_most":
            raise UncertaintyError("a documented count cannot be qualified 'at most'")
        count = c if c is not None else lo
        if count is None:
            raise UncertaintyError("a floor needs a central (or low) figure")
        why = "documented count, a minimum" if method == "documented_count" else "'at least'"
        default_used = False
        if undercount is None:
            if hi is not None and hi > count:
                undercount = (1.0, hi / count)
            elif method == "documented_count":
                undercount = DEFAULT_UNDERCOUNT
                default_used = True
            else:
                undercount = DEFAULT_AT_LEAST_EXCESS
                default_used = True
        return _lower_bound(count, _check_undercount(undercount), coverage, why, default_used)

    # 3. Ceilings.
    if qualifier == "at_most":
        ceiling = c if c is not None else hi
        if ceiling is None:
            raise UncertaintyError("an 'at most' figure needs a central (or high) value")
        if undercount is None:
            raise UncertaintyError(
                "an 'at most' figure is a ceiling: pass undercount=(a, b) saying the truth is "
                "between 1/b and 1/a of it; there is no default"
            )
        return _upper_bound(ceiling, _check_undercount(undercount), coverage)

    # 4. Relative margin.
    if rt == "margin" or (rt is None and mg is not None):
        if mg is None:
            raise UncertaintyError("range_type 'margin' needs margin")
        if c is None:
            raise UncertaintyError("a margin needs a central value")
        cov = rl if rl is not None else coverage
        return _margin(c, mg, cov, "Stated margin")

    # 5. Low/high interval (bracket or confidence interval).
    if lo is not None and hi is not None:
        if rt == "confidence_interval":
            if rl is None:
                cov, what = coverage, f"Confidence interval (level not stated, taken as {_pct(coverage)})"
            else:
                cov, what = rl, f"{_pct(rl)} confidence interval"
        else:
            cov, what = coverage, "Bracket of unstated coverage"
        return _from_interval(lo, c, hi, cov, what)
    if rt in ("bracket", "confidence_interval"):
        raise UncertaintyError(f"range_type {rt!r} needs both low and high")

    # 6. Bare point.
    point = c if c is not None else (lo if lo is not None else hi)
    if point is None:
        raise UncertaintyError("no figure: low, central and high are all missing")
    if point == 0:  # a stated zero (e.g. no event recorded): a relative margin of 0 is 0
        return Fitted(stats.rv_discrete(values=([0.0], [1.0])), "point",
                      "0 read as exactly 0 (a relative margin of nothing is nothing).",
                      {"central": 0.0})
    if assumed_margin is None:
        raise UncertaintyError(
            f"{_fmt(point)} is a bare figure with no stated uncertainty; pass "
            "assumed_margin=x to read it as ±x at the coverage (never invented silently)"
        )
    f = _margin(point, float(assumed_margin), coverage, "Assumed margin (not the source's)")
    return Fitted(f.dist, f.kind, f.assumption, {**f.params, "assumed": True})


_ROW_FIELDS = ("low", "central", "high", "qualifier", "method", "range_type",
               "range_level", "margin")


def from_row(row: Mapping[str, Any] | pd.Series, *, coverage: float = DEFAULT_COVERAGE,
             **assumptions: Any) -> Fitted:
    """:func:`to_distribution` for one ``estimates`` row (Series or mapping).

    Reads ``low, central, high, qualifier, method, range_type, range_level, margin``;
    ``assumptions`` are the keyword options of :func:`to_distribution` (``shape``,
    ``undercount``, ``assumed_margin``). The row's ``estimate_id``, if present, is put
    in ``params["estimate_id"]``.
    """
    get = row.get if hasattr(row, "get") else (lambda k, d=None: d)
    kw: dict[str, Any] = {k: get(k, None) for k in _ROW_FIELDS}
    q = _opt_str(kw.pop("qualifier")) or "exact"
    meth = _opt_str(kw.pop("method"))
    eid = _opt_str(get("estimate_id", None))
    try:
        f = to_distribution(kw["low"], kw["central"], kw["high"], qualifier=q, method=meth,
                            range_type=kw["range_type"], range_level=kw["range_level"],
                            margin=kw["margin"], coverage=coverage, **assumptions)
    except UncertaintyError as exc:
        if eid is None:
            raise
        raise type(exc)(f"estimate {eid}: {exc}") from None
    if eid is not None:
        return Fitted(f.dist, f.kind, f.assumption, {**f.params, "estimate_id": eid})
    return f


# --------------------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------------------


def _copula_factor(corr: np.ndarray) -> np.ndarray:
    """Matrix L with L @ L.T == corr (Cholesky, or eigen for singular PSD matrices)."""
    try:
        return np.linalg.cholesky(corr)
    except np.linalg.LinAlgError:
        w, v = np.linalg.eigh(corr)
        if w.min() < -1e-10:
            raise UncertaintyError("correlation matrix is not positive semi-definite") from None
        return v * np.sqrt(np.clip(w, 0.0, None))


def sample_joint(
    fitted: Mapping[str, Fitted],
    n: int,
    rng: np.random.Generator,
    *,
    rank_correlation: Any = None,
) -> dict[str, np.ndarray]:
    """Draw ``n`` joint samples of several inputs; returns ``{name: float64 array}``.

    Independent by default (each input drawn in turn, in mapping order, from ``rng``).
    With ``rank_correlation`` (a k x k matrix in mapping order, or a DataFrame labelled
    with the names) a Gaussian copula is used: correlated standard normals with Pearson
    correlation ``2 sin(pi * rho_s / 6)`` (which gives Spearman rank correlation
    ``rho_s`` exactly) are mapped through the normal CDF and each marginal's ``ppf``.
    Use 1.0 for comonotonic inputs (same quantile drawn for each). Marginals are kept
    exactly; only the dependence changes. Same ``rng`` state -> same numbers.
    """
    names = list(fitted)
    n = int(n)
    if rank_correlation is None:
        return {k: fitted[k].sample(n, rng) for k in names}
    if isinstance(rank_correlation, pd.DataFrame):
        rs = rank_correlation.loc[names, names].to_numpy(dtype=float)
    else:
        rs = np.asarray(rank_correlation, dtype=float)
    k = len(names)
    if rs.shape != (k, k):
        raise UncertaintyError(f"rank_correlation must be {k}x{k}, got {rs.shape}")
    if not np.allclose(rs, rs.T) or not np.allclose(np.diag(rs), 1.0) or np.abs(rs).max() > 1:
        raise UncertaintyError("rank_correlation must be symmetric with unit diagonal, |r| <= 1")
    pearson = 2.0 * np.sin(np.pi * rs / 6.0)
    np.fill_diagonal(pearson, 1.0)
    chol = _copula_factor(pearson)
    zs = rng.standard_normal((n, k)) @ chol.T
    u = special.ndtr(zs)
    return {name: fitted[name].ppf(u[:, j]) for j, name in enumerate(names)}


def _level_tag(level: float) -> str:
    return f"{level * 100:g}"


def summarise(draws: Mapping[str, Any], levels: Sequence[float] = (0.5, 0.9, 0.95)) -> pd.DataFrame:
    """Tidy interval table from Monte Carlo draws, one row per quantity.

    Columns: ``quantity, median, lower_50, upper_50, lower_90, upper_90, lower_95,
    upper_95`` (for the default levels): ``lower_L``/``upper_L`` bound the central
    interval holding L % of the draws (quantiles (1-L)/2 and (1+L)/2, numpy's
    default linear interpolation). Same unit as the draws. NaN draws raise.
    """
    levels = [float(x) for x in levels]
    for lv in levels:
        z_for(lv)
    probs = [0.5]
    for lv in levels:
        probs += [(1 - lv) / 2, (1 + lv) / 2]
    rows = []
    for name, arr in draws.items():
        a = np.asarray(arr, dtype=float)
        if a.size == 0 or np.isnan(a).any():
            raise UncertaintyError(f"draws for {name!r} are empty or contain NaN")
        qs = np.quantile(a, probs)
        row: dict[str, Any] = {"quantity": name, "median": float(qs[0])}
        for i, lv in enumerate(levels):
            row[f"lower_{_level_tag(lv)}"] = float(qs[1 + 2 * i])
            row[f"upper_{_level_tag(lv)}"] = float(qs[2 + 2 * i])
        rows.append(row)
    cols = ["quantity", "median"] + [f"{s}_{_level_tag(lv)}" for lv in levels
                                     for s in ("lower", "upper")]
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------------------
# Mixtures and pooling
# --------------------------------------------------------------------------------------


def mixture_ppf(components: Sequence[Fitted], weights: Sequence[float] | None,
                q: float) -> float:
    """Quantile ``q`` of the mixture ``sum_i w_i F_i`` by root-finding on its CDF.

    The root is bracketed by the components' own ``q`` quantiles (a mixture quantile
    lies between them), so the result is exact to ~1e-12 relative; no sampling.
    """
    w = _weights(weights, len(components))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        qs = np.array([f.dist.ppf(q) for f in components], dtype=float)
        _finite_or_raise(list(qs), f"a component's {q:g} quantile")
        a, b = float(qs.min()), float(qs.max())
        if a == b:
            return a

        def g(x: float) -> float:
            return float(sum(wi * f.dist.cdf(x) for wi, f in zip(w, components))) - q

        if g(a) >= 0:  # a point mass (a stated 0) holds the quantile at the lowest value
            return a
        if a > 0:  # search on the log scale: relative precision at any magnitude
            u = optimize.brentq(lambda t: g(math.exp(t)), math.log(a), math.log(b),
                                xtol=1e-13, rtol=1e-13, maxiter=500)
            return float(min(max(math.exp(u), a), b))
        return float(optimize.brentq(g, a, b, xtol=1e-12 * max(abs(a), abs(b), 1e-300),
                                     rtol=1e-13, maxiter=500))


def sample_mixture(components: Sequence[Fitted], n: int, rng: np.random.Generator,
                   weights: Sequence[float] | None = None) -> np.ndarray:
    """``n`` draws from a mixture, in random order (each draw picks its component)."""
    w = _weights(weights, len(components))
    idx = rng.choice(len(components), size=int(n), p=w)
    out = np.empty(int(n), dtype=float)
    for i, f in enumerate(components):
        m = idx == i
        out[m] = f.sample(int(m.sum()), rng)
    return out


def _weights(weights: Sequence[float] | None, k: int) -> np.ndarray:
    if k == 0:
        raise UncertaintyError("no components")
    if weights is None:
        return np.full(k, 1.0 / k)
    w = np.asarray(weights, dtype=float)
    if w.shape != (k,) or (w < 0).any() or not w.sum() > 0:
        raise UncertaintyError(f"weights must be {k} non-negative numbers, not all zero")
    return w / w.sum()


def _exp(x: float) -> float:
    """exp(x) of a pooled log value; :class:`ExtremeInputError` instead of overflow/NaN."""
    if not math.isfinite(x) or x > math.log(MAX_MAGNITUDE) + 50:
        raise ExtremeInputError(f"a pooled value exp({x:g}) is beyond finite numbers: the "
                                "figures pooled are too far apart for a meaningful interval")
    return math.exp(x)


def _check_poolable(df: pd.DataFrame) -> None:
    if "measure" in df.columns and df["measure"].astype("string").nunique(dropna=False) > 1:
        raise UncertaintyError(
            f"rows measure different things ({sorted(map(str, df['measure'].unique()))}); "
            "pass allow_mixed=True to pool them anyway"
        )
    if {"period_start", "period_end"} <= set(df.columns):
        ps = pd.to_datetime(df["period_start"])
        pe = pd.to_datetime(df["period_end"])
        if ps.max() > pe.min():
            raise UncertaintyError(
                "periods do not all overlap (latest start "
                f"{ps.max():%Y-%m-%d} after earliest end {pe.min():%Y-%m-%d}); "
                "pass allow_mixed=True to pool them anyway"
            )


def pool(
    rows_df: pd.DataFrame,
    *,
    coverage: float = DEFAULT_COVERAGE,
    weights: Sequence[float] | None = None,
    allow_mixed: bool = False,
    rng: np.random.Generator | None = None,
    n: int = 200_000,
    **assumptions: Any,
) -> pd.DataFrame:
    """Pool several estimates of one quantity, three ways, side by side.

    Each row is read with :func:`from_row` (``coverage`` and ``assumptions`` passed on).
    Output: one row per method, columns ``method, quantity, central, lower, upper,
    level, pi_lower, pi_upper, tau2, k, estimate_ids, meaning``; ``lower``/``upper``
    bound a central interval at ``level == coverage``, in the unit of the figures.

    * ``random_effects_dl`` / ``random_effects_pm``: random-effects meta-analysis of
      ``ln(median_i)`` with variance ``sigma_i^2``, ``sigma_i`` = width of each row's
      ``coverage`` interval on the log scale / (2 z); between-source variance tau^2 by
      DerSimonian-Laird or Paule-Mandel (``statsmodels.stats.meta_analysis.combine_effects``).
      ``central`` = exp(pooled mean), interval = its confidence interval, ``pi_*`` = the
      prediction interval for one more source, exp(mu +- z sqrt(se^2 + tau^2)). Assumes
      every row is an unbiased noisy measurement of one common quantity. Needs k >= 2.
    * ``mixture``: the (equal or ``weights``-weighted) mixture of the rows'
      distributions, quantiles by inverting its CDF (or by ``n`` draws from ``rng``
      if ``rng`` is given); keeps disagreement between sources as uncertainty.
    * ``envelope``: smallest published low (or fitted lower quantile when no low is
      published) to largest published high (or fitted upper quantile); no probabilistic
      meaning, ``central`` is NaN.

    Raises :class:`UncertaintyError` when rows measure different things or their
    periods do not overlap, unless ``allow_mixed=True``.
    """
    from statsmodels.stats.meta_analysis import combine_effects

    df = pd.DataFrame(rows_df).reset_index(drop=True)
    if len(df) == 0:
        raise UncertaintyError("nothing to pool")
    if not allow_mixed:
        _check_poolable(df)
    fits = [from_row(r, coverage=coverage, **assumptions) for _, r in df.iterrows()]
    ids = (";".join(df["estimate_id"].astype(str)) if "estimate_id" in df.columns
           else ";".join(str(i) for i in range(len(df))))
    quantity = (";".join(sorted(map(str, df["measure"].unique())))
                if "measure" in df.columns else "")
    z = z_for(coverage)
    k = len(fits)
    out: list[dict[str, Any]] = []

    meds = np.array([f.median() for f in fits])
    ivs = np.array([f.interval(coverage) for f in fits])
    log_ok = bool((ivs[:, 0] > 0).all())
    for label, mre in (("random_effects_dl", "dl"), ("random_effects_pm", "pm")):
        rec: dict[str, Any] = {"method": label, "quantity": quantity, "k": k,
                               "level": coverage, "estimate_ids": ids}
        if k >= 2 and log_ok:
            y = np.log(meds)
            v = ((np.log(ivs[:, 1]) - np.log(ivs[:, 0])) / (2 * z)) ** 2
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                res = combine_effects(y, v, method_re=mre)
            mu, se, tau2 = float(res.mean_effect_re), float(res.sd_eff_w_re), float(res.tau2)
            if not tau2 > 0:
                # statsmodels 0.15 does not truncate the DL moment estimate at zero; a
                # negative or zero tau^2 means no excess heterogeneity -> fixed effect.
                mu, se, tau2 = float(res.mean_effect_fe), float(res.sd_eff_w_fe), 0.0
            pi = math.sqrt(se**2 + tau2)
            rec.update(central=_exp(mu), lower=_exp(mu - z * se), upper=_exp(mu + z * se),
                       pi_lower=_exp(mu - z * pi), pi_upper=_exp(mu + z * pi), tau2=tau2)
            name = "DerSimonian-Laird" if mre == "dl" else "Paule-Mandel"
            rec["meaning"] = (
                f"Random-effects meta-analysis on the log scale ({name} tau^2): the "
                f"{_pct(coverage)} interval for a common underlying value, assuming every source "
                "measures the same thing without bias; pi_* = where one more source would fall."
            )
        else:
            rec.update(central=np.nan, lower=np.nan, upper=np.nan, pi_lower=np.nan,
                       pi_upper=np.nan, tau2=np.nan,
                       meaning="Random-effects meta-analysis not computed: needs at least two "
                               "estimates with positive intervals.")
        out.append(rec)

    w = _weights(weights, k)
    probs = [0.5, (1 - coverage) / 2, (1 + coverage) / 2]
    if rng is not None:
        draws = sample_mixture(fits, n, rng, w)
        qm = [float(x) for x in np.quantile(draws, probs)]
        how = f"{n:,} draws"
    else:
        qm = [mixture_ppf(fits, w, p) for p in probs]
        how = "exact inversion of the mixture CDF"
    out.append({"method": "mixture", "quantity": quantity, "k": k, "level": coverage,
                "estimate_ids": ids, "central": qm[0], "lower": qm[1], "upper": qm[2],
                "pi_lower": np.nan, "pi_upper": np.nan, "tau2": np.nan,
                "meaning": (f"{'Equal' if weights is None else 'Weighted'}-weight mixture of the "
                            f"sources' distributions (median and central {_pct(coverage)} interval, "
                            f"{how}): what the sources jointly say, disagreement kept as "
                            "uncertainty.")})

    lows, highs = [], []
    for (_, r), iv in zip(df.iterrows(), ivs):
        published = r.get("range_type") not in ("margin",)
        lows.append(float(r["low"]) if published and _isnum(r.get("low")) else iv[0])
        highs.append(float(r["high"]) if published and _isnum(r.get("high")) else iv[1])
    out.append({"method": "envelope", "quantity": quantity, "k": k, "level": np.nan,
                "estimate_ids": ids, "central": np.nan, "lower": float(min(lows)),
                "upper": float(max(highs)), "pi_lower": np.nan, "pi_upper": np.nan,
                "tau2": np.nan,
                "meaning": ("Envelope: smallest published low to largest published high (fitted "
                            f"{_pct(coverage)} bounds where none is published); no probabilistic "
                            "meaning.")})
    cols = ["method", "quantity", "central", "lower", "upper", "level", "pi_lower", "pi_upper",
            "tau2", "k", "estimate_ids", "meaning"]
    return pd.DataFrame(out, columns=cols)
