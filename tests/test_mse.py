"""Tests of syriastats.mse: published cases, analytic identities, invariants, bad input."""
from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import optimize, stats
from scipy.special import digamma, gammaln, xlogy

from syriastats import mse

CASES = json.loads((Path(__file__).parent / "data" / "mse_cases.json").read_text("utf-8"))["cases"]
ALL_PAIRS_4 = list(itertools.combinations(range(4), 2))


def _published():
    for case in CASES:
        for i, pub in enumerate(case["published"]):
            yield pytest.param(case, pub, id=f"{case['name']}-{i}-{pub['estimator']}")


def _same_at_precision(ours: float, published: float, digits: int) -> bool:
    """True if ``ours`` prints as ``published`` with ``digits`` decimals (half-up or
    half-even ambiguity allowed by a 1e-9 margin)."""
    half = 0.5 * 10.0 ** (-digits)
    return abs(ours - published) <= half + 1e-9


# --------------------------------------------------------------------------------------
# Published cases
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "pub"), list(_published()))
def test_reproduces_published_case(case, pub):
    if pub["estimator"] == "lincoln_petersen":
        res = mse.lincoln_petersen(**pub["args"])
    elif pub["estimator"] == "chapman":
        res = mse.chapman(**pub["args"])
    else:
        res = mse.fit_loglinear(case["patterns"], [tuple(t) for t in pub["interactions"]])
    assert res.observed == case["observed_total"]
    d = pub["digits"]
    checks = {"n_hat": res.n_hat, "se": res.se}
    for key in ("ci_low", "ci_high", "n_hat_profile"):
        if key in pub:
            checks[key] = getattr(res, key)
    for key, ours in checks.items():
        assert _same_at_precision(ours, pub[key], d), (key, ours, pub[key])
    if "deviance" in pub:
        df_ = pub["digits_fit"]
        assert _same_at_precision(res.deviance, pub["deviance"], df_)
        assert _same_at_precision(res.aic, pub["aic"], df_)
        assert res.df == pub["df"]


def test_cases_file_patterns_add_up():
    for case in CASES:
        assert sum(case["patterns"].values()) == case["observed_total"]


def test_kosovo_package_copy_matches_cases_file():
    data = mse.kosovo_1999()
    case = next(c for c in CASES if c["name"].startswith("kosovo"))
    assert data["patterns"] == mse.normalise_patterns(case["patterns"])
    assert data["observed_total"] == 4400 == sum(data["patterns"].values())
    assert data["benchmark_total"] == case["benchmark_total"] == 10401
    assert data["lists"] == ["EXH", "ABA", "OSCE", "HRW"]
    assert "Ball" in data["citation"] and "10,401" in data["benchmark_citation"]


# --------------------------------------------------------------------------------------
# Two lists: hand-made values and identities
# --------------------------------------------------------------------------------------


def test_chapman_hand_computed():
    # (10*10)/5 - 1 = 19; var = 10*10*5*5 / (5^2 * 6) = 50/3
    res = mse.chapman(9, 9, 4)
    assert res.n_hat == pytest.approx(19.0)
    assert res.se == pytest.approx(math.sqrt(50 / 3))
    assert res.observed == 14
    f0, var = 19 - 14, 50 / 3
    c = math.exp(1.959963984540054 * math.sqrt(math.log(1 + var / f0**2)))
    assert res.ci_low == pytest.approx(14 + f0 / c)
    assert res.ci_high == pytest.approx(14 + f0 * c)
    assert res.flags  # m < 7 is flagged


def test_lincoln_petersen_hand_computed():
    res = mse.lincoln_petersen(100, 50, 20)
    assert res.n_hat == pytest.approx(250.0)
    assert res.se**2 == pytest.approx(100 * 50 * 80 * 30 / 20**3)


def test_complete_overlap_gives_degenerate_interval():
    for fn in (mse.lincoln_petersen, mse.chapman):
        res = fn(30, 30, 30)
        assert res.n_hat == pytest.approx(30.0)
        assert res.se == 0
        assert res.ci_low == res.ci_high == 30


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 5000), st.integers(0, 5000), st.data())
def test_two_list_interval_lower_end_at_least_observed(n1, n2, data):
    m = data.draw(st.integers(0, min(n1, n2)))
    if n1 + n2 - m == 0:
        return
    res = mse.chapman(n1, n2, m)
    assert res.ci_low >= res.observed - 1e-9
    assert res.ci_low <= res.n_hat <= res.ci_high
    if m > 0:
        lp = mse.lincoln_petersen(n1, n2, m)
        assert lp.ci_low >= lp.observed - 1e-9
        assert lp.n_hat >= lp.observed - 1e-9


