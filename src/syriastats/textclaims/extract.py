"""Turn English text into claims: one row per numeric statement about the war's statistics.

For each sentence (:func:`~syriastats.textclaims.sentences.split_sentences`) every number
(:func:`~syriastats.textclaims.numbers.find_numbers`) is kept only if it counts people
(or a share of the population, or the war's age), and then read for:

* the hedge before or after it -> ``comparator`` (about / at_least / at_most / less_than);
* the cue words next to it -> ``measure`` (deaths, refugees, IDPs, returns, ...), first in
  the words after the number up to the next clause break, then in the words before it
  back to the previous number, then the nearest cue in the sentence;
* group words ("civilians", "children") -> ``group``; countries of asylum -> ``host``;
  Syrian places -> ``area``; "according to SOHR" -> ``attribution``;
* the period ("in 2014", "last year", "since the fall of Assad", "since the war began")
  -> ``period_type``, ``period_start``, ``as_of`` (relative to *published*; read by
  :mod:`syriastats.textclaims.periods`).

Numbers that are not war statistics are dropped: years, days of the month, ages, money,
distances, durations (unless the war's age), weapon models ("Mi-8"), things that are not
people ("300 air strikes") and an incident's casualties (a small number with no
war-level cue, or a number tied to one attack, crash or day).
All word lists are in :mod:`syriastats.textclaims.vocabulary`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass

import pandas as pd

import syriastats.textclaims.vocabulary as V
import syriastats.textclaims.arrests as arrests
import syriastats.textclaims.breakdowns as breakdowns
import syriastats.textclaims.combatants as combatants
import syriastats.textclaims.places as places
import syriastats.textclaims.tally_dates as tally_dates
import syriastats.textclaims.wounded as wounded
from syriastats.textclaims.classify import asylum_of_all, refine_claims
from syriastats.textclaims.numbers import Number, find_numbers
from syriastats.textclaims.displacement_events import WAVE_MAX, event_displacements
from syriastats.textclaims.other_stories import other_story
from syriastats.textclaims.refugee_scopes import refugee_scopes
from syriastats.textclaims.war_age import war_age_claims
from syriastats.textclaims.returns_crossings import returns_in_other_words
from syriastats.textclaims.displaced_shares import displaced_shares
from syriastats.textclaims.periods import (
    _BETWEEN_DATES,
    _between_day_numbers,
    _BETWEEN_DAYS,
    _MONTH_ALT,
    _SINCE_FALL,
    _between_dates,
    _between_days,
    _day,
    _named_period,
    _own_clause,
    _period,
    _period_in,
)
from syriastats.textclaims.sentences import split_sentences

#: Columns of :func:`extract_claims`' result, in order.
EXTRACT_COLUMNS: list[str] = [
    "sentence_index", "sentence", "start", "end", "claim_text", "value", "kind", "measure",
    "comparator", "period_type", "period_start", "as_of", "area", "host", "group",
    "attribution", "subarea", "perpetrator",
]

_FLAGS = re.I


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, _FLAGS)


_HEDGE_BEFORE = [(_c(r"(?:^|[^\w])(" + h + r")\s*$"), c) for h, c in V.HEDGES]
_HEDGE_AFTER = [(_c(r"^\s*(" + h + r")(?!\w)"), c) for h, c in V.POST_HEDGES]
_CUES = tuple((_c(p), k) for p, k in V.MEASURE_CUES)  # tuples: hashable, for _cue_matches
_CUES_NO_POP = tuple((rx, k) for rx, k in _CUES if k != "population")
_FALLBACK = [(_c(p), k) for p, k in V.FALLBACK_CUES]
_GROUPS = [(_c(p), g) for p, g in V.GROUPS]
_HOSTS = [(_c(r"\b(?:" + p + r")"), h) for p, h in V.HOSTS]
_AREAS = [(_c(r"\b(?:" + p + r")"), a) for p, a in V.AREAS]
_ATTR = [(_c(p), a) for p, a in V.ATTRIBUTIONS]
_ATTR_FRAME = _c(r"\b(?:" + V.ATTRIBUTION_FRAME + r")\b")
_NON_PEOPLE = _c(r"^\s*(?:-\s*)?(?:" + V.NON_PEOPLE_UNITS + r")")
_MONEY = _c(V.MONEY_BEFORE)
_INCIDENT = _c(V.INCIDENT_CUES)
_WAR_LEVEL = _c(V.WAR_LEVEL_CUES)
_SINCE_WAR = _c(V.SINCE_WAR_START)
_STOP = _c(r"[;:()\[\]\u2013\u2014]|\s-\s|,\s|\s(?:and|but|while|whereas|of whom|including"
           r"|as well as|compared|versus|than|after|before|when|since|according)\s|\.(?:\s|$)")
_POP_DENOM = _c(r"^\s*(?:of\s+)?(?:all\s+|the\s+|syria'?s\s+|the\s+country'?s\s+|its\s+)?"
                r"(?:[\d.,]+\s*(?:million|m)?\s*,?\s*(?=(?:(?:pre-?war|prewar|total|current),?\s+)*population))?"
                r"(?:(?:entire|whole|total|pre-?war|prewar|pre-?conflict|pre-?crisis|original|current),?\s+)*"
                r"(?:syrian\s+)?(?:population|syrians|people of syria|inhabitants|the country\b"
                r"|the people\b|its people|the nation)")
_POP_AFTER_HEDGE = _c(r"(?:population|syrians)")
_AGE = _c(r"(?:aged|age of|ages of|ages)\s*$")
_PEOPLE_AFTER = _c(r"^\s*(?:people|persons|individuals|syrians|civilians|children|refugees"
                   r"|men|women|residents|deaths|dead|fighters|soldiers|idps|returnees)\b")
#: A noun phrase naming the war ("the brutal Syrian conflict", "the Syrian uprisings").
_WAR_NP = (r"(?:the\s+|syria'?s\s+|a\s+)?(?:[a-z'-]+\s+){0,3}?(?:civil\s+)?"
           r"(?:war|conflict|uprisings?|revolution|crisis)\b")
_DURATION_AFTER = _c(r"^\s*(?:-\s*|\s)?(?:years?|months?)(?:-long|-old| long| old)?\s+(?:of|into|in)?\s*"
                     r"(?:the\s+|syria'?s\s+|a\s+|brutal\s+|bloody\s+)*(?:civil\s+)?"
                     r"(?:war|conflict|fighting|crisis|revolution|uprising|bloodshed|violence|hostilities)"
                     r"|^\s*-?\s*(?:years?|months?)(?:-long|-old)?\s+(?:civil\s+)?(?:war|conflict|uprising)"
                     # "14 years of a devastating conflict", "seven years of relentless conflict"
                     # "almost 40 months of ongoing conflict"
                     r"|^\s*-?\s*(?:years?|months?)\s+of\s+(?:the\s+|a\s+|syria'?s\s+)?(?:[a-z'-]+\s+){0,2}(?:civil\s+)?"
                     r"(?:war|conflict|fighting|crisis|revolution|uprising|bloodshed|hostilities)\b"
                     # "the six-year anniversary of the brutal Syrian conflict"
                     r"|^\s*-?\s*years?\s+anniversary\s+of\s+" + _WAR_NP +
                     # "it has been 10 years since the start of the Syrian uprisings"
                     r"|^\s*years?\s+since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+" + _WAR_NP +
                     r"|^\s*years?\s+(?:since|after)\s+" + _WAR_NP + r"\s+(?:began|started|erupted|broke out)"
                     # "nine years have passed since conflict exploded in Syria"
                     r"|^\s*years?\s+(?:have|has)\s+(?:now\s+)?(?:passed|elapsed|gone by)\s+since\s+(?:the\s+)?"
                     r"(?:(?:start|beginning|outbreak|onset)\s+of\s+)?" + _WAR_NP)
_DURATION_BEFORE = _c(r"(?:war|conflict|fighting|crisis|revolution|uprising)\b[^.;]{0,40}?"
                      r"(?:lasted|raged(?: on)?(?: for)?|is|has been going on for|persisted for|entered"
                      r"|entering|now|marks?|turns?|into|for|after)\s+$"
                      r"|\b(?:in|over|during|after) (?:the (?:last|past) )?$")
_YEARS_AGO = _c(r"^\s*years? ago\b")
_WAR_BEGAN = _c(r"(?:war|conflict|crisis|uprising|revolution)\b[^.;]{0,30}(?:began|started|erupted|ignited"
                r"|broke out)|\boutbreak\b")
_WAR_WORD = _c(r"\b(?:war|conflict|uprising|crisis|revolution|fighting)\b")
_ORDINAL_YEAR = _c(r"^\s*year\b")
_ANNIVERSARY = _c(r"^\s*anniversary\b")
_ANNIV_OF = _c(r"^\s*anniversary\s+of\s+" + _WAR_NP)
_WAR_POSS = _c(r"\b(?:war|conflict|uprising|revolution|crisis)'s\s*$")
#: "as the conflict marks its sixth anniversary": the war's own anniversary.
_WAR_MARKS = _c(r"\b(?:war|conflict|uprising|revolution|crisis)\b[^.;]{0,30}?\b(?:marks?|marking|marked"
                r"|enters?|entering|entered|reach(?:es|ed|ing)?|observes?|commemorates?"
                r"|approach(?:es|ed|ing)?|nears?|nearing)\s+(?:its|the)\s*$")
#: "Seven years after the start of the war", "seven years on from the uprising": the war's age.
_YEARS_AFTER_START = _c(r"^\s*-?\s*years?\s+(?:after|on from|on since)\s+(?:the\s+)?(?:start|beginning|outbreak"
                        r"|onset)\s+of\s+" + _WAR_NP + r"|^\s*-?\s*years?\s+on\s+from\s+" + _WAR_NP
                        # "six years since the uprising against Assad" (not "since the war ended")
                        + r"|^\s*-?\s*years?\s+since\s+" + _WAR_NP + r"(?!\s+(?:ended|was over|came to an end))"
                        r"|^\s*-?\s*years?\s+(?:since|after)\s+the\s+first\s+(?:anti-government\s+)?protests\b"
                        # "seven years after an Arab Spring-inspired uprising": the uprising began the war
                        r"|^\s*-?\s*years?\s+after\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?(?:uprising|revolution"
                        r"|(?:anti-government\s+)?protests)\b")
#: "the sixth anniversary of the start of the Syrian war".
_ANNIV_OF_START = _c(r"^\s*anniversary\s+of\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+" + _WAR_NP)
#: "Five years on, 250,000 people have been killed in Syria's war": at the head of a sentence
#: that names the war.
_YEARS_AFTER_IT = _c(r"^\s*-?\s*years?\s+(?:after|since)\s+it\s+(?:began|started|erupted|broke out)\b")
_YEARS_ON_HEAD = _c(r"^\s*-?\s*years?\s+on\s*,")
#: "More than three years later" is the war's age only when the war's start is the reference:
#: named just before in the same sentence or ending the sentence before.
_YEARS_LATER = _c(r"^\s*-?\s*years?\s+later\b")
#: "more than a decade after civil war erupted", "two decades of war": the war's age.
_DECADES = _c(r"(?<!\bhalf )\b(?:(" + "|".join(h for h, _ in V.HEDGES) + r")\s+)?(a|one|two)\s+decades?\b")
#: "the decade-long conflict": the war's age, ten years.
_DECADE_LONG = _c(r"\b(?:(" + "|".join(h for h, _ in V.HEDGES) + r")\s+)?(?:a\s+|the\s+)?decade-long\s+(?:[\w'-]+\s+){0,2}?"
                  r"(?:civil\s+)?(?:war|conflict|crisis|fighting)\b")
_DECADE_WAR = _c(r"^\s*(?:of|after|since|into|in)\s+" + _WAR_NP)
#: "The war is now more than a decade old": the war is the subject.
_WAR_OLD = _c(r"\b(?:war|conflict|uprising|revolution|crisis)\b[^.;,]{0,30}\b(?:is|was|has been)\s+(?:now\s+)?"
              r"(?:[\w'-]+\s+){0,3}$")
_ORDINAL_BEFORE = _c(r"(?:its|the war'?s|the conflict'?s)\s*$")
_PAST_YEAR_FLOW = _c(r"^[^.;]{0,70}?\b(?:in|over|during) the (?:past|last) (?:year|12 months|twelve months)\b")
_BOTH_GROUPS = _c(r"civilians and (?:combatants|fighters)|(?:combatants|fighters) and civilians"
                  r"|civilian and military|fighters and civilians")
#: A number that counts days, weeks, months or years (part of a date or a duration).
_TIME_UNIT_AFTER = _c(r"\s*-?\s*(?:days?|weeks?|months?|years?)\b")
_DIFFERENCE = _c(r"^\s*(?:people\s+)?(?:higher|lower|more|fewer|less)\s+than\b")
_OTHER = _c(V.OTHER_COUNTRIES)
_OTHER_NATIONALS = _c(V.OTHER_NATIONALS_AFTER)
_CHANGE = _c(V.CHANGE_BEFORE)
#: "a jump of 1.8 million people in the past year": a change over a named period is that period's flow.
_CHANGE_PERIOD = _c(r"^[^.;,]{0,25}?\b(?:in|over|during) (?:the (?:past|last) (?:year|12 months|twelve months)"
                    r"|(?:19|20)\d\d\b)")
_MULTIPLIER_AFTER = _c(r"\s*(?:as (?:many|much)|times|-fold|fold)\b")
_SYRIA = _c(r"\bsyria|\bsyrians?\b")
_PROGRAMME = _c(V.PROGRAMME_CUES)
_PROJECTION = _c(V.PROJECTION_CUES)
_SHORT = _c(V.SHORT_PERIOD_CUES)
_NON_WAR = _c(V.NON_WAR_CAUSES)
_DIRECT = _c(r"\bdirectly\b|violent deaths|direct deaths")
_INDIRECT = _c(r"indirect|lack of (?:health|medical) care|failing to receive|inadequate (?:health|medical)"
               r"|died from (?:disease|hunger)")
#: "250,000 lives last tallied by the U.N.", "the figure of 250,000 used by the United
#: Nations": the publisher named right after the number is the claim's.
_BY_PUBLISHER = _c(r"^[^.;:]{0,40}?\b(?:used|tallied|counted|cited|reported|recorded|documented"
                   r"|given|published|estimated|compiled|released|confirmed|registered|verified)"
                   r"\s+by\s+([^;:]{0,60})")
#: A completed event after the number: "it projects 470,000 Syrians have died" is an
#: estimate of the past, not a forecast.
_DONE_AFTER = _c(r"^\s*(?:\w+\s+){0,3}?(?:have|has|had)\s+(?:already\s+)?(?:died|been\s+killed"
                 r"|been\s+displaced|fled|perished)\b|^\s*(?:\w+\s+){0,3}?(?:were|was)\s+killed\b"
                 r"|^\s*(?:\w+\s+){0,3}?died\b")
_INCLUDING = _c(r"\b(?:including|of whom|among them|of them)\b[^.;]{0,20}$")
#: "... have (also) returned" after a count of refugees or displaced people: the count is of
#: returns ("1.8 million people who had been displaced inside the country had also returned").
_RETURNED_AFTER = _c(r"^(?:[^.;]|\.(?=\d)){0,110}?\b(?:ha(?:ve|s|d)|were)\s+(?:also\s+|now\s+|already\s+|since\s+)?"
                     r"(?:returned|gone back|come back|gone home|went home|headed (?:back )?home"
                     r"|made their way (?:back|home)|crossed back)\b")
#: Where a speaker is, not where the people counted are ("speaking in Damascus").
_SPEAKER_PLACE = _c(r"\b(?:speaking|visit(?:ing)?|trip|reporters|conference|arrived|based|"
                    r"headquartered|statement|interview|briefing)\s+(?:to|in|from|at)\s+(?:the\s+)?[\w'-]+")
#: A forecast after the count: "two million ... may return by the end of 2025".
_MODAL_AFTER = _c(r"^[^.;]{0,90}?\b(?:may|might|could|will|would|(?:is|are) expected to"
                  r"|(?:is|are) likely to)\s+(?:\w+\s+)?(?:return|reach|rise|climb|flee|go back"
                  r"|come back|be displaced|die|exceed|top|grow)\b")
_WAR_START_DATE = _c(r"\b(?:began|begun|started|erupted|broke out|ignited|sparked|flared(?: up)?)\s+"
                     r"in\s+(?:early\s+|late\s+|mid-?\s*)?(?:(?:" + _MONTH_ALT + r")\.?\s+)?2011\b")
_COUNTRIES_LIKE = _c(r"^\s*(?:\w+\s+){0,4}?(?:countries|nations|states)\s+(?:like|such as|including)\b")
_NOT_A_MEASURE = _c(V.NOT_A_MEASURE_AFTER)
_COMBINED_RETURNS = _c(V.COMBINED_RETURNS)
_BRINGING_TOTAL = _c(V.BRINGING_TOTAL)
_RETURN_VERB = _c(V.RETURN_VERB)
_NEWLY = _c(V.NEWLY_DISPLACED)
#: "pre-war population of 22 million" / "a country of about 6 million people": a population.
_POP_OF = _c(r"\bpopulation (?:of|was|stood at|at)\s*$|\b(?:a|the) (?:country|nation) of\s*$")
#: "Syria's 20 million, pre-war population": the count names the population after it.
_POP_AFTER = _c(r"^\s*,?\s*(?:pre-?war\s+|prewar\s+|total\s+|current\s+)?population\b")
#: People living in a place: "where up to 3 million Syrians live", "nearly 18 million people
#: still live in the war-torn country", "3 million people in Syria": the place's population.
_LIVE_AFTER = _c(r"^\s*(?:people|persons|syrians|civilians|residents|inhabitants)?\s*(?:who\s+)?(?:still\s+|now\s+"
                 r"|currently\s+)?(?:live|lives|living|reside|residing|remain(?:ing)? in)\b"
                 r"|^\s*(?:people|persons|inhabitants|residents)\s+(?:inside|in)\s+(?:syria|the country)"
                 r"(?:\s+(?:today|now|still|currently|at present|at the time))?\s*(?:[.,;]|$)")
#: A place that holds people: "Idlib, home to more than 3 million", "Idlib and surrounding areas
#: hold over four million civilians", "an area home to an estimated 4 million people".
_HOME_BEFORE = _c(r"\b(?:home to|hold(?:s|ing)?|house(?:s|d)?|inhabited by|populated by)\s*$")
_PLACE_WORD = _c(r"\b(?:province|governorate|region|area|areas|enclave|city|town|district|countryside"
                 r"|pocket|stronghold|bastion|territory|the country)\b")
_REFUGEE_WORD = _c(r"\brefugees?\b|\bdisplaced\b|\bidps?\b|\basylum\b|\bexile\b|\bfled\b")
#: A count of another country's people ("Turkey's 80 million people"): not a Syrian statistic.
_HOST_POSSESSIVE = _c(r"\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD"))
                      + r")'s\s+(?:\w+\s+)?$")
#: One camp named next to a count ("the Za'atari camp in Jordan - hosts more than 117,000
#: people", "home to nearly 80,000 refugees the zaatari camp"): the camp's population, which
#: no registry figure counts (area CAMP, judged not_checkable).
_CAMP = _c(r"\b(?:refugee |displacement |idp |tent |border )?camp\b(?!s|\s+(?:cluster|coordination|management))"
           r"|\bza'?atari\b|\bazraq\b|\bal-?hol\b"
           r"|\bal-?hawl\b|\brukban\b")
#: Displacement by one offensive or wave ("uprooted in a Syrian government offensive", "displaced
#: since the offensive began"): new displacement, not the stock of IDPs.
_OFFENSIVE = _c(r"\b(?:in|by|during|since|from|amid|due to|because of)\s+(?:an?|the|this|that|its|their)\s+"
                r"(?:[\w'-]+\s+){0,6}?(?:offensive|escalation|assault|onslaught|campaign|operation|incursion)\b"
                r"|\b(?:offensive|escalation|assault)\s+(?:began|started)\b"
                # "since the army and allied forces resumed bombardment last week": a wave's start
                r"|\bsince\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}?(?:resumed|launched|began|started|escalated|intensified"
                r"|stepped up)\s+(?:its\s+|their\s+|the\s+)?(?:[\w'-]+\s+){0,2}?(?:bombardment|bombing|shelling"
                r"|air ?strikes|offensive|assault|attacks?|operations?|fighting|hostilities|campaign)\b"
                r"|\bahead of (?:the )?(?:advancing|approaching)\b")
#: Syria's largest counts ever (persons): a count of refugees, IDPs or displaced people above
#: these is a worldwide total of all nationalities ("22.5 million refugees", "41 million displaced
#: within their countries", "70.8 million forcibly displaced"); Syrian refugees peaked near 6.9
#: million, IDPs near 7.6 million, all displaced near 13.5 million (registry).
#: A campaign's running toll, not one incident: "killed in the air strikes (since September 23)".
_CAMPAIGN = _c(r"\b(?:air ?strikes|strikes|raids|bombings|bombardments|attacks)\b[^.;]{0,40}\bsince\b"
               r"|\bsince\b[^.;]{0,40}\b(?:air ?strikes|raids|bombing campaign|campaign|intervention)\b")
#: The subject of a count said before it: "the number of Syrian children in need has doubled to".
_NUMBER_OF_GROUP = _c(r"\bnumber of ((?:\w+\s+){0,2}?(?:children|kids|women|civilians))\b[^.;]{0,80}$")
#: Syrians' asylum applications in Europe peaked near 363,000 a year (2015, registry): a yearly
#: count above this is of all nationalities.
_ASYLUM_YEAR_MAX = 500_000
#: A town or city named as where a count of refugees lives.
_TOWN = _c(r"\b(?:city|town|village|district|neighbou?rhood|municipality) of\b|\bin the (?:city|town|village)\b")
_DEATH_WORD = _c(r"\b(?:died|die|dying|killed|deaths?|dead|perished|executed|tortured to death|lives)\b")
#: A count's own noun of torture deaths ("11 individuals due to torture", "86 victims of
#: torture"): deaths in detention, though no word of death is said.
_TORTURE_NOUN = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:victims?|individuals?|persons?|people|civilians?|detainees|cases)\s+"
                   r"(?:of\s+(?:death\s+)?(?:due\s+to\s+)?|due\s+to\s+|under\s+)torture\b")
_GLOBAL_ABOVE = {"refugees": 10e6, "idps": 10e6, "displaced": 16e6}
_GLOBAL_MEASURE = {"refugees": "global_refugees", "idps": "global_idps", "displaced": "global_forcibly_displaced"}
#: "among the 528,592 people killed": the group words before it name the subset, not the total.
_AMONG = _c(r"\bamong\s+(?:the\s+|a total of\s+|some\s+)?$")
#: "in the span of three days", "over four days", "within two weeks": a short flow.
#: "Before the earthquake", "prior to the quakes": the cause named is not the number's.
#: The whole country named after a count: "across Syria", "nationwide".
_NATIONAL = _c(r"\b(?:across|throughout|in all of|all over) (?:syria|the country)\b|\bnationwide\b|\bcountrywide\b")
_BEFORE_CAUSE = _c(r"\b(?:before|prior to|even before)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:earthquakes?|quakes?"
                   r"|seismic events?|disaster|floods?|cholera outbreak|pandemic)\b")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-"})
# (missing persons are a stock: people still missing on a date, as the registry's
# missing_persons rows are typed)


@dataclass
class TextClaim:
    """One claim found in a text (offsets into the whole text)."""
    sentence_index: int
    sentence: str
    start: int
    end: int
    claim_text: str
    value: float
    kind: str
    measure: str
    comparator: str
    period_type: str
    period_start: str
    as_of: str
    area: str
    host: str
    group: str
    attribution: str
    #: a part of the host the registry has no figure for ("from Jordan and Lebanon": two of
    #: the five neighbouring hosts); the checker calls such a claim not_checkable
    subarea: str = ""
    #: who killed the dead a death toll counts (registry perpetrator codes; "all" when the
    #: text names no one; empty for other measures) (H21t)
    perpetrator: str = ""


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


#: Answers of :func:`_first` for the module's own pattern lists, by (list, text): a sentence's
#: places, groups and hosts are asked for once per number in it (cleared at each sentence, and
#: when full).
_FIRST_CACHE: dict[tuple[int, str], str] = {}
_FIRST_CACHE_MAX: int = 8192


def _first(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    """The code of the pattern that matches earliest in *text* ('' if none)."""
    own = patterns is _AREAS or patterns is _GROUPS or patterns is _HOSTS  # module constants only
    if own:
        hit = _FIRST_CACHE.get((id(patterns), text))
        if hit is not None:
            return hit
    best: tuple[int, str] | None = None
    for rx, code in patterns:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    found = best[1] if best else ""
    if own:
        if len(_FIRST_CACHE) >= _FIRST_CACHE_MAX:
            _FIRST_CACHE.clear()
        _FIRST_CACHE[(id(patterns), text)] = found
    return found


def _governorate_in(words: str) -> str:
    """The governorate (an ISO 3166-2 code, "SY-..") first named in *words*, else "" (H22f)."""
    a = _first(_AREAS, words)
    return a if a.startswith("SY-") else ""


def _priority(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    for rx, code in patterns:
        if rx.search(text):
            return code
    return ""


@functools.lru_cache(maxsize=256)
def _cue_matches(patterns: tuple[tuple[re.Pattern[str], str], ...],
                 text: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, rank, code) of every cue in *text*: found once per clause, not once per
    number in it (a clause of many numbers was read again for each: quadratic)."""
    return tuple((m.start(), m.end(), rank, code) for rank, (rx, code) in enumerate(patterns)
                 for m in rx.finditer(text))


