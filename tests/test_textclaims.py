"""Tests of the text-claim extractor (hand-written cases, each with the reading a careful
reader gives), of check_text on a hand-made registry whose right answer is obvious, and of
the check-text command's handling of bad input and of its output formats."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats.textclaims import TextCheckError, check_text, extract_claims, render
from syriastats.textclaims.check import MAX_TEXT_BYTES, VERDICT_CLASS, parse_published
from syriastats.textclaims.numbers import find_numbers
from syriastats.textclaims.render import escape_formula
from syriastats.textclaims.sentences import split_sentences

PUB = "2016-08-01"


def one(text: str, published: str = PUB) -> dict:
    """The single claim found in *text* (fails if there is not exactly one)."""
    df = extract_claims(text, published)
    assert len(df) == 1, df[["claim_text", "measure", "value"]].to_string()
    return df.iloc[0].to_dict()


def none_in(text: str, published: str = PUB) -> bool:
    return extract_claims(text, published).empty


# --------------------------------------------------------------------------- sentences


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = ("The U.N. said 4.8 million Syrians fled. Dr. Smith agreed!  Another line\n"
            "A headline without a stop")
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["The U.N. said 4.8 million Syrians fled.",
                                       "Dr. Smith agreed!", "Another line",
                                       "A headline without a stop"]
    for s in sents:
        assert text[s.start:s.end] == s.text


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("text,value,kind", [
    ("470,000", 470_000, "count"),
    ("4.8 million", 4_800_000, "count"),
    ("4.8m", 4_800_000, "count"),
    ("half a million", 500_000, "count"),      # quantulum3 reads 1,500,000
    ("a quarter of a million", 250_000, "count"),
    ("twelve thousand", 12_000, "count"),
    ("one hundred and five", 105, "count"),
    ("twenty-five", 25, "count"),
    ("two and a half million", 2_500_000, "count"),
    ("six million and a half", 6_500_000, "count"),
    ("nearly five million", 5_000_000, "count"),
    ("half", 0.5, "share"),
    ("a quarter", 0.25, "share"),
    ("two-thirds", 2 / 3, "share"),
    ("one in five", 0.2, "share"),
    ("40 per cent", 0.4, "share"),
    ("11.5 percent", 0.115, "share"),
    ("2014", 2014, "year"),
])
def test_numbers_are_read(text, value, kind):
    nums = [n for n in find_numbers(text) if n.kind != "ordinal"]
    assert len(nums) == 1
    assert nums[0].value == pytest.approx(value)
    assert nums[0].kind == kind


def test_day_of_month_is_a_date_not_a_count():
    kinds = [n.kind for n in find_numbers("since Dec. 8, 2024 and on 12-13 March")]
    assert kinds == ["date_part", "year", "date_part", "date_part"]


# --------------------------------------------------------------------------- hedges


@pytest.mark.parametrize("hedge,comparator", [
    ("As many as", "at_most"), ("Up to", "at_most"), ("More than", "at_least"),
    ("At least", "at_least"), ("Just over", "at_least"), ("Nearly", "about"),
    ("About", "about"), ("Some", "about"), ("Fewer than", "less_than"), ("", "about"),
])
def test_hedges_become_comparators(hedge, comparator):
    c = one(f"{hedge} 470,000 people have been killed in Syria's war.".strip())
    assert c["comparator"] == comparator
    assert c["measure"] == "deaths_total" and c["value"] == 470_000


# --------------------------------------------------------------------------- measures and scopes


@pytest.mark.parametrize("text,measure,extra", [
    ("More than 4 million Syrians have fled the country.", "refugees_registered", {}),
    ("Lebanon hosts about 1.2 million refugees from Syria.", "refugees_registered_by_host",
     {"host": "LBN"}),
    ("There are more than 1.8 million Syrians in Turkey, the biggest host of refugees.",
     "refugees_registered_by_host", {"host": "TUR"}),
    ("Over 5 million fled abroad.", "refugees_worldwide", {"host": "WORLD"}),
    ("Another 6.3 million people are displaced inside Syria.", "idps", {}),
    ("13.5 million people have been forced from their homes.", "displaced_total", {}),
    ("SOHR said 63,074 civilians were among the dead.", "deaths_civilian",
     {"group": "civilians"}),
    ("The war has killed more than 25,000 children.", "deaths_civilian", {"group": "children"}),
    ("Some 13.5 million people are in need of humanitarian assistance.", "people_in_need", {}),
    ("At least 95,056 people have disappeared since 2011.", "missing_persons", {}),
    ("The number of wounded stands at 1.9 million.", "injured", {}),
    ("Syria had 23 million people before the war.", "population", {"as_of": "2011-03-15"}),
    ("UNHCR said 1.7 million internally displaced Syrians have gone back to their communities.",
     "idp_returns", {}),
])
def test_measures_and_dimensions(text, measure, extra):
    c = one(text, "2015-07-09" if "returns" not in measure else "2025-08-25")
    assert c["measure"] == measure
    for k, v in extra.items():
        assert c[k] == v


def test_shares_of_the_population():
    c = one("As much as half of Syria's population has been displaced.")
    assert (c["measure"], c["value"], c["comparator"]) == ("displaced_share", 0.5, "at_most")
    c = one("One in five Syrians is now a refugee.")
    assert (c["measure"], c["value"]) == ("refugees_share", 0.2)
    # a share of the refugees (or of a host country's people) is not a population share
    assert none_in("About half of the refugees are children.")
    assert none_in("Jordan hosts refugees who amount to about 10% of the population")


def test_war_duration():
    c = one("The civil war is five years old.")
    assert (c["measure"], c["value"], c["comparator"]) == ("war_duration_years", 5, "about")
    c = one("The conflict, now in its sixth year, goes on.")
    assert (c["value"], c["comparator"]) == (5, "at_least")
    c = one("It is a 21-month-old uprising.")
    assert c["value"] == pytest.approx(1.75)
    # 'almost three years' says the age is below three: a ceiling
    assert one("The war has persisted for almost three years.")["comparator"] == "at_most"
    assert none_in("Assad, Syria's leader for nearly 25 years, fled to Russia.")


def test_attribution():
    c = one("Some 470,000 people have died, according to the Syrian Observatory for Human Rights.")
    assert c["attribution"] == "SOHR"
    assert one("More than 4 million Syrians have fled the country, UNHCR said.")["attribution"] == "UNHCR"


def test_attribution_is_the_publisher_nearest_the_number():
    df = extract_claims("The UN figure of 350,209 is far lower than an estimate from the Syrian "
                        "Observatory, which put the death toll at more than 606,000.", "2021-09-24")
    assert list(df["attribution"]) == ["UN", "SOHR"]
    # "tallied by X" right after the number names its publisher, even when another
    # publisher is named earlier in the sentence
    c = one("New figures from the UN-backed Syrian Center for Policy Research are nearly double "
            "the 250,000 lives last tallied by the U.N.", "2016-02-11")
    assert c["attribution"] == "UN"
    c = one("The toll is nearly double the figure of 250,000 deaths used by the United Nations.",
            "2016-02-11")
    assert c["attribution"] == "UN"


def test_the_year_someone_stopped_counting_is_not_the_period():
    c = one("The figure of 250,000 deaths used by the United Nations until it stopped collating "
            "statistics in 2014 is out of date.", "2016-02-11")
    assert c["period_type"] == "cumulative" and c["as_of"] == "2016-02-11"


# --------------------------------------------------------------------------- periods


def test_periods():
    c = one("More than 76,000 people were killed in Syria in 2014.", "2015-01-02")
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", "2014-01-01", "2014-12-31")
    c = one("Some half a million Syrians returned home last year.", "2025-01-18")
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("flow", "2024-01-01", "2024-12-31")
    c = one("Nearly 200,000 refugees have returned since the fall of Assad on 8 December 2024.",
            "2025-01-18")
    assert (c["period_type"], c["period_start"]) == ("cumulative", "2024-12-08")
    c = one("More than 400,000 people have been killed since the conflict began.")
    assert (c["period_type"], c["period_start"], c["as_of"]) == ("cumulative", "2011-03-15", PUB)
    c = one("The UN listed 59,648 people killed up to November 30, 2012.", "2013-01-02")
    assert c["as_of"] == "2012-11-30"
    # the year the war began is not the claim's period
    c = one("The conflict, which began in 2011, has killed 500,000 people.", "2025-08-25")
    assert c["period_type"] == "cumulative" and c["as_of"] == "2025-08-25"
    # "the first official toll since 2014" does not make the claim a total since 2014
    c = one("At least 350,209 people have been killed, the UN says in its first official death "
            "toll since 2014.", "2021-09-24")
    assert c["period_start"] == "2011-03-15"


def test_each_number_takes_the_period_in_its_own_words():
    # a list of yearly tolls: each number its own year, not the first year of the sentence
    df = extract_claims("The monitor counted 60,000 deaths in 2015, 50,000 in 2016 and 30,000 in "
                        "2017.", "2018-01-05")
    assert list(df["as_of"]) == ["2015-12-31", "2016-12-31", "2017-12-31"]
    assert set(df["period_type"]) == {"flow"}
    # a month of a named year before the number ("in April 2013 they numbered ...")
    df = extract_claims("In March 2015, there were 1,200,000 refugees in Lebanon, and in March "
                        "2016 they numbered 1,050,000.", "2016-06-01")
    assert list(df["as_of"]) == ["2015-03-31", "2016-03-31"]
    assert set(df["period_type"]) == {"stock"}


def test_a_date_some_time_ago_is_read_from_publication():
    df = extract_claims("The toll rose to 120,000 people killed, up from about 110,000 deaths two "
                        "months ago.", "2013-10-15")
    assert list(df["as_of"]) == ["2013-10-15", "2013-08-15"]
    c = one("The number of registered refugees stood at 500,000 a year ago.", "2013-01-10")
    assert c["as_of"] == "2012-01-10"


@pytest.mark.parametrize("text", [
    "The crisis has since its outbreak five years ago killed more than 250,000 people.",
    "The war, which began in March 2011, has killed more than 250,000 people.",
    "More than 250,000 people have died since the start of the conflict in 2011.",
])
def test_the_war_s_start_is_not_the_claim_s_date(text):
    df = extract_claims(text, "2016-03-20")
    c = df[df["measure"] == "deaths_total"].iloc[0]
    assert (c["period_type"], c["period_start"], c["as_of"]) == (
        "cumulative", "2011-03-15", "2016-03-20")


# --------------------------------------------------------------------------- not statistics


@pytest.mark.parametrize("text", [
    "A Russian Mi-8 helicopter was shot down, killing three crew members and two officers.",
    "Donors pledged $6.0 billion in aid for Syria this year.",
    "Turkey shares a border with Syria of over 900 km.",
    "The 86-year-old woman had guarded the bodies for four days.",
    "The conference began a day after at least 58 people were killed in a chemical attack.",
    "In Libya, 10,000-15,000 people had been killed in the uprising against Gaddafi.",
    "More than 4,500 deaths have been reported since an earthquake struck on 6 February.",
    "The UN expected the number to balloon to 4.27 million by the end of the year.",
    "There are now 2,500 new refugees arriving daily.",
    "The Baath Party's reign began in 1963.",
    "The latest estimate is 7,000 higher than that issued last month.",
    "Four out of five people are living in poverty.",
])
def test_non_statistics_are_ignored(text):
    assert none_in(text), extract_claims(text, PUB)[["claim_text", "measure"]].to_string()


def test_offsets_point_at_the_claim_words():
    text = "Intro sentence.\nAs many as 470,000 people may have died in Syria's war."
    c = one(text)
    assert text[c["start"]:c["end"]] == "As many as 470,000" == c["claim_text"]


# --------------------------------------------------------------------------- check_text

EST_COLS = ["estimate_id", "source_id", "publisher", "measure", "scope", "method", "period_start",
            "period_end", "low", "central", "high", "qualifier", "range_type", "range_level",
            "margin", "published", "notes"]


def _registry() -> pd.DataFrame:
    """Two statistical estimates of deaths (90 % brackets 90k-110k and 95k-115k), published
    2016-07-01, and a toll starting in March 2011 (for the war's age)."""
    rows = [("a", 90_000, 100_000, 110_000), ("b", 95_000, 105_000, 115_000)]
    return pd.DataFrame([{
        "estimate_id": e, "source_id": f"s-{e}", "publisher": f"Pub {e}", "measure": "deaths_total",
        "scope": "violent deaths", "method": "statistical_estimate", "period_start": "2011-03-15",
        "period_end": "2016-06-30", "low": lo, "central": c, "high": hi, "qualifier": "exact",
        "range_type": "bracket", "range_level": None, "margin": None, "published": "2016-07-01",
        "notes": ""} for e, lo, c, hi in rows], columns=EST_COLS)


def test_check_text_verdicts_on_obvious_cases():
    text = ("About 100,000 people have been killed in Syria's war. More than 900,000 people have "
            "been killed in the war. Fewer than 2,000,000 people have died in the war.")
    res = check_text(text, published="2016-08-01", estimates=_registry(), known="now",
                     today=dt.date(2026, 1, 1))
    assert list(res["verdict_class"]) == ["consistent", "overstated", "consistent"]
    assert list(res["comparator"]) == ["about", "at_least", "less_than"]
    assert (res["figures"].str.contains("a")).all()
    for _, r in res.iterrows():
        assert text[r["start"]:r["end"]] == r["claim_text"]


def test_check_text_as_known_then_excludes_later_figures():
    res = check_text("About 100,000 people have been killed in Syria's war.",
                     published="2016-06-01", estimates=_registry(), known="then",
                     today=dt.date(2026, 1, 1))
    assert res["verdict_class"].iloc[0] == "not_checkable"


def test_check_text_names_a_missing_dimension():
    # a one-year toll is not compared with totals since 2011
    res = check_text("More than 76,000 people were killed in Syria in 2015.",
                     published="2016-01-02", estimates=_registry(), known="now",
                     today=dt.date(2026, 1, 1))
    r = res.iloc[0]
    assert r["verdict_class"] == "not_checkable"
    assert "select figures by period" in r["explanation"]


def test_verdict_class_covers_every_verdict():
    from syriastats import claims as C

    assert set(C.VERDICTS) <= set(VERDICT_CLASS)


def test_no_claims_gives_an_empty_frame():
    res = check_text("The weather was fine.", published="2016-08-01", estimates=_registry(),
                     today=dt.date(2026, 1, 1))
    assert res.empty and "verdict_class" in res.columns


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("published,words", [
    ("2016-13-01", "not a date"), ("yesterday", "not a date"), ("", "not a date"),
    ("2099-01-01", "future"), ("2010-01-01", "before the war"),
])
def test_bad_published_dates(published, words):
    with pytest.raises(TextCheckError, match=words):
        parse_published(published, today=dt.date(2026, 11, 30))


def test_empty_text_is_refused():
    with pytest.raises(TextCheckError, match="empty"):
        check_text("  \n ", published="2016-08-01", estimates=_registry())


def test_oversized_text_is_refused_naming_the_limit():
    with pytest.raises(TextCheckError, match="10 MB"):
        check_text("x" * (MAX_TEXT_BYTES + 1), published="2016-08-01", estimates=_registry())


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "syriastats", "check-text", *args],
                          input=stdin, capture_output=True, timeout=600)


