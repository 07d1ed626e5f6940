"""Extraction of displacement as an event, crossings and returns, host scopes, shares and
non-Syrian counts (H22d). Each test failed before its rule was added."""
from __future__ import annotations

import pandas as pd

from syriastats.textclaims.extract import extract_claims


def _claims(text: str, published: str, context: str = "") -> pd.DataFrame:
    return extract_claims(text, published, context=context)


def _one(text: str, published: str, value: float, context: str = "") -> pd.Series:
    df = _claims(text, published, context)
    hit = df[(df["value"] - value).abs() < 1e-6]
    assert len(hit) == 1, df[["claim_text", "value", "measure"]].to_string()
    return hit.iloc[0]


# ---- displacement as an event: new displacement, not the displaced stock
def test_fled_during_an_offensive_is_new_displacement():
    c = _one("Some 80,000 people have fled their homes in north Syria, aid groups say, as the army presses on "
             "with its offensive on rebel-held areas.", "2019-05-10", 80000)
    assert c["measure"] == "idps_new_displacements" and c["period_type"] == "flow"


def test_displaced_since_the_offensive_began_starts_on_its_day():
    c = _one("Monitors say at least 90,000 civilians have been displaced since the offensive began on Oct. 3.",
             "2019-10-12", 90000)
    assert c["measure"] == "idps_new_displacements"
    assert c["period_start"] == "2019-10-03"


def test_forced_to_displace_in_days_is_a_flow_of_those_days():
    c = _one("The army's operation against the rebels forced 70,000 people to displace in six days.",
             "2018-02-20", 70000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2018-02-14"


def test_people_leaving_an_enclave_on_a_weekday():
    c = _one("State media said more than 4,000 had escaped to government-held areas through the enclave's "
             "corridor on Wednesday.", "2018-03-09", 4000)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2018-03-07"


def test_another_sources_figure_for_the_wave_before():
    ctx = "Monitors say at least 90,000 civilians have been displaced since the offensive began on Oct. 3."
    c = _one("A local council put the figure at more than 120,000.", "2019-10-12", 120000, context=ctx)
    assert c["measure"] == "idps_new_displacements" and c["period_start"] == "2019-10-03"


def test_national_idps_stay_a_stock():
    c = _one("Amid the offensive, the UN said 6.1 million people remain internally displaced inside Syria.",
             "2019-10-12", 6.1e6)
    assert c["measure"] == "idps"