def _nearest(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str, at: int) -> str:
    """The code of the cue nearest to position *at* of *text* (characters between them;
    ties go to the earlier pattern)."""
    best: tuple[int, int, str] | None = None
    for start, end, rank, code in _cue_matches(patterns, text):
        d = start - at if start >= at else at - end
        if best is None or (d, rank) < (best[0], best[1]):
            best = (d, rank, code)
    return best[2] if best else ""


def _hedge(before: str, after: str) -> tuple[str, int]:
    """(comparator, characters of hedge text before the number) for one number."""
    for rx, comp in _HEDGE_BEFORE:
        m = rx.search(before)
        if m:
            return comp, len(before) - m.start(1)
    for rx, comp in _HEDGE_AFTER:
        if rx.search(after):
            return comp, 0
    return "about", 0


def _forward(s: str, num: Number, nxt: Number | None) -> str:
    end = nxt.start if nxt is not None else len(s)
    seg = s[num.end:min(end, num.end + 90)]
    m = _STOP.search(seg)
    return seg[:m.start()] if m else seg


_APPOSITIVE = _c(r"^\s*(?:[\w'-]+\s+){0,2}?-\s[^;]{3,80}?\s-\s")


def _after_appositive(after: str) -> str:
    """The words after a dash-delimited aside that follows a number ("almost 11 million Syrians
    - half the country's prewar population - have been displaced"), up to the next clause
    break; empty if there is no aside."""
    m = _APPOSITIVE.match(after)
    if not m:
        return ""
    rest = after[m.end():m.end() + 90]
    stop = _STOP.search(rest)
    return rest[:stop.start()] if stop else rest


def _backward(s: str, num: Number, prev: Number | None) -> str:
    start = prev.end if prev is not None else 0
    return s[max(start, num.start - 100):num.start]


def _measure(kind: str, group: str, host: str, window: str) -> str:
    """Measure name (registry vocabulary, legacy names where dimensions are missing)."""
    if kind == "deaths":
        if group in ("civilians", "children", "women"):
            return "deaths_civilian"
        if group in ("combatants", "government_forces", "armed_opposition", "foreign_fighters"):
            return "deaths_combatant"
        return "deaths_total"
    if kind == "detention":
        return "deaths_in_detention"
    if kind == "injured":
        return "injured"
    if kind == "missing":
        return "missing_persons"
    if kind == "people_in_need":
        return "people_in_need"
    if kind == "population":
        return "population"
    if kind == "idps":
        return "idps"
    if kind == "displaced":
        return "displaced_total"
    if kind == "asylum":
        return "asylum_applications_europe_cumulative"
    if kind == "returns":
        if re.search(r"internally displaced|\bidps?\b|their homes|areas of origin|villages|"
                     r"home areas|within syria", window, _FLAGS) and not re.search(
                         r"refugee|from abroad|from (?:turkey|lebanon|jordan|iraq|egypt)", window,
                         _FLAGS):
            return "idp_returns"
        return "refugee_returns"
    if kind == "refugees":
        if host == "WORLD":
            return "refugees_worldwide"
        if host and host != "REGION":
            return "refugees_registered_by_host"
        return "refugees_registered"
    return ""


_SHARE_MEASURE = {"displaced": "displaced_share", "refugees": "refugees_share",
                  "idps": "idps_share"}
_HOST_COUNTRY = _c(r"\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD")) + r")")
_GENERIC_DENOM = _c(r"^\s*(?:of\s+)?(?:the|its)\s+(?:population|country)\b")


def _last(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    """The code of the match nearest the end of *text* (for words before a number)."""
    best: tuple[int, str] | None = None
    for rx, code in patterns:
        for m in rx.finditer(text):
            if best is None or m.end() > best[0]:
                best = (m.end(), code)
    return best[1] if best else ""


def _duration(num: Number, s: str, before: str, after: str, comp: str,
              hedge_len: int, war_began: bool = False) -> tuple[float, str, int] | None:
    """(years, comparator, end offset) if *num* states the war's age, else None."""
    low = s.lower()
    if num.kind == "ordinal":
        m = _ANNIVERSARY.match(after)
        if m and (_ANNIV_OF.match(after) or _WAR_POSS.search(before) or _WAR_MARKS.search(before)
                  or _ANNIV_OF_START.match(after)):
            return num.value, comp, num.end + m.end()  # "the conflict's ninth anniversary"
        if _ORDINAL_YEAR.search(after) and _ORDINAL_BEFORE.search(before):
            m = _ORDINAL_YEAR.search(after)
            return num.value - 1, "at_least", num.end + (m.end() if m else 0)
        return None
    if num.kind != "count" or num.value >= 100:
        return None
    unit = re.match(r"^\s*-?\s*(years?|months?)(?:-long|-old)?", after, _FLAGS)
    if not unit:
        return None
    months = unit.group(1).lower().startswith("month")
    bare = before[:len(before) - hedge_len] if hedge_len else before
    ok = bool(_DURATION_AFTER.search(after)) and not re.search(r"\b(?:first|next|coming)\s+$", bare,
                                                                _FLAGS)
    if not ok and not months and (_YEARS_AFTER_START.search(after) or (
            _YEARS_LATER.search(after) and (war_began or _WAR_BEGAN.search(bare)))
            or ((_YEARS_ON_HEAD.search(after) or _YEARS_AFTER_IT.search(after)) and not bare.strip()
                and _WAR_WORD.search(low))):
        ok = True
    if not ok and not months and re.search(r"\b(?:in|during|over) the (?:last|past)\s+$", bare, _FLAGS) \
            and re.search(r"\b(?:died|killed|dead|deaths|lives)\b", low):
        ok = True
    if not ok and not months:
        ok = bool(_YEARS_AGO.search(after) and _WAR_BEGAN.search(low))
        if not ok and _DURATION_BEFORE.search(bare) and _WAR_WORD.search(low) \
                and not re.search(r"\b(?:first|next|coming)\s+$", bare, _FLAGS) \
                and not _YEARS_AGO.search(after):
            ok = True
    if not ok:
        return None
    value = num.value / 12 if months else num.value
    # 'almost / nearly N years' says the age is below N: a ceiling
    hedge = before[len(bare):].lower().strip()
    if comp == "about" and re.match(r"nearly|almost|just under", hedge):
        comp = "at_most"
    return round(value, 4), comp, num.end + unit.end()


@dataclass
class Context:
    """What earlier sentences of the same text say, for references back to them: the
    country of asylum named last (for "the country was host to ...") and the kind of the
    last claim ("Among them are 115,000 civilians" after a death toll)."""
    host: str = ""
    kind: str = ""
    war_began: bool = False  # the sentence before ends naming the war's start ("... began in 2011.")
    toll: TextClaim | None = None  # the first death toll of the last sentence that gave one
    breakdown: bool = False  # the sentences before announce a breakdown ("..., as follows:") or are its lines
    episode_text: str = ""  # the last sentence naming the day an episode began ("The operation, launched on January 20")
    disaster: bool = False  # the sentences before tell of an earthquake's or an epidemic's dead (H21t)
    span_text: str = ""  # the last sentence naming a span of dates ("The report covers 1 April to 30 June 2019") (H21t)
    episode_area: str = ""  # the governorate of the last episode named ("Fighting erupted in Daraa province on 3 March") (H21t)
    wave: TextClaim | None = None  # the last new displacement of the sentence before (H21d)
    refugee_host: str = ""  # the host of the last refugee count of the sentence before (H22f)
    earlier: str = ""  # the last sentences' text, up to 600 characters (H22t: "from 8 December 2024 ...")


#: "the country was host to", "the kingdom hosts", "hosted there": the host country is the
#: one named in an earlier sentence.
_HOST_REFERENCE = _c(r"\b(?:the|this|that) (?:country|kingdom|nation)\s+(?:(?:was|is|has been|had been"
                     r"|now|still)\s+)*(?:host(?:s|ing|ed)?|home)\b|\b(?:hosted|registered|living) there\b")
#: A sentence that continues the previous one's count: "Among them are ...", "Of those, ...".
_CONTINUES = _c(r"^\W*(?:among (?:them|those|the dead|the victims)|of (?:them|those|these)"
                r"|those killed|the dead|the victims|they) ")


#: A clause with a subject of its own after a count ("... and the figure could reach"):
#: a modal there is not the count's.
_NEW_SUBJECT = _c(r",|\bbut\b|\b(?:and|while|whereas)\s+(?=(?:the|this|that|its|their|it|they)\s)")
#: The words after a count reach the next count through "and": the verb after the list is
#: every item's ("500,000 refugees and 1.2 million IDPs have returned").
_AND_NEXT = _c(r"^[^.;,]{0,50}\band\s+(?:\w+\s+){0,2}$")
#: "6.8 million inside the country", "... within Syria": the displaced are inside.
_INSIDE_AFTER = _c(r"^\s*(?:people\s+|syrians\s+|persons\s+)?(?:inside|within|in)\s+(?:syria|the country)\b")
#: The words back to the previous count, up to its list joint (dropped: that count's noun).
_JOINT_TAIL = _c(r"^[^,;]*?(?:,|;|\band\b)")
#: A count's own verb of being uprooted (an event, not a level): "were displaced", "have fled".
_DISPLACED_EVENT = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:were|have been|had been|was|has been)\s+(?:\w+\s+)?"
                      r"(?:displaced|uprooted|forced|driven|evacuated)\b"
                      r"|^\s*(?:[\w'-]+\s+){0,3}?(?:fled|have fled|had fled)\b")
#: A place's possessive right before a count ("Idlib's", "the enclave's").
_PLACE_POSS = _c(r"[\w-]+'s\s*$")
#: A sentence that opens on a count the rest divides: "Of the 2 million who have returned, ...".
_OF_THE_HEAD = _c(r"^\W*of (?:the|those|these|some)\s+(?:[\w'-]+\s+){0,2}?[\d.,]+\s*(?:million\s+|thousand\s+)?"
                  r"(?:[\w'-]+\s+){0,3}?(?:who|that|which)\b")
#: The groups that name one side of the fighting (more specific than "combatants").
_SIDES = frozenset(V.SIDE_WORDS)
#: Where a part came from ("from abroad", "from Lebanon"): its host, not its measure.
_FROM_HOST = _c(r"\bfrom\s+(?:the\s+)?(?:" + "|".join(p for p, _ in V.HOSTS) + r")")
#: "500,000 of them from abroad", "6,000 of whom were civilians": a part of the count before.
_PARTITIVE = _c(r"^\s*(?:of (?:them|whom|those|these))\b")
#: "Civilians: 115627", "Fighters from Hezbollah: 971": a labelled line of a breakdown.
_LABEL = _c(r"(?:^|[.;]\s*)[\w\s'()-]{2,60}:\s*$")
#: A verb of loss right before a count: the clause's subject is whose dead it counts ("ISIS
#: and its affiliates sustained 16,212 casualties").
_LOSS_BEFORE = _c(r"\b(?:sustained|suffered|lost|took|incurred)\s+(?:\w+\s+)?$")
#: The words that join items of a coordinated list: a comma, "and", "or", "including", a
#: bracket; the words after the last joint must name no measure of their own.
_LIST_JOINT = _c(r",\s*(?:and\s+|or\s+|while\s+|whereas\s+)?|\s(?:and|or|as well as)\s|\bincluding:?\s*"
                 r"|\bamong them\s*|\(\s*")
#: A date or period named in a list item's own words (it then keeps its own period).
_OWN_DATE = _c(r"\b(?:19|20)\d\d\b|\bsince\b|\b(?:last|this|next) (?:year|month)\b|\b(?:"
               + _MONTH_ALT + r")\b|\bago\b|\bpre-?war\b|\bbefore\b|\bafter\b|\bnow\b|\btoday\b|\bcurrently\b"
               r"|\bearlier\b|\bprevious|\b(?:years?|months?|weeks?|days?)\b")
#: Words that compare two counts ("up from", "compared with"): the second is no list item.
_COMPARED = _c(r"\b(?:up|down) from\b|\bcompared (?:with|to)\b|\bthan\b|\bversus\b|\bvs\.?\b|\bfrom\s*$")


def _head(fwd: str) -> str:
    """The number's head: up to three words right after it ("refugees have returned")."""
    m = re.match(r"\s*(?:-\s*)?(?:[\w'-]+\s+){0,2}[\w'-]+", fwd)
    return m.group(0) if m else ""


def _list_lead(s: str, num: Number, prev: Number | None, hedge_len: int,
               out: list[TextClaim], offset: int) -> TextClaim | None:
    """The claim of the previous number when *num* is the next item of a coordinated list
    after it ("120,000 civilians, 25,000 children and 15,000 women"; "300,000 from Turkey,
    200,000 from Lebanon"; "8,819 soldiers were killed in 2015, and more than 7,000
    militiamen"), else None. The words after the last joint between the two must name no
    measure of their own ("killed 500,000 people and displaced 12 million" is no list)."""
    if prev is None or not out or out[-1].end - offset != prev.end or prev.kind != "count":
        return None
    between = s[prev.end:num.start - hedge_len]
    if len(between) > 90 or ";" in between or _COMPARED.search(between):
        return None
    joints = list(_LIST_JOINT.finditer(between))
    if not joints:
        return None
    tail = between[joints[-1].end():]
    if _priority(_CUES, tail) or _priority(_FALLBACK, tail) or len(tail.split()) > 4 \
            or re.search(r"\b(?:that|which|who|whom|said|says|say)\b", tail, _FLAGS):
        return None
    return out[-1]


def _without_dateline(s: str) -> str:
    """*s* with a dateline at its head blanked ("BEIRUT (Reuters) -", "AMMAN, Jordan -",
    "ERBIL (Kurdistan24) -"): a dateline says where the reporter files from, never where
    the people counted are or which country hosts them. Same length: offsets stay valid."""
    m = V.DATELINE_RE.match(s)
    return " " * m.end() + s[m.end():] if m else s


#: A word an editor put in brackets inside a quotation ("15,000 people (are) fleeing",
#: "[were] displaced"): read as part of the sentence.
_EDITORIAL = re.compile(r"[(\[]((?:are|is|was|were|have|has|had|been|being|the|they|who))[)\]]")


