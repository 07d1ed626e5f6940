#!/usr/bin/env python3
"""Migration 001: give every figure in ``data/estimates.csv`` its registry dimensions.

Inserts the columns ``period_type, area, host, group, perpetrator, role,
superseded_by`` right after ``scope`` and renames the suffix measures
(``refugees_registered_by_host`` -> ``refugees_registered``; ``refugees_by_host``
and ``refugees_worldwide`` -> ``refugees``) into base measure + ``host``.

This script is where the judgement is written down. It reads each row's
``measure``, period, ``scope`` and ``notes`` once, applies the rules below, and
then the explicit per-id overrides in :data:`OVERRIDES` wherever the prose is
ambiguous. The runtime code of the suite never parses prose: it reads the
columns this script writes. Review a change to the rules by running the script
and reading the diff of ``estimates.csv``.

Re-runnable and idempotent: a cell that already holds a value is kept (so rows
added later by hand, with their dimensions filled in, are left alone), unless
``--force`` is given, which recomputes every cell from the rules. Running it
twice gives the same file. Figure values are never touched (the script checks
that every column other than the new ones and ``measure`` is unchanged).

Usage: ``python data/migrations/001_dimensions.py [--data DIR] [--force] [--check]``
(``--check`` writes nothing and exits 1 if the file would change).
"""
from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run, write_rows  # noqa: E402  (the migrations' shared writer and CLI)

NEW_COLUMNS = ["period_type", "area", "host", "group", "perpetrator", "role", "superseded_by"]

#: Legacy suffix measures -> base measure (the host comes from the row's scope).
RENAMED_MEASURES = {
    "refugees_registered_by_host": "refugees_registered",
    "refugees_by_host": "refugees",
    "refugees_worldwide": "refugees",
}

#: Levels on a date.
STOCK_MEASURES = {
    "population", "idps", "idps_share", "displaced_total", "displaced_share", "refugees",
    "refugees_registered", "refugees_share", "global_forcibly_displaced", "global_idps",
    "global_refugees", "asylum_seekers_pending", "people_in_need", "syrians_in_host",
}
#: Always totals of what happened within the period.
FLOW_MEASURES = {"asylum_applications_europe", "idps_new_displacements"}
#: Always running totals from a start date.
CUMULATIVE_MEASURES = {"asylum_applications_europe_cumulative"}
#: Counts of events (deaths, injuries, returns): a calendar year is a flow, anything
#: else (typically "since March 2011" or "since 8 December 2024") a cumulative total.
EVENT_MEASURES = {
    "deaths_battle_related", "deaths_civilian", "deaths_combatant", "deaths_direct",
    "deaths_excess", "deaths_in_detention", "deaths_indirect", "deaths_organised_violence",
    "deaths_total", "deaths_total_incl_missing", "injured", "idp_returns", "refugee_returns",
    "missing_persons",
}
#: Measures with a perpetrator (deaths and injuries).
PERPETRATOR_MEASURES = {m for m in EVENT_MEASURES if m.startswith("deaths_")} | {"injured"}
#: Measures counting Syrians abroad (they have a host).
HOST_MEASURES = {
    "refugees", "refugees_registered", "refugees_share", "refugee_returns",
    "asylum_applications_europe", "asylum_applications_europe_cumulative",
    "asylum_seekers_pending", "global_refugees", "syrians_in_host",
}
#: Worldwide series (the people counted are not only Syrians).
WORLD_MEASURES = {"global_forcibly_displaced", "global_idps", "global_refugees", "wwii_displacement"}

COUNTRIES = {"Turkey": "TUR", "Lebanon": "LBN", "Jordan": "JOR", "Iraq": "IRQ", "Egypt": "EGY",
             "Germany": "DEU", "Sweden": "SWE", "Austria": "AUT", "Netherlands": "NLD"}
#: "registered in Lebanon only", "hosted in Germany only": the scope names one host country.
_ONE_HOST_RE = re.compile(r"\b(?:in|hosted in)\s+(" + "|".join(COUNTRIES) + r")\s+only\b")
#: The wording of the notes that marked context-only figures before this migration.
_CONTEXT_ONLY_RE = re.compile(r"\b(?:use (?:it )?only as context|context only|for context only)\b", re.I)
#: Scope wordings that say a death count leaves out government-side forces.
_NO_GOVERNMENT_FORCES_RE = re.compile(
    r"\bexcl\w*\b[^;.()]{0,40}?\b(?:government|security|regime)[\w-]*\s+(?:side\s+)?forces"
    r"|\b(?:government|security|regime)[\w-]*\s+forces\s+(?:are\s+)?not\s+covered", re.I)
