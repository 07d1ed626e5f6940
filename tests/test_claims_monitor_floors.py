"""Session 23's verdict rules (H23v): COMPARATOR_RULES['monitor_floor'] (a lower documented
floor of one monitor is not an understatement), ['children_women_all_deaths'] (children and
women among all deaths are the claim's own scope) and the 'up to X' rule of
COMPARATOR_RULES['at_most'] (a possible ceiling anywhere in the plausible range).

Registry rows the expectations are read from (data/estimates.csv):
- snhr-year-2022: SNHR documented 1,057 civilians killed in 2022 (source dated 2023-01, so
  knowable from 2023-01-31); sohr-year-2022-civ: SOHR documented 1,627 (published 2022-12-31).
  Two monitors' floors for one year, 1.54x apart.
- snhr-2025-h1-children / -women: SNHR's 201 children and 194 women among the 2,818 people it
  documented killed in the first half of 2025 (measure deaths_total, groups children/women).
Synthetic rows (tests/test_claims.py helpers) isolate the thresholds: a documented count of
300,000 is the only figure; MONITOR_SPREAD is 2, about_tolerance 5 %.
"""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import claims
from syriastats.claims.monitor_rules import MONITOR_SPREAD
from syriastats.sources import load_estimates, load_sources, with_sources


def est(eid: str, *, central=None, low=None, high=None, method: str = "statistical_estimate",
        end: str = "2016-06-30") -> dict:
    """A synthetic registry row (as tests/test_claims.py's helper): deaths from 2011."""
    return {"estimate_id": eid, "source_id": f"src-{eid}", "publisher": f"Pub {eid}",
            "measure": "deaths_total", "scope": "violent deaths", "method": method,
            "period_start": "2011-03-15", "period_end": end, "low": low, "central": central,
            "high": high, "qualifier": "exact",
            "range_type": "bracket" if low is not None else "none", "range_level": None,
            "margin": None, "published": "2016-07-01"}


def claim(cid: str, value: float, comparator: str = "about") -> dict:
    return {"claim_id": cid, "origin": "Test outlet", "origin_date": "2016-08-01",
            "origin_url": "", "text": f"claim {cid}", "measure": "deaths_total",
            "as_of": "2016-08-01", "value": value, "comparator": comparator, "notes": ""}


def run(claim_rows: list[dict], est_rows: list[dict], **kw) -> pd.DataFrame:
    return claims.check(pd.DataFrame(claim_rows), pd.DataFrame(est_rows), **kw)


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _civ2022(value: float, origin: str, attribution: str = "", group: str = "civilians",
             notes: str = "") -> pd.DataFrame:
    return pd.DataFrame([{
        "claim_id": "c", "origin": "t", "origin_date": origin, "origin_url": "", "text": "t",
        "measure": "deaths_civilian", "as_of": "2022-12-31", "value": value,
        "comparator": "about", "notes": notes, "period_start": "2022-01-01",
        "period_type": "flow", "area": "SYR", "group": group, "attribution": attribution}])


def test_a_monitors_lower_count_within_the_floors_is_consistent(registry) -> None:
    # known now both floors are pooled: 1,057 is SNHR's own documented count, below SOHR's
    # 1,627; without the rule 'contested (matches only the lowest)'
    r = claims.check(_civ2022(1057, "2023-02-15"), registry, known="now").iloc[0]
    assert r["verdict"] == "consistent"
    assert "monitor_floor" in r["explanation"] or "unattributed_match" in r["explanation"]
    r = claims.check(_civ2022(1057, "2023-01-05"), registry, known="now").iloc[0]
    assert r["verdict"] == "consistent" and "monitor_floor" in r["explanation"]


def test_as_known_then_a_year_toll_below_the_only_other_monitor_is_not_understated(registry):
    # on 2023-01-05 only SOHR's 1,627 was knowable: 1,057 (+5 %: 1,110) is below it but
    # above 1,627 / 3 = 542, within the spread of two monitors' counts of one period
    r = claims.check(_civ2022(1057, "2023-01-05"), registry, known="then").iloc[0]
    assert r["verdict"] == "consistent" and "monitor_floor" in r["explanation"]
    assert "without the rule the verdict would be below_all" in r["explanation"]
    # 500 (+5 %: 525) is below 542: further than monitors' counts spread, understated
    low = claims.check(_civ2022(500, "2023-01-05"), registry, known="then").iloc[0]
    assert low["verdict"] == "below_all"
    assert 525 < 1627 / MONITOR_SPREAD


def test_a_claim_below_its_own_publishers_figure_stays_understated(registry) -> None:
    # attributed to SNHR, whose own count of 2022 is 1,057: 'about 800' (+5 %: 840) misquotes it
    r = claims.check(_civ2022(800, "2023-02-15", attribution="SNHR"), registry,
                     known="now").iloc[0]
    assert r["verdict"] == "below_all"
    assert "own publisher's figure (snhr-year-2022)" in r["explanation"]


