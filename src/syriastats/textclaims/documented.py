"""Death tolls a text gives as a monitor's documented count ("the watchdog documented 9,889
deaths", "the Observatory recorded", "registered the names of"): marked with the claims note
:data:`syriastats.claims.verdict_rules_h23.DOCUMENTED_NOTE`, for
``COMPARATOR_RULES['monitor_floor']`` (a lower documented floor is not an understatement)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from syriastats.claims.verdict_rules_h23 import DOCUMENTED_NOTE

__all__ = ["DOCUMENTED_NOTE", "DOCUMENTED_WORDS", "documented_counts"]

#: Death measures a monitor documents.
_DEATHS: frozenset[str] = frozenset({"deaths_total", "deaths_civilian", "deaths_direct"})
#: Words of a sentence that give its toll as documented by a monitor: the verb of counting
#: ("documented", "recorded", "verified", "registered the names") or the counting body
#: ("watchdog", "monitor", "observatory", "rights group", "network"). A word list, read in
#: the whole sentence (the verb may govern a clause before the claim's: "documented 9,889
#: deaths, including 7,449 civilians").
DOCUMENTED_WORDS = re.compile(
    r"\bdocument(?:ed|s|ing|ation)\b|\brecord(?:ed|s)\b|\bverified\b"
    r"|\bregistered\s+the\s+(?:names|deaths|killing)\b|\btall(?:y|ied)\b"
    r"|\bwatchdog\b|\bmonitor(?:s|ing\s+group)?\b|\bobservatory\b|\brights\s+(?:group|network)\b"
    r"|\bnetwork\s+for\s+human\s+rights\b", re.I)


def documented_counts(found: pd.DataFrame) -> np.ndarray:
    """Boolean per claim: a death toll whose sentence words it as a documented count."""
    if not len(found):
        return np.zeros(0, bool)
    deaths = found["measure"].astype(str).isin(sorted(_DEATHS)).to_numpy(bool)
    words = found["sentence"].astype(str).str.contains(DOCUMENTED_WORDS).to_numpy(bool)
    return deaths & words
