"""Three estimates side by side (syriastats.mse_methods)."""
from __future__ import annotations

import math

from syriastats import mse
from syriastats.mse_methods import ASSUMPTIONS, compare_methods, run_methods

# Madigan & York's three-list spina bifida counts (as in tests/test_mse_bma.py)
SPINA = {"100": 60, "010": 49, "110": 4, "001": 247, "101": 112, "011": 142, "111": 12}


def test_table_has_one_row_per_method_with_its_assumptions_and_flags():
    res = run_methods(SPINA, ["a", "b", "c"],
                      lcmcr_kwargs={"chains": 2, "burn_in": 20, "iterations": 40, "thin": 1})
    table = compare_methods(res, benchmark=700)
    assert list(table["method"]) == ["log-linear, best AIC", "model averaging",
                                     "latent classes (LCMCR)"]
    assert list(table["assumes"]) == list(ASSUMPTIONS.values())
    # the estimates are the ones the three functions report
    best = mse.compare_models(SPINA, "aic", interval="none").iloc[0]
    assert math.isclose(table["estimate"].iloc[0], best["n_hat"], rel_tol=1e-9)
    assert table["estimate"].iloc[1] == res["bma"].n_median
    assert table["estimate"].iloc[2] == res["lcmcr"].n_median
    # the deliberately short LCMCR run is flagged, and the flag reaches the table
    assert res["lcmcr"].flags
    assert table["flags"].iloc[2] == "; ".join(res["lcmcr"].flags)
    assert list(table["covers"]) == [lo <= 700 <= hi for lo, hi in
                                     zip(table["ci_low"], table["ci_high"])]
