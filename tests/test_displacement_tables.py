"""Displacement tables (notebook 07): which rows each table keeps, how it lays them out,
and that ambiguous input is refused. Inputs are small hand-made registries; expected
values are written out by hand from those inputs."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats import displacement_tables as D


def _rows(rows: list[dict]) -> pd.DataFrame:
    base = dict(estimate_id="x", source_id="s", measure="refugees", period_type="stock", area="SYR",
                host=None, role="headline", period_start="2020-12-31", period_end="2020-12-31",
                central=1.0, qualifier="exact", publisher="P")
    df = pd.DataFrame([{**base, **r} for r in rows])
    for c in ("period_start", "period_end"):
        df[c] = pd.to_datetime(df[c])
    for c in ("measure", "period_type", "area", "host", "role"):
        df[c] = df[c].astype("category")
    df["central"] = df["central"].astype("Float64")
    return df


def test_refugees_by_host_year_pivots_one_release_and_keeps_host_order() -> None:
    df = _rows([
        dict(estimate_id="a", host="LBN", central=10, period_end="2020-12-31"),
        dict(estimate_id="b", host="TUR", central=20, period_end="2020-12-31"),
        dict(estimate_id="c", host="TUR", central=30, period_end="2021-12-31"),
        dict(estimate_id="d", host="TUR", central=99, period_end="2021-06-30"),          # mid-year: out
        dict(estimate_id="e", host="TUR", central=98, source_id="other"),                 # other release: out
        dict(estimate_id="f", host="TUR", central=97, measure="refugees_registered"),      # other measure: out
        dict(estimate_id="g", host="TUR", central=96, role="superseded", period_end="2019-12-31"),
    ])
    t = D.refugees_by_host_year(df, "s", hosts=("TUR", "LBN", "JOR"))
    assert list(t.columns) == ["TUR", "LBN"]          # JOR has no figure: no empty column
    assert list(t.index) == [2020, 2021]
    assert t.loc[2020, "TUR"] == 20 and t.loc[2021, "TUR"] == 30 and t.loc[2020, "LBN"] == 10
    assert pd.isna(t.loc[2021, "LBN"])


def test_refugees_by_host_year_refuses_two_figures_for_one_cell() -> None:
    df = _rows([dict(estimate_id="a", host="TUR", central=1), dict(estimate_id="b", host="TUR", central=2)])
    with pytest.raises(ValueError, match="a, b"):
        D.refugees_by_host_year(df, "s")


def test_returns_since_fall_keeps_cumulative_counts_from_8_december_only() -> None:
    df = _rows([
        dict(estimate_id="r1", measure="refugee_returns", period_type="cumulative", host="WORLD",
             period_start="2024-12-08", period_end="2025-01-16", central=195200),
        dict(estimate_id="r2", measure="refugee_returns", period_type="cumulative", host="WORLD",
             period_start="2024-12-08", period_end="2024-12-27", central=58350),
        dict(estimate_id="i1", measure="idp_returns", period_type="cumulative",
             period_start="2024-12-08", period_end="2025-01-02", central=486000),
        dict(estimate_id="y", measure="refugee_returns", period_type="flow", host="WORLD",
             period_start="2025-01-01", period_end="2025-12-31", central=1341148),       # yearly flow: out
        dict(estimate_id="n", measure="idp_returns", period_type="cumulative",
             period_start="2024-11-01", period_end="2025-02-28", central=750000),         # other start: out
    ])
    r = D.returns_since_fall(df)
    assert list(r["estimate_id"]) == ["r2", "r1", "i1"]   # refugees first, then by date
    assert list(r["who"]) == ["refugees", "refugees", "IDPs"]
    assert r.loc[2, "host"] == ""
    latest = D.latest_by_host(r)
    assert list(latest["estimate_id"]) == ["r1", "i1"]


def test_idps_by_governorate_orders_governorates_and_shares_sum_to_one() -> None:
    df = _rows([
        dict(estimate_id="g1", measure="idps", area="SY-ID", central=300, period_end="2025-12-31"),
        dict(estimate_id="g2", measure="idps", area="SY-HL", central=100, period_end="2025-12-31"),
        dict(estimate_id="g3", measure="idps", area="SY-HL", central=50, period_end="2024-12-31"),
        dict(estimate_id="n", measure="idps", area="SYR", central=999, period_end="2025-12-31"),  # national: out
    ])
    t = D.idps_by_governorate(df, "s")
    assert list(t.index) == ["Aleppo", "Idlib"]           # GOVERNORATES order, not input order
    assert list(t["area"]) == ["SY-HL", "SY-ID"]
    assert pd.isna(t.loc["Idlib", 2024])
    s = D.governorate_shares(t, 2025)
    assert list(s.index) == ["Idlib", "Aleppo"]
    assert s["share"].tolist() == pytest.approx([0.75, 0.25])
    with pytest.raises(ValueError):
        D.governorate_shares(t, 2019)


def test_national_idps_and_people_in_need() -> None:
    df = _rows([
        dict(estimate_id="u", measure="idps", source_id="unhcr", central=7.4e6, period_end="2024-12-31"),
        dict(estimate_id="m", measure="idps", source_id="idmc", central=7.409e6, period_end="2024-12-31"),
        dict(estimate_id="o", measure="idps", source_id="unhcr", central=7.2e6, period_end="2024-02-29"),  # not year end
        dict(estimate_id="p2", measure="people_in_need", central=16.5e6, period_end="2025-01-31"),
        dict(estimate_id="p1", measure="people_in_need", central=16.7e6, period_end="2024-02-29"),
    ])
    n = D.national_idps_by_year(df, {"UNHCR": "unhcr", "IDMC": "idmc"})
    assert list(n.index) == [2024] and n.loc[2024, "IDMC"] == 7.409e6
    p = D.people_in_need(df)
    assert list(p["estimate_id"]) == ["p1", "p2"]


def test_in_thousands_rounds_numbers_and_leaves_text() -> None:
    df = pd.DataFrame({"n": pd.array([1499.0, 1500.0, None], dtype="Float64"), "t": ["a", "b", "c"]})
    out = D.in_thousands(df)
    assert out["n"].tolist()[:2] == [1, 2] and pd.isna(out["n"].iloc[2])
    assert out["t"].tolist() == ["a", "b", "c"]


def test_missing_column_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="lack the column"):
        D.people_in_need(pd.DataFrame({"measure": []}))


def test_yearly_returns_takes_worldwide_refugee_flows_and_idp_flows() -> None:
    df = _rows([
        dict(estimate_id="w", measure="refugee_returns", period_type="flow", host="WORLD",
             period_start="2025-01-01", period_end="2025-12-31", central=1341148),
        dict(estimate_id="t", measure="refugee_returns", period_type="flow", host="TUR",
             period_start="2025-01-01", period_end="2025-12-31", central=556009),       # one host: out
        dict(estimate_id="i", measure="idp_returns", period_type="flow",
             period_start="2016-01-01", period_end="2016-12-31", central=600000),
    ])
    y = D.yearly_returns(df, "s")
    assert list(y.index) == [2016, 2025]
    assert y.loc[2025, "refugees"] == 1341148 and pd.isna(y.loc[2025, "IDPs"])
    assert y.loc[2016, "IDPs"] == 600000


def test_governorate_cells_never_stand_for_the_national_idp_figure() -> None:
    """summaries.series and the displacement chart pick one figure per publisher and date;
    a governorate's IDPs (same publisher, same date) must not be taken for the national
    figure."""
    from syriastats import summaries
    from syriastats.charts import plot_displacement

    df = _rows([
        dict(estimate_id="u-2016", measure="idps", source_id="u", central=6.3e6, period_end="2016-12-31"),
        dict(estimate_id="u-2016-ta", measure="idps", source_id="u", area="SY-TA", central=0.2e6,
             period_end="2016-12-31"),
        dict(estimate_id="u-2015", measure="idps", source_id="u", central=6.6e6, period_end="2015-12-31"),
    ])
    df = df.assign(published=pd.Timestamp("2026-06-25"), low=pd.NA, high=pd.NA, range_type="none",
                   method="agency_estimate", period_end_text=df["period_end"].dt.strftime("%Y-%m-%d"),
                   published_text="2026-06-25")
    s = summaries.series(df, "idps")
    assert list(s["estimate_id"]) == ["u-2015", "u-2016"]
    _, data = plot_displacement(df, measures=("idps",), start="2015-01-01")
    assert "u-2016-ta" not in set(data["estimate_id"].astype(str))