def test_cli_bad_inputs_are_named_without_traceback(tmp_path: Path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9: 470,000 killed".encode("latin-1"))
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_TEXT_BYTES + 10)
    cases = [
        ((str(bad), "--published", "2016-08-01"), ["latin1.txt", "not UTF-8", "byte 3"]),
        ((str(big), "--published", "2016-08-01"), ["big.txt", "10 MB"]),
        ((str(tmp_path / "missing.txt"), "--published", "2016-08-01"), ["missing.txt", "no such file"]),
        ((str(tmp_path), "--published", "2016-08-01"), ["is a folder"]),
        (("-", "--published", "2016-02-30"), ["not a date"]),
        (("-", "--published", "2999-01-01"), ["future"]),
    ]
    for args, words in cases:
        p = _cli(*args, stdin=b"470,000 people have been killed in the war.")
        err = p.stderr.decode()
        # a bad --published is a usage error (2, as argparse); a bad file is bad input (1)
        assert p.returncode == (2 if "--published" in args[1:] and args[0] == "-" else 1), err
        assert "Traceback" not in err
        for w in words:
            assert w in err


def test_cli_empty_and_no_claims(tmp_path: Path):
    p = _cli("-", "--published", "2016-08-01", stdin=b"")
    assert p.returncode == 1 and "empty" in p.stderr.decode()
    p = _cli("-", "--published", "2016-08-01", stdin="The weather was fine.".encode())
    assert p.returncode == 0 and "no war statistics found" in p.stderr.decode()


