"""Deaths broken down: per calendar year by publisher, by perpetrator, by governorate.

Tables for notebook 06. Every function takes the registry joined with its sources
(:func:`syriastats.with_sources`, with the dimension columns ``period_type``,
``area``, ``group``, ``perpetrator`` and ``role``) and returns a new DataFrame in a
stable order. Values are the figures as published (persons), never recomputed:
documented counts are minimums, UCDP's values are sums of event-level best
estimates (its low/high bracket is kept where a table shows ranges).
"""
from __future__ import annotations

import pandas as pd

from syriastats.summaries import add_family

#: Measures that count deaths in a period (the yearly comparison uses these).
YEARLY_MEASURES: tuple[str, ...] = ("deaths_total", "deaths_civilian", "deaths_battle_related",
                                    "deaths_organised_violence")

#: Short labels for the measures in column headers.
MEASURE_LABELS: dict[str, str] = {
    "deaths_total": "all deaths",
    "deaths_civilian": "civilians",
    "deaths_battle_related": "state-based",
    "deaths_organised_violence": "all organised violence",
}

#: ISO 3166-2 governorate codes -> English names (the registry's ``area`` values).
GOVERNORATES: dict[str, str] = {
    "SY-DI": "Damascus", "SY-RD": "Rif Dimashq", "SY-HL": "Aleppo", "SY-HI": "Homs",
    "SY-HM": "Hama", "SY-ID": "Idlib", "SY-LA": "Latakia", "SY-TA": "Tartus", "SY-DR": "Daraa",
    "SY-SU": "As-Suwayda", "SY-QU": "Quneitra", "SY-DY": "Deir ez-Zor", "SY-HA": "Al-Hasakah",
    "SY-RA": "Raqqa",
}

#: Groups that stand for "everyone the measure counts" in the yearly comparison (not SOHR's
#: 2011-2012 "civilians" that included armed rebels, group civilians_incl_armed: another
#: count than the civilians of later years in the same series).
HEADLINE_GROUPS: frozenset[str] = frozenset({"all", "civilians", "all_except_government_forces"})


def _text(s: pd.Series) -> pd.Series:
    return s.astype(object).where(s.notna(), "").astype(str)


