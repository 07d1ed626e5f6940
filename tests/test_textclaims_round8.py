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
