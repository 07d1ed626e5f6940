"""Tests of the extractor's general grammar rules added for the failure classes found on
held-out gold set 2 (which then became a development set). Each sentence is written in the
style of real news copy but is not one of the gold sentences, so a rule that special-cases
a gold sentence would not pass these; each case fails without its rule."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from syriastats.textclaims.numbers import find_numbers


sys.path.insert(0, str(Path(__file__).parent))
from extraction_testkit import by_value, extraction_helpers  # noqa: E402

claims, only = extraction_helpers("2025-06-01")


# --------------------------------------------------------------------------- numbers


def test_point_as_thousands_separator():
    assert find_numbers("124.562 people")[0].value == 124562
    # a decimal with a scale word, or not three digits after the point, stays a decimal
    assert find_numbers("4.500 million")[0].value == 4_500_000
    assert find_numbers("2.5 km")[0].value == 2.5


# --------------------------------------------------------------------------- measures


def test_displaced_people_who_returned_are_idp_returns():
    c = only("Some 900,000 people who had been displaced within the country have since "
             "returned to their home areas.")
    assert c["measure"] == "idp_returns" and c["value"] == 900_000


def test_each_return_count_takes_its_own_clause():
    df = claims("About 600,000 refugees have returned from abroad, along with around 1.1 million "
                "internally displaced people who have gone back to their villages.")
    assert by_value(df, 600_000)["measure"] == "refugee_returns"
    assert by_value(df, 1_100_000)["measure"] == "idp_returns"


@pytest.mark.parametrize("text", [
    "The UN says 14.6 million people require humanitarian aid this year.",
    "Some 14.6 million Syrians are in need of some form of humanitarian assistance.",
])
def test_need_of_aid_is_people_in_need(text):
    assert only(text)["measure"] == "people_in_need"


def test_newly_displaced_in_a_year_is_a_flow():
    c = only("Fighting in the north meant 1.8 million Syrians were newly displaced in 2018.",
             "2019-05-01")
    assert c["measure"] == "idps_new_displacements"
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", "2018-01-01", "2018-12-31")


def test_forced_from_homes_since_late_last_year_is_new_displacement():
    c = only("Since late last year some 700,000 people have been forced from their homes "
             "in the north-west.", "2020-03-01")
    assert c["measure"] == "idps_new_displacements"
    assert c["period_start"] == "2019-10-01"


def test_prewar_population_of_n_is_population_not_displaced():
    df = claims("Half of the country's pre-war population of 21 million have fled their homes.")
    c = by_value(df, 21_000_000)
    assert c["measure"] == "population" and c["as_of"] == "2011-03-15"


def test_a_host_countrys_own_population_is_no_claim():
    df = claims("A country of roughly 11 million people, Jordan hosts some 630,000 registered "
                "Syrian refugees.", "2024-01-01")
    assert list(df.value) == [630_000]
    assert df.iloc[0].host == "JOR"


def test_displaced_internally_or_abroad_is_the_displaced_share():
    c = only("The war has displaced more than half of the population internally or abroad.")
    assert c["measure"] == "displaced_share" and c["value"] == 0.5


def test_has_displaced_half_of_its_population():
    assert only("The fighting has displaced half of its population.")["measure"] == "displaced_share"


@pytest.mark.parametrize("text", [
    "The network says 15,000 people were killed in the government's jails since 2011.",
    "Rights groups say 15,000 detainees died due to torture since the uprising began.",
])
def test_deaths_in_jails_or_under_torture_are_deaths_in_detention(text):
    assert only(text, "2021-01-01")["measure"] == "deaths_in_detention"


def test_deportations_are_returns_not_refugees():
    c = only("Aid groups recorded more than 2,500 deportations of Syrians from Lebanon since May 2024.")
    assert c["measure"] == "refugee_returns"


def test_left_a_host_country_since_the_fall_is_returns():
    c = only("At least 80,000 Syrians have left Jordan since the Assad regime fell.")
    assert c["measure"] == "refugee_returns" and c["period_start"] == "2024-12-08"


def test_leaving_a_host_for_europe_is_not_a_return():
    assert claims("Some 20,000 Syrians have left Turkey for Greece since the Assad regime fell."
                  ).query("measure == 'refugee_returns'").empty


def test_flee_to_other_countries_and_outside_the_borders_are_worldwide():
    assert only("The war has seen 6 million Syrians flee to other countries.")["host"] == "WORLD"
    assert only("Some 6.2 million Syrians live as refugees outside the country's borders."
                )["measure"] == "refugees_worldwide"


def test_a_list_of_hosts_is_the_region_not_the_last_country():
    c = only("Turkey, Lebanon and Jordan, which together host 5.1 million of them, face strain.")
    assert c["host"] == "REGION"


def test_syrians_living_in_a_host_are_refugees_there_even_near_an_earthquake():
    c = only("Some 1.5 million Syrians living in the Turkish provinces hit by the earthquake "
             "lost their homes.", "2023-03-01")
    assert c["measure"] == "refugees_registered_by_host" and c["host"] == "TUR"


def test_registered_by_authorities_is_refugees_of_that_host():
    df = claims("The region has about 400,000 of them, a tenth of the 3.6 million registered by "
                "Turkish authorities.", "2022-01-01")
    assert by_value(df, 3_600_000)["measure"] == "refugees_registered_by_host"


def test_never_emerged_from_prisons_is_missing_and_a_stock():
    c = only("Nearly 100,000 have never emerged from the regime's prisons, the group said.",
             "2021-03-01")
    assert c["measure"] == "missing_persons"
    assert (c["period_type"], c["as_of"]) == ("stock", "2021-03-01")


def test_remain_missing_is_a_stock():
    c = only("Some 100,000 people remain missing, the UN says.", "2023-06-30")
    assert c["measure"] == "missing_persons" and c["period_type"] == "stock"


def test_total_after_a_civilian_subset_keeps_no_civilian_group():
    df = claims("At least 20,000 civilians are among the 95,000 people killed since the war began.",
                "2013-06-01")
    assert by_value(df, 95_000)["measure"] == "deaths_total"
    assert by_value(df, 20_000)["measure"] == "deaths_civilian"


def test_including_list_keeps_the_kind_of_the_total():
    df = claims("The group documented the killing of 2,100 civilians in 2023, including 400 "
                "children and 200 women, as well as 90 people who died due to torture.",
                "2024-01-02")
    assert by_value(df, 200)["measure"] == "deaths_civilian"
    assert by_value(df, 90)["measure"] == "deaths_in_detention"


# --------------------------------------------------------------------------- not war statistics


@pytest.mark.parametrize("text", [
    "The agency's plan aims to support the return of 1 million refugees and 1.5 million "
    "internally displaced persons this year.",
    "UNHCR said up to 1 million Syrians from abroad and 2 million internally displaced "
    "people may return by the end of the year.",
    "Some 6.5 million are displaced inside Syria and nearly 4 million Syrians under 5 "
    "have known nothing but war.",
    "Some 6.5 million are displaced inside Syria and some 800,000 Syrian babies have been "
    "born in exile.",
    "Some 6.5 million are displaced inside Syria and another 2.1 million were affected.",
    "Some 6.5 million are displaced inside Syria; more than 1.5 million of them living in tented camps.",
    "Over 1.5 million Syrian refugees and displaced have returned home since the regime fell.",
    "Some 6.5 million are displaced inside Syria and 9 million people did not know where "
    "their next meal was coming from.",
])
def test_not_a_registry_measure(text):
    df = claims(text)
    bad = df[~df.measure.isin(["idps"]) | (df.value != 6_500_000)]
    assert bad.empty, df[["claim_text", "measure", "value"]].to_string()


def test_bringing_the_total_of_returnees_is_a_combined_count():
    df = claims("Some 700,000 internally displaced people also returned home, bringing the "
                "total number of returnees to over 1.1 million.")
    assert list(df.value) == [700_000] and df.iloc[0].measure == "idp_returns"


# --------------------------------------------------------------------------- periods


def test_a_reported_year_is_the_date_of_a_cumulative_toll():
    c = only("The UN's last toll estimate in 2014 was more than 190,000 people.", "2020-01-01")
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("cumulative", "2011-03-15",
                                                                  "2014-12-31")


def test_a_toll_over_a_few_days_is_a_short_flow():
    c = only("More than 1,000 people have been killed in the span of four days, a monitor said.",
             "2025-03-10")
    assert (c["period_type"], c["period_start"]) == ("flow", "2025-03-06")


# --------------------------------------------------------------------------- the war's age


@pytest.mark.parametrize("text,years,comp", [
    ("Eight years of relentless war have left the country in ruins.", 8, "about"),
    ("Aid groups mark the seven-year anniversary of the Syrian conflict.", 7, "about"),
    ("It has been 12 years since the start of the Syrian uprising.", 12, "about"),
    ("On the eve of the war's tenth anniversary, the envoy spoke.", 10, "about"),
    ("More than a decade after the civil war erupted, millions remain displaced.", 10, "at_least"),
])
def test_war_age_phrasings(text, years, comp):
    df = claims(text, "2021-03-14").query("measure == 'war_duration_years'")
    assert len(df) == 1 and df.iloc[0].value == years and df.iloc[0].comparator == comp


def test_a_decade_of_something_else_is_not_the_war():
    assert claims("The city was rebuilt more than a decade after the earthquake.").empty


# --------------------------------------------------------------------------- held-out 2


def test_held_out_2_extraction_quality():
    """Held-out 2 (tests/data/gold_heldout2.jsonl) is tuned on from session 4 on. Measured
    after these rules: precision 0.990, recall 0.935 (107 claims: one claim is about 0.9
    point); the guard sits three claims below each and at the issue's goal of 0.9."""
    from pathlib import Path

    from syriastats.sources import load_estimates, load_sources, with_sources
    from syriastats.textclaims.gold import load_gold, score

    gold = load_gold(Path(__file__).parent / "data" / "gold_heldout2.jsonl")
    sc = score(gold, with_sources(load_estimates(), load_sources()))
    assert sc.precision >= 0.96 and sc.recall >= 0.90


