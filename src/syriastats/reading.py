"""How a published figure is read: the suite's reading rules, in one module.

The layers of the package point one way: data (:mod:`~syriastats.validate`,
:mod:`~syriastats.dimensions`, :mod:`~syriastats.sources`) -> **reading rules (this
module)** -> statistics (:mod:`~syriastats.uncertainty`, :mod:`~syriastats.derived`)
-> claims and charts -> build. Everything here reads the registry's columns
(``method``, ``qualifier``, ``role``, ``group``, ``area``, ``period_type``,
``death_scope``), never its prose.

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
* **Broader scope** (``death_scope`` other than ``violent``): a toll that also counts
  indirect deaths or the missing, or all-cause excess deaths (:func:`broader_scope_mask`);
  kept apart from tolls of violent deaths.
* **Breakdowns** (a named ``perpetrator``, a governorate ``area``, ``group`` children or
  women) are cells of a split, never a publisher's figure for the whole measure
  (:func:`is_breakdown`); the perpetrator-only ones are also partial.
* **Documented-floor rule** (:func:`documented_floor`): the largest documented count
  that could bound the truth at a date from below.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Mapping

import pandas as pd

from syriastats.dimensions import FULL_GROUP, WHOLE_AREAS, full_group, is_context_only
from syriastats.validate import parse_date_column

__all__ = [
    "CUMULATIVE_MEASURES", "DEFAULT_AT_LEAST_EXCESS", "DEFAULT_UNDERCOUNT", "FULL_GROUP",
    "OHCHR_2022_DOCUMENTED", "OHCHR_2022_ESTIMATED", "direction", "documented_floor",
    "SUBGROUPS", "breakdown_mask", "drop_superseded", "flow_mask", "is_breakdown", "is_broader_scope",
    "BROADER_DEATH_SCOPES", "broader_scope_mask",
    "is_context_only", "is_floor", "is_partial",
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


def is_partial(row: Mapping[str, Any] | pd.Series) -> bool:
    """True if a figure leaves out part of what its measure covers: its ``group`` is not
    the measure's full group (e.g. ``all_except_government_forces`` for a toll), its
    ``area`` is a part of Syria, or it counts only the deaths one named ``perpetrator``
    caused. Rows without these columns are not partial."""
    g, a, p = row.get("group"), row.get("area"), row.get("perpetrator")
    if _present(g) and str(g) != full_group(str(row.get("measure"))):
        return True
    if _present(p) and str(p) != "all":
        return True
    return _present(a) and str(a) not in WHOLE_AREAS


#: Groups that are a subset of the people a measure counts (a breakdown by age or sex).
SUBGROUPS: frozenset[str] = frozenset({"children", "women"})


def is_breakdown(row: Mapping[str, Any] | pd.Series) -> bool:
    """True if a figure is one cell of a breakdown of a headline figure: the deaths one
    named ``perpetrator`` caused, one part of Syria (``area``), or children or women
    only (``group``). Such rows are never a publisher's figure for the whole measure."""
    g, a, p = row.get("group"), row.get("area"), row.get("perpetrator")
    return ((_present(p) and str(p) != "all") or (_present(a) and str(a) not in WHOLE_AREAS)
            or (_present(g) and str(g) in SUBGROUPS))


def flow_mask(df: pd.DataFrame) -> pd.Series:
    """Boolean Series over *df*: figures counting only what happened within their period
    (``period_type == "flow"``, e.g. one year's deaths), which are never a toll since the
    war began however early the period starts. Frames without the column have none."""
    if "period_type" not in df.columns:
        return pd.Series(False, index=df.index)
    s = df["period_type"].astype(object)
    return s.notna() & (s.astype(str) == "flow")


def breakdown_mask(df: pd.DataFrame) -> pd.Series:
    """Boolean Series over *df*: rows that are breakdown cells (:func:`is_breakdown`).
    Frames without the dimension columns have none."""
    out = pd.Series(False, index=df.index)
    for col, test in (("perpetrator", lambda s: s != "all"), ("area", lambda s: ~s.isin(WHOLE_AREAS)),
                      ("group", lambda s: s.isin(SUBGROUPS))):
        if col in df.columns:
            s = df[col].astype(object)
            present = s.notna() & (s.astype(str) != "")
            out |= present & test(s.astype(str))
    return out


#: ``death_scope`` values that count more than deaths from violence: a toll with one of
#: them is never pooled with tolls of violent deaths, and a claim only it supports is
#: "broader scope only".
BROADER_DEATH_SCOPES: frozenset[str] = frozenset(
    {"violent_and_indirect", "violent_and_missing", "violent_indirect_and_missing", "excess"})


def is_broader_scope(death_scope: Any) -> bool:
    """True if a death figure's ``death_scope`` counts more than deaths from violence
    (indirect deaths, the missing, or all-cause excess mortality)."""
    return _present(death_scope) and str(death_scope) in BROADER_DEATH_SCOPES


def broader_scope_mask(df: pd.DataFrame) -> pd.Series:
    """Boolean Series over *df*: rows whose ``death_scope`` counts more than violent deaths
    (:func:`is_broader_scope`). Frames without the column have none."""
    if "death_scope" not in df.columns:
        return pd.Series(False, index=df.index)
    s = df["death_scope"].astype(object)
    return s.notna() & s.astype(str).isin(BROADER_DEATH_SCOPES)


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
