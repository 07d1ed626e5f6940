"""Defects a review found in the verdict rules of session 22 (H22v), each with the
reviewer's claim and the registry's real rows: the pace bound as known then, the figures
floor_unpublished carries forward, the perpetrator of special comparators, the perpetrator
reason, one verdict class for a band of X, and floor_unpublished's explanation."""
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

COLS = CLAIM_COLS + ["perpetrator"]
RETURNS = {"measure": "refugee_returns", "period_start": "2024-12-08",
           "period_type": "cumulative"}
CIV = {"measure": "deaths_civilian", "group": "civilians"}


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _check(est: pd.DataFrame, known: str, xs: list[float], **f: str) -> pd.DataFrame:
    rows = [claim_row(claim_id=f"r{i:03d}", origin="review", origin_date=f["as_of"],
                      text="review", value=float(x), **f) for i, x in enumerate(xs)]
    return C.check(pd.DataFrame(rows, columns=COLS), est, known=known)


def test_more_than_x_below_a_total_known_then_is_consistent(est) -> None:
    # IOM's 259,745 returns to February (published 31 March 2025) was known on the claim's
    # date: 'more than 225,000' and 'more than 250,000' hold as known then, as 275,000 does
    # (pace_then); before the fix they were not_checkable (a later ceiling, unknown then)
    out = _check(est, "then", [200_000, 225_000, 250_000, 275_000, 350_000],
                 as_of="2025-03-31", comparator="at_least", **RETURNS)
    assert list(out["verdict"]) == ["consistent"] * 5, list(out["verdict"])


def test_about_x_between_known_totals_is_not_left_unjudged_below_pace(est) -> None:
    # 'about 280,000' lies between 'about 260,000' and 'about 300,000', both consistent as
    # known then; it may not be not_checkable
    out = _check(est, "then", [260_000, 280_000, 300_000], as_of="2025-03-31",
                 comparator="about", **RETURNS)
    assert list(out["verdict"]) == ["consistent"] * 3, list(out["verdict"])


def test_floor_carries_only_the_latest_figure_of_each_publisher(est) -> None:
    # SOHR had documented 230,618 by 8 May 2015 (sohr-2015-05) and the UN said 'more than
    # 250,000' only in August: nobody had published 260,000 by June 2015. SOHR's 'more
    # than 250,000' of August 2014 carried 284 days at three times its pace reached 417,849
    # and made the claim consistent
    r = _check(est, "now", [260_000], as_of="2015-06-01", comparator="at_least",
               measure="deaths_total").iloc[0]
    assert r["verdict"] == "contested", r["explanation"][:300]
    assert "floor_unpublished" in r["explanation"]
    # SOHR's civilians: 94,886 by February 2016 carried forward, while SOHR's own later
    # count of May 2016 was 81,436
    r = _check(est, "now", [92_000], as_of="2016-06-15", comparator="at_least",
               period_type="cumulative", **CIV).iloc[0]
    assert r["verdict"] != "consistent", r["explanation"][:300]


def test_highest_since_compares_only_the_same_perpetrators_figures(est) -> None:
    # SNHR's 889 civilians killed by the transitional government's forces in March 2025
    # (context only) was compared with SNHR's 16,913 of 2016, all perpetrators, and called
    # contradicted; the registry has no series of that perpetrator back to 2012
    r = _check(est, "now", [2012], as_of="2025-03-31", comparator="highest_since",
               period_start="2025-03-01", period_type="flow",
               perpetrator="transitional_government", **CIV).iloc[0]
    assert r["verdict"] == "not_checkable", r["explanation"][:300]
    assert "snhr-year-2016" not in r["explanation"]
    assert "victims of transitional_government" in r["explanation"]


def test_perpetrator_reason_names_the_date_window_when_figures_lie_outside_it(est) -> None:
    # SNHR's running totals of civilians killed by the government and its allies (200,391
    # to June 2022, 202,012 to March 2025) exist, outside the window of a claim of
    # December 2024: the reason may not say the registry holds no such figure
    r = _check(est, "now", [200_000], as_of="2024-12-15", comparator="at_least",
               period_type="cumulative", perpetrator="government_and_allies", **CIV).iloc[0]
    assert r["verdict"] == "not_checkable"
    assert "with the claim's period, area and group" not in r["explanation"]
    assert "snhr-2025-03-perp-government-and-allies" in r["explanation"]
    assert "within the claim's date window" in r["explanation"]


