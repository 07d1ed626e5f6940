"""Perpetrators of a death toll (controlled values of the registry's ``perpetrator`` column).
"""
from __future__ import annotations

import re

import pandas as pd

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.numbers import Number
from syriastats.textclaims.literal_gate import candidates
from syriastats.textclaims.periods import _MONTH_ALT, _named_period
from syriastats.textclaims.cues import (
    _c,
    _first,
    _FLAGS,
)
from syriastats.textclaims.toll_parts import (
    _clause_bounds,
)

# ---------------------------------------------------------------- perpetrators (H21t)
_PERPS = [(_c(p), code) for p, code in V.PERPETRATORS]
#: The killers named after a count in its own clause ("killed by the forces of the ousted
#: Assad regime", "lost their lives at the hands of other parties").
_BY_PERP = _c(r"\b(?:by|at the hands of)\s+(?:the\s+)?((?:[\w'-]+\s+){0,6}[\w'-]+)")
#: A verb of killing between the killers named before a count and the count ("Russian
#: forces were responsible for the deaths of", "Turkish bombardment has killed", "the SDF
#: were implicated in").
_KILL_BETWEEN = _c(r"\b(?:killed|kills|killing|responsible|accountable|implicated|claimed|left)\b")
_OLD_REGIME = _c(r"assad|regime|ousted|former")


def _perpetrator(s: str, num: Number, published: pd.Timestamp) -> str:
    """Who killed the dead counted by *num* (a registry perpetrator code), as its clause says:
    the killers after it ("killed by X", "at the hands of X") or before it with a verb of
    killing between ("X were responsible for the deaths of N", "X's shelling has killed N"),
    else ''. The government's or security forces of a text published after the fall of
    Assad with no word of the old regime are the transitional government's."""
    lo, hi = _clause_bounds(s, num)
    # (past an aside: "223 civilians, including 65 children, were killed by ...")
    # (past an aside closed by a comma: "223 civilians, including 65 children, were killed by
    # ..."; but not into one that runs on: "1,311 dead, including 830 civilians killed by ...")
    own = re.sub(r"^([^,.;]{0,40}?),\s*(?:including|among them)\b[^,.;]{0,80},", r"\1 ", s[num.end:hi], count=1, flags=_FLAGS)
    own = re.split(r"\b(?:while|whereas|but|including|among them|among whom|of whom|of which)\b|\.\s"
                   r"|,\s*(?:[\w,.]+\s+){1,2}of\s+(?:them|whom|those)\b", own)[0][:160]  # ("324 ..., 161 of them by ...")
    found = ""
    m = _BY_PERP.search(own)
    if m:
        found = _first(_PERPS, m.group(1))
        phrase = m.group(1)
        codes = {code for rx, code in _PERPS if rx.search(re.split(r"\b(?:backed|supported|aided)\s+by\b", phrase)[0])}
        if codes == {"government_and_allies", "russia"}:
            found = "government_and_allies"  # "Syrian and Russian warplanes": the government and its ally
        elif len(codes) > 1:
            return ""  # "killed by ISIS and regime forces": more than one killer, no one's share
    if not found:
        before = re.split(r"\b(?:while|whereas|but)\b|;|\.\s", s[lo:num.start])[-1]
        # "Government forces, backed by Russian air power, have killed ...": the backers are not the killers
        before = re.sub(r",?\s*(?:backed|supported|aided|assisted)\s+by\b[^,]{0,60},?", " ", before, flags=_FLAGS)
        best = None
        for rx, code in candidates(_PERPS, before):
            for pm in rx.finditer(before):
                if best is None or pm.start() > best[0]:
                    best = (pm.start(), pm.end(), code)
        # (not when the war itself is the killer between them: "an offensive by rebels ...
        # a 13-year civil war that killed over half a million people")
        if best is not None and _KILL_BETWEEN.search(before[best[1]:]) \
                and not re.search(r"\b(?:said|says|according|reported)\b", before[best[1]:], _FLAGS) \
                and not re.search(r"\b(?:war|conflict|uprising|revolution|crisis)\b", before[best[1]:], _FLAGS):
            found, phrase = best[2], before[best[0]:best[1]]
    if found == "government_and_allies" and published > pd.Timestamp(V.ASSAD_FALL) \
            and not _OLD_REGIME.search(phrase) \
            and not re.search(r"\b(?:2011|during the (?:war|conflict)|since the (?:war|conflict|uprising) (?:began|started))\b", s, _FLAGS):
        found = "transitional_government"
    return found


