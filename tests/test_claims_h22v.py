"""Verdict rules of session 22 (H22v), each an entry of COMPARATOR_RULES and named in the
explanations it changes: floor_unpublished (a lower bound above every published number and
above the pooled range's lower end is not consistent: verdicts of 'more than X' are
monotone in X) and the monotone extension of undocumented_only."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.sources import load_estimates, load_sources, with_sources

sys.path.insert(0, str(Path(__file__).parent))
from claims_testkit import CLAIM_COLS, claim_row  # noqa: E402

#: How unfavourable a verdict is for a bound claim (higher: worse). A lower bound may only
#: move up this scale as X rises, an upper bound as X falls.
_RANK = {"consistent": 0, "broader_scope_only": 1, "contested": 1, "above_all": 2,
         "below_all": 2}


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _verdicts(est: pd.DataFrame, measure: str, as_of: str, comparator: str,
              xs: np.ndarray, known: str, **dims: str) -> list[tuple[float, str]]:
    rows = [claim_row(claim_id=f"m{i:03d}", origin="grid", origin_date=as_of, text="grid",
                      measure=measure, as_of=as_of, value=float(x), comparator=comparator,
                      **dims) for i, x in enumerate(xs)]
    out = C.check(pd.DataFrame(rows, columns=CLAIM_COLS), est, known=known)
    return sorted(zip(out["value"].astype(float), out["verdict"]))


#: (measure, date, grid of X, dimensions): dates with several sources and, for deaths,
#: estimates beyond the documented counts (SOHR's 120,000 of 2013 and 606,000 of 2021)
GRIDS = [
    ("deaths_total", "2022-03-15", np.arange(450_000, 850_001, 12_500), {}),
    ("deaths_total", "2013-06-15", np.arange(80_000, 180_001, 4_000), {}),
    ("deaths_total", "2016-03-15", np.arange(250_000, 600_001, 12_500), {}),
    ("refugees_registered", "2015-07-15", np.arange(3_000_000, 5_000_001, 100_000), {}),
    ("idps", "2018-03-15", np.arange(4_000_000, 9_000_001, 250_000), {}),
    ("refugee_returns", "2025-06-30", np.arange(200_000, 1_500_001, 50_000),
     {"period_start": "2024-12-08", "period_type": "cumulative"}),
]


@pytest.mark.parametrize("known", ["now", "then"])
@pytest.mark.parametrize("measure,as_of,xs,dims", GRIDS)
def test_more_than_x_never_gets_more_favourable_as_x_rises(est, measure, as_of, xs, dims,
                                                           known) -> None:
    seq = [(x, v) for x, v in _verdicts(est, measure, as_of, "at_least", xs, known, **dims)
           if v in _RANK]
    worst = ("", -1)
    for x, v in seq:
        assert _RANK[v] >= worst[1], (f"'more than {x:,.0f}' is {v} after "
                                      f"'more than {worst[0]}' was worse")
        worst = (f"{x:,.0f}", _RANK[v])


@pytest.mark.parametrize("known", ["now", "then"])
@pytest.mark.parametrize("measure,as_of,xs,dims", GRIDS)
def test_fewer_than_x_never_gets_more_favourable_as_x_falls(est, measure, as_of, xs, dims,
                                                            known) -> None:
    seq = [(x, v) for x, v in _verdicts(est, measure, as_of, "less_than", xs, known, **dims)
           if v in _RANK][::-1]
    worst = ("", -1)
    for x, v in seq:
        assert _RANK[v] >= worst[1], (f"'fewer than {x:,.0f}' is {v} after "
                                      f"'fewer than {worst[0]}' was worse")
        worst = (f"{x:,.0f}", _RANK[v])


def test_more_than_650000_in_march_2022_is_not_consistent(est) -> None:
    # every published number of the time is below it (SOHR's estimate: more than 606,000 to
    # May 2021; its documented count 494,438); it was consistent only because the pooled
    # median (about 689,000) lies above it, while 'more than 600,000' was contested
    out = dict(_verdicts(est, "deaths_total", "2022-03-15", "at_least",
                         np.array([600_000, 650_000]), "now"))
    assert out[600_000] == "contested" and out[650_000] == "contested"


@pytest.mark.parametrize("known", ["now", "then"])
def test_shipped_un_2015_floor_stays_consistent(est, known) -> None:
    # the UN's 'more than 250,000' of August 2015: as known then no source had published as
    # much (SOHR 230,618 to 8 May 2015), but that running total could reach it by the end
    # of August at its pace, so the rule leaves it consistent (a reverted attempt flipped it)
    claims = C.load_claims()
    row = claims[claims["claim_id"] == "un-2015-08-more-than-250k"]
    out = C.check(row, est, known=known)
    assert out["verdict"].iloc[0] == "consistent"


def test_floor_unpublished_is_named(est) -> None:
    # 'more than 5 million registered refugees' on 14 April 2016: UNHCR's 4.8 million of 30
    # March 2016 is the highest number published by then (5 million was passed in 2017)
    out = C.check(pd.DataFrame([claim_row(
        claim_id="x", origin="t", origin_date="2016-04-14", text="x",
        measure="refugees_registered", as_of="2016-04-14", value=5_000_000.0,
        comparator="at_least")], columns=CLAIM_COLS), est, known="then")
    assert out["verdict"].iloc[0] == "contested"
    assert "(rule: floor_unpublished)" in out["explanation"].iloc[0]
    assert "floor_unpublished" in C.COMPARATOR_RULES


# --- perpetrator: one perpetrator's victims against the same perpetrator's figures ---------

def _one(est, known="now", **fields) -> pd.Series:
    out = C.check(pd.DataFrame([claim_row(claim_id="p", origin="t", text="x", **fields)],
                               columns=CLAIM_COLS + ["perpetrator"]), est, known=known)
    return out.iloc[0]


def test_a_perpetrators_victims_are_judged_against_its_own_figures(est) -> None:
    # SNHR: 3,454 civilians killed by government forces and their allies in the first half
    # of 2018 (snhr-2018-h1-perp-government-and-allies); 'about 3,400' agrees with it
    r = _one(est, origin_date="2018-07-01", measure="deaths_civilian", as_of="2018-06-30",
             value=3400.0, comparator="about", period_start="2018-01-01", period_type="flow",
             group="civilians", perpetrator="government_and_allies")
    assert r["verdict"] == "consistent"
    assert "snhr-2018-h1-perp-government-and-allies" in r["estimate_ids"]
    assert "victims of government_and_allies" in r["dimensions"]


def test_a_perpetrators_victims_far_above_its_figure_are_overstated(est) -> None:
    # ISIS killed 205 civilians in SNHR's count for January-June 2018, not 3,000 (the
    # all-perpetrator total of the half-year would have made 3,000 look fine)
    r = _one(est, origin_date="2018-07-01", measure="deaths_civilian", as_of="2018-06-30",
             value=3000.0, comparator="about", period_start="2018-01-01", period_type="flow",
             group="civilians", perpetrator="isis")
    assert r["verdict"] == "above_all"
    assert "snhr-2018-h1-perp-isis" in r["estimate_ids"]


def test_a_perpetrator_without_figures_stays_not_checkable(est) -> None:
    # no registry figure for Turkey's victims among SNHR's civilians of 2018's first half
    r = _one(est, origin_date="2018-07-01", measure="deaths_civilian", as_of="2018-06-30",
             value=50.0, comparator="about", period_start="2018-01-01", period_type="flow",
             group="civilians", perpetrator="turkey")
    assert r["verdict"] == "not_checkable"
    assert "(rule: perpetrator)" in r["explanation"]


# --- running bracket as known then: the explanation says which rule gave which verdict -------

def test_a_replaced_pace_verdict_is_not_quoted_as_the_verdict() -> None:
    # 'more than 1.3 million returned' a day after UNHCR's 1.21 million: earlier_only's pace
    # bound calls it overstated; as known then a ceiling published later (1.35 million to
    # 7 January 2026) makes it not_checkable (hindsight), and the explanation no longer
    # opens a sentence with "Overstated" as though that were the verdict
    from syriastats import check_text
    r = check_text("Since the fall of Assad, more than 1.3 million Syrian refugees have "
                   "returned, UNHCR said.", published="2025-12-01", known="then")
    text = r["explanation"].iloc[0]
    assert r["verdict"].iloc[0] == "not_checkable"
    assert "Overstated (rule: earlier_only)" not in text
    assert "the pace bound gave overstated (rule: earlier_only)" in text


@pytest.mark.parametrize("value,verdict", [(270_000.0, "consistent"), (330_000.0, "not_checkable")])
def test_a_running_total_within_its_pace_from_a_known_floor_is_consistent_then(
        est, value, verdict) -> None:
    # refugee returns since 8 December 2024, said on 5 February 2025: UNHCR's 195,200 of 16
    # January was known (an average 5,005 a day over 39 days: about 295,000 by 5 February);
    # 'about 270,000' is consistent as known then, 'about 330,000' beyond that pace is not
    r = _one(est, known="then", origin_date="2025-02-05", measure="refugee_returns",
             as_of="2025-02-05", value=value, comparator="about", period_start="2024-12-08",
             period_type="cumulative")
    assert r["verdict"] == verdict
    if verdict == "consistent":
        assert "(rule: pace_then)" in r["explanation"]
