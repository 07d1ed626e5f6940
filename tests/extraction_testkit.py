"""Helpers shared by the extractor's test files (tests/test_textclaims_*.py): run
:func:`syriastats.textclaims.extract_claims` on a sentence and pick the claim a test looks at,
with a clear failure message listing what was found."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from syriastats.textclaims import extract_claims


def by_value(df: pd.DataFrame, value: float) -> dict:
    """The one claim of *df* with this value (persons, or a fraction for shares)."""
    rows = df[(df.value - value).abs() < 1e-6]
    assert len(rows) == 1, df[["claim_text", "measure", "value"]].to_string()
    return rows.iloc[0].to_dict()


def extraction_helpers(default_published: str
                       ) -> tuple[Callable[..., pd.DataFrame], Callable[..., dict]]:
    """``claims(text, published=...)`` (every claim found) and ``only(text, published=...)``
    (the single claim found, failing if there are more or none), with *default_published*
    (ISO date) as the text's publication date."""
    def claims(text: str, published: str = default_published) -> pd.DataFrame:
        return extract_claims(text, published)

    def only(text: str, published: str = default_published) -> dict:
        df = claims(text, published)
        assert len(df) == 1, df[["claim_text", "measure", "value"]].to_string()
        return df.iloc[0].to_dict()

    return claims, only
