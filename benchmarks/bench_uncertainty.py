"""Benchmark: Monte Carlo propagation of a three-input ratio (A + B) / C.

A: log-normal (bracket 4.6M .. 5.0M, median = geometric mean), B: split log-normal
(bracket 6.0M .. 7.6M around 6.5M), C: split log-normal (20.4M .. 22.0M around 21.0M);
the shape of displaced_share. Target: 1,000,000 draws in under 0.25 s.
Prints best-of-repeats wall time and draws per second, for independent sampling
and for the Gaussian-copula path. Plain script, not a test:

    .venv/bin/python benchmarks/bench_uncertainty.py
"""
from __future__ import annotations

import time

import numpy as np

from syriastats.uncertainty import sample_joint, summarise, to_distribution

N = 1_000_000
REPEATS = 7


def run(fits: dict, rank_correlation: object = None, seed: int = 1) -> np.ndarray:
    d = sample_joint(fits, N, np.random.default_rng(seed), rank_correlation=rank_correlation)
    return (d["A"] + d["B"]) / d["C"]


def bench(label: str, **kw: object) -> float:
    fits = {
        "A": to_distribution(4.6e6, None, 5.0e6),
        "B": to_distribution(6.0e6, 6.5e6, 7.6e6),
        "C": to_distribution(20.4e6, 21.0e6, 22.0e6),
    }
    run(fits, **kw)  # warm-up
    times = []
    for i in range(REPEATS):
        t0 = time.perf_counter()
        r = run(fits, seed=i, **kw)
        times.append(time.perf_counter() - t0)
    best = min(times)
    s = summarise({"ratio": r}).iloc[0]
    print(f"{label:<28} best {best * 1e3:7.1f} ms  median {np.median(times) * 1e3:7.1f} ms  "
          f"{N / best / 1e6:6.2f} M draws/s  "
          f"(ratio median {s['median']:.4f}, 90% {s['lower_90']:.4f}-{s['upper_90']:.4f})  "
          f"{'OK' if best < 0.25 else 'SLOW'} vs 0.25 s")
    return best


def main() -> None:
    print(f"(A + B) / C, {N:,} draws, best of {REPEATS}")
    bench("independent")
    rc = np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 1.0]])
    bench("Gaussian copula (rho_AB=.5)", rank_correlation=rc)
    t0 = time.perf_counter()
    r = run({"A": to_distribution(4.6e6, None, 5.0e6),
             "B": to_distribution(6.0e6, 6.5e6, 7.6e6),
             "C": to_distribution(20.4e6, 21.0e6, 22.0e6)})
    summarise({"ratio": r})
    print(f"fit + draw + summarise once: {(time.perf_counter() - t0) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
