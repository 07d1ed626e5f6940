"""Review of the episode-toll rule (R23e): signs of one incident it missed.

Sentences written for these tests in the style of wire copy (not quoted from any gold set).
By the reviewers' convention one incident's casualties are not claims, so each count below
must be read as an incident and dropped; the episode tolls at the end must stay claims.
"""
from __future__ import annotations

import pytest

from syriastats.textclaims import episode_tolls as E
from syriastats.textclaims.extract import extract_claims


def _at(s: str, token: str) -> tuple[int, int]:
    i = s.index(token)
    return i, i + len(token)


@pytest.mark.parametrize("sentence,token", [
    # one event as subject, its place between the noun and the verb
    ("A car bomb in Azaz killed 8 people, the Syrian Observatory for Human Rights said.", "8"),
    ("An explosion at an arms depot in Sarmada killed 12 people.", "12"),
    ("The shelling of a market in Maarat al-Numan killed 15 civilians.", "15"),
    # one thing that hit, blew up or sank as the cause
    ("12 people were killed when a mortar hit a school in Aleppo.", "12"),
    ("Three children were killed when unexploded ordnance detonated in a field near Hama.", "Three"),
    ("Twelve people died after a boat carrying migrants capsized off Lebanon.", "Twelve"),
    # one accident or collapse (no war toll at all)
    ("A traffic accident on the Damascus-Homs highway killed 9 people.", "9"),
    ("At least 8 people died in a building collapse in Aleppo.", "8"),
])
def test_one_event_with_its_place_or_cause_is_an_incident(sentence, token):
    a, b = _at(sentence, token)
    assert E.incident(sentence, a, b)
    assert extract_claims(sentence, "2025-10-15").empty


@pytest.mark.parametrize("sentence,value", [
    # tolls of an episode or a period: claims whatever their size
    ("SOHR said 1,500 people had been killed in the coastal violence since March 6.", 1500.0),
    ("Fighting between Druze militias and Bedouin tribes has killed more than 1,100 people in Sweida, "
     "the monitor said.", 1100.0),
    ("The UN said 224 civilians were killed in the first week of March across the coast.", 224.0),
    # plural strikes over months: a campaign, not the one-thing-that-hit rule
    ("Israeli strikes on Syria have killed 62 soldiers since December, the monitor said.", 62.0),
])
def test_episode_tolls_stay_claims(sentence, value):
    df = extract_claims(sentence, "2025-10-15")
    assert value in set(df.value)


@pytest.mark.parametrize("sentence,incident_dead,toll", [
    # the strike's dead are one incident's; the number they bring the campaign's toll to is a toll
    ("A strike on a car killed 2 people, bringing the number of people killed in the Israeli campaign "
     "this month to 45.", 2.0, 45.0),
])
def test_a_toll_an_incident_brings_up_is_a_toll(sentence, incident_dead, toll):
    values = set(extract_claims(sentence, "2025-10-15").value)
    assert toll in values and incident_dead not in values


def test_a_days_toll_an_incident_brings_up_stays_an_incident():
    s = "A second strike killed 3, bringing the toll of the attacks on Sunday to 20."
    a, b = _at(s, "20")
    assert E.incident(s, a, b)  # one day's dead ("on Sunday"): not a claim by the convention
