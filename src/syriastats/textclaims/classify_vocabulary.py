"""Word lists of :mod:`syriastats.textclaims.classify` (the number's governor decides its measure).

Plain data, lower case, one entry per word or phrase (phrases are tuples of words). A
reviewer amends the lists here; :mod:`~syriastats.textclaims.classify` reads them and
holds no wording of its own. Nothing here is a regular expression.

The *governor* of a number is the word that says what it counts: the noun right after it
("300,000 refugees"), the verb of its own clause ("were displaced", "have returned",
"need aid"), or the head of an "of" phrase before it ("the return of 300,000 refugees").
"""
from __future__ import annotations

# --------------------------------------------------------------------------- the number's noun

#: Head nouns (the word right after a number, after modifiers) -> measure family.
#: "refugees", "idps", "displaced", "returnees", "detainees", "combatants", "deaths",
#: "missing", "injured" are families; "people" means the noun is generic and the verb decides.
HEAD_NOUNS: dict[str, str] = {
    "refugees": "refugees", "refugee": "refugees",
    "idps": "idps", "idp": "idps",
    "displaced": "displaced", "uprooted": "displaced", "evacuees": "evacuated",
    "returnees": "returns", "returns": "returns", "repatriates": "returns",
    "detainees": "detainees", "prisoners": "detainees", "inmates": "detainees",
    "captives": "detainees", "abductees": "detainees", "detained": "detainees",
    "fighters": "combatants", "soldiers": "combatants", "troops": "combatants",
    "combatants": "combatants", "militants": "combatants", "rebels": "combatants",
    "jihadists": "combatants", "militiamen": "combatants", "servicemen": "combatants",
    "deaths": "deaths", "dead": "deaths", "fatalities": "deaths", "killed": "deaths",
    "executions": "deaths", "killings": "deaths",  # "1,726 executions that month alone": people killed (H23e)
    "missing": "missing", "disappeared": "missing",
    "injured": "injured", "wounded": "injured",
    "homeless": "homeless",
    "people": "people", "persons": "people", "individuals": "people", "syrians": "people",
    "civilians": "people", "children": "people", "women": "people", "men": "people",
    "residents": "people", "inhabitants": "people", "others": "people", "kids": "people",
    "boys": "people", "girls": "people", "minors": "people", "infants": "people",
}

#: Words that may stand between a number and its head noun ("300,000 *Syrian* refugees",
#: "5 million *more* displaced *people*", "2 million *internally* displaced").
NOUN_MODIFIERS: frozenset[str] = frozenset({
    "syrian", "more", "other", "additional", "further", "new", "newly", "internally",
    "registered", "unregistered", "estimated", "of", "them", "those",
    "civilian", "innocent", "vulnerable", "ordinary", "young", "displaced", "conflict-affected",
    "affected", "forcibly", "former", "documented", "confirmed", "reported", "total",
    "palestinian-syrian", "kurdish", "arab", "government", "regime", "opposition", "rebel",
    "pro-government", "pro-regime", "army", "syrian-born",
})

