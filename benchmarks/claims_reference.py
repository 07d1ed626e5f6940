"""Write the outputs of ``syriastats check`` / ``check-text`` to a folder, to diff two versions of the code.

Speed work on the claims checker must leave every byte of every output unchanged. This script
runs the commands (each in a fresh process, through the CLI) on
(a) the shipped claims (``data/claims.csv``), (b) a seeded archive of 1,000 claims made by
``bench_claims_speed.archive`` and (c) one long text made of every sentence of the development
gold sets (gold_sentences, gold_heldout, gold_heldout2), in every format and both "as known"
modes, and writes one file per run (stdout, then stderr and the exit code) into OUT.

Run: ``.venv/bin/python benchmarks/claims_reference.py OUT`` then ``diff -r OUT_before OUT_after``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_claims_speed import archive  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLDS = ["gold_sentences.jsonl", "gold_heldout.jsonl", "gold_heldout2.jsonl"]


def _run(out: Path, name: str, args: list[str]) -> None:
    p = subprocess.run([sys.executable, "-m", "syriastats", *args], capture_output=True, cwd=ROOT)
    (out / name).write_bytes(p.stdout + b"\n--- stderr ---\n" + p.stderr
                             + f"\n--- exit {p.returncode} ---\n".encode())


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):  # ("--help" is no folder to write into)
        sys.exit("usage: claims_reference.py OUT  (a folder for every check and check-text output)")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    big = out / "archive1000.csv"
    archive(1000, big)
    sents = [json.loads(line)["sentence"]
             for g in GOLDS for line in (ROOT / "tests" / "data" / g).open(encoding="utf-8")
             if line.strip()]
    text = out / "gold_all.txt"
    text.write_text("\n".join(sents), encoding="utf-8")
    for label, path in [("shipped", ROOT / "data" / "claims.csv"), ("archive", big)]:
        for mode in ["", "--as-known-then", "--as-known-now"]:
            for fmt in ["table", "csv", "markdown", "json"]:
                _run(out, f"check_{label}_{mode.strip('-') or 'default'}.{fmt}",
                     ["check", str(path), *([mode] if mode else []), "--format", fmt])
    for pub, mode in [("2025-12-31", "--as-known-now"), ("2016-08-01", "--as-known-then")]:
        for fmt in ["json", "csv"]:
            _run(out, f"text_{pub}_{mode.strip('-')}.{fmt}",
                 ["check-text", str(text), "--published", pub, mode, "--format", fmt])


if __name__ == "__main__":
    main()
