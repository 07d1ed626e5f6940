"""Running totals judged against the totals that bound them (claims/bounds.py):
COMPARATOR_RULES['running_bracket'] (a total between two totals of one series) and
['host_bounds'] (returns for part of the hosts are a floor of the worldwide total, the
worldwide total a ceiling of a part)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.sources import load_estimates, load_sources, with_sources

sys.path.insert(0, str(Path(__file__).parent))
from claims_testkit import CLAIM_COLS  # noqa: E402


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _returns(cid: str, as_of: str, value: float, comparator: str = "about",
             host: str | None = None, origin_date: str | None = None) -> dict:
    row = {"claim_id": cid, "origin": "Test outlet", "origin_date": origin_date or as_of,
           "origin_url": "https://example.org/a", "text": cid, "measure": "refugee_returns",
           "as_of": as_of, "value": value, "comparator": comparator, "notes": "",
           "period_start": "2024-12-08", "period_type": "cumulative", "host": host}
    return {**{c: None for c in CLAIM_COLS}, **row}


def _judge(rows: list[dict], est: pd.DataFrame, known: str = "now") -> pd.DataFrame:
    return C.check(pd.DataFrame(rows, columns=CLAIM_COLS), est, known=known).set_index("claim_id")


def _without_returns_between(est: pd.DataFrame, first: str, last: str, host: str) -> pd.DataFrame:
    """The registry without *host*'s refugee-return totals dated *first* to *last*: the rules
    below matter where no total of the claim's own host lies near its date (the registry has
    since gained totals close to these dates, which judge the claims directly)."""
    end = pd.to_datetime(est["period_end"])
    near = (est["measure"] == "refugee_returns") & (est["host"] == host) & (end >= first) \
        & (end <= last)
    return est[~near]


def test_the_rules_are_documented() -> None:
    assert {"running_bracket", "host_bounds"} <= set(C.COMPARATOR_RULES)


def test_a_worldwide_total_below_the_regional_one_is_understated(est) -> None:
    # UNHCR: about 400,000 returns from the five neighbouring hosts by 12 April 2025; a
    # worldwide claim of 300,000 on 1 May is too low (before the rule: not_checkable, the
    # worldwide totals being earlier and covering too little of the period)
    # (without the worldwide totals of February to July the 2025 data added, which the
    # claim is otherwise pooled with)
    est = _without_returns_between(est, "2025-02-01", "2025-07-31", "WORLD")
    r = _judge([_returns("w", "2025-05-01", 300_000)], est).loc["w"]
    assert r["verdict"] == "below_all"
    assert "rule: host_bounds" in r["explanation"]
    assert "host: WORLD bounded by totals for REGION" in r["widened"]
    assert "unhcr-refugee-returns-2025-04-12" in r["estimate_ids"]


def test_a_part_is_only_a_floor_and_the_whole_only_a_ceiling() -> None:
    from syriastats.claims import bounds
    assert bounds.ceiling_hosts("WORLD") == frozenset()  # nothing bounds the world from above
    assert bounds.floor_hosts("WORLD") is None  # every other host is a part of it
    assert bounds.ceiling_hosts("REGION") == {"WORLD"}
    assert bounds.floor_hosts("REGION") == {"TUR", "LBN", "JOR", "IRQ", "EGY"}
    assert bounds.ceiling_hosts("TUR") == {"REGION", "WORLD"}
    assert bounds.ceiling_hosts("DEU") == {"WORLD"}
    assert bounds.floor_hosts("TUR") == frozenset()


def test_a_worldwide_total_between_a_regional_floor_and_a_worldwide_ceiling(est) -> None:
    # at least 750,000 from the region by 14 August 2025, about a million worldwide by 24
    # September: 900,000 worldwide on 1 September lies between (before: not_checkable)
    est = _without_returns_between(est, "2025-07-01", "2025-09-23", "WORLD")
    r = _judge([_returns("w3", "2025-09-01", 900_000)], est).loc["w3"]
    assert r["verdict"] == "consistent"
    assert "rule: host_bounds" in r["explanation"]
    assert "REGION" in r["widened"]


def test_a_regional_total_above_the_worldwide_one_is_overstated(est) -> None:
    # UNHCR: about 1 million worldwide by 24 September 2025 is a ceiling for the returns
    # from the region on 20 September (before the rule: not_checkable)
    r = _judge([_returns("reg", "2025-09-20", 1_500_000, host="REGION")], est).loc["reg"]
    assert r["verdict"] == "above_all"
    assert "rule: host_bounds" in r["explanation"]
    assert "host: REGION bounded by totals for WORLD" in r["widened"]


def test_a_running_total_between_two_totals_of_its_series_is_consistent(est) -> None:
    # Turkey's interior ministry: 1,847 returns by 14 December 2024, 509,387 by 29 September
    # 2025; 'over 273,000' in June 2025 lies between (gold g323; before: not_checkable)
    est = _without_returns_between(est, "2025-01-01", "2025-09-28", "TUR")
    r = _judge([_returns("tur", "2025-06-19", 273_000, "at_least", host="TUR")], est).loc["tur"]
    assert r["verdict"] == "consistent"
    assert "rule: running_bracket" in r["explanation"]
    assert "turkey-moi-returns-2025-09-29" in r["estimate_ids"]


def test_as_known_then_a_later_total_never_makes_a_running_total_consistent(est) -> None:
    # the upper total (29 September 2025) was published after the claim (19 June 2025)
    r = _judge([_returns("tur", "2025-06-19", 273_000, "at_least", host="TUR")], est,
               "then").loc["tur"]
    assert r["verdict"] != "consistent"


def test_a_claim_above_the_later_total_of_its_series_is_overstated(est) -> None:
    r = _judge([_returns("tur2", "2025-06-19", 600_000, "at_least", host="TUR")], est).loc["tur2"]
    assert r["verdict"] == "above_all"
    assert "running_bracket" in r["explanation"]


def test_death_tolls_are_not_bracketed(est) -> None:
    # a documented count of deaths is a floor of the truth, never a ceiling: a toll above
    # SOHR's later documented count is not overstated by this rule
    row = {**{c: None for c in CLAIM_COLS}, "claim_id": "d", "origin": "T",
           "origin_date": "2016-08-01", "origin_url": "https://example.org/a", "text": "d",
           "measure": "deaths_total", "as_of": "2016-08-01", "value": 450_000,
           "comparator": "about", "notes": ""}
    r = _judge([row], est).loc["d"]
    assert "running_bracket" not in r["explanation"]


def test_a_total_from_a_later_start_is_no_ceiling(est) -> None:
    # UNHCR's Lebanon returns counted from 1 January 2025 (about 210,000 by 2 September)
    # leave out December 2024: no ceiling of a total since 8 December (review of session 6)
    r = _judge([_returns("lbn", "2025-08-25", 240_000, host="LBN")], est).loc["lbn"]
    assert r["verdict"] != "above_all"
    assert "2025-09-02-lbn-since-jan" not in str(r["estimate_ids"])


def test_another_publishers_total_does_not_overturn_the_pooled_verdict(est) -> None:
    # Turkey's interior ministry (about 578,000 by 8 December 2025) and UNHCR (more than
    # 440,000 from Turkey by 7 January 2026) count differently: 450,000 is not 'understated'
    # because the ministry's series is higher (review of session 6)
    r = _judge([_returns("tur3", "2026-02-01", 450_000, host="TUR")], est).loc["tur3"]
    assert r["verdict"] != "below_all"


# COMPARATOR_RULES['own_floor']: a series pooled with the claim had itself counted more by
# the claim's date (before the rule each of these was consistent, pooled with older counts)

@pytest.mark.parametrize("known, floor_id", [
    ("now", "unhcr-refugee-returns-2026-01-07-jor"),    # 178,000 by 7 January 2026
    ("then", "unhcr-refugee-returns-2025-11-30-jor"),   # 177,099 by 30 November, published 30 Dec
])
def test_a_pooled_total_below_its_own_series_floor_is_understated(est, known, floor_id) -> None:
    # about 165,000 returns from Jordan on 9 January 2026 (at most 173,250): UNHCR had
    # counted more than that by then; pooled with the ministry's "more than 150,000" of
    # September 2025 it looked consistent
    r = _judge([_returns("jor", "2026-01-09", 165_000, host="JOR")], est, known).loc["jor"]
    assert r["verdict"] == "below_all"
    assert "rule: own_floor" in r["explanation"]
    assert r["estimate_ids"] == floor_id
    assert floor_id in r["explanation"].split("overruled")[0]  # names the overruling figure
    assert "without it the verdict would be consistent" in r["explanation"]


@pytest.mark.parametrize("known", ["now", "then"])
def test_a_newer_floor_of_a_pooled_series_overrules_older_counts(est, known) -> None:
    # about 575,000 returned worldwide by 22 August 2025: UNHCR's about 550,000 of 31 May
    # agrees, but OCHA's about 700,000 of 15 July (pooled too, published 28 July) is a floor
    # counted later than it
    r = _judge([_returns("w", "2025-08-22", 575_000)], est, known).loc["w"]
    assert r["verdict"] == "below_all"
    assert "rule: own_floor" in r["explanation"]
    assert r["estimate_ids"] == "ocha-refugee-returns-2025-07-15"
    assert "unhcr-refugee-returns-2025-05-31" in r["explanation"]  # the older count named


def test_a_repeated_figure_its_own_publisher_had_passed_is_understated(est) -> None:
    # about 360,000 returns from Lebanon on 9 January 2026 repeats UNHCR's 362,027 of
    # November 2025; UNHCR's own total to 7 January 2026 was 437,586 (published in January):
    # as known now it is understated; as known then it was UNHCR's latest figure
    now = _judge([_returns("lbn", "2026-01-09", 360_000, host="LBN")], est).loc["lbn"]
    assert now["verdict"] == "below_all"
    assert "rule: own_floor" in now["explanation"]
    assert now["estimate_ids"] == "unhcr-refugee-returns-2026-01-07-lbn"
    assert "unhcr-refugee-returns-2025-11-lbn" in now["explanation"]
    then = _judge([_returns("lbn", "2026-01-09", 360_000, host="LBN")], est, "then").loc["lbn"]
    assert then["verdict"] == "consistent"
    assert "own_floor" not in then["explanation"]


@pytest.mark.parametrize("known", ["now", "then"])
@pytest.mark.parametrize("as_of, value", [("2026-02-01", 450_000), ("2026-02-06", 470_000)])
def test_an_older_floor_of_another_publisher_keeps_the_pooled_verdict(est, known, as_of,
                                                                        value) -> None:
    # the claim agrees with UNHCR's "more than 440,000" from Turkey by 7 January 2026; the
    # ministry's about 578,000 by 8 December 2025 is an older count of another publisher
    r = _judge([_returns("tur", as_of, value, host="TUR")], est, known).loc["tur"]
    assert r["verdict"] == "consistent"
    assert "own_floor" not in r["explanation"]


def test_the_own_floor_rule_is_documented() -> None:
    assert "own_floor" in C.COMPARATOR_RULES
    assert "another publisher" in C.COMPARATOR_RULES["own_floor"]


@pytest.mark.parametrize("known", ["now", "then"])
def test_a_bound_from_a_later_start_is_named_as_a_widened_period(est, known) -> None:
    # UNHCR's about 200,000 returns from Lebanon since 1 January 2025 (to 2 September) is a
    # floor of the returns since 8 December 2024: 150,000 on 10 September is understated,
    # and the verdict says it took a total from another start
    r = _judge([_returns("lbn", "2025-09-10", 150_000, host="LBN")], est, known).loc["lbn"]
    assert r["verdict"] == "below_all"
    assert r["estimate_ids"] == "unhcr-refugee-returns-2025-09-02-lbn-since-jan"
    assert "period: bounded by totals counted from 2025-01-01" in r["widened"]
    assert "Widened: period: bounded by totals counted from 2025-01-01" in r["explanation"]
