"""Claims carry the registry's dimensions (issue 12): a claim is compared only with
figures of its host, area, group and period, or the checker says which dimension it
widened; 'less than'; verdict classes; legacy measure names; superseded figures."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.sources import load_estimates, load_sources, with_sources

CLAIM_COLS = ["claim_id", "origin", "origin_date", "origin_url", "text", "measure", "as_of",
              "value", "comparator", "notes", "period_start", "period_type", "area", "host",
              "group"]


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def claim(cid: str, measure: str, as_of: str, value: float, comparator: str = "about",
          **dims) -> dict:
    row = {"claim_id": cid, "origin": "Test outlet", "origin_date": dims.pop("origin_date", as_of),
           "origin_url": "https://example.org/a", "text": cid, "measure": measure,
           "as_of": as_of, "value": value, "comparator": comparator, "notes": ""}
    return {**{c: None for c in CLAIM_COLS}, **row, **dims}


def judge(rows: list[dict], est: pd.DataFrame, known: str = "now") -> pd.DataFrame:
    return C.check(pd.DataFrame(rows, columns=CLAIM_COLS), est, known=known).set_index("claim_id")


def _ids(r: pd.Series) -> list[str]:
    return [i for i in str(r["estimate_ids"]).split(";") if i]


# ------------------------------------------------------------------ the examples


def test_turkey_hosts_more_than_2_7_million_is_judged_against_turkey_only(registry) -> None:
    out = judge([claim("tur", "refugees_registered", "2016-12", 2_700_000, "at_least", host="TUR"),
                 claim("legacy", "refugees_registered_by_host", "2016-12", 2_700_000, "at_least",
                       host="TUR")], registry)
    for cid in ("tur", "legacy"):
        r = out.loc[cid]
        ids = _ids(r)
        assert ids and all(i.endswith("-tur") for i in ids), ids
        assert r["verdict"] != "above_all"  # Egypt's 115,204 is not in the pool
        assert r["verdict_class"] == "consistent"
        assert "host TUR" in r["dimensions"]


def test_a_per_host_legacy_claim_without_its_country_is_not_checkable(registry) -> None:
    r = judge([claim("nohost", "refugees_registered_by_host", "2016-12", 2_700_000,
                     "at_least")], registry).loc["nohost"]
    assert r["verdict"] == "not_checkable" and r["verdict_class"] == "not_checkable"
    assert "host" in r["reason"] and "never pooled" in r["reason"]


def test_36000_killed_in_2012_is_judged_against_one_year_tolls_only(registry) -> None:
    r = judge([claim("y2012", "deaths_total", "2012", 36_000, period_start="2012")],
              registry).loc["y2012"]
    ids = _ids(r)
    used = registry.set_index("estimate_id").loc[ids]
    assert "sohr-year-2012" in ids  # SOHR's 49,294 documented deaths in 2012
    assert (used["period_type"].astype(str) == "flow").all()
    assert (used["period_start"] == pd.Timestamp("2012-01-01")).all()
    assert (used["period_end"] == pd.Timestamp("2012-12-31")).all()
    assert set(used["group"].astype(str)) <= {"all", "all_except_government_forces"}  # no children
    assert (used["role"].astype(str) != "superseded").all()  # revised first statements left out
    # never judged against a war toll (about 60,000 by the end of 2012: understated); against
    # 2012's tolls it is within 5 % of SNHR's documented 36,332 (snhr-year-2012) and within
    # 3x of SOHR's 49,294: a monitor's lower documented floor (COMPARATOR_RULES['monitor_floor'])
    assert r["verdict_class"] == "consistent" and "monitor_floor" in r["explanation"]
    assert "within 2012-01-01 to 2012-12-31" in r["dimensions"]
    if (used["group"].astype(str) != "all").any():
        assert r["widened"].startswith("group:")
    # as known at the end of 2012, only SOHR's first count of 2012 (39,362, published on 31
    # December 2012, later revised to 49,294) existed: the superseded figure is used while
    # its revision was not yet published, and a documented count is a floor
    then = judge([claim("y2012", "deaths_total", "2012", 36_000, period_start="2012")], registry,
                 known="then").loc["y2012"]
    assert _ids(then) == ["sohr-year-2012-v2012"]
    # one year's toll is a monitor's count: 36,000 is below SOHR's 39,362 but within the
    # spread of monitors' counts of one period (3x), so not understated (monitor_floor)
    assert then["verdict"] == "consistent" and "monitor_floor" in then["explanation"]
    assert "without the rule the verdict would be below_all" in then["explanation"]
    # without a period the same words are a cumulative toll from the war's start
    r2 = judge([claim("cum", "deaths_total", "2012-12-31", 36_000)], registry).loc["cum"]
    assert "sohr-year-2012" not in _ids(r2)
    assert "from the war's start" in r2["dimensions"]


def test_less_than_80000_returned_in_2017(registry) -> None:
    out = judge([claim("lt80", "refugee_returns", "2017", 80_000, "less_than", period_start="2017"),
                 claim("lt50", "refugee_returns", "2017", 50_000, "less_than", period_start="2017"),
                 claim("dflt", "refugee_returns", "2017", 80_000, "less_than")], registry)
    assert _ids(out.loc["lt80"]) == ["unhcr-rdf-refugee-returns-2017"]  # 77,212 returned in 2017
    assert out.loc["lt80", "verdict"] == "consistent"
    assert out.loc["lt50", "verdict"] == "below_all"
    assert out.loc["lt50", "verdict_class"] == "understated"
    # no period given: a flow measure is read within the calendar year of as_of, and said so
    assert _ids(out.loc["dflt"]) == ["unhcr-rdf-refugee-returns-2017"]
    assert "period_start" in out.loc["dflt", "explanation"]


# ------------------------------------------------------------------ dimensions, synthetic


def _est(eid: str, measure: str, central: float, *, host=None, group="all", period_type="stock",
         start="2016-06-30", end="2016-06-30", published="2016-07-15", method="registration",
         role="headline", superseded_by=None, area="SYR") -> dict:
    return {"estimate_id": eid, "source_id": f"s-{eid}", "publisher": f"P {eid}", "measure": measure,
            "scope": "test", "method": method, "period_start": start, "period_end": end,
            "low": None, "central": central, "high": None, "qualifier": "exact",
            "range_type": "none", "range_level": None, "margin": None, "published": published,
            "period_type": period_type, "area": area, "host": host, "group": group,
            "perpetrator": None, "role": role, "superseded_by": superseded_by, "notes": ""}


def test_hosts_are_never_pooled_and_the_region_is_the_default() -> None:
    est = pd.DataFrame([_est("tur", "refugees_registered", 2_750_000, host="TUR"),
                        _est("egy", "refugees_registered", 115_000, host="EGY"),
                        _est("reg", "refugees_registered", 4_800_000, host="REGION")])
    out = judge([claim("t", "refugees_registered", "2016-06-30", 2_700_000, host="TUR"),
                 claim("r", "refugees_registered", "2016-06-30", 4_800_000),
                 claim("x", "refugees_registered", "2016-06-30", 2_700_000, host="JOR")], est)
    assert _ids(out.loc["t"]) == ["tur"]
    assert _ids(out.loc["r"]) == ["reg"] and "host" in out.loc["r", "explanation"]
    assert out.loc["x", "verdict"] == "not_checkable"
    assert "host EGY, REGION, TUR" in out.loc["x", "reason"]


def test_areas_and_groups_are_not_pooled_silently() -> None:
    est = pd.DataFrame([
        _est("syr", "deaths_total", 300_000, period_type="cumulative", start="2011-03",
             method="statistical_estimate"),
        _est("alep", "deaths_total", 50_000, period_type="cumulative", start="2011-03", area="SY-HL",
             method="statistical_estimate"),
        _est("vdc", "deaths_total", 280_000, period_type="cumulative", start="2011-03",
             group="all_except_government_forces", method="statistical_estimate"),
        _est("kids", "deaths_civilian", 20_000, period_type="cumulative", start="2011-03",
             group="children", method="statistical_estimate"),
        _est("civ", "deaths_civilian", 100_000, period_type="cumulative", start="2011-03",
             group="civilians", method="statistical_estimate")])
    out = judge([claim("all", "deaths_total", "2016-06-30", 300_000),
                 claim("alep", "deaths_total", "2016-06-30", 50_000, area="SY-HL"),
                 claim("civ", "deaths_civilian", "2016-06-30", 100_000)], est)
    assert sorted(_ids(out.loc["all"])) == ["syr", "vdc"]
    assert "group: also figures for all_except_government_forces (vdc)" in out.loc["all", "widened"]
    assert _ids(out.loc["alep"]) == ["alep"] and out.loc["alep", "widened"] == ""
    assert _ids(out.loc["civ"]) == ["civ"]  # children are not pooled with all civilians


def test_returns_since_a_date_are_not_pooled_with_calendar_years() -> None:
    est = pd.DataFrame([
        _est("y2025", "refugee_returns", 1_300_000, host="WORLD", period_type="flow",
             start="2025-01-01", end="2025-12-31", published="2026-01-15"),
        _est("since", "refugee_returns", 1_200_000, host="WORLD", period_type="cumulative",
             start="2024-12-08", end="2025-12-08", published="2025-12-10")])
    out = judge([claim("s", "refugee_returns", "2025-12-08", 1_200_000, period_start="2024-12-08",
                       period_type="cumulative"),
                 claim("y", "refugee_returns", "2025", 1_300_000, period_start="2025")], est)
    assert _ids(out.loc["s"]) == ["since"] and _ids(out.loc["y"]) == ["y2025"]


def test_superseded_figures_are_used_only_before_their_revision() -> None:
    est = pd.DataFrame([
        _est("old", "refugees", 6_800_000, host="WORLD", end="2022-12-31", start="2022-12-31",
             published="2023-04-15", role="superseded", superseded_by="new"),
        _est("new", "refugees", 6_550_000, host="WORLD", end="2022-12-31", start="2022-12-31",
             published="2025-12-01")])
    rows = [claim("c", "refugees", "2022-12-31", 6_800_000, origin_date="2023-06-01")]
    assert _ids(judge(rows, est, known="then").loc["c"]) == ["old"]
    assert _ids(judge(rows, est, known="now").loc["c"]) == ["new"]
    # the legacy name of the worldwide statistic reads the same figures
    legacy = [claim("c", "refugees_worldwide", "2022-12-31", 6_800_000, origin_date="2023-06-01")]
    assert _ids(judge(legacy, est, known="now").loc["c"]) == ["new"]


def test_every_verdict_has_a_class(registry) -> None:
    assert set(C.VERDICT_CLASSES) == set(C.VERDICTS)
    assert set(C.VERDICT_CLASSES.values()) == {"consistent", "overstated", "understated",
                                               "misscoped", "contested", "not_checkable"}
    out = C.check(C.load_claims(), registry, known="then")
    assert out["verdict_class"].notna().all()
    assert (out["verdict_class"] == out["verdict"].map(C.VERDICT_CLASSES)).all()
    assert {"dimensions", "widened", "verdict_class"} <= set(C.OUTPUT_COLUMNS)


def test_claim_dimension_columns_are_validated(tmp_path) -> None:
    from syriastats.sources import load_claims

    f = tmp_path / "c.csv"
    pd.DataFrame([
        claim("host-on-idps", "idps", "2016", 6_000_000, host="TUR"),
        claim("area-lbn", "deaths_total", "2016", 6_000, area="LBN"),
        claim("flow-no-start", "deaths_total", "2016", 6_000, period_type="flow"),
        claim("legacy-no-host", "refugees_by_host", "2016", 6_000),
        claim("ok", "refugees", "2016", 6_000_000, host="DEU", period_type="stock"),
    ], columns=CLAIM_COLS).to_csv(f, index=False)
    df = load_claims(f, on_error="collect")
    msgs = {(p.record_id, p.column) for p in df.attrs["problems"]}
    assert ("host-on-idps", "host") in msgs and ("area-lbn", "area") in msgs
    assert ("flow-no-start", "period_start") in msgs and ("legacy-no-host", "host") in msgs
    assert list(df["claim_id"]) == ["ok"]


# ------------------------------------------------------------------ levels and their dates


def _series(*figs: tuple[str, str, float]) -> pd.DataFrame:
    """Figures (id, date, number) of one series: one publisher, one method, host LBN."""
    rows = [_est(eid, "refugees_registered", v, host="LBN", start=d, end=d, published=d)
            for eid, d, v in figs]
    for r in rows:
        r["publisher"] = "UNHCR"
    return pd.DataFrame(rows)


def test_a_level_between_two_figures_of_a_series_is_read_between_them() -> None:
    # 0.8 million in December, 1.15 million in August: on 3 April the level lies between.
    # Read from the nearer figure alone (December, +-2 %), 'about 1 million' would be
    # higher than every source.
    est = _series(("dec", "2013-12-31", 800_000), ("aug", "2014-08-31", 1_150_000))
    r = judge([claim("mid", "refugees_registered", "2014-04-03", 1_000_000, host="LBN")],
              est).loc["mid"]
    assert sorted(_ids(r)) == ["aug", "dec"]
    assert r["verdict"] == "consistent"


def test_an_old_level_on_one_side_cannot_call_a_claim_wrong() -> None:
    est = _series(("dec", "2013-12-31", 800_000))
    out = judge([claim("high", "refugees_registered", "2014-04-03", 1_000_000, "at_least",
                       host="LBN"),
                 claim("same", "refugees_registered", "2014-04-03", 800_000, host="LBN"),
                 claim("near", "refugees_registered", "2014-01-31", 1_000_000, "at_least",
                       host="LBN")], est)
    # 93 days after the only figure: it cannot show 'more than 1 million' too high
    assert out.loc["high", "verdict"] == "not_checkable"
    assert "within 92 days" in out.loc["high", "reason"] and "dec" in out.loc["high", "reason"]
    # agreeing with it stays a verdict (the explanation dates the figure)
    assert out.loc["same", "verdict"] == "consistent"
    # 31 days after it, a figure that close still shows the claim too high
    assert out.loc["near", "verdict"] == "above_all"


def test_a_later_running_total_cannot_show_a_claim_too_low() -> None:
    # returns since 8 December 2024 counted to 12 April 2025: 400,000. In January the
    # count was lower, so 'about 200,000' then cannot be called understated; but
    # 'more than 500,000' then is above a total counted three months later.
    est = pd.DataFrame([_est("apr", "refugee_returns", 400_000, host="REGION",
                             period_type="cumulative", start="2024-12-08", end="2025-04-12",
                             published="2025-04-15")])
    dims = {"host": "REGION", "period_type": "cumulative", "period_start": "2024-12-08"}
    out = judge([claim("low", "refugee_returns", "2025-01-18", 200_000, **dims),
                 claim("high", "refugee_returns", "2025-01-18", 500_000, "at_least", **dims),
                 claim("close", "refugee_returns", "2025-04-01", 200_000, **dims)], est)
    assert out.loc["low", "verdict"] == "not_checkable"
    assert "only grows" in out.loc["low", "reason"] and "apr" in out.loc["low", "reason"]
    assert out.loc["high", "verdict"] == "above_all"
    # 11 days before the count, a total that close still shows the claim too low
    assert out.loc["close", "verdict"] == "below_all"


def test_an_earlier_running_total_over_a_small_part_of_the_period_cannot_show_a_claim_too_high(
) -> None:
    # returns since 8 December 2024 counted to 16 January 2025: 195,200 (39 days). A claim
    # of 'about 1 million' on 20 June 2025 (194 days) cannot be called too high from it: the
    # count covers a fifth of the claim's period and only grows. It can still be called too
    # low ('about 100,000' in June is below what was counted by January). A toll counted
    # to a date near the claim's (most of its period) still shows a claim too high.
    est = pd.DataFrame([
        _est("jan", "refugee_returns", 195_200, host="REGION", period_type="cumulative",
             start="2024-12-08", end="2025-01-16", published="2025-01-17"),
        _est("may16", "deaths_total", 280_000, period_type="cumulative",
             start="2011-03-15", end="2016-05-31", published="2016-06-01")])
    dims = {"host": "REGION", "period_type": "cumulative", "period_start": "2024-12-08"}
    out = judge([claim("high", "refugee_returns", "2025-06-20", 1_000_000, **dims),
                 claim("low", "refugee_returns", "2025-06-20", 100_000, **dims),
                 claim("toll", "deaths_total", "2016-08-01", 1_000_000, period_type="cumulative",
                       period_start="2011-03-15")], est)
    assert out.loc["high", "verdict"] == "not_checkable"
    assert "only grows" in out.loc["high", "reason"] and "jan" in out.loc["high", "reason"]
    assert out.loc["low", "verdict"] == "below_all"
    assert out.loc["toll", "verdict"] == "above_all"
