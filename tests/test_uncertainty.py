"""Tests for syriastats.uncertainty: analytic checks, refusals, properties."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from syriastats.uncertainty import (
    DEFAULT_UNDERCOUNT,
    ExtremeInputError,
    Fitted,
    UncertaintyError,
    from_row,
    mixture_ppf,
    pool,
    sample_joint,
    split_lognorm,
    summarise,
    to_distribution,
    z_for,
)

REL = 1e-9


def rel_close(a: float, b: float, tol: float = REL) -> bool:
    return abs(a - b) <= tol * max(abs(a), abs(b))


# ---------------------------------------------------------------- one figure ----------

def test_z_values_published() -> None:
    # Standard normal quantiles as printed in every table.
    assert abs(z_for(0.90) - 1.644854) < 1e-6
    assert abs(z_for(0.95) - 1.959964) < 1e-6


def test_geometric_mean_central_gives_lognormal_with_closed_form_params() -> None:
    f = to_distribution(100.0, 200.0, 400.0)  # 200 = sqrt(100*400)
    assert f.kind == "lognormal"
    assert rel_close(f.median(), 200.0)
    sigma = math.log(4.0) / (2 * 1.6448536269514722)
    assert rel_close(f.dist.std() ** 2, (math.exp(sigma**2) - 1) * math.exp(2 * math.log(200) + sigma**2), 1e-9)
    lo, hi = f.interval(0.9)
    assert rel_close(lo, 100.0) and rel_close(hi, 400.0)


def test_split_lognormal_keeps_all_three_numbers() -> None:
    f = to_distribution(250_000, 280_000, 470_000)
    assert f.kind == "split_lognormal"
    assert rel_close(f.median(), 280_000)
    lo, hi = f.interval(0.9)
    assert rel_close(lo, 250_000) and rel_close(hi, 470_000)
    assert "250,000" in f.assumption and "470,000" in f.assumption and "90%" in f.assumption


def test_confidence_interval_uses_its_own_level() -> None:
    f = to_distribution(1000, 1500, 2600, range_type="confidence_interval", range_level=0.95)
    lo, hi = f.interval(0.95)
    assert rel_close(lo, 1000) and rel_close(hi, 2600)
    lo90, hi90 = f.interval(0.9)
    assert lo90 > 1000 and hi90 < 2600


def test_margin_reads_arithmetic_bounds_as_quantiles() -> None:
    # SCPR 2016: 470,000 with a 5% margin either side -> 446,500 .. 493,500.
    f = to_distribution(central=470_000, range_type="margin", margin=0.05)
    lo, hi = f.interval(0.9)
    assert rel_close(lo, 446_500) and rel_close(hi, 493_500)
    assert rel_close(f.median(), 470_000)
    g = to_distribution(central=470_000, range_type="margin", margin=0.05, range_level=0.95)
    assert rel_close(g.interval(0.95)[1], 493_500)


def test_split_lognorm_is_a_proper_distribution() -> None:
    d = split_lognorm(0.3, 0.7, scale=50.0)
    total, _ = integrate.quad(d.pdf, 0, 50, limit=200)
    total2, _ = integrate.quad(d.pdf, 50, np.inf, limit=200)
    assert abs(total - 0.5) < 1e-8 and abs(total2 - 0.5) < 1e-8
    q = np.array([1e-6, 0.01, 0.3, 0.5, 0.77, 0.999])
    np.testing.assert_allclose(d.cdf(d.ppf(q)), q, rtol=1e-10)
    mean_num = integrate.quad(lambda x: x * d.pdf(x), 0, 50)[0] + \
        integrate.quad(lambda x: x * d.pdf(x), 50, np.inf)[0]
    assert rel_close(d.mean(), mean_num, 1e-7)
    # Equal sigmas: identical to scipy's log-normal.
    e = split_lognorm(0.4, 0.4, scale=7.0)
    x = np.array([0.5, 3.0, 7.0, 20.0])
    np.testing.assert_allclose(e.cdf(x), stats.lognorm.cdf(x, 0.4, scale=7.0), rtol=1e-12)
    np.testing.assert_allclose(e.pdf(x), stats.lognorm.pdf(x, 0.4, scale=7.0), rtol=1e-12)
    r = d.rvs(size=200_000, random_state=np.random.default_rng(3))
    assert abs(np.median(r) - 50.0) / 50.0 < 0.01


def test_pert_and_triangular_hard_bounds() -> None:
    f = to_distribution(100, 150, 300, range_type="hard_bounds")
    assert f.kind == "pert"
    assert rel_close(f.dist.mean(), (100 + 4 * 150 + 300) / 6)
    assert f.dist.cdf(100) == 0 and f.dist.cdf(300) == 1
    t = to_distribution(100, 150, 300, shape="triangular")
    assert t.kind == "triangular"
    assert rel_close(t.dist.mean(), (100 + 150 + 300) / 3)
    u = to_distribution(100, None, 300, range_type="hard_bounds")
    assert u.kind == "uniform" and rel_close(u.median(), 200)


def test_documented_count_is_a_floor_with_default() -> None:
    f = to_distribution(central=191_369, method="documented_count")
    assert f.kind == "lower_bound"
    assert f.dist.cdf(191_369 * (1 - 1e-12)) == 0.0
    # Default: truth within [count, 2.1408 x count] with 90% probability (306,887/143,350).
    assert abs(DEFAULT_UNDERCOUNT[1] - 2.14082) < 1e-4
    p = f.dist.cdf(191_369 * 306_887 / 143_350) - f.dist.cdf(191_369)
    assert abs(p - 0.9) < 1e-9
    assert "floor" in f.assumption and "191,369" in f.assumption and "OHCHR" in f.assumption
    assert f.params["default_used"] is True
    draws = f.sample(10_000, np.random.default_rng(0))
    assert draws.min() >= 191_369


def test_floor_with_central_undercount_interval() -> None:
    f = to_distribution(central=1000, qualifier="at_least", undercount=(1.2, 2.5))
    lo, hi = f.interval(0.9)
    assert rel_close(lo, 1200) and rel_close(hi, 2500)
    assert f.dist.cdf(999.999) == 0.0
    f80 = to_distribution(central=1000, qualifier="at_least", undercount=(1.2, 2.5), coverage=0.8)
    assert rel_close(f80.interval(0.8)[0], 1200)


def test_at_least_with_high_uses_it() -> None:
    f = to_distribution(central=250_000, high=300_000, qualifier="at_least")
    p = f.dist.cdf(300_000) - f.dist.cdf(250_000)
    assert abs(p - 0.9) < 1e-9 and f.params["default_used"] is False


def test_at_most_is_a_ceiling_and_needs_undercount() -> None:
    with pytest.raises(UncertaintyError):
        to_distribution(central=1000, qualifier="at_most")
    f = to_distribution(central=1000, qualifier="at_most", undercount=(1.25, 2.0))
    assert f.kind == "upper_bound"
    lo, hi = f.interval(0.9)
    assert rel_close(lo, 500) and rel_close(hi, 800)
    assert f.dist.sf(1000 * (1 + 1e-12)) == 0.0
    g = to_distribution(central=1000, qualifier="at_most", undercount=(1.0, 2.0))
    assert abs((g.dist.cdf(1000) - g.dist.cdf(500)) - 0.9) < 1e-9
    assert g.sample(5000, np.random.default_rng(1)).max() <= 1000


def test_bare_point_refused_unless_margin_assumed() -> None:
    with pytest.raises(UncertaintyError, match="assumed_margin"):
        to_distribution(central=5_524_511)
    f = to_distribution(central=5_524_511, assumed_margin=0.1)
    assert rel_close(f.interval(0.9)[0], 5_524_511 * 0.9)
    assert "assumed" in f.assumption.lower() or "Assumed" in f.assumption


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(low=300, central=200, high=100),          # reversed
        dict(low=100, central=500, high=300),          # central outside
        dict(low=0, central=5, high=10),               # log of zero
        dict(low=100, high=100),                       # zero width
        dict(central=100, range_type="margin", margin=1.0),
        dict(central=100, range_type="margin"),        # margin missing
        dict(low=1, central=2, high=3, coverage=1.0),
        dict(low=1, central=2, high=3, shape="gamma"),
        dict(central=10, method="documented_count", undercount=(0.8, 2)),
        dict(central=10, method="documented_count", undercount=(2, 1.5)),
        dict(),
        dict(low=10, range_type="bracket"),
        dict(central=-5, assumed_margin=0.1),
    ],
)
def test_refusals(kwargs: dict) -> None:
    with pytest.raises(UncertaintyError):
        to_distribution(**kwargs)


def test_uncertainty_error_is_value_error() -> None:
    assert issubclass(UncertaintyError, ValueError)


def test_from_row_with_loader_dtypes() -> None:
    df = pd.DataFrame({
        "estimate_id": ["a", "b"],
        "low": pd.array([pd.NA, 80_000], dtype="Float64"),
        "central": pd.array([59_648, 100_000], dtype="Float64"),
        "high": pd.array([pd.NA, 140_000], dtype="Float64"),
        "qualifier": pd.Categorical(["exact", "approximately"]),
        "method": pd.Categorical(["documented_count", "expert_estimate"]),
        "range_type": pd.Categorical(["none", "bracket"]),
        "range_level": pd.array([pd.NA, pd.NA], dtype="Float64"),
        "margin": pd.array([pd.NA, pd.NA], dtype="Float64"),
    })
    a = from_row(df.iloc[0])
    b = from_row(df.iloc[1], coverage=0.8)
    assert a.kind == "lower_bound" and a.params["estimate_id"] == "a"
    lo, hi = b.interval(0.8)
    assert rel_close(lo, 80_000) and rel_close(hi, 140_000) and rel_close(b.median(), 100_000)
    c = from_row({"central": 10.0, "qualifier": "exact", "range_type": "none"}, assumed_margin=0.2)
    assert rel_close(c.median(), 10.0)


# ----------------------------------------------------------------- properties ---------

pos = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lo=pos, r1=st.floats(1.001, 50), r2=st.floats(1.001, 50), cov=st.floats(0.5, 0.99))
def test_property_valid_ranges_come_back_out(lo: float, r1: float, r2: float, cov: float) -> None:
    c, hi = lo * r1, lo * r1 * r2
    f = to_distribution(lo, c, hi, coverage=cov)
    qlo, qhi = f.interval(cov)
    assert rel_close(qlo, lo) and rel_close(qhi, hi)
    assert rel_close(f.median(), c)
    assert f.dist.cdf(c) == pytest.approx(0.5, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(a=pos, b=pos, c=pos)
def test_property_invalid_ranges_refused(a: float, b: float, c: float) -> None:
    lo, hi = max(a, b), min(a, b)  # high <= low: always invalid
    with pytest.raises(UncertaintyError):
        to_distribution(lo, c, hi)


@settings(max_examples=40, deadline=None)
@given(count=pos, a=st.floats(1.0, 3.0), w=st.floats(0.01, 5.0), cov=st.floats(0.5, 0.99))
@example(count=1000.0, a=1.0000000000000002, w=1.0, cov=0.9)  # the refused band, always tried
def test_property_floor_has_no_mass_below(count: float, a: float, w: float, cov: float) -> None:
    if 1.0 < a < 1.0 + 1e-9:
        # a lower factor a hair above 1 is refused by design (ExtremeInputError: 'a either 1
        # or above 1 + 1e-9'); Hypothesis finds a = 1.0000000000000002
        with pytest.raises(ExtremeInputError):
            to_distribution(central=count, method="documented_count", undercount=(a, a + w),
                            coverage=cov)
        return
    f = to_distribution(central=count, method="documented_count", undercount=(a, a + w),
                        coverage=cov)
    assert f.dist.cdf(count * (1 - 1e-9)) == 0.0
    if a > 1.0:
        qlo, qhi = f.interval(cov)
        assert rel_close(qlo, count * a, 1e-8) and rel_close(qhi, count * (a + w), 1e-8)
    else:
        assert abs(f.dist.cdf(count * (a + w)) - cov) < 1e-9


# --------------------------------------------------------------- propagation ----------

def _normal(mu: float, sd: float) -> Fitted:
    return Fitted(stats.norm(mu, sd), "normal", "test input")


def test_sum_of_independent_normals_matches_closed_form() -> None:
    d = sample_joint({"a": _normal(10, 3), "b": _normal(5, 4)}, 400_000, np.random.default_rng(7))
    s = d["a"] + d["b"]
    assert abs(s.mean() - 15) < 0.05
    assert abs(s.std() - 5.0) < 0.03  # sqrt(3^2 + 4^2)
    lo, hi = np.quantile(s, [0.05, 0.95])
    assert abs(lo - (15 - 1.644854 * 5)) < 0.1 and abs(hi - (15 + 1.644854 * 5)) < 0.1


def test_ratio_of_lognormals_is_lognormal() -> None:
    a = to_distribution(1000, None, 4000)        # median 2000, s_a = ln4 / 2z
    b = to_distribution(50, None, 200)           # median 100, s_b = ln4 / 2z
    d = sample_joint({"a": a, "b": b}, 400_000, np.random.default_rng(11))
    r = d["a"] / d["b"]
    s = math.sqrt(2) * math.log(4) / (2 * 1.6448536269514722)
    assert abs(np.median(r) / 20.0 - 1) < 0.01
    assert abs(np.log(r).std() / s - 1) < 0.01
    q95 = np.quantile(r, 0.95)
    assert abs(q95 / (20 * math.exp(1.6448536269514722 * s)) - 1) < 0.015


def test_same_seed_same_numbers_and_different_seed_differs() -> None:
    fits = {"a": to_distribution(1, 2, 5), "b": to_distribution(central=10, qualifier="at_least")}
    x = sample_joint(fits, 1000, np.random.default_rng(42))
    y = sample_joint(fits, 1000, np.random.default_rng(42))
    z = sample_joint(fits, 1000, np.random.default_rng(43))
    np.testing.assert_array_equal(x["a"], y["a"])
    np.testing.assert_array_equal(x["b"], y["b"])
    assert not np.array_equal(x["a"], z["a"])
    rc = [[1, 0.5], [0.5, 1]]
    u = sample_joint(fits, 1000, np.random.default_rng(5), rank_correlation=rc)
    v = sample_joint(fits, 1000, np.random.default_rng(5), rank_correlation=rc)
    np.testing.assert_array_equal(u["b"], v["b"])


def test_gaussian_copula_hits_rank_correlation_and_keeps_marginals() -> None:
    fits = {"a": to_distribution(100, 150, 300), "b": to_distribution(1, 2, 4)}
    d = sample_joint(fits, 200_000, np.random.default_rng(1),
                     rank_correlation=pd.DataFrame([[1, 0.6], [0.6, 1]], index=["a", "b"],
                                                   columns=["a", "b"]))
    rho = stats.spearmanr(d["a"], d["b"]).statistic
    assert abs(rho - 0.6) < 0.01
    assert abs(np.quantile(d["a"], 0.05) / 100 - 1) < 0.01
    assert abs(np.quantile(d["a"], 0.95) / 300 - 1) < 0.02
    co = sample_joint(fits, 1000, np.random.default_rng(2), rank_correlation=np.ones((2, 2)))
    np.testing.assert_array_equal(np.argsort(co["a"]), np.argsort(co["b"]))
    with pytest.raises(UncertaintyError):
        sample_joint(fits, 10, np.random.default_rng(0), rank_correlation=[[1, 2], [2, 1]])


def test_summarise_contract_columns_and_values() -> None:
    out = summarise({"x": np.arange(101.0), "y": np.full(11, 3.0)})
    assert list(out.columns) == ["quantity", "median", "lower_50", "upper_50", "lower_90",
                                 "upper_90", "lower_95", "upper_95"]
    x = out.set_index("quantity").loc["x"]
    assert (x["median"], x["lower_50"], x["upper_50"]) == (50.0, 25.0, 75.0)
    assert x["lower_90"] == pytest.approx(5.0) and x["upper_90"] == pytest.approx(95.0)
    assert x["lower_95"] == pytest.approx(2.5) and x["upper_95"] == pytest.approx(97.5)
    with pytest.raises(UncertaintyError):
        summarise({"z": np.array([1.0, np.nan])})


# ------------------------------------------------------------------- pooling ----------

def _rows(**cols: list) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {
        "estimate_id": [f"e{i}" for i in range(n)],
        "measure": ["deaths_total"] * n,
        "qualifier": ["exact"] * n,
        "method": ["statistical_estimate"] * n,
        "range_type": ["bracket"] * n,
        "range_level": [np.nan] * n,
        "margin": [np.nan] * n,
        "period_start": pd.to_datetime(["2011-03-01"] * n),
        "period_end": pd.to_datetime(["2015-12-31"] * n),
    }
    base.update(cols)
    return pd.DataFrame(base)


def test_pool_dl_matches_hand_formula_and_pm_solves_its_equation() -> None:
    df = _rows(low=[100.0, 400.0, 90.0, 1000.0], central=[np.nan] * 4,
               high=[300.0, 900.0, 200.0, 2000.0])
    out = pool(df).set_index("method")
    z = 1.6448536269514722
    y = 0.5 * (np.log(df["low"]) + np.log(df["high"]))
    v = ((np.log(df["high"]) - np.log(df["low"])) / (2 * z)) ** 2
    w = 1 / v
    ybar = (w * y).sum() / w.sum()
    q = (w * (y - ybar) ** 2).sum()
    tau2 = max(0.0, (q - 3) / (w.sum() - (w**2).sum() / w.sum()))
    wr = 1 / (v + tau2)
    mu = (wr * y).sum() / wr.sum()
    se = math.sqrt(1 / wr.sum())
    dl = out.loc["random_effects_dl"]
    assert tau2 > 0
    assert rel_close(dl["tau2"], tau2, 1e-8)
    assert rel_close(dl["central"], math.exp(mu), 1e-10)
    assert rel_close(dl["lower"], math.exp(mu - z * se), 1e-10)
    pm = out.loc["random_effects_pm"]
    t = pm["tau2"]
    wp = 1 / (v + t)
    mup = (wp * y).sum() / wp.sum()
    assert abs((wp * (y - mup) ** 2).sum() - 3) < 1e-4  # Paule-Mandel: generalised Q = k - 1
    env = out.loc["envelope"]
    assert (env["lower"], env["upper"]) == (90.0, 2000.0)
    assert set(out.index) == {"random_effects_dl", "random_effects_pm", "mixture", "envelope"}
    assert out["meaning"].str.len().min() > 20


def test_pool_mixture_quantiles() -> None:
    df = _rows(low=[100.0, 100.0], central=[200.0, 200.0], high=[300.0, 300.0])
    out = pool(df).set_index("method")
    mx = out.loc["mixture"]
    assert rel_close(mx["central"], 200.0, 1e-9)
    assert rel_close(mx["lower"], 100.0, 1e-9) and rel_close(mx["upper"], 300.0, 1e-9)
    # Two different components: mixture CDF at the returned quantile equals q.
    f1, f2 = to_distribution(10, None, 40), to_distribution(30, None, 90)
    q = mixture_ppf([f1, f2], [0.25, 0.75], 0.9)
    assert abs(0.25 * f1.dist.cdf(q) + 0.75 * f2.dist.cdf(q) - 0.9) < 1e-10
    # Sampling route agrees with inversion.
    df2 = _rows(low=[10.0, 30.0], central=[np.nan, np.nan], high=[40.0, 90.0])
    inv = pool(df2).set_index("method").loc["mixture"]
    smp = pool(df2, rng=np.random.default_rng(0), n=400_000).set_index("method").loc["mixture"]
    assert abs(smp["central"] / inv["central"] - 1) < 0.01


def test_pool_refuses_mixed_measures_and_disjoint_periods() -> None:
    df = _rows(low=[100.0, 150.0], central=[np.nan, np.nan], high=[300.0, 260.0])
    df.loc[1, "measure"] = "deaths_civilian"
    with pytest.raises(UncertaintyError, match="allow_mixed"):
        pool(df)
    assert len(pool(df, allow_mixed=True)) == 4
    df2 = _rows(low=[100.0, 150.0], central=[np.nan, np.nan], high=[300.0, 260.0])
    df2.loc[1, "period_start"] = pd.Timestamp("2016-01-01")
    df2.loc[1, "period_end"] = pd.Timestamp("2016-12-31")
    with pytest.raises(UncertaintyError, match="overlap"):
        pool(df2)


def test_pool_homogeneous_sources_truncate_tau2_at_zero() -> None:
    # Q < k - 1: DerSimonian-Laird truncates tau^2 at 0 (fixed-effect answer).
    df = _rows(low=[100.0, 105.0], central=[np.nan, np.nan], high=[400.0, 410.0])
    out = pool(df).set_index("method")
    for m in ("random_effects_dl", "random_effects_pm"):
        assert out.loc[m, "tau2"] == 0.0
    z = 1.6448536269514722
    y = 0.5 * (np.log(df["low"]) + np.log(df["high"]))
    v = ((np.log(df["high"]) - np.log(df["low"])) / (2 * z)) ** 2
    mu = (y / v).sum() / (1 / v).sum()
    assert rel_close(out.loc["random_effects_dl", "central"], math.exp(mu), 1e-10)


def test_pool_single_row_has_no_meta_analysis() -> None:
    out = pool(_rows(low=[10.0], central=[np.nan], high=[40.0])).set_index("method")
    assert math.isnan(out.loc["random_effects_dl", "central"])
    assert rel_close(out.loc["mixture", "central"], 20.0)


def test_row_errors_name_the_estimate_and_levels_are_fractions() -> None:
    from syriastats.uncertainty import UncertaintyError, from_row, to_distribution

    with pytest.raises(UncertaintyError, match="estimate e-bare"):
        from_row({"estimate_id": "e-bare", "central": 400_000.0, "qualifier": "exact",
                  "method": "expert_estimate", "range_type": "none"})
    with pytest.raises(UncertaintyError, match="range_level"):
        to_distribution(100.0, None, 200.0, range_type="confidence_interval", range_level=95)
    with pytest.raises(UncertaintyError, match="bracket has no stated coverage"):
        to_distribution(100.0, None, 200.0, range_type="bracket", range_level=0.8)
