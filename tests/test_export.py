"""save_chart: five files, in-image text, exact CSV, deterministic bytes, atomic writes,
metadata validation. Everything is written under tmp_path, never into figures/."""
from __future__ import annotations

import html
import json
import re
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from syriastats import export
from syriastats.charts import style

pytestmark = pytest.mark.filterwarnings("error")

META = {
    "title": "Deaths kept rising",
    "subtitle": "Documented deaths, persons, 2012-2014",
    "source": "Source: Test Monitor (TM); Another Group & Co <x>",
    "note": "Counts are minimums; the shaded band is a 90% interval.",
    "alt_text": "Line chart of three yearly counts rising from 10 to 30.",
    "source_ids": ["tm-2015", "ag-2014"],
    "notebook": "99-test.ipynb",
}
EXT = ("png", "svg", "pdf", "csv", "json")


def make_chart(values=(10.0, 20.0, 30.0)):
    fig, ax = style.new_figure()
    with style.house_style():
        ax.plot([2012, 2013, 2014], list(values), marker="o")
        ax.fill_between([2012, 2013, 2014], [v * 0.9 for v in values], [v * 1.1 for v in values],
                        alpha=0.2)
        style.add_header(fig, "Drawn title", "Drawn subtitle")
        style.add_footer(fig, "Source: drawn", "drawn note")
    data = pd.DataFrame({"year": [2012, 2013, 2014],
                         "deaths": pd.array(values, dtype="Float64"),
                         "lower_90_deaths": [v * 0.9 for v in values],
                         "upper_90_deaths": [v * 1.1 for v in values]})
    return fig, data


@pytest.fixture(scope="module")
def chart():
    """One chart shared by the tests that fail before anything is drawn or written."""
    return make_chart()


def svg_text(path: Path) -> str:
    """All <text> contents of an SVG, unescaped, joined with spaces, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    parts = re.findall(r"<text[^>]*>(.*?)</text>", raw, flags=re.S)
    return " ".join(" ".join(html.unescape(p) for p in parts).split())


def test_writes_the_five_files_with_filled_json(tmp_path):
    fig, data = make_chart()
    paths = export.save_chart(fig, "deaths-test", data, META, out_dir=tmp_path)
    assert sorted(paths) == sorted(EXT)
    for ext in EXT:
        assert paths[ext] == tmp_path / f"deaths-test.{ext}"
        assert paths[ext].stat().st_size > 0
    rec = json.loads(paths["json"].read_text(encoding="utf-8"))
    for key in ("title", "subtitle", "source", "note", "alt_text", "notebook", "licence"):
        assert isinstance(rec[key], str) and rec[key].strip(), key
    assert rec["licence"] == "CC-BY-4.0"
    assert rec["source_ids"] == ["ag-2014", "tm-2015"]
    assert rec["files"] == {ext: f"deaths-test.{ext}" for ext in EXT}
    assert rec["slug"] == "deaths-test"
    assert rec["data_columns"] == list(data.columns)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"deaths-test.{e}" for e in EXT)


def test_json_is_sorted_indented_with_trailing_newline(tmp_path):
    fig, data = make_chart()
    paths = export.save_chart(fig, "json-format", data, {**META, "licence": "CC-BY-4.0"},
                              out_dir=tmp_path)
    text = paths["json"].read_text(encoding="utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "\r" not in text
    rec = json.loads(text)
    assert text == json.dumps(rec, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert list(rec) == sorted(rec)


def test_texts_from_meta_are_drawn_in_the_svg(tmp_path):
    fig, data = make_chart()
    paths = export.save_chart(fig, "text-check", data, META, out_dir=tmp_path)
    text = svg_text(paths["svg"])
    for key in ("title", "subtitle", "source", "note"):
        assert META[key] in text, key
    # meta wins over what the chart function drew
    assert "Drawn title" not in text and "drawn note" not in text
    assert "CC BY 4.0" in text
    # the texts are figure texts, not axes titles
    gids = {t.get_gid(): t for t in fig.texts}
    assert " ".join(gids[style.GID_SOURCE].get_text().split()) == META["source"]
    assert all(not ax.get_title() for ax in fig.axes)


def test_png_resolution_and_no_version_stamps(tmp_path):
    fig, data = make_chart()
    paths = export.save_chart(fig, "png-check", data, META, out_dir=tmp_path)
    raw = paths["png"].read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    w_in, h_in = fig.get_size_inches()
    assert (width, height) == (round(w_in * 200), round(h_in * 200))
    assert b"Software" not in raw and b"Matplotlib version" not in raw
    pdf = paths["pdf"].read_bytes()
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf and b"/ModDate" not in pdf
    svg = paths["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_rebuilding_gives_identical_bytes(tmp_path):
    out = {}
    for name in ("a", "b"):
        fig, data = make_chart()
        out[name] = export.save_chart(fig, "same-chart", data, META, out_dir=tmp_path / name)
    for ext in EXT:
        assert out["a"][ext].read_bytes() == out["b"][ext].read_bytes(), ext
    # the same figure saved again is unchanged too (redrawing the header is idempotent)
    again = export.save_chart(fig, "same-chart", data, META, out_dir=tmp_path / "c")
    for ext in EXT:
        assert again[ext].read_bytes() == out["a"][ext].read_bytes(), ext


def test_bytes_do_not_depend_on_the_process(tmp_path):
    """A separate interpreter with another hash seed writes the same bytes."""
    fig, data = make_chart()
    here = export.save_chart(fig, "proc-chart", data, META, out_dir=tmp_path / "here")
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_export import make_chart, META
        from syriastats import export
        fig, data = make_chart()
        export.save_chart(fig, "proc-chart", data, META, out_dir={str(tmp_path / 'there')!r})
    """)
    env = {"PYTHONHASHSEED": "12345", "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=120)
    for ext in EXT:
        assert (tmp_path / "there" / f"proc-chart.{ext}").read_bytes() == here[ext].read_bytes(), ext


def test_failure_half_way_keeps_earlier_files_and_leaves_no_temps(tmp_path, monkeypatch):
    fig, data = make_chart()
    first = export.save_chart(fig, "atomic", data, META, out_dir=tmp_path)
    before = {ext: first[ext].read_bytes() for ext in EXT}

    def broken_pdf(*args, **kwargs):
        raise RuntimeError("disk full while writing the PDF")

    monkeypatch.setitem(export._WRITERS, "pdf", broken_pdf)
    fig2, data2 = make_chart(values=(1.0, 2.0, 3.0))
    with pytest.raises(RuntimeError, match="PDF"):
        export.save_chart(fig2, "atomic", data2, {**META, "title": "A new title"},
                          out_dir=tmp_path)
    for ext in EXT:
        assert first[ext].read_bytes() == before[ext], ext
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"atomic.{e}" for e in EXT)


