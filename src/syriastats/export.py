"""Write a chart and its data as a set of files reporters can lift.

:func:`save_chart` writes, for a *slug* such as ``deaths-known-2016``::

    figures/<slug>.png   raster, 200 dpi
    figures/<slug>.svg   vector, text kept as text (editable, searchable)
    figures/<slug>.pdf   vector for print, TrueType fonts embedded
    figures/<slug>.csv   exactly the plotted data (bounds included, units in
                         column names)
    figures/<slug>.json  title, subtitle, source line, note, alt text,
                         source ids, notebook, licence and file names

The title, subtitle, source line and note are drawn into the image from
*meta* (replacing whatever header/footer the chart function drew), so the
image and its JSON always agree.

Atomicity: every file is first written to a temporary file in the target
folder; only when all five exist are they moved into place with
:func:`os.replace`. If anything fails before that, the temporary files are
removed and the files of an earlier build stay untouched.

Determinism: building the same chart twice gives byte-identical files on the
same machine and matplotlib version. SVG ids use a fixed hash salt; the
date, creator, producer and software stamps are removed from SVG, PDF and PNG
metadata; the figure size and PNG resolution are fixed; ``bbox_inches`` is
never ``'tight'``; the CSV uses a fixed number format and LF line endings;
the JSON has sorted keys, indent 2 and a trailing newline. Matplotlib only
promises identical bytes for the same version, so compare across machines
through the CSV, not the images.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from syriastats.charts import style
from syriastats.charts.sections import METHODS, section_of
from syriastats.paths import figures_dir
from syriastats.safe_output import escape_cell

#: Licence of every exported chart and its data, unless *meta* says otherwise.
DEFAULT_LICENCE: str = "CC-BY-4.0"
#: File extensions written, in the order they are written.
EXTENSIONS: tuple[str, ...] = ("png", "svg", "pdf", "csv", "json")
#: Text fields *meta* must fill (non-empty strings).
REQUIRED_TEXT: tuple[str, ...] = ("title", "subtitle", "source", "note", "alt_text", "notebook")
#: Allowed slugs: lowercase letters and digits in hyphen-separated words.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Allowed source ids (as in ``data/datapackage.json``).
SOURCE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
#: Decimal places of non-integral numbers in the CSV.
CSV_DECIMALS: int = 6

_RESERVED_KEYS = {"slug", "files", "data_columns"}

SVG_METADATA_NULLS: dict[str, Any] = {"Date": None, "Creator": None}
PDF_METADATA_NULLS: dict[str, Any] = {"CreationDate": None, "ModDate": None,
                                      "Producer": None, "Creator": None}
PNG_METADATA_NULLS: dict[str, Any] = {"Software": None}

#: rcParams in force while saving (they are read at save time).
SAVE_RC: dict[str, Any] = {
    "svg.hashsalt": style.SVG_HASHSALT,
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    # light compression: a few percent larger files, about a quarter faster to write
    "pdf.compression": 1,
    "savefig.facecolor": "white",
    "savefig.bbox": None,
}


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------

def validate_slug(slug: str) -> str:
    """Return *slug* if it is lowercase words of letters and digits joined by hyphens.

    Raises ``ValueError`` otherwise (e.g. ``'Deaths_2016'``, ``'-x'``, ``''``).
    """
    if not isinstance(slug, str) or not SLUG_RE.fullmatch(slug):
        raise ValueError(
            f"slug {slug!r} is invalid: use lowercase letters, digits and single hyphens "
            "(e.g. 'deaths-known-2016')")
    return slug


def validate_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Check *meta* and return a normalised copy (licence filled in, source ids as a list).

    Raises ``ValueError`` naming the first missing or empty field.
    """
    if not isinstance(meta, Mapping):
        raise ValueError("meta must be a mapping")
    out: dict[str, Any] = dict(meta)
    for key in REQUIRED_TEXT:
        value = out.get(key)
        if value is None:
            raise ValueError(f"meta field {key!r} is missing")
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"meta field {key!r} is empty (it must be a non-empty string)")
        out[key] = value.strip()
    ids = out.get("source_ids")
    if ids is None:
        raise ValueError("meta field 'source_ids' is missing")
    if isinstance(ids, str) or not hasattr(ids, "__iter__"):
        raise ValueError("meta field 'source_ids' must be a list of source ids")
    ids = [str(i).strip() for i in ids]
    if not ids:
        raise ValueError("meta field 'source_ids' is empty (list the sources behind the chart)")
    bad = [i for i in ids if not SOURCE_ID_RE.fullmatch(i)]
    if bad:
        raise ValueError(f"meta field 'source_ids' has invalid ids: {bad}")
    out["source_ids"] = sorted(set(ids))
    licence = out.get("licence", DEFAULT_LICENCE)
    if not isinstance(licence, str) or not licence.strip():
        raise ValueError("meta field 'licence' is empty")
    out["licence"] = licence.strip()
    clash = _RESERVED_KEYS & set(out)
    if clash:
        raise ValueError(f"meta must not set {sorted(clash)} (written by save_chart)")
    return out