#: Nouns after a number that make it a count of things, events, organisations or
#: households, not of people ("31 truckloads", "300 towns", "200 refugee camps",
#: "4,000 families", "58 villages", "125 airstrikes", "350 participants").
NON_PEOPLE_NOUNS: frozenset[str] = frozenset({
    # aid and supplies
    "trucks", "truckloads", "truck", "lorries", "convoys", "baskets", "food baskets", "parcels",
    "kits", "blankets", "tents", "doses", "vaccines", "meals", "rations", "tonnes", "tons",
    "litres", "liters", "loaves", "shipments", "deliveries", "projects", "programmes",
    "programs", "grants", "pledges", "appeals",
    # places and buildings
    "camps", "camp", "sites", "settlements", "shelters", "villages", "towns", "cities",
    "neighbourhoods", "neighborhoods", "districts", "provinces", "governorates", "areas",
    "localities", "communities", "homes", "houses", "buildings", "apartments", "schools",
    "hospitals", "clinics", "facilities", "mosques", "churches", "bakeries", "bridges",
    "crossings", "checkpoints", "prisons", "branches", "centres", "centers", "collective",
    "mass graves", "graves",
    # events
    "attacks", "airstrikes", "air strikes", "strikes", "raids", "massacres", "violations",
    "incidents", "explosions", "bombings", "barrel bombs", "sorties", "shells", "rockets",
    "missiles", "clashes", "battles", "operations", "offensives", "cases",
    "offenses", "offences", "crimes",  # "83 criminal offenses ... claiming the lives of 317 people" (H23e)
    # organisations, households, meetings
    "families", "households", "organisations", "organizations", "ngos", "agencies",
    "groups", "factions", "partners", "donors", "countries", "states", "participants",
    "delegates", "parties", "brigades", "battalions",
    "sides",  # "clashes between the two sides" (H22t)
    # other units
    "votes", "seats", "jobs", "positions", "beds", "km", "kilometres", "kilometers",
    "miles", "metres", "meters", "hectares", "dollars", "euros", "pounds", "lira", "liras",
})

#: Nouns after a nationality that make the count foreign fighters in Syria's war
#: ("1,697 Lebanese Hezbollah fighters"), not another country's people.
COMBATANT_AFTER_NATIONAL: frozenset[str] = frozenset({
    "fighters", "soldiers", "troops", "militiamen", "militants", "hezbollah", "jihadists",
    "combatants", "servicemen", "mercenaries", "volunteers", "officers", "commanders"})

#: Nationalities and places of another country: a count whose head noun is one of
#: them, or whose own words place it there, is not a Syrian statistic ("250,000 Lebanese
#: fled to Syria", "60,000 residents from northern Israel").
FOREIGN_NATIONALS: frozenset[str] = frozenset({
    "lebanese", "israelis", "israeli", "palestinians", "palestinian", "gazans", "ukrainians",
    "ukrainian", "iraqis", "iraqi", "afghans", "afghan", "yemenis", "yemeni", "sudanese",
    "libyans", "libyan", "turks", "turkish", "jordanians", "jordanian", "egyptians",
    "somalis", "eritreans", "rohingya", "venezuelans", "russians", "iranians", "americans",
})
FOREIGN_PLACES: tuple[tuple[str, ...], ...] = (
    ("israel",), ("northern", "israel"), ("southern", "israel"), ("gaza",), ("the", "west", "bank"),
    ("ukraine",), ("yemen",), ("sudan",), ("afghanistan",), ("libya",), ("south", "lebanon"),
    ("southern", "lebanon"), ("beirut",), ("turkey", "and", "syria"), ("syria", "and", "turkey"),
    ("turkiye", "and", "syria"), ("syria", "and", "turkiye"),
)

#: Places of :data:`FOREIGN_PLACES` that lie in a country of asylum (host code -> places): a
#: refugee count there with that host is a part of the host's refugees ("80,000 in Beirut").
HOST_PLACES: dict[str, frozenset[str]] = {
    "LBN": frozenset({"beirut", "south lebanon", "southern lebanon"}),
}

# --------------------------------------------------------------------------- the number's verb

#: Words that may stand between the head noun and its verb ("refugees *who have* returned",
#: "people *have also* been displaced").
VERB_AUXILIARIES: frozenset[str] = frozenset({
    "who", "that", "which", "have", "has", "had", "been", "were", "was", "are", "is", "be",
    "also", "now", "since", "already", "reportedly", "still", "so", "far", "being", "either",
    "all", "remain", "remained", "remains", "got", "become", "became", "currently", "today",
    "allegedly", "subsequently", "then", "later",
})

#: Scale words of a number said in words ("1.2 *million*").
SCALE_WORDS: frozenset[str] = frozenset({"hundred", "thousand", "million", "millions", "billion", "m"})

#: Modals read through to the verb ("may have been left homeless").
MODALS: frozenset[str] = frozenset({"may", "might", "could"})
#: Prepositions of a place between a noun and its verb ("people *in* Syria have fled").
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "inside", "within", "across", "throughout", "from",
                                                "amid", "since", "during"})  # (H23e: "rose to 1,120 amid fierce clashes")

