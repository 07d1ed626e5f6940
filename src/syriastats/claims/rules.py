"""The checker's vocabulary and constants: verdicts, comparator rules, date windows,
assumed margins, broader measures and output columns (all documented, all public)."""
from __future__ import annotations

import pandas as pd

from syriastats.claims.scope_rules import SCOPE_RULES
from syriastats.claims.verdict_rules import EARLIER_PACE_FACTOR, REACH_ROUNDING, VERDICT_RULES
from syriastats.claims.monitor_rules import MONITOR_RULES
from syriastats.reading import CUMULATIVE_MEASURES
from syriastats.validate import HIGHEST_SINCE_MIN_YEAR, highest_since_problem

#: Death measures whose figures are split by ``death_scope`` (:func:`syriastats.reading.broader_scope_mask`).
DEATH_MEASURES: frozenset[str] = frozenset(m for m in CUMULATIVE_MEASURES if m.startswith("deaths_"))

#: Verdict code -> meaning (what a reporter can say).
VERDICTS: dict[str, str] = {
    "consistent": "Consistent with the sources: the claim agrees with the plausible range "
                  "built from comparable figures (same measure and scope, near the claim's date).",
    "contested": "Supported by only some of the sources: either outside the pooled range while "
                 "within the range of the highest (or lowest) of them, or, for a bound ('more "
                 "than X', 'fewer than X'), inside the pooled range but on the wrong side of its "
                 "median or beyond every published number.",
    "above_all": "Higher than every comparable source: above the upper end of each figure's range.",
    "below_all": "Lower than every comparable source: below the lower end of each figure's range.",
    "broader_scope_only": "Consistent only under a broader scope than the claim's words suggest "
                          "(e.g. a toll that includes indirect deaths or the missing, or all "
                          "deaths for a claim about civilians); say which scope.",
    "contradicted": "Contradicted: for a 'highest since' claim, an earlier figure of the same "
                    "measure is higher.",
    "not_checkable": "Not checkable with this registry (no comparable figure, none that could be "
                     "known at the time, or no series long enough); the reason is given.",
}

