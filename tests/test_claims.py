"""Tests of the claims checker on hand-made registries whose right answer is obvious.

Numbers are chosen so that every verdict follows from the published brackets alone,
whatever reasonable reading the uncertainty engine gives them; where an interval end
matters it is derived analytically in the test (log-normal quantiles), not copied from
the code.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from scipy import special

from syriastats import claims as C
from syriastats.paths import DEFAULT_DATA_DIR

EST_COLS = ["estimate_id", "source_id", "publisher", "measure", "scope", "method",
            "period_start", "period_end", "low", "central", "high", "qualifier",
            "range_type", "range_level", "margin", "published"]
CLAIM_COLS = ["claim_id", "origin", "origin_date", "origin_url", "text", "measure", "as_of",
              "value", "comparator", "notes"]


def est(eid: str, *, measure: str = "deaths_total", central=None, low=None, high=None,
        method: str = "statistical_estimate", qualifier: str = "exact",
        range_type: str | None = None, margin=None, start: str = "2011-03-15",
        end: str = "2016-06-30", published: str = "2016-07-01", publisher: str | None = None,
        scope: str = "violent deaths, civilians and fighters", **extra) -> dict:
    if range_type is None:
        range_type = "bracket" if low is not None else ("margin" if margin is not None else "none")
    return {"estimate_id": eid, "source_id": f"src-{eid}", "publisher": publisher or f"Pub {eid}",
            "measure": measure, "scope": scope, "method": method, "period_start": start,
            "period_end": end, "low": low, "central": central, "high": high,
            "qualifier": qualifier, "range_type": range_type, "range_level": None,
            "margin": margin, "published": published, **extra}


def claim(cid: str, value: float, comparator: str = "about", *, measure: str = "deaths_total",
          as_of: str = "2016-08-01", origin_date: str | None = None) -> dict:
    return {"claim_id": cid, "origin": "Test outlet", "origin_date": origin_date or as_of,
            "origin_url": "https://example.org/a", "text": f"claim {cid}", "measure": measure,
            "as_of": as_of, "value": value, "comparator": comparator, "notes": ""}


def _cols(rows: list[dict], base: list[str]) -> list[str]:
    """The base columns plus any extra ones the rows carry (dimension columns)."""
    return base + sorted({k for r in rows for k in r} - set(base))


def run(claim_rows: list[dict], est_rows: list[dict], **kw) -> pd.DataFrame:
    return C.check(pd.DataFrame(claim_rows, columns=_cols(claim_rows, CLAIM_COLS)),
                   pd.DataFrame(est_rows, columns=_cols(est_rows, EST_COLS)), **kw)


def verdict(claim_rows, est_rows, **kw) -> str:
    out = run(claim_rows, est_rows, **kw)
    assert len(out) == 1
    return out["verdict"].iloc[0]


# Two statistical estimates of violent deaths: 90 % brackets 90k-110k and 95k-115k.
NARROW = [est("a", low=90_000, central=100_000, high=110_000),
          est("b", low=95_000, central=105_000, high=115_000)]
# A broader total (violent plus indirect deaths).
BROAD = [est("s", low=450_000, central=470_000, high=490_000,
             scope="all deaths, direct (violence) plus indirect (lack of health care, food)",
             death_scope="violent_and_indirect")]


# --------------------------------------------------------------------------- vocabulary


def test_vocabulary_documented():
    for code in ("consistent", "above_all", "below_all", "broader_scope_only", "not_checkable"):
        assert code in C.VERDICTS and len(C.VERDICTS[code]) > 20
    for comp in ("about", "at_least", "at_most", "share_about", "share_at_least",
                 "share_at_most", "highest_since"):
        assert comp in C.COMPARATOR_RULES


# --------------------------------------------------------------------------- each verdict


@pytest.mark.parametrize("value,comparator,expected", [
    (100_000, "about", "consistent"),
    (1_000_000, "about", "above_all"),
    (10_000, "about", "below_all"),
    (105_000, "at_most", "consistent"),
    (1_000_000, "at_most", "above_all"),
    (20_000, "at_most", "below_all"),      # ceiling below every source: truth is above it
    (100_000, "at_least", "consistent"),
    (900_000, "at_least", "above_all"),
])
def test_verdicts_on_obvious_cases(value, comparator, expected):
    assert verdict([claim("c", value, comparator)], NARROW) == expected


def test_at_least_far_below_is_true_but_conservative():
    out = run([claim("c", 20_000, "at_least")], NARROW)
    assert out["verdict"].iloc[0] == "consistent"
    assert out["position"].iloc[0] == "below"
    assert "conservative" in out["explanation"].iloc[0]


def test_contested_when_only_the_highest_source_reaches_the_claim():
    # A and B far below; C has 5 % / 95 % quantiles 300k / 340k (log-normal).
    rows = [est("a", low=90_000, high=110_000), est("b", low=100_000, high=120_000),
            est("c", low=300_000, high=340_000)]
    # The mixture's 95 % quantile solves (1 + 1 + F_C(x)) / 3 = 0.95, i.e. F_C(x) = 0.85:
    z = float(special.ndtri(0.95))
    s = math.log(340_000 / 300_000) / (2 * z)
    u = math.sqrt(300_000 * 340_000) * math.exp(s * float(special.ndtri(0.85)))
    assert 330_000 < u < 335_000
    out = run([claim("c", 338_000, "at_most")], rows)  # above U, below C's own high
    assert out["upper"].iloc[0] == pytest.approx(u, rel=1e-4)
    assert out["verdict"].iloc[0] == "contested"
    assert verdict([claim("c", 400_000, "at_most")], rows) == "above_all"


def test_broader_scope_only_for_a_toll_including_indirect_deaths():
    out = run([claim("c", 470_000, "at_most")], NARROW + BROAD)
    r = out.iloc[0]
    assert r["verdict"] == "broader_scope_only"
    assert r["scope_used"] == "broader"
    assert r["estimate_ids"] == "s"
    assert r["lower"] < 470_000 < r["upper"]
    assert "indirect" in r["explanation"]
    # with the narrow figures alone the same claim is above every source
    assert verdict([claim("c", 470_000, "at_most")], NARROW) == "above_all"


def test_civilian_claim_consistent_only_with_all_deaths():
    rows = [est("civ", measure="deaths_civilian", low=70_000, high=80_000),
            est("all", measure="deaths_total", low=240_000, high=260_000)]
    assert verdict([claim("c", 250_000, measure="deaths_civilian")], rows) == "broader_scope_only"


def test_broader_scope_is_read_from_the_death_scope_column_not_the_scope_text():
    assert C.is_broader_scope("violent_and_indirect")
    assert C.is_broader_scope("violent_and_missing")
    assert C.is_broader_scope("excess")
    assert not C.is_broader_scope("violent")
    assert not C.is_broader_scope(None)
    # the words of the scope sentence no longer decide anything
    assert not C.is_broader_scope("direct (violence) plus indirect (lack of health care)")
    # a row whose sentence speaks of indirect deaths but whose column says violent is
    # judged as violent deaths (the column is the record; the sentence is for people)
    rows = [est("a", low=90_000, central=100_000, high=110_000),
            est("s", low=450_000, central=470_000, high=490_000,
                scope="direct plus indirect deaths", death_scope="violent")]
    assert verdict([claim("c", 470_000)], rows) != "broader_scope_only"
    rows[1]["death_scope"] = "violent_and_indirect"
    assert verdict([claim("c", 470_000)], rows) == "broader_scope_only"


def test_not_checkable_without_figures_gives_reason():
    out = run([claim("c", 1_000_000, measure="injured")], NARROW)
    assert out["verdict"].iloc[0] == "not_checkable"
    assert "injured" in out["reason"].iloc[0]
    # a figure far from the claim's date is not comparable either
    old = [est("old", low=90_000, high=110_000, end="2012-06-30", published="2012-07-01")]
    r = run([claim("c", 100_000)], old).iloc[0]
    assert r["verdict"] == "not_checkable" and "near" in r["reason"]


def test_shares():
    rows = [est("h1", measure="displaced_share", central=0.5, qualifier="approximately",
                method="agency_estimate", start="2016-06-30", end="2016-06-30"),
            est("h2", measure="displaced_share", central=0.45, method="statistical_estimate",
                start="2015-12-31", end="2015-12-31")]
    assert verdict([claim("c", 0.5, "share_at_most", measure="displaced_share")], rows) == "consistent"
    assert verdict([claim("c", 0.8, "share_at_least", measure="displaced_share")], rows) == "above_all"
    assert verdict([claim("c", 0.2, "share_about", measure="displaced_share")], rows) == "below_all"
    out = run([claim("c", 0.5, "share_at_most", measure="displaced_share")], rows)
    assert "assumption" in out["explanation"].iloc[0]  # bare figures read with an assumed margin


def test_documented_count_is_a_floor():
    rows = [est("doc", central=290_000, method="documented_count")]
    # below a documented minimum: lower than the source
    assert verdict([claim("c", 150_000)], rows) == "below_all"
    # the documented count itself is the floor, so 'more than 280,000' is consistent
    assert verdict([claim("c", 280_000, "at_least")], rows) == "consistent"
    out = run([claim("c", 290_000)], rows)
    assert out["lower"].iloc[0] >= 290_000


# --------------------------------------------------------------------------- dates


def test_then_uses_only_figures_published_by_the_claim():
    early = est("early", low=180_000, high=200_000, end="2016-05-31", published="2016-06-01")
    late = est("late", low=280_000, high=320_000, end="2016-07-31", published="2016-08-08")
    c = [claim("c", 300_000, as_of="2016-08-01")]
    then = run(c, [early, late], known="then").iloc[0]
    now = run(c, [early, late], known="now").iloc[0]
    assert then["estimate_ids"] == "early"
    assert then["verdict"] == "above_all"
    assert set(now["estimate_ids"].split(";")) == {"early", "late"}
    assert now["verdict"] == "consistent"
    # a figure published later does not change a claim that the earlier figures decide
    c2 = [claim("c2", 190_000, as_of="2016-08-01")]
    assert run(c2, [early, late], known="then")["verdict"].iloc[0] == "consistent"


def test_then_with_nothing_published_yet_is_not_checkable_and_says_so():
    late = est("late", low=280_000, high=320_000, end="2016-07-31", published="2016-08-08")
    r = run([claim("c", 300_000)], [late], known="then").iloc[0]
    assert r["verdict"] == "not_checkable"
    assert "published after" in r["reason"] and "late" in r["reason"]
    assert run([claim("c", 300_000)], [late], known="now")["verdict"].iloc[0] == "consistent"


def test_month_dated_source_counts_from_end_of_month():
    # published "2016-08" is known only from 31 August 2016
    e = est("m", low=280_000, high=320_000, end="2016-07-31", published="2016-08")
    assert verdict([claim("c", 300_000, as_of="2016-08-15")], [e], known="then") == "not_checkable"
    assert verdict([claim("c", 300_000, as_of="2016-08-31")], [e], known="then") == "consistent"


def test_one_figure_per_publisher_and_method_nearest_in_date():
    rows = [est("sohr-1", central=250_000, method="documented_count", publisher="SOHR",
                end="2015-10-15", published="2015-10-16"),
            est("sohr-2", central=290_000, method="documented_count", publisher="SOHR",
                end="2016-07-15", published="2016-07-16"),
            est("other", low=280_000, high=320_000, publisher="Other")]
    r = run([claim("c", 300_000)], rows).iloc[0]
    assert set(r["estimate_ids"].split(";")) == {"sohr-2", "other"}


def test_old_cumulative_figure_is_flagged():
    r = run([claim("c", 470_000, "at_most")], BROAD).iloc[0]  # BROAD ends 2016-06-30
    assert "months before" not in r["explanation"]
    old = [dict(BROAD[0], period_end="2015-12-31", published="2016-02-11")]
    r = run([claim("c", 470_000, "at_most")], old).iloc[0]
    assert "7 months before" in r["explanation"]


# --------------------------------------------------------------------------- special claims


def test_war_duration():
    rows = [est("h", central=59_648, method="documented_count", start="2011-03-15"),
            est("s", central=290_000, method="documented_count", start="2011-03-18")]
    m = "war_duration_years"
    assert verdict([claim("c", 5, "about", measure=m, as_of="2016-08-01")], rows) == "consistent"
    assert verdict([claim("c", 4, "about", measure=m, as_of="2016-08-01")], rows) == "below_all"
    assert verdict([claim("c", 6, "about", measure=m, as_of="2016-08-01")], rows) == "above_all"
    # 'longer than the Second World War' (six years) on 30 March 2017: 6.03-6.04 years
    r = run([claim("c", 6, "at_least", measure=m, as_of="2017-03-30")], rows).iloc[0]
    assert r["verdict"] == "consistent"
    assert r["lower"] == pytest.approx((pd.Timestamp("2017-03-30") - pd.Timestamp("2011-03-18")).days / 365.25)


def _gfd(year: int, central: float) -> dict:
    return est(f"gfd-{year}", measure="global_forcibly_displaced", central=central,
               method="agency_estimate", start=str(year), end=str(year),
               published=f"{year + 1}-06-20")


def test_highest_since_not_checkable_when_series_is_short():
    rows = [_gfd(1997, 33_900_000), _gfd(2014, 59_500_000), _gfd(2015, 65_300_000),
            est("ww2", measure="wwii_displacement", central=40_000_000,
                method="historical_estimate", start="1945", end="1945", published="2015-09")]
    r = run([claim("c", 1945, "highest_since", measure="global_forcibly_displaced")], rows).iloc[0]
    assert r["verdict"] == "not_checkable"
    assert "1997" in r["reason"] and "1945" in r["reason"]
    assert "Second World War" in r["reason"]  # benchmark quoted for context


def test_highest_since_consistent_and_contradicted():
    rows = [_gfd(1990, 20_000_000), _gfd(2000, 30_000_000), _gfd(2015, 65_300_000)]
    c = [claim("c", 1985, "highest_since", measure="global_forcibly_displaced")]
    assert verdict(c, rows) == "consistent"
    rows2 = [_gfd(1990, 90_000_000), _gfd(2015, 65_300_000)]
    assert verdict(c, rows2) == "contradicted"


def test_output_columns_and_order():
    out = run([claim("b", 1), claim("a", 100_000)], NARROW)
    assert list(out.columns) == C.OUTPUT_COLUMNS
    assert list(out["claim_id"]) == ["a", "b"]
    assert set(out["verdict"]) <= set(C.VERDICTS)


# --------------------------------------------------------------------------- files and CLI


def _registry(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(DEFAULT_DATA_DIR / "datapackage.json", d / "datapackage.json")
    (d / "sources.csv").write_text(
        "source_id,publisher,title,published,url,url_kind,carrier,accessed,citation,notes\n"
        "src-a,Pub A,Report A,2016-07-01,https://example.org/a,primary,,2024-01-01,Pub A report.,\n"
        "src-s,Pub S,Report S,2016-02-11,https://example.org/s,primary,,2024-01-01,Pub S report.,\n",
        encoding="utf-8")
    (d / "estimates.csv").write_text(
        "estimate_id,source_id,measure,scope,period_type,area,host,group,perpetrator,death_scope,"
        "role,superseded_by,method,period_start,period_end,low,central,high,"
        "qualifier,range_type,range_level,margin,locator,checked,notes\n"
        "a,src-a,deaths_total,violent deaths,cumulative,SYR,,all,all,violent,headline,,"
        "statistical_estimate,2011-03,2016-06,90000,100000,110000,exact,bracket,,,p. 1,source_page,\n"
        "s,src-s,deaths_total,direct plus indirect deaths,cumulative,SYR,,all,all,"
        "violent_and_indirect,headline,,"
        "statistical_estimate,2011-03,2015-12,,470000,,exact,margin,,0.05,p. 2,source_page,\n",
        encoding="utf-8")
    return d


def _write_claims(path: Path, rows: list[list[str]], header: list[str] = CLAIM_COLS) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


GOOD = ["good", "Outlet", "2016-08-01", "https://example.org/x", "As many as 470,000 died.",
        "deaths_total", "2016-08-01", "470000", "at_most", ""]
GOOD2 = ["good2", "Outlet", "2016-08-01", "", "About 100,000 died.",
         "deaths_total", "2016-08-01", "100000", "about", ""]


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown", "json"])
def test_cli_formats_parse(tmp_path, capsys, fmt):
    d = _registry(tmp_path)
    f = _write_claims(tmp_path / "mine.csv", [GOOD, GOOD2])
    code = C.cli_check(f, known="both", fmt=fmt, data_dir=d)
    out, err = capsys.readouterr()
    assert code == 0, err
    if fmt == "json":
        recs = json.loads(out)
        assert [(r["claim_id"], r["known"]) for r in recs] == [
            ("good", "then"), ("good", "now"), ("good2", "then"), ("good2", "now")]
        assert {r["verdict"] for r in recs if r["claim_id"] == "good"} == {"broader_scope_only"}
    elif fmt == "csv":
        df = pd.read_csv(io.StringIO(out))
        assert list(df.columns) == C.OUTPUT_COLUMNS and len(df) == 4
        assert set(df.loc[df["claim_id"] == "good2", "verdict"]) == {"consistent"}
    elif fmt == "markdown":
        assert out.splitlines()[0].startswith("| claim_id |")
        assert "broader_scope_only" in out
    else:
        assert out.splitlines()[0].split()[:3] == ["claim_id", "known", "verdict"]
        assert len(out.splitlines()) == 2 + 4


def test_cli_defaults_to_data_dir_claims(tmp_path, capsys):
    d = _registry(tmp_path)
    _write_claims(d / "claims.csv", [GOOD2])
    assert C.cli_check(None, known="now", fmt="json", data_dir=d) == 0
    recs = json.loads(capsys.readouterr().out)
    assert [r["claim_id"] for r in recs] == ["good2"]


def test_cli_bad_rows_reported_and_others_judged(tmp_path, capsys):
    d = _registry(tmp_path)
    bad_date = ["bad-date"] + GOOD[1:6] + ["2016-13-01"] + GOOD[7:]
    bad_comp = ["bad-comp"] + GOOD[1:8] + ["roughly", ""]
    bad_value = ["bad-value"] + GOOD[1:7] + ["470 thousand"] + GOOD[8:]
    short = ["short-row"] + GOOD[1:8]  # a column missing in this row
    f = _write_claims(tmp_path / "mine.csv", [GOOD, bad_date, bad_comp, bad_value, short, GOOD2])
    code = C.cli_check(f, known="then", fmt="json", data_dir=d)
    out, err = capsys.readouterr()
    assert code == 1
    assert [r["claim_id"] for r in json.loads(out)] == ["good", "good2"]
    assert "mine.csv" in err
    assert "row 3" in err and "'as_of'" in err
    assert "row 4" in err and "'comparator'" in err and "roughly" in err
    assert "row 5" in err and "'value'" in err and "470 thousand" in err
    assert "row 6" in err and "fields" in err


def test_cli_missing_column_is_a_clear_error(tmp_path, capsys):
    d = _registry(tmp_path)
    header = [c for c in CLAIM_COLS if c != "comparator"]
    f = _write_claims(tmp_path / "mine.csv", [GOOD[:8] + [""]], header=header)
    code = C.cli_check(f, known="then", fmt="table", data_dir=d)
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "mine.csv" in err and "comparator" in err and "missing" in err


def test_repository_claims_file_is_valid_and_covers_the_article():
    from syriastats.sources import load_claims

    df = load_claims(DEFAULT_DATA_DIR / "claims.csv")
    aug = df[df["origin_date_text"] == "2016-08-01"]
    assert set(aug["measure"].astype(str)) >= {"deaths_total", "displaced_share",
                                               "war_duration_years", "global_forcibly_displaced"}
    assert len(df) >= 15 and df["origin_url"].notna().all()


def test_explanation_names_the_figure_the_number_comes_from():
    r = run([claim("c", 470_000, "about")], NARROW + BROAD).iloc[0]
    assert "matches" in r["explanation"] and "[s]" in r["explanation"]
    assert "broader" in r["explanation"]


def test_matches_only_when_the_wording_points_the_same_way():
    """'as much as half' (a ceiling) does not 'match' a source's 'more than 50%' (a floor)."""
    rows = [est("idmc", measure="displaced_share", central=0.5, qualifier="at_least",
                method="agency_estimate", start="2016-06-30", end="2016-06-30", publisher="IDMC")]
    ceiling = run([claim("c", 0.5, "share_at_most", measure="displaced_share")], rows).iloc[0]
    assert "matches" not in ceiling["explanation"]
    assert "IDMC gives 50% as a floor" in ceiling["explanation"]
    floor = run([claim("c", 0.5, "share_at_least", measure="displaced_share")], rows).iloc[0]
    assert "The number matches" in floor["explanation"] and "[idmc]" in floor["explanation"]


