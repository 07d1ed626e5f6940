"""SOHR's 2011-2012 'civilians' included armed rebels (group civilians_incl_armed,
data/migrations/003_civilians_incl_armed.py): such a figure is never the same count as a
claim about civilians (COMPARATOR_RULES['civilians_incl_armed'])."""
from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path

import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.dimensions import measure_mask
from syriastats.sources import load_estimates, load_sources, with_sources

sys.path.insert(0, str(Path(__file__).parent))
from claims_testkit import CLAIM_COLS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _claim(cid: str, as_of: str, value: float, comparator: str = "about", **dims) -> dict:
    row = {"claim_id": cid, "origin": "Test outlet", "origin_date": as_of,
           "origin_url": "https://example.org/a", "text": cid, "measure": "deaths_civilian",
           "as_of": as_of, "value": value, "comparator": comparator, "notes": "",
           "group": "civilians"}
    return {**{c: None for c in CLAIM_COLS}, **row, **dims}


def _judge(rows: list[dict], est: pd.DataFrame, known: str) -> pd.DataFrame:
    return C.check(pd.DataFrame(rows, columns=CLAIM_COLS), est, known=known).set_index("claim_id")


def test_the_rule_is_documented() -> None:
    assert "civilians_incl_armed" in C.COMPARATOR_RULES


def test_sohr_2012_civilian_rows_have_the_wider_group(est) -> None:
    rows = est.set_index("estimate_id")
    for rid in ("sohr-2012-10-civ", "sohr-2012-12-civ", "sohr-year-2012-v2012-civ"):
        assert rows.loc[rid, "group"] == "civilians_incl_armed", rid
    # from June 2013 SOHR counts rebel fighters apart: its civilians are civilians
    assert rows.loc["sohr-2013-06-civ", "group"] == "civilians"


def test_the_migration_is_idempotent_and_changes_only_the_group() -> None:
    spec = importlib.util.spec_from_file_location(
        "m003", ROOT / "data" / "migrations" / "003_civilians_incl_armed.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = (ROOT / "data" / "estimates.csv").read_text(encoding="utf-8")
    assert mod.migrate(text) == text  # already applied: nothing changes
    back = text.replace(",civilians_incl_armed,", ",civilians,")
    again = mod.migrate(back)
    assert again == text
    a = list(csv.DictReader(io.StringIO(back)))
    b = list(csv.DictReader(io.StringIO(again)))
    changed = {(x["estimate_id"], k) for x, y in zip(a, b) for k in x if x[k] != y[k]}
    assert changed == {(rid, "group") for rid in mod.ROWS}


def test_the_wider_rows_stay_in_the_sources_headline_series(est) -> None:
    # charts and yearly tables still show SOHR's figures as published
    assert measure_mask(est, "deaths_civilian")[est["estimate_id"] == "sohr-2012-10-civ"].all()


@pytest.mark.parametrize("known", ["then", "now"])
def test_repeating_sohrs_2012_civilians_is_misscoped_not_consistent(est, known) -> None:
    # 25,667 'civilians' to 31 Oct 2012 (AFP): SOHR's category then included armed rebels.
    # Before the rule (group civilians on the row): consistent, as if the same count.
    r = _judge([_claim("c", "2012-10-31", 25_667)], est, known).loc["c"]
    assert r["verdict"] == "broader_scope_only"
    assert "rule: civilians_incl_armed" in r["explanation"]
    assert "group: civilians -> civilians_incl_armed" in r["widened"]
    assert "took up arms" in r["explanation"]


def test_a_claim_below_the_wider_count_is_not_understated(est) -> None:
    # a count of more people cannot show a claim about fewer too low
    r = _judge([_claim("lo", "2012-10-31", 12_000)], est, "now").loc["lo"]
    assert r["verdict"] == "not_checkable"
    assert "civilians_incl_armed" in r["explanation"]


def test_a_yearly_claim_for_2012_is_misscoped(est) -> None:
    r = _judge([_claim("y", "2012-12-31", 28_113, period_type="flow",
                       period_start="2012-01-01")], est, "now").loc["y"]
    assert r["verdict"] == "broader_scope_only"
    assert "sohr-year-2012-v2012-civ" in r["widened"]


def test_a_later_civilian_count_is_unaffected(est) -> None:
    r = _judge([_claim("c13", "2013-06-26", 36_661)], est, "now").loc["c13"]
    assert r["verdict"] == "consistent"
    assert "civilians_incl_armed" not in r["explanation"]


def test_yearly_comparisons_leave_out_the_counts_that_included_rebels(est) -> None:
    """SOHR's 2012 'civilians' (armed rebels included) is another count than its later
    civilians-only years: the yearly tables and the deaths-per-year chart leave it out
    (review of session 6; before, the chart drew it on SOHR's civilian line)."""
    from syriastats.breakdowns import calendar_year_flows
    from syriastats.newsroom import _yearly_rows

    assert "sohr-year-2012-v2012-civ" in set(est["estimate_id"])
    assert "sohr-year-2012-v2012-civ" not in set(calendar_year_flows(est)["estimate_id"])
    assert "sohr-year-2012-v2012-civ" not in set(_yearly_rows(est)["estimate_id"])
