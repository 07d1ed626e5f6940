"""Tests of syriastats.mse_bma: a published case, brute-force checks, invariants, bad input."""
from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
from scipy import integrate, stats
from scipy.special import comb, gammaln

from syriastats import mse
from syriastats.mse_bma import GRAPHS_3, BMAResult, bma_three_lists, log_table_probability

PATTERNS_3 = ["100", "010", "110", "001", "101", "011", "111"]


def _madigan_york() -> dict[str, int]:
    """Madigan & York's three-list example as in dga's test file: the R array
    c(0, 60, 49, 4, 247, 112, 142, 12) with dim c(2, 2, 2), first list fastest."""
    y = [0, 60, 49, 4, 247, 112, 142, 12]
    return {"".join(str((pos >> i) & 1) for i in range(3)): c
            for pos, c in enumerate(y) if pos > 0}


def _independent_counts(n_true: int, p: tuple[float, float, float]) -> dict[str, int]:
    """Expected counts (rounded) of lists independent with capture probabilities p."""
    out = {}
    for pat in PATTERNS_3:
        prob = math.prod(p[i] if ch == "1" else 1 - p[i] for i, ch in enumerate(pat))
        out[pat] = round(n_true * prob)
    return out


def _kosovo_three() -> dict[str, int]:
    """Kosovo 1999, lists EXH, ABA, OSCE (HRW summed out; people only on HRW dropped)."""
    out: dict[str, int] = {}
    for pat, c in mse.kosovo_1999()["patterns"].items():
        if pat[:3] != "000":
            out[pat[:3]] = out.get(pat[:3], 0) + c
    return out


def _all_tables(total: int, cells: int = 8):
    """Every composition of ``total`` into ``cells`` non-negative parts."""
    for bars in itertools.combinations(range(total + cells - 1), cells - 1):
        prev, parts = -1, []
        for b in bars:
            parts.append(b - prev - 1)
            prev = b
        parts.append(total + cells - 2 - prev)
        yield parts


CELL_KEYS = ["000", *PATTERNS_3]


# --------------------------------------------------------------------------------------
# Published case
# --------------------------------------------------------------------------------------


def test_reproduces_madigan_york_three_list_example():
    """dga tests/testthat/test-BMAfunctions.R, '3 lists example against Madigan and
    York': delta 1, negative-binomial prior (a = 13.14, b = 55.17), 1..300 missing."""
    pats = _madigan_york()
    n = sum(pats.values())
    assert n == 626
    a, b = 13.14, 55.17

    def log_prior(n_vals: np.ndarray) -> np.ndarray:
        nv = n_vals.astype(float)
        lp = (nv * math.log(b) - (nv + a) * math.log1p(b) + gammaln(nv + a)
              - gammaln(nv + 1) - gammaln(a))
        return np.where(nv > n, lp, -np.inf)  # dga's grid starts at 1 missing

    res = bma_three_lists(pats, prior_delta=1.0, n_max=n + 300, prior_n=log_prior)
    n_vals = res.posterior_n["N"].to_numpy(dtype=float)
    model_w = res.joint_prob.sum(axis=1)
    top = res.joint_prob[int(np.argmax(model_w))]
    assert round(float(top.sum()), 2) == 0.37
    assert round(np.sum(top / n_vals) / np.sum(top / n_vals**2)) == 731
    assert n_vals[np.argmax(top)] == 729
    avg = res.joint_prob.sum(axis=0)
    assert round(np.sum(avg / n_vals) / np.sum(avg / n_vals**2)) == 731
    assert n_vals[np.argmax(avg)] == 728
    assert res.n_mode == 728


# --------------------------------------------------------------------------------------
# Brute-force checks of the marginal likelihood
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("cells", [[2, 0, 1, 0, 0, 3, 1, 0], [0, 1, 0, 0, 0, 0, 0, 4],
                                   [1, 1, 1, 1, 1, 1, 1, 1]])
