"""Death tolls told the way monitors' reports tell them (H22t).

A monitor's monthly or thematic report gives its tolls by party and group: "Government
forces killed 1,029 civilians including 136 women and 147 children", "the report
documented the killing of 3,967 civilians including 1,042 children and 684 women by
Russian forces". Such a count is a war statistic whatever its size (the extractor otherwise
drops small counts as one incident's casualties): :func:`report_count` says so, and
:func:`revise` dates the counts of such a line by the month it names or by the toll of the
sentence before it.

Rules only; the extractor (:mod:`syriastats.textclaims.extract`) calls them at one place
each. Word lists: :mod:`syriastats.textclaims.vocabulary` (``PERPETRATORS``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.periods import _MONTH_ALT, _day, _named_period
from syriastats.textclaims.rule_kit import WEEKDAY_ALT
from syriastats.textclaims.literal_gate import may_match

_F = re.I
_PERPS = [re.compile(p, _F) for p, _ in V.PERPETRATORS]
_DEATH_KINDS = ("deaths", "injured", "detention")
#: The groups of a report's counts: civilians and their parts, or the fighters of a side.
_REPORT_GROUPS = ("civilians", "children", "women", "government_forces", "armed_opposition",
                  "foreign_fighters", "combatants")
#: A verb of killing after the killers and before the count ("Russian forces killed", "the
#: regime was responsible for the deaths of", "ISIS executed").
_KILL_VERB = re.compile(r"\b(?:killed|kills|killing|executed|murdered|(?:was|were)\s+responsible\s+for"
                        r"|(?:was|were)\s+accountable\s+for|(?:was|were)\s+implicated\s+in|caused\s+the\s+deaths?"
                        r"|resulted\s+in\s+the\s+(?:documented\s+)?(?:deaths?|killing))\b", _F)
#: The killers after the count in its clause ("killed by Russian forces", "at the hands of ISIS").
_BY_KILLERS = re.compile(r"\b(?:killed|executed|died)?\s*(?:by|at\s+the\s+hands\s+of|on\s+the\s+hands\s+of)\s+(?:the\s+)?"
                         r"((?:[\w'-]+\s+){0,5}[\w'-]+)", _F)
#: A monitor's act of counting ("documented the killing of", "recorded the deaths of").
_DOCUMENTED = re.compile(r"\b(?:documented|recorded|registered|counted|verified)\s+(?:the\s+)?"
                         r"(?:killing|deaths?|death\s+toll)\s+of\s+(?:at\s+least\s+|no\s+less\s+than\s+|no\s+fewer\s+than\s+|some\s+|about\s+)?$", _F)
#: A breakdown of the count in its own words ("including 24 children and 23 women").
_INCLUDING_GROUPS = re.compile(r"^[^.;]{0,40}?\b(?:including|among\s+them|of\s+whom)\b[^.;]{0,30}?\d[\d,]*\s+"
                               r"(?:children|women|child|woman)\b", _F)
#: One day, one night or one attack in the count's clause: an incident, never a report's toll.
_ONE_DAY = re.compile(r"\b(?:" + WEEKDAY_ALT + r")\b|\b(?:today|yesterday"
                      r"|overnight|last\s+night|this\s+morning)\b|\bin\s+(?:a|one|a\s+single)\s+day\b"
                      r"|\b(?:past|last)\s+(?:24|48)\s+hours\b|\balone\b", _F)
#: A month (and year) a count's sentence names as its time ("in September", "during March 2015").
_IN_MONTH = re.compile(r"\b(?:in|during|throughout|for)\s+(?:the\s+month\s+of\s+)?(" + _MONTH_ALT + r")\b"
                       r"(?:\s+((?:19|20)\d\d)\b)?(?!\s*\d)", _F)
#: Words that give a count a period of its own.
_OWN_DATE = re.compile(r"\b(?:19|20)\d\d\b|\bsince\b|\bago\b|\b(?:last|this)\s+(?:year|month|week)\b", _F)


#: How far around a count its clause is looked for (characters).
_REACH = 400


def _clause(s: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding s[start:end]: from the last sentence-internal
    break (semicolon, colon, 'while', 'whereas', 'but') before it to the next one after it."""
    w0 = max(0, start - _REACH)  # (within a reach of the count: a long sentence stays linear)
    lo = max((w0 + m.end() for m in re.finditer(r";|:\s|\b(?:while|whereas|but)\b", s[w0:start], _F)), default=w0)
    nxt = re.search(r";|\b(?:while|whereas|but)\b", s[end:end + _REACH], _F)
    return lo, (end + nxt.start()) if nxt else min(len(s), end + _REACH)