#: "the highest monthly total", "the monthly death toll": a month's toll, not a rate (H21t).
_MONTHLY_NOUN = _c(r"\bmonthly (?:total|toll|tally|death toll|figure|count|report|record)s?\b")
#: "its September report", "the March 2013 toll": the report's or the toll's month (H21t).
_REPORT_MONTH = _c(r"\b(?:its|the|their|a|this|that)\s+(" + _MONTH_ALT + r")(?:\s+((?:19|20)\d\d))?\s+"
                   r"(?:report|toll|tally|statistics|figures|death toll|casualty report)\b")


def _report_month(before: str, published: pd.Timestamp) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    """The month of the report or toll named in the words before a count ("In its September
    report, it said 395 civilians ...") as (flow, first day, last day), or None."""
    m = _REPORT_MONTH.search(before)
    if not m or (m.group(2) is not None and int(m.group(2)) > published.year):
        return None
    return _named_period(m.group(1), m.group(2), published)

#: The day a report was given ("The Observatory on October 1 said", "said on October 1"): no
#: period of the counts it gives (H21t).
_SAID_ON = _c(r"\bon (?:(?:" + _MONTH_ALT + r")\.? \d{1,2}|\d{1,2} (?:" + _MONTH_ALT + r"))(?:,? (?:19|20)\d\d)?(?=\s+(?:said|says|reported|announced|stated))"
              r"|\b(?:said|says|reported|announced|stated) on (?:(?:" + _MONTH_ALT + r")\.? \d{1,2}|\d{1,2} (?:" + _MONTH_ALT + r"))(?:,? (?:19|20)\d\d)?")

#: An estimate of a toll as it is now, not a forecast (H21t): "the real death toll could be
#: more than 200,000", "the toll may be as high as 300,000" (not "could reach", "is expected
#: to rise to"). The count is a claim with the hedge's comparator.
_ESTIMATE_NOW = _c(r"\b(?:toll|number|figure|count|tally)\b[^.;]{0,50}?\b(?:could|may|might|would)\s+(?:well\s+|actually\s+|even\s+)?"
                   r"(?:be|have been|stand at|exceed|top|surpass)\s+(?:(?:as high as|as many as|more than|over|up to|at least"
                   r"|above|close to|nearly|around|about|some|in excess of|well over|far more than)\s+)?$")
#: A horizon or a condition after a count ("by the end of the year", "next year", "if soldiers
#: were counted"): an estimate so worded is a forecast or a hypothesis, not a claim.
_FUTURE_AFTER = _c(r"^[^.;]{0,40}?\b(?:by\s+(?:the\s+end\s+of|year-end|the\s+end|(?:19|20)\d\d|next|mid-)|next\s+(?:year|month|week)"
                   r"|in\s+the\s+(?:coming|next)\b|if\b|unless\b|were\s+(?:the|they|it)\b)")
#: The killers right after a count ("161 of them by Syrian regime forces", "12 at the hands of
#: ISIS"): the words name who killed, not the side of the dead.
_KILLERS_AFTER = _c(r"^\s*(?:(?:of\s+(?:them|whom)|people|civilians|others)\s+)?(?:(?:were|was)\s+)?(?:killed\s+)?"
                    r"(?:by|at\s+the\s+hands\s+of)\s+(?:the\s+)?(?:[\w'-]+[ \t]*){1,6}")
#: "higher by 50,000", "lower by at least 10,000": the count is a difference (H21t).
_DIFF_BEFORE = _c(r"\b(?:higher|lower|more|fewer|greater|larger|bigger|smaller)\s+by\s*$")

#: "..., of whom 83": a part of the count just before (H21t).
_OF_WHOM_BEFORE = _c(r"\bof (?:whom|them)\s*$")
