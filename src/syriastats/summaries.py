"""Tables that describe the registry: who publishes what, by which method, when.

All functions take the estimates joined with their sources
(:func:`syriastats.with_sources`) and return new DataFrames sorted in a stable
order, ready to display in a notebook. Counts are numbers of stated figures
(rows of ``estimates.csv``), not numbers of people.
"""
from __future__ import annotations

import re

import pandas as pd

from syriastats.dimensions import measure_mask
from syriastats.validate import read_descriptor
from syriastats.paths import data_dir

#: Publisher families: a regular expression on the publisher's name -> a short label.
#: Order matters (first match wins). Used to group series for display only.
FAMILIES: tuple[tuple[str, str], ...] = (
    (r"HRDAG.*Amnesty|Amnesty.*HRDAG", "HRDAG (for Amnesty)"),
    (r"OHCHR|Human Rights Data Analysis|HRDAG", "UN OHCHR / HRDAG"),
    (r"Observatory for Human Rights|SOHR", "SOHR"),
    (r"Network for Human Rights|SNHR", "SNHR"),
    (r"Violations Documentation|VDC", "VDC"),
    (r"Policy Research|SCPR", "SCPR"),
    (r"UCDP|Uppsala", "UCDP"),
    (r"Guha-Sapir|Lancet", "Lancet papers"),
    (r"IDMC|Internal Displacement Monitoring", "IDMC"),
    (r"OCHA", "UN OCHA"),
    (r"UNHCR|High Commissioner for Refugees", "UNHCR"),
    (r"World Bank|Population Division|WPP", "World Bank / UN WPP"),
    (r"Central Bureau of Statistics|CBS", "Syrian CBS"),
    (r"Eurostat", "Eurostat"),
    (r"Special Envoy|United Nations|^UN\b", "United Nations (other)"),
)


def family(publisher: str) -> str:
    """Short family label for a publisher name (the name itself if no family matches)."""
    for pattern, label in FAMILIES:
        if re.search(pattern, publisher):
            return label
    return publisher


def add_family(df: pd.DataFrame) -> pd.DataFrame:
    """Return *df* with a ``family`` column derived from ``publisher``."""
    out = df.copy()
    out["family"] = out["publisher"].astype(str).map(family)
    return out


def known_at(df: pd.DataFrame, as_of: str | pd.Timestamp) -> pd.DataFrame:
    """Rows whose source was surely published on or before *as_of*.

    ``published`` is the last day of the stated publication date, so a source
    dated only "2016-08" is not counted as known on 1 August 2016.
    """
    cut = pd.Timestamp(as_of)
    return df[df["published"] <= cut].copy()


def publisher_summary(df: pd.DataFrame) -> pd.DataFrame:
    """One row per publisher family: figures, sources, measures, methods, time span.

    Columns: ``family, figures, documents, measures, methods, first_period_end,
    last_period_end``; sorted by number of figures (descending), then name.
    """
    d = add_family(df)
    g = d.groupby("family", observed=True)
    out = pd.DataFrame({
        "figures": g.size(),
        "documents": g["source_id"].nunique(),
        "measures": g["measure"].agg(lambda s: ", ".join(sorted(set(map(str, s))))),
        "methods": g["method"].agg(lambda s: ", ".join(sorted(set(map(str, s))))),
        "first_period_end": g["period_end"].min().dt.strftime("%Y-%m"),
        "last_period_end": g["period_end"].max().dt.strftime("%Y-%m"),
    }).reset_index()
    return out.sort_values(["figures", "family"], ascending=[False, True], kind="stable").reset_index(drop=True)


def method_summary(df: pd.DataFrame) -> pd.DataFrame:
    """One row per method: how many figures, from how many publisher families, and
    what the method means (from the data dictionary)."""
    desc = _enum_descriptions("estimates", "method")
    d = add_family(df)
    g = d.groupby("method", observed=True)
    out = pd.DataFrame({"figures": g.size(), "families": g["family"].nunique()}).reset_index()
    out["method"] = out["method"].astype(str)
    out["meaning"] = out["method"].map(desc)
    return out.sort_values(["figures", "method"], ascending=[False, True], kind="stable").reset_index(drop=True)


