"""The war's age said to the month ("began 18 months ago": 1.5 years) is judged to within a
month, not by the whole-year reading ('N years': at least N, not yet N+1), which let 1.5
years pass in September 2013, when the war was two and a half years old."""
from __future__ import annotations

import pytest

import syriastats


@pytest.mark.parametrize("published, verdict", [
    ("2012-09-15", "consistent"),   # March 2011 + 18 months
    ("2013-09-15", "below_all"),    # 30 months: "18 months" understates it by a year
    ("2012-03-15", "above_all"),    # 12 months
])
def test_age_in_months_is_read_to_the_month(published: str, verdict: str) -> None:
    df = syriastats.check_text("The Syrian uprising began 18 months ago.", published=published,
                               known="now")
    row = df[df["measure"] == "war_duration_years"].iloc[0]
    assert row["value"] == pytest.approx(1.5)
    assert row["verdict"] == verdict
    assert "within a month" in row["explanation"]


def test_whole_years_keep_the_age_reading() -> None:
    # two years and a day: 'two years' holds (at least N, not yet N+1)
    df = syriastats.check_text("The war began two years ago.", published="2013-03-16", known="now")
    row = df[df["measure"] == "war_duration_years"].iloc[0]
    assert row["verdict"] == "consistent"
    assert "not yet N+1" in row["explanation"]
