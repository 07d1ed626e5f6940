"""Death tolls of campaigns, episodes, perpetrators and named periods (H21t, issue 15).

Each test reads a sentence (or a few) of the shape a monitor's report or a wire story uses and
checks the claims extraction gives: the value, the measure, the period and where it matters the
group and the area. Expected values are read off the quoted text, not off the code.
"""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _rows(text: str, published: str, context: str = "") -> pd.DataFrame:
    return extract_claims(text, published, context=context).set_index("value", drop=False)


def test_torture_deaths_in_a_months_toll_are_deaths_in_detention():
    t = ("The Syrian Network for Human Rights announced that 95 civilians were documented killed in "
         "June 2021, including 22 children, eight women and 11 individuals due to torture.")
    f = _rows(t, "2021-07-01")
    assert f.loc[11, "measure"] == "deaths_in_detention"
    # a part of the month's toll: the same month, not a running total since 2011
    assert (f.loc[11, "period_type"], f.loc[11, "period_start"], f.loc[11, "as_of"]) == \
        ("flow", "2021-06-01", "2021-06-30")
    assert f.loc[95, "measure"] == "deaths_civilian"


def test_victims_of_torture_beside_a_years_toll():
    t = "In 2024, the SNHR documented 1,264 civilian deaths, including 242 children and 118 women, alongside 86 victims of torture."
    f = _rows(t, "2025-01-03")
    assert f.loc[86, "measure"] == "deaths_in_detention"      # never a death toll of its own
    assert f.loc[86, "period_start"] == "2024-01-01" and f.loc[86, "as_of"] == "2024-12-31"


def test_episode_toll_since_a_day_is_counted_from_that_day():
    t = ("The death toll from ongoing violence in Syria's coastal region has risen to 1,225 civilians "
         "since hostilities erupted on March 6, according to the Syrian Observatory for Human Rights.")
    f = _rows(t, "2025-03-11")
    assert list(f["value"]) == [1225]
    assert f.iloc[0]["measure"] == "deaths_civilian"
    assert (f.iloc[0]["period_type"], f.iloc[0]["period_start"]) == ("cumulative", "2025-03-06")


def test_campaign_toll_takes_its_start_from_an_earlier_sentence():
    ctx = ("Operation Euphrates Shield was launched in northern Syria on 24 August to fight both the "
           "Islamic State group and Syrian-Kurdish militias close to the border with Turkey.")
    t = ("Since then, Turkish air raids and shelling as part of the assault have killed 96 civilians - "
         "including 22 children - the Syrian Observatory for Human Rights said.")
    f = _rows(t, "2016-10-24", context=ctx)
    assert set(f["value"]) == {96, 22}
    assert set(f["period_start"]) == {"2016-08-24"}            # not the war's start in 2011
    assert f.loc[22, "group"] == "children"


def test_since_the_start_of_the_offensive_named_before():
    ctx = ("The operation, launched on January 20, sees Turkey providing air and ground support to "
           "Syrian opposition fighters in an offensive against Kurdish militia in northwestern Syria.")
    f = _rows("It says 55 civilians have been killed since the start of the offensive.", "2018-01-29", ctx)
    assert f.loc[55, "period_start"] == "2018-01-20"


def test_a_week_of_clashes_in_a_governorate_and_its_side_counts():
    t = ("The toll from a week of bloody clashes in south Syria's Druze-majority Sweida province has "
         "passed 1,300, a monitor said Tuesday. The Syrian Observatory for Human Rights said the dead "
         "included 833 Druze, 533 of them fighters and 300 civilians, 196 of whom were \"summarily "
         "executed by defence and interior ministry personnel\". The toll also includes 423 government "
         "security personnel.")
    f = _rows(t, "2025-07-22")
    assert f.loc[1300, "area"] == "SY-SU" and f.loc[1300, "comparator"] == "at_least"
    assert f.loc[1300, "period_start"] == "2025-07-15"          # a week before publication
    assert f.loc[196, "measure"] == "deaths_civilian"           # "300 civilians, 196 of whom"
    assert f.loc[533, "measure"] == "deaths_combatant"
    assert f.loc[423, "group"] == "government_forces"
    assert set(f["area"]) == {"SY-SU"}                           # the parts are the province's too


