"""Latent-class capture-recapture (syriastats.mse_lcmcr.lcmcr).

What each check compares with, and why its tolerance is what it is, is said at the
test. MCMC results are seeded, so every test is deterministic; tolerances are still
set from the Monte Carlo error (never tuned to the seeded outcome) so that the test
would also pass with another seed except with small probability.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from syriastats import mse
from syriastats.mse_lcmcr import (
    _collapsed_log_ratio,
    _initial_state,
    _sweep,
    effective_sample_size,
    independence_posterior,
    lcmcr,
    simulate_latent_class,
    split_rhat,
)

KOSOVO = mse.kosovo_1999()


def _grid_quantile(post, q):
    cdf = np.cumsum(post["prob"].to_numpy())
    return float(post["N"].to_numpy()[np.searchsorted(cdf, q)])


def _mc_se_quantile(draws, q, ess):
    """Monte Carlo standard error of a sample quantile: sqrt(q(1-q)/ESS) / density,
    with the density at the quantile from a normal approximation of the draws."""
    sd = float(np.std(draws))
    z = stats.norm.ppf(q)
    dens = stats.norm.pdf(z) / sd
    return math.sqrt(q * (1 - q) / ess) / dens


# --------------------------------------------------------------------------------------
# K = 1: the independence model, whose posterior is known exactly
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kosovo_k1():
    return lcmcr(KOSOVO["patterns"], K=1, chains=8, burn_in=300, iterations=2000, thin=1,
                 seed=3)


def test_k1_matches_the_exact_independence_posterior(kosovo_k1):
    # The exact posterior (closed form on a grid, independence_posterior) vs the Gibbs
    # draws: each quantile within 4 Monte Carlo standard errors (computed from the
    # effective sample size), i.e. a false alarm rate below 1e-4 per quantile.
    exact = independence_posterior(KOSOVO["patterns"])
    r = kosovo_k1
    ess = r.diagnostics["ess_n"]
    assert ess > 1000
    for q, got in [(0.025, np.quantile(r.draws, 0.025)), (0.5, r.n_median),
                   (0.975, np.quantile(r.draws, 0.975))]:
        want = _grid_quantile(exact, q)
        assert abs(got - want) < 4 * _mc_se_quantile(r.draws, q, ess) + 1, (q, got, want)


def test_k1_is_close_to_the_independence_loglinear_estimate(kosovo_k1):
    # With n = 4,400 people the prior (uniform capture probabilities, 1/N) moves the
    # posterior median by much less than one standard error of the maximum-likelihood
    # estimate of the same independence model (Poisson log-linear, syriastats.mse).
    mle = mse.fit_loglinear(KOSOVO["patterns"], interval="none")
    assert abs(kosovo_k1.n_median - mle.n_hat) < mle.se
    assert kosovo_k1.ci_low < mle.n_hat < kosovo_k1.ci_high


def test_exact_independence_posterior_matches_numerical_integration():
    # Two lists (30 only on list 1, 40 only on list 2, 10 on both): integrate the
    # multinomial likelihood over uniform capture probabilities by quadrature and
    # compare the posterior ratio p(N=150)/p(N=250) with the closed form; quadrature
    # error is far below 1e-6 relative.
    from scipy import integrate
    from scipy.special import gammaln

    post = independence_posterior({"10": 30, "01": 40, "11": 10}, n_max=2000)
    assert post["prob"].sum() == pytest.approx(1.0, abs=1e-12)

    def log_marginal(n_total):
        n0 = n_total - 80
        coef = gammaln(n_total + 1) - gammaln(31) - gammaln(41) - gammaln(11) - gammaln(n0 + 1)

        def f(l1, l2):
            return math.exp(coef + 30 * math.log(l1 * (1 - l2)) + 40 * math.log((1 - l1) * l2)
                            + 10 * math.log(l1 * l2) + n0 * math.log((1 - l1) * (1 - l2)) + 60)

        val, _ = integrate.dblquad(f, 1e-12, 1 - 1e-12, 1e-12, 1 - 1e-12, epsabs=0,
                                   epsrel=1e-9)
        return math.log(val) - 60 - math.log(n_total)   # prior 1/N

    probs = dict(zip(post["N"], post["prob"]))
    want = log_marginal(150) - log_marginal(250)
    assert math.log(probs[150] / probs[250]) == pytest.approx(want, abs=1e-6)


# --------------------------------------------------------------------------------------
# The conditional draws: Geweke's (2004) joint-distribution check with N known
# --------------------------------------------------------------------------------------


def _prior_draw(rng, chains, j, k, a, b):
    alpha = rng.gamma(a, 1 / b, size=chains)
    # V ~ Beta(1, alpha) via 1 - V ~ Beta(alpha, 1) = U^(1/alpha), on the log scale
    log_1mv = np.log(1.0 - rng.random((chains, k - 1))) / alpha[:, None]
    log_v = np.log(-np.expm1(log_1mv))
    log_pi = np.zeros((chains, k))
    cum = np.cumsum(log_1mv, axis=1)
    log_pi[:, 0] = log_v[:, 0]
    log_pi[:, 1:-1] = log_v[:, 1:] + cum[:, :-1]
    log_pi[:, -1] = cum[:, -1]
    lam = rng.random((chains, j, k))
    return lam, log_pi, alpha


def _simulate_tables(rng, lam, log_pi, n_total):
    """Full 2^J tables (pattern counts, index = binary code, list 0 = highest bit)."""
    chains, j, k = lam.shape
    cdf = np.cumsum(np.exp(log_pi), axis=1)
    u = rng.random((chains, n_total)) * cdf[:, -1:]
    z = np.minimum((u[:, :, None] > cdf[:, None, :]).sum(axis=2), k - 1)   # (C, N)
    p = np.take_along_axis(lam, np.repeat(z[:, None, :], j, axis=1), axis=2)  # (C, J, N)
    caught = rng.random(p.shape) < p
    codes = (caught * (1 << np.arange(j - 1, -1, -1))[None, :, None]).sum(axis=1)
    return np.stack([np.bincount(c, minlength=2**j) for c in codes])


def test_gibbs_steps_leave_the_prior_invariant_when_n_is_known():
    # Successive-conditional simulator (Geweke 2004, JASA 99:799-804): start each of
    # 4,000 independent chains from the prior, then alternate data ~ p(data | theta) and
    # one Gibbs sweep theta ~ K(theta, . | data). If every conditional draw is right,
    # theta stays distributed as the prior at every step. After 15 steps we compare
    # prior moments with a fresh prior sample: z-scores of independent draws, |z| < 4
    # (false alarm below 1e-4 per statistic). N = 25 people, 3 lists, K = 4.
    rng = np.random.default_rng(11)
    chains, j, k, n_total, a, b = 4000, 3, 4, 25, 0.25, 0.25
    lam, log_pi, alpha = _prior_draw(rng, chains, j, k, a, b)
    x_all = np.array([[int(ch) for ch in format(i, f"0{j}b")] for i in range(1, 2**j)], float)
    st = _initial_state(rng, x_all, np.ones(2**j - 1, dtype=np.int64), k, chains)
    st.lam, st.log_pi, st.alpha = lam, log_pi, alpha
    for _ in range(15):
        tables = _simulate_tables(rng, st.lam, st.log_pi, n_total)
        cnt = tables[:, 1:]
        _sweep(rng, st, x_all, 1.0 - x_all, cnt, 0, a, b, fixed_n0=tables[:, 0],
               collapsed=False)
    ref_lam, ref_log_pi, ref_alpha = _prior_draw(np.random.default_rng(12), chains, j, k, a, b)

    def stats_of(lam_, log_pi_, alpha_):
        return {"lambda[0,0]": lam_[:, 0, 0], "lambda[2,3] < 0.2": lam_[:, 2, 3] < 0.2,
                "pi_1": np.exp(log_pi_[:, 0]), "pi_K": np.exp(log_pi_[:, -1]),
                "alpha < 1": alpha_ < 1, "alpha < 0.1": alpha_ < 0.1,
                "alpha < 1e-4": alpha_ < 1e-4}

    got = stats_of(st.lam, st.log_pi, st.alpha)
    ref = stats_of(ref_lam, ref_log_pi, ref_alpha)
    for name in got:
        g, r = got[name].astype(float), ref[name].astype(float)
        z = (g.mean() - r.mean()) / math.sqrt(g.var() / len(g) + r.var() / len(r))
        assert abs(z) < 4, (name, z)


# --------------------------------------------------------------------------------------
# The collapsed move does not change the target
# --------------------------------------------------------------------------------------


def _log_collapsed_target(m, o, s, n, alpha):
    """log p(m | classes of the observed, alpha) up to a constant, written out term by
    term from the model (not from the sampler's vectorised layout): prior 1/N times the
    multinomial coefficient gives (N - 1)! / prod_k m_k!; integrating each capture
    probability over Beta(1, 1) gives B(1 + s_jk, 1 + c_k - s_jk); integrating each stick
    V_k ~ Beta(1, alpha) gives B(1 + c_k, alpha + T_{k+1}) / B(1, alpha)."""
    from scipy.special import betaln

    k_cls = len(m)
    c = [o[k] + m[k] for k in range(k_cls)]
    out = math.lgamma(n + sum(m)) - sum(math.lgamma(mk + 1) for mk in m)
    for k in range(k_cls):
        for j in range(s.shape[0]):
            out += betaln(1 + s[j, k], 1 + c[k] - s[j, k])
        if k < k_cls - 1:
            out += betaln(1 + c[k], alpha + sum(c[k + 1:]))
    return out


def test_collapsed_move_uses_the_integrated_target():
    # The Metropolis ratio of the collapsed move (step 2b) against the target written
    # out with Beta functions: equal to rounding (1e-8 on log ratios of order 10-100).
    rng = np.random.default_rng(4)
    for k_cls, j_lists in [(1, 3), (2, 4), (5, 4), (10, 5)]:
        o = rng.integers(0, 300, size=(3, k_cls)).astype(float)
        s = np.minimum(rng.integers(0, 300, size=(3, j_lists, k_cls)), o[:, None, :])
        m = rng.integers(0, 500, size=(3, k_cls)).astype(float)
        alpha = rng.gamma(1.0, 1.0, size=3)
        n = o.sum(axis=1)
        for k in range(k_cls):
            delta = rng.integers(-m[:, k].astype(int), 200).astype(float)
            got = _collapsed_log_ratio(k, delta, m, o, s, n[:, None], alpha)
            for ch in range(3):
                m_new = m[ch].copy()
                m_new[k] += delta[ch]
                want = (_log_collapsed_target(m_new, o[ch], s[ch], n[ch], alpha[ch])
                        - _log_collapsed_target(m[ch], o[ch], s[ch], n[ch], alpha[ch]))
                assert got[ch] == pytest.approx(want, abs=1e-8), (k_cls, k, ch)


def test_collapsed_and_plain_samplers_agree():
    # Two samplers for the same posterior: the plain Gibbs sampler (steps 1-5) and the
    # one with the collapsed move on the unobserved cell. Medians agree within 4
    # combined Monte Carlo standard errors (false alarm below 1e-4). A wrong collapsed
    # target shifts the median by far more: the Beta-function check above pins the
    # formula, this one the way the move is wired into the sweep. (Its gain in mixing
    # is measured on Kosovo in benchmarks/bench_lcmcr.py, not asserted here.)
    pats = simulate_latent_class(600, [0.7, 0.3], [[0.2, 0.3, 0.25, 0.2],
                                                    [0.7, 0.6, 0.8, 0.5]], seed=5)
    kw = dict(K=3, chains=16, burn_in=300, iterations=1500, thin=1)
    r1 = lcmcr(pats, collapsed=True, seed=1, **kw)
    r2 = lcmcr(pats, collapsed=False, seed=2, **kw)
    se1 = _mc_se_quantile(r1.draws, 0.5, r1.diagnostics["ess_n"])
    se2 = _mc_se_quantile(r2.draws, 0.5, r2.diagnostics["ess_n"])
    assert abs(r1.n_median - r2.n_median) < 4 * math.hypot(se1, se2) + 1
    assert min(r1.diagnostics["ess_n"], r2.diagnostics["ess_n"]) > 200


# --------------------------------------------------------------------------------------
# Coverage on heterogeneous populations of known size
# --------------------------------------------------------------------------------------

SCENARIOS = {
    # Manrique-Vallier (2016) "sim1" as listed in HRDAG/StanLCMCR import/hand/simulations.yaml:
    # N = 2,000, 5 lists; 90 % hard to record, 10 % easy.
    "two classes, 5 lists": (2000, [0.9, 0.1], [[0.033, 0.033, 0.099, 0.132, 0.033],
                                                 [0.660, 0.825, 0.759, 0.990, 0.693]]),
    # homogeneous population (no heterogeneity): LCMCR should not invent any
    "one class, 4 lists": (1500, [1.0], [[0.25, 0.30, 0.20, 0.35]]),
}


def test_intervals_cover_the_true_size_at_about_the_nominal_rate():
    # 2 scenarios x 6 populations = 12 intervals at 95 %. If coverage were exactly 95 %,
    # the number covering would be Binomial(12, 0.95): P(X <= 9) = 0.02, so we require at
    # least 10 (a sampler whose intervals cover 70 % of the time passes with probability
    # 0.25 only; the benchmark's 20 populations per scenario are the real measurement).
    # Short chains suffice for these two designs (split R-hat about 1.01-1.03).
    #
    # Not every design covers at 95 %. benchmarks/bench_lcmcr.py --coverage measured, with
    # 20 populations per design (table in that script's docstring): HRDAG's sim1 18/20,
    # HRDAG's three-class sim4 14/20, three classes on 4 lists 16/20, three classes on 5
    # lists with a large hard-to-record class 8/20; every miss below the truth. In that
    # last design, chains started at the true parameters settled on the same low
    # posterior as chains started from one class (two populations checked), so the
    # sampler is not the cause (and its steps pass the exact checks above): with few
    # members on two or more lists, a hard class's capture
    # probabilities are learned largely from the uniform prior, which pulls them up and
    # the unobserved count down (module docstring, Limits). Those designs are therefore
    # not asserted at 95 % here; the two designs below are ones the data do pin down.
    covered, total = 0, 0
    for name, (n_true, w, p) in SCENARIOS.items():
        for seed in range(6):
            pats = simulate_latent_class(n_true, w, p, seed=100 + seed)
            r = lcmcr(pats, K=5, chains=8, burn_in=500, iterations=700, thin=1, seed=seed)
            covered += r.ci_low <= n_true <= r.ci_high
            total += 1
    assert stats.binom.cdf(9, 12, 0.95) < 0.025
    assert covered >= 10, f"{covered} of {total} intervals cover the truth"


# --------------------------------------------------------------------------------------
# Kosovo 1999
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kosovo():
    # Shorter than the defaults (16 chains x 2,000 + 3,000 sweeps, a quarter of the
    # work): the default run and its effective sample size and R-hat are measured in
    # benchmarks/bench_lcmcr.py, which prints whether the goal is met.
    return lcmcr(KOSOVO["patterns"], list_names=KOSOVO["lists"], chains=16, burn_in=2000,
                 iterations=3000, thin=3)


def test_kosovo_posterior_brackets_the_near_census(kosovo):
    # Kosovo Memory Book near-census 10,401 (package data, kosovo1999.json). Not an
    # equality: the unstratified model is not the published stratified analysis; the
    # check is that the 95 % interval contains it, lies above the 4,400 documented and
    # above the independence estimate (7,395), which ignores heterogeneity. The band for
    # the median is wide compared with its Monte Carlo error (about 100 at ESS 300).
    assert kosovo.ci_low < KOSOVO["benchmark_total"] < kosovo.ci_high
    assert kosovo.ci_low > mse.fit_loglinear(KOSOVO["patterns"], interval="none").n_hat
    assert 9000 < kosovo.n_median < 12500


def test_kosovo_diagnostics_and_flags_agree(kosovo):
    # Even the shorter run has mixed (R-hat below the classic 1.1, a few hundred
    # effective draws); each flag is raised exactly when its diagnostic crosses its line.
    d = kosovo.diagnostics
    assert d["ess_n"] > 200
    assert d["rhat_n"] < 1.1
    assert any("effective sample" in f for f in kosovo.flags) == (d["ess_n"] < 400)
    assert any("R-hat" in f for f in kosovo.flags) == (d["rhat_n"] > 1.05)
    assert any("truncation" in f for f in kosovo.flags) == (d["truncation_share"] > 0.01)


def test_same_seed_same_draws_other_seed_other_draws():
    kw = dict(K=3, chains=4, burn_in=50, iterations=100, thin=1)
    a = lcmcr(KOSOVO["patterns"], seed=7, **kw)
    b = lcmcr(KOSOVO["patterns"], seed=7, **kw)
    c = lcmcr(KOSOVO["patterns"], seed=8, **kw)
    assert np.array_equal(a.draws, b.draws)
    assert not np.array_equal(a.draws, c.draws)


# --------------------------------------------------------------------------------------
# Diagnostics and flags
# --------------------------------------------------------------------------------------


def test_short_run_is_flagged_not_silent():
    r = lcmcr(KOSOVO["patterns"], chains=2, burn_in=0, iterations=40, thin=1)
    assert any("effective sample size" in f for f in r.flags)


def test_truncation_is_flagged_when_all_classes_fill():
    # K = 2 on Kosovo: the data want more classes than two, so both are always occupied
    r = lcmcr(KOSOVO["patterns"], K=2, chains=4, burn_in=100, iterations=200, thin=1)
    assert r.diagnostics["truncation_share"] > 0.5
    assert any("truncation" in f for f in r.flags)


def test_effective_sample_size_of_known_processes():
    rng = np.random.default_rng(0)
    iid = rng.standard_normal(20000)
    assert effective_sample_size(iid) == pytest.approx(20000, rel=0.1)
    # AR(1) with coefficient 0.9: ESS = n (1 - 0.9) / (1 + 0.9) = n / 19
    ar = np.empty(50000)
    ar[0] = 0
    e = rng.standard_normal(50000)
    for i in range(1, 50000):
        ar[i] = 0.9 * ar[i - 1] + e[i]
    assert effective_sample_size(ar) == pytest.approx(50000 / 19, rel=0.2)


def test_split_rhat_detects_chains_that_disagree():
    rng = np.random.default_rng(0)
    same = rng.standard_normal((4, 1000))
    apart = same + np.arange(4)[:, None]
    assert split_rhat(same) < 1.01
    assert split_rhat(apart) > 1.5


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "kwargs", "match"),
    [
        ({"1": 5}, {}, "at least 2 lists"),
        ({"10": 5, "011": 4}, {}, "length"),
        ({"10": -1, "01": 4, "11": 1}, {}, "'10'.*non-negative integer"),
        ({"10": 2.5, "01": 4, "11": 1}, {}, "'10'.*non-negative integer"),
        ({"00": 3, "10": 4, "01": 2}, {}, "'00'.*cannot be observed"),
        ({"100": 5, "110": 4, "010": 2}, {}, "list 2 .*records nobody"),
        ({"10": 5, "01": 4, "11": 1}, {"K": 0}, "K must be"),
        ({"10": 5, "01": 4, "11": 1}, {"a": -1}, "a must be"),
        ({"10": 5, "01": 4, "11": 1}, {"iterations": 5, "thin": 1}, "at least 10"),
        ({"10": 5, "01": 4, "11": 1}, {"level": 1.0}, "level"),
        ({"10": 5, "01": 4, "11": 1}, {"list_names": ["a"]}, "list_names"),
        ({"10": 5, "01": 4, "11": 1}, {"chains": 0}, "chains"),
    ],
)
def test_bad_inputs_raise_naming_the_problem(patterns, kwargs, match):
    with pytest.raises(ValueError, match=match):
        lcmcr(patterns, **kwargs)
