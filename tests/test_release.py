"""`syriastats export`: the registry joined with its sources as CSV, Parquet and Excel."""
from __future__ import annotations

import csv
import io
import shutil
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from syriastats import release
from syriastats.paths import DEFAULT_DATA_DIR, REPO_ROOT
from syriastats.sources import load_estimates, load_sources
from syriastats.validate import read_descriptor

VERSION = read_descriptor(DEFAULT_DATA_DIR)["version"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    return {f: release.export_registry(f, out) for f in release.FORMATS}


def _truth() -> pd.DataFrame:
    est = load_estimates().set_index("estimate_id")
    src = load_sources().set_index("source_id")
    return est.join(src[["publisher", "url"]], on="source_id")


def test_file_names_carry_the_data_version(exported) -> None:
    assert VERSION and all(p.name == f"syriastats-registry-{VERSION}.{f}" for f, p in exported.items())


@pytest.mark.parametrize("fmt", release.FORMATS)
def test_every_figure_is_exported_with_its_source(exported, fmt) -> None:
    p = exported[fmt]
    df = (pd.read_csv(p, dtype={"central": float}) if fmt == "csv" else
          pd.read_parquet(p) if fmt == "parquet" else pd.read_excel(p, sheet_name="registry"))
    truth = _truth()
    df = df.set_index("estimate_id")
    assert sorted(df.index) == sorted(truth.index)
    c = df["central"].astype(float)
    t = truth.loc[df.index, "central"].astype(float)
    assert ((c == t) | (c.isna() & t.isna())).all()
    assert (df["publisher"] == truth.loc[df.index, "publisher"].astype(str)).all()
    assert (df["host"].astype(object).fillna("") == truth.loc[df.index, "host"].astype(object).fillna("")).all()
    assert str(df.loc["sohr-year-2014", "period_type"]) == "flow"
    assert str(df.loc["sohr-year-2014", "period_start_date"])[:10] == "2014-01-01"


def test_parquet_keeps_types_and_describes_columns(exported) -> None:
    import pyarrow.parquet as pq

    t = pq.read_table(exported["parquet"])
    meta = {k.decode(): v.decode() for k, v in t.schema.metadata.items()}
    assert meta["version"] == VERSION and meta["licence"] == "CC-BY-4.0"
    host = t.schema.field("host")
    assert str(host.type).startswith("dictionary")
    assert b"country of asylum" in host.metadata[b"description"]
    assert str(t.schema.field("period_end_date").type) == "date32[day]"
    assert str(t.schema.field("central").type) == "double"


def test_excel_has_the_documentation_sheets(exported) -> None:
    x = pd.read_excel(exported["xlsx"], sheet_name=None)
    assert list(x) == ["registry", "sources", "columns", "about"]
    assert len(x["sources"]) == len(load_sources())
    assert set(x["columns"]["column"]) == set(x["registry"].columns)
    assert VERSION in set(x["about"]["value"].astype(str))


def test_exports_are_byte_identical_across_runs(tmp_path, exported) -> None:
    for f in ("xlsx", "parquet", "csv"):
        again = release.export_registry(f, tmp_path)
        assert again.read_bytes() == exported[f].read_bytes(), f


def _registry_with_formula_note(tmp_path: Path) -> Path:
    tmp_path.mkdir()
    for f in ("datapackage.json", "sources.csv", "estimates.csv"):
        shutil.copy(DEFAULT_DATA_DIR / f, tmp_path / f)
    path = tmp_path / "estimates.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = rows[0].index("notes")
    rows[1][i] = "=HYPERLINK(\"http://evil.example\",\"click\")"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return tmp_path


def test_text_that_a_spreadsheet_would_run_is_escaped(tmp_path) -> None:
    data = _registry_with_formula_note(tmp_path / "d")
    out = tmp_path / "o"
    c = pd.read_csv(release.export_registry("csv", out, data))
    assert c["notes"].iloc[0].startswith("'=HYPERLINK")
    x = pd.read_excel(release.export_registry("xlsx", out, data), sheet_name="registry")
    assert x["notes"].iloc[0].startswith("'=HYPERLINK")
    # numbers that look negative are not text and are not touched
    assert release._safe_text("-0.5") == "-0.5"


def test_a_failed_export_leaves_the_earlier_file(tmp_path, monkeypatch) -> None:
    first = release.export_registry("csv", tmp_path)
    before = first.read_bytes()

    def boom(df, path):
        path.write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(release, "_write_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        release.export_registry("csv", tmp_path)
    assert first.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [first.name]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="csv, parquet, xlsx"):
        release.export_registry("json", ".")  # type: ignore[arg-type]


def test_export_dependencies_are_runtime_dependencies() -> None:
    deps = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {"pyarrow", "openpyxl"} <= set(deps)
    lock = (REPO_ROOT / "requirements.lock").read_text()
    assert "\npyarrow==" in lock and "\nopenpyxl==" in lock


def test_cli_export_writes_each_format(tmp_path, capsys) -> None:
    from syriastats.cli import main

    for fmt in release.FORMATS:
        assert main(["export", "--format", fmt, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".csv", ".parquet", ".xlsx"]
    assert f"syriastats-registry-{VERSION}.parquet" in out


def test_cli_export_to_an_unwritable_place_says_so(tmp_path, capsys) -> None:
    from syriastats.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["export", "--out", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
