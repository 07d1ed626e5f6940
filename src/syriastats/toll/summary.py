"""Summaries of a toll fit: convergence diagnostics, list coverages, rounding for print and
the plain-words description. Units: persons for tolls, fractions for coverages."""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from syriastats.toll.data import SCOPE

#: Parameter groups checked for convergence (the toll itself and every model parameter).
PARAMETERS: tuple[str, ...] = ("toll", "sigma", "x0", "a", "b", "tau", "beta", "phi")


def _flat(x: np.ndarray) -> np.ndarray:
    """(chain, draw, ...) -> (chain, draw, k)."""
    return x.reshape(x.shape[0], x.shape[1], -1)


def convergence(f: Any) -> pd.DataFrame:
    """Worst split R-hat and smallest bulk effective sample size per parameter group:
    columns ``parameter, size, max_rhat, min_ess, draws`` (plus divergent transitions)."""
    from numpyro.diagnostics import effective_sample_size, split_gelman_rubin
    rows = []
    for name in PARAMETERS:
        if name not in f.samples:
            continue
        x = _flat(f.samples[name])
        rhat = np.asarray(split_gelman_rubin(x))
        ess = np.asarray(effective_sample_size(x))
        rows.append({"parameter": name, "size": x.shape[-1], "max_rhat": float(np.nanmax(rhat)),
                     "min_ess": float(np.nanmin(ess)), "draws": x.shape[0] * x.shape[1]})
    out = pd.DataFrame(rows)
    out.attrs["divergences"] = int(f.samples["diverging"].sum())
    return out


def coverage_table(f: Any, level: float = 0.9) -> pd.DataFrame:
    """Posterior coverage of each documented list at its last count (fractions)."""
    md, s = f.model_data, f.samples
    if "a" not in s:
        return pd.DataFrame(columns=["regime", "n_counts", "median", "lower", "upper"])
    a = s["a"].reshape(-1, len(md.regimes))
    b = s["b"].reshape(-1, len(md.series))
    rows = []
    for k, reg in enumerate(md.regimes):
        idx = np.flatnonzero(md.d_reg == k)
        j = idx[np.argmax(md.d_u[idx])]
        rho = np.exp(-(a[:, k] + b[:, md.d_ser[j]] * md.d_u[j]))
        q = np.quantile(rho, [0.5, (1 - level) / 2, (1 + level) / 2])
        rows.append({"regime": reg, "n_counts": len(idx), "median": q[0], "lower": q[1],
                     "upper": q[2]})
    return pd.DataFrame(rows)


def round_persons(x: float) -> int:
    """Persons rounded for print: to the nearest 10,000 from 100,000 up, else to 3
    significant figures (so printed numbers hold across machines)."""
    if not np.isfinite(x) or x <= 0:
        return 0
    if x >= 100_000:
        return int(round(x, -4))
    digits = int(np.floor(np.log10(abs(x))))
    return int(round(x, -digits + 2))


def rounded(df: pd.DataFrame, columns: Sequence[str] = ("median", "lower", "upper")) -> pd.DataFrame:
    """Copy of ``df`` with person columns rounded by :func:`round_persons` (for print)."""
    out = df.copy()
    for c in columns:
        if c in out.columns:
            out[c] = [round_persons(v) for v in out[c]]
    return out


def _fmt(x: float) -> str:
    """Persons rounded by :func:`round_persons`, with thousands separators."""
    return f"{round_persons(x):,}"


def describe(f: Any, level: float = 0.9) -> str:
    """Plain-words account of a fit: scope, model, assumptions, inputs, result."""
    s = f.settings
    last = f.latest(level)
    x = f.inputs
    n_doc = int((x["kind"] == "documented").sum())
    n_est = int((x["kind"] == "estimate").sum())
    n_floor = int((x["kind"] == "floor").sum())
    known = (f"using only figures published by {f.as_known.date()}" if f.as_known is not None
             else "using every figure in the registry")
    cov = f.coverage(level)
    cov_txt = "; ".join(f"{r.regime} {r.median:.0%} ({r.lower:.0%}-{r.upper:.0%})"
                        for r in cov.itertuples())
    lines = [
        f"Scope. {SCOPE}",
        "Model. The toll is a curve that can only rise: each month adds a number of deaths, "
        f"and the logarithm of that number changes smoothly from month to month (a random walk "
        f"whose step has a half-normal prior of scale {s['rw_sd']}).",
        f"Documented counts ({n_doc}) are lists of named or individually recorded deaths: each "
        "is taken as the true toll times the share of deaths the list records (its coverage), "
        "estimated separately for each publisher and period and allowed to drift slowly over "
        f"time. {f.coverage_prior.statement()}",
        f"Statistical estimates ({n_est}) are read with their stated uncertainty (or +-"
        f"{s['assumed_margin']:.0%} as a 90 % range when none is stated) and a bias per "
        f"publisher (sd {s['estimate_bias_sd']} on the log scale); an estimate of civilian "
        "deaths only enters through the civilian share of the toll, which has a wide prior.",
        f"Floors ({n_floor}): no documented count of the toll or of a part of it (civilians, "
        "detainees, fighters) may exceed the modelled toll on its date.",
        f"Left out: {len(f.left_out)} death figures, each with its reason (see left_out).",
        f"Result ({known}): by {last['date']:%B %Y} the median toll is {_fmt(last['median'])}, "
        f"with a {level:.0%} credible interval of {_fmt(last['lower'])} to {_fmt(last['upper'])} "
        "(given the model and its assumptions, a "
        f"{level:.0%} probability that the toll is inside).",
        f"Estimated coverage of each list at its last count: {cov_txt}.",
    ]
    return "\n".join(lines)
