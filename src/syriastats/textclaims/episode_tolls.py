"""Death tolls of episodes, campaigns and periods versus one incident's casualties (H23e).

Reviewers count a toll over an episode, a campaign, a period, a report, a perpetrator, a
governorate or a category of deaths as a war statistic ("1,000 people have been killed since
the outbreak of violence in Sweida", "the death toll among Alawite residents on the coast has
risen to 340", "Kurdish forces killed 146 civilians", "52 victims of death due to torture"),
however small, and one incident's casualties as none: one strike, attack, bombing or crash
("the attack, which killed 43", "killed in an air strike on a market"), one day ("on
Monday", "yesterday", "overnight", "in 24 hours", "the deadliest day").

The extractor (:mod:`syriastats.textclaims.extract`) used to keep a count under
``INCIDENT_MAX`` only with a war-level cue, and to drop any count near an incident word;
the rule here turns that round for counts of the dead: a count governed by a word of death
is a toll unless :func:`incident` finds an explicit sign of one incident in the count's own
words. A start that is an event ("since the chemical attack", "since the outbreak of
violence") or a span between two days is the toll's period, never its incident.

Rules only (no state); the extractor calls them at its call sites:
:func:`episode_toll` (is this count of the dead a toll, not an incident's casualties),
:func:`days_not_rate` (a short-period cue that is a span of days, not a rate), and
:func:`death_noun_kind` (a count whose own noun is executions or killings, or a figure that
refers back to a toll just told).
"""
from __future__ import annotations

import re

import pandas as pd

from syriastats.textclaims.other_stories import _OTHER_WAR
from syriastats.textclaims.periods import _MONTH_ALT, _period
from syriastats.textclaims.rule_kit import WEEKDAY_ALT

_F = re.I
_DEATH_KINDS = ("deaths", "detention")
_MONTHS = _MONTH_ALT  # the vocabulary's month names and abbreviations (periods)
#: One event, singular: the noun of an incident.
_EVENT = (r"(?:air ?strike|airstrike|drone strike|missile strike|strike|attack|bombing|explosion|blast|car bomb"
          r"|suicide (?:bombing|attack)|ambush|massacre|crash|shootdown|raid|shelling|barrage|incident"
          r"|shooting|bombardment of the|explosive|landmine explosion|accident|collapse|stampede)")
#: Where one event happened, between its noun and its verb: "A car bomb in Azaz killed", "An
#: explosion at an arms depot in Sarmada killed", "The shelling of a market in ... killed".
_EVENT_SITE = (r"(?:\s+(?:(?:in|near|at|outside|inside|on)\s+|of\s+(?:a|an)\s+)(?:[\w'-]+\s+){0,5}?[\w'-]+)?")
#: One thing that hit, blew up, sank or fell, as the count's cause: "12 people were killed when
#: a mortar hit a school", "died after a boat carrying migrants capsized", "killed when
#: unexploded ordnance detonated".
_WHEN_ONE = re.compile(r"\b(?:when|after|as)\s+(?:(?:a|an|the|their|his|her|one)\s+)?(?:[\w'-]+\s+){0,3}?"
                       r"(?:mortar|shell|rocket|missile|bomb|mine|landmine|device|ordnance|grenade|car|truck|bus|minibus"
                       r"|boat|vessel|ship|dinghy|building|house|roof|plane|aircraft|helicopter|drone|jet)\b"
                       r"(?:\s+[\w'-]+){0,4}?\s+(?:hit|struck|slammed|exploded|detonated|went\s+off|landed|fell|sank|capsized"
                       r"|collapsed|crashed|overturned)\b", re.I)
#: A start or a span of the toll (never its incident): "since the chemical attack on Ghouta
#: last year", "since Sunday, July 13", "between the outbreak of fighting on July 13 and the
#: ceasefire on July 21", "from 6 to 10 March".
_START_SPAN = re.compile(r"\bsince\b[^.;]{0,80}?(?=,|;|\.(?:\s|$)|\b(?:has|have|had|the|according|said|says)\b|$)"
                         r"|\bbetween\b[^.;]{0,120}?\band\b[^.;,]{0,60}"
                         r"|\bfrom\b[^.;]{0,40}?\b(?:to|until|till)\b[^.;,]{0,40}", _F)
