"""Rules on whose count a figure is and what it counts (session 21): their entries of
:data:`syriastats.claims.rules.COMPARATOR_RULES` and the small controlled tables they read
(applied by :mod:`syriastats.claims.scopes`, and for 'a decade' by check-text)."""
from __future__ import annotations

#: COMPARATOR_RULES entries of these rules (merged into it by :mod:`syriastats.claims.rules`).
SCOPE_RULES: dict[str, str] = {
    "registered_in_host": "In the five neighbouring hosts of the regional response "
                          "(REGISTERED_IN_HOST: Turkey, Lebanon, Jordan, Iraq, Egypt) UNHCR's "
                          "statistics of Syrian refugees in that host (measure refugees, host "
                          "the country, publisher UNHCR) are its registrations there (in Turkey "
                          "the government's registration under temporary protection, which "
                          "UNHCR reports): for a claim about registered refugees in one of them "
                          "they are figures of the claim's own scope, pooled with the "
                          "registration figures, not a broader scope (so 'Jordan hosts about "
                          "660,000 registered Syrian refugees' in 2020 is consistent, not "
                          "broader_scope_only). Outside the five, and for the region or the "
                          "world, the broader_below rule and BROADER_MEASURES still apply.",
    "floor_rounding": "A level (stock) worded 'more than X', X a round number (at most two "
                      "significant digits), that the median rule calls "
                      "contested (M < X <= U) is consistent when the comparable figure "
                      "nearest its date (within STALE_STOCK_DAYS, 92 days) published a number "
                      "at least X less 1 % rounding: a source that counts 5.95 million and "
                      "itself says 'more than six million' is not contradicted by the same "
                      "words. The explanation names that figure. Not for death tolls (their "
                      "floors are documented counts, judged by the other rules).",
    "earlier_only": "A running total counted from a later start than the war's (returns, "
                    "applications or deaths since the fall of Assad, a toll since 13 July 2025: "
                    "period_start after CUMULATIVE_START_BY), or any total of the bracket "
                    "measures (refugee_returns, idp_returns, "
                    "asylum_applications_europe_cumulative), that is higher than every "
                    "comparable total, all of them counted to earlier dates, is not_checkable, "
                    "never overstated: a total counted before the claim's date bounds it only "
                    "from below, however near (EARLIER_TOTAL_COVERAGE does not apply to them). "
                    "It is not extrapolated at the series' recent pace either: returns come in "
                    "surges (the end of a school year, a border opening). Only a claim beyond "
                    "any surge stays judgeable: above the latest total plus "
                    "EARLIER_PACE_FACTOR (3) times the series' own average pace (the latest "
                    "total over the days it covers, at least EARLIER_PACE_MIN_DAYS, 30; a "
                    "younger series has no pace) times the days from it to the claim's date, "
                    "it is overstated, and the explanation names that total, its pace and the "
                    "bound. A total counted to the claim's date or after can still show it too "
                    "high (running_bracket).",
    "host_government": "A count of refugees in one host (measure refugees, or "
                       "refugees_registered only when check-text marked it HOSTED_NOTE: its "
                       "clause does not say registered; never a claim attributed to another "
                       "publisher than the host government, such as UNHCR) "
                       "that is higher than every UNHCR figure, or contested, but "
                       "within reach of the host government's own count of all Syrians in "
                       "the country (measure syrians_in_host, the same host, not context only, "
                       "period ending within STOCK_WINDOW_DAYS of the claim's date, else its "
                       "two counts on either side of the date within five years; its number "
                       "plus about_tolerance), is contested, naming both: the host counts "
                       "unregistered people (and, for Jordan, Syrians who lived there before the "
                       "war), UNHCR counts registrations. Above the government's count too it "
                       "stays overstated. With no such government figure in the registry, a "
                       "claim in a host of HOST_GOVERNMENT_COUNTS (Lebanon, Jordan) that the "
                       "text attributes to the host's authorities (attribution 'host "
                       "government') is contested, not overstated, while it is within reach "
                       "of the largest count of that government in the registry at any date "
                       "(context-only statements included: value less about_tolerance at "
                       "most that count plus about_tolerance); above it, it stays overstated, "
                       "naming that count. Context-only statements near the claim's date are "
                       "named, never used to judge.",
    "publisher_scope": "A claim attributed to a publisher whose count has another scope than "
                       "the registry's figures of its measure (OTHER_SCOPE_PUBLISHERS: an "
                       "opposition database that counts mostly opposition-side dead, such as "
                       "the Syrian Revolution Martyr Database or the Local Coordination "
                       "Committees' running total) that the other rules call consistent, "
                       "contested or below_all is not_checkable unless the registry holds "
                       "that publisher's own figure for it (then the attributed rule applies): "
                       "a count of one side's dead is not judged against all deaths; higher "
                       "than every figure of all the dead (above_all) it stays overstated. "
                       "check-text attributes a toll to such a publisher only when its name is "
                       "in the toll's own clause. The scope "
                       "of each such publisher is a row of that table, not read from the text.",
    "loose_decade": "'A decade' of war (claim words 'a decade', 'decade-long'; check-text "
                    "marks them) is loose: it spans 10 to about LOOSE_DECADE_MAX_YEARS (12) "
                    "years. A war's-age claim so worded that the war_duration rule calls "
                    "understated is consistent while the war's age on its date is at most that "
                    "(eleven and a half years on is still 'a decade of war'); later it stays "
                    "understated.",
}
#: Hosts where UNHCR's statistics of Syrian refugees (measure ``refugees``) are its
#: registrations, and so of the same scope as ``refugees_registered`` for that host
#: (COMPARATOR_RULES['registered_in_host']): the five neighbouring hosts of the regional
#: response. Measure -> (the measure read as the same scope there, its publisher pattern,
#: the hosts).
REGISTERED_IN_HOST: dict[str, tuple[str, str, frozenset[str]]] = {
    "refugees_registered": ("refugees", r"^UNHCR\b",
                            frozenset({"TUR", "LBN", "JOR", "IRQ", "EGY"})),
}