def _validate_data(data: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise ValueError("data must be a pandas DataFrame (exactly the plotted data)")
    if data.empty:
        raise ValueError("data is empty: export the data the chart was drawn from")
    if not (isinstance(data.index, pd.RangeIndex) and data.index.name is None):
        data = data.reset_index()
    cols = [str(c) for c in data.columns]
    if len(set(cols)) != len(cols):
        raise ValueError(f"data has duplicate column names: {cols}")
    return data


# --------------------------------------------------------------------------
# Deterministic CSV and JSON
# --------------------------------------------------------------------------

def _float_column(values: pd.Series) -> list[str]:
    arr = pd.to_numeric(values, errors="coerce").astype("Float64")
    mask = arr.isna().to_numpy()
    nums = arr.to_numpy(dtype=float, na_value=np.nan)
    finite = nums[~mask]
    rounded = np.round(finite, CSV_DECIMALS)
    integral = bool(np.all(np.isfinite(rounded)) and np.all(rounded == np.round(rounded))
                    and np.all(np.abs(rounded) < 1e15))
    out: list[str] = []
    for is_na, x in zip(mask, nums):
        if is_na:
            out.append("")
        elif not math.isfinite(x):
            out.append("inf" if x > 0 else ("-inf" if x < 0 else "nan"))
        elif integral:
            out.append(str(int(round(x))))
        else:
            s = f"{x:.{CSV_DECIMALS}f}"
            out.append("0." + "0" * CSV_DECIMALS if s == "-0." + "0" * CSV_DECIMALS else s)
    return out


def _format_column(values: pd.Series) -> list[str]:
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return ["" if pd.isna(v) else ("true" if v else "false") for v in values]
    if pd.api.types.is_datetime64_any_dtype(dtype):
        ts = pd.to_datetime(values)
        has_time = bool(((ts.dropna() - ts.dropna().dt.normalize()) != pd.Timedelta(0)).any())
        fmt = "%Y-%m-%dT%H:%M:%S" if has_time else "%Y-%m-%d"
        return ["" if pd.isna(v) else v.strftime(fmt) for v in ts]
    if pd.api.types.is_integer_dtype(dtype):
        return ["" if pd.isna(v) else str(int(v)) for v in values]
    if pd.api.types.is_float_dtype(dtype):
        return _float_column(values)
    out = []
    for v in values:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append("")
        elif isinstance(v, bool | np.bool_):
            out.append("true" if v else "false")
        elif isinstance(v, float | np.floating):
            out.extend(_float_column(pd.Series([v])))
        elif isinstance(v, pd.Timestamp):
            out.append(v.strftime("%Y-%m-%d"))
        else:  # text: a cell a spreadsheet would run as a formula gets a leading '
            out.append(escape_cell(str(v)))
    return out


def format_csv(data: pd.DataFrame) -> str:
    """The CSV text of *data*: header, LF line endings, fixed number format.

    Integral float columns are written as integers, other floats with
    :data:`CSV_DECIMALS` decimals; dates as ``YYYY-MM-DD``; booleans as
    ``true``/``false``; missing values as empty fields. Column order is kept.
    Text cells starting with ``= + - @``, tab or CR are escaped with a leading ``'``
    (:mod:`syriastats.safe_output`); numbers are never escaped.
    """
    data = _validate_data(data)
    columns = [_format_column(data[c]) for c in data.columns]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(c) for c in data.columns])
    for row in zip(*columns):
        writer.writerow(row)
    return buf.getvalue()


