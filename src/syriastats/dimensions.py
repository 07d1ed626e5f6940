"""What each figure counts, as data: the registry's dimension columns.

Every row of ``estimates.csv`` carries, right after ``scope``, the columns
``period_type`` (stock | cumulative | flow), ``area`` (SYR, a governorate
``SY-..`` or WORLD), ``host`` (country of asylum for measures about Syrians
abroad), ``group`` (whom it counts), ``perpetrator`` (for deaths and injuries),
``death_scope`` (for deaths: violent deaths only, or also indirect deaths or the missing),
``role`` (headline | context_only | superseded) and ``superseded_by``. Their
vocabularies, and which measures have a host or a perpetrator, are declared in
``data/datapackage.json``; this module reads them from there and offers the
small helpers the rest of the suite needs. Nothing here reads prose.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Mapping

import pandas as pd

from syriastats.paths import data_dir
from syriastats.validate import read_descriptor, resource_schema

#: The dimension columns of ``estimates.csv``, in file order (after ``scope``).
DIMENSIONS: tuple[str, ...] = ("period_type", "area", "host", "group", "perpetrator",
                               "death_scope", "role", "superseded_by")

#: The host a measure's headline series has when a caller names only the measure:
#: registrations are the regional total, UNHCR's statistics the worldwide total.
DEFAULT_HOST: dict[str, str] = {"refugees_registered": "REGION", "refugees": "WORLD"}

#: Hosts that are not one country.
AGGREGATE_HOSTS: frozenset[str] = frozenset({"REGION", "EUROPE", "WORLD"})

#: The ``group`` that covers everyone a measure counts (default ``all``).
FULL_GROUP: dict[str, str] = {"deaths_civilian": "civilians", "deaths_combatant": "combatants",
                              "deaths_in_detention": "detainees"}
#: Groups counted with a measure's full group in a headline series (they leave out few).
NEAR_FULL_GROUPS: frozenset[str] = frozenset({"all_except_government_forces"})
#: Groups that are a measure's full group under a source's earlier, wider definition ->
#: that full group: shown in the source's headline series (charts, yearly tables), never
#: compared with a claim as the same count (SOHR's 2011-2012 "civilians" included armed
#: rebels; data/migrations/003_civilians_incl_armed.py).
WIDER_DEFINITION_GROUPS: dict[str, str] = {"civilians_incl_armed": "civilians"}
#: Areas that cover all of what a national or worldwide measure counts.
WHOLE_AREAS: frozenset[str] = frozenset({"SYR", "WORLD"})


def full_group(measure: str) -> str:
    """The ``group`` that covers everyone *measure* counts."""
    return FULL_GROUP.get(str(measure), "all")


def _field(descriptor: Mapping[str, Any], resource: str, name: str) -> dict[str, Any]:
    for f in resource_schema(descriptor, resource)["schema"]["fields"]:
        if f["name"] == name:
            return f
    raise KeyError(f"field {name!r} is not in resource {resource!r}")


def applies_to(descriptor: Mapping[str, Any], column: str) -> frozenset[str]:
    """The measures that have *column* (``host``, ``perpetrator`` or ``death_scope``), from
    the descriptor."""
    return frozenset(_field(descriptor, "estimates", column).get("measures", []))


def measure_aliases(descriptor: Mapping[str, Any] | None = None) -> dict[str, dict[str, str]]:
    """Legacy measure name -> ``{"measure": base measure, "host": WORLD | country}``.

    ``host == "country"`` means one country of asylum, given in the claim's
    ``host`` column. Read from ``measureAliases`` of the claims resource.
    """
    d = descriptor if descriptor is not None else _default_descriptor()
    res = resource_schema(d, "claims")
    return {a["legacy"]: {"measure": a["measure"], "host": a["host"]}
            for a in res.get("measureAliases", [])}


@lru_cache(maxsize=1)
def _default_descriptor() -> dict[str, Any]:
    return read_descriptor(data_dir())


def is_context_only(role: Any) -> bool:
    """True if a figure's ``role`` is ``context_only`` (shown, never pooled or used to judge)."""
    return isinstance(role, str) and role == "context_only"


def measure_mask(df: pd.DataFrame, measures: str | Iterable[str]) -> pd.Series:
    """Rows of the headline series of *measures*: for measures in :data:`DEFAULT_HOST`
    only their headline host (the regional registration total is not mixed with one
    country's registrations); only figures for all of Syria (or the world), not one
    governorate; only the measure's full group (or a near-full one such as counts that
    leave out government forces, or the full group under a source's earlier, wider
    definition: :data:`WIDER_DEFINITION_GROUPS`), not children or women alone. Columns a frame lacks
    are not filtered on."""
    ms = [measures] if isinstance(measures, str) else list(measures)
    meas = df["measure"].astype(str)
    mask = meas.isin(ms)
    if "area" in df.columns:
        area = df["area"].astype(object)
        mask &= area.isna() | area.isin(list(WHOLE_AREAS))
    if "group" in df.columns:
        grp = df["group"].astype(object)
        full = meas.map(full_group)
        mask &= (grp.isna() | (grp == full) | grp.isin(list(NEAR_FULL_GROUPS))
                 | (grp.map(WIDER_DEFINITION_GROUPS) == full))
    if "host" in df.columns:
        host = df["host"].astype(object).where(df["host"].notna(), "").astype(str)
        for m, h in DEFAULT_HOST.items():
            if m in ms:
                mask &= ~((meas == m) & (host != h))
    return mask


def legacy_measure(measure: str, host: Any) -> str:
    """The measure name a row had before the dimension columns (for old claims files):
    ``refugees`` + WORLD -> ``refugees_worldwide``, ``refugees`` + a country ->
    ``refugees_by_host``, ``refugees_registered`` + a country -> ``refugees_registered_by_host``."""
    h = host if isinstance(host, str) else ""
    if measure == "refugees":
        return "refugees_worldwide" if h in ("", "WORLD") else "refugees_by_host"
    if measure == "refugees_registered" and h not in ("", "REGION"):
        return "refugees_registered_by_host"
    return measure
