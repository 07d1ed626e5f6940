"""Second opinion on one extracted number: does it count people in a war statistic, and
which measure family does its *governor* name?

The extractor (:mod:`syriastats.textclaims.extract`) picks a measure from cue words in a
window around a number; a cue further away can win over the word that actually governs the
number ("the U.N. refugee agency said 5.3 million people may have been left homeless";
"6.3 million people were displaced and an additional 4.9 million were forced to seek
refuge"). This module reads, in this order,

1. the words right *before* the number: the head of an "of" phrase ("the return of",
   "the deaths of"), "home to", an aid target ("to help"), an event that killed ("a suicide
   bomber killed");
2. the *noun phrase* right after it ("300,000 Syrian refugees", "200 refugee camps",
   "250,000 Lebanese");
3. the *verb* of its own clause ("were displaced", "have returned", "need aid", "remain
   missing", "may have been left homeless"),

and returns a :class:`Decision`: a corrected measure, a drop (with its reason), or no
change. It changes nothing unless the governor is unambiguous. All wording is data in
:mod:`syriastats.textclaims.classify_vocabulary`; no regular expression is built from it.
Deterministic; no models.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

import syriastats.textclaims.classify_vocabulary as W
from syriastats.textclaims.sentences import split_sentences

#: Measures of each family, as the extractor names them.
REFUGEE_MEASURES: frozenset[str] = frozenset({
    "refugees", "refugees_registered", "refugees_registered_by_host", "refugees_by_host",
    "refugees_worldwide"})
IDP_MEASURES: frozenset[str] = frozenset({"idps", "idps_new_displacements"})
DISPLACED_MEASURES: frozenset[str] = frozenset({"displaced_total"}) | IDP_MEASURES
RETURN_MEASURES: frozenset[str] = frozenset({"refugee_returns", "idp_returns"})
DEATH_MEASURES: frozenset[str] = frozenset({
    "deaths_total", "deaths_civilian", "deaths_combatant", "deaths_direct", "deaths_indirect",
    "deaths_in_detention", "deaths_total_incl_missing", "deaths_battle_related",
    "deaths_organised_violence"})
#: Asylum applications by Syrians in Europe since 2011, and within one period (the registry's names).
ASYLUM_CUMULATIVE = "asylum_applications_europe_cumulative"
ASYLUM_FLOW = "asylum_applications_europe"
#: The start of the registry's cumulative asylum series (the war's start, as the extractor dates it).
WAR_START = "2011-03-15"
#: Levels on a date (a week's or a month's movement is not one of them).
STOCK_MEASURES: frozenset[str] = REFUGEE_MEASURES | frozenset({
    "idps", "displaced_total", "people_in_need", "population"})
#: The extractor's ``kind`` for a measure this module may set.
KIND_OF: dict[str, str] = {
    "refugees_registered": "refugees", "refugees_registered_by_host": "refugees",
    "refugees_worldwide": "refugees", "idps": "idps", "idps_new_displacements": "idps",
    "displaced_total": "displaced", "refugee_returns": "returns", "idp_returns": "returns",
    "people_in_need": "people_in_need", "population": "population",
    "deaths_total": "deaths", "deaths_combatant": "deaths", "deaths_in_detention": "detention",
    "missing_persons": "missing",
}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": " - ", "\u2014": " - "})
_TOKEN = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*|[;:,.!?()\"]|\s-\s|-{2,}")
#: Tokens that end a clause.
_BREAKS = frozenset({";", ":", ",", ".", "!", "?", "(", ")", '"', " - "})
#: Words that join a part to a whole ("..., including 4.9 million refugees").
_INCLUSION = frozenset({"including", "whom", "among", "them", "mostly", "mainly", "incl"})


@dataclass(frozen=True)
class Decision:
    """What :func:`classify` says of one candidate: ``drop`` (not a war statistic of
    people, with ``reason``), or ``measure`` (the corrected measure; empty = no change)."""
    measure: str = ""
    drop: bool = False
    reason: str = ""
    group: str = ""  # the group that goes with a corrected death measure (empty = unchanged)


KEEP = Decision()


def _tokens(text: str) -> list[str]:
    return [t.strip() if t.strip() else t for t in _TOKEN.findall(text.lower())]


def _clause(tokens: list[str]) -> list[str]:
    """Tokens up to the first clause break."""
    for i, t in enumerate(tokens):
        if t in _BREAKS or t.strip("-") == "":
            return tokens[:i]
    return tokens


#: The phrases of a vocabulary table by their first word, made once per table (the table is
#: kept beside its index, so a table's identity cannot be mistaken for another's).
_BY_FIRST: dict[int, tuple[Any, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first(phrases: dict[tuple[str, ...], str] | tuple[tuple[str, ...], ...]
              ) -> dict[str, list[tuple[str, ...]]]:
    hit = _BY_FIRST.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1]
    idx: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            idx.setdefault(p[0], []).append(p)
    if len(_BY_FIRST) > 256:
        _BY_FIRST.clear()
    _BY_FIRST[id(phrases)] = (phrases, idx)
    return idx


def _starts(tokens: list[str], phrases: dict[tuple[str, ...], str] | tuple[tuple[str, ...], ...]
            ) -> tuple[str, int]:
    """(family, length) of the longest phrase that *tokens* start with (only the phrases
    whose first word is the first token are tried)."""
    best = ("", 0)
    if not tokens:
        return best
    for p in _by_first(phrases).get(tokens[0], ()):
        if len(p) > best[1] and tuple(tokens[:len(p)]) == p:
            best = (phrases[p] if isinstance(phrases, dict) else "yes", len(p))
    return best


def _ends(tokens: list[str], phrases: dict[tuple[str, ...], str]) -> str:
    best = ("", 0)
    for p, fam in phrases.items():
        if len(p) > best[1] and len(tokens) >= len(p) and tuple(tokens[-len(p):]) == p:
            best = (fam, len(p))
    return best[0]


def _contains(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(tokens[i:i + len(p)]) == p for p in phrases for i in range(len(tokens)))


@dataclass
class Governor:
    """The words that govern one number (families from :mod:`classify_vocabulary`)."""
    before: str = ""      # head of the phrase before the number ("return of" -> returns)
    noun: str = ""        # the head noun's family ("refugees", "people", ...)
    noun_phrase: tuple[str, ...] = ()
    verb: str = ""        # the own clause's verb family
    non_people: str = ""  # a noun of things/events/households right after the number
    foreign: str = ""     # a foreign nationality or place governing the number
    incident: bool = False
    clause: tuple[str, ...] = ()
    subject: str = ""     # family named by "the number of X (killed ...) reached" before it
    detention: bool = False  # detention words in the number's subject or own clause
    clause_verbs: tuple[str, ...] = ()  # every verb family of the own clause, in order
    other_country: str = ""  # "in Lebanon" framing a non-refugee count
    partitive: bool = False  # "N of the M <noun>": the noun is the whole's
    groups: frozenset[str] = frozenset()  # "civilians" / "combatants" named in the noun phrase
    before_words: tuple[str, ...] = ()  # the own clause before the number
    auxiliaries: tuple[str, ...] = ()  # the words between the noun phrase and the verb
    all_civilians: bool = False  # "..., all of them civilians" right after the clause


def governor(sentence: str, start: int, end: int) -> Governor:
    """The governor of the number whose claim text is ``sentence[start:end]``."""
    g = Governor()
    before = _clause(list(reversed(_tokens(sentence[:start].translate(_QUOTES)))))[::-1]
    after = _clause(_tokens(sentence[end:].translate(_QUOTES)))
    g.clause = tuple(after)
    g.before_words = tuple(before)
    g.before = _ends(before, W.BEFORE_PHRASES)
    tail = _tokens(sentence[end:].translate(_QUOTES))[len(after):len(after) + 7]
    g.all_civilians = bool(tail) and tail[0] == "," and any(w in W.ALL_WORDS for w in tail[1:3]) \
        and any(w in W.CIVILIAN_WORDS for w in tail[2:7])
    if len(before) >= 2 and before[-1] in ("to", "for") and before[-2] in W.AID_ITEMS:
        g.before = "aid_target"  # "food to 4.8 million people", "tents for 50,000 people"
    _subject(g, before)
    # a sentence or clause framed in another country: "In Lebanon, Israeli strikes killed 3,000"
    lead = _tokens(sentence[:start].translate(_QUOTES))
    if len(lead) >= 3 and lead[0] == "in" and lead[1] in W.OTHER_COUNTRY_NAMES and lead[2] == ",":
        g.other_country = lead[1]
    for j in range(len(before) - 2):
        if before[j] in W.WAR_NOUNS and before[j + 1] == "in" and before[j + 2] in W.OTHER_COUNTRY_NAMES \
                and before[j + 2:j + 5] != [before[j + 2], "and", "syria"]:
            g.foreign = before[j + 2]  # "the war in Ukraine has created 6 million refugees"
    for j, w in enumerate(after):
        if w == "in" and j + 1 < len(after) and after[j + 1] in W.OTHER_COUNTRY_NAMES and (
                j + 2 >= len(after) or after[j + 2] != "and"):
            g.other_country = after[j + 1]
            break
    # an event that killed: "a suicide bomber killed at least 30 people"
    if before and before[-1] in W.KILLING_VERBS:
        agent = before[-5:-1]
        for i, w in enumerate(agent):
            if w in W.INCIDENT_AGENTS and any(d in W.SINGLE_DETERMINERS for d in agent[:i]):
                g.incident = True
    # a thing, event or household counted: "600 medical facilities", "31 truckloads"
    for j, w in enumerate(after[:3]):
        if w in W.NON_PEOPLE_NOUNS or " ".join(after[j:j + 2]) in W.NON_PEOPLE_NOUNS:
            g.non_people = w
            return g
        if w in W.HEAD_NOUNS or w in W.VERB_AUXILIARIES or w in W.PLACE_PREPOSITIONS \
                or w in ("of", "for", "to", "and", "or"):
            break
    # a part of a whole: "200,000 of the 230,000 civilian deaths" is read as the whole's noun
    if len(after) >= 3 and after[0] == "of" and any(t[0].isdigit() for t in after[1:3]):
        j = 1
        while j < len(after) and (after[j] in ("the", "its", "some", "an", "estimated")
                                  or after[j][0].isdigit() or after[j] in W.SCALE_WORDS):
            j += 1
        g.partitive = True
        after = after[j:]
    g.groups = _groups(after)
    # the noun phrase: modifiers, then the head noun
    i = 0
    np: list[str] = []
    while i < len(after) and i < 6:
        w = after[i]
        two = " ".join(after[i:i + 2])
        n_asylum = _starts(after[i:], W.ASYLUM_NOUNS)[1]
        if n_asylum:  # "300,000 Syrian asylum seekers": applicants, not refugees
            np += after[i:i + n_asylum]
            g.noun = "asylum"
            i += n_asylum
            break
        if two in W.NON_PEOPLE_NOUNS or w in W.NON_PEOPLE_NOUNS:
            g.non_people = two if two in W.NON_PEOPLE_NOUNS else w
            break
        if w in W.FOREIGN_NATIONALS:
            if not any(x in W.COMBATANT_AFTER_NATIONAL for x in after[i + 1:i + 3]):
                g.foreign = w
                break
            np.append(w)
            i += 1
            continue
        if w in W.HEAD_NOUNS:
            np.append(w)
            fam = W.HEAD_NOUNS[w]
            if fam != "people" and g.noun in ("", "people"):
                g.noun = fam  # the first specific noun governs ("displaced people")
            elif not g.noun:
                g.noun = "people"
            if w not in W.NOUN_MODIFIERS:
                i += 1
                break
        elif w in W.NOUN_MODIFIERS or w == "and":
            np.append(w)
        else:
            break
        i += 1
    # "the number of ... displaced" (a head noun after "people") already read; "refugee camps"
    if not g.non_people and i < len(after):
        w = after[i]
        if w in W.NON_PEOPLE_NOUNS:
            g.non_people = w
    g.noun_phrase = tuple(np)
    # the verb of the number's own clause
    rest = after[i:]
    rest = _past_coordinate(rest)  # "500,000 refugees and 1.2 million displaced have returned"
    if not rest and i == len(after):
        rest = _past_aside(_tokens(sentence[end:].translate(_QUOTES)), len(after))
    k = 0
    while k < len(rest) and rest[k] in W.VERB_AUXILIARIES:
        k += 1
    # modal of a possibility ("may have been left homeless") is read through
    while k < len(rest) and rest[k] in W.MODALS and k < 3:
        k += 1
        while k < len(rest) and rest[k] in W.VERB_AUXILIARIES:
            k += 1
    g.verb, _ = _starts(rest[k:], W.VERB_PHRASES)
    g.auxiliaries = tuple(rest[:k])
    if not g.verb and k < len(rest) and rest[k] in W.PLACE_PREPOSITIONS:
        # a place between the noun and its verb: "5 million people in Syria have been displaced"
        for j in range(k + 2, min(k + 5, len(rest))):
            m = j
            while m < len(rest) and rest[m] in W.VERB_AUXILIARIES | W.MODALS:
                m += 1
            if m > j:
                g.verb, _ = _starts(rest[m:], W.VERB_PHRASES)
                if g.verb:
                    break
    if g.verb in ("displaced", "idps") and _contains(list(rest[k:k + 4]), (("recent",), ("latest",))):
        g.verb = "new_displacement"
    verbs = []
    for j in range(len(after)):
        fam, n = _starts(after[j:], W.VERB_PHRASES)
        if fam and (j == 0 or after[j - 1] not in ("the", "a", "of")):
            verbs.append(fam)
    g.clause_verbs = tuple(verbs)
    g.detention = g.detention or any(w in W.DETENTION_WORDS for w in after)
    # a foreign place in the number's own clause ("from northern Israel", "in Turkey and Syria")
    for j, w in enumerate(after):
        if w in ("in", "from", "across") and _starts(after[j + 1:], W.FOREIGN_PLACES)[1]:
            g.foreign = " ".join(after[j + 1:j + 1 + _starts(after[j + 1:], W.FOREIGN_PLACES)[1]])
            break
    return g


def _age_bound(sentence: str, start: int) -> bool:
    """True if the claim starts with an age bound ("under 18") right after a noun of people."""
    toks = _tokens(sentence[start:start + 12].translate(_QUOTES))
    lead = _tokens(sentence[:start].translate(_QUOTES))
    return bool(toks) and toks[0] in W.AGE_BOUND_WORDS and bool(lead) and lead[-1] in W.AGE_NOUNS


def _groups(after: list[str]) -> frozenset[str]:
    """Civilians and/or combatants named in the (coordinated) noun phrase after a number
    ("400,000 soldiers and civilians", "230,000 civilian deaths")."""
    out = set()
    for w in after[:8]:
        if w in W.CIVILIAN_WORDS:
            out.add("civilians")
        elif W.HEAD_NOUNS.get(w) == "combatants" or w in W.COMBATANT_WORDS:
            out.add("combatants")
        elif not (w in W.HEAD_NOUNS or w in W.NOUN_MODIFIERS or w in W.GROUP_LINKS):
            break
    return frozenset(out)


def _past_coordinate(rest: list[str]) -> list[str]:
    """The words after a coordinated count that shares the verb ("and 1.2 million displaced
    people have gone back"): the verb's words, or *rest* unchanged."""
    if len(rest) < 2 or rest[0] != "and" or not rest[1][0].isdigit():
        return rest
    j = 2
    while j < len(rest) and (rest[j] in W.SCALE_WORDS or rest[j] in W.NOUN_MODIFIERS
                             or rest[j] in W.HEAD_NOUNS):
        j += 1
    return rest[j:]


def _past_aside(tokens: list[str], n: int) -> list[str]:
    """The words after a comma-delimited aside that follows the number's noun phrase
    ("3 million people, many of them displaced, live ..."); empty if there is none."""
    if n >= len(tokens) or tokens[n] != ",":
        return []
    for j in range(n + 1, min(len(tokens), n + 12)):
        if tokens[j] in _BREAKS - {","}:
            return []
        if tokens[j] == ",":
            return _clause(tokens[j + 1:])
    return []


def _civilian_head(sentence: str, start: int) -> bool:
    """True if the sentence opens on a part of the civilians killed ("Of the civilians killed,
    300 people were victims of landmines", "Among the children killed, ..."), or the count is
    of "persons of the citizens": the count is of civilians."""
    lead = _tokens(sentence[:start].translate(_QUOTES))
    tail = _tokens(sentence[start:].translate(_QUOTES))
    if tail[2:5] == ["of", "the", "citizens"]:
        return True  # "700 persons of the citizens of Aleppo": the monitors' word for civilians
    return len(lead) >= 3 and lead[0] in ("of", "among") and lead[1] == "the" \
        and any(w in W.CIVILIAN_WORDS for w in lead[2:5])


def _affected(g: Governor, sentence: str, start: int) -> bool:
    """"12 million displaced and conflict-affected people" in an aid context: a needs caseload."""
    return any(w.endswith("affected") for w in g.noun_phrase) and any(
        w in W.AID_WORDS for w in _tokens(sentence[:start]))


def _subject(g: Governor, before: list[str]) -> None:
    """Read "the number of <subject> reached N" (the subject governs the number)."""
    k = len(before) - 1
    while k >= 0 and before[k] in W.SUBJECT_VERBS:
        k -= 1
    if k == len(before) - 1:
        return
    for j in range(k - 1, max(-1, k - 12), -1):
        if before[j] == "of" and j >= 1 and before[j - 1] in ("number", "toll", "total", "count", "tally"):
            subj = before[j + 1:k + 1]
            for w in subj:
                fam = W.HEAD_NOUNS.get(w, "")
                if fam and fam != "people":
                    g.subject = fam
                    break
            for i in range(len(subj)):
                fam, _ = _starts(subj[i:], W.VERB_PHRASES)
                if fam:
                    g.subject = fam
                    break
            g.detention = any(w in W.DETENTION_WORDS for w in subj)
            return


def _refugee_measure(host: str) -> str:
    if host == "WORLD":
        return "refugees_worldwide"
    if host and host != "REGION":
        return "refugees_registered_by_host"
    return "refugees_registered"


def _contrasted(sentence: str, start: int, end: int,
                siblings: list[tuple[int, int, str]], part: bool = False) -> bool:
    """True if another count of the sentence is of refugees and is not part of this one
    ("6.3 million were displaced and an additional 4.9 million sought refuge"); with
    *part*, True if a later count of refugees is part of this one ("13 million are
    displaced, 6.8 million of them refugees")."""
    for s0, e0, m in siblings:
        if m not in REFUGEE_MEASURES or (s0, e0) == (start, end):
            continue
        if part and s0 < end:
            continue
        between = sentence[end:s0] if s0 >= end else sentence[e0:start]
        toks = _tokens(between.translate(_QUOTES))
        inside = any(t in _INCLUSION or t in (":", "(", ")") or t.strip() == "-" for t in toks)
        after = _tokens(sentence[e0:e0 + 12].translate(_QUOTES))
        inside = inside or after[:2] in (["of", "them"], ["of", "whom"])
        # "12.8 million remain displaced, with 7.2 million inside and 5.5 million refugees": parts
        inside = inside or ("," in toks and toks[toks.index(",") + 1:toks.index(",") + 2] == ["with"])
        if part and inside:
            return True
        if not part and not inside:
            return True
    return False


def _group_for(measure: str, group: str) -> str:
    """The group a corrected death measure implies, where the extractor's group contradicts it."""
    civil = ("civilians", "children", "women")
    fighters = ("combatants", "government_forces", "armed_opposition", "foreign_fighters")
    if measure == "deaths_civilian" and group not in civil:
        return "civilians"
    if measure == "deaths_combatant" and group not in fighters:
        return "combatants"
    if measure == "deaths_total" and group in civil + fighters:
        return "all"
    return ""


def classify(sentence: str, start: int, end: int, value: float, measure: str, *,
             host: str = "", kind: str = "", group: str = "",
             siblings: list[tuple[int, int, str]] | None = None) -> Decision:
    """Decide on one candidate: *sentence* is its sentence, ``sentence[start:end]`` its
    claim text (hedge and number), *value* in persons, *measure* the extractor's choice.
    *siblings* are the (start, end, measure) of the sentence's other candidates.

    Returns :data:`KEEP` when the governor is ambiguous or agrees with *measure*.
    Shares and the war's age (``kind`` share/duration) are never touched.
    """
    if kind in ("share", "duration") or measure in ("war_duration_years",) or measure.endswith("_share"):
        return KEEP
    g = governor(sentence, start, end)
    if value <= W.AGE_MAX and _age_bound(sentence, start):
        return Decision(drop=True, reason="an age bound of the people counted ('children under 18')")
    if g.non_people:
        return Decision(drop=True, reason=f"counts {g.non_people}, not people")
    if g.foreign and not (measure in REFUGEE_MEASURES and g.foreign in W.HOST_PLACES.get(host, ())):
        # (a count of Syrian refugees in Beirut is a part of Lebanon's, not of another country's people)
        return Decision(drop=True, reason=f"counts people of or in another country ({g.foreign})")
    if g.incident and measure in DEATH_MEASURES | {"injured"}:
        return Decision(drop=True, reason="one event's casualties (the event is the subject of the killing)")
    if g.verb == "besieged" and measure in DISPLACED_MEASURES | REFUGEE_MEASURES | {"people_in_need"}:
        return Decision(drop=True, reason="people trapped or besieged: no registry measure")
    if "homeless" in (g.verb, g.noun):
        return Decision(drop=True, reason="people left homeless: no registry measure")
    if "released" in (g.before, g.verb) or "evacuated" in (g.before, g.verb, g.noun):
        return Decision(drop=True, reason="released or evacuated people: no registry measure")
    if _affected(g, sentence, start) and measure in DISPLACED_MEASURES:
        return Decision(measure="people_in_need", reason="governor: affected people in an aid context")
    if g.before == "aid_target" and g.verb != "people_in_need" and measure != "people_in_need":
        return Decision(drop=True, reason="an aid plan's target, not a count of victims")
    if g.other_country and measure not in REFUGEE_MEASURES | RETURN_MEASURES \
            and not measure.startswith(("asylum", "global")):
        return Decision(drop=True, reason=f"counts people in another country ({g.other_country})")
    if measure in STOCK_MEASURES and _contains(list(g.clause), W.SHORT_FLOW_WORDS):
        return Decision(drop=True, reason="a short period's movement, not a level")
    new = _family_measure(g, measure, host, sentence, start, end, siblings or [])
    if new == "-":
        return Decision(drop=True, reason="people detained or arrested: not a toll and not the missing")
    if new == "-asylum":
        return Decision(drop=True, reason="asylum applications of all nationalities")
    if not new or new == measure:
        return KEEP
    return Decision(measure=new, reason="governor", group=_group_for(new, group))


def _family_measure(g: Governor, measure: str, host: str, sentence: str, start: int, end: int,
                    siblings: list[tuple[int, int, str]]) -> str:
    generic = g.noun in ("", "people")
    if g.subject:
        return _subject_measure(g, measure)
    if measure in RETURN_MEASURES:
        if g.verb == "returns" and g.noun in ("idps", "displaced"):
            return "idp_returns"  # "1.2 million displaced people have gone back"
        if measure == "refugee_returns" and generic and g.verb == "returns" and _internal_return(g):
            return "idp_returns"  # "1 million people have returned to their areas of origin"
        if g.verb == "returns" and g.noun == "refugees":
            return "refugee_returns"
        return ""  # a return verb may stand further on ("people who had been displaced ... had returned")
    if "returns" in (g.before, g.verb):
        if g.noun in ("idps", "displaced") or measure in DISPLACED_MEASURES:
            return "idp_returns"
        return "refugee_returns"
    if g.before == "population":  # "home to N", "a population of N" govern over a later verb
        return "population" if generic and measure in DISPLACED_MEASURES else ""
    if g.noun == "detainees" or g.verb == "detainees" or g.before == "detainees":
        if "deaths" in g.clause_verbs or g.before == "deaths":
            return "deaths_in_detention"
        if "missing" in g.clause_verbs:
            return "missing_persons"
        if measure == "missing_persons" and g.noun != "detainees" \
                and any(w in ("still", "remain", "remains") for w in g.auxiliaries):
            return ""  # "90,000 people are still held in the regime's prisons": the missing
        if g.noun != "detainees" and measure in DEATH_MEASURES | {"missing_persons"}:
            return "-"  # arrests: a count of people arrested is not a toll or the missing
        if measure in DEATH_MEASURES:
            return "-"  # detainees are not deaths
        return ""
    if "asylum" in (g.noun, g.verb) and not measure.startswith("asylum"):
        # "362,000 Syrians sought asylum in Europe", "1 million asylum applications"
        europe = any(w in W.EUROPE_WORDS for w in _tokens(sentence.translate(_QUOTES)))
        if europe and asylum_of_all(sentence, start, end, strict=False):
            return "-asylum"  # applications of all nationalities
        if europe and measure in REFUGEE_MEASURES | DISPLACED_MEASURES | {"population", "people_in_need"}:
            return ASYLUM_CUMULATIVE
        return ""
    if measure == "deaths_civilian" and g.noun == "people" and not g.groups and not g.all_civilians \
            and not any(w in W.CIVILIAN_WORDS for w in g.before_words) and not _civilian_head(sentence, start) \
            and not (g.clause[:1] and g.clause[0] in W.VERB_AUXILIARIES
                     and any(w in W.CIVILIAN_WORDS for w in g.clause[1:3])):
        # "killed 500,000 people, most of them civilians", "1,500 people killed in civilian
        # areas": the civilian word elsewhere does not make the count civilians
        return "deaths_total"
    if measure in ("deaths_total", "deaths_civilian", "deaths_combatant") and g.groups and (
            g.verb == "deaths" or g.before == "deaths" or g.noun in ("deaths", "combatants")
            or "deaths" in g.clause_verbs or g.partitive):
        if g.groups == {"civilians", "combatants"}:
            return "deaths_total"  # "400,000 soldiers and civilians"
        return "deaths_civilian" if "civilians" in g.groups else "deaths_combatant"
    if g.noun == "refugees":
        if measure in REFUGEE_MEASURES | RETURN_MEASURES or measure.startswith(("asylum", "global")):
            return ""
        return _refugee_measure(host)
    external = any(w in W.EXTERNAL_WORDS for w in g.noun_phrase + g.clause[:12])
    if measure == "idps_new_displacements" and g.verb in ("displaced", "idps") \
            and any(w in W.STOCK_AUXILIARIES for w in g.auxiliaries) \
            and not any(w in W.NEW_EVENT_WORDS for w in g.clause + g.before_words):
        return "idps"  # "6.7 million remain internally displaced, many since 2012": a level
    if g.noun == "idps" or (generic and g.verb == "idps" and not external
                            and not _contrasted(sentence, start, end, siblings, part=True)):
        return "" if measure in IDP_MEASURES or measure.startswith("global") else "idps"
    if g.noun == "displaced" or (generic and (g.verb in ("displaced", "new_displacement")
                                              or (not g.verb and g.before == "displaced"))):
        if g.verb == "people_in_need" or measure.startswith("global"):
            return ""
        if (g.verb == "new_displacement" or "newly" in g.noun_phrase) and measure in ("idps", "displaced_total"):
            return "idps_new_displacements"
        if measure in ("idps", "displaced_total", "population", "people_in_need") and _event_displaced(g):
            return "idps_new_displacements"  # "the offensive has displaced 80,000 people"
        near = g.noun_phrase + g.clause[:6]
        internal = any(w in W.INTERNAL_WORDS for w in near) and not external
        if measure in REFUGEE_MEASURES and not internal and (
                external or (host and host not in ("REGION", "WORLD"))):
            # "1.5 million displaced Syrians in Lebanon", "2.6 million displaced Syrians sitting
            # in camps in neighboring countries": the extractor's refugees
            return ""
        if measure in REFUGEE_MEASURES | {"people_in_need", "population"}:
            return "idps" if internal else "displaced_total"
        if measure == "displaced_total" and (internal or _contrasted(sentence, start, end, siblings)):
            return "idps"
        if measure == "displaced_total" and not external and g.verb == "displaced" \
                and any(w in ("remain", "remains", "still") for w in g.auxiliaries) \
                and not _contrasted(sentence, start, end, siblings, part=True):
            return "idps"  # "about seven million remain displaced": people still uprooted inside
        if measure == "idps" and not internal and g.verb != "new_displacement" \
                and _contrasted(sentence, start, end, siblings, part=True):
            return "displaced_total"  # "13 million are displaced, 6.8 million of them refugees"
        return ""
    if generic and g.verb == "live" and measure in DISPLACED_MEASURES:
        return "population"  # "where 3 million people, many of them displaced, live"
    if generic and g.verb == "people_in_need":
        if measure in REFUGEE_MEASURES | DISPLACED_MEASURES | {"population"}:
            return "people_in_need"
        return ""
    if generic and g.verb == "refugees" and measure in DISPLACED_MEASURES | {"people_in_need", "population"}:
        abroad = any(w in ("abroad", "outside", "beyond") for w in g.clause[:8])
        return _refugee_measure(host or ("WORLD" if abroad else ""))
    if g.verb == "missing" and measure in DEATH_MEASURES - {"deaths_total_incl_missing"}:
        return "missing_persons"
    return ""


#: The whole a share is taken of ("9.4 per cent of the total 612,700 people"), a count said
#: to be a share of all applicants ("485,000 people, or 80 percent of all applicants"), and
#: a count of countries ("44 industrialised nations").
_SHARE_OF_BEFORE = re.compile(r"(?:per ?cent|percent|%|one in \w+|half|third|quarter)\s+of\s+(?:the\s+)?"
                              r"(?:total\s+(?:of\s+)?)?$", re.I)
_OF_ALL_AFTER = re.compile(r"^[^.;]{0,40}?\bof all (?:applicants|asylum|claims|applications|asylum-seekers)\b", re.I)
_COUNTRIES_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:countries|nations|states|member states)\b", re.I)


