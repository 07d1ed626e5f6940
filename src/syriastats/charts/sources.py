"""Charts about the registry itself: who published figures about which dates."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from syriastats.charts import style
from syriastats.summaries import add_family

#: Families shown by default, in reading order (deaths, then displacement, then population).
DEFAULT_FAMILIES: tuple[str, ...] = (
    "SOHR", "UN OHCHR / HRDAG", "SNHR", "VDC", "UCDP", "SCPR", "United Nations (other)",
    "UNHCR", "IDMC", "UN OCHA", "World Bank / UN WPP", "Syrian CBS",
)


#: Measures about the world or other wars, left out of the coverage chart (not about Syria).
EXCLUDED_MEASURE_PREFIXES: tuple[str, ...] = ("global_", "wwii_")


def plot_coverage(registry: pd.DataFrame, *, families: Sequence[str] = DEFAULT_FAMILIES,
                  title: str | None = None, subtitle: str | None = None,
                  source: str | None = None, note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Which publisher family stated figures about which years, by method.

    One row of the chart per publisher family (:func:`syriastats.summaries.family`),
    one mark per (family, year of ``period_end``, method) with at least one figure;
    the mark's shape and colour say the method (documented count, statistical
    estimate, ...), its size the number of figures.

    Returns ``(fig, data)``; ``data`` has one row per mark: ``family``, ``year``,
    ``method``, ``figures`` (number of stated figures), ``estimate_ids``.
    """
    reg = add_family(registry)
    reg = reg[reg["family"].isin(list(families))
              & ~reg["measure"].astype(str).str.startswith(EXCLUDED_MEASURE_PREFIXES)]
    if reg.empty:
        raise ValueError("no figures from the requested publisher families")
    reg = reg.assign(year=pd.to_datetime(reg["period_end"]).dt.year.astype(int),
                     method=reg["method"].astype(str))
    g = reg.groupby(["family", "year", "method"], sort=True)
    data = pd.DataFrame({
        "figures": g.size(),
        "estimate_ids": g["estimate_id"].agg(lambda s: ";".join(sorted(map(str, s)))),
    }).reset_index()
    order = [f for f in families if f in set(data["family"])]
    data["family"] = pd.Categorical(data["family"], categories=order, ordered=True)
    data = data.sort_values(["family", "year", "method"], kind="mergesort").reset_index(drop=True)
    data["family"] = data["family"].astype(str)
    methods = sorted(data["method"].unique())
    offsets = dict(zip(methods, np.linspace(-0.25, 0.25, len(methods)) if len(methods) > 1 else [0.0]))

    fig, ax = style.new_figure(figsize=(6.0, 5.4))
    with style.house_style():
        ypos = {f: i for i, f in enumerate(order)}
        handles = []
        for m in methods:
            d = data[data["method"] == m]
            st = style.method_style(m)
            kw = style.marker_kwargs(st, size=6)
            sizes = 12 + 10 * np.sqrt(d["figures"].to_numpy(float))
            ax.scatter(d["year"].to_numpy(float), [ypos[f] + offsets[m] for f in d["family"]],
                       s=sizes, marker=st["marker"], facecolors=kw.get("markerfacecolor", st["color"]),
                       edgecolors=st["color"], linewidths=1.0, gid=f"method-{m}")
            handles.append(Line2D([], [], linestyle="none", **kw, label=st["label"]))
        ax.set_yticks(range(len(order)))
        ax.set_yticklabels(order)
        ax.invert_yaxis()
        years = data["year"]
        ax.set_xlim(years.min() - 0.7, years.max() + 0.7)
        ax.set_xticks([y for y in range(int(years.min()), int(years.max()) + 1) if y % 2 == 0])
        ax.xaxis.set_major_formatter(lambda v, _p: f"{int(round(v))}")
        ax.set_xlabel("Year the figure refers to (end of its period)")
        ax.grid(axis="y", visible=False)
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.45, -0.13), ncol=2,
                  frameon=False, fontsize=style.BASE_SIZE - 1.5, handletextpad=0.3,
                  columnspacing=1.0)
        style.set_margins(fig, left_in=1.75, right_in=0.2, axis_bottom_in=1.25)
        n = int(data["figures"].sum())
        title = title or "Who counted what, and when"
        subtitle = subtitle or (f"{n:,} stated figures on deaths, displacement and population in "
                                "the registry, by publisher, year and method (larger marks: more figures)")
        source = source or "Source: syriastats registry (data/estimates.csv), compiled from the publishers named"
        note = note or ("Documented counts are minimums; statistical estimates model what was not "
                        "documented; registrations count only people registered.")
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
    spans = data.groupby("family", sort=False)["year"].agg(["min", "max", "nunique"])
    span_text = "; ".join(f"{f}: {int(spans.loc[f, 'nunique'])} years between {int(spans.loc[f, 'min'])} "
                          f"and {int(spans.loc[f, 'max'])}" for f in order)
    alt = (f"Dot chart of {len(order)} publisher families against the years {int(years.min())} to "
           f"{int(years.max())}, one mark per year and method with at least one figure about "
           f"Syria. Years covered by each family: {span_text}.")
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt,
                         source_ids=sorted(set(map(str, reg["source_id"]))))
    return fig, data


__all__ = ["DEFAULT_FAMILIES", "plot_coverage"]
