"""Defects the R22d review found in the displacement rules of H22d (fixed by H22f). Each test
uses the reviewer's sentence and publication date and failed before its fix."""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _claims(text: str, published: str) -> pd.DataFrame:
    return extract_claims(text, published)


def _with(text: str, published: str, value: float) -> pd.DataFrame:
    df = _claims(text, published)
    return df[(df["value"] - value).abs() < 1e-6]


def _one(text: str, published: str, value: float) -> pd.Series:
    hit = _with(text, published, value)
    assert len(hit) == 1, _claims(text, published)[["claim_text", "value", "measure"]].to_string()
    return hit.iloc[0]


# ---- 1. counts carried from the sentence before
def test_carried_count_keeps_the_host_named_before():
    c = _one("Jordan is home to 660,000 registered Syrian refugees. The figure has remained stable at around "
             "650,000 since 2016.", "2019-03-01", 650000)
    assert c["host"] == "JOR"


def test_carried_count_takes_its_own_year():
    c = _one("Lebanon hosts 1 million Syrian refugees. The figure stood at 1.5 million in 2015, officials say.",
             "2019-03-01", 1.5e6)
    assert c["host"] == "LBN" and str(c["as_of"]).startswith("2015")


def test_aid_trucks_after_a_refugee_count_are_no_claim():
    assert _with("Lebanon hosts about 1 million registered Syrian refugees. The number of aid trucks entering "
                 "Syria rose to 12,000 last year.", "2019-03-01", 12000).empty


def test_babies_after_a_refugee_count_are_no_claim():
    assert _with("Turkey hosts 3.6 million Syrian refugees. The number of Syrian babies born in Turkey has "
                 "reached 500,000.", "2019-03-01", 500000).empty


# ---- 2. another story told beside a Syrian count: decided for each count, not the sentence
def test_syrian_toll_beside_foreign_powers_is_kept():
    c = _one("The conflict, which has drawn in Russia, Iran, Turkey and Israel with its air strikes, has killed "
             "more than 500,000 people.", "2019-03-15", 500000)
    assert c["measure"] == "deaths_total"


def test_syrian_toll_after_a_semicolon_is_kept():
    c = _one("Israeli strikes on Damascus airport killed 8 soldiers; the war has killed 370,000 people since 2011.",
             "2019-03-15", 370000)
    assert c["measure"] == "deaths_total"


def test_present_count_before_a_forecast_is_kept():
    _one("About 5 million people have fled the country and many more may leave by the end of the year, the UN "
         "warned.", "2016-03-15", 5e6)


def test_refugees_from_syria_beside_palestinian_refugees_are_kept():
    c = _one("Lebanon hosts 1.5 million refugees from Syria and about 470,000 Palestinian refugees.",
             "2018-03-01", 1.5e6)
    assert c["host"] == "LBN"
    assert _with("Lebanon hosts 1.5 million refugees from Syria and about 470,000 Palestinian refugees.",
                 "2018-03-01", 470000).empty


def test_refugees_from_syria_beside_afghan_nationals_are_kept():
    c = _one("Turkey hosts 3.6 million refugees from Syria and some 300,000 Afghan nationals.", "2019-03-01", 3.6e6)
    assert c["host"] == "TUR"


def test_displaced_many_trying_to_cross_the_sea_are_kept():
    text = ("Some 13 million people have been displaced in the conflict, including 6.6 million who fled the "
            "country, many trying to cross the Mediterranean.")
    _one(text, "2017-03-15", 13e6)
    _one(text, "2017-03-15", 6.6e6)


# ---- 3. shares that are not displacement
def test_forced_to_rely_on_aid_is_no_displaced_share():
    assert _with("About 80% of Syrians have been forced to rely on humanitarian aid.", "2019-03-15", 0.8).empty


def test_forced_to_skip_meals_is_no_displaced_share():
    assert _with("Some 90 percent of Syria's population have been forced to skip meals, the WFP said.",
                 "2021-03-15", 0.9).empty


# ---- 4. the periods of crossings
def test_since_a_date_beats_the_weekday_of_the_statement():
    c = _one("On Monday, Lebanese officials said more than 400,000 people had crossed into Syria since Sept. 23.",
             "2024-10-16", 400000)
    assert c["period_type"] == "cumulative" and c["period_start"] == "2024-09-23"


def test_said_on_monday_dates_the_statement_not_the_crossings():
    c = _one("UNHCR said on Monday that 300,000 people had crossed into Syria from Lebanon.", "2024-10-16", 300000)
    assert c["period_start"] != "2024-10-14"


def test_crossings_in_a_year_are_that_years_flow():
    c = _one("In 2018, a total of 51,000 Syrians crossed the border from Jordan into Syria.", "2019-02-01", 51000)
    assert c["period_type"] == "flow" and c["period_start"] == "2018-01-01" and c["host"] == "JOR"


def test_crossings_last_year_are_that_years_flow():
    c = _one("A total of 51,000 Syrians crossed the border from Jordan into Syria last year.", "2019-02-01", 51000)
    assert c["period_start"] == "2018-01-01"


def test_crossings_every_day_are_a_rate():
    assert _with("Since Sept. 23, some 10,000 people have crossed from Lebanon into Syria every day.",
                 "2024-10-10", 10000).empty
    assert _with("Since Sept. 23, some 10,000 people have crossed from Lebanon into Syria daily.",
                 "2024-10-10", 10000).empty


# ---- 5 and 7. hosts and scopes
def test_hosts_spoken_of_by_turkish_officials_are_a_part_of_the_region():
    c = _one("Some 1.1 million Syrian refugees live in Lebanon, Jordan and Iraq, according to Turkish officials.",
             "2015-02-15", 1.1e6)
    assert c["host"] == "REGION_PART"