def _perpetrator_named(s: str, start: int, end: int) -> bool:
    """True if the clause of the count s[start:end] names its killers: after it ("killed by
    X", "at the hands of X") or before it as the subject of a verb of killing ("X killed N",
    "X were responsible for the deaths of N")."""
    lo, hi = _clause(s, start, end)
    after = s[end:hi][:200]
    m = _BY_KILLERS.search(after)
    if m and any(rx.search(m.group(1)) for rx in _PERPS):
        return True
    if _weapon_killers(after):
        return True
    return bool(_killers_before(s, start, end))


def _killers_before(s: str, start: int, end: int) -> str:
    """The perpetrator code of the killers named before the count s[start:end] as the
    subject of a verb of killing ("Russian forces killed", "attacks carried out by Russian
    forces resulted in the documented deaths of"), else ''."""
    lo, _ = _clause(s, start, end)
    before = s[lo:start]
    best = max(((pm.end(), code) for (_, code), rx in zip(V.PERPETRATORS, _PERPS) if may_match((rx,), before)
                for pm in rx.finditer(before)),
               default=None)
    if best is None or not _KILL_VERB.search(before[best[0]:]) \
            or re.search(r"\b(?:said|says|according|reported|war|conflict)\b", before[best[0]:], _F):
        return ""
    return best[1]


#: A monitor or its report as the teller of a count.
_MONITOR = re.compile(r"\b(?:documented|recorded|report|network|observatory|monitor|snhr|sohr|rights group)\b", _F)
#: A day named as the day a report came out ("released on Monday"): not the count's day.
_REPORT_DAY = re.compile(r"\b(?:released|issued|published|said|announced|reported|stated|added|noted)\s+on\s+"
                         r"(?:" + WEEKDAY_ALT + r")\b", _F)
#: The killers' weapons after a count ("in suspected Russian airstrikes", "in shelling by
#: regime forces"): group 1 names the killers.
_IN_ATTACKS_OF = re.compile(r"^[^.;]{0,60}?\b(?:in|by|from|due\s+to)\s+(?:suspected\s+|the\s+)?((?:[\w'-]+\s+){1,3}?)"
                            r"(?:air\s*strikes|airstrikes|air\s+raids|raids|shelling|bombardment|bombing|strikes|warplanes|attacks)\b", _F)


#: The words that open a list of a head count's parts ("including", "among them", "of whom").
_LIST_OPEN = re.compile(r"\b(?:including|among\s+them|of\s+whom)\b", _F)
#: A head count of people before its list ("104 civilians", "1169 people").
_HEAD_COUNT = re.compile(r"(\d[\d,]*)\s+(?:civilians|people|persons|individuals)\b", _F)
#: The parts between a list's opening and a later part ("176 children, no less than 78 women, and ").
_LIST_ITEMS = re.compile(r"^\s*(?:[^.;]{0,50}?(?:,|\band\b)\s*){0,4}(?:(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|about|some|nearly)\s+)?$", _F)


def _list_head(s: str, lo: int, start: int) -> int:
    """The start of the head count whose list of parts the count at *start* is an item of
    (within its clause from *lo*), or -1: "104 civilians were killed by ..., including 29
    children"; "1169 people by government forces, including 176 children, ..., and 231
    under torture"."""
    w0 = max(lo, start - 250)
    opens = list(_LIST_OPEN.finditer(s, w0, start))
    if not opens or not _LIST_ITEMS.match(s[opens[-1].end():start]):
        return -1
    heads = list(_HEAD_COUNT.finditer(s, w0, opens[-1].start()))
    return heads[-1].start(1) if heads and not re.search(r"\d", s[heads[-1].end():opens[-1].start()]) else -1


