"""The war's age and refugee counts said in other words (H20w, issue 15).

Constructed sentences (not gold sentences); each test failed before the rules it names
were added to :mod:`syriastats.textclaims.extract` and :mod:`syriastats.textclaims.vocabulary`.
Each positive reading is paired with a negative the same rule must leave alone, so a rule
that fires on everything fails too. Expected values are worked out from the dates by hand:
the war began on 15 March 2011.
"""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats.textclaims import check_text
from syriastats.textclaims.extract import extract_claims
from syriastats.textclaims.numbers import find_numbers


def _ages(text: str, published: str) -> list[tuple[float, str]]:
    found = extract_claims(text, published)
    found = found[found["measure"] == "war_duration_years"]
    return [(round(float(v), 2), str(c)) for v, c in zip(found["value"], found["comparator"])]


def _counts(text: str, published: str) -> pd.DataFrame:
    found = extract_claims(text, published)
    return found[found["measure"] != "war_duration_years"].reset_index(drop=True)


# ---------------------------------------------------------------- the war's age

def test_ordinal_year_closed_out_is_complete():
    # "closes out its fourth year": four full years (read as "at least three" before)
    assert _ages("The figures come as the conflict closes out its fourth year.", "2015-03-10") == [(4.0, "about")]
    # "enters its fifth year" keeps the convention of the gold set: four completed years, a floor
    assert _ages("The conflict, now entering its fifth year, goes on.", "2015-03-10") == [(4.0, "at_least")]


def test_ordinal_year_of_the_war_is_completed_years():
    assert _ages("This month marks the dawn of the fifth year of the Syrian war.", "2015-03-15") == [(4.0, "at_least")]
    assert _ages("Families gathered in the fourteenth year since fighting began.", "2024-10-01") == [(13.0, "at_least")]
    # a year of the war named as history, not as its present age (in 2016 the war was five)
    assert _ages("In the second year of the war, rebels took half of Aleppo.", "2016-03-15") == []


def test_years_ago_dating_the_start():
    assert _ages("Six years ago, the uprising was launched against the Assad regime.", "2017-03-15") == [(6.0, "about")]
    assert _ages("Eight years ago, thousands of Syrians took to the streets in protest.", "2019-03-15") == [(8.0, "about")]
    # an event of the war two years before publication, not its start
    assert _ages("Two years ago, the rebels lost Aleppo in the war.", "2019-03-15") == []
    # an event a year after the start: 'fighting reached' is no start of the war
    assert _ages("Five years ago, the fighting reached Aleppo.", "2017-03-15") == []


def test_months_or_years_ago_after_the_start_of_the_war():
    # 30 months: 2.5 years, read from the start named right before it
    assert _ages("More than 110,000 people have died since the start of the conflict 30 months ago.",
                 "2013-09-15") == [(2.5, "about")]
    # 'nearly N years' is a ceiling, as for other durations
    assert _ages("The war has killed 260,000 people since it erupted nearly five years ago.",
                 "2016-02-01") == [(5.0, "at_most")]


def test_years_since_it_erupted_or_the_protests():
    assert _ages("Hundreds of thousands have died in the 11 years since it erupted.", "2022-03-15") == [(11.0, "about")]
    assert _ages("In the more than three years since anti-Assad protests first ignited the civil war, "
                 "atrocities have been committed on both sides.", "2014-06-01") == [(3.0, "at_least")]


def test_years_on_for_years_and_years_of_strife():
    assert _ages("Eight years on, Assad remains in power.", "2019-03-15") == [(8.0, "about")]
    assert _ages("The report lists violations the Syrian people have suffered for 13 years.", "2024-03-15") \
        == [(13.0, "about")]
    assert _ages("In Syria, eight years of a pounding struggle has been going on.", "2019-03-16") == [(8.0, "about")]
    # a person's span is not the war's age, though it matches it
    assert _ages("He was detained for eight years in Saydnaya during the war.", "2019-03-15") == []
    # a span far from the war's age at publication is not read
    assert _ages("Syrians have suffered for 3 years under the blockade of the town.", "2019-03-15") == []


def test_years_of_displacement_of_a_collective_subject_not_one_persons_exile():
    assert _ages("Thousands of Syrians came home after more than 13 years of forced displacement.",
                 "2024-12-20") == [(13.0, "at_least")]
    assert _ages("After more than 13 years in exile, Ahmad Morjan's dream of reuniting with his family "
                 "became a reality.", "2024-12-20") == []


def test_decade_phrases():
    assert _ages("As the conflict enters its second decade, there is no end in sight.", "2022-03-16") \
        == [(10.0, "at_least")]
    assert _ages("For over a decade, Syria has been enduring a humanitarian crisis.", "2024-03-15") \
        == [(10.0, "at_least")]
    assert _ages("Decade of Syria war killed nearly 500,000 people", "2021-03-15") == [(10.0, "about")]
    assert _ages("It was the lowest toll since the start of the conflict more than a decade ago.", "2022-12-31") \
        == [(10.0, "at_least")]
    # someone's rule, not the war
    assert _ages("Assad ruled for over a decade before the war began.", "2021-03-15") == []


# ---------------------------------------------------------------- refugees in other words