#: Verb phrases (first words of the number's own clause after the noun and auxiliaries)
#: -> measure family. Longer phrases are tried first.
VERB_PHRASES: dict[tuple[str, ...], str] = {
    # returns
    ("returned",): "returns", ("gone", "back"): "returns", ("went", "back"): "returns",
    ("come", "back"): "returns", ("came", "back"): "returns", ("gone", "home"): "returns",
    ("went", "home"): "returns", ("come", "home"): "returns", ("returning",): "returns",
    ("repatriated",): "returns", ("made", "their", "way", "back"): "returns",
    # displacement
    ("displaced",): "displaced", ("uprooted",): "displaced",
    ("forced", "from", "their", "homes"): "displaced", ("forced", "out", "of", "their", "homes"): "displaced",
    ("forced", "to", "leave", "their", "homes"): "displaced", ("forced", "to", "flee", "their", "homes"): "displaced",
    ("fled", "their", "homes"): "displaced", ("driven", "from", "their", "homes"): "displaced",
    ("made", "homeless"): "homeless", ("left", "homeless"): "homeless", ("homeless",): "homeless",
    ("internally", "displaced"): "idps", ("displaced", "internally"): "idps",
    ("displaced", "outside"): "refugees", ("displaced", "abroad"): "refugees",
    ("displaced", "beyond"): "refugees",
    # fleeing one offensive is a new displacement ("fled the offensive in Idlib")
    ("fled", "the", "offensive"): "new_displacement", ("fled", "the", "assault"): "new_displacement",
    ("fled", "the", "escalation"): "new_displacement", ("fled", "the", "onslaught"): "new_displacement",
    ("fled", "the", "bombardment"): "new_displacement", ("fled", "the", "campaign"): "new_displacement",
    ("fled", "the", "latest"): "new_displacement", ("fled", "the", "recent"): "new_displacement",
    ("fled", "recent"): "new_displacement", ("fled", "latest"): "new_displacement",
    ("displaced", "inside"): "idps", ("displaced", "within"): "idps",
    # "became refugees in their own country": displaced inside it (H21d)
    ("became", "refugees", "in", "their", "own", "country"): "idps",
    ("became", "refugees", "in", "their", "own", "countries"): "idps",
    ("refugees", "in", "their", "own", "country"): "idps", ("refugees", "in", "their", "own", "countries"): "idps",
    # refugees
    ("refugees",): "refugees", ("fled", "abroad"): "refugees", ("fled", "the", "country"): "refugees",
    ("fled", "syria"): "refugees", ("fled", "to", "neighbouring", "countries"): "refugees",
    ("fled", "to", "neighboring", "countries"): "refugees", ("seek", "refuge"): "refugees",
    ("sought", "refuge"): "refugees", ("forced", "to", "seek", "refuge"): "refugees",
    ("registered", "as", "refugees"): "refugees", ("living", "as", "refugees"): "refugees",
    ("left", "the", "country"): "refugees", ("left", "syria"): "refugees",
    # asylum: an application in a country of asylum, not (yet) a refugee status
    ("sought", "asylum"): "asylum", ("seek", "asylum"): "asylum", ("seeking", "asylum"): "asylum",
    ("applied", "for", "asylum"): "asylum", ("apply", "for", "asylum"): "asylum",
    ("applying", "for", "asylum"): "asylum", ("claimed", "asylum"): "asylum",
    ("requested", "asylum"): "asylum", ("lodged", "asylum"): "asylum", ("filed", "asylum"): "asylum",
    ("filed", "for", "asylum"): "asylum", ("registered", "as", "asylum"): "asylum",
    # needs
    ("need",): "people_in_need", ("needs",): "people_in_need", ("needed",): "people_in_need",
    ("in", "need"): "people_in_need", ("require",): "people_in_need",
    ("requires",): "people_in_need", ("depend", "on"): "people_in_need", ("rely", "on"): "people_in_need",
    # deaths
    ("killed",): "deaths", ("died",): "deaths", ("dead",): "deaths", ("perished",): "deaths",
    ("lost", "their", "lives"): "deaths", ("slain",): "deaths",
    # missing
    ("missing",): "missing", ("disappeared",): "missing", ("forcibly", "disappeared"): "missing",
    ("unaccounted", "for"): "missing", ("vanished",): "missing",
    # detention
    ("detained",): "detainees", ("arrested",): "detainees", ("imprisoned",): "detainees",
    ("held", "in"): "detainees", ("jailed",): "detainees", ("released",): "released",
    ("freed",): "released", ("evacuated",): "evacuated",
    # people held in an area (no registry measure) and people living in a place (its population)
    ("trapped",): "besieged", ("besieged",): "besieged", ("under", "siege"): "besieged",
    ("encircled",): "besieged",
    ("live",): "live", ("lives",): "live", ("living",): "live", ("reside",): "live",
}

