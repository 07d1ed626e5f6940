"""A figure for one perpetrator's victims is never pooled as the whole (claims/selecting.py),
and figures of a broader scope cannot show a claim too low (COMPARATOR_RULES
['broader_below'], claims/judging.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.sources import load_estimates, load_sources, with_sources

sys.path.insert(0, str(Path(__file__).parent))
from claims_testkit import CLAIM_COLS, claim_row  # noqa: E402


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _civilians_2014(value: float) -> dict:
    # SOHR's 17,790 civilians killed in 2014 (gold g014, g019): the registry holds no
    # civilian toll of 2014 for all perpetrators, only SNHR's civilians killed by the
    # government and its allies (snhr-year-2014-civ-perp-government-and-allies, 24,430)
    # and the year's tolls of everyone killed (deaths_total)
    return claim_row(claim_id="c", origin="T", origin_date="2015-01-02",
                     origin_url="https://example.org/a", text="c", measure="deaths_civilian",
                     as_of="2014-12-31", value=value, comparator="about", notes="",
                     period_start="2014-01-01", period_type="flow", group="civilians")


@pytest.mark.parametrize("known", ["now", "then"])
def test_one_perpetrators_victims_are_not_the_whole(est, known) -> None:
    r = C.check(pd.DataFrame([_civilians_2014(17_790)], columns=CLAIM_COLS), est,
                known=known).iloc[0]
    assert "perp" not in str(r["estimate_ids"])  # before: the government's part, below_all
    assert r["verdict"] != "below_all"


@pytest.mark.parametrize("known", ["now", "then"])
def test_a_broader_count_cannot_show_a_claim_too_low(est, known) -> None:
    r = C.check(pd.DataFrame([_civilians_2014(17_790)], columns=CLAIM_COLS), est,
                known=known).iloc[0]
    assert r["verdict"] == "not_checkable"
    assert "rule: broader_below" in r["explanation"]
    assert "deaths_total" in r["reason"]
    assert r["widened"].startswith("measure: only figures of a broader scope")


def test_a_broader_count_still_shows_a_claim_too_high(est) -> None:
    # 200,000 civilians killed in 2014 is above everyone SOHR and SNHR counted that year
    r = C.check(pd.DataFrame([_civilians_2014(200_000)], columns=CLAIM_COLS), est).iloc[0]
    assert r["verdict"] == "above_all"
    assert "broader" in r["widened"]


def test_the_rule_is_documented() -> None:
    assert "broader_below" in C.COMPARATOR_RULES


@pytest.mark.parametrize("known", ["now", "then"])
def test_a_total_from_another_start_is_named_as_a_widened_period(est, known) -> None:
    # 280,000 refugee returns since 8 December 2024, on 25 February 2025 (gold g320): IOM's
    # 259,745 arrivals are counted from 1 December 2024, a week earlier (pooled within the
    # start tolerance); the verdict says that it widened the period
    row = claim_row(claim_id="r", origin="T", origin_date="2025-03-31",
                    origin_url="https://example.org/a", text="r", measure="refugee_returns",
                    as_of="2025-02-25", value=280_000, comparator="about", notes="",
                    period_start="2024-12-08", period_type="cumulative", host="WORLD")
    r = C.check(pd.DataFrame([row], columns=CLAIM_COLS), est, known=known).iloc[0]
    assert "iom-dtm-arrivals-2025-02" in r["estimate_ids"]
    assert "period: also totals counted from 2024-12-01 (iom-dtm-arrivals-2025-02)" \
        in r["widened"]
    assert "Widened: " in r["explanation"] and "period: also totals" in r["explanation"]
