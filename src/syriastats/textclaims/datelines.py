"""The country a dateline names, and when it gives the host of a count that names none (H23m).

A dateline ("AMMAN -", "AMMAN, Jordan (AA) -", "BEIRUT (Reuters) -") says where the reporter
is, not where the people counted are: wire agencies report all of Syria from Beirut and
Amman. It gives the country of asylum of a count of returns or refugees only when

* the count names no country itself (no host; returns the words left as refugees and IDPs
  together become the host's, whose state counts people leaving its territory), and
* the sentence's source is that country's own state: an interior minister or ministry, a
  government, authorities, officials or a security source, not qualified as Syria's, and no
  UN agency or monitor is the source of the sentence (for a refugee count the state must be
  named as the host's: "Jordan's interior ministry"), and
* the sentence is within a few sentences of the dateline (:data:`REACH`).

"AMMAN - The interior minister said 12,000 people have returned since the border reopened":
returns from Jordan. "BEIRUT (Reuters) - Some 40,000 people have returned since January, the
UN said": no host (the UN reports all of Syria).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import syriastats.textclaims.vocabulary as V
from syriastats.textclaims.rule_kit import REGIONAL

_F = re.I
#: Dateline places (cities, then countries) of the five regional hosts.
_PLACES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\b(?:" + p + r")\b", _F), h) for p, h in (
        (r"amman|irbid|mafraq|zaatari|azraq|ramtha|jordan", "JOR"),
        (r"beirut|arsal|zahle|baalbek|akkar|sidon|tyre|lebanon", "LBN"),
        (r"ankara|istanbul|gaziantep|kilis|hatay|antakya|sanliurfa|[sş]anl[iı]urfa|reyhanli|turkey|t[uü]rkiye", "TUR"),
        (r"baghdad|erbil|irbil|duhok|dohuk|sulaimaniyah|iraq", "IRQ"),
        (r"cairo|alexandria|egypt", "EGY"),
    ))
#: The host's own state as the source: "the interior minister", "Jordan's Interior Ministry",
#: "Lebanese General Security", "officials", "a security source".
_STATE = re.compile(r"\b(?:interior\s+minist(?:er|ry)|ministry\s+of\s+(?:the\s+)?interior|minister|ministry|government"
                    r"|authorities|officials?|general security|security source|directorate|governor)\b", _F)
#: Syria's own state, named as such: not the host's.
_SYRIAN_STATE = re.compile(r"\b(?:syria'?s|syrian|damascus)\s+(?:[\w'-]+\s+){0,2}?$", _F)
#: Syria's own state named after the word: "officials in Damascus", "officials of the Syrian
#: caretaker government", "the ministry of the new government in Damascus".
_SYRIAN_STATE_AFTER = re.compile(r"^\s+(?:of|from|in)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:(?:syria'?s|syrian)\s+(?:[\w'-]+\s+){0,2}?"
                                 r"(?:government|minist(?:ry|er)|authorities|administration|state|interior)|damascus)\b", _F)
#: Officials who are no state's: "aid officials", "rebel officials", "Hezbollah officials".
_NO_STATE = re.compile(r"\b(?:aid|relief|humanitarian|rebel|opposition|militia|hezbollah|ngo|charity)\s+(?:[\w'-]+\s+)?$", _F)
#: A UN agency or a monitor as the source.
_AGENCY = re.compile(r"\bun\b|\bu\.n\.|\bunited nations\b|\bunhcr\b|\bocha\b|\biom\b|\brefugee agency\b|\bobservatory\b"
                     r"|\bmonitor\b|\bsohr\b", _F)


def dateline_host(sentence: str) -> str:
    """The regional host a sentence's leading dateline names ("AMMAN, Jordan (AA) -" ->
    JOR), or "" (no dateline, or a place outside the five hosts: "DAMASCUS -")."""
    m = V.DATELINE_RE.match(sentence.replace("\u2013", "-").replace("\u2014", "-"))
    if not m:
        return ""
    head = re.sub(r"\([^()]*\)", " ", m.group(0))  # (not the agency's name: "(AA)")
    for rx, h in _PLACES:
        if rx.search(head):
            return h
    return ""


def _host_state_speaks(text: str) -> bool:
    """True if *text* names a state source that is not Syria's and no UN agency or monitor."""
    if _AGENCY.search(text):
        return False
    return any(not _SYRIAN_STATE.search(before) and not _NO_STATE.search(before)
               and not _SYRIAN_STATE_AFTER.match(text[m.end():m.end() + 80])
               for m in _STATE.finditer(text) for before in [text[max(0, m.start() - 40):m.start()]])


#: The host's state named as the host's: "Jordan's interior ministry", "the Lebanese
#: authorities", "the kingdom's government".
_OWN_STATE = {h: re.compile(r"\b(?:" + p + (r"|the kingdom" if h == "JOR" else "")
                            + r")(?:'s)?\s+(?:[\w'-]+\s+){0,2}?"
                            r"(?:minist(?:er|ry)|government|authorities|officials?|general security|security"
                            r"|interior)\b", _F)
              for p, h in V.HOSTS if h in REGIONAL}  # the five neighbouring hosts' names (vocabulary)
#: How many sentences after the dateline it may still give a host (a long text moves on).
REACH = 6


def dateline_hosts(out: list[Any], s: str, host: str) -> list[Any]:
    """*out* with the dateline's country (*host*, from :func:`dateline_host` of the text's
    first sentence, passed only within :data:`REACH` sentences of it) as the host of the
    sentence's returns that name none when the host's state is the sentence's source, and of
    its refugee counts that name none when that state is named as the host's ("Jordan's
    interior ministry")."""
    if not host or not any(c.kind in ("returns", "refugees") and not c.host for c in out):
        return out
    if _AGENCY.search(s) or not _host_state_speaks(s):
        return out
    own_state = bool(_OWN_STATE[host].search(s))
    res = []
    for c in out:
        if ((c.kind == "returns" and c.measure != "idp_returns") or (c.kind == "refugees" and own_state)) \
                and not c.host:
            # (a host's ministry counts people who left its territory: refugees, not IDPs too)
            c = replace(c, host=host, group="" if c.group == "refugees_and_idps" else c.group)
        res.append(c)
    return res
