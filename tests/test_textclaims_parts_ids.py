"""Parts of one side's toll are found by the sentence they were read from, not by the form
of their claim ids (textclaims/check.py ``_parts_of_a_side``): the gold scorer and callers
of ``_judge`` number claims their own way."""
from __future__ import annotations

import pandas as pd

from syriastats.sources import load_estimates, load_sources, with_sources
from syriastats.textclaims.check import _judge, claims_frame, parse_published
from syriastats.textclaims.extract import extract_claims

SENTENCE = ("A total of 66,620 government troops, 51,594 pro-government fighters, 8,245 "
            "pro-government foreign fighters, and 1,682 fighters of the Lebanese Hezbollah group "
            "died during the war, the Britain-based watchdog said.")  # gold g227 (Times of Malta)


def test_parts_of_a_side_whatever_the_claim_ids() -> None:
    est = with_sources(load_estimates(), load_sources())
    pub = parse_published("2020-01-04")
    found = extract_claims(SENTENCE, pub)
    cf = claims_frame(found, pub, "https://example.org/a")
    cf["claim_id"] = [f"g227-{k}" for k in range(len(cf))]  # the gold scorer's ids
    out = _judge(cf, est, "now").set_index("claim_id")
    soldiers = cf.index[cf["value"] == 66_620][0]
    r = out.loc[f"g227-{soldiers}"]
    # before: 'understated' against SOHR's whole government side (128,100)
    assert r["verdict"] == "not_checkable"
    assert "part of it" in r["reason"]
    assert len(pd.unique(cf["text"])) == 1
