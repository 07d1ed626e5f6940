"""The war's age in other words ("marked 14 years since", "a decade of war", "in its
fifth year"), in years, relative to the date of publication.
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.literal_gate import may_match
from syriastats.textclaims.periods import _day
from syriastats.textclaims.cues import (
    _c,
    _FLAGS,
    _ORDINAL_YEAR,
    TextClaim,
    _WAR_BEGAN,
    _WAR_NP,
    _WAR_WORD,
    _YEARS_ON_HEAD,
)

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
    if not may_match((_SECOND_DECADE, _DECADE_OF, _HALF_DECADE, _FOR_A_DECADE, _DECADE_AGO), s):
        return []  # (no pattern below can match: no word one needs is in the sentence)
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