def _claims_in_sentence(si: int, sent_text: str, offset: int,
                        published: pd.Timestamp, ctx: Context | None = None) -> list[TextClaim]:
    _FIRST_CACHE.clear()  # (answers are reused within one sentence's numbers only)
    raw = sent_text
    s = _without_dateline(sent_text.translate(_QUOTES))  # same length: offsets stay valid
    s = _EDITORIAL.sub(lambda m: " " + m.group(1) + " ", s)  # "people (are) fleeing": same length
    low = s.lower()
    nums = find_numbers(s)
    models = [(m.start(), m.end()) for m in V.MODEL_RE.finditer(s)]
    framed = bool(_ATTR_FRAME.search(s))
    sentence_off = bool(_OTHER.search(s)) and not _SYRIA.search(s)
    non_war = bool(_NON_WAR.search(s))
    # "In Syria alone the toll has passed 3,000" after the earthquake's story: the disaster's dead
    carried_disaster = not non_war and ctx is not None and ctx.disaster and not _WAR_OWN.search(s)
    out: list[TextClaim] = []
    chain = False  # inside "including X ... and Y" after a count of returns
    combined_end = -1  # end of a count of returns skipped as refugees and IDPs together
    proj = _projections_past_years(s, nums, _projections(s, nums))
    incl_kind, incl_end = "", -1  # the last count claim's kind and end (for "including N ... and M")
    combined_group = ""  # the group of a count of the dead and the wounded together (H21t)
    first_count = next((n for n in nums if n.kind == "count"), None)
    for k, num in enumerate(nums):
        prev = nums[k - 1] if k > 0 else None
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        before, after = s[:num.start], s[num.end:]
        if any(a <= num.start < b for a, b in models) or sentence_off:
            continue
        if num.start > 0 and s[num.start - 1].isalpha() and s[num.start].isdigit():
            continue  # part of a name ("Kurdistan24", "G20")
        comp, hedge_len = _hedge(before, after)
        if not hedge_len and comp == "about":
            comp = _list_hedge(s, nums, k) or comp
        comp = _range_hedge(s, nums, k) or comp  # "about 21-22 million": a floor and a ceiling
        start = num.start - hedge_len
        # the publisher named nearest before the number ("lower than an estimate from the
        # Syrian Observatory, which put the toll at 606,000"), else the first after it
        by = _BY_PUBLISHER.match(after)
        attribution = _first(_ATTR, by.group(1)) if by else ""
        if not attribution and framed:
            attribution = _last(_ATTR, before) or _first(_ATTR, after)
        # ---- the war's age
        dur = _age_completed(num, before, after) or _duration(
            num, s, before, after, comp, hedge_len, war_began=ctx is not None and ctx.war_began) \
            or _age_other_words(num, s, before, after, comp, hedge_len, published) \
            or _years_have_passed(num, s, after, comp, published)
        if dur is not None:
            years, dcomp, end = dur
            out.append(TextClaim(si, raw, offset + start, offset + end, raw[start:end], float(years),
                                 "duration", "war_duration_years", dcomp, "stock",
                                 _day(published), _day(published), "SYR", "", "", attribution))
            continue
        if non_war and num.kind != "count":
            continue
        fwd, back = _forward(s, num, nxt), _backward(s, num, prev)
        # the words that belong to this number alone, for its period: its clause after it
        # (up to the next count or share) and the words back to the previous count or share
        # (years and days in between are part of its date, not other claims)
        others = [n for n in nums if n.kind in ("count", "share")
                  and not _TIME_UNIT_AFTER.match(s, n.end)  # "two months ago" is a date
                  and not _HALF_OF_YEAR.match(s, n.end)]  # "the first half of 2025" too
        p_own = max((n.end for n in others if n.end <= num.start), default=0)
        n_own = min((n.start for n in others if n.start >= num.end), default=len(s))
        fwd_own = _forward(s, num, Number(n_own, n_own, 0, "count", ""))
        back_own = s[max(p_own, num.start - 150):num.start]
        # the words around the number, but not past the next count: a period after that is
        # the other number's ("120,000, up from 110,000 two months ago")
        n_count = min((n.start for n in others if n.start >= num.end and n.kind == "count"),
                      default=len(s))
        # "the war, ignited in March 2011, ...": the war's start is no claim's period
        sm = _blank_asides(_WAR_START_DATE.sub(_blank, s), num)
        back_own = sm[max(p_own, num.start - 150):num.start]  # (not a relative clause's date)
        # not across a semicolon: "... in March were in need; now 2.5 million are": another clause's date
        c_lo, c_hi = _clause_bounds(sm, num)
        p_local = sm[max(c_lo, num.start - 120):min(num.end + 120, n_count, c_hi)]
        local = sm[max(c_lo, num.start - 120):min(num.end + 120, c_hi)]
        pred = s[num.end:n_count] if n_count > num.end else after
        if re.search(r"^[^.;,]{0,50}\band\s+(?:\w+\s+){0,2}$", pred):
            pred = after  # "1.5 million from abroad and two million IDPs may return"
        # (not past a clause with a subject of its own: "850,000 have returned and the figure
        # could reach 1 million")
        if _MODAL_AFTER.search(_NEW_SUBJECT.split(pred, maxsplit=1)[0]):
            continue
        if proj[k] and not _DONE_AFTER.search(after[:60]) and not (
                _ESTIMATE_NOW.search(before[-90:]) and not _FUTURE_AFTER.match(after[:80])):
            continue
        if _DIFF_BEFORE.search(before[:len(before) - hedge_len]):
            continue  # "the real number is higher by at least 50,000": a difference, no count (H21t)
        gwin = s[num.end:nxt.start if nxt is not None else len(s)][:80]
        gwin_long = s[num.end:n_count][:130] if n_count > num.end else gwin
        short = bool(_SHORT.search(back[-40:] + " " + gwin + " " + gwin_long)) and not _SINCE_FALL.search(low)
        short = short and not _short_in_aside(s, num)  # "(seven children are killed every day)"
        if short and _ONE_MONTH.search(_own_clause(gwin_long)) and _DEATH_WORD.search(s) and not _SHORT.search(
                _ONE_MONTH.sub(" ", back[-40:] + " " + gwin + " " + gwin_long)):
            short = False  # "forces killed more than 1,200 citizens during a month": a month's toll
        # an episode's or a campaign's toll over days or weeks is a war statistic (H21t)
        episode = _episode_span(s, num, published, _episode_start(ctx.episode_text, published)
                                if ctx is not None and ctx.episode_text else None) \
            if num.kind == "count" and (_SYRIA.search(s) or _first(_AREAS, s) or (ctx is not None and (
                ctx.episode_text or ctx.toll is not None))) else None
        if episode is not None:
            short = False
        if short and _MONTHLY_NOUN.search(s) and not _SHORT.search(
                _MONTHLY_NOUN.sub(" ", back[-40:] + " " + gwin + " " + gwin_long)):
            short = False  # "the highest monthly total this year": a month's toll, no rate (H21t)
        if short and num.kind != "count":
            continue
        if _MULTIPLIER_AFTER.match(after):
            continue  # "half as many", "four times more": a ratio, not a count or a share
        # ---- shares of the population
        if num.kind == "share":
            rest = after
            denom = _POP_DENOM.search(rest)
            if denom:
                if _GENERIC_DENOM.search(rest) and _HOST_COUNTRY.search(before):
                    continue  # "10% of the population" of a host country
                kind = (_first(_CUES_NO_POP, _forward(s, Number(num.start, num.end + denom.end(), 0,
                                                                 "share", ""), nxt))
                        or _last(_CUES_NO_POP, before[-40:]) or _first(_CUES_NO_POP, rest[:120]))
            elif re.search(V.POPULATION_WORDS, before[-150:], _FLAGS):
                kind = _first(_CUES_NO_POP, fwd)
            else:
                continue
            measure = _SHARE_MEASURE.get(kind, "")
            if measure in ("idps_share", "refugees_share") and _BOTH_KINDS.search(before[-160:]):
                measure = "displaced_share"  # "the refugees and the 4.5 million internally displaced mean one-third"
            if not measure or _PROGRAMME.search(fwd) or _host_syrians_denominator(rest):
                continue
            ptype, pstart, as_of = _period(s, p_local, "share", published, own=(fwd_own, back_own))
            if ptype == "flow":
                ptype, pstart = "stock", as_of
            out.append(TextClaim(si, raw, offset + start, offset + num.end, raw[start:num.end],
                                 num.value, "share", measure, comp, ptype, _day(pstart), _day(as_of),
                                 "SYR", _share_host(measure, rest), "", attribution))
            continue
        if num.kind != "count":
            continue
        # ---- counts of people
        if _NON_PEOPLE.search(after) or _MONEY.search(before[-6:].lower()) or _AGE.search(before) \
                or _DIFFERENCE.search(after):
            continue
        if _OTHER_NATIONALS.search(after[:80]) or (_CHANGE.search(before[:len(before) - hedge_len])
                                                    and not _CHANGE_PERIOD.search(after[:60])):
            continue  # another country's refugees; a change, not a level (unless it is a period's flow)
        if re.match(r"^\s*-?\s*(?:year|month|day|week)s?[- ]old", after, _FLAGS):
            continue
        back60 = _tail(back, 60)
        # a list after a lead phrase ("the toll includes X civilians, Y children and Z
        # women", "X returned from Turkey, Y from Lebanon"): the lead claim this item is
        # coordinated with gives the kind (and below the period and host) the item's own
        # words do not name
        lead = _list_lead(s, num, prev, hedge_len, out, offset) or _breakdown_item(s, num, prev, out, offset) \
            or _place_list_item(s, num, prev, out, offset)
        kind = _priority(_CUES, fwd) or _priority(_CUES, _after_appositive(after)) \
            or _priority(_CUES, _main_verb_after_aside("", after)[:80]) \
            or (lead.kind if lead is not None else "") \
            or _priority(_CUES, back60) or _priority(_FALLBACK, fwd) or _priority(_FALLBACK, back60)
        if _PARTITIVE.match(after) and out and out[-1].end - offset <= num.start \
                and not _priority(_CUES, _FROM_HOST.sub(" ", after[_PARTITIVE.match(after).end():][:60])) \
                and out[-1].kind not in ("duration", "share"):
            kind = out[-1].kind  # "More than 1.5 million have returned, 500,000 of them from abroad"
        if kind == "missing" and _DEATH_WORD.search(fwd + " " + re.split(r",\s|\sand\s", back60)[-1]):
            kind = "detention"  # "11,000 detainees were tortured to death": deaths in detention
        labelled = False
        if not kind and _LABEL.search(before) and ctx is not None and ctx.kind:
            kind, labelled = ctx.kind, True  # "Civilians: 115627" in a breakdown of the toll just given
        denominator = prev is not None and prev.kind == "share" and re.fullmatch(
            r"\s+of\s+(?:the|its|syria'?s)\s+(?:[\w-]+\s+)?", s[prev.end:num.start], _FLAGS) is not None
        if denominator and kind == "returns":
            # "A quarter of the 6 million Syrians who fled the country ... have returned": the
            # main verb is the share's; the count is what its own relative clause says
            kind = _priority([c for c in _CUES if c[1] != "returns"], fwd) or kind
        if kind == "displaced" and _priority(_CUES, _own_clause(s[num.end:n_own])[:120]) == "idps":
            kind = "idps"  # "6.5 million people who have fled their homes and are displaced inside Syria"
        elif kind == "displaced" and _INSIDE_AFTER.match(s[num.end:n_own]):
            kind = "idps"  # "displaced 6.8 million inside the country"
        elif kind == "idps" and _priority(_CUES[:2], _own_clause(s[num.end:n_own])[:120]) == "displaced":
            kind = "displaced"  # "displaced inside and outside the country": both together
        if not kind:
            kind = _dash_aside_kind(before, after)  # "800,000 people - including 480,000 children - fled"
        kind = _uprooting_verb_kind(kind, before[:len(before) - hedge_len], after)
        bare = before[:len(before) - hedge_len]
        place_pop = False  # the population of a place inside Syria
        if kind in ("", "refugees", "people_in_need", "displaced") and not _REFUGEE_WORD.search(fwd) and (
                (_LIVE_AFTER.search(after) and not _HOST_COUNTRY.search(fwd + " " + back[-60:]))
                or (_HOME_BEFORE.search(bare) and not _REFUGEE_WORD.search(back[-40:])
                    and (_first(_AREAS, before[-120:]) or _PLACE_WORD.search(before[-120:]))
                    and not _HOST_COUNTRY.search(before[-120:]))):
            kind, place_pop = "population", True  # people living in a Syrian place, not refugees
        if _PLACE_POSS.search(bare) and re.match(r"\s*(?:people|residents|inhabitants|population)\b", after, _FLAGS) \
                and (_first(_AREAS, bare[-40:]) or _PLACE_WORD.search(bare[-40:])):
            kind, place_pop = "population", True  # "Of Idlib's 3 million people", "the province's 3 million residents"
        if not kind:
            lo, hi = _clause_bounds(s, num)  # not across a semicolon
            kind = _nearest(_CUES_NO_POP, s[lo:hi], num.start - lo) or _nearest(_CUES, s[lo:hi],
                                                                                num.start - lo)
            if not kind and ctx is not None and ctx.kind and (_CONTINUES.search(s) or _OF_THESE.match(s)):
                kind = ctx.kind  # "Among them are more than 115,000 civilians"
            if not kind:
                kind = _refugees_in_other_words(s, num, out, ctx)  # "Jordan, 142,664", "three million live there"
            if not kind and _part_of_toll(s, num, first_count, ctx) and not _NOT_DEATHS.match(s[num.end:]):
                kind = "deaths"  # "That figure includes 31,174 soldiers" after a death toll
            if not kind:
                continue
        if short and not (kind in ("displaced", "idps") and _DISPLACED_EVENT.match(after)
                          and _OFFENSIVE.search(_own_clause(s[num.end:n_own])[:160])) \
                and not (kind in ("displaced", "idps") and _uprooted(s, num, n_own, bare)) \
                and not wounded.recent_toll(s, kind, num.start):  # (the last few days' running toll, H22t)
            # a week's or a day's figure is no war statistic, except the people uprooted by a
            # wave of fighting ("30,000 have fled since the army resumed bombardment last week")
            continue
        bare = before[:len(before) - hedge_len]
        if _HOST_POSSESSIVE.search(bare) and re.match(r"\s*(?:people|inhabitants|citizens|population)\b", after, _FLAGS):
            continue  # "Turkey's 80 million people": a host country's population
        if _POP_AFTER.search(after):
            kind = "population"  # "Syria's 20 million, pre-war population"
        kind = _kind_override(kind, bare, s[num.end:n_own])
        kind = _hosted_refugees(kind, s[_clause_bounds(s, num)[0]:num.start], s[num.end:num.end + 80])
        if kind == "refugees" and _CROSSED.match(after) and num.value < _CROSSING_MAX \
                and not _SINCE_ANY.search(_own_clause(after)):
            continue  # "after 3,000 crossed the border": a day's or a week's arrivals, not a level
        kind = _displacement_kind(kind, s, num, n_own)
        if not _priority(_CUES, fwd) and incl_kind and incl_end == p_own \
                and _INCLUDING_LIST.match(s[p_own:num.start]):
            kind = incl_kind  # "1,264 civilians ..., including 242 children and 118 women"
        if not kind or _NOT_A_MEASURE.search(after[:80]) or _NOT_A_MEASURE.search(" " + _main_verb_after_aside("", after)[:80]) or (
                _COMBINED_RETURNS.search(after[:80]) and _RETURN_VERB_ANY.search(after[:120])) \
                or (non_war and kind not in ("refugees", "returns") and not (
                    kind in ("people_in_need", "population")
                    and not _NON_WAR.search(_BEFORE_CAUSE.sub(_blank, back[-40:] + " " + _own_clause(after))))):
            # victims of an earthquake or an epidemic are not war statistics; the needs or the
            # population of a place named beside such a cause still are ("before the
            # earthquake, 4 million people in the north-west needed aid")
            continue
        if kind != "deaths" and _PROGRAMME.search(_own_clause(after)[:150]):
            continue  # "9.5 million Syrians (44% of the population) were severely food insecure"
        incl_tail = re.search(r",\s*including\b((?:[^.;]|\.(?=\d)){0,140})", after[:200], _FLAGS)
        if kind == "returns" and not _INCL_OPEN.search(before) and incl_tail and _BOTH_KINDS.search(incl_tail.group(1)):
            combined_end = num.end
            continue  # "3 million have returned, including 1.2 million refugees and 1.9 million IDPs": both together
        if kind == "returns" and (_COMBINED_RETURNS.search(after[:80]) or (
                _BRINGING_TOTAL.search(back[-60:]) and re.search(r"internally displaced|\bidps?\b",
                                                                  before, _FLAGS))):
            continue  # refugee and IDP returns added together: no single measure
        if kind == "deaths" and _HOME_BEFORE.search(bare) and not _DEATH_WORD.search(fwd[:40]):
            kind = "population"  # "the camp, which holds some 40,000 people, saw killings": its people (H21t)
        if kind == "detention" and not _DEATH_WORD.search(fwd + " " + re.split(r",\s|\sand\s", back60)[-1]) \
                and not _TORTURE_NOUN.match(fwd) and not breakdowns.torture_item(s, num.start, num.end):  # (H22t)
            continue  # "around 100,000 are still in jail": people detained, not deaths in detention
        if kind == "asylum" and not re.search(r"\beurope|\beu\b", low) and not _INDUSTRIALISED.search(low):
            continue
        if kind == "asylum" and _asylum_of_all(s, num, n_own):
            continue
        if kind != "deaths" and _PROGRAMME.search(fwd + " " + back[-40:]):
            continue
        if _OTHER.search(back[-30:] + " " + fwd) and not (
                kind in ("refugees", "returns") and not re.search(r"afghan|palestin|iraqis", fwd + back[-30:],
                                                                 _FLAGS)):
            continue
        own_pred = s[num.end:n_count] if n_count > num.end else after
        if _AND_NEXT.search(own_pred):
            own_pred = after  # "500,000 refugees and 1.2 million IDPs have returned": the verb after the list
        returned = kind in ("refugees", "idps", "displaced") and not denominator and _RETURNED_AFTER.search(own_pred)
        main = _main_verb_after_aside(before, after)
        if not returned and main and kind in ("refugees", "idps", "displaced") and _RETURNED_AFTER.search(main):
            # "More than one million people, including 800,000 internally displaced individuals
            # and 280,000 refugees, have returned": the verb after the aside is every count's
            returned = True
        if main and not _INCL_OPEN.search(before) and _RETURN_VERB_ANY.search(main[:60]) \
                and _BOTH_KINDS.search(after[:len(after) - len(main)]):
            continue  # the head count adds refugees and IDPs together: no single measure
        # "1.2 million have returned, including 885,000 IDPs and 302,000 refugees": the parts
        # of a count of returns are returns
        between = s[p_own:num.start]
        if kind in ("refugees", "idps", "displaced") and (
                (out and out[-1].kind == "returns" and out[-1].end - offset <= num.start)
                or 0 <= combined_end <= num.start) and (
                    _INCLUDING.search(between) or (chain and re.fullmatch(
                        r"[\w\s()'-]{0,60}?(?:,\s*|\s)and\s+|[\w\s()'-]{0,60}?,\s*", between))):
            returned, chain = True, True
        else:
            chain = False
        if kind in ("refugees", "idps", "displaced") and out and out[0].kind == "returns" \
                and _OF_THE_HEAD.match(s) and out[0].end - offset <= num.start:
            returned = True  # "Of the 2 million who have returned, 700,000 came from abroad and ..."
        if not returned and _along_with_returns(kind, out, offset, num, between):
            returned = True  # "500,000 refugees have returned ..., along with 1.2 million IDPs"
        if returned:
            kind = "returns"
        own_noun = re.match(r"\s*(?:people|persons|individuals|syrians|lives)\b(?!\s*,?\s*(?:including|mostly|among))",
                            after, _FLAGS)
        # (the words back to the previous count, less that count's own noun: "300,000
        # civilians dead, 6.8 million internally displaced" are no civilians)
        back_grp = _JOINT_TAIL.sub("", back) if prev is not None and prev.kind == "count" else back
        group = _first(_GROUPS, fwd) or (
            "" if own_noun or _AMONG.search(before[:len(before) - hedge_len])
            else _last(_GROUPS, back_grp[-40:]))
        if group == "combatants":
            # "fighters of the Free Syrian Army": the side named after the generic noun
            group = _first([g for g in _GROUPS if g[1] in _SIDES], fwd) or group
        if not group and kind in ("deaths", "injured") and _LOSS_BEFORE.search(bare):
            # "ISIS, al-Nusra and their affiliates sustained 16,212 casualties": the subject's dead
            group = _last(_GROUPS, s[_clause_bounds(s, num)[0]:num.start])
        if not group and re.match(r"\s+of (?:the|those)\b", gwin, _FLAGS):
            group = _first(_GROUPS, gwin[:60])  # "1,323 of the dead were ... fighters"
        if not group:
            m = _NUMBER_OF_GROUP.search(before[:len(before) - hedge_len])
            group = _first(_GROUPS, m.group(1)) if m else ""  # "the number of Syrian children in need ... to 5.5 million"
        if _BOTH_GROUPS.search(fwd + " " + back[-40:]):
            group = ""
        host, listed = "", ()
        if kind in ("refugees", "returns", "asylum") and _COUNTRIES_LIKE.search(after):
            host = "REGION"  # "fleeing to countries like Lebanon, Turkiye and Jordan"
        elif kind in ("refugees", "returns", "asylum"):
            host = _first(_HOSTS, fwd) or _last(_HOSTS, back)
            if not host and _SUBSET_PLACE.search(s, num.end):
                pass  # "..., most of them in Turkey, Lebanon and Jordan": where a part is, not the total
            elif not host:
                # (a country named after a later count is that count's: "300,000 have returned,
                # among them 120,000 from Lebanon")
                seg = s[num.end:n_count]
                upto = s[:num.end] + seg[:min((m.start() for m in re.finditer(r"[:,;]|\sand\s", seg)),
                                              default=len(seg))]
                named = {h for rx, h in _HOSTS if rx.search(upto)}
                host = "REGION" if len(named - {"REGION", "WORLD"}) >= 3 else _first(_HOSTS, upto)
            elif not _first(_HOSTS, fwd) and (listed := _host_list(back)):
                host = "REGION"  # "Lebanon, Jordan and Turkey, which are hosting 5.3 million"
            elif host not in ("REGION", "WORLD") and (
                    listed := _host_list_after(s[num.end:num.end + 90])):
                host = "REGION"  # "the 5.6 million refugees in Turkey, Lebanon and Jordan"
            if not host and ctx is not None and ctx.host and _HOST_REFERENCE.search(s):
                host = ctx.host  # "the country was host to 356,000 refugees" (named before)
            if lead is not None and lead.kind == kind and lead.host and not _first(
                    _HOSTS, s[prev.end:num.start] + " " + s[num.end:n_own][:120]):
                host = lead.host  # an item of a list in the lead's country
        area = (_first(_AREAS, _SPEAKER_PLACE.sub(_blank, fwd))
                or _last(_AREAS, _SPEAKER_PLACE.sub(_blank, back[-60:])))
        if _NATIONAL.search(fwd):
            area = "SYR"  # "15 million people across Syria" (after a figure for one region)
        if not area and re.search(r"\b(?:in|of|from) the (?:city|province|governorate|town)\b"
                                  r"|\bthe (?:city|province|governorate)'s\b", fwd + " " + back[-60:], _FLAGS):
            # "the total number of displaced people in the city" (named earlier)
            area = _last(_AREAS, _SPEAKER_PLACE.sub(_blank, s[:num.start])) or _dateline_area(sent_text)
        if not area and kind not in ("refugees", "returns", "asylum"):
            # "displaced since the start of a Turkish operation in the city of Afrin": a place
            # later in the number's own clause
            # (people who "have arrived in Afrin" are there: only a speaker's place is blanked)
            area = _first(_AREAS, _SPEAKER_PLACE.sub(
                lambda m: m.group(0) if m.group(0).lower().startswith("arrived") else _blank(m),
                _own_clause(s[num.end:n_own])[:150]))
        if re.search(r"\bhard[- ]to[- ]reach\b|\bbesieged (?:areas|towns|communities)\b|\bunder siege\b",
                     _own_clause(s[num.end:n_own])[:80], _FLAGS) and kind in ("people_in_need", "population"):
            area = "LOCAL"  # "4.5 million in hard-to-reach areas": some places, not the country
        if not area and place_pop and not re.search(r"\bsyria\b|\bthe (?:[\w-]+ )?country\b",
                                                     _own_clause(after) + " " + back[-60:], _FLAGS):
            area = "LOCAL"  # "the rebel-held enclave ... is home to 400,000": a place not named
        if not area and out and out[-1].end - offset <= num.start and out[-1].area not in ("", "SYR") and (
                lead is not None or _PARTITIVE.match(after)):
            area = out[-1].area  # "Aleppo is home to 4.2 million people, 1.5 million of them displaced"
        area = area or "SYR"
        if kind in ("refugees", "idps", "displaced", "population") and (
                _CAMP.search(back[-80:]) or _CAMP.search(s[num.end:n_count][:80])):
            area = "CAMP"  # one camp's population: no registry figure counts it
        elif kind == "refugees" and _TOWN.search(_own_clause(s[num.end:n_own])[:120]):
            area = "LOCAL"  # "40,000 refugees live in the city of Gaziantep": one town's refugees
        if kind == "displaced" and area not in ("SYR", "CAMP", "LOCAL"):
            kind = "idps"  # people displaced within a Syrian governorate are internally displaced
        ptype, pstart, as_of = _period(s, p_local, kind, published, own=(fwd_own, back_own),
                                       clause=sm[num.end:n_own])
        if kind == "returns" and ptype == "cumulative" and as_of >= pd.Timestamp(V.ASSAD_FALL) \
                and pstart == pd.Timestamp(V.WAR_START) and not _SINCE_WAR.search(local):
            # returns counted to a day after the fall of Assad are counted from the fall
            # (returns before it were few and counted separately)
            pstart = pd.Timestamp(V.ASSAD_FALL)
        if kind == "returns" and ptype == "cumulative" and \
                pd.Timestamp(V.ASSAD_FALL) - pd.Timedelta(days=14) <= pstart < pd.Timestamp(V.ASSAD_FALL):
            # "returned since December" (2024): counted from the fall of Assad that month
            pstart = pd.Timestamp(V.ASSAD_FALL)
        if _PAST_YEAR_FLOW.search(after):
            ptype, pstart, as_of = "flow", (published - pd.DateOffset(years=1)).normalize(), published
        if kind == "deaths" and ptype == "cumulative" and out and out[-1].kind == "deaths" \
                and out[-1].period_type == "flow" and out[-1].end - offset <= num.start \
                and _INCLUDING.search(between) and not _SINCE_WAR.search(fwd_own[:60]):
            # "In August, 5,440 people were killed, including 1,200 civilians": a part of a
            # month's toll is counted over the same month
            ptype, pstart, as_of = "flow", pd.Timestamp(out[-1].period_start), pd.Timestamp(out[-1].as_of)
        if kind == "deaths" and group in ("", "all", "civilians") and out and out[-1].measure == "deaths_combatant" \
                and out[-1].end - offset <= num.start and (_INCLUDING.search(between) or _INCLUDING_LIST.match(between)) \
                and not re.search(r"civilian", fwd, _FLAGS):
            group = out[-1].group  # "42,701 fighters ..., including more than 13,500 from jihadist groups"
        same_list = lead is not None and lead.kind == kind
        if same_list and not _OWN_DATE.search(s[prev.end:num.start] + " " + s[num.end:n_own][:120]):
            # an item of a list counts over its lead's period ("3,000 deaths in January,
            # including 800 civilians, 300 children and 150 women")
            ptype, pstart, as_of = lead.period_type, pd.Timestamp(lead.period_start), pd.Timestamp(lead.as_of)
        aside_rest = _after_aside(before, after)
        if aside_rest and not _OWN_DATE.search(s[num.end:n_own] + " " + back_own[-60:]):
            # "1,500 civilians, including 300 children, died in Aleppo last month": the words
            # after the aside give the lead count and its items their period and place
            found = _period_in(_own_clause(aside_rest), kind, published)
            if found is not None:
                ptype, pstart, as_of = found
            if area == "SYR" and kind not in ("refugees", "returns", "asylum"):
                area = _first(_AREAS, _SPEAKER_PLACE.sub(_blank, _own_clause(aside_rest))) or area
        # (not a number that modifies a noun: "the 33-page report")
        compound = bool(re.match(r"-[a-z]", after, _FLAGS))
        toll_part = kind in _DEATH_KINDS and not compound and _part_of_toll(s, num, first_count, ctx)
        if kind in _DEATH_KINDS and ptype == "cumulative" and pstart == pd.Timestamp(V.WAR_START) and not compound:
            # "91 civilians were killed across Syria in August 2022": that month's toll
            month = _toll_month(sm[max(c_lo, num.start - 150):min(c_hi, num.end + 100)], published)
            if month is None:
                # "In its September report, it said 395 civilians ...": the report's month (H21t)
                month = _report_month(sm[max(c_lo, num.start - 150):num.start], published)
            fronted = _MONTH_OPENER.match(sm)
            if month is None and fronted and not (fronted.group(2) and int(fronted.group(2)) > published.year) \
                    and fronted.end() <= num.start and not _OWN_PERIOD.search(s[num.end:n_own][:120]) \
                    and not re.search(r"\b(?:said|says|reported|announced|stated|told)\b", sm[fronted.end():num.start], _FLAGS):
                # (not "In August, the Observatory said 300,000 had been killed since 2011")
                # "In December alone, SNHR documented the killing of 80 civilians": the month
                # the sentence opens on dates its counts (the latest such month by publication)
                month = _named_period(fronted.group(1), fronted.group(2), published)
            opener = _SINCE_OPENER.match(sm)
            if month is None and opener:
                # "Since early 2023, SOHR has documented ... which left 594 ... dead"
                found = _period(opener.group(1), opener.group(1), kind, published)
                month = found if found[1] > pd.Timestamp(V.WAR_START) else None
            year = _SINCE_YEAR_START.search(local)
            if month is None and year and pd.Timestamp(V.WAR_START).year < int(year.group(1)) <= published.year:
                # "since the beginning of 2022" (not the war's start)
                month = "cumulative", pd.Timestamp(year=int(year.group(1)), month=1, day=1), published
            if month is None and _ONE_MONTH.search(_own_clause(s[num.end:n_own])):
                month = "flow", (published - pd.DateOffset(months=1)).normalize(), published
            if month is None and n_count < len(s) and re.match(r"[^.;,]{0,50}\band\s+(?:\w+\s+){0,2}$", s[num.end:n_count]) \
                    and re.search(r"\bsince\b", s[n_count:c_hi]):
                # "left 15 civilians dead and 80 others injured since late April": the campaign
                # period said after the count it is coordinated with
                found = _period(s, local, kind, published)
                if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
                    month = found
            if month is not None:
                ptype, pstart, as_of = month
            elif toll_part and ctx is not None and ctx.toll is not None \
                    and not _OWN_PERIOD.search(_SAID_ON.sub(" ", back_own) + " " + s[num.end:n_own][:120]):
                # a part of a toll given before counts over its period ("Of those, ...")
                toll = ctx.toll
                ptype, pstart, as_of = toll.period_type, pd.Timestamp(toll.period_start), pd.Timestamp(toll.as_of)
        if kind in _DEATH_KINDS and ptype == "cumulative" and not compound \
                and _ONE_MONTH.search(_own_clause(s[num.end:n_own])):
            # "killed 1,200 citizens during a month": periods.py reads the span as a running
            # total from a month back; a toll within it is that month's flow
            ptype = "flow"
        if kind in _DEATH_KINDS and not compound and not _ABROAD_DEATHS.search(s):
            span = _death_span(sm[max(c_lo, num.start - 160):min(num.end + 160, c_hi)], published)
            if span is None and ctx is not None and ctx.span_text and _THIS_PERIOD.search(sm[c_lo:c_hi]):
                span = _death_span(ctx.span_text, published)  # "In this period, ..." after the report's period
            if span is None and ptype == "cumulative" and pstart == pd.Timestamp(V.WAR_START):
                span = _report_year(sm[max(c_lo, num.start - 150):num.start], published) \
                    or _deadliest_month(sm[max(c_lo, num.start - 150):num.start], published)
            if span is not None:
                ptype, pstart, as_of = span  # "Between 5 and 12 June, ... the deaths of 95 people"
        if kind in _DEATH_KINDS and _MONTHLY_NOUN.search(s) and not compound:
            named = _toll_month(sm[max(c_lo, num.start - 150):min(c_hi, num.end + 100)], published)
            if named is not None:
                ptype, pstart, as_of = named  # "killed ... during September, the highest monthly total this year"
        if kind in _DEATH_KINDS and episode is not None and ptype == "cumulative" and pstart < episode:
            pstart = episode  # counted from the episode's start ("since the operation began")
        if kind in _DEATH_KINDS and episode is not None and area == "SYR" and ctx is not None and ctx.episode_area \
                and ctx.episode_text and pstart == _episode_start(ctx.episode_text, published) \
                and not _NATIONAL.search(s) and not _first(_AREAS, s) and not _OTHER_REGION.search(s):
            area = ctx.episode_area  # "the toll since the violence broke out" in the province named before
        share_group = _SHARE_GROUP.search(bare[-80:]) if kind == "deaths" else None
        if share_group:
            # "one in 12 victims was a woman - 25,000 - and one in 13 a child - 24,000" (H21t)
            group = "women" if share_group.group(1).lower().startswith("wom") else "children"
        if kind in _DEATH_KINDS and _OF_WHOM_BEFORE.search(bare) and out and out[-1].kind == kind \
                and out[-1].end - offset <= num.start:
            group = out[-1].group  # "154 civilians, of whom 83 were summarily executed by ..."
        elif kind in _DEATH_KINDS and group in ("", "all") and combined_group not in ("", "all") \
                and _OF_WHOM_BEFORE.search(bare):
            group = combined_group  # "the killing and injury of 1,250 civilians, of whom 310 were killed"
        if kind in _DEATH_KINDS and group in ("", "all") and _PARTITIVE.match(after) and out \
                and out[-1].kind == kind and out[-1].end - offset <= num.start:
            group = out[-1].group  # "300 civilians, 196 of whom were summarily executed"
        if kind == "deaths" and group in _SIDES and not _first(_GROUPS, fwd) \
                and _PERPETRATOR_PART.search(back[-80:]):
            group = ""  # "the SDF were implicated in 108 deaths": the killers are no group of the dead
        if kind == "deaths" and group in _SIDES and _KILLERS_AFTER.match(after) \
                and not _first(_GROUPS, _KILLERS_AFTER.sub(" ", after[:120], count=1)):
            # "161 of them by Syrian regime forces": the killers, not the dead's side; a part of
            # the count before it is of the same people
            group = out[-1].group if out and out[-1].kind == kind and _PARTITIVE.match(after) else ""
        if same_list and group in ("", "all") and kind == "deaths" and lead.group not in ("", "all") \
                and area.startswith("SY-") and lead.area.startswith("SY-"):
            group = lead.group  # "658 in Latakia, 384 in Tartus": each governorate's part of the same dead
        if kind in _DEATH_KINDS and area == "SYR" and out and out[-1].kind in _DEATH_KINDS \
                and out[-1].area.startswith("SY-") and out[-1].end - offset <= num.start \
                and _INCLUDING.search(s[out[-1].end - offset:num.start]) \
                and not _SYRIA.search(s[out[-1].end - offset:n_own]):
            area = out[-1].area  # "150 deaths in Daraa province, including five children": the children there too
        if toll_part and area == "SYR" and ctx is not None and ctx.toll is not None \
                and ctx.toll.area.startswith("SY-"):
            area = ctx.toll.area  # a part of a governorate's toll is counted there too
        if toll_part:
            group = _toll_side(group, ctx)
        if kind == "deaths" and group not in ("", "all") and _KILLED_CITIZENS.search(bare) \
                and not _first(_GROUPS, fwd):
            group = ""  # "Government forces killed 1,200 citizens": the killers are no group of the dead
        if kind == "deaths" and group in ("", "all") and (_CITIZENS.match(after) or (
                re.match(r"\s*citizens\b", after, _FLAGS) and _KILLED_CITIZENS.search(bare))):
            group = "civilians"
        measure = _measure(kind, group, host,
                           (back[-40:] + s[num.start:n_count]) if returned else s)
        own = _own_clause(s[num.end:n_own])
        if kind == "returns" and re.search(r"refugee|displaced|\bidps?\b", own, _FLAGS):
            measure = _measure(kind, group, host, own)  # the number's own words decide
        if kind in ("displaced", "idps") and _NEWLY.search(fwd_own[:60] + " " + back[-40:]):
            ptype, pstart, as_of = _period(s, p_local, "deaths", published, own=(fwd_own, back_own))
            measure = "idps_new_displacements"
        if share_group and measure == "deaths_civilian" and not re.search(r"\bcivilian", s, _FLAGS):
            measure = "deaths_total"  # a share of all the dead, not of the civilians (H21t)
        if kind == "deaths" and measure == "deaths_total":
            both = _INDIRECT.search(gwin) and _DIRECT.search(gwin)
            if not both and _INDIRECT.search(gwin):
                measure = "deaths_indirect"
            elif not both and _DIRECT.search(gwin):
                measure = "deaths_direct"
        if kind in ("displaced", "idps") and ptype != "flow" and _OFFENSIVE.search(
                _own_clause(s[num.end:n_own])[:120] + " " + back):
            # displaced by one offensive or wave: its new displacement (start not said)
            ptype, pstart, as_of = "flow", published, published
        if kind in ("displaced", "idps") and ptype != "flow" and (
                _new_displacement(s, num, n_own, bare, aside_rest)
                or _DEAD_AND_DISPLACED.search(bare[-40:])):
            # a flow: over the year named ("in 2018"), else from the day named (start not said)
            year = as_of.month == 12 and as_of.day == 31 and pstart == as_of
            ptype, pstart = "flow", (pd.Timestamp(year=as_of.year, month=1, day=1) if year else as_of)
            if _THIS_YEARS.search(_own_clause(s[num.end:n_own])[:160] + " " + bare[-80:]):
                pstart = pd.Timestamp(year=as_of.year, month=1, day=1)  # "since the start of the year"
        if kind in ("displaced", "idps") and _DISPLACED_EVENT.match(s[num.end:n_own]):
            near = sm[max(c_lo, num.start - 160):min(num.end + 160, c_hi)].lower()
            if _BETWEEN_DATES.search(near) or _BETWEEN_DAYS.search(near):
                # "Between 4 December 2018 and 31 March 2019, more than 63,000 people were
                # displaced": people uprooted within a period are its new displacement
                found = _between_dates(near, True, published) or _between_days(near, True, published)
                if found is not None:
                    ptype, pstart, as_of = "flow", found[1], found[2]
            found = _event_span(s, p_local, near, published, (fwd_own, back_own), ptype)
            if found is not None:  # "were displaced between 1 and 10 March", "... last month"
                ptype, pstart, as_of = found
        if kind in ("displaced", "idps") and ptype == "flow":
            measure = "idps_new_displacements"
        if kind in _GLOBAL_ABOVE and num.value > _GLOBAL_ABOVE[kind] and (
                _priority(_CUES, fwd + " " + _own_clause(after)) in _GLOBAL_ABOVE or num.value > 25e6
                or re.search(r"\bworld|\bglob|their (?:own |home )?countries", s, _FLAGS)):
            # (the count's own words name the displacement, or it exceeds Syria's whole population,
            # or the sentence speaks of the world)
            # more than Syria's largest count ever: a worldwide total of all nationalities
            measure, host, area = _GLOBAL_MEASURE[kind], "", "WORLD"
            ptype, pstart = "stock", as_of
        if kind == "population":
            group = ""
        if kind == "asylum":
            # the registry's asylum measures count applications in Europe (host EUROPE): a year's
            # applications are a flow, applications since 2011 a running total
            host = "EUROPE"
            if ptype == "flow":
                measure = "asylum_applications_europe"
                if num.value > _ASYLUM_YEAR_MAX:
                    continue  # more than Syrians ever lodged in a year: applications of all nationalities
            if _INDUSTRIALISED.search(low):
                host, measure, ptype, pstart, as_of = _industrialised(ptype, pstart, as_of, published)
        if kind == "returns" and measure == "refugee_returns" and (
                _IDP_RETURN_WORDS.search(s[p_own:n_own]) or (lead is not None and lead.measure == "idp_returns")) \
                and not _ABROAD_RETURN_WORDS.search(s[p_own:n_own]):
            measure = "idp_returns"  # "655,000 people who had been displaced inside Syria returned home"
        if measure == "idp_returns":
            host = ""  # people back in their homes inside Syria: no country of asylum
        if _world_framed(s, num, n_own, kind, measure) or _planned_return(kind, s, num) or _in_day_span(s, num) \
                or (re.search(r"\basylum\b", _own_clause(after)[:80], _FLAGS)
                    and asylum_of_all(s, num.start, num.end, strict=False)):
            continue
        if not measure or (carried_disaster and kind in ("deaths", "injured")):
            continue
        if kind in ("deaths", "injured") and _killed_and_injured(s, num, bare):
            combined_group = group  # (its parts after "of whom" are of the same people)
            continue  # "the killing and injury of 1,250 civilians": the dead and the wounded together
        # an incident's casualties, not a war statistic
        report = breakdowns.report_count(s, num.start, num.end, kind, group or "all")  # a report's line (H22t)
        war_level = bool(_WAR_LEVEL.search(local)) or bool(_SINCE_FALL.search(low)) \
            or ptype == "flow" or same_list or labelled or toll_part or _campaign_toll(kind, ptype, pstart, as_of, fwd) \
            or (kind == "deaths" and bool(_DEAD_DISPLACED.match(after))) \
            or (episode is not None and kind in _DEATH_KINDS) \
            or report \
            or combatants.fighters_count(s, num.start, num.end, kind, group) \
            or breakdowns.part_count(s, num.start, num.end, kind) \
            or wounded.recent_toll(s, kind, num.start) \
            or places.province_item(s, num.start, num.end, kind) \
            or tally_dates.later_start(s, kind, published)  # a report's line; fighters by side; "N were civilians"; the last days'; by governorate; a later start (H22t)
        if num.value < V.INCIDENT_MAX and not war_level:
            continue
        if not same_list and not _breakdown_line(s, ctx) and kind in ("deaths", "injured", "missing") \
                and _INCIDENT.search(local) and not (
                _SINCE_WAR.search(local) and not _INCIDENT.search(fwd)) and not _CAMPAIGN.search(local) \
                and not (episode is not None and kind in _DEATH_KINDS) and not report:
            continue
        if num.value < 1 or (num.value != int(num.value) and num.value < 1000):
            continue
        incl_kind, incl_end = kind, num.end
        # two of the five neighbouring hosts are neither one host nor the region
        pair = (f"two of the neighbouring host countries ({', '.join(sorted(listed))})"
                if host == "REGION" and len(set(listed)) == 2 else "")
        pair = pair or _host_part(kind, fwd)
        if kind == "deaths" and _DEAD_DISPLACED.match(after) and ptype == "cumulative" \
                and pstart == pd.Timestamp(V.WAR_START) and not _SINCE_WAR.search(local):
            # "Nearly 200 dead, 120,000 displaced after a week of fighting": a wave's toll, not
            # the war's; the text gives no span to check it against
            pair = pair or "a wave of fighting whose span the text does not give"
        if kind not in _DEATH_KINDS and group in _SIDES:
            group = ""  # "100,000 displaced as rebels advance": the side is the actor, not the people
        if host == "EGY" and _REGION_AND_EGYPT.search(back[-60:]):
            host, measure = "REGION", _measure(kind, group, "REGION", "")  # "neighboring states and Egypt"
        perp = _perpetrator(sm, num, published) if kind in _DEATH_KINDS else ""  # (not an aside's party)
        if kind in _DEATH_KINDS and not perp and same_list:
            perp = lead.perpetrator  # "61 civilians, among them 23 children": the same killers
        if perp == "transitional_government" and pd.Timestamp(as_of) < pd.Timestamp(V.ASSAD_FALL):
            perp = "government_and_allies"  # a toll of Assad's years told after his fall
        out.append(TextClaim(si, raw, offset + start, offset + num.end, raw[start:num.end], num.value,
                             kind, measure, comp, ptype, _day(pstart), _day(as_of), area, host,
                             group or ("all" if kind in ("deaths", "injured") else ""),
                             attribution, pair, perpetrator=perp or ("all" if kind in _DEATH_KINDS else "")))
    out = _displacement_sentence_rules(out, s, offset, ctx, published)
    out = event_displacements(out, raw, s, offset, si, published, ctx.wave if ctx is not None else None,  # (H22d)
                              TextClaim, _hedge, _governorate_in)
    out = refugee_scopes(out, raw, s, offset, si, published, ctx.kind if ctx is not None else "",  # (H22d)
                         ctx.host if ctx is not None else "", TextClaim, _hedge, _measure,
                         _governorate_in,
                         ctx.refugee_host if ctx is not None else "")
    if not sentence_off:
        out = war_age_claims(out, raw, s, offset, si, published, TextClaim, _hedge, _plausible_age)  # (H22d)
    out = returns_in_other_words(out, raw, s, offset, si, published, ctx.host if ctx is not None else "",  # (H22d)
                                 TextClaim, _hedge)
    out = displaced_shares(out, raw, s, offset, si, published, TextClaim, _hedge)  # (H22d)
    out = [c for c in out if not other_story(c.kind, s, c.start - offset, c.end - offset)]  # (H22d; after all (H22f))
    out = breakdowns.revise(out, s, offset, published, ctx.toll if ctx is not None else None)  # (H22t)
    out = wounded.drop_one_day(wounded.recent_period(out, s, published), s, offset)  # (H22t)
    out = breakdowns.were_group(out, s, offset)  # "of whom 830 were civilians" (H22t)
    out = places.revise(out, s, offset)  # tolls by governorate (H22t)
    out = tally_dates.revise(out, s, raw, si, offset, published, ctx is not None and (
        ctx.kind in _DEATH_KINDS or ctx.toll is not None), TextClaim)  # tallies dated by their clause (H22t)
    out = combatants.revise(out, s, offset, published)  # the side of dead fighters (H22t)
    out = arrests.drop_arrests(out, s, offset)  # arrests are no deaths and no missing persons (H22t)
    out = breakdowns.headline_line(out, s, raw, si, offset, published, ctx.earlier if ctx is not None else "", TextClaim)
    if not sentence_off:
        out.extend(_decades(si, raw, s, offset, published,
                            _first(_ATTR, s) if framed else ""))
        out.extend(_decade_phrases(si, raw, s, offset, published,
                                   _first(_ATTR, s) if framed else "", out))
    return _split_each(out, s, offset)


