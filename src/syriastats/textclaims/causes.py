"""Deaths of one cause (H22t).

"2,601 civilians, including 598 children and 267 women, have died from mine explosions since
the beginning of the war", "drowned as they fled", "killed by barrel bombs": a toll of one
cause (landmines and explosive remnants, drowning, cold, hunger, a single weapon) is a part
of the war's dead that no registry figure counts (the registry's tolls are of all causes).
:func:`one_cause` gives the reason such a claim is not_checkable; the checker of texts
(:func:`syriastats.textclaims.check._dimension_gap`) reads it beside the other parts of the
war it cannot compare (one offensive, one city). Deaths under torture are not a cause here:
they are the measure deaths_in_detention.
"""
from __future__ import annotations

import re

_F = re.I
#: One cause or one weapon of death.
_CAUSE = (r"(?:land)?mine\s+explosions?|landmines?|mines?|explosive\s+remnants|remnants\s+of\s+(?:the\s+)?war|war\s+remnants"
          r"|unexploded\s+(?:ordnance|munitions|shells|bombs|devices)|cluster\s+(?:munitions?|bombs?|bomblets|remnants)"
          r"|drowning|drowned|the\s+cold|cold\s+weather|freezing(?:\s+temperatures)?|hypothermia|starvation|hunger|malnutrition"
          r"|chemical\s+(?:weapons?|attacks?|strikes?)|sarin|chlorine|barrel\s+bombs?|sniper\s+fire|snipers?")
#: The dead of that cause: "died from mine explosions", "killed by landmines", "victims of
#: landmines", "drowned", "froze to death", "landmines have killed".
_BY_CAUSE = re.compile(r"\b(?:killed|died|dead|deaths?|victims|lost\s+their\s+lives|perished|casualties)\b[^.;\d]{0,50}?"
                       r"\b(?:by|from|in|of|due\s+to|as\s+a\s+result\s+of|because\s+of|through)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
                       r"(" + _CAUSE + r")\b"
                       r"|\b(" + _CAUSE + r")\b[^.;\d]{0,40}?\b(?:have|has|had)?\s*(?:killed|claimed)\b"
                       r"|\b(drowned|froze\s+to\s+death|starved\s+to\s+death)\b", _F)
#: Measures of the war's dead of all causes.
_DEATH_MEASURES = frozenset({"deaths_total", "deaths_civilian", "deaths_direct", "deaths_combatant"})
#: An aside inside a count's words (", including 598 children and 267 women,").
_ASIDE = re.compile(r",\s*(?:including|among\s+them|of\s+whom)\b[^,;.]{0,100},", _F)


def one_cause(measure: str, sentence: str, claim_text: str) -> str:
    """Why the death claim *claim_text* of *sentence* is not compared ('' if it is): its own
    words (after it, past an aside of its parts; for a part inside the aside, the words
    after the aside) say its dead died of one cause."""
    if measure not in _DEATH_MEASURES or not claim_text:
        return ""
    i = sentence.find(claim_text)
    if i < 0:
        return ""
    w0 = max(0, i - 200)  # (within a reach of the claim: a long sentence stays linear)
    sentence, i = sentence[w0:i + len(claim_text) + 300], i - w0
    end = i + len(claim_text)
    inside = next((a for a in _ASIDE.finditer(sentence) if a.start() < i and end <= a.end()), None)
    rest = sentence[inside.end():] if inside else _ASIDE.sub(" ", sentence[end:], count=1)
    nxt = re.search(r"\d", rest)
    own = sentence[max(0, i - 60):i] + " " + (rest[:nxt.start()] if nxt else rest)
    m = _BY_CAUSE.search(own)
    if m is None:
        return ""
    cause = next(g for g in m.groups() if g)
    return (f"the claim counts only the deaths of one cause ('{cause}'); the registry holds no "
            "figure by cause, and a toll of all causes is never compared with a part of it.")
