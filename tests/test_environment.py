"""Results must not depend on the machine's locale, time zone or BLAS threading.

Each variant runs the sensitive part of the suite in a fresh interpreter (where
these settings take effect): validation and loading of the registry (dates and
numbers parsed from text), the claims checker's full output, the derived
quantities (Monte Carlo, seeded) and a multiple-systems fit (BLAS). The printed
fingerprint must equal the one from this test process's own environment.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

#: Environment variations a new user's machine may have (issue: "any fresh machine").
VARIANTS: dict[str, dict[str, str]] = {
    "C locale": {"LANG": "C", "LC_ALL": "C"},
    "UTC+14 time zone": {"TZ": "Pacific/Kiritimati"},
    "UTC-11 time zone": {"TZ": "Pacific/Pago_Pago"},
    "one BLAS thread": {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
                        "MKL_NUM_THREADS": "1"},
}

# Numbers are printed at 6 significant digits: far coarser than any float
# difference from summation order or SIMD width, far finer than any real change.
FINGERPRINT = r"""
import io, json, contextlib
import numpy as np
import syriastats
from syriastats import claims, derived, mse

est = syriastats.load_estimates()
src = syriastats.load_sources()
print("estimates", len(est), "sources", len(src))
print("dates", est["period_start"].min(), est["period_end"].max())
print("sum central %.6g" % float(est["central"].astype("float64").sum()))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = claims.cli_check(None, known="both", fmt="csv", data_dir=None)
print("check rc", rc, "lines", len(buf.getvalue().splitlines()))
print(buf.getvalue())
fit = mse.fit_loglinear({"111": 12, "110": 30, "101": 25, "011": 18,
                         "100": 200, "010": 150, "001": 120}, [(0, 1)])
print("mse %.6g %.6g %.6g" % (fit.n_hat, fit.ci_low, fit.ci_high))
"""


def _run(extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANG", "LC_ALL", "TZ", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                        "MKL_NUM_THREADS")}
    env.update(extra)
    return subprocess.run([sys.executable, "-c", FINGERPRINT], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def baseline() -> str:
    res = _run({})
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize("name", list(VARIANTS))
def test_results_do_not_depend_on_environment(name, baseline):
    res = _run(VARIANTS[name])
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert res.stdout == baseline, f"output differs under {name}"
