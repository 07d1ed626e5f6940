"""Text cells that are safe to open in a spreadsheet (no CSV/formula injection).

OWASP's rule ("CSV Injection"): a spreadsheet treats a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``,
``+cmd|' /C calc'!A0``, ``@SUM(1)``). Such a *text* cell is written with a leading
single quote, which spreadsheets show as text and do not evaluate. Numbers are not
text: a negative number (a float, or a string that is a plain number such as
``-0.5``) is left as it is, so it stays a number in the spreadsheet.

Used by :func:`syriastats.claims.format_verdicts` (``syriastats check --format csv``
and ``json``) and :func:`syriastats.export.format_csv` (every ``figures/*.csv``).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from syriastats.parsing import number_problem

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: Any) -> Any:
    """*value* with a leading ``'`` if it is text a spreadsheet would run as a formula.

    Non-strings (numbers, None, NaN) and strings that are plain numbers are returned
    unchanged: ``escape_cell("=1+2") == "'=1+2"``, ``escape_cell("-5") == "-5"``,
    ``escape_cell(-5.0) == -5.0``.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if number_problem(value) is None:
        return value
    return "'" + value


def escape_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of *df* with every text cell escaped (numeric columns untouched)."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(escape_cell, na_action="ignore")
    return out


def escape_json(obj: Any) -> Any:
    """*obj* (JSON-like: dicts, lists, scalars) with every string value escaped; keys kept."""
    if isinstance(obj, Mapping):
        return {k: escape_json(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [escape_json(v) for v in obj]
    return escape_cell(obj)