def test_one_verdict_class_for_a_band_above_every_own_scope_number(est) -> None:
    # SOHR's 81,436 civilians (May 2016) is the own scope's highest number: 'more than X'
    # for X from 100,000 to 200,000 was contested up to the pooled median (111,269) and
    # broader_scope_only above it, with the same facts
    out = _check(est, "now", [100_000, 110_000, 115_000, 150_000, 200_000], as_of="2016-06-15",
                 comparator="at_least", period_type="cumulative", **CIV)
    assert len(set(out["verdict"])) == 1, list(out["verdict"])


def test_floor_unpublished_explanation_does_not_claim_a_match(est) -> None:
    # 'more than 400,000' in March 2016: no source published 400,000 (SOHR's 370,000 is the
    # highest); the explanation said 'the claim matches only the lowest of them' (271,138)
    r = _check(est, "now", [400_000], as_of="2016-03-15", comparator="at_least",
               measure="deaths_total").iloc[0]
    assert r["verdict"] == "contested"
    assert "matches only the lowest" not in r["explanation"]
    assert "No comparable source published 400,000 or more" in r["explanation"]


#: How unfavourable a verdict of a bound is; not_checkable is not ranked but may not be
#: followed by consistent as X rises ('more than X') or falls ('fewer than X').
_RANK = {"consistent": 0, "broader_scope_only": 1, "contested": 1, "above_all": 2,
         "below_all": 2}
GRIDS = [
    ("refugee_returns", "2025-03-31", np.arange(150_000, 600_001, 12_500), RETURNS),
    ("refugee_returns", "2025-06-30", np.arange(200_000, 1_500_001, 50_000), RETURNS),
    ("idp_returns", "2025-06-30", np.arange(600_000, 2_500_001, 100_000),
     {"period_start": "2024-12-08", "period_type": "cumulative"}),
    ("deaths_total", "2015-06-01", np.arange(200_000, 420_001, 10_000), {}),
    ("deaths_civilian", "2016-06-15", np.arange(70_000, 230_001, 10_000),
     {"group": "civilians", "period_type": "cumulative"}),
    ("missing_persons", "2023-06-30", np.arange(50_000, 250_001, 10_000), {}),
    ("refugees", "2016-12-31", np.arange(1_500_000, 4_000_001, 125_000), {"host": "TUR"}),
]


@pytest.mark.parametrize("comparator", ["at_least", "less_than"])
@pytest.mark.parametrize("known", ["now", "then"])
@pytest.mark.parametrize("measure,as_of,xs,dims", GRIDS)
def test_bounds_are_monotone_with_not_checkable(est, measure, as_of, xs, dims, known,
                                                comparator) -> None:
    dims = {k: v for k, v in dims.items() if k != "measure"}
    out = _check(est, known, list(xs), as_of=as_of, comparator=comparator, measure=measure,
                 **dims)
    seq = sorted(zip(out["value"].astype(float), out["verdict"]))
    if comparator == "less_than":  # 'fewer than X' may only get worse as X falls
        seq = seq[::-1]
    worst, unjudged = ("", -1), ""
    for x, v in seq:
        if v == "not_checkable":
            unjudged = unjudged or f"{x:,.0f}"
            continue
        assert not (unjudged and v == "consistent"), (
            f"'{comparator} {x:,.0f}' is consistent after not_checkable at {unjudged}")
        if v in _RANK:
            assert _RANK[v] >= worst[1], f"'{comparator} {x:,.0f}' is {v} after {worst[0]}"
            worst = (f"{x:,.0f}", _RANK[v])


def test_an_older_published_number_still_reaches_the_floor(est) -> None:
    # SOHR's 'about 430,000' of September 2016 (an estimate) reaches 'more than 367,000' in
    # April 2017 though SOHR's latest count (321,000, documented) is lower: only carrying
    # forward is limited to each publisher's latest figure, not what was published
    r = _check(est, "now", [367_000], as_of="2017-04-12", comparator="at_least",
               measure="deaths_total").iloc[0]
    assert r["verdict"] == "consistent", r["explanation"][:300]
