"""Three multiple-systems estimates of one population side by side, with what each assumes.

One row per method for the same capture patterns:

* **log-linear, best AIC** (:func:`syriastats.mse.compare_models` then
  :func:`syriastats.mse.fit_loglinear`): the single best-fitting model of pairwise list
  dependence; 95 % profile-likelihood confidence interval *given that model*.
* **model averaging** (:func:`syriastats.mse_bma.bma`, Madigan & York 1997 / ``dga``):
  every decomposable graph of list dependence, weighted by its posterior probability;
  95 % equal-tailed credible interval.
* **latent classes** (:func:`syriastats.mse_lcmcr.lcmcr`, Manrique-Vallier 2016 /
  ``LCMCR``): a mixture of hidden groups that differ in how visible they are; 95 %
  equal-tailed credible interval from MCMC draws.

Counts are persons. The ``assumes`` column states each method's assumptions in plain
words; ``flags`` carries every warning the method raised (never dropped).
"""
from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

import pandas as pd

from syriastats import mse, mse_bma, mse_lcmcr

__all__ = ["ASSUMPTIONS", "compare_methods", "run_methods"]

#: What each method assumes, in plain words (beyond a closed population and lists
#: matched without error, which all three assume).
ASSUMPTIONS: dict[str, str] = {
    "log-linear, best AIC": (
        "One model of which lists depend on which is right: the one that fits the "
        "overlaps best. Its interval covers chance error only, not the risk that "
        "another model is the right one."),
    "model averaging": (
        "Any pattern of dependence between lists (any decomposable graph) may be "
        "right; the estimate averages them, weighted by fit and prior. People who "
        "share a capture pattern are alike: no hidden groups that every list misses "
        "more often."),
    "latent classes (LCMCR)": (
        "The dead fall into hidden groups that differ in how likely they are to be "
        "recorded (some are hard for every list to find); within a group the lists "
        "act independently. The number of groups is learned from the data."),
}


def run_methods(
    patterns: Mapping[str, Any] | pd.DataFrame,
    list_names: Sequence[str] | None = None,
    *,
    criterion: str = "aic",
    bma_kwargs: Mapping[str, Any] | None = None,
    lcmcr_kwargs: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Run the three methods on one set of capture patterns.

    Args:
        patterns: capture patterns of 3 to 5 lists (see :func:`mse.normalise_patterns`).
        list_names: names of the lists.
        criterion: ``"aic"`` or ``"bic"`` for the log-linear model choice.
        bma_kwargs, lcmcr_kwargs: extra arguments for :func:`mse_bma.bma` and
            :func:`mse_lcmcr.lcmcr` (their defaults otherwise; LCMCR seed 0).

    Returns:
        dict with ``"loglinear"`` (:class:`mse.MSEResult` of the best model),
        ``"models"`` (the :func:`mse.compare_models` table), ``"bma"``
        (:class:`mse_bma.BMAResult`) and ``"lcmcr"`` (:class:`mse_lcmcr.LCMCRResult`).
    """
    pats = mse.normalise_patterns(patterns)
    k = len(next(iter(pats)))
    models = mse.compare_models(pats, criterion,  # type: ignore[arg-type]
                                interval="none", list_names=list_names,
                                max_interactions=None if k <= 4 else 3)
    best = models.iloc[0]
    return {
        "models": models,
        "loglinear": mse.fit_loglinear(pats, best["interactions"], list_names=list_names),
        "bma": mse_bma.bma(pats, list_names=list_names, **dict(bma_kwargs or {})),
        "lcmcr": mse_lcmcr.lcmcr(pats, list_names=list_names, **dict(lcmcr_kwargs or {})),
    }


def compare_methods(results: Mapping[str, Any], *, benchmark: float | None = None
                    ) -> pd.DataFrame:
    """Side-by-side table of :func:`run_methods` results.

    Args:
        results: the dict returned by :func:`run_methods`.
        benchmark: a known total (e.g. a later census), persons; adds ``covers``.

    Returns:
        DataFrame, one row per method: ``method``, ``model`` (the model chosen or
        averaged over), ``observed``, ``estimate`` (persons: the maximum-likelihood
        estimate for log-linear, the posterior median otherwise), ``ci_low``,
        ``ci_high`` (persons), ``interval`` (what the range means), ``assumes``,
        ``flags`` (``"; "``-joined warnings, empty if none) and, with a benchmark,
        ``covers`` (whether the interval contains it).
    """
    ll, ba, lc = results["loglinear"], results["bma"], results["lcmcr"]
    top = ba.model_probs.iloc[0]
    rows = [
        {"method": "log-linear, best AIC",
         "model": ll.model.replace("log-linear: ", ""), "observed": ll.observed,
         "estimate": ll.n_hat, "ci_low": ll.ci_low, "ci_high": ll.ci_high,
         "interval": f"{ll.level:.0%} profile-likelihood confidence interval, this model only",
         "assumes": ASSUMPTIONS["log-linear, best AIC"], "flags": "; ".join(ll.flags)},
        {"method": "model averaging",
         "model": (f"{len(ba.model_probs)} decomposable graphs (top: {top['model']}, "
                   f"probability {top['posterior_prob']:.2f})"),
         "observed": ba.observed, "estimate": ba.n_median, "ci_low": ba.ci_low,
         "ci_high": ba.ci_high,
         "interval": f"{ba.level:.0%} equal-tailed credible interval, prior on N {ba.prior_n}",
         "assumes": ASSUMPTIONS["model averaging"], "flags": "; ".join(ba.flags)},
        {"method": "latent classes (LCMCR)",
         "model": (f"up to K={lc.K} classes (median {lc.diagnostics['occupied_median']:.0f} "
                   "occupied)"),
         "observed": lc.observed, "estimate": lc.n_median, "ci_low": lc.ci_low,
         "ci_high": lc.ci_high,
         "interval": f"{lc.level:.0%} equal-tailed credible interval (MCMC)",
         "assumes": ASSUMPTIONS["latent classes (LCMCR)"], "flags": "; ".join(lc.flags)},
    ]
    out = pd.DataFrame(rows)
    if benchmark is not None:
        b = float(benchmark)
        out["covers"] = [(not math.isnan(lo)) and lo <= b <= hi
                         for lo, hi in zip(out["ci_low"], out["ci_high"])]
    return out
