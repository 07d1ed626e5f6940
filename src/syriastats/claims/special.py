"""Claims that are not a level: the war's age (war_duration_years) and 'the highest since
<year>'."""
from __future__ import annotations

import math
from typing import Any

import pandas as pd

from syriastats.claims.explaining import _assumption_sentences, _range_txt
from syriastats.claims.phrases import _day, _duration_phrase, _figure_label, _num
from syriastats.claims.pooling import _fit_all, _pool
from syriastats.claims.records import _fill_pool, _not_checkable
from syriastats.claims.rules import (
    _LABELS, ASSAD_FALL_DATE, BENCHMARKS, DAYS_PER_YEAR, DURATION_HALF_YEAR, DURATION_ROUNDING, HIGHEST_SINCE_MAX_GAP_YEARS, VERDICTS,
    WAR_START_MONTH,
)
from syriastats.claims.selecting import _ns, _same_dimensions
from syriastats.claims.target import Target
from syriastats.claims.positions import nearest_positions, window_positions
from syriastats.claims_index import per_frame, take
from syriastats.reading import CUMULATIVE_MEASURES


def _check_duration(rec: dict[str, Any], knowable: pd.DataFrame, as_of: pd.Timestamp, comp: str,
                    x: float, phrase: str, date: str, known_txt: str) -> dict[str, Any]:
    rows, first, last, s_lo, s_hi = per_frame("duration-rows", knowable, _duration_rows)
    phrase = _duration_phrase(comp, x)
    if rows.empty:
        return _not_checkable(rec, "the registry holds no cumulative toll starting in March 2011 "
                              "from which to date the war's start.", phrase, date)
    if as_of < s_hi:
        return _not_checkable(rec, f"the claim's date ({date}) is before the war began: the "
                              f"registry's cumulative tolls count from {_day(s_lo)} to "
                              f"{_day(s_hi)}, so the war had no age yet.", phrase, date)
    d_lo = (as_of - s_hi).days / DAYS_PER_YEAR
    d_hi = (as_of - s_lo).days / DAYS_PER_YEAR
    # after the fall of Assad a text may give the war's length up to the fall
    ended = as_of > ASSAD_FALL_DATE
    if ended:
        d_lo = (ASSAD_FALL_DATE - s_hi).days / DAYS_PER_YEAR
    whole = float(x).is_integer()
    if comp == "about" and not whole:
        a, b = x - DURATION_HALF_YEAR, x + DURATION_HALF_YEAR
    elif comp == "about":
        a, b = x - DURATION_ROUNDING, x + 1.0
    elif comp == "at_least":
        a, b = x, math.inf
    elif comp in ("at_most", "less_than"):
        a, b = -math.inf, x
    else:
        return _not_checkable(rec, f"comparator {comp} does not apply to a duration.", phrase, date)
    if b <= d_lo:
        verdict, position = "below_all", "below"
    elif a > d_hi:
        verdict, position = "above_all", "above"
    else:
        verdict, position = "consistent", "within"
    rec.update(verdict=verdict, position=position, lower=d_lo, median=(d_lo + d_hi) / 2,
               upper=d_hi, envelope_lower=d_lo, envelope_upper=d_hi, scope_used="same",
               interval_method=("war's age at as_of, from the earliest and latest start dates "
                                "of the registry's cumulative tolls (March 2011)"),
               n_figures=2 if first["estimate_id"] != last["estimate_id"] else 1,
               estimate_ids=";".join(dict.fromkeys([str(first["estimate_id"]), str(last["estimate_id"])])),
               source_ids=";".join(dict.fromkeys([str(first["source_id"]), str(last["source_id"])])),
               closest=f"war start {_day(s_lo)} to {_day(s_hi)} ({len(rows)} tolls)")
    head = {"consistent": "is consistent with the registry",
            "above_all": "overstates the war's age", "below_all": "understates the war's age"}
    rec["explanation"] = (
        f"The claim '{phrase}' (the war's age, as of {date}) {head[verdict]}: the registry's "
        f"cumulative tolls ({known_txt}) count from {_day(s_lo)} to {_day(s_hi)}, so "
        + (f"the war lasted {d_lo:.2f} years or more up to the fall of the Assad government on "
           f"{_day(ASSAD_FALL_DATE)} and was up to {d_hi:.2f} years old on {date} (either reading "
           "is accepted)" if ended else
           f"on {date} the war was {d_lo:.2f} to {d_hi:.2f} years old")
        + (" ('N years' read as an age, at least N and not yet N+1, or as a duration rounded to "
           "the nearest year, so from N-0.5)." if comp == "about" and whole else
           " (an age that is not a whole number of years is read as rounded to the nearest half year, so within three months)."
           if comp == "about" else "."))
    return rec


def _duration_rows(knowable: pd.DataFrame) -> tuple[pd.DataFrame, Any, Any, Any, Any]:
    """(the cumulative tolls starting in March 2011, the first and the last of them by start
    and estimate id, the earliest and latest start); computed once per frame (claims near
    one date share it)."""
    rows = knowable[knowable["measure"].isin(sorted(CUMULATIVE_MEASURES))
                    & (knowable["period_start"] >= WAR_START_MONTH[0])
                    & (knowable["period_start"] <= WAR_START_MONTH[1])]
    if rows.empty:
        return rows, None, None, None, None
    ordered = rows.sort_values(["period_start", "estimate_id"])
    return (rows, ordered.iloc[0], ordered.iloc[-1], rows["period_start"].min(),
            rows["period_start"].max())


