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


#: Order of the methods within a family's band and in the key.
METHOD_ORDER: tuple[str, ...] = (
    "documented_count", "statistical_estimate", "expert_estimate", "event_data",
    "agency_estimate", "registration", "derived", "demographic_estimate", "historical_estimate",
)

#: Measures about the world or other wars, left out of the coverage chart (not about Syria).
EXCLUDED_MEASURE_PREFIXES: tuple[str, ...] = ("global_", "wwii_")


def plot_coverage(registry: pd.DataFrame, *, families: Sequence[str] = DEFAULT_FAMILIES,
                  title: str | None = None, subtitle: str | None = None,
                  source: str | None = None, note: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Which publisher family stated figures about which years, by method.

    One band of the chart per publisher family (:func:`syriastats.summaries.family`),
    split into one line per method the family used, so marks never sit on
    top of each other; one mark per (family, year of ``period_end``, method)
    with at least one figure. The mark's shape and colour say the method
    (documented count, statistical estimate, ...), its size the number of
    figures. Figures about the world or other wars (measures starting with
    :data:`EXCLUDED_MEASURE_PREFIXES`) and publishers outside *families* are
    left out; the subtitle says how many of the registry's figures are drawn.

    Returns ``(fig, data)``; ``data`` has one row per mark: ``family``, ``year``,
    ``method``, ``figures`` (number of stated figures), ``estimate_ids``.
    """
    total = int(len(registry))
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
    # one line per (family, method), methods in the order of METHOD_ORDER
    method_rank = {m: i for i, m in enumerate(METHOD_ORDER)}
    methods = sorted(data["method"].unique(),
                     key=lambda m: (method_rank.get(m, len(method_rank)), m))
    lines: list[tuple[str, str]] = []
    for f in order:
        used = sorted(set(data.loc[data["family"] == f, "method"]),
                      key=lambda m: (method_rank.get(m, len(method_rank)), m))
        lines += [(f, m) for m in used]
    ypos = {fm: i for i, fm in enumerate(lines)}
    row_in = 0.16  # height of one line, inches
    fig, ax = style.new_figure(figsize=(6.0, max(5.4, 3.35 + row_in * len(lines))))
    with style.house_style():
        handles = []
        for m in methods:
            d = data[data["method"] == m]
            st = style.method_style(m)
            kw = style.marker_kwargs(st, size=5.5)
            sizes = 9 + 7 * np.sqrt(d["figures"].to_numpy(float))
            ax.scatter(d["year"].to_numpy(float), [ypos[(f, m)] for f in d["family"]],
                       s=sizes, marker=st["marker"], facecolors=kw.get("markerfacecolor", st["color"]),
                       edgecolors=st["color"], linewidths=1.0, gid=f"method-{m}", zorder=3)
            handles.append(Line2D([], [], linestyle="none", **kw, label=st["label"]))
        # each family's lines on a band, alternately shaded, labelled at its middle
        centres = []
        for k, f in enumerate(order):
            rows = [ypos[fm] for fm in lines if fm[0] == f]
            lo, hi = min(rows) - 0.5, max(rows) + 0.5
            if k % 2 == 0:
                ax.axhspan(lo, hi, color="#F2F2F2", linewidth=0, zorder=0)
            centres.append((lo + hi) / 2)
        ax.set_yticks(centres)
        ax.set_yticklabels(order)
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(len(lines) - 0.5, -0.5)
        years = data["year"]
        ax.set_xlim(years.min() - 0.7, years.max() + 0.7)
        ax.set_xticks([y for y in range(int(years.min()), int(years.max()) + 1) if y % 2 == 0])
        ax.xaxis.set_major_formatter(lambda v, _p: f"{int(round(v))}")
        ax.set_xlabel("Year the figure refers to (end of its period)")
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color="white", linewidth=0.8)
        ax.spines["left"].set_visible(False)
        style.set_margins(fig, left_in=1.75, right_in=0.2, axis_bottom_in=1.3)
        n = int(data["figures"].sum())
        title = title or "Who counted what, and when"
        subtitle = subtitle or (f"{n:,} of the registry's {total:,} stated figures (those about "
                                f"Syria from its {len(order)} main publisher groups), by year and "
                                "method; larger marks: more figures")
        source = source or "Source: syriastats registry (data/estimates.csv), compiled from the publishers named"
        note = note or ("Documented counts are minimums; statistical estimates model what was not "
                        "documented; registrations count only people registered.")
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
        # the key under the x axis label, aligned with the title; placed once the layout is final
        w_in, h_in = fig.get_size_inches()
        pos = ax.get_position()
        ax.legend(handles=handles, loc="upper left",
                  bbox_to_anchor=(-(pos.x0 * w_in - style.PAD_IN) / (pos.width * w_in),
                                  -0.58 / (pos.height * h_in)),
                  ncol=2, frameon=False, fontsize=style.BASE_SIZE - 1.5, handletextpad=0.3,
                  columnspacing=1.2, borderaxespad=0.0, borderpad=0.0)
    spans = data.groupby("family", sort=False)["year"].agg(["min", "max", "nunique"])
    span_text = "; ".join(f"{f}: {int(spans.loc[f, 'nunique'])} years between {int(spans.loc[f, 'min'])} "
                          f"and {int(spans.loc[f, 'max'])}" for f in order)
    alt = (f"Dot chart of {n:,} of the registry's {total:,} stated figures, those about Syria "
           f"from {len(order)} publisher groups, against the years {int(years.min())} to "
           f"{int(years.max())}: one line per group and method, one mark per year with at "
           f"least one figure. Years covered by each group: {span_text}.")
    style.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                         alt_text=alt,
                         source_ids=sorted(set(map(str, reg["source_id"]))))
    return fig, data


__all__ = ["DEFAULT_FAMILIES", "plot_coverage"]