# ---- parts of a death toll (H20b): follow-on sentences, breakdown lines, a month's or a
# campaign's toll

#: Words that make a sentence (or a count in it) a part of a death toll given before: "Of
#: those, ...", "Among them were ...", "That figure includes ...", "It said 171 of the dead
#: were ...", "were also among the dead", "had also documented the deaths of ...", "At the
#: same time, ...", "Of the civilians killed, ...".
_TOLL_ANAPHOR = _c(r"\b(?:of|among|out of) (?:the dead|its dead|their dead|the victims|those killed"
                   r"|the fatalities|the deaths|the toll|the total)\b|\bout of [\d,]+ (?:people|persons|victims|deaths|dead)\b"
                   r"|\b(?:of|among) the (?:[\w'-]+ ){0,2}?(?:killed|dead|victims|fatalities)\b"
                   r"|\b(?:the|that|this|these|its|their|the same|this year's|last year's|the latest|the new"
                   r"|the (?:opposition|government|regime|rebel|civilian)(?:'s)?)\s+(?:[\w'-]+\s+){0,2}?"
                   r"(?:figures?|toll|tally|count|number|total|dead|victims|fatalities|casualties)\s+(?:also\s+)?"
                   r"(?:includes?|included|comprises?|comprised|covers?|covered)\b"
                   r"|\b(?:those killed|those who (?:died|were killed)|the people killed)\s+(?:also\s+)?(?:includ\w*|were)\b"
                   r"|\balso among (?:the dead|the victims|those killed)\b"
                   r"|\b(?:has|have|had)\s+also\s+(?:documented|recorded|counted|tallied|registered)\b"
                   r"|\bwere also killed\b|\bat the same time\b|^\W*on the (?:[\w'-]+ ){1,2}side\b"
                   r"|\bduring (?:the|this|that) (?:same )?(?:span|period)(?: of time)?\b")
#: "Of those, ...", "Among them were ...": a part of the count named last before it (the
#: toll of an earlier sentence only when no count of its own sentence comes first).
_TOLL_PRONOUN = _c(r"\b(?:of|among) (?:them|those|these|whom)\b")
#: A sentence whose subject is the report or monitor of a period's toll given before ("The
#: report notes that forces ... killed 358 civilians", "It attributes the deaths of 18
#: civilians ... to ..."): its counts are parts of that toll (read only after a period's toll).
_REPORT_SUBJECT = _c(r"^\W*(?:(?:it|they|the (?:same )?(?:report|statement|network|observatory|monitor|group))\s+(?:also\s+)?"
                     r"(?:said|says|notes?|noted|attributes?|attributed|adds?|added|recorded|records|documented"
                     r"|reported|reports|showed|shows|found|blamed|blames|revealed|reveals|breaks? down|broke down)\b"
                     r"|according to the (?:same )?(?:report|statement|network|observatory|monitor|figures?|data|toll)\b"
                     r"|in addition\b)")
#: A sentence that announces a breakdown of a toll in the lines after it ("The fatalities can
#: be distributed as follows:", "..., as follows:").
_BREAKDOWN_LEAD = _c(r"\b(?:as follows|the following|broken down|distributed|divided)\W*:|:\s*$")
#: A breakdown of deaths announced before the counts of the same sentence ("The fatalities
#: can be distributed as follows: 108 civilians, ...").
_DEATH_BREAKDOWN = _c(r"\b(?:fatalities|deaths|dead|victims|toll|casualties|killed)\b[^.;]{0,40}?"
                      r"\b(?:as follows|broken down|distributed|divided)\W*:")
#: "At least 150 dead, 100,000 displaced in northwest Syria": a headline's toll of a wave of
#: fighting that also uprooted a mass of people (a campaign's toll, not one incident's).
_DEAD_DISPLACED = _c(r"\s*(?:people\s+|civilians\s+)?(?:dead|killed)\s*,\s*(?:[\w']+\s+){0,3}?\d[\d.,]*\s*"
                     r"(?:million\s+|thousand\s+|\d{3}\s+)?(?:people\s+)?(?:displaced|uprooted|forced to flee|fled)\b")
#: "since the beginning of 2022": a toll counted from the start of a year after the war began.
_SINCE_YEAR_START = _c(r"\bsince the (?:beginning|start) of (?:the year\s+)?((?:19|20)\d\d)\b")
#: A month's span ("killed ... during a month"): a month's toll, not a short period's.
_ONE_MONTH = _c(r"\b(?:during|in|within|over|throughout) (?:a|one|a single) month\b(?!\s+ago)(?!-)")
#: "700 persons of the citizens of Aleppo", "killed more than 1,200 citizens": the monitors'
#: word for civilians (not "the killing of 1,262 citizens, as follows: ... fighters").
_CITIZENS = _c(r"^\s*(?:persons|people|individuals)\s+of\s+the\s+citizens\b")
_KILLED_CITIZENS = _c(r"\b(?:killed|kill|kills|killing)\s+$")
#: A sentence that opens on "Since <date>," (the period of every count in it).
_SINCE_OPENER = _c(r"^\W*(since [^,;]{3,40}),")
#: A sentence that opens on a month ("In December alone, ...", "During March 2025, ..."):
#: group 1 the month, group 2 its year if said.
_MONTH_OPENER = _c(r"^\W*(?:in|during|throughout|over)\s+(?:the\s+month\s+of\s+)?(" + _MONTH_ALT + r")\b"
                   r"(?:\s+((?:19|20)\d\d))?(?:\s+alone)?\s*,")
#: A sentence that opens on a count: a line of a breakdown ("369 members of regime forces, ...").
_OPENS_ON_COUNT = _c(r"^\W*(?:[\d]|(?:" + "|".join(sorted(list(V.UNITS) + list(V.TENS), key=len, reverse=True))
                     + r")\b)")
#: A month named after a death word, in a count's own clause ("killed across Syria in August
#: 2022", "the death toll report for the month of November 2016 in which ...", "have lost
#: their lives in February alone"): the toll of that month. Not across a verb that dates a
#: running total ("the toll reached 220,000 in March 2015") or a report ("said in March").
_TOLL_MONTH = _c(r"\b(?:toll|report|deaths?|killed|killing|died|dead|victims|fatalities|casualties|lives)\b"
                 r"(?:(?!\b(?:since|said|says|according|as of|by|reached|rose|risen|climbed|stood|stands|hit|topped"
                 r"|passed|exceeded|surpassed|bringing|began|started|erupted|to date|from|start|beginning|outbreak"
                 r"|onset|issued|published|released|announced|updated|offensive|campaign|operation|assault|massacres?"
                 r"|attacks?)\b)[^.;]){0,90}?"
                 r"\b(?:in|during|throughout|for|of)\s+(?:the\s+month\s+of\s+)?(" + _MONTH_ALT + r")\b"
                 r"(?:\s+((?:19|20)\d\d)\b)?(?!\s*\d)")
#: A date or period in a count's own words (it then keeps its own period, not its toll's).
_OWN_PERIOD = _c(r"\b(?:19|20)\d\d\b|\bsince\b|\bago\b|\b(?:last|this) (?:year|month)\b|\b(?:" + _MONTH_ALT + r")\b")
_DEATH_KINDS = ("deaths", "injured", "detention")
#: The noun of a breakdown line's count: people, or the dead ("1,200 people", "300 of them").
_PART_NOUN = _c(r"[\d,.]*\s*(?:million\s+|thousand\s+)?(?:[\w'-]+\s+){0,2}?(?:people|persons|individuals|victims|dead"
                r"|killed|deaths|fatalities|of them|of whom)\b")
#: Nouns after a count that are not deaths ("It has also documented 2,317 arbitrary arrests").
_NOT_DEATHS = _c(r"^[\s\d,.]*(?:million\s+|thousand\s+)?(?:[\w'-]+\s+){0,2}?(?:arrests?|detentions?|detainees"
                 r"|abductions?|kidnappings?|disappearances?|injur\w*|wounded|attacks?|strikes?|raids?"
                 r"|violations?|incidents?|massacres?|displaced|returnees|refugees|families)\b")


#: "The violence also claimed the lives of 257 government personnel ...": after an episode's
#: toll, the episode as the subject of a verb of killing gives more of its dead (H21t).
_EPISODE_SUBJECT_PART = _c(r"^\W*(?:the|this|these|that)\s+(?:[\w'-]+\s+){0,2}?(?:violence|clashes|fighting|offensive"
                           r"|attacks?|strikes|bombardment|operation|campaign|assault|escalation)\s+(?:has\s+|have\s+|had\s+)?"
                           r"(?:also\s+)?(?:claimed|killed|left)\b")
#: "This includes ...", "It also includes ...": the toll just given goes on (H21t).
_THIS_INCLUDES = _c(r"^\W*(?:this|that|it|these|those)\s+(?:also\s+)?(?:includes?|included|comprises?)\b")
#: A perpetrator's share of a period's toll given before, with no period of its own (H21t):
#: "Assad regime forces were responsible for the deaths of 61 civilians", "ISIS was
#: responsible for the death of 10 civilians", "the SDF were implicated in 108 deaths",
#: "86 civilians ... lost their lives at the hands of other parties".
_PERPETRATOR_PART = _c(r"\b(?:was|were|are|is)\s+(?:found\s+to\s+be\s+|held\s+|also\s+)?(?:responsible|accountable)\s+for\s+"
                       r"(?:the\s+)?(?:deaths?|killing|killings|death toll)\s+of\b"
                       r"|\b(?:was|were)\s+implicated\s+in\b|\bat\s+the\s+hands\s+of\b")


#: "the civilian death toll by province includes ...": the toll given before, by governorate (H21t).
_BY_PLACE_TOLL = _c(r"\b(?:toll|deaths|dead|victims|fatalities)\b[^.;]{0,30}?\b(?:by|per|in each|across the) (?:province|governorate)s?\b"
                    r"|\b(?:province|governorate)[- ]wise (?:death )?toll\b")
#: The words between two counts of a semicolon list of governorates ("Rural Damascus, 47,483;
#: Homs, 40,986; ... and Tartus, 31,369"): the later count is its governorate's.
_PLACE_ITEM = _c(r"^\s*[;,]\s*(?:and\s+)?([\w' -]{3,30}?)\s*,\s*$")


def _place_list_item(s: str, num: Number, prev: Number | None, out: list[TextClaim],
                     offset: int) -> TextClaim | None:
    """The death toll before *num* when *num* is the next item of a list of governorates
    after it ("... in Rural Damascus, 47,483; Homs, 40,986"), else None."""
    if prev is None or not out or out[-1].end - offset != prev.end or out[-1].kind not in _DEATH_KINDS:
        return None
    m = _PLACE_ITEM.match(s[prev.end:num.start])
    return out[-1] if m and _first(_AREAS, m.group(1)).startswith("SY-") else None


def _part_of_toll(s: str, num: Number, first: Number | None, ctx: Context | None) -> bool:
    """True if the count *num* of sentence *s* (whose first count is *first*) is a part of
    the death toll an earlier sentence gave (``ctx.toll``): the sentence refers back to it
    (:data:`_TOLL_ANAPHOR`; "of those" before its first count, :data:`_TOLL_PRONOUN`; its
    report as subject of its first count after a period's toll, :data:`_REPORT_SUBJECT`), or
    it is a line of a breakdown the earlier text announced ("..., as follows:") and opens on
    a count. (Later counts of a sentence join the first through its list: "including ...".)"""
    if _DEATH_BREAKDOWN.search(s[:num.start]):
        return True
    if ctx is None or ctx.toll is None or first is None:
        return False
    if _THIS_INCLUDES.match(s) or _PERPETRATOR_PART.search(s) or _BY_PLACE_TOLL.search(s) or (
            _EPISODE_SUBJECT_PART.match(s) and ctx.toll.period_start != V.WAR_START):
        return True  # "This includes 125 security personnel"; "Russian forces were responsible for ..."
    for m in _TOLL_ANAPHOR.finditer(s):
        own = re.search(r"\d[\d,.]*\s*(?:million\s+|thousand\s+)?$", s[:m.start()])
        if not own:
            return True  # "The dead include ...", "That figure includes ...", "also among the dead"
        # "171 of the dead were from Hezbollah": a part of the toll by group (not "255 of the
        # deaths came at or near a school"), and only for the count it follows
        pred = re.split(r"[,;]|\b(?:and|while|but)\b", s[m.end():m.end() + 80], maxsplit=1)[0]
        if own.end() >= num.start and own.start() <= num.start and _first(_GROUPS, pred):
            return True
    pron = _TOLL_PRONOUN.search(s)
    if pron and pron.end() <= first.start:
        return True
    if num is first and (ctx.toll.period_type == "flow" or ctx.toll.period_start != V.WAR_START) \
            and _REPORT_SUBJECT.search(s):
        return True
    return ctx.breakdown and _opens_on_part(s)


def _opens_on_part(s: str) -> bool:
    """True if *s* opens on a count of people of a group or side, as a line of a breakdown
    does ("369 members of regime forces, ..."; not "6,000 students sat their exams")."""
    m = _OPENS_ON_COUNT.match(s)
    return bool(m) and bool(_first(_GROUPS, s[:90]) or _PART_NOUN.match(s[m.end():]))


def _incident_only(s: str, found: list[TextClaim]) -> bool:
    """True if *s* tells of killing or wounding with counts of its own but gave no claim (one
    attack's casualties: "A car bomb exploded ..., killing 10 people"): a toll given before
    does not carry past it ("It said 62 people were wounded" is the attack's)."""
    return not found and bool(re.search(r"\bkill|\bdie[ds]?\b|\bdead\b|\bdeaths?\b|\bwound|\binjur", s, _FLAGS)) \
        and any(n.kind == "count" for n in find_numbers(s)) and not _follows_toll(s)


