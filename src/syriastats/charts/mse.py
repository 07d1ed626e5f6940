"""Chart of the documentation gap: how much of a death toll the lists never recorded.

One function, :func:`plot_documentation_gap`, draws for each case a bar of 100 % of
the (estimated or enumerated) total, split into the documented part and the part no
list recorded, with both counts written on the bar. Input is the DataFrame returned
by :func:`syriastats.mse.documentation_gaps`. Units: persons killed; shares are
fractions of the total.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from syriastats.charts import style

_NEEDED = ("case", "documented_deaths", "total_deaths", "total_kind")


def plot_documentation_gap(
    gaps: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    note: str | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Documented versus undocumented deaths, as shares of the total, one bar per case.

    Args:
        gaps: one row per case with ``case``, ``documented_deaths``, ``total_deaths``
            (a statistical estimate or a later near-complete count), ``total_kind``
            and optionally ``source_id``/``publisher`` (as from
            :func:`syriastats.mse.documentation_gaps`).
        title, subtitle, source, note: override the default header and footer texts.

    Returns:
        ``(fig, data)``: the figure and the plotted numbers (``case``,
        ``documented_deaths``, ``undocumented_deaths``, ``total_deaths``,
        ``documented_share``, ``undocumented_share`` (fractions), ``total_kind``,
        ``source_id``), in drawing order from top to bottom.
    """
    missing = [c for c in _NEEDED if c not in gaps.columns]
    if missing:
        raise ValueError(f"plot_documentation_gap: gaps lacks columns {missing}; pass "
                         "syriastats.mse.documentation_gaps(...)")
    if len(gaps) == 0:
        raise ValueError("plot_documentation_gap: no cases to plot")
    doc = gaps["documented_deaths"].astype(float).to_numpy()
    tot = gaps["total_deaths"].astype(float).to_numpy()
    if np.any(tot <= 0) or np.any(doc > tot) or np.any(doc < 0):
        raise ValueError("plot_documentation_gap: need 0 <= documented <= total and total > 0")
    data = pd.DataFrame({
        "case": gaps["case"].astype(str).to_numpy(),
        "documented_deaths": doc,
        "undocumented_deaths": tot - doc,
        "total_deaths": tot,
        "documented_share": doc / tot,
        "undocumented_share": 1 - doc / tot,
        "total_kind": gaps["total_kind"].astype(str).to_numpy(),
        "source_id": (gaps["source_id"].astype(str).to_numpy() if "source_id" in gaps
                      else [""] * len(gaps)),
    })

    n = len(data)
    height = max(style.FIGSIZE[1], 2.6 + 0.75 * n)
    fig, ax = style.new_figure(figsize=(style.FIGSIZE[0], height))
    documented_colour = style.OKABE_ITO["blue"]
    gap_colour = style.OKABE_ITO["orange"]
    with style.house_style():
        y = np.arange(n)[::-1]
        ax.barh(y, data["documented_share"], height=0.55, color=documented_colour,
                edgecolor=documented_colour, label="Documented by name (a minimum)")
        ax.barh(y, data["undocumented_share"], left=data["documented_share"], height=0.55,
                color="white", edgecolor=gap_colour, hatch="///", linewidth=1.2,
                label="Not on any list")
        for yi, (_, r) in zip(y, data.iterrows()):
            ds = r["documented_share"]
            ax.annotate(f"{style.fmt_count(r['documented_deaths'])}\n({style.fmt_share(ds)})",
                        xy=(ds / 2, yi), ha="center", va="center", color="white",
                        fontsize=style.BASE_SIZE - 1, fontweight="bold",
                        gid=f"onfill-{documented_colour.lstrip('#').lower()}")  # text on the bar
            ax.annotate(f"{style.fmt_count(r['undocumented_deaths'])}",
                        xy=(ds + r["undocumented_share"] / 2, yi), ha="center", va="center",
                        color=style.darker(gap_colour, 0.6), fontsize=style.BASE_SIZE - 1,
                        fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
            ax.annotate(f"Total {style.fmt_count(r['total_deaths'])}: {r['total_kind']}",
                        xy=(0, yi + 0.30), xytext=(0, 1), textcoords="offset points",
                        ha="left", va="bottom", color=style.GREY,
                        fontsize=style.BASE_SIZE - 1.5, fontstyle="italic")
        ax.set_yticks(y)
        ax.set_yticklabels(data["case"])
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.6, n - 0.2)
        style.percent(ax, "x")
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        handles = [Patch(facecolor=documented_colour, edgecolor=documented_colour,
                         label="Documented (a minimum)"),
                   Patch(facecolor="white", edgecolor=gap_colour, hatch="///",
                         label="On no list")]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.10),
                  ncol=2, fontsize=style.BASE_SIZE - 1.5)
        left_in = max(style.text_width_in(t, style.BASE_SIZE - 0.5) for t in data["case"]) + 0.3
        style.set_margins(fig, left_in=min(left_in, 2.6), right_in=0.25, axis_bottom_in=0.7)
        title = title or "Documented deaths are only part of the toll"
        subtitle = subtitle or ("Deaths recorded by name on at least one list, and those no list "
                                "recorded, as shares of the estimated or later-counted total")
        pubs = (gaps["publisher"].astype(str).tolist() if "publisher" in gaps else [])
        source = source or style.source_line(pubs)
        note = note or ("Kosovo: the total is a later near-complete count, so its gap is "
                        "measured, not estimated. Syria: totals are statistical (multiple "
                        "systems) estimates from overlapping lists; their uncertainty is "
                        "not drawn.")
        style.add_header(fig, title, subtitle)
        style.add_footer(fig, source, note)
        id_cols = [c for c in ("source_id", "documented_source_id") if c in gaps]
        ids = sorted({str(s) for c in id_cols for s in gaps[c] if isinstance(s, str) and s})
        style.set_chart_meta(
            fig, title=title, subtitle=subtitle, source=source, note=note,
            alt_text=("Horizontal bars, one per case, split into the share of deaths "
                      "documented by name and the share no list recorded: "
                      + "; ".join(f"{c}: {style.fmt_share(s)} documented "
                                  f"({style.fmt_count(d)} of {style.fmt_count(t)})"
                                  for c, s, d, t in zip(data["case"], data["documented_share"],
                                                        data["documented_deaths"],
                                                        data["total_deaths"]))),
            source_ids=ids)
    return fig, data


__all__ = ["plot_documentation_gap"]
