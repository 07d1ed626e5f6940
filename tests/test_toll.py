"""The toll model (syriastats.toll): reading of the registry, floors, monotonicity,
reproducibility, convergence, predictive checks, sensitivity and calibration on
synthetic registries with a known toll.

Fits are slow-ish (JAX compiles each model, ~10-60 s on a loaded 2-core machine), so the
tests share a few module-level fits and use short chains on small synthetic registries;
the larger calibration run is ``benchmarks/bench_toll.py``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from syriastats import toll
from syriastats.sources import load_estimates, load_sources
from syriastats.toll import diagnostics as dg
from syriastats.toll.data import prepare

#: Short chains for synthetic registries (fast; enough for 90 % bands on ~50 months).
QUICK = {"warmup": 300, "samples": 300}


@pytest.fixture(scope="module")
def registry() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_estimates(), load_sources()


@pytest.fixture(scope="module")
def full(registry) -> toll.TollFit:
    return toll.fit(*registry, seed=0)


# ----------------------------------------------------------------- reading the registry

def test_every_death_row_is_used_or_left_out_with_a_reason(registry) -> None:
    e, s = registry
    p = prepare(e, s, settings=toll.DEFAULTS)
    deaths = set(e.loc[e["measure"].astype(str).str.startswith("deaths"), "estimate_id"])
    used = set(p.inputs["estimate_id"])
    left = set(p.left_out["estimate_id"])
    assert used | left == deaths
    assert not used & left
    assert p.left_out["reason"].str.len().min() > 20


def test_scope_rules_on_the_real_registry(registry) -> None:
    e, s = registry
    p = prepare(e, s, settings=toll.DEFAULTS)
    left = p.left_out.set_index("estimate_id")["reason"]
    used = p.inputs.groupby("estimate_id")["kind"].apply(set)
    # indirect and excess deaths are kept apart; SCPR's total includes indirect deaths
    assert "indirect" in left["scpr-2016-indirect"]
    assert "indirect" in left["scpr-2016-total"]
    assert used["scpr-2016-direct"] == {"estimate"}
    # OHCHR 2022's undocumented part is a component of its estimate, not a second estimate
    assert "part of the larger estimate ohchr-2022-06-est" in left["ohchr-2022-06-undoc"]
    assert used["ohchr-2022-06-est"] == {"estimate"}
    # civilians-only counts bound the toll from below; UCDP state-based is left out
    assert used["ohchr-2022-06-doc"] == {"floor"}
    assert "state-based" in left["ucdp-ged-23-1-sb-2016"]
    # a documented count of the whole toll is both a measurement and a floor
    assert used["sohr-2024-12"] == {"documented", "floor"}


def test_as_known_uses_only_figures_published_by_then(registry) -> None:
    e, s = registry
    p = prepare(e, s, as_known="2016-08-01", settings=toll.DEFAULTS)
    assert (p.inputs["published"] <= pd.Timestamp("2016-08-01")).all()
    assert "sohr-2024-12" in set(p.left_out["estimate_id"])
    assert p.end == pd.Timestamp("2016-07-31")


def test_coverage_prior_comes_from_published_mse_pairs(registry) -> None:
    e, _ = registry
    cp = toll.coverage_prior(e)
    ratios = {d: r for d, _, r in cp.anchors}
    assert ratios["ohchr-2022-06-doc"] == pytest.approx(143_350 / 306_887)
    assert ratios["hrdag-2016-custody-doc"] == pytest.approx(12_270 / 17_723)
    lo, hi = cp.interval(0.9)
    assert lo < min(ratios.values()) and hi > max(ratios.values())
    assert "ohchr-2022-06-doc" in cp.statement()


def test_unknown_setting_is_refused(registry) -> None:
    with pytest.raises(TypeError, match="unknown setting"):
        toll.fit(*registry, warmpu=10)


# ------------------------------------------------------------------- the real-data fit

def test_band_is_monotone_and_ordered(full) -> None:
    b = full.band(0.9)
    assert list(b.columns) == ["date", "median", "lower", "upper"]
    assert (b["date"] == b["date"] + pd.offsets.MonthEnd(0)).all()  # month ends
    assert (b["lower"] <= b["median"]).all() and (b["median"] <= b["upper"]).all()
    for c in ("median", "lower", "upper"):
        assert (np.diff(b[c].to_numpy()) >= 0).all(), c
    # each draw is a non-decreasing curve
    assert (np.diff(full.draws, axis=1) >= 0).all()


def test_band_never_below_a_documented_count_after_its_date(full, registry) -> None:
    floors = full.inputs[(full.inputs["kind"] == "floor")
                         & (full.inputs["period_type"] == "cumulative")]
    b = full.band(0.9)
    for _, r in floors.iterrows():
        later = b[b["date"] >= r["end"]]
        # the floor is a smooth penalty of width floor_scale (1 %) below the count, so the
        # 5 % quantile may touch it by at most that much
        assert (later["lower"] >= r["value"] * (1 - full.settings["floor_scale"])).all(), \
            r["estimate_id"]


def test_convergence(full) -> None:
    c = full.convergence()
    assert set(c["parameter"]) >= {"toll", "x0", "a", "b", "beta", "phi"}
    assert c["max_rhat"].max() < 1.05
    assert c["min_ess"].min() > 100
    # Divergent transitions are sampler noise of the order of 1 %: on the same registry
    # (main at 567a202) seeds 0-4 gave 8, 18, 4, 8 and 16 of 1,000 draws, and adding
    # non-binding floors (e.g. combatants by side) moves the count like a change of seed.
    # 2.5 % leaves room above the largest seen (1.8 %); r-hat and ESS above still guard
    # against a sampler that has not mixed.
    assert c.attrs["divergences"] <= 0.025 * full.draws.shape[0]


def test_posterior_predictive_checks_per_source(full) -> None:
    p = dg.predictive(full)
    assert set(p["kind"]) == {"documented", "estimate"}
    by = dg.predictive_by_source(full)
    # a model that fits: most figures of every source inside their 90 % predictive
    # interval (a source with a single figure may sit outside by chance)
    big = by[by["n"] >= 3]
    assert (big["inside"] >= 0.7).all(), big
    assert p["inside"].mean() >= 0.85


def test_latest_toll_is_above_every_documented_count_and_plausible(full, registry) -> None:
    last = full.latest()
    doc = full.inputs[full.inputs["kind"] == "documented"]["value"].max()
    assert last["lower"] > doc  # coverage < 1
    # the only published statistical estimate of direct deaths (SCPR, 400,000 by the end
    # of 2015) lies inside the modelled band for that date
    at = full.at("2015-12-31")
    assert at["lower"] < 400_000 < at["upper"]


def test_describe_states_scope_prior_and_result(full) -> None:
    text = full.describe()
    assert toll.SCOPE in text
    assert full.coverage_prior.statement() in text
    assert "credible interval" in text


def test_at_interpolates_within_the_month(full) -> None:
    a, mid, b = full.at("2014-05-31"), full.at("2014-06-15"), full.at("2014-06-30")
    assert a["median"] <= mid["median"] <= b["median"]
    with pytest.raises(ValueError, match="outside"):
        full.at("2010-01-01")


# ------------------------------------------------------- synthetic registries, known toll

@pytest.fixture(scope="module")
def calibration() -> pd.DataFrame:
    # 3 scenarios x 1 seed x 3 dates = 9 checks of a 90 % band (each fit costs a JAX
    # compilation; benchmarks/bench_toll.py --calibration N runs the larger study).
    return dg.calibration(list(dg.SCENARIOS), [1], checks=(23, 47, -1), **QUICK)


def test_calibration_bands_cover_the_known_toll(calibration) -> None:
    # With true coverage 0.9, P(at most 5 of 9 covered) = 0.8 % under independence, so
    # fewer than 6 means the bands are too narrow (checks within one fit are correlated,
    # which makes this tolerance generous rather than strict).
    assert calibration["covered"].sum() >= 6, calibration
    # ... and not vacuous: the bands are not absurdly wide
    width = (calibration["upper"] - calibration["lower"]) / calibration["truth"]
    assert width.median() < 1.0


def test_same_seed_same_band_and_sensitivity_table(calibration) -> None:
    est, truth = dg.synthetic_registry("early_peak", 1)
    table = dg.sensitivity(est, None, seed=1, publishers=["LA"], **QUICK)
    # the sensitivity table's "all inputs" fit is the calibration fit again: same registry,
    # same seed, same settings -> the same draws (at() recomputes the month end as
    # prev + 1.0 * (end - prev), so allow float rounding only)
    again = calibration[(calibration["scenario"] == "early_peak") & (calibration["month"] == 71)]
    assert table["lower"].iloc[0] == pytest.approx(again["lower"].iloc[0], rel=1e-12)
    assert table["upper"].iloc[0] == pytest.approx(again["upper"].iloc[0], rel=1e-12)
    assert list(table["fit"]) == ["all inputs", "without LA"]
    assert table.loc[0, "change"] == 0
    assert (table["lower"] <= table["median"]).all() and (table["median"] <= table["upper"]).all()
    # without list A the model has less to go on: the band does not get much narrower
    width = table["upper"] - table["lower"]
    assert width[1] >= 0.9 * width[0]
