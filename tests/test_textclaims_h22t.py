"""H22t: death tolls as monitors' reports tell them (textclaims/breakdowns.py,
textclaims/combatants.py). Each test failed before its rule; sentences are new real texts of
the development set (h22t-...) or shaped on the failure classes in general words."""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _rows(text: str, published: str, context: str = "") -> list[tuple]:
    d = extract_claims(text, pd.Timestamp(published), context=context)
    return [(r.value, r.measure, r.group, r.perpetrator, r.period_type, r.period_start, r.as_of)
            for r in d.itertuples(index=False)]


def test_a_perpetrators_toll_with_its_children_and_women_is_a_report_line() -> None:
    # small counts that name their killers are a monitor's statistics, not an incident's dead
    rows = _rows("Kurdish self-administration forces killed 146 civilians including 24 children "
                 "and 23 women.", "2019-01-02")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        (146.0, "deaths_civilian", "civilians", "sdf"),
        (24.0, "deaths_civilian", "children", "sdf"),
        (23.0, "deaths_civilian", "women", "sdf")]
    # the month at the end of the line dates every count of it (h22t-001)
    rows = _rows("In a new report released on Monday, the Network said that 498 civilians were "
                 "killed by the Assad regime, including 101 children and 83 women in September.",
                 "2017-10-03")
    assert rows == [
        (498.0, "deaths_civilian", "civilians", "government_and_allies", "flow", "2017-09-01", "2017-09-30"),
        (101.0, "deaths_civilian", "children", "government_and_allies", "flow", "2017-09-01", "2017-09-30"),
        (83.0, "deaths_civilian", "women", "government_and_allies", "flow", "2017-09-01", "2017-09-30")]


def test_killers_named_by_their_weapons_and_the_month_of_the_line_before() -> None:
    before = ("The report said that 498 civilians were killed by the Assad regime, including 101 "
              "children and 83 women in September.")
    rows = _rows("The monitoring group said it had documented the deaths of 207 civilians, "
                 "including 45 children and 31 women, in suspected Russian airstrikes mostly in "
                 "Idlib province.", "2017-10-03", context=before)
    assert [r[0] for r in rows] == [207.0, 45.0, 31.0]
    assert {r[3] for r in rows} == {"russia"}
    assert {r[4:] for r in rows} == {("flow", "2017-09-01", "2017-09-30")}


def test_one_days_or_one_battles_dead_stay_an_incidents() -> None:
    # a weekday in the count's clause (not the day a report came out)
    assert _rows("Air strikes on the village on Sunday killed 12 civilians including five "
                 "children, the Observatory said.", "2017-10-01") == []
    # fighters killed by a party, in no monitor's words
    assert _rows("The army fought to repel the attack, killing more than 800 militants, "
                 "according to the military.", "2016-08-02") == []


def test_a_months_headline_breakdown_line() -> None:
    # N deaths of the month, M civilians (men left out: no registry group), women and children
    # among the civilians, and the non-civilians as combatants, all the month's flow
    rows = _rows("January 2025: 1,100 deaths, including 700 civilians (400 men, 50 women, 60 "
                 "children) and 400 non-civilians.", "2025-08-07")
    flow = ("all", "flow", "2025-01-01", "2025-01-31")
    assert rows == [(1100.0, "deaths_total", "all") + flow,
                    (700.0, "deaths_civilian", "civilians") + flow,
                    (50.0, "deaths_civilian", "women") + flow,
                    (60.0, "deaths_civilian", "children") + flow,
                    (400.0, "deaths_combatant", "combatants") + flow]
    # December 2024 in a report counted from the fall of Assad starts on 8 December; an aside
    # "(until August 6)" ends the month on that day
    text = ("The monitor's figures cover the period from December 8, 2024, to August 6, 2025.\n"
            "December 2024: 2,000 deaths, including 1,500 civilians (1,400 men, 30 women, 70 "
            "children) and 500 non-civilians.\n"
            "August 2025 (until August 6): 150 deaths, including 120 civilians (100 men, 6 women, "
            "14 children) and 31 non-civilians.")
    rows = _rows(text, "2025-08-07")
    assert {r[5:] for r in rows if r[0] in (2000, 1500, 30, 70, 500)} == {("2024-12-08", "2024-12-31")}
    assert {r[5:] for r in rows if r[0] in (150, 120, 6, 14, 31)} == {("2025-08-01", "2025-08-06")}
    assert 1400 not in [r[0] for r in rows] and 100 not in [r[0] for r in rows]


def test_arrests_are_neither_deaths_nor_missing_persons() -> None:
    for text in ("Security forces arrested 7,543 detainees including 251 children in 2024.",
                 "Regime forces arrested no less than 1,419 individuals in 2024.",
                 "The network said that it had recorded no fewer than 1,882 arbitrary arrests in "
                 "Syria in 2020.",
                 "The report said it had documented 157 arbitrary arrests across Syria in July "
                 "2020, including 13 children and two women.",
                 "The PYD militia was responsible for the arrests of 61 people, including 11 "
                 "children, in 2020."):
        assert _rows(text, "2025-01-05") == [], text
    # people still detained or disappeared remain missing persons
    rows = _rows("About 130,000 people remain detained or forcibly disappeared.", "2025-01-05")
    assert [(r[0], r[1]) for r in rows] == [(130000.0, "missing_persons")]