def asylum_of_all(sentence: str, start: int, end: int, strict: bool = True) -> bool:
    """True if the asylum count ``sentence[start:end]`` is not of Syrians: the whole a share
    of Syrians is taken of ("Syrians made up 9.4 per cent of the total 612,700 people who
    sought asylum"), "N, or 80 percent of all applicants", a number of countries ("in 44
    industrialised nations"), or (*strict*, for a count of applications) a count whose own
    clause names no Syrian ("Turkey ... also received 44,000 individual asylum applications")."""
    s = sentence.translate(_QUOTES)
    clause_back = re.split(r",(?!\d{3})|;|\s(?:while|whereas|but)\s", s[:start])[-1]  # (not "56,400")
    after = s[end:]
    own = re.split(r"[;,.]|\s(?:while|but|whereas)\s", after, maxsplit=1)[0][:80]
    if _SHARE_OF_BEFORE.search(clause_back) or _OF_ALL_AFTER.search(after[:80]) or _COUNTRIES_AFTER.match(after):
        return True
    return strict and not re.search(r"\bsyrians?\b", clause_back + " " + own + " " + after[:30], re.I)


def _internal_return(g: Governor) -> bool:
    """True if the return's own clause names a place inside Syria as its end or start
    ("to their villages", "areas of origin", "from camps") and nothing abroad."""
    words = list(g.clause)
    if any(w in W.FROM_ABROAD_WORDS or w in W.OTHER_COUNTRY_NAMES for w in words) \
            or _contains(words, W.FROM_ABROAD_PHRASES):
        return False
    return _contains(words, W.INTERNAL_RETURN_PHRASES)


