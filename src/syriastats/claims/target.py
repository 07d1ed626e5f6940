"""What a claim is about, as the registry's dimensions: base measure, host, area, group
and period (stock on a date, cumulative total from a start, or flow within a period).

A claim states its dimensions in the optional columns ``period_start, period_type,
area, host, group``; what it leaves out gets the default of its measure, and the
explanation says which defaults were used. Legacy measure names (``refugees_worldwide``,
``refugees_by_host``, ``refugees_registered_by_host``) resolve through the alias table
of ``datapackage.json`` (:func:`syriastats.dimensions.measure_aliases`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

import pandas as pd

from syriastats.claims.phrases import _day, _present
from syriastats.claims.rules import CUMULATIVE_START_BY
from syriastats.claims_index import per_frame
from syriastats.dimensions import AGGREGATE_HOSTS, NEAR_FULL_GROUPS, measure_aliases
from syriastats.reading import CUMULATIVE_MEASURES, full_group
from syriastats.validate import parse_date_bounds

#: Host a claim is read with when it names none (measures about Syrians abroad).
CLAIM_DEFAULT_HOST: dict[str, str] = {
    "refugees_registered": "REGION", "refugees": "WORLD", "refugees_share": "WORLD",
    "refugee_returns": "WORLD", "asylum_applications_europe": "EUROPE",
    "asylum_applications_europe_cumulative": "EUROPE", "asylum_seekers_pending": "WORLD",
    "global_refugees": "WORLD",
}
#: Measures of levels on a date.
STOCK_MEASURES: frozenset[str] = frozenset({
    "population", "idps", "idps_share", "displaced_total", "displaced_share", "refugees",
    "refugees_registered", "refugees_share", "global_forcibly_displaced", "global_idps",
    "global_refugees", "asylum_seekers_pending", "people_in_need", "wwii_displacement",
})
#: Measures counted only within a period (a claim without a period: the calendar year).
FLOW_MEASURES: frozenset[str] = frozenset({"asylum_applications_europe", "idps_new_displacements",
                                           "refugee_returns", "idp_returns"})
#: Worldwide series.
WORLD_MEASURES: frozenset[str] = frozenset({"global_forcibly_displaced", "global_idps",
                                            "global_refugees", "wwii_displacement"})


@dataclass(frozen=True)
class Target:
    """The figures a claim is to be compared with."""

    measure: str                       # base measure (legacy names resolved)
    host: str | None                   # country of asylum, REGION, EUROPE, WORLD; None: no host
    area: str
    group: str
    period_type: str                   # stock | cumulative | flow
    start: pd.Timestamp | None         # first day of the period (cumulative, flow)
    end: pd.Timestamp                  # last day (the claim's as_of)
    defaults: tuple[str, ...] = field(default=())  # dimensions the claim did not state
    problem: str | None = None         # why the claim cannot be compared at all
    perpetrator: str = "all"           # whose victims (deaths): all, or one registry code

    def describe(self) -> str:
        """The dimensions in words: 'Turkey (TUR), stock on 2016-03-11'."""
        bits = []
        if self.host:
            bits.append(f"host {self.host}")
        bits.append(f"area {self.area}")
        bits.append(f"group {self.group}")
        if self.perpetrator != "all":
            bits.append(f"victims of {self.perpetrator}")
        if self.period_type == "stock":
            bits.append(f"a level on {_day(self.end)}")
        elif self.period_type == "flow":
            bits.append(f"within {_day(self.start)} to {_day(self.end)}" if self.start is not None
                        else f"within the period ending near {_day(self.end)}")
        else:
            since = ("the war's start" if self.start is None or self.start <= CUMULATIVE_START_BY
                     else _day(self.start))
            bits.append(f"a total from {since} to {_day(self.end)}")
        return ", ".join(bits)


def _text(c: pd.Series, col: str) -> str | None:
    v = c.get(col)
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    return str(v).strip() or None


def _start(c: pd.Series) -> pd.Timestamp | None:
    t = c.get("period_start_text") if _present(c.get("period_start_text")) else c.get("period_start")
    if t is None or (not isinstance(t, str) and pd.isna(t)) or t == "":
        return None
    if isinstance(t, str):
        b = parse_date_bounds(t)
        return pd.Timestamp(b[0]) if b else None
    return pd.Timestamp(t)


def _calendar_year(start: pd.Timestamp, end: pd.Timestamp) -> bool:
    return (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31) \
        and start.year == end.year


def resolve(c: pd.Series, as_of: pd.Timestamp) -> Target:
    """The :class:`Target` of claim *c* (a row of a loaded claims file) at *as_of*."""
    measure = str(c["measure"])
    host, defaults, problem = _text(c, "host"), [], None
    alias = measure_aliases().get(measure)
    if alias is not None:
        measure = alias["measure"]
        if alias["host"] == "WORLD":
            host = host or "WORLD"
        elif host is None or host in AGGREGATE_HOSTS:
            problem = (f"the measure {c['measure']} counts refugees in ONE host country, but the "
                       "claim names none: give the country (ISO code, e.g. TUR) in its host column. "
                       "Host countries are never pooled.")
    if host is None and measure in CLAIM_DEFAULT_HOST:
        host, defaults = CLAIM_DEFAULT_HOST[measure], defaults + ["host"]
    area = _text(c, "area")
    if area is None:
        area, defaults = ("WORLD" if measure in WORLD_MEASURES else "SYR"), defaults + ["area"]
    group = _text(c, "group")
    if group is None:
        group, defaults = full_group(measure), defaults + ["group"]
    start = _start(c)
    pt = _text(c, "period_type")
    if pt is None:
        defaults.append("period_type")
        if start is not None:
            pt = ("cumulative" if start <= CUMULATIVE_START_BY else
                  "flow" if _calendar_year(start, as_of) else "cumulative")
        elif measure in STOCK_MEASURES:
            pt = "stock"
        elif measure in CUMULATIVE_MEASURES:
            pt = "cumulative"
        elif measure in FLOW_MEASURES:
            pt = "flow"
            start = pd.Timestamp(year=as_of.year, month=1, day=1)
            defaults.append("period_start")
        else:
            pt = "stock"
    sub = _text(c, "subarea")
    if sub is not None and problem is None:
        problem = _subarea_problem(sub, measure, host, area)
    perp = _text(c, "perpetrator") or "all"  # one perpetrator's victims: a dimension
    if pt == "stock":
        start = None
    elif pt == "flow" and start is None:
        start = pd.Timestamp(year=as_of.year, month=1, day=1)
        defaults.append("period_start")
    return Target(measure, host, area, group, pt, start, as_of, tuple(defaults), problem, perp)


def _subarea_problem(sub: str, measure: str, host: str | None, area: str) -> str:
    """Why a claim about a part of its host country or area (optional column ``subarea``:
    a province, city or camp of the host, a region of Syria) is not compared: the registry
    holds figures for whole countries, governorates and the regional or worldwide totals,
    and a figure for the whole is no measure of a part (COMPARATOR_RULES['subarea'])."""
    whole = (f"host {host}" if host and measure in CLAIM_DEFAULT_HOST else f"area {area}")
    return (f"the claim counts {measure} in {sub} only, a part of its {whole}; the registry "
            f"holds no figure narrower than a country of asylum or a governorate, and a figure "
            f"for the whole of {whole} is never compared with a part of it.")


def perpetrator_mask(values: np.ndarray, who: str) -> np.ndarray:
    """Boolean array over registry ``perpetrator`` *values*: figures of every perpetrator's
    victims (empty or ``all``) for a claim about all of them (*who* ``all``), else exactly
    the claim's perpetrator."""
    if who == "all":
        return np.fromiter((not isinstance(v, str) or v in ("", "all") for v in values), bool,
                           len(values))
    return np.fromiter((v == who for v in values), bool, len(values))