def _follows_toll(s: str) -> bool:
    """True if sentence *s* reads as a part of a toll given before it (its counts are then no
    new toll of their own): an anaphor, "of those" at its head, its report as subject."""
    first = re.search(r"\d", s)
    pron = _TOLL_PRONOUN.search(s)
    return bool(_TOLL_ANAPHOR.search(s) or _REPORT_SUBJECT.search(s)
                or (pron and (first is None or pron.end() <= first.start())))


def _short_in_aside(s: str, num: Number) -> bool:
    """True if every short-period word of *s* ("every day") is inside a bracketed aside that
    does not hold *num* ("741 civilians including 201 children (seven children are killed
    every day) and 152 women": the rate is the aside's, not the counts')."""
    asides = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", s)]
    hits = list(_SHORT.finditer(s))
    return bool(asides) and bool(hits) and all(
        any(a <= h.start() < b and not a <= num.start < b for a, b in asides) for h in hits)


def _breakdown_line(s: str, ctx: Context | None) -> bool:
    """True if *s* is a line of a breakdown announced before it ("369 members of regime
    forces, including 23 officers." after "The fatalities can be distributed as follows:")."""
    return ctx is not None and ctx.toll is not None and ctx.breakdown and _opens_on_part(s)


def _toll_side(group: str, ctx: Context | None) -> str:
    """The group of a part of a toll: its own, else the toll's side ("That figure includes
    31,174 soldiers" after the government side's toll) or civilian group ("Of those, 300
    ..." after a toll of civilians)."""
    if ctx is None or ctx.toll is None:
        return group
    toll = ctx.toll.group
    if group in ("", "all", "combatants") and toll in _SIDES:
        return toll
    if group in ("", "all") and toll in ("civilians", "children", "women") and not ctx.breakdown:
        return toll  # (not the next line of a breakdown: its lines are of different groups)
    return group


def _toll_month(near: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The month whose toll a count is (:data:`_TOLL_MONTH` in *near*, its words around it),
    as (flow, first day, last day), or None."""
    m = _TOLL_MONTH.search(near)
    if not m or (m.group(2) is not None and int(m.group(2)) > published.year):
        return None
    return _named_period(m.group(1), m.group(2), published)


def _campaign_toll(kind: str, ptype: str, pstart: pd.Timestamp, as_of: pd.Timestamp, fwd: str) -> bool:
    """True for deaths or injuries counted over a period that starts after the war began and
    lasts at least a week ("killed since late April", "since early 2023"), with a word of
    people or of death of its own (*fwd*, not a day of a date): an offensive's or a year's
    toll, a war statistic whatever its size."""
    return kind in _DEATH_KINDS and ptype == "cumulative" and bool(_priority(_CUES, fwd) or _first(_GROUPS, fwd)) \
        and pstart > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120) \
        and as_of - pstart >= pd.Timedelta(days=7)


#: "most of them in ...", "mostly in ...": the places named after it hold part of the count.
_SUBSET_PLACE = _c(r"\b(?:most|many|the (?:vast )?majority|the bulk|half) of (?:them|whom)\b|\bmostly (?:in|to)\b")
_BETWEEN = _c(r"\b(?:between|from)\s*$")
_AND_TO = _c(r"^\s*(?:and|to|-)\s*$")
_ONE_NOUN_AND = _c(r"^\s*[\w'-]+\s+and\s*$")


def _list_hedge(s: str, nums: list[Number], k: int) -> str:
    """The comparator a bare number takes from its list: "between 120,000 and 300,000"
    (at_least, at_most); "at least 15,207 women and 25,284 children" (the hedge governs
    both counts). Empty if none."""
    num = nums[k]
    prev = nums[k - 1] if k > 0 else None
    nxt = nums[k + 1] if k + 1 < len(nums) else None
    if nxt is not None and _BETWEEN.search(s[:num.start]) \
            and re.match(r"^\s*(?:[\w'-]+\s+)?(?:and|to|-)\s*$", s[num.end:nxt.start], _FLAGS):
        return "at_least"
    if prev is not None and _AND_TO.match(s[prev.end:num.start]) and _BETWEEN.search(s[:prev.start]):
        return "at_most"
    if prev is not None and prev.kind == num.kind == "count" and _ONE_NOUN_AND.match(s[prev.end:num.start]):
        pcomp, plen = _hedge(s[:prev.start], s[prev.end:])
        if plen and pcomp in ("at_least", "at_most"):
            return pcomp
    return ""


_RANGE_JOIN = _c(r"^(?:-|\s+to\s+)$")


def _range_hedge(s: str, nums: list[Number], k: int) -> str:
    """A range whose high end carries the scale ("21-22 million", "4.5 to 6 million"): the
    low end is a floor (at_least), the high end a ceiling (at_most). Empty if none."""
    num = nums[k]
    nxt = nums[k + 1] if k + 1 < len(nums) else None
    prev = nums[k - 1] if k > 0 else None
    if nxt is not None and num.kind == nxt.kind == "count" and _RANGE_JOIN.match(s[num.end:nxt.start]) \
            and not num.text.lower().endswith(("million", "billion")) \
            and nxt.text.lower().endswith(("million", "billion")) \
            and num.value < nxt.value:
        return "at_least"
    if prev is not None and prev.kind == num.kind == "count" and _RANGE_JOIN.match(s[prev.end:num.start]) \
            and not prev.text.lower().endswith(("million", "billion")) \
            and num.text.lower().endswith(("million", "billion")) and prev.value < num.value:
        return "at_most"
    return ""


def _tail(back: str, n: int) -> str:
    """The last *n* characters of *back*, widened to a whole first word and cut after
    the last semicolon (a new clause)."""
    i = max(0, len(back) - n)
    while i > 0 and not back[i - 1].isspace():
        i -= 1
    t = back[i:]
    return t[t.rfind(";") + 1:]


def _clause_bounds(s: str, num: Number) -> tuple[int, int]:
    """[start, end) of the semicolon-delimited clause holding *num*."""
    hi = s.find(";", num.end)
    return s.rfind(";", 0, num.start) + 1, (hi if hi >= 0 else len(s))


#: Text between a count and the next in an "including" list of subsets ("..., including
#: 242 children and 118 women"): the later counts are of the same kind.
_INCLUDING_LIST = _c(r"^[^.;]{0,60}?\b(?:including|of whom|among them)\s+(?:at least\s+|about\s+|some\s+|nearly\s+)?$"
                r"|^\s*[\w'\"-]+(?:\s+[\w'\"-]+)?\s*(?:,\s*|\s+and\s+)(?:at least\s+|about\s+|some\s+)?$")
_RETURN_VERB_ANY = _c(r"\breturn(?:ed|ing)?\b|\bgone (?:back|home)\b|\bwent (?:back|home)\b")


_INCL_OPEN = _c(r",\s*(?:including|among them|of whom)\b(?:[^,;]|,(?=\d))*$")
_INCL_ASIDE = _c(r"^[\w'\s-]{0,40}?,\s*(?:including|among them|of whom|or\s+(?:about|around|nearly|almost|some|roughly"
                 r"|more than|over|close to|\d)|(?:about|nearly|almost|roughly|more than) (?:half|a third|a quarter"
                 r"|\d+\s*(?:%|per ?cent|percent))|(?:many|most|some|half|a third|two-thirds) of (?:them|whom)|mostly)"
                 r"[^;]{3,160}?,\s+")
_BOTH_KINDS = _c(r"refugees?\b(?:[^.;]|\.(?=\d)){0,80}\b(?:internally displaced|idps?)\b|\b(?:internally displaced|idps?)\b(?:[^.;]|\.(?=\d)){0,80}\brefugees?")


def _main_verb_after_aside(before: str, after: str) -> str:
    """The words after a comma-delimited "including ..." aside that holds or follows a
    number ("1 million people, including 800,000 IDPs and 280,000 refugees, have returned"),
    up to the next clause break; empty if the number is not in or before such an aside."""
    if _INCL_OPEN.search(before):
        m = re.match(r"^(?:[^,;]|,(?=\d))*,\s+", after)
    else:
        m = _INCL_ASIDE.match(after)
    if not m:
        return ""
    rest = after[m.end():m.end() + 120]
    return rest if re.match(r"(?:have|has|had|were|are|was|is|need|needs|require|requires|remain|remains"
                            r"|live|lives|depend|depends|rely|relies)\b", rest, _FLAGS) else ""


def _kind_override(kind: str, bare_before: str, own: str) -> str:
    """The kind corrected by grammar: "population of 22 million" is a population; a count
    of displaced people who "have returned" counts returns; "a country of 6 million" next
    to a host country's name is that country's population (no claim: returns "")."""
    near = bare_before[-40:] + " " + own[:40]
    own = _own_clause(own)
    if _POP_OF.search(bare_before):
        if _HOST_COUNTRY.search(near) and not _SYRIA.search(near):
            return ""
        return "population"
    if kind in ("idps", "displaced") and _RETURN_VERB.search(own[:200]):
        return "returns"
    if kind in ("refugees", "idps", "displaced") and re.search(
            r"\b(?:the\s+)?(?:return|repatriation|homecoming)s?\s+of\s*$", bare_before, _FLAGS):
        return "returns"  # "announced the return of over 273,000 Syrian refugees"
    return kind


def _host_list(back: str) -> tuple[str, ...]:
    """The host countries of the list *back* ends with, when it names two or more ("Lebanon,
    Jordan and Turkey, which are hosting ..."): the count is of them together, not of the
    last one; () when it ends with no such list."""
    hits = sorted((m.start(), m.end(), h) for rx, h in _HOSTS for m in rx.finditer(back)
                  if h not in ("REGION", "WORLD"))
    if len(hits) < 2:
        return ()
    listed = [hits[-1]]
    for prev in reversed(hits[:-1]):
        if prev[2] == listed[-1][2] or re.fullmatch(
                r"\s*,?\s*(?:and|or)?\s*", back[prev[1]:listed[-1][0]]) is None:
            break
        listed.append(prev)
    return tuple(h for _, _, h in reversed(listed)) if len(listed) >= 2 else ()


def _host_list_after(after: str) -> tuple[str, ...]:
    """The host countries of the list the first host named in *after* (the words after a
    number, before a clause break other than a list comma) starts, when it names two or
    more; () otherwise."""
    hits = sorted((m.start(), m.end(), h) for rx, h in _HOSTS for m in rx.finditer(after)
                  if h not in ("REGION", "WORLD"))
    if len(hits) < 2 or re.search(r"[;.]", after[:hits[0][0]]) or \
            re.search(r",\s|\s(?:and|but|while)\s", after[:hits[0][0]]):
        return ()
    listed = [hits[0]]
    for nxt in hits[1:]:
        if nxt[2] == listed[-1][2] or re.fullmatch(
                r"\s*,?\s*(?:and|or)?\s*", after[listed[-1][1]:nxt[0]]) is None:
            break
        listed.append(nxt)
    return tuple(h for _, _, h in listed) if len(listed) >= 2 else ()


_COORDINATED = _c(r"^[\w\s'-]{0,40}?\band\s+(?:(?:up to|about|around|some|nearly|almost|more than|over"
                  r"|another|an estimated)\s+)?$")


#: "would require / would need / will require humanitarian assistance": an appeal's count of people in need.
_NEED_MODAL = _c(r"\b(?:would (?:require|need)|will require) (?:humanitarian |some (?:form|kind) of )?(?:aid|assistance|help)\b")


def _projections(s: str, nums: list[Number]) -> list[bool]:
    """For each number: is it a forecast or plan (:data:`V.PROJECTION_CUES` next to it)?
    Numbers joined by "and" in one noun phrase share it ("the return of 1.5 million
    refugees and 2 million IDPs", "up to 1.5 million ... and two million ... may return")."""
    out = []
    for k, num in enumerate(nums):
        prev = nums[k - 1] if k > 0 else None
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        fwd, back = _forward(s, num, nxt), _backward(s, num, prev)
        # "would require humanitarian assistance in 2025" (an appeal's count of needs) is a need, not a forecast
        fwd = _NEED_MODAL.sub(_blank, fwd)
        out.append(bool((_PROJECTION.search(back[-45:]) or _PROJECTION.search(fwd[:40]))
                        and not re.search(r"\bmay have\b", back[-45:] + fwd[:40], _FLAGS)))
    for order in (range(len(nums) - 1), range(len(nums) - 2, -1, -1)):
        for k in order:
            if (out[k] or out[k + 1]) and nums[k].kind == nums[k + 1].kind == "count" \
                    and _COORDINATED.match(s[nums[k].end:nums[k + 1].start]):
                out[k] = out[k + 1] = True
    return out


def _decades(si: int, raw: str, s: str, offset: int, published: pd.Timestamp,
             attribution: str) -> list[TextClaim]:
    """The war's age said in decades ("more than a decade after civil war erupted")."""
    out = []
    for m in _DECADE_LONG.finditer(s):
        comp = "about"
        out.append(TextClaim(si, raw, offset + m.start(), offset + m.end(), raw[m.start():m.end()],
                             10.0, "duration", "war_duration_years", comp, "stock",
                             _day(published), _day(published), "SYR", "", "", attribution))
    for m in _DECADES.finditer(s):
        if not _DECADE_WAR.match(s[m.end():]) and not (
                re.match(r"\s+old\b", s[m.end():]) and _WAR_OLD.search(s[:m.start()])):
            continue  # (not "the war is now more than a decade old" either)
        hedge = (m.group(1) or "").lower()
        comp = next((c for h, c in V.HEDGES if hedge and re.fullmatch(h, hedge)), "about")
        if comp == "about" and re.match(r"nearly|almost|just under", hedge):
            comp = "at_most"
        years = 10.0 * (2 if m.group(2).lower() == "two" else 1)
        out.append(TextClaim(si, raw, offset + m.start(), offset + m.end(), raw[m.start():m.end()],
                             years, "duration", "war_duration_years", comp, "stock",
                             _day(published), _day(published), "SYR", "", "", attribution))
    return out


# ---- the war's age in other words, and refugee counts without the word "refugee" (H20w)

#: The war's age in years at *published* must lie this close to an age read from loose wording
#: ("For ten years, ...", "Eight years on, ...", "the fifth year of the war"): the wording alone
#: does not say the span is the war's, but a span that matches the war's age at publication
#: (and names no person's detention, exile or siege) is read as it. A span far from the war's
#: age ("two years ago, the rebels lost Aleppo"; "in the second year of the war" in 2016) is
#: an event's date, not the war's age. Years: the war's age is known to the day.
_AGE_SLACK: float = 1.0
_WAR_START_TS = pd.Timestamp(V.WAR_START)
#: "as the conflict closes out its fourth year": the ordinal year is complete (N years).
_COMPLETES_ITS = _c(r"\b(?:(?:close|closes|closed|closing|round|rounds|rounded|rounding|wrap|wraps|wrapped"
                    r"|wrapping)\s+(?:out|up)|complete[sd]?|completing|ends|ended|ending|finish(?:es|ed|ing))\s+"
                    r"(?:its|the (?:war|conflict)'?s)\s*$")
#: "the fifth year of the Syrian war", "the fourteenth year since fighting began".
_ORDINAL_OF_WAR = _c(r"^\s*year\s+(?:of\s+(?:" + _WAR_NP + r"|(?:the\s+)?fighting\b)"
                     r"|since\s+(?:the\s+)?(?:fighting|war|conflict|uprising|revolution|crisis)\s+(?:first\s+)?"
                     r"(?:began|started|erupted|broke out)"
                     r"|since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+" + _WAR_NP + r")")
#: Words of the war's start in a sentence that opens on "N years ago": "Six years ago, the
#: uprising was launched", "thousands of Syrians took to the streets", "set the country on the path to war".
_START_EVENT = _c(r"\b(?:uprising|revolution|protests?|protesters|demonstrations?|demonstrators|took to the streets"
                  r"|crackdown|suppression|unrest)\b|\bpath to (?:an?\s+)?(?:[\w'-]+\s+){0,2}?(?:civil\s+)?war\b"
                  r"|\b(?:war|conflict|fighting|crisis)\s+(?:first\s+)?(?:began|started|erupted|broke out)\b")
_AGO_AFTER = _c(r"^\s*-?\s*(years?|months?)\s+ago\b")
#: "... since it erupted nearly five years ago", "since the start of the conflict 30 months ago".
_SINCE_START_BEFORE = _c(r"\bsince\s+(?:(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+" + _WAR_NP
                         + r"|(?:it|the\s+(?:civil\s+)?(?:war|conflict|fighting|uprising|revolution|crisis))\s+"
                         r"(?:first\s+)?(?:erupted|began|started|broke out|ignited))\s*$")
#: "for 13 years", "For ten years, the world has watched Syria spiral into destruction".
_FOR_BEFORE = _c(r"\bfor\s+(?:the\s+(?:past|last)\s+)?$")
_FOR_YEARS_AFTER = _c(r"^\s*years?\b(?:\s+now\b)?")
#: "eight years of a pounding struggle", "13 years of strife": the war in other words.
_YEARS_OF_STRIFE = _c(r"^\s*-?\s*years?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}?(?:struggle|strife|turmoil"
                      r"|unrest|violence|bloodshed|suffering|destruction|war|conflict)\b")
#: "in the 11 years since it erupted", "the more than three years since anti-Assad protests first ignited".
_YEARS_SINCE_START = _c(r"^\s*-?\s*years?\s+since\s+(?:it|the\s+(?:civil\s+)?(?:war|conflict|fighting|uprising"
                        r"|revolution|crisis))\s+(?:first\s+)?(?:erupted|began|started|broke out|ignited)\b"
                        r"|^\s*-?\s*years?\s+since\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:protests|uprising|revolution"
                        r"|demonstrations)\s+(?:first\s+)?(?:began|started|erupted|broke out|ignited)\b")
#: A person's span, not the war's: "detained for eight years", "after 13 years in exile",
#: "the siege lasted five years", "8 years old".
_PERSON_SPAN = _c(r"\b(?:detain\w*|detention|imprison\w*|prison|jail\w*|siege|besieged|exile|missing"
                  r"|disappeared|captiv\w*|hostage|kidnap\w*|abduct\w*|years? old|aged|born|married"
                  r"|worked|served|sentenced|studied|lived in|ruled|reigned|in power for|governed)\b")
#: "13 years of forced exile", "years of displacement" (of a collective subject: :data:`_COLLECTIVE`).
_YEARS_OF_EXILE = _c(r"^\s*-?\s*years?\s+(?:of|in)\s+(?:forced\s+|bitter\s+|long\s+)?(?:exile|displacement|refuge"
                     r"|asylum)\b")
_EXILE_WORDS = _c(r"\bexile\b")
_COLLECTIVE = _c(r"\b(?:syrians|refugees|families|people|millions|thousands|returnees|they|we|communities)\b")
#: "Syria's conflict turns eight on Friday": the war's birthday.
_TURNS_BEFORE = _c(r"\b(?:war|conflict|uprising|revolution|crisis)\s+(?:now\s+)?(?:turns|turned|turning|will turn)\s*$")
#: "After 12 long years of war": an adjective between the count and its years.
_LONG_YEARS_OF_WAR = _c(r"^\s+(?:long|full|bloody|brutal|painful|devastating|hard|gruel+ing|dark|bitter|terrible"
                        r"|horrific|tragic)\s+years\s+of\s+" + _WAR_NP)
_SYRIA_OR_WAR = _c(r"\bsyria|\bassad\b|\bregime\b|\bwar\b|\bconflict\b|\buprising\b|\brevolution\b")
_WARISH = _c(r"\b(?:war|conflict|fighting|bloodshed|violence|violations|crisis|suffer\w*|tragic|tragedy|destruction"
             r"|revolution|uprising|struggle|strife|turmoil)\b")


def _war_age_at(published: pd.Timestamp) -> float:
    """The war's age in years on *published* (from 15 March 2011)."""
    return (published - _WAR_START_TS).days / 365.25


def _plausible_age(years: float, comp: str, published: pd.Timestamp, slack: float = _AGE_SLACK) -> bool:
    """Is *years* (with *comp*) the war's age at *published*, within *slack* years? (A floor
    may lie up to two slacks below the age: "the fifth year of the war" read in its sixth.)"""
    age = _war_age_at(published)
    if comp == "at_least":
        return age - 2 * slack <= years <= age + 0.25
    if comp in ("at_most", "less_than"):
        return age - 0.25 <= years <= age + slack
    return abs(years - age) <= slack


def _age_completed(num: Number, before: str, after: str) -> tuple[float, str, int] | None:
    """"as the conflict closes out its fourth year": N completed years (about), read before
    :func:`_duration` (which reads "its fourth year" as at least three)."""
    if num.kind != "ordinal":
        return None
    m = _ORDINAL_YEAR.match(after)
    if m and _COMPLETES_ITS.search(before) and _WAR_WORD.search(before):
        return float(num.value), "about", num.end + m.end()
    return None


def _age_other_words(num: Number, s: str, before: str, after: str, comp: str, hedge_len: int,
                     published: pd.Timestamp) -> tuple[float, str, int] | None:
    """(years, comparator, end offset) when *num* states the war's age in words
    :func:`_duration` does not read: "the fifth year of the Syrian war" (at least four),
    "Six years ago, the uprising was launched", "since it erupted nearly five years ago",
    "since the start of the conflict 30 months ago", "Eight years on, Assad ...", "suffered for
    13 years", "eight years of a pounding struggle", "in the 11 years since it erupted".
    Loose wording is read only when the span matches the war's age at *published*
    (:func:`_plausible_age`) and names no person's span (:data:`_PERSON_SPAN`); else None."""
    bare = before[:len(before) - hedge_len] if hedge_len else before
    hedge = before[len(bare):].lower().strip()
    if comp == "about" and re.match(r"nearly|almost|just under", hedge):
        comp = "at_most"  # as _duration: 'nearly N years' is a ceiling
    if num.kind == "ordinal":
        m = _ORDINAL_OF_WAR.match(after)
        if m and _plausible_age(num.value - 1, "at_least", published):
            return float(num.value - 1), "at_least", num.end + m.end()
        return None
    if num.kind != "count" or num.value >= 100:
        return None
    m = _YEARS_OF_EXILE.match(after)
    if m and _COLLECTIVE.search(s) and not _PERSON_SPAN.search(_EXILE_WORDS.sub(" ", s)) \
            and _plausible_age(num.value, comp, published):
        # "after more than 13 years of forced displacement" said of Syrians, refugees or
        # families: the span of the war that uprooted them (one person's exile is not read)
        return float(num.value), comp, num.end + re.match(r"\s*-?\s*years?", after, _FLAGS).end()
    if _PERSON_SPAN.search(s):
        return None
    ago = _AGO_AFTER.match(after)
    if ago:
        months = ago.group(1).lower().startswith("month")
        years = num.value / 12 if months else num.value
        head = not bare.strip() and _START_EVENT.search(s[num.end + ago.end():])
        # (tighter than other loose wording: "Five years ago, the fighting reached Aleppo" in 2017
        # dates an event a year after the start)
        if (_SINCE_START_BEFORE.search(bare) or head) and _plausible_age(years, comp, published, slack=0.75):
            return round(years, 4), comp, num.end + ago.end()
        return None
    m = _TURNS_BEFORE.search(bare)
    if m and not after.lstrip().lower().startswith(("year", "month", "day", "week", "percent", "%")) \
            and _plausible_age(num.value, comp, published):
        return float(num.value), comp, num.end  # "Syria's conflict turns eight on Friday"
    for rx, need_head in ((_YEARS_ON_HEAD, True), (_FOR_YEARS_AFTER, False), (_YEARS_OF_STRIFE, False),
                          (_YEARS_SINCE_START, False), (_LONG_YEARS_OF_WAR, False)):
        m = rx.match(after)
        if not m:
            continue
        if need_head and bare.strip():
            continue
        if rx is _FOR_YEARS_AFTER and not (_FOR_BEFORE.search(bare) and _WARISH.search(s)):
            continue
        if not (_SYRIA_OR_WAR.search(s) or rx is _YEARS_SINCE_START) \
                or not _plausible_age(num.value, comp, published):
            continue  # ("in the 11 years since it erupted": the war named in an earlier sentence)
        return float(num.value), comp, num.end + re.match(r"\s*-?\s*(?:[a-z]+\s+)?years?", after, _FLAGS).end()
    return None


_HEDGE_ALT = "|".join(h for h, _ in V.HEDGES)
#: "as the conflict enters its second decade": more than ten years.
_SECOND_DECADE = _c(r"\b(?:its|a)\s+second\s+decade\b")
#: "For over a decade, Syria has been enduring a ... crisis".
_FOR_A_DECADE = _c(r"\bfor\s+(?:(" + _HEDGE_ALT + r")\s+)?(?:a|one)\s+decade\b(?!\s+(?:of|after|since|into|in)\b)")
#: "Decade of Syria war killed ...", "the past decade of conflict" (with no "a" before it).
_DECADE_OF = _c(r"(?<![\w-])(?<!\ba )(?<!\bone )(?<!\btwo )decade\s+of\s+(?:the\s+|syria'?s\s+)?(?:syrian?\s+)?(?:civil\s+)?"
                r"(?:war|conflict|fighting|bloodshed)\b")
#: "Half a decade of war has left Syria in ruins": five years.
_HALF_DECADE = _c(r"\b(?:(" + _HEDGE_ALT + r")\s+)?half\s+a\s+decade\s+(?:of|after|since|into|in)\s+" + _WAR_NP)
#: "since the start of the conflict more than a decade ago".
_DECADE_AGO = _c(r"\b(?:(" + _HEDGE_ALT + r")\s+)?(?:a|one)\s+decade\s+ago\b")


def _decade_phrases(si: int, raw: str, s: str, offset: int, published: pd.Timestamp,
                    attribution: str, found: list[TextClaim]) -> list[TextClaim]:
    """The war's age said in decades in words :func:`_decades` does not read: "enters its
    second decade" (at least 10), "For over a decade, Syria has ...", "Decade of Syria war",
    "since the start of the conflict more than a decade ago". Spans already claimed in
    *found* are skipped."""
    taken = [(c.start - offset, c.end - offset) for c in found if c.kind == "duration"]
    out = []

    def add(m: re.Match[str], comp: str) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(TextClaim(si, raw, offset + m.start(), offset + m.end(), raw[m.start():m.end()], 10.0,
                             "duration", "war_duration_years", comp, "stock", _day(published),
                             _day(published), "SYR", "", "", attribution))

    def hedged(m: re.Match[str]) -> str:
        h = (m.group(1) or "").lower() if m.groups() else ""
        comp = next((c for p, c in V.HEDGES if h and re.fullmatch(p, h)), "about")
        return "at_most" if comp == "about" and re.match(r"nearly|almost|just under", h) else comp

    if _WAR_WORD.search(s):
        for m in _SECOND_DECADE.finditer(s):
            if _plausible_age(10, "at_least", published) or _war_age_at(published) >= 10:
                add(m, "at_least")
        for m in _DECADE_OF.finditer(s):
            add(m, "about")
    for m in _HALF_DECADE.finditer(s):
        comp = hedged(m)
        if _plausible_age(5, comp, published):
            out.append(TextClaim(si, raw, offset + m.start(), offset + m.end(), raw[m.start():m.end()], 5.0,
                                 "duration", "war_duration_years", comp, "stock", _day(published),
                                 _day(published), "SYR", "", "", attribution))
            taken.append((m.start(), m.end()))
    for m in _FOR_A_DECADE.finditer(s):
        comp = hedged(m)
        if _SYRIA_OR_WAR.search(s) and _WARISH.search(s) and not _PERSON_SPAN.search(s) \
                and (_war_age_at(published) >= 10 if comp == "at_least" else _plausible_age(10, comp, published)):
            add(m, comp)
    for m in _DECADE_AGO.finditer(s):
        if (_SINCE_START_BEFORE.search(s[:m.start()].rstrip() + " ") or _SINCE_START_BEFORE.search(s[:m.start()])
                or _WAR_BEGAN.search(s[max(0, m.start() - 60):m.start()])) and _war_age_at(published) >= 9:
            add(m, hedged(m))
    return out


#: A count of people arriving: "after 3,000 crossed the border" (not "crossed back").
_CROSSED = _c(r"^\s*(?:(?!(?:who|that|have|has|had)\b)[\w'-]+\s+){0,2}?(?:crossed|fled)\s+(?:the\s+border|over|into)\b"
              r"(?!\s+back)(?!\s+(?:\w+\s+)?(?:neighbou?ring|nearby|surrounding|other)\s+countries)")
#: A day's or a week's border crossings stay well below this (persons; the largest days of
#: 2012-2016 brought some 10,000-20,000 into one country): a larger count is a total.
_CROSSING_MAX = 50_000
_SINCE_ANY = _c(r"\bsince\b|\bso far\b|\bto date\b|\bin total\b")
#: A host country that hosts, shelters or took in the people counted: "Turkey hosts the largest
#: number of Syrians displaced by the conflict - nearly 3 million": refugees in that country.
_HOST_HOSTS = _c(r"\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD")) + r")\s*"
                 r"(?:,\s*(?:which|that)\s+)?"  # "Jordan, which has taken in" (H21d)
                 r"(?:now\s+|still\s+|currently\s+)?(?:hosts?|hosting|is home to|shelters?|has taken in|took in"
                 r"|has received)\b")


#: "displaced Syrians in Lebanon", "Syrians displaced to Turkey": in a country of asylum.
_DISPLACED_IN_HOST = _c(r"^\s*(?:displaced\s+syrians|syrians\s+(?:who\s+(?:have\s+|had\s+)?been\s+)?displaced)\s+"
                        r"(?:(?:now|currently|living|residing|staying|sheltering)\s+)?(?:in|to|into)\s+(?:the\s+)?(?:"
                        + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD")) + r")")


def _hosted_refugees(kind: str, clause_before: str, fwd: str = "") -> str:
    """A count of displaced people hosted by a named country of asylum is of refugees there
    ("Turkey hosts ... Syrians displaced by the conflict", "1.5 million displaced Syrians in
    Lebanon", as Lebanon's government calls its refugees)."""
    if kind == "displaced" and (_HOST_HOSTS.search(clause_before) or _DISPLACED_IN_HOST.match(fwd)):
        return "refugees"
    return kind


#: A part of a host country named in a count's own words ("170,000 registered in north
#: Lebanon", "150,000 in the Bekaa"), or people not yet registered ("16,706 are awaiting
#: registration"): a part of the host's count, for which the registry has no figure.
_HOST_PART = _c(r"\bin\s+(?:the\s+)?((?:north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+"
                r"(?:lebanon|jordan|turkey|iraq)|mount\s+lebanon|beirut|tripoli|bekaa(?:\s+valley)?|beqaa|akkar"
                r"|amman|irbid|mafraq|zarqa|istanbul|gaziantep|hatay|[sş]anl[iı]urfa|kilis|erbil|duhok|dohuk"
                r"|sulaymaniyah|(?:iraqi\s+)?kurdistan(?:\s+region)?|cairo|alexandria)\b")
_AWAITING = _c(r"\b(?:awaiting|await|waiting\s+(?:for|to\s+be))\s+(?:\w+\s+){0,3}?regist(?:ration|ered)\b"
               r"|\bin the process of being registered\b")


#: "into neighboring states and Egypt": the five hosts of the regional response, not Egypt alone.
_REGION_AND_EGYPT = _c(r"\bneighbou?r\w*\s+(?:states|countries|nations)\s+(?:and|plus|as well as)\s+egypt\b")


def _host_part(kind: str, fwd: str) -> str:
    """The part of its host a refugee count is about ('' if the whole host)."""
    if kind != "refugees":
        return ""
    m = _HOST_PART.search(fwd)
    if m:
        return m.group(1)
    # ("have registered with UNHCR or are awaiting registration": both together, the whole host)
    return "people awaiting registration" if _AWAITING.search(fwd) and not re.search(
        r"\bregist\w*\b[^.;]{0,40}\bor\s+(?:are\s+|were\s+|is\s+)?(?:\w+\s+)?(?:awaiting|waiting|in the process)",
        fwd, _FLAGS) else ""


def _breakdown_item(s: str, num: Number, prev: Number | None, out: list[TextClaim],
                    offset: int) -> TextClaim | None:
    """The refugee count before *num* when *num* is the next item of a semicolon list of a
    host's parts ("170,000 registered in north Lebanon; 150,000 in the Bekaa"), else None."""
    if prev is None or not out or out[-1].end - offset != prev.end or out[-1].kind != "refugees":
        return None
    if not re.fullmatch(r"[^;.\d]{0,60};\s*(?:and\s+)?(?:[\w'-]+\s+)?", s[prev.end:num.start], _FLAGS):
        return None
    fwd = s[num.end:num.end + 60]
    return out[-1] if re.match(r"\s*(?:\w+\s+)?in\s", fwd, _FLAGS) and _HOST_PART.search(fwd) else None


#: "around 80,000 each in Jordan and Turkey": one count for each of two hosts.
_EACH_IN = _c(r"^\s*each\s+in\s+([^,;.]+?)\s+and\s+([^,;.]+?)(?=[,;.]|\s+and\b|$)")


def _split_each(out: list[TextClaim], s: str, offset: int) -> list[TextClaim]:
    """A refugee count followed by "each in A and B" becomes one claim per host."""
    res = []
    for c in out:
        res.append(c)
        m = _EACH_IN.match(s[c.end - offset:]) if c.kind == "refugees" else None
        if m is None:
            continue
        first, second = _first(_HOSTS, m.group(1)), _first(_HOSTS, m.group(2))
        if first and second and first != second and c.host in (first, "REGION"):
            res[-1] = TextClaim(**{**asdict(c), "host": first, "subarea": "",
                                   "measure": _measure("refugees", c.group, first, "")})
            res.append(TextClaim(**{**asdict(c), "host": second, "subarea": "",
                                    "measure": _measure("refugees", c.group, second, "")}))
    return res


_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")


def extract_claims(text: str, published: str | pd.Timestamp, context: str = "") -> pd.DataFrame:
    """Every numeric claim about the war's statistics in *text* (columns :data:`EXTRACT_COLUMNS`).

    *published* (the text's publication date) anchors relative periods ("last year") and
    is the claim's ``as_of`` when the text names no other date. ``value`` is in persons,
    a fraction for shares (0.5 for "half"), years for the war's age; ``start``/``end`` are
    character offsets of the claim's words (hedge and number) in *text*; ``period_start``
    and ``as_of`` are ``YYYY-MM-DD``.

    Each sentence is read with what the sentences before it said (:class:`Context`): "the
    country was host to 356,000 refugees" takes the host country named last, and "Among
    them are 115,000 civilians" the kind of the previous sentence's last claim. *context* is
    text that came before *text* (e.g. the earlier part of an article), read only for that.
    """
    pub = pd.Timestamp(published)
    rows: list[dict] = []
    ctx = Context()
    if context:
        for sent in split_sentences(context):
            _update_context(ctx, sent.text, _claims_in_sentence(0, sent.text, 0, pub, ctx))
    prev_end = 0
    for si, sent in enumerate(split_sentences(text)):
        if ctx.toll is not None and not ctx.breakdown and _PARAGRAPH.search(text[prev_end:sent.start]):
            ctx.toll = None  # a toll is not carried into the next paragraph
        prev_end = sent.start + len(sent.text)
        found = _claims_in_sentence(si, sent.text, sent.start, pub, ctx)
        rows += [asdict(c) for c in found]
        _update_context(ctx, sent.text, found)
    # the number's governor corrects the measure family or drops non-war numbers (classify.py)
    return refine_claims(pd.DataFrame(rows, columns=EXTRACT_COLUMNS), text)


def _update_context(ctx: Context, sentence: str, found: list[TextClaim]) -> None:
    """Carry the last named host country and the last claim's kind to the next sentence."""
    s = _without_dateline(sentence.translate(_QUOTES))
    best: tuple[int, str] | None = None
    for rx, code in _HOSTS:
        if code in ("REGION", "WORLD"):
            continue
        for m in rx.finditer(s):
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    if best is not None:
        ctx.host = best[1]
    counts = [c.kind for c in found if c.kind not in ("duration", "share")]
    ctx.kind = counts[-1] if counts else ""
    ctx.wave = next((c for c in reversed(found) if c.measure == "idps_new_displacements"), None)
    ctx.refugee_host = next((c.host for c in reversed(found) if c.kind == "refugees"), "")
    ctx.earlier = (ctx.earlier + " " + s)[-600:]
    _update_toll(ctx, s, found)
    if _EPISODE_BEGAN.search(s):
        ctx.episode_text = s
        ctx.episode_area = next((a for a in [_first(_AREAS, s)] if a.startswith("SY-")), "")
    elif ctx.episode_area and (_OTHER_REGION.search(s) or (_first(_AREAS, s) or ctx.episode_area) != ctx.episode_area):
        ctx.episode_area = ""  # another front named ("In the coastal region, ..."): not the episode's place
    if _SPAN_OF_DAYS.search(s):
        ctx.span_text = s
    if _NON_WAR.search(s):
        ctx.disaster = True
    elif _WAR_OWN.search(s) or not _DEATH_TALK.search(s):
        ctx.disaster = False
    ctx.war_began = bool(re.search(r"(?:war|conflict|crisis|uprising|revolution)\b[^.;]{0,30}(?:began|started"
                                   r"|erupted|broke out)\b[^.;]{0,30}\W*$", s, _FLAGS))


# ---------------------------------------------------------------- displacement families (H20f)
#: A local event as the subject of a verb that uproots, right before the count ("the conflict
#: in Sweida province has forced 93,000 residents", "violence displaces 500,000", "Turkey's
#: assault ... has forced 130,000 people"): the event's new displacement.
_EVENT_SUBJECT = _c(r"\b(?:offensive|assault|escalation|invasion|incursion|operation|fighting|violence|clashes"
                    r"|hostilities|bombardment|bombing|air ?strikes|campaign|onslaught|advance"
                    r"|(?:conflict|war|fighting|violence) in (?:[\w'-]+\s+){0,4}?(?:province|governorate|region"
                    r"|city|countryside|enclave))\b[^.;]{0,60}?\b(?:has |have |had )?(?:displaced|displaces|forced"
                    r"|uprooted|driven|pushed|prompted|caused|sent)\s*$")
#: The count's own clause names the event that uprooted it ("displaced by the fighting around
#: Ras al-Ayn", "so far by the Turkish invasion", "as violence spreads", "due to escalating violence").
_EVENT_AFTER = _c(r"\b(?:by|amid|due to|because of|following|after)\s+(?:the\s+|an?\s+|its\s+)?(?:[\w'-]+\s+){0,2}?"
                  r"(?:invasion|incursion|offensive|escalation|assault|onslaught|bombardment)\b"
                  r"|\b(?:by|amid|due to|because of)\s+(?:the\s+)?(?:renewed|recent|latest|escalating|ongoing|new|heavy"
                  r"|intense|sectarian)\s+(?:fighting|violence|clashes|hostilities)\b"
                  r"|\b(?:by|amid)\s+(?:the\s+)?(?:fighting|clashes|violence|hostilities)\s+(?:around|near|in and around"
                  r"|along)\b"
                  r"|\b(?:escaping|fleeing|to escape|to flee)\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,3}?(?:invasion|incursion|offensive"
                  r"|escalation|assault|onslaught|bombardment|fighting|clashes)\b"
                  r"|\bas (?:the )?(?:fighting|violence|clashes|hostilities) (?:spread|spreads|escalates|escalated"
                  r"|intensifies|intensified|rages|raged)\b")
#: A verb of being uprooted in the count's own words ("forced to flee their homes", "have fled").
_UPROOT_VERB = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:(?:were|have|had|was|has)\s+(?:\w+\s+)?(?:been\s+)?(?:\w+\s+)?"
                  r"(?:displaced|uprooted|forced|driven)|fled|have fled|had fled|to flee|flee)\b")