def _event_displaced(g: Governor) -> bool:
    """True if the number is the object of "<an event> displaced" and the event is not the
    whole war and no "since <year>" spans the war ("fighting displaced 700,000 people in
    2019"; not "the war has displaced 6 million", "fighting has displaced 2 million since 2011")."""
    if g.before != "displaced":
        return False
    words = g.before_words + g.clause
    if any(w in W.WHOLE_WAR_WORDS for w in words):
        return False
    if any(w == "since" and nxt[:1].isdigit() for w, nxt in zip(words, words[1:] + ("",))):
        return False
    return any(w in W.DISPLACING_EVENTS for w in g.before_words)


def _subject_measure(g: Governor, measure: str) -> str:
    """The measure named by the subject of "the number of X reached N"."""
    fam = g.subject
    if fam == "deaths":
        if g.detention:
            return "deaths_in_detention"
        return "" if measure in DEATH_MEASURES else "deaths_total"
    if fam == "missing":
        return "" if measure == "missing_persons" else "missing_persons"
    if fam == "returns":
        return "" if measure in RETURN_MEASURES else ""
    if fam == "refugees":
        return "" if measure in REFUGEE_MEASURES | RETURN_MEASURES else ""
    if fam == "people_in_need":
        return "" if measure == "people_in_need" else "people_in_need"
    return ""


