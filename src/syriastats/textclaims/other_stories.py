"""Counts in an article about Syria that are not the Syrian war's statistics (H22d): another
country's war told beside it ("The Israeli strikes have killed 2,100 people ... in Lebanon"),
arrivals and deaths at sea of all nationalities ("590,000 refugees and migrants have arrived
in Europe by sea"), daily rates ("4,000 refugees were fleeing every day"), planning figures
and forecasts ("could have fled Syria by the end of the year", "an anticipated 4.7 million
refugees ... by the end of 2016", "4 million people in communities hosting them"), refugees
of other nationalities hosted by Syria ("Syria hosted 1 million refugees, mainly from
Iraq"), and a change over a year ("one million refugees higher than last year").

:func:`other_story` says whether one extracted claim is such a count; the call site in
:mod:`syriastats.textclaims.extract` drops it.
"""
from __future__ import annotations

import re
from functools import lru_cache

_F = re.I

#: Arrivals and deaths at sea, of every nationality.
_SEA = re.compile(r"\brefugees and migrants\b|\bmigrants and (?:refugees|asylum[- ]seekers)\b|\bby sea\b|\bsea route\b"
                  r"|\b(?:across|crossed|cross) the mediterranean\b|\bperilous (?:journey|crossing)\b"
                  r"|\btrying to (?:cross|reach europe|make the)\b", _F)
#: Another country's war: Israel's strikes on Lebanon or its war on Gaza.
_OTHER_WAR = re.compile(r"\b(?:israel'?s?|israeli)\b[^.;]{0,40}\b(?:strikes?|bombardment|war|attacks?|offensive|raids?"
                        r"|assault|airstrikes?)\b|\b(?:strikes|bombardment|war|attacks|offensive)\s+(?:on|in|against)\s+"
                        r"(?:[\w'-]+\s+){0,3}?(?:lebanon|gaza)\b|\blebanese health ministry\b|\bgaza health ministry\b", _F)
_SYRIA = re.compile(r"\bsyria|\bsyrians?\b", _F)
_DEATHS_ETC = ("deaths", "detention", "injured", "displaced", "idps", "refugees", "missing")
#: A rate: "every day", "per day", "each week", "daily registrations".
_RATE_AFTER = re.compile(r"^(?:(?!\b(?:this|that|it|which) (?:is|was|means)\b)(?:[^.;,]|[.,](?=\d))){0,80}?\b(?:every|each|per)\s+(?:single\s+)?(?:day|week|month|hour)\b", _F)
_DAILY = re.compile(r"^\s*(?:daily|weekly|monthly)\b", _F)
#: A forecast or a plan: "could have fled ... by the end of the year", "an anticipated",
#: "the plan foresees", people "in communities hosting them".
_FUTURE_BY = re.compile(r"\b(?:could|may|might|will|would)\s+(?:have\s+)?(?:\w+\s+)?(?:fled|flee|be|reach|rise|leave)\b"
                        r"[^.;]{0,80}\bby (?:the end of|mid-?|early|late)\b", _F)
_PLAN_BEFORE = re.compile(r"\b(?:an?\s+)?(?:anticipated|projected|expected|planned|foresees?|forecasts?|targets?)\s+"
                          r"(?:some\s+|about\s+|up to\s+|around\s+)?$", _F)
_HOST_COMMUNITY = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:in|of)\s+(?:the\s+)?(?:local\s+|host\s+)?communities\s+"
                             r"(?:hosting|that host|which host)\b|^\s*(?:[\w'-]+\s+){0,2}?in\s+host(?:ing)?\s+communities\b", _F)
#: Syria as the host of other nationalities' refugees.
_SYRIA_HOSTS = re.compile(r"\bsyria\s+(?:hosted|hosts|was host(?:ing)? to|is home to|was home to|had taken in|took in"
                          r"|sheltered|received)\s+(?:[\w'-]+\s+){0,3}?$", _F)
_OTHER_REFUGEES = re.compile(r"\b(?:iraqi|palestinian|lebanese|afghan|sudanese|somali)\s+(?:refugees|citizens|nationals)\b"
                             r"|\bmainly from (?:iraq|palestine|somalia|afghanistan)\b", _F)
_SYRIAN_REFUGEES = re.compile(r"\bsyrian (?:refugees|citizens|nationals|returnees)\b|\bsyrians\b", _F)
#: A change over a period: "one million refugees higher than last year".
_CHANGE_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:higher|lower|more|fewer|less)\s+than\s+(?:(?:at\s+)?(?:last|the previous|a)"
                           r"\s+(?:year|month)|(?:in\s+)?(?:19|20)\d\d|(?:a|one) year (?:ago|earlier|before))\b", _F)


@lru_cache(maxsize=16)
def _sentence_flags(s: str) -> tuple[bool, bool, bool, bool]:
    """(sea arrivals, another country's war, no Syrian named, other nationalities' refugees
    without Syrian ones) of sentence *s*, read once per sentence."""
    syria = bool(_SYRIA.search(s))
    return (bool(_SEA.search(s)), bool(_OTHER_WAR.search(s)), not syria,
            bool(_OTHER_REFUGEES.search(s)) and not _SYRIAN_REFUGEES.search(s))


def other_story(kind: str, s: str, a: int, b: int) -> bool:
    """True if the claim at [*a*, *b*) of sentence *s* (of measure family *kind*) is not a
    Syrian war statistic, by the words of its sentence (see the module's docstring)."""
    before, after = s[max(0, a - 120):a], s[b:b + 160]
    sea, other_war, no_syria, other_refugees = _sentence_flags(s)
    if kind in _DEATHS_ETC and (sea or other_war) and no_syria:
        return True
    if kind in ("refugees", "displaced", "returns") and (_RATE_AFTER.match(after) or _DAILY.match(after)):
        return True
    if kind in ("refugees", "displaced", "idps") and (
            _FUTURE_BY.search(after[:140]) or _PLAN_BEFORE.search(before[-40:]) or _HOST_COMMUNITY.match(after)):
        return True
    if kind == "refugees" and (_SYRIA_HOSTS.search(before[-60:]) or other_refugees):
        return True
    return kind in ("refugees", "displaced", "idps", "returns") and bool(_CHANGE_AFTER.match(after))
