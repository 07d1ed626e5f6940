"""claim_row_problems: the checker's own rule on claim rows ('highest since' needs a past year)."""
from __future__ import annotations

import pandas as pd

from syriastats.claims.loading import claim_row_problems


def test_only_highest_since_rows_with_a_bad_year_are_reported():
    claims = pd.DataFrame({
        "claim_id": ["a", "b", "c", "d"],
        "comparator": ["about", "highest_since", "highest_since", "at_least"],
        # 'a' and 'd' carry numbers that would be bad years: not 'highest since', not read
        "value": [2050.0, 1945.0, 2050.0, 3000.0],
        "as_of": ["2016-08-01"] * 4,
    })
    out = claim_row_problems(claims, {"a": 2, "b": 3, "c": 4, "d": 5}, "x.csv")
    assert [(p.record_id, p.row, p.column) for p in out] == [("c", 4, "value")]


def test_a_file_without_comparators_has_no_such_problem():
    assert claim_row_problems(pd.DataFrame({"claim_id": ["a"], "value": [2050.0]})) == []
