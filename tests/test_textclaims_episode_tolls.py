"""Death tolls of episodes, campaigns and periods versus one incident's casualties (H23e).

Sentences written for these tests (not quoted from the gold sets): each pins one kind of toll
the reviewers count as a claim, or one sign of an incident they do not.
"""
from __future__ import annotations

import pytest

from syriastats.textclaims import episode_tolls as E
from syriastats.textclaims.extract import extract_claims


def _at(s: str, token: str) -> tuple[int, int]:
    i = s.index(token)
    return i, i + len(token)


def _found(text: str, published: str, context: str = "") -> dict[float, tuple[str, str]]:
    df = extract_claims(text, published, context=context)
    return {float(r.value): (r.measure, r.group) for r in df.itertuples()}


# ---------------------------------------------------------------- the incident test
@pytest.mark.parametrize("sentence,token", [
    ("A car bomb killed 17 people at a checkpoint in Azaz on Saturday.", "17"),
    ("The strike, which killed 22 civilians, hit a crowded market.", "22"),
    ("At least 44 people were killed in the last 24 hours in Idlib.", "44"),
    ("Regime jets Sunday killed nine people in the town.", "nine"),
    ("Nine people died in an air strike on a bakery in Ariha.", "Nine"),
    ("Shelling that hit the main hospital killed 14 patients.", "14"),
    ("All 11 passengers and crew on board died.", "11"),
    ("A suicide bomber killed 30 people in the court building.", "30"),
    ("The militia committed a massacre in the village, in which 12 civilians were killed.", "12"),
])
def test_one_strike_one_day_or_one_aircraft_is_an_incident(sentence, token):
    a, b = _at(sentence, token)
    assert E.incident(sentence, a, b)
    assert not E.episode_toll(sentence, a, b, "deaths")


@pytest.mark.parametrize("sentence,token", [
    # a start that is an event is the toll's period, not its incident
    ("More than 900 people have been killed since the chemical attack on the town last year.", "900"),
    ("The toll has risen to 594 since the outbreak of violence in the province.", "594"),
    # the day of a statement, and the day a running toll reached its number
    ("At least 71 civilians have been killed over the past few days, the monitor said on Monday.", "71"),
    ("The death toll from the clashes rose to 37 today, Monday.", "37"),
    ("On Tuesday, the death toll from the fighting rose to around 100 fatalities.", "100"),
    # a report's toll by perpetrator or category
    ("Kurdish forces killed 146 civilians in the first half of the year, the report said.", "146"),
    ("The network recorded 52 victims of death due to torture.", "52"),
    ("Among the civilian deaths are 209 children who died as a result of mines.", "209"),
])
def test_a_toll_over_an_episode_a_period_or_a_category_is_no_incident(sentence, token):
    a, b = _at(sentence, token)
    assert not E.incident(sentence, a, b)
    assert E.episode_toll(sentence, a, b, "deaths" if "torture" not in sentence else "detention")


def test_a_day_that_kills_is_an_incident_even_beside_a_running_toll():
    s = "The number of the dead rose to 42, all killed today in different areas."
    assert E.incident(s, *_at(s, "42"))


def test_no_word_of_death_or_a_part_or_a_modifier_is_no_toll():
    s = "A video showed 20 men lying by the side of a road."
    assert not E.episode_toll(s, *_at(s, "20"), "deaths")
    s = "UNICEF said 255 of the deaths came near schools."
    assert not E.episode_toll(s, *_at(s, "255"), "deaths")  # a part: the partitive rules read it
    s = "The 86-page report lists the dead."
    assert not E.episode_toll(s, *_at(s, "86"), "deaths")
    s = "The wounded are 1,200, the dead are counted elsewhere."
    assert not E.episode_toll(s, *_at(s, "1,200"), "injured")  # only the dead


def test_short_period_cues_that_are_days_not_rates():
    import re
    short = re.compile(r"\bpast few days\b|\ba day\b|\bthis week\b")
    assert E.days_not_rate("killed over the past few days", short, "deaths")
    assert E.days_not_rate("killed this week", short, "deaths")
    assert not E.days_not_rate("seven children are killed a day", short, "deaths")
    assert not E.days_not_rate("fled this week", short, "displaced")


def test_numbers_that_name_are_no_counts():
    s = "The offensive (18.2.18) killed 479 civilians before Security Council 2401 was adopted."
    assert E.not_a_count(s, *_at(s, "18.2"))
    assert E.not_a_count(s, *_at(s, "2401"))
    assert not E.not_a_count(s, *_at(s, "479"))
    s = "They were injured between July 13 and 18."
    assert E.not_a_count(s, s.rindex("18"), s.rindex("18") + 2)
    s = "Between 13 and 18 people died."
    assert not E.not_a_count(s, s.index("18"), s.index("18") + 2)


