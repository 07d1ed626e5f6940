"""Latent-class capture-recapture (LCMCR): a Bayesian non-parametric population estimate.

The model of Manrique-Vallier (2016), "Bayesian population size estimation using
Dirichlet process mixtures", *Biometrics* 72(4):1246-1254, which HRDAG uses for its
casualty estimates (R package ``LCMCR``). Written here from the model as published
(our own numpy code; no code from the GPL ``LCMCR`` package or its Stan port is used).
Counts are persons; ``n`` people are on at least one of ``J`` lists, ``N = n + n0`` is
the population and ``n0`` the people on no list.

Model
    Each person ``i`` belongs to one latent class ``z_i`` in ``1..K``. Given the class,
    the person's presence on list ``j`` is an independent Bernoulli draw with
    probability ``lambda[j, z_i]`` ("product-Bernoulli"): lists are independent
    *within* a class, but because classes differ in how visible their members are,
    the lists are dependent in the population as a whole. This is how the model
    absorbs heterogeneous capture (some deaths are easy to record and appear on many
    lists, others on few) and list dependence, without choosing interaction terms.

Prior
    * Class weights ``pi``: truncated stick-breaking (a Dirichlet process truncated at
      ``K`` classes): ``V_k ~ Beta(1, alpha)`` for ``k < K``, ``V_K = 1``,
      ``pi_k = V_k prod_{l<k} (1 - V_l)``. ``K`` is an upper bound, not the number of
      classes: unneeded classes get negligible weight. If the posterior puts people in
      all ``K`` classes the bound may bind (flagged; raise ``K``).
    * Concentration ``alpha ~ Gamma(a, rate b)`` (defaults ``a = b = 0.25``, the
      values of the paper and of ``LCMCR``).
    * Capture probabilities ``lambda[j, k] ~ Beta(1, 1)`` (uniform), independently.
    * Population size: ``p(N) proportional to 1/N`` (improper; the paper's choice).

Gibbs sampler (one sweep; every step is a draw from an exact conditional)
    1. Classes of the observed people, per capture pattern ``x_m`` with ``n_m`` people:
       ``(n_m1, ..., n_mK) ~ Multinomial(n_m, w_m)``,
       ``w_mk proportional to pi_k prod_j lambda_jk^x_mj (1-lambda_jk)^(1-x_mj)``.
       The sampler works on the table of patterns, so its cost does not grow with n.
    2. The unobserved cell, given ``lambda`` and ``pi``: with ``pi0 = sum_k pi_k
       prod_j (1 - lambda_jk)`` (the chance of being on no list), the prior ``1/N``
       makes ``n0 ~ NegativeBinomial(n, 1 - pi0)`` (number of failures before ``n``
       successes): ``p(n0) proportional to (1/N) C(N, n) pi0^n0`` = ``C(n + n0 - 1, n0)
       pi0^n0 (1-pi0)^n``. Then their classes ``~ Multinomial(n0, u)`` with ``u_k
       proportional to pi_k prod_j (1 - lambda_jk)``.
    3. ``lambda_jk ~ Beta(1 + s_jk, 1 + c_k - s_jk)``, where ``c_k`` counts the people
       (observed and imputed) in class ``k`` and ``s_jk`` those of them on list ``j``.
    4. ``V_k ~ Beta(1 + c_k, alpha + sum_{l>k} c_l)`` for ``k < K``.
    5. ``alpha ~ Gamma(a + K - 1, rate b - log pi_K)`` (``log pi_K = sum_{k<K}
       log(1 - V_k)``).
    Steps 1 and 2 together draw (classes, n0) given (lambda, pi); steps 3-5 draw the
    parameters given the completed table.

    2b. Mixing: with steps 1-5 alone, N moves slowly (the size of a hard-to-record class
    and its capture probabilities pin each other down; on Kosovo the effective sample
    size is about 1 per 1,800 sweeps). So after step 2 each class's count of unobserved
    people gets a Metropolis move on its distribution with lambda and the sticks
    *integrated out* (formula at :func:`_collapsed_missing`), followed by steps 3-5 as
    usual: a partially collapsed Gibbs step that targets the same posterior. It raises
    the effective sample size per sweep about tenfold (the ``collapsed=False`` sampler
    is kept and the tests check that both give the same posterior).

    Chains: ``chains`` independent chains run side by side in the same numpy calls
    (cheaper per chain, and they make the R-hat check possible), each starting from
    jittered capture probabilities with nearly everyone in one class (new classes
    open easily; merging spurious ones is slow). Burn-in: the Metropolis step sizes
    are adapted in the first half, then frozen. Stick-breaking draws are made on the
    log scale (:func:`log_beta_pair`), exact for small alpha. One seeded
    :class:`numpy.random.Generator` drives everything, so a seed fixes every draw.

    With ``K = 1`` the model is the *independence* model (every list independent, one
    capture probability per list, uniform priors), whose posterior of N has a closed
    form (:func:`independence_posterior`); the tests compare the sampler with it.

Outputs and what the interval means
    ``draws`` are posterior draws of N (after ``burn_in`` sweeps, every ``thin``-th of
    ``iterations`` sweeps). ``n_median``/``n_mean`` are their median and mean;
    ``ci_low``/``ci_high`` the equal-tailed credible interval: the ``(1-level)/2`` and
    ``(1+level)/2`` quantiles of the draws. Given the model and priors, N lies in it with
    posterior probability ``level``. It is an MCMC estimate: its Monte Carlo error is
    judged by the effective sample size of N (``diagnostics['ess_n']``).

Diagnostics and flags (never a silent number)
    * ``ess_n``: effective sample size of the N draws (Geyer's initial monotone
      sequence estimator on the autocorrelations, summed over chains). Flagged below
      ``min_ess``.
    * ``rhat_n``: split potential scale reduction factor of N (each chain cut in two
      halves, all halves compared; Gelman et al., BDA3 sec. 11.4). Flagged above 1.05:
      the chain has not settled, so the summaries are not yet posterior summaries.
    * ``occupied_median``/``occupied_max``: number of latent classes holding at least
      one person (observed or imputed), over the kept draws; ``truncation_share``: share
      of kept draws in which all ``K`` classes are occupied (flagged when above 0.01:
      the truncation may bind); ``last_class_weight``: posterior mean of ``pi_K``.
    * A flag when the median of N exceeds ``100 x n``: the data then do not bound N.

Limits
    Closed population; perfect record linkage; people within one latent class are
    equally likely to be recorded and lists are independent within a class. A group
    of people nearly invisible to *every* list (all ``lambda`` near 0) cannot be told
    apart from having no such group: no capture-recapture method sees them. Stratify
    by place and period when lists behave differently across strata, as HRDAG does.

    The interval is a posterior interval, not a confidence interval: on populations of
    known size it covers the truth at about 95 % only when the data pin down every
    class. Measured with ``benchmarks/bench_lcmcr.py --coverage`` (20 simulated
    populations per design, K = 5, 16 chains x (3,000 + 3,000) sweeps; a true 95 %
    rate gives 17-20 of 20): one class (no heterogeneity) 19 of 20; HRDAG's two-class
    design sim1 (5 lists, N = 2,000) 18 of 20; its three-class design sim4 (5 lists,
    N = 2,000) 14 of 20; our three classes on 4 lists (N = 3,000) 16 of 20; three
    classes on 5 lists with 60 % of N hard to record (capture 0.05-0.12 per list,
    N = 5,000) 8 of 20; half of N nearly invisible to four lists 9 of 20. Every miss
    lies below the truth (posterior medians 4-13 % low in the median population of the
    heterogeneous designs). The sampler is not the cause: chains started at the true
    parameters drift to the same low posterior as chains started from one class
    (checked on two populations of the N = 5,000 design), and
    the sampler's steps pass exact checks (tests). The likely cause is information: when
    a class has few members on two or more lists, its capture probabilities are
    learned largely from the uniform Beta(1, 1) prior, which pulls them up from
    0.05-0.1 and so shrinks the unobserved count (a single run with ten times the
    population, not converged, put the median 5 % below the truth: suggestive only).
    Such designs also mix slowly (split R-hat up to 1.1-1.4 in those runs): heed the
    R-hat flag.
"""
from __future__ import annotations

