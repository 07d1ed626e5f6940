"""Rules of session 22 on how a verdict is reached (H22v): their entries of
:data:`syriastats.claims.rules.COMPARATOR_RULES` (merged into it by
:mod:`syriastats.claims.rules`; applied by :mod:`syriastats.claims.floors` and the modules
each text names)."""
from __future__ import annotations

#: A published number 'reaches' a floor ("more than X") when it is at least X less this
#: rounding (as the attribution rule's FLOOR_ROUNDING).
REACH_ROUNDING: float = 0.01
#: Under the earlier_only rule a claim is still too high when it is above the latest total
#: plus this many times the series' average daily pace (the latest total over the days it
#: covers) times the days from that total to the claim's date; running_bracket does not
#: call such a claim consistent either.
EARLIER_PACE_FACTOR: float = 3.0

#: COMPARATOR_RULES entries of these rules.
VERDICT_RULES: dict[str, str] = {
    "floor_unpublished": "A lower bound ('more than X', 'at least X') is consistent only when "
                         "the pooled median is at or above X AND either the pooled range's "
                         "lower end is at or above X (the model puts the truth above X however "
                         "the sources are read) or some comparable figure of the judged scope "
                         "published a number reaching X (at least X less "
                         f"{REACH_ROUNDING:.0%} rounding; a "
                         "running total that ends before the claim's date carried forward to "
                         "the most it could reach by then, "
                         f"EARLIER_PACE_FACTOR ({EARLIER_PACE_FACTOR:g}) times its "
                         "average pace, persons a day since its start, the latest figure of "
                         "each publisher only; one with no pace yet, "
                         "under EARLIER_PACE_MIN_DAYS, and a level with no figure within "
                         "STALE_STOCK_DAYS of the date, leave the rule out). A lower "
                         "bound above every published number and above the range's lower end "
                         "is contested (or above_all when above every figure's range): only the "
                         "reading rules' assumptions, not a source, put the truth above it. "
                         "Mirrored for upper bounds ('fewer than X', 'up to X'): below every "
                         "published number and below the range's upper end is contested. "
                         "Every threshold is fixed by the figures, not by X, so for one date, "
                         "measure and scope the verdict of 'more than X' never gets more "
                         "favourable as X rises (consistent, then contested, then above_all), "
                         "nor that of 'fewer than X' as X falls (monotone by construction).",
    "pace_then": "As known then, a running total ('about X', 'more than X') that earlier_only "
                 "leaves not_checkable (only earlier totals were published by the claim's "
                 "date), or that a running bracket leaves not_checkable because its ceiling "
                 "was published after the claim, is consistent when X is within what the "
                 "latest total the claimant could know reaches by the claim's date at the "
                 "series' own average pace (persons a day since its start) and, for 'about "
                 "X' (widened by about_tolerance), reaches that total (less "
                 f"{REACH_ROUNDING:.0%} rounding); 'more than X' with X at or below that total "
                 "is proven by it: '270,000 refugees have returned' on 5 February 2025 with "
                 "UNHCR's 195,200 of 16 January known. Between that and "
                 f"EARLIER_PACE_FACTOR ({EARLIER_PACE_FACTOR:g}) times the pace it stays "
                 "not_checkable, beyond it overstated: the verdict of 'more than X' is "
                 "monotone in X.",
}
