"""Researcher I/O: the registry as one table, in CSV, Parquet or Excel.

``syriastats export --format csv|parquet|xlsx [--out DIR]`` writes the stated figures
(``estimates.csv``) joined with their source documents (``sources.csv``): one row per
figure, with who published it, when, where (URL) and how to cite it. Files are named
``syriastats-registry-<version>.<ext>`` after the data package's ``version``.

What each format holds:

- **csv**: UTF-8, one header line; dates as written in the registry (``YYYY``,
  ``YYYY-MM`` or ``YYYY-MM-DD``) plus ISO first/last days (``period_start_date``,
  ``period_end_date``, ``published_date``); empty cells are missing values.
- **parquet**: the same columns with types: vocabularies as dictionary-encoded
  strings, numbers as float64, ``*_date`` columns as dates; the data package's name,
  version and licence and each column's description in the file's metadata.
- **xlsx**: sheet ``registry`` (the table), sheet ``sources`` (one row per document),
  sheet ``columns`` (what every column means) and sheet ``about`` (version, licence,
  citation).

Text cells a spreadsheet would run as formulas are written with a leading ``'``
(CSV and Excel). Files are written to a temporary name in the target folder and then
renamed, so an interrupted export leaves no half-written file; the bytes do not
depend on when the export ran (no timestamps inside the Excel archive).
"""
from __future__ import annotations

import io
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from syriastats.paths import data_dir as _data_dir
from syriastats.safe_output import escape_cell
from syriastats.sources import load_estimates, load_sources, with_sources
from syriastats.validate import read_descriptor, resource_schema

FORMATS: tuple[str, ...] = ("csv", "parquet", "xlsx")

#: Fixed timestamp of every member of the Excel archive and of its document properties
#: (the earliest date a ZIP file can hold), so two exports are byte-identical.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

#: Columns of the joined table, in order; the source columns follow the figure's.
SOURCE_COLUMNS: list[str] = ["publisher", "title", "published", "published_date", "url",
                             "url_kind", "carrier", "accessed", "citation", "source_notes"]