#: One incident, in the words around a count of the dead.
_INCIDENT = re.compile(
    # one event as the cause: "killed in an air strike", "died in the attack on", "by a car bomb"
    r"\b(?:in|during|by|after|from|of)\s+(?:a|an|the|this|that|one|single|(?:" + WEEKDAY_ALT + r"|yesterday|today)'s)\s+"
    r"(?:[\w'-]+[\s-]){0,3}?" + _EVENT + r"\b(?!s)"
    # one event as the subject: "the attack, which killed", "a suicide bomber killed", "the blast killed"
    r"|\b(?:a|an|the|this|that|one)\s+(?:[\w'-]+[\s-]){0,3}?" + _EVENT + r"(?:\s+on\s+[\w'-]+(?:\s+[\w'-]+)?)?" + _EVENT_SITE + r"\s*,?\s*"
    r"(?:(?:which|that)\s+)?(?:has\s+|had\s+)?(?:killed|left|claimed|killing|leaving|claiming)\b"
    r"|\b(?:a|the)\s+suicide\s+bomber\b"
    # one day: "on Monday", "Sunday's", "yesterday", "overnight", "in 24 hours", "the deadliest day"
    r"|\bon\s+(?:" + WEEKDAY_ALT + r")\b|\b(?:" + WEEKDAY_ALT + r")'s\b|\b(?:" + WEEKDAY_ALT + r")\s+(?:death\s+)?toll\b"
    r"|\b(?:yesterday|today|tonight|overnight|last night)\b|\bthis (?:morning|afternoon|evening)\b"
    r"|\b(?:early|late)\s+(?:" + WEEKDAY_ALT + r")\b"
    r"|\b(?:past|last|previous|within|in)\s+(?:the\s+)?(?:24|48|36|12|72)\s+hours\b|\bhours\b"
    r"|\b(?:deadliest|bloodiest|worst)\s+(?:single\s+)?day\b|\bin\s+(?:a|one)\s+(?:single\s+)?day\b"
    r"|\b(?:that|the same|a single)\s+day\b|\bon\s+(?:\d{1,2}\s+(?:" + _MONTHS + r")|(?:" + _MONTHS + r")\.?\s+\d{1,2})\b"
    # one aircraft's or one vehicle's dead
    r"|\bcrew(?:\s+members)?\b|\bon\s+board\b|\bpassengers\b|\bhelicopter\b"
    # strikes on one site: "raids that hit the vegetable market", "air strikes on a market"
    r"|\b(?:strikes?|raids?|shelling|bombing|attacks?|fire)\s+(?:that\s+|which\s+)?(?:hit|struck|targeted|on)\s+"
    r"(?:a|an|the|one)\s+(?:[\w'-]+\s+){0,2}?(?:market|hospital|school|bakery|mosque|church|building|convoy|bus|checkpoint"
    r"|funeral|wedding|camp|queue|shelter|clinic|house|home|prison|base|airport|station)\b", _F)
#: A bare weekday beside a verb of killing ("Air strikes ... Sunday killed 12", "exploded in a
#: suburb Thursday, killing 10"), or "a day before/after" an event: one day.
_BARE_DAY = re.compile(r"\b(?:" + WEEKDAY_ALT + r")\s*,?\s+(?:killed|killing|left|leaving|claimed|claiming)\b"
                       r"|\b(?:a|one|the)\s+day\s+(?:before|after|earlier|later)\b", _F)