#: How each comparator is judged. X is the claimed value, [L, U] the pooled interval,
#: [l_i, u_i] each comparable figure's own interval at the same level.
COMPARATOR_RULES: dict[str, str] = {
    "about": "'about X' is read as X ± about_tolerance (default ±5 %, a rounded figure). "
             "consistent if that range overlaps [L, U]; above_all if it lies above every u_i; "
             "below_all if below every l_i; otherwise contested.",
    "at_least": "'more than X' asserts that X is a floor the truth exceeds: consistent if "
                "X is at or below the pooled median M (when X is also below every l_i the "
                "claim is true but conservative, and the explanation says so); contested if "
                "M < X <= U (the sources put more than half their weight below X); above_all "
                "if X > every u_i; otherwise contested.",
    "less_than": "'fewer than X' ('less than', 'under') asserts that the truth is below X: "
                 "consistent if X is at or above the pooled median M (when X is also above every "
                 "u_i the claim is true but loose, and the explanation says so); contested if "
                 "L <= X < M (the sources put more than half their weight above X); below_all if "
                 "X < every l_i (the truth is above the claimed bound); otherwise contested.",
    "at_most": "'as many as X' ('up to X', 'as high as X') asserts only that X is possible: "
               "it must be neither beyond every source nor below what the sources say. "
               "consistent if L <= X <= U (anywhere in the plausible range: a ceiling below "
               "the pooled median M is still possible; until session 23 it had to be X >= M), "
               "unless floor_unpublished applies; above_all if X > every u_i (no source supports "
               "a number that high); below_all if X < every l_i (the truth is above the "
               "stated ceiling); otherwise contested (only the most extreme sources reach X).",
    "share_about": "As 'about', for a share of the population, read as X ± share_tolerance "
                   "(default ±5 percentage points: 'half' = 45 %-55 %). A claim on a *_share "
                   "measure worded 'about', 'more than' or 'as much as' (comparator about, "
                   "at_least, at_most) is judged as share_about, share_at_least or "
                   "share_at_most, and the explanation says so; a share_* comparator on a "
                   "measure that is not a share is not_checkable.",
    "share_at_least": "As 'at_least', for a share.",
    "share_at_most": "As 'at_most', for a share ('as much as half'): consistent anywhere in "
                     "the plausible range, unless floor_unpublished applies.",
    "matching": "The explanation says a claimed number 'matches' a source's figure only when "
                "the two are within 1 % and worded in the same direction (about/exact with "
                "about, 'more than' with 'more than', 'at most' with 'as many as'); otherwise "
                "it says how the source worded it (e.g. 'IDMC gives 50% as a floor').",
    "attributed": "A claim the text attributes to a publisher ('according to SOHR', 'the UN "
                  "says'; column attribution, a key of ATTRIBUTION_PUBLISHERS) that repeats "
                  "that publisher's own figure is an accurate quote: consistent, whatever the "
                  "other sources say. The figure must be the publisher's (its publisher "
                  "matches the attribution), of the claim's measure, dimensions and scope, "
                  "within the claim's date window (DATE_RULES), published on or before the "
                  "claim was (for known='now' too: a quote can only repeat what was out), not "
                  "superseded by then, and match the claimed number under its comparator: "
                  "'about X' within about_tolerance of X (share_tolerance for shares); "
                  "'more than X' a floor of at least X (less 1 % rounding) or an exact or "
                  "approximate figure above X ('about half' is not 'more than half'); 'as "
                  "many as' / 'fewer than X' a figure within about_tolerance of X not worded "
                  "as a floor. The explanation names the quoted figure and what the other "
                  "comparable sources say, and says when they are all higher or all lower "
                  "(the verdict without the attribution). A claim with no attribution, "
                  "attributed to a publisher without such a figure, or misquoting it gets "
                  "the verdict of the other rules; a claim those rules cannot judge stays "
                  "not_checkable.",
    "unattributed_match": "A plain or approximate number (comparator about) that the text "
                          "does not attribute, judged contested, above_all, below_all or "
                          "broader_scope_only by the other rules, but equal within 1 % rounding to a figure some "
                          "publisher had published (on or before the claim was) for the "
                          "claim's measure, dimensions, scope and date window, not superseded "
                          "by then and that publisher's latest figure of that scope by then "
                          "(a stale number is not matched), is a report of that figure: consistent ('the war has "
                          "killed 494,438 people' repeats SOHR's documented count). The "
                          "explanation names the figure and gives the verdict of the other "
                          "rules. Floors, ceilings and shares are not matched this way; the "
                          "suite's own computed figures are never matched.",
    "undocumented_only": "A death toll ('about X', 'more than X') that the other rules find "
                         "consistent (or true only under a broader scope) but that only one "
                         "publisher's estimates beyond its own documented count reach (figures "
                         "of measure deaths_total_incl_missing, a death_scope counting the "
                         "missing, or method expert_estimate, from a publisher that also has a "
                         "documented count among the comparable figures), while the largest "
                         "documented count of any publisher is below DOCUMENTED_FAR_BELOW "
                         "(85 %) of X, is contested; so is 'more than X' above every source "
                         "when such estimates are the highest (monotone in X): the explanation "
                         "names the estimate and the "
                         "documented count. Attributed to that publisher it is an accurate "
                         "quote (rule attributed, which also accepts that publisher's toll "
                         "including its unnamed dead); unattributed it is not matched "
                         "(unattributed_match) to the estimate.",
    "published_range": "A figure published as hard bounds without a central value "
                       "(range_type hard_bounds: 'estimates range between 120,000 and "
                       "300,000') has no middle: a claim whose number lies within it ('about', "
                       "'up to', 'more than', 'fewer than'; 1 % rounding at the ends) is "
                       "consistent when every other figure of the pool also publishes a "
                       "number inside the range. A bracket around an estimate keeps the "
                       "median rule.",
    "interpolation_band": "A level (stock) the other rules find higher or lower than every "
                          "source is consistent when it lies between the comparable figures "
                          "nearest its date on either side, published at any time, both "
                          "within STALE_STOCK_DAYS (92) of its date: a fast-growing series "
                          "(refugees in 2012-2013) moves between sparse figures. When one of "
                          "them is further away the band is too loose: not_checkable. A floor "
                          "must lie below the band's top, a ceiling above its bottom (less 1 % "
                          "rounding). A figure published after the claim is used only as a "
                          "bound, and as known then it can only make the claim not_checkable "
                          "(never consistent: that would be hindsight).",
    "later_totals": "A running total (cumulative: returns since 8 December 2024, deaths since "
                    "2011) judged lower than every source is judged again against only the "
                    "comparable totals counted to its date or before (one per series, the "
                    "nearest): a total counted to a later date only grows, so it cannot show "
                    "the claim too low when an earlier total exists, however near the later one "
                    "is. With no earlier total the 31-day rule of DATE_RULES stands.",
    "civilians_incl_armed": "A figure of group civilians_incl_armed (SOHR's 'civilians' to the "
                            "end of 2012, which also counted the non-military people who took "
                            "up arms; data/migrations/003_civilians_incl_armed.py) counts more "
                            "people than a claim about civilians: it is never pooled with the "
                            "claim's own figures and is judged apart. A claim its figures "
                            "support and its own-group figures do not is broader_scope_only "
                            "(never consistent as if the same count); with no figure of the "
                            "claim's group, a claim above every such figure is above_all (higher "
                            "even than a count of more people) and one below them is "
                            "not_checkable (a count of more people cannot show it too low). The "
                            "explanation names the rule and widened says group: civilians -> "
                            "civilians_incl_armed.",
    "running_bracket": "A running total of returns or asylum applications (refugee_returns, "
                       "idp_returns, asylum_applications_europe_cumulative, counted from a fixed "
                       "start) that the other rules find contested, higher or lower than every "
                       "source, or cannot judge, is judged against the totals of each series "
                       "(publisher and method) from the same start: the highest counted to its "
                       "date or before is a floor, the lowest counted to its date or after a "
                       "ceiling (a running total only grows); a total from a later start "
                       "(within 31 days) is only a floor, one from an earlier start only a "
                       "ceiling. Between a floor and a ceiling of "
                       "one series, however far apart, it is consistent (a floor claim must lie "
                       "below the ceiling, a ceiling claim above the floor, less "
                       f"{REACH_ROUNDING:.0%} rounding; "
                       "'approximately' figures widened by about_tolerance), except that a claim "
                       "the pool calls higher than every source and that lies beyond "
                       f"EARLIER_PACE_FACTOR ({EARLIER_PACE_FACTOR:g}) times the series' average pace from the floor "
                       "(the earlier_only bound) stays above_all; unless another "
                       "series' floor or ceiling puts it outside. Below a floor (with no ceiling "
                       "below it) it is below_all, above a ceiling above_all, replacing a "
                       "not_checkable or the same verdict. As known then a figure published after "
                       "the claim may only make it not_checkable, never consistent (hindsight), "
                       "and never refutes it. Not for death tolls: a documented count of deaths "
                       "is a floor of the truth, not a ceiling.",
    "host_bounds": "For refugee_returns (counted per host: returns from one country of asylum add "
                   "up to the regional and worldwide totals) the floors and ceilings of "
                   "running_bracket also come from other hosts: a total for part of the claim's "
                   "hosts (REGION, the five neighbouring hosts, or one country, for a worldwide "
                   "claim; one of the five for a REGION claim) is a floor, a total for more hosts "
                   "(WORLD for REGION; REGION and WORLD for one of the five) a ceiling; a yearly "
                   "flow likewise against the same year's flows. So a regional or one-host total "
                   "can show a worldwide claim too low, never too high, and a worldwide total a "
                   "regional one too high, never too low. The explanation names the rule and "
                   "widened says which hosts bounded the claim's.",
    "broader_below": "A claim for which only figures of a broader scope exist (deaths of everyone "
                     "for a count of civilians, refugees by UNHCR's statistics for registered "
                     "refugees: BROADER_MEASURES) and that is below every one of them is "
                     "not_checkable, not understated: a count of more people cannot show it too "
                     "low. (Above them it is overstated: the broader count is a ceiling.) "
                     "widened says measure: only figures of a broader scope.",
    "own_floor": "A running total (cumulative: returns since 8 December 2024) that pooling "
                 "calls consistent or contested is understated (below_all) when a series it "
                 "was pooled with (the same publisher and method, with the claim's measure, "
                 "host, area, group "
                 "and start) had itself counted more by the claim's date: that series' highest "
                 "total counted to the claim's date or before (as known then: published by the "
                 "claim's date) lies above the claim's high end by more than 1 % rounding "
                 "('approximately' figures less about_tolerance), and it is counted no earlier "
                 "than every pooled figure that does not itself lie above the claim. Pooling "
                 "an older count (another publisher's total of months before) with it must not "
                 "make a number consistent that the publisher's own running total had passed "
                 "(a running total only grows). A pooled figure of another publisher counted "
                 "later that agrees with the claim keeps the verdict: publishers count "
                 "differently (Turkey's ministry's total of returns from Turkey is higher than "
                 "UNHCR's), and another publisher's floor never overturns it. The explanation "
                 "names the figure that overruled and the older figures the claim agrees with.",
    "subarea": "A claim about a part of its host country or of Syria (claims column subarea: a "
               "province, city or camp of the host, a region of Syria without an area code, "
               "such as north-east Syria or opposition-held areas) is not_checkable: the "
               "registry holds no figure for it, and a figure for the whole is never compared "
               "with a part of it. (North-west Syria has an area code, SY-NW, and is judged "
               "against its own figures.)",
    "perpetrator": "A claim about the victims of one perpetrator (claims column perpetrator, a "
                   "registry perpetrator code other than all: 'government forces killed 60 "
                   "civilians in May') is judged against the registry's figures of the same "
                   "perpetrator's victims (column perpetrator; same measure, period, area and "
                   "group: SNHR's monthly and half-yearly tolls by perpetrator); when there is "
                   "none it is not_checkable, never judged against all perpetrators' victims "
                   "(one perpetrator's share would be called understated).",
    "highest_since": "'the highest (worst) since <year>': value holds the year that ends the "
                     "reference period (1945 for the Second World War): a whole number from "
                     "HIGHEST_SINCE_MIN_YEAR (1800) to the year of as_of, else not_checkable "
                     "(and a bad row for syriastats check). The figure nearest the "
                     "claim's date is compared with every earlier figure of the same measure "
                     "back to that year: consistent if its interval lies above all of theirs; "
                     "contradicted if an earlier figure lies wholly above it; contested if they "
                     "overlap. not_checkable if the registry's series starts more than "
                     "HIGHEST_SINCE_MAX_GAP_YEARS after the reference year (it cannot show what "
                     "happened in between); benchmark figures (e.g. wwii_displacement) are "
                     "quoted for context but not used, as they are not like-for-like.",
    "war_duration": "For the claim-only measure war_duration_years, the war's age at as_of is "
                    "computed from the start of the registry's cumulative death tolls (all of "
                    "which start in March 2011); 'about N years' is read as N-0.5 to N+1 years: "
                    "an age ('five years old' = at least five, not yet six) or a duration "
                    "rounded to the nearest year ('a five-year-long conflict' at 4 years 11 "
                    "months). After the fall of the Assad government (ASSAD_FALL_DATE, "
                    "2024-12-08) the war's length up to that day is accepted as well as its "
                    "age on as_of ('14 years of war' in 2025). A date before the "
                    "war's start (the latest start date of those tolls) is not_checkable.",
}