def test_loglinear_two_list_independence_is_lincoln_petersen():
    n11, n10, n01 = 37, 211, 94
    fit = mse.fit_loglinear({"11": n11, "10": n10, "01": n01})
    lp = mse.lincoln_petersen(n11 + n10, n11 + n01, n11)
    # A well-identified MLE: IRLS converges quadratically, so N is exact to a few ulps
    # times the condition of the 2x2 solve (about 10 here); 1e-10 leaves a margin.
    assert fit.n_hat == pytest.approx(lp.n_hat, rel=1e-10)
    # The Poisson-GLM standard error equals Seber's variance algebraically.
    assert fit.se == pytest.approx(lp.se, rel=1e-8)
    assert fit.df == 0


def _two_list_profile_closed_form(n1: int, n2: int, m: int, level: float = 0.95):
    """Independent check: for two independent lists and fixed N, the multinomial MLE
    is p_i = n_i / N, so the profile log-likelihood has a closed form."""
    n = n1 + n2 - m

    def ll(N: float) -> float:
        return float(gammaln(N + 1) - gammaln(N - n + 1)
                     + xlogy(n1, n1) + xlogy(N - n1, N - n1)
                     + xlogy(n2, n2) + xlogy(N - n2, N - n2) - 2 * xlogy(N, N))

    opt = optimize.minimize_scalar(lambda v: -ll(v), bounds=(n + 1e-6, 10 * n),
                                   method="bounded", options={"xatol": 1e-9})
    top = -opt.fun
    cut = stats.chi2.ppf(level, 1) / 2
    lo = optimize.brentq(lambda v: ll(v) - top + cut, n + 1e-6, opt.x)
    hi = optimize.brentq(lambda v: ll(v) - top + cut, opt.x, 10 * n)
    return opt.x, lo, hi


def test_profile_interval_matches_closed_form_two_lists():
    n11, n10, n01 = 167, 781, 254
    fit = mse.fit_loglinear({"11": n11, "10": n10, "01": n01})
    n_max, lo, hi = _two_list_profile_closed_form(n11 + n10, n11 + n01, n11)
    assert fit.n_hat_profile == pytest.approx(n_max, abs=1e-3)
    assert fit.ci_low == pytest.approx(lo, abs=1e-4)
    assert fit.ci_high == pytest.approx(hi, abs=1e-4)


# --------------------------------------------------------------------------------------
# Log-linear: analytic cases and invariants
# --------------------------------------------------------------------------------------


def _independent_table(n_total: int, p: tuple[float, ...]) -> dict[str, int]:
    out = {}
    for bits in itertools.product("01", repeat=len(p)):
        key = "".join(bits)
        if "1" not in key:
            continue
        prob = np.prod([pi if b == "1" else 1 - pi for pi, b in zip(p, bits)])
        out[key] = int(round(n_total * prob))
    return out


def test_exactly_independent_lists_recover_n_and_interaction_does_not_move_it():
    # Expected counts of N = 10,000 people caught independently with p = .5, .4, .2:
    # all integers, so the independence model fits exactly and N0 = 10,000 * .5*.6*.8.
    pats = _independent_table(10_000, (0.5, 0.4, 0.2))
    assert sum(pats.values()) == 10_000 - 2_400
    ind = mse.fit_loglinear(pats)
    # Exact fit, well-identified MLE (no flat direction): float error of the IRLS
    # solve only, far below 1e-9; models with one more parameter are less well
    # conditioned (larger SE), so 1e-7 there.
    assert ind.n_hat == pytest.approx(10_000, rel=1e-9)
    assert ind.deviance == pytest.approx(0, abs=1e-8)
    for pair in [(0, 1), (0, 2), (1, 2)]:
        more = mse.fit_loglinear(pats, [pair])
        assert more.n_hat == pytest.approx(10_000, rel=1e-7)
        assert more.se > ind.se  # the extra parameter costs precision


