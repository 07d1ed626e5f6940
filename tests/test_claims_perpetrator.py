"""A claim about one perpetrator's victims (claims column ``perpetrator``) is judged against
figures of the same perpetrator's victims, never against all perpetrators' victims
(COMPARATOR_RULES['perpetrator'])."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import syriastats
from syriastats.claims.rules import COMPARATOR_RULES

HEADER = ("claim_id,origin,origin_date,origin_url,text,measure,as_of,value,comparator,notes,"
          "period_start,period_type,area,host,group,attribution,subarea,perpetrator\n")


def test_one_perpetrators_victims_are_not_called_understated() -> None:
    # SNHR counted 9 civilians killed by Russian forces among its October 2023 total; the
    # registry's all-perpetrator month would make the 9 look far too low. Judged against
    # SNHR's own figure for Russia's victims that month (snhr-month-2023-10-perp-russia).
    out = syriastats.check_text("Russian forces killed 9 civilians in Syria in October 2023, "
                                "the Syrian Network for Human Rights said.",
                                published="2023-11-02", known="now")
    row = out[out["value"] == 9].iloc[0]
    assert row["verdict"] == "consistent"
    assert "snhr-month-2023-10-perp-russia" in row["explanation"]


def test_the_whole_toll_is_still_judged() -> None:
    out = syriastats.check_text("The Syrian Network for Human Rights documented the killing of "
                                "1,264 civilians in Syria in 2024.",
                                published="2025-01-02", known="now")
    assert out["verdict"].iloc[0] != "not_checkable"


def _check(tmp_path: Path, rows: str) -> subprocess.CompletedProcess[str]:
    f = tmp_path / "claims.csv"
    f.write_text(HEADER + rows, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "syriastats", "check", str(f), "--as-known-now",
                           "--format", "csv"], capture_output=True, text=True, check=False)


def test_claims_file_column(tmp_path: Path) -> None:
    done = _check(tmp_path,
                  "a,t,2023-11-02,,x,deaths_civilian,2023-10-31,9,about,,2023-10-01,flow,SYR,,"
                  "civilians,SNHR,,russia\n"
                  "b,t,2023-11-02,,x,deaths_civilian,2023-10-31,9,about,,2023-10-01,flow,SYR,,"
                  "civilians,SNHR,,all\n"
                  "c,t,2023-11-02,,x,deaths_civilian,2023-10-31,9,about,,2023-10-01,flow,SYR,,"
                  "civilians,SNHR,,martians\n")
    assert "Traceback" not in done.stderr
    # the bad code is named with its row and column, and the row left out
    assert "row 4, column 'perpetrator'" in done.stderr and "'martians'" in done.stderr
    lines = {ln.split(",")[0]: ln for ln in done.stdout.splitlines()[1:]}
    assert "snhr-month-2023-10-perp-russia" in lines["a"]  # Russia's victims that month
    assert "snhr-month-2023-10-perp-russia" not in lines["b"]  # 'all': every perpetrator's
    assert "c" not in lines


def test_rule_is_listed() -> None:
    assert "perpetrator" in COMPARATOR_RULES


def test_the_war_as_killer_names_no_perpetrator() -> None:
    # the rebels launched the offensive; the war killed the half million
    from syriastats.textclaims.extract import extract_claims
    out = extract_claims("Those returns came after a lightning offensive by rebels ousted Assad "
                         "in December, raising hopes of an end to a 13-year civil war that "
                         "killed over half a million people.", pd.Timestamp("2025-01-18"))
    toll = out[out["measure"] == "deaths_total"]
    assert list(toll["perpetrator"]) == ["all"]


def test_a_perpetrator_on_another_measure_is_a_row_error(tmp_path: Path) -> None:
    done = _check(tmp_path,
                  "p6,t,2023-06-01,,x,refugees,2023-06-01,1500000,about,,,,SYR,LBN,all,,,isis\n"
                  "p7,t,2023-11-02,,x,deaths_civilian,2023-10-31,9,about,,2023-10-01,flow,SYR,,"
                  "civilians,SNHR,,russia\n")
    assert "Traceback" not in done.stderr
    assert "row 2, column 'perpetrator'" in done.stderr and "death tolls only" in done.stderr
    ids = [ln.split(",")[0] for ln in done.stdout.splitlines()[1:]]
    assert ids == ["p7"]