def coverage_by_year(df: pd.DataFrame, measures: list[str] | None = None) -> pd.DataFrame:
    """Number of figures per publisher family and year of ``period_end``.

    Returns a wide table: one row per family (sorted by name), one column per year,
    zeros where a family published nothing about that year.
    """
    d = add_family(df if measures is None else df[measure_mask(df, measures)])
    d = d.assign(year=d["period_end"].dt.year)
    t = d.pivot_table(index="family", columns="year", values="estimate_id", aggfunc="count", fill_value=0)
    t = t.sort_index()
    t.columns = [int(c) for c in t.columns]
    return t


def checked_summary(df: pd.DataFrame) -> pd.DataFrame:
    """How the figures were verified for this registry (``checked`` vocabulary)."""
    desc = _enum_descriptions("estimates", "checked")
    out = df["checked"].astype(str).value_counts().rename_axis("checked").reset_index(name="figures")
    out["meaning"] = out["checked"].map(desc)
    return out.sort_values(["figures", "checked"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _enum_descriptions(resource: str, field: str) -> dict[str, str]:
    desc = read_descriptor(data_dir())
    for res in desc["resources"]:
        if res["name"] == resource:
            for f in res["schema"]["fields"]:
                if f["name"] == field:
                    return dict(f.get("enumDescriptions", {}))
    return {}


def series(df: pd.DataFrame, measure: str, *, method: str | None = None,
           family_label: str | None = None) -> pd.DataFrame:
    """One measure's figures over time (optionally one method and publisher family),
    sorted by ``period_end`` then ``estimate_id``, with the columns a reader needs."""
    d = add_family(df[measure_mask(df, measure)])
    if method is not None:
        d = d[d["method"] == method]
    if family_label is not None:
        d = d[d["family"] == family_label]
    cols = ["estimate_id", "family", "period_end_text", "low", "central", "high", "qualifier",
            "method", "published_text", "source_id"]
    return d.sort_values(["period_end", "estimate_id"], kind="stable")[cols].reset_index(drop=True)


def latest_by_family(df: pd.DataFrame, measure: str, as_of: str | pd.Timestamp, *,
                     cumulative: bool = True) -> pd.DataFrame:
    """Each publisher family's latest figure for *measure* known on *as_of*.

    "Known" means published on or before *as_of* (see :func:`known_at`) and about a
    period ending on or before it. With *cumulative*, only figures counted from the
    start of the war (``period_start`` in 2011 or earlier) are used, so one year's
    count is not mistaken for a toll. One row per (family, method): the figure with
    the latest ``period_end`` (ties: latest ``published``, then ``estimate_id``).
    Sorted by ``central`` (or ``high`` when there is no central value), largest first.
    """
    cut = pd.Timestamp(as_of)
    d = add_family(known_at(df, cut))
    d = d[measure_mask(d, measure) & (d["period_end"] <= cut)]
    if cumulative:
        d = d[d["period_start"] <= pd.Timestamp("2011-12-31")]
    d = d.sort_values(["family", "method", "period_end", "published", "estimate_id"], kind="stable")
    d = d.groupby(["family", "method"], observed=True).tail(1)
    value = d["central"].fillna(d["high"]).fillna(d["low"])
    d = d.assign(_v=value.astype(float)).sort_values(["_v", "estimate_id"], ascending=[False, True],
                                                     kind="stable")
    cols = ["family", "method", "estimate_id", "period_end_text", "low", "central", "high",
            "qualifier", "range_type", "margin", "published_text", "scope"]
    return d[cols].reset_index(drop=True)


def format_number(x: float) -> str:
    """Display format for notebook tables: counts with thousands separators, small
    values (shares, ratios, rates) with three significant digits."""
    if pd.isna(x):
        return "<NA>"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def set_display() -> None:
    """Pandas display options used by the notebooks (stable, readable output)."""
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_rows", 80)
    pd.set_option("display.float_format", format_number)
