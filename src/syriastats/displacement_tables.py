"""Displacement tables for the story after 8 December 2024 (notebook 07).

Each function takes the registry's estimates (optionally joined with their sources by
:func:`syriastats.with_sources`) and returns a new DataFrame in a stable order. Which
figures a table holds is decided by the registry's columns only (``measure``,
``period_type``, ``area``, ``host``, ``period_start``, ``role``), never by reading the
prose in ``scope`` or ``notes``. Values are persons, as in ``central``.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd

#: The date the government of Bashar al-Assad fell; returns are counted from it.
FALL_OF_GOVERNMENT = pd.Timestamp("2024-12-08")

#: ISO 3166-2 governorate codes of Syria -> the English names used in the tables.
GOVERNORATES: dict[str, str] = {
    "SY-HL": "Aleppo", "SY-RD": "Rif Dimashq", "SY-DI": "Damascus", "SY-HI": "Homs",
    "SY-HM": "Hama", "SY-ID": "Idlib", "SY-LA": "Latakia", "SY-TA": "Tartus",
    "SY-DR": "Daraa", "SY-SU": "As-Suwayda", "SY-QU": "Quneitra", "SY-DY": "Deir ez-Zor",
    "SY-HA": "Al-Hasakah", "SY-RA": "Raqqa",
}

#: The neighbouring hosts, Germany, then the regional and worldwide totals (column order).
MAIN_HOSTS: tuple[str, ...] = ("TUR", "LBN", "JOR", "IRQ", "EGY", "DEU", "REGION", "WORLD")


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: the estimates lack the column(s) {', '.join(missing)}")


def _usable(df: pd.DataFrame) -> pd.DataFrame:
    """Rows the suite may use as figures (drops superseded ones)."""
    return df[df["role"].astype("string") != "superseded"]


def refugees_by_host_year(estimates: pd.DataFrame, source_id: str,
                          hosts: Sequence[str] = MAIN_HOSTS) -> pd.DataFrame:
    """Year-end refugee statistics of one data release, one column per host.

    Takes the ``refugees`` stocks dated 31 December from ``source_id`` (one release of
    UNHCR's statistics, so the years are comparable) and returns a table indexed by year
    (int) with one column per host in ``hosts`` (ISO alpha-3, ``REGION`` or ``WORLD``), in
    persons; a year a host has no figure for is missing (``<NA>``). Raises ``ValueError``
    if the release holds two figures for one host and year.
    """
    _require(estimates, ["source_id", "measure", "period_type", "host", "period_end", "central", "role"],
             "refugees_by_host_year")
    e = _usable(estimates)
    e = e[(e["source_id"] == source_id) & (e["measure"].astype("string") == "refugees")
          & (e["period_type"].astype("string") == "stock")
          & e["host"].astype("string").isin(list(hosts))]
    e = e[(e["period_end"].dt.month == 12) & (e["period_end"].dt.day == 31)]
    e = e.assign(year=e["period_end"].dt.year.astype(int), host=e["host"].astype("string"))
    dup = e[e.duplicated(["year", "host"], keep=False)]
    if not dup.empty:
        ids = ", ".join(sorted(dup["estimate_id"].astype(str)))
        raise ValueError(f"refugees_by_host_year: two figures for one host and year in {source_id}: {ids}")
    table = e.pivot(index="year", columns="host", values="central")
    table = table.reindex(columns=[h for h in hosts if h in set(table.columns)])
    table.columns.name = "host"
    return table.sort_index().astype("Float64")


def returns_since_fall(estimates: pd.DataFrame,
                       start: pd.Timestamp = FALL_OF_GOVERNMENT) -> pd.DataFrame:
    """Cumulative returns counted from ``start`` (refugees and IDPs), one row per figure.

    Keeps ``refugee_returns`` and ``idp_returns`` with ``period_type`` cumulative and
    ``period_start`` equal to ``start``. Columns: ``as_of`` (period end), ``who``
    ("refugees" or "IDPs"), ``host`` (country of departure, ``REGION``, ``WORLD``; empty
    for IDPs), ``central`` (persons), ``qualifier``, ``publisher`` (when joined with the
    sources) and ``estimate_id``; sorted by who, host, date.
    """
    _require(estimates, ["measure", "period_type", "period_start", "period_end", "host", "central",
                         "qualifier", "estimate_id", "role"], "returns_since_fall")
    e = _usable(estimates)
    m = e["measure"].astype("string")
    e = e[m.isin(["refugee_returns", "idp_returns"]) & (e["period_type"].astype("string") == "cumulative")
          & (e["period_start"] == pd.Timestamp(start))]
    out = pd.DataFrame({
        "as_of": e["period_end"],
        "who": e["measure"].astype("string").map({"refugee_returns": "refugees", "idp_returns": "IDPs"}),
        "host": e["host"].astype("string").fillna(""),
        "central": e["central"].astype("Float64"),
        "qualifier": e["qualifier"].astype("string"),
        "publisher": e["publisher"].astype("string") if "publisher" in e.columns else pd.NA,
        "estimate_id": e["estimate_id"].astype("string"),
    })
    order = {"refugees": 0, "IDPs": 1}
    out = out.assign(_w=out["who"].map(order)).sort_values(["_w", "host", "as_of", "estimate_id"], kind="stable")
    return out.drop(columns="_w").reset_index(drop=True)


def latest_by_host(returns: pd.DataFrame) -> pd.DataFrame:
    """The most recent figure per (who, host) of a :func:`returns_since_fall` table.

    Ties on the date keep the first row in the table's order. Sorted by who, then by the
    figure, largest first.
    """
    _require(returns, ["who", "host", "as_of", "central"], "latest_by_host")
    r = returns.sort_values(["who", "host", "as_of"], kind="stable")
    last = r.groupby(["who", "host"], sort=False, observed=True).tail(1)
    return last.sort_values(["who", "central"], ascending=[False, False], kind="stable").reset_index(drop=True)


def idps_by_governorate(estimates: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """IDPs by governorate, year-end, one column per year (persons), from one release.

    Rows are the governorates in :data:`GOVERNORATES` order, indexed by their name, with the
    ISO code in the column ``area``; a governorate without a figure in a year is ``<NA>``.
    Raises ``ValueError`` if a governorate has two figures for one year.
    """
    _require(estimates, ["source_id", "measure", "area", "period_end", "central", "role"], "idps_by_governorate")
    e = _usable(estimates)
    e = e[(e["source_id"] == source_id) & (e["measure"].astype("string") == "idps")
          & e["area"].astype("string").isin(list(GOVERNORATES))]
    e = e.assign(year=e["period_end"].dt.year.astype(int), area=e["area"].astype("string"))
    dup = e[e.duplicated(["year", "area"], keep=False)]
    if not dup.empty:
        raise ValueError("idps_by_governorate: two figures for one governorate and year: "
                         + ", ".join(sorted(dup["estimate_id"].astype(str))))
    table = e.pivot(index="area", columns="year", values="central").astype("Float64")
    table = table.reindex([a for a in GOVERNORATES if a in set(table.index)])
    table.columns.name = "year"
    table.insert(0, "area", table.index)
    table.index = pd.Index([GOVERNORATES[a] for a in table.index], name="governorate")
    return table


def governorate_shares(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """One year of :func:`idps_by_governorate`: IDPs and each governorate's share of the sum.

    Columns ``idps`` (persons) and ``share`` (fraction of the governorates' total that
    year), largest first; governorates without a figure are left out.
    """
    if year not in table.columns:
        raise ValueError(f"governorate_shares: no column for {year}")
    s = table[year].dropna()
    out = pd.DataFrame({"idps": s, "share": s / s.sum()})
    return out.sort_values("idps", ascending=False, kind="stable")


def national_idps_by_year(estimates: pd.DataFrame, source_ids: dict[str, str]) -> pd.DataFrame:
    """Year-end national IDP stocks, one column per series (label -> source_id), persons.

    Keeps ``idps`` stocks for area ``SYR`` dated 31 December. Indexed by year.
    """
    _require(estimates, ["source_id", "measure", "area", "period_end", "central", "role"], "national_idps_by_year")
    e = _usable(estimates)
    e = e[(e["measure"].astype("string") == "idps") & (e["area"].astype("string") == "SYR")
          & (e["period_end"].dt.month == 12) & (e["period_end"].dt.day == 31)]
    cols = {}
    for label, sid in source_ids.items():
        s = e[e["source_id"] == sid]
        if s["period_end"].duplicated().any():
            raise ValueError(f"national_idps_by_year: two year-end figures for one year in {sid}")
        cols[label] = pd.Series(s["central"].to_numpy(), index=s["period_end"].dt.year.astype(int))
    out = pd.DataFrame(cols).sort_index().astype("Float64")
    out.index.name = "year"
    return out


def people_in_need(estimates: pd.DataFrame) -> pd.DataFrame:
    """OCHA's people in need, one row per figure, oldest first.

    Columns ``as_of`` (date of the figure), ``central`` (persons), ``qualifier``,
    ``publisher`` (when joined with the sources) and ``estimate_id``.
    """
    _require(estimates, ["measure", "period_end", "central", "qualifier", "estimate_id", "role"], "people_in_need")
    e = _usable(estimates)
    e = e[e["measure"].astype("string") == "people_in_need"]
    out = pd.DataFrame({
        "as_of": e["period_end"], "central": e["central"].astype("Float64"),
        "qualifier": e["qualifier"].astype("string"),
        "publisher": e["publisher"].astype("string") if "publisher" in e.columns else pd.NA,
        "estimate_id": e["estimate_id"].astype("string"),
    })
    return out.sort_values(["as_of", "estimate_id"], kind="stable").reset_index(drop=True)


def yearly_returns(estimates: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Returns within each calendar year (flows) of one release: refugees (all countries of
    departure, host ``WORLD``) and IDPs, persons, indexed by year; a missing year is ``<NA>``."""
    _require(estimates, ["source_id", "measure", "period_type", "host", "period_end", "central", "role"], "yearly_returns")
    e = _usable(estimates)
    e = e[(e["source_id"] == source_id) & (e["period_type"].astype("string") == "flow")]
    m = e["measure"].astype("string")
    ref = e[(m == "refugee_returns") & (e["host"].astype("string") == "WORLD")]
    idp = e[m == "idp_returns"]
    cols = {}
    for label, part in (("refugees", ref), ("IDPs", idp)):
        if part["period_end"].dt.year.duplicated().any():
            raise ValueError(f"yearly_returns: two {label} figures for one year in {source_id}")
        cols[label] = pd.Series(part["central"].to_numpy(), index=part["period_end"].dt.year.astype(int))
    out = pd.DataFrame(cols).sort_index().astype("Float64")
    out.index.name = "year"
    return out


def in_thousands(df: pd.DataFrame) -> pd.DataFrame:
    """Numeric columns divided by 1,000 and rounded to whole thousands (for display)."""
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_numeric_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c]):
            out[c] = (out[c].astype("Float64") / 1000).round(0).astype("Int64")
    return out