def test_fighters_by_faction_and_side() -> None:
    def sides(text: str, published: str = "2025-03-12") -> list[tuple]:
        return [(r[0], r[1], r[2]) for r in _rows(text, published)]
    assert sides("The monitor documented the deaths of about 562 ISIS fighters, 387 Syrian Democratic "
                 "Forces members, as well as 240 opposition faction fighters.") == [
        (562.0, "deaths_combatant", "combatants"), (387.0, "deaths_combatant", "armed_opposition"),
        (240.0, "deaths_combatant", "armed_opposition")]
    # after the fall of Assad his loyalists are no government forces (h22t-017)
    assert sides("The Observatory stated that the dead included 745 civilians, 125 government "
                 "security personnel, and 148 pro-Assad militants.") == [
        (745.0, "deaths_civilian", "civilians"), (125.0, "deaths_combatant", "government_forces"),
        (148.0, "deaths_combatant", "combatants")]
    assert sides("The Observatory said 250 pro-Assad fighters were also killed.") == [
        (250.0, "deaths_combatant", "combatants")]
    assert sides("Turkey says 228 militants have been killed.", "2018-02-01") == [
        (228.0, "deaths_combatant", "combatants")]
    # tribal fighters are fighters; "of whom three civilians were executed" are civilians
    assert sides("The toll includes 342 government forces members and 21 Bedouins, of whom three "
                 "civilians were executed.") == [
        (342.0, "deaths_combatant", "government_forces"), (21.0, "deaths_combatant", "combatants"),
        (3.0, "deaths_civilian", "civilians")]
    # a force the word lists do not name, and Turkish soldiers (h22t-010)
    rows = sides("During the operation, the Observatory has documented the deaths of 163 members of "
                 "the Kurdish YPG forces and 211 within the Olive Branch forces, including 32 Turkish "
                 "soldiers.", "2018-02-13")
    assert rows == [(163.0, "deaths_combatant", "armed_opposition"), (211.0, "deaths_combatant", "combatants"),
                    (32.0, "deaths_combatant", "foreign_fighters")]
    # civilians who took up arms (h20b-003). (H23e: "A total of 82 militants were killed and the
    # SDF lost 11 of their soldiers" (h22t-021) names no incident in its own words, so a toll of
    # the dead is kept since session 10; its page's 10-hour attack is in another sentence.)
    assert (19000.0, "deaths_combatant", "armed_opposition") in sides(
        "The group said at least 27,746 opposition fighters had been killed, among them just over "
        "19,000 Syrian civilians who took up arms to battle President Bashar al-Assad's regime.",
        "2013-12-02")


def test_a_part_of_the_dead_by_the_group_said_after_it() -> None:
    assert _rows("Among those killed, 830 were civilians.", "2025-03-10")[0][:3] == (
        830.0, "deaths_civilian", "civilians")
    rows = _rows("The fighting has killed 420 people since March 6, of whom 61 were children.", "2025-03-10")
    assert [r[:3] for r in rows] == [(420.0, "deaths_total", "all"), (61.0, "deaths_civilian", "children")]
    assert rows[1][4:6] == ("cumulative", "2025-03-06")
    rows = _rows("Of those killed, 231 were Syrian government security personnel, and 250 were Assad "
                 "loyalists.", "2025-03-10")
    assert [r[:3] for r in rows] == [(231.0, "deaths_combatant", "government_forces"),
                                     (250.0, "deaths_combatant", "combatants")]


def test_the_last_days_dead_and_wounded_and_one_days_dead() -> None:
    rows = _rows("At least 23 civilians have been killed and nearly 100 others wounded over the past "
                 "three days.", "2025-03-10")
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (23.0, "deaths_civilian", "cumulative", "2025-03-07"), (100.0, "injured", "cumulative", "2025-03-07")]
    # one day's dead are an incident's
    assert _rows("The deadliest day was Friday, when 304 people died.", "2025-03-10") == []
    assert _rows("Government forces killed at least 82 civilians in Idlib on Monday alone, the "
                 "network documented.", "2025-03-10") == []


def test_tolls_by_governorate_in_lists() -> None:
    rows = extract_claims("The civilian death toll by province includes 658 in Latakia, 384 in Tartus, "
                          "171 in Hama, and 12 in Homs.", pd.Timestamp("2025-03-15"))
    assert list(zip(rows["value"], rows["measure"], rows["area"])) == [
        (658.0, "deaths_civilian", "SY-LA"), (384.0, "deaths_civilian", "SY-TA"),
        (171.0, "deaths_civilian", "SY-HM"), (12.0, "deaths_civilian", "SY-HI")]
    rows = extract_claims("The hardest-hit provinces were rural Damascus, with 47,483 deaths; Homs, with "
                          "40,986 deaths; and Tartus, which lost 31,369 people.", pd.Timestamp("2016-02-11"))
    assert list(zip(rows["value"], rows["measure"], rows["area"])) == [
        (47483.0, "deaths_total", "SY-RD"), (40986.0, "deaths_total", "SY-HI"), (31369.0, "deaths_total", "SY-TA")]


