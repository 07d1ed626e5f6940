"""Integrator's fixes of round 8: a sentence that opens on a month dates
its counts; a toll counted since a calendar day in a governorate is an episode's, whatever
its length; the parts of a governorate's toll ("including five children") are counted there.
The first two tests failed before; the last two guard what must not change."""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _rows(text: str, published: str) -> list[tuple]:
    d = extract_claims(text, pd.Timestamp(published))
    return [(r.value, r.measure, r.group, r.area, r.period_type, r.period_start, r.as_of)
            for r in d.itertuples(index=False)]


def test_a_sentence_opening_on_a_month_dates_its_counts() -> None:
    rows = _rows("In December alone, the network documented the killing of 80 civilians, "
                 "including 11 children.", "2026-01-03")
    assert rows == [
        (80.0, "deaths_civilian", "civilians", "SYR", "flow", "2025-12-01", "2025-12-31"),
        (11.0, "deaths_civilian", "children", "SYR", "flow", "2025-12-01", "2025-12-31")]
    # the year said, and a month not yet over by publication is last year's
    assert _rows("During March 2025, the monitor recorded the deaths of 900 people.",
                 "2025-04-02")[0][4:] == ("flow", "2025-03-01", "2025-03-31")
    assert _rows("In November, the monitor recorded the deaths of 300 people.",
                 "2025-03-01")[0][4:] == ("flow", "2024-11-01", "2024-11-30")


def test_an_episode_since_a_calendar_day() -> None:
    # three days of fighting: before, under a week with no episode start read, an incident
    rows = _rows("The monitor documented at least 150 deaths in Daraa province since July 13, "
                 "including five children.", "2025-07-16")
    assert rows == [
        (150.0, "deaths_total", "all", "SY-DR", "cumulative", "2025-07-13", "2025-07-16"),
        (5.0, "deaths_civilian", "children", "SY-DR", "cumulative", "2025-07-13", "2025-07-16")]
    rows = _rows("At least 40 people were killed in clashes in Homs since 3 March, the monitor "
                 "said.", "2025-03-06")
    assert rows == [(40.0, "deaths_total", "all", "SY-HI", "cumulative", "2025-03-03", "2025-03-06")]


def test_a_day_with_its_year_is_no_episode_start() -> None:
    # "since March 15, 2011" is the war's start, read by the period rules as before
    rows = _rows("Some 2,200 people have been killed since March 15, 2011 in the uprising.",
                 "2011-09-01")
    assert rows[0][4:6] == ("cumulative", "2011-03-15")


def test_parts_of_a_governorates_toll_stay_there_unless_syria_is_said() -> None:
    rows = _rows("Fighting in Idlib killed 300 people in May, including 50 children, and 20 "
                 "women across Syria.", "2025-06-02")
    assert [r[3] for r in rows] == ["SY-ID", "SY-ID", "SYR"]


# ---- defects a reviewer found in this round's merged extraction (H21q); each failed before


def _one(text: str, published: str) -> list[tuple]:
    d = extract_claims(text, pd.Timestamp(published))
    return [(r.value, r.measure, r.perpetrator) for r in d.itertuples(index=False)]


def test_fleeing_syrias_war_is_leaving_syria_but_fleeing_syrias_idlib_is_not() -> None:
    assert _one("More than 5 million people have fled Syria's civil war.", "2014-06-01")[0][1] \
        == "refugees_registered"
    assert _one("Some 200,000 people have fled Syria's Idlib province towards the border.",
                "2020-02-01")[0][1] == "idps"
    # reaching Turkey's border is not crossing it
    assert _one("Nearly a million people have fled north to Turkey's border since December.",
                "2020-02-20")[0][1] == "idps_new_displacements"


def test_forecasts_and_hypotheses_are_no_claims() -> None:
    assert _one("The number of Syrian refugees could exceed 3.5 million by the end of the year, "
                "the UN refugee agency warned.", "2013-06-01") == []
    assert _one("The death toll would top 10,000 if soldiers were counted.", "2012-06-01") == []
    # an estimate of the toll as it is now still is one
    assert _one("The real death toll could be more than 120,000, the monitor said.",
                "2013-06-01")[0][:2] == (120000.0, "deaths_total")


def test_a_war_toll_after_an_earthquake_story_is_read() -> None:
    out = extract_claims("A 7.8-magnitude earthquake struck southern Turkey and northern Syria on "
                         "Monday. In Syria the toll has passed 3,000. The Syrian Observatory says "
                         "more than 500,000 people have been killed since 2011.",
                         pd.Timestamp("2023-02-10"))
    assert list(out["value"]) == [500000.0]


def test_dead_and_wounded_each_with_a_count() -> None:
    out = _one("The war has left more than 500,000 dead and wounded more than two million.",
               "2021-03-15")
    assert [o[:2] for o in out] == [(500000.0, "deaths_total"), (2000000.0, "injured")]
    assert _one("900 people were killed or wounded in the assault.", "2016-01-01") == []


def test_voters_are_not_refugees() -> None:
    assert _one("In the presidential election, 15.8 million Syrians were registered to vote, "
                "officials said.", "2014-06-03") == []


def test_perpetrators() -> None:
    # Assad's years told after his fall: the old government, not the transitional one
    assert _one("SNHR says government forces killed more than 200,000 civilians between March "
                "2011 and December 2024.", "2025-06-26")[0][2] == "government_and_allies"
    # the killers of a part are not the whole toll's
    assert [o[2] for o in _one("Since Thursday, the violence has left 1,311 people dead, including "
                               "830 civilians killed by security forces and allied groups.",
                               "2025-03-10")] == ["all", "transitional_government"]
    # the backers are not the killers; two killers are no one's share
    assert _one("Government forces, backed by Russian air power, have killed more than 600 "
                "civilians in Eastern Ghouta since the offensive began on February 18.",
                "2018-03-01")[0][2] == "government_and_allies"
    assert _one("In May, 300 civilians were killed by ISIS and regime forces in Deir ez-Zor.",
                "2017-06-01")[0][2] == "all"


def test_one_attacks_dead_are_no_episode_toll() -> None:
    assert _one("The Douma attack, which killed at least 43 people, came after two months of "
                "bombardment of Eastern Ghouta.", "2018-04-10") == []


def test_syrias_prewar_population_with_other_countries_named() -> None:
    out = _one("The war, which has drawn in Russia, Iran and Turkey, has displaced half of the "
               "country's pre-war population of 22 million.", "2019-01-10")
    assert (22000000.0, "population", "") in out


def test_another_front_does_not_take_the_episodes_governorate() -> None:
    out = extract_claims("Fighting erupted in Sweida province on 13 July between Bedouin tribes and "
                         "Druze militias. In the coastal region, at least 120 people have been "
                         "killed since the violence broke out.", pd.Timestamp("2025-07-18"))
    assert list(out["area"]) == ["SYR"]


def test_an_episode_start_said_as_time_ago() -> None:
    out = extract_claims("Turkish shelling has killed about 300 people in Syria since Ankara "
                         "launched its offensive two months ago, a monitor said.",
                         pd.Timestamp("2019-12-09"))
    assert (out["period_start"].iloc[0], out["perpetrator"].iloc[0]) == ("2019-10-09", "turkey")
