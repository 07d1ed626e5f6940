"""Benchmark the notebook build (prints figures; not a test).

Prints:
- the wall time of the whole build (all notebooks, in parallel, as ``make figures`` runs it,
  but executed into memory only: the committed notebooks are not rewritten);
- each notebook's own time;
- the floor: the time to start a bare kernel and import the suite's libraries, times the
  number of notebooks, divided by the number of parallel workers;
- the ratio build / floor (goal: at most 1.5).

Usage: ``.venv/bin/python benchmarks/bench_build.py [--jobs N] [--repeat R]``
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

IMPORTS = (
    "import numpy, pandas, scipy.stats, matplotlib, matplotlib.pyplot, seaborn, statsmodels.api\n"
    "import syriastats, syriastats.uncertainty, syriastats.charts, syriastats.export\n"
    "%matplotlib inline"
)


def kernel_floor() -> float:
    """Seconds to start a bare kernel and import the suite's libraries."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
    t = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=300).execute()
    return time.perf_counter() - t


def _time_one(path: str) -> tuple[str, float, bool]:
    from pathlib import Path

    from syriastats.build import execute_notebook

    r = execute_notebook(Path(path))
    return Path(path).name, r.seconds, r.ok


def main() -> None:
    from syriastats.build import KERNEL_ENV, list_notebooks

    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    os.environ.update(KERNEL_ENV)
    nbs = list_notebooks()
    jobs = max(1, min(args.jobs, len(nbs)))
    floors = [kernel_floor() for _ in range(3)]
    floor_one = statistics.median(floors)
    builds = []
    per_nb: dict[str, float] = {}
    for _ in range(args.repeat):
        t = time.perf_counter()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_time_one, [str(p) for p in nbs]))
        builds.append(time.perf_counter() - t)
        for name, secs, ok in results:
            if not ok:
                raise SystemExit(f"{name} failed; fix it before benchmarking")
            per_nb[name] = secs
    build = min(builds)
    floor = floor_one * len(nbs) / jobs
    print(f"notebooks: {len(nbs)}, workers: {jobs}, cores: {os.cpu_count()}")
    for name, secs in per_nb.items():
        print(f"  {name:<32} {secs:6.2f} s")
    print(f"bare kernel + imports (median of 3): {floor_one:.2f} s")
    print(f"floor = {floor_one:.2f} s x {len(nbs)} notebooks / {jobs} workers = {floor:.2f} s")
    print(f"build wall time (best of {args.repeat}): {build:.2f} s")
    print(f"ratio build / floor: {build / floor:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
