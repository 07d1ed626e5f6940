"""The methods chart of the toll model: the modelled band over time with the figures it
was fitted to. Returns ``(figure, data)`` like the functions of :mod:`syriastats.charts`."""
from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from syriastats.toll import TollFit


def plot_band(f: "TollFit", level: float = 0.9, *, then: "TollFit | None" = None
              ) -> tuple["Figure", pd.DataFrame]:
    """Band of the modelled cumulative toll (persons), documented counts of the whole toll
    (their coverage < 1 puts them below the band) and statistical estimates; optionally
    the band as it could be drawn from the figures known at ``then.as_known``."""
    from syriastats.charts.style import apply_style
    apply_style()
    b = f.band(level)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.fill_between(b["date"], b["lower"], b["upper"], alpha=0.25, color="#b2182b", lw=0,
                    label=f"modelled toll, {level:.0%} credible interval")
    ax.plot(b["date"], b["median"], color="#b2182b", lw=1.8, label="modelled toll, median")
    rows = [b.assign(series="model", kind="band", estimate_id="")]
    if then is not None:
        t = then.band(level)
        ax.fill_between(t["date"], t["lower"], t["upper"], alpha=0.0, hatch="///",
                        edgecolor="#555555", lw=0.0)
        ax.plot(t["date"], t["upper"], color="#555555", lw=0.8, ls="--",
                label=f"band from figures known on {then.as_known:%d %b %Y}")
        ax.plot(t["date"], t["lower"], color="#555555", lw=0.8, ls="--")
        rows.append(t.assign(series=f"known {then.as_known:%Y-%m-%d}", kind="band", estimate_id=""))
    x = f.inputs
    since = x[(x["kind"] == "documented") & (x["period_type"] == "cumulative")
              & (x["start"] <= pd.Timestamp("2011-04-01"))]
    for name, g in since.groupby("series", sort=True):
        ax.plot(g["end"], g["value"], marker="o", ms=3, lw=0.8, label=f"documented: {name}")
    est = x[(x["kind"] == "estimate") & (x["scope_part"] == "all")]
    if len(est):
        ax.scatter(est["end"], est["value"], marker="D", color="black", zorder=5,
                   label="statistical estimate")
    pts = pd.concat([since, est])[["end", "value", "series", "kind", "estimate_id"]].rename(
        columns={"end": "date", "value": "median"})
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1000:,.0f}k"))
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=7, frameon=False)
    data = pd.concat(rows + [pts], ignore_index=True).rename(
        columns={"median": "persons_median", "lower": "persons_lower", "upper": "persons_upper"})
    return fig, data[["date", "series", "kind", "estimate_id", "persons_median",
                      "persons_lower", "persons_upper"]]