#: Words before a number that govern it ("the return of", "home to", "to help"): the last
#: words of the text before the number (and its hedge) -> family. Tried longest first.
BEFORE_PHRASES: dict[tuple[str, ...], str] = {
    ("return", "of"): "returns", ("returns", "of"): "returns", ("repatriation", "of"): "returns",
    ("homecoming", "of"): "returns",
    ("deaths", "of"): "deaths", ("killing", "of"): "deaths", ("killings", "of"): "deaths",
    ("death", "of"): "deaths",
    ("displacement", "of"): "displaced",
    ("detention", "of"): "detainees", ("arrest", "of"): "detainees", ("arrests", "of"): "detainees",
    ("release", "of"): "released", ("released",): "released", ("freed",): "released",
    ("evacuated",): "evacuated", ("evacuation", "of"): "evacuated",
    ("home", "to"): "population", ("population", "of"): "population",
    # the number as the object of its verb: "fighting has displaced 2 million people"
    ("displaced",): "displaced", ("uprooted",): "displaced", ("displacing",): "displaced",
    ("killed",): "deaths", ("killing",): "deaths",
    ("arrested",): "detainees", ("detained",): "detainees", ("arresting",): "detainees",
    ("assisted",): "aid_target", ("supported",): "aid_target", ("vaccinated",): "aid_target",
    ("treated",): "aid_target", ("fed",): "aid_target",
    ("to", "help"): "aid_target", ("to", "assist"): "aid_target", ("to", "reach"): "aid_target",
    ("to", "feed"): "aid_target", ("to", "serve"): "aid_target", ("to", "benefit"): "aid_target",
    ("help", "to"): "aid_target", ("assistance", "to"): "aid_target", ("aid", "to"): "aid_target",
}

#: Aid items: "food to 4.8 million people", "tents for 50,000 people" make the count an aid
#: programme's reach, not a count of victims.
AID_ITEMS: frozenset[str] = frozenset({
    "food", "aid", "assistance", "support", "help", "relief", "services", "water", "shelter",
    "cash", "baskets", "rations", "tents", "kits", "supplies", "vouchers", "meals", "bread",
    "medicine", "medicines", "care", "vaccines", "blankets", "fuel", "items",
})
#: Verbs that end "the number of X ... reached N": the words after "number of" are the
#: number's subject and govern it ("the number of Syrians killed in detention reached 15,000").
SUBJECT_VERBS: frozenset[str] = frozenset({
    "reached", "reaches", "stood", "stands", "rose", "risen", "climbed", "hit", "is", "was",
    "totalled", "totaled", "exceeded", "exceeds", "surpassed", "topped", "passed", "at", "to",
    "has", "had", "now", "are", "were", "increased", "grew", "jumped",
})
#: Words of detention: a death in their company is a death in detention.
DETENTION_WORDS: frozenset[str] = frozenset({
    "detention", "custody", "prison", "prisons", "jail", "jails", "detainees", "torture",
    "prisoners", "cells", "dungeons"})