def test_perpetrator_parts_of_a_months_toll():
    t = ("The SNHR has revealed that 161 civilians lost their lives in Syria during October 2023, "
         "including 34 children and 44 women. Meanwhile, Russian forces were found to be responsible "
         "for the deaths of 9 civilians, including 4 children and 3 women. Additionally, 86 civilians "
         "lost their lives at the hands of other parties.")
    f = _rows(t, "2023-11-02")
    for v in (9, 3, 86):
        assert (f.loc[v, "period_type"], f.loc[v, "period_start"], f.loc[v, "as_of"]) == \
            ("flow", "2023-10-01", "2023-10-31"), v
    assert f.loc[3, "group"] == "women" and f.loc[9, "group"] == "civilians"


def test_the_killers_are_no_group_of_the_dead():
    t = ("The SNHR report detailed that in December, 223 civilians were killed by the forces of the "
         "ousted Assad regime. Russian forces were responsible for the deaths of 13 civilians, including "
         "1 woman, while the Syrian Democratic Forces (SDF) were implicated in 108 deaths.")
    f = _rows(t, "2025-01-03")
    assert f.loc[108, "measure"] == "deaths_civilian"           # not the SDF's own dead
    assert f.loc[1, "group"] == "women"


def test_earthquake_toll_named_only_before_is_no_war_statistic():
    t = ("The reported death toll in Syria most likely crossed 3,600 on Monday following last week's "
         "earthquakes. Across the border, Turkish media sources reported over 4,500 dead in "
         "opposition-held northwestern Syria and in the areas under the Bashar Assad regime's control.")
    assert extract_claims(t, "2023-02-13").empty


def test_short_bombardment_and_another_countrys_offensive_stay_out():
    # two days of a bombardment: an episode's toll since session 10 (H23e: the reviewers count
    # tolls over days as claims; only one day, one strike or one attack is an incident)
    t1 = ("At least 250 civilians have been killed in two days of relentless bombardment of Eastern "
          "Ghouta in Syria, activists say.")
    assert extract_claims(t1, "2018-02-20")["value"].tolist() == [250]
    # a campaign in another country, since a weekday, with no Syrian place named
    t2 = ("It is in the crosshairs of a major Israeli offensive against Hezbollah that has killed "
          "more than 700 people since Monday.")
    assert extract_claims(t2, "2024-09-27").empty


def test_perpetrator_of_a_toll_and_its_parts():
    t = ("The SNHR report detailed that in December, 223 civilians, including 65 children, were killed "
         "by the forces of the ousted Assad regime. Russian forces were responsible for the deaths of 13 "
         "civilians, including 2 children, while the Syrian Democratic Forces (SDF) were implicated in 108 deaths.")
    f = _rows(t, "2025-01-03")
    assert f.loc[223, "perpetrator"] == f.loc[65, "perpetrator"] == "government_and_allies"
    assert f.loc[13, "perpetrator"] == f.loc[2, "perpetrator"] == "russia"
    assert f.loc[108, "perpetrator"] == "sdf"
    f2 = _rows("Since the Turkish offensive started on Jan. 20, Turkish bombardment has killed 165 civilians, "
               "including 29 children, the Observatory says.", "2018-03-05")
    assert set(f2["perpetrator"]) == {"turkey"}
    # after the fall of Assad, security forces with no word of the old regime are the new government's
    f3 = _rows("Syria's coastal violence: security forces and allied groups killed 745 civilians in Latakia "
               "since hostilities erupted on March 6.", "2025-03-09")
    assert f3.loc[745, "perpetrator"] == "transitional_government"
    # a toll no one is named for is every perpetrator's
    f4 = _rows("Syria's war has killed more than 500,000 people, the monitor said.", "2024-03-15")
    assert f4.loc[500000, "perpetrator"] == "all"


