"""Refugee counts whose scope the registry does not hold, and refugee counts carried from the
sentence before (H22d).

Scopes (each a controlled value of the claims resource, so the checker finds no comparable
figure and says not_checkable instead of judging the claim as the region's or the world's):

* host ``REGION_PART``: a sum over some, not all, of the five hosts of the regional response
  ("2.1 million in Egypt, Iraq, Jordan and Lebanon");
* host ``NORTH_AFRICA``: Syrians registered in North Africa;
* host ``EUROPE``: refugees in European countries (the registry's EUROPE figures count
  asylum applications, not refugees);
* group ``unregistered``: Syrians in a host who are not registered ("300,000 unregistered
  Syrians in Lebanon");
* subarea ``in camps``: the refugees of a host who live in its camps (a part of them).

Carried counts: "The figure was broadly stable at around 4.8 million", "Since the start of
the year it has increased to 5,008,473", "There are 488,531 of them in camps" continue the
refugee count of the sentence before (``ctx_kind == "refugees"``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

from syriastats.textclaims.rule_kit import free_numbers, hosts_listed
from syriastats.textclaims.periods import _day, _period

_F = re.I
_NEIGHBOURS = re.compile(r"\bneighbou?r|\bregion\b|\bsurrounding\b", _F)
_NORTH_AFRICA = re.compile(r"\bnorth(?:ern)?\s+africa\b", _F)
_EUROPE = re.compile(r"\beurop(?:e|ean)\b|\bthe eu\b|\beu (?:countries|states|member states)\b", _F)
_UNREGISTERED = re.compile(r"\bunregistered\b|\bnot registered\b|\bwithout (?:unhcr )?registration\b"
                           r"|\bundocumented\b|\bnot on the books\b", _F)
_UNREGISTERED_AFTER = re.compile(r"^\s*(?:more\s+)?(?:unregistered|undocumented)\s+(?:syrian\s+)?(?:syrians|refugees)\b", _F)
_RANGE_UNREGISTERED = re.compile(r"^\s*(?:and|to|-)\s*[\d.,]+\s*(?:million\s+|thousand\s+)?(?:unregistered|undocumented)\b", _F)
#: "The Idlib region hosts some three million people": a place's people, not refugees.
_PLACE_HOSTS = re.compile(r"\b(?:region|province|governorate|city|town|area|enclave|pocket)\s+(?:hosts|hosted|is home to|was home to)\s*$", _F)
_CAMPS_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:(?:were|are|is|was|have been|had been)\s+)?(?:accommodated\s+"
                          r"|sheltered\s+|housed\s+|living\s+|live\s+|lived\s+|staying\s+|stay\s+)?in\s+(?:\d+\s+|the\s+)?"
                          r"(?:[\w'-]+\s+)?(?:refugee\s+|tent\s+)?camps\b", _F)
_OF_THEM_CAMPS = re.compile(r"^\s*of\s+(?:them|these|those|whom)\s+(?:[\w'-]+\s+){0,2}?(?:in|live in|living in|are in)\s+"
                            r"(?:[\w'-]+\s+)?camps\b", _F)
#: The speaker's place, not the count's: "Speaking in North Africa on Tuesday, Guterres said".
_SPEAKER_IN = re.compile(r"\b(?:speaking|visiting|on a (?:visit|trip|tour) (?:to|of)|during a (?:visit|trip|tour) (?:to|of))\s+"
                         r"(?:in\s+)?(?:[\w'-]+\s+){0,2}?north(?:ern)?\s+africa\b", _F)
#: A negation among the words before "camps": "not living in camps", "outside camps".
_NOT_IN = re.compile(r"\bnot\b|\boutside\b|\bno longer\b", _F)
#: A concessive clause before the count's own: "Although many Syrians are not registered, ...".
_CONCESSION = re.compile(r"^\s*(?:although|though|even though|while|despite)\b[^,]*,", _F)


def _after_concession(clause: str) -> str:
    """*clause* without a leading concessive clause (its words describe others, not the count)."""
    return _CONCESSION.sub("", clause, count=1)


_THERE_ARE = re.compile(r"\b(?:there are|there were|some|about|around|nearly|almost)\s*$", _F)
#: "The figure was broadly stable at around", "it has increased to", "the total reached".
_CARRIED = re.compile(r"\b(?:it|the (?:figure|number|total|regional total|tally|count))\b(?P<gap>[^.;\d]{0,60}?)\b(?:increased|rose"
                      r"|risen|grown|grew|climbed|reached|stable|stood|stands|remained|decreased|fell|fallen|dropped)\b"
                      r"[^.;\d]{0,40}?$", _F)
#: The subject of a carried count names something else: "the number of aid trucks", "the
#: number of Syrian babies born in Turkey" (only "of (registered) (Syrian) refugees" continues
#: the refugee count).
_OTHER_SUBJECT = re.compile(r"\bof\b(?!\s+(?:the\s+)?(?:registered\s+)?(?:syrian\s+)?refugees\b)", _F)


_CARRIED_GATE = re.compile(r"\bcamps\b|\bit\b|\bfigure\b|\bnumber\b|\btotal\b|\btally\b|\bcount\b", _F)


def _hosts_listed(text: str) -> list[str]:
    """The regional hosts named in *text* ("according to Turkish officials" names none)."""
    return hosts_listed(text, names_only=True)


def _list_after(after: str) -> str:
    """The words after a count up to the end of its clause (commas inside a list of country
    names do not end it)."""
    return re.split(r"[;.]|\s(?:while|but|whereas)\s", after, maxsplit=1)[0][:120]


def refugee_scopes(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                   ctx_kind: str, ctx_host: str, make: Callable[..., Any],
                   hedge: Callable[[str, str], tuple[str, int]], measure: Callable[[str, str, str, str], str],
                   area_of: Callable[[str], str] = lambda w: "", prev_host: str = "") -> list[Any]:
    """*out* with the scopes above set on refugee counts, and carried refugee counts (and
    unregistered Syrians) that no claim holds added. *make* builds a claim (the extractor's
    ``TextClaim``), *hedge* reads a comparator, *measure* names the measure of (kind, group,
    host, window), *area_of* names the governorate in words; *prev_host* is the host of the
    refugee count of the sentence before (a carried count's host)."""
    res = []
    for c in out:
        if c.kind != "refugees":
            res.append(c)
            continue
        a, b = c.start - offset, c.end - offset
        after = s[b:]
        clause_before = re.split(r"[;.:]", s[:a])[-1][-120:]  # (a colon ends a clause: "a fraction: 4 million")
        if _PLACE_HOSTS.search(s[:a][-40:]) and area_of(s[:a]) and re.match(r"^\s*(?:people|residents|civilians|inhabitants)\b",
                                                                            after, _F):
            res.append(replace(c, kind="population", measure="population", host="", area=area_of(s[:a])))
            continue
        listed = _hosts_listed(_list_after(after))
        # three or four hosts without Turkey (the largest host since 2013): a part of the region;
        # a list with Turkey holds nearly all of it and stays the region, and two hosts keep the
        # extractor's subarea ("two of the neighbouring host countries")
        if c.host in ("", "REGION") and len(listed) in (3, 4) and "TUR" not in listed \
                and not _NEIGHBOURS.search(_list_after(after)) \
                and not re.match(r"^\s*each\b", after, _F):
            c = replace(c, host="REGION_PART", measure=measure("refugees", c.group, "REGION", ""),
                        subarea=c.subarea or f"{len(listed)} of the five neighbouring host countries ({', '.join(listed)})")
        elif c.host in ("", "REGION", "WORLD") and (_NORTH_AFRICA.search(re.split(r"[;.]", after)[0][:80])
                                                     or _NORTH_AFRICA.search(clause_before[-60:])) \
                and not _SPEAKER_IN.search(clause_before):
            c = replace(c, host="NORTH_AFRICA", measure=measure("refugees", c.group, "REGION", ""))
        elif c.host in ("", "REGION", "WORLD") and (_EUROPE.search(clause_before[-60:])
                                                     or _EUROPE.search(re.split(r"[;.,]", after)[0][:60])) \
                and not _NEIGHBOURS.search(_list_after(after)):
            c = replace(c, host="EUROPE", measure=measure("refugees", c.group, "REGION", ""))
        if _UNREGISTERED.search(_after_concession(clause_before)) or _UNREGISTERED_AFTER.match(after):
            c = replace(c, group="unregistered")
        camps = _CAMPS_AFTER.match(after) or _OF_THEM_CAMPS.match(after)
        if camps:
            # "not living in camps", "outside camps": the other part of the host's refugees
            c = replace(c, subarea=c.subarea or ("outside camps" if _NOT_IN.search(camps.group(0)) else "in camps"))
        res.append(c)
    if not (_UNREGISTERED.search(s) or (ctx_kind == "refugees" and _CARRIED_GATE.search(s))):
        return sorted(res, key=lambda c: c.start)  # (nothing to add: a cheap test first)
    for num in free_numbers(s, res, offset):
        before, after = s[max(0, num.start - 200):num.start], s[num.end:num.end + 200]
        comp, hedge_len = hedge(before, after)
        lead = before[:len(before) - hedge_len]
        host = next(iter(_hosts_listed(s)), "") or ""
        group, sub, stock_day = "", "", _day(published)
        if _UNREGISTERED_AFTER.match(after) or _RANGE_UNREGISTERED.match(after):
            group = "unregistered"
            if _RANGE_UNREGISTERED.match(after) or re.search(r"\bbetween\s*$", lead, _F):
                comp = "at_least"
            elif re.search(r"\bbetween\s+[\d.,]+(?:\s+(?:million|thousand))?\s+and\s*$", lead, _F):
                comp = "at_most"
            host = host or ctx_host
        elif ctx_kind == "refugees" and _OF_THEM_CAMPS.match(after) and (_THERE_ARE.search(lead[-20:]) or not lead.strip()):
            sub, host = "in camps", host or ctx_host
        elif ctx_kind == "refugees" and (carried := _CARRIED.search(lead[-110:])) and num.value >= 10_000 \
                and not _OTHER_SUBJECT.search(carried.group("gap")):
            # the refugee count before, continued: its host (unless this sentence names one)
            # and this sentence's own date ("The figure stood at 1.5 million in 2015")
            host = host or prev_host or "REGION"
            ptype, pstart, as_of = _period(s, s[num.end:num.end + 120], "refugees", published)
            if ptype == "stock" and as_of < published:
                stock_day = _day(as_of)
        else:
            continue
        lo = num.start - hedge_len
        res.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "refugees",
                        measure("refugees", "", host, ""), comp, "stock", stock_day, stock_day,
                        "SYR", host, group, "", sub))
    return sorted(res, key=lambda c: c.start)
