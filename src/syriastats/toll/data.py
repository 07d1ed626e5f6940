"""Data preparation for the toll model: registry rows -> model inputs (and what is left out).

Every row of ``estimates`` that is about deaths ends up in exactly one of two tables:

* ``inputs``: the rows the model uses, one per observation, with the role each plays
  (``documented``: a documented count that enters through a coverage < 1;
  ``estimate``: a statistical estimate that enters as a measurement with its stated
  uncertainty and a bias term; ``floor``: a documented count of a part of the toll
  (civilians, detainees, combatants) that only bounds the toll from below);
* ``left_out``: every other death row, with the reason in plain words.

What the modelled toll counts (the *scope*): direct violent deaths of everyone
(civilians, fighters of every side, deaths in detention) in Syria's war since March
2011. People missing or forcibly disappeared are not counted unless known dead;
indirect deaths (from disease, hunger, a broken health system) are kept apart and
never enter the model.

Units: counts are persons; dates are ``pandas.Timestamp``; ``log_sd`` is the standard
deviation of the measurement on the natural-log scale.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from syriastats.sources import with_sources
from syriastats.uncertainty import UncertaintyError, from_row

#: First month of the modelled curve (the uprising began in March 2011).
START: pd.Timestamp = pd.Timestamp("2011-03-01")

#: One-paragraph statement of what the modelled toll counts (printed by ``describe``).
SCOPE: str = (
    "The modelled toll counts direct violent deaths in Syria's war since March 2011: "
    "civilians and fighters of every side, including deaths in detention. People who "
    "are missing or forcibly disappeared are not counted unless known to be dead. "
    "Indirect deaths (disease, hunger, the collapse of health care) are kept apart: "
    "no figure that includes them enters the model.")

#: Measures whose documented counts bound the toll from below (a part of it) but are not
#: lists of the whole toll. Persons.
PART_MEASURES: tuple[str, ...] = ("deaths_civilian", "deaths_combatant", "deaths_in_detention")

#: Measure -> why rows of it never enter the model (scope).
OUT_OF_SCOPE: dict[str, str] = {
    "deaths_indirect": "indirect deaths (disease, hunger, health care): outside the modelled "
                       "scope, kept apart",
    "deaths_excess": "excess deaths from all causes (direct and indirect): outside the "
                     "modelled scope, kept apart",
    "deaths_total_incl_missing": "adds people reported missing or deaths counted without "
                                 "names: not all known dead, so not a count of the toll",
    "deaths_battle_related": "UCDP state-based conflict only (no one-sided or non-state "
                             "violence): a part of the toll whose share is not known; "
                             "UCDP's organised-violence series is used instead",
}

#: Default coverage periods: a publisher's list changes basis at these publication dates
#: (its coverage before and after is estimated separately). SOHR re-investigated and added
#: 105,015 older deaths to its count in June 2021 (registry row ``sohr-2021-06``), so its
#: counts published before and after 1 June 2021 are not on the same basis.
DEFAULT_COVERAGE_BREAKS: dict[str, tuple[str, ...]] = {"SOHR": ("2021-06-01",)}


@dataclass(frozen=True)
class CoveragePrior:
    """Prior of the share of true deaths a documented list records (its coverage).

    Written on the scale of the log undercount ``g = -log(coverage)`` (so ``true toll =
    count * exp(g)``): ``g ~ Normal(g_mean, g_sd)`` restricted to ``g > 0`` (a list cannot
    record more deaths than happened). ``anchors`` names the published multiple-systems
    results it was derived from: ``(documented id, estimated id, documented / estimated)``.
    """

    g_mean: float
    g_sd: float
    anchors: tuple[tuple[str, str, float], ...] = ()

    @property
    def mean(self) -> float:
        """Coverage at the centre of the prior (a fraction)."""
        return math.exp(-self.g_mean)

    def interval(self, level: float = 0.9) -> tuple[float, float]:
        """Central prior interval of the coverage (fractions), truncation included."""
        from scipy.stats import truncnorm
        a = (0.0 - self.g_mean) / self.g_sd
        d = truncnorm(a, np.inf, loc=self.g_mean, scale=self.g_sd)
        return math.exp(-float(d.ppf(0.5 + level / 2))), math.exp(-float(d.ppf(0.5 - level / 2)))

    def statement(self) -> str:
        """One quotable sentence on the prior and where it comes from."""
        lo, hi = self.interval(0.9)
        parts = [f"{doc} of {est}: {r:.2f}" for doc, est, r in self.anchors]
        src = ("; ".join(parts) if parts else "no published multiple-systems result was "
               "known, so a default was used")
        return (f"Before seeing the counts, each documented list is assumed to record between "
                f"{lo:.0%} and {hi:.0%} of the deaths in its scope (90 % prior interval, centred "
                f"on {self.mean:.0%}), from the published ratios of documented to estimated "
                f"deaths ({src}).")


@dataclass
class Prepared:
    """What the model sees: ``inputs`` (used rows), ``left_out`` (rows and reasons)."""

    inputs: pd.DataFrame
    left_out: pd.DataFrame
    coverage_prior: CoveragePrior
    as_known: pd.Timestamp | None
    end: pd.Timestamp
    notes: list[str] = field(default_factory=list)


def series_key(publisher: Any) -> str:
    """Short name of a publisher: its abbreviation in parentheses if any, else the name.

    "Syrian Observatory for Human Rights (SOHR)" -> "SOHR"; "Office of the UN High
    Commissioner for Human Rights (OHCHR), analysis by ... (HRDAG)" -> "OHCHR".
    """
    text = str(publisher) if isinstance(publisher, str) else ""
    m = re.search(r"\(([A-Z][A-Za-z]{1,9})\)", text)
    if m:
        return m.group(1)
    head = re.split(r"[,(]", text, maxsplit=1)[0].strip()
    return head[:40] or "unknown"


def coverage_prior(estimates: pd.DataFrame, *, sd: float = 0.35,
                   default_mean: float = 0.6) -> CoveragePrior:
    """Coverage prior from the registry's pairs of a documented count and the statistical
    estimate built on it (same measure and period, e.g. OHCHR 2022: 143,350 documented of
    306,887 estimated civilian deaths; HRDAG 2016: 12,270 of 17,723 deaths in detention).

    The prior centre is the average of ``g = -log(ratio)`` over the anchors; its sd (``sd``,
    on the g scale, or twice what is needed to reach the farthest anchor within the 90 %
    interval, whichever is larger) leaves room on both sides.
    """
    e = estimates
    key = ["measure", "period_start_text", "period_end_text"]
    doc = e[(e["method"].astype(str) == "documented_count") & e["central"].notna()]
    est = e[(e["method"].astype(str) == "statistical_estimate") & e["central"].notna()]
    anchors = []
    for _, d in doc.iterrows():
        m = est
        for k in key:
            m = m[m[k].astype(str) == str(d[k])]
        m = m[m["central"] > d["central"]]
        if len(m):
            s = m.sort_values("central").iloc[-1]
            anchors.append((str(d["estimate_id"]), str(s["estimate_id"]),
                            float(d["central"] / s["central"])))
    anchors.sort()
    if not anchors:
        return CoveragePrior(g_mean=-math.log(default_mean), g_sd=sd)
    g = [-math.log(a[2]) for a in anchors]
    g_mean = float(np.mean(g))
    need = max(abs(x - g_mean) for x in g) / 1.6449
    return CoveragePrior(g_mean=g_mean, g_sd=max(sd, 2 * need), anchors=tuple(anchors))


def _role_column(e: pd.DataFrame) -> pd.Series:
    """The registry's ``role``; a frame without the column (a registry before data package
    2.0.0) has only headline figures: its meaning is never read from the notes."""
    if "role" in e.columns:
        return e["role"].astype(str).fillna("headline")
    return pd.Series("headline", index=e.index)


def _period_type(e: pd.DataFrame) -> pd.Series:
    """``cumulative`` (since the start of the war) or ``flow`` (within a period).

    Uses the registry's ``period_type`` when present; on a legacy registry a period that
    starts in 2011 (Jan-Mar) and runs past 2011 is cumulative, else a flow.
    """
    if "period_type" in e.columns:
        return e["period_type"].astype(str)
    starts_early = e["period_start"] <= pd.Timestamp("2011-03-31")
    long = e["period_end"] > pd.Timestamp("2011-12-31")
    return pd.Series(np.where(starts_early & long, "cumulative", "flow"), index=e.index)


def _group(e: pd.DataFrame) -> pd.Series:
    if "group" in e.columns:
        return e["group"].astype(str)
    return pd.Series("all", index=e.index)


def _log_sd_documented(qualifier: str, settings: Mapping[str, Any]) -> float:
    return float(settings["doc_sd_exact"] if qualifier == "exact" else settings["doc_sd_rounded"])


def _log_sd_estimate(row: pd.Series, settings: Mapping[str, Any]) -> tuple[float, float, str]:
    """Median and log-scale sd of a published estimate, and the reading used."""
    f = from_row(row, assumed_margin=settings["assumed_margin"])
    lo, hi = f.interval(0.9)
    sd = (math.log(hi) - math.log(max(lo, 1.0))) / (2 * 1.6448536)
    return float(f.median()), max(sd, 0.01), f.assumption


def prepare(estimates: pd.DataFrame, sources: pd.DataFrame | None, *,
            as_known: str | pd.Timestamp | None = None,
            settings: Mapping[str, Any]) -> Prepared:
    """Sort the registry's death rows into model inputs and left-out rows (with reasons).

    ``as_known``: only figures whose source was published on or before this date are
    used (the others are listed as left out). ``settings``: see ``toll.DEFAULTS``.
    """
    e = estimates[estimates["measure"].astype(str).str.startswith("deaths")].copy()
    e = with_sources(e, sources) if "publisher" not in e.columns else e
    cutoff = pd.Timestamp(as_known) if as_known is not None else None
    prior = coverage_prior(e if cutoff is None else e[e["published"] <= cutoff])
    e["role_"] = _role_column(e)
    e["ptype_"] = _period_type(e)
    e["group_"] = _group(e)
    e["area_"] = e["area"].astype(str) if "area" in e.columns else "SYR"
    e["series"] = [series_key(p) for p in e["publisher"]]
    breaks = {k: tuple(pd.Timestamp(x) for x in v)
              for k, v in dict(settings["coverage_breaks"]).items()}
    use_expert = bool(settings["use_expert"])
    exclude = set(settings.get("exclude_publishers") or ())
    out: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []

    def leave(r: pd.Series, reason: str) -> None:
        out.append({"estimate_id": r["estimate_id"], "series": r["series"],
                    "measure": str(r["measure"]), "central": r["central"], "reason": reason})

    for _, r in e.sort_values("estimate_id").iterrows():
        meas, meth, q = str(r["measure"]), str(r["method"]), str(r["qualifier"])
        if cutoff is not None and not (r["published"] <= cutoff):
            leave(r, f"published after {cutoff.date()} (not known then)")
            continue
        if r["series"] in exclude:
            leave(r, "publisher left out for this fit (sensitivity)")
            continue
        if r["role_"] == "context_only":
            leave(r, "registry role 'context_only': shown for context, never pooled")
            continue
        if r["role_"] == "superseded":
            succ = str(r.get("superseded_by", ""))
            when = e.loc[e["estimate_id"] == succ, "published"]
            if cutoff is None or (len(when) and when.iloc[0] <= cutoff):
                leave(r, f"superseded by {succ} (registry role)")
                continue
        if meas in OUT_OF_SCOPE:
            leave(r, OUT_OF_SCOPE[meas])
            continue
        if pd.isna(r["central"]):
            leave(r, "no central value (a range only)")
            continue
        if q == "at_most":
            leave(r, "'at most' figure: an upper bound the model does not use")
            continue
        if r["area_"] not in ("SYR", "nan", "<NA>", "None"):
            leave(r, f"one area only ({r['area_']}), not the whole country")
            continue
        if str(r.get("perpetrator", "all")) not in ("all", "nan", "<NA>", "None"):
            leave(r, f"deaths attributed to one perpetrator only ({r['perpetrator']})")
            continue
        ptype = r["ptype_"]
        start = max(r["period_start"], START)
        end = r["period_end"]
        if end < START:
            leave(r, "ends before March 2011")
            continue
        base = {"estimate_id": r["estimate_id"], "series": r["series"], "measure": meas,
                "qualifier": q, "period_type": ptype, "start": start, "end": end,
                "published": r["published"], "value": float(r["central"])}
        if meth in ("documented_count", "event_data"):
            if meas in PART_MEASURES or r["group_"] not in ("all", "nan", "<NA>"):
                if ptype == "cumulative":
                    part = r["group_"] if r["group_"] not in ("all", "nan", "<NA>") else meas
                    rows.append({**base, "kind": "floor", "log_sd": 0.0, "regime": "",
                                 "scope_part": part.replace("deaths_", ""),
                                 "reading": "a documented count of a part of the toll: a floor only"})
                else:
                    leave(r, "a documented count of a part of the toll for one period only: "
                             "too little to inform the whole")
                continue
            if ptype == "flow":
                cover = e[(e["series"] == r["series"]) & (e["ptype_"] == "cumulative")
                          & (e["method"].astype(str) == meth) & (e["group_"] == r["group_"])
                          & (e["measure"].astype(str) == meas)
                          & (e["period_start"] <= max(r["period_start"], START))
                          & (e["period_end"] >= r["period_end"])
                          & ~e["role_"].isin(["context_only", "superseded"])]
                if cutoff is not None:
                    cover = cover[cover["published"] <= cutoff]
                if len(cover):
                    leave(r, "a flow inside the span of the same publisher's cumulative counts, "
                             f"which are used (e.g. {cover['estimate_id'].iloc[0]}; the same "
                             "records would count twice)")
                    continue
            bs = breaks.get(r["series"], ())
            k = sum(bool(r["published"] >= b) for b in bs)
            regime = (r["series"] if not bs else f"{r['series']} before {bs[0].date()}" if k == 0
                      else f"{r['series']} from {bs[k - 1].date()}")
            twin = e[(e["series"] == r["series"]) & (e["measure"].astype(str) == meas)
                     & (e["area_"] == r["area_"]) & (e["group_"] == r["group_"])
                     & (e["period_start"].dt.to_period("M") == r["period_start"].to_period("M"))
                     & (e["ptype_"] == ptype) & (e["method"].astype(str) == meth)
                     & (e["period_end"].dt.to_period("M") == r["period_end"].to_period("M"))
                     & (e["estimate_id"] != r["estimate_id"])]
            twin = twin[(twin["qualifier"].astype(str) == "exact") & (q != "exact")
                        | ((twin["qualifier"].astype(str) == "exact") == (q == "exact"))
                        & ((twin["central"] > r["central"]) | (twin["central"] == r["central"])
                           & (twin["estimate_id"] > r["estimate_id"]))]
            if cutoff is not None:
                twin = twin[twin["published"] <= cutoff]
            if len(twin):
                leave(r, f"the same publisher's count for the same month is used instead "
                         f"({twin['estimate_id'].iloc[0]}; exact, or later)")
                continue
            sd = _log_sd_documented(q if meth == "documented_count" else "rounded", settings)
            rows.append({**base, "kind": "documented", "log_sd": sd,
                         "regime": regime, "scope_part": "all",
                         "reading": "documented count: the true toll times the list's coverage"})
            if meth == "documented_count":
                rows.append({**base, "kind": "floor", "log_sd": 0.0, "regime": "",
                             "scope_part": "all", "reading": "documented count: also a floor"})
            continue
        if meth in ("statistical_estimate", "expert_estimate"):
            if meth == "expert_estimate" and not use_expert:
                leave(r, "an expert's figure without a published method (often restating a "
                         "documented count); used only in the 'with expert figures' sensitivity")
                continue
            if ptype != "cumulative":
                leave(r, "an estimate for one period only, not since March 2011")
                continue
            if meas not in ("deaths_total", "deaths_direct", "deaths_civilian"):
                leave(r, f"measure {meas}: scope not the modelled toll or a known part of it")
                continue
            same = e[(e["series"] == r["series"]) & (e["ptype_"] == ptype)
                     & (e["period_end"] == r["period_end"]) & (e["method"].astype(str) == meth)]
            if meas == "deaths_total" and (same["measure"].astype(str) == "deaths_direct").any():
                leave(r, "includes indirect deaths; the same publisher's direct-deaths figure "
                         "for the same period is used")
                continue
            bigger = same[(same["measure"].astype(str) == meas) & (same["central"] > r["central"])]
            if len(bigger):
                leave(r, f"a part of the larger estimate {bigger['estimate_id'].iloc[0]} of the "
                         "same study (e.g. its undocumented share), which is used")
                continue
            try:
                med, sd, reading = _log_sd_estimate(r, settings)
            except UncertaintyError as exc:
                leave(r, f"no usable uncertainty: {exc}")
                continue
            if q == "at_least":
                med = med  # the fitted distribution already sits above the floor
            rows.append({**base, "value": med, "kind": "estimate", "log_sd": sd,
                         "regime": "", "scope_part": "civilians" if meas == "deaths_civilian"
                         else "all", "reading": reading})
            continue
        leave(r, f"method '{meth}' is neither a documented count nor an estimate")
    inputs = pd.DataFrame(rows).dropna(how="all")
    if inputs.empty:
        raise ValueError("toll: no registry row usable by the model"
                         + (f" as known on {cutoff.date()}" if cutoff is not None else ""))
    inputs = inputs.sort_values(["kind", "end", "estimate_id"], kind="stable").reset_index(drop=True)
    end = inputs["end"].max()
    if cutoff is not None:  # what could be said then: the toll up to the day before
        end = cutoff - pd.Timedelta(days=1)
    inputs = inputs[inputs["end"] <= end + pd.offsets.MonthEnd(0)].reset_index(drop=True)
    left = pd.DataFrame(out, columns=["estimate_id", "series", "measure", "central", "reason"])
    left = left.sort_values("estimate_id", kind="stable").reset_index(drop=True)
    return Prepared(inputs=inputs, left_out=left, coverage_prior=prior,
                    as_known=cutoff, end=end)
