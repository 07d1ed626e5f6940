"""Deaths breakdown tables (syriastats.breakdowns) on a small hand-made registry.

The expected values are the hand-written inputs below, not outputs of the code."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import breakdowns


def _row(eid, publisher, measure, start, end, central, *, period_type="flow", area="SYR", group="all",
         perpetrator="all", role="headline", published="2020-01-01", source_id=None):
    return {
        "estimate_id": eid, "source_id": source_id or f"src-{eid}", "publisher": publisher,
        "measure": measure, "period_type": period_type, "area": area, "group": group,
        "perpetrator": perpetrator, "role": role, "period_start": pd.Timestamp(start),
        "period_end": pd.Timestamp(end), "period_start_text": start[:7], "period_end_text": end[:7],
        "central": float(central), "published": pd.Timestamp(published),
    }


@pytest.fixture()
def registry() -> pd.DataFrame:
    rows = [
        # yearly tolls
        _row("sohr-2014", "Syrian Observatory for Human Rights (SOHR)", "deaths_total", "2014-01-01", "2014-12-31", 76021),
        _row("sohr-2015", "Syrian Observatory for Human Rights (SOHR)", "deaths_total", "2015-01-01", "2015-12-31", 55219),
        _row("snhr-2014", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2014-01-01", "2014-12-31", 30000,
             group="civilians"),
        # a correction of SNHR 2014 published later: it must win
        _row("snhr-2014-rev", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2014-01-01", "2014-12-31", 31000,
             group="civilians", published="2021-01-01"),
        _row("ucdp-a-2014", "Uppsala Conflict Data Program (UCDP)", "deaths_battle_related", "2014-01-01", "2014-12-31", 65591,
             source_id="ucdp-a"),
        _row("ucdp-b-2014", "Uppsala Conflict Data Program (UCDP)", "deaths_battle_related", "2014-01-01", "2014-12-31", 63868,
             source_id="ucdp-b"),
        # not yearly flows: must be left out of the yearly table
        _row("sohr-cum", "Syrian Observatory for Human Rights (SOHR)", "deaths_total", "2011-03-01", "2014-12-31", 200000,
             period_type="cumulative"),
        _row("sohr-month", "Syrian Observatory for Human Rights (SOHR)", "deaths_total", "2025-03-01", "2025-03-31", 2644),
        _row("sohr-month-civ", "Syrian Observatory for Human Rights (SOHR)", "deaths_civilian", "2025-03-01", "2025-03-31", 2069,
             group="civilians"),
        _row("sohr-dec", "Syrian Observatory for Human Rights (SOHR)", "deaths_total", "2024-12-08", "2024-12-31", 2354),
        _row("snhr-2014-children", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2014-01-01", "2014-12-31", 5000,
             group="children"),
        _row("ctx-2014", "Syrian Observatory for Human Rights (SOHR)", "deaths_civilian", "2014-01-01", "2014-12-31", 1,
             group="civilians", role="context_only"),
        # perpetrators, SNHR 2016 (total and two attributions), and a governorate split
        _row("snhr-2016", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2016-01-01", "2016-12-31", 16913,
             group="civilians", source_id="snhr-16"),
        _row("snhr-2016-gov", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2016-01-01", "2016-12-31", 8736,
             group="civilians", perpetrator="government_and_allies", source_id="snhr-16"),
        _row("snhr-2016-ru", "Syrian Network for Human Rights (SNHR)", "deaths_civilian", "2016-01-01", "2016-12-31", 3967,
             group="civilians", perpetrator="russia", source_id="snhr-16"),
        _row("ohchr-hl", "Office of the UN High Commissioner for Human Rights (OHCHR)", "deaths_total", "2011-03-01",
             "2021-03-31", 51731, period_type="cumulative", area="SY-HL", source_id="ohchr-21"),
        _row("ohchr-rd", "Office of the UN High Commissioner for Human Rights (OHCHR)", "deaths_total", "2011-03-01",
             "2021-03-31", 47483, period_type="cumulative", area="SY-RD", source_id="ohchr-21"),
    ]
    return pd.DataFrame(rows)


def test_calendar_year_flows_keeps_only_whole_years_for_syria(registry):
    d = breakdowns.calendar_year_flows(registry)
    assert set(d["estimate_id"]) == {"sohr-2014", "sohr-2015", "snhr-2014", "snhr-2014-rev", "ucdp-a-2014",
                                     "ucdp-b-2014", "snhr-2016"}
    assert d["year"].tolist() == sorted(d["year"].tolist())


def test_deaths_by_year_side_by_side(registry):
    t = breakdowns.deaths_by_year(registry, first=2013, last=2016)
    assert list(t.index) == [2013, 2014, 2015, 2016]
    assert t.loc[2014, "SOHR all deaths"] == 76021
    assert t.loc[2015, "SOHR all deaths"] == 55219
    # the later-published SNHR figure replaces the earlier one
    assert t.loc[2014, "SNHR civilians"] == 31000
    # each UCDP release is its own series
    assert t.loc[2014, "UCDP state-based [ucdp-a]"] == 65591
    assert t.loc[2014, "UCDP state-based [ucdp-b]"] == 63868
    assert pd.isna(t.loc[2013, "SOHR all deaths"])
    assert pd.isna(t.loc[2015, "SNHR civilians"])


def test_publishers_per_year_counts_families_once(registry):
    t = breakdowns.publishers_per_year(registry, first=2014, last=2015).set_index("year")
    assert t.loc[2014, "publishers"] == 3  # SOHR, SNHR, UCDP (two UCDP releases count once)
    assert t.loc[2014, "families"] == "SNHR, SOHR, UCDP"
    assert t.loc[2015, "publishers"] == 1


def test_by_perpetrator_joins_total(registry):
    t = breakdowns.by_perpetrator(registry)
    assert len(t) == 1
    row = t.iloc[0]
    assert row["period"] == "2016"
    assert row["total"] == 16913
    assert row["government_and_allies"] == 8736
    assert row["russia"] == 3967
    assert list(t.columns) == ["period", "source_id", "total", "government_and_allies", "russia"]


def test_by_governorate_all_fourteen_rows(registry):
    t = breakdowns.by_governorate(registry)
    assert len(t) == 14
    assert t.index[0] == "Damascus"
    col = t.columns[0]
    assert col.startswith("UN OHCHR / HRDAG all deaths")
    assert t.loc["Aleppo", col] == 51731
    assert t.loc["Rif Dimashq", col] == 47483
    assert pd.isna(t.loc["Tartus", col])


def test_since_december_2024_monthly(registry):
    t = breakdowns.since_december_2024(registry).set_index("month")
    assert list(t.index) == ["2024-12", "2025-03"]
    assert t.loc["2024-12", "SOHR all deaths"] == 2354
    assert t.loc["2025-03", "SOHR civilians"] == 2069


def test_empty_inputs_give_empty_tables(registry):
    none = registry.iloc[0:0]
    assert breakdowns.deaths_by_year(none, 2011, 2012).shape[0] == 2
    assert breakdowns.by_perpetrator(none).empty
    assert breakdowns.by_governorate(none).shape == (14, 0)


def test_round_count():
    assert breakdowns.round_count(76021) == "76,000"
    assert breakdowns.round_count(2644) == "2,600"
    assert breakdowns.round_count(503) == "503"


def test_key_findings_mentions_peak_year_and_governorate(registry):
    lines = breakdowns.key_findings(registry)
    text = " ".join(lines)
    assert "SOHR's deadliest year was 2014, with about 76,000" in text
    assert "Aleppo had the most identified victims, about 52,000; only 2 of 14" in text
    assert "2025 has 0" in text
