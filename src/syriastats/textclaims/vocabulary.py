"""The one reviewed vocabulary of the text-claim extractor (word lists and regex fragments).

Everything the extractor knows about English wording lives here, so a reviewer can read
and amend it in one place: number words, scale words, hedges (and the comparator each
maps to), the cue words that say which measure a number counts, the words that mark a
number as *not* a war statistic (money, distances, ages, an incident's casualties), the
place names that become ``host`` / ``area`` codes, group words and attributions.

Rules of thumb recorded here (with the reason):

* "nearly", "almost", "close to", "just under" -> ``about``: they mean "slightly below",
  so the checker's +/-5 % reading of "about" is the fair test (read as "at most" a claim of
  "nearly 5 million" against 4.8 million would be judged a ceiling above the sources).
* "as many as", "up to", "as much as", "at most", "no more than" -> ``at_most`` (a ceiling).
* "more than", "over", "at least", "in excess of", "exceeds", "tops", "passed", "just over",
  "upwards of", "surpassed" -> ``at_least`` (a floor).
* "fewer than", "less than", "under", "below" -> ``less_than`` (strictly below).
* A bare number ("470,000 people were killed") -> ``about``.
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------- numbers

#: Spelled-out units (value of the word).
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
#: Spelled-out tens.
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Scale words (multiplier); abbreviations after a digit only ("4.8m", "12mn").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
}
SCALE_ABBREVIATIONS: dict[str, float] = {"m": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3, "bn": 1e9}
#: Fractions said in words (value as a fraction of a whole).
FRACTIONS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1,
}
#: Ordinals (for "now in its sixth year").
ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
    "7th": 7, "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14,
    "15th": 15,
}

# --------------------------------------------------------------------------- hedges

#: Hedge phrase (regex, lower case, before the number) -> comparator. Longest first.
HEDGES: list[tuple[str, str]] = [
    (r"as many as", "at_most"), (r"as much as", "at_most"), (r"up to", "at_most"),
    (r"no more than", "at_most"), (r"at most", "at_most"), (r"a maximum of", "at_most"),
    (r"just over", "at_least"), (r"well over", "at_least"), (r"more than", "at_least"),
    (r"over", "at_least"), (r"at least", "at_least"), (r"in excess of", "at_least"),
    (r"upwards of", "at_least"), (r"exceed(?:s|ed|ing)?", "at_least"),
    (r"top(?:s|ped)?", "at_least"), (r"surpass(?:es|ed)?", "at_least"),
    (r"pass(?:es|ed)?", "at_least"), (r"a minimum of", "at_least"),
    (r"(?:risen|rose|rises|climbed|climbs) (?:to )?(?:more than|over|above)", "at_least"),
    (r"as high as", "at_most"),
    (r"(?:pass(?:es|ed)?|cross(?:es|ed)?|top(?:s|ped)?|surpass(?:es|ed)?|exceed(?:s|ed)?) the", "at_least"),
    # "just under" before "under": "just under 100,000" is about 100,000, not below it
    (r"just under", "about"), (r"just below", "about"),
    (r"no (?:less|fewer) than", "at_least"), (r"not (?:less|fewer) than", "at_least"),  # a floor (H22t)
    (r"fewer than", "less_than"), (r"less than", "less_than"), (r"under", "less_than"),
    (r"below", "less_than"),
    (r"nearly", "about"), (r"almost", "about"),
    (r"close to", "about"), (r"about", "about"), (r"around", "about"), (r"some", "about"),
    (r"roughly", "about"), (r"approximately", "about"), (r"an estimated", "about"),
    (r"estimated", "about"), (r"approx\.", "about"), (r"circa", "about"),
]
#: Hedges said after the number ("500,000 or more").
POST_HEDGES: list[tuple[str, str]] = [
    (r"or more", "at_least"), (r"and more", "at_least"), (r"\+", "at_least"),
    (r"or so", "about"), (r"or fewer", "at_most"), (r"at least", "at_least"),
]

# --------------------------------------------------------------------------- measures

# Synonyms per measure family, as plain word lists (regex fragments, lower case): a new way of
# saying "returned" or "detained" is one entry here. They are read by the cue machinery below
# (:data:`MEASURE_CUES`, :data:`FALLBACK_CUES`) and by the groups (:data:`GROUPS`).

#: Verbs and nouns of going back (refugees or IDPs): "came home", "crossed back", "returnees".
RETURN_WORDS: list[str] = [
    r"return(?:ed|ees?|ing|s)?", r"(?:gone|went|go|going|goes) (?:back|home)",
    r"(?:come|came|coming|comes) (?:back|home)", r"made (?:their|its|his|her) way (?:back|home)",
    r"cross(?:ed|ing|es)? back", r"head(?:ed|ing|s)? (?:back )?home", r"head(?:ed|ing|s)? back",
    r"moved back", r"travel(?:l?ed|l?ing) back", r"repatriat(?:ed|ion|ions|ing)",
    # "3,162 Syrian refugees left Jordan ... to return to their homeland", "left Jordan towards home"
    r"left (?:turkey|t[uü]rkiye|lebanon|jordan|iraq|egypt)\b[^.;]{0,60}?\b(?:to return\b|towards? (?:home|their homeland"
    r"|syria)|for home|back home)",
]
#: Words of being held or vanished (people missing or forcibly disappeared; a detainee whose
#: fate is unknown is counted by the same sources): "detainees", "held in prisons".
MISSING_WORDS: list[str] = [
    r"missing", r"forcibly disappeared", r"disappeared", r"enforced disappearances?", r"unaccounted for",
    r"vanished", r"never (?:emerged|came out) from", r"(?:fate|whereabouts) (?:remains? |is |are )?unknown",
    r"detainees\b(?![^.;]{0,40}\b(?:died|killed|perished|tortured to death|executed))",
    r"(?:remain|remains|still|are|were|been|being) (?:\w+ )?detained",
    r"detained or (?:forcibly )?disappeared", r"held (?:in|by) (?:the )?(?:[\w'-]+ ){0,2}?(?:prisons?|detention|jails?"
    r"|security (?:services|branches)|regime|government)",
    r"(?<!died )(?<!killed )(?<!deaths )(?<!death )(?<!perished )"
    r"in (?:arbitrary |incommunicado )?detention\b(?! (?:cent(?:re|er)s?|facilit))",
    r"arbitrarily (?:detained|arrested)", r"abducted", r"kidnapped",
]
#: Words of being forced out without a destination named: "forced to flee", "uprooted".
DISPLACED_FALLBACK_WORDS: list[str] = [
    r"(?:have|has|had|were|been) (?:\w+ )?fled\b",
    r"\bfled (?:the )?(?:latest |recent )?(?:violence|fighting|offensive|bombing|shelling|clashes|attacks?)",
    r"\bfled (?:the|their) (?:town|city|village|area|region|province|camp|countryside|neighbou?rhood|district)s?\b",
    r"forced to (?:flee|leave)\b", r"forced (?:out|from)\b", r"(?:were|been|was|are) uprooted",
    r"(?:were|been|was|are) driven out", r"(?:were|been|was|are) evacuated from",
    # "prompted 15,000 people to flee", "let 2,000 people flee the enclave", "150,000 people
    # flee Aleppo countryside" (a headline), "15,000 people are fleeing from north of Aleppo"
    # (fleeing to a country of asylum is read as refugees first, by MEASURE_CUES)
    r"\b(?:to )?flee\b(?!\s+(?:to|into|across|abroad)\b)", r"\bfleeing\b(?!\s+(?:to|into|across|abroad)\b)",
]
#: Ways of saying that people left Syria without the word "refugee" (kind ``refugees``): the
#: people counted crossed a border or are registered or awaiting registration in a host.
REFUGEE_FLIGHT_WORDS: list[str] = [
    r"fled (?:from )?their (?:own |home )?country",
    r"(?:fle(?:e|eing|d)|escap(?:e|ed|ing)|cross(?:ed|ing)?) (?:from )?(?:syria'?s? |the )?(?:[\w'-]+ ){0,2}?(?:into|to) (?:syria'?s )?(?:immediate )?"
    r"(?:neighbou?rs\b|(?:neighbou?ring|nearby|surrounding|adjacent) (?:[\w'-]+ )?(?:countries|states|nations)\b)",
    r"seek(?:ing|s)? asylum (?:in|across) (?:the )?(?:region|neighbou?ring|surrounding|nearby)",
    r"\bnumber of (?:people|syrians|persons) (?:who (?:have |had )?fled|fleeing) (?:from )?(?:the |syria'?s )?"
    r"(?:civil )?(?:war|conflict)\b(?! in (?!syria))",
    r"\bsyrians (?:now |currently |already )?in (?:turk|t[uü]rkiye|leban|jordan|iraq|egypt)",
    r"(?:awaiting|await|waiting (?:for|to be)) (?:\w+ ){0,2}?regist(?:ration|ered)\b",
    r"under temporary protection",  # Turkey's status for Syrian refugees
    # "have fled civil war into Lebanon", "escaping the fighting to Jordan"
    r"(?:fled|fleeing|escaped|escaping)\b(?:\s+[\w'-]+){0,3}?\s+(?:in)?to\s+(?:turkey|t[uü]rkiye|lebanon|jordan|iraq|egypt)\b"
    r"(?!['’]s\s+(?:[\w-]+\s+)?(?:border|frontier)|\s+border)",  # not "fled north to Turkey's border" (inside Syria)
    # "more than 300,000 Syrians have entered the country" (a host named before)
    r"\b(?:syrians|refugees) (?:have |had |has )?(?:entered|crossed into) (?:the|this) (?:country|kingdom)\b",
    # "425,160 are registered and another 84,399 are in the process of being registered", "1.5
    # million people have registered or have appointments with UNHCR" (the count is the subject)
    r"^\s*(?:(?:people|persons|individuals|syrians|others|more)\s+)?(?:are|were|have been|had been|is|was) (?:now |already |formally )?registered\b(?! dead| as (?:dead|killed|missing)| to vote| voters?| in (?:schools?|the election))",
    r"\bin the process of being registered\b",
    r"^\s*(?:(?:people|persons|individuals|syrians|others|more)\s+)?(?:have|has|had) (?:now |already )?registered (?:or|with|as refugees)\b",
    # "ran to neighbourhood countries such as Turkey"
    r"\b(?:ran|went|moved|poured) (?:in)?to (?:the )?neighbou?r(?:hood|ing) (?:countries|states)\b",
]
#: Nouns for the dead read when no other cue is next to a number ("Among the victims were 12,000
#: women").
DEATH_FALLBACK_WORDS: list[str] = [r"victims", r"(?:met|meet) their (?:maker|deaths?)", r"martyrs",
                                   r"deceased", r"(?:summarily |field[- ])?executed"]  # (H23e)
#: Words for the fighters of one side (groups of :data:`GROUPS`): "regime forces", "Hezbollah".
SIDE_WORDS: dict[str, list[str]] = {
    "government_forces": [
        r"government (?:forces|soldiers|troops)", r"(?<![\w-])regime (?:forces|soldiers|troops|fighters)", r"army soldiers",
        r"pro-government", r"pro-regime", r"pro-assad", r"syrian soldiers", r"loyalists?",
        r"(?:from|of) the (?:syrian )?(?:military|army)\b", r"soldiers and officers", r"regular (?:regime )?soldiers",
        r"national defen[cs]e forces", r"\bndf\b", r"shabiha", r"pro-iran(?:ian)?",
        # "32 regime security forces", "government security force personnel", "members of the
        # armed forces", "dead among those fighting for Assad's government", "the regime side"
        r"(?<![\w-])regime (?:security|armed) forces", r"government (?:security |armed )?forces? personnel",
        r"government security forces", r"members of the (?:syrian )?(?:armed forces|army)",
        # the transitional government's forces after December 2024 (H21t): "423 government
        # security personnel", "257 government personnel", "93 members of the new government's
        # security forces", "125 security personnel"
        r"(?:government |security |interior ministry |defen[cs]e ministry )+personnel",
        r"members of the (?:new )?(?:government'?s |interim government'?s )?security forces",
        r"(?:those|people|men) fighting (?:for|alongside|on behalf of|on the side of) (?:president |the )?"
        r"(?:bashar )?(?:al-)?(?:assad|regime|government|syrian army)", r"(?:government|regime) side\b",
    ],
    "armed_opposition": [r"\brebels?\b", r"opposition fighters", r"armed opposition", r"free syrian army",
                         r"\bfsa\b", r"rebel groups", r"insurgents",
                         # "2,221 army defectors", "fighters of Islamic factions", "civilians who took
                         # up arms" (SOHR's rebels), "members of Hayyaat Tahrir Al-Sham"
                         r"defectors", r"(?:islamic|islamist|rebel|opposition|armed) factions",
                         r"(?:civilians|people|men) who (?:took|take|have taken|had taken) up arms",
                         r"opposition faction (?:fighters|members)",  # (H22t)
                         r"ha?yy?a+t tahrir al-sham|hay'at tahrir al-sham", r"opposition (?:toll|side)\b",
                         # the Kurdish-led forces, counted with the opposition's fighters by SOHR
                         r"\bsdf\b(?!-(?:held|controlled|run|led|ruled))", r"syrian democratic forces", r"kurdish(?:-led)? (?:forces|fighters)", r"\bypg\b"],
    "foreign_fighters": [r"foreign fighters", r"jihadists", r"hezbollah", r"non-syrian fighters", r"non-syrians?\b",
                         r"turkish (?:soldiers|troops)",  # Turkish forces killed in Syria (H22t)
                         r"iranian (?:militia|fighters|forces)"],
}
#: Words for children among the counted: "minors", "under 18", "youngsters".
CHILD_WORDS: list[str] = [r"children", r"kids", r"minors", r"boys", r"girls", r"youngsters", r"juveniles",
                          r"infants", r"babies", r"under (?:the age of )?(?:18|eighteen)"]


def _alt(words: list[str]) -> str:
    """One regex alternation of *words* (each a regex fragment)."""
    return "(?:" + "|".join(words) + ")"


#: Cue regexes (lower-case text) that say what a number counts, tried in this order
#: within the words around a number. Each maps to a *kind*; the extractor combines the
#: kind with group/host/area words into a measure.
MEASURE_CUES: list[tuple[str, str]] = [
    (r"internally (?:or|and) (?:abroad|externally|across (?:the )?borders?|outside)"
     r"|(?:both )?(?:inside|within) (?:syria|the country) (?:or|and) "
     r"(?:abroad|outside)", "displaced"),
    # "either internally displaced or have become refugees", "refugees or internally displaced":
    # both together
    (r"internally displaced (?:people |persons )?(?:or|and) (?:[\w'-]+ ){0,3}refugees"
     r"|refugees (?:or|and) (?:[\w'-]+ ){0,2}internally displaced|displaced (?:inside|within) (?:and|or) outside",
     "displaced"),  # "displaced half ... internally or abroad": both
    # "displaced within the country and across its borders": both together (H21d; after the first two cues,
    # which the extractor reads as _CUES[:2])
    (r"displaced (?:with)?in (?:the country|syria) and (?:across|beyond|outside) (?:its |the )?borders?", "displaced"),
    (r"\b" + _alt(RETURN_WORDS) + r"\b", "returns"),
    # "have made their way back home", "crossed back into Syria", "refugees ... crossed into Syria"
    (r"made (?:their|its|his|her) way (?:back|home)|cross(?:ed|ing|es)? back (?:in)?to syria"
     r"|refugees?\b[^.;]{0,40}\bcross(?:ed|ing|es)? (?:in)?to syria"
     r"|cross(?:ed|ing|es)? the border (?:back|home)|head(?:ed|ing|s)? (?:back )?home\b|head(?:ed|ing|s)? back\b",
     "returns"),
    # "1.7 million internally displaced also resettling", "resettled in their communities"
    (r"resettl(?:ed|ing) (?:in|into|to) their\b|displaced (?:\w+ ){0,2}resettl(?:ed|ing)\b", "returns"),
    (r"deport(?:ed|ations?|ees?)\b|(?:have|has|had) left (?:turkey|t[uü]rkiye|lebanon|jordan|iraq|egypt)\b"
     r"(?!\s+(?:for|to)\b)", "returns"),
    (r"internally[- ]displaced|idps?\b|displaced (?:inside|within|internally|in(?:side)? syria)"
     r"|internal refugees|(?:homes|displaced) (?:inside|within) (?:the country|syria)"
     r"|(?:inside|within) (?:the country|syria)[^.]{0,30}displaced|displaced persons inside"
     r"|\binternally\b|displaced from their homes (?:with)?in(?:side)? syria", "idps"),
    # "uprooted within Syria", "uprooted inside the country"
    # "displaced within the borders of their own countries" (a worldwide count of IDPs)
    (r"displaced (?:with)?in (?:the borders of )?their (?:own |home )?countr(?:y|ies)", "idps"),
    # "6.1 million Syrians became refugees in their own country": IDPs
    (r"refugees (?:in|within|inside) their (?:own |home )?countr(?:y|ies)", "idps"),
    (r"uprooted (?:inside|within|in(?:side)? syria|(?:with)?in (?:the country|syria))"
     r"|(?:displaced|uprooted) (?:in|inside|within) (?:their|its) own country", "idps"),
    # "needing humanitarian assistance", "in need for help", "require urgent humanitarian aid",
    # "those in dire need": a count of people in need, whatever adjectives come between
    (r"(?:\bin (?:\w+ )?need|\bneed(?:s|ed|ing)?|\brequir(?:e|es|ed|ing)|\bin want)\s+(?:of\s+|for\s+)?"
     r"(?:(?:some|any) (?:form|kind) of\s+)?(?:[\w'-]+\s+){0,2}?(?:aid|assistance|help|relief)\b"
     r"|\b(?:people|those|syrians|persons|civilians|children) (?:who are )?in (?:acute |urgent |dire |desperate )?need\b"
     r"|\b(?:are|is|were|remain|remains) (?:now |still )?in (?:acute |urgent |dire |desperate |critical )?need\b",
     "people_in_need"),
    (r"in need of (?:humanitarian )?(?:aid|assistance|help)|need (?:humanitarian )?(?:aid|assistance)"
     r"|people in need|require (?:humanitarian )?assistance|need help|depend on (?:humanitarian )?aid"
     r"|require (?:humanitarian )?aid|in need of (?:some (?:form|kind) of )?(?:humanitarian )?(?:aid|assistance)",
     "people_in_need"),
    # "depend on humanitarian assistance", "rely on aid"
    (r"(?:depend(?:s|ed|ing|ent)?|rel(?:y|ies|ied|ying|iant)) (?:up)?on (?:humanitarian |international )?"
     r"(?:aid|assistance|relief)", "people_in_need"),
    (_alt(MISSING_WORDS), "missing"),
    (r"(?:died|killed|deaths?) (?:in|under) (?:[\w'-]+ ){0,2}?(?:detention|custody|torture)|tortured to death"
     r"|\bdetainees\b[^.;]{0,30}\b(?:died|killed|perished)\b"
     r"|in (?:government |regime )?(?:prisons|detention)|in (?:[\w'-]+ ){0,2}prisons"
     r"|in (?:[\w'-]+ ){0,2}jails?\b|(?:died|killed|deaths?) (?:due to|from|of|as a result of) torture",
     "detention"),
    # a toll's torture deaths in a monitor's words (H21t): "11 individuals due to torture",
    # "86 victims of torture", "one victim of death due to torture"
    (r"^\s*(?:[\w'-]+\s+){0,2}?(?:victims?|individuals?|persons?|people|civilians?|detainees|cases)\s+"
     r"(?:(?:who\s+)?(?:had\s+)?(?:died|killed|perished)\s+)?(?:of\s+(?:death\s+)?(?:due\s+to\s+)?|due\s+to\s+"
     r"|under\s+|from\s+|as\s+a\s+result\s+of\s+)torture\b(?![^.;]{0,30}\bsurviv)"
     # "including 299 due to torture", "12 under torture" (SNHR's short form: the count itself)
     r"|^\s*(?:who\s+)?(?:died\s+)?(?:due\s+to|under|from\s+(?:the\s+)?effects\s+of)\s+torture\b", "detention"),
    (r"\brefugees?\b|fled (?:the country|abroad|syria\b(?!['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:war|conflict|crisis|violence|fighting|bloodshed)\b))|to (?:neighbou?ring|other) countr)"  # not "fled Syria's Idlib"; "fled Syria's civil war" is
     r"|(?:fled|fleeing) to (?:neighbou?ring |other |nearby )?countr|fled to (?:turkey|lebanon|jordan|iraq|egypt|europe|germany)"
     r"|sought (?:refuge|asylum)|seek(?:ing)? refuge|have fled abroad|\babroad\b"
     r"|fled across (?:the |a )?borders?|crossed (?:the border )?into (?:turkey|t[uü]rkiye|lebanon|jordan|iraq)"
     r"|flee(?:ing)? (?:their|the) country|\bleave (?:their|the) country|\bleft (?:syria|the country|their country)"
     r"|\bseek(?:ing)? (?:shelter|safety|sanctuary)|\blook for shelter|\bfor other countries"
     r"|hosts?\b|hosting|is home to|registered (?:in|with)|\bshelter(?:s|ed|ing)\b"
     r"|(?:taken|took|take|taking|sought|found|find) (?:shelter|refuge|safety) (?:in|across)"
     r"|flee(?:ing)? to (?:neighbou?ring|other|nearby) countr|registered by (?:the )?(?:\w+ )?(?:authorities|government)"
     r"|syrians? (?:(?:are|were) (?:now |still )?(?:living |residing |staying |sheltering )?"
     r"|(?:living|residing|staying|sheltering) )(?:in|across) (?:the )?"
     r"(?:turk|t[uü]rkiye|leban|jordan|iraq|egypt|german|europe)",
     "refugees"),
    # refugees in other words (H20w): "have fled their country", "fleeing Syria's war into
    # neighboring states", "fled to Syria's immediate neighbors", "Syrians seeking asylum across
    # the region", "the number of people fleeing the conflict", "Syrians in Turkey", "16,706 are
    # awaiting registration"
    (_alt(REFUGEE_FLIGHT_WORDS), "refugees"),
    (r"asylum[- ](?:applications?|claims?|seekers?|requests?|applicants?)|applied for asylum|seek(?:ing|s)? asylum"
     r"|applications? for asylum|sought asylum in (?:europe|the eu)", "asylum"),
    (r"displaced|displaces|displacement|forced (?:from|out of|to flee) their homes|uprooted"
     r"|fled their homes|flee their homes|left their homes|driven from their homes"
     r"|exodus|(?:from|out of) their homes|\b(?:driven|forced|pushed) out\b"
     r"|(?:outside|away from) their (?:own )?homes", "displaced"),
    # "prompted some 40,000 residents to flee": the flight, not the residents, names the count (H21d)
    (r"\bto flee\b(?!\s+(?:to|into|across|abroad)\b)", "displaced"),
    (r"wounded|injured|injuries|maimed", "injured"),
    (r"killed|died|dead\b|deaths?\b|death toll|toll\b|lost their lives|lives\b|perished"
     r"|fatalities|been slain|killings?|casualt(?:y|ies)", "deaths"),
    (r"population|inhabitants|lived in syria|people lived|pre-war|residents|before the (?:civil )?war"
     r"|\b(?:syria|the country) had\b", "population"),
]

#: Cues read only when no cue of :data:`MEASURE_CUES` is next to a number: people who "have
#: fled" without a destination ("900,000 people have fled the latest violence in northwest
#: Syria") were displaced; where they went, when said, names the measure instead.
FALLBACK_CUES: list[tuple[str, str]] = [
    (_alt(DISPLACED_FALLBACK_WORDS), "displaced"),
    (r"\b" + _alt(DEATH_FALLBACK_WORDS) + r"\b", "deaths"),
]

#: Group words (the people counted) -> group code.
GROUPS: list[tuple[str, str]] = [
    (r"\b" + _alt(CHILD_WORDS) + r"\b", "children"),
    (r"\bwomen\b|\bfemales?\b|\bwoman\b", "women"),
    (r"\bcivilians?\b(?! who (?:took|take|have taken|had taken) up arms)|non-combatants", "civilians"),
    (_alt(SIDE_WORDS["government_forces"]), "government_forces"),
    (_alt(SIDE_WORDS["armed_opposition"]), "armed_opposition"),
    (_alt(SIDE_WORDS["foreign_fighters"]), "foreign_fighters"),
    (r"\bfighters\b|\bcombatants?\b|\bmilitants\b|\bsoldiers\b|\btroops\b|islamic state|\bisis\b"
     r"|daesh|militia members|\bis (?:group|militants|fighters)\b|members of (?:the )?(?:is|isis|isil)\b"
     # "369 members of regime forces", "9 SIS members" (not a family's, a crew's or staff)
     r"|\bmilitiamen\b|(?<!family )(?<!staff )(?<!crew )\bmembers\b(?! of (?:the same |one |a |his |her |their |the )?famil)",
     "combatants"),
]

#: Host countries (refugees, returns, asylum): regex -> ISO alpha-3 / REGION / WORLD.
HOSTS: list[tuple[str, str]] = [
    (r"turkey|t[uü]rkiye|turkish", "TUR"), (r"lebanon|lebanese", "LBN"),
    (r"jordan(?:ian)?\b", "JOR"), (r"iraq(?:i)?\b|kurdistan", "IRQ"), (r"egypt(?:ian)?", "EGY"),
    (r"germany|german\b", "DEU"), (r"sweden|swedish", "SWE"), (r"austria", "AUT"),
    (r"netherlands|dutch", "NLD"), (r"greece|greek", "GRC"), (r"canada|canadian", "CAN"),
    (r"united states|the us\b|the u\.s\.|america\b", "USA"),
    (r"united kingdom|britain|the uk\b", "GBR"), (r"france|french", "FRA"),
    (r"neighbou?r(?:ing)? countries|neighbou?ring states|(?:syria'?s|its) neighbou?rs\b|the region\b|the wider region"
     r"|(?:countries|states) (?:immediately )?(?:surrounding|bordering|around|neighbou?ring) syria"
     r"|the middle east\b|surrounding countries|nearby countries|(?:just |the )?five (?:neighbou?ring )?countries"
     r"|surrounding region", "REGION"),
    (r"worldwide|around the world|across the world|the world over|globally|world-wide",
     "WORLD"),
    (r"abroad", "WORLD"),
    (r"outside (?:of )?(?:the country|syria)(?:'s)?(?: borders)?|(?:fled|flee|flight) to other countries", "WORLD"),
]

#: Places inside Syria -> ISO 3166-2 area code.
AREAS: list[tuple[str, str]] = [
    # north-west Syria (Idlib and northern Aleppo; a code of the registry's area vocabulary)
    (r"north[- ]?west(?:ern)? syria|(?:syria|the country)'?s north[- ]?west\b|the north[- ]?west of syria", "SY-NW"),
    # north-east Syria (Hasakah, Raqqa, Deir ez-Zor in part): several governorates, no one code
    (r"north[- ]?east(?:ern)? syria|(?:syria|the country)'?s north[- ]?east\b|\bthe north[- ]?east\b|\bnes\b", "LOCAL"),
    # towns and districts below a governorate: LOCAL (the registry's area figures are whole
    # governorates, which are not compared with a part of one)
    (r"afrin|\bazaz\b|a'zaz|\bal-bab\b|manbij|kobani|ain al-arab|maarat al-?nu'?man|ma'arat al-?nu'?man"
     r"|saraqib|jisr al-?shughur|\bariha\b|qamishli|tal abyad|ras al-?ain", "LOCAL"),
    (r"eastern ghouta|ghouta|rif dimashq|rural damascus|damascus countryside|douma|darayya|yarmouk",
     "SY-RD"),
    (r"aleppo", "SY-HL"), (r"idlib|idleb", "SY-ID"), (r"\bhoms\b", "SY-HI"),
    (r"\bhama\b", "SY-HM"), (r"damascus", "SY-DI"), (r"latakia|lattakia", "SY-LA"),
    (r"tartus|tartous", "SY-TA"), (r"daraa|deraa|dar'a", "SY-DR"),
    (r"suwayda|sweida|suwaida", "SY-SU"), (r"quneitra", "SY-QU"),
    (r"deir (?:ez|al|el)[- ]zor|deir ezzor|deir-ez-zor", "SY-DY"),
    (r"hasakah|hassakeh|hasakeh|al-hasakah", "SY-HA"), (r"raqqa|raqa", "SY-RA"),
]

#: Attribution names (regex) -> canonical short name.
ATTRIBUTIONS: list[tuple[str, str]] = [
    (r"syrian observatory(?: for human rights)?|\bsohr\b|the observatory", "SOHR"),
    (r"syrian network for human rights|\bsnhr\b", "SNHR"),
    (r"violations documentation cent(?:er|re)|\bvdc\b", "VDC"),
    (r"syrian cent(?:er|re) for policy research|\bscpr\b", "SCPR"),
    (r"\bunhcr\b|un refugee agency|u\.n\. refugee agency|high commissioner for refugees"
     r"|refugee agency", "UNHCR"),
    (r"\bocha\b|office for the coordination of humanitarian affairs", "OCHA"),
    (r"\bohchr\b|human rights office|high commissioner for human rights|bachelet", "OHCHR"),
    (r"\biom\b|international organi[sz]ation for migration", "IOM"),
    (r"\bidmc\b|internal displacement monitoring", "IDMC"),
    (r"\bunicef\b", "UNICEF"), (r"world health organi[sz]ation|\bwho\b(?= said| says)", "WHO"),
    (r"\bhrdag\b|human rights data analysis group", "HRDAG"),
    (r"\bucdp\b|uppsala", "UCDP"), (r"amnesty", "Amnesty International"),
    (r"human rights watch|\bhrw\b", "Human Rights Watch"),
    (r"de mistura", "UN envoy (de Mistura)"), (r"ban ki-moon", "UN Secretary-General (Ban)"),
    (r"guterres", "UN Secretary-General (Guterres)"),
    (r"united nations|\bthe un\b|\bu\.n\.|\bun\b", "UN"),
]
#: Attribution frames: "according to X", "X said", "X says", "said X", "X estimates".
ATTRIBUTION_FRAME = (r"according to|said|says|estimates?d?|reported|reports|documented"
                     r"|counted|recorded|figures? from|data from|told|tallied|tally|used by"
                     r"|cited by|announced|put the|puts the|estimate from")

# --------------------------------------------------------------------------- periods

#: War start (the date the registry's cumulative tolls start from; the month is March 2011).
WAR_START: str = "2011-03-15"
#: Fall of the Assad government (for "since the fall of Assad").
ASSAD_FALL: str = "2024-12-08"

#: "since the war began" and its variants -> cumulative from WAR_START.
SINCE_WAR_START = (r"since (?:the (?:start|beginning|outbreak|onset) of (?:the |syria'?s )?"
                   r"(?:(?:civil )?war|conflict|uprising|crisis|revolution|fighting)"
                   r"|the (?:civil )?(?:war|conflict|uprising|crisis|revolution) "
                   r"(?:began|started|erupted|broke out)|(?:march )?2011"
                   r"|it (?:began|started))|in (?:the|syria'?s|a|its) \w*(?: |-)?(?:year|years)?"
                   r"(?:-long|-old)? ?(?:civil )?(?:war|conflict)|during the (?:civil )?(?:war|conflict)"
                   r"|of (?:the )?(?:civil )?war|so far|to date|in total|in all")
#: "since the fall of Assad" and its variants -> from ASSAD_FALL.
SINCE_ASSAD_FALL = (r"(?:since|after|following) (?:the (?:fall|ouster|overthrow|collapse|toppling) of (?:the )?"
                    r"(?:(?:president )?(?:bashar )?(?:al[- ])?assad(?:'s)?(?: (?:regime|government))?"
                    r"|(?:assad )?(?:regime|government))|(?:assad|the (?:assad )?regime|the "
                    r"government)(?:'s)? (?:fell|was toppled|was ousted|collapsed)"
                    r"|(?:assad|al-assad)'s (?:fall|ouster|overthrow)|8 december(?: 2024)?"
                    r"|december 8(?:, 2024)?|(?:early |late )?december 2024|the regime'?s fall)")

MONTHS: dict[str, int] = {
    m: i for i, ms in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], start=1) for m in ms
}

# --------------------------------------------------------------------------- not statistics

#: Words right after a number that make it something other than a count of people
#: (time spans, distances, money, weights, models, ages).
NON_PEOPLE_UNITS = (
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
    r"(?:-old| old| of age)?"
    r"|year-old|-?fold\b|times\b|(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|mm|cm|kg|kilograms?"
    r"|tonnes?|tons?|pounds|lbs?|litres?|liters?|barrels?|hectares?|acres?|sq)\b"
    r"|(?:dollars?|euros?|pounds sterling|lira|liras|francs|usd|eur|gbp)\b"
    r"|(?:homes|houses|buildings|schools|hospitals|villages|towns|aircraft|planes|jets"
    r"|helicopters|tanks|rockets|missiles|shells|bombs|barrel bombs|air ?strikes|strikes"
    r"|attacks|raids|sorties|trucks|vehicles|boats|checkpoints|votes|seats|countries"
    r"|nations|states|resolutions|articles|pages|calories|doses|meals|tents|calls"
    r"|(?:criminal\s+)?(?:offen[cs]es|crimes))\b"  # "83 criminal offenses" (H23e)
    # "38 European countries", "28 EU member states"
    r"|(?:[\w-]+\s+){1,2}(?:countries|member states)\b"
)
#: Money marks before a number.
MONEY_BEFORE = r"(?:\$|us\$|usd|€|£|eur|gbp|sdg|syp)\s?$"
#: Aircraft and weapon models ("Mi-8", "Su-24", "MiG-29", "F-16", "AK-47", "S-400", "T-72").
MODEL_RE = re.compile(r"\b[A-Z][A-Za-z]{0,3}-\d+[A-Z]?\b")
#: An incident's casualties: cue words that tie a number to one event, not the war.
INCIDENT_CUES = (
    r"\b(?:in|during|after|by|since|of) (?:an?|the|this|that|monday's|tuesday's|wednesday's|thursday's"
    r"|friday's|saturday's|sunday's|yesterday's|today's|sunday|saturday) ?"
    r"(?:\w+[- ]){0,3}?(?:air ?strikes?|attacks?|bombings?|explosions?|blasts?|shelling"
    r"|raids?|crash|ambush|massacre|car bomb|suicide bomb(?:ing|er)?|clashes|assault|strike"
    r"|barrage|shootdown|incident)\b"
    r"|\bovernight\b|\bthis (?:morning|afternoon|evening|week)\b|\blast night\b"
    r"|\b(?:past|last) (?:24|48|72) hours\b|\bpast (?:few )?days\b|\bpast week\b"
    r"|\bcrew(?: members)?\b|\bon board\b|\bhelicopter\b|\bpassengers\b|(?<!soldiers and )\bofficers\b"
    r"|\bcoastal (?:region|violence|killings)|\bwave of violence\b|\bongoing violence\b|\bmassacres?\b"
)
#: A period too short to be a war statistic (a week, a day, a month's rate): any kind.
SHORT_PERIOD_CUES = (
    r"\b(?:last|past|this|that) week\b|\bper (?:day|week|month|minute|hour)\b|\ba (?:day|week)\b(?! ago)"
    r"|\ba month\b(?! ago)(?!-)"  # (not "a month-long campaign": a span, not a month's rate)
    r"|\b(?:daily|weekly|monthly)\b|\ban hour\b|\bpast few days\b"
    r"|\b(?:in|over|during) the (?:last|past) (?:\w+ )?days\b|\beach (?:day|week|month)\b|\bevery (?:day|week|month)\b|\bon a (?:daily|weekly|monthly) basis\b"
    r"|\bovernight\b|\b(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)'s (?:fighting|violence|clashes|offensive|attacks?)\b"
)
#: Causes that are not the war (numbers of their victims are not war statistics).
NON_WAR_CAUSES = (r"\bearthquakes?\b|\bquakes?\b|\baftershocks?\b|\bcholera\b|\bcovid|\bfloods?\b"
                  r"|\btremors?\b|\bseismic\b|\bkahramanmara"
                  # the 6 February 2023 earthquakes named by their date ("the February 6 disaster")
                  r"|\b(?:february 6|6 february)(?:th)?(?:,? 2023)?\s+(?:disaster|tragedy|catastrophe|devastation)\b")
#: Other countries' wars and people (a number about them is not a Syrian statistic).
OTHER_COUNTRIES = (r"\blibya|\bgaddafi|\bafghan|\byemen|\bukrain|\bgaza\b|\bsudan|\bpalestin"
                   r"|\bargentin|\bchile\b|\bpinochet|\byugoslav|\bbosnia|\brwanda|\bcambodia"
                   r"|\biraqis?\b|\begyptian\b|\bin iraq\b|\biraq where\b")
#: A count whose own noun is another country's people ("6.5 million Ukrainian refugees",
#: "300,000 Afghan refugees", "refugees from Ukraine"): not a Syrian statistic, even in a
#: sentence that also speaks of Syrians.
OTHER_NATIONALS_AFTER = (r"^\s*(?:[\w'-]+\s+)?(?:afghans?|ukrainians?|palestinians?|iraqis?|sudanese|yemenis?"
                         r"|libyans?|somalis?|rohingya|venezuelans?|eritreans?)\b"
                         r"|^\s*(?:[\w'-]+\s+){0,2}?(?:refugees|people|civilians) (?:from|of) (?:ukraine"
                         r"|afghanistan|iraq|palestine|gaza|sudan|yemen|libya|somalia)\b")
#: Words before a count that make it a change, not a level ("an increase of eight million",
#: "rose by 2 million", "up by 2 million", "a drop of 1.2 million").
CHANGE_BEFORE = (r"\b(?:(?:rose|risen|rises|rising|grew|grown|grows|increased|increases|jumped|climbed|swelled"
                 r"|fell|fallen|falls|dropped|declined|decreased|shrank|shrunk|went up|gone up|went down"
                 r"|gone down|up|down)\s+by|(?:increase|rise|decrease|decline|drop|fall|jump|reduction"
                 r"|growth)\s+of)\s*$")
#: Aid-programme and living-condition figures (not counts of victims or of the displaced).
PROGRAMME_CUES = (r"food (?:aid|assistance)|assistance cut|school|malnutrition|malnourish|starv"
                  r"|\bat risk\b|risk of|poverty|food insecurity|livelihood|vaccin|sub-?standard shelter"
                  r"|food[- ]insecure|next meal|go hungry"
                  # an aid plan's target: "aims to provide 12.2 million people with", "to directly
                  # support almost 6 million people", "710,000 people targeted by the plan"
                  r"|\b(?:to|will|would|aims? to|plans? to)\s+(?:\w+\s+)?(?:support|assist|reach|serve|feed|provide)\s"
                  r"|\bhelp to\b|\btargeted\b|\btarget(?:s|ing)?\s+(?:of\s+)?(?:\w+\s+)?$|\bto be reached\b"
                  r"|\breached with\b|\bbeneficiar")
#: Words that make a number a forecast or plan, not a statistic.
PROJECTION_CUES = (r"\b(?:expect\w*|anticipat\w*|project\w*|forecast\w*|predict\w*|plans?\b|planned|will|would"
                  r"|could|to balloon|to reach|to rise|to climb|may (?:reach|rise|climb|exceed|return|go back"
                  r"|come back|need|flee)|might|set to)\b"
                  r"|\baim(?:s|ed|ing)? (?:at|to)\b")
#: A count of people below this, with no war-level cue (a period, "since", "the war",
#: "toll", "in total"), is read as an incident's casualties and ignored.
INCIDENT_MAX: float = 1000.0
#: Words that make a number a war-level statistic despite a small value.
WAR_LEVEL_CUES = (r"\bsince (?:the|its|\d{4}|march)|\bin the (?:civil )?(?:war|conflict)\b|\bwar'?s toll\b"
                  r"|\bin total\b|\bto date\b|\bin \d{4}\b|\blast year\b|\bthis year\b"
                  r"|\bof (?:the )?(?:civil )?war\b|\bsince the (?:war|conflict)")

#: Words that say a share is of the population ("half of Syria's population").
POPULATION_WORDS = (r"population|syrians\b|the country'?s (?:people|inhabitants)|"
                    r"(?:of|in) syria\b|pre-war|prewar|people of syria|inhabitants")

#: Words right after a count that make it a subset or a thing no registry measure counts
#: (births in exile, people "affected" by a disaster, an age band, a camp population):
#: "nearly a million Syrian babies have been born in exile", "8.8 million were affected",
#: "3 million Syrians under 5", "two million living in tented camps".
NOT_A_MEASURE_AFTER = (
    r"^\s*(?:[\w'-]+\s+){0,3}?(?:have been|had been|were|are|was) (?:born|affected)\b"
    r"|^\s*(?:[\w'-]+\s+){0,2}?(?:under|below|aged|younger than) (?:the age of )?(?:\d|one|two|three|four|five)\b"
    r"|^\s*(?:[\w'-]+\s+){0,2}?(?:living|live|lives|sheltering) in (?:[\w'-]+\s+){0,2}?(?:camps|tents"
    r"|informal settlements|collective (?:shelters|centres|centers))\b"
)
#: Return counts that add refugees and IDPs together (no single measure counts them):
#: "over two million Syrian refugees and displaced have returned".
COMBINED_RETURNS = (r"^\s*(?:[\w'-]+\s+){0,2}?(?:-\s*)?(?:both\s+)?(?:refugees and (?:internally )?displaced|refugees and idps"
                    r"|idps and refugees|(?:internally )?displaced (?:people |persons )?and refugees)\b")
#: A total that adds a count just stated to others ("..., bringing the total number of
#: returnees to over 1.4 million"): not the measure of the count it adds to.
BRINGING_TOTAL = r"\bbringing (?:the|their|its) (?:total|overall)\b[^.;]{0,40}$"
#: A verb of return after a count of displaced people: the count is of returns ("1.8 million
#: people who had been displaced ... had also returned to their areas of origin").
RETURN_VERB = (r"\b(?:have|has|had)\s+(?:also\s+|already\s+|now\s+|since\s+)?(?:returned|gone back"
               r"|gone home|come back|come home|went back)\b")
#: "newly displaced", "new displacements": a flow of displacement, not the stock of IDPs.
NEWLY_DISPLACED = r"\bnewly (?:displaced|uprooted)\b|\bnew(?:ly)? displacements?\b"
#: Words before a year that make it the date of a report, not the period counted ("the UN
#: gave up in 2016", "the last death toll estimate by the UN in 2016"): a cumulative total
#: as of that year.
REPORT_BEFORE_YEAR = (r"\b(?:estimates?|updates?|reports?|count|gave up|stopped counting|last (?:toll|figure))"
                      r"\b[^.;,]{0,20}$")


#: A dateline at the head of a sentence: a place in capitals (two or more letters per
#: word), optionally ", Country", optionally "(Agency)", then a dash ("BEIRUT (Reuters) -",
#: "AMMAN, Jordan -", "ERBIL (Kurdistan24) -", "DAMASCUS, Syria (AP) -"). Matched on text
#: whose en and em dashes are already plain hyphens. It names where the reporter is.
DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?"
    r"(?:\s*\([^()]{1,40}\))?\s*-{1,2}\s")

#: Who killed the dead a toll counts (H21t), as monitors and wire copy name them -> the
#: registry's perpetrator codes (data/datapackage.json). "regime"/"government" forces are the
#: Assad government's (government_and_allies); after the fall of Assad the government's or
#: security forces without a word of the old regime are the transitional government's
#: (extract.py decides by the publication date). Order: the more specific first.
PERPETRATORS: list[tuple[str, str]] = [
    (r"\brussian?\b(?: \w+)?(?: forces| air ?strikes| warplanes| jets| aircraft| bombing| raids| army)?", "russia"),
    (r"syrian[- ]russian alliance|\bsyrian and russian\b", "government_and_allies"),
    (r"\bturk(?:ish|ey|iye)\b|\bt[uü]rkiye\b|\bankara\b", "turkey"),
    (r"\bisrael(?:i)?\b", "israel"),
    (r"(?:international|us-led|u\.s\.-led)\s+anti-(?:isis|isil|is|daesh)\s+coalition", "international_coalition"),  # (H22t)
    (r"(?<!anti-)\bisis\b|(?<!anti-)\bisil\b|(?<!anti-)\bdaesh\b|islamic state|\bis group\b", "isis"),
    (r"\bhts\b|ha?yy?a+t tahrir al-sham|hay'at tahrir al-sham|\bnusra\b", "hts"),
    (r"\bsdf\b|syrian democratic forces|\bpyd\b|\bypg\b|kurdish(?:-led)? (?:forces|militias?)", "sdf"),
    (r"\bkurdish (?:self-administration|autonomous administration|administration) forces\b|\b(?:self|autonomous)[- ]administration forces\b", "sdf"),  # (H22t)
    (r"international coalition|us-led coalition|coalition (?:forces|air ?strikes|warplanes)", "international_coalition"),
    (r"(?:armed )?opposition (?:factions|groups|forces|fighters)|\brebels?\b|syrian national army|\bsna\b", "armed_opposition"),
    (r"(?:former|ousted|old) regime (?:loyalists|remnants|fighters)|remnants of the (?:former |ousted )?regime"
     r"|pro-assad (?:fighters|gunmen|militias)|assad loyalists", "former_regime_loyalists"),
    (r"\b(?:ousted |former )?(?:assad |syrian )?regime\b|\bassad(?:'s)? (?:forces|regime)|government (?:forces|troops|warplanes)"
     r"|\bsyrian (?:army|forces|government forces)|pro-government (?:forces|militias)|security forces"
     r"|(?:defen[cs]e|interior) ministr(?:y|ies)", "government_and_allies"),
    (r"other parties|other (?:armed )?groups|other actors|various actors", "other"),
    (r"unidentified (?:parties|groups|gunmen|perpetrators)|unknown (?:parties|groups|gunmen|perpetrators)"
     r"|parties (?:it|we|snhr) (?:could|was|were) (?:not|unable)", "unknown"),
]
