"""COMPARATOR_RULES['children_women_all_deaths']: children and women killed, counted among all
deaths, are the claim's own scope for a claim about children or women among civilian deaths.

check-text reads "including 201 children" as civilian deaths of group children
(measure deaths_civilian), while some monitors give children and women among ALL the people
they document killed (measure deaths_total, group children or women: SNHR's tolls from 2025,
``snhr-2025-h1-children``, ``snhr-year-2025-women``; VDC's and SNHR's of 2012-2013). For children
and women the two counts are the same people for any reader: monitors count children and women
killed as civilians, and a text that says "201 children were killed" does not say "civilian".
Such figures of violent deaths (death_scope not broader) are pooled as the claim's own scope
instead of a broader one (so the claim is no longer 'true only under a broader scope'), and
the explanation and ``widened`` say so. Other groups (civilians against all deaths) keep the
broader-scope reading."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats.claims.target import Target
from syriastats.reading import broader_scope_mask
from syriastats.claims.monitor_rules import CHILDREN_WOMEN as RULE

#: Groups whose deaths among all people killed are read as the claim's own scope.
GROUPS: frozenset[str] = frozenset({"children", "women"})
#: Claim measure -> the measure whose figures of the same group are its own scope.
MEASURES: dict[str, str] = {"deaths_civilian": "deaths_total"}



def own_group(est: pd.DataFrame, t: Target, same_pos: np.ndarray, broad_pos: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, bool]:
    """(own-scope positions, broader positions, whether the rule moved any figure)."""
    other = MEASURES.get(t.measure)
    if other is None or t.group not in GROUPS or not len(broad_pos):
        return same_pos, broad_pos, False
    rows = est.iloc[broad_pos]
    move = ((rows["measure"].astype(str) == other) & (rows["group"].astype(str) == t.group)
            & ~broader_scope_mask(rows)).to_numpy(bool)
    if not move.any():
        return same_pos, broad_pos, False
    return np.sort(np.concatenate([same_pos, broad_pos[move]])), broad_pos[~move], True


def note(group: str) -> str:
    """The explanation's sentence when the rule pooled figures."""
    return (f" Figures of all deaths of {group} were pooled as the claim's own scope (rule: "
            f"{RULE}): {group} killed are the same people whether or not a count says "
            "'civilian'.")


def widened(group: str) -> str:
    """The ``widened`` entry."""
    return f"measure: deaths_total of group {group} read as the claim's scope ({RULE})"
