"""Verdict rules of session 21 (H21v), each an entry of COMPARATOR_RULES: earlier_only (a
running total from a later start is bounded by earlier totals only from below),
registered_in_host (UNHCR's refugee statistics in a neighbouring host are its
registrations), host_government (a host government's count of all Syrians makes a higher
refugee count contested, not overstated), floor_rounding ('more than six million' against
5.95 million), loose_decade ('a decade' of war eleven and a half years on) and
publisher_scope (an opposition database's toll is not judged against all deaths)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats import check_text
from syriastats import claims as C
from syriastats.sources import load_estimates, load_sources, with_sources

sys.path.insert(0, str(Path(__file__).parent))
from claims_testkit import CLAIM_COLS, claim_row  # noqa: E402


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _check(rows: list[dict], est: pd.DataFrame, known: str = "now") -> pd.DataFrame:
    return C.check(pd.DataFrame(rows, columns=CLAIM_COLS), est, known=known).set_index("claim_id")


def _text(text: str, published: str, known: str = "now", est: pd.DataFrame | None = None
          ) -> pd.DataFrame:
    return check_text(text, published=published, known=known, estimates=est)


def test_rules_are_listed() -> None:
    for rule in ("earlier_only", "registered_in_host", "host_government", "floor_rounding",
                 "loose_decade", "publisher_scope"):
        assert rule in C.COMPARATOR_RULES


# --- earlier_only -----------------------------------------------------------------------

@pytest.mark.parametrize("known", ["now", "then"])
def test_returns_above_the_newest_earlier_total_are_not_overstated(est: pd.DataFrame,
                                                                   known: str) -> None:
    # the newest worldwide total of the registry is UNHCR's 1.4 million to 27 January 2026;
    # nothing is counted after it, so more than 1.48 million nine days later cannot be shown too high
    # (it was overstated: the 90 % coverage rule let the earlier total bound it from above);
    # it is below the pace bound of H21x (1.4 million + 3 x 1.4 million / 415 days x 9 days,
    # about 1.49 million), above which a claim is still overstated
    r = _text("More than 1.48 million refugees have returned to Syria since the fall of Assad.",
              "2026-02-05", known, est)
    assert len(r) == 1
    assert r.loc[0, "verdict_class"] == "not_checkable"
    assert "earlier_only" in r.loc[0, "explanation"]


def test_a_later_total_still_shows_returns_too_high(est: pd.DataFrame) -> None:
    # UNHCR's 1 million returns to 24 September 2025 bound a claim of 20 September from above
    r = _text("More than 1.3 million refugees have returned to Syria since the fall of Assad.",
              "2025-09-20", "now", est)
    assert r.loc[0, "verdict_class"] == "overstated"


def test_a_whole_war_toll_keeps_the_coverage_rule(est: pd.DataFrame) -> None:
    # a toll since 2011 is not a running total from a later start: an earlier total over
    # 90 % of its period may still show it too high (the rule is limited to later starts)
    row = claim_row(claim_id="w", origin="t", origin_date="2016-08-01", text="w",
                    measure="deaths_total", as_of="2016-08-01", value=2_000_000,
                    comparator="at_least")
    r = _check([row], est, "then")
    assert r.loc["w", "verdict_class"] == "overstated"


# --- registered_in_host -----------------------------------------------------------------

def test_registered_refugees_in_jordan_use_unhcrs_statistics_as_own_scope(
        est: pd.DataFrame) -> None:
    # UNHCR's end-2019 and end-2020 statistics for Jordan (about 655,000-662,000) are its
    # registrations: the claim was broader_scope_only (misscoped) before
    row = claim_row(claim_id="j", origin="t", origin_date="2020-06-20", text="j",
                    measure="refugees_registered", as_of="2020-06-20", value=660_000,
                    comparator="about", host="JOR")
    r = _check([row], est)
    assert r.loc["j", "verdict"] == "consistent"
    assert "registered_in_host" in r.loc["j", "explanation"]


def test_registered_refugees_text_in_jordan(est: pd.DataFrame) -> None:
    r = _text("Jordan hosts about 620,000 registered Syrian refugees.", "2024-06-20", "now", est)
    assert r.loc[0, "verdict_class"] == "consistent"


def test_registered_in_host_is_only_for_the_five_hosts(est: pd.DataFrame) -> None:
    # in Germany UNHCR's statistics are not registrations: still a broader scope
    row = claim_row(claim_id="d", origin="t", origin_date="2020-06-20", text="d",
                    measure="refugees_registered", as_of="2020-06-20", value=600_000,
                    comparator="about", host="DEU")
    r = _check([row], est)
    assert "registered_in_host" not in str(r.loc["d", "explanation"])


# --- host_government --------------------------------------------------------------------

@pytest.fixture(scope="module")
def no_gov(est: pd.DataFrame) -> pd.DataFrame:
    """The registry without its host-government counts (measure syrians_in_host, release
    3.1.0): the fixtures below add their own, so each test controls which exist."""
    return est[(est["measure"] != "syrians_in_host").to_numpy(bool)]


def _with_government(est: pd.DataFrame, host: str, value: float, end: str) -> pd.DataFrame:
    """*est* with one host-government count of all Syrians in *host* (a fixture row of the
    measure H21a adds; the number is the test's, not a sourced figure)."""
    base = est[(est["measure"] == "refugees") & (est["host"] == host)].iloc[[0]].copy()
    base["estimate_id"] = f"fixture-gov-{host.lower()}"
    base["source_id"] = "fixture-gov"
    base["measure"] = "syrians_in_host"
    base["publisher"] = f"Government of {host} (fixture)"
    base["method"] = "official_statement"
    base["qualifier"] = "approximately"
    base["central"] = value
    base["low"] = base["high"] = float("nan")
    base["period_start"] = base["period_end"] = pd.Timestamp(end)
    base["published"] = pd.Timestamp(end)
    return pd.concat([est, base], ignore_index=True)


def test_lebanon_one_and_a_half_million_is_contested_with_a_government_count(
        no_gov: pd.DataFrame) -> None:
    gov = _with_government(no_gov, "LBN", 1_500_000, "2016-03-31")
    row = claim_row(claim_id="l", origin="t", origin_date="2016-05-01", text="l",
                    measure="refugees", as_of="2016-05-01", value=1_500_000,
                    comparator="about", host="LBN")
    without = _check([row], no_gov)
    assert without.loc["l", "verdict_class"] == "overstated"  # UNHCR: about 1.0-1.06 million
    r = _check([row], gov)
    assert r.loc["l", "verdict"] == "contested"
    assert "host_government" in r.loc["l", "explanation"]
    assert "fixture-gov-lbn" in r.loc["l", "estimate_ids"]


def test_above_the_government_count_too_stays_overstated(no_gov: pd.DataFrame) -> None:
    gov = _with_government(no_gov, "LBN", 1_500_000, "2016-03-31")
    row = claim_row(claim_id="l", origin="t", origin_date="2016-05-01", text="l",
                    measure="refugees", as_of="2016-05-01", value=3_000_000,
                    comparator="about", host="LBN")
    assert _check([row], gov).loc["l", "verdict_class"] == "overstated"


def test_authorities_number_is_contested_at_most_without_a_government_figure(
        no_gov: pd.DataFrame) -> None:
    said = _text("Lebanese authorities say Lebanon hosts two million Syrian refugees.",
                 "2019-05-01", "now", no_gov)
    assert said.loc[0, "verdict_class"] == "contested"
    assert "host_government" in said.loc[0, "explanation"]
    plain = _text("Lebanon hosts two million Syrian refugees.", "2019-05-01", "now", no_gov)
    assert plain.loc[0, "verdict_class"] == "overstated"


# --- floor_rounding ---------------------------------------------------------------------

def test_more_than_six_million_against_five_point_nine_five(no_gov: pd.DataFrame) -> None:
    # UNHCR's end-2024 figure, 10 days before the claim, is 5,952,174: 'more than six
    # million' to 1 % rounding (contested before: the mid-2025 5.5 million pulls the median)
    row = claim_row(claim_id="r", origin="t", origin_date="2025-01-10", text="r",
                    measure="refugees", as_of="2025-01-10", value=6_000_000,
                    comparator="at_least", host="WORLD")
    r = _check([row], no_gov)
    assert r.loc["r", "verdict"] == "consistent"
    assert "floor_rounding" in r.loc["r", "explanation"]


def test_more_than_a_number_beyond_rounding_stays_contested(est: pd.DataFrame) -> None:
    row = claim_row(claim_id="r", origin="t", origin_date="2025-01-10", text="r",
                    measure="refugees", as_of="2025-01-10", value=6_100_000,
                    comparator="at_least", host="WORLD")
    assert _check([row], est).loc["r", "verdict"] != "consistent"


# --- loose_decade -----------------------------------------------------------------------

def test_a_decade_of_war_eleven_and_a_half_years_on(est: pd.DataFrame) -> None:
    r = _text("A decade of war has devastated Syria.", "2022-09-15", "now", est)
    assert r.loc[0, "verdict_class"] == "consistent"
    assert "loose_decade" in r.loc[0, "explanation"]


def test_a_decade_thirteen_years_on_is_still_understated(est: pd.DataFrame) -> None:
    r = _text("A decade of war has devastated Syria.", "2024-06-15", "now", est)
    assert r.loc[0, "verdict_class"] == "understated"


def test_ten_years_is_not_loose(est: pd.DataFrame) -> None:
    r = _text("Ten years of war have devastated Syria.", "2022-09-15", "now", est)
    assert r.loc[0, "verdict_class"] == "understated"


# --- publisher_scope --------------------------------------------------------------------

@pytest.mark.parametrize("text,published", [
    ("According to the Syrian Martyrs database, 100,000 people have been killed.", "2013-08-01"),
    ("The Local Coordination Committees say more than 20,000 people have been killed.",
     "2012-08-01"),
])
def test_opposition_databases_are_not_judged_against_all_deaths(est: pd.DataFrame, text: str,
                                                                published: str) -> None:
    r = _text(text, published, "now", est)
    assert len(r) == 1
    assert r.loc[0, "verdict_class"] == "not_checkable"
    assert "publisher_scope" in r.loc[0, "explanation"]


def test_publisher_scope_is_a_table() -> None:
    from syriastats.claims.scope_rules import OTHER_SCOPE_PATTERNS, OTHER_SCOPE_PUBLISHERS

    for who, (counts, measures) in OTHER_SCOPE_PUBLISHERS.items():
        assert counts and "deaths_total" in measures
        assert who in OTHER_SCOPE_PATTERNS  # its own figures can be found when held


def test_the_government_in_the_clause_of_a_jordan_count(est: pd.DataFrame) -> None:
    # 'the government puts the figure at' names the host's authorities in the clause of
    # the 1.3 million; the UN's 650,000 in the other clause keeps its attribution
    r = _text("The UN says Jordan currently houses some 650,000 Syrian refugees, while the "
              "government puts the figure at around 1.3 million people.", "2017-10-10", "now",
              est)
    by = dict(zip(r["value"], zip(r["attribution"], r["verdict_class"])))
    assert by[1_300_000] == ("host government", "contested")
    assert by[650_000] == ("UN", "consistent")


def test_idps_in_last_resort_sites_are_a_part(est: pd.DataFrame) -> None:
    r = _text("In 2023, 15.3 million people will require humanitarian assistance, including "
              "2.1 million IDPs living in last-resort IDP sites.", "2022-12-22", "now", est)
    by = dict(zip(r["value"], r["verdict_class"]))
    assert by[2_100_000] == "not_checkable"
    assert by[15_300_000] == "consistent"


def test_government_counts_on_either_side_bracket_the_date(no_gov: pd.DataFrame) -> None:
    # no government count within a year of the claim, one 19 months before and one 17 months
    # after (both within five years): the count on its date lies between them
    gov = _with_government(_with_government(no_gov, "LBN", 1_500_000, "2014-10-01"),
                           "LBN", 1_500_000, "2017-10-31")
    gov.loc[gov.index[-1], "estimate_id"] = "fixture-gov-lbn-2"
    row = claim_row(claim_id="l", origin="t", origin_date="2016-05-01", text="l",
                    measure="refugees", as_of="2016-05-01", value=1_500_000,
                    comparator="about", host="LBN")
    assert _check([row], gov).loc["l", "verdict"] == "contested"
    # one count on one side only, and a newer one exists beyond five years: no bracket
    far = _with_government(_with_government(no_gov, "LBN", 1_500_000, "2014-10-01"),
                           "LBN", 1_500_000, "2022-10-31")
    far.loc[far.index[-1], "estimate_id"] = "fixture-gov-lbn-2"
    assert _check([row], far).loc["l", "verdict_class"] == "overstated"
    # the latest count there is (within five years, none newer) still stands (session 8)
    one = _with_government(no_gov, "LBN", 1_500_000, "2014-10-01")
    assert _check([row], one).loc["l", "verdict"] == "contested"


def test_floor_rounding_is_for_round_numbers_only(est: pd.DataFrame) -> None:
    # 'more than 5,043,000' is not a rounded number: UNHCR's 5.02 million (23 March 2017)
    # does not make it true by rounding (the median rule's contested stands)
    row = claim_row(claim_id="p", origin="t", origin_date="2017-05-15", text="p",
                    measure="refugees_registered", as_of="2017-05-15", value=5_043_000,
                    comparator="at_least")
    assert _check([row], est, "then").loc["p", "verdict"] == "contested"


def test_the_registrys_own_government_counts(est: pd.DataFrame) -> None:
    # release 3.1.0: Jordan's 2015 census (1,265,000 Syrians) is in the registry; UNHCR
    # registered about 0.64 million Syrians in Jordan at the time
    jor = _text("Jordan hosts 1.3 million Syrian refugees.", "2016-03-01", "now", est)
    assert jor.loc[0, "verdict"] == "contested"
    assert "jor-census-2015-syrians" in jor.loc[0, "explanation"]