def _bench_txt(knowable: pd.DataFrame, bm: str) -> str:
    b = knowable[knowable["measure"] == bm].sort_values(["central", "estimate_id"])
    if b.empty:
        return ""
    return (" For context only: the registry's estimates of people displaced by the "
            "Second World War (" + "; ".join(_figure_label(r) for _, r in b.iterrows())
            + ") are historians' figures for Europe, partly cumulative, and not "
            "like-for-like with a worldwide stock.")


def _current_txt(cur_rows: pd.DataFrame, level: float, margin: float) -> tuple[str, Any, str]:
    """(closest, first period end, the current figures labelled) of the current figures."""
    cur_figs, _ = _fit_all(cur_rows, level, margin)
    return ("; ".join(_figure_label(r) for _, r in cur_rows.head(3).iterrows()),
            cur_rows["period_end"].min(), "; ".join(_figure_label(f.row) for f in cur_figs))


def _period_end(rows: pd.DataFrame) -> Any:
    return rows["period_end"].to_numpy("datetime64[ns]")


def _first_year(rows: pd.DataFrame) -> int:
    return rows["period_end"].min().year


def _same_measure(knowable: pd.DataFrame, measure: str, host: Any, area: Any, group: Any,
                  period_type: Any, perpetrator: str = "all") -> pd.DataFrame:
    """Rows of *measure* with the claim's dimensions, whose victims (*perpetrator*) too: a
    perpetrator's toll is never compared with every perpetrator's (rule perpetrator)."""
    t = Target(measure, host, area, group, period_type, None, pd.Timestamp(0),
               perpetrator=perpetrator)
    return _same_dimensions(knowable[knowable["measure"] == measure], t)


def _check_highest(rec: dict[str, Any], knowable: pd.DataFrame, est: pd.DataFrame,
                   target: Target, x: float, level: float, margin: float, phrase: str,
                   date: str, known_txt: str) -> dict[str, Any]:
    measure, as_of = target.measure, target.end
    ref_year = int(x)  # validated by highest_since_problem before this is called
    ref = pd.Timestamp(year=ref_year, month=12, day=31)
    cur_rows = take(knowable, nearest_positions(knowable, window_positions(knowable, target),
                                                as_of))
    label = _LABELS.get(measure, measure.replace("_", " "))
    if target.perpetrator != "all":  # only that perpetrator's figures (rule perpetrator)
        label += f" (victims of {target.perpetrator})"
    bench_txt = ""
    bm = BENCHMARKS.get(measure)
    if bm:
        bench_txt = per_frame("highest-bench", knowable, _bench_txt, bm)
    if cur_rows.empty:
        return _not_checkable(rec, f"no figure for {label} near {date} ({known_txt})."
                              + bench_txt, phrase, date)
    cur_figs, skipped = _fit_all(cur_rows, level, margin)
    if not cur_figs:
        return _not_checkable(rec, "the current figure could not be read: " + "; ".join(skipped),
                              phrase, date)
    cur = _pool(cur_figs, level)
    _fill_pool(rec, cur)
    rec["closest"], first_end, who = per_frame("highest-current", cur_rows, _current_txt,
                                               level, margin)
    same = per_frame("highest-same", knowable, _same_measure, target.measure, target.host,
                     target.area, target.group, target.period_type, target.perpetrator)
    end = per_frame("period-end", same, _period_end)
    hist = take(same, (end >= _ns(ref)) & (end < _ns(first_end)))
    cur_txt = (f"The figure nearest the claim's date is {who}, read as a {level:.0%} range of "
               f"{_range_txt(cur, measure, level)} (model). "
               + " ".join(_assumption_sentences(cur_figs, margin)))
    hist_figs, skipped2 = _fit_all(hist, level, margin) if not hist.empty else ([], [])
    y0 = per_frame("first-year", hist, _first_year) if hist_figs else 0
    if not hist_figs or y0 > ref_year + HIGHEST_SINCE_MAX_GAP_YEARS:
        if not hist_figs:
            gap = (f"the registry holds no figure for {label} between {ref_year} and the one "
                   f"nearest the claim's date ({known_txt})")
        else:
            gap = (f"the registry's earliest figure for {label} after {ref_year} is for {y0}, "
                   f"{y0 - ref_year} years later ({known_txt})")
        reason = (f"{gap}. A 'highest since {ref_year}' claim needs a series that starts within "
                  f"{HIGHEST_SINCE_MAX_GAP_YEARS} years of {ref_year}; without one the registry "
                  f"cannot show what happened in between. {cur_txt}" + bench_txt)
        _not_checkable(rec, reason, phrase, date)
        return rec
    above = all(f.hi < cur.lower for f in hist_figs)
    below = any(f.lo > cur.upper for f in hist_figs)
    verdict = "consistent" if above else ("contradicted" if below else "contested")
    top = max(hist_figs, key=lambda f: f.hi)
    rec.update(verdict=verdict, position={"consistent": "above", "contradicted": "below",
                                          "contested": "within"}[verdict], scope_used="same")
    rec["explanation"] = (
        f"The claim that {label} at {date} were {phrase}: {VERDICTS[verdict]} {cur_txt} "
        f"The highest of the {len(hist_figs)} earlier figures back to {ref_year} (from "
        f"{y0}) is {_figure_label(top.row)}, read as a {level:.0%} "
        f"range of {_num(top.lo, measure)} to {_num(top.hi, measure)} (model). "
        + " ".join(_assumption_sentences(hist_figs, margin)) + bench_txt).replace("  ", " ").strip()
    return rec