import math
from functools import lru_cache
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.special import gammaln, logsumexp

from syriastats.mse import ModelError, PatternError, normalise_patterns

__all__ = [
    "LCMCRResult",
    "effective_sample_size",
    "log_beta_pair",
    "independence_posterior",
    "lcmcr",
    "simulate_latent_class",
    "split_rhat",
]

#: Default sweeps per chain after burn-in, burn-in and thinning, and number of chains
#: (run side by side). On Kosovo (4 lists, K = 10) they give an effective sample size of
#: N of about 1,300 and a split R-hat of about 1.02-1.04 in about 20 s of one core (see
#: benchmarks/bench_lcmcr.py). Chains start with nearly everyone in one class, and the
#: first few thousand sweeps are spent opening the classes the data need: with a burn-in
#: of 2,000 the split R-hat was about 1.06.
DEFAULT_ITERATIONS = 10_000
DEFAULT_BURN_IN = 5_000
DEFAULT_THIN = 5
DEFAULT_CHAINS = 24
#: Flag when the effective sample size of N is below this.
DEFAULT_MIN_ESS = 400
#: Flag when the split R-hat of N exceeds this (between the 1.1 of Gelman & Rubin and
#: the 1.01 Vehtari et al. 2021 advise for final results).
RHAT_FLAG = 1.05
#: Flag when all K classes are occupied in more than this share of kept draws.
TRUNCATION_FLAG = 0.01
#: Flag when the posterior median of N exceeds this multiple of the observed.
UNBOUNDED_FACTOR = 100

#: Starting weight of classes 2..K together, and starting concentration.
_INIT_REST = float(__import__("os").environ.get("LCMCR_INIT_REST", "0.01"))
_INIT_ALPHA = float(__import__("os").environ.get("LCMCR_INIT_ALPHA", "0.25"))
_TINY = 1e-300
_ONE_MINUS = 1.0 - 1e-16


