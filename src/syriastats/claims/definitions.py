"""Figures that count a claim's group under a source's earlier, wider definition
(COMPARATOR_RULES['civilians_incl_armed']).

Until the end of 2012 SOHR counted among the "civilians" killed the non-military people who
had taken up arms (registry group ``civilians_incl_armed``, from
:data:`syriastats.dimensions.WIDER_DEFINITION_GROUPS`). Such a figure counts more people than
a claim about civilians: it is never pooled with the claim's own figures, it cannot make the
claim ``consistent`` as if it were the same count (at best ``broader_scope_only``, the
definition named), it can show the claim too high (a number above a count that includes
more people), and it cannot show it too low.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

import numpy as np
import pandas as pd

from syriastats.claims.phrases import _figure_label
from syriastats.claims.pooling import _Figure, _pool, _Pool
from syriastats.claims.positions import empty_of, nearest_positions, window_positions
from syriastats.claims.target import Target
from syriastats.claims_index import per_frame, take
from syriastats.dimensions import WIDER_DEFINITION_GROUPS

#: What each wider-definition group counts beyond the claim's group (for explanations).
WIDER_DEFINITION_WORDS: dict[str, str] = {
    "civilians_incl_armed": ("SOHR's 'civilians' of 2011-2012, which also counted the "
                             "non-military people who took up arms (rebels who were not "
                             "defectors); from June 2013 SOHR counts them apart"),
}


def wider_groups(t: Target) -> list[str]:
    """The wider-definition groups of the claim's group (empty for most claims)."""
    return sorted(g for g, full in WIDER_DEFINITION_GROUPS.items() if full == t.group)


def wider_rows(est: pd.DataFrame, t: Target, kmask: np.ndarray, ctx: np.ndarray
               ) -> pd.DataFrame:
    """The comparable figures of the claim's measure, place and period that count its group
    under a wider definition (nearest per series; not context only). Empty when none."""
    groups = wider_groups(t)
    if not groups:  # most claims: one shared empty frame (slicing a wide frame costs ~50 µs)
        return per_frame("empty", est, empty_of)
    pos = np.concatenate([window_positions(est, replace(t, group=g), kmask) for g in groups])
    pos = pos[~ctx[pos]]
    return take(est, nearest_positions(est, pos, t.end))


def why(rows: pd.DataFrame, claim_group: str) -> str:
    """The definitional difference, in words, naming the figures."""
    groups = sorted(set(rows["group"].astype(str)))
    words = "; ".join(WIDER_DEFINITION_WORDS.get(g, g) for g in groups)
    return (f"{'; '.join(_figure_label(r) for _, r in rows.iterrows())} count "
            f"{', '.join(groups)} ({words}), more people than '{claim_group}'")


def widened_txt(rows: pd.DataFrame, claim_group: str) -> str:
    """The ``widened`` entry for the group dimension."""
    return (f"group: {claim_group} -> {', '.join(sorted(set(rows['group'].astype(str))))} "
            f"({', '.join(rows['estimate_id'].astype(str))}), a wider definition that also "
            "counts armed rebels")


def decide(v_same: tuple[str, str] | None, v_wide: tuple[str, str], floor_over: bool
           ) -> tuple[str, str] | None:
    """The verdict the wider-definition figures give, or None when they change nothing.

    *v_same*: the verdict against the claim's own figures (None: there are none);
    *v_wide*: against the wider-definition figures. Consistent with them only ->
    broader_scope_only; with no figure of the claim's own group, above them all ->
    above_all (overstated even against a count of more people), below them all ->
    not_checkable (a count of more people cannot show the claim too low)."""
    if v_same is not None and v_same[0] == "consistent":
        return None
    if v_wide[0] == "consistent":
        return None if floor_over else ("broader_scope_only", v_wide[1])
    if v_same is None:
        if v_wide[0] == "below_all":
            return ("not_checkable", "")
        return v_wide
    return None


def note(rec: dict[str, Any], rows: pd.DataFrame, claim_group: str, old: str | None) -> str:
    """The explanation's sentence for the rule."""
    base = (f" (rule: civilians_incl_armed; group widened: {why(rows, claim_group)}. Such a "
            "figure is never the same count as the claim's")
    if rec["verdict"] == "broader_scope_only":
        return base + ": the number holds only with that wider definition stated.)"
    if rec["verdict"] == "above_all":
        return base + ": the claim is higher even than a count of more people.)"
    return base + (f"; without this rule the verdict would be {old}.)" if old else ".)")


def judge_wider(figs: list[_Figure], v_same: tuple[str, str] | None, floor_over: bool,
                old: str | None, judge: Callable[[_Pool], tuple[str, str]], level: float
                ) -> tuple[tuple[str, str] | None, str | None, _Pool]:
    """(the verdict the wider-definition figures *figs* give, or None: :func:`decide`; the
    verdict the other rules gave, *old*, when it is replaced; the pool of *figs*).
    *judge*: the comparator rule applied to a pool."""
    pool = _pool(figs, level, None)
    wide = decide(v_same, judge(pool), floor_over)
    return wide, (old if wide is not None else None), pool


def below_reason(rows: pd.DataFrame, t: Target, date: str, old: str | None) -> str:
    """Why a claim below every wider-definition figure is not checkable."""
    return (f"the only comparable figures of {t.measure} near {date} count a wider group: "
            f"{why(rows, t.group)}. The claim is below them, but a count of more people cannot "
            "show a claim about fewer too low (rule: civilians_incl_armed"
            + (f"; without it the verdict would be {old}" if old else "") + ").")