#: Countries whose own wars, disasters and displacement a Syrian war statistic does not
#: count: a death, injury, displacement or need count placed "in" one of them is theirs.
#: (Refugee, return and asylum counts are about Syrians there and are not affected.)
OTHER_COUNTRY_NAMES: frozenset[str] = frozenset({
    "lebanon", "turkey", "turkiye", "türkiye", "jordan", "iraq", "israel", "gaza", "ukraine",
    "yemen", "sudan", "afghanistan", "libya", "iran", "egypt", "palestine",
})

#: An age bound after a noun of people ("children under 18", "men over 60"): an age, not a count.
AGE_BOUND_WORDS: frozenset[str] = frozenset({"under", "over", "above", "below", "aged", "younger", "older"})
AGE_NOUNS: frozenset[str] = frozenset({
    "children", "kids", "boys", "girls", "minors", "people", "men", "women", "adults", "youths",
    "persons", "syrians", "refugees", "those"})
#: Largest value read as an age (years).
AGE_MAX: float = 120.0

#: Words of a noun phrase that name civilians ("230,000 civilian deaths", "30,000 children").
CIVILIAN_WORDS: frozenset[str] = frozenset({
    "civilians", "civilian", "non-combatants", "noncombatants", "children", "women", "kids",
    "boys", "girls", "minors", "infants"})
#: Words of a noun phrase that name combatants besides :data:`HEAD_NOUNS` combatants.
COMBATANT_WORDS: frozenset[str] = frozenset({
    "militia", "military", "army", "members", "personnel", "gunmen", "insurgents", "hezbollah"})
#: Words that join the parts of a coordinated noun phrase ("soldiers and civilians").
GROUP_LINKS: frozenset[str] = frozenset({"and", "or", ",", "allied", "loyalist", "foreign"})

#: Nouns of a war or an attack: "<war noun> in <another country>" before a count makes the
#: count that country's ("Russia's war in Ukraine has created 6 million refugees").
WAR_NOUNS: frozenset[str] = frozenset({
    "war", "conflict", "fighting", "strikes", "airstrikes", "offensive", "invasion",
    "bombardment", "bombing", "attacks", "escalation", "hostilities", "crisis", "earthquake"})

#: One event as the subject of the killing ("a suicide bomber killed at least 30 people",
#: "an air strike killed 12"): the count is an incident's casualties.
INCIDENT_AGENTS: frozenset[str] = frozenset({
    "bomber", "bomb", "bombing", "blast", "explosion", "strike", "airstrike", "raid", "shell",
    "missile", "rocket", "attack", "ambush", "gunman", "gunmen", "massacre", "crash",
    "earthquake", "quake", "explosive", "vest", "mortar", "barrage",
})
#: Verbs whose subject, said just before the number, is the agent ("killed", "left").
KILLING_VERBS: frozenset[str] = frozenset({"killed", "kills", "killing", "left", "claimed"})
#: Determiners that make the agent one event ("a", "an", "the", "one", "monday's").
SINGLE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "the", "one", "this", "that", "another"})

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december")
#: Words in a stock count's own clause that make it a short flow ("100,000 registered as
#: refugees in August alone", "22,000 crossed this week"): not a stock measure.
SHORT_FLOW_WORDS: tuple[tuple[str, ...], ...] = (
    ("this", "week"), ("last", "week"), ("past", "week"), ("24", "hours"), ("overnight",),
    ("yesterday",), ("today", "alone"), ("week", "alone"), ("day", "alone"),
) + tuple((m, "alone") for m in MONTH_NAMES)

#: Words of the own clause that place a displacement inside Syria ("displaced inside the country").
INTERNAL_WORDS: frozenset[str] = frozenset({"internally", "inside", "within", "idps", "idp"})
#: ... unless the same words also go abroad ("internally and across borders").
EXTERNAL_WORDS: frozenset[str] = frozenset({
    "abroad", "across", "outside", "externally", "borders", "refugees", "countries", "beyond", "overseas"})

#: Words that make a bare "people" count with coordinated "affected" an aid caseload
#: ("support for over 12 million displaced and conflict-affected people").
AID_WORDS: frozenset[str] = frozenset({
    "aid", "assistance", "support", "help", "appeal", "relief", "humanitarian", "needs",
})

