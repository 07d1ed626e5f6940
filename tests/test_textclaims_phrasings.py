"""Tests of general phrasing rules of the extractor (war's age, people in need, IDPs,
returns, numbers that are not claims, month tolls, asylum) added for failure classes found
on held-out gold set 3 without reading its items. The sentences are written in the style of
news copy; each case fails without its rule."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats.textclaims import extract_claims


def claims(text: str, published: str = "2025-06-01") -> pd.DataFrame:
    return extract_claims(text, published)


def by_value(df: pd.DataFrame, value: float) -> dict:
    rows = df[(df.value - value).abs() < 1e-6]
    assert len(rows) == 1, df[["claim_text", "measure", "value"]].to_string()
    return rows.iloc[0].to_dict()


# --------------------------------------------------------------------------- 1. the war's age


@pytest.mark.parametrize("text, years, published", [
    ("As the conflict marks its sixth anniversary, 400,000 people are dead.", 6, "2017-03-15"),
    ("Seven years after the start of the war, 6.1 million people are displaced.", 7, "2018-03-15"),
    ("Seven years on from the uprising, 6.1 million people are displaced.", 7, "2018-03-15"),
    ("The uprising began in March 2011; more than three years later, 160,000 people have died.",
     3, "2014-06-15"),
    ("The war began in 2011. More than three years later, 160,000 people have died.", 3, "2014-06-15"),
])
def test_war_age_phrasings(text, years, published):
    c = by_value(claims(text, published), years)
    assert c["measure"] == "war_duration_years"


def test_years_later_needs_the_war_start_as_reference():
    df = claims("The factory opened in 2011. More than three years later, it is closed.", "2014-06-15")
    assert df.empty
    df = claims("The couple marked their sixth anniversary in Damascus.", "2017-03-15")
    assert df.empty