# --------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class LCMCRResult:
    """Posterior of a population size under the latent-class model.

    Attributes:
        n_median, n_mean: posterior median and mean of N (persons).
        ci_low, ci_high: equal-tailed credible interval for N at ``level`` (persons).
        draws: posterior draws of N (persons), in sampling order.
        observed: persons on at least one list.
        diagnostics: ``ess_n``, ``rhat_n``, ``occupied_median``, ``occupied_max``,
            ``truncation_share``, ``last_class_weight``, ``alpha_mean``,
            ``n_draws``, ``sweeps`` (total, including burn-in).
        flags: warnings (empty when none): low effective sample size, R-hat above
            1.05, truncation K reached, N not bounded by the data.
        level, K, a, b, iterations, burn_in, thin, seed, chains: the settings used.
        list_names: names of the lists, in pattern order.
    """

    n_median: float
    n_mean: float
    ci_low: float
    ci_high: float
    draws: np.ndarray = field(repr=False)
    observed: int
    diagnostics: dict[str, float]
    flags: tuple[str, ...] = ()
    level: float = 0.95
    K: int = 10
    a: float = 0.25
    b: float = 0.25
    iterations: int = DEFAULT_ITERATIONS
    burn_in: int = DEFAULT_BURN_IN
    thin: int = DEFAULT_THIN
    seed: int = 0
    list_names: tuple[str, ...] = ()
    chains: int = 1

    @property
    def n_unobserved_median(self) -> float:
        """Posterior median of the number of people on no list (persons)."""
        return self.n_median - self.observed

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python summary (JSON-friendly); the draws are left out."""
        return {
            "method": "LCMCR (Manrique-Vallier 2016)",
            "n_median": float(self.n_median), "n_mean": float(self.n_mean),
            "ci_low": float(self.ci_low), "ci_high": float(self.ci_high),
            "level": float(self.level), "observed": int(self.observed),
            "K": int(self.K), "a": float(self.a), "b": float(self.b),
            "iterations": int(self.iterations), "burn_in": int(self.burn_in),
            "thin": int(self.thin), "seed": int(self.seed), "chains": int(self.chains),
            "list_names": list(self.list_names),
            "diagnostics": {k: float(v) for k, v in self.diagnostics.items()},
            "flags": list(self.flags),
        }


# --------------------------------------------------------------------------------------
# MCMC diagnostics
# --------------------------------------------------------------------------------------


def _autocorr(x: np.ndarray) -> np.ndarray:
    """Autocorrelations of x at lags 0..len(x)-1 (FFT, biased estimator)."""
    n = len(x)
    y = x - x.mean()
    size = 1 << (2 * n - 1).bit_length()
    f = np.fft.rfft(y, size)
    acov = np.fft.irfft(f * np.conj(f), size)[:n] / n
    if acov[0] <= 0:
        return np.zeros(n)
    return acov / acov[0]


def effective_sample_size(x: Sequence[float] | np.ndarray) -> float:
    """Effective sample size of one chain of draws.

    Geyer's (1992) initial monotone sequence estimator: with autocorrelations
    ``rho_t``, the sums of adjacent pairs ``Gamma_m = rho_2m + rho_2m+1`` are summed
    while positive, each capped at the previous one;
    ``ESS = n / (-1 + 2 sum_m Gamma_m)``. A constant chain returns ``n``.

    Args:
        x: draws, in sampling order.

    Returns:
        Effective number of independent draws (at most ``n log10 n`` - the estimator
        can exceed ``n`` for antithetic chains; capped there as in Stan).
    """
    x = np.asarray(x, dtype=float)
    n = len(x)
    if n < 4:
        return float(n)
    if np.ptp(x) == 0:
        return float(n)
    rho = _autocorr(x)
    m_max = (n - 1) // 2
    pairs = rho[0:2 * m_max:2] + rho[1:2 * m_max:2]
    total = 0.0
    prev = math.inf
    for g in pairs:
        if g <= 0:
            break
        g = min(g, prev)
        total += g
        prev = g
    tau = -1.0 + 2.0 * total
    if tau <= 0:
        return float(n * math.log10(n))
    return float(min(n / tau, n * math.log10(n)))


def split_rhat(x: Sequence[float] | np.ndarray, segments: int = 4) -> float:
    """Split potential scale reduction factor.

    For one chain (1-D input) the draws are cut into ``segments`` equal consecutive
    parts; for several chains (2-D input, one row per chain) each chain is cut in two
    halves. The parts are compared as chains:
    ``R = sqrt(((m-1)/m W + B/m) / W)`` with ``W`` the mean within-part variance and
    ``B/m`` the variance of the part means (m draws per part). Values near 1 mean the
    parts agree; well above 1, the chain is still drifting. Returns 1.0 for a
    constant chain.
    """
    x = np.asarray(x, dtype=float)
    if x.ndim == 2:
        m = x.shape[1] // 2
        if m < 2:
            return math.nan
        parts = np.concatenate([x[:, :m], x[:, m: 2 * m]], axis=0)
    else:
        m = len(x) // segments
        if m < 2:
            return math.nan
        parts = x[: m * segments].reshape(segments, m)
    w = float(parts.var(axis=1, ddof=1).mean())
    b_over_m = float(parts.mean(axis=1).var(ddof=1))
    if w == 0:
        return 1.0 if b_over_m == 0 else math.inf
    var_plus = (m - 1) / m * w + b_over_m
    return float(math.sqrt(var_plus / w))


# --------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------


def _prepare(patterns: Mapping[str, Any] | pd.DataFrame,
             list_names: Sequence[str] | None) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Pattern matrix (M x J, non-zero counts only), counts, list names."""
    pats = normalise_patterns(patterns)
    keys = list(pats)
    k = len(keys[0])
    names = tuple(list_names) if list_names is not None else tuple(f"list{i}" for i in range(k))
    if len(names) != k:
        raise ModelError(f"list_names has {len(names)} names for {k} lists")
    for j in range(k):
        on = sum(c for p, c in pats.items() if p[j] == "1")
        if on == 0:
            raise PatternError(
                f"list {j} ({names[j]!r}) records nobody: every pattern with a 1 in "
                f"position {j} has count 0; drop that list (position {j} of the patterns)")
    keep = [p for p in keys if pats[p] > 0]
    x = np.array([[int(ch) for ch in p] for p in keep], dtype=float)
    cnt = np.array([pats[p] for p in keep], dtype=np.int64)
    return x, cnt, names


