"""Benchmark of check_text against the hand-labelled gold set (tests/data/gold_sentences.jsonl).

Prints extraction precision and recall, comparator and period accuracy, and verdict
agreement with the reviewer "as known now" and "as known then", with the lists of misses,
false hits and disagreements (``--verbose``). Run: ``.venv/bin/python benchmarks/bench_check_text.py``.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from syriastats.sources import load_estimates, load_sources, with_sources
from syriastats.textclaims.gold import load_gold, score

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
#: Development set (the extraction rules were tuned on it) and held-out set (labelled
#: before the extractor was first run on it; never used for tuning).
#: Held-out 2 (tests/data/gold_heldout2.jsonl, other outlets and years, 2017-2025) was
#: labelled before the checker ran on it; from session 4 on it is used for tuning the
#: extraction rules, so it is a second development set, no longer an honest measurement.
#: Held-out 3 (tests/data/gold_heldout3.jsonl, 2012-2026) was labelled before the checker
#: ran on it and its sentences are never used for tuning: the honest measure. (Session 4
#: fixed seven phrasing classes its builder reported in general words, without its items:
#: before that it measured precision 0.630, recall 0.547, agreement 0.741 now, 0.776 then.)
#: Held-out 4 (tests/data/gold_heldout4.jsonl, 129 sentences from 34 other pages, 2012-2026)
#: was labelled and committed before the checker first ran on it; never used for tuning.
#: Held-out 5 (tests/data/gold_heldout5.jsonl, 191 sentences from 44 other pages, 2012-2026)
#: likewise: committed in session 6 before the checker first ran on it; its sentences never
#: used for tuning. (Session 7 worked on its failure classes, given in general words.)
#: Held-out 6 (tests/data/gold_heldout6.jsonl, 196 sentences from 54 other pages, 2012-2026, 63
#: of them after the fall of Assad) likewise: committed before the checker first ran on it
#: (first measured at main af819f5). Session 8 worked on its failure classes (given in general
#: words to the helpers), and the integrator read its remaining misses: no longer an honest
#: measure.
#: Held-out 7 (tests/data/gold_heldout7.jsonl, 218 sentences from 60 other pages, 2012-2026, 63
#: of them after the fall of Assad) likewise: labelled and committed (H21g, session 8) before
#: the checker first ran on it (first measured at main c45652c: 0.817 / 0.670 / 0.770 / 0.791).
#: Session 9 worked on its failure classes (the integrator read its misses and gave them to
#: the helpers in general words): no longer an honest measure.
#: Held-out 8 (tests/data/gold_heldout8.jsonl, 221 sentences from 78 other pages of 70 outlets,
#: 2012-2026, 75 of them after the fall of Assad) likewise: labelled and committed (H22g,
#: session 9) before the checker first ran on it (first measured at main d732121, before any
#: of session 9's code: 0.768 / 0.688 / 0.786 / 0.843); never used for tuning.
#: Held-out 9 (tests/data/gold_heldout9.jsonl, 279 sentences from 113 other pages of 99 outlets,
#: 2012-2026, 100 of them after the fall of Assad, 29 from 2026) likewise: labelled and committed
#: (H23g, session 10) before the checker first ran on it (first measured at main e68c7b5, before
#: any of session 10's code: 0.823 / 0.750 / 0.793 / 0.821); never used for tuning.
SETS = {"development": DATA / "gold_sentences.jsonl", "held-out": DATA / "gold_heldout.jsonl",
        "held-out 2 (labelled before the checker ran; used for tuning from session 4 on)":
            DATA / "gold_heldout2.jsonl",
        "held-out 3 (its sentences never used for tuning)": DATA / "gold_heldout3.jsonl",
        "held-out 4 (labelled before the checker ran; its sentences never used for tuning)":
            DATA / "gold_heldout4.jsonl",
        "held-out 5 (labelled before the checker ran; its sentences never used for tuning)":
            DATA / "gold_heldout5.jsonl",
        "held-out 6 (labelled before the checker ran; its failure classes worked on in session 8)":
            DATA / "gold_heldout6.jsonl",
        "held-out 7 (labelled before the checker ran; its failure classes worked on in session 9)":
            DATA / "gold_heldout7.jsonl",
        "held-out 8 (labelled before the checker ran; never used for tuning)":
            DATA / "gold_heldout8.jsonl",
        "held-out 9 (labelled before the checker ran; never used for tuning)":
            DATA / "gold_heldout9.jsonl"}
#: The sets helpers never open (``--tuning-only`` leaves them out). Held-out 8 and 9 are
#: the honest measures; the misses of held-out 6 (session 8) and 7 (session 9) were read by the integrator.
HONEST = {"gold_heldout3.jsonl", "gold_heldout4.jsonl", "gold_heldout5.jsonl",
          "gold_heldout6.jsonl", "gold_heldout7.jsonl", "gold_heldout8.jsonl",
          "gold_heldout9.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--tuning-only", action="store_true",
                    help="score only the sets the rules may be tuned on (development, held-out, "
                         "held-out 2), so work on the rules never sees the honest sets")
    args = ap.parse_args()
    est = with_sources(load_estimates(), load_sources())
    for name, path in SETS.items():
        if args.tuning_only and path.name in HONEST:
            continue
        report(name, load_gold(path), est, args.verbose)


def report(name: str, gold: list, est, verbose: bool) -> None:
    t0 = time.perf_counter()
    sc = score(gold, est)
    dt = time.perf_counter() - t0
    neg = sum(1 for g in gold if not g["claims"])
    print(f"== {name} gold set: {sc.sentences} sentences ({neg} without war statistics), "
          f"{sc.gold_claims} claims, {len({g['url'] for g in gold})} pages")
    print(f"extraction: {sc.extracted} claims found, {sc.matched} match the gold "
          f"(measure family and value)")
    print(f"  precision {sc.precision:.3f}   recall {sc.recall:.3f}")
    if sc.extracted and sc.gold_claims:
        print(f"  (measure named exactly as the gold names it, not only its family: precision "
              f"{sc.matched_exact / sc.extracted:.3f}   recall {sc.matched_exact / sc.gold_claims:.3f})")
    if sc.matched:
        print(f"  comparator right {sc.comparator_ok / sc.matched:.3f}   "
              f"date/period right {sc.period_ok / sc.matched:.3f}  (of matched claims)")
    for known in ("now", "then"):
        if known in sc.agree:
            print(f"verdict agreement, as known {known}: {sc.agreement(known):.3f} "
                  f"(strict, not_checkable only where the reviewer says so: "
                  f"{sc.agreement(known, strict=True):.3f}; the checker gave a verdict for "
                  f"{sc.judged[known]} of {sc.matched})")
    print(f"time: {dt:.1f} s for {sc.sentences} sentences\n")
    if verbose:
        for title, rows in (("misses", sc.misses), ("false hits", sc.false_hits)):
            print(f"{title} ({len(rows)}):")
            for r in rows:
                print("  " + r)
        for known, rows in sc.disagreements.items():
            print(f"disagreements as known {known} ({len(rows)}):")
            for r in rows:
                print("  " + r)
        print()

if __name__ == "__main__":
    main()
