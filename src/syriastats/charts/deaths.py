"""Charts of deaths: what was known when, documented tolls over time, UCDP by year.

Every function takes the registry as returned by
``syriastats.with_sources(syriastats.load_estimates(), syriastats.load_sources())``
(columns as in ``docs/CONTRACTS.md``) and returns ``(fig, data)``: the figure
(header and footer drawn, house style) and exactly the plotted numbers, with
the unit in each numeric column name (``deaths``). Suggested export metadata
(title, subtitle, source line, note, alt text, source ids) is stored on the
figure; get it with :func:`syriastats.charts.style.chart_meta` and pass it,
with ``notebook=``, to :func:`syriastats.export.save_chart`.

Units: persons killed. Ranges are drawn only where the source gives one (or
the caller passes ``lower``/``upper``), and the note says what they mean:
UCDP low/high and other brackets are not statistical intervals; a margin of
error is turned into the range it implies; documented counts are minimums.
"""
from __future__ import annotations

import re
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from syriastats.charts import style
from syriastats.dimensions import measure_mask
from syriastats.reading import breakdown_mask, flow_mask

_UNIT = "deaths"


def _require(df: pd.DataFrame, cols: tuple[str, ...], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what}: the estimates DataFrame lacks columns {missing}; pass "
            "syriastats.with_sources(load_estimates(), load_sources())")


def _as_timestamp(x: Any) -> pd.Timestamp:
    ts = pd.Timestamp(x)
    if pd.isna(ts):
        raise ValueError(f"not a date: {x!r}")
    return ts


def _fmt_day(ts: pd.Timestamp) -> str:
    return f"{ts.day} {ts:%B %Y}"


def _value(row: pd.Series) -> float | None:
    v = row.get("central")
    return None if v is None or pd.isna(v) else float(v)


def _rows_with_ranges(df: pd.DataFrame, interval_note: str | None) -> pd.DataFrame:
    """Add plotted value, range bounds and range meaning to registry rows."""
    out = df.copy()
    vals, los, his, meanings = [], [], [], []
    for _, row in out.iterrows():
        vals.append(_value(row))
        lo, hi = style.range_bounds(row)
        los.append(lo)
        his.append(hi)
        meanings.append(style.range_meaning(row, interval_note=interval_note)
                        if lo is not None or hi is not None else "")
    out["_value"] = pd.array(vals, dtype="Float64")
    out["_lo"] = pd.array(los, dtype="Float64")
    out["_hi"] = pd.array(his, dtype="Float64")
    out["_meaning"] = meanings
    # a single number to sort and place by: the stated figure, else the middle of the range
    mid = out["_value"].copy()
    both = mid.isna() & out["_lo"].notna() & out["_hi"].notna()
    mid[both] = (out.loc[both, "_lo"] + out.loc[both, "_hi"]) / 2
    one = mid.isna()
    mid[one] = out.loc[one, "_lo"].fillna(out.loc[one, "_hi"])
    out["_pos"] = mid
    return out[out["_pos"].notna()]


def _is_minimum(row: pd.Series) -> bool:
    return str(row["method"]) == "documented_count" or str(row["qualifier"]) == "at_least"


def _value_label(row: pd.Series) -> str:
    v = row["_value"]
    if pd.isna(v):
        return f"{style.fmt_count(row['_lo'])}-{style.fmt_count(row['_hi'])}"
    txt = style.fmt_count(v)
    if str(row["method"]) == "documented_count":
        return f"{txt} minimum"
    q = str(row["qualifier"])
    if q == "at_least":
        return f"at least {txt}"
    if q == "at_most":
        return f"up to {txt}"
    if q == "approximately":
        return f"about {txt}"
    return txt


def _range_note(rows: pd.DataFrame) -> str:
    parts: list[str] = []
    for meaning, grp in rows[rows["_meaning"] != ""].groupby("_meaning", sort=True):
        names = sorted({style.short_publisher(p) for p in grp["publisher"]})
        parts.append(f"{', '.join(names)}: {meaning}")
    return "; ".join(parts)


# --------------------------------------------------------------------------
# What was known at a date
# --------------------------------------------------------------------------