def test_saturated_three_list_model_closed_form():
    pats = {"111": 12, "110": 30, "101": 25, "011": 18, "100": 200, "010": 150, "001": 120}
    res = mse.fit_loglinear(pats, [(0, 1), (0, 2), (1, 2)])
    n0 = 12 * 200 * 150 * 120 / (30 * 25 * 18)
    # closed forms of well-identified MLEs: float error of the IRLS solve only
    assert res.n_hat == pytest.approx(sum(pats.values()) + n0, rel=1e-9)
    assert res.df == 0
    assert any("df = 0" in f for f in res.flags)
    # one interaction: closed form N0 for model [01][2] is y100*y010*... checked via 2x2x2
    # collapsibility: with lists 0,1 dependent and list 2 independent, N0 equals the
    # two-list estimate from (list 2) vs (lists 0 or 1) margin.
    one = mse.fit_loglinear(pats, [(0, 1)])
    on2 = 12 + 25 + 18 + 120
    on01 = sum(v for k, v in pats.items() if k[0] == "1" or k[1] == "1")
    both = 12 + 25 + 18
    assert one.n_hat == pytest.approx(on2 * on01 / both, rel=1e-9)


def _permute(pats: dict[str, int], perm: tuple[int, ...]) -> dict[str, int]:
    return {"".join(k[i] for i in perm): v for k, v in pats.items()}


@pytest.mark.parametrize("perm", [(1, 0, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1)])
def test_permuting_lists_leaves_estimate_unchanged(perm):
    hiv = mse.normalise_patterns(CASES[1]["patterns"])
    base = mse.fit_loglinear(hiv, [(0, 1), (2, 3)])
    # list perm[j] becomes position j, so old list i sits at position perm.index(i)
    new_pos = {old: new for new, old in enumerate(perm)}
    permuted = _permute(hiv, perm)
    inter = [(new_pos[0], new_pos[1]), (new_pos[2], new_pos[3])]
    res = mse.fit_loglinear(permuted, inter)
    # Permuting lists permutes design columns: the same well-conditioned problems
    # (MLE, roots of the profile likelihood away from its flat top, deviance)
    # solved in another order, so only summation-order rounding differs: 1e-8.
    for key in ("n_hat", "se", "ci_low", "ci_high", "deviance", "aic", "bic"):
        assert getattr(res, key) == pytest.approx(getattr(base, key), rel=1e-8), key


def test_interval_brackets_profile_maximum_and_observed():
    hiv = CASES[1]["patterns"]
    res = mse.fit_loglinear(hiv, [(0, 1)])
    assert res.observed <= res.ci_low < res.n_hat_profile < res.ci_high
    log = mse.fit_loglinear(hiv, [(0, 1)], interval="log")
    assert log.ci_low >= log.observed
    assert log.ci_low < log.n_hat < log.ci_high
    none = mse.fit_loglinear(hiv, [(0, 1)], interval="none")
    assert math.isnan(none.ci_low) and none.n_hat == res.n_hat


def test_bic_uses_log_of_observed_count():
    res = mse.fit_loglinear(CASES[1]["patterns"], [(0, 1)])
    p = 1 + 4 + 1
    assert res.bic - res.aic == pytest.approx(p * (math.log(1896) - 2))


def test_interaction_order_and_orientation_do_not_matter():
    hiv = CASES[1]["patterns"]
    a = mse.fit_loglinear(hiv, [(1, 0), (3, 2)], interval="none")
    b = mse.fit_loglinear(hiv, [(2, 3), (0, 1)], interval="none")
    assert a.n_hat == b.n_hat and a.interactions == b.interactions == ((0, 1), (2, 3))


def test_dataframe_inputs_equal_mapping_input():
    pats = CASES[1]["patterns"]
    ref = mse.fit_loglinear(pats, [(0, 1)], interval="none")
    df1 = pd.DataFrame({"pattern": list(pats), "count": list(pats.values())})
    df2 = pd.DataFrame([{"a": int(k[0]), "b": int(k[1]), "c": int(k[2]), "d": int(k[3]),
                         "Freq": v} for k, v in pats.items()])
    for df in (df1, df2):
        res = mse.fit_loglinear(df, [(0, 1)], interval="none")
        assert res.n_hat == ref.n_hat


def test_missing_patterns_count_as_zero():
    full = mse.normalise_patterns({"110": 5, "100": 10, "010": 7})
    assert full == {"111": 0, "110": 5, "101": 0, "100": 10, "011": 0, "010": 7, "001": 0}