# --------------------------------------------------------------------------- comparators


def test_a_range_gives_a_floor_and_a_ceiling():
    df = claims("Estimates of the number of missing range between 100,000 and 250,000 people.")
    assert by_value(df, 100_000)["comparator"] == "at_least"
    assert by_value(df, 250_000)["comparator"] == "at_most"


def test_a_hedge_governs_both_counts_of_a_pair():
    df = claims("The toll includes at least 12,000 women and 22,000 children killed since the "
                "war began.", "2020-01-01")
    assert by_value(df, 22_000)["comparator"] == "at_least"


@pytest.mark.parametrize("text,comp", [
    ("Estimates of the number of people missing run as high as 150,000.", "at_most"),
    ("The number of Syrian refugees passed the four million mark, UNHCR said.",
     "at_least"),
])
def test_mark_and_as_high_as_hedges(text, comp):
    df = claims(text, "2015-07-09")
    assert len(df) >= 1 and df.iloc[0].comparator == comp


def test_between_two_dates_ends_at_the_second():
    c = only("The office estimates that 250,000 civilians were killed in Syria between "
             "March 1, 2011, and June 30, 2020.", "2022-01-01")
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("cumulative", "2011-03-15",
                                                                  "2020-06-30")


def test_a_list_of_hosts_after_the_number_is_the_region():
    df = claims("Of the 5.6 million refugees in Turkey, Lebanon and Jordan, 3.6 million are in "
                "Turkey.", "2020-06-01")
    assert by_value(df, 5_600_000)["host"] == "REGION"
    assert by_value(df, 3_600_000)["host"] == "TUR"


def test_may_before_a_year_is_the_month():
    c = only("In May 2015, more than 4 million Syrians were refugees in neighbouring countries.",
             "2020-06-01")
    assert c["as_of"] == "2015-05-31"


def test_years_after_the_uprising_began():
    df = claims("Nine years after the uprising began, the country lies in ruins.", "2020-03-15")
    assert list(df.value) == [9] and df.iloc[0].measure == "war_duration_years"


def test_most_of_them_in_a_list_does_not_set_the_host_of_the_total():
    c = only("Some 5.6 million Syrians are refugees, most of them in Turkey, Lebanon and Jordan.",
             "2020-01-01")
    assert c["host"] == "" and c["measure"] == "refugees_registered"