def test_share_intervals_never_exceed_one():
    rows = [est("f", measure="displaced_share", central=0.5, qualifier="at_least",
                method="agency_estimate", start="2016-06-30", end="2016-06-30")]
    r = run([claim("c", 0.5, "share_at_least", measure="displaced_share")], rows).iloc[0]
    assert r["upper"] <= 1.0 and r["envelope_upper"] <= 1.0
    assert r["lower"] >= 0.5


def test_documented_count_is_a_floor_of_the_pooled_range():
    """A named-victim count of 300,000 before the claim's date bounds the truth from
    below: the pooled range may not start beneath it, even if an expert figure is lower."""
    rows = [est("doc", central=300_000, method="documented_count", end="2016-06-30"),
            est("exp", central=100_000, qualifier="at_least", method="expert_estimate",
                end="2016-06-30")]
    out = run([claim("c", 150_000, "about")], rows, known="now")
    assert out["lower"].iloc[0] >= 300_000
    assert out["verdict"].iloc[0] == "below_all"  # below what was already counted
    # a count dated after the claim's date does not bound the truth at that date
    later = [dict(rows[0], period_end="2016-12-31", estimate_id="doc2"), rows[1]]
    out2 = run([claim("c", 150_000, "about")], later, known="now")
    assert out2["lower"].iloc[0] < 300_000