def broader_target(t: Target, measure: str) -> Target:
    """The target for a broader *measure* of the claim (e.g. all deaths for civilian deaths,
    UNHCR's refugee statistics for registrations): the same place and period; the host
    of the region becomes the world (the broader count is not regional); everyone the
    broader measure covers when the claim is about everyone its own measure covers."""
    host: str | None = None
    if measure in CLAIM_DEFAULT_HOST:
        host = "WORLD" if t.host in (None, "REGION") else t.host
    group = full_group(measure) if t.group == full_group(t.measure) else t.group
    return replace(t, measure=measure, host=host, group=group)


def _dates_problem(c: pd.Series, as_of: pd.Timestamp) -> str:
    """Why a claim's dates contradict its period ('' if they do not): dated, or published,
    before the period it counts starts (optional column ``period_start``)."""
    ps = c.get("period_start")
    if ps is None or ps is pd.NA or (isinstance(ps, float) and np.isnan(ps)) or str(ps) == "":
        return ""
    if isinstance(ps, str):
        b = parse_date_bounds(ps[:10])
        start = pd.Timestamp(b[0]) if b else None
    else:
        start = pd.Timestamp(ps)
    if start is None or pd.isna(start):
        return ""
    if pd.notna(as_of) and start > as_of:
        return (f"the claim is dated {_day(as_of)}, before its own period starts "
                f"({_day(start)}): the period or the date is wrong.")
    od = c.get("origin_date")
    if od is not None and pd.notna(od) and start > pd.Timestamp(od):
        return (f"the claim was published on {_day(od)}, before the period it counts starts "
                f"({_day(start)}): a forecast, or a date error.")
    return ""


def _widened(rows: pd.DataFrame, t: Target) -> str:
    """Which dimension the comparable figures widen, and how (empty if none): the group,
    and for a running total from a stated start (returns since 8 December 2024) the
    period, when figures counted from another start within the tolerance were taken."""
    group = per_frame("widened", rows, _widened_group, t.group)
    if t.period_type != "cumulative" or t.start is None or pd.isna(t.start) \
            or t.start <= CUMULATIVE_START_BY or "period_start" not in rows.columns:
        return group
    other = rows[(rows["period_start"] != t.start).to_numpy(bool)]
    if other.empty:
        return group
    starts = ", ".join(sorted({_day(d) for d in other["period_start"]}))
    period = (f"period: also totals counted from {starts} "
              f"({', '.join(other['estimate_id'].astype(str))}), not from {_day(t.start)}")
    return "; ".join(filter(None, [group, period]))


def _widened_group(rows: pd.DataFrame, group: str) -> str:
    if "group" not in rows.columns:
        return ""
    other = rows[rows["group"].map(lambda g: isinstance(g, str) and g != group).astype(bool)]
    if other.empty:
        return ""
    groups = ", ".join(sorted(set(other["group"].astype(str))))
    return (f"group: also figures for {groups} ({', '.join(other['estimate_id'].astype(str))}), "
            f"which leave out part of '{group}'")


def _dimension_txt(t: Target, widened: str) -> str:
    out = f" Compared only with figures of the claim's dimensions: {t.describe()}"
    if t.defaults:
        out += (" (not stated by the claim, so read with the measure's default: "
                + ", ".join(t.defaults) + ")")
    out += "."
    if widened:
        out += f" Widened: {widened}."
    return out