def test_a_named_months_toll_and_its_parts():
    t = ("A Syrian human rights watchdog says 3,055 civilians and fighters were killed in the country's "
         "civil war during September, the highest monthly total this year. The Syrian Observatory for "
         "Human Rights on October 1 said 955 of the deaths were civilians, including 207 children. "
         "In its September report, it said 395 civilians were killed in raids by Syrian and Russian warplanes.")
    f = _rows(t, "2017-10-01")
    for v in (3055, 955, 207, 395):   # September's flow: 'monthly' is no rate, 'on October 1' no period
        assert (f.loc[v, "period_type"], f.loc[v, "period_start"], f.loc[v, "as_of"]) == \
            ("flow", "2017-09-01", "2017-09-30"), v
    # "Syrian and Russian warplanes": the government and its ally together (SOHR's own grouping)
    assert f.loc[395, "perpetrator"] == "government_and_allies"


def test_a_week_of_air_bombardments_in_a_governorate():
    t = ("81 civilians at least were killed in a week of continuous air bombardments of the Russian and "
         "regime's warplanes at the countryside of Idlib")
    f = _rows(t, "2016-11-22")
    assert f.loc[81, "area"] == "SY-ID" and f.loc[81, "period_start"] == "2016-11-15"


def test_an_estimate_of_the_real_toll_is_a_claim_a_difference_is_none():
    f = _rows("The real death toll in the Syrian war could be more than 200,000 people, a pro-opposition "
              "watchdog group said Saturday.", "2013-08-10")
    assert f.loc[200000, "comparator"] == "at_least" and f.loc[200000, "measure"] == "deaths_total"
    f = _rows("Rami Abdulrahman said the toll could be as high as 300,000 because many deaths were hidden.",
              "2015-03-15")
    assert f.loc[300000, "comparator"] == "at_most"
    # a difference between two tolls, and a forecast, are no counts of the dead
    assert extract_claims("The monitor said the real number is higher by at least 50,000 than the "
                          "documented toll.", "2015-03-15").empty
    assert extract_claims("The toll is expected to reach 300,000 by next year.", "2015-03-15").empty


def test_side_and_subset_counts_of_an_episode():
    t = ("At least 594 people have been killed in southern Syria's Sweida province, a war monitor said "
         "Thursday, giving an updated toll from several days of clashes. The Observatory counted 300 Druze "
         "among the dead, including 154 civilians, of whom 83 were summarily executed by members of the "
         "defence and interior ministries. The violence also claimed the lives of 257 government personnel.")
    f = _rows(t, "2025-07-17")
    assert f.loc[83, "measure"] == "deaths_civilian"           # of the 154 civilians, not the killers
    assert f.loc[257, "group"] == "government_forces"
    assert set(f["area"]) == {"SY-SU"} and len(set(f["period_start"])) == 1


def test_tolls_between_two_dates_are_that_spans_flow():
    f = _rows("Between 1 and 15 May, the network recorded the deaths of 143 civilians, including 31 children.",
              "2021-05-20")
    for v in (143, 31):
        assert (f.loc[v, "period_type"], f.loc[v, "period_start"], f.loc[v, "as_of"]) == \
            ("flow", "2021-05-01", "2021-05-15")
    f = _rows("SNHR documented the killing of 1,032 civilians from 1 January to 31 December 2023, "
              "including 251 children.", "2024-01-02")
    assert (f.loc[1032, "period_type"], f.loc[1032, "period_start"], f.loc[1032, "as_of"]) == \
        ("flow", "2023-01-01", "2023-12-31")
    f = _rows("The monitor recorded 87 deaths since 1 December until the 15th of the same month.", "2020-12-20")
    assert (f.loc[87, "period_start"], f.loc[87, "as_of"]) == ("2020-12-01", "2020-12-15")
    # a report's period carried to "in this period"
    f = _rows("The report covers the period from 1 April to 30 June 2019. In this period, the network "
              "documented the killing of 1,150 civilians.", "2019-07-05")
    assert (f.loc[1150, "period_type"], f.loc[1150, "period_start"], f.loc[1150, "as_of"]) == \
        ("flow", "2019-04-01", "2019-06-30")


