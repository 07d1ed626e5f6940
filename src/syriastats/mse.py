"""Multiple systems estimation (capture-recapture) of a population from overlapping lists.

Documented counts are minimums: people who appear on no list are missing from every
count. When several independent-ish lists record the same population, the way the
lists overlap tells how many people were missed by all of them. This module
implements the standard estimators from their published formulas (our own code; no
code from the R packages Rcapture, dga or LCMCR is used).

Notation: ``k`` lists; a *capture pattern* (history) is a string of ``k`` characters
``"0"``/``"1"``, character ``i`` saying whether a person is on list ``i`` (0-based);
``n`` is the number of distinct people observed (on at least one list); ``N`` is the
population (observed + unobserved); ``n0 = N - n`` is the unobserved cell. All counts
are persons. Intervals are 95 % unless ``level`` says otherwise.

Two lists (:func:`lincoln_petersen`, :func:`chapman`)
    Lincoln-Petersen ``N = n1 n2 / m`` with Seber's (1982) variance
    ``n1 n2 (n1-m)(n2-m) / m^3``; Chapman ``N = (n1+1)(n2+1)/(m+1) - 1`` with Seber's
    (1982, p. 60) variance ``(n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2))``. The interval
    is Chao's (1987) log-transformed interval: ``log(N - M)`` is treated as normal,
    where ``M = n1 + n2 - m`` is the number seen, so the interval is
    ``[M + f0/C, M + f0*C]`` with ``f0 = N - M`` and
    ``C = exp(z sqrt(log(1 + Var/f0^2)))``; its lower end is never below ``M``.

Three or more lists (:func:`fit_loglinear`, :func:`compare_models`)
    Log-linear model (Fienberg 1972; Cormack 1989): the ``2^k - 1`` observed pattern
    counts are independent Poisson with ``log E[y_h] = x_h' beta``, where ``x_h`` holds
    an intercept, one 0/1 column per list and one product column per chosen
    interaction. The unobserved pattern has every covariate 0, so its expected count
    is ``exp(beta_0)`` and ``N_hat = n + exp(beta_0)``. The fit is our own IRLS
    (Fisher scoring) in numpy, converged to a relative deviance change below 1e-13.

    * Standard error: ``sqrt(exp(b0) + exp(2 b0) Var(b0))`` - Poisson variance of the
      unobserved cell plus the delta-method term for the intercept (the convention of
      Rcapture's printed ``stderr``).
    * Interval (default ``interval="profile"``): 95 % multinomial profile-likelihood
      interval for ``N`` (Cormack 1992; Rcapture ``closedpCI``). For a candidate ``N``
      the unobserved cell is appended with count ``N - n`` (design row: intercept only)
      and the model refitted to all ``2^k`` cells; the multinomial log-likelihood,
      up to a constant, is ``l(N) = -D(N)/2 + lgamma(N+1) - lgamma(N-n+1) - N log N
      + (N-n) log(N-n)``, where ``D(N)`` is the Poisson deviance of that fit. We use
      the exact log-factorials (Rcapture uses Stirling's approximation when N > 100;
      the two agree to well under the printed precision except when ``N - n`` is a
      handful of people). The interval is ``{N >= n : l(N) >= max l - chi2_1(level)/2}``,
      found by root finding with ``N`` treated as continuous. The maximiser is
      reported as ``n_hat_profile`` (Rcapture's "multinomial estimation").
      ``interval="log"`` gives Chao's log-transformed interval with ``n`` in place of
      ``M``; ``interval="none"`` skips it.
    * Goodness of fit and information criteria: deviance ``D = 2 sum[y log(y/mu) -
      (y - mu)]`` on the observed cells, ``df = (2^k - 1) - p``. AIC and BIC use the
      *full* Poisson log-likelihood of the observed cells including the ``-log y!``
      terms, ``logL = sum[y log mu - mu - lgamma(y+1)]``: ``AIC = -2 logL + 2p``,
      ``BIC = -2 logL + p log(n)`` with ``n`` the number of people observed. This is
      R's ``glm`` AIC and Rcapture's AIC/BIC, so values are comparable with theirs.

Non-estimable models raise :class:`NotEstimableError` (a ``ValueError``) from
:func:`fit_loglinear`: a design matrix without full column rank (for example the
interaction of the only two lists) or a maximum-likelihood estimate that does not
exist because the data lie on the boundary (for example an interaction whose cells
are all zero), detected with the linear-programming check of Fienberg & Rinaldo
(2012). :func:`compare_models` reports such models as rows with NaN estimates,
``estimable=False`` and the reason in ``problem``.
"""
from __future__ import annotations

import itertools
import json
import math
from dataclasses import asdict, dataclass, field
from importlib import resources
from numbers import Integral, Real
from typing import Any, Iterable, Literal, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import optimize, stats
from scipy.special import digamma, gammaln, xlogy

__all__ = [
    "MSEError",
    "PatternError",
    "ModelError",
    "NotEstimableError",
    "MSEResult",
    "lincoln_petersen",
    "chapman",
    "fit_loglinear",
    "compare_models",
    "normalise_patterns",
    "patterns_table",
    "list_totals",
    "kosovo_1999",
    "documentation_gaps",
]

#: Largest number of lists accepted (2^k cells are built explicitly).
MAX_LISTS = 12


class MSEError(ValueError):
    """Base class of this module's errors (a ``ValueError``)."""


class PatternError(MSEError):
    """The capture patterns are malformed (bad key, length, character or count)."""


class ModelError(MSEError):
    """The model asked for is malformed (bad interaction, too few lists)."""


class NotEstimableError(MSEError):
    """The model cannot be estimated from these data (rank deficiency or no MLE)."""


