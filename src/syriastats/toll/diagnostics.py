"""Checks of a toll fit: convergence, posterior predictive checks per source, coverage of
each list, leave-one-publisher-out sensitivity, the plain-words description, and
synthetic registries with a known toll for simulation-based calibration.

Units: persons for tolls; fractions for coverages and shares.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from syriastats.toll import TollFit

#: Parameter groups checked for convergence (the toll itself and every model parameter).
PARAMETERS: tuple[str, ...] = ("toll", "sigma", "x0", "a", "b", "tau", "beta", "phi")


def _flat(x: np.ndarray) -> np.ndarray:
    """(chain, draw, ...) -> (chain, draw, k)."""
    return x.reshape(x.shape[0], x.shape[1], -1)


def convergence(f: "TollFit") -> pd.DataFrame:
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


def predictive(f: "TollFit", level: float = 0.9, seed: int = 1) -> pd.DataFrame:
    """Posterior predictive check of every documented count and estimate.

    For each input, replicated figures are drawn from the fitted model (the list's
    coverage times the toll, or the toll times the publisher's bias, plus the measurement
    scatter); columns ``estimate_id, series, kind, end, observed, pred_median,
    pred_lower, pred_upper, inside, p_below`` (``p_below``: share of replicates below
    the observed figure; near 0 or 1 means the model cannot reproduce it).
    """
    rng = np.random.default_rng(seed)
    md, s = f.model_data, f.samples
    x = f.inputs
    rows = []
    lo_q, hi_q = (1 - level) / 2, (1 + level) / 2
    for kind, mu_key, obs, sd in (("documented", "doc_mu", md.d_y, md.d_sd),
                                  ("estimate", "est_mu", md.e_y, md.e_sd)):
        if mu_key not in s or not len(obs):
            continue
        mu = s[mu_key].reshape(-1, len(obs))
        tau = s["tau"].reshape(-1, 1) if kind == "documented" and "tau" in s else 0.0
        scale = np.sqrt(sd ** 2 + tau ** 2)
        rep = np.exp(mu + scale * rng.standard_normal(mu.shape))
        sub = x[x["kind"] == kind].reset_index(drop=True)
        for j, r in sub.iterrows():
            q = np.quantile(rep[:, j], [0.5, lo_q, hi_q])
            rows.append({"estimate_id": r["estimate_id"], "series": r["series"], "kind": kind,
                         "end": r["end"], "observed": obs[j], "pred_median": q[0],
                         "pred_lower": q[1], "pred_upper": q[2],
                         "inside": bool(q[1] <= obs[j] <= q[2]),
                         "p_below": float((rep[:, j] < obs[j]).mean())})
    return pd.DataFrame(rows)


def predictive_by_source(f: "TollFit", level: float = 0.9) -> pd.DataFrame:
    """Per source: ``series, kind, n, inside`` (share of its figures inside the
    ``level`` predictive interval) and ``worst_p`` (most extreme predictive p)."""
    p = predictive(f, level)
    g = p.groupby(["series", "kind"], sort=True)
    out = g.agg(n=("inside", "size"), inside=("inside", "mean")).reset_index()
    out["worst_p"] = g["p_below"].apply(lambda v: float(v.iloc[np.argmax(np.abs(v - 0.5))])).values
    return out


def coverage_table(f: "TollFit", level: float = 0.9) -> pd.DataFrame:
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


def describe(f: "TollFit", level: float = 0.9) -> str:
    """Plain-words account of a fit: scope, model, assumptions, inputs, result."""
    from syriastats.toll.data import SCOPE
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


def sensitivity(estimates: pd.DataFrame, sources: pd.DataFrame | None = None, *,
                level: float = 0.9, date: Any = None, seed: int = 0,
                publishers: Sequence[str] | None = None, base: "TollFit | None" = None,
                extra: dict[str, dict[str, Any]] | None = None,
                **settings: Any) -> pd.DataFrame:
    """Leave-one-publisher-out: refit without each publisher whose figures the full fit
    uses, and report the toll on ``date`` (default: the full fit's last month).

    Columns: ``fit`` ("all inputs", "without SOHR", ...), ``n_inputs``, ``median``,
    ``lower``, ``upper`` (persons), ``change`` (median relative to all inputs).
    ``extra``: further named variants as settings dicts (e.g. ``{"with expert figures":
    {"use_expert": True}}``). ``publishers``: only these (default: every publisher used).
    ``base``: an existing fit with the same seed and settings (saves one fit).
    """
    from syriastats import toll
    full = base if base is not None else toll.fit(estimates, sources, seed=seed, **settings)
    when = full.dates[-1] if date is None else pd.Timestamp(date)
    variants: list[tuple[str, Any]] = [("all inputs", full)]
    used = full.inputs[full.inputs["kind"] != "floor"]["series"].unique()
    for pub in sorted(used) if publishers is None else [p for p in publishers if p in set(used)]:
        excl = tuple(settings.get("exclude_publishers", ())) + (pub,)
        try:
            f = toll.fit(estimates, sources, seed=seed, **{**settings, "exclude_publishers": excl})
        except ValueError:
            continue
        variants.append((f"without {pub}", f))
    for name, kw in (extra or {}).items():
        variants.append((name, toll.fit(estimates, sources, seed=seed, **{**settings, **kw})))
    rows = []
    base = None
    for name, f in variants:
        d = min(when, f.dates[-1])
        a = f.at(d, level)
        base = a["median"] if base is None else base
        rows.append({"fit": name, "n_inputs": int((f.inputs["kind"] != "floor").sum()),
                     "date": d, "median": a["median"], "lower": a["lower"], "upper": a["upper"],
                     "change": a["median"] / base - 1})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------
# Synthetic registries with a known toll (simulation-based calibration)
# ---------------------------------------------------------------------------------------

#: Shapes of monthly deaths for the synthetic scenarios (month index m -> relative level).
SCENARIOS: dict[str, Any] = {
    "early_peak": lambda m: np.exp(-0.5 * ((m - 24) / 10) ** 2) + 0.05,
    "long_plateau": lambda m: np.clip(m / 18, 0.05, 1.0),
    "two_waves": lambda m: (np.exp(-0.5 * ((m - 15) / 6) ** 2)
                            + 0.7 * np.exp(-0.5 * ((m - 50) / 8) ** 2) + 0.03),
}


def synthetic_registry(scenario: str, seed: int, *, months: int = 72, total: float = 300_000.0,
                       prior_mean: float = 0.6, prior_sd: float = 0.9, drift_sd: float = 0.5,
                       bias_sd: float = 0.15) -> tuple[pd.DataFrame, pd.Series]:
    """A registry (estimates with publisher and published columns) drawn from the model's
    observation process around a known toll, and the true toll at each month end.

    Two documented lists (A every 6 months, B every 12 months) have coverages drawn from
    the prior (logit-normal with ``prior_mean``/``prior_sd``, drift ``drift_sd``), one
    statistical estimate (±10 % stated as a 90 % margin, with a publisher bias drawn from
    ``bias_sd``) at month 40, and a floor-only civilian count. Persons.
    """
    rng = np.random.default_rng(seed)
    from syriastats.toll.data import START
    m = np.arange(months)
    inc = SCENARIOS[scenario](m) * np.exp(0.15 * rng.standard_normal(months))
    inc = inc / inc.sum() * total
    dates = pd.date_range(START, periods=months, freq="ME")
    truth = pd.Series(np.cumsum(inc), index=dates)
    ctr = pd.Timestamp("2016-01-01")
    rows = []

    def add(eid, pub, measure, method, end, value, **kw):
        rows.append({"estimate_id": eid, "source_id": eid, "measure": measure,
                     "scope": "synthetic", "method": method, "period_start_text": "2011-03",
                     "period_start": START, "period_end_text": f"{end:%Y-%m-%d}",
                     "period_end": end, "low": np.nan, "central": float(value), "high": np.nan,
                     "qualifier": "exact", "range_type": kw.get("range_type", "none"),
                     "range_level": np.nan, "margin": kw.get("margin", np.nan), "locator": "",
                     "checked": "dossier", "notes": "synthetic", "publisher": pub,
                     "published": end + pd.Timedelta(days=10)})

    for pub, step in (("List A (LA)", 6), ("List B (LB)", 12)):
        a = rng.normal(np.log(prior_mean / (1 - prior_mean)), prior_sd)
        b = rng.normal(0, drift_sd)
        for k in range(step - 1, months, step):
            u = (dates[k] - ctr).days / (365.25 * 5)
            rho = 1 / (1 + np.exp(-(a + b * u)))
            add(f"{pub[-3:-1].lower()}-{k:03d}", pub, "deaths_total", "documented_count", dates[k],
                round(rho * truth.iloc[k] * np.exp(0.02 * rng.standard_normal())))
    k = min(40, months - 1)
    sd = np.log(1.1) / 1.6449
    add("est-040", "Survey team (ST)", "deaths_total", "statistical_estimate", dates[k],
        round(truth.iloc[k] * np.exp(rng.normal(0, bias_sd) + sd * rng.standard_normal())),
        range_type="margin", margin=0.1)
    add("civ-end", "Civil list (CL)", "deaths_civilian", "documented_count", dates[-1],
        round(0.3 * truth.iloc[-1]))
    est = pd.DataFrame(rows)
    for c in ("measure", "method", "qualifier", "range_type"):
        est[c] = est[c].astype("category")
    return est, truth


def calibration(scenarios: Sequence[str], seeds: Sequence[int], *, level: float = 0.9,
                checks: Sequence[int] = (23, 47, -1), **settings: Any) -> pd.DataFrame:
    """Fit synthetic registries and report whether each ``level`` band covers the truth at
    the month indices ``checks``. Columns ``scenario, seed, month, truth, lower, upper,
    covered``."""
    from syriastats import toll
    rows = []
    for sc in scenarios:
        for sd in seeds:
            est, truth = synthetic_registry(sc, sd)
            f = toll.fit(est, None, seed=sd, **settings)
            band = f.band(level)
            for c in checks:
                i = c if c >= 0 else len(truth) + c
                rows.append({"scenario": sc, "seed": sd, "month": i, "truth": truth.iloc[i],
                             "lower": band["lower"].iloc[i], "upper": band["upper"].iloc[i],
                             "covered": bool(band["lower"].iloc[i] <= truth.iloc[i]
                                             <= band["upper"].iloc[i])})
    return pd.DataFrame(rows)