#: One event that killed, told before the count: "The Douma attack, which killed at least",
#: "a massacre in Rural Suwayda, in which seven civilians ... were killed", "A powerful car
#: bomb exploded in a suburb ..., killing".
_EVENT_BEFORE = re.compile(r"\b" + _EVENT + r"\b(?!s)[^.;]{0,60}?,\s*(?:(?:which|that)\s+(?:[\w'-]+\s+){0,3}?(?:has\s+|had\s+)?"
                           r"(?:killed|left|claimed)|(?:in|during)\s+which)\b[^.;]{0,90}$"
                           r"|\b(?:a|an|the)\s+(?:[\w'-]+\s+){0,2}?" + _EVENT + r"\s+(?:exploded|went off|detonated|struck|hit"
                           r"|tore through|ripped through)\b[^.;]{0,80}?,\s*(?:killing|leaving)\s+[^.;,]{0,25}$", _F)
#: A running toll: "the death toll ... rose to", "the number of dead has reached": a day named
#: beside it ("rose to 37 today, Monday", "On Tuesday, the death toll ... rose to around 100")
#: dates the toll, not one day's dead.
_RUNNING_TOLL = re.compile(r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|people\s+killed))\b[^.;]{0,160}?"
                           r"\b(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|stands|stood|topped|tops|surged"
                           r"|jumped|increased|passed|exceeded|hit)\s+(?:to\s+)?(?:at\s+least\s+|around\s+|about\s+"
                           r"|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", _F)
#: A toll that an incident's dead add to: "bringing the number of people killed in the
#: campaign this month to" (group 1: the toll's own words).
_BRINGING = re.compile(r"\b(?:bringing|raising|taking|pushing|lifting)\s+(the\s+(?:[\w'-]+\s+){0,3}?(?:toll|tally|number\s+of)"
                       r"\b[^.;]{0,120}?)\s+to\s+(?:at\s+least\s+|around\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", _F)
#: The words of one day (a date, not an event): ignored beside a running toll.
_DAY_ONLY = re.compile(r"^(?:on\s+|early\s+|late\s+)?(?:" + WEEKDAY_ALT + r"|yesterday|today|tonight|\d{1,2}\s+[a-z]+|[a-z]+\.?\s+\d{1,2})$", _F)
#: A weekday that dates a statement, not the people counted: "the monitor said on Monday".
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|reported|stated|told\s+[\w'-]+(?:\s+[\w'-]+)?)\s+$", _F)
#: The second day of a span of dates: "between September 23 and 30", "from 6 to 10 March".
_DAY_AFTER_DAY = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?\s+\d{1,2}|\b\d{1,2})\s*(?:and|to|-|until|through|till)\s*$", _F)
#: A word of death in a count's own words (the count is governed by it).
_DEATH_WORD = re.compile(r"\b(?:killed|killing|killings|died|die|dying|dead|deceased|deaths?|deadl\w+|toll|lives|perished"
                         r"|executed|executions?|fatalities|victims|casualties|bodies|tortured|murdered|massacred)\b", _F)


def _blank(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def _own_words(s: str, start: int, end: int) -> str:
    """The words of the count at [*start*, *end*) of sentence *s*: its clause between
    semicolons, at most 160 characters either side, with its start or span blanked."""
    lo = s.rfind(";", 0, start) + 1
    hi = s.find(";", end)
    hi = len(s) if hi < 0 else hi
    lo, hi = max(lo, start - 160), min(hi, end + 160)
    text = s[lo:start] + " " * (end - start) + s[end:hi]
    return _START_SPAN.sub(_blank, text)


#: Where a count's clause begins: after "and that", ", while", "; " (the words before belong
#: to another clause: "255 of the deaths came ... and that about 850 children were recruited").
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas)\s+|\s+(?:and|but)\s+that\s+|\s+(?:while|whereas)\s+|;", _F)
_COUNT = re.compile(r"\d[\d,.]*")


def _governing_words(s: str, start: int, end: int) -> str:
    """The words that may govern the count at [*start*, *end*) of sentence *s*: back to the
    count before it or the start of its clause, on to the count after it (160 characters at
    most either side)."""
    back = s[max(0, start - 160):start]
    prev = list(_COUNT.finditer(back))
    if prev:
        back = back[prev[-1].end():]
    joins = list(_CLAUSE_JOIN.finditer(back))
    if joins:
        back = back[joins[-1].end():]
    fwd = s[end:end + 160]
    nxt = _COUNT.search(fwd)
    return back + " " + (fwd[:nxt.start()] if nxt else fwd).split(";")[0]