def report_count(s: str, start: int, end: int, kind: str, group: str) -> bool:
    """True if the count s[start:end] (of *kind*, for *group*) is a line of a monitor's
    report, a war statistic whatever its size: a toll of civilians (or their children or
    women, or a side's fighters) that names its killers ("Kurdish self-administration forces
    killed 146 civilians", "498 civilians were killed by the Assad regime, including ...")
    or that a monitor documented with its breakdown ("documented the killing of 62 civilians
    including 13 children"). Never a count of one day or one night ("on Tuesday",
    "overnight"): that is an incident's."""
    if kind not in _DEATH_KINDS or (group not in _REPORT_GROUPS and kind != "detention"):
        return False
    if group not in ("civilians", "children", "women") and kind != "detention" and not _MONITOR.search(s[max(0, start - _REACH):end + _REACH]):
        return False  # fighters killed by a party, in no monitor's words: one battle's, as a party claims
    lo, hi = _clause(s, start, end)
    if _ONE_DAY.search(_REPORT_DAY.sub(" ", s[lo:hi])):
        return False
    if _perpetrator_named(s, start, end):
        return True
    # a part in the list of a report line's head count ("..., including 29 children", "...,
    # including 176 children, no less than 78 women, and no less than 231 under torture")
    if group in ("civilians", "children", "women") or kind == "detention":
        h0 = _list_head(s, lo, start)
        if h0 >= 0 and _perpetrator_named(s, h0, h0 + len(re.match(r"\d[\d,]*", s[h0:]).group(0))):
            return True
    return bool(_DOCUMENTED.search(s[max(lo, start - 80):start])) and bool(_INCLUDING_GROUPS.match(s[end:hi]))


def _weapon_killers(after: str) -> str:
    """The perpetrator code of the killers named through their weapons right after a count
    ("207 civilians, including 45 children, in suspected Russian airstrikes"), else ''."""
    aside = re.sub(r"^([^.;]{0,20}?),\s*(?:including|among\s+them)\b[^.;]{0,80}?,", r"\1 ", after, count=1, flags=_F)
    m = _IN_ATTACKS_OF.match(aside)
    if not m:
        return ""
    codes = [code for (p, code), rx in zip(V.PERPETRATORS, _PERPS) if rx.search(m.group(1))]
    return codes[0] if len(set(codes)) == 1 else ""


#: A count of people followed by its killers ("1169 people by government forces").
_PEOPLE_BY = re.compile(r"^\s*(?:people|persons|individuals)\s+(?:were\s+)?(?:killed\s+)?(?:by|at\s+the\s+hands\s+of)\s", _F)


#: The killers after a head count's list ("3,967 civilians including 1,042 children and 684
#: women by Russian forces"): group 1 the killers' words.
_AFTER_LIST = re.compile(r"^\s*(?:civilians|people|persons|individuals)\s*,?\s*(?:including|among\s+them)\s+[^.;]{0,120}?"
                         r"\b(?:killed\s+)?(?:by|at\s+the\s+hands\s+of)\s+(?:the\s+)?((?:[\w'-]+\s+){0,5}[\w'-]+)", _F)


def _killers_after_list(after: str) -> str:
    """The perpetrator code of the killers named after a head count's list of parts, else ''."""
    m = _AFTER_LIST.match(after)
    if not m:
        return ""
    codes = {code for (_, code), rx in zip(V.PERPETRATORS, _PERPS) if rx.search(m.group(1))}
    return codes.pop() if len(codes) == 1 else ""


