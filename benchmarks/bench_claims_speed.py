"""Speed of the claims checker at archive scale, end to end (the ``syriastats check`` command).

Runs ``syriastats check FILE --as-known-then --format csv`` in a fresh process on
(a) the 26 shipped claims (``data/claims.csv``) and (b) an archive of N claims (default
10,000) made from them: each archive claim copies a shipped claim, moves its date by up to
400 days either way and scales its number by 0.7-1.3 (seeded, so the archive is the same
on every run). Prints wall time, the ratio archive/shipped (goal: at most 5) and each
process's peak memory (goal: flat, i.e. the archive needs little more than the 26 claims).
Then the same for ``syriastats check-text`` on a long document (the gold sentences repeated)
against the 1 August 2016 report.

Run: ``.venv/bin/python benchmarks/bench_claims_speed.py [--n 10000] [--sentences 2000]
[--runs 3]`` (``--runs``: the pair of ``check`` runs repeated, each ratio printed, since a
shared machine's load moves single runs; ``--sentences 0`` skips ``check-text``).

Fresh processes import and, where bytecode is not cached (``PYTHONDONTWRITEBYTECODE``),
compile every module: that start-up cost is part of both runs, as for a user.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "data" / "claims.csv"
GOLD = ROOT / "tests" / "data" / "gold_sentences.jsonl"

_RUN = ("import resource, runpy, sys\n"
        "sys.argv = ['syriastats'] + sys.argv[1:]\n"
        "try:\n"
        "    runpy.run_module('syriastats', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "sys.stderr.write('\\nMAXRSS_KB=%d\\nCPU_S=%.3f\\n' % (u.ru_maxrss, u.ru_utime + u.ru_stime))\n")


#: CPU seconds (user + system) of the last :func:`run` (less moved than wall time by other
#: processes on a shared machine; printed beside it).
LAST_CPU: list[float] = [0.0]


def run(args: list[str], stdin: bytes | None = None) -> tuple[float, float]:
    """(wall seconds, peak memory MB) of one ``syriastats`` command in a fresh process
    (its CPU seconds in :data:`LAST_CPU`)."""
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", _RUN, *args], input=stdin, capture_output=True)
    dt = time.perf_counter() - t0
    err = p.stderr.decode()
    kb = [int(line.split("=")[1]) for line in err.splitlines() if line.startswith("MAXRSS_KB=")]
    if not kb:
        raise SystemExit(f"command failed: {' '.join(args)}\n{err[-2000:]}")
    LAST_CPU[0] = [float(line.split("=")[1]) for line in err.splitlines()
                   if line.startswith("CPU_S=")][-1]
    return dt, kb[-1] / 1024


def archive(n: int, path: Path, seed: int = 2026) -> None:
    """Write *n* claims made from the shipped ones (see the module docstring)."""
    rng = np.random.default_rng(seed)
    base = pd.read_csv(CLAIMS, dtype=str, keep_default_na=False)
    rows = []
    for i in range(n):
        r = base.iloc[i % len(base)].to_dict()
        r["claim_id"] = f"a{i:06d}-{r['claim_id']}"[:60]
        shift = int(rng.integers(-400, 401))
        as_of = pd.Timestamp(r["as_of"] + ("-15" if len(r["as_of"]) == 7 else "")) + pd.Timedelta(days=shift)
        as_of = min(max(as_of, pd.Timestamp("2011-09-01")), pd.Timestamp("2025-12-31"))
        r["as_of"] = as_of.strftime("%Y-%m-%d")
        r["origin_date"] = max(as_of, pd.Timestamp(r["origin_date"] + ("-15" if len(r["origin_date"]) == 7 else ""))
                               + pd.Timedelta(days=shift)).strftime("%Y-%m-%d")
        if r["comparator"] != "highest_since" and r["measure"] != "war_duration_years":
            v = float(r["value"]) * float(rng.uniform(0.7, 1.3))
            r["value"] = f"{min(v, 1.0):.3f}" if r["measure"].endswith("_share") else f"{round(v, -3):.0f}"
        rows.append(r)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(base.columns), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=10_000, help="claims in the archive")
    ap.add_argument("--sentences", type=int, default=2_000, help="sentences in the long text")
    ap.add_argument("--runs", type=int, default=1, help="times the pair of check runs is made")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "archive.csv"
        archive(args.n, big)
        for _ in range(max(1, args.runs)):
            t26, m26 = run(["check", str(CLAIMS), "--as-known-then", "--format", "csv"])
            c26 = LAST_CPU[0]
            tn, mn = run(["check", str(big), "--as-known-then", "--format", "csv"])
            cn = LAST_CPU[0]
            print(f"syriastats check, 26 shipped claims: {t26:6.1f} s, peak memory {m26:5.0f} MB")
            print(f"syriastats check, {args.n:,} claims:   {tn:6.1f} s, peak memory {mn:5.0f} MB")
            print(f"  ratio {tn / t26:.1f}x (goal <= 5x); {1000 * (tn - t26) / args.n:.2f} ms per "
                  f"extra claim; memory {mn / m26:.2f}x; CPU {c26:.1f} s and {cn:.1f} s, ratio "
                  f"{cn / c26:.1f}x, {1000 * (cn - c26) / args.n:.2f} ms per extra claim", flush=True)
        if args.sentences <= 0:
            return
        report = Path(tmp) / "report.txt"
        short = ("As many as 470,000 people may have died in Syria's war. As much as half of "
                 "Syria's population has been displaced. The civil war is five years old.")
        report.write_text(short, encoding="utf-8")
        sents = [json.loads(line)["sentence"] for line in GOLD.open(encoding="utf-8")]
        long = Path(tmp) / "long.txt"
        long.write_text("\n".join(sents[i % len(sents)] for i in range(args.sentences)),
                        encoding="utf-8")
        ts, ms = run(["check-text", str(report), "--published", "2016-08-01", "--format", "json"])
        tl, ml = run(["check-text", str(long), "--published", "2025-12-31", "--format", "json"])
        print(f"syriastats check-text, 3 sentences:       {ts:6.1f} s, peak memory {ms:5.0f} MB")
        print(f"syriastats check-text, {args.sentences:,} sentences: {tl:6.1f} s, peak memory {ml:5.0f} MB")
        print(f"  ratio {tl / ts:.1f}x; memory {ml / ms:.2f}x")


if __name__ == "__main__":
    main()
