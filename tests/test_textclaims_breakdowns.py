"""Tests of the death-toll rules of the extractor: parts of a toll given in an earlier
sentence ("Of those, ...", "That figure includes ...", the lines of a breakdown after "as
follows:"), combatants by side, and tolls of a month or a campaign read as war statistics
whatever their size. Sentences are written in the style of news copy and monitors' reports;
each test fails without its rule (checked against the extractor before them), and the tests
that guard a boundary (one incident's casualties stay out) pair it with a case the rule reads.
"""
from __future__ import annotations

import pytest

from syriastats.textclaims import extract_claims

PUBLISHED = "2024-10-01"


def found(text: str, context: str = "", published: str = PUBLISHED) -> dict[float, tuple[str, str]]:
    """value -> (measure, group) of every claim found in *text* read after *context*."""
    df = extract_claims(text, published, context=context)
    return {float(r.value): (r.measure, r.group) for r in df.itertuples()}


def one(text: str, value: float, context: str = "", published: str = PUBLISHED) -> dict:
    df = extract_claims(text, published, context=context)
    rows = df[(df.value - value).abs() < 1e-6]
    assert len(rows) == 1, df[["claim_text", "measure", "group", "value"]].to_string()
    return rows.iloc[0].to_dict()


# --------------------------------------------------------------------------- 1. follow-on sentences

TOLL_2011 = "SOHR said 380,000 people have been killed since 2011."


@pytest.mark.parametrize("context, text, want", [
    (TOLL_2011, "Of those, 12,500 were civilians.", {12500: ("deaths_civilian", "civilians")}),
    ("In 2024 the monitor recorded 3,100 deaths across Syria.",
     "This year's count included 950 civilians, 120 of them women and 210 children.",
     {950: ("deaths_civilian", "civilians"), 120: ("deaths_civilian", "women"),
      210: ("deaths_civilian", "children")}),
    ("The monitor said 3,200 civilians were killed in 2023.",
     "Of the civilians killed, 300 people were victims of landmines.",
     {300: ("deaths_civilian", "civilians")}),
    ("SOHR said 5,000 people were killed in Raqqa province in 2017.",
     "Some 200 members of the SDF and their allies were also among the dead, as well as over 300 jihadists.",
     {200: ("deaths_combatant", "armed_opposition"), 300: ("deaths_combatant", "foreign_fighters")}),
    ("The group said it had documented 50,927 dead among those fighting for Assad's government since 2011.",
     "That figure includes 31,174 soldiers, and 19,256 members of Syrian pro-regime militia.",
     {31174: ("deaths_combatant", "government_forces"), 19256: ("deaths_combatant", "government_forces")}),
    ("The monitor has documented 93,000 deaths since March 2011.",
     "On the government side, 25,407 are members of the armed forces, 17,311 are pro-government fighters "
     "and 169 are Hezbollah fighters.",
     {25407: ("deaths_combatant", "government_forces"), 17311: ("deaths_combatant", "government_forces"),
      169: ("deaths_combatant", "foreign_fighters")}),
    ("The monitor said 2,500 people were killed in Idlib province in 2019.",
     "Those killed included 45 government security force personnel, 120 pro-government militiamen "
     "and 30 Hezbollah militants.",
     {45: ("deaths_combatant", "government_forces"), 120: ("deaths_combatant", "government_forces"),
      30: ("deaths_combatant", "foreign_fighters")}),
])
def test_parts_of_a_toll_given_before(context, text, want):
    assert found(text, context) == want


def test_a_part_counts_over_its_tolls_period():
    c = one("Of those, 800 were children.", 800,
            context="The network documented 3,500 civilian deaths in 2023.")
    assert (c["measure"], c["group"], c["period_type"]) == ("deaths_civilian", "children", "flow")
    assert (c["period_start"], c["as_of"]) == ("2023-01-01", "2023-12-31")


def test_the_report_of_a_months_toll_is_the_subject_of_its_parts():
    ctx = "SNHR documented 50 civilian deaths in September 2024."
    text = "It attributes the deaths of 18 civilians, including three children and two women, to Assad regime forces."
    assert found(text, ctx) == {18: ("deaths_civilian", "civilians"), 3: ("deaths_civilian", "children"),
                                2: ("deaths_civilian", "women")}
    assert one(text, 18, ctx)["as_of"] == "2024-09-30"


def test_an_incident_after_a_toll_is_no_part_of_it():
    # the toll's follow-on is read ...
    assert found("Of those, 9,000 were civilians.", TOLL_2011) == {9000: ("deaths_civilian", "civilians")}
    # ... but not one attack told after it, nor what "it" (the agency of that attack) says next
    assert found("Among them, 14 people died in a helicopter crash on Friday.", TOLL_2011) == {}
    assert found("It said 62 people were wounded.",
                 "SOHR said 2,014 people have been killed since July 10. A car bomb exploded in a suburb "
                 "of Damascus, killing 10 people.") == {}


def test_of_those_after_a_count_of_its_own_sentence_is_that_counts_part():
    ctx = "SNHR documented 50 civilian deaths in September 2024."
    # "among them" after 96 refugees killed in Lebanon: their part, not the month's toll
    text = ("The report also revealed that 96 Syrian refugees were killed in the Israeli offensive on "
            "Lebanon, among them 36 children and 19 women, between September 23 and 30.")
    assert found(text, ctx) == {}
    assert found("Of those, 19 were women.", ctx) == {19: ("deaths_civilian", "women")}