# --------------------------------------------------------------------------- reviewer fixes


@pytest.mark.parametrize("bad", [0.5, 3000, 1945.5, 1700])
def test_highest_since_with_a_value_that_is_not_a_year_is_not_checkable(bad):
    rows = [_gfd(1990, 20_000_000), _gfd(2015, 65_300_000)]
    r = run([claim("c", bad, "highest_since", measure="global_forcibly_displaced")], rows).iloc[0]
    assert r["verdict"] == "not_checkable"
    assert "year" in r["reason"] and "1800" in r["reason"]
    assert C.highest_since_problem(1945, "2016-08-01") is None
    assert C.highest_since_problem(2016, "2016-08-01") is None
    assert C.highest_since_problem(2017, "2016-08-01") is not None


def test_cli_reports_a_bad_highest_since_row_and_judges_the_others(tmp_path, capsys):
    d = _registry(tmp_path)
    wwii = ["bad-year", "Outlet", "2016-08-01", "", "Worst since the war.",
            "deaths_total", "2016-08-01", "0.5", "highest_since", ""]
    f = _write_claims(tmp_path / "mine.csv", [GOOD, wwii, GOOD2])
    code = C.cli_check(f, known="then", fmt="json", data_dir=d)
    out, err = capsys.readouterr()
    assert code == 1
    assert [r["claim_id"] for r in json.loads(out)] == ["good", "good2"]
    assert "mine.csv" in err and "row 3" in err and "'value'" in err and "bad-year" in err
    assert "Traceback" not in err