def test_a_tally_dated_by_its_own_clause() -> None:
    before = "The United Nations says more than 220,000 people have been killed in Syria's war."
    rows = _rows("The new figure is up sharply since August 2014, when the tally stood at 191,369.",
                 "2015-06-01", context=before)
    assert rows == [(191369.0, "deaths_total", "all", "all", "cumulative", "2011-03-15", "2014-08-31")]
    # a running toll from a later start named by its event's day
    rows = _rows("Activists say some 800 people had died since a U.N.-backed ceasefire went into effect "
                 "on April 12.", "2012-05-20")
    assert rows == [(800.0, "deaths_total", "all", "all", "cumulative", "2012-04-12", "2012-05-20")]


def test_deaths_of_one_cause_are_not_checkable() -> None:
    from syriastats.textclaims.check import check_text
    d = check_text("As many as 2,601 civilians, including 598 children and 267 women, have died from "
                   "mine explosions since the beginning of the war in March 2011, according to a report "
                   "released by Syrian Network for Human Rights.", published="2021-04-12")
    assert list(d["value"]) == [2601.0, 598.0, 267.0]
    assert set(d["verdict"]) == {"not_checkable"}
    assert all("one cause ('mine explosions')" in e for e in d["explanation"])
    # the war's toll of all causes is still judged
    d = check_text("Landmines are a danger; more than 500,000 people have been killed in the war "
                   "since 2011.", published="2021-04-12")
    assert "one cause" not in d["explanation"].iloc[0]


def test_killers_before_a_toll_and_the_parts_of_their_victims() -> None:
    # h22t-029: "attacks carried out by Russian forces resulted in the documented deaths of"
    rows = _rows("The report clarifies that the attacks carried out by Russian forces resulted in the "
                 "documented deaths of 6,954 civilians, including 2,046 children and 978 women, with at "
                 "least 360 massacres committed.", "2023-10-01")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        (6954.0, "civilians", "russia"), (2046.0, "children", "russia"), (978.0, "women", "russia")]
    # h22t-003: the anti-ISIS coalition is the coalition, not ISIS; its victims' children too
    rows = _rows("The report indicated that 104 civilians were killed in airstrikes by the international "
                 "anti-ISIS coalition forces, including 29 children.", "2017-10-03")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        (104.0, "civilians", "international_coalition"), (29.0, "children", "international_coalition")]


def test_women_and_children_as_a_share_of_all_the_dead() -> None:
    rows = _rows("Of the 350,209 people killed, one in every 13 was a woman - 26,727 in all - and one in "
                 "every 13 was a child: 27,126 children, to be exact.", "2021-09-25")
    assert [r[:3] for r in rows] == [(350209.0, "deaths_total", "all"), (26727.0, "deaths_total", "women"),
                                     (27126.0, "deaths_total", "children")]


def test_the_wounded_of_an_episode_begun_weeks_ago() -> None:
    rows = _rows("The shelling has killed 15 civilians and injured 55 others since the offensive began "
                 "last week.", "2025-03-10")
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (15.0, "deaths_civilian", "cumulative", "2025-03-03"), (55.0, "injured", "cumulative", "2025-03-03")]
    rows = _rows("The bombardment has left 98 civilians wounded since the start of the campaign two "
                 "weeks ago.", "2025-03-10")
    assert [(r[0], r[1], r[5]) for r in rows] == [(98.0, "injured", "2025-02-24")]


def test_torture_deaths_and_parts_in_a_report_lines_list() -> None:
    rows = _rows("SNHR documented the death of 1169 people by government forces, including 176 children, "
                 "no less than 78 women, and no less than 231 under torture.", "2014-12-01")
    got = [(r[0], r[1], r[2], r[3]) for r in rows]
    assert got[0] == (1169.0, "deaths_total", "all", "government_and_allies")  # killers, not the dead's side
    assert got[3][:2] == (231.0, "deaths_in_detention") and got[3][3] == "government_and_allies"
    d = extract_claims("Government forces killed 793 civilians including 185 children, 153 women and 99 due to "
                       "torture.", pd.Timestamp("2015-11-02"))
    assert list(zip(d["value"], d["measure"])) == [(793.0, "deaths_civilian"), (185.0, "deaths_civilian"),
                                                   (153.0, "deaths_civilian"), (99.0, "deaths_in_detention")]
    # "no less than" is a floor (it was read as "less than")
    assert list(d["comparator"])[:1] == ["about"] and got[2][0] == 78.0
    assert extract_claims("SNHR documented the death of 1169 people by government forces, including no less "
                          "than 78 women.", pd.Timestamp("2014-12-01"))["comparator"].iloc[-1] == "at_least"


def test_killers_named_after_the_heads_list() -> None:
    rows = _rows("SNHR documented the killing of 3,967 civilians including 1,042 children and 684 women by "
                 "Russian forces.", "2017-01-02")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        (3967.0, "civilians", "russia"), (1042.0, "children", "russia"), (684.0, "women", "russia")]
