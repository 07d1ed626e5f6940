"""Validation of the data registry against ``data/datapackage.json``.

The Frictionless descriptor ``datapackage.json`` is the one definition of every
table: its columns, types, required fields, patterns, enumerations, ranges,
primary and foreign keys. This module reads that descriptor and checks a data
folder against it, plus the rules a schema cannot say (``low <= central <=
high``, ``period_start <= period_end``, real calendar dates, shares within
[0, 1], ranges that fit their ``range_type``).

Every problem is reported, not just the first, as a :class:`Problem` naming the
file, the row (the line number in the CSV file, the header being line 1), the
column, the record's id where known, and what is wrong. Nothing here raises a
bare traceback for bad data: callers get :class:`RegistryError`, which carries
the whole list.
"""
from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from syriastats import parsing
from syriastats.parsing import (  # re-exported: the one date reader, used by loaders and checker
    parse_date_bounds,
    parse_date_column,
    show,
)
from syriastats.paths import data_dir as _data_dir

DESCRIPTOR = "datapackage.json"

#: Measures whose values are fractions of a population and must lie in [0, 1].
SHARE_MEASURES: frozenset[str] = frozenset(
    {"displaced_share", "idps_share", "refugees_share"}
)
#: Claim comparators whose value is a fraction.
SHARE_COMPARATORS_PREFIX = "share_"



@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file.

    ``row`` is the line number in the CSV file (the header is line 1; ``None``
    for problems of the whole file); ``column`` is ``None`` for problems of a
    whole row or file; ``record_id`` is the row's primary key when it could be
    read.
    """

    file: str
    row: int | None
    column: str | None
    record_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        if self.record_id:
            where += f" (id {self.record_id})"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "id": self.record_id,
            "message": self.message,
        }


class RegistryError(ValueError):
    """A data file failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems, key=_problem_key)
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the data registry:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def _problem_key(p: Problem) -> tuple:
    return (p.file, p.row if p.row is not None else -1, p.column or "", p.message)


# --------------------------------------------------------------------------- dates


# parse_date_bounds and parse_date_column live in syriastats.parsing (imported above).


# ----------------------------------------------------------------------- descriptor


def read_descriptor(folder: Path) -> dict[str, Any]:
    """Read ``datapackage.json`` from *folder*, falling back to the package's own.

    A user's folder of CSV files without a descriptor is checked against the
    registry's descriptor in ``data/``.
    """
    path = folder / DESCRIPTOR
    if not path.exists():
        path = _data_dir() / DESCRIPTOR
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def resource_schema(descriptor: Mapping[str, Any], name: str) -> dict[str, Any]:
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"resource {name!r} is not in {DESCRIPTOR}")


def enum_values(descriptor: Mapping[str, Any], resource: str, field: str) -> list[str]:
    """The allowed values of an enumerated field, in the descriptor's order."""
    for f in resource_schema(descriptor, resource)["schema"]["fields"]:
        if f["name"] == field:
            return list(f.get("constraints", {}).get("enum", []))
    raise KeyError(f"field {field!r} is not in resource {resource!r}")


# ---------------------------------------------------------------------- CSV reading


#: Distinct texts per column that :func:`read_csv_text` shares between rows (beyond them a
#: new text is kept as read: a column of ids does not grow a large look-up table).
SHARED_TEXTS_MAX: int = 4_096


