"""One modelled toll over time: the cumulative number of people killed in Syria's war, by
month since March 2011, with an honest band, from every documented count and estimate in
the registry.

Usage::

    from syriastats import toll
    f = toll.fit(estimates, sources)             # about 10-30 s on two cores
    f.band(0.9)                                  # date, median, lower, upper (persons, month ends)
    f.at("2016-08-31")                           # one date
    print(f.describe())                          # the model, its assumptions, its inputs
    toll.fit(estimates, sources, as_known="2016-08-01")   # what could be said then

The model (see :mod:`syriastats.toll.model`) and the reading of the registry (see
:mod:`syriastats.toll.data`) are documented there; checks are in
:mod:`syriastats.toll.diagnostics`. ``band()`` and ``at()`` only take quantiles of stored
draws: cheap to call after a fit.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from syriastats.toll.data import (
    DEFAULT_COVERAGE_BREAKS,
    SCOPE,
    START,
    CoveragePrior,
    Prepared,
    coverage_prior,
    prepare,
    series_key,
)

__all__ = ["DEFAULTS", "SCOPE", "TollFit", "fit", "CoveragePrior", "coverage_prior",
           "prepare", "series_key", "START"]

#: Model settings (override any by keyword in :func:`fit`). Units in the comments.
DEFAULTS: dict[str, Any] = {
    "chains": 2,                 # independent NUTS chains (one per core)
    "warmup": 500,               # adaptation steps per chain
    "samples": 500,              # kept draws per chain
    "target_accept": 0.9,
    "max_tree_depth": 8,
    "knot_months": 3,            # log monthly deaths is linear between knots this many months apart
    "centered": True,            # sample log monthly deaths at the knots directly (data are strong)
    "dense_globals": "all",      # dense mass matrix for the few global parameters
    "learn_rw_sd": False,        # False: rw_sd is the month-to-month sd itself (no funnel)
    "rw_sd": 0.3,                # half-normal scale of the month-to-month sd of log monthly deaths
    "first_month_prior": 500.0,  # prior median of deaths in March 2011 (persons; log-sd 2)
    "coverage_drift_sd": 0.2,    # sd of a list's drift in -log(coverage) per 5 years
    "coverage_breaks": DEFAULT_COVERAGE_BREAKS,  # publisher -> dates its list changed basis
    "doc_sd_exact": 0.03,        # log-sd of an exact documented count around rho * toll
    "doc_sd_rounded": 0.06,      # log-sd of a rounded ('approximately', 'at least') count
    "doc_extra_sd": 0.0,         # half-normal scale of extra scatter of documented counts
    "estimate_bias_sd": 0.15,    # sd of each estimating publisher's bias (log scale)
    "assumed_margin": 0.25,      # estimate with no stated uncertainty: +-25 % read as 90 %
    "civilian_share_prior": (2.0, 2.0),  # Beta prior of the civilian share of the toll
    "floor_scale": 0.01,         # softness of a floor, as a fraction of it
    "wall_scale": 0.03,          # softness of coverage <= 1 (in -log coverage)
    "use_expert": False,         # also use experts' figures without a published method
    "exclude_publishers": (),    # publishers left out (sensitivity)
}


def _month_end(date: Any) -> pd.Timestamp:
    return pd.Timestamp(date) + pd.offsets.MonthEnd(0)


@dataclass
class TollFit:
    """A fitted toll curve: posterior draws of the cumulative toll at each month end.

    ``draws``: array (draws x months), persons. ``dates``: the month ends.
    ``inputs``/``left_out``: the registry rows used (with their role) and left out (with
    the reason). ``seconds``: wall time of the fit. ``samples``: all posterior draws by
    site, ``(chain, draw, ...)``, for diagnostics.
    """

    dates: pd.DatetimeIndex
    draws: np.ndarray
    inputs: pd.DataFrame
    left_out: pd.DataFrame
    coverage_prior: CoveragePrior
    settings: dict[str, Any]
    seed: int
    as_known: pd.Timestamp | None
    seconds: float
    samples: dict[str, np.ndarray] = field(repr=False, default_factory=dict)
    model_data: Any = field(repr=False, default=None)
    _bands: dict[float, pd.DataFrame] = field(repr=False, default_factory=dict)

    def band(self, level: float = 0.9) -> pd.DataFrame:
        """Columns ``date`` (month end), ``median``, ``lower``, ``upper`` (persons): the
        posterior median and central ``level`` credible interval of the cumulative toll."""
        if not 0 < level < 1:
            raise ValueError(f"level must be between 0 and 1, got {level!r}")
        if level not in self._bands:
            q = np.quantile(self.draws, [0.5, (1 - level) / 2, (1 + level) / 2], axis=0)
            self._bands[level] = pd.DataFrame({"date": self.dates, "median": q[0],
                                               "lower": q[1], "upper": q[2]})
        return self._bands[level].copy()

    def draws_at(self, date: Any) -> np.ndarray:
        """Posterior draws of the toll on ``date`` (linear within the month), persons."""
        d = pd.Timestamp(date)
        if d < START or d > self.dates[-1]:
            raise ValueError(f"{d.date()} is outside the modelled months "
                             f"{START.date()}..{self.dates[-1].date()}")
        i = int(np.searchsorted(self.dates, _month_end(d)))
        prev = self.draws[:, i - 1] if i > 0 else np.zeros(len(self.draws))
        frac = d.day / d.days_in_month
        return prev + frac * (self.draws[:, i] - prev)

    def at(self, date: Any, level: float = 0.9) -> pd.Series:
        """``date, median, lower, upper`` of the toll on one date (persons)."""
        x = self.draws_at(date)
        q = np.quantile(x, [0.5, (1 - level) / 2, (1 + level) / 2])
        return pd.Series({"date": pd.Timestamp(date), "median": q[0], "lower": q[1],
                          "upper": q[2]})

    def latest(self, level: float = 0.9) -> pd.Series:
        """The band at the last modelled month end."""
        return self.band(level).iloc[-1]

    def coverage(self, level: float = 0.9) -> pd.DataFrame:
        """Posterior coverage of each documented list (per publisher and period) at its
        last count: columns ``regime, n_counts, median, lower, upper`` (fractions)."""
        from syriastats.toll.diagnostics import coverage_table
        return coverage_table(self, level)

    def convergence(self) -> pd.DataFrame:
        """Split R-hat and effective sample size per parameter group."""
        from syriastats.toll.diagnostics import convergence
        return convergence(self)

    def describe(self, level: float = 0.9) -> str:
        """The model, its assumptions, its inputs and its result, in plain words."""
        from syriastats.toll.diagnostics import describe
        return describe(self, level)


def fit(estimates: pd.DataFrame, sources: pd.DataFrame | None = None, *,
        as_known: Any = None, seed: int = 0, **settings: Any) -> TollFit:
    """Fit the toll model to the registry (``load_estimates()``, ``load_sources()``).

    ``as_known``: use only figures whose source was published on or before this date
    (e.g. ``"2016-08-01"``); the curve then ends at the last month with data known then.
    ``seed``: same seed, same draws on one machine. ``settings``: see :data:`DEFAULTS`.
    """
    unknown = sorted(set(settings) - set(DEFAULTS))
    if unknown:
        raise TypeError(f"toll.fit: unknown setting(s) {unknown}; known: {sorted(DEFAULTS)}")
    s = {**DEFAULTS, **settings}
    from syriastats.toll import model as m
    t0 = time.perf_counter()
    prep = prepare(estimates, sources, as_known=as_known, settings=s)
    md = m.build(prep)
    cp = prep.coverage_prior
    samples = m.run(md, s, cp.g_mean, cp.g_sd, int(seed))
    toll = samples["toll"]
    draws = toll.reshape(-1, toll.shape[-1])
    return TollFit(dates=md.months, draws=draws, inputs=prep.inputs, left_out=prep.left_out,
                   coverage_prior=cp, settings=s, seed=int(seed),
                   as_known=prep.as_known, seconds=time.perf_counter() - t0,
                   samples=samples, model_data=md)
