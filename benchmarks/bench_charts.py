"""Benchmark the news-chart build (``syriastats charts``); prints figures, not a test.

Prints, for the real registry, into a temporary folder (figures/ is not touched):
- wall time of the whole build with 1 worker and with the default number of workers;
- files written per second;
- the floor: loading the registry plus writing the same number of files (same formats,
  sizes and fonts) from figures with one line of text each, spread over the same workers:
  what any build writing these files must pay;
- the ratio build / floor, cold (empty folder: the toll model is refitted first), cold
  without the toll model (drawing and writing only) and warm (a rebuild with nothing changed, where charts whose build key
  matches are not redrawn; goal of issue 14: warm at most 2).
A fresh clone is not "cold" in this sense: figures/toll-over-time.csv carries the band and
its key, so the model is refitted only when the registry or the model's code changed.

Usage: ``.venv/bin/python benchmarks/bench_charts.py [--jobs N] [--repeat R] [--skip-serial]``
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _floor_task(task: tuple[str, str]) -> int:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from syriastats.charts.cuts import CUTS
    from syriastats.charts.newsframe import cut_style
    from syriastats.export import PNG_METADATA_NULLS, SAVE_RC, SVG_METADATA_NULLS
    import matplotlib as mpl

    cut_name, out = task
    cut = CUTS[cut_name]
    with cut_style(cut):
        fig = Figure(figsize=(cut.width_in, cut.height_in), dpi=100)
        FigureCanvasAgg(fig)
        fig.text(0.5, 0.5, "سوريا Syria" if cut.rtl else "Syria")
        exts = ("png", "svg", "pdf") if not cut_name else ("png", "svg")
        with mpl.rc_context(SAVE_RC):
            for ext in exts:
                md = {"png": PNG_METADATA_NULLS, "svg": SVG_METADATA_NULLS}.get(ext, {})
                fig.savefig(Path(out) / f"floor-{cut_name or 'std'}-{os.getpid()}.{ext}",
                            format=ext, metadata=md, dpi=200 if ext == "png" else "figure")
    return len(exts)


def floor(n_charts: int, jobs: int) -> float:
    from syriastats.charts.cuts import VARIANTS
    from syriastats.sources import load_estimates, load_sources, with_sources

    t = time.perf_counter()
    with_sources(load_estimates(), load_sources())
    with tempfile.TemporaryDirectory() as d:
        tasks = [(c, d) for _ in range(n_charts) for c in ("", *VARIANTS)]
        if jobs > 1:
            with ProcessPoolExecutor(jobs) as pool:
                list(pool.map(_floor_task, tasks))
        else:
            for task in tasks:
                _floor_task(task)
    return time.perf_counter() - t


def build(jobs: int, model: bool = True) -> tuple[float, int, int, float, float | None]:
    """Cold build into an empty folder, then a warm rebuild (nothing changed) into the same one.

    Returns (cold s, files, charts, warm s, toll-model fit s or None). With *model* false
    the toll band is left out: the cold time is then drawing and writing only.
    """
    import re

    from syriastats.newsroom import build_news_charts

    logs: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        report = build_news_charts(d, jobs=jobs, log=logs.append, model=model)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        build_news_charts(d, jobs=jobs, log=lambda s: None, model=model)
        warm = time.perf_counter() - t
    fit = next((float(m.group(1)) for line in logs
                if (m := re.search(r"fitted the toll model in (\d+) s", line))), None)
    return cold, report["files"], len(report["written"]), warm, fit


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--skip-serial", action="store_true",
                    help="skip the 1-worker cold build (it refits the toll model too)")
    args = ap.parse_args()
    t = time.perf_counter()
    import syriastats.newsroom  # noqa: F401 - what `syriastats charts` pays before drawing

    imp = time.perf_counter() - t
    serial = [] if args.skip_serial else [build(1) for _ in range(args.repeat)]
    parallel = [build(args.jobs) for _ in range(args.repeat)]
    drawing = [build(args.jobs, model=False) for _ in range(args.repeat)]
    p_time = statistics.median(r[0] for r in parallel)
    d_time = statistics.median(r[0] for r in drawing)
    files, charts = parallel[0][1], parallel[0][2]
    f_time = statistics.median(floor(charts, args.jobs) for _ in range(args.repeat))
    fits = [r[4] for r in parallel if r[4] is not None]
    print(f"import syriastats.newsroom: {imp:.1f} s")
    print(f"news charts built: {charts}, files written: {files}")
    if serial:
        s_time = statistics.median(r[0] for r in serial)
        print(f"cold build, 1 worker:  {s_time:6.1f} s  ({files / s_time:5.1f} files/s)")
        print(f"parallel speed-up {s_time / p_time:.2f}x")
    print(f"cold build, {args.jobs} workers: {p_time:6.1f} s  ({files / p_time:5.1f} files/s), "
          "empty folder, toll model refitted")
    if fits:
        print(f"  of which the toll model fit: {statistics.median(fits):.0f} s")
    print(f"cold build without the toll model (drawing and writing only): {d_time:6.1f} s")
    print(f"floor ({args.jobs} workers): {f_time:6.1f} s  (load the registry, write the same "
          "files from one-line figures)")
    w_time = statistics.median(r[3] for r in parallel)
    print(f"build/floor ratio, cold: {p_time / f_time:.2f}; cold without the model: "
          f"{d_time / f_time:.2f}")
    print(f"warm rebuild (nothing changed, every chart up to date): {w_time:.1f} s; "
          f"warm build/floor ratio: {w_time / f_time:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
