"""Tests of general phrasing rules of the extractor (war's age, people in need, IDPs,
returns, numbers that are not claims, month tolls, asylum) added for failure classes found
on held-out gold set 3 without reading its items. The sentences are written in the style of
news copy; each case fails without its rule."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extraction_testkit import by_value, extraction_helpers  # noqa: E402

claims, _ = extraction_helpers("2025-06-01")


# --------------------------------------------------------------------------- 1. the war's age


@pytest.mark.parametrize("text, years, published", [
    ("As the conflict marks its sixth anniversary, 400,000 people are dead.", 6, "2017-03-15"),
    ("Seven years after the start of the war, 6.1 million people are displaced.", 7, "2018-03-15"),
    ("Seven years on from the uprising, 6.1 million people are displaced.", 7, "2018-03-15"),
    ("The uprising began in March 2011; more than three years later, 160,000 people have died.",
     3, "2014-06-15"),
    ("The war began in 2011. More than three years later, 160,000 people have died.", 3, "2014-06-15"),
])
def test_war_age_phrasings(text, years, published):
    c = by_value(claims(text, published), years)
    assert c["measure"] == "war_duration_years"


def test_years_later_needs_the_war_start_as_reference():
    df = claims("The factory opened in 2011. More than three years later, it is closed.", "2014-06-15")
    assert df.empty
    df = claims("The couple marked their sixth anniversary in Damascus.", "2017-03-15")
    assert df.empty


# --------------------------------------------------------------------------- 2. people in need


@pytest.mark.parametrize("text, value", [
    ("Some 16.7 million people would require humanitarian assistance in 2025, the UN appeal said.",
     16_700_000),
    ("About 15 million Syrians depend on humanitarian assistance.", 15_000_000),
    ("Some 13 million Syrians rely on aid to survive.", 13_000_000),
    ("More than 12 million Syrians now rely on humanitarian aid.", 12_000_000),
])
def test_reliance_on_aid_is_people_in_need(text, value):
    c = by_value(claims(text), value)
    assert c["measure"] == "people_in_need"
    assert c["period_type"] == "stock"


def test_other_modals_stay_forecasts():
    assert claims("The UN says 5 million more people could need aid next year.").empty


# --------------------------------------------------------------------------- 3. IDPs


@pytest.mark.parametrize("text", [
    "Some 7 million people have been uprooted within Syria.",
    "About 6.5 million people were uprooted inside the country by the fighting.",
])
def test_uprooted_within_syria_is_idps(text):
    df = claims(text)
    assert len(df) == 1 and df.iloc[0]["measure"] == "idps"


# --------------------------------------------------------------------------- 4. returns


@pytest.mark.parametrize("text, host", [
    ("Over 500,000 refugees have made their way back home since December.", ""),
    ("Some 300,000 Syrian refugees have crossed back into Syria from Lebanon.", "LBN"),
    ("About 400,000 refugees crossed into Syria from Turkey since the fall of Assad.", "TUR"),
])
def test_crossing_back_is_refugee_returns(text, host):
    df = claims(text)
    assert len(df) == 1 and df.iloc[0]["measure"] == "refugee_returns"
    assert df.iloc[0]["host"] == host


def test_fighters_crossing_into_syria_are_not_returns():
    assert claims("About 400 foreign fighters crossed into Syria from Turkey last year.",
                  "2015-06-01").empty


# --------------------------------------------------------------------------- 5. not claims


@pytest.mark.parametrize("text, published", [
    ("Syria now has almost four times as many refugees as in 2013.", "2016-06-01"),
    ("Twice as many Syrians as Turks lost their homes; half as many refugees returned.", "2023-02-20"),
    ("Syria hosts about 30,000 Iraqi refugees who fled the 2003 war.", "2016-06-01"),
    ("There was an increase of eight million in the number of people in need.", "2016-06-01"),
    ("The number of refugees was up by 2 million from last year.", "2016-06-01"),
    ("The number of IDPs fell by more than 1.2 million.", "2016-06-01"),
    ("The tremors killed 1,400 people in Syria's north-west.", "2023-02-20"),
])
def test_ratios_changes_other_nationals_and_quakes_are_not_claims(text, published):
    df = claims(text, published)
    assert df.empty, df[["claim_text", "measure", "value"]].to_string()


def test_other_nationals_do_not_hide_the_syrian_count():
    df = claims("Some 6.5 million Ukrainian refugees have fled to Europe, more than the 5.6 million "
                "Syrians in the region.", "2022-06-01")
    assert list(df.value) == [5_600_000]
    df = claims("Some 250,000 Syrian refugees live in Iraqi Kurdistan.", "2016-06-01")
    assert by_value(df, 250_000)["host"] == "IRQ"


def test_a_change_leaves_the_level_it_reaches():
    df = claims("The number of people in need rose by 2 million to 13.5 million.", "2016-06-01")
    assert list(df.value) == [13_500_000] and df.iloc[0]["measure"] == "people_in_need"


def test_a_change_over_a_named_period_is_kept():
    df = claims("The number of refugees grew by 1.5 million in the past year.", "2014-06-01")
    assert list(df.value) == [1_500_000]


# --------------------------------------------------------------------------- 6. month tolls


@pytest.mark.parametrize("text, published, start, end", [
    ("In August, 5,440 people were killed, the Observatory said.", "2016-09-02", "2016-08-01", "2016-08-31"),
    ("In August alone, at least 5,440 people were killed across Syria.", "2016-09-02", "2016-08-01",
     "2016-08-31"),
    ("Killed in February 2015: 3,000 people, according to the SNHR.", "2015-03-01", "2015-02-01",
     "2015-02-28"),
    ("During January, 1,200 civilians were killed, the group said.", "2015-03-01", "2015-01-01", "2015-01-31"),
])
def test_a_month_in_front_of_a_toll_is_that_months_flow(text, published, start, end):
    df = claims(text, published)
    assert len(df) == 1
    c = df.iloc[0]
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", start, end)


def test_a_month_in_front_of_a_report_verb_is_not_the_tolls_period():
    df = claims("In August, the Observatory said 300,000 people had been killed since 2011.", "2016-09-02")
    assert len(df) == 1 and df.iloc[0]["period_type"] == "cumulative"


# --------------------------------------------------------------------------- 7. asylum


def test_a_years_asylum_applications_in_europe_are_a_flow_with_host_europe():
    df = claims("Asylum applications by Syrians in the EU reached 362,000 in 2015.", "2016-06-01")
    c = by_value(df, 362_000)
    assert (c["measure"], c["host"], c["period_type"]) == ("asylum_applications_europe", "EUROPE", "flow")


def test_asylum_applications_since_2011_are_a_running_total_in_europe():
    df = claims("Some 884,000 Syrians have applied for asylum in Europe since April 2011.", "2016-11-30")
    c = by_value(df, 884_000)
    assert (c["measure"], c["host"]) == ("asylum_applications_europe_cumulative", "EUROPE")


def test_asylum_in_one_country_has_no_registry_measure():
    assert claims("More than 300,000 Syrians applied for asylum in Germany in 2015.", "2016-06-01").empty


# --------------------------------------------------------------------------- more variants


@pytest.mark.parametrize("text, years, published", [
    ("Wednesday marks the sixth anniversary of the start of the Syrian war.", 6, "2017-03-15"),
    ("Five years on, 250,000 people have been killed in Syria's war.", 5, "2016-03-15"),
])
def test_more_war_age_phrasings(text, years, published):
    assert by_value(claims(text, published), years)["measure"] == "war_duration_years"


def test_years_on_needs_the_war_named():
    assert claims("Five years on, the couple still live in Hama.", "2016-03-15").empty


@pytest.mark.parametrize("text, host", [
    ("More than 500,000 Syrians have crossed the border back home from Turkey.", "TUR"),
    ("About 250,000 refugees have since headed home from Lebanon.", "LBN"),
])
def test_heading_home_is_refugee_returns(text, host):
    df = claims(text)
    assert len(df) == 1 and df.iloc[0]["measure"] == "refugee_returns" and df.iloc[0]["host"] == host


def test_years_after_it_began_heading_a_sentence_about_the_war():
    df = claims("Seven years after it began, the war has displaced more than half of Syria's population.",
                "2018-03-15")
    assert by_value(df, 7)["measure"] == "war_duration_years"
    assert claims("Seven years after it began, the company is bankrupt.", "2018-03-15").empty


def test_a_part_of_a_months_toll_is_counted_over_the_month():
    df = claims("In August, 5,440 people were killed across Syria, including 1,200 civilians.", "2016-09-02")
    c = by_value(df, 1_200)
    assert (c["measure"], c["period_type"], c["period_start"], c["as_of"]) == (
        "deaths_civilian", "flow", "2016-08-01", "2016-08-31")


def test_the_february_6_disaster_is_the_earthquake():
    assert claims("The death toll in Syria rose to 5,900, with 12,000 injured, after the February 6 "
                  "disaster.", "2023-02-20").empty


@pytest.mark.parametrize("text", [
    "Syrians on Wednesday marked six years since the uprising against Assad.",
    "Six years since the first protests, 320,000 people are dead.",
])
def test_years_since_the_uprising_is_the_wars_age(text):
    assert by_value(claims(text, "2017-03-15"), 6)["measure"] == "war_duration_years"


def test_displaced_in_their_own_country_is_idps():
    df = claims("More than 6 million Syrians are displaced in their own country.", "2019-06-01")
    assert len(df) == 1 and df.iloc[0]["measure"] == "idps"


def test_an_appeals_will_require_is_people_in_need():
    df = claims("An estimated 16.5 million people in Syria will require humanitarian assistance in 2025.",
                "2025-02-01")
    assert len(df) == 1 and df.iloc[0]["measure"] == "people_in_need"
