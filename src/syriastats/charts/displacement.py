"""Chart of displacement over time: registered refugees, internally displaced people,
and (optionally) the displaced share of the pre-war population with its interval.

Takes the registry as returned by
``syriastats.with_sources(syriastats.load_estimates(), syriastats.load_sources())``
and returns ``(fig, data)``; see :mod:`syriastats.charts` for the conventions.
Units: persons (stocks at the date in ``period_end``); shares are fractions.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from syriastats.charts import style
from syriastats.dimensions import measure_mask
from syriastats.reading import breakdown_mask

MEASURE_LABELS: dict[str, str] = {
    "refugees_registered": "Registered refugees",
    "refugees": "Refugees worldwide",
    "idps": "Internally displaced",
    "displaced_total": "Displaced in total",
}

_DATE_COLUMNS = ("date", "on", "as_of", "period_end")


def _share_date(share_summary: pd.DataFrame, share_date: Any) -> pd.Timestamp:
    if share_date is not None:
        return pd.Timestamp(share_date)
    for c in _DATE_COLUMNS:
        if c in share_summary.columns:
            return pd.Timestamp(share_summary[c].iloc[0])
    raise ValueError("share_summary needs a date column (date, on, as_of or period_end) "
                     "or pass share_date=")


def plot_displacement(estimates: pd.DataFrame, share_summary: pd.DataFrame | None = None, *,
                      measures: Sequence[str] = ("refugees_registered", "idps"),
                      publishers: Mapping[str, Sequence[str]] | None = None,
                      show_others: bool = True,
                      share_date: Any = None,
                      share_label: str = "Displaced share of the pre-war population",
                      share_interval_note: str = ("the 90% interval of the syriastats "
                                                  "uncertainty model"),
                      start: Any = "2011-01-01", title: str | None = None,
                      subtitle: str | None = None, source: str | None = None,
                      note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Registered refugees and internally displaced people over time, one panel, direct labels.

    Each (measure, publisher) pair with a stated figure is one series
    (x = ``period_end``; when a date has several figures from one publisher,
    the latest published wins); a series with two or more dates is a line
    with markers, a single figure a marker. A stated low-high range is drawn
    as a vertical bar on its point. Series differ in colour, line style and
    marker and are labelled at their last point.

    Parameters
    ----------
    share_summary
        Optional one-row DataFrame with ``median``, ``lower_90``,
        ``upper_90`` (fractions, as from :func:`syriastats.uncertainty.summarise`)
        and a date in ``date``/``on``/``as_of``/``period_end`` (or *share_date*).
        The share and its interval are written in a box on the chart and a
        dotted vertical line marks its date. *share_interval_note* says where
        the interval comes from.
    publishers
        ``{measure: [publisher, ...]}``: the publishers drawn as labelled
        series. By default, for each measure, the publisher with the most
        figures (ties: alphabetical), so each measure is one consistent
        series rather than a zigzag between agencies' definitions.
    show_others
        Draw the other publishers' figures for the same measures as small
        grey open circles (with a key), so disagreement stays visible.

    Returns
    -------
    (fig, data)
        One row per plotted point: ``series``, ``measure``, ``publisher``,
        ``estimate_id``, ``source_id``, ``date``, ``persons``,
        ``range_low_persons``, ``range_high_persons``, ``range_meaning``;
        plus, with a share summary, one row with ``series`` = *share_label*
        and ``share_median_fraction``, ``share_lower_90_fraction``,
        ``share_upper_90_fraction`` (other numeric columns empty).
    """
    need = ("estimate_id", "source_id", "measure", "central", "low", "high", "range_type",
            "publisher", "published", "period_end")
    missing = [c for c in need if c not in estimates.columns]
    if missing:
        raise ValueError(f"plot_displacement: estimates lacks columns {missing}")
    sel = estimates[measure_mask(estimates, list(measures)) & ~breakdown_mask(estimates)
                    & estimates["central"].notna()
                    & (estimates["period_end"] >= pd.Timestamp(start))].copy()
    if sel.empty:
        raise ValueError(f"no figures for {list(measures)}")
    sel = sel.sort_values(["measure", "publisher", "period_end", "published", "estimate_id"],
                          kind="mergesort")
    sel = sel.groupby(["measure", "publisher", "period_end"], sort=True, observed=True).tail(1)
    if publishers is None:
        counts = (sel.assign(_m=sel["measure"].astype(str), _p=sel["publisher"].astype(str))
                  .groupby(["_m", "_p"]).size().reset_index(name="n")
                  .sort_values(["_m", "n", "_p"], ascending=[True, False, True], kind="mergesort"))
        publishers = {m: [str(g["_p"].iloc[0])] for m, g in counts.groupby("_m", sort=True)}
    keep = np.zeros(len(sel), dtype=bool)
    for meas, pubs in publishers.items():
        keep |= ((sel["measure"].astype(str) == meas)
                 & sel["publisher"].astype(str).isin(list(pubs))).to_numpy()
    others = sel[~keep] if show_others else sel.iloc[0:0]
    sel = sel[keep]
    if sel.empty:
        raise ValueError(f"no figures for {list(measures)} from {dict(publishers)}")
    keys = sorted({(str(m), str(p)) for m, p in zip(sel["measure"], sel["publisher"])},
                  key=lambda k: (list(measures).index(k[0]), k[1]))

    fig, ax = style.new_figure()
    records: list[dict[str, Any]] = []
    ends: list[tuple[pd.Timestamp, float, str, str]] = []
    with style.house_style():
        for i, (meas, pub) in enumerate(keys):
            s = sel[(sel["measure"].astype(str) == meas) & (sel["publisher"].astype(str) == pub)]
            st = style.series_style(i)
            name = f"{MEASURE_LABELS.get(meas, meas.replace('_', ' '))} ({style.short_publisher(pub)})"
            x = pd.to_datetime(s["period_end"]).to_numpy()
            y = s["central"].to_numpy(float)
            ax.plot(x, y, color=st["color"], linestyle=st["linestyle"] if len(s) > 1 else "none",
                    marker=st["marker"], markersize=4.5, gid=f"series-{i}", label=name)
            for _, r in s.iterrows():
                lo, hi = style.range_bounds(r)
                if lo is not None and hi is not None:
                    ax.plot([pd.Timestamp(r["period_end"])] * 2, [lo, hi], color=st["color"],
                            alpha=0.5, linewidth=2.5, gid=f"range-{r['estimate_id']}")
                records.append({
                    "series": name, "measure": meas, "publisher": pub,
                    "estimate_id": str(r["estimate_id"]), "source_id": str(r["source_id"]),
                    "date": pd.Timestamp(r["period_end"]), "persons": float(r["central"]),
                    "range_low_persons": lo, "range_high_persons": hi,
                    "range_meaning": style.range_meaning(r) if lo is not None else "",
                })
            ends.append((pd.Timestamp(x[-1]), float(y[-1]), name, st["color"]))
        for _, r in others.sort_values(["period_end", "estimate_id"], kind="mergesort").iterrows():
            meas = str(r["measure"])
            ax.plot([pd.Timestamp(r["period_end"])], [float(r["central"])], linestyle="none",
                    marker="o", markersize=3.5, markerfacecolor="white",
                    markeredgecolor=style.GREY, markeredgewidth=0.8, zorder=1,
                    gid=f"other-{r['estimate_id']}")
            records.append({
                "series": f"Other publishers: {MEASURE_LABELS.get(meas, meas).lower()}",
                "measure": meas, "publisher": str(r["publisher"]),
                "estimate_id": str(r["estimate_id"]), "source_id": str(r["source_id"]),
                "date": pd.Timestamp(r["period_end"]), "persons": float(r["central"]),
                "range_low_persons": None, "range_high_persons": None, "range_meaning": "",
            })
        ax.set_xlim(pd.Timestamp(start), None)
        style.start_at_zero(ax, headroom=0.4 if share_summary is not None else 0.08)
        style.thousands(ax)
        ax.xaxis.set_major_locator(mdates.YearLocator(base=2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_ylabel("People (persons)")
        share_row: dict[str, Any] | None = None
        share_box = None
        if share_summary is not None:
            if len(share_summary) != 1:
                raise ValueError("share_summary must have exactly one row")
            r = share_summary.iloc[0]
            med, lo90, hi90 = (float(r["median"]), float(r["lower_90"]), float(r["upper_90"]))
            if not (0 <= lo90 <= med <= hi90 <= 1):
                raise ValueError("share_summary must satisfy 0 <= lower_90 <= median <= upper_90 <= 1")
            when = _share_date(share_summary, share_date)
            ax.axvline(when, color=style.GREY, linestyle=":", linewidth=1, gid="share-date")
            text = (f"{share_label}, {when:%B %Y} (dotted line):\n"
                    f"{style.fmt_share(med)} (90% interval {style.fmt_share(lo90)}-"
                    f"{style.fmt_share(hi90)})")
            # in the empty headroom at the top left, clear of the lines
            share_box = ax.annotate(text, xy=(0.0, 1.0), xycoords="axes fraction",
                        xytext=(6, -4), textcoords="offset points", ha="left", va="top",
                        fontsize=style.BASE_SIZE - 0.5, color="#222222", gid="share-box",
                        bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": style.GREY,
                              "lw": 0.6})
            share_row = {"series": share_label, "measure": "displaced_share", "publisher": "",
                         "estimate_id": "", "source_id": "", "date": when,
                         "share_median_fraction": med, "share_lower_90_fraction": lo90,
                         "share_upper_90_fraction": hi90}
        right_in = max(style.text_width_in(part, style.BASE_SIZE - 1)
                       for e in ends for part in e[2].replace(" (", "\n(").split("\n")) + 0.3
        style.set_margins(fig, left_in=0.95, right_in=right_in, axis_bottom_in=0.35)

        pubs = list(dict.fromkeys([k[1] for k in keys] + [str(p) for p in others["publisher"]]))
        title = title or "Syrians forced from their homes"
        subtitle = subtitle or ("Refugees registered in neighbouring countries and people "
                                "displaced inside Syria, by date of the figure")
        source = source or style.source_line(pubs, short=True)
        default_note = ("Registered refugees count only those registered with UNHCR or host "
                        "governments. Internal displacement figures are agency estimates.")
        if share_row is not None:
            default_note += f" The displaced share's range is {share_interval_note}."
        if any(rec["range_meaning"] for rec in records):
            default_note += " Vertical bars show ranges stated by the source."
        note = note or default_note
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
        if not others.empty:
            style.key_above(ax, [Line2D([], [], linestyle="none", marker="o", markersize=3.5,
                                        markerfacecolor="white", markeredgecolor=style.GREY,
                                        label="Same measures, other publishers' figures")],
                            ncol=1)
        if share_box is not None:
            # raise the top of the axis until the share box clears every plotted figure
            renderer = fig.canvas.get_renderer()
            box = share_box.get_window_extent(renderer)
            axes_box = ax.get_window_extent(renderer)
            pad_px = (0.35 * (style.BASE_SIZE - 0.5) + 4) * fig.dpi / 72
            frac = (axes_box.y1 - box.y0 + pad_px) / max(axes_box.height, 1.0)
            highest = max(max((v for rec in records
                               for v in (rec["persons"], rec["range_high_persons"])
                               if v is not None), default=0.0), 1.0)
            if frac < 0.9:
                ax.set_ylim(0, highest / (1 - frac))
        ys = style.spread([e[1] for e in ends],
                          style.points_to_data_y(ax, (style.BASE_SIZE - 1) * 2.6))
        for (xe, ye, name, colour), yl in zip(ends, ys):
            # placed at the spread-out height so neighbouring labels do not collide
            ax.annotate(name.replace(" (", "\n("), xy=(xe, yl), xytext=(8, 0),
                        textcoords="offset points", color=style.text_colour(colour),
                        fontsize=style.BASE_SIZE - 1, ha="left", va="center",
                        annotation_clip=False)

    cols = ["series", "measure", "publisher", "estimate_id", "source_id", "date", "persons",
            "range_low_persons", "range_high_persons", "range_meaning"]
    if share_row is not None:
        cols += ["share_median_fraction", "share_lower_90_fraction", "share_upper_90_fraction"]
        records.append(share_row)
    data = pd.DataFrame.from_records(records, columns=cols)
    for c in cols[6:9] + cols[10:]:
        data[c] = data[c].astype("Float64")
    data["date"] = pd.to_datetime(data["date"])
    data["range_meaning"] = data["range_meaning"].fillna("")
    last = [f"{e[2]}: {style.fmt_count(e[1])} ({e[0]:%B %Y})" for e in ends]
    alt = ("Line chart of displacement from Syria over time. Latest figures: "
           + "; ".join(last) + "."
           + (f" {share_label}: {style.fmt_share(share_row['share_median_fraction'])} "
              f"(90% interval {style.fmt_share(share_row['share_lower_90_fraction'])} to "
              f"{style.fmt_share(share_row['share_upper_90_fraction'])})."
              if share_row is not None else ""))
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt, source_ids=sorted(set(data["source_id"]) - {""}))
    return fig, data


__all__ = ["MEASURE_LABELS", "plot_displacement"]
