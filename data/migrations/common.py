"""What every registry migration shares: writing the CSV and the command line.

A migration script defines ``migrate(text, *, force=False) -> str`` (the new
``estimates.csv`` text) and ``summary(text) -> list[str]`` (lines that say what it
wrote), and ends with ``sys.exit(run(migrate, summary, __doc__))``.
"""
from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import Callable, Iterable

DATA_DIR = Path(__file__).resolve().parents[1]


def write_rows(header: list[str], rows: Iterable[dict[str, str]]) -> str:
    """CSV text of *rows* (dicts) in the column order of *header*, ``\\n`` line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([[r[c] for c in header] for r in rows])
    return buf.getvalue()


def run(migrate: Callable[..., str], summary: Callable[[str], list[str]], doc: str | None,
        argv: list[str] | None = None) -> int:
    """Command line of a migration: ``[--data DIR] [--force] [--check]``.

    ``--check`` writes nothing and returns 1 if the file would change; otherwise the file is
    rewritten only if it changes, and the summary lines are printed.
    """
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--data", default=str(DATA_DIR))
    ap.add_argument("--force", action="store_true", help="recompute every cell from the rules")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the file would change")
    a = ap.parse_args(argv)
    path = Path(a.data) / "estimates.csv"
    text = path.read_text(encoding="utf-8")
    new = migrate(text, force=a.force)
    if a.check:
        return int(new != text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    for line in summary(new):
        print(line)
    return 0
