"""Figures added for the article checker (H21a): Syrians a host government counts
(``syrians_in_host``), SNHR's deaths due to torture, later tolls of the As-Suwayda violence and
of SOHR's count since 8 December 2024, and the June 2013 OHCHR update by governorate.

Every check compares figures as the sources printed them (each row's ``locator``) with other
rows of the registry or with the order or wording of the source itself; nothing is computed by
the code under test. A wrong digit, date, host or dimension typed into ``data/estimates.csv``
breaks one of these checks."""
from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from syriastats.parsing import parse_date_bounds
from syriastats.paths import DEFAULT_DATA_DIR

AGGREGATE_HOSTS = {"REGION", "EUROPE", "WORLD"}


@pytest.fixture(scope="module")
def reg() -> pd.DataFrame:
    est = pd.read_csv(DEFAULT_DATA_DIR / "estimates.csv", dtype=str, keep_default_na=False)
    src = pd.read_csv(DEFAULT_DATA_DIR / "sources.csv", dtype=str, keep_default_na=False)
    df = est.merge(src[["source_id", "publisher", "published"]], on="source_id", how="left",
                   validate="many_to_one")
    df["start"] = df["period_start"].map(lambda t: parse_date_bounds(t)[0])
    df["end"] = df["period_end"].map(lambda t: parse_date_bounds(t)[1])
    df["value"] = pd.to_numeric(df["central"], errors="coerce")
    return df


def _v(reg: pd.DataFrame, rid: str) -> float:
    row = reg[reg["estimate_id"] == rid]
    assert len(row) == 1, rid
    return float(row["value"].iloc[0])


@pytest.fixture(scope="module")
def in_host(reg: pd.DataFrame) -> pd.DataFrame:
    return reg[reg["measure"] == "syrians_in_host"]


# ------------------------------------------------------------------ the new measure