def revise(out: list[Any], s: str, offset: int, published: pd.Timestamp, toll: Any | None) -> list[Any]:
    """The death tolls of a report line, dated: a count of a line :func:`report_count`
    accepts that the extractor read as a running total since the war began takes the month
    its sentence names ("498 civilians were killed by the Assad regime, including 101
    children and 83 women in September"), else the period of the toll the sentence before
    gave (*toll*: a month's or a period's, "In September ..." then "The monitoring group said
    it had documented the deaths of 207 civilians ... in suspected Russian airstrikes").
    *out* are the sentence's claims (offsets into the whole text, *offset* the sentence's)."""
    res: list[Any] = []
    line: tuple[str, pd.Timestamp, pd.Timestamp] | None = None  # the period of the line's head count
    month = _IN_MONTH.search(s) if len(s) <= 2 * _REACH else None  # (one report line, not a long list)
    own_date = bool(_OWN_DATE.search(_IN_MONTH.sub(" ", s))) if month else bool(_OWN_DATE.search(s[:4 * _REACH]))
    for c in out:
        st, en = c.start - offset, c.end - offset
        unread = c.kind in _DEATH_KINDS and c.period_type == "cumulative" and c.period_start == V.WAR_START
        if unread and line is not None and res and res[-1].kind in _DEATH_KINDS \
                and re.search(r"\b(?:including|among\s+them|of\s+whom)\b|^\s*(?:[\w'-]+\s*){0,2}(?:,\s*|\s)(?:and\s+)?$",
                              s[res[-1].end - offset:st], _F) \
                and not _OWN_DATE.search(s[res[-1].end - offset:st]):
            # the parts of the line's head count ("including 101 children and 83 women")
            c = replace(c, period_type=line[0], period_start=_day(line[1]), as_of=_day(line[2]))
        elif unread and report_count(s, st, en, c.kind, c.group or "all"):
            found = None
            m = month
            if m and not own_date:
                found = _named_period(m.group(1), m.group(2), published)
            elif not own_date and not m and toll is not None and (
                    toll.period_type == "flow" or toll.period_start != V.WAR_START):
                found = (toll.period_type, pd.Timestamp(toll.period_start), pd.Timestamp(toll.as_of))
            if found is not None:
                c = replace(c, period_type=found[0], period_start=_day(found[1]), as_of=_day(found[2]))
                line = found
        if c.kind == "deaths" and c.measure == "deaths_combatant" and _PEOPLE_BY.match(s[en:en + 40]):
            # "1169 people by government forces": the killers, not the side of the dead
            c = replace(c, measure="deaths_total", group="all")
        if c.kind in _DEATH_KINDS and c.perpetrator in ("", "all"):
            code = _weapon_killers(s[en:_clause(s, st, en)[1]][:200]) or (
                _killers_before(s, st, en) if c.group in ("civilians", "children", "women") else "") \
                or _killers_after_list(s[en:_clause(s, st, en)[1]][:250])
            if code:
                c = replace(c, perpetrator=code)  # "... in suspected Russian airstrikes"
            elif res and res[-1].kind in _DEATH_KINDS and res[-1].perpetrator not in ("", "all") \
                    and (c.group in ("children", "women") or c.kind == "detention") \
                    and re.search(r"\b(?:including|among\s+them|of\s+whom)\b", s[res[-1].end - offset:st], _F):
                c = replace(c, perpetrator=res[-1].perpetrator)  # the parts of one perpetrator's toll
            elif c.group in ("children", "women") or c.kind == "detention":
                h0 = _list_head(s, _clause(s, st, en)[0], st)
                head = next((r for r in res if r.start - offset <= h0 < r.end - offset), None) if h0 >= 0 else None
                if head is not None and head.perpetrator not in ("", "all"):
                    c = replace(c, perpetrator=head.perpetrator)  # "..., among them 234 children ..., and 116 women"
        res.append(c)
    return res