#: The measure of a host government's count of all Syrian nationals in its country (host =
#: ISO3, publisher = the government; COMPARATOR_RULES['host_government']).
HOST_GOVERNMENT_MEASURE: str = "syrians_in_host"
#: Hosts whose governments publish counts of all Syrians in the country, well above UNHCR's
#: registrations (unregistered people; in Jordan, Syrians there before the war). A refugee
#: claim in one of them attributed to the host's authorities is contested at most.
HOST_GOVERNMENT_COUNTS: dict[str, str] = {
    "LBN": "the Lebanese government counts the Syrians in Lebanon, registered with UNHCR or "
           "not",
    "JOR": "the Jordanian government counts the Syrians in Jordan, including unregistered "
           "people and Syrians who lived there before the war",
}
#: The claims ``notes`` value check-text gives a count of Syrian refugees in one host whose
#: own clause does not say registered ("Lebanon hosts 1.5 million Syrian refugees"): sent as
#: refugees_registered_by_host, it may be the host's count of all Syrians, so
#: host_government applies to it; a refugees_registered claim without it is a registration
#: count, and the rule never applies.
HOSTED_NOTE: str = "hosted, not said registered"
#: The attribution (claims column ``attribution``) of a claim the text attributes to the
#: authorities of its host country ("Lebanese authorities say").
HOST_GOVERNMENT_ATTRIBUTION: str = "host government"

#: Publishers whose counts have another scope than the registry's figures of the measure
#: (COMPARATOR_RULES['publisher_scope']): attribution -> (what the publisher counts,
#: the measures so limited). A claim attributed to one of them is not_checkable unless the
#: registry holds that publisher's own figure (OTHER_SCOPE_PATTERNS gives its pattern).
OTHER_SCOPE_PUBLISHERS: dict[str, tuple[str, frozenset[str]]] = {
    "Syrian Revolution Martyr Database": (
        "names of the dead gathered by opposition activists, mostly civilians and rebel "
        "fighters killed by government forces (government soldiers and loyalists are "
        "largely not in it)",
        frozenset({"deaths_total", "deaths_civilian", "deaths_direct", "deaths_combatant"})),
    "Local Coordination Committees": (
        "the opposition activists' network's running total of people killed by government "
        "forces, mostly civilians and opposition fighters",
        frozenset({"deaths_total", "deaths_civilian", "deaths_direct", "deaths_combatant"})),
}
#: Attribution of OTHER_SCOPE_PUBLISHERS -> regular expression over the registry's
#: ``publisher`` naming its figures (as ATTRIBUTION_PUBLISHERS; these names are given by
#: check-text only, not in the claims files' attribution vocabulary).
OTHER_SCOPE_PATTERNS: dict[str, str] = {
    "Syrian Revolution Martyr Database": r"Martyrs? Database|Syrian Martyrs",
    "Local Coordination Committees": r"Local Coordination Committees|\(LCC\)",
}

#: 'A decade' of war spans 10 to this many years (COMPARATOR_RULES['loose_decade']).
LOOSE_DECADE_MAX_YEARS: float = 12.0
#: The claims ``notes`` value check-text gives a war's-age claim worded 'a decade'.
LOOSE_DECADE_NOTE: str = "loose decade"
