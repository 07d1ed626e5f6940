"""Parts of a death toll: follow-on sentences, breakdown lines, a month's or a campaign's toll,
lists of hosts and places, ranges and projections (read for :mod:`syriastats.textclaims.extract`).
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.number_cache import numbers_in
from syriastats.textclaims.literal_gate import may_match
from syriastats.textclaims.periods import _MONTH_ALT, _day, _named_period, _own_clause
from syriastats.textclaims.cues import (
    _AREAS,
    _backward,
    _blank,
    _c,
    Context,
    _CUES,
    _DECADE_LONG,
    _DECADE_WAR,
    _DECADES,
    _first,
    _FLAGS,
    _forward,
    _GROUPS,
    _hedge,
    _HOST_COUNTRY,
    _HOSTS,
    _POP_OF,
    _priority,
    _PROJECTION,
    _RETURN_VERB,
    _SHORT,
    _SIDES,
    _SYRIA,
    TextClaim,
    _WAR_OLD,
)

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
        and any(n.kind == "count" for n in numbers_in(s)) and not _follows_toll(s)


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
    if not may_match((_DECADE_LONG, _DECADES), s):
        return []  # (neither pattern can match: no word either needs)
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