# ---------------------------------------------------------------- a month's headline breakdown line
_N = r"(\d[\d,]*)"
#: A monthly line of a monitor's report: "<Month YYYY> [(until August 6)]: N deaths, including M
#: civilians (A men, B women, C children) and K non-civilians." Groups: month, year, the
#: aside, N, M, A, B, C, K (the order of men, women and children as said).
_HEADLINE = re.compile(r"^\W*(" + _MONTH_ALT + r")\.?(?:\s+((?:19|20)\d\d))?\s*(\([^)]{0,40}\))?\s*[:\-]\s*"
                       + _N + r"\s+(?:deaths|dead|fatalities|people killed|killed),?\s+(?:including|of whom|among them)\s+"
                       + _N + r"\s+civilians\s*\(\s*" + _N + r"\s+men\s*,\s*" + _N + r"\s+women\s*,?\s*(?:and\s+)?"
                       + _N + r"\s+children\s*\)\s*,?\s*(?:and\s+)?" + _N
                       + r"\s+(?:non-civilians|non-civilian\s+(?:deaths|casualties)|combatants|fighters|military\s+personnel)\b", _F)
#: The aside's last day ("(until August 6)", "(to 6 August)").
_UNTIL_DAY = re.compile(r"\b(?:until|to|through|till)\s+(?:(" + _MONTH_ALT + r")\s+(\d{1,2})|(\d{1,2})\s+(" + _MONTH_ALT + r"))\b", _F)
#: Words that say a report's counts run from the fall of Assad (8 December 2024).
_FROM_FALL = re.compile(r"\b(?:since|from|after)\s+(?:the\s+)?(?:fall|collapse|ouster|overthrow|toppling|downfall)\b"
                        r"|\b(?:8|eighth)(?:th)?\s+(?:of\s+)?december\b|\bdecember\s+8(?:th)?\b", _F)


def headline_line(out: list[Any], s: str, raw: str, si: int, offset: int, published: pd.Timestamp,
                  earlier: str, make: Any) -> list[Any]:
    """The claims of a month's headline line of a monitor's report ("March 2025: 2,644
    deaths, including 2,069 civilians (1,828 men, 144 women, 97 children) and 575
    non-civilians"): N is the month's deaths_total, M its civilians, B and C the civilians'
    women and children, K its combatants (deaths_combatant, group combatants); the men are
    a part of the civilians no registry group counts and are left out. The month is the
    counts' flow; a December 2024 whose counts the text (*earlier*, or the line) says run
    from the fall of Assad starts on 8 December; an aside "(until August 6)" ends it that
    day. *out* (the extractor's claims of the sentence) is replaced; *make* builds a claim
    (the extractor's claim class)."""
    m = _HEADLINE.match(s)
    if m is None:
        return out
    ptype, start, end = _named_period(m.group(1), m.group(2), published)
    if start.year == 2024 and start.month == 12 and _FROM_FALL.search(earlier + " " + (m.group(3) or "")):
        start = pd.Timestamp(V.ASSAD_FALL)
    until = _UNTIL_DAY.search(m.group(3) or "")
    if until:
        mon, d = (until.group(1), until.group(2)) if until.group(1) else (until.group(4), until.group(3))
        if V.MONTHS[mon.lower()] == start.month:
            end = pd.Timestamp(year=start.year, month=start.month, day=int(d))
    spec = [(4, "deaths", "deaths_total", "all"), (5, "deaths", "deaths_civilian", "civilians"),
            (7, "deaths", "deaths_civilian", "women"), (8, "deaths", "deaths_civilian", "children"),
            (9, "deaths", "deaths_combatant", "combatants")]
    mine = {m.start(g) for g in range(4, 10)}
    keep = [c for c in out if c.start - offset not in mine and c.end - offset not in {m.end(g) for g in range(4, 10)}]
    attribution = next((c.attribution for c in out if c.attribution), "")
    new = [make(si, raw, offset + m.start(g), offset + m.end(g), raw[m.start(g):m.end(g)],
                float(m.group(g).replace(",", "")), kind, measure, "about", ptype, _day(start), _day(end),
                "SYR", "", group, attribution, "", perpetrator="all")
           for g, kind, measure, group in spec]
    return sorted(keep + new, key=lambda c: c.start)