def test_another_countrys_war_before_or_in_the_sentence():
    earlier = "Israeli strikes on Lebanon have killed hundreds since Monday."
    assert E.other_war_before("More than 100 Syrians are among those killed this week.", earlier)
    assert not E.other_war_before("More than 100 people were killed in Idlib this week.", earlier)
    assert not E.other_war_before("The toll in Syria passed 500,000.", "")


# ---------------------------------------------------------------- through the extractor
def test_episode_tolls_are_extracted_with_their_group_and_period():
    f = _found("Fighting between the two factions has killed 312 people in Daraa province since "
               "Thursday, the monitor said.", "2025-05-05")
    assert f == {312.0: ("deaths_total", "all")}
    df = extract_claims("Landmines have killed 209 children since the fall of the Assad regime, the "
                        "network said.", "2025-06-01")
    assert df[["value", "measure", "group", "period_start"]].values.tolist() == [
        [209.0, "deaths_civilian", "children", "2024-12-08"]]
    f = _found("Among the dead are 610 local residents, including 140 civilians (20 children and 50 women).",
               "2025-07-26")
    assert f == {610.0: ("deaths_total", "all"), 140.0: ("deaths_civilian", "civilians"),
                 20.0: ("deaths_civilian", "children"), 50.0: ("deaths_civilian", "women")}


def test_a_toll_whose_span_the_text_does_not_give_is_not_the_wars():
    df = extract_claims("The death toll among Alawite residents of the coast has risen to 340, the monitor said.",
                        "2025-03-08")
    assert df["value"].tolist() == [340.0]
    assert df["subarea"].iloc[0] == E.SPAN_NOT_GIVEN  # the checker compares it with no war total


def test_the_death_toll_beside_the_wounded_is_of_the_dead():
    f = _found("The death toll from clashes in the province has risen to 89, with dozens more injured, "
               "the monitor said.", "2025-07-14")
    assert f == {89.0: ("deaths_total", "all")}


def test_executions_and_referred_figures():
    assert _found("The report recorded 1,726 executions that month alone.", "2025-04-01") == {
        1726.0: ("deaths_total", "all")}
    ctx = "The envoy estimated that 400,000 people have been killed in the war."
    assert _found("We had 250,000 as a figure two years ago, the envoy said.", "2016-04-22", ctx) == {
        250000.0: ("deaths_total", "all")}
    # without a toll before it, a figure is no claim
    assert _found("We had 250,000 as a figure two years ago, the envoy said.", "2016-04-22") == {}


@pytest.mark.parametrize("text,published", [
    ("A car bomb killed 17 people at a checkpoint in Azaz on Saturday.", "2025-05-05"),
    ("The strike, which killed 22 civilians, hit a crowded market.", "2019-07-22"),
    ("At least 44 people were killed in the last 24 hours in Idlib, the monitor said.", "2019-07-22"),
    ("Israeli strikes on southern Lebanon have killed 112 people since Monday.", "2024-09-27"),
    ("The earthquake killed at least 4,500 people in north-west Syria.", "2023-02-13"),
    ("Thirty civilians were killed in raids that hit the vegetable market in the town, while six more "
     "died in strikes on a nearby village.", "2019-07-22"),
])
def test_incidents_and_other_stories_stay_out(text, published):
    assert extract_claims(text, published).empty


def test_periods_of_tolls_between_two_events_or_since_an_event_of_a_year():
    df = extract_claims("The monitor said 1,311 people were killed between the outbreak of fighting on July 13 "
                        "and the ceasefire on July 21.", "2025-07-25")
    assert df[["value", "period_start", "as_of"]].values.tolist() == [[1311.0, "2025-07-13", "2025-07-21"]]
    df = extract_claims("More than 1,400 people have been killed since the chemical attack on Ghouta last year, "
                        "the monitor said.", "2018-02-25")
    # the year names the start (its day not said), not a year's flow
    assert df[["value", "period_type", "period_start"]].values.tolist() == [[1400.0, "cumulative", "2017-01-01"]]
    assert df["subarea"].iloc[0] == E.SPAN_NOT_GIVEN
    df = extract_claims("The death toll from the clashes has risen to 594 since Sunday, July 13, the monitor said.",
                        "2025-07-20")
    assert df["period_start"].tolist() == ["2025-07-13"]  # the date named, not the last Sunday
