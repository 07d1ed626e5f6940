"""Registry dimensions (issue 12): the migration, the vocabularies, the validation rules,
the loaders' categoricals, the legacy measure aliases, and agreement between ``scope``
(the human sentence) and the columns where both speak."""
from __future__ import annotations

import csv
import importlib.util
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from syriastats import dimensions as D
from syriastats.paths import DEFAULT_DATA_DIR, REPO_ROOT
from syriastats.sources import is_context_only, load_estimates
from syriastats.validate import enum_values, read_descriptor, validate_data_dir

MIGRATION = REPO_ROOT / "data" / "migrations" / "001_dimensions.py"
MIGRATION_002 = REPO_ROOT / "data" / "migrations" / "002_death_scope.py"
MIGRATION_003 = REPO_ROOT / "data" / "migrations" / "003_civilians_incl_armed.py"


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _migration():
    return _load(MIGRATION, "migration_001")


def _migration_002():
    return _load(MIGRATION_002, "migration_002")


def _migration_003():
    return _load(MIGRATION_003, "migration_003")


def _raw() -> pd.DataFrame:
    return pd.read_csv(DEFAULT_DATA_DIR / "estimates.csv", dtype=str, keep_default_na=False)


#: The rows migration 001 was written for (data/migrations/001_ids.txt). Rows added
#: after it (issue 13 on) carry their dimensions by hand and are checked by validation.
MIGRATED_IDS = frozenset(
    line.strip() for line in (REPO_ROOT / "data" / "migrations" / "001_ids.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))


def _rows(text: str) -> list[list[str]]:
    """Header and the migrated rows of a CSV text, parsed (quoting style does not matter)."""
    rows = list(csv.reader(io.StringIO(text)))
    return [rows[0]] + [r for r in rows[1:] if r and r[0] in MIGRATED_IDS]


def _subset_text(df: pd.DataFrame) -> str:
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue()


def _legacy_text() -> str:
    """The registry as it was before migration 001: no dimension columns, suffix measures
    (only the rows the migration was written for)."""
    df = _raw()
    df = df[df["estimate_id"].isin(MIGRATED_IDS)]
    df["measure"] = [D.legacy_measure(m, h) for m, h in zip(df["measure"], df["host"])]
    df = df.drop(columns=list(D.DIMENSIONS))
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue()


# ------------------------------------------------------------------------ migration


def test_migration_reproduces_the_committed_registry_from_the_legacy_file() -> None:
    """Re-running the migration on the pre-migration layout gives exactly the committed
    file: the script, not hand edits, is the record of every row's dimensions."""
    committed = (DEFAULT_DATA_DIR / "estimates.csv").read_text(encoding="utf-8")
    assert len(MIGRATED_IDS) == 441
    after_001 = _migration().migrate(_legacy_text())
    assert "death_scope" not in after_001.splitlines()[0]
    after_002 = _migration_002().migrate(after_001)
    assert _rows(_migration_003().migrate(after_002)) == _rows(committed)


def test_migration_is_idempotent_and_force_agrees() -> None:
    m = _migration()
    committed = (DEFAULT_DATA_DIR / "estimates.csv").read_text(encoding="utf-8")
    assert m.migrate(committed) == committed
    migrated = _subset_text(_raw()[lambda d: d["estimate_id"].isin(MIGRATED_IDS)])
    # --force recomputes the rules of 001; migration 003 then re-applies its groups
    assert _rows(_migration_003().migrate(m.migrate(migrated, force=True))) == _rows(migrated)


def test_migration_changes_no_figure() -> None:
    before = pd.read_csv(io.StringIO(_legacy_text()), dtype=str, keep_default_na=False)
    after = pd.read_csv(io.StringIO(_migration().migrate(_legacy_text())), dtype=str,
                        keep_default_na=False)
    b, a = before.set_index("estimate_id"), after.set_index("estimate_id")
    assert list(a.index) == list(b.index)
    cols = [c for c in b.columns if c != "measure"]
    assert a[cols].equals(b[cols])
    renamed = b["measure"] != a["measure"]
    assert set(b.loc[renamed, "measure"]) == {"refugees_registered_by_host", "refugees_by_host",
                                               "refugees_worldwide"}


def _without_death_scope() -> str:
    df = _raw().drop(columns=["death_scope"])
    return _subset_text(df)


def test_death_scope_migration_reproduces_the_committed_column_and_changes_nothing_else() -> None:
    """Migration 002 run on the registry without ``death_scope`` gives the committed file
    (every row, including rows added after migration 001), and only adds that column."""
    m = _migration_002()
    committed = (DEFAULT_DATA_DIR / "estimates.csv").read_text(encoding="utf-8")
    out = m.migrate(_without_death_scope())
    assert list(csv.reader(io.StringIO(out))) == list(csv.reader(io.StringIO(committed)))
    assert m.migrate(committed) == committed  # idempotent
    assert m.migrate(committed, force=True) == committed  # no hand edit disagrees with the rules


def test_death_scope_migration_refuses_an_unknown_death_measure() -> None:
    text = _without_death_scope()
    rows = list(csv.reader(io.StringIO(text)))
    i = rows[0].index("measure")
    rows[1][i] = "deaths_of_something_new"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with pytest.raises(SystemExit, match="deaths_of_something_new"):
        _migration_002().migrate(buf.getvalue())


def test_death_scope_agrees_with_the_scope_sentence() -> None:
    """Where the human-readable scope speaks of indirect deaths or the missing, the column
    says the same: counted (the column names it) or excluded (the sentence says so)."""
    df = _raw()
    deaths = df[df["measure"].str.startswith("deaths_")]
    assert (deaths["death_scope"] != "").all()
    assert (df.loc[~df["measure"].str.startswith("deaths_"), "death_scope"] == "").all()
    for _, r in deaths.iterrows():
        scope, ds = r["scope"].lower(), r["death_scope"]
        says_indirect = "indirect" in scope or "lack of" in scope
        says_missing = "missing" in scope or "disappeared" in scope
        excludes = "excl" in scope or "not a death toll" in scope
        if "indirect" in ds or ds == "excess":
            assert says_indirect or r["measure"] in {"deaths_indirect", "deaths_excess"}, \
                (r["estimate_id"], scope)
        if "missing" in ds:
            assert says_missing, (r["estimate_id"], scope)
        if ds == "violent":
            assert not (says_indirect or says_missing) or excludes, (r["estimate_id"], scope)
    broad = deaths[deaths["death_scope"] != "violent"]
    assert {"scpr-2016-total", "demistura-2016-04"} <= set(broad["estimate_id"])


def test_migration_keeps_hand_filled_cells() -> None:
    text = (DEFAULT_DATA_DIR / "estimates.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    i = rows[0].index("group")
    rid = next(r for r in rows[1:] if r[0] == "sohr-2016-05")
    rid[i] = "combatants"  # a deliberate hand decision the rules would not make
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    out = _migration().migrate(buf.getvalue())
    assert "sohr-2016-05" in out and ",combatants," in out.split("\nsohr-2016-05,")[1].split("\n")[0]


# ---------------------------------------------------------------- scope agrees with columns

_COUNTRY = {"Turkey": "TUR", "Lebanon": "LBN", "Jordan": "JOR", "Iraq": "IRQ", "Egypt": "EGY",
            "Germany": "DEU", "Sweden": "SWE"}


def test_scope_naming_one_host_country_has_that_host() -> None:
    df = _raw()
    n = 0
    for _, r in df.iterrows():
        named = [c for c in _COUNTRY if re.search(rf"\b{c}\b", r["scope"])]
        if len(named) == 1 and re.search(r"\bonly\b", r["scope"]):
            assert r["host"] == _COUNTRY[named[0]], r["estimate_id"]
            n += 1
    assert n >= 60  # every per-host registration and UNHCR statistic


def test_scope_and_period_type_agree() -> None:
    df = _raw()
    for _, r in df.iterrows():
        s, pt = r["scope"], r["period_type"]
        if re.search(r"calendar year|\bduring (?:19|20)\d\d\b|\(flow", s):
            assert pt == "flow", r["estimate_id"]
        if re.search(r"\(cumulative|\bsince\b", s):
            assert pt == "cumulative", r["estimate_id"]
        if re.search(r"\(stock", s) and "1945" not in s:
            assert pt == "stock", r["estimate_id"]
        if pt == "stock":
            assert r["period_start"] == r["period_end"], r["estimate_id"]


def test_scope_and_group_area_host_agree() -> None:
    df = _raw()
    for _, r in df.iterrows():
        s = r["scope"]
        if re.search(r"excludes government-side forces|government forces not covered", s):
            assert r["group"] == "all_except_government_forces", r["estimate_id"]
        if r["measure"] == "deaths_civilian":
            assert r["group"] in ("civilians", "civilians_incl_armed", "children", "women"), r["estimate_id"]
        if re.search(r"\bworldwide\b", s) and "not the worldwide" not in s:
            assert r["area"] == "WORLD" or r["host"] == "WORLD", r["estimate_id"]
        if re.search(r"north-west Syria", s):
            assert r["area"] == "SY-NW"
        if re.search(r"civil registry", s):
            assert r["group"] == "civil_registry", r["estimate_id"]


def test_every_row_has_its_dimensions_and_counts_are_plausible() -> None:
    df = _raw()
    for col in ("period_type", "area", "group", "role"):
        assert (df[col] != "").all(), col
    ctx = set(df.loc[df["role"] == "context_only", "estimate_id"])
    assert {"rosling-displaced-share-2015-09", "rosling-displaced-total-2015-09", "rosling-pop-prewar-20m",
            "un-2016-range"} <= ctx
    assert (df.loc[df["role"] == "context_only", "notes"] != "").all()
    sup = df[df["role"] == "superseded"]
    assert set(sup["superseded_by"]) <= set(df["estimate_id"])
    assert "ucdp-ged-23-1-sb-2012" in set(sup["superseded_by"])
    assert not set(df["measure"]) & set(D.measure_aliases())


# ------------------------------------------------------------------------ loaders


def test_loader_gives_categoricals_with_the_full_vocabulary() -> None:
    est = load_estimates()
    desc = read_descriptor(DEFAULT_DATA_DIR)
    for col in ("period_type", "area", "host", "group", "perpetrator", "role", "measure"):
        assert isinstance(est[col].dtype, pd.CategoricalDtype), col
        assert list(est[col].cat.categories) == enum_values(desc, "estimates", col), col
    assert {"missing_persons", "people_in_need", "refugees"} <= set(est["measure"].cat.categories)
    # an empty host is missing, not the empty string
    assert est.loc[est["measure"] == "idps", "host"].isna().all()


def test_is_context_only_reads_role_not_notes() -> None:
    assert is_context_only("context_only")
    assert not is_context_only("headline")
    assert not is_context_only("Weak figure; use only as context.")  # prose is not read
    assert not is_context_only(float("nan"))


def test_measure_mask_keeps_the_headline_host() -> None:
    est = load_estimates()
    reg = est[D.measure_mask(est, "refugees_registered")]
    assert set(reg["host"].astype(str)) == {"REGION"}
    ref = est[D.measure_mask(est, ["refugees", "idps"])]
    assert set(ref.loc[ref["measure"] == "refugees", "host"].astype(str)) == {"WORLD"}
    national_idps = (est["measure"] == "idps") & (est["area"].astype(str) == "SYR")
    assert (ref["measure"] == "idps").sum() == national_idps.sum()
    # one governorate, or children or women alone, are not the headline series
    deaths = est[D.measure_mask(est, ["deaths_total", "deaths_civilian"])]
    assert set(deaths["area"].astype(str)) <= {"SYR"}
    assert set(deaths["group"].astype(str)) <= {"all", "civilians", "all_except_government_forces",
                                                "civilians_incl_armed"}


def test_legacy_aliases_are_documented() -> None:
    al = D.measure_aliases()
    assert al["refugees_worldwide"] == {"measure": "refugees", "host": "WORLD"}
    assert al["refugees_by_host"] == {"measure": "refugees", "host": "country"}
    assert al["refugees_registered_by_host"] == {"measure": "refugees_registered", "host": "country"}
    text = (DEFAULT_DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")
    assert "refugees_registered_by_host" in text and "Legacy measure names" in text


# ------------------------------------------------------------------------ validation


def _copy_registry(tmp_path: Path) -> Path:
    for f in ("datapackage.json", "sources.csv", "estimates.csv"):
        shutil.copy(DEFAULT_DATA_DIR / f, tmp_path / f)
    return tmp_path


def _edit(folder: Path, rid: str, **cells: str) -> int:
    """Set cells of one row of estimates.csv; return its line number."""
    path = folder / "estimates.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    line = next(i for i, r in enumerate(rows) if r[0] == rid) + 1
    for k, v in cells.items():
        rows[line - 1][header.index(k)] = v
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return line


@pytest.mark.parametrize("rid, cells, column, words", [
    ("idmc-idps-2014", {"area": "ALEPPO"}, "area", "not an allowed value"),
    ("idmc-idps-2014", {"period_type": "snapshot"}, "period_type", "not an allowed value"),
    ("idmc-idps-2014", {"role": "main"}, "role", "not an allowed value"),
    ("sohr-year-2014", {"period_start": ""}, "period_start", "flow figure needs period_start"),
    ("sohr-2016-05", {"period_start": ""}, "period_start", "cumulative figure needs period_start"),
    ("idmc-idps-2014", {"host": "LBN"}, "host", "has no host"),
    ("unhcr-rdf-refugees-2016", {"host": ""}, "host", "needs a country of asylum"),
    ("idmc-idps-2014", {"perpetrator": "isis"}, "perpetrator", "has no perpetrator"),
    ("idmc-idps-2014", {"death_scope": "violent"}, "death_scope", "has no death_scope"),
    ("sohr-2016-05", {"death_scope": ""}, "death_scope", "needs which deaths it counts"),
    ("sohr-2016-05", {"death_scope": "everything"}, "death_scope", "not an allowed value"),
    ("idmc-idps-2014", {"area": "LBN"}, "area", "not Syrian or WORLD"),
    ("idmc-idps-2014", {"role": "superseded"}, "superseded_by", "name the estimate_id"),
    ("idmc-idps-2014", {"role": "superseded", "superseded_by": "no-such-row"}, "superseded_by",
     "not an estimate_id"),
    ("idmc-idps-2014", {"superseded_by": "idmc-idps-2015"}, "superseded_by",
     "only a superseded row"),
    ("idmc-idps-2014", {"period_start": "2014-01-01"}, "period_start", "level on a date"),
    ("idmc-idps-2014", {"measure": "refugees_worldwide"}, "measure", "legacy measure name"),
])
def test_validation_names_file_row_column(tmp_path, rid, cells, column, words) -> None:
    folder = _copy_registry(tmp_path)
    line = _edit(folder, rid, **cells)
    problems = validate_data_dir(folder)
    hits = [p for p in problems if p.column == column and words in p.message]
    assert hits, "\n".join(map(str, problems))
    assert hits[0].file == "estimates.csv" and hits[0].row == line and hits[0].record_id == rid


def test_migration_command_lines_check_and_write(tmp_path) -> None:
    """``--check`` exits 0 on the committed registry and 1 on one the migration would change;
    without it the file is rewritten to the committed text."""
    import subprocess
    import sys

    committed = (DEFAULT_DATA_DIR / "estimates.csv").read_text(encoding="utf-8")
    for script in (MIGRATION, MIGRATION_002):
        r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
        assert r.returncode == 0, (script.name, r.stderr)
    (tmp_path / "estimates.csv").write_text(_without_death_scope(), encoding="utf-8")
    args = [sys.executable, str(MIGRATION_002), "--data", str(tmp_path)]
    assert subprocess.run(args + ["--check"], capture_output=True).returncode == 1
    r = subprocess.run(args, capture_output=True, text=True)
    assert r.returncode == 0 and "violent_and_indirect" in r.stdout
    assert (tmp_path / "estimates.csv").read_text(encoding="utf-8") == committed