#: Population counts of the civil registry (de jure: includes Syrians living abroad).
_CIVIL_REGISTRY_RE = re.compile(r"de jure|civil registry|civil-registry", re.I)
_CHILDREN_RE = re.compile(r"\bchildren\b", re.I)
_WOMEN_RE = re.compile(r"\bwomen\b", re.I)

_YEAR_START = re.compile(r"^(\d{4})(?:-01(?:-01)?)?$")
_YEAR_END = re.compile(r"^(\d{4})(?:-12(?:-31)?)?$")

# --------------------------------------------------------------------------- overrides
# Explicit decisions where the prose is ambiguous or the rules above cannot see it.
# Each entry: estimate_id -> {column: value}, with the reason in a comment.
OVERRIDES: dict[str, dict[str, str]] = {
    # A household survey in north-west Syria (Idlib and northern Aleppo), not all of Syria.
    "nw-syria-survey-2022-excess": {"area": "SY-NW"},
    # Opposition fighters only (the VDC subset of Guha-Sapir et al. 2018).
    "guhasapir-2018-comb": {"group": "armed_opposition"},
    # "Killed in the government crackdown": the figure attributes the deaths to the state.
    "un-2011-12-pillay": {"perpetrator": "government_and_allies"},
    # Deaths in government custody / government prisons.
    "hrdag-2016-custody-doc": {"group": "detainees", "perpetrator": "government_and_allies"},
    "hrdag-2016-custody-est": {"group": "detainees", "perpetrator": "government_and_allies"},
    "sohr-2021-06-prison": {"group": "detainees", "perpetrator": "government_and_allies"},
    "sohr-2024-12-prison": {"group": "detainees", "perpetrator": "government_and_allies"},
    # Refugees in the five neighbouring countries, as a share of the pre-war population.
    "reuters-refugees-share-2017-03-23": {"host": "REGION"},
    # Returns from the neighbouring countries only (UNHCR's regional count since 8 Dec 2024).
    "unhcr-refugee-returns-2025-12-08": {"host": "REGION"},
    # The April 2023 release of UNHCR's 2022 statistic, revised in the December 2025 release.
    "unhcr-rdf-refugees-2022-release-2023-04": {"role": "superseded",
                                                "superseded_by": "unhcr-rdf-refugees-2022"},
    # Early UCDP estimates of 2012, replaced by the GED revisions (about 50,000, see notes).
    "ucdp-jpr-2013-2012": {"role": "superseded", "superseded_by": "ucdp-ged-23-1-sb-2012"},
    "ucdp-2014-press-2012": {"role": "superseded", "superseded_by": "ucdp-ged-23-1-sb-2012"},
}
# UCDP GED 21.1 (via OWID) state-based deaths per year, replaced by GED 23.1 for the same year.
for _y in range(2011, 2022):
    OVERRIDES[f"ucdp-ged-21-1-owid-sb-{_y}"] = {"role": "superseded",
                                               "superseded_by": f"ucdp-ged-23-1-sb-{_y}"}
# World Bank WDI vintages of the 2010 and 2011 mid-year population: each vintage is replaced
# by the next one (the series is re-estimated with every UN WPP revision); the newest stays.
_WB_VINTAGES = ["2012-10-17", "2015-08-16", "2017-06-14", "2017-10-26", "2020-04-14",
                "2023-05-04", "2025-01-01"]


def _wb_chain(ids: set[str]) -> None:
    for year in ("2010", "2011"):
        chain = [f"wb-pop-{v}-vintage-{year}" for v in _WB_VINTAGES if f"wb-pop-{v}-vintage-{year}" in ids]
        for old, new in zip(chain, chain[1:]):
            OVERRIDES.setdefault(old, {}).update({"role": "superseded", "superseded_by": new})


# ------------------------------------------------------------------------------ rules


def _calendar_year(start: str, end: str) -> bool:
    a, b = _YEAR_START.match(start), _YEAR_END.match(end)
    return bool(a and b and a.group(1) == b.group(1))


