"""Tests of the extractor's general paths for wordings it missed on unseen text (session 18):
coordinated lists after a lead phrase, synonyms of a measure family (returns, missing and
detained people, people forced out, the dead of one side, minors), displacement by a wave of
fighting, shares said "six in ten", and the war's age. Each sentence is written for this file
in the general shape of news copy (none is a gold sentence); each case fails without the
mechanism it names."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extraction_testkit import by_value, extraction_helpers  # noqa: E402

claims, only = extraction_helpers("2025-06-01")


# --------------------------------------------------------------------------- lists


def test_every_item_of_a_list_takes_the_leads_period():
    # the lead names January; the items after "including" name no date of their own
    df = claims("The monitor documented 3,000 deaths in January, including 800 civilians, "
                "300 children and 150 women.")
    for value, group in ((800, "civilians"), (300, "children"), (150, "women")):
        c = by_value(df, value)
        assert c["measure"] == "deaths_civilian" and c["group"] == group
        assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", "2025-01-01", "2025-01-31")


def test_the_verb_after_a_list_is_every_items_verb():
    df = claims("Since the fall of Assad, 400,000 refugees and 1.1 million IDPs have returned home.")
    assert by_value(df, 400_000)["measure"] == "refugee_returns"
    assert by_value(df, 1_100_000)["measure"] == "idp_returns"


def test_a_country_named_after_a_later_count_is_that_counts():
    df = claims("Since December, about 250,000 refugees have returned, among them 110,000 from "
                "Lebanon and 70,000 from Jordan.")
    assert by_value(df, 250_000)["host"] == ""
    assert by_value(df, 110_000)["host"] == "LBN"
    assert by_value(df, 70_000)["host"] == "JOR"


def test_an_items_group_is_not_the_previous_items_noun():
    df = claims("The war has left more than 200,000 civilians dead and 6 million internally "
                "displaced.")
    assert by_value(df, 6_000_000)["measure"] == "idps"
    assert by_value(df, 6_000_000)["group"] == ""


def test_a_part_of_a_count_is_of_the_same_measure_unless_it_names_its_own():
    df = claims("More than 1.2 million people have returned to their homes, 400,000 of them "
                "from abroad.")
    assert by_value(df, 400_000)["measure"] == "refugee_returns"
    df = claims("The governorate of Homs is home to some 1.8 million people, 500,000 of them "
                "displaced.")
    assert by_value(df, 500_000)["measure"] == "idps"
    assert by_value(df, 500_000)["area"] == "SY-HI"


def test_a_labelled_breakdown_line_continues_the_toll_before_it():
    df = claims("The monitor has documented 310,000 deaths since March 2011. Soldiers: 62,000. "
                "Fighters from Hezbollah: 900.")
    assert by_value(df, 62_000)["measure"] == "deaths_combatant"
    assert by_value(df, 900)["measure"] == "deaths_combatant"


def test_a_later_clause_with_its_own_subject_does_not_make_the_count_a_forecast():
    df = claims("Some 640,000 refugees have returned since December and the figure could reach "
                "one million by the summer.")
    assert list(df["measure"]) == ["refugee_returns"] and list(df["value"]) == [640_000]


# --------------------------------------------------------------------------- synonyms


@pytest.mark.parametrize("text", [
    "Some 230,000 Syrians came home from Lebanon in 2025.",
    "Some 230,000 Syrians were coming back from Lebanon in 2025.",
    "Some 230,000 refugees moved back from Lebanon in 2025.",
])
def test_any_verb_of_going_back_is_a_return(text):
    c = only(text)
    assert c["measure"] == "refugee_returns" and c["host"] == "LBN"


@pytest.mark.parametrize("text", [
    "Rights groups believe some 90,000 people are still held in the regime's prisons.",
    "More than 90,000 detainees remain in government jails.",
    "Some 90,000 people remain arbitrarily detained, the network says.",
])
def test_people_held_or_detained_are_missing_persons(text):
    c = only(text)
    assert c["measure"] == "missing_persons" and c["value"] == 90_000


def test_people_forced_to_flee_without_a_destination_are_displaced():
    c = only("Nearly 700,000 people have been forced to flee since the offensive began in February.")
    assert c["measure"] == "idps_new_displacements" and c["period_type"] == "flow"


def test_the_victims_are_the_dead():
    df = claims("Among the victims were 9,000 women and 14,000 children.")
    assert by_value(df, 9_000)["measure"] == "deaths_civilian"
    assert by_value(df, 14_000)["group"] == "children"


@pytest.mark.parametrize("text, group", [
    ("The dead include 40,000 pro-Assad militiamen.", "government_forces"),
    ("The dead include 3,000 Hezbollah members.", "foreign_fighters"),
    ("The dead include 25,000 fighters of the Free Syrian Army.", "armed_opposition"),
])
def test_the_dead_of_one_side(text, group):
    c = only(text)
    assert c["measure"] == "deaths_combatant" and c["group"] == group


def test_the_subject_of_a_verb_of_loss_is_whose_dead_are_counted():
    c = only("Rebel brigades and their allies have suffered 21,000 casualties since 2012.")
    assert c["measure"] == "deaths_combatant" and c["group"] == "armed_opposition"


def test_minors_and_youngsters_are_children():
    assert only("Of the dead, 16,000 were youngsters.")["group"] == "children"


# --------------------------------------------------------------------------- displacement waves


def test_people_displaced_between_two_dates_are_new_displacement():
    c = only("Between 1 February and 30 April 2020, more than 80,000 people were displaced from "
             "the southern countryside.", "2020-05-10")
    assert c["measure"] == "idps_new_displacements"
    assert (c["period_start"], c["as_of"]) == ("2020-02-01", "2020-04-30")


def test_people_who_fled_since_bombardment_resumed_last_week_are_new_displacement():
    c = only("About 45,000 people have fled their homes in Idlib since government forces "
             "resumed air strikes last week, OCHA said.", "2019-05-10")
    assert c["measure"] == "idps_new_displacements" and c["area"] == "SY-ID"


# --------------------------------------------------------------------------- shares, age


@pytest.mark.parametrize("text, value", [
    ("Six in ten Syrians have been forced from their homes.", 0.6),
    ("Nine out of ten Syrians have been displaced at least once.", 0.9),
])
def test_n_in_m_is_a_share(text, value):
    c = only(text)
    assert c["measure"] == "displaced_share" and abs(c["value"] - value) < 1e-9


@pytest.mark.parametrize("text, years", [
    ("Eleven years have passed since the conflict began.", 11),
    ("The war is now more than a decade old.", 10),
])
def test_the_wars_age_said_otherwise(text, years):
    c = only(text)
    assert c["measure"] == "war_duration_years" and c["value"] == years


def test_a_sentence_that_opens_on_a_count_divides_it():
    df = claims("Of the 1.8 million who have returned, 600,000 came from abroad and 1.2 million "
                "were internally displaced.")
    assert by_value(df, 600_000)["measure"] == "refugee_returns"
    assert by_value(df, 1_200_000)["measure"] == "idp_returns"
    assert by_value(df, 1_200_000)["host"] == ""


def test_the_total_before_a_breakdown_by_country_is_the_regions():
    df = claims("Syria's neighbours host 5.2 million refugees, Turkey 3.4 million and Lebanon "
                "1 million of them.", "2018-06-01")
    assert by_value(df, 5_200_000)["host"] == "REGION"
    assert by_value(df, 3_400_000)["host"] == "TUR"


def test_people_displaced_in_a_few_weeks_are_new_displacement():
    df = claims("In the south, 900 civilians were killed and 60,000 displaced in three weeks of "
                "fighting.", "2018-07-20")
    assert by_value(df, 60_000)["measure"] == "idps_new_displacements"


# --------------------------------------------------------------------------- places


def test_a_places_possessive_before_its_people_is_its_population():
    df = claims("Of Homs's 1.5 million people, 600,000 are displaced.")
    assert by_value(df, 1_500_000)["measure"] == "population"
    assert by_value(df, 1_500_000)["area"] == "SY-HI"
    assert by_value(df, 600_000)["measure"] == "idps"


def test_the_north_east_is_a_part_of_the_country():
    c = only("In north-east Syria, 2.1 million people need humanitarian assistance.")
    assert c["measure"] == "people_in_need" and c["area"] == "LOCAL"
