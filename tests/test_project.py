"""Project-level contracts: pinned environment, generated dictionary, the
committed registry itself (clean, Frictionless-valid, covering what the suite
needs), and the CI entry point."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import syriastats
from syriastats.dictionary import render
from syriastats.paths import DEFAULT_DATA_DIR, REPO_ROOT
from syriastats.validate import read_descriptor, validate_data_dir


def _lock() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _conda() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "environment.yml").read_text().splitlines():
        # conda pins use one '=', pins in the pip: subsection '=='
        m = re.match(r"^\s*-\s*([A-Za-z0-9_.-]+)\s*==?\s*([^=\s]+)\s*$", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def _top_level() -> list[str]:
    return [l.strip().lower() for l in (REPO_ROOT / "requirements.in").read_text().splitlines()
            if l.strip() and not l.startswith("#")]


def test_every_top_level_package_is_pinned_in_the_lock() -> None:
    lock = _lock()
    missing = [p for p in _top_level() if p not in lock]
    assert not missing, f"not pinned in requirements.lock: {missing}"


def test_environment_yml_agrees_with_lock() -> None:
    lock, conda = _lock(), _conda()
    assert conda.pop("python", "").startswith("3.11")
    names = set(_top_level())
    assert set(conda) == names, f"environment.yml names {sorted(set(conda) ^ names)} differently"
    wrong = {n: (conda[n], lock[n]) for n in names if conda[n] != lock[n]}
    assert not wrong, f"environment.yml vs requirements.lock versions differ: {wrong}"


def test_jupyterlab_is_in_the_environment() -> None:
    assert "jupyterlab" in _lock() and "jupyterlab" in _conda()


def test_ci_runs_exactly_make_test() -> None:
    text = (REPO_ROOT / ".ci" / "run").read_text()
    commands = [l.strip() for l in text.splitlines()
                if l.strip() and not l.startswith("#") and not l.startswith(("set ", "cd "))]
    assert commands == ["exec make test"]


def test_dictionary_is_generated_from_the_descriptor() -> None:
    committed = (DEFAULT_DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")
    assert committed == render(read_descriptor(DEFAULT_DATA_DIR)), \
        "data/DICTIONARY.md is stale: run `syriastats dictionary`"


def test_committed_registry_is_clean() -> None:
    problems = validate_data_dir(DEFAULT_DATA_DIR)
    assert problems == [], "\n".join(map(str, problems))


def test_frictionless_agrees_the_registry_is_valid() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DEFAULT_DATA_DIR / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors] + [e.message for e in report.errors]
    assert report.valid, errors[:10]


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return syriastats.with_sources(syriastats.load_estimates(), syriastats.load_sources())


def test_coverage_size(registry: pd.DataFrame) -> None:
    assert len(registry) >= 120
    assert registry["publisher"].nunique() >= 12


def test_every_figure_has_a_source_with_url(registry: pd.DataFrame) -> None:
    assert registry["url"].str.match(r"^https?://").all()
    assert registry["citation"].str.len().gt(20).all()


def _has(reg: pd.DataFrame, measure: str, value: float, **kw) -> bool:
    sel = reg[(reg["measure"] == measure) & ((reg["central"] == value) | (reg["low"] == value))]
    for k, v in kw.items():
        sel = sel[sel[k].astype(str).str.contains(v, case=False, regex=False)]
    return len(sel) > 0


@pytest.mark.parametrize(
    "measure,value,publisher",
    [
        ("deaths_total", 470_000, "SCPR"),
        ("deaths_direct", 400_000, "SCPR"),
        ("deaths_indirect", 70_000, "SCPR"),
        ("injured", 1_880_000, "SCPR"),
        ("deaths_total", 59_648, ""),
        ("deaths_total", 92_901, ""),
        ("deaths_total", 191_369, ""),
        ("deaths_total", 350_209, ""),
        ("deaths_total", 250_000, ""),
        ("deaths_total", 400_000, ""),
        ("deaths_civilian", 306_887, ""),
        ("deaths_civilian", 143_350, ""),
        ("deaths_total", 292_817, "SOHR"),
        ("deaths_in_detention", 17_723, ""),
        ("deaths_in_detention", 12_270, ""),
        ("global_forcibly_displaced", 65_300_000, "UNHCR"),
    ],
)
def test_headline_figures_are_present(registry: pd.DataFrame, measure: str, value: float, publisher: str) -> None:
    kw = {"publisher": publisher} if publisher else {}
    assert _has(registry, measure, value, **kw), f"missing {measure}={value} {publisher}"


def test_series_coverage(registry: pd.DataFrame) -> None:
    sohr = registry[(registry["measure"] == "deaths_total") & registry["publisher"].str.contains("SOHR")
                    & (registry["method"] == "documented_count")]
    years = set(sohr["period_end"].dt.year)
    assert set(range(2012, 2025)) <= years, f"SOHR tolls missing years {set(range(2012, 2025)) - years}"
    ucdp = registry[(registry["measure"] == "deaths_battle_related") & registry["low"].notna()
                    & registry["high"].notna()]
    assert set(range(2012, 2021)) <= set(ucdp["period_end"].dt.year)
    pop = registry[(registry["measure"] == "population") & (registry["period_end"].dt.year <= 2011)]
    assert pop["publisher"].nunique() >= 2
    reg = registry[registry["measure"] == "refugees_registered"]
    assert set(range(2012, 2023)) <= set(reg["period_end"].dt.year)
    # around mid-2016: dated counts on both sides of 1 July 2016, within six months
    before = reg[(reg["period_end"] >= "2016-01-01") & (reg["period_end"] < "2016-07-01")]
    after = reg[(reg["period_end"] >= "2016-07-01") & (reg["period_end"] <= "2016-12-31")]
    assert len(before) >= 1 and len(after) >= 1
    idps = registry[registry["measure"] == "idps"]
    assert set(range(2012, 2023)) <= set(idps["period_end"].dt.year)


def test_version_flag_prints_the_version() -> None:
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "syriastats", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0
    assert res.stdout.strip().startswith("syriastats ")
    assert res.stdout.split()[1][0].isdigit()