# --------------------------------------------------------------------------- output


def _result() -> tuple[str, pd.DataFrame]:
    text = ("<script>alert(1)</script> =cmd About 100,000 people have been killed in Syria's war. "
            "Fewer than 2,000,000 people have died in the war.")
    return text, check_text(text, published="2016-08-01", estimates=_registry(), known="now",
                            today=dt.date(2026, 1, 1))


def test_html_is_self_contained_escaped_and_highlights_each_claim():
    text, res = _result()
    page = render(text, res, "html")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http" not in page  # no external resources
    assert page.count("<mark") == len(res) == 2
    assert "consistent" in page and res["explanation"].iloc[0][:40] in page.replace("&#x27;", "'")


def test_markdown_highlights_and_explains():
    text, res = _result()
    md = render(text, res, "markdown")
    assert "**About 100,000** [1]" in md
    assert "> [1] **consistent**" in md and "> [2] **consistent**" in md


def test_csv_escapes_formula_like_cells():
    assert escape_formula("=cmd") == "'=cmd"
    assert escape_formula("+1") == "'+1" and escape_formula("@x") == "'@x"
    assert escape_formula("-2") == "'-2" and escape_formula("ok") == "ok" and escape_formula(3) == 3
    text, res = _result()
    res = res.copy()
    res.loc[0, "sentence"] = "=HYPERLINK(\"http://x\")"
    out = render(text, res, "csv")
    assert "'=HYPERLINK" in out and "\n=HYPERLINK" not in out and ",=HYPERLINK" not in out


def test_json_round_trips():
    text, res = _result()
    recs = json.loads(render(text, res, "json"))
    assert [r["verdict_class"] for r in recs] == list(res["verdict_class"])