def test_cli_problems_are_sorted_by_row(tmp_path, capsys):
    d = _registry(tmp_path)
    # a share above 1 is found by the claims rules, after the schema check finds the comparator
    share_bad = ["share-bad"] + GOOD[1:5] + ["displaced_share", "2016-08-01", "2", "share_about", ""]
    bad_comp = ["bad-comp"] + GOOD[1:8] + ["roughly", ""]
    f = _write_claims(tmp_path / "mine.csv", [GOOD2, share_bad, bad_comp])
    C.cli_check(f, known="then", fmt="json", data_dir=d)
    err = capsys.readouterr().err
    assert err.index("row 3") < err.index("row 4")


def _sohr_like(eid: str, central: float, end: str, published: str, **kw) -> dict:
    return est(eid, central=central, method="documented_count", end=end, published=published,
               scope=kw.pop("scope", "all deaths documented, civilians and fighters of all sides"),
               **kw)


def test_floor_uses_a_month_dated_count_published_by_the_claim():
    """SOHR's count 'to 2018-03' published on 12 March 2018 bounds a claim of that day;
    VDC's smaller count, which excludes government-side forces, is not the floor."""
    rows = [_sohr_like("sohr", 353_935, "2018-03", "2018-03-12", publisher="SOHR"),
            _sohr_like("vdc", 177_617, "2017-05", "2017-06", publisher="VDC",
                       scope="conflict deaths documented by VDC (excludes government-side forces)",
                       group="all_except_government_forces")]
    r = run([claim("c", 500_000, "at_least", as_of="2018-03-12")], rows).iloc[0]
    assert r["lower"] >= 353_935
    assert "sohr)" in r["interval_method"] and "353,935" in r["explanation"]


