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
from syriastats.toll.fitting import DEFAULTS, TollFit, fit

__all__ = ["DEFAULTS", "DEFAULT_COVERAGE_BREAKS", "SCOPE", "START", "CoveragePrior", "Prepared",
           "TollFit", "coverage_prior", "fit", "prepare", "series_key"]
