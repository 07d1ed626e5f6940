"""Loaders for the data registry: sources, stated figures (estimates) and claims.

Every loader validates the files against ``data/datapackage.json`` and the
registry's rules (see :mod:`syriastats.validate`) before returning anything,
and raises :class:`~syriastats.validate.RegistryError` listing every problem.

Dtypes of the returned DataFrames:

- identifiers and free text: pandas ``string``;
- controlled vocabularies (``measure``, ``method``, ``qualifier``,
  ``range_type``, ``checked``, ``url_kind``, ``comparator`` and the dimension
  columns ``period_type``, ``area``, ``host``, ``group``, ``perpetrator``,
  ``role``): ``category`` whose categories are the full vocabulary from the
  descriptor (an empty ``host`` or ``perpetrator`` is missing, ``NaN``);
- numbers (``low``, ``central``, ``high``, ``range_level``, ``margin``,
  ``value``): nullable ``Float64``; counts are persons (or movements or
  applications, see the measure), shares are fractions in [0, 1];
- dates stated as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the text as written
  is kept in ``<name>_text``, and ``<name>`` holds a ``datetime64`` timestamp.
  For period ends, stocks and ``published``/``as_of`` dates that timestamp is
  the *last* day of the stated period (a figure "for 2015" is as of
  31 December 2015); for ``period_start`` it is the *first* day.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Mapping

import pandas as pd

from syriastats.dimensions import is_context_only
from syriastats.parsing import number_or_none
from syriastats.paths import data_dir as _data_dir
from syriastats.validate import (
    Problem,
    RegistryError,
    Table,
    check_resource,
    parse_date_column,
    read_descriptor,
    resource_schema,
    source_id_set,
)

#: ``role == "context_only"``: shown, never pooled (by :mod:`syriastats.derived` and
#: :mod:`syriastats.claims`). Read from the ``role`` column, never from the notes.
__all__ = ["is_context_only", "load_claims", "load_estimates", "load_sources", "with_sources"]


#: Date columns and whether the parsed timestamp is the first or last day.
_DATE_COLUMNS: dict[str, dict[str, str]] = {
    "sources": {"published": "last", "accessed": "first"},
    "estimates": {"period_start": "first", "period_end": "last"},
    "claims": {"origin_date": "first", "as_of": "last", "period_start": "first"},
}


def _to_frame(table: Table, res: Mapping[str, Any], name: str) -> pd.DataFrame:
    fields = res["schema"]["fields"]
    cols = [f["name"] for f in fields]
    # column by column (one list per column, not one dict per row)
    recs = [rec for _, rec in table.rows]
    df = pd.DataFrame({c: pd.Series([rec.get(c, "").strip() for rec in recs], dtype=object)
                       for c in cols}, columns=cols)
    for f in fields:
        n = f["name"]
        enum = f.get("constraints", {}).get("enum")
        if f["type"] in ("number", "integer"):
            # the validator's own reader (ASCII digits only): what validation accepts is
            # read, each distinct text once
            seen: dict[str, float | None] = {}
            df[n] = pd.array([seen[v] if v in seen else seen.setdefault(v, number_or_none(v))
                              for v in df[n]], dtype="Float64")
        elif enum:
            df[n] = pd.Categorical(df[n].replace("", None), categories=list(enum))
        else:
            df[n] = df[n].replace("", None).astype("string")
    for col, end in _DATE_COLUMNS.get(name, {}).items():
        text = df[col]
        pos = df.columns.get_loc(col)
        df.insert(pos, f"{col}_text", text)
        df[col] = parse_date_column(text.astype(object), end)
    df.attrs["file"] = table.file
    _release_arrow_memory()
    return df


def _release_arrow_memory() -> None:
    """Give the memory Arrow's allocator holds but no longer uses back to the system.

    Text columns are Arrow strings; converting a column allocates and frees buffers, and
    the allocator keeps what was freed (about 10 MB after the 10,000 claims of an archive),
    which later work in Python cannot reuse: released, an archive's peak memory stays
    close to that of a few claims."""
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.default_memory_pool().release_unused()


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise RegistryError(problems)


def load_sources(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load ``sources.csv``: one row per source document, validated.

    Columns: ``source_id, publisher, title, published_text, published
    (datetime64, the *last* day of the stated date, so a source dated only
    "2016-08" does not count as known before 31 August 2016), url, url_kind, carrier,
    accessed_text, accessed, citation, notes``. Sorted by ``source_id``.
    """
    folder = _data_dir(data_dir)
    descriptor = read_descriptor(folder)
    table, problems = check_resource(folder, "sources", descriptor)
    _raise_if(problems)
    assert table is not None
    df = _to_frame(table, resource_schema(descriptor, "sources"), "sources")
    return df.sort_values("source_id", kind="stable").reset_index(drop=True)


