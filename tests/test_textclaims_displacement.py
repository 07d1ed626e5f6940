"""Displacement, return and asylum family boundaries, the non-claims among them, and periods.

Each sentence is written for these tests in the shape of a published report (none is taken
from a gold set); each test failed before the rules it checks (textclaims/extract.py,
classify.py, periods.py, H20f). Expected values come from reading the sentence, not from the
code: who was counted, over which days.
"""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats.textclaims.extract import extract_claims


def _claims(sentence: str, published: str) -> pd.DataFrame:
    return extract_claims(sentence, published)


def _claim(sentence: str, published: str, words: str) -> pd.Series:
    df = _claims(sentence, published)
    hit = df[df["claim_text"].str.contains(words, regex=False)]
    assert len(hit), f"no claim with {words!r} in {sentence!r}"
    return hit.iloc[0]


# --- 1. new displacement (a flow), not the IDP stock or all the displaced

@pytest.mark.parametrize("sentence,published,words", [
    ("The offensive forced more than 120,000 civilians to flee their homes.", "2020-02-10", "120,000"),
    ("The fighting displaced over 90,000 residents, the UN said.", "2020-02-10", "90,000"),
    ("At least 140,000 people have been displaced as violence spreads across the province.", "2019-05-20",
     "140,000"),
    ("Some 150,000 people, including 60,000 children, have been displaced from Idlib and Hama.", "2019-05-25",
     "150,000"),
    ("At least 150 dead, 100,000 displaced in northwest Syria", "2019-05-25", "100,000"),
    ("Airstrikes killed dozens and forced some 30,000 people to flee in the past week.", "2019-06-01", "30,000"),
    ("Some 3,000 people fled the town last week.", "2019-05-20", "3,000"),
    ("The conflict in Syria's southern Sweida province has forced over 93,000 residents to flee their homes.",
     "2025-07-23", "93,000"),
    ("About 130,000 people had already been displaced by the fighting around Ras al-Ayn and Tal Abyad.",
     "2019-10-13", "130,000"),
    ("An estimated 800,000 people were displaced, many for the second or third time, and over 6 million "
     "now remain displaced within the country.", "2017-08-12", "800,000"),
])
def test_people_uprooted_by_an_event_are_a_new_displacement(sentence, published, words):
    c = _claim(sentence, published, words)
    assert c["measure"] == "idps_new_displacements"
    assert c["period_type"] == "flow"


def test_a_new_displacement_beside_a_level_and_the_war_s_total():
    s = ("An estimated 800,000 people were displaced, many for the second or third time, and over "
         "6 million now remain displaced within the country.")
    assert _claim(s, "2017-08-12", "800,000")["measure"] == "idps_new_displacements"
    assert _claim(s, "2017-08-12", "6 million")["measure"] == "idps"  # the level stays a level
    # a count since 2011 (or above any single wave) is the war's, not an event's
    c = _claim("Some 6 million people have been displaced by the fighting since 2011.", "2017-06-01", "6 million")
    assert c["measure"] != "idps_new_displacements"


@pytest.mark.parametrize("sentence,published,words,start,end", [
    ("The UN recorded about 400,000 individual displacements from 1 May to 30 July.", "2019-09-01",
     "400,000", "2019-05-01", "2019-07-30"),
    ("Some 1.8 million population movements were recorded between January and December.", "2019-03-01",
     "1.8 million", "2018-01-01", "2018-12-31"),
    ("Between 1 and 20 May, the camp cluster registered some 180,000 IDPs in Aleppo and Idlib.", "2019-05-25",
     "180,000", "2019-05-01", "2019-05-20"),
    ("Throughout July, assessed communities witnessed a total of 52,910 IDP arrivals.", "2019-09-06",
     "52,910", "2019-07-01", "2019-07-31"),
    ("Over 400,000 people were displaced from the end of April to the end of August.", "2020-02-04",
     "400,000", "2019-04-30", "2019-08-31"),
])
def test_movements_within_a_span_are_new_displacements_over_it(sentence, published, words, start, end):
    c = _claim(sentence, published, words)
    assert c["measure"] == "idps_new_displacements"
    assert (c["period_start"], c["as_of"]) == (start, end)