def test_a_partitive_names_a_group_not_a_place():
    ctx = "UNICEF said 652 children were killed in 2016."
    assert found("It said 171 of the dead were from the Lebanese Shiite group Hezbollah.",
                 "SOHR said 110,000 people have died since March 2011.") == {
        171: ("deaths_combatant", "foreign_fighters")}
    assert found("UNICEF reported 255 of the deaths came at or near a school and that about 850 "
                 "children were recruited to fight.", ctx) == {}


# --------------------------------------------------------------------------- 2. breakdown lines


def test_lines_of_a_breakdown_announced_as_follows():
    ctx = "SNHR documented 1,262 deaths in two weeks, as follows: 847 civilians, including 107 children."
    assert found("442 armed opposition fighters", ctx) == {442: ("deaths_combatant", "armed_opposition")}
    ctx = "The fatalities can be distributed as follows: 108 civilians, including 14 women, were killed by regime forces."
    assert found("369 members of regime forces, including 23 officers.", ctx) == {
        369: ("deaths_combatant", "government_forces"), 23: ("deaths_combatant", "government_forces")}


def test_a_rate_in_an_aside_does_not_make_its_neighbours_a_short_period():
    text = ("The report breaks down the death toll of November 2016 where government forces killed 741 "
            "civilians including 201 children (seven children are killed every day) and 152 women.")
    assert found(text) == {741: ("deaths_civilian", "civilians"), 201: ("deaths_civilian", "children"),
                           152: ("deaths_civilian", "women")}


# --------------------------------------------------------------------------- 3. combatants by side


@pytest.mark.parametrize("text, value, group", [
    ("The group said at least 27,746 opposition fighters had been killed, among them just over 19,000 "
     "Syrian civilians who took up arms.", 19000, "armed_opposition"),
    ("The opposition toll since 2011 also includes 2,221 army defectors and 6,261 non-Syrians who have "
     "joined the rebel side.", 2221, "armed_opposition"),
    ("The opposition toll since 2011 also includes 2,221 army defectors and 6,261 non-Syrians who have "
     "joined the rebel side.", 6261, "foreign_fighters"),
    ("The Observatory documented 50,927 dead among those fighting for Assad's government since 2011.",
     50927, "government_forces"),
])
def test_combatants_by_side(text, value, group):
    c = one(text, value)
    assert (c["measure"], c["group"]) == ("deaths_combatant", group)


def test_a_months_combatant_tolls():
    ctx = "At least 333 people have lost their lives in February alone across Syria, the monitor said."
    text = ("At the same time, 32 regime security forces were killed and 39 Islamic State (IS) militants "
            "were killed during the span of one month.")
    assert found(text, ctx, "2022-03-01") == {32: ("deaths_combatant", "government_forces"),
                                              39: ("deaths_combatant", "combatants")}


# --------------------------------------------------------------------------- 4. tolls of a month or a campaign


@pytest.mark.parametrize("text, value, measure, start", [
    ("At least 91 civilians were killed across Syria in August 2022, including 28 children and two women.",
     28, "deaths_civilian", "2022-08-01"),
    ("SNHR documented the death of 700 persons of the citizens of Aleppo, including 150 children and "
     "90 women, in August 2014.", 700, "deaths_civilian", "2014-08-01"),
    ("Government forces killed more than 1,200 citizens during a month, the network said.",
     1200, "deaths_civilian", "2024-09-01"),
])
def test_a_months_toll(text, value, measure, start):
    c = one(text, value)
    assert (c["measure"], c["period_type"], c["period_start"]) == (measure, "flow", start)


@pytest.mark.parametrize("text, value, start", [
    ("Airstrikes and shelling killed more than 400 civilians in Idlib since late April.", 400, "2024-04-01"),
    ("The campaign has resulted in at least 180 civilians dead since early May.", 180, "2024-05-01"),
    ("Since early 2023, SOHR has documented 404 operations in the de-escalation zone, which left "
     "594 combatants and civilians dead.", 594, "2023-01-01"),
    ("The offensive has left more than 15 civilians dead and around 80 others injured since late April.",
     15, "2024-04-01"),
    ("Landmines have killed 101 civilians, including 50 children, since the beginning of 2022.",
     101, "2022-01-01"),
])
def test_a_campaigns_toll_is_a_war_statistic(text, value, start):
    c = one(text, value)
    assert c["measure"].startswith("deaths") and c["period_start"] == start


def test_a_campaigns_toll_but_not_its_days():
    text = "The offensive has left more than 15 civilians dead and around 80 others injured since late April."
    assert found(text) == {15: ("deaths_civilian", "civilians"), 80: ("injured", "all")}
    # a page count next to a month's deaths is no toll
    assert found("The 33-page report covers the civilian deaths that occurred in December 2024.") == {}


def test_headline_dead_and_displaced():
    got = found("At least 150 dead, 100,000 displaced in northwest Syria")
    assert got[150][0] == "deaths_total"
    assert not got[100000][0].startswith("deaths")


def test_a_running_toll_dated_by_its_report_is_no_months_toll():
    # the month names when the toll was issued or when the war started, not a month's deaths
    c = one("The Observatory's last casualty toll, issued in March last year, stood at more than 370,000 dead.",
            370000, published="2020-03-15")
    assert c["period_type"] != "flow"
    c = one("HRDAG identified 191,369 deaths from the start of the conflict in March 2011 to April 2014.",
            191369, published="2014-08-22")
    assert c["period_type"] != "flow"
    # while the deaths of a named month are that month's
    c = one("At least 91 civilians were killed across Syria in August 2022.", 91)
    assert (c["period_type"], c["as_of"]) == ("flow", "2022-08-31")

