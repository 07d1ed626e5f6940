"""``syriastats check-text`` from a user's side: bad input gets one line naming the file or
option, what is wrong and what to do, with the documented exit code (1 bad text, 2 bad
option) and no output file; the outputs say how the claims were judged."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats import cli
from syriastats.textclaims import TextCheckError
from syriastats.textclaims.cli import decode_text

SENTENCE = "More than 470,000 people have been killed in Syria since 2011, according to SOHR."


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["check-text", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------------- encodings


def test_utf16_with_byte_order_mark_is_read():
    for bom_text in (SENTENCE.encode("utf-16"), codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
                     SENTENCE.encode("utf-8-sig")):
        assert decode_text(bom_text, "a.txt") == SENTENCE


def test_utf16_without_byte_order_mark_is_refused_not_read_as_no_claims(tmp_path: Path,
                                                                        capsys):
    # UTF-16 without a BOM is valid UTF-8 (ASCII with NULs between): it used to pass as a
    # text "with no war statistics" and exit 0
    f = tmp_path / "notepad.txt"
    f.write_bytes(SENTENCE.encode("utf-16-le"))
    code, out, err = _run(capsys, str(f), "--published", "2016-08-01")
    assert code == 1 and out == ""
    assert "notepad.txt" in err and "NUL" in err and "UTF-8" in err and "Traceback" not in err
    with pytest.raises(TextCheckError, match="UTF-32"):
        decode_text(SENTENCE.encode("utf-32"), "x.txt")


def test_utf16_file_with_bom_is_checked_like_utf8(tmp_path: Path, capsys):
    a, b = tmp_path / "u16.txt", tmp_path / "u8.txt"
    a.write_bytes(SENTENCE.encode("utf-16"))
    b.write_text(SENTENCE, encoding="utf-8")
    ra = _run(capsys, str(a), "--published", "2016-08-01", "--format", "json")
    rb = _run(capsys, str(b), "--published", "2016-08-01", "--format", "json")
    assert ra[0] == rb[0] == 0
    assert json.loads(ra[1]) == json.loads(rb[1]) and len(json.loads(ra[1])) == 1


def test_empty_file_is_named(tmp_path: Path, capsys):
    f = tmp_path / "blank.txt"
    f.write_text(" \r\n\t\n", encoding="utf-8")
    code, out, err = _run(capsys, str(f), "--published", "2016-08-01")
    assert code == 1 and out == "" and "blank.txt" in err and "empty" in err


def test_windows_line_endings_are_read(tmp_path: Path, capsys):
    f = tmp_path / "crlf.txt"
    f.write_bytes((SENTENCE + "\r\nAbout 5.6 million refugees have fled Syria.\r\n").encode())
    code, out, _ = _run(capsys, str(f), "--published", "2016-08-01", "--format", "json")
    recs = json.loads(out)
    assert code == 0 and [r["measure"] for r in recs][:1] == ["deaths_total"]
    assert all("\r" not in r["claim_text"] for r in recs)


# ----------------------------------------------------------------------------- options


@pytest.mark.parametrize("args, words", [
    (("--published", "2016-13-01"), ["--published", "not a date", "YYYY-MM-DD"]),
    (("--published", "2999-01-01"), ["--published", "future"]),
    (("--published", "2010-05-01"), ["--published", "before the war"]),
    (("--published", "2016-08-01", "--url", "not a url"), ["--url", "not a web address", "https://"]),
    (("--published", "2016-08-01", "--url", "javascript:alert(1)"), ["--url", "http://"]),
])
def test_bad_option_values_are_usage_errors(tmp_path: Path, capsys, args, words):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    code, out, err = _run(capsys, str(f), *args)
    assert code == 2 and out == "", err  # 2: as argparse for a missing --published
    assert len(err.strip().splitlines()) == 1
    for w in words:
        assert w in err


def test_output_file_is_written_only_when_complete(tmp_path: Path, capsys):
    good, bad = tmp_path / "good.txt", tmp_path / "latin1.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    bad.write_bytes("Caf\xe9: 470,000 killed".encode("latin-1"))
    out_file = tmp_path / "report.html"
    code, out, _ = _run(capsys, str(good), "--published", "2016-08-01", "--format", "html",
                        "--output", str(out_file))
    assert code == 0 and out == "" and "<mark" in out_file.read_text(encoding="utf-8")
    umask = os.umask(0o022)
    os.umask(umask)
    assert out_file.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not 0600
    before = out_file.read_bytes()
    code, _, err = _run(capsys, str(bad), "--published", "2016-08-01", "--format", "html",
                        "--output", str(out_file))
    assert code == 1 and "latin1.txt" in err
    assert out_file.read_bytes() == before  # an earlier output is left intact
    fresh = tmp_path / "never.md"
    code, _, _ = _run(capsys, str(bad), "--published", "2016-08-01", "-o", str(fresh))
    assert code == 1 and not fresh.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    code, _, err = _run(capsys, str(good), "--published", "2016-08-01",
                        "-o", str(tmp_path / "no" / "such" / "x.md"))
    assert code == 2 and "does not exist" in err


# ----------------------------------------------------------------------------- outputs


def test_outputs_say_how_the_claims_were_judged(tmp_path: Path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    version = json.loads((Path(__file__).parents[1] / "data" / "datapackage.json")
                         .read_text(encoding="utf-8"))["version"]
    for fmt in ("table", "markdown", "html"):
        for flag, words in (("--as-known-then", ["known then", "on or before 2016-08-01"]),
                            ("--as-known-now", ["known now", "published after the text"])):
            code, out, _ = _run(capsys, str(f), "--published", "2016-08-01", "--format", fmt, flag)
            text = out.replace("\\_", "_")
            assert code == 0
            assert "Published 2016-08-01" in text, fmt
            assert f"version {version}" in text and "figures, the newest published 20" in text
            for w in words:
                assert w in text, (fmt, w)
            assert "not_checkable is not a verdict on the claim" in text, fmt
            for cls in ("consistent", "overstated", "understated", "misscoped", "contested"):
                assert cls in text


def test_verdict_lines_read_as_words(tmp_path: Path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    _, md, _ = _run(capsys, str(f), "--published", "2016-08-01", "--format", "markdown")
    line = next(x for x in md.splitlines() if x.startswith("> [1]"))
    # the comparator in words, the measure escaped, the detailed verdict not repeated
    assert "at least 470,000" in line and "at_least" not in line
    assert "deaths\\_total" in line and "(contested;" not in line


def _subprocess(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "syriastats", "check-text", *args],
                          capture_output=True, timeout=600, env=env)


def test_html_and_json_stay_valid_on_an_ascii_terminal(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("Syria \u2013 \U0001F622 " + SENTENCE, encoding="utf-8")
    page = _subprocess(str(f), "--published", "2016-08-01", "--format", "html",
                       env_extra={"PYTHONIOENCODING": "ascii"})
    html = page.stdout.decode("ascii")
    assert page.returncode == 0 and "&#8211;" in html and "\\u2013" not in html
    js = _subprocess(str(f), "--published", "2016-08-01", "--format", "json",
                     env_extra={"PYTHONIOENCODING": "ascii"})
    recs = json.loads(js.stdout.decode("ascii"))
    assert js.returncode == 0 and any("\U0001F622" in r["sentence"] for r in recs)


def _row(**kw: object) -> dict[str, object]:
    from syriastats.textclaims import RESULT_COLUMNS

    base: dict[str, object] = {c: "" for c in RESULT_COLUMNS}
    base.update(sentence_index=0, start=0, end=0, value=0.0, lower=float("nan"),
                upper=float("nan"), known="then", verdict="not_checkable",
                verdict_class="not_checkable", explanation="no figure")
    base.update(kw)
    return base


def test_verdict_lines_name_place_group_and_a_flow_period():
    import pandas as pd

    from syriastats.textclaims import RESULT_COLUMNS, render

    text = "Lebanon hosts 1,200,000 refugees. 400,000 children fled in 2013."
    res = pd.DataFrame([
        _row(start=14, end=23, claim_text="1,200,000", value=1.2e6, measure="refugees_registered",
             comparator="about", period_type="stock", period_start="2016-06-02",
             as_of="2016-06-02", host="LBN", area="SYR", group="all"),
        _row(start=34, end=41, claim_text="400,000", value=4e5, measure="refugees_registered",
             comparator="at_least", period_type="flow", period_start="2013-01-01",
             as_of="2013-12-31", host="", area="SYR", group="children", verdict="below_all",
             verdict_class="understated"),
    ], columns=RESULT_COLUMNS)
    md = render(text, res, "markdown").replace("\\_", "_")
    assert "(refugees_registered, in LBN, about 1,200,000, as of 2016-06-02)" in md
    assert "(below_all; refugees_registered, children, at least 400,000, " \
           "from 2013-01-01 to 2013-12-31)" in md
    table = render(text, res, "table")
    assert "in LBN" in table and "children" in table and "at least" in table


def test_api_errors_are_text_check_errors_with_one_line():
    import pandas as pd

    from syriastats import check_text
    from syriastats.textclaims import RESULT_COLUMNS

    empty_registry = pd.DataFrame()
    for kw, word in ((dict(published="1 Aug 2016"), "YYYY-MM-DD"),
                     (dict(published=None), "not a date"),
                     (dict(published="2016-08-01", known="both"), "'then' or 'now'")):
        with pytest.raises(TextCheckError, match=word) as info:
            check_text(SENTENCE, estimates=empty_registry, **kw)  # type: ignore[arg-type]
        assert isinstance(info.value, ValueError) and "\n" not in str(info.value)
    res = check_text("The weather was fine.", published="2016-08-01", estimates=empty_registry)
    assert res.empty and list(res.columns) == RESULT_COLUMNS
    for col in ("sentence", "start", "end", "value", "measure", "comparator", "period_start",
                "as_of", "host", "area", "group", "verdict", "verdict_class", "explanation",
                "figures"):  # the columns issue 15 lists
        assert col in RESULT_COLUMNS


def test_html_folds_the_long_part_of_an_explanation():
    import html as _html

    import pandas as pd

    from syriastats.textclaims import RESULT_COLUMNS, render

    first = "The claim 'about 100' (deaths in the war, as of 2016-08-01) is consistent."
    rest = ("Comparable figures published by 2016-08-01 give a 90% range of 90 to 120; "
            "documented counts are read as floors. ") * 3
    text = "About 100 people were killed."
    res = pd.DataFrame([_row(start=0, end=9, claim_text="About 100", value=100.0,
                             measure="deaths_total", comparator="about", as_of="2016-08-01",
                             verdict="consistent", verdict_class="consistent",
                             explanation=first + " " + rest.strip())], columns=RESULT_COLUMNS)
    page = _html.unescape(render(text, res, "html"))
    assert f"{first}<details><summary>" in page  # the verdict sentence stays in view
    assert rest.strip() + "</details>" in page  # nothing of the explanation is lost
    assert "<script" not in page


def test_an_over_long_sentence_is_cut_at_clause_boundaries():
    """A run of text far longer than any real sentence (hostile input, a table pasted as one
    line) is read in pieces of at most MAX_SENTENCE_CHARS, cut after a semicolon where there
    is one, else a comma, so the work per number stays bounded (timings:
    benchmarks/bench_hostile_text.py). Offsets still point into the whole text."""
    from syriastats.textclaims.sentences import MAX_SENTENCE_CHARS, split_sentences

    clause = "in Syria 1,000 people were killed, 2,000 were wounded; "
    text = clause * (3 * MAX_SENTENCE_CHARS // len(clause))
    pieces = split_sentences(text)
    assert len(pieces) >= 3
    for p in pieces:
        assert len(p.text) <= MAX_SENTENCE_CHARS
        assert text[p.start:p.end] == p.text
    # cut after a semicolon when one lies within the limit, not inside a clause
    assert all(p.text.endswith(";") for p in pieces[:-1])
    # nothing but blanks is lost between pieces
    gaps = [text[a.end:b.start] for a, b in zip(pieces, pieces[1:])]
    assert all(not g.strip() for g in gaps)
    # every clause's numbers are still found
    from syriastats.textclaims.extract import extract_claims

    found = extract_claims(text, pd.Timestamp("2016-08-01"))
    assert (found["value"] == 1000).sum() == text.count("1,000 people")


def test_a_real_length_sentence_is_not_cut():
    from syriastats.textclaims.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = ("More than 400,000 people have been killed, " * 40).rstrip(", ") + "."
    assert 1_000 < len(text) < MAX_SENTENCE_CHARS
    assert [p.text for p in split_sentences(text)] == [text]
