"""Verdicts for people: a plain table, CSV, Markdown or JSON, and the ``syriastats
check`` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from collections.abc import Iterable
from typing import Any, Literal

import pandas as pd

from syriastats.claims.checking import check, check_chunks
from syriastats.claims.loading import _claim_lines, claim_row_problems
from syriastats.claims.phrases import _claim_phrase, _duration_phrase, _isnum, _num
from syriastats.claims.rules import OUTPUT_COLUMNS


_TABLE_COLUMNS = ["claim_id", "known", "verdict", "claim", "range", "figures"]


def _display_frame(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, r in df.iterrows():
        m = r["measure"]
        rng = ("" if not _isnum(r["lower"]) or r["verdict"] == "not_checkable" else
               f"{_num(r['lower'], m)} - {_num(r['upper'], m)}")
        rows.append({"claim_id": r["claim_id"], "known": r["known"], "verdict": r["verdict"],
                     "claim": _claim_phrase(r["comparator"], r["value"], m)
                     if m != "war_duration_years" else _duration_phrase(r["comparator"], r["value"]),
                     "range": rng, "figures": r["estimate_ids"].replace(";", ", ")})
    return pd.DataFrame(rows, columns=_TABLE_COLUMNS)


#: Rows rendered at a time by :func:`write_verdicts` and ``syriastats check`` (CSV and JSON;
#: each chunk's frame and text are transient: 1,000 rows raised the peak of a 10,000-claim
#: check by about 15 MB, 250 rows by a few).
WRITE_CHUNK: int = 250


def write_verdicts(df: pd.DataFrame, fmt: Literal["table", "csv", "markdown", "json"],
                   out: Any) -> None:
    """Write :func:`format_verdicts` of *df* to the text stream *out*, the same text, CSV
    and JSON rendered :data:`WRITE_CHUNK` rows at a time (an archive's output is never held
    in memory whole)."""
    if fmt not in ("csv", "json") or len(df) <= WRITE_CHUNK:
        out.write(format_verdicts(df, fmt))
        return
    _write_chunks((df.iloc[i:i + WRITE_CHUNK] for i in range(0, len(df), WRITE_CHUNK)), fmt, out)


def _write_chunks(parts: Iterable[pd.DataFrame], fmt: str, out: Any) -> None:
    """CSV or JSON of consecutive non-empty frames, as :func:`format_verdicts` of them
    concatenated (at least one frame)."""
    from syriastats.safe_output import escape_json

    for k, part in enumerate(parts):
        if fmt == "csv":  # written to *out* as rendered (no copy of the chunk's whole text)
            _escaped(part).to_csv(out, index=False, header=k == 0, lineterminator="\n")
            continue
        recs = json.loads(part.to_json(orient="records", force_ascii=False))
        body = json.dumps(escape_json(recs), indent=2, ensure_ascii=False)[2:-2]  # no [ ]
        out.write(("[\n" if k == 0 else ",\n") + body)
    if fmt == "json":
        out.write("\n]\n")


def _escaped(df: pd.DataFrame) -> pd.DataFrame:
    """:func:`syriastats.safe_output.escape_frame` of *df*, escaping only the text columns
    that hold a cell starting like a formula (the others would come back unchanged): the
    same CSV text, without a Python call per cell of an archive's verdicts."""
    from syriastats.safe_output import FORMULA_START, escape_cell

    out = None
    for col in df.columns:
        s = df[col]
        if not (pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype)):
            continue
        if any(isinstance(v, str) and v.startswith(FORMULA_START) for v in s.to_numpy(object)):
            out = df.copy() if out is None else out
            out[col] = s.map(escape_cell, na_action="ignore")
    return df if out is None else out


def format_verdicts(df: pd.DataFrame, fmt: Literal["table", "csv", "markdown", "json"]) -> str:
    """Render :func:`check` output as a plain-text table, CSV, Markdown or JSON text."""
    from syriastats.safe_output import escape_json

    if fmt == "csv":  # text cells that a spreadsheet would run as formulas are escaped
        return _escaped(df).to_csv(index=False, lineterminator="\n")
    if fmt == "json":
        recs = json.loads(df.to_json(orient="records", force_ascii=False))
        return json.dumps(escape_json(recs), indent=2, ensure_ascii=False) + "\n"
    disp = _display_frame(df)
    if fmt == "markdown":
        def esc(v: Any) -> str:
            return str(v).replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(disp.columns) + " |",
                 "|" + "|".join("---" for _ in disp.columns) + "|"]
        lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in disp.itertuples(index=False)]
        out = "\n".join(lines) + "\n\n"
        out += "\n".join(f"- **{r.claim_id}** ({r.known}): {r.explanation}"
                         for r in df.itertuples(index=False)) + "\n"
        return out
    if fmt == "table":
        widths = {c: max(len(c), *(len(str(v)) for v in disp[c])) if len(disp) else len(c)
                  for c in disp.columns}
        widths["figures"] = len("figures")
        head = "  ".join(c.ljust(widths[c]) for c in disp.columns)
        lines = [head, "  ".join("-" * widths[c] for c in disp.columns)]
        for row in disp.itertuples(index=False):
            lines.append("  ".join(str(v).ljust(widths[c]) for c, v in zip(disp.columns, row)).rstrip())
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {fmt!r} (table, csv, markdown or json)")


