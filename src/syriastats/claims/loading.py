"""Reading a claims file: the loader (:func:`syriastats.sources.load_claims`) and the
checker's own rules on claim rows, with the line numbers for error messages."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from syriastats.claims.phrases import _present
from syriastats.sources import load_claims
from syriastats.validate import Problem, highest_since_problem, read_csv_text

__all__ = ["claim_row_problems", "load_claims"]


def claim_row_problems(claims: pd.DataFrame, lines: Mapping[str, int] | None = None,
                       file: str = "claims.csv") -> list[Any]:
    """Checker-specific problems of loaded claims rows (today: 'highest since' values).

    Returns :class:`syriastats.validate.Problem` objects (``row`` from *lines*, claim_id
    -> CSV line number, when given). Rows with a problem are judged ``not_checkable`` by
    :func:`check`; ``syriastats check`` reports them like other bad rows and leaves them out.
    """
    out: list[Any] = []
    if "perpetrator" in claims.columns and "measure" in claims.columns:
        # who killed is asked of death tolls only (COMPARATOR_RULES['perpetrator'])
        perp = claims["perpetrator"].astype(object)
        named = perp.map(lambda v: _present(v) and str(v).strip() not in ("", "all")).to_numpy(bool)
        deaths = claims["measure"].astype(object).map(lambda m: str(m).startswith("deaths_")).to_numpy(bool)
        for _, c in claims[named & ~deaths].iterrows():
            cid = str(c.get("claim_id"))
            out.append(Problem(file, (lines or {}).get(cid), "perpetrator", cid,
                               f"a perpetrator ({c['perpetrator']}) is given for measure "
                               f"{c['measure']}: the column is for death tolls only (leave it "
                               "empty)"))
    if "comparator" not in claims.columns:
        return out
    # only 'highest since' claims have a rule here: the others are never read row by row
    hs = claims[claims["comparator"].astype(object).map(str).to_numpy(object) == "highest_since"]
    for _, c in hs.iterrows():
        as_of = c.get("as_of_text") if _present(c.get("as_of_text")) else c.get("as_of")
        msg = highest_since_problem(c.get("value"), as_of)
        if msg:
            cid = str(c.get("claim_id"))
            out.append(Problem(file, (lines or {}).get(cid), "value", cid, msg))
    return out


def _claim_lines(target: Path, folder: Path) -> dict[str, int]:
    """claim_id -> line number in the claims CSV (header = line 1), for error messages."""
    f = target if target.is_file() else folder / "claims.csv"
    table, _ = read_csv_text(f)
    if table is None:
        return {}
    return {rec.get("claim_id", "").strip(): line for line, rec in table.rows}