def _positive_int(v: Any, name: str, minimum: int = 1) -> int:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, Integral) or int(v) < minimum:
        raise ModelError(f"{name} must be an integer >= {minimum}, got {v!r}")
    return int(v)


def _positive_real(v: Any, name: str) -> float:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, Real) \
            or not math.isfinite(float(v)) or float(v) <= 0:
        raise ModelError(f"{name} must be a positive finite number, got {v!r}")
    return float(v)


# --------------------------------------------------------------------------------------
# Sampler
# --------------------------------------------------------------------------------------


@dataclass
class _State:
    """State of C parallel chains."""
    lam: np.ndarray      # (C, J, K) capture probabilities
    log_pi: np.ndarray   # (C, K) log class weights
    alpha: np.ndarray    # (C,) stick-breaking concentration
    n0: np.ndarray       # (C,) people on no list
    occupied: np.ndarray  # (C,) classes with at least one person
    scale: np.ndarray    # (C, K) proposal scale of the collapsed move (frozen after burn-in)
    accepted: np.ndarray  # (C, K) acceptances of the collapsed move since last reset


def _multinomial_rows(rng: np.random.Generator, counts: np.ndarray,
                      w: np.ndarray) -> np.ndarray:
    """One multinomial draw per row: ``counts`` (...,) people split over the last axis of
    the probabilities ``w`` (..., K) (rows normalised to sum to 1)."""
    return rng.multinomial(counts.astype(np.int64), w)


