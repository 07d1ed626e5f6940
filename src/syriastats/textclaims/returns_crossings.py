"""Returns told in other words (H22d).

* Refugees who "left Jordan, Egypt, Turkey, Iraq and Lebanon and returned to their homeland"
  are refugee returns from those hosts (REGION when three or more of the five are named).
* Crossings into Syria from a host during an emergency ("More than 400,000 people have
  crossed from Lebanon into Syria in the past two weeks", "300,774 Syrian nationals have
  crossed into Syria", "a quarter of a million people have crossed since 23 September") are
  refugee returns from that host over that span (the host named, else the one named last in
  the text).
* "On Monday alone, 16,000 Syrian returnees crossed": one day's returns.
* Returnees who are "both internally displaced persons and refugees returning from abroad",
  or "the total number of returnees" with no word of refugees, are refugees and IDPs
  together: group ``refugees_and_idps`` (a controlled value the registry holds no figure
  for), never judged as refugee returns alone.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.periods import _day, _since
from syriastats.textclaims.rule_kit import (HOST_ALT, REGIONAL, SMALL_WORDS, WEEKDAY_ALT, free_numbers, hosts_listed,
                                            last_weekday, statement_day)

_F = re.I
_REGIONAL = REGIONAL
_HOST_ALT = HOST_ALT
#: "left Jordan, Egypt, Turkey, Iraq and Lebanon and returned to their homeland".
_LEFT_AND_RETURNED = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?left\s+((?:(?:" + _HOST_ALT + r")(?:,\s*|\s+and\s+|\s+))+)"
                                r"(?:and\s+)?(?:have\s+|had\s+)?(?:returned|went back|gone back)\b", _F)
#: A crossing into Syria: "(people) have crossed from Lebanon into Syria", "have fled Lebanon
#: and crossed into Syria", "crossed the Lebanese border back into Syria", "have crossed since".
_CROSSED = re.compile(r"^\s*(?:(?:people|syrians|syrian nationals|syrian refugees|syrian citizens|individuals|persons"
                      r"|returnees|syrian returnees)\s*)?(?:,[^,;.]{0,60},\s*)?(?:(?:are|were)\s+(?:estimated|believed|said|thought|reported)"
                      r"\s+to\s+have\s+|have\s+|had\s+|has\s+)?(?:also\s+)?"
                      r"(?:fled\s+(?:" + _HOST_ALT + r")\s+and\s+)?crossed\b(?P<rest>[^.;]{0,80})", _F)
#: The crossing's direction: into Syria, back, from a host, or "crossed since <date>" (after
#: a host's war is spoken of).
#: Refugees or people who "have fled to Syria from Lebanon", "fled Lebanon for Syria": a
#: crossing back into Syria from that host.
_FLED_TO_SYRIA = re.compile(r"^\s*(?:[\w'-]+\s*,?\s+){0,4}?(?:have\s+|had\s+|has\s+)?fled\s+(?:(?:back\s+)?(?:to|into)\s+syria\s+from\s+"
                            r"(?:" + _HOST_ALT + r")|(?:from\s+)?(?:" + _HOST_ALT + r")\s+(?:for|to|into)\s+syria)\b", _F)
_INTO_SYRIA = re.compile(r"\b(?:into|to)\s+syria\b|\bback\b|\bfrom\s+(?:" + _HOST_ALT + r")|^\s*since\b", _F)
_SPAN_BACK = re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(\w+)\s+(days|weeks|hours)\b|\bthis week\b", _F)
_ON_WEEKDAY = re.compile(r"\bon\s+(" + WEEKDAY_ALT + r")\b(?:\s+alone)?", _F)
#: "In 2018, ...", "in 2018", "last year": the crossings of that year.
_YEAR = re.compile(r"(?<!since )\b(?:in|during|throughout)\s+((?:19|20)\d\d)\b|(?<!since )\blast year\b", _F)
#: A crossing inside Syria: "crossed the front line back into government-held Aleppo".
_INSIDE_SYRIA = re.compile(r"\bfront[\s-]?lines?\b|\b[\w]+-(?:held|controlled)\b", _F)
#: A visit, not a return: "crossed into Syria ... for the Eid holiday and will return after the feast".
_VISIT = re.compile(r"\beid\b|\bholidays?\b|\bfeast\b|\bwill (?:go back|return) (?:to (?:turkey|lebanon|jordan)|after)\b", _F)
#: Refugees and IDPs together.
_BOTH_AFTER = re.compile(r"^\s*(?:[\w'-]+\s*,?\s+){0,2}?(?:who|which)\s+(?:are|were|include)\s+both\b"
                         r"|^\s*(?:[\w'-]+\s*,?\s+){0,2}?(?:who|which)\s+(?:are|were)\s+(?:internally displaced|idps)\b"
                         r"[^.;]{0,40}\brefugees\b", _F)
_TOTAL_RETURNEES = re.compile(r"\b(?:the|a) total (?:number )?of returnees\b[^.;\d]{0,30}$", _F)
_REFUGEE_WORD = re.compile(r"\brefugees?\b|\bfrom abroad\b", _F)


def _span(s: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """(period_type, period_start, as_of) of a crossing by the sentence's words: "since 23
    September" (a total since that day), "in 2018" or "last year" (that year's flow), "in
    the past two weeks" (a flow of those days), "on Monday" (that day, unless it is the day
    of a statement: "said on Monday"); else a flow on the day of publication."""
    day = published.normalize()
    start = _since(s.lower(), published) if re.search(r"\bsince\b", s, _F) else None
    if start is not None and start <= published:
        return "cumulative", start, day
    m = _YEAR.search(s)
    if m:
        year = int(m.group(1)) if m.group(1) else published.year - 1
        if year < published.year:
            return "flow", pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    for m in _ON_WEEKDAY.finditer(s):
        if statement_day(s, m.start(), m.end()):
            continue  # the day of a statement
        return "flow", last_weekday(m.group(1), published), day
    m = _SPAN_BACK.search(s)
    if m:
        if m.group(0).lower() == "this week":
            return "flow", day - pd.Timedelta(days=published.weekday()), day
        n = int(m.group(1)) if m.group(1).isdigit() else SMALL_WORDS.get(m.group(1).lower(), 0)
        if n:
            unit = m.group(2).lower()
            days = n * 7 if unit == "weeks" else n if unit == "days" else max(1, round(n / 24))
            return "flow", day - pd.Timedelta(days=days), day
    return "flow", day, day


def returns_in_other_words(out: list[Any], raw: str, s: str, offset: int, si: int, published: pd.Timestamp,
                           ctx_host: str, make: Callable[..., Any],
                           hedge: Callable[[str, str], tuple[str, int]]) -> list[Any]:
    """*out* with the returns above read (see the module's docstring). *ctx_host* is the
    host country named last in the text before; *make* builds a claim, *hedge* reads a
    comparator."""
    res = []
    for c in out:
        a, b = c.start - offset, c.end - offset
        after = s[b:]
        m = _LEFT_AND_RETURNED.match(after) if c.kind == "refugees" else None
        fled = _FLED_TO_SYRIA.match(after) if c.kind in ("refugees", "displaced") else None
        if fled:
            ptype, start, as_of = _span(s, published)
            hosts = hosts_listed(fled.group(0))
            c = replace(c, kind="returns", measure="refugee_returns", host=hosts[0] if hosts else c.host,
                        period_type=ptype, period_start=_day(start), as_of=_day(as_of))
        elif m:
            hosts = hosts_listed(m.group(1))
            host, sub = (hosts[0] if hosts else c.host), c.subarea
            if len(hosts) == 2:
                host, sub = "REGION", sub or f"two of the neighbouring host countries ({', '.join(sorted(hosts))})"
            elif len(hosts) in (3, 4) and "TUR" not in hosts:
                host = "REGION_PART"
                sub = sub or f"{len(hosts)} of the five neighbouring host countries ({', '.join(hosts)})"
            elif len(hosts) >= 3:
                host = "REGION"
            # returns have a period: the sentence's ("in 2025", "since December"), else since
            # the fall of Assad (the registry's returns series) when told after it
            ptype, start, as_of = _span(s, published)
            if ptype == "flow" and start == published.normalize():
                fall = pd.Timestamp(V.ASSAD_FALL)
                ptype, start = ("cumulative", fall) if published >= fall else (c.period_type, pd.Timestamp(c.period_start))
            c = replace(c, kind="returns", measure="refugee_returns", host=host, subarea=sub,
                        period_type=ptype, period_start=_day(start), as_of=_day(as_of))
        elif c.kind == "returns" and _CROSSED.match(after) and _ON_WEEKDAY.search(s):
            ptype, start, as_of = _span(s, published)
            c = replace(c, measure="refugee_returns", period_type=ptype, period_start=_day(start), as_of=_day(as_of),
                        host=c.host or (ctx_host if ctx_host in _REGIONAL else ""))
        elif c.kind == "returns" and (_BOTH_AFTER.match(after) or (
                _TOTAL_RETURNEES.search(s[:a]) and not _REFUGEE_WORD.search(s))):
            c = replace(c, measure="refugee_returns", host="", group="refugees_and_idps")
        elif c.kind == "returns" and not c.host and ctx_host in _REGIONAL \
                and re.match(r"^\s*(?:[\w'-]+\s+){0,3}?(?:had|have|has)\s+also\s+returned\b", after, _F):
            c = replace(c, host=ctx_host)  # "3,000 Syrian citizens had also returned home" (from the host before)
        res.append(c)
    if not re.search(r"\bcrossed\b|\bfled\b", s, _F) or _VISIT.search(s):
        return res
    for num in free_numbers(s, res, offset):
        before, after = s[max(0, num.start - 200):num.start], s[num.end:num.end + 200]
        m = _CROSSED.match(after)
        fled = None if m else _FLED_TO_SYRIA.match(after)
        if fled:
            hosts = hosts_listed(fled.group(0))
        elif not m or not _INTO_SYRIA.search(m.group("rest")) or re.search(
                r"\b(?:into|to)\s+(?:" + _HOST_ALT + r")\b", m.group("rest"), _F) \
                or (_INSIDE_SYRIA.search(m.group("rest")) and not re.search(r"\binto syria\b", m.group("rest"), _F)):
            continue
        else:
            hosts = hosts_listed(after[:m.end()]) or hosts_listed(s)
        host = hosts[0] if hosts else (ctx_host if ctx_host in _REGIONAL else "")
        if not host:
            continue
        comp, hedge_len = hedge(before, after)
        ptype, start, as_of = _span(s, published)
        lo = num.start - hedge_len
        res.append(make(si, raw, offset + lo, offset + num.end, raw[lo:num.end], num.value, "returns",
                        "refugee_returns", comp, ptype, _day(start), _day(as_of), "SYR", host, "", ""))
    return sorted(res, key=lambda c: c.start)
