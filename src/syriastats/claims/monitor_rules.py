"""Rules on monitors' documented floors and on children and women among all deaths: their
constants and their entries of :data:`syriastats.claims.rules.COMPARATOR_RULES` (merged into it by
:mod:`syriastats.claims.rules`; applied by the modules each text names:
:mod:`~syriastats.claims.monitor_floors`)."""
from __future__ import annotations

#: How far apart two monitors' documented counts of one period may lie: the highest over the
#: lowest. The registry's 17 pairs of two monitors' whole-scope counts of the same period
#: (SNHR/SOHR civilians, SHRC/SOHR all deaths) run from 1.03 to 3.87, median 1.96. The widest
#: are not the norm for a war year: the 2018-2021 civilian pairs lie within 1.18x (SNHR 6,964 /
#: SOHR 6,349 in 2018), 2.0x and more are counts under 4,000 (2022-2025 years and months), and
#: SHRC's 'people killed' (2.8x and 3.2x SOHR's all deaths in 2018 and 2019) track SOHR's
#: civilians (7,064 / 6,349; 3,522 / 3,473), a difference of scope more than of method. The
#: median pair, 2: a count below half the highest documented one is understated (a third, as
#: the first version allowed, passed '6,000 civilians killed in 2016' against SNHR's 16,913).
#: An assumption of this checker, stated where used.
MONITOR_SPREAD: float = 2.0
MONITOR_FLOOR: str = "monitor_floor"

_MONITOR_FLOOR_TEXT: str = (
    "An 'about X' death toll that the pooled verdict of its own scope calls below_all, or "
    "contested below the pooled range, while every pooled figure above it is a documented "
    "count, is judged again: documented counts are floors of their monitors' methods, and a "
    "lower floor is not an understatement. Understated still when it is attributed to a "
    "monitor whose own figure in the claim's window (for a running total: counted to its date "
    "or before) lies above it. Consistent when some pooled documented count of the claim's "
    "whole scope (not partial), for a running total one counted to within 31 days of the "
    "claim's date or later, is at or below X plus about_tolerance (1 % rounding): it repeats "
    "a count as low as one a monitor documented. Below every documented count, consistent only when the claim is one period's "
    "toll (a flow: a year, a half year, a month; only monitors and event data count these) and "
    "X plus about_tolerance is at least the highest pooled documented count divided by "
    f"MONITOR_SPREAD ({MONITOR_SPREAD:g}, the median spread of the registry's pairs of monitors' "
    "counts of one period); otherwise (further below, or a running total from the war's start, whoever it is "
    "attributed to) it stays understated. The explanation names the rule and the verdict "
    "without it.")



CHILDREN_WOMEN: str = "children_women_all_deaths"
_CHILDREN_WOMEN_TEXT: str = (
    "For a claim about children or women among civilian deaths (deaths_civilian, group "
    "children or women), figures of deaths_total of the same group and of violent deaths "
    "(death_scope not broader) are pooled as the claim's own scope, not a broader one: "
    "monitors that count all people killed (SNHR from 2025) give children and women among "
    "them, and children and women killed are the same people whether or not the text says "
    "'civilian'. The explanation names the rule and widened says measure: deaths_total of the "
    "same group. Other groups keep the broader-scope reading.")

#: COMPARATOR_RULES entries of these rules.
MONITOR_RULES: dict[str, str] = {
    MONITOR_FLOOR: _MONITOR_FLOOR_TEXT,
    CHILDREN_WOMEN: _CHILDREN_WOMEN_TEXT,
}