def chart_record(slug: str, data: pd.DataFrame, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON record of a chart (validated meta plus slug, file names and data columns)."""
    meta = validate_meta(meta)
    data = _validate_data(data)
    record = dict(meta)
    record["slug"] = validate_slug(slug)
    record["files"] = {ext: f"{slug}.{ext}" for ext in EXTENSIONS}
    record["data_columns"] = [str(c) for c in data.columns]
    return record


def format_json(record: Mapping[str, Any]) -> str:
    """JSON text with sorted keys, indent 2, UTF-8 characters kept and a trailing newline."""
    return json.dumps(record, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# Writers (one per file; looked up at call time so tests can replace one)
# --------------------------------------------------------------------------

Writer = Callable[[Figure, pd.DataFrame, Mapping[str, Any], Path], None]


def _savefig(fig: Figure, path: Path, fmt: str, metadata: dict[str, Any], **kw: Any) -> None:
    with mpl.rc_context(SAVE_RC), open(path, "wb") as fh:
        fig.savefig(fh, format=fmt, metadata=metadata, **kw)


def _write_png(fig: Figure, data: pd.DataFrame, meta: Mapping[str, Any], path: Path) -> None:
    md = {**PNG_METADATA_NULLS, "Title": meta["title"], "Description": meta["alt_text"],
          "Source": meta["source"], "Copyright": meta["licence"]}
    _savefig(fig, path, "png", md, dpi=style.PNG_DPI)


def _write_svg(fig: Figure, data: pd.DataFrame, meta: Mapping[str, Any], path: Path) -> None:
    md = {**SVG_METADATA_NULLS, "Title": meta["title"], "Description": meta["alt_text"],
          "Rights": meta["licence"]}
    _savefig(fig, path, "svg", md)


def _write_pdf(fig: Figure, data: pd.DataFrame, meta: Mapping[str, Any], path: Path) -> None:
    md = {**PDF_METADATA_NULLS, "Title": meta["title"], "Subject": meta["alt_text"]}
    _savefig(fig, path, "pdf", md)


def _write_csv(fig: Figure, data: pd.DataFrame, meta: Mapping[str, Any], path: Path) -> None:
    path.write_bytes(format_csv(data).encode("utf-8"))


def _write_json(fig: Figure, data: pd.DataFrame, meta: Mapping[str, Any], path: Path) -> None:
    path.write_bytes(format_json(meta["_record"]).encode("utf-8"))


_WRITERS: dict[str, Writer] = {
    "png": _write_png,
    "svg": _write_svg,
    "pdf": _write_pdf,
    "csv": _write_csv,
    "json": _write_json,
}


# --------------------------------------------------------------------------
# save_chart
# --------------------------------------------------------------------------

def draw_meta(fig: Figure, meta: Mapping[str, Any]) -> None:
    """Draw *meta*'s title, subtitle, source line and note into *fig* (replacing earlier ones)."""
    with style.house_style():
        style.add_header(fig, meta["title"], meta["subtitle"])
        style.add_footer(fig, meta["source"], meta["note"])


def save_chart(fig: Figure, slug: str, data: pd.DataFrame, meta: Mapping[str, Any], *,
               out_dir: str | os.PathLike[str] | None = None) -> dict[str, Path]:
    """Write ``<slug>.{png,svg,pdf,csv,json}`` into *out_dir* atomically.

    Parameters
    ----------
    fig
        The chart. Its header and footer are (re)drawn from *meta*.
    slug
        File stem: lowercase letters, digits and hyphens.
    data
        Exactly the plotted data, bounds included, units in column names
        (as returned by the chart functions of :mod:`syriastats.charts`).
    meta
        ``title``, ``subtitle``, ``source`` (the source line), ``note`` (what
        the ranges mean), ``alt_text``, ``source_ids`` (list of
        ``sources.source_id``), ``notebook``; optional ``licence`` (default
        CC-BY-4.0), ``section`` (``news`` or ``methods``; default from
        :data:`syriastats.charts.sections.METHODS_SLUGS`) and further
        JSON-serialisable keys, written to the JSON.
    out_dir
        Target folder (created if needed); default
        :func:`syriastats.paths.figures_dir`, or its ``methods/`` subfolder
        for a methods chart.

    Returns
    -------
    dict
        File extension -> path written.

    Raises
    ------
    ValueError
        Invalid slug, missing or empty metadata field, empty data.
    """
    validate_slug(slug)
    record = chart_record(slug, data, meta)
    data = _validate_data(data)
    section = section_of(slug, meta)
    record["section"] = section
    if out_dir is not None:
        folder = Path(out_dir)
    else:
        folder = figures_dir() / "methods" if section == METHODS else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    draw_meta(fig, record)
    writer_meta = {**record, "_record": record}

    return _write_set(folder, slug, EXTENSIONS,
                      lambda ext, path: _WRITERS[ext](fig, data, writer_meta, path))


def _write_set(folder: Path, stem: str, exts: Sequence[str],
               write: Callable[[str, Path], None]) -> dict[str, Path]:
    """Write ``<stem>.<ext>`` for each of *exts* in *folder*, all or none.

    ``write(ext, path)`` writes one file to a unique temporary name; only when every
    file is written are they moved into place (``os.replace``), so an interrupted or
    failed write leaves the earlier files intact and no temporary file behind.
    Returns extension -> final path.
    """
    temps: dict[str, Path] = {}
    try:
        for ext in exts:
            fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=f".{ext}.tmp", dir=folder)
            os.close(fd)
            temps[ext] = Path(name)
            write(ext, temps[ext])
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    paths: dict[str, Path] = {}
    for ext in exts:
        final = folder / f"{stem}.{ext}"
        os.chmod(temps[ext], 0o644)
        os.replace(temps[ext], final)
        paths[ext] = final
    return paths


