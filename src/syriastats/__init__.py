"""syriastats: sourced, uncertainty-aware statistics of deaths and displacement
in the Syrian civil war (March 2011 on).

Load the registry with :func:`load_sources`, :func:`load_estimates` and
:func:`load_claims`; every load is validated and raises
:class:`RegistryError` listing every problem (file, row, column, id, message).
"""
from __future__ import annotations

from syriastats.sources import (
    load_claims,
    load_estimates,
    load_sources,
    with_sources,
)
from syriastats.validate import Problem, RegistryError, validate_data_dir


def check_text(text: str, *, published, url=None, known="then", **kw):  # type: ignore[no-untyped-def]
    """Find and judge the claims in a text: see :func:`syriastats.textclaims.check_text`."""
    from syriastats.textclaims import check_text as _check_text

    return _check_text(text, published=published, url=url, known=known, **kw)

__all__ = [
    "Problem",
    "check_text",
    "RegistryError",
    "load_claims",
    "load_estimates",
    "load_sources",
    "validate_data_dir",
    "with_sources",
]
__version__ = "0.1.0"
