"""Extraction of displacement as an event, crossings and returns, host scopes, shares and
non-Syrian counts (H22d). Each test failed before its rule was added."""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _claims(text: str, published: str, context: str = "") -> pd.DataFrame:
    return extract_claims(text, published, context=context)


def _one(text: str, published: str, value: float, context: str = "") -> pd.Series:
    df = _claims(text, published, context)
    hit = df[(df["value"] - value).abs() < 1e-6]
    assert len(hit) == 1, df[["claim_text", "value", "measure"]].to_string()
    return hit.iloc[0]


# ---- displacement as an event: new displacement, not the displaced stock
def test_fled_during_an_offensive_is_new_displacement():
    c = _one("Some 80,000 people have fled their homes in north Syria, aid groups say, as the army presses on "
             "with its offensive on rebel-held areas.", "2019-05-10", 80000)
    assert c["measure"] == "idps_new_displacements" and c["period_type"] == "flow"


def test_displaced_since_the_offensive_began_starts_on_its_day():
    c = _one("Monitors say at least 90,000 civilians have been displaced since the offensive began on Oct. 3.",
             "2019-10-12", 90000)
    assert c["measure"] == "idps_new_displacements"
    assert c["period_start"] == "2019-10-03"


def test_forced_to_displace_in_days_is_a_flow_of_those_days():
    c = _one("The army's operation against the rebels forced 70,000 people to displace in six days.",
             "2018-02-20", 70000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2018-02-14"


def test_people_leaving_an_enclave_on_a_weekday():
    c = _one("State media said more than 4,000 had escaped to government-held areas through the enclave's "
             "corridor on Wednesday.", "2018-03-09", 4000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2018-03-07"


def test_another_sources_figure_for_the_wave_before():
    ctx = "Monitors say at least 90,000 civilians have been displaced since the offensive began on Oct. 3."
    c = _one("A local council put the figure at more than 120,000.", "2019-10-12", 120000, context=ctx)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2019-10-03"


def test_national_idps_stay_a_stock():
    c = _one("Amid the offensive, the UN said 6.1 million people remain internally displaced inside Syria.",
             "2019-10-12", 6.1e6)
    assert c["measure"] == "idps"


# ---- not Syrian war statistics
def test_sea_arrivals_and_deaths_of_all_nationalities_are_no_claims():
    assert _claims("Some 590,000 refugees and migrants have arrived in Europe by sea this year, and 3,100 people "
                   "have died trying to cross.", "2015-10-20").empty


def test_another_countrys_war_is_no_claim():
    assert _claims("The Israeli strikes have killed 2,100 people, injured 9,000 others, and displaced over 1.2 "
                   "million in Lebanon.", "2024-10-10").empty


def test_forecast_rate_host_communities_and_other_nationalities_are_no_claims():
    for text, pub in [
        ("The UN warned that as many as 1 million more people could have fled Syria by the end of the year.", "2015-08-01"),
        ("The plan counts 4.4 million people in communities hosting them.", "2015-12-01"),
        ("Between 4,000 and 6,000 refugees were fleeing Syria every day, the agency said.", "2013-04-01"),
        ("Before the war, Syria hosted around 1 million refugees and asylum-seekers, mainly from Iraq.", "2011-06-01"),
        ("That figure is two million refugees higher than last year.", "2016-01-01"),
    ]:
        assert _claims(text, pub).empty, text


def test_a_rate_after_a_new_clause_does_not_drop_the_count():
    c = _one("UNHCR has registered close to 800,000 refugees since 1 January, that is about 200,000 people "
             "each month.", "2013-05-01", 800000)
    assert c["measure"].startswith("refugees")


# ---- host scopes the registry does not hold (controlled values, judged not_checkable)
def test_some_of_the_five_hosts_summed():
    c = _one("Some 1.8 million are registered in Egypt, Iraq, Jordan and Lebanon.", "2014-01-01", 1.8e6)
    assert c["host"] == "REGION_PART" and "4 of the five" in c["subarea"]


def test_north_africa_and_europe():
    assert _one("UNHCR has registered 12,000 Syrian refugees in North Africa.", "2013-06-01", 12000)["host"] \
        == "NORTH_AFRICA"
    assert _one("European countries host more than 900,000 Syrian refugees.", "2016-01-01", 900000)["host"] == "EUROPE"


def test_unregistered_syrians_are_their_own_group():
    df = _claims("Lebanon's government estimates that between 200,000 and 400,000 unregistered Syrians live in "
                 "Lebanon.", "2013-04-01")
    assert sorted(df["value"]) == [200000, 400000]
    assert set(df["group"]) == {"unregistered"} and set(df["host"]) == {"LBN"}
    assert list(df.sort_values("value")["comparator"]) == ["at_least", "at_most"]


def test_refugee_counts_carried_from_the_sentence_before():
    c = _one("Since the start of the year it has increased to 5,510,473.", "2018-01-01", 5510473,
             context="The regional total of Syrian refugees has been stable at around 5.2 million.")
    assert c["measure"] == "refugees_registered"
    c = _one("There are 480,000 of them in camps.", "2018-01-01", 480000,
             context="Turkey hosts 3.5 million Syrian refugees.")
    assert c["host"] == "TUR" and c["subarea"] == "in camps"


def test_new_controlled_values_are_declared():
    import json
    from syriastats.paths import data_dir
    d = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    claims = next(r for r in d["resources"] if r["name"] == "claims")
    fields = {f["name"]: f for f in claims["schema"]["fields"]}
    for col, val in [("host", "REGION_PART"), ("host", "NORTH_AFRICA"), ("group", "unregistered"),
                     ("group", "refugees_and_idps")]:
        assert val in fields[col]["constraints"]["enum"] and val in fields[col]["enumDescriptions"]


# ---- the war's age in other words
def test_the_wars_age_in_other_words():
    assert _one("The uprising began 18 months ago.", "2012-09-01", 1.5)["measure"] == "war_duration_years"
    c = _one("Since the start of the hostilities in Syria more than two years ago, the agency has helped "
             "thousands.", "2013-06-01", 2)
    assert c["measure"] == "war_duration_years" and c["comparator"] == "at_least"
    assert _one("The eight-year Syrian war has killed hundreds of thousands.", "2019-03-15", 8)["measure"] \
        == "war_duration_years"
    assert _one("With Syria's war heading towards a 6th year, aid is running short.", "2015-12-01", 5)["measure"] \
        == "war_duration_years"


def test_a_rulers_tenure_is_not_the_wars_age():
    assert _claims("The president remains in power after nearly 24 years in office.", "2024-07-01").empty


# ---- returns and crossings
def test_refugees_who_left_the_hosts_and_returned_are_returns_from_the_region():
    c = _one("Some 12,300 Syrian refugees left Jordan, Lebanon, Turkey, Iraq and Egypt and returned to their "
             "homeland in the second half of 2023.", "2024-01-10", 12300)
    assert c["measure"] == "refugee_returns" and c["host"] == "REGION" and c["period_type"] == "flow"


def test_crossings_from_a_host_into_syria_are_returns_from_that_host():
    c = _one("More than 250,000 people have crossed from Lebanon into Syria in the past two weeks, the UN said.",
             "2024-10-07", 250000)
    assert (c["measure"], c["host"], c["period_type"], c["period_start"]) == \
        ("refugee_returns", "LBN", "flow", "2024-09-23")
    c = _one("Nearly 300,000 people have crossed since 23 September, according to UNHCR.", "2024-10-12", 300000,
             context="Israel's strikes on Lebanon continued.")
    assert (c["host"], c["period_type"], c["period_start"]) == ("LBN", "cumulative", "2024-09-23")


def test_returnees_both_refugees_and_idps_are_their_own_group():
    c = _one("There are now 2 million returnees, who are both internally displaced persons and refugees "
             "returning from abroad.", "2025-06-01", 2e6)
    assert c["group"] == "refugees_and_idps"


# ---- shares
def test_a_share_of_syrians_who_left_their_homes_is_the_displaced_share():
    assert _one("About 25% of Syrian people have left their homes, the UN said.", "2013-06-01", 0.25)["measure"] \
        == "displaced_share"


def test_a_share_all_told_after_refugees_and_idps_is_of_all_the_displaced():
    c = _one("Three million Syrians have become refugees and 6.5 million more are internally displaced, all "
             "told, 43% of the population.", "2014-08-29", 0.43)
    assert c["measure"] == "displaced_share"


def test_fled_to_syria_from_a_host_and_estimated_crossings_are_returns():
    c = _one("More than 40,000 people, mostly Syrians, have fled to Syria from Lebanon in the past 48 hours, "
             "the agency said.", "2024-09-28", 40000)
    assert (c["measure"], c["host"], c["period_start"]) == ("refugee_returns", "LBN", "2024-09-26")
    c = _one("Some 50,000 people are estimated to have crossed into Syria from Lebanon this week.", "2024-09-27", 50000)
    assert (c["measure"], c["host"]) == ("refugee_returns", "LBN")


def test_a_region_that_hosts_people_is_its_population():
    c = _one("The Idlib region hosts some three million people, many of them displaced.", "2019-12-28", 3e6)
    assert (c["measure"], c["area"]) == ("population", "SY-ID")


def test_a_year_and_a_half_since_the_uprising_began():
    c = _one("The death toll keeps rising since the uprising began almost a year and a half ago.", "2012-08-30", 1.5)
    assert c["measure"] == "war_duration_years"


def test_displaced_there_and_forcing_people_to_abandon_a_town():
    c = _one("Fighting in southern Hama continues, and more than 90,000 people have been displaced there.",
             "2019-08-01", 90000)
    assert c["measure"] == "idps_new_displacements"
    c = _one("Shelling hit the village, forcing 8,000 people to abandon it.", "2018-08-01", 8000)
    assert (c["measure"], c["area"]) == ("idps_new_displacements", "LOCAL")
