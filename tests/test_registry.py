"""The registry's validation rules: each rule is broken in a copy of a small,
valid, hand-made registry and must be reported with file, row, column and id."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import syriastats
from syriastats.cli import main as cli_main
from syriastats.paths import DEFAULT_DATA_DIR
from syriastats.validate import RegistryError, parse_date_bounds, validate_data_dir

SOURCES = [
    {"source_id": "sohr-a", "publisher": "SOHR", "title": "Toll statement", "published": "2016-08-08",
     "url": "https://example.org/sohr", "url_kind": "primary", "carrier": "", "accessed": "2026-11-25",
     "citation": "SOHR, toll statement, 8 Aug 2016.", "notes": ""},
    {"source_id": "scpr-b", "publisher": "SCPR", "title": "Confronting Fragmentation", "published": "2016-02",
     "url": "http://example.org/scpr", "url_kind": "secondary", "carrier": "A newspaper", "accessed": "2026-11-25",
     "citation": "SCPR 2016 as reported.", "notes": "margin stated in words"},
]
ESTIMATES = [
    {"estimate_id": "e-count", "source_id": "sohr-a", "measure": "deaths_total", "scope": "named dead",
     "method": "documented_count", "period_start": "2011-03", "period_end": "2016-07-31", "low": "",
     "central": "292817", "high": "", "qualifier": "exact", "range_type": "none", "range_level": "",
     "margin": "", "locator": "para 1", "checked": "dossier", "notes": ""},
    {"estimate_id": "e-margin", "source_id": "scpr-b", "measure": "deaths_total", "scope": "direct+indirect",
     "method": "statistical_estimate", "period_start": "2011-03", "period_end": "2015-12", "low": "",
     "central": "470000", "high": "", "qualifier": "approximately", "range_type": "margin", "range_level": "",
     "margin": "0.05", "locator": "p. 1", "checked": "dossier", "notes": ""},
    {"estimate_id": "e-bracket", "source_id": "scpr-b", "measure": "displaced_share", "scope": "share",
     "method": "derived", "period_start": "2015", "period_end": "2015", "low": "0.4",
     "central": "0.45", "high": "0.5", "qualifier": "approximately", "range_type": "bracket", "range_level": "",
     "margin": "", "locator": "p. 2", "checked": "dossier", "notes": ""},
]
#: The dimension columns of each test row, inserted right after scope as in the registry.
_DIMS = {
    "e-count": dict(period_type="cumulative", area="SYR", host="", group="all", perpetrator="all",
                    death_scope="violent", role="headline", superseded_by=""),
    "e-margin": dict(period_type="cumulative", area="SYR", host="", group="all", perpetrator="all",
                     death_scope="violent", role="headline", superseded_by=""),
    "e-bracket": dict(period_type="stock", area="SYR", host="", group="all", perpetrator="",
                      death_scope="", role="headline", superseded_by=""),
}


def _with_dims(row: dict) -> dict:
    out: dict = {}
    for k, v in row.items():
        out[k] = v
        if k == "scope":
            out.update(_DIMS[row["estimate_id"]])
    return out


ESTIMATES = [_with_dims(r) for r in ESTIMATES]
CLAIMS_HEADER = ["claim_id", "origin", "origin_date", "origin_url", "text", "measure", "as_of", "value",
                 "comparator", "notes"]


def write_csv(path: Path, rows: list[dict], header: list[str] | None = None) -> None:
    header = header or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    shutil.copy(DEFAULT_DATA_DIR / "datapackage.json", tmp_path / "datapackage.json")
    write_csv(tmp_path / "sources.csv", SOURCES)
    write_csv(tmp_path / "estimates.csv", ESTIMATES)
    return tmp_path


def rewrite(folder: Path, name: str, rows: list[dict], header: list[str] | None = None) -> None:
    write_csv(folder / name, rows, header)


def problems_of(folder: Path):
    return validate_data_dir(folder)


def only(problems, **kw):
    hits = [p for p in problems if all(getattr(p, k) == v for k, v in kw.items())]
    assert hits, f"no problem with {kw}; got: {[str(p) for p in problems]}"
    return hits[0]


def test_fixture_is_clean(registry: Path) -> None:
    assert problems_of(registry) == []
    est = syriastats.load_estimates(registry)
    assert list(est["estimate_id"]) == ["e-bracket", "e-count", "e-margin"]


def test_loaded_dtypes(registry: Path) -> None:
    est = syriastats.load_estimates(registry)
    assert str(est["central"].dtype) == "Float64"
    assert est["low"].isna().sum() == 2
    assert isinstance(est["measure"].dtype, pd.CategoricalDtype)
    assert "deaths_civilian" in est["measure"].cat.categories  # the full vocabulary
    row = est.set_index("estimate_id").loc["e-margin"]
    assert row["period_start"] == pd.Timestamp("2011-03-01")
    assert row["period_end"] == pd.Timestamp("2015-12-31")  # a month ends on its last day
    assert row["period_end_text"] == "2015-12"
    src = syriastats.load_sources(registry).set_index("source_id")
    assert src.loc["scpr-b", "published"] == pd.Timestamp("2016-02-29")  # last day: surely known by then


def test_with_sources_joins_every_row(registry: Path) -> None:
    est = syriastats.load_estimates(registry)
    joined = syriastats.with_sources(est, syriastats.load_sources(registry))
    assert len(joined) == len(est)
    assert joined.set_index("estimate_id").loc["e-count", "publisher"] == "SOHR"


@pytest.mark.parametrize(
    "field,value,column,fragment",
    [
        ("source_id", "nowhere", "source_id", "unknown source"),
        ("low", "300000", "low", "above central"),
        ("high", "1", "high", "central 292817 is above high"),
        ("period_end", "31/07/2016", "period_end", "expected form"),
        ("period_end", "2016-02-30", "period_end", "not a real calendar date"),
        ("period_start", "2017-01", "period_start", "after period_end"),
        ("central", "292,817", "central", "not a number"),
        ("central", "about 300000", "central", "not a number"),
        ("central", "-5", "central", "below the minimum"),
        ("measure", "deaths", "measure", "not an allowed value"),
        ("qualifier", "roughly", "qualifier", "not an allowed value"),
        ("scope", "", "scope", "required value is empty"),
        ("estimate_id", "E Count", "estimate_id", "expected form"),
        ("central", " 292817", "central", "leading or trailing spaces"),
    ],
)
def test_each_rule_on_estimates(registry: Path, field: str, value: str, column: str, fragment: str) -> None:
    rows = [dict(r) for r in ESTIMATES]
    rows[0][field] = value
    rewrite(registry, "estimates.csv", rows)
    p = only(problems_of(registry), file="estimates.csv", row=2, column=column)
    assert fragment in p.message
    with pytest.raises(RegistryError) as exc:
        syriastats.load_estimates(registry)
    assert any(fragment in q.message for q in exc.value.problems)


def test_range_type_rules(registry: Path) -> None:
    rows = [dict(r) for r in ESTIMATES]
    rows[0]["low"] = "250000"                     # a low with range_type none
    rows[1]["margin"] = ""                        # margin without its value
    rows[2]["range_type"] = "confidence_interval"  # a CI without its level
    rewrite(registry, "estimates.csv", rows)
    probs = problems_of(registry)
    only(probs, row=2, column="range_type")
    only(probs, row=3, column="margin")
    only(probs, row=4, column="range_level")


def test_share_above_one(registry: Path) -> None:
    rows = [dict(r) for r in ESTIMATES]
    rows[2]["high"] = "50"
    rewrite(registry, "estimates.csv", rows)
    p = only(problems_of(registry), row=4, column="high")
    assert "not a share" in p.message


def test_duplicate_id(registry: Path) -> None:
    rows = [dict(r) for r in ESTIMATES] + [dict(ESTIMATES[0])]
    rewrite(registry, "estimates.csv", rows)
    p = only(problems_of(registry), row=5, column="estimate_id")
    assert "duplicate" in p.message and "row 2" in p.message


def test_missing_and_unknown_columns(registry: Path) -> None:
    header = [c for c in ESTIMATES[0] if c != "locator"] + ["comment"]
    rewrite(registry, "estimates.csv", [dict(r, comment="x") for r in ESTIMATES], header)
    probs = problems_of(registry)
    assert "missing" in only(probs, row=1, column="locator").message
    assert "unknown column" in only(probs, row=1, column="comment").message


def test_bad_url_and_source_rules(registry: Path) -> None:
    rows = [dict(r) for r in SOURCES]
    rows[0]["url"] = "ftp://example.org/x"
    rows[1]["carrier"] = ""
    rows[1]["published"] = "2030-01-01"
    rewrite(registry, "sources.csv", rows)
    probs = problems_of(registry)
    assert "http" in only(probs, file="sources.csv", row=2, column="url").message
    only(probs, file="sources.csv", row=3, column="carrier")
    only(probs, file="sources.csv", row=3, column="published")


def test_empty_file(registry: Path) -> None:
    (registry / "estimates.csv").write_text("", encoding="utf-8")
    p = only(problems_of(registry), file="estimates.csv")
    assert "empty" in p.message


def test_bom_is_not_an_error(registry: Path) -> None:
    # spreadsheet programs add a UTF-8 byte-order mark; it is dropped, not reported (issue 11)
    path = registry / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [p for p in problems_of(registry) if p.file == "sources.csv"] == []


def test_wrong_encoding_names_the_line(registry: Path) -> None:
    rows = [dict(r) for r in SOURCES]
    rows[1]["publisher"] = "Société"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (registry / "sources.csv").write_bytes(buf.getvalue().encode("latin-1"))
    p = only(problems_of(registry), file="sources.csv", row=3)
    assert "UTF-8" in p.message


def test_ragged_row(registry: Path) -> None:
    path = registry / "estimates.csv"
    path.write_text(path.read_text(encoding="utf-8") + "e-short,sohr-a,deaths_total\n", encoding="utf-8")
    p = only(problems_of(registry), file="estimates.csv", row=5)
    assert "fields" in p.message


def test_every_problem_is_listed_not_just_the_first(registry: Path) -> None:
    rows = [dict(r) for r in ESTIMATES]
    rows[0]["central"] = "x"
    rows[1]["measure"] = "y"
    rows[2]["period_end"] = "z"
    rewrite(registry, "estimates.csv", rows)
    assert {p.row for p in problems_of(registry)} >= {2, 3, 4}


def test_cli_validate_clean_and_dirty(registry: Path, capsys) -> None:
    assert cli_main(["validate", "--data", str(registry)]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "3 estimates" in out
    rows = [dict(r) for r in ESTIMATES]
    rows[0]["low"] = "999999"
    rewrite(registry, "estimates.csv", rows)
    assert cli_main(["validate", "--data", str(registry)]) == 1
    err = capsys.readouterr().err
    assert "estimates.csv, row 2, column 'low' (id e-count)" in err
    assert "Traceback" not in err


def test_cli_validate_never_tracebacks_on_garbage(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_bytes(b"\xff\xfe garbage")
    (tmp_path / "estimates.csv").write_text("", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "syriastats", "validate", "--data", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "sources.csv" in proc.stderr and "estimates.csv" in proc.stderr


def test_claims_collect_mode_keeps_good_rows(registry: Path) -> None:
    good = {"claim_id": "c1", "origin": "A paper", "origin_date": "2016-08-01", "origin_url": "",
            "text": "470,000 died", "measure": "deaths_total", "as_of": "2016-08-01", "value": "470000",
            "comparator": "at_most", "notes": ""}
    bad = dict(good, claim_id="c2", value="lots", comparator="roughly")
    write_csv(registry / "mine.csv", [good, bad], CLAIMS_HEADER)
    df = syriastats.load_claims(registry / "mine.csv", on_error="collect")
    assert list(df["claim_id"]) == ["c1"]
    cols = {p.column for p in df.attrs["problems"]}
    assert cols == {"value", "comparator"}
    with pytest.raises(RegistryError):
        syriastats.load_claims(registry / "mine.csv")


@pytest.mark.parametrize(
    "text,first,last",
    [("2016", "2016-01-01", "2016-12-31"), ("2016-02", "2016-02-01", "2016-02-29"),
     ("2015-02", "2015-02-01", "2015-02-28"), ("2016-12", "2016-12-01", "2016-12-31"),
     ("2016-07-31", "2016-07-31", "2016-07-31")],
)
def test_parse_date_bounds(text: str, first: str, last: str) -> None:
    a, b = parse_date_bounds(text)
    assert (a.isoformat(), b.isoformat()) == (first, last)


@pytest.mark.parametrize("text", ["2016-13", "2016-00-10", "16-01-01", "2016/01", "", "2016-02-30"])
def test_parse_date_bounds_rejects(text: str) -> None:
    assert parse_date_bounds(text) is None


def test_claims_file_without_optional_columns(registry: Path) -> None:
    """A claims file written with only the essential columns (no origin_date,
    origin_url or notes) is accepted; 'as known then' then falls back to as_of."""
    header = ["claim_id", "origin", "text", "measure", "as_of", "value", "comparator"]
    row = {"claim_id": "c1", "origin": "Some paper, 1 Aug 2016", "text": "470,000 died",
           "measure": "deaths_total", "as_of": "2016-08-01", "value": "470000", "comparator": "at_most"}
    write_csv(registry / "short.csv", [row], header)
    df = syriastats.load_claims(registry / "short.csv")
    assert df.loc[0, "claim_id"] == "c1"
    assert pd.isna(df.loc[0, "origin_date"])
    # but a required column may not be left out
    write_csv(registry / "shorter.csv", [row], [h for h in header if h != "as_of"])
    with pytest.raises(RegistryError) as exc:
        syriastats.load_claims(registry / "shorter.csv")
    assert any(p.column == "as_of" for p in exc.value.problems)


def test_claims_with_bom_still_judged_in_collect_mode(registry: Path) -> None:
    good = {"claim_id": "c1", "origin": "A paper", "origin_date": "2016-08-01", "origin_url": "",
            "text": "470,000 died", "measure": "deaths_total", "as_of": "2016-08-01", "value": "470000",
            "comparator": "at_most", "notes": ""}
    write_csv(registry / "bom.csv", [good], CLAIMS_HEADER)
    path = registry / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    df = syriastats.load_claims(path, on_error="collect")
    assert list(df["claim_id"]) == ["c1"]
    assert df.attrs["problems"] == []  # a BOM is not a problem (issue 11)


def test_highest_since_needs_a_reference_year(registry: Path) -> None:
    row = {"claim_id": "w", "origin": "A paper", "origin_date": "2016-08-01", "origin_url": "",
           "text": "worst since 1945", "measure": "global_forcibly_displaced", "as_of": "2016-08-01",
           "value": "0.5", "comparator": "highest_since", "notes": ""}
    write_csv(registry / "hs.csv", [row, dict(row, claim_id="ok", value="1945")], CLAIMS_HEADER)
    df = syriastats.load_claims(registry / "hs.csv", on_error="collect")
    assert list(df["claim_id"]) == ["ok"]
    p = only(df.attrs["problems"], row=2, column="value")
    assert "year" in p.message