def decide(rec: dict[str, str]) -> dict[str, str]:
    """The dimensions of one row (before overrides), from its measure, period, scope, notes."""
    measure = RENAMED_MEASURES.get(rec["measure"], rec["measure"])
    scope, notes = rec.get("scope", ""), rec.get("notes", "")
    start, end = rec["period_start"], rec["period_end"]
    out = {"measure": measure}
    # period_type
    if measure in STOCK_MEASURES:
        out["period_type"] = "stock"
    elif measure in FLOW_MEASURES:
        out["period_type"] = "flow"
    elif measure in CUMULATIVE_MEASURES:
        out["period_type"] = "cumulative"
    elif measure in EVENT_MEASURES:
        out["period_type"] = "flow" if _calendar_year(start, end) else "cumulative"
    elif measure == "wwii_displacement":
        out["period_type"] = "stock" if start == end else "cumulative"
    else:
        raise SystemExit(f"{rec['estimate_id']}: no period rule for measure {measure!r}")
    # area: Syria unless a worldwide series
    out["area"] = "WORLD" if measure in WORLD_MEASURES else "SYR"
    # host: only for measures counting Syrians abroad
    host = ""
    if measure in HOST_MEASURES:
        m = _ONE_HOST_RE.search(scope)
        if m:
            host = COUNTRIES[m.group(1)]
        elif measure == "refugees_registered":
            host = "REGION"
        elif measure.startswith("asylum_applications_europe"):
            host = "EUROPE"
        else:
            host = "WORLD"
    out["host"] = host
    # group: whom the figure counts
    if measure == "deaths_civilian":
        group = ("children" if _CHILDREN_RE.search(scope) else
                 "women" if _WOMEN_RE.search(scope) else "civilians")
    elif measure == "deaths_combatant":
        group = "combatants"
    elif measure == "deaths_in_detention":
        group = "detainees"
    elif measure == "population" and _CIVIL_REGISTRY_RE.search(scope):
        group = "civil_registry"
    elif measure in PERPETRATOR_MEASURES and _NO_GOVERNMENT_FORCES_RE.search(scope):
        group = "all_except_government_forces"
    else:
        group = "all"
    out["group"] = group
    out["perpetrator"] = "all" if measure in PERPETRATOR_MEASURES else ""
    out["role"] = "context_only" if _CONTEXT_ONLY_RE.search(notes) else "headline"
    out["superseded_by"] = ""
    return out


# ------------------------------------------------------------------------------- main


def migrate(text: str, *, force: bool = False) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    if "period_type" not in header:
        at = header.index("scope") + 1
        header = header[:at] + NEW_COLUMNS + header[at:]
        body = [r[:at] + [""] * len(NEW_COLUMNS) + r[at:] for r in body]
    recs = [dict(zip(header, r)) for r in body]
    ids = {r["estimate_id"] for r in recs}
    _wb_chain(ids)
    unknown = sorted(set(OVERRIDES) - ids)
    if unknown:
        raise SystemExit(f"overrides name rows that do not exist: {', '.join(unknown)}")
    out_rows = []
    for rec in recs:
        decided = decide(rec)
        decided.update(OVERRIDES.get(rec["estimate_id"], {}))
        new = dict(rec)
        new["measure"] = decided["measure"]
        for col in NEW_COLUMNS:
            if force or not rec.get(col, ""):
                new[col] = decided[col]
        before = {k: v for k, v in rec.items() if k not in NEW_COLUMNS and k != "measure"}
        after = {k: v for k, v in new.items() if k not in NEW_COLUMNS and k != "measure"}
        assert before == after, rec["estimate_id"]
        out_rows.append(new)
    out_rows.sort(key=lambda r: r["estimate_id"])
    return write_rows(header, out_rows)


def summary(text: str) -> list[str]:
    """How many rows have each value of each new column."""
    counts: Counter = Counter()
    for rec in csv.DictReader(io.StringIO(text)):
        for col in NEW_COLUMNS[:-1]:
            counts[(col, rec[col])] += 1
    return [f"{col:12s} {val or '(empty)':32s} {n}" for (col, val), n in sorted(counts.items())]


if __name__ == "__main__":
    sys.exit(run(migrate, summary, __doc__))