def test_result_is_frozen_and_serialisable():
    res = mse.fit_loglinear(CASES[1]["patterns"], [(0, 1)])
    with pytest.raises(AttributeError):
        res.n_hat = 1.0  # type: ignore[misc]
    d = res.to_dict()
    json.dumps(d)
    for key in ("n_hat", "se", "ci_low", "ci_high", "deviance", "aic", "bic", "observed",
                "df", "model", "interval_method", "n_unobserved"):
        assert key in d
    assert d["interactions"] == [[0, 1]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(1, 400), min_size=7, max_size=7))
def test_random_three_list_tables_give_coherent_results(counts):
    pats = dict(zip(mse.normalise_patterns({"100": 1}).keys(), counts))
    res = mse.fit_loglinear(pats)
    assert res.n_hat > res.observed == sum(counts)
    assert res.se > 0
    assert res.observed <= res.ci_low <= res.n_hat_profile
    assert res.n_hat_profile <= res.ci_high or math.isinf(res.ci_high)
    assert res.deviance >= -1e-9 and res.df == 3
    perm = _permute(pats, (2, 0, 1))
    # same MLE computed with permuted columns: rounding-order differences only
    assert mse.fit_loglinear(perm, interval="none").n_hat == pytest.approx(res.n_hat, rel=1e-8)


# --------------------------------------------------------------------------------------
# Non-estimable models
# --------------------------------------------------------------------------------------


def test_two_list_interaction_is_not_estimable():
    with pytest.raises(mse.NotEstimableError, match="too few lists"):
        mse.fit_loglinear({"11": 5, "10": 9, "01": 4}, [(0, 1)])


def test_interaction_with_all_zero_cells_is_not_estimable():
    pats = {"111": 0, "110": 0, "101": 8, "011": 6, "100": 40, "010": 33, "001": 21}
    with pytest.raises(mse.NotEstimableError, match=r"\(0, 1\)"):
        mse.fit_loglinear(pats, [(0, 1)])
    # ... but the independence model is fine
    assert math.isfinite(mse.fit_loglinear(pats).n_hat)
    table = mse.compare_models(pats)
    bad = table[table["interactions"].map(lambda t: (0, 1) in t)]
    assert len(bad) == 4 and not bad["estimable"].any()
    assert bad["n_hat"].isna().all() and (bad["problem"] != "").all()
    assert table["estimable"].iloc[0]  # an estimable model ranks first


# --------------------------------------------------------------------------------------
# compare_models
# --------------------------------------------------------------------------------------


def test_compare_models_ranks_all_subsets():
    table = mse.compare_models(CASES[1]["patterns"], interval="none")
    assert len(table) == 2**6
    assert table["aic"].is_monotonic_increasing
    assert table["weight"].sum() == pytest.approx(1.0)
    assert table["delta"].iloc[0] == 0
    by_terms = dict(zip(table["interactions"], table["n_hat"]))
    # the published Rcapture values (see mse_cases.json), at the printed precision
    assert by_terms[((0, 1),)] == pytest.approx(12318.5, abs=0.05)
    assert by_terms[tuple(ALL_PAIRS_4)] == pytest.approx(23443.5, abs=0.05)
    bic = mse.compare_models(CASES[1]["patterns"], "bic", interval="none")
    assert bic["bic"].is_monotonic_increasing


def test_compare_models_refuses_many_lists_without_limit():
    pats = {format(i, "05b"): 3 for i in range(1, 32)}
    with pytest.raises(mse.ModelError, match="max_interactions"):
        mse.compare_models(pats)
    table = mse.compare_models(pats, max_interactions=1, interval="none")
    assert len(table) == 1 + 10


def test_compare_models_rejects_bad_criterion():
    with pytest.raises(mse.ModelError, match="criterion"):
        mse.compare_models(CASES[1]["patterns"], criterion="deviance")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("patterns", "match"),
    [
        ({"10": 3, "011": 4}, "'011' has length 3"),
        ({"1a0": 3}, "'1a0'"),
        ({"000": 3, "100": 2}, "'000'"),
        ({"10": -1, "01": 3}, "'10'.*-1"),
        ({"10": 2.5, "01": 3}, "'10'.*2.5"),
        ({"10": "7", "01": 3}, "'10'"),
        ({"10": True, "01": 3}, "'10'"),
        ({"10": float("nan"), "01": 3}, "'10'"),
        ({"1": 5}, "at least 2 lists"),
        ({"10": 0, "01": 0}, "nobody"),
        ({}, "no capture patterns"),
        ({10: 5}, "must be a string"),
    ],
)
def test_bad_patterns_raise_pattern_error(patterns, match):
    with pytest.raises(mse.PatternError, match=match):
        mse.fit_loglinear(patterns)
    assert issubclass(mse.PatternError, ValueError)