#: Displacement told as one more time ("were displaced, many for the second or third time").
_AGAIN = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:were|was)\s+displaced\b[^.;]{0,30}\bfor the (?:second|third|fourth|fifth|\w+th)"
            r"(?:\s+or\s+\w+)? time\b")
#: Counts of movements, not of people on a date ("52,910 IDP arrivals", "1.8 million population
#: movements", "400,000 individual displacements").
_MOVEMENTS = _c(r"^\s*(?:new\s+|individual\s+|idp\s+|population\s+|displacement\s+|recorded\s+)*"
                r"(?:arrivals|departures|movements|displacements)\b")
#: Displaced people said to be in a country of asylum ("2.6 million displaced Syrians sitting
#: in camps in neighboring countries", "in tiny Lebanon"): refugees.
_IN_HOST = _c(r"\b(?:in|to|into)\s+(?:the\s+)?(?:neighbou?ring|nearby|surrounding) countries\b"
              r"|\bin\s+(?:[\w'-]+\s+)?(?:lebanon|jordan|turkey|t[uü]rkiye|iraq|egypt)\b")
#: Asylum statistics of the 44 industrialised countries (UNHCR's yearly "Asylum Trends").
_INDUSTRIALISED = _c(r"\b(?:industriali[sz]ed|developed|rich|wealthy) (?:countries|nations|states|world)\b")
#: Returns inside Syria named in the count's clause, and returns from abroad.
_IDP_RETURN_WORDS = _c(r"\bdisplaced (?:inside|within) (?:syria|the country)\b|\bplaces? of origin\b"
                       r"|\bcommunities of origin\b|\binternally displaced\b")
_ABROAD_RETURN_WORDS = _c(r"\brefugees?\b|\bfrom abroad\b|\bfrom (?:turkey|t[uü]rkiye|lebanon|jordan|iraq|egypt"
                          r"|neighbou?ring)")
#: A sentence about the whole world ("Worldwide, an estimated 5.5 million people were uprooted").
_WORLD_HEAD = _c(r"^\W*(?:worldwide|globally|around the world|across the world|across the globe)\b")
#: A span of days (less than a week): "in the last three days", "in a single day", "24 hours".
_DAYS_SPAN = _c(r"\b(?:two|three|four|five|six|few|several|[2-6]) days\b|\b(?:a|one|single) day\b|\b24 hours\b|\bovernight\b")
#: Above this a count "displaced by the fighting" is the war's (displacement_events.WAVE_MAX).
_WAVE_MAX = WAVE_MAX


def _uprooted(s: str, num: Number, n_own: int, bare: str) -> bool:
    """True if the count is of people uprooted by an event: its own verb uproots them
    ("have fled", "were forced to flee") or a local event uproots them ("the offensive
    displaced ..."). A day's or a week's such count is a new displacement, not dropped."""
    if _DAYS_SPAN.search(s[num.end:n_own][:160] + " " + bare[-60:]) and (
            _BRINGS_TOTAL.search(s) or not _FLEE_VERB.match(s[num.end:n_own])):
        # a few days' movement ("in the last three days alone, bringing the total to 800,000"):
        # the running total is the war statistic, not the increment
        return False
    return bool(_UPROOT_VERB.match(s[num.end:n_own]) or _EVENT_SUBJECT.search(bare)) \
        and num.value <= _WAVE_MAX


#: This year so far ("since the start of the year", "so far this year"): a recent span.
_THIS_YEARS = _c(r"\bsince the (?:start|beginning) of (?:the |this )?year\b|\b(?:so far )?this year\b"
                 r"|\bso far in (?:19|20)\d\d\b")


def _new_displacement(s: str, num: Number, n_own: int, bare: str, rest: str = "") -> bool:
    """True if a count of displaced people is a new displacement (a flow) by the words
    around it: a local event is the subject of the verb that uprooted them ("the conflict in
    Sweida province has displaced 145,000"), the count's clause names the event ("displaced
    by the fighting around Ras al-Ayn", "so far by the Turkish invasion"), the count is of
    movements ("52,910 IDP arrivals"), or the displacement is told as one more time ("were
    displaced, many for the second or third time"), or people displaced from a named
    governorate ("150,000 people ... have been displaced from Idlib and Hama"). *rest* is the
    verb after an "including" aside, if any (it is the count's own verb)."""
    own = rest or s[num.end:n_own]
    if num.value > _WAVE_MAX or re.search(r"\bsince (?:the )?(?:start|beginning|outbreak|onset)\b(?! of (?:the |this )?year)"
                                          r"|\bsince (?:19|20)\d\d\b"
                                          r"|\bsince \w+ 2011\b", own + " " + bare[-80:], _FLAGS):
        return False
    if _MOVEMENTS.match(own) or _AGAIN.match(own):
        return True
    if _EVENT_SUBJECT.search(bare):
        return True
    if _UPROOT_VERB.match(own) and _THIS_YEARS.search(_own_clause(own)[:160] + " " + bare[-80:]):
        return True  # "Since the start of the year, 70,000 people have been displaced"
    if _UPROOT_VERB.match(own) and re.search(r"\bfrom\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:" + _AREA_NAMES + r")\b",
                                              _own_clause(own)[:100], _FLAGS):
        return True
    if _fled_recently(own, bare):
        return True
    return bool(_UPROOT_VERB.match(own) and _EVENT_AFTER.search(own[:160]))


def _displacement_kind(kind: str, s: str, num: Number, n_own: int) -> str:
    """The kind corrected by the count's own words: movements of people ("IDP arrivals",
    "population movements") are displacements; displaced people said to be in a country of
    asylum are refugees."""
    own = s[num.end:n_own]
    if kind in ("idps", "displaced", "population") and _MOVEMENTS.match(own):
        return "displaced"
    if kind == "displaced" and _IN_HOST.search(_own_clause(own)[:100]) and not _INSIDE_AFTER.match(own):
        return "refugees"
    return kind


def _asylum_of_all(s: str, num: Number, n_own: int) -> bool:
    """True if an asylum count is of all nationalities (:func:`.classify.asylum_of_all`)."""
    return asylum_of_all(s, num.start, num.end)


def _industrialised(ptype: str, pstart: pd.Timestamp, as_of: pd.Timestamp, published: pd.Timestamp
                    ) -> tuple[str, str, str, pd.Timestamp, pd.Timestamp]:
    """(host, measure, period_type, period_start, as_of) of Syrians' asylum applications in the
    industrialised countries: UNHCR counts them by calendar year, so a count without a named
    year is the year before publication (the year the report covers); host WORLD (more than
    Europe: the registry's European series does not hold them)."""
    if ptype != "flow":
        y = published.year - 1
        pstart, as_of = pd.Timestamp(year=y, month=1, day=1), pd.Timestamp(year=y, month=12, day=31)
    return "WORLD", "asylum_applications_europe", "flow", pstart, as_of


def _world_framed(s: str, num: Number, n_own: int, kind: str, measure: str) -> bool:
    """True if the sentence opens on the whole world ("Worldwide, ...") and the count's own
    words name no Syrian: the world's displacement, of all nationalities."""
    if not _WORLD_HEAD.match(s) or measure.startswith("global") or kind not in ("displaced", "idps", "refugees"):
        return False
    return not _SYRIA.search(re.split(r"[,;]", s[:num.start])[-1] + " " + _own_clause(s[num.end:n_own]))


#: A dash-delimited "including" aside ("at least 800,000 people - including an estimated
#: 480,000 children and 168,000 women - fled the fighting"): open before a number inside it,
#: or right after the number that leads it.
_DASH_ASIDE_OPEN = _c(r"\s-\s*(?:including|among them|of whom)\b[^.;]{0,160}$")
_DASH_ASIDE_CLOSE = _c(r"^[^.;]{0,160}?\s-\s?")
_DASH_ASIDE_AFTER = _c(r"^[\w\s'-]{0,30}?\s-\s*(?:including|among them|of whom)\b[^.;]{3,160}?\s-\s?")


def _dash_aside_kind(before: str, after: str) -> str:
    """The kind named by the verb after a dash-delimited "including" aside that holds or
    follows the number (the verb is the lead count's and every item's), or ""."""
    if _DASH_ASIDE_OPEN.search(before) and " - " not in before[_DASH_ASIDE_OPEN.search(before).start() + 2:]:
        m = _DASH_ASIDE_CLOSE.match(after)
    else:
        m = _DASH_ASIDE_AFTER.match(after)
    if not m:
        return ""
    rest = after[m.end():m.end() + 120]
    return _priority(_CUES, rest[:80]) or _priority(_FALLBACK, rest[:80])


#: A comma-delimited "including" aside after a lead count ("1,500 civilians, including 300
#: children, died ..."), open before a count inside it, and the verb that follows it.
_COMMA_ASIDE_AFTER = _c(r"^[\w\s'-]{0,40}?,\s*(?:including|among them|of whom)\b[^;]{3,160}?,\s+")
_COMMA_ASIDE_OPEN = _c(r",\s*(?:including|among them|of whom)\b(?:[^,;]|,(?=\d))*$")
_COMMA_ASIDE_CLOSE = _c(r"^(?:[^,;]|,(?=\d)){0,60}?,\s+")
_ASIDE_VERB = _c(r"^(?:\w+ly\s+)?(?:have|has|had|were|was|are|is|died|fled|returned|remain|remained|been|were"
                 r"|perished|went|left)\b")


def _after_aside(before: str, after: str) -> str:
    """The words after an "including" aside (between commas or dashes) that holds or
    follows the number, when they open on the verb of the lead count ("... - fled the
    fighting since the start of December", "..., died in Aleppo last month"); "" if none."""
    if _DASH_ASIDE_OPEN.search(before) and " - " not in before[_DASH_ASIDE_OPEN.search(before).start() + 2:]:
        m = _DASH_ASIDE_CLOSE.match(after)
    elif _COMMA_ASIDE_OPEN.search(before):
        m = _COMMA_ASIDE_CLOSE.match(after)
    else:
        m = _DASH_ASIDE_AFTER.match(after) or _COMMA_ASIDE_AFTER.match(after)
    if not m:
        return ""
    rest = after[m.end():m.end() + 160]
    return rest if _ASIDE_VERB.match(rest) else ""


