"""Helpers shared by the claim checker's test files: the columns of a claims table with
every dimension, and a claims row with only the fields a test sets."""
from __future__ import annotations

from typing import Any

CLAIM_COLS: list[str] = ["claim_id", "origin", "origin_date", "origin_url", "text", "measure",
                         "as_of", "value", "comparator", "notes", "period_start", "period_type",
                         "area", "host", "group"]


def claim_row(**fields: Any) -> dict[str, Any]:
    """A claims row: every column of :data:`CLAIM_COLS`, empty unless given."""
    return {**{c: None for c in CLAIM_COLS}, **fields}
