"""The attribution rule (claims.COMPARATOR_RULES['attributed']): a claim attributed to a
publisher that repeats that publisher's own figure is consistent (an accurate quote);
attributed to another publisher, unattributed or misquoted, it keeps the other rules' verdict.

Figures used (data/estimates.csv): ohchr-2013-06, the UN's (OHCHR/HRDAG) documented count
of 92,901 deaths to 2013-04-30, published 2013-06-13; by mid-2013 SOHR (100,191) and the UN
(more than 100,000) were higher, so 'about 93,000' attributed to SOHR is understated; an
unattributed 'about 93,000' repeats the UN's latest figure (COMPARATOR_RULES
['unattributed_match']) and is consistent.
unhcr-displaced-share-2014-08-29: UNHCR's 'almost half' (0.5, approximately)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from syriastats import claims
from syriastats.sources import load_estimates, load_sources, with_sources
from syriastats.textclaims import check_text
from syriastats.textclaims.vocabulary import ATTRIBUTIONS


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _claim(attribution: str | None, value: float = 93000, comparator: str = "about",
           measure: str = "deaths_total", origin_date: str = "2013-07-01") -> pd.DataFrame:
    row = {"claim_id": "c1", "origin": "test", "origin_date": origin_date, "origin_url": "",
           "text": "t", "measure": measure, "as_of": origin_date, "value": value,
           "comparator": comparator, "notes": ""}
    if attribution is not None:
        row["attribution"] = attribution
    return pd.DataFrame([row])


@pytest.mark.parametrize("known", ["then", "now"])
def test_accurate_quote_of_the_attributed_publisher_is_consistent(est, known):
    r = claims.check(_claim("UN"), est, known=known).iloc[0]
    assert r["verdict"] == "consistent"
    assert "Accurately reports UN's own figure" in r["explanation"]
    assert "[ohchr-2013-06]" in r["explanation"]  # names the quoted figure
    # ... and what the others say, with the verdict they would give
    assert "every other comparable source is higher" in r["explanation"]
    assert "SOHR" in r["explanation"]


@pytest.mark.parametrize("attribution", ["SOHR", "SNHR"])
def test_other_attribution_keeps_the_old_verdict(est, attribution):
    r = claims.check(_claim(attribution), est, known="now").iloc[0]
    assert r["verdict"] == "below_all"
    assert "Accurately reports" not in r["explanation"]


@pytest.mark.parametrize("attribution", [None, ""])
@pytest.mark.parametrize("known", ["then", "now"])
def test_unattributed_number_equal_to_a_published_figure_is_consistent(est, attribution, known):
    r = claims.check(_claim(attribution), est, known=known).iloc[0]
    assert r["verdict"] == "consistent"
    assert "unattributed_match" in r["explanation"]
    assert "[ohchr-2013-06]" in r["explanation"]  # names the figure it repeats
    assert "without the match the verdict would be below_all" in r["explanation"]


@pytest.mark.parametrize("value", [90000, 96000])
def test_unattributed_match_needs_the_same_number_to_its_rounding(est, value):
    # 92,901 is 3 % from both: an 'about 5 %' match, but not the same number
    r = claims.check(_claim(None, value=value), est, known="now").iloc[0]
    assert "unattributed_match" not in r["explanation"]
    if value == 96000:  # 96,000 +5 % reaches SOHR's documented 100,191 of 26 June 2013
        assert r["verdict"] == "consistent" and "monitor_floor" in r["explanation"]
    else:  # 90,000 +5 % = 94,500: below SOHR's count, above only OHCHR's older 92,901
        assert r["verdict"] in ("below_all", "contested")


def test_unattributed_match_ignores_floors(est):
    r = claims.check(_claim(None, value=92901, comparator="at_most"), est, known="now").iloc[0]
    assert "unattributed_match" not in r["explanation"]


def test_unattributed_match_ignores_a_publishers_stale_figure(est):
    # UNHCR's 'more than 4.01 million' (July 2015) was out of date by March 2016, when
    # UNHCR counted 4.7-4.8 million: a plain 'about 4 million' then is understated
    c = _claim(None, value=4_000_000, measure="refugees_registered", origin_date="2016-03-25")
    r = claims.check(c, est, known="now").iloc[0]
    assert r["verdict"] == "below_all"
    assert "unattributed_match" not in r["explanation"]


@pytest.mark.parametrize("value", [85000, 87000])
def test_a_misquote_is_not_consistent(est, value):
    # the UN said about 80,000 (un-2013-05), 92,901, then more than 100,000; never 85,000-87,000
    r = claims.check(_claim("UN", value=value), est, known="now").iloc[0]
    assert r["verdict"] != "consistent"
    assert "Accurately reports" not in r["explanation"]


def test_a_quote_cannot_repeat_a_figure_published_after_it(est):
    # published 2013-06-01, before the UN's 92,901 came out (2013-06-13): no quote of it
    r = claims.check(_claim("UN", origin_date="2013-06-01"), est, known="now").iloc[0]
    assert "Accurately reports" not in r["explanation"]


def test_more_than_is_not_a_quote_of_about(est):
    # "more than half", attributed to UNHCR, who said "almost half": not an accurate quote
    c = _claim("UNHCR", value=0.5, comparator="at_least", measure="displaced_share",
               origin_date="2014-08-29")
    r = claims.check(c, est, known="then").iloc[0]
    assert "Accurately reports" not in r["explanation"]


def test_check_text_passes_the_attribution():
    said = check_text("The UN says 93,000 people have been killed in the war.",
                      published="2013-07-01", known="now")
    plain = check_text("Some 93,000 people have been killed in the war.",
                       published="2013-07-01", known="now")
    sohr = check_text("According to SOHR, 93,000 people have been killed in the war.",
                      published="2013-07-01", known="now")
    assert list(said["attribution"]) == ["UN"] and list(sohr["attribution"]) == ["SOHR"]
    assert list(said["verdict_class"]) == ["consistent"]
    assert list(plain["verdict_class"]) == ["consistent"]  # the UN's latest number
    assert "unattributed_match" in plain["explanation"].iloc[0]
    assert list(sohr["verdict_class"]) == ["understated"]  # SOHR never said 93,000


def test_every_attribution_name_has_a_publisher_pattern():
    names = {a for _, a in ATTRIBUTIONS}
    assert names <= set(claims.ATTRIBUTION_PUBLISHERS)
    for pat in claims.ATTRIBUTION_PUBLISHERS.values():
        re.compile(pat)


def test_an_empty_attribution_column_changes_nothing(est):
    from syriastats.sources import load_claims

    cl = load_claims()
    a = claims.check(cl, est, known="then")
    b = claims.check(cl.assign(attribution=""), est, known="then")
    pd.testing.assert_frame_equal(a, b)


def test_the_rule_is_documented():
    rule = claims.COMPARATOR_RULES["attributed"]
    assert "consistent" in rule and "published on or before" in rule
    rule = claims.COMPARATOR_RULES["unattributed_match"]
    assert "1 %" in rule and "latest figure" in rule


def test_claims_files_may_name_the_attribution_from_the_declared_vocabulary(tmp_path, capsys):
    """The claims resource declares ``attribution`` with exactly the names the checker
    recognises; a hand-written claims file with that column is read and judged, and an
    unknown name is refused with file, row and column."""
    import json

    from syriastats.claims import ATTRIBUTION_PUBLISHERS
    from syriastats.cli import main as cli_main
    from syriastats.paths import DEFAULT_DATA_DIR

    d = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in d["resources"] if r["name"] == "claims")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "attribution")
    assert field["constraints"]["enum"] == list(ATTRIBUTION_PUBLISHERS)
    head = "claim_id,origin,origin_date,origin_url,text,measure,as_of,value,comparator,notes,attribution\n"
    good = tmp_path / "good.csv"
    good.write_text(head + "u1,T,2013-07-25,https://example.org/a,UN says 93000,deaths_total,"
                    "2013-07-25,93000,about,,UN\n", encoding="utf-8")
    assert cli_main(["check", str(good), "--as-known-then", "--format", "csv"]) == 0
    assert "Accurately reports UN's own figure" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(head + "u1,T,2013-07-25,https://example.org/a,X says 93000,deaths_total,"
                   "2013-07-25,93000,about,,Nobody\n", encoding="utf-8")
    assert cli_main(["check", str(bad), "--format", "csv"]) != 0
    err = capsys.readouterr().err
    assert "bad.csv" in err and "attribution" in err and "Traceback" not in err
