"""Each judgement has one route (issue 15, design debts): a claim narrower than the
registry reaches the checker only as the claims column ``subarea``, and 'a later running
total cannot show a claim too low' is decided in one function."""
from __future__ import annotations

import inspect

import pandas as pd

from syriastats.claims import judging, running_totals
from syriastats.textclaims import check as text_check


def _found(area: str, subarea: str = "") -> pd.DataFrame:
    return pd.DataFrame([{
        "sentence": "Some 80,000 people live in the camp.", "sentence_index": 0,
        "measure": "refugees_registered", "as_of": "2024-01-20", "value": 80_000.0,
        "comparator": "about", "period_start": None, "period_type": "stock", "area": area,
        "host": "JOR", "group": "all", "attribution": "", "subarea": subarea,
        "claim_text": "80,000"}])


def test_camp_and_local_claims_are_sent_as_a_subarea() -> None:
    pub = pd.Timestamp("2024-01-20")
    camp = text_check.claims_frame(_found("CAMP"), pub, None).iloc[0]
    assert camp["area"] == "SYR" and camp["subarea"] == "one camp"
    local = text_check.claims_frame(_found("LOCAL", "Manbij"), pub, None).iloc[0]
    assert local["area"] == "SYR" and local["subarea"] == "one place inside Syria (Manbij)"
    # the extractor's own areas are no longer a second route of their own
    assert "CAMP" not in inspect.getsource(text_check._dimension_gap).replace(
        "CAMP and LOCAL arrive as a subarea", "")


def test_later_totals_is_decided_in_one_place() -> None:
    src = inspect.getsource(judging)
    assert "_later_totals_only" not in src and "later_totals_rejudge" not in src
    assert src.count("later_totals(") == 1
    assert "_later_totals_only(" in inspect.getsource(running_totals.later_totals)
