"""Which exported charts are news charts and which are methods charts.

News charts (:data:`syriastats.newsroom.NEWS_SLUGS`) are written to
``figures/``; methods charts (how the numbers were checked and modelled) to
``figures/methods/``. Notebooks that export a methods chart need not say so:
:func:`syriastats.export.save_chart` routes a slug through :data:`METHODS_SLUGS`
unless its metadata sets ``section`` itself.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NEWS: str = "news"
METHODS: str = "methods"

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
    """``'news'`` or ``'methods'``: *meta*'s ``section`` if set, else from :data:`METHODS_SLUGS`."""
    if meta is not None and meta.get("section"):
        value = str(meta["section"])
        if value not in (NEWS, METHODS):
            raise ValueError(f"meta field 'section' must be 'news' or 'methods', not {value!r}")
        return value
    return METHODS if slug in METHODS_SLUGS else NEWS


__all__ = ["METHODS", "METHODS_SLUGS", "NEWS", "section_of"]