def _usable(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that are neither superseded nor context only."""
    return df[~_text(df["role"]).isin(["superseded", "context_only"])]


def calendar_year_flows(df: pd.DataFrame) -> pd.DataFrame:
    """Deaths counted within one calendar year, for all of Syria, not attributed.

    Keeps rows of :data:`YEARLY_MEASURES` with ``period_type == "flow"`` whose period
    runs from 1 January to 31 December of one year, ``area == "SYR"``,
    ``perpetrator == "all"`` and a headline group (all / civilians / all but
    government forces), dropping superseded and context-only figures. Adds ``year``
    (int) and ``family`` (publisher family); sorted by year, family, measure, id.
    """
    d = _usable(df)
    start, end = d["period_start"], d["period_end"]
    one_year = ((start.dt.month == 1) & (start.dt.day == 1) & (end.dt.month == 12) & (end.dt.day == 31)
                & (start.dt.year == end.dt.year))
    keep = (d["measure"].isin(YEARLY_MEASURES) & (_text(d["period_type"]) == "flow") & one_year
            & (_text(d["area"]) == "SYR") & (_text(d["perpetrator"]) == "all")
            & _text(d["group"]).isin(HEADLINE_GROUPS))
    out = add_family(d[keep]).assign(year=lambda x: x["period_start"].dt.year.astype(int))
    return out.sort_values(["year", "family", "measure", "estimate_id"], kind="stable").reset_index(drop=True)


def series_label(row: pd.Series) -> str:
    """Column label of a yearly series: publisher family and what it counts.

    UCDP's data sets are told apart by source (each release is its own series),
    e.g. ``"UCDP state-based [ucdp-ged-23-1-poldat]"``.
    """
    label = f"{row['family']} {MEASURE_LABELS.get(row['measure'], row['measure'])}"
    if row["family"] == "UCDP":
        label += f" [{row['source_id']}]"
    return label


def deaths_by_year(df: pd.DataFrame, first: int = 2011, last: int = 2025) -> pd.DataFrame:
    """Deaths per calendar year from every publisher, side by side.

    One row per year from *first* to *last*, one column per series
    (:func:`series_label`), the central value as published (persons). Where a
    series has two figures for the same year (a later release or a correction),
    the one published last is shown (ties: the larger ``estimate_id``). Empty
    cells mean the publisher gave no figure for that year. Columns sorted by label.
    """
    d = calendar_year_flows(df)
    d = d[(d["year"] >= first) & (d["year"] <= last)]
    d = d.assign(series=d.apply(series_label, axis=1) if len(d) else pd.Series(dtype=str))
    d = d.sort_values(["series", "year", "published", "estimate_id"], kind="stable")
    d = d.groupby(["series", "year"], observed=True).tail(1)
    t = d.pivot(index="year", columns="series", values="central")
    t = t.reindex(range(first, last + 1)).sort_index(axis=1)
    t.index.name = "year"
    t.columns.name = None
    return t


def publishers_per_year(df: pd.DataFrame, first: int = 2011, last: int = 2025) -> pd.DataFrame:
    """How many independent publisher families give a yearly toll for each year.

    Columns: ``year, publishers`` (count of families), ``families`` (their names,
    sorted, comma-separated). UCDP's releases count once.
    """
    d = calendar_year_flows(df)
    rows = []
    for y in range(first, last + 1):
        fams = sorted(set(d.loc[d["year"] == y, "family"]))
        rows.append({"year": y, "publishers": len(fams), "families": ", ".join(fams)})
    return pd.DataFrame(rows)


def _period_label(row: pd.Series) -> str:
    s, e = row["period_start"], row["period_end"]
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
        return str(s.year)
    return f"{row['period_start_text']} to {row['period_end_text']}"


def by_perpetrator(df: pd.DataFrame, family: str = "SNHR", measure: str = "deaths_civilian",
                   group: str = "civilians") -> pd.DataFrame:
    """Deaths attributed to each perpetrator by one publisher family, period by period.

    Keeps *measure* rows of *family* for all of Syria and *group*. One row per period
    (a calendar year, a month or another span) that has at least one attributed
    figure; columns: ``period``, ``sources`` (the source ids, comma-separated),
    ``total`` (the family's unattributed figure for the same period, if published),
    then one column per perpetrator named (sorted). Values as published; where two
    sources give the same cell, the one published last is shown. Sorted by period end,
    then period start.
    """
    d = add_family(_usable(df))
    d = d[(d["family"] == family) & (d["measure"] == measure) & (_text(d["area"]) == "SYR")
          & (_text(d["group"]) == group)]
    if d.empty:
        return pd.DataFrame(columns=["period", "sources", "total"])
    d = d.assign(period=d.apply(_period_label, axis=1), perpetrator=_text(d["perpetrator"]))
    d = d.sort_values(["period_end", "period_start", "published", "estimate_id"], kind="stable")
    key = ["period_end", "period_start", "period"]
    named = d[d["perpetrator"] != "all"]
    if named.empty:
        return pd.DataFrame(columns=["period", "sources", "total"])
    wide = named.pivot_table(index=key, columns="perpetrator", values="central", aggfunc="last")
    totals = d[d["perpetrator"] == "all"].groupby(key, observed=True)["central"].last().rename("total")
    srcs = named.groupby(key, observed=True)["source_id"].agg(
        lambda s: ", ".join(dict.fromkeys(map(str, s)))).rename("sources")
    out = wide.join(totals, how="left").join(srcs).reset_index()
    perps = sorted(c for c in wide.columns)
    out = out.sort_values(["period_end", "period_start"], kind="stable")
    return out[["period", "sources", "total", *perps]].reset_index(drop=True)


def by_governorate(df: pd.DataFrame) -> pd.DataFrame:
    """Deaths by governorate, one column per release that gives a governorate split.

    Keeps death rows (any measure starting with ``deaths``) whose ``area`` is one of
    the 14 governorates, not attributed to a perpetrator, group all (or all but
    government forces). Columns are labelled ``family measure, period`` (e.g.
    ``"UN OHCHR / HRDAG all deaths, 2011-03 to 2021-03"``); one row per governorate
    in :data:`GOVERNORATES` order (name as index), empty where a release does not
    name that governorate. Values as published (persons).
    """
    d = add_family(_usable(df))
    d = d[d["measure"].astype(str).str.startswith("deaths") & _text(d["area"]).isin(GOVERNORATES)
          & (_text(d["perpetrator"]) == "all")
          & _text(d["group"]).isin({"all", "all_except_government_forces"})]
    if d.empty:
        return pd.DataFrame(index=pd.Index(list(GOVERNORATES.values()), name="governorate"))
    d = d.assign(release=d.apply(lambda r: f"{r['family']} {MEASURE_LABELS.get(r['measure'], r['measure'])}, "
                                           f"{_period_label(r)}", axis=1))
    order = (d.sort_values(["period_end", "release"], kind="stable")["release"].drop_duplicates().tolist())
    t = d.pivot_table(index="area", columns="release", values="central", aggfunc="first")
    t = t.reindex(index=list(GOVERNORATES), columns=order)
    t.index = [GOVERNORATES[c] for c in t.index]
    t.index.name = "governorate"
    t.columns.name = None
    return t


def since_december_2024(df: pd.DataFrame) -> pd.DataFrame:
    """Monthly deaths after the fall of the Assad government (8 Dec 2024), by publisher.

    Rows are single months (or the part-months 8-31 Dec 2024 and the last reported
    days) from December 2024 on: flow figures for all of Syria, not attributed, group
    all or civilians. Columns: ``month`` (YYYY-MM), then one column per series
    (:func:`series_label`), values as published. Sorted by month.
    """
    d = add_family(_usable(df))
    start, end = d["period_start"], d["period_end"]
    one_month = (start.dt.year == end.dt.year) & (start.dt.month == end.dt.month)
    keep = (d["measure"].isin(YEARLY_MEASURES) & (_text(d["period_type"]) == "flow") & one_month
            & (start >= pd.Timestamp("2024-12-01")) & (_text(d["area"]) == "SYR")
            & (_text(d["perpetrator"]) == "all") & _text(d["group"]).isin({"all", "civilians"}))
    d = d[keep]
    if d.empty:
        return pd.DataFrame(columns=["month"])
    d = d.assign(month=d["period_start"].dt.strftime("%Y-%m"), series=d.apply(series_label, axis=1))
    t = d.pivot_table(index="month", columns="series", values="central", aggfunc="first")
    t = t.sort_index().sort_index(axis=1)
    t.columns.name = None
    return t.reset_index()


def round_count(x: float) -> str:
    """A count rounded to what documented tolls can support, with thousands separators:
    to the thousand from 10,000, to the hundred from 1,000, exact below."""
    if x >= 10_000:
        return f"{round(x, -3):,.0f}"
    if x >= 1_000:
        return f"{round(x, -2):,.0f}"
    return f"{x:,.0f}"


def _latest(d: pd.DataFrame) -> pd.Series | None:
    if d.empty:
        return None
    return d.sort_values(["period_end", "published", "estimate_id"], kind="stable").iloc[-1]


def key_findings(df: pd.DataFrame) -> list[str]:
    """Plain-language findings of notebook 06, numbers rounded with :func:`round_count`.

    Each sentence is computed from the registry (a sentence whose inputs are missing
    is left out): publishers per year; SOHR's deadliest year; UCDP's state-based peak
    (latest release); SNHR's latest cumulative civilian toll and the share it
    attributes to the government and its allies; SOHR's count since 8 Dec 2024 and
    its deadliest month; the governorate with most documented deaths in OHCHR's
    latest split.
    """
    out: list[str] = []
    per = publishers_per_year(df)
    if not per.empty:
        low = per[per["year"] < 2025]["publishers"].min()
        y25 = int(per.loc[per["year"] == 2025, "publishers"].iloc[0]) if (per["year"] == 2025).any() else 0
        out.append(f"Every year from 2011 to 2024 has a yearly death toll from at least {low} independent publishers; "
                   f"2025 has {y25}.")
    years = deaths_by_year(df)
    if "SOHR all deaths" in years:
        s = years["SOHR all deaths"].dropna()
        out.append(f"SOHR's deadliest year was {int(s.idxmax())}, with about {round_count(s.max())} deaths documented; "
                   f"its lowest was {int(s.idxmin())} (about {round_count(s.min())}).")
    ucdp = [c for c in years.columns if c.startswith("UCDP state-based")]
    if ucdp:
        rows = calendar_year_flows(df)
        rows = rows[(rows["family"] == "UCDP") & (rows["measure"] == "deaths_battle_related")]
        newest = rows.sort_values(["published", "source_id"], kind="stable")["source_id"].iloc[-1]
        s = years[f"UCDP state-based [{newest}]"].dropna()
        out.append(f"UCDP's event data (source {newest}) put state-based deaths highest in {int(s.idxmax())}, "
                   f"about {round_count(s.max())}, and count only deaths its sources reported.")
    d = add_family(_usable(df))
    snhr = d[(d["family"] == "SNHR") & (d["measure"] == "deaths_civilian") & (_text(d["period_type"]) == "cumulative")
             & (_text(d["group"]) == "civilians") & (_text(d["area"]) == "SYR")]
    tot = _latest(snhr[_text(snhr["perpetrator"]) == "all"])
    if tot is not None:
        gov = snhr[(_text(snhr["perpetrator"]) == "government_and_allies") & (snhr["period_end"] == tot["period_end"])
                   & (snhr["source_id"] == tot["source_id"])]
        line = (f"SNHR's latest cumulative count is about {round_count(tot['central'])} civilians killed from March 2011 "
                f"to {tot['period_end'].strftime('%B %Y')}")
        if not gov.empty:
            line += f"; it attributes {gov['central'].iloc[0] / tot['central']:.0%} of them to the Assad government and its allies"
        out.append(line + ".")
    sohr = d[(d["family"] == "SOHR") & (d["measure"] == "deaths_total") & (_text(d["period_type"]) == "cumulative")
             & (d["period_start"] == pd.Timestamp("2024-12-08")) & (_text(d["perpetrator"]) == "all")]
    since = _latest(sohr)
    if since is not None:
        months = since_december_2024(df)
        line = (f"After the fall of the Assad government on 8 December 2024, SOHR counted about "
                f"{round_count(since['central'])} deaths to {since['period_end'].strftime('%-d %B %Y')}")
        if "SOHR all deaths" in months:
            m = months.set_index("month")["SOHR all deaths"].dropna()
            line += f"; its deadliest month was {pd.Timestamp(m.idxmax()).strftime('%B %Y')} (about {round_count(m.max())})"
        out.append(line + ".")
    gov_t = by_governorate(df)
    oh = [c for c in gov_t.columns if c.startswith("UN OHCHR")]
    if oh:
        col = oh[-1]
        s = gov_t[col].dropna()
        out.append(f"In OHCHR's latest split by governorate ({col.split(', ', 1)[1]}), {s.idxmax()} had the most "
                   f"identified victims, about {round_count(s.max())}; only {len(s)} of 14 governorates are named in "
                   f"what was published.")
    return out