# --------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MSEResult:
    """An estimate of a population size from overlapping lists.

    Attributes:
        n_hat: estimated population N (persons): observed + estimated unobserved.
        se: standard error of ``n_hat`` (persons).
        ci_low, ci_high: interval for N at coverage ``level`` (persons); see
            ``interval_method`` for what it is. ``ci_high`` may be ``inf`` when the
            profile likelihood does not fall below the cut-off (flagged).
        observed: number of distinct people on at least one list (persons).
        deviance: Poisson deviance on the observed cells (NaN for closed forms).
        df: residual degrees of freedom (observed cells minus parameters).
        aic, bic: R/Rcapture convention (full Poisson log-likelihood, BIC with
            log(observed)); NaN for closed-form two-list estimators.
        model: human-readable model description.
        interval_method: how ``ci_low``/``ci_high`` were computed.
        level: coverage of the interval.
        n_lists: number of lists k.
        interactions: interaction terms, as tuples of 0-based list indices.
        n_hat_profile: maximiser of the multinomial profile likelihood (NaN if not
            computed).
        flags: warnings about this estimate (empty when none).
    """

    n_hat: float
    se: float
    ci_low: float
    ci_high: float
    observed: int
    deviance: float
    df: int
    aic: float
    bic: float
    model: str
    interval_method: str
    level: float = 0.95
    n_lists: int = 2
    interactions: tuple[tuple[int, ...], ...] = ()
    n_hat_profile: float = math.nan
    flags: tuple[str, ...] = field(default=())

    @property
    def n_unobserved(self) -> float:
        """Estimated number of people on no list (persons): ``n_hat - observed``."""
        return self.n_hat - self.observed

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python dictionary (JSON-friendly: tuples become lists)."""
        d = asdict(self)
        d["interactions"] = [list(t) for t in self.interactions]
        d["flags"] = list(self.flags)
        d["n_unobserved"] = self.n_unobserved
        return d


# --------------------------------------------------------------------------------------
# Input validation
# --------------------------------------------------------------------------------------


def _as_count(value: Any, what: str) -> int:
    """A non-negative integer count, or PatternError naming ``what``."""
    if isinstance(value, (bool, np.bool_)):
        raise PatternError(f"count for {what} must be a non-negative integer, got {value!r}")
    if isinstance(value, Integral):
        iv = int(value)
    elif isinstance(value, Real):
        fv = float(value)
        if not math.isfinite(fv) or fv != math.floor(fv):
            raise PatternError(f"count for {what} must be a non-negative integer, got {value!r}")
        iv = int(fv)
    else:
        raise PatternError(f"count for {what} must be a non-negative integer, got {value!r}")
    if iv < 0:
        raise PatternError(f"count for {what} must be a non-negative integer, got {value!r}")
    return iv


def _count_column(df: pd.DataFrame) -> str:
    for c in ("count", "Freq", "freq", "n"):
        if c in df.columns:
            return c
    raise PatternError(
        "pattern DataFrame needs a count column named 'count' (or 'Freq', 'freq', 'n'); "
        f"got columns {list(df.columns)!r}"
    )


def _patterns_from_frame(df: pd.DataFrame) -> dict[str, Any]:
    ccol = _count_column(df)
    out: dict[str, Any] = {}
    if "pattern" in df.columns:
        keys = [k if isinstance(k, str) else repr(k) for k in df["pattern"].tolist()]
    else:
        list_cols = [c for c in df.columns if c != ccol]
        if not list_cols:
            raise PatternError("pattern DataFrame has no list columns")
        keys = []
        for _, row in df[list_cols].iterrows():
            chars = []
            for c in list_cols:
                v = row[c]
                if isinstance(v, (bool, np.bool_)):
                    v = int(v)
                if not isinstance(v, (Integral, Real)) or v not in (0, 1):
                    raise PatternError(f"list column {c!r} must hold 0/1, got {v!r}")
                chars.append(str(int(v)))
            keys.append("".join(chars))
    for key, cnt in zip(keys, df[ccol].tolist()):
        if key in out:
            raise PatternError(f"pattern {key!r} appears more than once")
        out[key] = cnt
    return out


def normalise_patterns(
    patterns: Mapping[str, Any] | pd.DataFrame,
) -> dict[str, int]:
    """Validate capture patterns and return all ``2^k - 1`` observable patterns.

    Args:
        patterns: mapping from capture-history strings (``"101"``: on lists 0 and 2,
            not on list 1) to counts of persons; patterns left out count as 0. Or a
            DataFrame with a ``pattern`` column (strings) and a count column
            (``count``, ``Freq``, ``freq`` or ``n``), or with one 0/1 column per list
            (in list order) and a count column.

    Returns:
        dict ordered by pattern string descending (``"11..1"`` first) with every
        non-zero pattern of length k and its integer count.

    Raises:
        PatternError: empty input, non-string key, keys of different lengths, a
            character other than 0/1, the all-zero pattern (it cannot be observed),
            a negative, non-integer or missing count, fewer than 2 or more than
            ``MAX_LISTS`` lists, or nobody observed.
    """
    if isinstance(patterns, pd.DataFrame):
        patterns = _patterns_from_frame(patterns)
    if not isinstance(patterns, Mapping):
        raise PatternError(
            f"patterns must be a mapping or DataFrame, got {type(patterns).__name__}"
        )
    if len(patterns) == 0:
        raise PatternError("no capture patterns given")
    k: int | None = None
    first_key = None
    counts: dict[str, int] = {}
    for key, value in patterns.items():
        if not isinstance(key, str):
            raise PatternError(f"pattern key {key!r} must be a string of 0/1 characters")
        if key == "" or set(key) - {"0", "1"}:
            raise PatternError(f"pattern {key!r} must contain only the characters 0 and 1")
        if k is None:
            k, first_key = len(key), key
        elif len(key) != k:
            raise PatternError(
                f"pattern {key!r} has length {len(key)} but pattern {first_key!r} has "
                f"length {k}: all patterns need one character per list"
            )
        if "1" not in key:
            raise PatternError(
                f"pattern {key!r} (on no list) cannot be observed; leave it out"
            )
        counts[key] = _as_count(value, f"pattern {key!r}")
    assert k is not None
    if k < 2:
        raise PatternError(f"need at least 2 lists, got patterns of length {k}")
    if k > MAX_LISTS:
        raise PatternError(f"at most {MAX_LISTS} lists are supported, got {k}")
    full = {p: counts.get(p, 0) for p in _all_patterns(k)}
    if sum(full.values()) == 0:
        raise PatternError("every count is zero: nobody was observed")
    return full


def _all_patterns(k: int) -> list[str]:
    """All non-zero patterns of length k, descending ("11..1" first)."""
    return [format(i, f"0{k}b") for i in range(2**k - 1, 0, -1)]


def _normalise_interactions(
    interactions: Iterable[Sequence[int]], k: int
) -> tuple[tuple[int, ...], ...]:
    out: list[tuple[int, ...]] = []
    seen: set[tuple[int, ...]] = set()
    if isinstance(interactions, (str, bytes)):
        raise ModelError(f"interactions must be pairs of list indices, got {interactions!r}")
    for term in interactions:
        if isinstance(term, (str, bytes)) or not isinstance(term, Iterable):
            raise ModelError(f"interaction {term!r} must be a pair of 0-based list indices")
        idx = tuple(term)
        if len(idx) < 2:
            raise ModelError(f"interaction {term!r} needs at least two list indices")
        for i in idx:
            if isinstance(i, (bool, np.bool_)) or not isinstance(i, Integral):
                raise ModelError(f"interaction {term!r}: index {i!r} is not an integer")
            if not 0 <= int(i) < k:
                raise ModelError(
                    f"interaction {term!r}: index {i!r} out of range for {k} lists (0..{k - 1})"
                )
        norm = tuple(sorted(int(i) for i in idx))
        if len(set(norm)) != len(norm):
            raise ModelError(f"interaction {term!r} repeats a list index")
        if norm in seen:
            raise ModelError(f"interaction {term!r} is given more than once")
        seen.add(norm)
        out.append(norm)
    return tuple(sorted(out, key=lambda t: (len(t), t)))


def _describe(interactions: tuple[tuple[int, ...], ...], names: Sequence[str] | None) -> str:
    if not interactions:
        return "independence"
    def nm(i: int) -> str:
        return names[i] if names is not None else str(i)
    return "main effects + " + " + ".join("x".join(nm(i) for i in t) for t in interactions)


# --------------------------------------------------------------------------------------
# Two lists
# --------------------------------------------------------------------------------------


def _two_list_inputs(n1: Any, n2: Any, m: Any) -> tuple[int, int, int]:
    a = _as_count(n1, "n1")
    b = _as_count(n2, "n2")
    c = _as_count(m, "m")
    if c > min(a, b):
        raise PatternError(f"m={c} (on both lists) exceeds a list size (n1={a}, n2={b})")
    if a + b - c == 0:
        raise PatternError("n1 = n2 = 0: nobody was observed")
    return a, b, c


def _chao_log_interval(n_hat: float, var: float, seen: float, level: float) -> tuple[float, float]:
    """Chao (1987) log-transformed interval, lower end >= ``seen``."""
    f0 = n_hat - seen
    if not (math.isfinite(n_hat) and math.isfinite(var)):
        return (math.nan, math.nan)
    if f0 <= 0 or var <= 0:
        # Estimated unseen part is zero (or no variance): degenerate interval.
        return (max(seen, n_hat), max(seen, n_hat))
    z = stats.norm.ppf(0.5 + level / 2)
    c = math.exp(z * math.sqrt(math.log1p(var / f0**2)))
    return (seen + f0 / c, seen + f0 * c)


def _check_level(level: float) -> float:
    if not isinstance(level, Real) or not 0 < float(level) < 1:
        raise ModelError(f"level must be between 0 and 1, got {level!r}")
    return float(level)


def lincoln_petersen(n1: int, n2: int, m: int, *, level: float = 0.95) -> MSEResult:
    """Lincoln-Petersen estimate of N from two lists.

    Args:
        n1, n2: persons on list 1 and on list 2.
        m: persons on both lists (must be > 0).
        level: interval coverage.

    Returns:
        MSEResult with ``n_hat = n1 n2 / m``, Seber's (1982) standard error
        ``sqrt(n1 n2 (n1-m)(n2-m) / m^3)`` and Chao's (1987) log-transformed interval
        (never below the number seen, n1 + n2 - m). Assumes independent lists and equal
        catchability; with two lists neither can be tested.
    """
    level = _check_level(level)
    a, b, c = _two_list_inputs(n1, n2, m)
    if c == 0:
        raise NotEstimableError(
            "m=0: no one is on both lists, the Lincoln-Petersen estimate is infinite; "
            "use chapman()"
        )
    n_hat = a * b / c
    var = a * b * (a - c) * (b - c) / c**3
    seen = a + b - c
    lo, hi = _chao_log_interval(n_hat, var, seen, level)
    return MSEResult(
        n_hat=n_hat, se=math.sqrt(var), ci_low=lo, ci_high=hi, observed=seen,
        deviance=math.nan, df=0, aic=math.nan, bic=math.nan,
        model="Lincoln-Petersen (two lists, independence)",
        interval_method=f"Chao (1987) log-transformed {level:.0%} interval",
        level=level, n_lists=2,
    )


def chapman(n1: int, n2: int, m: int, *, level: float = 0.95) -> MSEResult:
    """Chapman's (nearly unbiased) estimate of N from two lists.

    Args:
        n1, n2: persons on list 1 and on list 2.
        m: persons on both lists (may be 0).
        level: interval coverage.

    Returns:
        MSEResult with ``n_hat = (n1+1)(n2+1)/(m+1) - 1``, Seber's (1982, p. 60)
        standard error ``sqrt((n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2)))`` and Chao's
        (1987) log-transformed interval (never below n1 + n2 - m). Flags ``m < 7``,
        below which the estimator is known to be unstable (Seber 1982).
    """
    level = _check_level(level)
    a, b, c = _two_list_inputs(n1, n2, m)
    n_hat = (a + 1) * (b + 1) / (c + 1) - 1
    var = (a + 1) * (b + 1) * (a - c) * (b - c) / ((c + 1) ** 2 * (c + 2))
    seen = a + b - c
    lo, hi = _chao_log_interval(n_hat, var, seen, level)
    flags: tuple[str, ...] = ()
    if c < 7:
        flags = (f"only {c} people on both lists: the estimate is unstable",)
    return MSEResult(
        n_hat=n_hat, se=math.sqrt(var), ci_low=lo, ci_high=hi, observed=seen,
        deviance=math.nan, df=0, aic=math.nan, bic=math.nan,
        model="Chapman (two lists, independence)",
        interval_method=f"Chao (1987) log-transformed {level:.0%} interval",
        level=level, n_lists=2, flags=flags,
    )


# --------------------------------------------------------------------------------------
# Log-linear models
# --------------------------------------------------------------------------------------


def _design(patterns: Sequence[str], interactions: tuple[tuple[int, ...], ...]) -> np.ndarray:
    z = np.array([[int(ch) for ch in p] for p in patterns], dtype=float)
    cols = [np.ones(len(patterns)), *z.T]
    for t in interactions:
        cols.append(np.prod(z[:, list(t)], axis=1))
    return np.column_stack(cols)


#: Smallest positive weight, relative to the largest count, that puts the counts in the
#: interior of the cone (well above HiGHS's 1e-7 feasibility tolerance times 1e-2).
_INTERIOR_TOL: float = 1e-9


def _mle_exists(x: np.ndarray, y: np.ndarray) -> bool:
    """Whether the Poisson log-linear MLE exists (finite) for counts y.

    It exists iff the sufficient statistics X'y lie in the relative interior of the
    cone spanned by the rows of X (Haberman 1974), i.e. iff some strictly positive
    vector w has X'w = X'y (Fienberg & Rinaldo 2012). Checked by the linear programme
    max t s.t. X'w = X'y, w >= t, 0 <= t <= 1.
    """
    if np.all(y > 0):
        return True
    if not np.any(y > 0):
        return False
    # Existence does not depend on scale (the cone is closed under positive scaling), so
    # the programme is solved for y / max(y): the answer is the same for counts x 1e7.
    y = y / float(np.max(y))
    m, _ = x.shape
    c = np.zeros(m + 1)
    c[-1] = -1.0
    a_eq = np.hstack([x.T, np.zeros((x.shape[1], 1))])
    b_eq = x.T @ y
    a_ub = np.hstack([-np.eye(m), np.ones((m, 1))])  # t - w_h <= 0
    b_ub = np.zeros(m)
    bounds = [(0, None)] * m + [(0, 1)]
    res = optimize.linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                           bounds=bounds, method="highs")
    if res.status != 0:  # pragma: no cover - infeasible cannot happen (w = y works)
        return False
    return float(-res.fun) > _INTERIOR_TOL


@dataclass
class _Fit:
    beta: np.ndarray
    mu: np.ndarray
    cov: np.ndarray
    deviance: float
    converged: bool


def _poisson_deviance(y: np.ndarray, mu: np.ndarray) -> float:
    return float(2.0 * np.sum(xlogy(y, y) - xlogy(y, mu) - (y - mu)))


def _irls(x: np.ndarray, y: np.ndarray, *, tol: float = 1e-13, max_iter: int = 200,
          beta0: np.ndarray | None = None) -> _Fit:
    """Poisson log-link GLM by iteratively reweighted least squares (Fisher scoring)."""
    if beta0 is None:
        mu = y + 0.5 if np.any(y > 0) else np.full_like(y, 0.5)
        mu = np.maximum(mu, 0.1)
        eta = np.log(mu)
    else:
        eta = np.minimum(x @ beta0, 700.0)
        mu = np.exp(eta)
    dev_old = math.inf
    beta = np.zeros(x.shape[1]) if beta0 is None else beta0.copy()
    converged = False
    for _ in range(max_iter):
        w = mu
        zwork = eta + (y - mu) / mu
        sw = np.sqrt(w)
        beta_new, *_ = np.linalg.lstsq(x * sw[:, None], zwork * sw, rcond=None)
        eta_new = x @ beta_new
        mu_new = np.exp(np.minimum(eta_new, 700.0))
        dev = _poisson_deviance(y, mu_new)
        # step halving if the deviance went up (rare for Poisson with good start)
        halvings = 0
        while math.isfinite(dev_old) and dev > dev_old * (1 + 1e-12) + 1e-12 and halvings < 30:
            beta_new = (beta_new + beta) / 2
            eta_new = x @ beta_new
            mu_new = np.exp(np.minimum(eta_new, 700.0))
            dev = _poisson_deviance(y, mu_new)
            halvings += 1
        beta, eta, mu = beta_new, eta_new, mu_new
        if math.isfinite(dev_old) and abs(dev - dev_old) <= tol * (abs(dev) + 0.1):
            converged = True
            break
        dev_old = dev
    info = x.T @ (x * mu[:, None])
    cov = np.linalg.inv(info)
    return _Fit(beta=beta, mu=mu, cov=cov, deviance=_poisson_deviance(y, mu),
                converged=converged)


def _profile_constant(n_total: float, n0: float) -> float:
    """log N! - log n0! - N log N + n0 log n0: the multinomial-vs-Poisson term."""
    return float(gammaln(n_total + 1) - gammaln(n0 + 1) - n_total * math.log(n_total)
                 + xlogy(n0, n0))


class _Profile:
    """Multinomial profile log-likelihood of N for a log-linear model."""

    def __init__(self, x_obs: np.ndarray, y_obs: np.ndarray, beta_start: np.ndarray):
        self.n = float(y_obs.sum())
        zero_row = np.zeros((1, x_obs.shape[1]))
        zero_row[0, 0] = 1.0
        self.x = np.vstack([x_obs, zero_row])
        self.y_obs = y_obs
        self.beta_start = beta_start

    def loglik_u(self, u: float) -> float:
        """Profile log-likelihood at N = n + exp(u)."""
        n0 = math.exp(u)
        y = np.append(self.y_obs, n0)
        fit = _irls(self.x, y)
        return -fit.deviance / 2 + _profile_constant(self.n + n0, n0)

    def score_u(self, u: float) -> float:
        """Derivative of the profile log-likelihood in n0 = N - n, at n0 = exp(u).

        By the envelope theorem only the explicit dependence on the unobserved cell
        n0 counts: d/dn0 [-D/2] = log(mu0 / n0), and d/dn0 of the multinomial term is
        digamma(N + 1) - digamma(n0 + 1) - log N + log n0, so the score is
        ``log mu0 + digamma(N + 1) - digamma(n0 + 1) - log N`` (mu0: the fitted
        unobserved cell). Its root is the profile maximum; unlike the argmax of a
        flat likelihood, the root of its slope is well conditioned (a sign change
        located to machine precision), so the maximiser does not depend on where an
        optimiser happens to stop.
        """
        n0 = math.exp(u)
        y = np.append(self.y_obs, n0)
        fit = _irls(self.x, y)
        n_total = self.n + n0
        return float(math.log(fit.mu[-1]) + digamma(n_total + 1) - digamma(n0 + 1)
                     - math.log(n_total))


def _profile_maximum(prof: _Profile, u_hat: float, u_min: float) -> tuple[float, float]:
    """(u*, log-likelihood at u*) of the profile maximum, u = log(N - n).

    Located as the root of the profile score (``_Profile.score_u``), bracketed
    around the Poisson estimate ``u_hat`` and widened when needed. When the score
    does not change sign (maximum on the boundary N = n, or still rising at the
    widest bracket) the bounded scalar maximiser is used on that bracket instead.
    The maximisation is not capped by ``max_ratio``: only the search for the upper
    end of the interval is.
    """
    lo_b, hi_b = max(u_min, u_hat - 4), max(u_hat + 4, u_min + 1)
    s_lo = prof.score_u(lo_b)
    while s_lo < 0 and lo_b > u_min:
        lo_b = max(u_min, lo_b - 8)
        s_lo = prof.score_u(lo_b)
    s_hi = prof.score_u(hi_b)
    for _ in range(6):
        if s_hi <= 0:
            break
        hi_b += 8
        s_hi = prof.score_u(hi_b)
    if s_lo > 0 > s_hi:
        u_star = optimize.brentq(prof.score_u, lo_b, hi_b, xtol=1e-12, rtol=1e-13)
    else:  # boundary maximum: no interior root of the score
        opt = optimize.minimize_scalar(lambda u: -prof.loglik_u(u), bounds=(lo_b, hi_b),
                                       method="bounded", options={"xatol": 1e-10})
        u_star = float(opt.x)
    return float(u_star), prof.loglik_u(float(u_star))


def _profile_interval(x: np.ndarray, y: np.ndarray, beta: np.ndarray, level: float,
                      max_ratio: float) -> tuple[float, float, float, list[str]]:
    """(N_profile_max, lower, upper, flags) of the multinomial profile likelihood."""
    flags: list[str] = []
    prof = _Profile(x, y, beta)
    n = prof.n
    u_hat = float(beta[0])  # log of the Poisson estimate of the unobserved cell
    cut = stats.chi2.ppf(level, 1) / 2
    u_min = math.log(1e-6)  # N - n = 1e-6 persons: the boundary N = n in practice
    u_max = math.log(max_ratio * max(n, 1.0))

    u_star, l_star = _profile_maximum(prof, u_hat, u_min)

    def g(u: float) -> float:
        return prof.loglik_u(u) - (l_star - cut)

    # lower end
    if g(u_min) >= 0:
        lower = n
    else:
        lower = n + math.exp(optimize.brentq(g, u_min, u_star, xtol=1e-12, rtol=1e-13))
    # upper end: step out until below the cut-off
    u_hi = u_star
    upper = math.inf
    step = 0.5
    while u_hi < u_max:
        nxt = min(u_max, u_hi + step)
        if g(nxt) < 0:
            upper = n + math.exp(optimize.brentq(g, u_hi, nxt, xtol=1e-12, rtol=1e-13))
            break
        u_hi = nxt
        step *= 2
    if not math.isfinite(upper):
        flags.append(
            f"profile likelihood does not fall {cut:.2f} below its maximum before "
            f"N = {max_ratio:g} x observed: upper end of the interval is unbounded"
        )
    return n + math.exp(u_star), lower, upper, flags


def fit_loglinear(
    patterns: Mapping[str, Any] | pd.DataFrame,
    interactions: Iterable[Sequence[int]] = (),
    *,
    interval: Literal["profile", "log", "none"] = "profile",
    level: float = 0.95,
    list_names: Sequence[str] | None = None,
    max_ratio: float = 1000.0,
) -> MSEResult:
    """Fit a Poisson log-linear capture-recapture model and estimate N.

    Args:
        patterns: capture patterns (see :func:`normalise_patterns`).
        interactions: interaction terms as tuples of 0-based list indices, e.g.
            ``[(0, 1), (2, 3)]``; pairs are the usual choice (main effects are always
            included). Order within a term does not matter.
        interval: ``"profile"`` (multinomial profile likelihood, Rcapture's
            ``closedpCI`` definition), ``"log"`` (Chao's log-transformed interval from
            ``se``) or ``"none"``.
        level: interval coverage.
        list_names: names of the lists for the model description.
        max_ratio: the profile search for the upper end stops at
            ``max_ratio x observed``; beyond it ``ci_high`` is ``inf`` (flagged).

    Returns:
        MSEResult with N_hat = observed + exp(intercept) (persons), its standard error,
        the interval, deviance, df, AIC and BIC (conventions in the module docstring).

    Raises:
        PatternError: malformed patterns.
        ModelError: malformed interactions or level.
        NotEstimableError: the design has no full column rank (more parameters than
            the data can identify), or the MLE does not exist (e.g. an interaction all
            of whose cells are zero).
    """
    level = _check_level(level)
    if interval not in ("profile", "log", "none"):
        raise ModelError(f"interval must be 'profile', 'log' or 'none', got {interval!r}")
    pats = normalise_patterns(patterns)
    keys = list(pats)
    k = len(keys[0])
    if list_names is not None and len(list_names) != k:
        raise ModelError(f"list_names has {len(list_names)} names for {k} lists")
    inter = _normalise_interactions(interactions, k)
    x = _design(keys, inter)
    y = np.array([pats[p] for p in keys], dtype=float)
    n = int(y.sum())
    p = x.shape[1]
    desc = _describe(inter, list_names)
    if p > x.shape[0] or np.linalg.matrix_rank(x) < p:
        raise NotEstimableError(
            f"model '{desc}' has {p} parameters but the {x.shape[0]} observable patterns "
            f"of {k} lists identify at most {np.linalg.matrix_rank(x)}: too few lists for "
            "this model (its estimate of the unobserved cell is not identified)"
        )
    if not _mle_exists(x, y):
        zero_terms = [t for t in inter
                      if all(pats[q] == 0 for q in keys if all(q[i] == "1" for i in t))]
        why = (f"; every pattern in interaction(s) {zero_terms} has count 0"
               if zero_terms else "")
        raise NotEstimableError(
            f"model '{desc}': the maximum-likelihood estimate does not exist for these "
            f"counts (zero cells put the data on the boundary){why}"
        )
    fit = _irls(x, y)
    flags: list[str] = []
    if not fit.converged:
        flags.append("IRLS did not reach the convergence tolerance")
    b0 = float(fit.beta[0])
    var_b0 = float(fit.cov[0, 0])
    n0 = math.exp(b0)
    n_hat = n + n0
    se = math.sqrt(n0 + n0**2 * var_b0)
    df = x.shape[0] - p
    loglik = float(np.sum(xlogy(y, fit.mu) - fit.mu - gammaln(y + 1)))
    aic = -2 * loglik + 2 * p
    bic = -2 * loglik + p * math.log(n)
    if df == 0:
        flags.append("df = 0: the model reproduces the observed counts exactly; its fit "
                     "cannot be tested and N rests on the assumed absence of higher-order "
                     "interactions")
    if n0 > 10 * n:
        flags.append(f"estimated unobserved cell is {n0 / n:.0f} times the observed count: "
                     "likely weakly identified")
    n_prof = math.nan
    if interval == "profile":
        n_prof, lo, hi, pflags = _profile_interval(x, y, fit.beta, level, max_ratio)
        flags.extend(pflags)
        method = f"multinomial profile likelihood {level:.0%} interval (Cormack 1992)"
    elif interval == "log":
        lo, hi = _chao_log_interval(n_hat, se**2, n, level)
        method = f"Chao (1987) log-transformed {level:.0%} interval"
    else:
        lo = hi = math.nan
        method = "none"
    return MSEResult(
        n_hat=n_hat, se=se, ci_low=lo, ci_high=hi, observed=n, deviance=fit.deviance,
        df=df, aic=aic, bic=bic, model=f"log-linear: {desc}", interval_method=method,
        level=level, n_lists=k, interactions=inter, n_hat_profile=n_prof,
        flags=tuple(flags),
    )


def compare_models(
    patterns: Mapping[str, Any] | pd.DataFrame,
    criterion: Literal["aic", "bic"] = "aic",
    *,
    max_interactions: int | None = None,
    interval: Literal["profile", "log", "none"] = "profile",
    level: float = 0.95,
    list_names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Fit every model with main effects plus a subset of two-way interactions.

    Args:
        patterns: capture patterns (see :func:`normalise_patterns`).
        criterion: ``"aic"`` or ``"bic"``; rows are sorted by it (ties: fewer
            parameters first, then the model text).
        max_interactions: fit only subsets with at most this many pairwise terms.
            Required when there are more than 4 lists (2^10 subsets for 5 lists).
        interval, level, list_names: passed to :func:`fit_loglinear`.

    Returns:
        DataFrame, one row per model: ``model``, ``interactions`` (tuple of pairs),
        ``n_params``, ``n_hat``, ``se``, ``ci_low``, ``ci_high``, ``n_hat_profile``,
        ``deviance``, ``df``, ``aic``, ``bic``, ``delta`` (criterion minus the best),
        ``weight`` (Akaike/Schwarz weight ``exp(-delta/2)`` normalised over the
        estimable models), ``estimable``, ``problem`` (why not estimable) and
        ``flags``. Non-estimable models are kept with NaN numbers, ranked last. The
        spread of ``n_hat`` across the top rows shows how much the answer depends on
        the model choice.
    """
    if criterion not in ("aic", "bic"):
        raise ModelError(f"criterion must be 'aic' or 'bic', got {criterion!r}")
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    if max_interactions is not None:
        if isinstance(max_interactions, bool) or not isinstance(max_interactions, Integral) \
                or max_interactions < 0:
            raise ModelError(f"max_interactions must be a non-negative integer, "
                             f"got {max_interactions!r}")
    elif k > 4:
        raise ModelError(
            f"{k} lists give 2^{k * (k - 1) // 2} interaction subsets; pass "
            "max_interactions to limit the search"
        )
    pairs = list(itertools.combinations(range(k), 2))
    top = len(pairs) if max_interactions is None else min(len(pairs), int(max_interactions))
    rows = []
    for r in range(top + 1):
        for subset in itertools.combinations(pairs, r):
            inter = tuple(subset)
            desc = _describe(inter, list_names)
            base = {"model": desc, "interactions": inter, "n_params": 1 + k + len(inter)}
            try:
                res = fit_loglinear(pats, inter, interval=interval, level=level,
                                    list_names=list_names)
            except NotEstimableError as exc:
                rows.append({**base, "n_hat": math.nan, "se": math.nan, "ci_low": math.nan,
                             "ci_high": math.nan, "n_hat_profile": math.nan,
                             "deviance": math.nan, "df": 2**k - 1 - base["n_params"],
                             "aic": math.nan, "bic": math.nan, "estimable": False,
                             "problem": str(exc), "flags": ""})
                continue
            rows.append({**base, "n_hat": res.n_hat, "se": res.se, "ci_low": res.ci_low,
                         "ci_high": res.ci_high, "n_hat_profile": res.n_hat_profile,
                         "deviance": res.deviance, "df": res.df, "aic": res.aic,
                         "bic": res.bic, "estimable": True, "problem": "",
                         "flags": "; ".join(res.flags)})
    df = pd.DataFrame(rows)
    best = df[criterion].min()
    df["delta"] = df[criterion] - best
    w = np.exp(-df["delta"].to_numpy(dtype=float) / 2)
    w = np.where(np.isfinite(w), w, 0.0)
    df["weight"] = w / w.sum() if w.sum() > 0 else np.nan
    df["_na"] = df[criterion].isna()
    df = df.sort_values(["_na", criterion, "n_params", "model"], kind="mergesort")
    df = df.drop(columns="_na").reset_index(drop=True)
    cols = ["model", "interactions", "n_params", "n_hat", "se", "ci_low", "ci_high",
            "n_hat_profile", "deviance", "df", "aic", "bic", "delta", "weight",
            "estimable", "problem", "flags"]
    df = df[cols]
    df.attrs["criterion"] = criterion
    df.attrs["observed"] = int(sum(pats.values()))
    return df