def test_floor_leaves_out_a_month_count_published_after_the_claim_date():
    rows = [_sohr_like("late", 353_935, "2018-03", "2018-03-31", publisher="SOHR"),
            est("exp", central=100_000, qualifier="at_least", method="expert_estimate",
                end="2018-02-28", published="2018-03-01")]
    r = run([claim("c", 150_000, as_of="2018-03-12")], rows, known="now").iloc[0]
    assert r["lower"] < 353_935 and "truncated" not in r["interval_method"]


def test_partial_counts_are_not_the_floor():
    """Partial coverage is read from the group and area columns, not from the scope text."""
    from syriastats.reading import is_partial

    assert is_partial({"measure": "deaths_total", "group": "all_except_government_forces"})
    assert is_partial({"measure": "deaths_total", "group": "all", "area": "SY-HL"})
    assert is_partial({"measure": "deaths_civilian", "group": "children"})
    assert not is_partial({"measure": "deaths_civilian", "group": "civilians", "area": "SYR"})
    assert not is_partial({"measure": "deaths_total", "group": "all", "area": "SYR",
                           "scope": "deaths documented (excludes government-side forces)"})
    rows = [_sohr_like("vdc", 300_000, "2016-06-30", "2016-07-01", publisher="VDC",
                       scope="deaths documented (excludes government-side forces)",
                       group="all_except_government_forces"),
            est("exp", central=100_000, qualifier="at_least", method="expert_estimate", group="all")]
    r = run([claim("c", 150_000)], rows).iloc[0]
    assert "truncated" not in r["interval_method"]
    # the same count marked as covering everyone is the floor
    rows[0]["group"] = "all"
    r = run([claim("c", 150_000)], rows).iloc[0]
    assert "truncated" in r["interval_method"] and "vdc" in r["interval_method"]


