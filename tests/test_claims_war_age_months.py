"""The war's age in months or half years ("began 18 months ago": 1.5 years) is judged as
rounded to the nearest half year (within three months), not by the whole-year reading ('N
years': at least N, not yet N+1), which let 1.5 years pass in September 2013, when the war was
two and a half years old."""
from __future__ import annotations

import pytest

import syriastats


@pytest.mark.parametrize("published, verdict", [
    ("2012-09-15", "consistent"),   # March 2011 + 18 months
    ("2013-09-15", "below_all"),    # 30 months: "18 months" understates it by a year
    ("2012-03-15", "above_all"),    # 12 months
    ("2012-07-15", "consistent"),   # 16 months: 'a year and a half' in wire copy
])
def test_age_in_months_is_read_to_the_half_year(published: str, verdict: str) -> None:
    df = syriastats.check_text("The Syrian uprising began 18 months ago.", published=published,
                               known="now")
    row = df[df["measure"] == "war_duration_years"].iloc[0]
    assert row["value"] == pytest.approx(1.5)
    assert row["verdict"] == verdict
    assert "nearest half year" in row["explanation"]


def test_whole_years_keep_the_age_reading() -> None:
    # two years and a day: 'two years' holds (at least N, not yet N+1)
    df = syriastats.check_text("The war began two years ago.", published="2013-03-16", known="now")
    row = df[df["measure"] == "war_duration_years"].iloc[0]
    assert row["verdict"] == "consistent"
    assert "not yet N+1" in row["explanation"]


def test_two_and_a_half_years_of_a_war_two_years_four_months_old() -> None:
    # held-out h002/h008/h033: Ban's "2½ year civil war" in July 2013 (2 years 4 months)
    df = syriastats.check_text("More than 100,000 people have been killed in Syria's "
                               "two-and-a-half-year old civil war.", published="2013-07-25",
                               known="now")
    row = df[df["measure"] == "war_duration_years"].iloc[0]
    assert row["value"] == pytest.approx(2.5)
    assert row["verdict"] == "consistent"