@pytest.mark.parametrize("text, published, value, host", [
    ("The number of Syrians who have fled their country has topped 5 million.", "2017-03-30", 5e6, ""),
    ("The number of people fleeing Syria's war into neighboring states and Egypt has passed the "
     "5-million mark.", "2017-03-30", 5e6, "REGION"),
    ("According to the UNHCR, over 3 million have fled to Syria's immediate neighbors Turkey, Lebanon, "
     "Jordan and Iraq.", "2015-03-15", 3e6, "REGION"),
    ("The number of people fleeing the conflict has topped four million.", "2015-07-09", 4e6, ""),
    ("There were 60,000 Syrians in Turkey as of Monday.", "2012-06-25", 6e4, "TUR"),
    ("Turkey hosts the largest number of Syrians displaced by the conflict - nearly 3 million people.",
     "2017-03-30", 3e6, "TUR"),
])
def test_refugees_without_the_word(text, published, value, host):
    found = _counts(text, published)
    assert list(found["value"]) == [value]
    assert found.loc[0, "measure"].startswith("refugees")
    assert found.loc[0, "host"] == host


def test_seeking_asylum_across_the_region_and_each_in_two_hosts():
    found = _counts("The total number of Syrians seeking asylum across the region is currently 235,000, "
                    "with around 80,000 each in Jordan and Turkey and around 18,000 in Iraq.", "2012-09-04")
    got = sorted(zip(found["value"], found["host"]))
    assert got == [(18000.0, "IRQ"), (80000.0, "JOR"), (80000.0, "TUR"), (235000.0, "REGION")]
    assert set(found["subarea"]) == {""}


def test_a_days_crossings_are_no_claim_but_the_stock_is():
    found = _counts("There were 60,000 Syrians in Turkey as of Monday, after 3,000 crossed the border.",
                    "2012-06-25")
    assert list(found["value"]) == [60000.0]


def test_parts_of_a_host_and_people_awaiting_registration_are_subareas():
    found = _counts("In Lebanon, 170,000 registered in north Lebanon; 150,000 in the Bekaa; 80,000 in Beirut.",
                    "2013-06-01")
    assert list(found["value"]) == [170000.0, 150000.0, 80000.0]
    assert list(found["host"]) == ["LBN"] * 3
    assert list(found["subarea"]) == ["north Lebanon", "Bekaa", "Beirut"]
    waiting = _counts("Of the latest total for Lebanon, 16,706 are awaiting registration.", "2012-09-04")
    assert list(waiting["value"]) == [16706.0]
    assert waiting.loc[0, "host"] == "LBN" and waiting.loc[0, "subarea"] == "people awaiting registration"
    # the whole host's count keeps no subarea
    whole = _counts("Lebanon now hosts 1 million Syrian refugees.", "2014-04-03")
    assert list(whole["subarea"]) == [""]


def test_a_part_of_a_host_is_not_checked_against_the_whole():
    out = check_text("UNHCR said 150,000 Syrian refugees are registered in the Bekaa.",
                     published="2013-06-01", known="now")
    assert list(out["verdict_class"]) == ["not_checkable"]
    out = check_text("Of the latest total for Lebanon, 16,706 are awaiting registration.",
                     published="2012-09-04", known="now")
    assert list(out["verdict_class"]) == ["not_checkable"]


def test_hyphenated_and_and_a_half_millions():
    assert [n.value for n in find_numbers("passed the 5-million mark")] == [5e6]
    assert [n.value for n in find_numbers("More than 4 and a half million Syrians")] == [4.5e6]


def test_the_war_turns_n_long_years_and_half_a_decade():
    assert _ages("Syria's conflict turns eight on Friday.", "2019-03-15") == [(8.0, "about")]
    assert _ages("After 12 long years of war, Syrians are exhausted.", "2023-03-15") == [(12.0, "about")]
    # half a decade is five years, not ten
    assert _ages("Half a decade of war has left Syria in ruins.", "2016-03-15") == [(5.0, "about")]
    # a percentage after 'turns' is no age
    assert _ages("The conflict turned 40 percent of homes into rubble.", "2019-03-15") == []


def test_crossed_into_neighbouring_countries_is_a_stock_a_nights_crossing_is_not():
    found = _counts("The UN has registered 4.6 million Syrians who have crossed into neighbouring countries.",
                    "2016-02-01")
    assert list(zip(found["value"], found["host"])) == [(4.6e6, "REGION")]
    assert found.loc[0, "measure"].startswith("refugees")
    found = _counts("More than 4.8 million people have escaped Syria to neighbouring countries.", "2016-06-20")
    assert list(zip(found["value"], found["host"])) == [(4.8e6, "REGION")]
    assert _counts("A record 2,200 Syrians crossed into Jordan on Thursday night.", "2012-08-24").empty


def test_registered_or_awaiting_registration_is_the_whole_host():
    found = _counts("Across Jordan, some 61,000 people have registered with UNHCR or are awaiting registration.",
                    "2012-08-24")
    assert list(found["subarea"]) == [""]
    found = _counts("In Jordan, 40,000 are registered while 21,000 more are awaiting registration.", "2012-08-24")
    assert list(found["subarea"]) == ["", "people awaiting registration"]


def test_displaced_syrians_in_a_host_and_temporary_protection_are_refugees():
    found = _counts("There are 1.5 million displaced Syrians in Lebanon, the government says.", "2018-06-01")
    assert list(zip(found["value"], found["host"])) == [(1.5e6, "LBN")]
    assert found.loc[0, "measure"].startswith("refugees")
    found = _counts("Turkey has 3.5 million Syrians under temporary protection.", "2018-06-01")
    assert list(zip(found["value"], found["host"])) == [(3.5e6, "TUR")]
    assert found.loc[0, "measure"].startswith("refugees")
    # displaced inside Syria stay IDPs
    found = _counts("Some 6.2 million Syrians are displaced inside the country.", "2018-06-01")
    assert list(found["measure"]) == ["idps"]


def test_for_the_past_n_years():
    assert _ages("The Syrian people have endured bloodshed for the past eight years.", "2019-03-15") \
        == [(8.0, "about")]