def load_estimates(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load ``estimates.csv``: one row per stated figure, validated together with sources.

    Checks every ``source_id`` resolves in ``sources.csv``. Columns are those of
    the file with ``period_start``/``period_end`` parsed (first/last day of the
    stated period, ``datetime64``) and the text kept in ``period_*_text``;
    ``low``, ``central``, ``high`` are nullable ``Float64`` in the measure's
    unit (persons unless the data dictionary says otherwise; fractions for
    ``*_share``). A documented count is a lower bound, not a point truth: see
    ``method``. Sorted by ``estimate_id``.
    """
    folder = _data_dir(data_dir)
    descriptor = read_descriptor(folder)
    src, problems = check_resource(folder, "sources", descriptor)
    table, p2 = check_resource(folder, "estimates", descriptor, source_ids=source_id_set(src))
    _raise_if(problems + p2)
    assert table is not None
    df = _to_frame(table, resource_schema(descriptor, "estimates"), "estimates")
    return df.sort_values("estimate_id", kind="stable").reset_index(drop=True)


def load_claims(
    path: str | Path | None = None,
    *,
    on_error: Literal["raise", "collect"] = "raise",
) -> pd.DataFrame:
    """Load a claims file (default ``data/claims.csv``), validated.

    *path* may be a CSV file or a folder holding ``claims.csv``. With
    ``on_error="raise"`` any problem raises :class:`RegistryError`. With
    ``on_error="collect"`` the rows that have a problem are dropped, the rest
    are returned, and the problems are listed in ``df.attrs["problems"]``
    (a header problem such as a missing column still raises, since no row can
    be read reliably then).
    """
    if path is None:
        folder, file = _data_dir(), None
    else:
        p = Path(path)
        folder, file = (p, None) if p.is_dir() else (p.parent, p)
        if file is None and not (p / "claims.csv").exists():
            raise RegistryError([Problem(str(p), None, None, None,
                                         "is a folder without a claims.csv (give a CSV file)")])
    descriptor = read_descriptor(folder)
    res = resource_schema(descriptor, "claims")
    table, problems = check_resource(folder, "claims", descriptor, path=file)
    if table is None or on_error == "raise":
        _raise_if(problems)
    # a byte-order mark is reported but does not stop the file: it was stripped before
    # parsing, so the header and rows read correctly (spreadsheet programs often add one)
    header_problems = [p for p in problems if p.row in (None, 1) and "byte-order mark" not in p.message]
    if header_problems:
        raise RegistryError(problems)
    assert table is not None
    bad_rows = {p.row for p in problems if "byte-order mark" not in p.message}
    kept = Table(table.file, table.header, [(ln, r) for ln, r in table.rows if ln not in bad_rows])
    df = _to_frame(kept, res, "claims")
    df = df.sort_values("claim_id", kind="stable").reset_index(drop=True)
    df.attrs["problems"] = problems
    return df


def with_sources(estimates: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add each figure's source columns (publisher, title, published, url, ...).

    Returns a new DataFrame with the estimates' rows in the same order, with
    ``publisher, title, published_text, published, url, url_kind, carrier,
    accessed, citation`` and ``source_notes`` joined by ``source_id``. Raises
    ``KeyError`` if a ``source_id`` has no source row.
    """
    if sources is None:
        sources = load_sources()
    cols = ["source_id", "publisher", "title", "published_text", "published", "url",
            "url_kind", "carrier", "accessed", "citation", "notes"]
    s = sources[cols].rename(columns={"notes": "source_notes"})
    missing = sorted(set(estimates["source_id"].astype(str)) - set(s["source_id"].astype(str)))
    if missing:
        raise KeyError(f"no source row for source_id(s): {', '.join(missing)}")
    out = estimates.merge(s, on="source_id", how="left", validate="many_to_one", sort=False)
    out.index = estimates.index
    return out