def test_envelope_holds_only_published_numbers():
    rows = [est("doc", central=282_283, method="documented_count"),
            est("br", low=250_000, central=280_000, high=300_000),
            est("mg", central=470_000, margin=0.05)]
    r = run([claim("c", 300_000)], rows).iloc[0]
    published = {282_283, 250_000, 280_000, 300_000, 470_000, 470_000 * 0.95, 470_000 * 1.05}
    assert r["envelope_lower"] == 250_000
    assert r["envelope_upper"] == pytest.approx(470_000 * 1.05)
    assert any(abs(r["envelope_upper"] - p) < 1e-6 for p in published)
    # the fitted 90% bound of the floor (282,283 x 2.141 = 604,356) is not quoted as published
    assert "604,3" not in r["explanation"] and "published run from 250,000 to 493,500" in r["explanation"]


def test_floor_assumptions_are_named():
    rows = [est("doc", central=282_283, method="documented_count"),
            est("off", central=250_000, qualifier="at_least", method="expert_estimate")]
    e = run([claim("c", 300_000)], rows).iloc[0]["explanation"]
    assert "2.141x" in e and "OHCHR" in e and "assumption" in e and "doc" in e
    assert "1.5x" in e and "(off)" in e


def test_verdict_meaning_is_filled():
    out = run([claim("a", 100_000), claim("b", 10_000), claim("x", 5, measure="injured")], NARROW)
    for _, r in out.iterrows():
        assert r["verdict_meaning"] == C.VERDICTS[r["verdict"]]