def incident(s: str, start: int, end: int) -> bool:
    """True if the count of the dead at [*start*, *end*) of sentence *s* is one incident's
    casualties by its own words: one strike, attack, bombing, ambush or crash as their cause
    or subject, one day (a weekday, "yesterday", "overnight", "in 24 hours", a single date,
    "the deadliest day"), hours, or the people on board one aircraft. A weekday that dates
    a statement ("the monitor said on Monday") and a start or span ("since the chemical
    attack", "between ... and ...") are not incidents."""
    lo = max(s.rfind(";", 0, start) + 1, start - 160)
    if (m := _BRINGING.search(s[lo:start])) is not None:
        # "A strike killed 2, bringing the number killed in the campaign this month to 45": the
        # running toll's own words (between "bringing" and "to") decide, not the strike's
        return bool(_INCIDENT.search(m.group(1)))
    own = _own_words(s, start, end)
    running = bool(_RUNNING_TOLL.search(s[lo:start]))
    for m in _INCIDENT.finditer(own):
        if _SAID_BEFORE.search(s[max(0, lo + m.start() - 40):lo + m.start()]):
            continue  # "the monitor said on Monday": the statement's day
        if running and _DAY_ONLY.match(m.group(0)) and not re.search(
                r"\b(?:killed|died|dead|slain)\s+(?:[\w'-]+\s+){0,2}$", s[max(0, lo + m.start() - 30):lo + m.start()], _F):
            continue  # "the death toll ... rose to 37 today": the toll's day (not "killed today")
        return True
    return (not running and bool(_BARE_DAY.search(own) or _WHEN_ONE.search(own))) \
        or bool(_EVENT_BEFORE.search(s[max(0, start - 160):start]))


def episode_toll(s: str, start: int, end: int, kind: str) -> bool:
    """True if the count at [*start*, *end*) of sentence *s*, read as *kind*, is a toll of
    the dead over an episode, a campaign, a period, a report or a category (a war
    statistic whatever its size), i.e. a count of the dead (kinds ``deaths`` and
    ``detention``) that :func:`incident` does not make one incident's casualties."""
    if kind not in _DEATH_KINDS or re.match(r"-[a-z]|/\d", s[end:end + 2], _F) or s[max(0, start - 1):start] == "/" \
            or _DAY_AFTER_DAY.search(s[max(0, start - 30):start]) or re.search(r"\w[(\[]$", s[max(0, start - 2):start]):
        return False  # "the 86-page report", "18/03/2011", "between September 23 and 30", "alert(1)": no count
    if re.match(r"\s+of\s+(?:the|those|these|them|whom)\b", s[end:end + 12], _F):
        return False  # "255 of the deaths came at or near a school": a part, read by the partitive rules
    if not _DEATH_WORD.search(_governing_words(s, start, end)):
        return False  # "20 men lying by the side of a road": no word of death governs it
    return not incident(s, start, end)


#: Cues of a short period that are spans of days, not rates: "over the past few days", "this
#: week", "in just over a week", "in the last ten days".
_DAYS_SPAN = re.compile(r"\b(?:last|past|this|that)\s+week\b|\bpast\s+few\s+days\b"
                        r"|\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\w+\s+)?days\b"
                        r"|\b(?:in|within|over)\s+(?:just\s+)?(?:over\s+|under\s+|less than\s+|more than\s+)?a\s+week\b", _F)


def days_not_rate(text: str, short_rx: re.Pattern, kind: str) -> bool:
    """True if every short-period cue (*short_rx*) in *text* (a count's words) is a span of
    days ("over the past few days", "this week"), not a rate ("a day", "every week") and
    not one night: for the dead (*kind*), an episode's toll, not a rate's."""
    return kind in _DEATH_KINDS and bool(_DAYS_SPAN.search(text)) \
        and not short_rx.search(_DAYS_SPAN.sub(_blank, text))