def test_failure_on_a_fresh_chart_writes_nothing(tmp_path, monkeypatch):
    def broken_pdf(*args, **kwargs):
        raise OSError("no space")

    monkeypatch.setitem(export._WRITERS, "pdf", broken_pdf)
    fig, data = make_chart()
    with pytest.raises(OSError):
        export.save_chart(fig, "fresh", data, META, out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("field", ["title", "subtitle", "source", "note", "alt_text",
                                   "source_ids", "notebook"])
def test_missing_meta_field_is_named(chart, tmp_path, field):
    fig, data = chart
    meta = {k: v for k, v in META.items() if k != field}
    with pytest.raises(ValueError, match=repr(field)):
        export.save_chart(fig, "meta-check", data, meta, out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("field,value", [("title", ""), ("note", "   "), ("source_ids", []),
                                         ("alt_text", None), ("licence", ""),
                                         ("source_ids", "tm-2015"), ("source_ids", ["Bad Id"])])
def test_empty_meta_field_is_named(chart, tmp_path, field, value):
    fig, data = chart
    with pytest.raises(ValueError, match=repr(field)):
        export.save_chart(fig, "meta-check", data, {**META, field: value}, out_dir=tmp_path)


@pytest.mark.parametrize("slug", ["Deaths", "deaths_2016", "-deaths", "deaths-", "deaths--x",
                                  "deaths 2016", "", "dé"])
def test_bad_slug_is_rejected(chart, tmp_path, slug):
    fig, data = chart
    with pytest.raises(ValueError, match="slug"):
        export.save_chart(fig, slug, data, META, out_dir=tmp_path)


def test_good_slugs_pass():
    for slug in ("a", "02-deaths-known-2016", "ucdp-yearly"):
        assert export.validate_slug(slug) == slug


def test_csv_has_fixed_format():
    df = pd.DataFrame({
        "label": ["a, with comma", "b", None],
        "deaths": pd.array([470000.0, 271138.0, None], dtype="Float64"),
        "low_deaths": [470000 * 0.95, 1.0, 2.0],  # 446499.99999999994 prints as 446500
        "share_fraction": [0.5, 1 / 3, 0.0],
        "year": [2012, 2013, 2014],
        "date": pd.to_datetime(["2016-08-01", "2015-12-31", None]),
        "minimum": [True, False, True],
    })
    expected = (
        "label,deaths,low_deaths,share_fraction,year,date,minimum\n"
        '"a, with comma",470000,446500,0.500000,2012,2016-08-01,true\n'
        "b,271138,1,0.333333,2013,2015-12-31,false\n"
        ",,2,0.000000,2014,,true\n"
    )
    assert export.format_csv(df) == expected


def test_default_folder_is_figures_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SYRIASTATS_FIGURES", str(tmp_path / "figs"))
    fig, data = make_chart()
    paths = export.save_chart(fig, "default-dir", data, {**META, "section": "news"})
    assert paths["png"].parent == tmp_path / "figs"
    # a notebook chart that does not say it is news is a methods chart
    paths = export.save_chart(fig, "default-dir", data, META)
    assert paths["png"].parent == tmp_path / "figs" / "methods"


def test_empty_data_is_rejected(chart, tmp_path):
    fig, _ = chart
    with pytest.raises(ValueError, match="empty"):
        export.save_chart(fig, "no-data", pd.DataFrame({"x": []}), META, out_dir=tmp_path)