def test_measure_is_described_and_needs_a_host() -> None:
    pkg = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    est = next(r for r in pkg["resources"] if r["name"] == "estimates")
    fields = {f["name"]: f for f in est["schema"]["fields"]}
    desc = fields["measure"]["enumDescriptions"]["syrians_in_host"]
    # the description says whose count it is and how it differs from UNHCR's figures
    assert "government" in desc and "refugees_registered" in desc and "Persons (stock)" in desc
    assert "syrians_in_host" in fields["host"]["measures"]
    claims = next(r for r in pkg["resources"] if r["name"] == "claims")
    cm = next(f for f in claims["schema"]["fields"] if f["name"] == "measure")
    assert "syrians_in_host" in cm["constraints"]["enum"]
    dictionary = (DEFAULT_DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")
    assert "| `syrians_in_host` | All Syrian nationals" in dictionary


def test_rows_carry_one_host_country_and_a_government_publisher(in_host) -> None:
    assert len(in_host) >= 8
    assert set(in_host["host"]) >= {"JOR", "LBN"}
    assert not set(in_host["host"]) & AGGREGATE_HOSTS        # one country each, never pooled
    assert (in_host["area"] == "SYR").all() and (in_host["group"] == "all").all()
    assert (in_host["period_type"] == "stock").all()
    assert (in_host["period_start"] == in_host["period_end"]).all()
    assert (in_host["perpetrator"] == "").all() and (in_host["death_scope"] == "").all()
    assert in_host["method"].isin({"demographic_estimate", "expert_estimate"}).all()
    # the producer is the host's government (a ministry, a statistics office, the government's
    # response plan), never UNHCR
    gov = re.compile(r"Government|Ministry|Department of Statistics|government", re.I)
    assert in_host["publisher"].str.contains(gov).all(), list(in_host["publisher"])
    assert not in_host["publisher"].str.contains("UNHCR").any()
    assert (in_host["checked"] == "source_page").all()


def _spelled(value: float) -> set[str]:
    """The ways a page may print ``value``: 1265000 -> '1.265 million', '1,265,000';
    2000000 -> also 'two million'."""
    out = {f"{int(value):,}"}
    m = value / 1e6
    if value >= 1e6:
        out.add(f"{m:.3f}".rstrip("0").rstrip(".") + " million")
    words = {1: "one", 2: "two", 3: "three"}
    if m in words:
        out.add(f"{words[int(m)]} million")
    return out


def test_each_locator_prints_the_recorded_figure(in_host) -> None:
    # The quoted words must contain the number typed into central (a slipped digit fails).
    for _, r in in_host.iterrows():
        forms = _spelled(r["value"])
        assert any(f in r["locator"] for f in forms), (r["estimate_id"], forms, r["locator"])


def test_government_counts_exceed_unhcr_in_the_same_country(reg, in_host) -> None:
    # A host government's count includes the unregistered (and, in Jordan, Syrians who came
    # before 2011), so it is never below UNHCR's figure for the same country near the same
    # date. The upper bound 2.5 x is a plausibility bound, not a law: the headline government
    # figures run from 1.3 x (Lebanon 2014) to about 2.3 x (Jordan 2014) of UNHCR's; a slipped
    # digit (10 x) or a wrong host breaks it. Statements kept only for context (unnamed
    # officials, one minister's 'over 2.5 million') are exempt from the upper bound.
    unhcr = reg[reg["measure"].isin({"refugees", "refugees_registered"}) & (reg["role"] == "headline")]
    for _, r in in_host.iterrows():
        same = unhcr[unhcr["host"] == r["host"]]
        gap = (same["end"].map(lambda d: abs((d - r["end"]).days)))
        near = same[gap <= 400]
        assert len(near) >= 1, r["estimate_id"]
        ref = float(near.loc[gap[gap <= 400].idxmin(), "value"])
        assert r["value"] > ref, (r["estimate_id"], r["value"], ref)
        if r["role"] == "headline":
            assert r["value"] <= 2.5 * ref, (r["estimate_id"], r["value"], ref)


def test_jordan_census_and_lebanon_plan_figures(reg) -> None:
    # The figures articles repeat: Jordan's 2015 census, Lebanon's 1.5 million.
    assert _v(reg, "jor-census-2015-syrians") == 1_265_000
    lcrp = reg[reg["estimate_id"].isin(["lbn-gov-2017-10-syrians", "lbn-gov-2019-11-syrians",
                                        "lbn-gov-2021-10-syrians"])]
    assert list(lcrp["value"]) == [1_500_000] * 3
    assert set(lcrp["role"]) == {"headline"}
    # ministers' round figures ('two million', 'over 2.5 million') are kept, for context only
    for rid, value in [("lbn-minister-2023-05-23-syrians", 2_000_000),
                       ("lbn-minister-2024-04-10-syrians", 2_500_000)]:
        assert _v(reg, rid) == value
        assert reg.loc[reg["estimate_id"] == rid, "role"].item() == "context_only"


# ------------------------------------------------------------------ deaths due to torture (SNHR)

def test_torture_deaths_are_parts_of_their_tolls(reg) -> None:
    tor = reg[(reg["measure"] == "deaths_in_detention") & reg["estimate_id"].str.endswith("-torture")]
    assert len(tor) >= 8
    assert set(tor["group"]) == {"detainees"} and (tor["period_type"] == "flow").all()
    # each part is below the toll of the same report and period
    pairs = {"snhr-year-2024-torture": "snhr-year-2024", "snhr-month-2024-12-torture": "snhr-month-2024-12",
             "snhr-2025-h1-torture": "snhr-2025-h1", "snhr-year-2025-torture": "snhr-year-2025",
             "snhr-month-2025-06-torture": "snhr-month-2025-06",
             "snhr-month-2025-10-torture": "snhr-month-2025-10",
             "snhr-month-2025-11-torture": "snhr-month-2025-11",
             "snhr-month-2025-12-torture": "snhr-month-2025-12"}
    for part, whole in pairs.items():
        assert _v(reg, part) < _v(reg, whole), (part, whole)
    # disjoint periods of 2025 never add up to more than the year (H1 includes June)
    parts = ["snhr-2025-h1-torture", "snhr-month-2025-10-torture", "snhr-month-2025-11-torture",
             "snhr-month-2025-12-torture"]
    assert sum(_v(reg, p) for p in parts) <= _v(reg, "snhr-year-2025-torture")
    assert _v(reg, "snhr-month-2025-06-torture") <= _v(reg, "snhr-2025-h1-torture")
    assert _v(reg, "snhr-month-2024-12-torture") <= _v(reg, "snhr-year-2024-torture")


# ------------------------------------------------------------------ running totals

@pytest.mark.parametrize("prefix,new_id", [
    ("sohr-since-fall-20", "sohr-since-fall-2025-11"),
    ("sohr-suwayda-2025-", "sohr-suwayda-2025-08-04"),
    ("snhr-suwayda-2025-", "snhr-suwayda-2025-07-16"),
])
def test_running_totals_never_fall_with_the_new_dates(reg, prefix, new_id) -> None:
    rows = reg[reg["estimate_id"].str.startswith(prefix)]
    assert new_id in set(rows["estimate_id"])
    for (_, grp, measure, perp), g in rows.groupby(["area", "group", "measure", "perpetrator"]):
        g = g.sort_values("end")
        values = list(g["value"])
        assert values == sorted(values), (grp, measure, perp, list(zip(g["estimate_id"], values)))
        assert g["start"].nunique() == 1                     # one series: the same start date


def test_since_fall_parts_and_dates(reg) -> None:
    total, civ = _v(reg, "sohr-since-fall-2025-11"), _v(reg, "sohr-since-fall-2025-11-civ")
    kids, women = _v(reg, "sohr-since-fall-2025-11-children"), _v(reg, "sohr-since-fall-2025-11-women")
    assert kids + women < civ < total
    row = reg[reg["estimate_id"] == "sohr-since-fall-2025-11"].iloc[0]
    assert (row["start"], row["end"]) == (date(2024, 12, 8), date(2025, 11, 8))


def test_suwayda_rows_are_in_the_governorate(reg) -> None:
    rows = reg[reg["estimate_id"].isin(["sohr-suwayda-2025-08-04", "snhr-suwayda-2025-07-16",
                                        "snhr-suwayda-2025-07-16-children", "snhr-suwayda-2025-07-16-women",
                                        "sohr-suwayda-2025-08-04-executions-perp-transitional-government"])]
    assert len(rows) == 5
    assert (rows["area"] == "SY-SU").all() and (rows["period_start"] == "2025-07-13").all()
    assert (rows["period_type"] == "cumulative").all()
    assert _v(reg, "snhr-suwayda-2025-07-16-children") + _v(reg, "snhr-suwayda-2025-07-16-women") \
        < _v(reg, "snhr-suwayda-2025-07-16")
    assert _v(reg, "sohr-suwayda-2025-08-04-executions-perp-transitional-government") \
        < _v(reg, "sohr-suwayda-2025-08-04")


# ------------------------------------------------------------------ OHCHR, June 2013, by governorate

def test_ohchr_2013_governorates_follow_the_sources_order(reg) -> None:
    # AFP lists the governorates from most to fewest deaths: Rif Dimashq, Homs, Aleppo, Idlib,
    # Daraa, Hama, Damascus, Deir ez-Zor. The recorded values must keep that order and stay
    # below the national documented total.
    order = ["sy-rd", "sy-hi", "sy-hl", "sy-id", "sy-dr", "sy-hm", "sy-di", "sy-dy"]
    values = [_v(reg, f"ohchr-2013-06-{g}") for g in order]
    assert all(a > b for a, b in zip(values, values[1:])), values   # the source's values all differ
    assert sum(values) < _v(reg, "ohchr-2013-06")
    for g in order:
        row = reg[reg["estimate_id"] == f"ohchr-2013-06-{g}"].iloc[0]
        assert row["area"] == g.upper() and row["period_end"] == "2013-04-30"
