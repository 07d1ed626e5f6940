"""Timing of model averaging over decomposable graphs (not a test).

Run with ``.venv/bin/python benchmarks/bench_bma.py``. Target (issue 17): 5 lists in at
most 10 s on the 2-core machine. Prints wall-clock and CPU seconds (the machine may be
shared; CPU time is what one core spent).
"""
from __future__ import annotations

import time

from syriastats import mse
from syriastats.mse_bma import bma, decomposable_graphs
from syriastats.mse_lcmcr import simulate_latent_class


def _time(label: str, fn, repeat: int = 3) -> None:
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        res = fn()
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"{label:<62s} wall {best_wall:7.2f} s  cpu {best_cpu:7.2f} s  "
          f"(median N {res.n_median:,.0f})")


def main() -> None:
    t0 = time.perf_counter()
    decomposable_graphs.cache_clear()
    graphs = decomposable_graphs(5)
    print(f"{'enumerate the ' + str(len(graphs)) + ' decomposable graphs on 5 lists':<62s} "
          f"wall {time.perf_counter() - t0:7.2f} s")
    dga5 = [0, 27, 37, 19, 4, 4, 1, 1, 97, 22, 37, 25, 2, 1, 3, 5, 83, 36, 34, 18, 3, 5, 0, 2,
            30, 5, 23, 8, 0, 3, 0, 2]
    pats5 = {"".join(str((i >> j) & 1) for j in range(5)): c for i, c in enumerate(dga5) if i}
    _time("5 lists, dga example (537 people, N grid of 301)",
          lambda: bma(pats5, prior_delta=0.5, n_max=537 + 300))
    sim = simulate_latent_class(12_000, [0.7, 0.3], [[0.1, 0.15, 0.2, 0.1, 0.12],
                                                     [0.5, 0.4, 0.6, 0.5, 0.45]], seed=1)
    n = sum(sim.values())
    _time(f"5 lists, simulated ({n:,} people, default grid of {10 * n + 1:,} N)",
          lambda: bma(sim))
    k = mse.kosovo_1999()["patterns"]
    _time("4 lists, Kosovo (4,400 people, default grid of 44,001 N)", lambda: bma(k))


if __name__ == "__main__":
    main()
