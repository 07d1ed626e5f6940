#!/usr/bin/env python3
"""Migration 002: say, as data, which deaths a death figure counts (column ``death_scope``).

Before this migration the suite decided whether a ``deaths_*`` figure counts more than
deaths from violence (indirect deaths from lack of care, food or shelter; the missing)
by searching its ``scope`` sentence for words such as "indirect" or "missing". This
script writes that judgement down once, per row, in the controlled column
``death_scope`` (inserted right after ``perpetrator``); the runtime code reads only the
column. Vocabulary (declared with descriptions in ``data/datapackage.json``):

``violent``
    deaths from violence only (killed in fighting, shelling, bombing, executions, or by
    torture and deprivation in detention);
``violent_and_indirect``
    also deaths the war caused indirectly (lack of health care, medicine, food, water,
    shelter);
``violent_and_missing``
    also people missing or forcibly disappeared (not all of whom are dead);
``violent_indirect_and_missing``
    both of the above;
``indirect``
    indirect deaths only;
``excess``
    all-cause excess mortality against a pre-war baseline (violent and indirect alike).

Non-death measures leave the cell empty. The rule is the measure's default
(:data:`MEASURE_DEFAULT`); the rows whose ``scope`` says they count more are listed in
:data:`OVERRIDES`, each with the words of the scope that justify it. Every ``deaths_*``
row whose scope or notes mention indirect deaths, lack of care, siege, the missing or the
disappeared was read for this migration (2026-11-30); the rows that mention them only to
*exclude* them (SOHR: "excludes the missing"; Guha-Sapir et al.: "excludes ... the
missing and deaths from siege or lack of care") keep ``violent``.

Re-runnable and idempotent: a filled cell is kept unless ``--force`` is given; no other
column is touched (checked). Rows added later get the rule's value.

Usage: ``python data/migrations/002_death_scope.py [--data DIR] [--force] [--check]``
(``--check`` writes nothing and exits 1 if the file would change).
"""
from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run, write_rows  # noqa: E402  (the migrations' shared writer and CLI)

COLUMN = "death_scope"
AFTER = "perpetrator"

#: Each death measure's value when the row's scope says nothing more.
MEASURE_DEFAULT: dict[str, str] = {
    "deaths_battle_related": "violent",
    "deaths_civilian": "violent",
    "deaths_combatant": "violent",
    "deaths_direct": "violent",
    "deaths_excess": "excess",
    "deaths_in_detention": "violent",
    "deaths_indirect": "indirect",
    "deaths_organised_violence": "violent",
    "deaths_total": "violent",
    "deaths_total_incl_missing": "violent_and_missing",
}

#: Rows whose scope says they count more than the measure's default:
#: estimate_id -> (death_scope, the words of the scope that say so).
OVERRIDES: dict[str, tuple[str, str]] = {
    "demistura-2016-04": (
        "violent_indirect_and_missing",
        "all war deaths incl. ... deaths from lack of medical care and the disappeared"),
    "scpr-2016-total": (
        "violent_and_indirect",
        "direct (violence) plus indirect (lack of health care, medicine, food, water, "
        "sanitation, housing)"),
    # Two rows of the measure deaths_total_incl_missing add to SOHR's named count the
    # deaths it knows of without names (not the missing): violent deaths only.
    "sohr-2018-03-est": (
        "violent", "deaths SOHR documented by name ... plus deaths it says it knows of but "
        "cannot name"),
    "sohr-2024-03-incl-unnamed": (
        "violent", "SOHR documented deaths by name (507,567) plus deaths it verified without "
        "names (110,343)"),
}


def decide(rec: dict[str, str]) -> str:
    """The ``death_scope`` the rules give a row (empty for a non-death measure)."""
    rid = rec["estimate_id"]
    if rid in OVERRIDES:
        return OVERRIDES[rid][0]
    measure = rec.get("measure", "")
    if measure.startswith("deaths_") and measure not in MEASURE_DEFAULT:
        raise SystemExit(f"row {rid}: death measure {measure!r} has no default death_scope; "
                         "add it to MEASURE_DEFAULT")
    return MEASURE_DEFAULT.get(measure, "")


def migrate(text: str, *, force: bool = False) -> str:
    """*text* (``estimates.csv``) with ``death_scope`` filled; other cells unchanged."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    if COLUMN not in header:
        at = header.index(AFTER) + 1
        header = header[:at] + [COLUMN] + header[at:]
        body = [r[:at] + [""] + r[at:] for r in body]
    recs = [dict(zip(header, r)) for r in body]
    unknown = sorted(set(OVERRIDES) - {r["estimate_id"] for r in recs})
    if unknown:
        raise SystemExit(f"overrides name rows that do not exist: {', '.join(unknown)}")
    out = []
    for rec in recs:
        new = dict(rec)
        if force or not rec.get(COLUMN, ""):
            new[COLUMN] = decide(rec)
        assert {k: v for k, v in rec.items() if k != COLUMN} == \
            {k: v for k, v in new.items() if k != COLUMN}, rec["estimate_id"]
        out.append(new)
    return write_rows(header, out)


def summary(text: str) -> list[str]:
    """How many rows of each death measure have each ``death_scope``."""
    counts = Counter((rec["measure"], rec[COLUMN]) for rec in csv.DictReader(io.StringIO(text))
                     if rec[COLUMN])
    return [f"{m:28s} {v:30s} {n}" for (m, v), n in sorted(counts.items())]


if __name__ == "__main__":
    sys.exit(run(migrate, summary, __doc__))
