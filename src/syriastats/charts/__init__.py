"""Charts of the syriastats suite, in the house style of :mod:`syriastats.charts.style`.

Every plot function takes registry DataFrames (``syriastats.with_sources(
syriastats.load_estimates(), syriastats.load_sources())``) and returns
``(fig, data)``: the figure, with title, subtitle, source line and note drawn
in the image, and exactly the plotted data (bounds included, units in column
names), ready for :func:`syriastats.export.save_chart`. Suggested export
metadata is on the figure: :func:`chart_meta`.
"""
from __future__ import annotations

from syriastats.charts.claims import plot_claims
from syriastats.charts.deaths import (
    plot_cumulative_tolls,
    plot_estimates_known_at,
    plot_ucdp_yearly,
)
from syriastats.charts.displacement import plot_displacement
from syriastats.charts.mse import plot_documentation_gap
from syriastats.charts.sources import plot_coverage
from syriastats.charts.style import apply_style, chart_meta, house_style

__all__ = [
    "apply_style",
    "chart_meta",
    "house_style",
    "plot_claims",
    "plot_coverage",
    "plot_cumulative_tolls",
    "plot_displacement",
    "plot_documentation_gap",
    "plot_estimates_known_at",
    "plot_ucdp_yearly",
]
