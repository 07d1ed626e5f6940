"""Timing of syriastats.mse (not a test): run with .venv/bin/python benchmarks/bench_mse.py."""
from __future__ import annotations

import time

from syriastats import mse


def _time(label: str, fn, repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<55s} {best * 1000:8.1f} ms")


def main() -> None:
    k = mse.kosovo_1999()["patterns"]
    _time("fit_loglinear, 4 lists, independence, profile CI", lambda: mse.fit_loglinear(k))
    _time("fit_loglinear, 4 lists, all two-way, profile CI",
          lambda: mse.fit_loglinear(k, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]))
    _time("compare_models, 4 lists (64 models), no interval",
          lambda: mse.compare_models(k, interval="none"))
    _time("compare_models, 4 lists (64 models), profile CIs",
          lambda: mse.compare_models(k), repeat=2)


if __name__ == "__main__":
    main()