# --------------------------------------------------------------------------------------
# Helpers for presentation and the worked example
# --------------------------------------------------------------------------------------


def patterns_table(
    patterns: Mapping[str, Any] | pd.DataFrame, list_names: Sequence[str] | None = None
) -> pd.DataFrame:
    """Capture patterns as a DataFrame: ``pattern``, one 0/1 column per list, ``count``,
    ``n_lists`` (how many lists the pattern is on). All ``2^k - 1`` patterns."""
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    names = list(list_names) if list_names is not None else [f"list{i}" for i in range(k)]
    if len(names) != k:
        raise ModelError(f"list_names has {len(names)} names for {k} lists")
    rows = [{"pattern": p, **{names[i]: int(p[i]) for i in range(k)}, "count": c,
             "n_lists": p.count("1")} for p, c in pats.items()]
    return pd.DataFrame(rows)


def list_totals(
    patterns: Mapping[str, Any] | pd.DataFrame, list_names: Sequence[str] | None = None
) -> pd.DataFrame:
    """Persons per list, persons on exactly one list, and the union (documented total).

    Returns a DataFrame with columns ``list`` and ``persons``; the last row
    (``list == "any list (documented total)"``) is the number of distinct people."""
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    names = list(list_names) if list_names is not None else [f"list{i}" for i in range(k)]
    rows = [{"list": names[i], "persons": sum(c for p, c in pats.items() if p[i] == "1")}
            for i in range(k)]
    rows.append({"list": "any list (documented total)", "persons": sum(pats.values())})
    return pd.DataFrame(rows)