def test_a_war_total_below_every_documented_floor_stays_understated() -> None:
    # an unattributed total from the war's start, not worded as documented: below the only
    # documented count (300,000) it is understated however close
    doc = [est("doc", central=300_000, method="documented_count", end="2016-06-30")]
    assert run([claim("c", 250_000)], doc, known="now")["verdict"].iloc[0] == "below_all"
    # attributed to a monitor with no figure of its own there it stays so: monitors' war totals
    # lie far closer together than their counts of one period
    c = dict(claim("c", 250_000), attribution="SNHR")
    assert run([c], doc, known="now")["verdict"].iloc[0] == "below_all"


def _year(eid: str, central: float, method: str = "documented_count", **kw) -> dict:
    """A synthetic toll of the year 2015 (a flow)."""
    return dict(est(eid, central=central, method=method, end="2015-12-31", **kw),
                period_start="2015-01-01", period_type="flow")


def _in_2015(x: float) -> dict:
    return dict(claim("c", x), as_of="2015-12-31", origin_date="2016-08-01",
                period_start="2015-01-01", period_type="flow")


def test_a_years_toll_is_consistent_within_the_spread_and_not_beyond() -> None:
    doc = [_year("doc", 300_000)]

    def v(x: float) -> str:
        return run([_in_2015(x)], doc, known="now")["verdict"].iloc[0]

    # one year's toll is a monitor's count: 143,000 (+5 %: 150,150) reaches 300,000 / 2;
    # 140,000 (+5 %: 147,000) does not, nor a third of it (100,000), which the first version
    # (a spread of 3) let pass
    assert v(143_000) == "consistent" and v(250_000) == "consistent"
    assert v(140_000) == "below_all" and v(100_000) == "below_all"
    # monotone in X: once consistent, a larger count stays consistent up to the floor
    seq = [v(x) for x in range(60_000, 300_001, 20_000)]
    first = seq.index("consistent")
    assert all(s == "consistent" for s in seq[first:])
    assert all(s == "below_all" for s in seq[:first])


def test_an_estimate_above_the_claim_keeps_the_verdict() -> None:
    # the rule reads only documented counts as other methods' floors: a statistical estimate
    # above the claim still shows it too low
    rows = [_year("doc", 300_000),
            dict(_year("stat", 400_000, method="statistical_estimate"), low=380_000,
                 high=420_000, range_type="bracket")]
    r = run([_in_2015(290_000)], rows, known="now").iloc[0]
    assert r["verdict"] in ("below_all", "contested") and "monitor_floor" not in r["explanation"]


def test_children_among_all_deaths_are_the_claims_own_scope(registry) -> None:
    c = pd.DataFrame([{
        "claim_id": "k", "origin": "t", "origin_date": "2025-07-10", "origin_url": "",
        "text": "t", "measure": "deaths_civilian", "as_of": "2025-06-30", "value": 201,
        "comparator": "about", "notes": "", "period_start": "2025-01-01",
        "period_type": "flow", "area": "SYR", "group": "children"}])
    r = claims.check(c, registry, known="now").iloc[0]
    # SNHR's 201 children among all deaths of the half year: the same people (was misscoped)
    assert r["verdict"] == "consistent"
    assert "children_women_all_deaths" in r["explanation"]
    assert "snhr-2025-h1-children" in r["estimate_ids"]
    assert "children_women_all_deaths" in r["widened"]


def test_civilians_against_all_deaths_stay_a_broader_scope(registry) -> None:
    # the rule is for children and women only: civilians among all deaths stay broader
    c = pd.DataFrame([{
        "claim_id": "k", "origin": "t", "origin_date": "2025-07-10", "origin_url": "",
        "text": "t", "measure": "deaths_civilian", "as_of": "2025-06-30", "value": 2818,
        "comparator": "about", "notes": "", "period_start": "2025-01-01",
        "period_type": "flow", "area": "SYR", "group": "civilians"}])
    r = claims.check(c, registry, known="now").iloc[0]
    assert r["verdict"] != "consistent"
    assert "children_women_all_deaths" not in r["explanation"]


def test_up_to_x_below_the_median_is_a_possible_ceiling() -> None:
    # one documented count of 300,000: the truth is read as 300,000 to 2.141x it, median
    # above 400,000; 'up to 400,000' is a possible ceiling (within the range, below the
    # median), so consistent
    doc = [est("doc", central=300_000, method="documented_count", end="2016-06-30")]
    r = run([claim("c", 400_000, "at_most")], doc, known="now").iloc[0]
    assert r["median"] > 400_000 and r["lower"] <= 400_000
    assert r["verdict"] == "consistent"
    # below the documented count the stated ceiling is too low
    assert run([claim("c", 250_000, "at_most")], doc, known="now")["verdict"].iloc[0] == \
        "below_all"
