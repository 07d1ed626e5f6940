"""Consistency of the registry's figures for the time after the fall of the government on
8 December 2024: returns since that date, tolls of the coastal (March 2025) and As-Suwayda
(July 2025) violence, monthly tolls split by group and perpetrator, the missing.

Each check compares figures as the sources printed them (see each row's ``locator``): running
totals of one publisher's series never fall, a country's returns never exceed the same release's
total for all countries, the parts a source lists never exceed (or, where the source's own parts
add up, equal) its total. Nothing here is recomputed from the code under test; a wrong digit,
date or dimension entered in ``data/estimates.csv`` breaks one of these orderings or sums."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from syriastats.parsing import parse_date_bounds
from syriastats.paths import DEFAULT_DATA_DIR

FALL = date(2024, 12, 8)
COUNTRY_HOSTS = {"TUR", "LBN", "JOR", "IRQ", "EGY"}


@pytest.fixture(scope="module")
def reg() -> pd.DataFrame:
    est = pd.read_csv(DEFAULT_DATA_DIR / "estimates.csv", dtype=str, keep_default_na=False)
    src = pd.read_csv(DEFAULT_DATA_DIR / "sources.csv", dtype=str, keep_default_na=False)
    df = est.merge(src[["source_id", "publisher", "published", "url"]], on="source_id", how="left",
                   validate="many_to_one")
    df["start"] = df["period_start"].map(lambda t: parse_date_bounds(t)[0])
    df["end"] = df["period_end"].map(lambda t: parse_date_bounds(t)[1])
    df["value"] = pd.to_numeric(df["central"], errors="coerce")
    return df


@pytest.fixture(scope="module")
def post(reg: pd.DataFrame) -> pd.DataFrame:
    """Rows whose period ends in 2025 or later."""
    return reg[reg["end"] >= date(2025, 1, 1)]


def _v(reg: pd.DataFrame, rid: str) -> float:
    row = reg[reg["estimate_id"] == rid]
    assert len(row) == 1, rid
    return float(row["value"].iloc[0])


# ------------------------------------------------------------------ every row is traceable

def test_rows_after_the_fall_are_many_and_traceable(post) -> None:
    # The 2025-2026 figures the article checker needs: returns, deaths, the missing.
    assert len(post) >= 250
    least = {"refugee_returns": 30, "idp_returns": 8, "deaths_civilian": 100, "deaths_total": 20,
             "missing_persons": 4}
    for measure, n in least.items():
        assert (post["measure"] == measure).sum() >= n, measure
    assert post["url"].str.match(r"^https?://\S+$").all()
    assert (post["locator"].str.strip() != "").all()
    assert post["checked"].isin({"source_page", "corroborated", "dossier"}).all()


def test_no_figure_covers_a_period_that_began_after_its_publication(post) -> None:
    published_last_day = post["published"].map(lambda t: parse_date_bounds(t)[1])
    late = post[post["start"] > published_last_day]
    assert late.empty, late["estimate_id"].tolist()


# ------------------------------------------------------------------ returns since 8 Dec 2024

def test_returns_since_the_fall_start_on_8_december_2024(reg) -> None:
    ret = reg[reg["measure"].isin(["refugee_returns", "idp_returns"]) & (reg["period_type"] == "cumulative")
              & (reg["end"] >= date(2025, 1, 1))]
    # Every running total of returns after the fall counts from the fall. Exceptions, each saying
    # so in its scope: IOM counts from November 2024, UNHCR's Lebanon figure of September 2025
    # from the start of 2025, Lebanon's government from the start of its return plan (July 2025).
    other = ret[ret["start"] != FALL]
    assert sorted(other["estimate_id"]) == ["iom-dtm-arrivals-2025-02", "iom-dtm-idp-returns-2025-02",
                                            "lebanon-mosa-returns-2025-12-15",
                                            "unhcr-refugee-returns-2025-09-02-lbn-since-jan"]
    assert len(ret) >= 30


def test_refugee_returns_say_the_country_of_departure(reg) -> None:
    ret = reg[reg["measure"] == "refugee_returns"]
    assert (ret["host"] != "").all()
    assert (ret["area"] == "SYR").all()


def _family(publisher: str) -> str:
    # UNHCR's Jordan office reports the Jordan part of UNHCR's own count: one series.
    return "UNHCR" if publisher.startswith("UNHCR") else publisher


SERIES_KEY = ["family", "measure", "area", "host", "group", "perpetrator", "period_start"]


def _series(reg: pd.DataFrame) -> pd.core.groupby.DataFrameGroupBy:
    cum = reg[(reg["period_type"] == "cumulative") & (reg["start"] >= FALL) & (reg["role"] != "superseded")]
    return cum.assign(family=cum["publisher"].map(_family)).groupby(SERIES_KEY)


def test_running_totals_since_the_fall_never_fall(reg) -> None:
    """A running total of one publisher (returns, a toll since the start of an event) counts at
    least as many people at a later cut-off. Exact comparison: a total that shrinks, even by one,
    is a wrong digit or a wrong date (rounded 'about' figures are rounded down or up by the
    sources, but none of the series here crosses a later exact count)."""
    n_series = 0
    for key, g in _series(reg):
        if len(g) < 2:
            continue
        n_series += 1
        g = g.sort_values(["end", "estimate_id"])
        values = g["value"].tolist()
        assert values == sorted(values), (key, list(zip(g["estimate_id"], values)))
    # Turkey's ministry, UNHCR worldwide / region / Jordan / Lebanon, UNHCR IDP returns, SOHR and
    # SNHR As-Suwayda tolls, SOHR coastal and since-the-fall tolls.
    assert n_series >= 15


@pytest.mark.parametrize("series", [
    ["turkey-moi-returns-2025-08-30", "turkey-moi-returns-2025-09-07", "turkey-moi-returns-2025-09-29",
     "turkey-moi-returns-2025-11-01", "turkey-moi-returns-2025-12-08"],
    ["unhcr-refugee-returns-2025-07-31-jor", "unhcr-refugee-returns-2025-08-31-jor",
     "unhcr-refugee-returns-2025-10-11-jor", "unhcr-refugee-returns-2025-10-31-jor",
     "unhcr-refugee-returns-2025-11-15-jor", "unhcr-refugee-returns-2025-11-30-jor",
     "unhcr-refugee-returns-2026-01-07-jor", "unhcr-refugee-returns-2026-03-31-jor"],
    ["unhcr-refugee-returns-2025-05-31", "unhcr-refugee-returns-2025-09-24", "unhcr-refugee-returns-2025-11",
     "unhcr-refugee-returns-2025-12-21", "unhcr-refugee-returns-2026-01-07", "unhcr-refugee-returns-2026-01-27"],
    ["sohr-suwayda-2025-07-19", "sohr-suwayda-2025-07-20", "sohr-suwayda-2025-07-21", "sohr-suwayda-2025-07-24",
     "sohr-suwayda-2025-07-26", "sohr-suwayda-2025-08-05"],
])
def test_named_series_are_in_one_group_and_grow(reg, series) -> None:
    rows = reg.set_index("estimate_id").loc[series]
    assert rows[["measure", "host", "area", "group", "period_start"]].nunique().max() == 1
    assert list(rows["end"]) == sorted(rows["end"])
    assert list(rows["value"]) == sorted(rows["value"])


def test_a_country_never_returns_more_than_the_same_release_counts_for_all(reg) -> None:
    ret = reg[(reg["measure"] == "refugee_returns") & (reg["period_type"] == "cumulative") & (reg["start"] >= FALL)]
    checked = 0
    for (_sid, _start, _end), g in ret.groupby(["source_id", "period_start", "period_end"]):
        totals = g[g["host"].isin(["WORLD", "REGION"])]
        parts = g[g["host"].isin(COUNTRY_HOSTS)]
        if totals.empty or parts.empty:
            continue
        whole = totals["value"].max()
        assert parts["value"].max() <= whole, g["estimate_id"].tolist()
        assert parts["value"].sum() <= whole, g["estimate_id"].tolist()
        checked += 1
    assert checked >= 2  # UNHCR, first week of January 2026 (four hosts), and November 2025 (Lebanon)


def test_host_parts_of_january_2026_leave_room_for_egypt_and_the_rest(reg) -> None:
    # UNHCR: 1,346,485 in all; Turkey > 440,000, Lebanon 437,586, Jordan 178,000, Iraq 6,988.
    parts = sum(_v(reg, f"unhcr-refugee-returns-2026-01-07-{h}") for h in ("tur", "lbn", "jor", "irq"))
    assert parts == 1_062_574
    assert _v(reg, "unhcr-refugee-returns-2026-01-07") - parts == 283_911


def test_monthly_returns_from_jordan_fit_between_running_totals(reg) -> None:
    # UNHCR Jordan: about 125,000 by 31 July and 145,000 by 31 August, about 22,000 in August.
    # Rounded figures ('about'): the difference of the two totals and the month's flow agree to
    # within the rounding of the totals to the thousand, i.e. a few thousand.
    diff = _v(reg, "unhcr-refugee-returns-2025-08-31-jor") - _v(reg, "unhcr-refugee-returns-2025-07-31-jor")
    assert abs(diff - _v(reg, "unhcr-refugee-returns-2025-08-jor")) <= 3_000
    flows = reg[(reg["measure"] == "refugee_returns") & (reg["period_type"] == "flow") & (reg["host"] == "JOR")
                & (reg["start"] >= date(2025, 6, 1))]
    # June to October 2025, every month once.
    assert sorted(flows["period_start"]) == [f"2025-{m:02d}-01" for m in range(6, 11)]


def test_idp_returns_after_the_fall_are_never_counted_as_refugees(reg) -> None:
    idp = reg[reg["measure"] == "idp_returns"]
    assert (idp["host"] == "").all()


# ------------------------------------------------------------------ deaths since the fall

def test_monthly_parts_never_exceed_the_months_civilian_total(reg) -> None:
    """Within one source, month and role: perpetrators' parts add to at most the month's
    civilians, and children plus women are at most the civilians."""
    d = reg[(reg["measure"] == "deaths_civilian") & (reg["start"] >= FALL)]
    checked = 0
    for key, g in d.groupby(["source_id", "area", "period_start", "period_end", "role"]):
        total = g[(g["group"] == "civilians") & (g["perpetrator"] == "all")]
        if len(total) != 1 or len(g) == 1:
            continue
        whole = float(total["value"].iloc[0])
        perps = g[(g["group"] == "civilians") & (g["perpetrator"] != "all")]["value"].sum()
        kids_women = g[g["group"].isin(["children", "women"])]["value"].sum()
        assert perps <= whole, key
        assert kids_women <= whole, key
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("total_id, part_ids", [
    # The sources' own parts add to their totals exactly (counts of named victims).
    ("sohr-coast-2025-03-12-civ", [f"sohr-coast-2025-03-12-civ-{g}" for g in ("la", "ta", "hm", "hi")]),
    ("snhr-month-2025-05", [f"snhr-month-2025-05-perp-{p}" for p in
                            ("transitional-government", "former-regime-loyalists", "sdf", "israel", "unknown")]),
    ("snhr-month-2025-08", [f"snhr-month-2025-08-perp-{p}" for p in ("transitional-government", "sdf", "unknown")]),
    ("snhr-month-2025-09", [f"snhr-month-2025-09-perp-{p}" for p in
                            ("transitional-government", "former-regime-loyalists", "sdf", "other", "unknown")]),
    ("snhr-2025-07-outside-suwayda", [f"snhr-2025-07-outside-suwayda-perp-{p}" for p in
                                      ("transitional-government", "former-regime-loyalists", "sdf", "israel",
                                       "unknown")]),
    ("snhr-month-2025-07", ["snhr-suwayda-2025-07-31", "snhr-2025-07-outside-suwayda"]),
])
def test_parts_a_source_lists_add_to_its_total(reg, total_id, part_ids) -> None:
    assert sum(_v(reg, i) for i in part_ids) == _v(reg, total_id)


def test_suwayda_executions_are_part_of_the_toll_of_the_same_day(reg) -> None:
    ex = reg[reg["estimate_id"].str.match(r"^sohr-suwayda-2025-\d\d-\d\d-executions-")]
    assert len(ex) >= 5
    for _, r in ex.iterrows():
        toll = r["estimate_id"].split("-executions-")[0]
        assert r["value"] <= _v(reg, toll), r["estimate_id"]
        assert r["area"] == "SY-SU" and r["perpetrator"] == "transitional_government"


def test_coastal_event_rows_on_the_whole_country_are_context_only(reg) -> None:
    """Tolls of the March 2025 coastal violence counted for Syria as a whole must not be pooled
    with nationwide tolls: they are a part of the country's deaths."""
    coast = reg[reg["estimate_id"].str.match(r"^(sohr-coast|ncif-coast|reuters-coast|snhr-2025-03-coast)")]
    assert len(coast) >= 12
    whole_country = coast[coast["area"] == "SYR"]
    assert (whole_country["role"] == "context_only").all(), whole_country["estimate_id"].tolist()
    by_governorate = coast[coast["area"] != "SYR"]
    assert set(by_governorate["area"]) == {"SY-LA", "SY-TA", "SY-HM", "SY-HI"}


def test_inquiry_counts_security_forces_apart_from_its_1426(reg) -> None:
    assert reg.set_index("estimate_id").loc["ncif-coast-2025-03", "group"] == "all_except_government_forces"
    assert _v(reg, "ncif-coast-2025-03-women") < _v(reg, "ncif-coast-2025-03")
    assert reg.set_index("estimate_id").loc["ncif-coast-2025-03-govforces", "group"] == "government_forces"


# ------------------------------------------------------------------ the missing

def test_missing_persons_rows_are_stocks_without_perpetrator(reg) -> None:
    miss = reg[reg["measure"] == "missing_persons"]
    assert len(miss) >= 5
    assert (miss["period_type"] == "stock").all()
    assert (miss["perpetrator"] == "").all() and (miss["host"] == "").all()
    # The ICRC's registered cases grow: 35,000 (13 Dec 2024), more than 37,000 (Aug 2025).
    assert _v(reg, "icrc-missing-2024-12-13") < _v(reg, "icrc-missing-2025-08")
