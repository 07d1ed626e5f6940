"""Score the extractor and the checker against a hand-labelled gold set of sentences.

The gold set (``tests/data/gold_sentences.jsonl``) holds one JSON object per sentence
quoted from a published text: ``id, outlet, date, date_basis, url, sentence, claims,
note``; each claim has ``value, measure, comparator`` (and where it matters
``period_type, period_start, as_of, host, area, group``), the reviewer's ``verdict`` (a
verdict class) and ``why``. A sentence with no claims is a negative: its numbers are not
war statistics.

:func:`score` extracts claims from each sentence (published on its date; the up to three
sentences quoted before it from the same page are its context, as the article's earlier
text would be: "the country was host to ..."), matches them to
the gold claims of that sentence (same measure family, :func:`measure_family`; value within
:data:`VALUE_TOLERANCE`),
judges every extracted claim with the checker in one batch per mode, and returns the
counts behind precision, recall and verdict agreement.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from syriastats.dimensions import measure_aliases
from syriastats.textclaims.check import _judge, claims_frame, parse_published
from syriastats.textclaims.extract import extract_claims

#: Relative tolerance for a value match (0.5 %); shares and years match within 0.01.
VALUE_TOLERANCE: float = 0.005

#: Checker reasons that mean "the registry lacks the figures": not_checkable is then the
#: right answer, whatever the reviewer's verdict on the facts.
DATA_GAP_WORDS: tuple[str, ...] = (
    "holds no figure", "no figure for", "published after the claim", "no period dimension",
    "no host dimension", "no area dimension", "no group dimension", "marked context only",
    "no series long enough", "no comparable figure", "no cumulative toll",
    "does not yet select figures by",
)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold sentences of a JSON-lines file, in file order."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _same_value(a: float, b: float) -> bool:
    if max(abs(a), abs(b)) < 100:
        return abs(a - b) <= 0.01 + 1e-9
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


@dataclass
class Score:
    """Counts from :func:`score`; the properties are the reported rates."""
    sentences: int = 0
    gold_claims: int = 0
    extracted: int = 0
    matched: int = 0
    #: matches when the measure must be named exactly as the gold names it
    matched_exact: int = 0
    comparator_ok: int = 0
    period_ok: int = 0
    agree: dict[str, int] = field(default_factory=dict)
    agree_strict: dict[str, int] = field(default_factory=dict)
    judged: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    disagreements: dict[str, list[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_claims if self.gold_claims else 1.0

    def agreement(self, known: str, strict: bool = False) -> float:
        d = self.agree_strict if strict else self.agree
        return d.get(known, 0) / self.matched if self.matched else 1.0


def measure_family(measure: str) -> str:
    """The measure a claim is matched on: legacy names resolve through the registry's alias
    table (``refugees_by_host`` -> ``refugees``), and UNHCR's two refugee statistics
    (``refugees_registered`` and ``refugees``) are one family. A text that says "1 million
    refugees in Lebanon" is one claim whichever of the two a labeller names, and the checker
    reads an unqualified refugee count both ways (:func:`syriastats.textclaims.check`), so
    the name chosen is scored by the verdict, not as a missed claim."""
    alias = measure_aliases().get(measure)
    m = alias["measure"] if alias else measure
    return "refugees" if m == "refugees_registered" else m


def _match(found: pd.DataFrame, gold: list[dict[str, Any]],
           exact: bool = False) -> list[tuple[int, int]]:
    """(row of found, index of gold claim) pairs: same measure family (*exact*: the same
    measure name) and value, greedy in order."""
    pairs, used = [], set()
    name = (lambda m: m) if exact else measure_family
    for i, r in enumerate(found.itertuples(index=False)):
        for j, g in enumerate(gold):
            if j in used or name(g["measure"]) != name(r.measure):
                continue
            if _same_value(float(r.value), float(g["value"])):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def _is_gap(reason: Any) -> bool:
    return isinstance(reason, str) and any(w in reason for w in DATA_GAP_WORDS)


def score(gold: list[dict[str, Any]], estimates: pd.DataFrame,
          modes: tuple[str, ...] = ("now", "then")) -> Score:
    """Extraction precision/recall and verdict agreement of the checker on *gold*.

    Agreement is counted over matched claims: the checker's verdict class equals the
    reviewer's (``verdict``, or ``verdict_then`` for known="then" where given), or the
    checker says not_checkable because the registry lacks the figures (its reason names
    the gap). ``agree_strict`` counts equality only.
    """
    sc = Score()
    frames, links = [], []
    before: dict[str, list[str]] = {}
    for g in gold:
        sc.sentences += 1
        pub = parse_published(g["date"], today=pd.Timestamp.max.date())
        # the sentences quoted before it from the same page, in file order, stand in for
        # the article's earlier text (read only for references back: extract_claims)
        earlier = before.setdefault(g["url"], [])
        found = extract_claims(g["sentence"], pub, context=" ".join(earlier[-3:]))
        earlier.append(g["sentence"])
        sc.gold_claims += len(g["claims"])
        sc.extracted += len(found)
        pairs = _match(found, g["claims"])
        sc.matched += len(pairs)
        sc.matched_exact += len(_match(found, g["claims"], exact=True))
        hit_rows = {i for i, _ in pairs}
        hit_gold = {j for _, j in pairs}
        for j, c in enumerate(g["claims"]):
            if j not in hit_gold:
                sc.misses.append(f"{g['id']}: {c['measure']} {c['comparator']} {c['value']:g}")
        for i, r in enumerate(found.itertuples(index=False)):
            if i not in hit_rows:
                sc.false_hits.append(f"{g['id']}: {r.measure} {r.comparator} {r.value:g} "
                                     f"'{r.claim_text}'")
        for i, j in pairs:
            r, c = found.iloc[i], g["claims"][j]
            sc.comparator_ok += int(r["comparator"] == c["comparator"])
            want_asof = c.get("as_of")
            ok = True
            if want_asof:
                ok = abs((pd.Timestamp(r["as_of"]) - pd.Timestamp(want_asof)).days) <= 31
            if c.get("period_type") in ("flow",):
                ok = ok and r["period_type"] == "flow"
            sc.period_ok += int(ok)
        if pairs:
            sub = found.iloc[[i for i, _ in pairs]].reset_index(drop=True)
            cf = claims_frame(sub, pub, g["url"])
            cf["claim_id"] = [f"{g['id']}-{k}" for k in range(len(cf))]
            frames.append(cf)
            links += [(g, g["claims"][j]) for _, j in pairs]
    if not frames:
        return sc
    allc = pd.concat(frames, ignore_index=True)
    for known in modes:
        res = _judge(allc, estimates, known)
        agree = strict = judged = 0
        bad = []
        for (g, c), r in zip(links, res.itertuples(index=False)):
            want = c.get("verdict_then", c["verdict"]) if known == "then" else c["verdict"]
            got = r.verdict_class
            judged += int(got != "not_checkable")
            if got == want:
                agree += 1
                strict += 1
            elif got == "not_checkable" and _is_gap(r.reason):
                agree += 1
            else:
                bad.append(f"{g['id']}: {c['measure']} {c['value']:g} gold={want} got={got} "
                           f"({r.verdict})")
        sc.agree[known], sc.agree_strict[known], sc.judged[known] = agree, strict, judged
        sc.disagreements[known] = bad
    return sc