#: A count whose own noun is a killing ("1,726 executions", "300 extrajudicial killings").
_KILLING_NOUN = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:executions|killings|murders|assassinations)\b", _F)
#: A figure that refers to a toll just told: "this figure of 350,209", "We had 250,000 as a
#: figure", "the number of 191,369".
_FIGURE_BEFORE = re.compile(r"\b(?:this|that|the|a|our|their)\s+(?:[\w'-]+\s+)?(?:figure|number|toll|tally|count|estimate)"
                            r"\s+(?:of|at|is|was|stands at|stood at|reached)\s+(?:about\s+|some\s+|around\s+|over\s+"
                            r"|more than\s+|nearly\s+|almost\s+)?$", _F)
_FIGURE_AFTER = re.compile(r"^\s*(?:as|was|is)\s+(?:a|the|our|their)\s+(?:[\w'-]+\s+)?(?:figure|number|toll|estimate)\b", _F)


def death_noun_kind(s: str, start: int, end: int, earlier_kind: str) -> str:
    """The kind of a count the extractor found no cue for: ``deaths`` for a count of
    executions or killings, or for a figure that refers back to a toll when the claim
    before it (*earlier_kind*, the last sentence's) was a toll; else empty."""
    if _KILLING_NOUN.match(s[end:end + 60]):
        return "deaths"
    if earlier_kind in _DEATH_KINDS and (_FIGURE_BEFORE.search(s[max(0, start - 60):start])
                                         or _FIGURE_AFTER.match(s[end:end + 50])):
        return earlier_kind
    return ""


#: Syria, or the Syrian war, named in a sentence's own words.
_SYRIA_OWN = re.compile(r"\bsyria\b|\bsyria's\b|\bsyrian\s+(?:war|conflict|regime|government|army|forces)\b"
                        r"|\b(?:regime|assad|damascus|aleppo|idlib|homs|hama|latakia|tartus|daraa|sweida|suwayda|raqqa"
                        r"|deir|hasakah|ghouta|afrin)\b", _F)
#: What a toll kept as an episode's carries when the text gives no span: the checker
#: compares it with no figure of the whole war (``subarea`` of the claims).
SPAN_NOT_GIVEN = "an episode, campaign or period whose span the text does not give"


def other_war_before(s: str, earlier: str) -> bool:
    """True if sentence *s* or the text before it (*earlier*) tells of another country's war
    (Israel's strikes on Lebanon or Gaza) and *s* names neither Syria nor its war: a toll
    in *s* ("More than 100 Syrians are among those killed this week", "96 Syrian refugees
    were killed in the Israeli offensive on Lebanon") is that war's."""
    return bool(_OTHER_WAR.search(earlier[-600:] + " " + s)) and not _SYRIA_OWN.search(s)


#: A count framed as a part of the dead: "Among the dead are 678 local residents", "The dead
#: also included 342 security personnel", "the victims were 40 Bedouin".
_DEATH_FRAME = re.compile(r"\b(?:among|of)\s+(?:the\s+|those\s+)?(?:dead|deceased|victims|killed|fatalities)\s+"
                          r"(?:(?:are|were|is|was|also|included|include|includes)\s+){1,2}(?:[\w'-]+\s+){0,2}?$"
                          r"|\bthe\s+(?:dead|deceased|victims|fatalities)\s+(?:also\s+)?(?:included?|includes|comprised?|were|are)\s+"
                          r"(?:[\w'-]+\s+){0,2}?$", _F)


def death_frame_kind(s: str, start: int, kind: str) -> str:
    """``deaths`` for a count of people (*kind* empty or ``population``) framed as a part of
    the dead ("Among the dead are 678 local residents": residents are no population here),
    or for the number a death toll rises to when the cue nearest it is of the wounded ("The
    death toll ... has risen to 89, with dozens more injured"); else *kind* unchanged."""
    if kind in ("", "population") and _DEATH_FRAME.search(s[max(0, start - 80):start]):
        return "deaths"
    lo = max(s.rfind(";", 0, start) + 1, start - 160)
    run = _RUNNING_TOLL.search(s[lo:start])
    if kind in ("", "injured") and run and re.match(r"toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|people\s+killed)",
                                                    run.group(0), _F) and re.search(r"\bdeath\s+toll\b|\bdead\b|\bdeaths\b|\bkilled\b|"
                                                                                    r"\bfatalities\b|\bvictims\b", s[lo:start], _F) \
            and not re.search(r"\b(?:wounded|injured)\b", run.group(0), _F):
        return "deaths"  # "The death toll ... has risen to 89, with dozens more injured": the toll's dead
    return kind


