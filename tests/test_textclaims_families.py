"""Measure families when displacement, return, asylum and death families sit close together.

The number's own clause and governor decide (textclaims/classify.py); a dateline at the head
of a sentence names where the reporter is, never the people counted (textclaims/extract.py).
Sentences are written for these tests in the shapes of published reports.
"""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats.textclaims.extract import extract_claims

PUBLISHED = "2025-03-01"


def _claim(sentence: str, words: str) -> pd.Series:
    df = extract_claims(sentence, PUBLISHED)
    hit = df[df["claim_text"].str.contains(words, regex=False)]
    assert len(hit), f"no claim with {words!r} in {sentence!r}"
    return hit.iloc[0]


# --- 1. a displacement caused by one event, and a level of people still displaced

def test_people_an_event_displaced_within_a_year_are_new_displacements():
    c = _claim("Heavy fighting displaced 640,000 people in 2018, the UN said.", "640,000")
    assert c["measure"] == "idps_new_displacements"
    assert c["period_type"] == "flow"
    assert (c["period_start"], c["as_of"]) == ("2018-01-01", "2018-12-31")
    # the whole war as the subject keeps the count a total
    c = _claim("The war has displaced 13 million people, the agency said.", "13 million")
    assert c["measure"] != "idps_new_displacements"


def test_people_who_remain_internally_displaced_are_a_level_even_with_a_since():
    c = _claim("Around 7.2 million Syrians remain internally displaced, some of them since 2013.",
               "7.2 million")
    assert c["measure"] == "idps"
    assert c["period_type"] == "stock"



def test_people_who_still_remain_displaced_are_idps_unless_refugees_are_part_of_them():
    assert _claim("Yet some 6.9 million remain displaced, the agency added.", "6.9 million"
                  )["measure"] == "idps"
    s = "Over 11 million Syrians are still displaced, including 5.2 million refugees abroad."
    assert _claim(s, "11 million")["measure"] == "displaced_total"

# --- 2. returns inside Syria

def test_people_going_back_to_their_villages_are_idp_returns_whoever_reports_them():
    c = _claim("The UN refugee agency says about 900,000 people have returned to their areas "
               "of origin inside Syria.", "900,000")
    assert c["measure"] == "idp_returns"
    assert c["host"] == ""


def test_a_second_return_count_to_home_towns_is_not_the_first_ones_refugees():
    s = ("Some 350,000 Syrians have returned from abroad, while another 800,000 went back "
         "to their towns.")
    assert _claim(s, "350,000")["measure"] == "refugee_returns"
    c = _claim(s, "800,000")
    assert c["measure"] == "idp_returns"
    assert c["host"] == ""
    # a country abroad in the same clause keeps it a refugee return
    c = _claim("Officials said 150,000 Syrians have returned to their villages from Lebanon.",
               "150,000")
    assert c["measure"] == "refugee_returns"


# --- 3. asylum in Europe

def test_syrians_who_sought_asylum_in_europe_since_the_war_began_are_applications():
    c = _claim("Roughly 1.4 million Syrians have sought asylum in Europe since the war began.",
               "1.4 million")
    assert c["measure"] == "asylum_applications_europe_cumulative"
    assert c["host"] == "EUROPE"
    assert c["period_type"] == "cumulative"


def test_one_years_asylum_seekers_in_europe_are_that_years_applications():
    c = _claim("In 2016 alone, 340,000 Syrians sought asylum in Europe.", "340,000")
    assert c["measure"] == "asylum_applications_europe"
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", "2016-01-01", "2016-12-31")


def test_refugees_who_sought_asylum_in_europe_are_asylum_applications():
    c = _claim("Over 900,000 Syrian refugees have sought asylum in Europe, many of them in Sweden.",
               "900,000")
    assert c["measure"].startswith("asylum_applications_europe")


# --- 4. civilian words elsewhere in the sentence

def test_a_civilian_word_in_a_place_name_does_not_make_the_dead_civilians():
    c = _claim("The rescue service said 2,300 people were killed in civilian districts.", "2,300")
    assert c["measure"] == "deaths_total"
    assert c["group"] == "all"
    # the civilian word as the count's own predicate keeps it civilian deaths
    c = _claim("Of those killed, 2,300 were civilians, the monitor said.", "2,300")
    assert c["measure"] == "deaths_civilian"


# --- 5. datelines

@pytest.mark.parametrize("dateline,host", [
    ("ERBIL (Kurdistan24) - ", "IRQ"), ("AMMAN, Jordan (AP) \u2014 ", "JOR"),
])
def test_a_dateline_does_not_set_the_host_of_a_return(dateline, host):
    c = _claim(dateline + "Around 400,000 Syrian refugees have returned home, the UN said.",
               "400,000")
    assert c["measure"] == "refugee_returns"
    assert c["host"] != host
    # a country named after the dateline still names the host
    c = _claim("ISTANBUL (AP) \u2014 Turkey hosts 3.1 million Syrian refugees, officials said.",
               "3.1 million")
    assert c["host"] == "TUR"



def test_two_of_the_neighbouring_hosts_are_not_the_region():
    """A count for two named hosts together is neither one host nor the five neighbouring
    hosts: it reaches the checker as a part of the region (subarea) and is not_checkable, not
    judged against the regional total (review of session 6). Three named hosts stay the
    region, as before."""
    from syriastats import check_text

    two = check_text("Around 700,000 Syrians returned from Jordan and Lebanon combined since "
                     "the fall of Assad.", published="2026-02-15", known="now")
    assert list(two["verdict"]) == ["not_checkable"]
    assert "two of the neighbouring host countries (JOR, LBN)" in two["explanation"].iloc[0]
    three = check_text("Some 5.3 million refugees live in Lebanon, Jordan and Turkey.",
                       published="2017-06-01", known="now")
    assert list(three["host"]) == ["REGION"] and list(three["verdict"]) != ["not_checkable"]