COMPARATOR_RULES.update(SCOPE_RULES)  # the rules on whose count a figure is (scope_rules)
COMPARATOR_RULES.update(VERDICT_RULES)  # session 22's verdict rules (verdict_rules)
COMPARATOR_RULES.update(MONITOR_RULES)  # monitors' floors and children/women among all deaths

#: A series is stale when its nearest figure is this many days further from the claim's
#: date than the nearest figure of any series.
STALE_SERIES_DAYS: int = 61
#: A level (stock) is called overstated or understated only with a figure within this many
#: days of its date, or with figures on both sides of it
#: (:func:`syriastats.claims.selecting._one_sided_stale`).
STALE_STOCK_DAYS: int = 92


DATE_RULES: str = (
    "Stocks and flows: figures whose period ends within {stock} days of the claim's date. "
    "Cumulative tolls counted from the war's start: figures whose period ends from {before} "
    "days before to {after} days after the claim's date; running totals from a later start "
    "(returns since 8 December 2024): figures counted from at most 31 days before to 7 days "
    "after the claim's start. known='then' keeps only figures "
    "published on or before the claim was published; known='now' keeps every figure in the "
    "window. Per publisher and method only the figure nearest the claim's date is used (for a "
    "level, also its nearest figure on the other side of the date, when there is one: the level "
    "lies between them), and a "
    "publisher's figure is dropped when it is more than " + str(STALE_SERIES_DAYS) + " days further from the "
    "claim's date than the nearest figure of any publisher (it is stale). A level whose only "
    "figures lie on one side of its date and more than " + str(STALE_STOCK_DAYS) + " days from it "
    "is not called overstated "
    "or understated (not checkable: the level may have moved). A running total (counted from "
    "a fixed start) only grows: totals counted only to dates more than 31 days after the "
    "claim's cannot show it too low, and totals counted only to earlier dates covering less "
    "than 90% of the claim's period cannot show it too high."
)