#: A number that names, not counts: "Security Council 2401", "resolution 2254", a dotted date
#: "(18.2.18)", the second day of "between July 13 and 18" or "July 13-20".
_NAME_NUMBER = re.compile(r"\b(?:council|resolution|resolutions|article|decree|law|flight|route|highway|brigade|division"
                          r"|operation|number|no\.)\s+$", _F)


def not_a_count(s: str, start: int, end: int) -> bool:
    """True if the number at [*start*, *end*) of sentence *s* names a resolution, a decree
    or a day rather than counting people: "UN Security Council 2401", "(18.2.18)", the second
    day of "between July 13 and 18" (a count in a sentence of war statistics that no rule
    should read as people)."""
    if _NAME_NUMBER.search(s[max(0, start - 20):start]):
        return True
    for m in re.finditer(r"(?<![\d.,])\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d(?![\d.,]\d)", s[max(0, start - 8):end + 8]):
        if m.start() + max(0, start - 8) <= start and end <= m.end() + max(0, start - 8):
            return True  # "(18.2.18)": day.month.year
    return bool(_DAY_AFTER_DAY.search(s[max(0, start - 30):start])) and bool(
        re.search(r"\b(?:" + _MONTHS + r")\.?\s+\d{1,2}\s*(?:and|to|-|until|through|till)\s*$", s[max(0, start - 30):start], _F))


_DATE = r"(?:\d{1,2}\s+(?:" + _MONTHS + r")|(?:" + _MONTHS + r")\.?\s+\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
#: A span between two events, each dated: "between the outbreak of fighting on July 13 and the
#: ceasefire on July 21" (groups: the two dates).
_BETWEEN_EVENTS = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w'-]+\s+){1,5}?(?:on|of)\s+(" + _DATE + r")\s+and\s+"
                             r"(?:the\s+)?(?:[\w'-]+\s+){1,5}?(?:on|of)\s+(" + _DATE + r")\b", _F)


def event_span(s: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The period of a toll counted between two dated events ("killed between the outbreak of
    fighting on July 13 and the ceasefire on July 21": cumulative from the first date to the
    second), read by :func:`~syriastats.textclaims.periods._period` on the two dates; None if
    *s* names no such span."""
    m = _BETWEEN_EVENTS.search(s)
    if m is None:
        return None
    said = f"between {m.group(1)} and {m.group(2)}".lower()
    found = _period(said, said, "deaths", published)
    return found if found[0] == "cumulative" and found[1] < found[2] else None


#: A start that is an event dated only by its year: "since the chemical attack on Ghouta last
#: year", "since the siege began in 2013" (group 1: the year, or "last year").
_SINCE_EVENT_YEAR = re.compile(r"\bsince\s+(?:the|a|an|its|their)\s+(?:[\w'-]+\s+){0,6}?(?:attack|massacre|offensive|siege|assault"
                               r"|campaign|operation|intervention|bombing|invasion|began|started|erupted|broke out)\b"
                               r"[^.;,]{0,40}?\b(last year|in (?:19|20)\d\d)\b", _F)


def since_event_year(text: str, published: pd.Timestamp) -> pd.Timestamp | None:
    """The first day of the year of an event a toll is counted from ("killed since the chemical
    attack on Ghouta last year": from 1 January of last year at the earliest; the day is not
    said), or None. The year names the start, not a year's flow."""
    m = _SINCE_EVENT_YEAR.search(text)
    if m is None:
        return None
    y = published.year - 1 if m.group(1).lower() == "last year" else int(m.group(1)[-4:])
    return pd.Timestamp(year=y, month=1, day=1) if y <= published.year else None