def log_beta_pair(rng: np.random.Generator, a: np.ndarray | float, b: np.ndarray | float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """``(log V, log(1 - V))`` for ``V ~ Beta(a, b)``, computed in log space.

    ``V = G_a / (G_a + G_b)`` with Gamma variables drawn on the log scale; for a shape
    ``s < 1`` the identity ``G_s = G_{s+1} U^(1/s)`` (U uniform) keeps ``log G_s`` exact
    where ``G_s`` itself would underflow. Needed for stick-breaking with a small
    concentration: ``V ~ Beta(1, alpha)`` rounds to 1 in floating point for alpha below
    about 0.03, which would bias the update of alpha."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    shape = np.broadcast_shapes(a.shape, b.shape)

    def log_gamma(s: np.ndarray) -> np.ndarray:
        s = np.broadcast_to(s, shape)
        small = s < 1.0
        g = np.log(rng.gamma(np.where(small, s + 1.0, s)))
        u = 1.0 - rng.random(shape)                      # in (0, 1]
        return g + np.where(small, np.log(u) / np.where(small, s, 1.0), 0.0)

    lga, lgb = log_gamma(a), log_gamma(b)
    lse = np.logaddexp(lga, lgb)
    return lga - lse, lgb - lse


def _draw_params(rng: np.random.Generator, st: _State, s: np.ndarray, c: np.ndarray,
                 a: float, b: float) -> None:
    """Steps 3-5: lambda, stick-breaking weights and alpha given the completed tables
    (``c`` (C, K): people per class, ``s`` (C, J, K): people per list and class)."""
    k = c.shape[1]
    st.lam = np.clip(rng.beta(1.0 + s, 1.0 + (c[:, None, :] - s)), _TINY, _ONE_MINUS)
    if k == 1:
        return
    tail = np.cumsum(c[:, ::-1], axis=1)[:, ::-1]   # tail[:, k] = sum_{l >= k} c_l
    log_v, log1m_v = log_beta_pair(rng, 1.0 + c[:, :-1], st.alpha[:, None] + tail[:, 1:])
    cum = np.cumsum(log1m_v, axis=1)
    st.log_pi[:, 0] = log_v[:, 0]
    st.log_pi[:, 1:-1] = log_v[:, 1:] + cum[:, :-1]
    st.log_pi[:, -1] = cum[:, -1]
    # floor at the smallest normal double: alpha = 0 would be absorbing
    st.alpha = np.maximum(rng.gamma(a + k - 1, 1.0 / (b - st.log_pi[:, -1])), 2.3e-308)


def _collapsed_missing(rng: np.random.Generator, st: _State, m: np.ndarray, o: np.ndarray,
                       s: np.ndarray, n: int) -> None:
    """Step 2b (in place on ``m`` (C, K), the people on no list per chain and class):
    for each class a Metropolis move that leaves ``p(m | classes of the observed,
    alpha)`` invariant, with the capture probabilities and the stick-breaking weights
    integrated out.

    With ``c = o + m`` people per class (``o`` observed, ``s[j, k]`` of them on list j)
    and ``T_k = sum_{l >= k} c_l``, the prior ``1/N`` gives, up to a constant,
    ``log p(m) = lgamma(n + M) - sum_k lgamma(m_k + 1)
    + sum_jk lgamma(1 + c_k - s_jk) - J sum_k lgamma(2 + c_k)
    + sum_{k<K} [lgamma(1 + c_k) + lgamma(alpha + T_{k+1}) - lgamma(1 + alpha + T_k)]``
    (Beta(1, 1) integrals over lambda, Beta(1, alpha) integrals over the sticks;
    ``M = sum_k m_k``). Every argument is linear in ``m_k`` with slope 1, so the
    target at the current and the proposed ``m_k`` is one ``gammaln`` call. The
    proposal ``m_k + round(scale_k Z)``, Z standard normal, is symmetric; proposals
    below 0 are rejected."""
    c_n, j_lists, k_cls = s.shape
    steps = np.rint(st.scale * rng.standard_normal((c_n, k_cls)))
    log_u = np.log(rng.random((c_n, k_cls)))
    for k in range(k_cls):
        cur = m[:, k]
        prop = cur + steps[:, k]
        valid = prop >= 0
        diff = _collapsed_log_ratio(k, np.where(valid, steps[:, k], 0.0), m, o, s, n,
                                    st.alpha)
        with np.errstate(invalid="ignore"):   # nan (degenerate state): reject
            acc = valid & (log_u[:, k] < diff)
        m[:, k] = np.where(acc, prop, cur)
        st.accepted[:, k] += acc


def _collapsed_log_ratio(k: int, delta: np.ndarray, m: np.ndarray, o: np.ndarray,
                         s: np.ndarray, n: int, alpha: np.ndarray) -> np.ndarray:
    """``log p(m + delta e_k) - log p(m)`` per chain, for the collapsed target of
    :func:`_collapsed_missing` (``delta`` (C,) people added to class ``k``'s unobserved
    count; ``m``, ``o`` (C, K), ``s`` (C, J, K), ``alpha`` (C,))."""
    c_n, j_lists, k_cls = s.shape
    weights, masks = _class_weights(j_lists, k_cls)
    c = o + m
    tail = np.cumsum(c[:, ::-1], axis=1)[:, ::-1]             # T_i, i = 0..K-1
    ck = c[:, k: k + 1]
    # the stick terms i > k do not involve m_k: left out
    at = alpha[:, None] + tail[:, : k + 1]
    x_cur = np.concatenate([n + m.sum(axis=1, keepdims=True), 1.0 + m[:, k: k + 1],
                            1.0 + ck - s[:, :, k], 2.0 + ck, 1.0 + ck,
                            np.stack([at, 1.0 + at], axis=2).reshape(c_n, -1)], axis=1)
    width = x_cur.shape[1]
    x_prop = x_cur + delta[:, None] * masks[k, :width]
    with np.errstate(invalid="ignore"):   # inf - inf in a degenerate state: nan
        return (gammaln(x_prop) - gammaln(x_cur)) @ weights[k, :width]


@lru_cache(maxsize=16)
def _class_weights(j_lists: int, k_cls: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights of the ``lgamma`` terms of ``log p(m)`` (see :func:`_collapsed_missing`)
    that depend on ``m_k``, one row per class ``k``, in the layout used there:
    ``lgamma(n + M)``, ``-lgamma(1 + m_k)``, ``lgamma(1 + c_k - s_jk)`` for each list,
    ``-J lgamma(2 + c_k)``, ``lgamma(1 + c_k)`` (sticks, ``k < K``), then for
    ``i = 0..K-1`` the pair ``lgamma(alpha + T_i)`` (weight 1 for ``1 <= i <= k``:
    ``T_i`` contains ``c_k``, and ``alpha + T_i`` is the second Beta argument of stick
    ``i - 1``) and ``-lgamma(1 + alpha + T_i)`` (weight -1 for ``i <= min(k, K-2)``);
    the pairs with ``i > k`` have weight 0 and are left out by the caller.
    Terms not involving ``m_k`` get weight 0; ``masks`` marks the terms that move with
    ``m_k`` (slope 1)."""
    w = np.zeros((k_cls, 4 + j_lists + 2 * k_cls))
    base = 4 + j_lists
    for k in range(k_cls):
        w[k, :2] = [1.0, -1.0]
        w[k, 2: 2 + j_lists] = 1.0
        w[k, 2 + j_lists] = -float(j_lists)
        if k < k_cls - 1:
            w[k, 3 + j_lists] = 1.0
        for i in range(k + 1):
            if i >= 1:
                w[k, base + 2 * i] = 1.0          # lgamma(alpha + T_i)
            if i <= k_cls - 2:
                w[k, base + 2 * i + 1] = -1.0     # -lgamma(1 + alpha + T_i)
    return w, (w != 0).astype(float)


def _sweep(rng: np.random.Generator, st: _State, x: np.ndarray, xc: np.ndarray,
           cnt: np.ndarray, n: int, a: float, b: float,
           fixed_n0: int | np.ndarray | None = None, collapsed: bool = True) -> np.ndarray:
    """One Gibbs sweep of every chain (steps 1-5 of the module docstring), in place;
    returns the people on no list per chain and class (C, K).

    ``cnt`` holds the counts of the patterns in ``x``, shared (M,) or per chain (C, M).
    With ``fixed_n0`` (a number or one per chain) the unobserved cell is data (N known)
    and step 2 only allocates its people to classes; used by the tests'
    joint-distribution check. With ``collapsed`` the collapsed move on the unobserved
    cell (step 2b) follows step 2."""
    log_lam = np.log(st.lam)
    log_1m = np.log1p(-st.lam)
    c_n = st.lam.shape[0]
    # step 2 first (it needs only lambda and pi): the size of the unobserved cell
    miss_log = log_1m.sum(axis=1)                                 # (C, K)
    if fixed_n0 is None:
        p_seen = np.sum(np.exp(st.log_pi) * -np.expm1(miss_log), axis=1)   # 1 - pi0
        n0 = rng.negative_binomial(n, np.minimum(np.maximum(p_seen, 1e-12), 1.0))
    else:
        n0 = np.broadcast_to(np.asarray(fixed_n0, dtype=np.int64), (c_n,))
    # steps 1 and 2: classes of the observed people, pattern by pattern, and of the
    # unobserved (the all-zero pattern as an extra row), in one vectorised draw
    lw = np.concatenate([x @ log_lam + xc @ log_1m, miss_log[:, None, :]], axis=1)
    lw += st.log_pi[:, None, :]                                   # (C, M + 1, K)
    lw -= lw.max(axis=2, keepdims=True)
    w = np.exp(lw)
    w /= w.sum(axis=2, keepdims=True)
    counts = np.concatenate([np.broadcast_to(cnt, (c_n, cnt.shape[-1])), n0[:, None]], axis=1)
    alloc = _multinomial_rows(rng, counts, w)
    n_mk = alloc[:, :-1, :]
    m_k = alloc[:, -1, :].astype(float)
    o = n_mk.sum(axis=1).astype(float)                            # (C, K)
    s = np.einsum("mj,cmk->cjk", x, n_mk)                         # (C, J, K)
    if collapsed and fixed_n0 is None:
        _collapsed_missing(rng, st, m_k, o, s, n)
    # steps 3-5
    c = o + m_k
    _draw_params(rng, st, s, c, a, b)
    st.n0 = m_k.sum(axis=1).astype(np.int64)
    st.occupied = np.count_nonzero(c, axis=1)
    return m_k


def _initial_state(rng: np.random.Generator, x: np.ndarray, cnt: np.ndarray, k: int,
                   chains: int) -> _State:
    """Each class starts at the lists' capture rates among the observed, jittered
    (so the classes can separate, and the chains start apart); see the comment below
    for the weights."""
    rate = (x * cnt[:, None]).sum(axis=0) / cnt.sum()
    lam = np.clip(rate[None, :, None] * rng.uniform(0.3, 1.5, size=(chains, x.shape[1], k)),
                  0.01, 0.99)
    # one class holds almost everyone at the start (the others share 1 %): the sampler
    # opens new classes easily when the data ask for them (an empty class draws its
    # capture probabilities from the prior), but merges near-duplicate classes only
    # slowly, so starting small settles far faster than starting from K equal classes
    if k == 1:
        log_pi = np.zeros(1)
    else:
        log_pi = np.concatenate([[math.log(1 - _INIT_REST)],
                                 np.full(k - 1, math.log(_INIT_REST / (k - 1)))])
    return _State(lam=lam, log_pi=np.tile(log_pi, (chains, 1)),
                  alpha=np.full(chains, _INIT_ALPHA), n0=np.zeros(chains, dtype=np.int64),
                  occupied=np.zeros(chains, dtype=np.int64),
                  scale=np.full((chains, k), 10.0), accepted=np.zeros((chains, k)))


def _run(x: np.ndarray, cnt: np.ndarray, *, k: int, a: float, b: float, iterations: int,
         burn_in: int, thin: int, seed: int, chains: int, collapsed: bool = True
         ) -> dict[str, np.ndarray]:
    """The chains: draws (chains x kept) of N, occupied classes, alpha and the last
    class weight, and the acceptance rate of the collapsed move."""
    n = int(cnt.sum())
    xc = 1.0 - x
    rng = np.random.default_rng(seed)
    st = _initial_state(rng, x, cnt, k, chains)
    # burn-in: the proposal scale of the collapsed move is adapted in batches of 50
    # sweeps during the first half (towards an acceptance rate of 0.3-0.5), then frozen
    half = burn_in // 2
    for i in range(burn_in):
        _sweep(rng, st, x, xc, cnt, n, a, b, collapsed=collapsed)
        if i < half and i % 50 == 49:
            rate = st.accepted / 50.0
            st.scale = np.clip(st.scale * np.exp(2.0 * (rate - 0.4)), 1.0, 1e7)
            st.accepted[:] = 0
    st.accepted[:] = 0
    n_keep = iterations // thin
    out = {key: np.empty((chains, n_keep)) for key in ("n", "occ", "alpha", "last_w")}
    for i in range(n_keep):
        for _ in range(thin):
            _sweep(rng, st, x, xc, cnt, n, a, b, collapsed=collapsed)
        out["n"][:, i] = n + st.n0
        out["occ"][:, i] = st.occupied
        out["alpha"][:, i] = st.alpha
        out["last_w"][:, i] = np.exp(st.log_pi[:, -1])
    out["acceptance"] = st.accepted.mean(axis=0) / max(1, n_keep * thin)
    return out


def lcmcr(
    patterns: Mapping[str, Any] | pd.DataFrame,
    *,
    K: int = 10,
    a: float = 0.25,
    b: float = 0.25,
    iterations: int = DEFAULT_ITERATIONS,
    burn_in: int = DEFAULT_BURN_IN,
    thin: int = DEFAULT_THIN,
    seed: int = 0,
    level: float = 0.95,
    list_names: Sequence[str] | None = None,
    min_ess: float = DEFAULT_MIN_ESS,
    chains: int = DEFAULT_CHAINS,
    collapsed: bool = True,
) -> LCMCRResult:
    """Estimate a population size with the latent-class model of Manrique-Vallier (2016).

    Args:
        patterns: capture patterns (see :func:`syriastats.mse.normalise_patterns`),
            at least two lists; every list must record somebody.
        K: truncation (largest number of latent classes). ``K = 1`` is the
            independence model.
        a, b: shape and rate of the Gamma prior on the stick-breaking concentration.
        iterations: Gibbs sweeps per chain after burn-in; every ``thin``-th is kept,
            so ``chains x (iterations // thin)`` draws of N.
        burn_in: sweeps per chain discarded first.
        thin: keep every ``thin``-th sweep.
        seed: seed of the :class:`numpy.random.Generator` (the result is a function
            of the inputs and the seed).
        level: credible level of the equal-tailed interval.
        list_names: names of the lists, for messages and the result.
        min_ess: flag when the effective sample size of N is below this.
        chains: number of chains, run side by side (vectorised; each from its own
            random start); they make the R-hat check possible and use the numpy
            calls more efficiently than one long chain.
        collapsed: add the collapsed move on the unobserved cell (step 2b); the
            plain sampler (``False``) has the same target but mixes far more slowly.

    Returns:
        :class:`LCMCRResult`: median, mean and equal-tailed interval of N (persons),
        the draws, diagnostics and flags (module docstring).

    Raises:
        PatternError: malformed patterns (from :func:`mse.normalise_patterns`) or a
            list that records nobody.
        ModelError: bad ``K``, ``a``, ``b``, ``iterations``, ``burn_in``, ``thin``,
            ``seed``, ``level`` or ``list_names``, or fewer than 10 kept draws.
    """
    x, cnt, names = _prepare(patterns, list_names)
    k = _positive_int(K, "K")
    a = _positive_real(a, "a")
    b = _positive_real(b, "b")
    iterations = _positive_int(iterations, "iterations")
    burn_in = _positive_int(burn_in, "burn_in", 0)
    thin = _positive_int(thin, "thin")
    seed = _positive_int(seed, "seed", 0)
    if isinstance(level, (bool, np.bool_)) or not isinstance(level, Real) \
            or not 0 < float(level) < 1:
        raise ModelError(f"level must be between 0 and 1, got {level!r}")
    level = float(level)
    n_keep = iterations // thin
    if n_keep < 10:
        raise ModelError(f"iterations // thin = {n_keep} draws; need at least 10")
    n = int(cnt.sum())
    if not isinstance(collapsed, (bool, np.bool_)):
        raise ModelError(f"collapsed must be True or False, got {collapsed!r}")
    chains = _positive_int(chains, "chains")
    out = _run(x, cnt, k=k, a=a, b=b, iterations=iterations, burn_in=burn_in, thin=thin,
               seed=seed, chains=chains, collapsed=bool(collapsed))
    return _result(out, n=n, k=k, a=a, b=b, level=level, iterations=iterations,
                   burn_in=burn_in, thin=thin, seed=seed, names=names,
                   min_ess=float(min_ess), collapsed=bool(collapsed))


def _result(out: dict[str, np.ndarray], *, n: int, k: int, a: float, b: float, level: float,
            iterations: int, burn_in: int, thin: int, seed: int, names: tuple[str, ...],
            min_ess: float, collapsed: bool) -> LCMCRResult:
    chains_n = out["n"]                       # (chains, kept)
    draws = chains_n.astype(np.int64).ravel()
    occ = out["occ"]
    lo, med, hi = np.quantile(draws, [(1 - level) / 2, 0.5, (1 + level) / 2])
    ess = float(sum(effective_sample_size(row) for row in chains_n))
    rhat = split_rhat(chains_n)
    trunc = float(np.mean(occ >= k)) if k > 1 else 0.0
    diag = {
        "ess_n": ess, "rhat_n": rhat,
        "occupied_median": float(np.median(occ)), "occupied_max": float(occ.max()),
        "truncation_share": trunc, "last_class_weight": float(out["last_w"].mean()),
        "alpha_mean": float(out["alpha"].mean()) if k > 1 else math.nan,
        "n_draws": float(len(draws)), "chains": float(chains_n.shape[0]),
        "sweeps_per_chain": float(burn_in + iterations),
        "collapsed_acceptance": (float(np.mean(out["acceptance"])) if collapsed
                                 else math.nan),
    }
    flags: list[str] = []
    if ess < min_ess:
        flags.append(f"effective sample size of N is {ess:.0f} (< {min_ess:.0f}): Monte Carlo "
                     "error is large; run more iterations")
    if not (rhat <= RHAT_FLAG):
        flags.append(f"split R-hat of N is {rhat:.3f} (> {RHAT_FLAG}): the chain has not "
                     "converged; raise burn_in and iterations")
    if trunc > TRUNCATION_FLAG:
        flags.append(f"all K={k} latent classes are occupied in {trunc:.1%} of the draws: "
                     "the truncation may bind; rerun with a larger K")
    if med > UNBOUNDED_FACTOR * n:
        flags.append(f"posterior median of N is more than {UNBOUNDED_FACTOR} x the {n} "
                     "observed: the data do not bound N")
    return LCMCRResult(
        n_median=float(med), n_mean=float(draws.mean()), ci_low=float(lo),
        ci_high=float(hi), draws=draws, observed=n, diagnostics=diag, flags=tuple(flags),
        level=level, K=k, a=a, b=b, iterations=iterations, burn_in=burn_in, thin=thin,
        seed=seed, list_names=names, chains=int(chains_n.shape[0]),
    )


# --------------------------------------------------------------------------------------
# Exact K = 1 posterior and simulation (used by tests, benchmarks and the notebook)
# --------------------------------------------------------------------------------------


def independence_posterior(
    patterns: Mapping[str, Any] | pd.DataFrame, *, n_max: int | None = None
) -> pd.DataFrame:
    """Exact posterior of N under the independence model with uniform priors.

    The ``K = 1`` case of :func:`lcmcr`: capture probabilities ``lambda_j ~ Beta(1, 1)``
    and ``p(N) proportional to 1/N``. Integrating out ``lambda``,
    ``p(N | data) proportional to (1/N) N!/(N-n)! prod_j B(n_j + 1, N - n_j + 1)``
    with ``n_j`` the persons on list j.

    Args:
        patterns: capture patterns.
        n_max: largest N on the grid (default 20 x observed).

    Returns:
        DataFrame ``N`` (persons, observed..n_max) and ``prob`` (sums to 1).
    """
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    n = int(sum(pats.values()))
    nj = np.array([sum(c for p, c in pats.items() if p[j] == "1") for j in range(k)], float)
    n_max = 20 * n if n_max is None else int(n_max)
    grid = np.arange(n, n_max + 1, dtype=float)
    lp = -np.log(grid) + gammaln(grid + 1) - gammaln(grid - n + 1)
    lp = lp + np.sum(gammaln(nj[:, None] + 1) + gammaln(grid[None, :] - nj[:, None] + 1)
                     - gammaln(grid[None, :] + 2), axis=0)
    prob = np.exp(lp - logsumexp(lp))
    return pd.DataFrame({"N": grid.astype(np.int64), "prob": prob})


def simulate_latent_class(
    n_total: int,
    weights: Sequence[float],
    capture: Sequence[Sequence[float]],
    *,
    seed: int = 0,
) -> dict[str, int]:
    """Capture patterns of a population drawn from a latent-class model.

    Args:
        n_total: population size (persons).
        weights: class shares (sum to 1); people are split among classes by a
            multinomial draw.
        capture: one row per class, one capture probability per list.
        seed: seed of the generator.

    Returns:
        Observed capture patterns (pattern -> persons; the all-zero pattern, the
        people on no list, is left out as it would be in real data).
    """
    w = np.asarray(weights, float)
    p = np.asarray(capture, float)
    if p.ndim != 2 or p.shape[0] != len(w) or not np.isclose(w.sum(), 1.0):
        raise ModelError("capture needs one row per class and weights must sum to 1")
    rng = np.random.default_rng(seed)
    sizes = rng.multinomial(int(n_total), w)
    k = p.shape[1]
    out: dict[str, int] = {}
    powers = 1 << np.arange(k - 1, -1, -1)
    for size, probs in zip(sizes, p):
        caught = rng.random((int(size), k)) < probs
        codes = caught.astype(np.int64) @ powers
        for code, c in zip(*np.unique(codes, return_counts=True)):
            if code == 0:
                continue
            key = format(int(code), f"0{k}b")
            out[key] = out.get(key, 0) + int(c)
    return out
