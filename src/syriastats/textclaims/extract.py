"""Turn English text into claims: one row per numeric statement about the war's statistics.

For each sentence (:func:`~syriastats.textclaims.sentences.split_sentences`) every number
(:func:`~syriastats.textclaims.numbers.find_numbers`) is kept only if it counts people
(or a share of the population, or the war's age), and then read for:

* the hedge before or after it -> ``comparator`` (about / at_least / at_most / less_than);
* the cue words next to it -> ``measure`` (deaths, refugees, IDPs, returns, ...), first in
  the words after the number up to the next clause break, then in the words before it
  back to the previous number, then the nearest cue in the sentence;
* group words ("civilians", "children") -> ``group``; countries of asylum -> ``host``;
  Syrian places -> ``area``; "according to SOHR" -> ``attribution``;
* the period ("in 2014", "last year", "since the fall of Assad", "since the war began")
  -> ``period_type``, ``period_start``, ``as_of`` (relative to *published*).

Numbers that are not war statistics are dropped: years, days of the month, ages, money,
distances, durations (unless the war's age), weapon models ("Mi-8"), things that are not
people ("300 air strikes") and an incident's casualties (a small number with no
war-level cue, or a number tied to one attack, crash or day).
All word lists are in :mod:`syriastats.textclaims.vocabulary`.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import pandas as pd

from syriastats.textclaims import vocabulary as V
from syriastats.textclaims.numbers import Number, find_numbers
from syriastats.textclaims.sentences import split_sentences

#: Columns of :func:`extract_claims`' result, in order.
EXTRACT_COLUMNS: list[str] = [
    "sentence_index", "sentence", "start", "end", "claim_text", "value", "kind", "measure",
    "comparator", "period_type", "period_start", "as_of", "area", "host", "group",
    "attribution",
]

_FLAGS = re.I


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, _FLAGS)


_HEDGE_BEFORE = [(_c(r"(?:^|[^\w])(" + h + r")\s*$"), c) for h, c in V.HEDGES]
_HEDGE_AFTER = [(_c(r"^\s*(" + h + r")(?!\w)"), c) for h, c in V.POST_HEDGES]
_CUES = [(_c(p), k) for p, k in V.MEASURE_CUES]
_GROUPS = [(_c(p), g) for p, g in V.GROUPS]
_HOSTS = [(_c(r"\b(?:" + p + r")"), h) for p, h in V.HOSTS]
_AREAS = [(_c(r"\b(?:" + p + r")"), a) for p, a in V.AREAS]
_ATTR = [(_c(p), a) for p, a in V.ATTRIBUTIONS]
_ATTR_FRAME = _c(r"\b(?:" + V.ATTRIBUTION_FRAME + r")\b")
_NON_PEOPLE = _c(r"^\s*(?:-\s*)?(?:" + V.NON_PEOPLE_UNITS + r")")
_MONEY = _c(V.MONEY_BEFORE)
_INCIDENT = _c(V.INCIDENT_CUES)
_WAR_LEVEL = _c(V.WAR_LEVEL_CUES)
_SINCE_WAR = _c(V.SINCE_WAR_START)
_SINCE_FALL = _c(V.SINCE_ASSAD_FALL)
_STOP = _c(r"[;:()\[\]\u2013\u2014]|,\s|\s(?:and|but|while|whereas|with|of whom|including|among"
           r"|as well as|compared|versus|than|after|before|when|since|according)\s|\.(?:\s|$)")
_POP_DENOM = _c(r"^\s*(?:of\s+)?(?:all\s+|the\s+|syria'?s\s+|the\s+country'?s\s+)?"
                r"(?:(?:entire|whole|total|pre-?war|prewar|original|current)\s+)*"
                r"(?:syrian\s+)?(?:population|syrians|people of syria|inhabitants|the country\b"
                r"|the people\b|its people|the nation)")
_POP_AFTER_HEDGE = _c(r"(?:population|syrians)")
_AGE = _c(r"(?:aged|age of|ages of|ages)\s*$")
_PEOPLE_AFTER = _c(r"^\s*(?:people|persons|individuals|syrians|civilians|children|refugees"
                   r"|men|women|residents|deaths|dead|fighters|soldiers|idps|returnees)\b")
_DURATION_AFTER = _c(r"^\s*(?:-\s*|\s)?years?(?:-long|-old| long| old)?\s+(?:of|into|in)?\s*"
                     r"(?:the\s+|syria'?s\s+|a\s+|brutal\s+|bloody\s+)*(?:civil\s+)?"
                     r"(?:war|conflict|fighting|crisis|revolution|uprising|bloodshed|violence)"
                     r"|^\s*-?\s*years?(?:-long|-old)?\s+(?:civil\s+)?(?:war|conflict)")
_DURATION_BEFORE = _c(r"(?:war|conflict|fighting|crisis|revolution|uprising)\b[^.;]{0,40}?"
                      r"(?:lasted|raged(?: on)?(?: for)?|is|has been going on for|entered|entering"
                      r"|now|marks?|turns?|into|for|after)\s+(?:(?:more than|over|nearly|almost"
                      r"|about|some|at least|just over)\s+)?$")
_ORDINAL_YEAR = _c(r"^\s*year\b")
_ORDINAL_BEFORE = _c(r"(?:its|the war'?s|the conflict'?s)\s*$")
_YEAR_IN = _c(r"\b(?:in|during|throughout|for|of)\s+(?:the\s+(?:year|whole\s+of)\s+)?"
              r"(?:(?:all\s+of|the\s+whole\s+of)\s+)?((?:19|20)\d\d)\b(?!\s*(?:-|\u2013|to|and)\s*(?:19|20)\d\d)")
_YEAR_BY = _c(r"\b(?:by|at|as of|as at|until|till|through|to|end of|end-)\s+(?:the\s+)?"
              r"(?:(?:end|close|middle|start)\s+of\s+)?(?:(?:early|mid|late)-?\s*)?(?:(\d{1,2})\s+)?"
              r"(january|february|march|april|may|june|july|august|september|october|november"
              r"|december)?\s*(?:(\d{1,2}),?\s+)?((?:19|20)\d\d)\b")
_SINCE_DATE = _c(r"\bsince\s+(?:(\d{1,2})\s+)?(january|february|march|april|may|june|july"
                 r"|august|september|october|november|december)?\s*(?:(\d{1,2}),?\s+)?((?:19|20)\d\d)\b")
_LAST_YEAR = _c(r"\b(?:last|past|previous) year\b")
_THIS_YEAR = _c(r"\bthis year\b|\bso far in \d{4}\b|\bsince the (?:start|beginning) of the year\b")
_PREWAR = _c(r"\bpre-?war\b|\bbefore the (?:civil )?(?:war|conflict|uprising|crisis)\b"
             r"|\bprior to the (?:war|conflict)\b")

#: Measure kinds counted over a period (flows / cumulative totals), not stocks.
PERIOD_KINDS: frozenset[str] = frozenset({"deaths", "detention", "injured", "missing",
                                          "returns", "asylum"})


@dataclass
class TextClaim:
    """One claim found in a text (offsets into the whole text)."""
    sentence_index: int
    sentence: str
    start: int
    end: int
    claim_text: str
    value: float
    kind: str
    measure: str
    comparator: str
    period_type: str
    period_start: str
    as_of: str
    area: str
    host: str
    group: str
    attribution: str


def _first(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    best: tuple[int, str] | None = None
    for rx, code in patterns:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    return best[1] if best else ""


def _priority(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str:
    for rx, code in patterns:
        if rx.search(text):
            return code
    return ""


def _nearest(patterns: list[tuple[re.Pattern[str], str]], text: str, at: int) -> str:
    best: tuple[int, int, str] | None = None
    for rank, (rx, code) in enumerate(patterns):
        for m in rx.finditer(text):
            d = m.start() - at if m.start() >= at else at - m.end()
            if best is None or (d, rank) < (best[0], best[1]):
                best = (d, rank, code)
    return best[2] if best else ""


def _hedge(before: str, after: str) -> tuple[str, int]:
    """(comparator, characters of hedge text before the number) for one number."""
    for rx, comp in _HEDGE_BEFORE:
        m = rx.search(before)
        if m:
            return comp, len(before) - m.start(1)
    for rx, comp in _HEDGE_AFTER:
        if rx.search(after):
            return comp, 0
    return "about", 0


def _forward(s: str, num: Number, nxt: Number | None) -> str:
    end = nxt.start if nxt is not None else len(s)
    seg = s[num.end:min(end, num.end + 90)]
    m = _STOP.search(seg)
    return seg[:m.start()] if m else seg


def _backward(s: str, num: Number, prev: Number | None) -> str:
    start = prev.end if prev is not None else 0
    return s[max(start, num.start - 100):num.start]


def _day(ts: pd.Timestamp) -> str:
    return ts.strftime("%Y-%m-%d")


def _end_of(year: int, month: int | None = None, day: int | None = None) -> pd.Timestamp:
    if month is None:
        return pd.Timestamp(year=year, month=12, day=31)
    if day is None:
        return pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
    return pd.Timestamp(year=year, month=month, day=day)


def _period(sentence: str, kind: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """(period_type, period_start, as_of) of a claim of *kind* said in *sentence*."""
    low = sentence.lower()
    war_start = pd.Timestamp(V.WAR_START)
    periodic = kind in PERIOD_KINDS
    if kind == "population" and _PREWAR.search(low):
        d = pd.Timestamp("2011-03-15")
        return "stock", d, d
    if _SINCE_FALL.search(low):
        start = pd.Timestamp(V.ASSAD_FALL)
        return ("cumulative", start, published) if periodic else ("stock", published, published)
    if _THIS_YEAR.search(low) and periodic:
        return "flow", pd.Timestamp(year=published.year, month=1, day=1), published
    m = _SINCE_DATE.search(low)
    if m and periodic:
        d, mon, d2, y = m.groups()
        year = int(y)
        month = V.MONTHS.get(mon or "", 1)
        day = int(d or d2 or 1)
        try:
            start = pd.Timestamp(year=year, month=month, day=day)
        except ValueError:
            start = pd.Timestamp(year=year, month=month, day=1)
        if start <= war_start + pd.Timedelta(days=120):
            start = war_start
        if start < published:
            return "cumulative", start, published
    if _LAST_YEAR.search(low):
        y = published.year - 1
        if periodic:
            return "flow", pd.Timestamp(year=y, month=1, day=1), _end_of(y)
        return "stock", _end_of(y), _end_of(y)
    m = _YEAR_BY.search(low)
    if m:
        d, mon, d2, y = m.groups()
        month = V.MONTHS.get(mon) if mon else None
        try:
            end = _end_of(int(y), month, int(d or d2) if (d or d2) and month else None)
        except ValueError:
            end = _end_of(int(y), month)
        end = min(end, published)
        if periodic:
            return "cumulative", war_start, end
        return "stock", end, end
    years = []
    for m in _YEAR_IN.finditer(low):
        y = int(m.group(1))
        lead = low[max(0, m.start() - 30):m.start()]
        if y > published.year or re.search(r"(?:began|begun|started|erupted|broke out|since"
                                           r"|uprising|revolution|protests)\W*(?:\w+\W+)?$", lead):
            continue  # "the war that began in 2011": the war's start, not a period
        years.append(y)
    if years:
        y = years[0]
        if periodic:
            start = pd.Timestamp(year=y, month=1, day=1)
            return "flow", start, min(_end_of(y), published)
        end = min(_end_of(y), published)
        return "stock", end, end
    if periodic:
        return "cumulative", war_start, published
    return "stock", published, published


def _measure(kind: str, group: str, host: str, window: str) -> str:
    """Measure name (registry vocabulary, legacy names where dimensions are missing)."""
    if kind == "deaths":
        if group in ("civilians", "children", "women"):
            return "deaths_civilian"
        if group in ("combatants", "government_forces", "armed_opposition", "foreign_fighters"):
            return "deaths_combatant"
        return "deaths_total"
    if kind == "detention":
        return "deaths_in_detention"
    if kind == "injured":
        return "injured"
    if kind == "missing":
        return "missing_persons"
    if kind == "people_in_need":
        return "people_in_need"
    if kind == "population":
        return "population"
    if kind == "idps":
        return "idps"
    if kind == "displaced":
        return "displaced_total"
    if kind == "asylum":
        return "asylum_applications_europe_cumulative"
    if kind == "returns":
        if re.search(r"internally displaced|\bidps?\b|their homes|areas of origin|villages|"
                     r"home areas|within syria", window, _FLAGS) and not re.search(
                         r"refugee|from abroad|from (?:turkey|lebanon|jordan|iraq|egypt)", window,
                         _FLAGS):
            return "idp_returns"
        return "refugee_returns"
    if kind == "refugees":
        if host == "WORLD":
            return "refugees_worldwide"
        if host and host != "REGION":
            return "refugees_registered_by_host"
        return "refugees_registered"
    return ""


_SHARE_MEASURE = {"displaced": "displaced_share", "refugees": "refugees_share",
                  "idps": "idps_share"}


def _claims_in_sentence(si: int, sent_text: str, offset: int,
                        published: pd.Timestamp) -> list[TextClaim]:
    s = sent_text
    low = s.lower()
    nums = find_numbers(s)
    models = [(m.start(), m.end()) for m in V.MODEL_RE.finditer(s)]
    attribution = ""
    if _ATTR_FRAME.search(s):
        attribution = _first(_ATTR, s)
    out: list[TextClaim] = []
    for k, num in enumerate(nums):
        prev = nums[k - 1] if k > 0 else None
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        before, after = s[:num.start], s[num.end:]
        if any(a <= num.start < b for a, b in models):
            continue
        comp, hedge_len = _hedge(before, after)
        start = num.start - hedge_len
        # ---- the war's age
        if num.kind in ("count", "ordinal"):
            dur = None
            if num.kind == "count" and num.value < 100 and _DURATION_AFTER.search(after):
                dur = (num.value, comp)
            elif num.kind == "count" and num.value < 100 and re.match(r"^\s*years?\b", after, _FLAGS) \
                    and _DURATION_BEFORE.search(before[:len(before) - hedge_len] if hedge_len else before):
                dur = (num.value, comp)
            elif num.kind == "ordinal" and _ORDINAL_YEAR.search(after) and _ORDINAL_BEFORE.search(before):
                dur = (num.value - 1, "at_least")
            if dur is not None:
                m = re.match(r"^\s*-?\s*years?(?:-long|-old)?", after, _FLAGS)
                end = num.end + (m.end() if m else 0)
                out.append(TextClaim(si, s, offset + start, offset + end, s[start:end], float(dur[0]),
                                     "duration", "war_duration_years", dur[1], "stock",
                                     _day(published), _day(published), "SYR", "", "", attribution))
                continue
        # ---- shares of the population
        if num.kind == "share":
            rest = after
            if not _POP_DENOM.search(rest):
                continue
            kind = _priority(_CUES, rest[:120]) or _priority(_CUES, before[-80:])
            measure = _SHARE_MEASURE.get(kind, "")
            if not measure:
                continue
            ptype, pstart, as_of = _period(s, "share", published)
            out.append(TextClaim(si, s, offset + start, offset + num.end, s[start:num.end], num.value,
                                 "share", measure, comp, ptype, _day(pstart), _day(as_of), "SYR", "",
                                 "", attribution))
            continue
        if num.kind != "count":
            continue
        # ---- counts of people
        if _NON_PEOPLE.search(after) or _MONEY.search(before[-6:].lower()) or _AGE.search(before):
            continue
        if re.match(r"^\s*-?\s*(?:year|month|day|week)s?[- ]old", after, _FLAGS):
            continue
        fwd, back = _forward(s, num, nxt), _backward(s, num, prev)
        kind = _priority(_CUES, fwd) or _priority(_CUES, back[-60:])
        if not kind:
            kind = _nearest(_CUES, s, num.start)
            if not kind:
                continue
        if kind == "asylum" and not re.search(r"\beurope|\beu\b", low):
            continue
        window = back[-60:] + " " + s[num.start:num.end] + fwd
        group = _first(_GROUPS, fwd) or _first(_GROUPS, back[-40:])
        host = ""
        if kind in ("refugees", "returns", "asylum"):
            host = _first(_HOSTS, fwd) or _first(_HOSTS, back) or _first(_HOSTS, s)
        area = _first(_AREAS, fwd) or _first(_AREAS, back[-60:]) or "SYR"
        measure = _measure(kind, group, host, s)
        if not measure:
            continue
        # an incident's casualties, not a war statistic
        war_level = bool(_WAR_LEVEL.search(low)) or bool(_SINCE_FALL.search(low))
        if num.value < V.INCIDENT_MAX and not war_level:
            continue
        if kind in ("deaths", "injured", "missing") and _INCIDENT.search(low) and not war_level:
            continue
        if num.value < 1 or (num.value != int(num.value) and num.value < 1000):
            continue
        ptype, pstart, as_of = _period(s, kind, published)
        out.append(TextClaim(si, s, offset + start, offset + num.end, s[start:num.end], num.value,
                             kind, measure, comp, ptype, _day(pstart), _day(as_of), area, host,
                             group or ("all" if kind in ("deaths", "injured") else ""),
                             attribution))
    return out


def extract_claims(text: str, published: str | pd.Timestamp) -> pd.DataFrame:
    """Every numeric claim about the war's statistics in *text* (columns :data:`EXTRACT_COLUMNS`).

    *published* (the text's publication date) anchors relative periods ("last year") and
    is the claim's ``as_of`` when the text names no other date. ``value`` is in persons,
    a fraction for shares (0.5 for "half"), years for the war's age; ``start``/``end`` are
    character offsets of the claim's words (hedge and number) in *text*; ``period_start``
    and ``as_of`` are ``YYYY-MM-DD``.
    """
    pub = pd.Timestamp(published)
    rows: list[dict] = []
    for si, sent in enumerate(split_sentences(text)):
        for c in _claims_in_sentence(si, sent.text, sent.start, pub):
            rows.append(asdict(c))
    return pd.DataFrame(rows, columns=EXTRACT_COLUMNS)