def test_between_two_counts_of_unregistered_syrians_capitalised():
    c = _one("Lebanon hosts 1 million Syrian refugees. Between 300,000 and 500,000 unregistered Syrians also "
             "live there.", "2019-03-01", 500000)
    assert c["comparator"] == "at_most" and c["group"] == "unregistered"


def test_crossing_from_turkish_controlled_areas_is_no_return():
    assert _with("Around 10,000 people have crossed from Turkish-controlled areas into Manbij since Sunday.",
                 "2019-10-20", 10000).query("measure == 'refugee_returns'").empty


# ---- 6. refugees who left the hosts and returned
def test_left_the_hosts_and_returned_is_cumulative_since_the_fall():
    c = _one("About 1.2 million refugees left Jordan, Egypt, Turkey, Iraq and Lebanon and returned to their "
             "homeland.", "2025-11-01", 1.2e6)
    assert c["measure"] == "refugee_returns" and c["host"] == "REGION"
    assert c["period_type"] == "cumulative" and c["period_start"] == "2024-12-08"


def test_left_two_hosts_and_went_back_in_a_year():
    c = _one("Some 500,000 refugees left Lebanon and Jordan and went back to Syria in 2025.", "2026-01-01", 5e5)
    assert c["measure"] == "refugee_returns" and c["host"] != "LBN"
    assert c["period_type"] == "flow" and c["period_start"] == "2025-01-01"


def test_crossing_the_front_line_is_no_return():
    assert _with("Some 50,000 people have crossed the front line back into government-held Aleppo, the Turkish "
                 "news agency said.", "2016-12-05", 50000).query("measure == 'refugee_returns'").empty


def test_eid_visits_are_no_returns():
    assert _with("12,000 people crossed into Syria from Turkey on Monday alone for the Eid holiday and will return "
                 "after the feast.", "2019-06-05", 12000).query("measure == 'refugee_returns'").empty


def test_refugees_in_neighbouring_countries_after_a_colon_are_not_europes():
    c = _one("Europe has taken in only a fraction: 4 million Syrian refugees live in neighbouring countries.",
             "2015-07-10", 4e6)
    assert c["host"] != "EUROPE"


def test_the_speakers_place_is_not_the_refugees_host():
    c = _one("Speaking in North Africa on Tuesday, Guterres said 4 million Syrians are now refugees.",
             "2015-07-10", 4e6)
    assert c["host"] != "NORTH_AFRICA"


def test_unregistered_in_a_concessive_clause_is_not_the_counts_group():
    c = _one("Although many Syrians are not registered, the UN counts 1.1 million refugees in Lebanon.",
             "2016-03-01", 1.1e6)
    assert c["group"] != "unregistered" and c["host"] == "LBN"


def test_refugees_not_living_in_camps_are_not_those_in_camps():
    c = _one("Some 500,000 Syrian refugees not living in camps struggle to pay rent in Jordan.", "2016-03-01", 5e5)
    assert c["subarea"] != "in camps"


# ---- 8. displaced people who fled overseas
def test_displaced_who_fled_overseas_are_refugees_abroad():
    c = _one("The war has displaced 5 million people who have fled overseas.", "2017-09-15", 5e6)
    assert c["measure"] in ("refugees_worldwide", "refugees") and c["host"] == "WORLD"


def test_displaced_who_fled_overseas_or_within_are_all_the_displaced():
    c = _one("The war has displaced 12 million people who have fled overseas or within the country.",
             "2017-09-15", 12e6)
    assert c["measure"] == "displaced_total" and c["host"] != "WORLD"


# ---- 9. displacement as an event
def test_displaced_people_an_enclave_holds_are_a_stock():
    c = _one("The enclave now holds 400,000 displaced people who fled earlier offensives elsewhere in Syria.",
             "2018-03-01", 400000)
    assert c["measure"] != "idps_new_displacements"


def test_began_its_offensive_on_a_day_starts_the_flow():
    c = _one("The army began its offensive on Aug. 8 and within three days 50,000 people had left the town.",
             "2019-08-20", 50000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2019-08-08"


def test_earthquake_and_floods_are_not_the_wars_displacement():
    assert _with("The earthquake forced 100,000 people to leave their homes in northwest Syria.",
                 "2023-02-10", 100000).query("measure == 'idps_new_displacements'").empty
    assert _with("Heavy floods forced 25,000 people to leave their tents in Idlib.",
                 "2019-01-20", 25000).query("measure == 'idps_new_displacements'").empty


def test_said_on_thursday_is_not_the_start_of_the_flight():
    c = _one("The UN said on Thursday that about 120,000 people have fled the assault", "2019-05-18", 120000)
    assert c["period_start"] != "2019-05-16"


def test_a_wave_told_by_the_main_rules_starts_when_its_assault_began():
    c = _one("The assault on Raqqa, which began on June 6, has displaced 200,000 people.", "2017-08-15", 200000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2017-06-06"


def test_people_who_fled_a_village_are_local():
    text = ("The offensive forced 20,000 people to flee the village of Kafr Nabl, while 30,000 people fled the "
            "village of Maarat.")
    assert set(_claims(text, "2019-05-20")["area"]) == {"LOCAL"}


# ---- 10. the war's age
def test_a_wrong_age_of_syrias_uprising_is_still_a_claim():
    c = _one("The Syrian uprising began 18 months ago.", "2013-09-15", 1.5)
    assert c["measure"] == "war_duration_years"


def test_fighting_in_one_town_is_not_the_wars_age():
    assert _with("The siege of the town, where fighting erupted 5 years ago, continues as Syria's war grinds on.",
                 "2016-07-01", 5).query("measure == 'war_duration_years'").empty
