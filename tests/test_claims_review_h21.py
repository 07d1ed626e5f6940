"""Fixes of the verdict rules of session 21 after review (H21x): earlier_only's pace bound,
host_government's scope (registered counts, other publishers, an upper bound, context-only
statements), check-text's host attribution, publisher_scope's clause, and explanation text.
Each test failed before its fix."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import check_text
from syriastats.sources import load_estimates, load_sources, with_sources


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _text(text: str, published: str, est: pd.DataFrame, known: str = "now") -> pd.DataFrame:
    return check_text(text, published=published, known=known, estimates=est)


# --- 1. earlier_only: a pace bound ----------------------------------------------------------

def test_deaths_since_the_fall_far_above_the_pace_bound_are_overstated(est: pd.DataFrame
                                                                       ) -> None:
    # SOHR counted 10,672 deaths from 8 December 2024 to 6 September 2025 (272 days, about
    # 39 a day); at three times that pace for the 14 days to 20 September at most ~12,300:
    # 50,000 is overstated, not not_checkable
    r = _text("More than 50,000 people have been killed in Syria since the fall of Assad on "
              "8 December 2024.", "2025-09-20", est)
    assert r.loc[0, "verdict_class"] == "overstated"
    e = r.loc[0, "explanation"]
    assert "earlier_only" in e and "sohr-since-fall-2025-09" in e and "12,320" in e


def test_a_claim_within_the_pace_bound_stays_not_checkable(est: pd.DataFrame) -> None:
    # 11,500 is above 10,672 but below the bound (~12,300): an earlier total cannot show it
    # too high
    r = _text("More than 11,500 people have been killed in Syria since the fall of Assad on "
              "8 December 2024.", "2025-09-20", est, "then")
    assert r.loc[0, "verdict_class"] != "overstated"


def test_returns_far_above_unhcrs_count_twenty_days_earlier(est: pd.DataFrame) -> None:
    # UNHCR counted about 1.3 million returns to 21 December 2025 (as known on 10 January
    # 2026); 5 million twenty days later is out of reach of any pace the series has shown
    r = _text("Some 5 million Syrian refugees have returned to Syria since the fall of Assad.",
              "2026-01-10", est, "then")
    assert r.loc[0, "verdict_class"] == "overstated"
    assert "unhcr-refugee-returns-2025-12-21" in r.loc[0, "explanation"]


def test_a_series_younger_than_a_month_has_no_pace(est: pd.DataFrame) -> None:
    # the first totals of returns (58,350 to 27 December 2024, 19 days) give no pace:
    # a claim of January 2025 above them stays not_checkable as known then
    r = _text("More than 2 million refugees have returned to Syria since the fall of Assad.",
              "2024-12-30", est, "then")
    assert r.loc[0, "verdict_class"] != "overstated"
