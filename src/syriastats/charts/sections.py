"""Which exported charts are news charts and which are methods charts.

News charts (:data:`syriastats.newsroom.NEWS_SLUGS`) are written to
``figures/``; methods charts (how the numbers were checked and modelled) to
``figures/methods/``. Notebooks that export a methods chart need not say so:
:func:`syriastats.export.save_chart` routes every slug that is not a news slug to
``methods/`` unless its metadata sets ``section`` itself.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NEWS: str = "news"
METHODS: str = "methods"

#: The news charts (drawn by syriastats.newsroom), in gallery order.
NEWS_SLUGS: tuple[str, ...] = (
    "toll-over-time", "deaths-per-year", "deaths-by-perpetrator", "deaths-by-governorate",
    "displacement", "refugees-by-host", "returns-since-2024-12", "idps-by-governorate",
)

#: Slugs exported by the notebooks that are methods charts (notebook in brackets).
METHODS_SLUGS: frozenset[str] = frozenset({
    "registry-coverage",      # 01_sources
    "cumulative-tolls",       # 02_death_toll
    "deaths-known-2016-08",   # 02_death_toll
    "ucdp-yearly",            # 02_death_toll
    "displacement-share",     # 03_displacement
    "claims-vs-intervals",    # 04_claims_check
    "documentation-gap",      # 05_documentation_gap
})


def section_of(slug: str, meta: Mapping[str, Any] | None = None) -> str:
    """``'news'`` or ``'methods'``: *meta*'s ``section`` if set; else ``'news'`` for
    :data:`NEWS_SLUGS` and ``'methods'`` for every other slug (a notebook's chart is a
    methods chart unless it says otherwise; :data:`METHODS_SLUGS` lists the known ones)."""
    if meta is not None and meta.get("section"):
        value = str(meta["section"])
        if value not in (NEWS, METHODS):
            raise ValueError(f"meta field 'section' must be 'news' or 'methods', not {value!r}")
        return value
    return NEWS if slug in NEWS_SLUGS and slug not in METHODS_SLUGS else METHODS


__all__ = ["METHODS", "METHODS_SLUGS", "NEWS", "NEWS_SLUGS", "section_of"]