def test_saturated_graph_delta_one_is_uniform_over_tables(cells):
    """Dirichlet(1, ..., 1) on 8 cells makes every table with total N equally likely:
    P = 1 / C(N + 7, 7)."""
    counts = dict(zip(CELL_KEYS, cells))
    total = sum(cells)
    got = log_table_probability(counts, [(0, 1), (0, 2), (1, 2)], prior_delta=1.0)
    assert got == pytest.approx(-math.log(comb(total + 7, 7, exact=True)), abs=1e-12)


@pytest.mark.parametrize("delta", [0.125, 0.3, 1.0])
def test_independence_marginal_likelihood_by_numerical_integration(delta):
    """Under independence the hyper-Dirichlet prior makes list i's capture probability
    Beta(4 delta, 4 delta); integrate the multinomial likelihood numerically."""
    cells = [3, 2, 1, 0, 2, 1, 0, 1]  # order of CELL_KEYS, "000" first
    counts = dict(zip(CELL_KEYS, cells))
    total = sum(cells)
    coef = math.factorial(total) / math.prod(math.factorial(c) for c in cells)
    prob = coef
    beta = stats.beta(4 * delta, 4 * delta)
    for i in range(3):
        on = sum(c for key, c in counts.items() if key[i] == "1")
        val, _ = integrate.quad(lambda p, on=on: p**on * (1 - p) ** (total - on) * beta.pdf(p),
                                0, 1, epsabs=0, epsrel=1e-12, limit=200)
        prob *= val
    got = log_table_probability(counts, (), prior_delta=delta)
    assert got == pytest.approx(math.log(prob), rel=1e-9)


@pytest.mark.parametrize("edges", GRAPHS_3)
def test_every_graph_gives_a_distribution_over_tables(edges):
    """Summed over all 330 tables with N = 4, each graph's probabilities add to 1 (a
    wrong clique or separator term would break this)."""
    total = 0.0
    n_tables = 0
    for cells in _all_tables(4):
        total += math.exp(log_table_probability(dict(zip(CELL_KEYS, cells)), edges,
                                                prior_delta=0.3))
        n_tables += 1
    assert n_tables == 330
    assert total == pytest.approx(1.0, abs=1e-12)


# --------------------------------------------------------------------------------------
# Posterior properties
# --------------------------------------------------------------------------------------


def test_posterior_is_a_proper_distribution():
    res = bma_three_lists(_madigan_york())
    assert isinstance(res, BMAResult)
    assert res.posterior_n["prob"].sum() == pytest.approx(1.0, abs=1e-12)
    assert (res.posterior_n["prob"] >= 0).all()
    assert res.model_probs["posterior_prob"].sum() == pytest.approx(1.0, abs=1e-12)
    assert res.joint_prob.shape == (8, len(res.posterior_n))
    assert np.allclose(res.joint_prob.sum(axis=0), res.posterior_n["prob"])
    assert res.posterior_n["N"].iloc[0] == res.observed == 626
    assert res.posterior_n["N"].iloc[-1] == res.n_max == 11 * 626
    assert res.ci_low <= res.n_median <= res.ci_high
    assert set(res.model_probs["edges"]) == set(GRAPHS_3)
    assert (res.model_probs["posterior_prob"].diff().dropna() <= 0).all()


def test_independent_lists_favour_independence_and_cover_truth():
    n_true = 20000
    pats = _independent_counts(n_true, (0.3, 0.4, 0.5))
    res = bma_three_lists(pats)
    top = res.model_probs.iloc[0]
    assert top["edges"] == ()
    assert top["posterior_prob"] > 0.5
    assert res.ci_low <= n_true <= res.ci_high
    assert top["ci_low"] <= n_true <= top["ci_high"]
    assert abs(res.n_median - n_true) / n_true < 0.02
    assert res.flags == ()