@dataclass
class Table:
    """A CSV file read as text: ``rows`` pairs each record with its line number."""

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_csv_text(path: Path, display: str | None = None) -> tuple[Table | None, list[Problem]]:
    """Read a CSV file strictly as UTF-8 text, reporting encoding and shape problems."""
    name = display or path.name
    problems: list[Problem] = []
    raw, why = _read_bytes(path)
    if raw is None:
        return None, [Problem(name, None, None, None, why or "cannot be read")]
    try:
        text = parsing.decode_text(raw)  # UTF-8, a byte-order mark dropped; others named
    except parsing.ParseError as exc:
        msg = str(exc)
        m = re.match(r"line (\d+): (.*)$", msg, re.S)
        line = int(m.group(1)) if m else None
        return None, [Problem(name, line, None, None, m.group(2) if m else msg)]
    del raw  # (the text alone is kept while reading)
    if not text.strip():
        problems.append(Problem(name, None, None, None, "file is empty (no header row)"))
        return None, problems
    csv.field_size_limit(max(csv.field_size_limit(), parsing.MAX_FILE_BYTES))
    # records read one at a time from the text's lines (never all held at once, nor the
    # text copied into a StringIO buffer of 4 bytes a character: an archive's memory stays
    # flat); a record starts on the line after the one where the previous record ended
    # (csv.reader's line_num, which counts a line break inside a quoted field)
    reader = csv.reader(_lines(text), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    # each column's repeated texts (measures, dates, comparators, a source's title) kept as
    # one string object: an archive's rows hold a few distinct strings, not one per cell
    seen: list[dict[str, str]] = []
    line = 1
    try:
        for rec in reader:
            if header is None:
                header = [h.strip() for h in rec]
                seen = [{} for _ in header]
                line = reader.line_num + 1
                continue
            if len(rec) == len(header):
                rec = [m.setdefault(c, c) if len(m) < SHARED_TEXTS_MAX else m.get(c, c)
                       for m, c in zip(seen, rec)]
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in rec):
                continue  # blank line
            if len(rec) != len(header):
                problems.append(Problem(name, start, None, None,
                                        f"has {len(rec)} fields but the header has {len(header)}"))
                continue
            big = ([(h, c) for h, c in zip(header, rec) if len(c) > parsing.MAX_CELL_CHARS]
                   if max(map(len, rec)) > parsing.MAX_CELL_CHARS else None)
            if big:
                problems += [Problem(name, start, h, None,
                                     f"cell of {len(c):,} characters is longer than the limit of "
                                     f"{parsing.MAX_CELL_CHARS:,} (starts {show(c)})") for h, c in big]
                continue
            rows.append((start, dict(zip(header, rec))))
    except csv.Error as exc:
        return None, [Problem(name, reader.line_num, None, None, f"malformed CSV: {exc}")]
    assert header is not None  # the text is not blank: it holds a record
    return Table(name, header, rows), problems