#: "half of 2025", "half of the year": a part of a year (a date), not a share of people.
_HALF_OF_YEAR = _c(r"\s+of\s+(?:the\s+year\b|last\s+year\b|this\s+year\b|(?:19|20)\d\d\b)")
#: Governorate names (for "displaced from Idlib and Hama").
_AREA_NAMES = (r"idlib|idleb|hama|homs|aleppo|daraa|dara'a|deir[- ]ez[- ]zor|raqqa|hasakah|hassakeh|al-hasakah"
               r"|sweida|suwayda|as-suwayda|quneitra|latakia|tartus|rural damascus|eastern ghouta|afrin")
#: People fleeing now: "have fled", "(are) fleeing", "to flee", "flee" (a headline's present).
_FLEE_VERB = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:\(?(?:are|were|is|was)\)?\s+)?(?:have\s+|has\s+|had\s+)?(?:fleeing|fled|flee"
                r"|to flee)\b")
#: A recent span of days or weeks ("in the last few days", "in recent days", "this week").
_RECENT_SPAN = _c(r"\b(?:in|over|during|within) (?:the )?(?:last|past|recent) (?:few |several |\w+ )?(?:days|weeks)\b"
                  r"|\bin recent (?:days|weeks)\b|\b(?:this|last) week\b|\bwithin (?:a|one|two|three|\w+) (?:days?|weeks?)\b")
#: Fleeing a Syrian place ("have fled Aleppo city", "fleeing from north of Aleppo city", "flee
#: the enclave", "flee Aleppo countryside"): people uprooted inside Syria by what happens there.
_FLEE_PLACE = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:\(?(?:are|were|is|was)\)?\s+)?(?:have\s+|has\s+|had\s+)?(?:fleeing|fled|flee"
                 r"|to flee)\s+(?:from\s+)?(?:(?:north|south|east|west)\s+of\s+)?(?:the\s+)?"
                 r"(?:(?:city|town|province|governorate|countryside|region|enclave|area)\s+of\s+)?"
                 r"(?:(?:" + _AREA_NAMES + r")\b|(?:besieged\s+|rebel-held\s+)?(?:enclave|pocket)\b)")


#: "The latest outbreak in violence in Idlib ... has left dozens of casualties ... and forced":
#: a wave named as the newest of its kind is the subject of the verb that uprooted them.
_LATEST_EVENT = _c(r"\b(?:latest|recent|new|renewed|current)\s+(?:outbreak|escalation|wave|round|surge|upsurge|flare-up"
                   r"|spate)\b[^.;]{0,160}\b(?:forced|displaced|driven|pushed|uprooted|prompted)\s*$")
#: Displaced "by hostilities in Afrin district", "by the fighting in Idlib province": a local event.
_LOCAL_EVENT_BY = _c(r"\bby\s+(?:the\s+)?(?:fighting|clashes|violence|hostilities|bombardment|shelling|air ?strikes)\s+"
                     r"in\s+(?:[\w'-]+\s+){0,3}?(?:district|province|governorate|city|town|area|countryside|region)\b")
#: "who fled Turkey's military offensive in Afrin": the country named is the actor of an
#: offensive inside Syria, not a destination.
_FLED_ACTORS_OFFENSIVE = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:fled|fleeing|escaped|escaping)\s+(?:the\s+)?[\w-]+'s\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:offensive|assault|operation|incursion|invasion|bombardment|campaign)\b")
#: "bringing the total ... to 800,000": the sentence gives the running total of the wave.
_BRINGS_TOTAL = _c(r"\bbringing (?:the|their|its) (?:total|overall)\b")


def _fled_recently(own: str, bare: str) -> bool:
    """People who fled within a recent span of days or weeks, or who fled a Syrian place
    (not a country): a new displacement inside Syria (H21d)."""
    if not _FLEE_VERB.match(own) and not _UPROOT_VERB.match(own):
        return False
    return bool(_RECENT_SPAN.search(_own_clause(own)[:160] + " " + bare[-80:]) or _FLEE_PLACE.match(own)
                or _LOCAL_EVENT_BY.search(_own_clause(own)[:160]) or _FLED_ACTORS_OFFENSIVE.match(own)
                or _LATEST_EVENT.search(bare))


#: "At least 150 dead, 100,000 displaced": one event's dead and displaced (a headline's flow).
_DEAD_AND_DISPLACED = _c(r"\b[\d,.]+\s+(?:dead|killed)\s*,\s*$")
#: A count joined to a count of returns ("..., along with more than 1.2 million IDPs").
_ALONG_WITH = _c(r"\b(?:along with|together with|alongside|in addition to|as well as)\s*$")
#: A plan to help people return ("a framework to help 1.5 million refugees and 2 million IDPs
#: return home in 2025"): a target, not a count.
_PLAN_HELP = _c(r"\b(?:framework|plan|programme|program|strategy|appeal|response|aims?|aiming|seeks?|seeking|targets?"
                r"|hopes?)\b[^.;]{0,40}\b(?:help|enable|support|facilitate|assist)\b[^.;]{0,60}$")
#: "of the Syrians in Jordan": a share of one host country's Syrian residents.
_HOST_SYRIANS = _c(r"^\s*of\s+(?:the\s+|all\s+)?(?:\w+\s+)?syrians?\s+(?:(?:who\s+)?(?:are\s+)?(?:living|residing"
                   r"|staying)\s+)?in\s+")


def _dateline_area(sentence: str) -> str:
    """The governorate a dateline names ("IDLIB, Syria (AP) -"), for a sentence that then
    refers to "the province" or "the city": blanking the dateline must not lose it."""
    m = V.DATELINE_RE.match(sentence.translate(_QUOTES))
    return _first(_AREAS, m.group(0)) if m else ""


def _along_with_returns(kind: str, out: list[TextClaim], offset: int, num: Number, between: str) -> bool:
    """True if the count is joined to the count of returns before it by "along with" (and
    the like): it counts returns too ("Over 500,000 refugees have returned ..., along with
    more than 1.2 million internally displaced persons")."""
    if kind not in ("refugees", "idps", "displaced") or not out or out[-1].kind != "returns" \
            or out[-1].end - offset > num.start:
        return False
    lead = re.sub(r"(?:more than|over|about|some|nearly|almost|around|an estimated|at least)\s*$", "",
                  between.strip(), flags=_FLAGS).strip()
    return bool(_ALONG_WITH.search(lead))


def _planned_return(kind: str, s: str, num: Number) -> bool:
    """True if a count of returns (or of refugees and IDPs to be returned) is the target of a
    plan to help them return ("a framework to help 1 million refugees and 2 million IDPs
    return home in 2025")."""
    return kind in ("returns", "refugees", "idps") and bool(_PLAN_HELP.search(s[:num.start])) \
        and bool(re.search(r"\breturn", s[num.end:num.end + 80], _FLAGS))


def _projections_past_years(s: str, nums: list[Number], proj: list[bool]) -> list[bool]:
    """*proj* with a forecast carried to the next count across a year named between them
    ("expects the return of a million refugees in 2026 and more than 3 million within two
    years")."""
    out = list(proj)
    counts = [k for k, n in enumerate(nums) if n.kind == "count"]
    for a, b in zip(counts, counts[1:]):
        if all(nums[j].kind == "year" for j in range(a + 1, b)) and b > a + 1 \
                and (out[a] or out[b]) and _COORDINATED.match(_YEAR_WORDS.sub("", s[nums[a].end:nums[b].start])):
            out[a] = out[b] = True
    return out


_YEAR_WORDS = _c(r"\s*\b(?:in|by|for|of)\s+(?:19|20)\d\d\b")


def _host_syrians_denominator(rest: str) -> bool:
    """True if a share is of the Syrians in one host country ("nearly half of the Syrians in
    Jordan are registered as refugees"): not a share of Syria's people."""
    m = _HOST_SYRIANS.match(rest)
    return bool(m and _HOST_COUNTRY.match(rest[m.end():]))


def _share_host(measure: str, rest: str) -> str:
    """The country of asylum of a share of Syrians who became refugees there ("one in every
    eight Syrians has fled across the border into Lebanon"); "" for other shares."""
    if measure != "refugees_share":
        return ""
    m = re.search(r"\b(?:into|in|to)\s+(?:neighbou?ring\s+)?(" + "|".join(p for p, h in V.HOSTS
                                                                        if h not in ("REGION", "WORLD")) + ")",
                  _own_clause(rest)[:120], _FLAGS)
    return _first(_HOSTS, m.group(1)) if m else ""


def _in_day_span(s: str, num: Number) -> bool:
    """True if the number is a day of a span of dates ("Between 1 and 20 May"), not a count."""
    return any(m.start() <= num.start < m.end() for m in _DAY_SPAN_RE.finditer(s))


_DAY_SPAN_RE = _c(r"\b(?:between|from)\s+\d{1,2}\s+(?:(?:" + _MONTH_ALT + r")\s+)?(?:and|to|until|-)\s+\d{1,2}\s+(?:"
                  + _MONTH_ALT + r")\b")


#: A verb that uproots right before a count ("forced some 30,000 people to flee", "displaced
#: more than 100,000"), and what follows a count that "forced" governs.
_UPROOT_BEFORE = _c(r"\b(?:displaced|displaces|displacing|uprooted|forced|drove|driven|pushed)\s+(?:some\s+|about\s+"
                    r"|around\s+|nearly\s+|more than\s+|over\s+|at least\s+)?$")
_TO_FLEE_AFTER = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:to (?:flee|leave)|from their homes|out of their homes)\b")


def _uprooting_verb_kind(kind: str, bare: str, after: str) -> str:
    """"displaced" when the verb that governs the count uproots people, whatever killing
    word stands nearby ("Airstrikes killed dozens and forced some 30,000 people to flee":
    the 30,000 are displaced, not dead)."""
    if kind not in ("deaths", "") or not _UPROOT_BEFORE.search(bare):
        return kind
    if re.search(r"\bforced\s+(?:\w+\s+)?$", bare, _FLAGS) and not _TO_FLEE_AFTER.match(after):
        return kind  # "forced" without a flight is no displacement
    return "displaced"


#: A comma-delimited relative or participial clause ("Lebanon, which closed its border in
#: 2015, hosts ...", "The campaign, launched in April 2019, has killed ..."): its date is
#: the clause's, not the main count's.
_REL_ASIDE = _c(r",\s*(?:(?:in|during|by|through|for|of|under|after)\s+)?(?:which|who|whose|whom|where|when)\b[^,;.]{0,100}?,"
                r"|,\s*(?:launched|begun|started|opened|established|founded|built|set up|created|declared"
                r"|imposed|signed|brokered)\b[^,;.]{0,80}?,")


def _blank_asides(s: str, num: Number) -> str:
    """*s* with the relative or participial asides that do not hold *num* blanked (same
    length: offsets stay valid)."""
    return _REL_ASIDE.sub(lambda m: m.group(0) if m.start() <= num.start < m.end() else _blank(m), s)


#: Words of killing and the dead: a sentence without a claim that has none tells another story.
_DEATH_TALK = _c(r"\bkill|\bdie[ds]?\b|\bdead\b|\bdeaths?\b|\btoll\b|\bvictims?\b|\bfatalit|\bcasualt"
                 r"|\blives\b|\bmonitor\b|\bobservatory\b|\bnetwork\b|\bdocument")


def _update_toll(ctx: Context, s: str, found: list[TextClaim]) -> None:
    """Carry the last death toll to the next sentence (kept across sentences with no claim
    or only injuries; dropped at a claim of another kind) and whether a breakdown of it was
    announced ("..., as follows:") or goes on (a line that opens on a count)."""
    deaths = [c for c in found if c.kind == "deaths"]
    line = ctx.breakdown and _opens_on_part(s)
    lead = _BREAKDOWN_LEAD.search(s.rstrip())
    if lead and ctx.toll is not None and not any(0 <= s.find(c.claim_text) < lead.start() for c in deaths):
        pass  # "The fatalities can be distributed as follows: 108 civilians ...": the toll before
    elif deaths and not line and not (ctx.toll is not None and _follows_toll(s)):
        ctx.toll = deaths[0]
    elif any(c.kind not in _DEATH_KINDS + ("duration", "share") for c in found) or _incident_only(s, found):
        ctx.toll = None
    elif not found and not _follows_toll(s) and not _DEATH_TALK.search(s):
        ctx.toll = None  # "Authorities freed detainees on Sunday.": another story; "Among them ..." after it is not the toll's
    ctx.breakdown = ctx.toll is not None and (bool(lead) or line)


# ---------------------------------------------------------------- episode and campaign tolls (H21t)
#: An episode of fighting or killing: the toll counted over it is a war statistic of its own
#: span (a campaign's or an episode's), not one incident's casualties.
_EPISODE_WORDS = (r"clashes|violence|fighting|hostilities|offensive|operation|assault|campaign|escalation"
                  r"|bombardment|shelling|air ?strikes|raids|massacres|killings|executions|incursion|invasion"
                  r"|unrest|bloodshed|attacks|forces|militias|gunmen")
_EPISODE = _c(r"\b(?:" + _EPISODE_WORDS + r")s?\b")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d{1,2})"
#: The span of an episode in a count's sentence: since it began ("since hostilities erupted on
#: March 6", "since Thursday", "since the start of the offensive"), or a span of days, weeks or
#: months ("a week of bloody clashes", "within a week", "over the past three days", "several
#: days of clashes", "a two-month offensive"). Group 1: the number of units; group 2: the unit.
_EPISODE_SPAN = _c(r"\bsince\b[^.;]{0,50}?\b(?:erupted|broke out|began|started|flared|escalated|launched|was launched)\b"
                   r"|\bsince (?:the )?(?:start|beginning|outbreak|launch|onset) of (?:the |its |this |that )?(?:[\w'-]+\s+){0,3}?"
                   r"(?:" + _EPISODE_WORDS + r")\b"
                   r"|\bsince (?:last )?" + _WEEKDAY + r"\b|\bsince then\b"
                   r"|\bsince\s+(?:(?:" + _MONTH_ALT + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:"
                   + _MONTH_ALT + r"))\b(?!,?\s+(?:19|20)\d\d)"
                   r"|\b(?:within|in|over|during|after|of|from) (?:just |only |a |an )?(?:the (?:past|last) )?(" + _NUM_WORD + r")[- ]"
                   r"(days?|weeks?|months?)(?:-long)?\b"
                   r"|\b(" + _NUM_WORD + r")[- ](days?|weeks?|months?)(?:-long)?\s+of\s+(?:[\w'-]+\s+){0,2}?(?:" + _EPISODE_WORDS + r")s?\b")
#: One attack as the subject of a relative clause that gives its dead ("The Douma attack, which
#: killed at least 43 people, ..."): its casualties are an incident's, whatever span follows.
_ONE_ATTACK_BEFORE = _c(r"\b(?:attack|strike|air ?strike|bombing|explosion|blast|massacre|ambush|raid)\s*,?\s*(?:which|that)\s+"
                        r"(?:has\s+|had\s+)?(?:killed|left|claimed)\b[^.;,]{0,30}$")
#: How long ago an episode began, in the words after its "since ... began" ("two months ago").
_START_AGO = _c(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s+(days?|weeks?|months?)\s+ago\b")
#: A region of Syria without a governorate code ("the coastal region", "the north-east"): a
#: sentence naming one is not about the governorate of an episode named before.
_OTHER_REGION = _c(r"\b(?:coast(?:al)?|north(?:-?west(?:ern)?|-?east(?:ern)?|ern)?|south(?:-?west(?:ern)?|-?east(?:ern)?|ern)?"
                   r"|east(?:ern)?|west(?:ern)?|central)\s+(?:region|syria|provinces|areas|countryside)\b|\bnationwide\b")
#: The war as the killer ("Syria's war has killed more than 500,000"): the toll is the war's.
_WAR_HAS_KILLED = _c(r"\b(?:war|conflict|uprising)\b[^.;,]{0,20}?\b(?:has|have|had)\s+(?:now\s+)?(?:killed|claimed|left)\b"
                     r"|\bsince the (?:start of the )?(?:war|conflict|uprising)\b")
#: One day named in the count's own clause: that day's casualties stay an incident's.
_ONE_DAY = _c(r"\bon " + _WEEKDAY + r"\b|\b(?:today|yesterday|overnight|alone)\b|\bin (?:a|one|a single) day\b"
              r"|\b(?:past|last) (?:24|48) hours\b")
_UNITS_OF = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "several": 7, "a few": 3, "few": 3}


def _episode_span(s: str, num: Number, published: pd.Timestamp,
                  ctx_start: pd.Timestamp | None = None) -> pd.Timestamp | None:
    """The first day of the episode whose death toll *num* counts (a campaign's or an
    episode's toll: "the toll since the violence broke out", "killed within a week of
    clashes in Sweida", "Turkish shelling has killed 96 civilians since the operation began
    on 24 August"), or None if *num* is no such toll. The sentence must name an episode of
    fighting or killing and its span, not one day ("killed on Tuesday alone"). The start is
    the day named ("since Thursday", "on March 6": the latest such day on or before
    *published*), else *ctx_start* (the start an earlier sentence of the text gave: "The
    operation, launched on January 20, ..."), else *published* less the span (a week, three
    days, two months). Days: published - span is the start (the text gives no other)."""
    # (an episode named, or a governorate's dead counted since a day: "150 residents of Hama
    # province have been killed since Monday")
    named = bool(_EPISODE.search(s)) or (_first(_AREAS, s).startswith("SY-") and bool(re.search(r"\bsince\b", s, _FLAGS)))
    if not _DEATH_TALK.search(s) or not named or _WAR_HAS_KILLED.search(s) or _ABROAD_DEATHS.search(s):
        return None  # (the war's toll beside "a month-long campaign of remembrance" is the war's)
    if _ONE_ATTACK_BEFORE.search(s[max(0, num.start - 120):num.start]):
        return None  # "The Douma attack, which killed at least 43 people, came after two months of ...": one attack's dead
    lo, hi = _clause_bounds(s, num)
    m = _EPISODE_SPAN.search(s, lo, hi)
    if m is None:
        return None
    own = _own_clause(s[num.end:hi])
    if _ONE_DAY.search(s[max(lo, num.start - 60):num.start] + " " + own[:80]):
        return None
    units, unit = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    if unit is None:
        # a start named: a day, or the start of the episode
        said = s[m.start():min(hi, m.end() + 60)]  # "since hostilities erupted on March 6", "since Moscow began its bombing campaign on September 30"
        found = _period(said, said, "deaths", published)
        if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) + pd.Timedelta(days=120):
            return found[1]
        ago = _START_AGO.search(s[m.start():hi][:120])
        if ago:
            # "since Ankara launched its offensive two months ago": the start is that long ago
            n = _UNITS_OF.get(ago.group(1).lower()) or (int(ago.group(1)) if ago.group(1).isdigit() else 0)
            unit = ago.group(2).lower().rstrip("s")
            if n and not (unit == "month" and n > 6):
                span = {"day": pd.Timedelta(days=n), "week": pd.Timedelta(weeks=n)}.get(unit) or pd.DateOffset(months=n)
                return (published - span).normalize()
        return ctx_start if ctx_start is not None and ctx_start <= published else None
    units = units.lower()
    # (a span under a week with no start named stays one bombardment's: "250 civilians killed
    # in two days of bombardment"; "several days" is read as up to a week)
    n = _UNITS_OF.get(units) or (int(units) if units.isdigit() else 0)
    if not n:
        return None
    unit = unit.lower().rstrip("s")
    span = {"day": pd.Timedelta(days=n), "week": pd.Timedelta(weeks=n)}.get(unit) or pd.DateOffset(months=n)
    if unit == "month" and n > 6:
        return None
    if unit == "day" and n < 7:
        return None  # a long span: a war's or a year's, read by the period rules
    return (published - span).normalize()


#: An earlier sentence naming the day an episode began ("The operation, launched on January 20,
#: ...", "Operation Euphrates Shield was launched in northern Syria on 24 August").
_EPISODE_BEGAN = _c(r"\b(?:" + _EPISODE_WORDS + r"|operation [\w' -]{2,30}?)\b[^.;]{0,60}?\b(?:launched|began|begun|started"
                    r"|erupted|broke out)\b[^.;]{0,40}?\bon\s+((?:\d{1,2}\s+)?(?:" + _MONTH_ALT + r")\.?(?:\s+\d{1,2})?"
                    r"(?:,?\s+(?:19|20)\d\d)?)")


def _episode_start(s: str, published: pd.Timestamp) -> pd.Timestamp | None:
    """The day an episode began, as a sentence names it ("The operation, launched on January
    20, ..."), or None."""
    m = _EPISODE_BEGAN.search(s)
    if m is None:
        return None
    found = _period("since " + m.group(1), "since " + m.group(1), "deaths", published)
    return found[1] if found[0] == "cumulative" and found[1] > pd.Timestamp(V.WAR_START) else None


#: Words of the war in a sentence's own text: after an earthquake's or an epidemic's story a
#: toll that names none of them is the disaster's, not the war's (H21t).
_WAR_OWN = _c(r"\b(?:war|conflict|fighting|clashes|offensive|bombardment|shelling|air ?strikes|battles?|hostilities"
              r"|uprising|revolution|massacres?|executions?|torture|regime forces|government forces)\b"
              r"|\bsince\s+(?:(?:march\s+)?2011|the\s+(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|conflict|uprising|crisis))\b")


# ---------------------------------------------------------------- perpetrators (H21t)
_PERPS = [(_c(p), code) for p, code in V.PERPETRATORS]
#: The killers named after a count in its own clause ("killed by the forces of the ousted
#: Assad regime", "lost their lives at the hands of other parties").
_BY_PERP = _c(r"\b(?:by|at the hands of)\s+(?:the\s+)?((?:[\w'-]+\s+){0,6}[\w'-]+)")
#: A verb of killing between the killers named before a count and the count ("Russian
#: forces were responsible for the deaths of", "Turkish bombardment has killed", "the SDF
#: were implicated in").
_KILL_BETWEEN = _c(r"\b(?:killed|kills|killing|responsible|accountable|implicated|claimed|left)\b")
_OLD_REGIME = _c(r"assad|regime|ousted|former")


def _perpetrator(s: str, num: Number, published: pd.Timestamp) -> str:
    """Who killed the dead counted by *num* (a registry perpetrator code), as its clause says:
    the killers after it ("killed by X", "at the hands of X") or before it with a verb of
    killing between ("X were responsible for the deaths of N", "X's shelling has killed N"),
    else ''. The government's or security forces of a text published after the fall of
    Assad with no word of the old regime are the transitional government's."""
    lo, hi = _clause_bounds(s, num)
    # (past an aside: "223 civilians, including 65 children, were killed by ...")
    # (past an aside closed by a comma: "223 civilians, including 65 children, were killed by
    # ..."; but not into one that runs on: "1,311 dead, including 830 civilians killed by ...")
    own = re.sub(r"^([^,.;]{0,40}?),\s*(?:including|among them)\b[^,.;]{0,80},", r"\1 ", s[num.end:hi], count=1, flags=_FLAGS)
    own = re.split(r"\b(?:while|whereas|but|including|among them|among whom|of whom|of which)\b|\.\s"
                   r"|,\s*(?:[\w,.]+\s+){1,2}of\s+(?:them|whom|those)\b", own)[0][:160]  # ("324 ..., 161 of them by ...")
    found = ""
    m = _BY_PERP.search(own)
    if m:
        found = _first(_PERPS, m.group(1))
        phrase = m.group(1)
        codes = {code for rx, code in _PERPS if rx.search(re.split(r"\b(?:backed|supported|aided)\s+by\b", phrase)[0])}
        if codes == {"government_and_allies", "russia"}:
            found = "government_and_allies"  # "Syrian and Russian warplanes": the government and its ally
        elif len(codes) > 1:
            return ""  # "killed by ISIS and regime forces": more than one killer, no one's share
    if not found:
        before = re.split(r"\b(?:while|whereas|but)\b|;|\.\s", s[lo:num.start])[-1]
        # "Government forces, backed by Russian air power, have killed ...": the backers are not the killers
        before = re.sub(r",?\s*(?:backed|supported|aided|assisted)\s+by\b[^,]{0,60},?", " ", before, flags=_FLAGS)
        best = None
        for rx, code in _PERPS:
            for pm in rx.finditer(before):
                if best is None or pm.start() > best[0]:
                    best = (pm.start(), pm.end(), code)
        # (not when the war itself is the killer between them: "an offensive by rebels ...
        # a 13-year civil war that killed over half a million people")
        if best is not None and _KILL_BETWEEN.search(before[best[1]:]) \
                and not re.search(r"\b(?:said|says|according|reported)\b", before[best[1]:], _FLAGS) \
                and not re.search(r"\b(?:war|conflict|uprising|revolution|crisis)\b", before[best[1]:], _FLAGS):
            found, phrase = best[2], before[best[0]:best[1]]
    if found == "government_and_allies" and published > pd.Timestamp(V.ASSAD_FALL) \
            and not _OLD_REGIME.search(phrase) \
            and not re.search(r"\b(?:2011|during the (?:war|conflict)|since the (?:war|conflict|uprising) (?:began|started))\b", s, _FLAGS):
        found = "transitional_government"
    return found


