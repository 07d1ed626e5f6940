"""Timing and coverage of the latent-class estimator (not a test).

Run with ``.venv/bin/python benchmarks/bench_lcmcr.py`` for the Kosovo timing, or with
``--coverage [--seeds N]`` for the coverage study (N simulated populations per scenario,
default 25; tens of minutes). Target (issue 17): Kosovo, 4 lists, an
effective sample size of N of at least 1,000 in at most 30 s on the 2-core machine.
Prints wall-clock and CPU seconds (the machine may be shared; CPU time is what one core
spent).
"""
from __future__ import annotations

import sys
import time

from scipy import stats

from syriastats import mse
from syriastats.mse_lcmcr import lcmcr, simulate_latent_class

# the scenarios of tests/test_mse_lcmcr.py, plus a harder four-list one and one with
# five lists and three classes
SCENARIOS = {
    "two classes, 5 lists (Manrique-Vallier 2016 sim1)": (
        2000, [0.9, 0.1], [[0.033, 0.033, 0.099, 0.132, 0.033],
                           [0.660, 0.825, 0.759, 0.990, 0.693]]),
    "three classes, 4 lists": (3000, [0.5, 0.3, 0.2], [[0.20, 0.25, 0.20, 0.15],
                                                        [0.40, 0.50, 0.45, 0.40],
                                                        [0.70, 0.60, 0.80, 0.75]]),
    # half the population nearly invisible to all four lists: hard for any method
    "three classes, 4 lists, one nearly invisible": (
        3000, [0.5, 0.3, 0.2], [[0.10, 0.15, 0.10, 0.05],
                                [0.30, 0.40, 0.35, 0.30],
                                [0.70, 0.60, 0.80, 0.75]]),
    "one class, 4 lists": (1500, [1.0], [[0.25, 0.30, 0.20, 0.35]]),
    "three classes, 5 lists": (5000, [0.6, 0.3, 0.1], [[0.05, 0.10, 0.08, 0.12, 0.06],
                                                        [0.30, 0.25, 0.35, 0.20, 0.30],
                                                        [0.80, 0.70, 0.90, 0.60, 0.75]]),
}


def kosovo() -> None:
    k = mse.kosovo_1999()
    t0, c0 = time.perf_counter(), time.process_time()
    r = lcmcr(k["patterns"], list_names=k["lists"])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    d = r.diagnostics
    print(f"LCMCR Kosovo (K={r.K}, {r.chains} chains x {r.burn_in}+{r.iterations} sweeps, "
          f"thin {r.thin}): wall {wall:.1f} s, cpu {cpu:.1f} s")
    print(f"  N median {r.n_median:,.0f}, 95% interval {r.ci_low:,.0f} to {r.ci_high:,.0f} "
          f"(near-census 10,401)")
    print(f"  ESS(N) {d['ess_n']:,.0f} ({d['ess_n'] / cpu:,.0f} per cpu second), "
          f"split R-hat {d['rhat_n']:.3f}, occupied classes median "
          f"{d['occupied_median']:.0f} (max {d['occupied_max']:.0f}), "
          f"all K occupied in {d['truncation_share']:.1%} of draws")
    for f in r.flags:
        print(f"  FLAG: {f}")


def coverage(seeds: int = 25) -> None:
    print(f"Coverage of 95% intervals, {seeds} simulated populations per scenario "
          "(K=5, 16 chains x 1000+2000 sweeps):")
    for name, (n_true, w, p) in SCENARIOS.items():
        hit = 0
        t0 = time.perf_counter()
        for seed in range(seeds):
            pats = simulate_latent_class(n_true, w, p, seed=1000 + seed)
            r = lcmcr(pats, K=5, chains=16, burn_in=1000, iterations=2000, thin=2, seed=seed)
            hit += r.ci_low <= n_true <= r.ci_high
        lo, hi = stats.binomtest(hit, seeds).proportion_ci(0.95)
        print(f"  {name:<52s} {hit}/{seeds} = {hit / seeds:.0%} "
              f"(95% CI {lo:.0%}-{hi:.0%}), {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    if "--coverage" in sys.argv:
        n_seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 25
        coverage(n_seeds)
    else:
        kosovo()
