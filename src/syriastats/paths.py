"""Where the suite's folders are.

The data folder defaults to ``data/`` at the repository root; set the
environment variable ``SYRIASTATS_DATA`` (or pass ``data_dir=`` to a loader)
to read another copy, e.g. a user's own registry.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR: Path = REPO_ROOT / "data"
FIGURES_DIR: Path = REPO_ROOT / "figures"
NOTEBOOKS_DIR: Path = REPO_ROOT / "notebooks"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: *override*, else ``$SYRIASTATS_DATA``, else ``data/``."""
    if override is not None:
        return Path(override)
    env = os.environ.get("SYRIASTATS_DATA")
    return Path(env) if env else DEFAULT_DATA_DIR


def figures_dir() -> Path:
    """Return the figures folder: ``$SYRIASTATS_FIGURES`` or ``figures/``."""
    env = os.environ.get("SYRIASTATS_FIGURES")
    return Path(env) if env else FIGURES_DIR