@pytest.mark.parametrize(
    ("interactions", "match"),
    [
        ([(0, 3)], "index 3 out of range"),
        ([(0, -1)], "out of range"),
        ([(1, 1)], "repeats"),
        ([(0, 1), (1, 0)], "more than once"),
        ([(0,)], "at least two"),
        (["01"], "pair"),
        ([(0, 1.0)], "not an integer"),
    ],
)
def test_bad_interactions_raise_model_error(interactions, match):
    pats = {"111": 4, "110": 9, "101": 8, "011": 6, "100": 40, "010": 33, "001": 21}
    with pytest.raises(mse.ModelError, match=match):
        mse.fit_loglinear(pats, interactions)


def test_bad_two_list_inputs():
    with pytest.raises(mse.PatternError, match="exceeds"):
        mse.chapman(5, 3, 4)
    with pytest.raises(mse.NotEstimableError, match="m=0"):
        mse.lincoln_petersen(5, 3, 0)
    with pytest.raises(mse.PatternError, match="n1"):
        mse.chapman(-1, 3, 0)
    with pytest.raises(mse.ModelError, match="level"):
        mse.chapman(5, 3, 1, level=95)
    assert mse.chapman(5, 3, 0).n_hat == pytest.approx(23.0)


def test_duplicate_pattern_in_dataframe():
    df = pd.DataFrame({"pattern": ["10", "10", "01"], "count": [1, 2, 3]})
    with pytest.raises(mse.PatternError, match="more than once"):
        mse.normalise_patterns(df)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.text(alphabet="01x2", min_size=1, max_size=5),
                       st.one_of(st.integers(-5, 50), st.floats(allow_nan=True)),
                       min_size=1, max_size=8))
def test_random_inputs_either_valid_or_pattern_error(patterns):
    """Whatever the input, normalise_patterns returns a complete table or raises
    PatternError - never another exception, never a silent partial table."""
    try:
        full = mse.normalise_patterns(patterns)
    except mse.PatternError:
        return
    k = len(next(iter(full)))
    assert len(full) == 2**k - 1
    assert all(isinstance(v, int) and v >= 0 for v in full.values())
    for key, val in patterns.items():
        assert full[key] == val


def test_helpers_tables():
    data = mse.kosovo_1999()
    totals = mse.list_totals(data["patterns"], data["lists"])
    assert totals["persons"].iloc[-1] == 4400
    assert totals["persons"].iloc[0] == sum(v for k, v in data["patterns"].items() if k[0] == "1")
    tab = mse.patterns_table(data["patterns"], data["lists"])
    assert len(tab) == 15 and tab["count"].sum() == 4400


# --------------------------------------------------------------------------------------
# Documentation gap table and chart
# --------------------------------------------------------------------------------------


def _fake_registry(doc: float, total: float) -> pd.DataFrame:
    base = {"source_id": "src-a", "measure": "deaths_in_detention", "publisher": "HRDAG",
            "period_start_text": "2011", "period_end_text": "2015"}
    return pd.DataFrame([
        {**base, "estimate_id": "e-doc", "method": "documented_count", "central": doc},
        {**base, "estimate_id": "e-tot", "method": "statistical_estimate", "central": total,
         "source_id": "src-b"},
        {**base, "estimate_id": "e-undoc", "method": "statistical_estimate",
         "central": total - doc},
        {**base, "estimate_id": "e-old", "method": "statistical_estimate", "central": 9e9,
         "period_end_text": "2013"},
        {**base, "estimate_id": "e-other", "method": "expert_estimate", "central": 1.0},
        {**base, "estimate_id": "e-x", "measure": "deaths_total", "method": "documented_count",
         "central": 5.0},
    ])


def test_documentation_gaps_pairs_documented_and_estimate():
    gaps = mse.documentation_gaps(_fake_registry(300.0, 500.0))
    assert list(gaps["case"]) == ["Kosovo 1999 (killings, four lists)",
                                  "Syria: deaths in detention, 2011-2015"]
    kos, syr = gaps.iloc[0], gaps.iloc[1]
    assert (kos["documented_deaths"], kos["total_deaths"]) == (4400, 10401)
    assert (syr["documented_id"], syr["estimate_id"]) == ("e-doc", "e-tot")
    assert syr["undocumented_deaths"] == 200 and syr["documented_share"] == pytest.approx(0.6)
    # the total may come from another document than the count; the component row is
    # recognised (not taken as the total) and checked
    assert (syr["source_id"], syr["documented_source_id"]) == ("src-b", "src-a")
    assert "e-undoc" in syr["check"] and "consistent" in syr["check"]


