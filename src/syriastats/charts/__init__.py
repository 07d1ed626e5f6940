"""Charts of the syriastats suite, in the house style of :mod:`syriastats.charts.style`.

Every plot function takes registry DataFrames (``syriastats.with_sources(
syriastats.load_estimates(), syriastats.load_sources())``) and returns
``(fig, data)``: the figure, with title, subtitle, source line and note drawn
in the image, and exactly the plotted data (bounds included, units in column
names), ready for :func:`syriastats.export.save_chart`. Suggested export
metadata is on the figure: :func:`chart_meta`.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers; at run time they load on first use
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

#: Where each public name lives. Loaded lazily (PEP 562) so that the news charts
#: (:mod:`syriastats.newsroom`), which need only geo/i18n/cuts/newsframe/style, do not
#: pay for importing the methods charts' statistics (SciPy via syriastats.claims).
_WHERE: dict[str, str] = {
    "plot_claims": "claims",
    "plot_cumulative_tolls": "deaths",
    "plot_estimates_known_at": "deaths",
    "plot_ucdp_yearly": "deaths",
    "plot_displacement": "displacement",
    "plot_documentation_gap": "mse",
    "plot_coverage": "sources",
    "apply_style": "style",
    "chart_meta": "style",
    "house_style": "style",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f"syriastats.charts.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'syriastats.charts' has no attribute {name!r}")


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