# --------------------------------------------------------------------------- asylum, returns

#: Noun phrases right after a number that make it a count of asylum seekers or applications
#: ("300,000 asylum seekers", "360,000 asylum applications").
ASYLUM_NOUNS: tuple[tuple[str, ...], ...] = (
    ("asylum", "seekers"), ("asylum-seekers",), ("asylum", "applications"), ("asylum", "applicants"),
    ("asylum", "claims"), ("asylum", "requests"), ("asylum", "seeker"), ("asylum", "application"),
    ("applications", "for", "asylum"), ("requests", "for", "asylum"), ("first-time", "asylum"),
)
#: Words of a sentence that place asylum in Europe (the registry's asylum measures count
#: applications in Europe only).
EUROPE_WORDS: frozenset[str] = frozenset({"europe", "european", "eu", "eu+", "schengen"})

# --------------------------------------------------------------------------- deaths and groups

#: Words right after a count's clause that make all of it civilians ("..., all of them
#: civilians", "all civilians"); "most of them civilians" leaves the count a total.
ALL_WORDS: frozenset[str] = frozenset({"all", "entirely", "exclusively", "only"})

# --------------------------------------------------------------------------- new displacement

#: Events whose displacement is a new displacement (a flow), when they are the subject of
#: "displaced N people" ("the offensive has displaced 80,000 people", "fighting displaced
#: 700,000 people in 2019"), unless the war itself is named ("the war has displaced ...").
DISPLACING_EVENTS: frozenset[str] = frozenset({
    "offensive", "offensives", "escalation", "fighting", "violence", "assault", "bombardment",
    "bombardments", "campaign", "clashes", "hostilities", "operation", "operations", "attacks",
    "airstrikes", "strikes", "shelling", "onslaught", "advance", "incursion", "battles",
})
#: Words naming the whole war: a count it displaced is the war's total, not a new displacement.
WHOLE_WAR_WORDS: frozenset[str] = frozenset({"war", "conflict", "crisis", "uprising", "revolution"})
#: Words of a displacement clause that make it a level ("6.7 million remain displaced",
#: "are still displaced") rather than a movement.
STOCK_AUXILIARIES: frozenset[str] = frozenset({
    "remain", "remains", "remained", "still", "currently", "live", "living"})
#: Words of the clause that tie a displacement to one recent event or span (then it is new).
NEW_EVENT_WORDS: frozenset[str] = frozenset({
    "newly", "latest", "recent", "recently", "past", "last", "offensive", "escalation",
    "fighting", "assault", "violence", "week", "weeks", "month", "months", "days"})

# --------------------------------------------------------------------------- returns inside Syria

#: Destinations (or origins) of a return that lie inside Syria: people going back to them
#: are displaced people returning, not refugees ("returned to their areas of origin",
#: "went back to their villages", "returned from camps").
INTERNAL_RETURN_PHRASES: tuple[tuple[str, ...], ...] = (
    ("their", "areas"), ("their", "home", "areas"), ("areas", "of", "origin"),
    ("places", "of", "origin"), ("their", "villages"), ("their", "home", "villages"),
    ("their", "towns"), ("their", "home", "towns"), ("their", "hometowns"), ("their", "cities"),
    ("their", "neighbourhoods"), ("their", "neighborhoods"), ("their", "communities"),
    ("inside", "syria"), ("inside", "the", "country"), ("within", "syria"),
    ("within", "the", "country"), ("from", "camps"), ("from", "the", "camps"),
    ("from", "displacement", "camps"),
)
#: Words of a return clause that bring people from abroad (then the return is a refugee's).
FROM_ABROAD_WORDS: frozenset[str] = frozenset({
    "abroad", "border", "borders", "crossed", "crossing", "crossings", "exile", "germany", "europe",
    "refugees", "neighbouring", "neighboring"})
FROM_ABROAD_PHRASES: tuple[tuple[str, ...], ...] = (
    ("to", "syria"), ("into", "syria"), ("back", "to", "syria"), ("in", "syria"))