def cli_check(path: str | Path | None, *, known: Literal["then", "now", "both"] = "then",
              fmt: Literal["table", "csv", "markdown", "json"] = "table",
              data_dir: str | Path | None = None) -> int:
    """Check a claims file against the registry and print the verdicts; return the exit code.

    Without *path* checks ``claims.csv`` of the data folder. Bad rows of the claims file
    are reported on stderr as ``file, row N, column 'c' (id X): what is wrong`` and left
    out; the other rows are judged. Exit code 1 if any row (or the file) was bad, or the
    registry could not be loaded; else 0.
    """
    from syriastats.paths import data_dir as _data_dir
    from syriastats.sources import load_claims, load_estimates, load_sources, with_sources
    from syriastats.validate import RegistryError

    if known not in ("then", "now", "both"):
        print(f"syriastats check: known must be then, now or both, not {known!r}", file=sys.stderr)
        return 2
    if fmt not in ("table", "csv", "markdown", "json"):
        print(f"syriastats check: format must be table, csv, markdown or json, not {fmt!r}",
              file=sys.stderr)
        return 2
    folder = _data_dir(data_dir)
    target = Path(path) if path is not None else folder
    try:
        claims = load_claims(target, on_error="collect")
    except RegistryError as exc:
        print("syriastats check: cannot read the claims file:", file=sys.stderr)
        for p in exc.problems:
            print(f"  error: {p}", file=sys.stderr)
        return 1
    problems = list(claims.attrs.get("problems", []))
    file = str(claims.attrs.get("file", "claims.csv"))
    extra = claim_row_problems(claims, None, file)
    if extra:  # their line numbers: the file read again only when a row has such a problem
        extra = claim_row_problems(claims, _claim_lines(target, folder), file)
    if extra:  # checker rules (e.g. a 'highest since' value that is not a year)
        bad_ids = {p.record_id for p in extra}
        claims = claims[~claims["claim_id"].astype(str).isin(bad_ids)].reset_index(drop=True)
        problems += extra
    problems.sort(key=lambda p: (p.row if p.row is not None else 0, p.column or ""))
    for p in problems:
        print(f"error: {p} (row left out)", file=sys.stderr)
    try:
        est = with_sources(load_estimates(folder), load_sources(folder))
    except RegistryError as exc:
        print(f"syriastats check: the registry in {folder} is not valid:", file=sys.stderr)
        for p in exc.problems:
            print(f"  error: {p}", file=sys.stderr)
        return 1
    modes = ["then", "now"] if known == "both" else [known]
    from syriastats.progress import Progress

    if len(modes) == 1 and fmt in ("csv", "json") and len(claims) > WRITE_CHUNK:
        # an archive: verdicts written a chunk at a time as they are made (check() returns
        # them in claim_id order, the order printed), so memory stays flat
        with Progress("syriastats check", len(claims)) as prog:
            _write_chunks(check_chunks(claims, est, chunk=WRITE_CHUNK, known=modes[0],
                                       progress=prog.step), fmt, sys.stdout)
    else:
        with Progress("syriastats check", len(claims) * len(modes)) as prog:
            frames = [check(claims, est, known=k, progress=prog.step)  # type: ignore[arg-type]
                      for k in modes]
        df = (pd.concat(frames, ignore_index=True) if frames
              else pd.DataFrame(columns=OUTPUT_COLUMNS))
        df = df.sort_values(["claim_id", "known"], kind="stable", key=lambda s: s.map(
            {"then": 0, "now": 1}) if s.name == "known" else s).reset_index(drop=True)
        write_verdicts(df, fmt, sys.stdout)
    if problems:
        n = len({p.row for p in problems})
        print(f"syriastats check: {n} bad row{'s' if n != 1 else ''} left out of {target}",
              file=sys.stderr)
    return 1 if problems else 0