#: "the highest monthly total", "the monthly death toll": a month's toll, not a rate (H21t).
_MONTHLY_NOUN = _c(r"\bmonthly (?:total|toll|tally|death toll|figure|count|report|record)s?\b")
#: "its September report", "the March 2013 toll": the report's or the toll's month (H21t).
_REPORT_MONTH = _c(r"\b(?:its|the|their|a|this|that)\s+(" + _MONTH_ALT + r")(?:\s+((?:19|20)\d\d))?\s+"
                   r"(?:report|toll|tally|statistics|figures|death toll|casualty report)\b")


def _report_month(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The month of the report or toll named in the words before a count ("In its September
    report, it said 395 civilians ...") as (flow, first day, last day), or None."""
    m = _REPORT_MONTH.search(before)
    if not m or (m.group(2) is not None and int(m.group(2)) > published.year):
        return None
    return _named_period(m.group(1), m.group(2), published)

#: The day a report was given ("The Observatory on October 1 said", "said on October 1"): no
#: period of the counts it gives (H21t).
_SAID_ON = _c(r"\bon (?:(?:" + _MONTH_ALT + r")\.? \d{1,2}|\d{1,2} (?:" + _MONTH_ALT + r"))(?:,? (?:19|20)\d\d)?(?=\s+(?:said|says|reported|announced|stated))"
              r"|\b(?:said|says|reported|announced|stated) on (?:(?:" + _MONTH_ALT + r")\.? \d{1,2}|\d{1,2} (?:" + _MONTH_ALT + r"))(?:,? (?:19|20)\d\d)?")

#: An estimate of a toll as it is now, not a forecast (H21t): "the real death toll could be
#: more than 200,000", "the toll may be as high as 300,000" (not "could reach", "is expected
#: to rise to"). The count is a claim with the hedge's comparator.
_ESTIMATE_NOW = _c(r"\b(?:toll|number|figure|count|tally)\b[^.;]{0,50}?\b(?:could|may|might|would)\s+(?:well\s+|actually\s+|even\s+)?"
                   r"(?:be|have been|stand at|exceed|top|surpass)\s+(?:(?:as high as|as many as|more than|over|up to|at least"
                   r"|above|close to|nearly|around|about|some|in excess of|well over|far more than)\s+)?$")
#: A horizon or a condition after a count ("by the end of the year", "next year", "if soldiers
#: were counted"): an estimate so worded is a forecast or a hypothesis, not a claim.
_FUTURE_AFTER = _c(r"^[^.;]{0,40}?\b(?:by\s+(?:the\s+end\s+of|year-end|the\s+end|(?:19|20)\d\d|next|mid-)|next\s+(?:year|month|week)"
                   r"|in\s+the\s+(?:coming|next)\b|if\b|unless\b|were\s+(?:the|they|it)\b)")
#: The killers right after a count ("161 of them by Syrian regime forces", "12 at the hands of
#: ISIS"): the words name who killed, not the side of the dead.
_KILLERS_AFTER = _c(r"^\s*(?:(?:of\s+(?:them|whom)|people|civilians|others)\s+)?(?:(?:were|was)\s+)?(?:killed\s+)?"
                    r"(?:by|at\s+the\s+hands\s+of)\s+(?:the\s+)?(?:[\w'-]+[ \t]*){1,6}")
#: "higher by 50,000", "lower by at least 10,000": the count is a difference (H21t).
_DIFF_BEFORE = _c(r"\b(?:higher|lower|more|fewer|greater|larger|bigger|smaller)\s+by\s*$")

#: "..., of whom 83": a part of the count just before (H21t).
_OF_WHOM_BEFORE = _c(r"\bof (?:whom|them)\s*$")


# ---------------------------------------------------------------- spans of dates, dead and wounded together (H21t)
_DAYNUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_OPT = r"(?:,?\s*((?:19|20)\d\d))?"
#: A span of dates: "between 5 and 12 June", "from 1 January to 31 December 2023", "between
#: May 5 and May 12, 2021", "since 1 December until the 15th of the same month".
_SPAN_OF_DAYS = _c(r"\b(?:between|from)\s+(?:the\s+)?" + _DAYNUM + r"(?:\s+(?:of\s+)?(" + _MONTH_ALT + r"))?" + _YEAR_OPT
                   + r"\s+(?:and|to|until|till|through|-)\s+(?:the\s+)?" + _DAYNUM + r"\s+(?:of\s+)?(" + _MONTH_ALT + r")" + _YEAR_OPT
                   + r"|\b(?:between|from)\s+(" + _MONTH_ALT + r")\.?\s+" + _DAYNUM + _YEAR_OPT
                   + r"\s+(?:and|to|until|till|through|-)\s+(?:(" + _MONTH_ALT + r")\.?\s+)?" + _DAYNUM + _YEAR_OPT
                   + r"|\bsince\s+" + _DAYNUM + r"\s+(" + _MONTH_ALT + r")" + _YEAR_OPT
                   + r"\s+(?:until|till|to)\s+(?:the\s+)?" + _DAYNUM + r"\s+of\s+the\s+same\s+month")
#: "in this period", "during the same period": the span of dates said before (H21t).
_THIS_PERIOD = _c(r"\b(?:in|during|over|throughout|within)\s+(?:this|that|the same|the said|the above)\s+(?:period|span|time)\b")


def _death_span(text: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The span of dates in *text* as (flow, first day, last day): the dead counted between two
    days are that span's flow ("Between 5 and 12 June, the monitor recorded the deaths of 95
    people"). A year not said is the publication's (the one before if the span would end after
    publication). None if no span is named."""
    m = _SPAN_OF_DAYS.search(text)
    if m is None:
        return None
    g = m.groups()
    if g[0] is not None:      # day [month] [year] - day month [year]
        d1, m1, y1, d2, m2, y2 = g[0], g[1] or g[4], g[2], g[3], g[4], g[5]
    elif g[6] is not None:    # month day [year] - [month] day [year]
        d1, m1, y1, d2, m2, y2 = g[7], g[6], g[8], g[10], g[9] or g[6], g[11]
    else:                     # since day month [year] until the day of the same month
        d1, m1, y1, d2, m2, y2 = g[12], g[13], g[14], g[15], g[13], g[14]
    mon1, mon2 = V.MONTHS.get(m1.lower()), V.MONTHS.get(m2.lower())
    if not mon1 or not mon2:
        return None
    year2 = int(y2 or y1 or published.year)
    try:
        end = pd.Timestamp(year=year2, month=mon2, day=int(d2))
        if not (y2 or y1) and end > published:
            end = end - pd.DateOffset(years=1)
        start = pd.Timestamp(year=int(y1) if y1 else end.year - (1 if mon1 > mon2 else 0), month=mon1, day=int(d1))
    except ValueError:
        return None
    if not start < end or end > published + pd.Timedelta(days=1):
        return None
    return "flow", start, end


#: The dead and the wounded counted together: "the killing and injury of", "killed or
#: wounded", "dead and injured", "casualties (dead and wounded)" (H21t).
_KILLED_AND_INJURED_BEFORE = _c(r"\b(?:killing|death|deaths)\s+(?:and|or)\s+(?:injur(?:y|ies|ing)|wounding)\s+of\s+"
                                r"(?:[\w'-]+\s+){0,2}$|\b(?:killed|kill(?:ed|ing)?)\s+(?:and|or)\s+(?:injured|wounded|injuring|wounding)\s+"
                                r"(?:[\w'-]+\s+){0,3}$")
_KILLED_AND_INJURED_AFTER = _c(r"^\s*(?:[\w'-]+\s+){0,3}?(?:were|have been|had been|was)?\s*(?:killed|dead)\s+(?:or|and)\s+"
                               r"(?:injured|wounded)\b(?!\s+(?:more than |over |nearly |about |some |at least |almost |around )?[\d]"
                               r"|\s+(?:more than |over |nearly |about |some |at least )?(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions)\b)")


def _killed_and_injured(s: str, num: Number, bare: str) -> bool:
    """True if the count *num* adds the dead and the wounded together ("the killing and injury
    of 1,250 civilians", "killed or wounded more than 2,000", "900 people were killed or
    injured"): no measure counts both, and it is never a death toll."""
    return bool(_KILLED_AND_INJURED_BEFORE.search(bare[-80:]) or _KILLED_AND_INJURED_AFTER.match(s[num.end:num.end + 80]))

#: Deaths placed in another country's war ("killed in the Israeli offensive on Lebanon"): no
#: span or episode makes them a Syrian war statistic (H21t).
_ABROAD_DEATHS = _c(r"\b(?:offensive|war|strikes|attacks?|bombardment|killed|died|dead|deaths)\b[^.;]{0,30}?\b(?:in|on|against|into)\s+"
                    r"(?:southern\s+|northern\s+)?(?:lebanon|gaza|israel|iraq|turkey|t[uü]rkiye|jordan|yemen|ukraine|libya)\b")


#: "its annual report for 2023", "the 2022 annual report": the report's year (H21t).
_ANNUAL_REPORT = _c(r"\b(?:annual|yearly|year-end|end-of-year)\s+(?:report|toll|tally|statistics)\s+(?:for|on|of|covering)\s+"
                    r"(?:the\s+year\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:annual|yearly)\s+(?:report|toll|tally)\b")
#: "The deadliest month was March" (that month's toll follows) (H21t).
_DEADLIEST_MONTH = _c(r"\b(?:deadliest|bloodiest|worst|most violent)\s+month\s+(?:of\s+(?:the\s+year|(?:19|20)\d\d)\s+)?"
                      r"(?:was|is|has been|proved to be)\s+(" + _MONTH_ALT + r")(?:\s+((?:19|20)\d\d))?\b")


def _report_year(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The year of an annual report named before a count, as that year's flow, or None."""
    m = _ANNUAL_REPORT.search(before)
    if not m:
        return None
    year = int(m.group(1) or m.group(2))
    if year > published.year or year <= pd.Timestamp(V.WAR_START).year - 1:
        return None
    return "flow", pd.Timestamp(year=year, month=1, day=1), min(pd.Timestamp(year=year, month=12, day=31), published)


def _deadliest_month(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The month named the deadliest before a count ("The deadliest month was March, with
    2,000 deaths"), as that month's flow (the latest such month on or before publication), or None."""
    m = _DEADLIEST_MONTH.search(before)
    if not m or (m.group(2) is not None and int(m.group(2)) > published.year):
        return None
    return _named_period(m.group(1), m.group(2), published)

#: "one in 13 of those who died was a woman, 26,727 in all", "one in 12 victims was a woman -
#: 25,000": the count after a share of the dead is that group's toll (H21t).
_SHARE_GROUP = _c(r"\bone in (?:\d+|\w+)\b[^.;\d]{0,60}?\b(?:was|were|is|are)?\s*(?:a\s+|an\s+)?(wom[ae]n|child(?:ren)?)\b"
                  r"[^.;\d]{0,25}$")
# ---------------------------------------------------------------- displacement in other words (H21d)
#: "Of these, some 575,000 are children": a breakdown of the count the sentence before gave.
_OF_THESE = _c(r"^\W*(?:of (?:these|them|those|whom)|among (?:them|these|those))\b")
#: The population of a place that is not Syria: "a country of 4.5 million people", "Lebanon,
#: which has an estimated population of less than six million", "the country's population is
#: only 4.5 million" (said of Lebanon).
_COUNTRY_OF = _c(r"\b(?:a|the)\s+(?:[\w'-]+\s+)?(?:country|nation|kingdom)\s+of\s*$")
_COUNTRY_NAMES = _c(r"\bsyria(?:n|'s)?\b|\b(?:" + "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD"))
                    + r")")
#: A plan's or a forecast's figures ("appealing ... to cover the needs of 4.1 million refugees
#: and 2.7 million people in host communities", "a 2025 projection of 7 million IDPs and 6
#: million refugees", "against the figure of 4.1 million mentioned earlier" in a sentence about
#: a forecast, "the 185,000 the agency had expected to flee"): every item of the list.
_PLAN_LIST = _c(r"\b(?:appeal(?:s|ing|ed)?|plan(?:s|ned|ning)?|projections?|projected|forecasts?|scenarios?"
                r"|planning figures?)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:to (?:cover|meet|reach|assist|support|help)"
                r"|the needs of|for)\s*(?:(?:[^.;]|\.(?=\d)){0,40})$")
_PROJECTION_OF = _c(r"\b(?:projections?|forecasts?|planning figures?|scenarios?) of\s*(?:some\s+|about\s+|up to\s+)?$")
#: A revised forecast: every figure after "lowered the forecast" in the sentence is one.
_FORECAST_REVISED = _c(r"\b(?:lowered|raised|revised|cut|increased|reduced) (?:the|its|their) (?:forecast|projection"
                       r"|planning figure)s?\b(?:[^.;]|\.(?=\d)){0,200}$")
_EXPECTED_AFTER = _c(r"^\s*(?:people\s+|refugees\s+|syrians\s+)?(?:the\s+[\w\s.]{0,40}?\s+)?(?:had|has|have)\s+"
                     r"(?:expected|projected|forecast|predicted|planned for)\b")
#: A return "to the country" / "to Syria" / "from abroad": people who had left Syria.
_RETURN_FROM_ABROAD = _c(r"\breturned\s+(?:home\s+)?(?:to\s+(?:the\s+country|syria)|from\s+abroad)\b")
_RETURN_INSIDE = _c(r"\b(?:internally displaced|displaced (?:inside|within) (?:syria|the country)|idps?\b)")
_HOST_NAME_ALT = "|".join(p for p, h in V.HOSTS if h not in ("REGION", "WORLD"))
#: "Of the 1 million Syrians who settled in Germany": the head of a count of returns.
_OF_THE_N = _c(r"^\W*of the\s+(?:some\s+|about\s+|around\s+|estimated\s+)?$")
_SETTLED_IN = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:who|that)\s+(?:have\s+|had\s+)?(?:settled|sought refuge|found refuge"
                 r"|fled|live|lived|are living|arrived)\s+(?:\w+\s+){0,2}?in\s+(?:" + _HOST_NAME_ALT + r")")
_INSIDE_AND_ACROSS = _c(r"\bdisplaced (?:with)?in (?:the country|syria) and (?:across|beyond|outside) (?:its |the )?borders?")
_FLED_MOSTLY_TO = _c(r"^\s*(?:[\w'-]+\s+){0,2}?(?:have|has|had)?\s*fled,?\s+(?:mostly|mainly|largely|chiefly|many|most)\s+"
                     r"(?:of them\s+)?(?:to|into)\s+(?:neighbou?ring\s+countries|" + _HOST_NAME_ALT + r")")
#: Refugees who "left Jordan ... to return to their homeland" / "towards home": returns.
_LEFT_HOST_TO_RETURN = _c(r"^\s*(?:[\w'-]+\s+){0,3}?left\s+(?:" + _HOST_NAME_ALT + r")\b(?:[^.;]|\.(?=\d)){0,60}?"
                          r"\b(?:to return\b|towards? (?:home|their homeland|syria)|for home|back home)")
#: A count of returns whose "including" parts come both from abroad and from inside Syria.
_BOTH_ORIGINS = _c(r"^[^.;]{0,80}?,\s*including\b[^.;]{0,40}?\bfrom abroad\b[^.;]{0,80}?\b(?:internally displaced"
                   r"|displaced (?:inside|within)|idps?\b)")


def _host_population(s: str, c: TextClaim, offset: int) -> bool:
    """True if a population count is of a country of asylum, not of Syria: the country named
    last before the number is a host ("Lebanon, which has ... a population of", "in
    Lebanon, a country of 4.5 million people"), or the number is "a country of N" with no
    country before it but the sentence speaks of refugees it bears."""
    start = c.start - offset
    before = s[:start]
    if re.search(r"\b(?:pre-?war|pre-?conflict|before the (?:war|conflict|uprising))\b", before[-60:], _FLAGS) \
            and not re.search(r"\b(?:host|its own|native)\b", before[-60:], _FLAGS):
        return False  # "the country's pre-war population of 22 million": Syria's
    named = list(_COUNTRY_NAMES.finditer(before))
    if named:
        return not named[-1].group(0).lower().startswith("syria")
    return bool(_COUNTRY_OF.search(before[-60:]) and re.search(r"\brefugees?\b|\bburden\b|\bhost", s, _FLAGS))


def _displacement_sentence_rules(out: list[TextClaim], s: str, offset: int,
                                 ctx: Context | None, published: pd.Timestamp) -> list[TextClaim]:
    """Sentence-level corrections of displacement, refugee and return claims (H21d):

    * a follow-on breakdown of a new displacement ("Of these, some 575,000 are children")
      counts the same wave over the same period;
    * a population of a host country ("Lebanon, a country of 4.5 million") is dropped;
    * every item of a plan's or a forecast's list is dropped, not only the first;
    * a return "to the country" or "from abroad" is a refugee return, one of people
      "internally displaced" an IDP return, by the count's own clause.
    """
    from dataclasses import replace
    res: list[TextClaim] = []
    wave = ctx.wave if ctx is not None else None
    head_end = 0
    for c in out:
        a, b = c.start - offset, c.end - offset
        lo = max((m.end() for m in re.finditer(r"[;:]", s[:a])), default=0)
        if c.kind == "population" and _THERE_AFTER.match(s[b:]) and re.search(r"\brefugees?\b", s[:a], _FLAGS) \
                and _HOST_COUNTRY.search(s[:a]):
            host = _last(_HOSTS, s[:a])  # "Lebanon took in more refugees ...; a million still live there"
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, s), host=host, area="SYR")
        if c.kind == "population" and _host_population(s, c, offset):
            continue
        plan = _PLAN_LIST.search(s[lo:a])
        if c.kind not in ("duration", "share") and (
                (plan and re.search(r"\d", s[lo:a][plan.start():]))  # a later item of the plan's list
                or _PROJECTION_OF.search(s[lo:a]) or _FORECAST_REVISED.search(s[:a])):
            continue
        if c.kind in ("refugees", "displaced", "idps") and _EXPECTED_AFTER.match(s[b:]):
            continue
        if c.measure == "idps_share" and _INSIDE_AND_ACROSS.search(s[b:b + 160]):
            c = replace(c, measure="displaced_share")  # "displaced within the country and across its borders"
        if c.kind == "displaced" and _FLED_MOSTLY_TO.match(s[b:]):
            # "about 600,000 have fled, mostly to Jordan, Turkey, Lebanon and Iraq": refugees
            hosts = {h for rx, h in _HOSTS if h not in ("REGION", "WORLD") and rx.search(s[b:b + 120])}
            host = "REGION" if len(hosts) >= 2 or re.search(r"neighbou?r", s[b:b + 80], _FLAGS) else next(iter(hosts), "")
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, s), host=host)
        if c.kind == "refugees" and _LEFT_HOST_TO_RETURN.match(s[b:]):
            # "3,162 Syrian refugees left Jordan in the first six months ... to return to their homeland"
            c = replace(c, kind="returns", measure="refugee_returns")
        if c.kind == "refugees" and _FLED_ACTORS_OFFENSIVE.match(s[b:]) and not re.search(
                r"\b(?:to|into|in)\s+(?:" + _HOST_NAME_ALT + r")", _own_clause(s[b:])[:120], _FLAGS):
            # "civilians who fled Turkey's military offensive in Afrin": uprooted inside Syria
            area = _first(_AREAS, _own_clause(s[b:])[:160]) or c.area
            c = replace(c, kind="displaced", measure="idps_new_displacements", host="", period_type="flow",
                        period_start=c.as_of, area=area if area not in ("", "LOCAL") else "SYR",
                        group="" if c.group == "civilians" else c.group)
        if wave is not None and c.kind in ("displaced", "idps") and c.measure != "idps_new_displacements" \
                and _OF_THESE.match(s) and c.period_type == "stock":
            c = replace(c, measure="idps_new_displacements", kind=c.kind, period_type="flow",
                        period_start=wave.period_start, as_of=wave.as_of,
                        area=wave.area if c.area == "SYR" else c.area)
        if c.kind == "share" and res and res[-1].kind == "refugees" and res[-1].host not in ("", "REGION", "WORLD") \
                and re.match(r"\s+of (?:them|whom|those)\b", s[b:], _FLAGS):
            continue  # "Jordan hosts 1.3 million Syrians, nearly half of them registered": a share of the hosted
        if c.kind == "returns" and _OF_THE_N.search(s[:a]) and _SETTLED_IN.match(s[b:]):
            # "Of the one million Syrians who settled in Germany in 2015, some 4,000 have
            # returned": the head is the refugees living in that host now, not a return
            host = _first(_HOSTS, s[b:b + 80])
            day = _day(published)
            c = replace(c, kind="refugees", measure=_measure("refugees", "", host, ""), host=host,
                        period_type="stock", period_start=day, as_of=day)
            head_end = b
        elif c.kind == "returns" and head_end and c.period_type == "flow" \
                and not re.search(r"\b(?:19|20)\d\d\b", s[head_end:].split(",", 1)[-1]) \
                and published >= pd.Timestamp(V.ASSAD_FALL):
            # the year was the head's ("who settled in Germany in 2015"): the returns are
            # counted as the others after the fall of Assad
            c = replace(c, period_type="cumulative", period_start=V.ASSAD_FALL, as_of=_day(published))
        if c.kind == "returns" and _BOTH_ORIGINS.match(s[b:]):
            continue  # "1.5 million have returned, including 500,000 from abroad and 1 million IDPs": both
        if c.kind == "returns":
            own = re.split(r",\s|;|\d", s[b:])[0][:120]
            if _RETURN_FROM_ABROAD.search(own) and not _RETURN_INSIDE.search(own):
                c = replace(c, measure="refugee_returns")
            elif _RETURN_INSIDE.search(own) and not _RETURN_FROM_ABROAD.search(own) and c.measure != "idp_returns":
                c = replace(c, measure="idp_returns", host="")
        res.append(c)
    return res


def _event_span(s: str, p_local: str, near: str, published: pd.Timestamp, own: tuple[str, str],
                ptype: str) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The span within which people "were displaced": two days of a month ("between 1 and
    10 March") or a month ("last month", "in January"), read as a flow; None if the words
    give no such span (a level on a day, or a year, stays as read)."""
    found = _between_day_numbers(near, published)
    if found is None and ptype == "stock":
        f = _period(s, p_local, "deaths", published, own=own)
        if f[0] == "flow" and (f[2] - f[1]).days <= 62:
            found = f
    return found

#: An item of a list of hosts and their counts: "Lebanon, 154,387; Jordan, 142,664",
#: "followed by Turkey (770,000), Jordan (600,000)".
_HOST_ITEM = _c(r"(?:^|[;:,(]\s*|\band\s+|\bby\s+)(?:" + _HOST_NAME_ALT + r")\s*(?:,|\(|:|-)?\s*$")
#: People said to live there, after a clause about a host's refugees ("Turkey has taken in more
#: refugees than any country; around three million still live there").
_THERE_AFTER = _c(r"^\s*(?:(?:people|syrians|of them)\s+)?(?:still\s+|now\s+|currently\s+)?(?:live|living|remain"
                  r"|remaining|stay|staying|reside|residing)\s+(?:there|in the country)\b")
#: "the latest total is", "the overall total stands at": the total of the count talked about.
_TOTAL_IS = _c(r"\b(?:the|a|its|their) (?:new |latest |overall |updated |current )?total (?:is|was|stands at|stood at"
               r"|reached|has reached|now stands at)\s*$")


def _refugees_in_other_words(s: str, num: Number, out: list[TextClaim], ctx: Context | None) -> str:
    """The kind of a count whose own words name no measure (H21d): an item of a list of hosts
    and counts after refugees are spoken of, people who "live there" after a host's refugees,
    or "the latest total is N" continuing the kind of the sentence before. '' if none."""
    before = s[:num.start]
    refugee_talk = any(c.kind == "refugees" for c in out) or bool(re.search(r"\brefugees?\b", before, _FLAGS)) \
        or (ctx is not None and ctx.kind == "refugees")
    if refugee_talk and _HOST_ITEM.search(before[-40:]):
        return "refugees"
    if _THERE_AFTER.match(s[num.end:]) and re.search(r"\brefugees?\b", before, _FLAGS) \
            and _HOST_COUNTRY.search(before):
        return "refugees"
    if ctx is not None and ctx.kind in ("refugees", "idps", "displaced") and _TOTAL_IS.search(before[-40:]):
        return ctx.kind
    return ""


#: "Six long and brutal years have since passed": N years have passed (the war named in the
#: sentence).
_YEARS_HAVE_PASSED = _c(r"^\s*(?:[\w'-]+\s+(?:and\s+)?){0,3}?years?\s+(?:have|has)\s+(?:now\s+)?(?:since\s+)?"
                        r"(?:passed|elapsed|gone by)\b")


def _years_have_passed(num: Number, s: str, after: str, comp: str, published: pd.Timestamp
                       ) -> tuple[float, str, int] | None:
    """(years, comparator, end) of "N (long) years have (since) passed" in a sentence about
    the war, when N is the war's age at *published* (H21d); None otherwise."""
    m = _YEARS_HAVE_PASSED.match(after)
    if m is None or num.kind not in ("count", "ordinal") or not _WAR_WORD.search(s) \
            or not _plausible_age(num.value, comp, published):
        return None
    return num.value, comp, num.end