#: Files written for each variant cut of a news chart.
VARIANT_EXTENSIONS: tuple[str, ...] = ("png", "svg")


def news_record(slug: str, data: pd.DataFrame, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON record of a news chart: :func:`chart_record` plus the variants' file names."""
    record = chart_record(slug, data, meta)
    record["section"] = section_of(slug, meta)
    record["variant_files"] = {v: {ext: f"{slug}-{v}.{ext}" for ext in VARIANT_EXTENSIONS}
                               for v in meta.get("variants", [])}
    return record


def save_news(fig: Figure, slug: str, data: pd.DataFrame, meta: Mapping[str, Any], *,
              out_dir: str | os.PathLike[str] | None = None, variant: str = "",
              facecolor: str = "white") -> dict[str, Path]:
    """Write one cut of a news chart drawn by :mod:`syriastats.newsroom` (text already in the figure).

    The standard cut (``variant=''``) writes ``<slug>.{png,svg,pdf,csv,json}``;
    a variant writes ``<slug>-<variant>.{png,svg}``. Each file goes to a
    temporary name first and is moved into place only when every file of the
    cut is written, so an interrupted build leaves the earlier files intact.
    Deterministic bytes as :func:`save_chart`. Returns extension -> path.
    """
    validate_slug(slug)
    stem = f"{slug}-{validate_slug(variant)}" if variant else slug
    record = news_record(slug, data, meta)
    data = _validate_data(data)
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    writer_meta = {**record, "_record": record}
    exts = EXTENSIONS if not variant else VARIANT_EXTENSIONS
    image_md = {"png": {**PNG_METADATA_NULLS, "Title": record["title"],
                        "Description": record["alt_text"], "Copyright": record["licence"]},
                "svg": {**SVG_METADATA_NULLS, "Title": record["title"],
                        "Description": record["alt_text"], "Rights": record["licence"]},
                "pdf": {**PDF_METADATA_NULLS, "Title": record["title"],
                        "Subject": record["alt_text"]}}

    def write(ext: str, path: Path) -> None:
        if ext in image_md:
            with mpl.rc_context({**SAVE_RC, "savefig.facecolor": facecolor}), \
                    open(path, "wb") as fh:
                fig.savefig(fh, format=ext, metadata=image_md[ext], facecolor=facecolor,
                            **({"dpi": style.PNG_DPI} if ext == "png" else {}))
        else:
            _WRITERS[ext](fig, data, writer_meta, path)

    return _write_set(folder, stem, exts, write)


__all__ = [
    "preview",
    "DEFAULT_LICENCE", "EXTENSIONS", "REQUIRED_TEXT", "chart_record", "draw_meta",
    "format_csv", "format_json", "news_record", "save_chart", "save_news", "validate_meta",
    "validate_slug",
]


def preview(paths: Mapping[str, Path], width: int = 600) -> Any:
    """Show the exported PNG in a notebook at *width* pixels (what reporters get).

    *paths* is the mapping returned by :func:`save_chart`. Returns an
    ``IPython.display.Image``; displaying the exported file (rather than
    re-rendering the figure) guarantees the notebook shows exactly the chart
    in ``figures/``. The chart's alt text (from its JSON metadata) travels with the
    image, so the HTML rendering of the notebook describes it.
    """
    from IPython.display import Image

    alt = None
    meta_path = paths.get("json")
    if meta_path is not None and Path(meta_path).is_file():
        alt = json.loads(Path(meta_path).read_text(encoding="utf-8")).get("alt_text") or None
    return Image(filename=str(paths["png"]), width=width, alt=alt)
