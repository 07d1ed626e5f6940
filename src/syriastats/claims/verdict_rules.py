"""Rules of session 22 on how a verdict is reached (H22v): their entries of
:data:`syriastats.claims.rules.COMPARATOR_RULES` (merged into it by
:mod:`syriastats.claims.rules`; applied by :mod:`syriastats.claims.floors` and the modules
each text names)."""
from __future__ import annotations

#: COMPARATOR_RULES entries of these rules.
VERDICT_RULES: dict[str, str] = {
    "floor_unpublished": "A lower bound ('more than X', 'at least X') is consistent only when "
                         "the pooled median is at or above X AND either the pooled range's "
                         "lower end is at or above X (the model puts the truth above X however "
                         "the sources are read) or some comparable figure of the judged scope "
                         "published a number reaching X (at least X less 1 % rounding; a "
                         "running total that ends before the claim's date carried forward to "
                         "the most it could reach by then, EARLIER_PACE_FACTOR (3) times its "
                         "average pace, persons a day since its start; one with no pace yet, "
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
                 "date) and no running bracket decides is consistent when the latest total the "
                 "claimant could know is at or below X (less 1 % rounding) and X is within what "
                 "that series reaches by the claim's date at its own average pace (persons a "
                 "day since its start; 'about' widened by about_tolerance): '270,000 refugees "
                 "have returned' on 5 February 2025 with UNHCR's 195,200 of 16 January known. "
                 "Between that and EARLIER_PACE_FACTOR times the pace it stays not_checkable.",
}
