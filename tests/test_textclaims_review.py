"""Misreadings a review found after this round's extraction rules were merged (death-toll
breakdowns, month spans, headline tolls, displacement since the start of a year). Each case
was wrong on the merged code before its fix: a war total read as a month's flow, a toll
carried into an unrelated sentence or paragraph, arrests read as deaths, a place ("SDF-held
areas") read as the dead's side, a headline's wave toll read as the war's."""
from __future__ import annotations

import pytest

from syriastats.textclaims.extract import extract_claims


def _claims(text: str, published: str) -> list[dict]:
    return extract_claims(text, published).to_dict("records")


@pytest.mark.parametrize("text", [
    "The war has killed more than 500,000 people since 2011, with deaths peaking at 10,000 in a "
    "single month in 2013.",
    "Russian airstrikes have killed 500,000 people since 2011, including 300 during a month of "
    "intense bombing in 2016.",
])
def test_a_month_elsewhere_in_the_sentence_leaves_the_war_total_alone(text):
    big = [c for c in _claims(text, "2024-03-15") if c["value"] == 500000]
    assert big and big[0]["period_type"] == "cumulative" and big[0]["period_start"] == "2011-03-15"


def test_a_month_in_the_counts_own_clause_is_its_flow():
    c = _claims("Government forces killed more than 1,200 citizens during a month, the network said.",
                "2024-10-01")
    assert [(x["value"], x["period_type"]) for x in c] == [(1200, "flow")]


def test_a_breakdown_ends_at_a_line_about_something_else():
    text = ("The monitor recorded the deaths of 1,100 people in 2023, distributed as follows: 500 "
            "civilians, 300 regime soldiers and 300 fighters. 6,000 students sat their exams "
            "across the country on Sunday.")
    assert 6000 not in {c["value"] for c in _claims(text, "2024-01-05")}


@pytest.mark.parametrize("text", [
    "The Syrian Observatory said 2,150 people were killed in Syria in March 2023. Authorities "
    "freed detainees from Sednaya on Sunday. Among them were 400 women.",
    "The Syrian Observatory said 2,150 people were killed in Syria in March.\n\nIn Lebanon, a "
    "court sentenced a man on Tuesday. The figure includes 120 children, officials said.",
])
def test_a_toll_is_not_carried_into_another_story(text):
    assert [c["value"] for c in _claims(text, "2023-04-05")] == [2150]


def test_a_toll_still_carries_to_its_breakdown():
    text = ("The Syrian Observatory said 2,150 people were killed in Syria in March 2023. Among "
            "them were 400 women.")
    women = [c for c in _claims(text, "2023-04-05") if c["value"] == 400]
    assert women and women[0]["measure"] == "deaths_civilian" and women[0]["period_start"] == "2023-03-01"


def test_arrests_documented_after_a_toll_are_not_deaths():
    text = "SNHR documented 1,032 civilian deaths in 2023. It has also documented 2,317 arbitrary arrests."
    assert 2317 not in {c["value"] for c in _claims(text, "2024-01-05")}


def test_a_place_held_by_a_side_is_not_the_side_of_the_dead():
    c = _claims("Turkish drone strikes have killed 120 people in SDF-held areas this year, the "
                "Observatory said.", "2024-03-15")
    assert [(x["measure"], x["group"]) for x in c] == [("deaths_total", "all")]


@pytest.mark.parametrize("text", [
    "Nearly 200 dead, 120,000 displaced after a week of fighting.",
    "At least 150 dead, 100,000 displaced as rebels advance.",
])
def test_a_headlines_wave_toll_is_not_the_wars(text):
    c = _claims(text, "2024-12-02")
    dead = [x for x in c if x["measure"].startswith("deaths")]
    assert dead and dead[0]["subarea"]  # checked as not_checkable: its span is not said
    assert all(x["group"] in ("", "all") for x in c if not x["measure"].startswith("deaths"))


def test_displaced_since_the_start_of_the_year_is_new_displacement():
    c = _claims("Since the start of the year, some 70,000 people have been displaced in northwest "
                "Syria.", "2024-03-15")
    assert [(x["measure"], x["period_start"]) for x in c] == [("idps_new_displacements", "2024-01-01")]


@pytest.mark.parametrize("text, published, measure, start", [
    ("900,000 refugees have returned since the beginning of 2022.", "2023-05-01",
     "refugee_returns", "2022-01-01"),
    ("Some 40,000 refugees have gone home since the end of 2023, UNHCR said.", "2024-06-01",
     "refugee_returns", "2023-12-31"),
])
def test_since_a_part_of_a_year_starts_there_not_at_the_war(text, published, measure, start):
    # periods.py read "since the beginning of 2022" as no date, and a running total then ran
    # from the war's start
    c = _claims(text, published)
    assert [(x["measure"], x["period_start"]) for x in c] == [(measure, start)]


@pytest.mark.parametrize("text, published, measure, start, end", [
    ("In H1 2024, 60,000 Syrians returned from Turkey.", "2024-09-01",
     "refugee_returns", "2024-01-01", "2024-06-30"),
    ("In the first quarter of 2024, some 1,200 people were killed in Syria, the monitor said.",
     "2024-06-01", "deaths_total", "2024-01-01", "2024-03-31"),
    ("About 30,000 refugees returned from Lebanon in the third quarter of 2023.", "2024-01-10",
     "refugee_returns", "2023-07-01", "2023-09-30"),
    ("In 2024 Q2, 80,000 refugees returned from Turkey.", "2024-10-01",
     "refugee_returns", "2024-04-01", "2024-06-30"),
])
def test_a_quarter_or_half_by_its_number_is_its_flow(text, published, measure, start, end):
    c = _claims(text, published)
    assert [(x["measure"], x["period_type"], x["period_start"], x["as_of"]) for x in c] == [
        (measure, "flow", start, end)]


def test_a_month_long_span_is_no_short_period():
    # "a month" in "a month-long campaign" dropped the war's toll as a month's rate
    c = _claims("Syria's war has killed more than 500,000 people, the monitor said during a "
                "month-long campaign of remembrance.", "2024-03-15")
    assert [(x["value"], x["period_start"]) for x in c] == [(500000, "2011-03-15")]
