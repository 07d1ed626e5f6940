"""The explanation a reporter can quote: what the sources say, which figure a number
matches, and every reading assumption used."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from syriastats.claims.phrases import _day, _figure_label, _isnum, _num, _present
from syriastats.claims.pooling import _Figure, _Pool
from syriastats.claims.verdict_rules import REACH_ROUNDING
from syriastats.claims_index import cached_call, per_frame
from syriastats.claims.rules import (
    _LABELS,
    AGENCY_ASSUMED_MARGIN,
    AGENCY_METHODS,
    REGISTRATION_ASSUMED_MARGIN,
    STALE_DAYS,
)
from syriastats.reading import CUMULATIVE_MEASURES, DEFAULT_AT_LEAST_EXCESS, DEFAULT_UNDERCOUNT
from syriastats.reading import direction as _direction


#: Claim comparator -> the registry qualifiers worded in the same direction.
_SAME_DIRECTION: dict[str, tuple[str, ...]] = {
    "about": ("approximately", "exact"), "share_about": ("approximately", "exact"),
    "at_least": ("at_least",), "share_at_least": ("at_least",),
    "at_most": ("at_most",), "share_at_most": ("at_most",), "less_than": ("at_most",),
}


_WORDED_AS: dict[str, str] = {"at_least": "a floor ('more than')", "at_most": "a ceiling ('at most')",
                              "approximately": "an approximate figure ('about')",
                              "exact": "a point figure"}


def _likely_origin(x: float, measure: str, comp: str, same: pd.DataFrame, broad: pd.DataFrame,
                   as_of: pd.Timestamp) -> str:
    """Sentences naming the figure(s) the claimed number equals (within 1 %), if any.

    "matches" only when the source words the number in the claim's direction
    (:data:`_SAME_DIRECTION`); otherwise how the source worded it.
    """
    out = []
    for rows, broader in ((same, False), (broad, True)):
        if rows.empty:
            continue
        for c, d, label, who, method, scope, end in per_frame("origin-rows", rows, _origin_rows):
            if abs(c - x) <= 0.01 * c:
                if d in _SAME_DIRECTION.get(comp, ()):
                    s = f"The number matches {label}"
                else:
                    how = ("a documented count (a minimum)"
                           if method == "documented_count"
                           else _WORDED_AS.get(d, d))
                    s = (f"The same number appears in {label}, but {who} gives "
                         f"{_num(c, measure)} as {how} while the claim states it as "
                         f"{_COMP_WORDS.get(comp, comp)}")
                if broader:
                    s += (", whose" if s.startswith("The number matches") else "; its") + \
                        f" scope is broader than the claim's ({scope})"
                if measure in CUMULATIVE_MEASURES and (as_of - end).days > STALE_DAYS:
                    s += f", and which counts only to {_day(end)}" \
                        if s.startswith("The number matches") else \
                        f"; it counts only to {_day(end)}"
                out.append(s + ".")
    return (" " + " ".join(out)) if out else ""


def _origin_rows(rows: pd.DataFrame) -> list[tuple[Any, ...]]:
    """What :func:`_likely_origin` reads of each row with a positive central value (once
    per frame): (central, direction, label, publisher or source, method, scope, end)."""
    out = []
    for _, r in rows.iterrows():
        c = r.get("central")
        if _isnum(c) and float(c) > 0:
            who = r.get("publisher") if _present(r.get("publisher")) else r.get("source_id")
            out.append((float(c), _direction(r), _figure_label(r), who, str(r.get("method")),
                        r.get("scope"), r["period_end"]))
    return out


_COMP_WORDS: dict[str, str] = {
    "about": "an approximate figure", "share_about": "an approximate figure",
    "at_least": "a floor ('more than')", "share_at_least": "a floor ('more than')",
    "at_most": "a ceiling ('as many as')", "share_at_most": "a ceiling ('as much as')",
    "less_than": "an upper bound ('fewer than')",
}


def _range_txt(pool: _Pool, measure: str, level: float) -> str:
    return f"{_num(pool.lower, measure)} to {_num(pool.upper, measure)}"


def _who(pool: _Pool) -> str:
    return ", ".join(dict.fromkeys(f.who for f in pool.figs))


def _assumption_sentences(figs: Sequence[_Figure], margin: float) -> list[str]:
    """One sentence per reading assumption used by the pooled figures (floors, ceilings,
    assumed margins), naming the rows and the numbers used."""
    doc, official, own_high, ceil, assumed, assumed_reg, agency = [], [], [], [], [], [], []
    cov = 0.9
    for f in figs:
        eid, p = f.eid, f.params
        cov = float(p.get("coverage", cov))
        u = tuple(p.get("undercount", ())) if p.get("undercount") is not None else ()
        if f.params.get("assumed") and f.method == "registration":
            assumed_reg.append(eid)
        elif f.params.get("assumed") and f.method in AGENCY_METHODS:
            agency.append(eid)
        elif f.params.get("assumed"):
            assumed.append(eid)
        elif "count" in p:  # a floor
            if p.get("default_used") and u == tuple(DEFAULT_UNDERCOUNT):
                doc.append(eid)
            elif p.get("default_used") and u == tuple(DEFAULT_AT_LEAST_EXCESS):
                official.append(eid)
            else:
                own_high.append(eid)
        elif "ceiling" in p:
            ceil.append((eid, u[1] if u else float("nan")))
    out = []
    if doc:
        out.append(f"Documented counts ({', '.join(doc)}) are read as floors: nothing below "
                   f"them, and the truth up to {DEFAULT_UNDERCOUNT[1]:.3f}x them with "
                   f"{cov:.0%} probability, OHCHR's 2022 ratio of estimated to documented "
                   "civilian deaths (306,887/143,350), applied here as an assumption.")
    if official:
        out.append(f"'More than X' figures ({', '.join(official)}) are read as floors with "
                   f"the truth up to {DEFAULT_AT_LEAST_EXCESS[1]:g}x them with {cov:.0%} "
                   "probability (an assumption of this suite).")
    if own_high:
        out.append(f"Floors with a stated upper figure ({', '.join(own_high)}) are read as "
                   f"running from the floor to that figure with {cov:.0%} probability.")
    if ceil:
        out.append("'At most' figures (" + ", ".join(e for e, _ in ceil) + ") are read as "
                   f"ceilings with the truth down to 1/{ceil[0][1]:.3f} of them with {cov:.0%} "
                   "probability (the documented-count ratio mirrored: an assumption).")
    if assumed:
        out.append(f"No range was published for {', '.join(assumed)}; read as ±{margin:.0%} "
                   f"with {cov:.0%} probability (an assumption of this checker).")
    if agency:
        out.append(f"Agency and statistical-office figures printed without a range "
                   f"({', '.join(agency)}) are read as ±{min(margin, AGENCY_ASSUMED_MARGIN):.0%} "
                   f"with {cov:.0%} probability, so that a claim 10% off is not read as "
                   "consistent (an assumption of this checker).")
    if assumed_reg:
        out.append(f"Registration totals printed without a range ({', '.join(assumed_reg)}) "
                   f"are read as ±{min(margin, REGISTRATION_ASSUMED_MARGIN):.0%} with {cov:.0%} "
                   "probability: exact administrative counts, the margin covers dating "
                   "(an assumption of this checker).")
    return out


def _published_txt(pool: _Pool, measure: str) -> str:
    a, b = _num(pool.env_lo, measure), _num(pool.env_hi, measure)
    if len(pool.figs) == 1:
        return f"the number it published is {a}" if a == b else f"it published {a} to {b}"
    return (f"the numbers they published run from {a} to {b}" if a != b
            else f"they all published {a}")


def _bound_contested(x: float, comp: str, pool: _Pool, m: str) -> list[str]:
    """Why a bound ('more than X', 'fewer than X') is contested: where X lies against the
    pooled median and against the numbers the sources published (COMPARATOR_RULES
    ['floor_unpublished']); never 'matches only the lowest of them', which is said of
    'about X'."""
    out = []
    hi = max(float(f.pub_hi) for f in pool.figs)
    lo = min(float(f.pub_lo) for f in pool.figs)
    if comp in ("at_least", "share_at_least"):
        if x > pool.median:
            out.append(f"The claimed floor is above the middle of the sources (median "
                       f"{_num(pool.median, m)}): most of the pooled weight lies below it.")
        if x * (1 - REACH_ROUNDING) > hi:
            out.append(f"No comparable source published {_num(x, m)} or more (the highest "
                       f"number published is {_num(hi, m)}); only the reading rules' "
                       "assumptions put part of the range above it.")
        elif x <= pool.median:
            out.append("Some sources put the number below the claimed floor.")
    else:
        if x < pool.median:
            out.append(f"The claimed bound is below the middle of the sources (median "
                       f"{_num(pool.median, m)}): most of the pooled weight lies above it.")
        if x * (1 + REACH_ROUNDING) < lo:
            out.append(f"Every comparable source published more than {_num(x, m)} (the lowest "
                       f"number published is {_num(lo, m)}); only the reading rules' "
                       "assumptions put part of the range below it.")
        elif x >= pool.median:
            out.append("Some sources put the number above the claimed bound.")
    return out


def _explain(rec: dict[str, Any], pool: _Pool, same: _Pool | None, broad: _Pool | None,
             v_same: tuple[str, str] | None, phrase: str, date: str, known_txt: str,
             as_of: pd.Timestamp, skipped: list[str], margin: float, comp: str) -> str:
    m, lvl = rec["measure"], rec["level"]
    label = _LABELS.get(m, m.replace("_", " "))
    verdict = rec["verdict"]
    head = {
        "consistent": "is consistent with the sources",
        "contested": "is supported by only some of the sources",
        "above_all": "is higher than every comparable source",
        "below_all": "is lower than every comparable source",
        "broader_scope_only": "holds only under a broader definition than its words suggest",
    }[verdict]
    model = f"a {lvl:.0%} range (model, under the reading rules stated below)"
    parts = [f"The claim '{phrase}' ({label}, as of {date}) {head}."]
    if verdict == "broader_scope_only" and same is not None:
        parts.append(f"Figures of the claim's own scope ({_who(same)}) give {model} of "
                     f"{_range_txt(same, m, lvl)}; {_published_txt(same, m)}.")
        parts.append(f"Figures of a broader scope ({_who(pool)}; e.g. including indirect deaths, "
                     f"the missing, or a wider population) give {_range_txt(pool, m, lvl)}; "
                     f"{_published_txt(pool, m)}.")
        parts.append("Quote it only with that scope stated.")
    elif verdict == "broader_scope_only":
        parts.append(f"Only figures of a broader scope exist ({_who(pool)}), giving {model} of "
                     f"{_range_txt(pool, m, lvl)}; {_published_txt(pool, m)}.")
    else:
        n = len(pool.figs)
        src = "one figure" if n == 1 else f"{n} figures"
        parts.append(f"Comparable figures {known_txt} ({src}: {_who(pool)}) give {model} of "
                     f"{_range_txt(pool, m, lvl)}, median {_num(pool.median, m)}; "
                     f"{_published_txt(pool, m)}.")
        if rec["scope_used"] == "broader_only_available":
            parts.append("Only figures of a broader scope than the claim were available.")
        if verdict == "consistent" and comp in ("at_least", "share_at_least") and \
                rec["value"] < min(f.lo for f in pool.figs):
            parts.append("The claim is true but conservative: every source puts the number "
                         "well above it.")
        if verdict == "consistent" and comp == "less_than" and \
                rec["value"] > max(f.hi for f in pool.figs):
            parts.append("The claim is true but loose: every source puts the number well "
                         "below it.")
        if verdict == "consistent" and comp in ("at_most", "share_at_most"):
            parts.append("It sits in the upper part of the range: a ceiling, not a central "
                         "estimate.")
        if verdict == "contested" and comp in ("at_least", "share_at_least", "less_than",
                                                 "at_most", "share_at_most"):
            parts += _bound_contested(float(rec["value"]), comp, pool, m)
        elif verdict == "contested":
            parts.append("The sources disagree; the claim matches only the "
                         + ("highest" if rec["position"] == "above" else "lowest") + " of them.")
    if pool.floor is not None:
        parts.append(f"The range is cut below at {_num(pool.floor, m)} ({pool.floor_id})"
                     + ", the largest documented count of the full scope by the claim's date: "
                     "the truth cannot be below what was counted.")
    old = [f for f in pool.figs if m in CUMULATIVE_MEASURES
           and (as_of - f.end).days > STALE_DAYS]
    for f in old:
        months = round((as_of - f.end).days / 30.44)
        parts.append(f"{f.eid} counts only to {_day(f.end)}, "
                     f"{months} months before the claim's date, so it understates the toll then.")
    # they depend on the figures' readings (ids and methods included) and the margin only
    parts += cached_call(("assumption-sentences", tuple(f.key for f in pool.figs), margin),
                         _assumption_sentences, pool.figs, margin)
    if skipped:
        parts.append("Left out (could not be read as a distribution): " + "; ".join(skipped) + ".")
    return " ".join(parts)