def registry_table(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The registry as one table: every figure with its source document's columns.

    Columns: the columns of ``estimates.csv`` in file order (dates as written), then
    ``period_start_date`` (first day) and ``period_end_date`` (last day) as
    ``datetime64``, then :data:`SOURCE_COLUMNS` (``published`` as written,
    ``published_date`` its last day; ``accessed`` as written). Sorted by ``estimate_id``.
    """
    folder = _data_dir(data_dir)
    est = load_estimates(folder)
    src = load_sources(folder)
    joined = with_sources(est, src)
    desc = read_descriptor(folder)
    cols = [f["name"] for f in resource_schema(desc, "estimates")["schema"]["fields"]]
    out = pd.DataFrame(index=joined.index)
    for c in cols:
        out[c] = joined[f"{c}_text"] if f"{c}_text" in joined.columns else joined[c]
    out["period_start_date"] = joined["period_start"]
    out["period_end_date"] = joined["period_end"]
    out["publisher"] = joined["publisher"]
    out["title"] = joined["title"]
    out["published"] = joined["published_text"]
    out["published_date"] = joined["published"]
    for c in ("url", "url_kind", "carrier"):
        out[c] = joined[c]
    out["accessed"] = joined["accessed"].dt.strftime("%Y-%m-%d") \
        if pd.api.types.is_datetime64_any_dtype(joined["accessed"]) else joined["accessed"]
    out["citation"] = joined["citation"]
    out["source_notes"] = joined["source_notes"]
    return out.sort_values("estimate_id", kind="stable").reset_index(drop=True)


def column_descriptions(data_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per column of :func:`registry_table`: ``column``, ``meaning``."""
    desc = read_descriptor(_data_dir(data_dir))
    est = {f["name"]: f.get("description", "")
           for f in resource_schema(desc, "estimates")["schema"]["fields"]}
    src = {f["name"]: f.get("description", "")
           for f in resource_schema(desc, "sources")["schema"]["fields"]}
    extra = {
        "period_start_date": "First day of period_start (ISO date).",
        "period_end_date": "Last day of period_end (ISO date).",
        "published": src.get("published", ""),
        "published_date": "Last day of published (ISO date): the figure is not known before it.",
        "source_notes": "Notes on the source document (sources.notes).",
    }
    rows = [{"column": c, "meaning": m} for c, m in est.items()]
    rows += [{"column": c, "meaning": extra.get(c, src.get(c, ""))}
             for c in ["period_start_date", "period_end_date"] + SOURCE_COLUMNS]
    return pd.DataFrame(rows)


def _text_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text, categories and strings as objects, formulas escaped."""
    out = df.copy()
    for c in out.columns:
        s = out[c]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s.dt.strftime("%Y-%m-%d").astype(object).where(s.notna(), None)
        elif isinstance(s.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(s.dtype) \
                or pd.api.types.is_object_dtype(s.dtype):
            out[c] = s.astype(object).where(s.notna(), None).map(escape_cell)
    return out


def _atomic_write(target: Path, write: Any) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file onto *target*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as a plain open() would create it
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    _text_frame(df).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def _write_parquet(df: pd.DataFrame, path: Path, meta: dict[str, str],
                   columns: pd.DataFrame) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = df.copy()
    for c in d.columns:
        s = d[c]
        if pd.api.types.is_datetime64_any_dtype(s):
            d[c] = s.dt.date
        elif pd.api.types.is_string_dtype(s.dtype) and not isinstance(s.dtype, pd.CategoricalDtype):
            d[c] = s.astype(object).where(s.notna(), None)
        elif str(s.dtype) == "Float64":
            d[c] = s.astype("float64")
    table = pa.Table.from_pandas(d, preserve_index=False)
    what = dict(zip(columns["column"], columns["meaning"]))
    fields = [f.with_metadata({"description": what.get(f.name, "")}) for f in table.schema]
    schema = pa.schema(fields, metadata={k.encode(): v.encode() for k, v in meta.items()})
    pq.write_table(table.cast(schema), path)


def _write_xlsx(df: pd.DataFrame, path: Path, sources: pd.DataFrame, columns: pd.DataFrame,
                about: pd.DataFrame) -> None:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        _text_frame(df).to_excel(xw, sheet_name="registry", index=False)
        _text_frame(sources).to_excel(xw, sheet_name="sources", index=False)
        columns.to_excel(xw, sheet_name="columns", index=False)
        about.to_excel(xw, sheet_name="about", index=False)
        wb = xw.book
        fixed = pd.Timestamp(*_FIXED_TIME[:3]).to_pydatetime()
        wb.properties.created = fixed
        wb.properties.modified = fixed
        wb.properties.creator = "syriastats"
        for ws in wb.worksheets:
            ws.freeze_panes = "A2"
    # rewrite the archive with fixed member times: the same data gives the same bytes
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>1980-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, data)


def export_registry(fmt: Literal["csv", "parquet", "xlsx"], out_dir: str | Path = ".",
                    data_dir: str | Path | None = None) -> Path:
    """Write the registry joined with its sources to *out_dir*; return the file's path.

    The file is ``syriastats-registry-<version>.<fmt>`` (version from
    ``datapackage.json``). See the module docstring for what each format holds.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    folder = _data_dir(data_dir)
    desc = read_descriptor(folder)
    version = str(desc.get("version", "0"))
    table = registry_table(folder)
    columns = column_descriptions(folder)
    lic = (desc.get("licenses") or [{}])[0]
    meta = {"name": str(desc.get("name", "")), "title": str(desc.get("title", "")),
            "version": version, "licence": str(lic.get("name", "")),
            "licence_url": str(lic.get("path", "")),
            "description": str(desc.get("description", ""))}
    target = Path(out_dir) / f"syriastats-registry-{version}.{fmt}"
    if fmt == "csv":
        return _atomic_write(target, lambda p: _write_csv(table, p))
    if fmt == "parquet":
        return _atomic_write(target, lambda p: _write_parquet(
            table, p, {**meta, "columns": json.dumps(dict(zip(columns["column"], columns["meaning"])),
                                                     ensure_ascii=False)}, columns))
    sources = load_sources(folder)
    src = sources.drop(columns=[c for c in ("published", "accessed") if c in sources.columns])
    src = src.rename(columns={"published_text": "published", "accessed_text": "accessed"})
    about = pd.DataFrame({"item": list(meta), "value": list(meta.values())})
    return _atomic_write(target, lambda p: _write_xlsx(table, p, src, columns, about))