#: Half-width (days) of the window for stocks and flows.
STOCK_WINDOW_DAYS: int = 366
#: Window (days) before ``as_of`` for cumulative tolls.
CUMULATIVE_WINDOW_BEFORE_DAYS: int = 366
#: Window (days) after ``as_of`` for cumulative tolls.
CUMULATIVE_WINDOW_AFTER_DAYS: int = 92
#: A figure whose period ends more than this many days before ``as_of`` is flagged as old.
STALE_DAYS: int = 92
#: Cumulative totals must count from the war's start: ``period_start`` on or before this.
CUMULATIVE_START_BY: pd.Timestamp = pd.Timestamp("2011-06-30")
#: A total covering fewer days than this has no pace yet (earlier_only: not_checkable).
EARLIER_PACE_MIN_DAYS: int = 30
#: The fall of the Assad government: a text published after it may count the war's
#: length up to it (13 years 9 months) instead of its age on the day (COMPARATOR_RULES
#: ['war_duration']).
ASSAD_FALL_DATE: pd.Timestamp = pd.Timestamp("2024-12-08")

#: The month all cumulative tolls of the registry start in (the war's start).
WAR_START_MONTH: tuple[pd.Timestamp, pd.Timestamp] = (pd.Timestamp("2011-03-01"),
                                                       pd.Timestamp("2011-03-31"))