def test_the_dead_and_wounded_together_are_no_death_toll():
    f = _rows("The Syrian Civil Defence documented the killing and injury of 1,250 civilians in northwest "
              "Syria since the start of the year, of whom 310 were killed and 940 injured.", "2023-10-20")
    assert 1250 not in f.index                                  # never 1,250 deaths
    assert f.loc[940, "measure"] == "injured" and f.loc[310, "measure"].startswith("deaths")
    assert extract_claims("Regime and Russian attacks have killed or wounded more than 2,000 civilians "
                          "in Idlib since late April.", "2019-07-20").empty


def test_a_reports_named_year_and_the_deadliest_month():
    f = _rows("In its annual report for 2022, the network documented the killing of 1,057 civilians, "
              "including 251 children.", "2023-01-01")
    for v in (1057, 251):
        assert (f.loc[v, "period_type"], f.loc[v, "period_start"], f.loc[v, "as_of"]) == \
            ("flow", "2022-01-01", "2022-12-31")
    f = _rows("The deadliest month was March, with 2,100 deaths.", "2018-01-02")
    assert (f.loc[2100, "period_type"], f.loc[2100, "period_start"], f.loc[2100, "as_of"]) == \
        ("flow", "2017-03-01", "2017-03-31")             # the last March before publication


def test_shares_with_a_number_and_governorates_in_brackets():
    f = _rows("One in 13 of the dead was a woman - 26,727 - and almost one in 13 a child - 27,126.", "2021-09-24")
    assert (f.loc[26727, "measure"], f.loc[26727, "group"]) == ("deaths_total", "women")
    assert (f.loc[27126, "measure"], f.loc[27126, "group"]) == ("deaths_total", "children")
    f = _rows("Other provinces also saw high death tolls: Homs (40,986), Hama (31,993) and Tartus (31,369).",
              "2021-09-24")
    assert dict(zip(f["value"], f["area"])) == {40986: "SY-HI", 31993: "SY-HM", 31369: "SY-TA"}


def test_a_camps_population_beside_killings_is_no_toll():
    f = _rows("The camp, which holds some 56,000 people, has seen dozens of killings this year.", "2022-08-11")
    assert not f["measure"].str.startswith("deaths").any()


def test_an_episodes_place_and_start_from_the_sentence_before():
    t = ("Clashes erupted in Daraa province on 3 March between local fighters and government forces. "
         "The toll since the violence broke out climbed to 900, the monitor said.")
    f = _rows(t, "2025-04-02")
    assert (f.loc[900, "area"], f.loc[900, "period_type"], f.loc[900, "period_start"]) == \
        ("SY-DR", "cumulative", "2025-03-03")
    f = _rows("A total of 150 residents of Hama province have been killed since Monday, including 40 "
              "civilians, the monitor said.", "2025-03-13")            # Thursday 13 March 2025
    assert (f.loc[150, "area"], f.loc[150, "period_start"]) == ("SY-HM", "2025-03-10")
    assert f.loc[40, "measure"] == "deaths_civilian" and f.loc[40, "area"] == "SY-HM"


def test_the_dead_among_the_dead_and_wounded_keep_their_group():
    f = _rows("The Syrian Civil Defence documented the killing and injury of 1,250 civilians in northwest "
              "Syria since the start of the year, of whom 310 were killed and 940 injured.", "2023-10-20")
    assert f.loc[310, "measure"] == "deaths_civilian"