def test_permuting_lists_permutes_models_only():
    pats = _madigan_york()
    base = bma_three_lists(pats, prior_delta=0.5)
    base_probs = {e: p for e, p in zip(base.model_probs["edges"],
                                       base.model_probs["posterior_prob"])}
    for perm in itertools.permutations(range(3)):
        # new list i is old list perm[i]
        new = {"".join(p[perm[i]] for i in range(3)): c for p, c in pats.items()}
        res = bma_three_lists(new, prior_delta=0.5)
        assert np.allclose(res.posterior_n["prob"], base.posterior_n["prob"],
                           rtol=1e-9, atol=1e-15)
        assert (res.n_median, res.ci_low, res.ci_high) == (
            base.n_median, base.ci_low, base.ci_high)
        for edges, prob in zip(res.model_probs["edges"], res.model_probs["posterior_prob"]):
            old = tuple(sorted(tuple(sorted((perm[i], perm[j]))) for i, j in edges))
            # closed-form marginal likelihoods summed in another order: rounding only
            assert prob == pytest.approx(base_probs[old], rel=1e-9, abs=1e-15)


def test_raising_n_max_beyond_negligible_mass_leaves_median_unchanged():
    pats = _madigan_york()
    r1 = bma_three_lists(pats, prior_delta=1.0)
    assert r1.posterior_n["prob"].iloc[-len(r1.posterior_n) // 10:].sum() < 1e-6
    r2 = bma_three_lists(pats, prior_delta=1.0, n_max=5 * r1.n_max)
    assert (r2.n_median, r2.ci_low, r2.ci_high) == (r1.n_median, r1.ci_low, r1.ci_high)
    # the mass beyond the first n_max is < 1e-6 (asserted above), so the mean moves
    # by at most about that share times the tail values
    assert r2.n_mean == pytest.approx(r1.n_mean, rel=1e-6)


def test_small_n_max_is_flagged():
    pats = _madigan_york()
    res = bma_three_lists(pats, prior_delta=1.0, n_max=650)
    assert any("top tenth" in f for f in res.flags)


def test_graph_posteriors_agree_with_loglinear_mle_at_large_counts():
    """Kosovo (EXH, ABA, OSCE): with thousands of people the posterior of N given a
    graph should sit close to the log-linear MLE and profile interval of the same
    model (a separate implementation in syriastats.mse)."""
    pats = _kosovo_three()
    res = bma_three_lists(pats)
    for _, row in res.model_probs.iterrows():
        if row["n_edges"] == 3:
            continue
        fit = mse.fit_loglinear(pats, row["edges"])
        assert row["n_median"] == pytest.approx(fit.n_hat, rel=0.01)
        assert row["ci_low"] == pytest.approx(fit.ci_low, rel=0.02)
        assert row["ci_high"] == pytest.approx(fit.ci_high, rel=0.02)


def test_saturated_dominance_is_flagged_and_can_be_excluded():
    pats = _kosovo_three()
    res = bma_three_lists(pats)
    assert res.model_probs.iloc[0]["n_edges"] == 3
    assert any("saturated" in f for f in res.flags)
    ex = bma_three_lists(pats, exclude_saturated=True)
    sat = ex.model_probs[ex.model_probs["n_edges"] == 3].iloc[0]
    assert sat["prior_prob"] == 0 and sat["posterior_prob"] == 0
    assert math.isnan(sat["n_median"])
    assert ex.model_probs["prior_prob"].sum() == pytest.approx(1.0)
    assert not any("saturated" in f for f in ex.flags)


def test_prior_options_order_the_medians():
    """On the same grid a flat prior puts more weight on large N than 1/N, which puts
    more than dga's 1/(N - n)."""
    pats = _madigan_york()
    med = {p: bma_three_lists(pats, prior_n=p, n_max=3000).n_mean
           for p in ("uniform", "1/N", "1/n0")}
    assert med["uniform"] > med["1/N"] > med["1/n0"]
    r = bma_three_lists(pats, prior_n="1/n0")
    assert r.posterior_n["prob"].iloc[0] == 0.0


def test_to_dict_is_json_ready():
    res = bma_three_lists(_madigan_york(), list_names=["birth", "death", "rehab"])
    d = json.loads(json.dumps(res.to_dict()))
    assert d["observed"] == 626 and d["list_names"] == ["birth", "death", "rehab"]
    assert len(d["model_probs"]) == 8
    assert sum(m["posterior_prob"] for m in d["model_probs"]) == pytest.approx(1.0)
    assert len(d["posterior_n"]["N"]) == len(d["posterior_n"]["prob"]) == 11 * 626 - 626 + 1
    assert any(m["model"] == "birth-death" for m in d["model_probs"])


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "kwargs", "match"),
    [
        ({"10": 5, "01": 4, "11": 2}, {}, "exactly 3 lists"),
        ({"1000": 5, "0100": 4, "1100": 2}, {}, "exactly 3 lists"),
        ({"10a": 5}, {}, "only the characters"),
        ({"100": -1, "010": 3}, {}, "non-negative integer"),
        ({"100": 2.5, "010": 3}, {}, "non-negative integer"),
        ({"000": 3, "100": 2}, {}, "cannot be observed"),
        ({"100": 5, "010": 4}, {"n_max": 8}, "below the 9 persons"),
        ({"100": 5, "010": 4}, {"n_max": 20.0}, "n_max must be an integer"),
        ({"100": 5, "010": 4}, {"prior_delta": 0}, "prior_delta"),
        ({"100": 5, "010": 4}, {"prior_delta": float("nan")}, "prior_delta"),
        ({"100": 5, "010": 4}, {"prior_n": "jeffreys"}, "prior_n"),
        ({"100": 5, "010": 4}, {"level": 1.5}, "level"),
        ({"100": 5, "010": 4}, {"list_names": ["a", "b"]}, "list_names"),
        ({"100": 5, "010": 4}, {"prior_n": lambda n: np.full(n.shape, -np.inf)},
         "zero weight"),
        ({"100": 5, "010": 4}, {"prior_n": lambda n: np.zeros(3)}, "shape"),
    ],
)
def test_bad_inputs_raise(patterns, kwargs, match):
    with pytest.raises(ValueError, match=match):
        bma_three_lists(patterns, **kwargs)