#: Days per year for durations.
DAYS_PER_YEAR: float = 365.25
#: Assumed relative margin (90 % coverage) for a bare figure with no stated range.
ASSUMED_MARGIN: float = 0.10
#: Assumed margin for a registration total printed without a range (±2 % at 90 %): an
#: administrative count is exact at its date; the margin only covers dating and
#: re-publication differences. An assumption of this checker, stated where used.
REGISTRATION_ASSUMED_MARGIN: float = 0.02
#: 'About N years' of war also holds from N minus this many years (a rounded duration).
DURATION_ROUNDING: float = 0.5
#: An age that is not a whole number of years ("began 18 months ago", "the 2½-year war":
#: 1.5, 2.5): read as rounded to the nearest half year, so within three months either way
#: (years). Wire copy says "two and a half years" of a war 2 years 4 months old.
DURATION_HALF_YEAR: float = 0.25
#: Assumed margin for an agency's or statistical office's operational figure printed
#: without a range (OCHA, UNHCR, IDMC, UN population estimates): ±3 % at 90 %. With the
#: ±5 % read into "about", a claim 10 % off such a figure is no longer consistent (with the
#: general ±10 % it was). An assumption of this checker, stated where used.
AGENCY_ASSUMED_MARGIN: float = 0.03
#: Methods read with :data:`AGENCY_ASSUMED_MARGIN` when no range is printed.
AGENCY_METHODS: frozenset[str] = frozenset({"agency_estimate", "demographic_estimate"})
#: 'about X' is read as X ± this fraction of X.
ABOUT_TOLERANCE: float = 0.05
#: 'about half' is read as the share ± this many (fraction, i.e. 0.05 = 5 points).
SHARE_TOLERANCE: float = 0.05
#: A 'highest since' claim needs a series starting within this many years of the reference.
HIGHEST_SINCE_MAX_GAP_YEARS: int = 10

