"""Timing and calibration of syriastats.toll (not a test).

Run with ``.venv/bin/python benchmarks/bench_toll.py [--calibration N]``. Prints the wall
time of a full fit of the registry (target: under 60 s on the 2-core machine), of the
August 2016 fit, and, with ``--calibration N``, the share of 90 % bands covering the known
toll over 3 scenarios x N seeds of synthetic registries (the larger run behind the test).
"""
from __future__ import annotations

import argparse
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calibration", type=int, default=0, help="seeds per scenario (0: skip)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    from syriastats import toll
    from syriastats.sources import load_estimates, load_sources
    from syriastats.toll import diagnostics as dg
    e, s = load_estimates(), load_sources()
    print(f"{'import and load registry':<45s} {time.perf_counter() - t0:7.1f} s")
    for label, kw in (("full fit, every figure", {}), ("fit as known on 2016-08-01",
                                                       {"as_known": "2016-08-01"})):
        t0 = time.perf_counter()
        f = toll.fit(e, s, **kw)
        wall = time.perf_counter() - t0
        last = f.latest()
        c = f.convergence()
        print(f"{label:<45s} {wall:7.1f} s   {last['date']:%Y-%m}: median {last['median']:,.0f} "
              f"(90 %: {last['lower']:,.0f}-{last['upper']:,.0f}); max R-hat "
              f"{c['max_rhat'].max():.3f}, min ESS {c['min_ess'].min():.0f}, "
              f"{c.attrs['divergences']} divergences")
    t0 = time.perf_counter()
    for _ in range(100):
        f._bands.clear()
        f.band(0.9)
    print(f"{'band(0.9) after a fit (per call)':<45s} {(time.perf_counter() - t0) * 10:7.1f} ms")
    if args.calibration:
        t0 = time.perf_counter()
        cal = dg.calibration(list(dg.SCENARIOS), list(range(1, args.calibration + 1)),
                             warmup=300, samples=300)
        by = cal.groupby("scenario")["covered"].mean()
        print(f"{'calibration':<45s} {time.perf_counter() - t0:7.1f} s   90 % bands cover the "
              f"truth in {cal['covered'].mean():.0%} of {len(cal)} checks; "
              + ", ".join(f"{k} {v:.0%}" for k, v in by.items()))


if __name__ == "__main__":
    main()
