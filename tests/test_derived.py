"""Tests for syriastats.derived on hand-made registries that follow the estimates schema.

The numbers below are invented test fixtures (not data about Syria), chosen so the
expected answers can be worked out by hand.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from syriastats.derived import (
    deaths_per_1000,
    displaced_share,
    documented_vs_estimated,
    prewar_population_rows,
    select_nearest,
)
from syriastats.uncertainty import UncertaintyError

Z90 = 1.6448536269514722


def _frame(rows: list[dict]) -> pd.DataFrame:
    """Rows -> DataFrame with the column names and dtypes of load_estimates()."""
    defaults = {"qualifier": "exact", "range_type": "none", "low": None, "high": None,
                "range_level": None, "margin": None, "scope": "test", "locator": "test",
                "checked": "dossier", "notes": ""}
    df = pd.DataFrame([{**defaults, **r} for r in rows])
    if "publisher" not in df.columns:  # as joined by with_sources: one publisher per source
        df["publisher"] = df["source_id"]
    df["period_start_text"] = df["period_start"]
    df["period_end_text"] = df["period_end"]
    df["period_start"] = pd.to_datetime(df["period_start"])
    df["period_end"] = pd.to_datetime(df["period_end"])
    for c in ("low", "central", "high", "range_level", "margin"):
        df[c] = pd.array(df[c].astype(float), dtype="Float64")
    for c in ("measure", "method", "qualifier", "range_type", "checked"):
        df[c] = df[c].astype("category")
    return df


def _registry() -> pd.DataFrame:
    return _frame([
        # pre-war population: a tight bracket and a bare figure from two sources
        dict(estimate_id="pop-a", source_id="srcA", measure="population",
             method="demographic_estimate", period_start="2010-07-01", period_end="2010-07-01",
             low=19.8e6, central=20.0e6, high=20.2e6, range_type="bracket"),
        dict(estimate_id="pop-b", source_id="srcB", measure="population",
             method="demographic_estimate", period_start="2011-01-01", period_end="2011-01-01",
             central=22.0e6),
        dict(estimate_id="pop-late", source_id="srcC", measure="population",
             method="demographic_estimate", period_start="2014-07-01", period_end="2014-07-01",
             central=17.0e6),
        # refugees: one publisher, two dates; the nearer one must be chosen
        dict(estimate_id="ref-2016-05", source_id="unhcr", measure="refugees_registered",
             method="registration", period_start="2016-05-31", period_end="2016-05-31",
             low=4.79e6, central=4.8e6, high=4.81e6, range_type="bracket"),
        dict(estimate_id="ref-2016-01", source_id="unhcr", measure="refugees_registered",
             method="registration", period_start="2016-01-15", period_end="2016-01-15",
             low=4.59e6, central=4.6e6, high=4.61e6, range_type="bracket"),
        dict(estimate_id="ref-2019", source_id="unhcr", measure="refugees_registered",
             method="registration", period_start="2019-06-30", period_end="2019-06-30",
             central=5.6e6),
        # IDPs
        dict(estimate_id="idp-2016", source_id="ocha", measure="idps", method="agency_estimate",
             period_start="2016-07-31", period_end="2016-07-31",
             low=6.49e6, central=6.5e6, high=6.51e6, range_type="bracket"),
        # deaths (cumulative since 2011)
        dict(estimate_id="doc-2016", source_id="vdc", measure="deaths_total",
             method="documented_count", period_start="2011-03-15", period_end="2016-06-30",
             central=100_000),
        dict(estimate_id="est-2016", source_id="scpr", measure="deaths_total",
             method="statistical_estimate", period_start="2011-03-01", period_end="2016-05-31",
             central=300_000, range_type="margin", margin=0.1),
        dict(estimate_id="est-2020", source_id="scpr", measure="deaths_total",
             method="statistical_estimate", period_start="2011-03-01", period_end="2020-12-31",
             central=400_000, range_type="margin", margin=0.1),
        dict(estimate_id="annual-2016", source_id="ucdp", measure="deaths_total",
             method="event_data", period_start="2016-01-01", period_end="2016-12-31",
             low=40_000, central=50_000, high=60_000, range_type="bracket"),
        # OHCHR-2022-like pair: same source, same period, civilians
        dict(estimate_id="civ-est", source_id="ohchr", measure="deaths_civilian",
             method="statistical_estimate", period_start="2011-03-01", period_end="2021-03-31",
             central=306_887),
        dict(estimate_id="civ-doc", source_id="ohchr-doc", measure="deaths_civilian",
             method="documented_count", period_start="2011-03-01", period_end="2021-03-31",
             central=143_350),
    ])


def test_select_nearest_one_per_publisher_within_window() -> None:
    reg = _registry()
    got = select_nearest(reg, "refugees_registered", "2016-06-30", window_days=183)
    assert list(got["estimate_id"]) == ["ref-2016-05"]
    assert got["days_from_on"].iloc[0] == -30
    assert select_nearest(reg, "refugees_registered", "2013-01-01").empty
    pops = prewar_population_rows(reg)
    assert list(pops["estimate_id"]) == ["pop-a", "pop-b"]


def test_displaced_share_against_hand_calculation() -> None:
    reg = _registry()
    out = displaced_share(reg, "2016-06-30", n=100_000)
    assert len(out) == 1
    row = out.iloc[0]
    # Population = 50/50 mixture of ~20.0M and ~22.0M: share is bimodal around
    # 11.3/20 = 0.565 and 11.3/22 = 0.5136; the median lies between the two.
    assert 11.3 / 22.0 < row["median"] < 11.3 / 20.0
    assert row["lower_95"] < 11.3 / 22.0 * 0.97 and row["upper_95"] > 11.3 / 20.0 * 1.0
    assert row["upper_90"] < 11.3 / 20.0 * 1.02
    assert row["estimate_ids"] == "idp-2016;pop-a;pop-b;ref-2016-05"
    assert "pop-b" in row["assumptions"] and "assumed" in row["assumptions"]
    assert row["on"] == pd.Timestamp("2016-06-30")
    again = displaced_share(reg, "2016-06-30", n=100_000)
    pd.testing.assert_frame_equal(out, again)


def test_displaced_share_single_population_source_is_ratio_of_lognormals() -> None:
    reg = _registry()
    reg = reg[reg["estimate_id"] != "pop-b"]
    out = displaced_share(reg, "2016-06-30", n=200_000).iloc[0]
    # Numerator ~11.3M with tiny spread; denominator log-normal median 20M (nearly), 90%
    # interval 19.8-20.2M, so the share's 90% interval is about 11.3/20.2 .. 11.3/19.8.
    assert abs(out["median"] / (11.3 / 20.0) - 1) < 0.002
    assert abs(out["lower_90"] / (11.3 / 20.2) - 1) < 0.003
    assert abs(out["upper_90"] / (11.3 / 19.8) - 1) < 0.003


def test_displaced_share_refuses_without_rows_or_margin() -> None:
    reg = _registry()
    with pytest.raises(UncertaintyError):
        displaced_share(reg, "2012-01-01")
    with pytest.raises(UncertaintyError, match="assumed_margin"):
        displaced_share(reg, "2016-06-30", assumed_margin=None)


def test_deaths_per_1000_floor_and_latest() -> None:
    reg = _registry()
    reg = reg[reg["estimate_id"] != "pop-b"]
    out = deaths_per_1000(reg, "2016-06-30", n=100_000)
    assert list(out["on"]) == [pd.Timestamp("2016-06-30"), pd.Timestamp("2020-12-31")]
    first, last = out.iloc[0], out.iloc[1]
    # The annual UCDP row starts in 2016 and must be left out of a cumulative toll.
    assert "annual-2016" not in first["estimate_ids"]
    assert first["estimate_ids"] == "doc-2016;est-2016;pop-a"
    # Mixture of a floor at 100,000 (=5.0 per 1,000) and 300,000 +-10% (=15 per 1,000).
    assert first["lower_95"] >= 1000 * 100_000 / 20.2e6 * 0.999
    assert 5.0 < first["median"] < 15.0 * 1.1
    assert "doc-2016" in first["assumptions"] and "floor" in first["assumptions"]
    assert abs(last["median"] / 20.0 - 1) < 0.01           # 400,000 / 20M * 1000
    assert abs(last["lower_90"] / (360_000 / 20.0e6 * 1000) - 1) < 0.02


def test_documented_vs_estimated_ohchr_like_ratio() -> None:
    reg = _registry()
    out = documented_vs_estimated(reg, measure="deaths_civilian", n=200_000)
    assert len(out) == 1
    row = out.iloc[0]
    ratio = 306_887 / 143_350
    assert abs(row["median"] / ratio - 1) < 0.002
    # Bare estimate given the default assumed +-5% at 90%: interval = ratio * (0.95, 1.05).
    assert abs(row["lower_90"] / (ratio * 0.95) - 1) < 0.003
    assert abs(row["upper_90"] / (ratio * 1.05) - 1) < 0.003
    assert row["estimate_ids"] == "civ-doc;civ-est"
    all_measures = documented_vs_estimated(reg, n=20_000)
    assert set(all_measures["quantity"]) == {"estimated_over_documented:deaths_civilian",
                                             "estimated_over_documented:deaths_total"}
    tot = all_measures.set_index("quantity").loc["estimated_over_documented:deaths_total"]
    assert tot["on"] == pd.Timestamp("2016-05-31")    # 2020 estimate has no count nearby
    assert abs(tot["median"] / 3.0 - 1) < 0.01          # 300,000 / 100,000
    with pytest.raises(UncertaintyError):
        documented_vs_estimated(reg, measure="idps")


def test_real_registry_if_present() -> None:
    """Smoke check on the real registry (skipped until data/estimates.csv exists)."""
    from syriastats.paths import data_dir

    if not (data_dir() / "estimates.csv").exists():
        pytest.skip("data/estimates.csv not written yet")
    from syriastats import load_estimates

    est = load_estimates()
    try:
        out = displaced_share(est, "2016-06-30", n=20_000)
    except UncertaintyError as exc:  # pragma: no cover - depends on the registry's state
        pytest.skip(f"registry lacks rows: {exc}")
    assert 0.1 < out["median"].iloc[0] < 1.0
    assert math.isfinite(out["upper_95"].iloc[0])


def _pop_only() -> list[dict]:
    return [dict(estimate_id="pop", source_id="srcP", measure="population",
                 method="demographic_estimate", period_start="2010-07-01",
                 period_end="2010-07-01", low=9.9e6, central=10.0e6, high=10.1e6,
                 range_type="bracket")]


def test_deaths_per_1000_never_below_documented_count() -> None:
    """A low expert bracket cannot pull the rate below what was already counted:
    300,000 documented deaths over at most 10.1 million people is >= 29.7 per 1,000."""
    df = _frame(_pop_only() + [
        dict(estimate_id="doc", source_id="s1", measure="deaths_total", method="documented_count",
             period_start="2011-03-01", period_end="2016-05-31", central=300_000),
        dict(estimate_id="exp", source_id="s2", measure="deaths_total", method="expert_estimate",
             period_start="2011-03-01", period_end="2016-06-30", low=100_000, high=150_000,
             range_type="bracket"),
    ])
    out = deaths_per_1000(df, on="2016-06-30", latest=False, n=20_000)
    assert out["lower_95"].iloc[0] >= 300_000 / 10.1e6 * 1000 * 0.999
    assert "sohr" not in out["assumptions"].iloc[0] and "doc" in out["assumptions"].iloc[0]


def test_registrations_are_one_count_not_one_per_republisher() -> None:
    df = _frame(_pop_only() + [
        dict(estimate_id="reg-near", source_id="unhcr", measure="refugees_registered",
             method="registration", period_start="2016-06-01", period_end="2016-06-01",
             central=4.8e6),
        dict(estimate_id="reg-old-copy", source_id="ocha", measure="refugees_registered",
             method="registration", period_start="2015-12-31", period_end="2015-12-31",
             central=4.2e6),
        dict(estimate_id="idp", source_id="idmc", measure="idps", method="agency_estimate",
             period_start="2016-06-30", period_end="2016-06-30", central=6.0e6),
    ])
    out = displaced_share(df, on="2016-06-30", n=20_000)
    ids = out["estimate_ids"].iloc[0].split(";")
    assert "reg-near" in ids and "reg-old-copy" not in ids


def test_context_only_figures_are_not_used() -> None:
    df = _frame(_pop_only() + [
        dict(estimate_id="doc", source_id="s1", measure="deaths_total", method="documented_count",
             period_start="2011-03-01", period_end="2016-06-30", central=200_000),
        dict(estimate_id="ctx", source_id="s3", measure="deaths_total", method="expert_estimate",
             period_start="2011-03-01", period_end="2016-06-30", low=1_000_000, high=2_000_000,
             range_type="bracket", role="context_only"),
    ])
    out = deaths_per_1000(df, on="2016-06-30", latest=False, n=20_000)
    assert "ctx" not in out["estimate_ids"].iloc[0]


def test_plain_estimates_get_their_publishers_joined() -> None:
    """Given the registry without sources, derived joins them itself: the selection is
    the same as on the joined frame (grouped by publisher, not by document)."""
    from syriastats import load_estimates, load_sources, with_sources

    plain = load_estimates()
    joined = with_sources(plain, load_sources())
    a = select_nearest(plain, "idps", "2016-06-30")
    b = select_nearest(joined, "idps", "2016-06-30")
    assert list(a["estimate_id"]) == list(b["estimate_id"])
    assert "publisher" in a.columns
    # grouping by document would keep one IDMC row per report, not one per publisher
    by_doc = select_nearest(plain, "idps", "2016-06-30", by="source_id")
    assert len(by_doc) >= len(a)


def test_unknown_sources_are_named_not_silently_grouped() -> None:
    df = _frame(_pop_only()).drop(columns=["publisher"])
    with pytest.raises(ValueError, match="srcP.*sources="):
        select_nearest(df, "population", "2010-07-01")
    src = pd.DataFrame({"source_id": ["srcP"], "publisher": ["Stat office"], "title": ["t"],
                        "published_text": ["2011"], "published": [pd.Timestamp("2011-12-31")],
                        "url": ["https://example.org"], "url_kind": ["primary"], "carrier": [None],
                        "accessed": [pd.Timestamp("2026-01-01")], "citation": ["c"],
                        "notes": [None]})
    got = select_nearest(df, "population", "2010-07-01", sources=src)
    assert list(got["publisher"]) == ["Stat office"]


def test_displaced_share_at_matches_displaced_share_on_the_registry() -> None:
    """DisplacedShareAt (the claims checker's batched path) chooses the same rows and
    returns the same result as displaced_share on the figures published by each cut-off,
    at dates spread over the war (exact equality: same rows, same seeded draws)."""
    from syriastats.claims.selecting import _prepare_estimates
    from syriastats.derived import DisplacedShareAt, displaced_share
    from syriastats.sources import load_estimates, load_sources, with_sources

    est = _prepare_estimates(with_sources(load_estimates(), load_sources()), None)
    at = DisplacedShareAt(est, n=2_000)
    compared = 0
    for on, by in [("2013-06-30", "2013-07-15"), ("2014-12-31", None), ("2016-03-01", "2016-03-01"),
                   ("2016-03-01", "2019-01-01"), ("2019-09-30", None), ("2012-01-31", "2012-02-01")]:
        on, known = pd.Timestamp(on), est if by is None else est[est["published"] <= pd.Timestamp(by)]
        try:
            want = displaced_share(known, on=on, n=2_000)
        except UncertaintyError:
            with pytest.raises(UncertaintyError):
                at(on, None if by is None else pd.Timestamp(by))
            continue
        got = at(on, None if by is None else pd.Timestamp(by))
        pd.testing.assert_frame_equal(got, want)
        compared += 1
    assert compared >= 4
