"""Tests of the extractor's measure, scope and period rules for the failure classes seen on
unseen text (session 16: people in need, displacement waves, worldwide totals, camps and
areas, combatants, missing persons, plans). Each sentence is written in the style of real
news copy but is not one of the gold sentences, so a rule that special-cases a gold
sentence would not pass these; each case fails without its rule."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extraction_testkit import by_value, extraction_helpers  # noqa: E402

claims, only = extraction_helpers("2020-02-20")


# --------------------------------------------------------------------------- people in need


@pytest.mark.parametrize("text", [
    "The number of Syrians needing urgent humanitarian assistance has climbed to 11.1 million.",
    "Some 11.1 million people are in need for help across the country, the agency said.",
    "Aid officials say 11.1 million Syrians require life-saving assistance.",
])
def test_any_wording_of_need_is_people_in_need(text):
    c = only(text)
    assert c["measure"] == "people_in_need" and c["value"] == 11_100_000


def test_people_in_need_in_a_governorate_keep_the_area():
    df = claims("Those needing aid include 400,000 in Deir ez-Zor province and some 300,000 "
                "in the city of Aleppo.")
    assert by_value(df, 400_000)["measure"] == "people_in_need"
    assert by_value(df, 400_000)["area"] == "SY-DY"
    assert by_value(df, 300_000)["area"] == "SY-HL"


def test_an_aid_plans_target_is_not_a_claim():
    assert claims("The appeal seeks $3.4 billion to directly support almost 6 million Syrian "
                  "refugees in the region.").empty
    assert claims("Up to 710,000 displaced people were targeted by the plan last year.").empty


# --------------------------------------------------------------------------- population of a place


@pytest.mark.parametrize("text,area", [
    ("Daraa province, home to nearly 1 million people, has seen renewed clashes.", "SY-DR"),
    ("In Idlib, where some 2.9 million civilians live, shelters are full.", "SY-ID"),
])
def test_people_living_in_a_syrian_place_are_its_population(text, area):
    c = only(text)
    assert c["measure"] == "population" and c["area"] == area


def test_people_still_living_in_the_country_are_a_population_not_displaced():
    c = only("Many fled abroad, but about 17 million people still live in the country.")
    assert c["measure"] == "population" and c["value"] == 17_000_000


def test_a_count_before_the_word_population_is_the_population():
    df = claims("Nearly half of Syria's 21 million, pre-war population has been uprooted.")
    assert by_value(df, 21_000_000)["measure"] == "population"
    assert by_value(df, 0.5)["measure"] == "displaced_share"


def test_a_host_countrys_own_people_are_not_a_claim():
    assert claims("About 4% of Jordan's 10 million people are refugees from elsewhere.").empty


# --------------------------------------------------------------------------- displacement


@pytest.mark.parametrize("text", [
    "About 520,000 people have fled the fighting in north-west Syria since December 1.",
    "Between Dec. 1 and Feb. 10 some 520,000 people were displaced, the UN said.",
])
def test_a_wave_of_displacement_is_new_displacement(text):
    c = only(text)
    assert c["measure"] == "idps_new_displacements" and c["period_type"] == "flow"
    assert c["period_start"] == "2019-12-01"


def test_north_west_syria_is_an_area():
    c = only("About 520,000 people have fled the fighting in northwestern Syria since December 1.")
    assert c["area"] == "SY-NW"


def test_displaced_by_an_offensive_is_new_displacement():
    c = only("The number of those driven out by the government's offensive has passed 600,000.")
    assert c["measure"] == "idps_new_displacements"


def test_displaced_over_a_few_days_is_not_a_war_statistic():
    assert claims("More than 90,000 people were displaced over the past four days alone.").empty


def test_an_aside_between_dashes_does_not_hide_the_verb():
    df = claims("More than 300,000 people have died, and nearly 12 million people - about half "
                "of the pre-war population - have been driven from their homes.", "2017-03-15")
    assert by_value(df, 12_000_000)["measure"] == "displaced_total"


def test_displaced_or_refugees_together_is_a_share_of_all_displaced():
    c = only("Around 60% of the population are either internally displaced or have become "
             "refugees abroad.", "2017-06-20")
    assert c["measure"] == "displaced_share"


def test_driven_from_their_homes_is_displacement():
    df = claims("The war has killed 300,000 people and driven half the population from their "
                "homes, with 5 million now refugees.", "2017-03-15")
    assert by_value(df, 0.5)["measure"] == "displaced_share"


# --------------------------------------------------------------------------- worldwide totals


@pytest.mark.parametrize("text,measure", [
    ("The number of refugees across the globe reached 25.9 million last year.", "global_refugees"),
    ("A further 41.3 million people were displaced within their own countries.", "global_idps"),
    ("UNHCR counted 79.5 million people forcibly displaced by the end of 2019.",
     "global_forcibly_displaced"),
])
def test_counts_beyond_syrias_size_are_worldwide(text, measure):
    c = only(text, "2020-06-18")
    assert c["measure"] == measure and c["area"] == "WORLD"


# --------------------------------------------------------------------------- camps and asylum


@pytest.mark.parametrize("text", [
    "The Azraq camp in Jordan is home to some 40,000 Syrian refugees.",
    "Around 40,000 refugees live in the desert camp, aid workers said.",
])
def test_one_camps_people_are_scoped_to_the_camp(text):
    c = only(text)
    assert c["area"] == "CAMP"


def test_a_camp_is_judged_not_checkable():
    from syriastats.textclaims import check_text
    df = check_text("The Azraq camp in Jordan is home to some 40,000 Syrian refugees.",
                    published="2020-02-20")
    assert len(df) == 1 and df.iloc[0]["verdict_class"] == "not_checkable"
    assert "camp" in df.iloc[0]["explanation"]


def test_asylum_seekers_with_a_hyphen_are_asylum_applications():
    c = only("The number of Syrian asylum-seekers to the EU rose to 50,000 in 2013.", "2014-05-01")
    assert c["measure"] == "asylum_applications_europe" and c["period_type"] == "flow"


# --------------------------------------------------------------------------- missing, combatants


def test_just_under_is_about_not_below():
    c = only("Just under 110,000 Syrians remain unaccounted for, rights groups say.", "2021-08-30")
    assert c["measure"] == "missing_persons" and c["comparator"] == "about"


def test_vanished_people_are_missing():
    c = only("More than 100,000 Syrians vanished into the regime's jails, the group says.",
             "2021-08-30")
    assert c["measure"] == "missing_persons"


def test_parts_of_a_combatant_toll_are_combatants():
    df = claims("The monitor said 45,000 rebel fighters had been killed, including more than "
                "14,000 from jihadist factions.", "2015-01-01")
    assert by_value(df, 45_000)["measure"] == "deaths_combatant"
    assert by_value(df, 14_000)["measure"] == "deaths_combatant"


def test_another_countrys_disappeared_are_not_a_claim():
    assert claims("In Argentina some 30,000 people were disappeared under the junta.").empty


# --------------------------------------------------------------------------- the war's age and periods


def test_months_of_a_described_conflict_are_the_wars_age():
    c = only("Nearly 42 months of grinding conflict have left the country in ruins.", "2014-09-01")
    assert c["measure"] == "war_duration_years" and c["value"] == pytest.approx(3.5)


def test_years_after_the_uprising_are_the_wars_age():
    c = only("Eight years after the popular uprising, Assad is still in power.", "2019-03-15")
    assert c["measure"] == "war_duration_years" and c["value"] == 8


def test_a_date_in_another_clause_is_not_the_claims_date():
    df = claims("In April we counted a million people in need; now as many as 3 million are in "
                "need of assistance.", "2012-09-01")
    assert by_value(df, 3_000_000)["as_of"] == "2012-09-01"


# --------------------------------------------------------------------------- second round (sub-national, causes)


def test_an_unnamed_place_is_local():
    c = only("The besieged pocket, which rebels took in 2012, is home to some 390,000 people.",
             "2018-02-01")
    assert c["measure"] == "population" and c["area"] == "LOCAL"


def test_a_town_below_a_governorate_is_local():
    c = only("About 20,000 people have been displaced since the start of the military operation "
             "around the town of Manbij, the UN said.", "2018-02-01")
    assert c["measure"] == "idps_new_displacements" and c["area"] == "LOCAL"


def test_local_and_camp_claims_are_judged_not_checkable():
    from syriastats.textclaims import check_text
    df = check_text("The besieged pocket, which rebels took in 2012, is home to some 390,000 people.",
                    published="2018-02-01")
    assert df.iloc[0]["verdict_class"] == "not_checkable"
    assert "one place inside Syria" in df.iloc[0]["explanation"]


def test_inhabited_by_is_a_population():
    c = only("North-west Syria, which is inhabited by about 4.4 million people, was hit hard.",
             "2023-04-01")
    assert c["measure"] == "population" and c["area"] == "SY-NW"


def test_needs_before_an_earthquake_are_war_needs():
    df = claims("Even before the earthquake, 15.3 million people across Syria were in need of "
                "humanitarian aid.", "2023-05-01")
    assert by_value(df, 15_300_000)["measure"] == "people_in_need"
    assert by_value(df, 15_300_000)["area"] == "SYR"


def test_a_nationwide_count_after_a_regional_one_is_national():
    df = claims("Some 4.1 million people in northwest Syria, and 15.3 million people across the "
                "country, need humanitarian assistance.", "2023-01-10")
    assert by_value(df, 4_100_000)["area"] == "SY-NW"
    assert by_value(df, 15_300_000)["area"] == "SYR"


def test_detainees_who_died_in_custody_are_deaths_in_detention():
    c = only("The files document more than 11,000 detainees who died in state custody.",
             "2014-01-21")
    assert c["measure"] == "deaths_in_detention"


def test_the_toll_of_an_earlier_attack_is_an_incident():
    assert claims("It was the worst day since a 2013 sarin attack on the suburbs, which killed "
                  "about 1,400 people.", "2018-02-20").empty


def test_a_living_condition_after_an_aside_is_not_a_population():
    df = claims("Nearly 12 million Syrians (about half the population) are food insecure.",
                "2021-03-01")
    assert df.empty


def test_years_of_hostilities_are_the_wars_age():
    c = only("More than 11 years of hostilities have devastated the economy.", "2022-06-01")
    assert c["measure"] == "war_duration_years" and c["comparator"] == "at_least"


# --------------------------------------------------------------------------- third round


def test_fled_their_homes_and_displaced_inside_is_idps():
    df = claims("There are about 7 million people who have left their homes and are displaced "
                "within Syria, while 5 million have fled abroad.", "2016-06-01")
    assert by_value(df, 7_000_000)["measure"] == "idps"


def test_a_count_of_countries_with_an_adjective_is_not_people():
    df = claims("Last year 28 EU member states received 320,000 asylum applications from "
                "Syrians.", "2017-03-01")
    assert list(df.value) == [320_000]


def test_a_yearly_asylum_count_beyond_syrias_peak_is_all_nationalities():
    df = claims("In 2015, European countries received 1.3 million asylum applications, 363,000 "
                "of them from Syrians.", "2016-06-01")
    assert list(df.value) == [363_000]


def test_a_campaigns_running_toll_is_not_an_incident():
    c = only("At least 2,100 people have been killed in the Russian air strikes since September 30, "
             "the monitor said.", "2016-01-01")
    assert c["measure"] == "deaths_total" and c["period_start"] == "2015-09-30"


def test_members_of_the_is_group_are_combatants():
    c = only("Among the dead were 1,300 members of the IS group, the monitor said.", "2016-01-01")
    assert c["measure"] == "deaths_combatant"


def test_taking_shelter_in_neighbour_countries_is_refugees_in_the_region():
    c = only("Nearly 900,000 Syrians have taken shelter in neighbor countries.", "2013-03-01")
    assert c["measure"].startswith("refugees") and c["host"] == "REGION"


def test_the_number_of_children_named_before_the_count_is_its_group():
    c = only("The number of Syrian children in need has risen sharply over the year to 6 million.",
             "2015-03-01")
    assert c["measure"] == "people_in_need" and c["group"] == "children"


def test_people_in_the_country_now_are_its_population():
    c = only("There are 17 million people in Syria today.", "2019-03-01")
    assert c["measure"] == "population" and c["area"] == "SYR"


def test_pre_war_belongs_to_its_own_count_only():
    df = claims("Syria, a country with a population of 21 million before the war, is now home to "
                "about 17 million.", "2019-03-01")
    assert by_value(df, 21_000_000)["as_of"] == "2011-03-15"
    assert by_value(df, 17_000_000)["as_of"] == "2019-03-01"


def test_sheltering_country_counts_refugees():
    c = only("Turkey, which shelters 3.6 million Syrians, wants them to return.", "2019-06-01")
    assert c["measure"].startswith("refugees") and c["host"] == "TUR"


def test_refugees_in_one_city_are_local():
    c = only("About 40,000 Syrian refugees live in the city of Gaziantep.", "2016-06-01")
    assert c["area"] == "LOCAL"


def test_displaced_inside_and_outside_is_all_displaced():
    c = only("In total, 12 million Syrians have been displaced inside and outside the country.",
             "2015-09-01")
    assert c["measure"] == "displaced_total"


# --------------------------------------------------------------------------- fourth round (returns, detention)


def test_displaced_people_resettling_are_idp_returns():
    c = only("Some 1.2 million internally displaced Syrians have resettled in their villages since "
             "the fall of Assad.", "2025-06-01")
    assert c["measure"] == "idp_returns"


def test_every_count_in_an_including_aside_takes_the_verb_after_it():
    df = claims("Almost 900,000 people, including 600,000 internally displaced people and 300,000 "
                "refugees, have returned home since December.", "2025-03-01")
    assert set(df.value) == {600_000, 300_000}  # the head count adds both: no single measure
    assert by_value(df, 600_000)["measure"] == "idp_returns"
    assert by_value(df, 300_000)["measure"] == "refugee_returns"


def test_returns_since_december_after_the_fall_count_from_the_fall():
    c = only("Jordan said 120,000 Syrian refugees have returned since December.", "2025-05-01")
    assert c["measure"] == "refugee_returns" and c["period_start"] == "2024-12-08"


def test_the_return_of_n_refugees_is_returns():
    c = only("Lebanon reported the return of over 150,000 Syrian refugees this year.", "2025-05-01")
    assert c["measure"] == "refugee_returns"


def test_in_the_publication_month_is_this_month():
    c = only("The UNHCR estimated in June that more than 500,000 Syrians had returned from abroad.",
             "2025-06-19")
    assert c["as_of"] == "2025-06-19"


def test_both_refugees_and_idps_in_a_dash_aside_are_no_single_measure():
    assert claims("Over 1.5 million Syrians - both refugees and internally displaced people - have "
                  "returned home.", "2025-05-01").empty


def test_displacing_internally_and_across_borders_is_all_displaced():
    df = claims("The war has killed 500,000 people, displacing more than 12 million internally "
                "and across borders.", "2024-03-15")
    assert by_value(df, 12_000_000)["measure"] == "displaced_total"


def test_people_still_in_jail_are_not_deaths_in_detention():
    df = claims("About 60,000 people died in regime prisons and around 130,000 are still in jail.",
                "2021-03-13")
    assert list(df.value) == [60_000]


def test_a_share_of_refugees_who_returned_keeps_the_refugee_count():
    df = claims("A quarter of the 6 million Syrians who fled the country have returned home.",
                "2025-12-01")
    assert list(df.measure) and df.iloc[0]["measure"].startswith("refugees")
    assert 0.25 not in set(df.value)


def test_a_decade_long_war_is_ten_years_old():
    c = only("The decade-long conflict has devastated the country.", "2021-03-15")
    assert c["measure"] == "war_duration_years" and c["value"] == 10


def test_a_comma_aside_does_not_hide_the_need():
    df = claims("Some 13.4 million people, including 6.7 million who are internally displaced, need "
                "humanitarian assistance.", "2021-03-01")
    assert by_value(df, 13_400_000)["measure"] == "people_in_need"
    assert by_value(df, 6_700_000)["measure"] == "idps"


def test_people_living_in_tents_after_an_aside_are_not_a_measure():
    assert claims("An estimated 2 million people, many of them displaced several times, live in "
                  "tents.", "2021-03-01").empty


def test_syrians_who_are_in_need_are_people_in_need():
    df = claims("The UN says 13.5 million Syrians are in need, including 4.5 million in "
                "hard-to-reach areas.", "2016-02-01")
    assert by_value(df, 13_500_000)["measure"] == "people_in_need"
    assert by_value(df, 4_500_000)["area"] == "LOCAL"


def test_a_returns_total_listed_as_refugees_and_idps_is_no_single_measure():
    df = claims("Over 3 million Syrians have returned home since the fall of Assad, including 1.2 "
                "million refugees and 1.9 million IDPs.", "2025-12-08")
    assert set(df.value) == {1_200_000, 1_900_000}
    assert by_value(df, 1_200_000)["measure"] == "refugee_returns"
    assert by_value(df, 1_900_000)["measure"] == "idp_returns"