def plot_estimates_known_at(estimates: pd.DataFrame, as_of: Any = "2016-08-01",
                            measure: str = "deaths_total", *, latest_only: bool = True,
                            interval_note: str | None = None, title: str | None = None,
                            subtitle: str | None = None, source: str | None = None,
                            note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Every estimate of *measure* published on or before *as_of*, as point and range.

    One row per estimate, sorted by value (largest at the top). The point is
    the stated figure; the bar is the range the source states (low-high, or
    the range a margin of error implies), or the caller's interval when the
    DataFrame has ``lower``/``upper`` columns (describe it in
    *interval_note*, e.g. "90% interval, syriastats uncertainty model").
    Documented counts are open right-pointing triangles labelled "minimum";
    figures worded "at least" are labelled so. Statistical and expert
    estimates differ in marker shape and colour (see
    :data:`style.METHOD_STYLE`).

    Parameters
    ----------
    estimates
        Registry rows merged with sources (needs ``publisher``, ``published``).
        ``published`` is compared with *as_of*; sources.py parses a month-only
        date to its last day, so "2016-08" counts as known from 31 Aug 2016.
    as_of
        Date (anything ``pd.Timestamp`` accepts).
    latest_only
        Keep only the latest figure of each publisher (by ``published``, then
        ``period_end``, then ``estimate_id``); ``False`` shows all.

    Returns
    -------
    (fig, data)
        ``data`` has one row per plotted estimate, top row first: ``row``
        (0 = top), ``estimate_id``, ``source_id``, ``publisher``,
        ``published``, ``period_start``, ``period_end``, ``method``,
        ``qualifier``, ``central_deaths``, ``range_low_deaths``,
        ``range_high_deaths``, ``range_meaning``, ``minimum`` (True when the
        figure is a lower bound).
    """
    _require(estimates, ("estimate_id", "source_id", "measure", "method", "qualifier",
                         "central", "low", "high", "range_type", "publisher", "published",
                         "period_end"), "plot_estimates_known_at")
    when = _as_timestamp(as_of)
    sel = estimates[measure_mask(estimates, measure)
                    & (estimates["published"] <= when) & ~breakdown_mask(estimates)
                    & ~flow_mask(estimates)].copy()
    if sel.empty:
        raise ValueError(f"no {measure} estimates published on or before {when.date()}")
    sel = sel.sort_values(["publisher", "published", "period_end", "estimate_id"],
                          kind="mergesort")
    if latest_only:
        sel = sel.groupby("publisher", sort=True, observed=True).tail(1)
    rows = _rows_with_ranges(sel, interval_note)
    if rows.empty:
        raise ValueError("none of the selected estimates has a number to plot")
    # largest at the top: sort ascending, draw bottom-up
    rows = rows.sort_values(["_pos", "estimate_id"], ascending=[True, True], kind="mergesort")
    n = len(rows)
    labels = [f"{style.short_publisher(p)} ({pd.Timestamp(d):%b %Y})"
              for p, d in zip(rows["publisher"], rows["published"])]
    height = max(style.FIGSIZE[1], 3.0 + 0.3 * n)
    fig, ax = style.new_figure(figsize=(style.FIGSIZE[0], height))
    with style.house_style():
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        methods_seen: list[str] = []
        xmax = float(np.nanmax(np.r_[rows["_hi"].to_numpy(float, na_value=np.nan),
                                     rows["_pos"].to_numpy(float, na_value=np.nan)]))
        for y, (_, row) in enumerate(rows.iterrows()):
            st = style.method_style(row["method"])
            if str(row["method"]) not in methods_seen:
                methods_seen.append(str(row["method"]))
            lo, hi = row["_lo"], row["_hi"]
            if pd.notna(lo) and pd.notna(hi):
                # end caps keep a short range visible beside its marker
                ax.plot([float(lo), float(hi)], [y, y], color=st["color"], alpha=0.6,
                        linewidth=3.2, solid_capstyle="butt", marker="|", markersize=9,
                        markeredgewidth=1.6, gid=f"range-{row['estimate_id']}")
            if pd.notna(row["_value"]):
                ax.plot([float(row["_value"])], [y], linestyle="none",
                        gid=f"point-{row['estimate_id']}", zorder=3,
                        **style.marker_kwargs(st, size=7.5))
            right = max(float(hi) if pd.notna(hi) else -np.inf, float(row["_pos"]))
            style.direct_label(ax, right, y, _value_label(row), color=style.darker(st["color"], 0.85),
                               dx_pt=8, size=style.BASE_SIZE - 1)
        ax.set_yticks(range(n), labels)
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlim(0, xmax * 1.3)
        style.thousands(ax, "x")
        ax.set_xlabel(f"{_measure_words(measure).capitalize()} (persons)")
        handles = []
        for m in methods_seen:
            st = style.method_style(m)
            handles.append(Line2D([], [], linestyle="none", label=st["label"],
                                  **style.marker_kwargs(st, size=6.5)))
        if any(rows["_meaning"] != ""):
            handles.append(Line2D([], [], color=style.GREY, alpha=0.6, linewidth=3.2,
                                  marker="|", markersize=8, markeredgewidth=1.6,
                                  label="Range (see note)"))
        left_in = max(style.text_width_in(t, style.BASE_SIZE - 0.5) for t in labels) + 0.3
        style.set_margins(fig, left_in=left_in, right_in=0.45, axis_bottom_in=0.5)
        # the key sits above the plot, under the subtitle, so it never covers a point
        style.key_above(ax, handles)

        pubs = list(dict.fromkeys(rows["publisher"].iloc[::-1].astype(str)))
        title = title or f"What was known by {_fmt_day(when)}"
        subtitle = subtitle or (
            f"{_measure_words(measure).capitalize()} in Syria's war since March 2011, as published"
            f" on or before {_fmt_day(when)}"
            + (", latest figure from each source" if latest_only else ", every published figure"))
        source = source or style.source_line(pubs, short=True)
        rn = _range_note(rows)
        default_note = ("Documented counts list only deaths that could be recorded and are "
                        "minimums. Bars show each source's stated range"
                        + (f" ({rn})." if rn else ".") + " A source with no range has none drawn.")
        note = note or default_note
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)

    data = pd.DataFrame({
        "row": np.arange(n)[::-1],
        "estimate_id": rows["estimate_id"].astype(str).to_numpy(),
        "source_id": rows["source_id"].astype(str).to_numpy(),
        "publisher": rows["publisher"].astype(str).to_numpy(),
        "published": pd.to_datetime(rows["published"]).to_numpy(),
        "period_start": pd.to_datetime(rows["period_start"]).to_numpy()
        if "period_start" in rows else pd.NaT,
        "period_end": pd.to_datetime(rows["period_end"]).to_numpy(),
        "method": rows["method"].astype(str).to_numpy(),
        "qualifier": rows["qualifier"].astype(str).to_numpy(),
        f"central_{_UNIT}": rows["_value"].to_numpy(),
        f"range_low_{_UNIT}": rows["_lo"].to_numpy(),
        f"range_high_{_UNIT}": rows["_hi"].to_numpy(),
        "range_meaning": rows["_meaning"].to_numpy(),
        "minimum": [_is_minimum(r) for _, r in rows.iterrows()],
    }).iloc[::-1].reset_index(drop=True)
    for c in (f"central_{_UNIT}", f"range_low_{_UNIT}", f"range_high_{_UNIT}"):
        data[c] = data[c].astype("Float64")
    top = data.iloc[0]
    bottom = data.iloc[-1]
    alt = (f"Dot chart of {style.plural(n, 'published figure')} of {_measure_words(measure)} "
           f"in Syria (estimates and documented counts) known by "
           f"{_fmt_day(when)}, with ranges where stated. They run from "
           f"{_alt_value(bottom)} ({bottom['publisher']}) to {_alt_value(top)} "
           f"({top['publisher']}); documented counts are marked as minimums.")
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt, source_ids=sorted(set(data["source_id"])))
    return fig, data


def _alt_value(r: pd.Series) -> str:
    v = r[f"central_{_UNIT}"]
    if pd.isna(v):
        return (f"{style.fmt_count(r[f'range_low_{_UNIT}'])} to "
                f"{style.fmt_count(r[f'range_high_{_UNIT}'])}")
    return style.fmt_count(v)


def _measure_words(measure: str) -> str:
    return {
        "deaths_total": "total deaths",
        "deaths_civilian": "civilian deaths",
        "deaths_battle_related": "battle-related deaths",
        "deaths_total_incl_missing": "deaths including the missing",
        "deaths_direct": "direct deaths",
        "deaths_excess": "excess deaths",
    }.get(measure, measure.replace("_", " "))


# --------------------------------------------------------------------------
# Cumulative documented tolls over time
# --------------------------------------------------------------------------

def plot_cumulative_tolls(estimates: pd.DataFrame, *, measures: tuple[str, ...] = ("deaths_total",),
                          publishers: tuple[str, ...] | None = None,
                          overlay_methods: tuple[str, ...] = ("statistical_estimate",),
                          started_by: Any = "2011-06-30",
                          interval_note: str | None = None, title: str | None = None,
                          subtitle: str | None = None, source: str | None = None,
                          note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Documented cumulative death tolls over time, with statistical estimates overlaid.

    Each publisher's ``documented_count`` rows of *measures* form one line
    (x = ``period_end``, markers at each figure; if one date has several
    figures the latest published is kept), labelled directly at its end; the
    line style and marker differ by series, so colour is never the only cue.
    Rows whose method is in *overlay_methods* are drawn as points with their
    range (vertical bar), labelled with the publisher. Cumulative counts
    start in March 2011.

    Only cumulative figures are used: rows whose period starts on or before
    *started_by* (default 30 June 2011, i.e. counting from the start of the
    uprising); counts for a single later year or month are left out.

    Parameters
    ----------
    measures
        Measures to include; a series of a measure other than the first is
        labelled with it (e.g. "SNHR (civilian deaths)").
    publishers
        Restrict the documented series to these publishers (full names).

    Returns
    -------
    (fig, data)
        One row per plotted point: ``series`` (label drawn), ``role``
        ("documented count (minimum)" or the method), ``publisher``,
        ``estimate_id``, ``source_id``, ``measure``, ``period_end``,
        ``deaths``, ``range_low_deaths``, ``range_high_deaths``,
        ``range_meaning``.
    """
    _require(estimates, ("estimate_id", "source_id", "measure", "method", "central", "low",
                         "high", "range_type", "publisher", "published", "period_start",
                         "period_end"), "plot_cumulative_tolls")
    in_measures = (measure_mask(estimates, list(measures))
                   & (pd.to_datetime(estimates["period_start"]) <= pd.Timestamp(started_by))
                   & ~breakdown_mask(estimates) & ~flow_mask(estimates))
    method = estimates["method"].astype(str)
    doc = estimates[in_measures & (method == "documented_count") & estimates["central"].notna()]
    if publishers is not None:
        doc = doc[doc["publisher"].astype(str).isin(publishers)]
    over = estimates[in_measures & method.isin(overlay_methods)]
    if doc.empty and over.empty:
        raise ValueError(f"no documented counts or overlays for {measures}")
    doc = doc.sort_values(["publisher", "measure", "period_end", "published", "estimate_id"],
                          kind="mergesort")
    doc = doc.groupby(["publisher", "measure", "period_end"], sort=True, observed=True).tail(1)

    def label(pub: str, meas: str) -> str:
        base = style.short_publisher(pub)
        return base if meas == measures[0] else f"{base} ({_measure_words(meas)})"

    fig, ax = style.new_figure()
    records: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []
    doc_style = style.method_style("documented_count")
    over_methods_all = [str(m) for m in overlay_methods]
    # line colours: never the colour of an overlay method (a blue dot means a statistical
    # estimate) nor black (single documented counts)
    taken = {style.method_style(m)["color"] for m in over_methods_all} | {doc_style["color"]}
    line_colours = [c for c in style.SERIES_COLOURS if c not in taken] or list(style.SERIES_COLOURS)
    line_markers = [m for m in style.SERIES_MARKERS
                    if m not in {style.method_style(mm)["marker"] for mm in over_methods_all}
                    | {doc_style["marker"]}] or list(style.SERIES_MARKERS)
    n_lines = n_single = 0
    with style.house_style():
        keys = sorted({(str(p), str(m)) for p, m in zip(doc["publisher"], doc["measure"])},
                      key=lambda k: (measures.index(k[1]), k[0]))
        for i, (pub, meas) in enumerate(keys):
            s = doc[(doc["publisher"].astype(str) == pub) & (doc["measure"].astype(str) == meas)]
            s = s.sort_values("period_end", kind="mergesort")
            name = label(pub, meas)
            x = pd.to_datetime(s["period_end"]).to_numpy()
            y = s["central"].to_numpy(float)
            if len(s) > 1:
                # a count kept up over time: a line in its own colour, line style and marker
                colour = line_colours[n_lines % len(line_colours)]
                ax.plot(x, y, color=colour,
                        linestyle=style.SERIES_LINESTYLES[n_lines % len(style.SERIES_LINESTYLES)],
                        marker=line_markers[n_lines % len(line_markers)], markersize=3.5,
                        markerfacecolor=colour, linewidth=1.6, gid=f"series-{i}", label=name,
                        zorder=3)
                labels.append({"x": x[-1], "y": float(y[-1]), "text": name,
                               "color": style.darker(colour, 0.85), "prefer": ["right"],
                               "gid": f"label-series-{i}"})
                n_lines += 1
            else:
                # a single documented count: the documented-count marker (open triangle, minimum)
                ax.plot(x, y, linestyle="none", gid=f"series-{i}", label=name, zorder=3,
                        **style.marker_kwargs(doc_style, size=6.5))
                labels.append({"x": x[-1], "y": float(y[-1]),
                               "text": f"{name} {style.fmt_count(y[-1])} minimum",
                               "color": "#222222", "size": style.BASE_SIZE - 1,
                               "prefer": ["right", "below", "lower right"],
                               "gid": f"label-series-{i}"})
                n_single += 1
            for _, r in s.iterrows():
                records.append({"series": name, "role": "documented count (minimum)",
                                "publisher": pub, "estimate_id": str(r["estimate_id"]),
                                "source_id": str(r["source_id"]), "measure": meas,
                                "period_end": pd.Timestamp(r["period_end"]),
                                _UNIT: float(r["central"]), f"range_low_{_UNIT}": None,
                                f"range_high_{_UNIT}": None, "range_meaning": ""})
        over_rows = _rows_with_ranges(over, interval_note) if not over.empty else over
        over_rows = (over_rows.sort_values(["period_end", "estimate_id"], kind="mergesort")
                     if not over_rows.empty else over_rows)
        for _, r in over_rows.iterrows():
            st = style.method_style(r["method"])
            xd = pd.Timestamp(r["period_end"])
            if pd.notna(r["_value"]):
                ax.plot([xd], [float(r["_value"])], linestyle="none", zorder=4,
                        gid=f"point-{r['estimate_id']}", **style.marker_kwargs(st, size=6))
            if pd.notna(r["_lo"]) and pd.notna(r["_hi"]):
                # an error bar with caps, drawn above the marker so a short range stays visible
                ax.plot([xd, xd], [float(r["_lo"]), float(r["_hi"])],
                        color=style.darker(st["color"], 0.75), linewidth=1.3,
                        marker="_", markersize=9, markeredgewidth=1.5, zorder=5,
                        solid_capstyle="butt", gid=f"range-{r['estimate_id']}")
            name = style.short_publisher(str(r["publisher"]))
            labels.append({"x": xd, "y": float(r["_pos"]), "text": name,
                           "color": style.darker(st["color"], 0.9), "size": style.BASE_SIZE - 1,
                           "prefer": ["left", "upper left", "lower left"],
                           "gid": f"label-{r['estimate_id']}"})
            records.append({"series": name, "role": str(r["method"]).replace("_", " "),
                            "publisher": str(r["publisher"]), "estimate_id": str(r["estimate_id"]),
                            "source_id": str(r["source_id"]), "measure": str(r["measure"]),
                            "period_end": xd,
                            _UNIT: None if pd.isna(r["_value"]) else float(r["_value"]),
                            f"range_low_{_UNIT}": None if pd.isna(r["_lo"]) else float(r["_lo"]),
                            f"range_high_{_UNIT}": None if pd.isna(r["_hi"]) else float(r["_hi"]),
                            "range_meaning": r["_meaning"]})
        ax.set_xlim(pd.Timestamp("2011-01-01"), None)
        style.start_at_zero(ax, headroom=0.1)
        style.thousands(ax)
        ax.xaxis.set_major_locator(mdates.YearLocator(base=2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_ylabel("Deaths (persons)")
        handles = []
        if n_lines:
            handles.append(Line2D([], [], color=style.GREY, marker="s", markersize=3.5,
                                  linewidth=1.6, label="Documented count over time (a minimum)"))
        if n_single:
            handles.append(Line2D([], [], linestyle="none", label="Single documented count (a minimum)",
                                  **style.marker_kwargs(doc_style, size=6)))
        over_methods = list(dict.fromkeys(over_rows["method"].astype(str))) if not over_rows.empty else []
        for m in over_methods:
            st = style.method_style(m)
            handles.append(Line2D([], [], linestyle="none", label=st["label"] + " with its range",
                                  **style.marker_kwargs(st, size=6)))

        pubs = list(dict.fromkeys([str(k[0]) for k in keys]
                                  + [str(p) for p in over_rows.get("publisher", [])]))
        n_over = len(over_rows)
        if title is None:
            title = ("Documented tolls kept rising; "
                     + ("estimates sit higher" if n_over > 1
                        else "an estimate sits higher" if n_over == 1 else "all are minimums"))
        subtitle = subtitle or (f"Cumulative {_measure_words(measures[0])} in Syria since March 2011 "
                                "in documented counts (deaths listed one by one), by date of "
                                "the count" + (", and statistical estimates" if n_over > 1 else
                                               ", and a statistical estimate" if n_over else ""))
        source = source or style.source_line(pubs, short=True)
        rn = _range_note(over_rows) if not over_rows.empty else ""
        note = note or ("Documented counts (lines and open triangles) include only deaths that "
                        "could be recorded: minimums, not estimates of the full toll. Points are "
                        "estimates that include unrecorded deaths"
                        + (f"; bars show {rn}." if rn else "."))
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
        line_names = [lab["text"] for lab in labels if str(lab.get("gid", "")).startswith("label-series")
                      and lab["prefer"] == ["right"]]
        right_in = (max((style.text_width_in(t, style.BASE_SIZE - 0.5) for t in line_names),
                        default=0.0) + 0.25)
        style.set_margins(fig, left_in=0.85, right_in=max(0.3, right_in), axis_bottom_in=0.35)
        style.key_above(ax, handles)
        # direct labels last, once the layout is final: each where it covers no line or label
        style.place_labels(ax, labels)

    data = pd.DataFrame.from_records(records, columns=[
        "series", "role", "publisher", "estimate_id", "source_id", "measure", "period_end",
        _UNIT, f"range_low_{_UNIT}", f"range_high_{_UNIT}", "range_meaning"])
    for c in (_UNIT, f"range_low_{_UNIT}", f"range_high_{_UNIT}"):
        data[c] = data[c].astype("Float64")
    data["period_end"] = pd.to_datetime(data["period_end"])
    latest = data[data["role"] == "documented count (minimum)"]
    if not latest.empty:
        top = latest.loc[latest[_UNIT].idxmax()]
        summary = (f" The highest documented count is {style.fmt_count(top[_UNIT])} "
                   f"({top['series']}, {pd.Timestamp(top['period_end']):%B %Y}).")
    else:
        summary = ""
    method_words = ", ".join(dict.fromkeys(str(m).replace("_", " ") for m in over_methods))
    parts = []
    if n_lines:
        parts.append(style.plural(n_lines, "count kept over time", "counts kept over time")
                     + " (lines)")
    if n_single:
        parts.append(style.plural(n_single, "single count") + " (triangles)")
    alt = (f"Chart of cumulative documented deaths in Syria over time from "
           f"{style.plural(len(keys), 'publisher')}: {' and '.join(parts) or 'none'}"
           + (f", with {style.plural(n_over, method_words or 'estimate')} shown as "
              + ("a point with its range" if n_over == 1 else "points with ranges")
              if n_over else "")
           + f".{summary}")
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt, source_ids=sorted(set(data["source_id"])))
    return fig, data


# --------------------------------------------------------------------------
# UCDP deaths by year
# --------------------------------------------------------------------------

UCDP_BAND_LABEL = "UCDP low-high range (not a statistical interval)"

_RELEASE_IN_TITLE = re.compile(r"\b(GED|BRD|UCDP/PRIO)\b[^0-9]{0,40}?(\d{1,2}\.\d{1,2})\b")
_RELEASE_IN_ID = re.compile(r"\b(ged|brd)-(\d{1,2})-(\d{1,2})\b")


def ucdp_release(title: Any, source_id: Any) -> str | None:
    """The UCDP dataset and version a source carries, e.g. ``'GED 23.1'``, or ``None``.

    Read from the source's title ("UCDP Georeferenced Event Dataset (GED)
    23.1 ...") or else its id ("ucdp-ged-23-1-..."), never from its
    ``published`` date: a copy of a release can be published by a third
    party long after UCDP released it.
    """
    if isinstance(title, str):
        m = _RELEASE_IN_TITLE.search(title)
        if m:
            return f"{m.group(1)} {m.group(2)}"
    if isinstance(source_id, str):
        m = _RELEASE_IN_ID.search(source_id)
        if m:
            return f"{m.group(1).upper()} {int(m.group(2))}.{int(m.group(3))}"
    return None


def _release_key(release: str | None) -> tuple[int, ...]:
    """Sort key of a release name: ``'GED 23.1' -> (1, 23, 1)``; unknown releases first."""
    if not release:
        return (0,)
    major, minor = release.split()[-1].split(".")
    return (1, int(major), int(minor))


#: What each UCDP measure counts, for the header and the note.
_UCDP_WORDS: dict[str, dict[str, str]] = {
    "deaths_battle_related": {
        "title": "Battle-related deaths in Syria per year (UCDP)",
        "what": "Deaths in state-based armed conflict only (fighting in which a government "
                "is a party)",
        "excluded": " The count excludes one-sided violence (deliberate killings of civilians by a "
                    "government or an armed group) and non-state conflict (fighting between "
                    "armed groups), so it is not a total death toll.",
        "alt": "state-based (battle-related) deaths",
    },
    "deaths_organised_violence": {
        "title": "Organised-violence deaths in Syria per year (UCDP)",
        "what": "Deaths in state-based and non-state armed conflict and one-sided violence",
        "excluded": "",
        "alt": "deaths from all organised violence",
    },
}


def plot_ucdp_yearly(estimates: pd.DataFrame, *, source_id: str | None = None,
                     measure: str = "deaths_battle_related", title: str | None = None,
                     subtitle: str | None = None, source: str | None = None,
                     note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """UCDP deaths per calendar year: best estimate as a line, low-high as a labelled band.

    Uses rows with ``method == 'event_data'`` and *measure* whose period is
    one calendar year. One UCDP release (vintage) is shown: *source_id*, or
    by default the newest (latest ``published``, then highest
    ``source_id``). The band is UCDP's own low and high, which bracket the
    coders' judgement and are **not** a statistical interval.

    Returns
    -------
    (fig, data)
        One row per year: ``year``, ``estimate_id``, ``source_id``,
        ``best_deaths``, ``low_deaths``, ``high_deaths``.
    """
    _require(estimates, ("estimate_id", "source_id", "measure", "method", "central", "low",
                         "high", "period_start", "period_end", "published", "publisher"),
             "plot_ucdp_yearly")
    sel = estimates[measure_mask(estimates, measure)
                    & (estimates["method"].astype(str) == "event_data")]
    ps, pe = pd.to_datetime(sel["period_start"]), pd.to_datetime(sel["period_end"])
    yearly = (ps.dt.year == pe.dt.year) & (ps.dt.month == 1) & (ps.dt.day == 1) \
        & (pe.dt.month == 12) & (pe.dt.day == 31)
    sel = sel[yearly]
    if sel.empty:
        raise ValueError(f"no yearly event_data rows for {measure}")
    titles = sel["title"] if "title" in sel.columns else pd.Series(None, index=sel.index)
    releases = pd.Series([ucdp_release(t, sid) for t, sid in zip(titles, sel["source_id"])],
                         index=sel.index, dtype=object)
    if source_id is None:
        vint = pd.DataFrame({"source_id": sel["source_id"].astype(str),
                             "release": [_release_key(r) for r in releases],
                             "published": sel["published"]}).drop_duplicates("source_id")
        vint = vint.sort_values(["release", "published", "source_id"], kind="mergesort")
        source_id = str(vint["source_id"].iloc[-1])
    sel = sel[sel["source_id"].astype(str) == source_id]
    if sel.empty:
        raise ValueError(f"source {source_id!r} has no yearly {measure} event_data rows")
    sel = sel.assign(year=pd.to_datetime(sel["period_end"]).dt.year)
    sel = sel.sort_values(["year", "estimate_id"], kind="mergesort").groupby("year").head(1)
    data = pd.DataFrame({
        "year": sel["year"].astype("int64").to_numpy(),
        "estimate_id": sel["estimate_id"].astype(str).to_numpy(),
        "source_id": sel["source_id"].astype(str).to_numpy(),
        f"best_{_UNIT}": sel["central"].astype("Float64").to_numpy(),
        f"low_{_UNIT}": sel["low"].astype("Float64").to_numpy(),
        f"high_{_UNIT}": sel["high"].astype("Float64").to_numpy(),
    })
    publisher = str(sel["publisher"].iloc[0])
    release = releases.loc[sel.index[0]]
    carrier = sel["carrier"].iloc[0] if "carrier" in sel.columns else None
    carrier = None if carrier is None or pd.isna(carrier) else str(carrier).strip()
    words = _UCDP_WORDS.get(measure, {
        "title": f"{_measure_words(measure).capitalize()} in Syria per year (UCDP)",
        "what": _measure_words(measure).capitalize(), "excluded": "",
        "alt": _measure_words(measure)})

    fig, ax = style.new_figure()
    colour = style.OKABE_ITO["bluish_green"]
    with style.house_style():
        x = data["year"].to_numpy(float)
        best = data[f"best_{_UNIT}"].to_numpy(float, na_value=np.nan)
        low = data[f"low_{_UNIT}"].to_numpy(float, na_value=np.nan)
        high = data[f"high_{_UNIT}"].to_numpy(float, na_value=np.nan)
        has_band = bool(np.isfinite(low).any() and np.isfinite(high).any())
        if has_band:
            ax.fill_between(x, low, high, color=colour, alpha=0.22, linewidth=0, gid="band")
            ax.plot(x, low, color=colour, linewidth=0.6, linestyle=":", gid="band-low")
            ax.plot(x, high, color=colour, linewidth=0.6, linestyle=":", gid="band-high")
        ax.plot(x, best, color=style.darker(colour, 0.8), marker="o", markersize=5,
                linewidth=2, gid="best")
        style.start_at_zero(ax, headroom=0.25)
        style.thousands(ax)
        ax.set_xticks([int(v) for v in x if int(v) % 2 == int(x[0]) % 2])
        ax.xaxis.set_major_formatter(lambda v, _p: f"{int(round(v))}")
        ax.set_xlim(x.min() - 0.5, x.max() + 0.5)
        ax.set_ylabel("Deaths per year (persons)")
        i_peak = int(np.nanargmax(best))
        style.direct_label(ax, x[i_peak], best[i_peak], f"Best estimate {style.fmt_count(best[i_peak])}"
                           f" ({int(x[i_peak])})", color=style.darker(colour, 0.6), dx_pt=9,
                           dy_pt=2, va="bottom")
        if has_band:
            widths = np.where(np.isfinite(high - low), high - low, -np.inf)
            k = int(np.argmax(widths))
            # the label sits at the top of the plot above the year where the band is widest,
            # with a short vertical leader down to the band
            right_half = x[k] > (x.min() + x.max()) / 2
            ax.annotate(UCDP_BAND_LABEL, xy=(x[k], high[k]),
                        xytext=(x[k], 0.97), textcoords=("data", "axes fraction"),
                        ha="right" if right_half else "left", va="top", fontstyle="italic",
                        fontsize=style.BASE_SIZE - 1, color=style.darker(colour, 0.6),
                        arrowprops={"arrowstyle": "-", "color": style.darker(colour, 0.6),
                                    "linewidth": 0.7, "shrinkA": 1, "shrinkB": 1,
                                    "relpos": (1.0, 0.0) if right_half else (0.0, 0.0)},
                        gid="band-label")
        style.set_margins(fig, left_in=0.85, right_in=0.3, axis_bottom_in=0.35)
        title = title or words["title"]
        subtitle = subtitle or (f"{words['what']}, per calendar year, {int(x.min())}-"
                                f"{int(x.max())}"
                                + (f"; UCDP {release}" if release else ""))
        if source is None:
            source = style.source_line([publisher])
            if release:
                source += f", {release}"
            if carrier:
                # a third party carried the release (and, where its title says so, made the
                # yearly sums): say who
                summed = "summed" in str(sel["title"].iloc[0]) if "title" in sel.columns else False
                source += f", {'summed to years by' if summed else 'via'} {carrier}"
        note = note or ("UCDP codes deaths from news and reports event by event. The line is its "
                        "best estimate; the shaded band runs from its low to its high estimate, "
                        "a bracket of the coders' judgement, not a statistical interval."
                        + words["excluded"])
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
    alt = (f"Line chart of UCDP {words['alt']} in Syria per year from {int(x.min())} "
           f"to {int(x.max())}, with UCDP's low-high range shaded. The best estimate peaks at "
           f"{style.fmt_count(best[i_peak])} in {int(x[i_peak])}.")
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt, source_ids=[source_id])
    return fig, data


__all__ = ["UCDP_BAND_LABEL", "plot_cumulative_tolls", "plot_estimates_known_at",
           "plot_ucdp_yearly", "ucdp_release"]
