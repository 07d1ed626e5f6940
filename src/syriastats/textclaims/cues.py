"""The extractor's compiled cue patterns and the small helpers that search a sentence with them.

Every pattern is built from the word lists of :mod:`syriastats.textclaims.vocabulary`;
the helpers return the first, nearest or highest-priority cue around a number (offsets
are character positions in the sentence).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.literal_gate import candidates, ranked
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.periods import _MONTH_ALT

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
    for rx, code in candidates(patterns, text):  # (the patterns whose words are in text)
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
    for rx, code in candidates(patterns, text):
        if rx.search(text):
            return code
    return ""


@functools.lru_cache(maxsize=256)
def _cue_matches(patterns: tuple[tuple[re.Pattern[str], str], ...],
                 text: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, rank, code) of every cue in *text*: found once per clause, not once per
    number in it (a clause of many numbers was read again for each: quadratic)."""
    return tuple((m.start(), m.end(), rank, code) for rank, (rx, code) in ranked(patterns, text)
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
    for rx, comp in candidates(_HEDGE_BEFORE, before):
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
    for rx, code in candidates(patterns, text):
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
    dateline_host: str = ""  # the regional host the text's dateline names ("AMMAN -": JOR) (H23m)
    dateline_age: int = 0  # sentences read since that dateline (H23m)


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
