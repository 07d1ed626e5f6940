"""The toll model in NumPyro: a latent non-decreasing monthly curve and three kinds of
observation (documented counts through a coverage, estimates with a bias, floors).

Latent curve: monthly deaths ``exp(x_m)`` with ``x`` a Gaussian random walk (the
smoothness prior: month-to-month changes of the log of monthly deaths have standard
deviation ``sigma``); the cumulative toll ``D`` is their running sum, so it never
decreases. A figure dated inside a month is compared with ``D`` interpolated linearly
within that month.

Observations (all on the log scale):

* documented count ``c`` of deaths in ``(start, end]`` by a list of coverage ``rho``:
  ``log c ~ Normal(log(rho * (D(end) - D(start))), sqrt(sd_i^2 + tau^2))``;
  ``-log rho = a_regime + b_series * years_from_2016 / 5`` (coverage per publisher and
  period, drifting slowly with time; kept below one);
* estimate ``y`` of the toll (or of civilians, through the civilian share ``phi``):
  ``log y ~ Normal(log(phi * D(end)) + beta_publisher, sd_i)``;
* floor ``f`` (any documented count of the toll or a part of it):
  ``D(end) - D(start) >= f`` (a steep smooth penalty below it).

Units: persons; dates are month ends.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import Any, Mapping

# Keep JAX quiet and polite on a shared CPU machine: CPU only (no accelerator probing
# or "no GPU found" warning), two host devices (one per chain), no TF/XLA log noise.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
if "XLA_FLAGS" not in os.environ:
    os.environ["XLA_FLAGS"] = ("--xla_force_host_platform_device_count=2 "
                               "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import numpy as np
import pandas as pd

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import jax
    import jax.numpy as jnp
    import numpyro
    import numpyro.distributions as dist
    from jax.scipy.stats import norm as jnorm
    from numpyro.infer import MCMC, NUTS, init_to_value

jax.config.update("jax_enable_x64", True)

from syriastats.toll.data import START, Prepared


@dataclass
class ModelData:
    """Arrays the model needs (numpy, float64/int), built from :class:`Prepared`."""

    months: pd.DatetimeIndex          # month ends of the grid
    # documented counts
    d_y: np.ndarray; d_i0: np.ndarray; d_f0: np.ndarray; d_i1: np.ndarray; d_f1: np.ndarray
    d_sd: np.ndarray; d_reg: np.ndarray; d_ser: np.ndarray; d_u: np.ndarray
    regimes: list[str]; series: list[str]
    # estimates
    e_y: np.ndarray; e_i1: np.ndarray; e_f1: np.ndarray; e_sd: np.ndarray
    e_civ: np.ndarray; e_pub: np.ndarray; publishers: list[str]
    # floors
    f_y: np.ndarray; f_i0: np.ndarray; f_f0: np.ndarray; f_i1: np.ndarray; f_f1: np.ndarray


def month_grid(end: pd.Timestamp) -> pd.DatetimeIndex:
    """Month ends from March 2011 to the month of ``end``."""
    return pd.date_range(START, pd.Timestamp(end) + pd.offsets.MonthEnd(0), freq="ME")


def _pos(dates: pd.Series, months: pd.DatetimeIndex, *, before: bool) -> tuple[np.ndarray, np.ndarray]:
    """Month index and fraction of the month elapsed at each date.

    ``D(date) = C[i] + f * inc[i]`` with ``C[i]`` the toll before month ``i``. With
    ``before=True`` the date is a period start (deaths on that day are inside the period).
    """
    d = pd.to_datetime(pd.Series(dates)).reset_index(drop=True)
    if before:
        d = d - pd.Timedelta(days=1)
    i = ((d.dt.year - START.year) * 12 + d.dt.month - START.month).to_numpy()
    f = (d.dt.day / d.dt.days_in_month).to_numpy(dtype=float)
    early = i < 0
    i = np.clip(i, 0, len(months) - 1)
    f = np.where(early, 0.0, f)
    return i.astype(np.int32), f


def build(prep: Prepared) -> ModelData:
    """Arrays for :func:`model` from the prepared inputs."""
    months = month_grid(prep.end)
    x = prep.inputs
    doc, est, flo = (x[x["kind"] == k].reset_index(drop=True) for k in ("documented", "estimate", "floor"))
    regimes = sorted(doc["regime"].unique().tolist())
    series = sorted(doc["series"].unique().tolist())
    pubs = sorted(est["series"].unique().tolist())
    ctr = pd.Timestamp("2016-01-01")

    def cum0(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        i, f = _pos(df["start"], months, before=True)
        since_start = (df["start"] <= START + pd.Timedelta(days=30)).to_numpy()
        return np.where(since_start, 0, i).astype(np.int32), np.where(since_start, 0.0, f)

    d_i0, d_f0 = cum0(doc)
    d_i1, d_f1 = _pos(doc["end"], months, before=False)
    f_i0, f_f0 = cum0(flo)
    f_i1, f_f1 = _pos(flo["end"], months, before=False)
    e_i1, e_f1 = _pos(est["end"], months, before=False)
    mid = doc["start"] + (doc["end"] - doc["start"]) / 2
    since_start = doc["start"] <= START + pd.Timedelta(days=30)
    d_u = np.where(since_start, (doc["end"] - ctr).dt.days, (mid - ctr).dt.days) / (365.25 * 5)
    return ModelData(
        months=months,
        d_y=doc["value"].to_numpy(float), d_i0=d_i0, d_f0=d_f0, d_i1=d_i1, d_f1=d_f1,
        d_sd=doc["log_sd"].to_numpy(float),
        d_reg=np.array([regimes.index(r) for r in doc["regime"]], dtype=np.int32),
        d_ser=np.array([series.index(s) for s in doc["series"]], dtype=np.int32),
        d_u=np.asarray(d_u, dtype=float), regimes=regimes, series=series,
        e_y=est["value"].to_numpy(float), e_i1=e_i1, e_f1=e_f1, e_sd=est["log_sd"].to_numpy(float),
        e_civ=(est["scope_part"] == "civilians").to_numpy(bool),
        e_pub=np.array([pubs.index(p) for p in est["series"]], dtype=np.int32), publishers=pubs,
        f_y=flo["value"].to_numpy(float), f_i0=f_i0, f_f0=f_f0, f_i1=f_i1, f_f1=f_f1,
    )


def knot_weights(T: int, every: int) -> tuple[int, np.ndarray]:
    """Knots every ``every`` months; ``W`` (T x knots) interpolates log monthly deaths
    linearly between them (a piecewise-linear random walk)."""
    k = int(np.ceil((T - 1) / every)) + 1
    pos = np.arange(T) / every
    W = np.maximum(0.0, 1.0 - np.abs(pos[:, None] - np.arange(k)[None, :]))
    return k, W


def _at(C: Any, inc: Any, i: Any, f: Any) -> Any:
    return C[i] + f * inc[i]


def model(md: ModelData, s: Mapping[str, Any], prior_g_mean: float, prior_sd: float) -> None:
    """NumPyro model (see the module docstring). ``s``: settings (see ``toll.DEFAULTS``)."""
    T = len(md.months)
    k, W = knot_weights(T, int(s["knot_months"]))
    x0 = numpyro.sample("x0", dist.Normal(np.log(s["first_month_prior"]), 2.0))
    sigma = (numpyro.sample("sigma", dist.HalfNormal(s["rw_sd"])) if s["learn_rw_sd"]
             else s["rw_sd"])
    step = sigma * np.sqrt(s["knot_months"])
    if s["centered"]:
        xr = numpyro.sample("xr", dist.GaussianRandomWalk(scale=step, num_steps=k - 1))
        xk = jnp.concatenate([jnp.array([0.0]), xr]) + x0
    else:
        z = numpyro.sample("z", dist.Normal(0.0, 1.0).expand([k - 1]).to_event(1))
        xk = jnp.concatenate([jnp.array([0.0]), jnp.cumsum(step * z)]) + x0
    x = W @ xk
    inc = jnp.exp(x)
    C = jnp.concatenate([jnp.array([0.0]), jnp.cumsum(inc)])[:-1]
    numpyro.deterministic("toll", C + inc)
    if len(md.d_y):
        nr, ns = len(md.regimes), len(md.series)
        a = numpyro.sample("a", dist.Normal(prior_g_mean, prior_sd).expand([nr]).to_event(1))
        b = numpyro.sample("b", dist.Normal(0.0, s["coverage_drift_sd"]).expand([ns]).to_event(1))
        # a list cannot record more deaths than happened: g = -log(coverage) > 0
        numpyro.factor("coverage_below_one", jnorm.logcdf(a / s["wall_scale"]).sum())
        tau = (numpyro.sample("tau", dist.HalfNormal(s["doc_extra_sd"]))
               if s["doc_extra_sd"] > 0 else 0.0)
        g = a[md.d_reg] + b[md.d_ser] * md.d_u
        numpyro.factor("coverage_below_one_each", jnorm.logcdf(g / s["wall_scale"]).sum())
        q = _at(C, inc, md.d_i1, md.d_f1) - _at(C, inc, md.d_i0, md.d_f0)
        mu = jnp.log(jnp.clip(q, 1e-6)) - g
        numpyro.deterministic("doc_mu", mu)
        numpyro.sample("doc", dist.Normal(mu, jnp.sqrt(md.d_sd ** 2 + tau ** 2)).to_event(1),
                       obs=np.log(md.d_y))
    if len(md.e_y):
        npub = len(md.publishers)
        beta = numpyro.sample("beta", dist.Normal(0.0, s["estimate_bias_sd"]).expand([npub]).to_event(1))
        phi = numpyro.sample("phi", dist.Beta(*s["civilian_share_prior"]))
        share = jnp.where(md.e_civ, phi, 1.0)
        mu_e = jnp.log(share * _at(C, inc, md.e_i1, md.e_f1)) + beta[md.e_pub]
        numpyro.deterministic("est_mu", mu_e)
        numpyro.sample("est", dist.Normal(mu_e, md.e_sd).to_event(1), obs=np.log(md.e_y))
    if len(md.f_y):
        q = _at(C, inc, md.f_i1, md.f_f1) - _at(C, inc, md.f_i0, md.f_f0)
        numpyro.factor("floors", jnorm.logcdf((q - md.f_y) / (s["floor_scale"] * md.f_y)).sum())


def init_values(md: ModelData, s: Mapping[str, Any], prior_g_mean: float) -> dict[str, Any]:
    """A starting curve that respects every floor: 1.5 x the running maximum of the floors
    and documented counts, smoothed, turned into monthly increments."""
    T = len(md.months)
    env = np.zeros(T)
    for y, i, i0 in [(md.f_y, md.f_i1, md.f_i0), (md.d_y, md.d_i1, md.d_i0)]:
        for v, k, k0 in zip(y, i, i0):
            if k0 == 0 and v > 0:
                env[k:] = np.maximum(env[k:], v)
    if env.max() <= 0:
        env = np.linspace(1.0, 1.0 + T, T) * s["first_month_prior"]
    target = 1.6 * np.maximum.accumulate(env) + s["first_month_prior"] * np.arange(1, T + 1)
    inc = np.maximum(np.diff(np.concatenate([[0.0], target])), target[-1] / T * 0.05)
    inc = np.convolve(np.pad(inc, 3, mode="edge"), np.ones(7) / 7, mode="valid")
    every = int(s["knot_months"])
    k, W = knot_weights(T, every)
    xk = np.linalg.lstsq(W, np.log(inc), rcond=None)[0]
    sig = 0.2
    vals: dict[str, Any] = {"x0": xk[0]}
    if s["learn_rw_sd"]:
        vals["sigma"] = sig
    if s["centered"]:
        vals["xr"] = xk[1:] - xk[0]
    else:
        vals["z"] = np.diff(xk) / (sig * np.sqrt(every))
    if len(md.d_y):
        vals |= {"a": np.full(len(md.regimes), prior_g_mean), "b": np.zeros(len(md.series))}
        if s["doc_extra_sd"] > 0:
            vals["tau"] = 0.05
    if len(md.e_y):
        vals |= {"beta": np.zeros(len(md.publishers)), "phi": 0.5}
    return vals


def run(md: ModelData, s: Mapping[str, Any], prior_g_mean: float, prior_sd: float,
        seed: int) -> dict[str, np.ndarray]:
    """NUTS on CPU; returns posterior draws by site, grouped ``(chain, draw, ...)``."""
    present = {"a", "b"} if len(md.d_y) else set()
    present |= {"tau"} if len(md.d_y) and s["doc_extra_sd"] > 0 else set()
    present |= {"beta", "phi"} if len(md.e_y) else set()
    glob = tuple(n for n in ("x0", "sigma", "a", "b", "tau", "beta", "phi")
                 if n in present or n == "x0" or n == "sigma" and s["learn_rw_sd"])
    kernel = NUTS(model, init_strategy=init_to_value(values=init_values(md, s, prior_g_mean)),
                  target_accept_prob=s["target_accept"], max_tree_depth=s["max_tree_depth"],
                  dense_mass=(True if s["dense_globals"] == "all" else [glob] if s["dense_globals"]
                              else False))
    chains = int(s["chains"])
    method = s.get("chain_method") or ("parallel" if jax.local_device_count() >= chains else "sequential")
    mcmc = MCMC(kernel, num_warmup=int(s["warmup"]), num_samples=int(s["samples"]),
                num_chains=chains, chain_method=method, progress_bar=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mcmc.run(jax.random.PRNGKey(seed), md, s, prior_g_mean, prior_sd,
                 extra_fields=("diverging", "num_steps"))
    out = {k: np.asarray(v) for k, v in mcmc.get_samples(group_by_chain=True).items()}
    ex = mcmc.get_extra_fields(group_by_chain=True)
    out["diverging"] = np.asarray(ex["diverging"])
    out["num_steps"] = np.asarray(ex["num_steps"])
    return out