def kosovo_1999() -> dict[str, Any]:
    """Kosovo 1999 killings: four-list capture patterns and a near-census benchmark.

    Returns:
        dict with ``patterns`` (capture history -> persons; lists in the order of
        ``lists``), ``lists`` (EXH, ABA, OSCE, HRW), ``list_descriptions``,
        ``observed_total``, ``benchmark_total`` (Kosovo Memory Book, persons),
        ``citation``, ``benchmark_citation`` and ``notes``. Read from the package file
        ``syriastats/data/kosovo1999.json``.
    """
    text = resources.files("syriastats").joinpath("data/kosovo1999.json").read_text("utf-8")
    data = json.loads(text)
    data["patterns"] = normalise_patterns(data["patterns"])
    if sum(data["patterns"].values()) != data["observed_total"]:  # pragma: no cover
        raise PatternError("kosovo1999.json: patterns do not add up to observed_total")
    return data


#: Publishers whose documented counts and estimates are compared in the notebook.
GAP_PUBLISHERS = r"OHCHR|High Commissioner for Human Rights|HRDAG|Human Rights Data Analysis|Amnesty"
#: Measures compared.
GAP_MEASURES = ("deaths_civilian", "deaths_in_detention")


def documentation_gaps(
    estimates: pd.DataFrame | None,
    *,
    measures: Sequence[str] = GAP_MEASURES,
    publishers: str = GAP_PUBLISHERS,
    include_kosovo: bool = True,
) -> pd.DataFrame:
    """Documented counts next to statistical estimates of the same total.

    Selection from the registry (``syriastats.with_sources(load_estimates(),
    load_sources())``): rows whose ``measure`` is in *measures*, whose ``method`` is
    ``documented_count`` or ``statistical_estimate``, whose ``publisher`` matches the
    regular expression *publishers* (case-insensitive) and that have a ``central``
    value. Within a measure, rows are grouped by their stated period
    (``period_start_text``, ``period_end_text``); a group needs at least one of each
    method (the two may come from different documents, e.g. an HRDAG memo and the
    Amnesty report it fed). If several groups qualify, the one whose estimate was
    published last is kept.

    Which number is the total: following the data dictionary, a
    ``statistical_estimate`` estimates the total (documented + undocumented). A
    source may also state the undocumented component as its own
    ``statistical_estimate`` row; a component is always smaller than the total, so
    the *largest* estimate in the group is taken as the total, and any other
    estimate row is checked against ``total - documented`` (result in ``check``).
    The documented count is the largest ``documented_count`` in the group. An
    estimated total below the documented count raises ``ValueError``.

    With ``include_kosovo`` a first row gives the Kosovo 1999 case, where a later
    near-census (not an estimate) shows the true size of the gap.

    Returns:
        DataFrame with ``case``, ``measure``, ``period``, ``publisher`` (of the
        estimate), ``source_id`` (of the estimate), ``documented_source_id``,
        ``documented_id``, ``estimate_id``, ``documented_deaths``, ``total_deaths``
        (estimated or enumerated total), ``total_kind``, ``total_low_deaths`` /
        ``total_high_deaths`` (the source's stated range, NaN if none), ``check``,
        ``undocumented_deaths`` (total - documented) and ``documented_share``
        (fraction). Units: persons killed.
    """
    rows: list[dict[str, Any]] = []
    if include_kosovo:
        k = kosovo_1999()
        rows.append({
            "case": "Kosovo 1999 (killings, four lists)", "measure": "deaths_total",
            "period": "1999-03-20 to 1999-06-22",
            "publisher": "Ball et al. (2002) lists; Kosovo Memory Book (via HRDAG)",
            "source_id": "", "documented_source_id": "", "documented_id": "",
            "estimate_id": "",
            "documented_deaths": float(k["observed_total"]),
            "total_deaths": float(k["benchmark_total"]),
            "total_kind": "near-census count (later enumeration)",
            "total_low_deaths": math.nan, "total_high_deaths": math.nan,
            "check": "package data kosovo1999.json",
        })
    if estimates is not None and len(estimates):
        need = {"measure", "method", "publisher", "source_id", "estimate_id", "central"}
        missing = need - set(estimates.columns)
        if missing:
            raise ValueError(f"documentation_gaps: estimates lacks columns {sorted(missing)}; "
                             "pass syriastats.with_sources(load_estimates(), load_sources())")
        est = estimates[
            estimates["measure"].astype(str).isin(list(measures))
            & estimates["method"].astype(str).isin(["documented_count", "statistical_estimate"])
            & estimates["publisher"].astype(str).str.contains(publishers, case=False, regex=True)
            & estimates["central"].notna()
        ].copy()
        for c in ("period_start_text", "period_end_text"):
            est[c] = est[c].astype(str) if c in est.columns else ""
        has_pub = "published" in est.columns
        for measure in measures:
            sub = est[est["measure"].astype(str) == measure]
            candidates = []
            for (p0, p1), grp in sub.groupby(["period_start_text", "period_end_text"], sort=True):
                docs = grp[grp["method"].astype(str) == "documented_count"]
                tots = grp[grp["method"].astype(str) == "statistical_estimate"]
                if len(docs) == 0 or len(tots) == 0:
                    continue
                d = docs.loc[docs["central"].astype(float).idxmax()]
                t = tots.loc[tots["central"].astype(float).idxmax()]
                key = (str(t["published"]) if has_pub else "", str(t["estimate_id"]))
                candidates.append((key, p0, p1, d, t, tots))
            if not candidates:
                continue
            candidates.sort(key=lambda c: c[0])
            _, p0, p1, d, t, tots = candidates[-1]
            doc_n, tot_n = float(d["central"]), float(t["central"])
            if tot_n < doc_n:
                raise ValueError(
                    f"documentation_gaps: estimate {t['estimate_id']} ({tot_n:,.0f}) is below "
                    f"the documented count {d['estimate_id']} ({doc_n:,.0f}); a "
                    "statistical_estimate must be the total including documented deaths")
            checks = []
            for _, other in tots.iterrows():
                if other["estimate_id"] == t["estimate_id"]:
                    continue
                comp = float(other["central"])
                ok = abs(doc_n + comp - tot_n) <= 0.5
                checks.append(
                    f"{other['estimate_id']} ({comp:,.0f}) "
                    + ("= total - documented: consistent" if ok
                       else f"!= total - documented ({tot_n - doc_n:,.0f}): CHECK"))
            words = {"deaths_civilian": "civilian deaths",
                     "deaths_in_detention": "deaths in detention"}.get(
                         measure, measure.replace("_", " "))
            years = "-".join(dict.fromkeys(str(x)[:4] for x in (p0, p1) if str(x)))
            low = t["low"] if "low" in t.index else None
            high = t["high"] if "high" in t.index else None
            rows.append({
                "case": f"Syria: {words}" + (f", {years}" if years else ""),
                "measure": measure, "period": f"{p0} to {p1}",
                "publisher": str(t["publisher"]), "source_id": str(t["source_id"]),
                "documented_source_id": str(d["source_id"]),
                "documented_id": str(d["estimate_id"]), "estimate_id": str(t["estimate_id"]),
                "documented_deaths": doc_n, "total_deaths": tot_n,
                "total_kind": "statistical estimate",
                "total_low_deaths": math.nan if low is None or pd.isna(low) else float(low),
                "total_high_deaths": math.nan if high is None or pd.isna(high) else float(high),
                "check": "; ".join(checks) if checks else "no component row",
            })
    out = pd.DataFrame(rows, columns=[
        "case", "measure", "period", "publisher", "source_id", "documented_source_id",
        "documented_id", "estimate_id", "documented_deaths", "total_deaths", "total_kind",
        "total_low_deaths", "total_high_deaths", "check"])
    out["undocumented_deaths"] = out["total_deaths"] - out["documented_deaths"]
    out["documented_share"] = out["documented_deaths"] / out["total_deaths"]
    return out
