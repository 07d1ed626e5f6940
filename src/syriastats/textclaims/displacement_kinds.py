"""Displacement families: new displacement against the displaced stock, refugee and IDP
returns, asylum, asides and the dateline's governorate.
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.classify import asylum_of_all
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.displacement_events import WAVE_MAX
from syriastats.textclaims.periods import _MONTH_ALT, _own_clause
from syriastats.textclaims.cues import (
    _AREAS,
    _blank,
    _c,
    Context,
    _CUES,
    _FALLBACK,
    _first,
    _FLAGS,
    _HOST_COUNTRY,
    _HOSTS,
    _INSIDE_AFTER,
    _priority,
    _QUOTES,
    _SYRIA,
    TextClaim,
)
from syriastats.textclaims.toll_parts import (
    _BREAKDOWN_LEAD,
    _COORDINATED,
    _DEATH_KINDS,
    _follows_toll,
    _incident_only,
    _opens_on_part,
)

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
