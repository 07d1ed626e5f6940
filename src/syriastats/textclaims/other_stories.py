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
_DAILY = re.compile(r"^\s*(?:daily|weekly|monthly)\b"
                    r"|^[^.;]{0,80}?\s(?:daily|a day|a week)\s*(?:[.;,]|$)", _F)  # "... into Syria daily."
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
_SYRIAN_REFUGEES = re.compile(r"\bsyrian (?:refugees|citizens|nationals|returnees)\b|\bsyrians\b"
                              r"|\b(?:refugees|people|nationals) (?:from|of) syria\b", _F)
#: The count's own noun is another nationality: "470,000 Palestinian refugees".
_OWN_OTHER = re.compile(r"^\s*(?:[\w'-]+\s+)?(?:iraqi|palestinian|lebanese|afghan|sudanese|somali)\s+"
                        r"(?:refugees|citizens|nationals)\b", _F)
#: Foreign powers drawn into Syria's war ("drawn in Russia, Iran, Turkey and Israel with its
#: air strikes"): Israel's strikes named among them are part of the Syrian war's story.
_POWERS_BEFORE = re.compile(r"\b(?:russia|iran|turkey|the (?:us|united states))\b[^.;]{0,40}$", _F)
#: A trailing aside about some of those counted: ", many trying to cross the Mediterranean".
_SOME_OF_THEM = re.compile(r",\s*(?:many|some|most|others|thousands|hundreds)(?:\s+of\s+(?:them|whom))?\s+[\w'-]+ing\b[^,;.]*", _F)
#: The count's own verb comes before a forecast ("5 million have fled ... and many more may
#: leave by the end of the year"): the forecast is another clause's.
_OWN_VERB = re.compile(r"\b(?:have|has|had|are|is|were|was)\b|\band\s+(?:many|more|another|others|an additional)\b", _F)
#: A change over a period: "one million refugees higher than last year".
_CHANGE_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:higher|lower|more|fewer|less)\s+than\s+(?:(?:at\s+)?(?:last|the previous|a)"
                           r"\s+(?:year|month)|(?:in\s+)?(?:19|20)\d\d|(?:a|one) year (?:ago|earlier|before))\b", _F)


def _clause(s: str, a: int, b: int) -> str:
    """The clause of sentence *s* holding [*a*, *b*): from the semicolon before to the one after."""
    lo = s.rfind(";", 0, a) + 1
    hi = s.find(";", b)
    return s[lo:] if hi < 0 else s[lo:hi]


@lru_cache(maxsize=64)
def _clause_flags(c: str) -> tuple[bool, bool, bool, bool]:
    """(sea arrivals, another country's war, no Syrian named, other nationalities' refugees
    without Syrian ones) of clause *c*, read once per clause."""
    syria = bool(_SYRIA.search(c))
    sea = bool(_SEA.search(_SOME_OF_THEM.sub("", c)))
    other_war = any(not _POWERS_BEFORE.search(c[max(0, m.start() - 60):m.start()]) for m in _OTHER_WAR.finditer(c))
    return (sea, other_war, not syria, bool(_OTHER_REFUGEES.search(c)) and not _SYRIAN_REFUGEES.search(c))


def other_story(kind: str, s: str, a: int, b: int) -> bool:
    """True if the claim at [*a*, *b*) of sentence *s* (of measure family *kind*) is not a
    Syrian war statistic, by the words of its own clause (see the module's docstring)."""
    before, after = s[max(0, a - 120):a], s[b:b + 160]
    sea, other_war, no_syria, other_refugees = _clause_flags(_clause(s, a, b))
    if kind in _DEATHS_ETC and (sea or other_war) and no_syria:
        return True
    if kind in ("refugees", "displaced", "returns") and (_RATE_AFTER.match(after) or _DAILY.match(after)):
        return True
    future = _FUTURE_BY.search(after[:140])
    if future and _OWN_VERB.search(after[:future.start()]):
        future = None
    if kind in ("refugees", "displaced", "idps") and (
            future or _PLAN_BEFORE.search(before[-40:]) or _HOST_COMMUNITY.match(after)):
        return True
    if kind == "refugees" and (_SYRIA_HOSTS.search(before[-60:]) or other_refugees or _OWN_OTHER.match(after)):
        return True
    return kind in ("refugees", "displaced", "idps", "returns") and bool(_CHANGE_AFTER.match(after))