#: Claim measure -> measures that count a broader set (used only for broader_scope_only).
BROADER_MEASURES: dict[str, tuple[str, ...]] = {
    "deaths_total": ("deaths_total_incl_missing", "deaths_excess"),
    "deaths_direct": ("deaths_total", "deaths_total_incl_missing", "deaths_excess"),
    "deaths_civilian": ("deaths_total",),
    "deaths_battle_related": ("deaths_organised_violence", "deaths_total"),
    "deaths_organised_violence": ("deaths_total",),
    "refugees_registered": ("refugees",),
    "idps": ("displaced_total",),
}
#: Claim-only measures (not in the estimates vocabulary), computed by the checker.
CLAIM_ONLY_MEASURES: frozenset[str] = frozenset({"war_duration_years"})
#: For 'highest since' claims: measure -> benchmark measure quoted for context.
BENCHMARKS: dict[str, str] = {"global_forcibly_displaced": "wwii_displacement",
                              "global_refugees": "wwii_displacement"}


#: Columns of :func:`check`'s result, in order.
OUTPUT_COLUMNS: list[str] = [
    "claim_id", "known", "origin", "origin_date", "as_of", "text", "measure", "comparator",
    "value", "verdict", "verdict_meaning", "position", "lower", "median", "upper", "level",
    "envelope_lower", "envelope_upper", "interval_method", "scope_used", "n_figures",
    "estimate_ids", "source_ids", "closest", "explanation", "reason", "verdict_class",
    "dimensions", "widened",
]

#: Detailed verdict -> verdict class (what a reader needs first): consistent, overstated,
#: understated, misscoped (true only for another scope, place or period), contested,
#: not_checkable.
VERDICT_CLASSES: dict[str, str] = {
    "consistent": "consistent", "contested": "contested", "above_all": "overstated",
    "below_all": "understated", "broader_scope_only": "misscoped",
    "contradicted": "overstated", "not_checkable": "not_checkable",
}


_LABELS: dict[str, str] = {
    "deaths_total": "deaths in the war", "deaths_civilian": "civilian deaths",
    "deaths_direct": "deaths from violence", "displaced_share": "share of the population displaced",
    "displaced_total": "people displaced (refugees plus internally displaced)",
    "idps": "people displaced inside Syria", "refugees_registered": "registered Syrian refugees",
    "refugees_worldwide": "Syrian refugees worldwide",
    "refugees": "Syrian refugees, UNHCR statistics",
    "population": "Syria's population",
    "global_forcibly_displaced": "people forcibly displaced worldwide",
    "war_duration_years": "the war's age",
}


#: Attribution (the canonical publisher names of
#: :data:`syriastats.textclaims.vocabulary.ATTRIBUTIONS`, column ``attribution`` of a
#: claims frame) -> regular expression over the registry's ``publisher`` (sources.csv)
#: naming the figures that publisher published (COMPARATOR_RULES['attributed']). "UN"
#: covers the UN's agencies and officials.
ATTRIBUTION_PUBLISHERS: dict[str, str] = {
    "SOHR": r"\(SOHR\)|Syrian Observatory",
    "SNHR": r"\(SNHR\)|Syrian Network for Human Rights",
    "VDC": r"\(VDC\)|Violations Documentation Cent",
    "SCPR": r"\(SCPR\)|Syrian Cent(?:re|er) for Policy Research",
    "UNHCR": r"^UNHCR\b|^3RP \(UNHCR",
    "OCHA": r"^UN OCHA|^OCHA\b|citing UN OCHA|Coordination of Humanitarian Affairs",
    "OHCHR": r"\bOHCHR\b|High Commissioner for Human Rights",
    "IOM": r"^IOM\b|International Organi[sz]ation for Migration",
    "IDMC": r"\bIDMC\b|Internal Displacement Monitoring",
    "UNICEF": r"\bUNICEF\b",
    "WHO": r"World Health Organi[sz]ation",
    "HRDAG": r"\bHRDAG\b|Human Rights Data Analysis Group",
    "UCDP": r"\bUCDP\b|Uppsala",
    "Amnesty International": r"^Amnesty International",
    "Human Rights Watch": r"^Human Rights Watch",
    "UN envoy (de Mistura)": r"de Mistura",
    "UN Secretary-General (Ban)": r"Ban Ki-moon",
    "UN Secretary-General (Guterres)": r"Guterres",
    "UN": (r"^(?:United Nations|UN\b|UNHCR|OCHA|UNICEF|IOM\b|3RP|Office of the UN"
           r"|World Health Organi[sz]ation)"),
}