def _read_bytes(path: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or (None, why not): missing, a folder, unreadable, too large."""
    try:
        if not path.exists():
            return None, "file not found"
        if path.is_dir():
            return None, "is a folder, not a CSV file"
        size = path.stat().st_size
        if size > parsing.MAX_FILE_BYTES:
            return None, (f"file of {size:,} bytes is larger than the limit of "
                          f"{parsing.MAX_FILE_BYTES:,} bytes")
        return path.read_bytes(), None
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or type(exc).__name__})"


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of *text* with their line breaks, as ``io.StringIO(text, newline="")``
    gives them (a line ends at ``\\n``, ``\\r\\n`` or ``\\r``), one at a time."""
    return (m.group(0) for m in _LINE.finditer(text))


# ----------------------------------------------------------------- field validation


def _num(text: str) -> float | None:
    """The cell as a number (:func:`syriastats.parsing.number_or_none`), or None."""
    return parsing.number_or_none(text)


def check_table(table: Table, res: Mapping[str, Any], *, allow_missing_optional: bool = False) -> list[Problem]:
    """Check one table against its resource schema (columns, types, constraints, keys).

    With *allow_missing_optional* a column that is not required may be absent from
    the header (used for users' own claims files); otherwise every column must be there.
    """
    problems: list[Problem] = []
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    pk = res["schema"].get("primaryKey", [None])[0]
    f_name = table.file
    dupes = sorted({h for h in table.header if table.header.count(h) > 1})
    for h in dupes:
        problems.append(Problem(f_name, 1, h, None, "column appears more than once in the header"))
    missing = [n for n in names if n not in table.header]
    for n in missing:
        req = fields[names.index(n)].get("constraints", {}).get("required", False)
        if allow_missing_optional and not req:
            continue
        problems.append(Problem(f_name, 1, n, None,
                                "required column is missing from the header" if req
                                else "column is missing from the header"))
    for h in table.header:
        if h not in names and h not in dupes:
            problems.append(Problem(f_name, 1, h, None,
                                    f"unknown column (expected: {', '.join(names)})"))
    seen: dict[str, dict[str, int]] = {}
    # what a cell's text says about it depends on the field and the text only: each
    # distinct text of a column is judged once (archives repeat measures, dates, enums)
    memo: dict[str, dict[str, tuple[str, tuple[str, ...], bool]]] = {f["name"]: {} for f in fields}
    unique = {f["name"]: bool(f.get("constraints", {}).get("unique")) for f in fields}
    for line, rec in table.rows:
        rid = rec.get(pk, "").strip() if pk else None
        for f in fields:
            n = f["name"]
            if n not in rec:
                continue
            raw = rec[n]
            hit = memo[n].get(raw)
            if hit is None:
                hit = _cell_verdict(f, raw)
                if not unique[n]:  # (a unique column's texts do not repeat)
                    memo[n][raw] = hit
            val, msgs, keyed = hit
            for msg in msgs:
                problems.append(Problem(f_name, line, n, rid, msg))
            if keyed and unique[n]:
                first = seen.setdefault(n, {})
                if val in first:
                    problems.append(Problem(f_name, line, n, rid,
                                            f"duplicate value {show(val)} (first at row {first[val]})"))
                else:
                    first[val] = line
    return problems


def _cell_verdict(f: Mapping[str, Any], val: str) -> tuple[str, tuple[str, ...], bool]:
    """One cell's text judged against its field's type and constraints: the stripped
    text, the problems found (messages, in the order they are reported) and whether the
    value counts for the field's uniqueness (not when empty or not a number)."""
    n = f["name"]
    c = f.get("constraints", {})
    out: list[str] = []
    if val.strip() != val:
        out.append(f"leading or trailing spaces in {show(val)}")
        val = val.strip()
    if val == "":
        if c.get("required"):
            out.append("required value is empty")
        return val, tuple(out), False
    if f["type"] in ("number", "integer"):
        why = parsing.number_problem(val)
        if why is not None:
            out.append(why)
            return val, tuple(out), False
        v = parsing.parse_number(val)
        if f["type"] == "integer" and not float(v).is_integer():
            out.append(f"not a whole number: {show(val)}")
        if "minimum" in c and v < c["minimum"]:
            out.append(f"{val} is below the minimum {c['minimum']}")
        if "maximum" in c and v > c["maximum"]:
            out.append(f"{val} is above the maximum {c['maximum']}")
    else:
        if "enum" in c and val not in c["enum"]:
            out.append(f"{show(val)} is not an allowed value "
                       f"(allowed: {', '.join(c['enum'])})")
        if "pattern" in c and not re.fullmatch(c["pattern"], val):
            out.append(f"{show(val)} does not have the expected form "
                       f"({_describe_pattern(n, c['pattern'])})")
    return val, tuple(out), True


def _describe_pattern(field: str, pattern: str) -> str:
    if "0[1-9]" in pattern:
        return "a date YYYY-MM-DD, YYYY-MM or YYYY"
    if pattern.startswith("^[0-9]{4}-[0-9]{2}-[0-9]{2}"):
        return "a date YYYY-MM-DD"
    if pattern.startswith("^https?"):
        return "an http:// or https:// URL without spaces"
    if "a-z0-9" in pattern:
        return "lower-case letters, digits, '-', '_' or '.'"
    return f"pattern {pattern}"


def _date_why(val: str) -> str | None:
    """What is wrong with a date cell's (stripped) text, or None."""
    return (parsing.date_problem(val) or parsing.future_problem(val)) if val else None


def _date_problem(f_name: str, line: int, col: str, rid: str | None, val: str) -> Problem | None:
    why = _date_why(val)
    return Problem(f_name, line, col, rid, why) if why else None


# ------------------------------------------------------------------- table rules


def check_sources_rules(table: Table) -> list[Problem]:
    problems: list[Problem] = []
    for line, rec in table.rows:
        rid = rec.get("source_id", "").strip()
        for col in ("published", "accessed"):
            p = _date_problem(table.file, line, col, rid, rec.get(col, "").strip())
            if p:
                problems.append(p)
        pub = parse_date_bounds(rec.get("published", "").strip())
        acc = parse_date_bounds(rec.get("accessed", "").strip())
        if pub and acc and pub[0] > acc[1]:
            problems.append(Problem(table.file, line, "published", rid,
                                    "published after the access date"))
        kind = rec.get("url_kind", "").strip()
        if kind in ("secondary", "mirror") and not rec.get("carrier", "").strip():
            problems.append(Problem(table.file, line, "carrier", rid,
                                    f"url_kind is {kind!r}: name the outlet or archive in carrier"))
    return problems


#: An area is Syria, a Syrian governorate (ISO 3166-2 ``SY-..``) or WORLD.
_AREA_RE = re.compile(r"^(?:SYR|SY-[A-Z]{2}|WORLD)$")


def _applies_to(descriptor: Mapping[str, Any] | None, column: str) -> frozenset[str] | None:
    """Measures that have *column* (``host``, ``perpetrator``, ``death_scope``) per the
    descriptor, or None."""
    if descriptor is None:
        return None
    for f in resource_schema(descriptor, "estimates")["schema"]["fields"]:
        if f["name"] == column and "measures" in f:
            return frozenset(f["measures"])
    return None


def _legacy_measures(descriptor: Mapping[str, Any] | None) -> dict[str, dict[str, str]]:
    if descriptor is None:
        return {}
    try:
        res = resource_schema(descriptor, "claims")
    except KeyError:
        return {}
    return {a["legacy"]: a for a in res.get("measureAliases", [])}


def check_dimension_rules(table: Table, descriptor: Mapping[str, Any] | None) -> list[Problem]:
    """Rules of the dimension columns (``period_type`` ... ``superseded_by``) of estimates.

    A flow or cumulative figure needs ``period_start``; a stock's ``period_start``
    equals its ``period_end``; ``host``, ``perpetrator`` and ``death_scope`` are filled exactly for the
    measures the descriptor lists for them; ``area`` is Syrian or WORLD; a superseded
    row names an existing successor (and only a superseded row names one). Files
    without the columns (older registries) are not checked here: the schema check
    reports the missing columns.
    """
    problems: list[Problem] = []
    F = table.file
    if "period_type" not in table.header:
        return problems
    ids = {rec.get("estimate_id", "").strip() for _, rec in table.rows}
    has = {c: _applies_to(descriptor, c) for c in ("host", "perpetrator", "death_scope")}
    legacy = _legacy_measures(descriptor)
    for line, rec in table.rows:
        rid = rec.get("estimate_id", "").strip()
        g = {k: (v.strip() if isinstance(v, str) else "") for k, v in rec.items()}
        measure, pt = g.get("measure", ""), g.get("period_type", "")
        if measure in legacy:
            a = legacy[measure]
            problems.append(Problem(F, line, "measure", rid,
                                    f"{measure!r} is a legacy measure name: write measure "
                                    f"{a['measure']!r} with host "
                                    f"{'WORLD' if a['host'] == 'WORLD' else 'the country code'}"))
        if pt in ("flow", "cumulative") and not g.get("period_start"):
            problems.append(Problem(F, line, "period_start", rid,
                                    f"a {pt} figure needs period_start (the start of the period "
                                    "it totals)"))
        if pt == "stock" and g.get("period_start") and g.get("period_end") \
                and g["period_start"] != g["period_end"]:
            problems.append(Problem(F, line, "period_start", rid,
                                    f"a stock is a level on a date: period_start "
                                    f"({g['period_start']}) must equal period_end ({g['period_end']})"))
        for col, what in (("host", "a country of asylum"), ("perpetrator", "a perpetrator"),
                          ("death_scope", "which deaths it counts (violent, violent_and_"
                                          "indirect, ...)")):
            allowed = has[col]
            if allowed is None or not measure or col not in table.header:
                continue
            if g.get(col) and measure not in allowed:
                problems.append(Problem(F, line, col, rid,
                                        f"measure {measure!r} has no {col} ({what}; only for: "
                                        f"{', '.join(sorted(allowed))}): leave it empty"))
            elif not g.get(col) and measure in allowed:
                problems.append(Problem(F, line, col, rid,
                                        f"measure {measure!r} needs {what} in {col}"))
        area = g.get("area", "")
        if area and not _AREA_RE.match(area):
            problems.append(Problem(F, line, "area", rid,
                                    f"area {area!r} is not Syrian or WORLD: area is where the "
                                    "people counted were (SYR, a governorate SY-.., or WORLD); "
                                    "a country of asylum goes in host"))
        role, succ = g.get("role", ""), g.get("superseded_by", "")
        if role == "superseded" and not succ:
            problems.append(Problem(F, line, "superseded_by", rid,
                                    "role is 'superseded': name the estimate_id that replaces it"))
        elif succ and role != "superseded":
            problems.append(Problem(F, line, "superseded_by", rid,
                                    f"superseded_by is given but role is {role!r}: "
                                    "only a superseded row names a successor"))
        if succ and succ not in ids:
            problems.append(Problem(F, line, "superseded_by", rid,
                                    f"successor {succ!r} is not an estimate_id in this file"))
        elif succ and succ == rid:
            problems.append(Problem(F, line, "superseded_by", rid, "a row cannot supersede itself"))
    return problems


def check_estimates_rules(table: Table, source_ids: set[str] | None,
                          descriptor: Mapping[str, Any] | None = None) -> list[Problem]:
    problems: list[Problem] = check_dimension_rules(table, descriptor)
    F = table.file
    for line, rec in table.rows:
        rid = rec.get("estimate_id", "").strip()
        g = {k: (v.strip() if isinstance(v, str) else v) for k, v in rec.items()}
        if source_ids is not None and g.get("source_id") and g["source_id"] not in source_ids:
            problems.append(Problem(F, line, "source_id", rid,
                                    f"unknown source {g['source_id']!r} (not in sources.csv)"))
        for col in ("period_start", "period_end"):
            p = _date_problem(F, line, col, rid, g.get(col, ""))
            if p:
                problems.append(p)
        ps = parse_date_bounds(g.get("period_start", ""))
        pe = parse_date_bounds(g.get("period_end", ""))
        if ps and pe and ps[0] > pe[1]:
            problems.append(Problem(F, line, "period_start", rid,
                                    f"period_start {g['period_start']} is after period_end {g['period_end']}"))
        nums = {k: _num(g.get(k, "")) if g.get(k, "") else None for k in ("low", "central", "high", "range_level", "margin")}
        lo, ce, hi = nums["low"], nums["central"], nums["high"]
        if lo is None and ce is None and hi is None and not any(
            g.get(k) and _num(g[k]) is None for k in ("low", "central", "high")
        ):
            problems.append(Problem(F, line, "central", rid, "no number: give central, or low and high"))
        if lo is not None and ce is not None and lo > ce:
            problems.append(Problem(F, line, "low", rid, f"low {g['low']} is above central {g['central']}"))
        if ce is not None and hi is not None and ce > hi:
            problems.append(Problem(F, line, "high", rid, f"central {g['central']} is above high {g['high']}"))
        if lo is not None and hi is not None and lo > hi:
            problems.append(Problem(F, line, "low", rid, f"low {g['low']} is above high {g['high']}"))
        if g.get("measure") in SHARE_MEASURES:
            for k in ("low", "central", "high"):
                if nums[k] is not None and nums[k] > 1:
                    problems.append(Problem(F, line, k, rid,
                                            f"{g[k]} is not a share: {g['measure']} must be a fraction in [0, 1]"))
        rt = g.get("range_type", "")
        if rt in ("bracket", "confidence_interval", "hard_bounds") and (lo is None or hi is None):
            problems.append(Problem(F, line, "range_type", rid,
                                    f"range_type {rt!r} needs both low and high"))
        if rt == "none" and (lo is not None or hi is not None):
            problems.append(Problem(F, line, "range_type", rid,
                                    "low/high given but range_type is 'none': say what the range means"))
        if rt == "confidence_interval" and nums["range_level"] is None:
            problems.append(Problem(F, line, "range_level", rid,
                                    "a confidence interval needs its coverage in range_level (e.g. 0.95)"))
        if rt != "confidence_interval" and g.get("range_level"):
            problems.append(Problem(F, line, "range_level", rid,
                                    "range_level applies only to range_type 'confidence_interval'"))
        if rt == "margin":
            if nums["margin"] is None:
                problems.append(Problem(F, line, "margin", rid, "range_type 'margin' needs margin (a fraction, e.g. 0.05)"))
            if ce is None:
                problems.append(Problem(F, line, "central", rid, "range_type 'margin' needs central"))
        elif g.get("margin"):
            problems.append(Problem(F, line, "margin", rid, "margin applies only to range_type 'margin'"))
    return problems


#: Earliest reference year accepted for a 'highest since' claim.
HIGHEST_SINCE_MIN_YEAR: int = 1800


def highest_since_problem(value: Any, as_of: Any) -> str | None:
    """What is wrong with a 'highest since' claim's *value* (the reference year), or None.

    The value must be a whole number from :data:`HIGHEST_SINCE_MIN_YEAR` to the year of
    *as_of* (a date, or ``YYYY[-MM[-DD]]`` text). This is the rule
    :func:`check_claims_rules` applies to column ``value`` (and the claims checker to
    the rows it judges).
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return f"{value!r} is not a year: a 'highest since' claim needs the reference year in value"
    year: int | None = None
    if isinstance(as_of, str):
        b = parse_date_bounds(as_of)
        year = b[0].year if b else None
    elif as_of is not None:  # a date or Timestamp (NaT has no whole year)
        y = getattr(as_of, "year", None)
        year = y if isinstance(y, int) else None
    hi = year if year is not None else 9999
    if not math.isfinite(v) or v != int(v) or not HIGHEST_SINCE_MIN_YEAR <= v <= hi:
        return (f"{v:g} is not a reference year: a 'highest since' claim needs a whole year "
                f"from {HIGHEST_SINCE_MIN_YEAR} to {hi} (the year of as_of) in value")
    return None


def check_claims_rules(table: Table, descriptor: Mapping[str, Any] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    hosts = _applies_to(descriptor, "host")
    legacy = _legacy_measures(descriptor)
    dates: dict[str, str | None] = {}
    for line, rec in table.rows:
        rid = rec.get("claim_id", "").strip()
        problems += _claim_dimension_problems(table.file, line, rid, rec, hosts, legacy)
        for col in ("origin_date", "as_of", "period_start"):
            val = rec.get(col, "").strip()
            why = dates.get(val, False)
            if why is False:  # each distinct date text is read once
                why = dates[val] = _date_why(val)
            if why:
                problems.append(Problem(table.file, line, col, rid, why))
        problems += _claim_date_order(table.file, line, rid, rec)
        comp = rec.get("comparator", "").strip()
        val = _num(rec.get("value", "").strip())
        if comp == "highest_since" and val is not None:
            msg = highest_since_problem(val, rec.get("as_of", "").strip())
            if msg:
                problems.append(Problem(table.file, line, "value", rid, msg))
        share = comp.startswith(SHARE_COMPARATORS_PREFIX) or rec.get("measure", "").strip() in SHARE_MEASURES
        if share and val is not None and val > 1:
            problems.append(Problem(table.file, line, "value", rid,
                                    f"{rec['value'].strip()} is not a share: a share claim needs a fraction in [0, 1]"))
    return problems


def _claim_dimension_problems(f_name: str, line: int, rid: str, rec: Mapping[str, str],
                              hosts: frozenset[str] | None,
                              legacy: Mapping[str, Mapping[str, str]]) -> list[Problem]:
    """The optional dimension columns of a claim: a host only for measures that have one
    (a legacy per-host measure needs one country), an area in Syria or WORLD, a period
    start before as_of, and a flow or cumulative claim with its period_start."""
    out: list[Problem] = []
    g = {k: (v.strip() if isinstance(v, str) else "") for k, v in rec.items()}
    measure, host = g.get("measure", ""), g.get("host", "")
    alias = legacy.get(measure)
    base = alias["measure"] if alias else measure
    if host and hosts is not None and base not in hosts:
        out.append(Problem(f_name, line, "host", rid,
                           f"measure {measure!r} has no host (only for: {', '.join(sorted(hosts))}): "
                           "leave it empty"))
    if alias and alias.get("host") == "country" and host in ("", "REGION", "EUROPE", "WORLD"):
        out.append(Problem(f_name, line, "host", rid,
                           f"the legacy measure {measure!r} counts one host country: give its ISO "
                           "code (e.g. TUR) in host"))
    area = g.get("area", "")
    if area and not _AREA_RE.match(area):
        out.append(Problem(f_name, line, "area", rid,
                           f"area {area!r} is not Syrian or WORLD (a country of asylum goes in host)"))
    pt, ps = g.get("period_type", ""), g.get("period_start", "")
    if pt in ("flow", "cumulative") and not ps:
        out.append(Problem(f_name, line, "period_start", rid,
                           f"a {pt} claim needs period_start (e.g. 2012 for deaths in 2012)"))
    a, b = parse_date_bounds(ps) if ps else None, parse_date_bounds(g.get("as_of", ""))
    if a and b and a[0] > b[1]:
        out.append(Problem(f_name, line, "period_start", rid,
                           f"period_start {ps} is after as_of {g.get('as_of')}"))
    return out


def _claim_date_order(f_name: str, line: int, rid: str, rec: Mapping[str, str]) -> list[Problem]:
    """A claim dated (origin_date) before the period it speaks of (as_of) states the future."""
    od, ao = rec.get("origin_date", "").strip(), rec.get("as_of", "").strip()
    ob, ab = parse_date_bounds(od), parse_date_bounds(ao)
    if ob and ab and ob[1] < ab[0]:
        return [Problem(f_name, line, "as_of", rid,
                        f"as_of {show(ao)} is after the claim's own date (origin_date {show(od)}): "
                        "a claim cannot report a figure for a date after it was made")]
    return []


#: Coverage a confidence interval may state (range_level): outside it the engine's
#: log-normal reading is meaningless (a 1e-12 interval is a point, a 0.999999 one is
#: infinitely wide); published intervals are 0.5 to 0.99.
MIN_RANGE_LEVEL, MAX_RANGE_LEVEL = 0.5, 0.999
#: Largest count or value in the registry: more than the world's population; smallest
#: value other than 0: one in a billion (far below any share a source states).
MAX_VALUE, MIN_VALUE = 1e10, 1e-9
#: Widest bracket (high / low) the log-normal reading accepts: six orders of magnitude.
MAX_BRACKET_RATIO = 1e6


def check_model_rules(table: Table) -> list[Problem]:
    """What the uncertainty engine needs to read each figure (see
    :func:`syriastats.uncertainty.to_distribution`): every row that passes is read
    without error; every row that fails is rejected here with the reason."""
    problems: list[Problem] = []
    F = table.file
    for line, rec in table.rows:
        rid = rec.get("estimate_id", "").strip()
        g = {k: (v.strip() if isinstance(v, str) else v) for k, v in rec.items()}
        n = {k: _num(g.get(k, "")) for k in ("low", "central", "high", "range_level", "margin")}
        lo, ce, hi = n["low"], n["central"], n["high"]
        rt, q, meth = g.get("range_type", ""), g.get("qualifier", ""), g.get("method", "")

        def bad(col: str, msg: str) -> None:
            problems.append(Problem(F, line, col, rid, msg))

        for k in ("low", "central", "high"):
            if n[k] is not None and n[k] > MAX_VALUE:
                bad(k, f"{n[k]:g} is larger than any count this registry can hold ({MAX_VALUE:g})")
            elif n[k] is not None and 0 < n[k] < MIN_VALUE:
                bad(k, f"{n[k]:g} is smaller than any value this registry can hold ({MIN_VALUE:g}, or 0)")
        rl = n["range_level"]
        if rl is not None and not MIN_RANGE_LEVEL <= rl <= MAX_RANGE_LEVEL:
            bad("range_level", f"range_level {rl:g} is not a coverage the model can read: "
                f"give the interval's coverage from {MIN_RANGE_LEVEL} to {MAX_RANGE_LEVEL} (e.g. 0.95)")
        mg = n["margin"]
        if rt == "margin" and mg is not None and not 0 < mg < 1:
            bad("margin", f"margin {mg:g} must be strictly between 0 and 1 (e.g. 0.05 for 5%); "
                "a figure with no uncertainty has range_type 'none'")
        if rt == "margin" and ce is not None and ce <= 0:
            bad("central", "a margin needs a central value above 0 (the model reads it on a "
                "log scale)")
        if rt in ("bracket", "confidence_interval", "hard_bounds") and lo is not None \
                and hi is not None and not lo < hi:
            bad("high", f"high {g['high']} must be above low {g['low']}: a range needs two "
                "different ends (for one number use range_type 'none')")
        elif rt in ("bracket", "confidence_interval") and lo is not None and hi is not None \
                and meth != "documented_count" and q not in ("at_least", "at_most"):
            if lo <= 0:
                bad("low", f"low {g['low']} must be above 0: a {rt.replace('_', ' ')} is read on a "
                    "log scale (for hard limits use range_type 'hard_bounds')")
            elif ce is not None and (ce == lo or ce == hi) and hi > lo:
                bad("central", f"central {g['central']} equals an end of the range; the model "
                    "needs low < central < high (or no central, or range_type 'hard_bounds')")
        if rt in ("bracket", "confidence_interval") and lo and hi and hi / lo > MAX_BRACKET_RATIO:
            bad("high", f"high / low = {hi / lo:.3g} spans more than {MAX_BRACKET_RATIO:g}: "
                "not a range the model can read")
        if meth == "documented_count" and q == "at_most":
            bad("qualifier", "a documented count is a minimum: it cannot be qualified 'at_most'")
        floor = meth == "documented_count" or q in ("at_least", "at_most")
        if floor and rt != "hard_bounds":
            count = ce if ce is not None else (lo if q != "at_most" else hi)
            if count is not None and count <= 0:
                col = "central" if ce is not None else ("low" if q != "at_most" else "high")
                bad(col, f"a {'documented count' if meth == 'documented_count' else q.replace('_', ' ')}"
                    " figure must be above 0: it is read as a bound on a log scale")
            elif count and hi and q != "at_most" and hi / count > MAX_BRACKET_RATIO:
                bad("high", f"high is {hi / count:.3g} times the floor: more than "
                    f"{MAX_BRACKET_RATIO:g}, not a range the model can read")
    return problems


# ------------------------------------------------------------------- entry points


def check_resource(folder: Path, name: str, descriptor: Mapping[str, Any] | None = None,
                   *, path: Path | None = None,
                   source_ids: set[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Read and check one resource of the registry; returns the text table and problems."""
    descriptor = descriptor or read_descriptor(folder)
    res = resource_schema(descriptor, name)
    p = path or folder / res["path"]
    table, problems = read_csv_text(p, display=p.name if path is None else str(p))
    if table is None:
        return None, problems
    problems += check_table(table, res, allow_missing_optional=(name == "claims"))
    if name == "sources":
        problems += check_sources_rules(table)
    elif name == "estimates":
        problems += check_estimates_rules(table, source_ids, descriptor)
        problems += check_model_rules(table)
    elif name == "claims":
        problems += check_claims_rules(table, descriptor)
    return table, problems


def source_id_set(table: Table | None) -> set[str] | None:
    if table is None:
        return None
    return {rec.get("source_id", "").strip() for _, rec in table.rows}


def validate_data_dir(folder: str | Path | None = None) -> list[Problem]:
    """Check every table of the registry in *folder*; return all problems (empty if clean)."""
    folder = _data_dir(folder)
    problems: list[Problem] = []
    try:
        descriptor = read_descriptor(folder)
    except (OSError, json.JSONDecodeError) as exc:
        return [Problem(DESCRIPTOR, None, None, None, f"cannot read the descriptor: {exc}")]
    src, p = check_resource(folder, "sources", descriptor)
    problems += p
    _, p = check_resource(folder, "estimates", descriptor, source_ids=source_id_set(src))
    problems += p
    claims_res = resource_schema(descriptor, "claims")
    if (folder / claims_res["path"]).exists():
        _, p = check_resource(folder, "claims", descriptor)
        problems += p
    return sorted(problems, key=_problem_key)
