"""How a published figure is read: the suite's reading rules, in one module.

The layers of the package point one way: data (:mod:`~syriastats.validate`,
:mod:`~syriastats.dimensions`, :mod:`~syriastats.sources`) -> **reading rules (this
module)** -> statistics (:mod:`~syriastats.uncertainty`, :mod:`~syriastats.derived`)
-> claims and charts -> build. Everything here reads the registry's columns
(``method``, ``qualifier``, ``role``, ``group``, ``area``, ``period_type``), never its
prose, with one documented exception (:func:`is_broader_scope`, see there).

Rules:

* **Documented counts are floors.** A ``documented_count`` is what was recorded; the
  truth is at least that (:func:`is_floor`, :func:`direction`). By default the truth
  lies between 1.0x and :data:`DEFAULT_UNDERCOUNT` times the count at the chosen
  coverage (the OHCHR 2022 ratio of estimated to documented civilian deaths).
* **"More than X"** (``qualifier == at_least``) from an official or agency is a rounded
  floor: the truth between 1.0x and 1.5x by default (:data:`DEFAULT_AT_LEAST_EXCESS`).
* **Context only** (``role == context_only``): shown, never pooled (:func:`is_context_only`).
* **Superseded** (``role == superseded``): replaced by ``superseded_by``; used only by a
  reader who could not yet know the successor (:func:`drop_superseded`).
* **Partial coverage**: a count whose ``group`` leaves out part of the people its measure
  covers (e.g. ``all_except_government_forces``) or whose ``area`` is a part of Syria is
  not used as the floor of a national toll (:func:`is_partial`).
* **Documented-floor rule** (:func:`documented_floor`): the largest documented count
  that could bound the truth at a date from below.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any, Mapping

import pandas as pd

from syriastats.dimensions import is_context_only
from syriastats.validate import parse_date_column

__all__ = [
    "CUMULATIVE_MEASURES", "DEFAULT_AT_LEAST_EXCESS", "DEFAULT_UNDERCOUNT", "FULL_GROUP",
    "OHCHR_2022_DOCUMENTED", "OHCHR_2022_ESTIMATED", "direction", "documented_floor",
    "drop_superseded", "is_broader_scope", "is_context_only", "is_floor", "is_partial",
]

#: OHCHR, "Civilian deaths in the Syrian Arab Republic", A/HRC/50/68 (28 June 2022):
#: 306,887 civilians killed 1 Mar 2011 - 31 Mar 2021 (statistical estimate by
#: imputation and multiple systems estimation), of whom 143,350 were individually
#: documented. Persons.
OHCHR_2022_ESTIMATED: float = 306_887.0
OHCHR_2022_DOCUMENTED: float = 143_350.0

#: Default ``undercount`` for a documented count or an "at least" figure:
#: the truth lies between 1.0 x and 2.141 x the figure with probability ``coverage``
#: (one-sided: nothing below the figure). 2.141 = 306,887 / 143,350 is the one
#: published Syria ratio of a statistical estimate to the documented count it was
#: built on (OHCHR 2022, civilians, March 2011 - March 2021).
DEFAULT_UNDERCOUNT: tuple[float, float] = (1.0, OHCHR_2022_ESTIMATED / OHCHR_2022_DOCUMENTED)

#: Default excess for an "at least" figure that is NOT a documented count (an
#: official's or agency's "more than X"): the truth lies between 1.0 x and 1.5 x the
#: figure with probability ``coverage``. Such statements are rounded floors of what the
#: speaker believes, not lists with a documentation gap, so the OHCHR ratio does not
#: apply; 1.5 is this suite's assumption (stated in every ``Fitted.assumption``).
DEFAULT_AT_LEAST_EXCESS: tuple[float, float] = (1.0, 1.5)

#: Measures counted as running totals (tolls): their documented counts can be floors.
CUMULATIVE_MEASURES: frozenset[str] = frozenset({
    "asylum_applications_europe_cumulative", "deaths_battle_related", "deaths_civilian",
    "deaths_combatant", "deaths_direct", "deaths_excess", "deaths_in_detention",
    "deaths_indirect", "deaths_organised_violence", "deaths_total",
    "deaths_total_incl_missing", "injured", "missing_persons",
})

#: The ``group`` that covers everyone a measure counts (default ``all``).
FULL_GROUP: dict[str, str] = {"deaths_civilian": "civilians", "deaths_combatant": "combatants",
                              "deaths_in_detention": "detainees"}

#: Areas that cover all of what a national or worldwide measure counts.
WHOLE_AREAS: frozenset[str] = frozenset({"SYR", "WORLD"})


def _present(x: Any) -> bool:
    return x is not None and x is not pd.NA and not (isinstance(x, float) and math.isnan(x)) \
        and str(x) != ""


def is_floor(method: Any, qualifier: Any) -> bool:
    """True if a figure is a lower bound: a documented count, or worded "more than"."""
    return str(method) == "documented_count" or str(qualifier) == "at_least"


def direction(row: Mapping[str, Any] | pd.Series) -> str:
    """The direction a figure is worded in (a qualifier): a documented count printed as
    exact or approximate is a floor (``at_least``)."""
    q = str(row.get("qualifier"))
    if str(row.get("method")) == "documented_count" and q in ("exact", "approximately"):
        return "at_least"
    return q


def full_group(measure: str) -> str:
    """The ``group`` that covers everyone *measure* counts."""
    return FULL_GROUP.get(str(measure), "all")


def is_partial(row: Mapping[str, Any] | pd.Series) -> bool:
    """True if a figure leaves out part of what its measure covers: its ``group`` is not
    the measure's full group (e.g. ``all_except_government_forces`` for a toll), or its
    ``area`` is a part of Syria. Rows without these columns are not partial."""
    g, a = row.get("group"), row.get("area")
    if _present(g) and str(g) != full_group(str(row.get("measure"))):
        return True
    return _present(a) and str(a) not in WHOLE_AREAS


_BROAD = r"indirect|lack of (?:medical )?care|disappeared|missing"
_BROAD_RE = re.compile(rf"\b(?:{_BROAD})", re.I)
_NEGATED_RE = re.compile(rf"\b(?:excl\w*|without|not|no)\b[^;.()]{{0,40}}?\b(?:{_BROAD})", re.I)


def is_broader_scope(scope: Any) -> bool:
    """True if a death figure's *scope* text says it counts more than violent deaths.

    The one reading rule still taken from prose: whether a ``deaths_total`` figure also
    counts indirect deaths (lack of care, food, shelter) or the missing has no column
    yet (the shared decisions fixed the dimension columns; a measure for "deaths
    including indirect deaths" would change the published notebooks' pools). Matches
    "indirect", "lack of (medical) care", "disappeared" or "missing" unless negated
    within the same clause ("excludes ... indirect deaths").
    """
    if not _present(scope):
        return False
    s = str(scope)
    if not _BROAD_RE.search(s):
        return False
    return bool(_BROAD_RE.search(_NEGATED_RE.sub("", s)))


def drop_superseded(rows: pd.DataFrame) -> pd.DataFrame:
    """*rows* without the superseded figures whose successor is also in *rows*.

    Pass the figures a reader could know (e.g. published by a date): a superseded
    figure stays when its revision was not yet published. Frames without ``role``
    are returned unchanged.
    """
    if "role" not in rows.columns or "superseded_by" not in rows.columns or rows.empty:
        return rows
    ids = set(rows["estimate_id"].astype(str))
    succ = rows["superseded_by"].astype(object)
    gone = (rows["role"].astype(str) == "superseded") & succ.map(
        lambda s: _present(s) and str(s) in ids).astype(bool)
    return rows[~gone]


def _dates(col: pd.Series, end: str) -> pd.Series:
    return parse_date_column(col.astype(object) if not
                             pd.api.types.is_datetime64_any_dtype(col) else col, end)


def documented_floor(rows: pd.DataFrame, measures: str | Sequence[str],
                     as_of: pd.Timestamp) -> tuple[float, str] | None:
    """Largest documented cumulative count that bounds the truth at *as_of* from below.

    A ``documented_count`` of one of *measures* (cumulative measures only, and, where
    the frame has ``period_type``, rows of type ``cumulative``) counts if the stated
    end period *begins* on or before *as_of* (``period_end_first``: a count "to
    2018-03" starts 2018-03-01) and, when that period runs past *as_of*, its source was
    published on or before *as_of* (so it cannot include later deaths). Partial counts
    (:func:`is_partial`), context-only figures and 'at most' counts are not used.
    Returns ``(count in persons, estimate_id)`` or ``None``.
    """
    ms = [measures] if isinstance(measures, str) else list(measures)
    ms = [m for m in ms if m in CUMULATIVE_MEASURES]
    if not ms or rows.empty:
        return None
    if "period_end_first" in rows.columns:
        first = rows["period_end_first"]
    elif "period_end_text" in rows.columns:
        first = _dates(rows["period_end_text"], "first")
    else:
        first = rows["period_end"]
    published = rows["published"] if "published" in rows.columns else pd.Series(
        pd.NaT, index=rows.index)  # unknown publication: only counts that end by as_of
    in_time = (rows["period_end"] <= as_of) | ((first <= as_of) & (published <= as_of))
    keep = ((rows["method"].astype(str) == "documented_count")
            & (rows["measure"].astype(str).isin(ms))
            & in_time
            & (rows["qualifier"].astype(str) != "at_most"))
    if "period_type" in rows.columns:
        pt = rows["period_type"].astype(object)
        keep &= pt.isna() | (pt.astype(str) == "cumulative")
    d = rows[keep]
    d = d[d["central"].notna()]
    if d.empty:
        return None
    ok = [not is_partial(r) and not is_context_only(r.get("role")) for _, r in d.iterrows()]
    d = d[ok]
    if d.empty:
        return None
    top = d.sort_values(["central", "estimate_id"], ascending=[False, True]).iloc[0]
    return float(top["central"]), str(top["estimate_id"])