# ---------------------------------------------------------------- "N were civilians": a part of the dead by its group
#: The group of a part of the dead said after it ("of whom 830 were civilians", "61 were
#: children", "231 were Syrian government security personnel"): group 1 the words of the group.
_WERE_GROUP = re.compile(r"^\s*(?:of\s+(?:them|whom)\s+)?(?:were|was|are|is)\s+(?:all\s+|also\s+)?((?:[\w'-]+\s+){0,4}?"
                         r"(?:civilians|children|women|fighters|militants|soldiers|troops|personnel|members|forces|loyalists"
                         r"|militiamen|rebels|combatants|jihadists|gunmen))\b", _F)
#: "Among those killed, ...", "Of the dead, ...": the sentence's counts are parts of a toll.
_AMONG_KILLED = re.compile(r"^\W*(?:among|of)\s+(?:those|the\s+people|the)\s+(?:killed|dead|victims|who\s+(?:died|were\s+killed))\b", _F)
_GROUP_RX = [(re.compile(p, _F), g) for p, g in V.GROUPS]
#: "one in every 13 was a woman", "one in 12 victims were children": a share of the dead.
_ONE_IN = re.compile(r"\bone\s+in\s+(?:every\s+)?(?:\d+|\w+)\b[^.;\d]{0,60}?\b(?:was|were|is|are)\s+(?:a\s+|an\s+)?(?:wom[ae]n|child(?:ren)?)\b", _F)


def part_count(s: str, start: int, end: int, kind: str) -> bool:
    """True if the count s[start:end] is a part of the dead by its group, a war statistic
    whatever its size: "Among those killed, 830 were civilians", "..., of whom 61 were
    children" after a toll."""
    if kind not in _DEATH_KINDS:
        return False
    if not _WERE_GROUP.match(s[end:end + 80]):
        return False
    if _AMONG_KILLED.match(s):
        return True
    return bool(re.search(r"\bof\s+(?:whom|them)\s*$", s[max(0, start - 20):start], _F)) or \
        bool(re.match(r"^\s*of\s+(?:whom|them)\b", s[end:end + 20], _F))


def were_group(out: list[Any], s: str, offset: int) -> list[Any]:
    """The group of a part of the dead said after it ("of whom 830 were civilians", "61 were
    children", "250 were Assad loyalists"): civilians and their children and women are
    deaths_civilian, a side's dead deaths_combatant (the side's group, else combatants)."""
    res = []
    # "one in every 13 was a woman - 26,727 in all": women and children as a share of all the
    # dead (not of the civilians) are parts of deaths_total
    share_of_all = bool(_ONE_IN.search(s[:2000])) and not re.search(r"\bcivilian", s[:2000], _F)
    for c in out:
        if share_of_all and c.measure == "deaths_civilian" and c.group in ("women", "children"):
            c = replace(c, measure="deaths_total")
        m = _WERE_GROUP.match(s[c.end - offset:c.end - offset + 80]) if c.kind == "deaths" else None
        if m and c.group in ("", "all", "combatants"):
            # (the group's words run to the next count: "25,407 are members of the armed forces")
            nxt = re.search(r"\d|[;,]", s[c.end - offset + m.end():c.end - offset + 120])
            words = s[c.end - offset:c.end - offset + m.end() + (nxt.start() if nxt else 120)]
            group = next((g for rx, g in _GROUP_RX if rx.search(words)), "")
            if group in ("civilians", "children", "women"):
                c = replace(c, measure="deaths_civilian", group=group)
            elif group:
                c = replace(c, measure="deaths_combatant", group=group)
        res.append(c)
    return res


#: A torture death count in a report's short form ("99 due to torture", "231 under torture").
_TORTURE_AFTER = re.compile(r"^\s*(?:civilians\s+|individuals\s+|people\s+)?(?:who\s+)?(?:died\s+)?(?:due\s+to|under|from)\s+torture\b", _F)


def torture_item(s: str, start: int, end: int) -> bool:
    """True if the count s[start:end] is the torture deaths of a report line's list
    ("Government forces killed 793 civilians including 185 children, 153 women and 99 due to
    torture"): deaths in detention of the same perpetrator and period."""
    return bool(_TORTURE_AFTER.match(s[end:end + 60])) and report_count(s, start, end, "detention", "")