def test_a_day_of_a_span_is_no_count_and_the_camp_cluster_no_camp():
    df = _claims("Between 1 and 20 May, the camp cluster registered some 180,000 IDPs in Aleppo and Idlib.",
                 "2019-05-25")
    assert list(df["value"]) == [180000]
    assert df["area"].iloc[0] != "CAMP"  # the camp coordination cluster is an organisation


def test_the_period_after_a_dash_aside_is_the_lead_count_s():
    s = ("The UN reported that at least 800,000 people —including an estimated 480,000 children and "
         "168,000 women — fled the fighting since the start of December.")
    df = _claims(s, "2020-02-13")
    assert sorted(df["value"]) == [168000, 480000, 800000]
    assert set(df["measure"]) == {"idps_new_displacements"}
    assert set(df["period_start"]) == {"2019-12-01"}


# --- 2. stock partitions, returns

def test_a_partition_of_the_displaced_keeps_the_whole():
    s = ("Some 12.8 million people remain displaced, with 7.2 million uprooted within the country and "
         "more than 5.5 million refugees worldwide.")
    got = dict(zip(_claims(s, "2018-03-15")["value"], _claims(s, "2018-03-15")["measure"]))
    assert got[12.8e6] == "displaced_total"
    assert got[7.2e6] == "idps"
    assert got[5.5e6] in ("refugees", "refugees_worldwide")


def test_displaced_people_in_a_country_of_asylum_are_refugees():
    s = ("The number of asylum applications is dwarfed by the 2.6 million displaced Syrians sitting in camps "
         "in neighboring countries, with nearly one million Syrians in tiny Lebanon alone.")
    df = _claims(s, "2014-03-21")
    assert set(df["measure"]) <= {"refugees_registered", "refugees_registered_by_host", "refugees"}
    assert df.set_index("value").loc[1e6, "host"] == "LBN"


def test_a_count_joined_to_returns_by_along_with_counts_returns():
    s = ("Over 500,000 refugees have returned from neighbouring countries, along with more than 1.2 million "
         "internally displaced persons.")
    assert _claim(s, "2025-06-01", "1.2 million")["measure"] == "idp_returns"


def test_items_of_a_list_of_returns_to_places_of_origin_are_idp_returns():
    s = "Some 20,000 people have returned to their places of origin - 3,000 to Aleppo city and 17,000 to Saraqib."
    df = _claims(s, "2025-03-01")
    assert set(df["measure"]) == {"idp_returns"}
    assert len(df) == 3


def test_people_displaced_inside_syria_who_returned_are_idp_returns():
    s = "In 2017, around 655,000 people who had been displaced inside Syria returned home."
    assert _claim(s, "2018-03-15", "655,000")["measure"] == "idp_returns"


# --- 3. not claims

@pytest.mark.parametrize("sentence,published", [
    ("The anticipated return of 1.5 million refugees this year may not be realised.", "2025-04-12"),
    ("UNHCR launched a framework to help 1 million refugees and 2 million IDPs return home in 2025.",
     "2025-04-12"),
    ("The agency expects the return of a million refugees in 2026 and more than 3 million within two years.",
     "2025-12-20"),
    ("Syrians made up 9 percent of 600,000 people who sought asylum in 38 countries.", "2014-03-21"),
    ("Close to 485,000 people, or 80 percent of all applicants, sought asylum in European countries in 2013.",
     "2014-03-21"),
    ("Nearly half of the Syrians in Jordan are registered as refugees.", "2016-02-01"),
    ("Worldwide, an estimated 5.5 million people were forcibly uprooted during the first six months of "
     "last year.", "2015-01-07"),
])
def test_plans_targets_and_other_nationalities_are_no_claims(sentence, published):
    assert _claims(sentence, published).empty


def test_asylum_applications_of_a_host_country_are_of_all_nationalities():
    s = ("Turkey, Europe's largest host, is housing nearly 641,000 Syrian refugees, and also received 44,000 "
         "individual asylum applications last year.")
    df = _claims(s, "2014-03-21")
    assert list(df["value"]) == [641000]


# --- 4. asylum applications, shares

