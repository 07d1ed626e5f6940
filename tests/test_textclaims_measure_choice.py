"""Measure and dimensions of displacement, refugee and return counts by clause structure
(textclaims/measure_choice.py and textclaims/datelines.py, H23m). The sentences are written
for these tests; the section comments name what the extractor read before these rules."""
from __future__ import annotations

import json

import pandas as pd

from syriastats.paths import data_dir
from syriastats.textclaims.check import check_text
from syriastats.textclaims.datelines import dateline_host
from syriastats.textclaims.extract import extract_claims
from syriastats.textclaims.measure_choice import date_range


def _one(text: str, published: str, value: float, context: str = "") -> pd.Series:
    df = extract_claims(text, published, context=context)
    hit = df[(df["value"] - value).abs() < 1e-6]
    assert len(hit) == 1, df[["claim_text", "value", "measure"]].to_string()
    return hit.iloc[0]


def _none(text: str, published: str, value: float) -> None:
    df = extract_claims(text, published)
    assert not ((df["value"] - value).abs() < 1e-6).any(), df[["claim_text", "measure"]].to_string()


# ---- new displacement by its anchor (was displaced_total or idps on the day of publication)
def test_a_span_of_days_makes_a_flow_over_it():
    c = _one("From Feb. 3 to Feb. 19, about 210,000 people were displaced across the countryside.", "2020-02-25", 210000)
    assert (c["measure"], c["period_type"], c["period_start"], c["as_of"]) == \
        ("idps_new_displacements", "flow", "2020-02-03", "2020-02-19")


def test_a_span_with_years_and_an_aside_after_the_count():
    c = _one("From 3 January 2020 to 2 March 2020, some 500,000 people - most of them children - were displaced in "
             "the north.", "2020-03-05", 500000)
    assert (c["measure"], c["period_start"], c["as_of"]) == ("idps_new_displacements", "2020-01-03", "2020-03-02")


def test_a_date_after_the_wars_first_year_starts_a_flow():
    c = _one("Since 4 April 2019, roughly 250,000 people have fled from their homes in the south of the province.",
             "2019-05-20", 250000)
    assert (c["measure"], c["period_type"], c["period_start"]) == ("idps_new_displacements", "flow", "2019-04-04")


def test_the_start_of_an_escalation_is_not_the_start_of_the_war():
    c = _one("Since the start of the latest escalation, approximately 120,000 people have been displaced, the UN said.",
             "2024-12-05", 120000)
    assert c["measure"] == "idps_new_displacements" and c["period_type"] == "flow"


def test_the_whole_wars_displaced_stay_a_stock():
    c = _one("Since 2011, about 1.9 million people have been displaced from the province.", "2019-05-20", 1.9e6)
    assert c["measure"] != "idps_new_displacements"
    c = _one("The war has displaced 700,000 people from the province, 40,000 of them in recent days.",
             "2019-06-20", 7e5)
    assert c["measure"] != "idps_new_displacements"


def test_idps_registered_within_a_span_are_its_new_displacement():
    c = _one("Camp managers recorded 31,000 IDPs registered between 3-18 June in the north.", "2021-06-25", 31000)
    assert (c["measure"], c["period_start"], c["as_of"]) == ("idps_new_displacements", "2021-06-03", "2021-06-18")


def test_the_number_of_displaced_reaching_a_count_after_a_flight():
    c = _one("Families fled Idlib to camps near the border, with the number of displaced reaching 70,000 as of "
             "Thursday.", "2019-12-28", 70000)
    assert (c["measure"], c["as_of"]) == ("idps_new_displacements", "2019-12-26")


# ---- people who fled a Syrian place (no claim before)
def test_people_who_fled_places_inside_syria_are_new_displacement():
    df = extract_claims("About 90,000 people fled the Homs governorate, 45,000 left Hama, and 20,000 fled Daraa, "
                        "the agency said.", "2024-12-10")
    assert sorted(df["value"]) == [20000, 45000, 90000]
    assert set(df["measure"]) == {"idps_new_displacements"}
    assert set(df["area"]) == {"SY-HI", "SY-HM", "SY-DR"}


def test_households_and_flights_abroad_are_not_new_displacement():
    _none("Some 3,000 households fled towns in the south last week.", "2016-02-10", 3000)
    df = extract_claims("About 12,000 people fled towns near the border into Turkey last week.", "2016-02-10")
    assert "idps_new_displacements" not in set(df["measure"])


# ---- a range, a comparison and an aside are one measure
def test_both_ends_of_a_range_of_newly_displaced_people():
    df = extract_claims("Aid groups estimate that between 15,000 and 20,000 people have been newly displaced, "
                        "including more than 4,000 sheltering in mosques.", "2024-12-04")
    assert set(df["measure"]) == {"idps_new_displacements"} and len(df) == 3
    assert not (df["period_start"] == "2011-03-15").any()  # a wave is never counted from the war's start


def test_an_earlier_reading_of_the_same_wave():
    df = extract_claims("Over 60,000 people have been displaced since Sunday, up from the 25,000 people reported on "
                        "3 March.", "2025-03-06")
    assert set(df["measure"]) == {"idps_new_displacements"}
    assert df.set_index("value").loc[25000, "as_of"] == "2025-03-03"


# ---- refugees without the word (was displaced_total)
def test_a_host_hosting_syrians_uprooted_by_the_war_counts_refugees():
    c = _one("Jordan has taken in the largest share of Syrians uprooted by the fighting, roughly 660,000.",
             "2018-04-01", 660000)
    assert c["kind"] == "refugees" and c["host"] == "JOR"


