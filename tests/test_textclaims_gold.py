"""The gold set of quoted sentences: its integrity, and extraction and verdict quality on it.

Thresholds sit a little below the values measured when they were set (printed by
benchmarks/bench_check_text.py): on the development set (207 claims) one claim moves a
rate by about 0.5 point and the thresholds leave 2-3 points; on the held-out set
(37 claims) one claim is about 2.7 points and they leave about one claim more than that.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from syriastats.sources import load_estimates, load_sources, with_sources
from syriastats.textclaims.check import VERDICT_CLASSES
from syriastats.textclaims.gold import load_gold, score

DATA = Path(__file__).parent / "data"
DEV, HELD = DATA / "gold_sentences.jsonl", DATA / "gold_heldout.jsonl"
HELD2 = DATA / "gold_heldout2.jsonl"
HELD3 = DATA / "gold_heldout3.jsonl"  # labelled before the checker ran; never tuned on
HELD4 = DATA / "gold_heldout4.jsonl"  # labelled before the checker ran; never tuned on
HELD5 = DATA / "gold_heldout5.jsonl"  # labelled before the checker ran; never tuned on
HELD6 = DATA / "gold_heldout6.jsonl"  # labelled before the checker ran; never tuned on
HELD7 = DATA / "gold_heldout7.jsonl"  # labelled before the checker ran; never tuned on
HELD8 = DATA / "gold_heldout8.jsonl"  # labelled before the checker ran; never tuned on
HELD9 = DATA / "gold_heldout9.jsonl"  # labelled before the checker ran; never tuned on


@pytest.fixture(scope="module")
def estimates() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


@pytest.mark.parametrize("path,minimum", [(DEV, 150), (HELD, 30), (HELD2, 60), (HELD3, 70),
                                          (HELD4, 100), (HELD5, 150), (HELD6, 170),
                                          (HELD7, 190), (HELD8, 200), (HELD9, 210)])
def test_gold_set_is_well_formed(path: Path, minimum: int):
    import json

    gold = load_gold(path)
    assert len(gold) >= minimum
    pkg = json.loads((Path(__file__).parents[1] / "data" / "datapackage.json").read_text())
    res = next(r for r in pkg["resources"] if r["name"] == "claims")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "measure")
    measures = set(field["constraints"]["enum"])
    measures |= {"people_in_need", "missing_persons"}
    ids = [g["id"] for g in gold]
    assert len(ids) == len(set(ids))
    for g in gold:
        assert re.fullmatch(r"20(1[2-9]|2[0-6])-\d\d-\d\d", g["date"]), g["id"]
        assert g["url"].startswith("http") and g["outlet"] and g["date_basis"], g["id"]
        assert len(g["sentence"]) > 10
        assert g["claims"] or g["note"], f"{g['id']}: a negative needs a note saying why"
        for c in g["claims"]:
            assert c["measure"] in measures, (g["id"], c["measure"])
            assert c["comparator"] in ("about", "at_least", "at_most", "less_than")
            assert c["verdict"] in VERDICT_CLASSES and c["why"], g["id"]
    # both positives and negatives, from many pages
    assert sum(1 for g in gold if not g["claims"]) >= minimum // 6
    assert len({g["url"] for g in gold}) >= minimum // 15


# Held-out 5's builder kept whole pages about aid operations and border crossings, whose
# numbers are mostly not war statistics: 27 % negatives, so its upper bound is 30 %.
# Held-out 6 keeps whole runs of incident and earthquake reports: 58 of 196 (29.6 %).
# Held-out 7 (218 sentences from 60 pages) has 59 negatives (27.1 %).
# Held-out 8 (221 sentences from 78 pages) has 60 negatives (27.1 %).
# Held-out 9 (279 sentences from 113 pages, ids "s9-001"...) has 78 negatives (28.0 %).
@pytest.mark.parametrize("path,prefix,most_negative", [(HELD4, "m", 1 / 4), (HELD5, "n", 0.3),
                                                       (HELD6, "p", 0.3), (HELD7, "r", 0.3),
                                                       (HELD8, "s", 0.3), (HELD9, "s9-", 0.3)])
def test_held_out_schema(path: Path, prefix: str, most_negative: float):
    """Held-out 4 to 9 in detail: ids in order, real calendar
    dates, every optional dimension in the vocabulary the claims schema allows, dates of
    periods ISO and not after publication (but a flow may end after it), positive values (shares in (0, 1]), and a
    verdict_then, where given, from the same classes."""
    import json

    gold = load_gold(path)
    pkg = json.loads((Path(__file__).parents[1] / "data" / "datapackage.json").read_text())
    res = next(r for r in pkg["resources"] if r["name"] == "claims")
    enum = {f["name"]: set(f.get("constraints", {}).get("enum", ()))
            for f in res["schema"]["fields"]}
    assert [g["id"] for g in gold] == [f"{prefix}{i:03d}" for i in range(1, len(gold) + 1)]
    keys = {"id", "outlet", "date", "date_basis", "url", "sentence", "claims", "note"}
    for g in gold:
        assert set(g) == keys, g["id"]
        published = pd.Timestamp(g["date"])  # raises on an impossible date
        for c in g["claims"]:
            assert c["value"] > 0, g["id"]
            if c["measure"].endswith("_share"):
                assert c["value"] <= 1, g["id"]
            for dim in ("host", "area", "group"):
                if dim in c:
                    assert c[dim] in enum[dim], (g["id"], dim, c[dim])
            assert c.get("period_type", "stock") in ("stock", "cumulative", "flow"), g["id"]
            for d in ("period_start", "as_of"):
                if d in c:
                    # a month ("2011-03") is allowed where the text names only the month
                    assert re.fullmatch(r"\d{4}-\d\d(-\d\d)?", c[d]), (g["id"], d)
                    # a yearly toll published in its last days ("in 2017", 28 Dec) keeps
                    # the year's end as its as_of; every other date is known by publication
                    if d == "period_start" or c.get("period_type") != "flow":
                        assert pd.Timestamp(c[d]) <= published, (g["id"], d)
            assert c.get("verdict_then", c["verdict"]) in VERDICT_CLASSES, g["id"]
    # negatives are between a sixth and a quarter (held-out 5: 30 %) of the set, as in real text
    neg = sum(1 for g in gold if not g["claims"])
    assert len(gold) / 6 <= neg <= len(gold) * most_negative


def test_development_set_quality(estimates):
    sc = score(load_gold(DEV), estimates)
    # round 8 added 204 harder sentences (h21t, h21d, h21v: campaign and episode tolls,
    # displacement in other words, host counts): on the merged code the set of 791 scores
    # precision 0.970, recall 0.950 (904 of 952 claims), while its first 587 sentences keep
    # 0.978 / 0.972. One claim is 0.1 point, so the guard sits about ten claims below.
    assert sc.precision >= 0.96 and sc.recall >= 0.94
    # measured after each number takes the period in its own words, a stock is read
    # between the figures on either side of its date and a later running total no longer
    # calls a claim too low (H15c, 2026-11-30): now 0.861, then 0.881 (strict 0.807 /
    # 0.797); with the attribution rule (an accurate quote of the named publisher is
    # consistent; H15d): now 0.876, then 0.891 (strict 0.822 / 0.807); thresholds two to
    # four claims (1-2 points) below
    assert sc.agreement("now") >= 0.86 and sc.agreement("then") >= 0.875


def test_held_out_set_quality(estimates):
    sc = score(load_gold(HELD), estimates)
    assert sc.precision >= 0.86 and sc.recall >= 0.86
    # held-out, not tuned on: measured 0.853 now / 0.853 then (strict 0.824 / 0.647: "then"
    # gains mostly where an old level on one side of the date no longer calls a claim
    # wrong) after the general period and stock-date rules (H15c, 2026-11-30); one claim is
    # 2.9 points here, so the guard sits one claim below. With the attribution rule (H15d):
    # 0.912 now / 0.912 then (strict 0.882 / 0.706): both goals (0.9 now, 0.8 then) are met.
    assert sc.agreement("now") >= 0.88 and sc.agreement("then") >= 0.88