def test_asylum_claims_in_the_industrialised_countries_are_yearly_applications():
    s = ("The number of Syrians seeking asylum in 44 industrialised countries rose to 50,000 in 2013 "
         "from 20,000 in 2012.")
    df = _claims(s, "2014-03-21").set_index("value")
    assert sorted(df.index) == [20000, 50000]
    assert set(df["measure"]) == {"asylum_applications_europe"}
    assert set(df["host"]) == {"WORLD"}
    assert (df.loc[50000, "period_start"], df.loc[50000, "as_of"]) == ("2013-01-01", "2013-12-31")
    assert (df.loc[20000, "period_start"], df.loc[20000, "as_of"]) == ("2012-01-01", "2012-12-31")


def test_a_share_of_syrians_who_fled_into_one_country_is_a_refugees_share_there():
    c = _claim("One in every eight Syrians has fled across the border into Lebanon.", "2014-08-29", "eight")
    assert c["measure"] == "refugees_share"
    assert c["value"] == pytest.approx(0.125)
    assert c["host"] == "LBN"


# --- 5. periods and places (known misreadings)

def test_the_first_half_of_a_year_ends_on_30_june():
    c = _claim("In the first half of 2025, 600,000 refugees returned to Syria.", "2025-09-01", "600,000")
    assert (c["period_start"], c["as_of"]) == ("2025-01-01", "2025-06-30")


def test_mid_year_is_30_june():
    c = _claim("At more than 3 million as of mid-2014, Syrians were the largest refugee group.", "2015-01-07",
               "3 million")
    assert c["as_of"] == "2014-06-30"


def test_since_last_month_starts_on_the_first_of_that_month():
    c = _claim("More than 190,000 people have been displaced in southwestern Syria since last month.",
               "2025-08-05", "190,000")
    assert c["measure"] == "idps_new_displacements"
    assert (c["period_start"], c["as_of"]) == ("2025-07-01", "2025-08-05")


def test_an_including_aside_keeps_the_lead_count_s_place_and_period():
    df = _claims("Some 1,500 civilians, including 300 children, died in Aleppo last month.", "2016-09-05")
    assert set(df["area"]) == {"SY-HL"}
    assert set(zip(df["period_start"], df["as_of"])) == {("2016-08-01", "2016-08-31")}


def test_said_last_month_is_no_period():
    # (the guard of the rule above: "last month" dates a count only where it is the count's)
    df = _claims("Some 1,500 civilians, including 300 children, died in Aleppo last month.", "2016-09-05")
    assert set(df["period_type"]) == {"flow"}
    c = _claim("Around 6.2 million Syrians remain displaced inside the country, the UN said last month.",
               "2018-02-01", "6.2 million")
    assert c["measure"] == "idps"
    assert c["period_type"] == "stock"


def test_a_dateline_s_governorate_is_the_province_the_sentence_refers_to():
    c = _claim("IDLIB, Syria (AP) — More than 50,000 people have fled their homes in the province since Monday.",
               "2019-05-09", "50,000")
    assert c["area"] == "SY-ID"
    assert c["measure"] == "idps_new_displacements"
    assert (c["period_start"], c["as_of"]) == ("2019-05-06", "2019-05-09")


def test_a_year_in_a_relative_clause_does_not_date_the_count():
    c = _claim("The offensive, which began in 2019, has displaced 300,000 people.", "2020-01-20", "300,000")
    assert c["measure"] == "idps_new_displacements"
    assert c["as_of"] == "2020-01-20"


@pytest.mark.parametrize("sentence,published,words,as_of", [
    ("Lebanon, which closed its border in 2015, hosts about 900,000 Syrian refugees.", "2019-06-01",
     "900,000", "2019-06-01"),
    ("The UN refugee agency, which began registering Syrians in 2012, says 5.6 million refugees are "
     "registered in the region.", "2019-06-01", "5.6 million", "2019-06-01"),
    ("The campaign, launched in April 2019, has killed more than 1,000 civilians.", "2020-01-20",
     "1,000", "2020-01-20"),
])
def test_a_date_in_a_relative_or_participial_clause_is_the_clause_s(sentence, published, words, as_of):
    assert _claim(sentence, published, words)["as_of"] == as_of


def test_a_share_after_refugees_and_idps_together_is_the_displaced_share():
    s = ("The refugee rate and the 4.5 million internally displaced in Syria means one-third of the country's "
         "population is affected by the civil war.")
    assert _claim(s, "2013-09-03", "one-third")["measure"] == "displaced_share"