def test_the_number_of_refugees_is_the_subject():
    c = _one("The number of refugees registered with the UN fleeing the conflict in Syria has passed the three "
             "million mark.", "2014-09-01", 3e6)
    assert c["kind"] == "refugees"


def test_a_subject_of_syrians_gone_to_surrounding_countries_counts_refugees():
    # (no claim before: the count's own words name no measure)
    c = _one("The number of Syrians that, escaping the shelling, have gone to surrounding countries has crossed "
             "the 2 million mark.", "2013-09-10", 2e6)
    assert (c["kind"], c["host"], c["comparator"]) == ("refugees", "REGION", "at_least")


# ---- returns of refugees and IDPs together (was idp_returns or refugee_returns alone)
def test_displaced_syrians_returned_with_no_word_of_where_from_are_both():
    c = _one("Nearly 2.5 million displaced Syrians have returned home this year, the UN High Commissioner for "
             "Refugees said.", "2025-11-01", 2.5e6)
    assert (c["measure"], c["group"], c["host"]) == ("refugee_returns", "refugees_and_idps", "")


def test_syrians_returned_to_their_country_are_refugees():
    c = _one("Half a million Syrians have returned to their country since the regime fell.", "2025-06-01", 5e5)
    assert c["measure"] == "refugee_returns" and c["group"] != "refugees_and_idps"


# ---- datelines and hosts
def test_dateline_host_reads_the_place_not_the_agency():
    assert dateline_host("AMMAN, Jordan (AA) - The ministry said ...") == "JOR"
    assert dateline_host("IRBID - Officials said ...") == "JOR"
    assert dateline_host("DAMASCUS (SANA) - The ministry said ...") == ""
    assert dateline_host("No dateline here.") == ""


def test_a_host_ministry_under_its_dateline_gives_the_host():
    c = _one("AMMAN - The Interior Ministry said 9,500 Syrians have returned home since the border reopened.",
             "2025-02-01", 9500)
    assert c["host"] == "JOR" and c["group"] != "refugees_and_idps"
    c = _one("The ministry said another 2,100 people had returned by the end of the week.", "2025-02-01", 2100,
             context="AMMAN - Jordan's border crossing reopened in December.")
    assert c["host"] == "JOR"


def test_a_dateline_reaches_only_the_sentences_near_it_and_refugees_need_the_hosts_own_state():
    early = "AMMAN - The border reopened in December. " + " ".join(["Trade resumed."] * 7)
    c = _one("Officials said 3,300 people had returned by Friday.", "2025-02-01", 3300, context=early)
    assert c["host"] != "JOR"
    c = _one("AMMAN - Officials said nearly five million refugees remain in the region.", "2025-02-01", 5e6)
    assert c["host"] != "JOR"
    c = _one("AMMAN - Jordan's interior ministry said 600,000 registered refugees remain.", "2025-02-01", 6e5)
    assert c["host"] == "JOR"


def test_an_agency_or_syrias_ministry_under_a_dateline_gives_no_host():
    c = _one("BEIRUT (AP) - Some 75,000 people have returned since January, the UN refugee agency said.",
             "2025-04-01", 75000)
    assert c["host"] != "LBN"
    c = _one("BEIRUT (AP) - Syria's interior ministry said 40,000 people have returned since January.",
             "2025-04-01", 40000)
    assert c["host"] != "LBN"


# ---- sub-populations the registry does not count
def test_a_communitys_dead_and_population_are_a_group_of_their_own():
    assert _one("Monitors say the shelling killed 1,150 Alawite civilians over the week.", "2025-03-12",
                1150)["group"] == "community"
    c = _one("Tension rose between the Christian community (around 300,000) and its neighbours.", "2024-01-10",
             300000)
    assert (c["measure"], c["group"]) == ("population", "community")


def test_fighters_of_a_community_keep_their_side():
    c = _one("The monitor counted 1,400 Kurdish fighters killed in the campaign since January 2018.", "2018-06-01",
             1400)
    assert c["group"] != "community"


def test_a_part_in_camps_takes_the_count_before():
    df = extract_claims("Turkey hosted 3.6 million registered refugees, of which 140,000 were in camps.", "2019-06-01")
    part = df[df["value"] == 140000].iloc[0]
    assert part["kind"] == "refugees" and part["host"] == "TUR" and part["subarea"] == "in camps"


def test_community_is_declared_and_judged_not_checkable():
    d = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    claims = next(r for r in d["resources"] if r["name"] == "claims")
    group = next(f for f in claims["schema"]["fields"] if f["name"] == "group")
    assert "community" in group["constraints"]["enum"] and "community" in group["enumDescriptions"]
    res = check_text("The violence killed 1,150 Alawite civilians in March, the monitor said.", published="2025-04-01",
                     known="now")
    row = res[res["value"] == 1150].iloc[0]
    assert row["group"] == "community" and row["verdict_class"] == "not_checkable"


def test_date_range_needs_a_real_span():
    pub = pd.Timestamp("2020-03-01")
    assert date_range("from Nov. 28 to Dec. 8", pub) == (pd.Timestamp("2019-11-28"), pd.Timestamp("2019-12-08"))
    assert date_range("between 1-16 May", pub) == (pd.Timestamp("2019-05-01"), pd.Timestamp("2019-05-16"))
    assert date_range("from 40 to 50 people", pub) is None