def test_ceiling_below_the_median_is_still_possible():
    # one bracket 90k-110k: log-normal with median sqrt(90k x 110k) = 99,499 and 5 % quantile 90k.
    # 'up to 95,000' says only that 95,000 is possible: it lies in the bracket, so consistent
    # (COMPARATOR_RULES['at_most'] since session 23; it was contested below the median)
    one = [est("a", low=90_000, high=110_000)]
    assert math.sqrt(90_000 * 110_000) == pytest.approx(99_498.7, abs=0.1)
    r = run([claim("c", 95_000, "at_most")], one).iloc[0]
    assert r["verdict"] == "consistent"
    assert "median 99,499" in r["explanation"]
    assert verdict([claim("c", 105_000, "at_most")], one) == "consistent"
    # below the bracket's low end the truth is above the stated ceiling
    assert verdict([claim("c", 80_000, "at_most")], one) == "below_all"


def test_context_only_figures_are_not_pooled():
    ctx = dict(est("ctx", low=250_000, high=300_000), role="context_only",
               notes="Weak; a rough press figure.")
    rows = [est("a", low=290_000, central=300_000, high=310_000), ctx]
    cl = pd.DataFrame([claim("c", 300_000)], columns=CLAIM_COLS)
    r = C.check(cl, pd.DataFrame(rows, columns=EST_COLS + ["notes", "role"])).iloc[0]
    assert r["estimate_ids"] == "a"
    assert "For context only" in r["explanation"] and "[ctx]" in r["explanation"]
    only = C.check(cl, pd.DataFrame([ctx], columns=EST_COLS + ["notes", "role"])).iloc[0]
    assert only["verdict"] == "not_checkable" and "context only" in only["reason"]


def test_war_age_before_the_war_is_not_checkable():
    rows = [est("h", central=59_648, method="documented_count", start="2011-03-15")]
    r = run([claim("c", 1, "about", measure="war_duration_years", as_of="2010-01-01")],
            rows, known="now").iloc[0]
    assert r["verdict"] == "not_checkable" and "before the war began" in r["reason"]
    assert math.isnan(r["lower"])


def test_highest_since_reason_reads_cleanly():
    rows = [_gfd(1997, 33_900_000), _gfd(2015, 65_300_000)]
    r = run([claim("c", 1945, "highest_since", measure="global_forcibly_displaced")], rows).iloc[0]
    reason = r["reason"]
    assert "is for 1997, 52 years later" in reason
    assert "more than 10 years after" not in reason
    assert not re.search(r"\. [a-z]", reason)          # every sentence starts with a capital
    assert "±3%" in reason and "assumption" in reason   # an agency figure: its range is assumed (±3%)


def test_about_on_a_share_measure_is_read_in_percentage_points():
    rows = [est("s", measure="displaced_share", low=0.48, central=0.5, high=0.52,
                method="agency_estimate", start="2016-06-30", end="2016-06-30")]
    # 'about 56%' = 51%-61% (±5 points) overlaps 48%-52%; read as ±5 % of 56 % it would not
    r = run([claim("c", 0.56, "about", measure="displaced_share")], rows).iloc[0]
    assert r["verdict"] == "consistent" and "share_about" in r["explanation"]
    bad = run([claim("c", 0.5, "share_about", measure="deaths_total")], NARROW).iloc[0]
    assert bad["verdict"] == "not_checkable" and "not a share" in bad["reason"]


def test_missing_origin_date_is_null_in_json():
    c = claim("c", 100_000)
    c["origin_date"] = None
    out = run([c], NARROW)
    assert out["origin_date"].iloc[0] is None
    assert json.loads(C.format_verdicts(out, "json"))[0]["origin_date"] is None


def test_table_words_war_age_claims():
    rows = [est("h", central=59_648, method="documented_count", start="2011-03-15")]
    out = run([claim("c", 6, "at_least", measure="war_duration_years", as_of="2017-03-30")], rows)
    table = C.format_verdicts(out, "table")
    assert "more than 6 years" in table and "at_least" not in table
    assert re.search(r"6\.0[0-9] years - 6\.0[0-9] years", table)


def test_claims_chart_order_labels_and_left_out_note():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from syriastats.charts.claims import plot_claims
    from syriastats.charts.style import chart_meta

    rows = NARROW + [est("h", central=59_648, method="documented_count", start="2011-03-15")]
    cl = [dict(claim("z-first", 100_000, origin_date="2016-01-05"), origin="Zeta News, 'A title'"),
          dict(claim("a-second", 105_000, origin_date="2016-07-01"), origin="Alpha Post"),
          dict(claim("b-second", 100_000, origin_date="2016-07-01"), origin="Beta (via Gamma)"),
          claim("age", 5, measure="war_duration_years"),
          claim("none", 1_000, measure="injured")]
    out = run(cl, rows, known="now")
    fig, data = plot_claims(out)
    try:
        assert list(data["claim_id"]) == ["z-first", "a-second", "b-second"]
        assert data["label"].iloc[0].endswith("Zeta News, 5 Jan 2016")
        assert data["label"].iloc[2].endswith("Beta, 1 Jul 2016")
        note = chart_meta(fig)["note"]
        assert "age" in note and "none" in note and "2.141" in note and "10%" in note
        assert {"claim_value", "lower", "upper"} <= set(data.columns)
    finally:
        plt.close(fig)