def test_documentation_gaps_rejects_estimate_below_count():
    with pytest.raises(ValueError, match="below the documented count"):
        mse.documentation_gaps(_fake_registry(500.0, 300.0))


def test_documentation_gap_chart_data():
    from syriastats.charts.mse import plot_documentation_gap
    from syriastats.charts.style import chart_meta

    fig, data = plot_documentation_gap(mse.documentation_gaps(_fake_registry(300.0, 500.0)))
    assert list(data["documented_deaths"]) == [4400, 300]
    assert list(data["undocumented_deaths"]) == [6001, 200]
    assert (data["documented_share"] + data["undocumented_share"]).tolist() == [1.0, 1.0]
    assert chart_meta(fig)["source_ids"] == ["src-a", "src-b"]
    with pytest.raises(ValueError, match="documented <= total"):
        plot_documentation_gap(pd.DataFrame({"case": ["x"], "documented_deaths": [5.0],
                                             "total_deaths": [4.0], "total_kind": ["y"]}))


def test_weakly_identified_two_list_case_matches_closed_form_and_flags_cap():
    pats = {"11": 1, "10": 99, "01": 99}
    fit = mse.fit_loglinear(pats)
    n_max, lo, hi, ll = _two_list_profile_closed_form_wide(100, 100, 1)
    # The profile likelihood is flat at its maximum (one overlap in 199 records), so
    # its argmax is ill conditioned: a float change of 1e-14 in the log-likelihood
    # moves an argmax found by comparing values by ~1e-5 relative. Both sides here
    # locate the maximum as the root of the score (a sign change, found to ~1e-12 in
    # log N), so 1e-7 relative leaves room for IRLS convergence (deviance tol 1e-13)
    # but would catch a maximiser that stops early. The log-likelihood itself at the
    # maximum is well conditioned (zero slope): compared to 1e-9 relative.
    assert fit.n_hat_profile == pytest.approx(n_max, rel=1e-7)
    assert ll(fit.n_hat_profile) == pytest.approx(ll(n_max), rel=1e-9)
    # Interval ends are roots of loglik - (max - chi2/2), where the slope is far from
    # zero: well conditioned, the error is the IRLS tolerance: 1e-6 relative.
    assert fit.ci_low == pytest.approx(lo, rel=1e-6)
    assert fit.ci_high == pytest.approx(hi, rel=1e-6)
    capped = mse.fit_loglinear(pats, max_ratio=20)
    assert math.isinf(capped.ci_high)
    # same computation of the lower end with and without the cap: identical up to
    # the root finder's tolerance (xtol 1e-12 in log N)
    assert capped.ci_low == pytest.approx(fit.ci_low, rel=1e-9)
    assert any("unbounded" in f for f in capped.flags)


def _two_list_profile_closed_form_wide(n1: int, n2: int, m: int):
    """Closed-form two-list profile likelihood: (argmax, lower, upper, loglik).

    The maximum is the root of the closed-form score
    d/dN = digamma(N + 1) - digamma(N - n + 1) + log(N - n1) + log(N - n2) - 2 log N.
    """
    n = n1 + n2 - m

    def ll(N: float) -> float:
        return float(gammaln(N + 1) - gammaln(N - n + 1)
                     + xlogy(n1, n1) + xlogy(N - n1, N - n1)
                     + xlogy(n2, n2) + xlogy(N - n2, N - n2) - 2 * xlogy(N, N))

    def score(u: float) -> float:
        N = n + math.exp(u)
        return float(digamma(N + 1) - digamma(N - n + 1) + math.log(N - n1)
                     + math.log(N - n2) - 2 * math.log(N))

    u_star = optimize.brentq(score, -5, 15, xtol=1e-13, rtol=1e-14)
    top = ll(n + math.exp(u_star))
    cut = stats.chi2.ppf(0.95, 1) / 2
    lo = optimize.brentq(lambda u: ll(n + math.exp(u)) - top + cut, -10, u_star)
    hi = optimize.brentq(lambda u: ll(n + math.exp(u)) - top + cut, u_star, 20)
    return n + math.exp(u_star), n + math.exp(lo), n + math.exp(hi), ll