def test_log_table_probability_rejects_bad_graph():
    with pytest.raises(ValueError, match="not a graph"):
        log_table_probability({"000": 1, "100": 1}, [(0, 3)])


def test_log_table_probability_rejects_bad_cells():
    with pytest.raises(ValueError, match="not a pattern of 3 lists"):
        log_table_probability({"0000": 1})
    with pytest.raises(ValueError, match="non-negative integer"):
        log_table_probability({"000": -2, "100": 1})


def test_summaries_follow_their_definitions():
    """Median / interval ends are the smallest N whose posterior CDF reaches 0.5 /
    0.025 / 0.975; the mean is sum N p. Checked per graph too."""
    res = bma_three_lists(_madigan_york(), prior_delta=1.0)
    n_vals = res.posterior_n["N"].to_numpy()

    def q(prob, level):
        cdf = np.cumsum(prob / prob.sum())
        return float(n_vals[np.argmax(cdf >= level - 1e-12)])

    p = res.posterior_n["prob"].to_numpy()
    assert res.n_median == q(p, 0.5)
    assert (res.ci_low, res.ci_high) == (q(p, 0.025), q(p, 0.975))
    assert res.n_mean == pytest.approx(float(np.sum(n_vals * p)), rel=1e-12)
    assert res.n_mode == float(n_vals[np.argmax(p)])
    for _, row in res.model_probs.iterrows():
        joint_row = res.joint_prob[GRAPHS_3.index(row["edges"])]
        assert row["posterior_prob"] == pytest.approx(joint_row.sum(), rel=1e-12)
        assert (row["n_median"], row["ci_low"], row["ci_high"]) == (
            q(joint_row, 0.5), q(joint_row, 0.025), q(joint_row, 0.975))
    r90 = bma_three_lists(_madigan_york(), prior_delta=1.0, level=0.9)
    assert (r90.ci_low, r90.ci_high) == (q(p, 0.05), q(p, 0.95))