def refine_claims(claims: pd.DataFrame, text: str) -> pd.DataFrame:
    """Apply :func:`classify` to every row of :func:`~syriastats.textclaims.extract.extract_claims`'
    result for *text*: rows it drops are removed, corrected measures (and their ``kind``)
    replace the extractor's. Row order and the other columns are kept."""
    if claims.empty:
        return claims
    offsets = {i: s.start for i, s in enumerate(split_sentences(text))}
    keep, measures, kinds, groups, hosts, ptypes, pstarts = [], [], [], [], [], [], []
    rows = list(claims.itertuples(index=False))
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for r in rows:
        off = offsets.get(r.sentence_index, 0)
        by_sentence.setdefault(r.sentence_index, []).append((r.start - off, r.end - off, r.measure))
    for r in rows:
        off = offsets.get(r.sentence_index, 0)
        d = classify(r.sentence, r.start - off, r.end - off, float(r.value), r.measure,
                     host=r.host, kind=r.kind, group=r.group,
                     siblings=by_sentence[r.sentence_index])
        keep.append(not d.drop)
        measures.append(d.measure or r.measure)
        kinds.append(KIND_OF.get(d.measure, r.kind) if d.measure else r.kind)
        groups.append(d.group or r.group)
        hosts.append("WORLD" if d.measure == "refugees_worldwide" and not r.host
                     else "" if d.measure == "idp_returns" else r.host)  # IDPs have no host
        # a new displacement is a flow (start not said: the day of the level, as the extractor does)
        flow = d.measure == "idps_new_displacements" and r.period_type != "flow"
        if d.measure == ASYLUM_CUMULATIVE:
            # applications in Europe: a named year's applications are a flow over that year
            # ("in 2015 alone"), else a running total since the war began
            hosts[-1] = "EUROPE"
            year_end = str(r.as_of).endswith("-12-31") and r.period_start == r.as_of
            measures[-1] = ASYLUM_FLOW if year_end else ASYLUM_CUMULATIVE
            kinds[-1] = "asylum"
            ptypes.append("flow" if year_end else "cumulative")
            pstarts.append(str(r.as_of)[:4] + "-01-01" if year_end else WAR_START)
            continue
        year = flow and str(r.as_of).endswith("-12-31") and r.period_start == r.as_of
        stock = d.measure == "idps" and r.period_type != "stock"  # a level on its date
        ptypes.append("flow" if flow else "stock" if stock else r.period_type)
        pstarts.append(str(r.as_of)[:4] + "-01-01" if year else r.as_of if flow or stock
                       else r.period_start)
    out = claims.assign(measure=measures, kind=kinds, group=groups, host=hosts,
                        period_type=ptypes, period_start=pstarts)
    return out[keep].reset_index(drop=True)