def test_more_than_above_the_median_is_contested():
    """Mirror of the 'as many as' rule: a floor above the sources' middle is only partly
    supported. Two brackets 90k-110k and 95k-115k: median about 102.5k."""
    assert verdict([claim("lo", 95_000, "at_least")], NARROW) == "consistent"
    assert verdict([claim("hi", 110_000, "at_least")], NARROW) == "contested"
    assert verdict([claim("way", 200_000, "at_least")], NARROW) == "above_all"


def test_stale_series_is_dropped():
    """A publisher whose nearest figure is far older than another's is not pooled."""
    rows = [est("fresh", low=190_000, central=200_000, high=210_000, end="2016-07-25"),
            est("stale", low=90_000, central=100_000, high=110_000, end="2015-10-01",
                published="2015-10-02")]
    out = run([claim("c", 200_000, "about")], rows, known="now")
    assert "stale" not in out["estimate_ids"].iloc[0]
    assert out["verdict"].iloc[0] == "consistent"


def test_share_claim_uses_the_share_computed_from_counts():
    rows = [est("pop", measure="population", central=20e6, low=19.5e6, high=20.5e6,
                method="demographic_estimate", start="2010-07-01", end="2010-07-01",
                published="2012-01-01", scope="resident population"),
            est("ref", measure="refugees_registered", central=4e6, low=3.9e6, high=4.1e6,
                method="registration", start="2016-07-01", end="2016-07-01"),
            est("idp", measure="idps", central=6e6, low=5.8e6, high=6.2e6,
                method="agency_estimate", start="2016-07-01", end="2016-07-01")]
    out = run([claim("half", 0.5, "share_about", measure="displaced_share")], rows, known="now")
    assert C.COMPUTED_SHARE_ID in out["estimate_ids"].iloc[0]
    assert out["verdict"].iloc[0] == "consistent"  # (4 + 6) / 20 = 0.5
    out = run([claim("third", 0.3, "share_about", measure="displaced_share")], rows, known="now")
    assert out["verdict"].iloc[0] in ("below_all", "contested")


# --------------------------------------------------------------------------- verdict habits (issue 15)


def test_a_ten_percent_error_on_an_agency_figure_is_not_consistent():
    # an agency's operational figure printed without a range is read as ±3 % (not ±10 %):
    # 'about 1.1 million' against 1.0 million is no longer consistent, 'about 1.05 million' is
    rows = [est("ag", central=1_000_000, method="agency_estimate", measure="idps",
                start="2016-06-30", end="2016-06-30")]
    assert verdict([claim("c", 1_100_000, measure="idps")], rows) == "above_all"
    assert verdict([claim("c", 1_050_000, measure="idps")], rows) == "consistent"
    out = run([claim("c", 1_100_000, measure="idps")], rows)
    assert "±3%" in out["explanation"].iloc[0]


def test_a_false_floor_is_not_hidden_by_a_broader_scope():
    # 'more than 400,000' is above every figure of its own scope (90k-115k): overstated as
    # worded, even though a broader total (with indirect deaths) reaches it; the explanation
    # names the broader scope
    out = run([claim("c", 400_000, "at_least")], NARROW + BROAD)
    assert out["verdict"].iloc[0] == "above_all"
    assert "broader scope" in out["explanation"].iloc[0]
    # an approximate number that matches only the broader total stays broader_scope_only
    assert verdict([claim("c", 470_000)], NARROW + BROAD) == "broader_scope_only"


def test_a_month_origin_date_is_its_last_day_like_as_of():
    # a figure published mid-July 2016 could be known to a claim dated "2016-07"
    rows = [dict(est("a", low=90_000, central=100_000, high=110_000), published="2016-07-20")]
    c = claim("c", 100_000, as_of="2016-07", origin_date="2016-07")
    assert verdict([c], rows, known="then") == "consistent"


def test_a_claim_dated_before_its_period_is_not_checkable():
    c = dict(claim("c", 100_000, as_of="2016-08-01"), period_start="2024-12-08")
    out = C.check(pd.DataFrame([c]), pd.DataFrame(NARROW, columns=EST_COLS), known="now")
    assert out["verdict"].iloc[0] == "not_checkable"
    assert "before its own period starts" in out["reason"].iloc[0]


def test_a_rounded_war_age_is_consistent():
    # 'a five-year-long conflict' at 4 years 11 months is a fair rounding; 'four years' then
    # is an age (at least four, not yet five); 'six years' is too many
    rows = [est("t", central=100_000, method="documented_count", start="2011-03-15")]
    for value, expected in [(5, "consistent"), (4, "consistent"), (6, "above_all")]:
        c = claim("c", value, measure="war_duration_years", as_of="2016-02-29")
        assert verdict([c], rows, known="now") == expected, value
