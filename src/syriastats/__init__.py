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

__all__ = [
    "Problem",
    "RegistryError",
    "load_claims",
    "load_estimates",
    "load_sources",
    "validate_data_dir",
    "with_sources",
]
__version__ = "0.1.0"
