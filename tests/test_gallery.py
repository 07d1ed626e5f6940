"""figures/README.md is generated from the charts' JSON files: complete, sorted, deterministic.
Also checks the real figures/ folder (read only): every chart there has its five files."""
from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from syriastats import export, gallery
from syriastats.charts import style
from syriastats.paths import figures_dir

pytestmark = pytest.mark.filterwarnings("error")

EXT = ("png", "svg", "pdf", "csv", "json")


def save(out_dir, slug, title):
    fig, ax = style.new_figure()
    with style.house_style():
        ax.plot([1, 2], [3, 4])
    data = pd.DataFrame({"x": [1, 2], "deaths": [3.0, 4.0]})
    meta = {"title": title, "subtitle": f"Subtitle of {slug}",
            "source": f"Source: Publisher of {slug}", "note": f"Note on the range of {slug}.",
            "alt_text": f"Line chart [{slug}] rising from 3 to 4.",
            "source_ids": [f"src-{slug}"], "notebook": f"{slug}.ipynb"}
    export.save_chart(fig, slug, data, meta, out_dir=out_dir)
    return meta


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("figs")
    save(out, "b-second", "Second chart")
    save(out, "a-first", "First chart")
    (out / "not-a-chart.json").write_text('{"hello": 1}\n', encoding="utf-8")
    return out


def test_gallery_lists_every_chart_sorted_with_all_links(folder):
    path = gallery.write_gallery(folder)
    assert path == folder / "README.md"
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert "Generated" in first and "Do not edit by hand" in first
    assert text.index("## First chart") < text.index("## Second chart")
    assert "not-a-chart" not in text
    for slug in ("a-first", "b-second"):
        section = text.split(f"Slug:** `{slug}`")[0].rsplit("## ", 1)[1]
        assert f"*Subtitle of {slug}*" in section
        assert f"Source: Publisher of {slug}" in section
        assert f"Note on the range of {slug}." in section
        assert f"![Line chart \\[{slug}\\] rising from 3 to 4.]({slug}.png)" in section
        for ext in EXT:
            assert f"[{ext.upper()}]({slug}.{ext})" in section
    assert "\r" not in text and text.endswith("\n")


def test_gallery_is_deterministic(folder):
    a = gallery.write_gallery(folder).read_bytes()
    b = gallery.write_gallery(folder).read_bytes()
    assert a == b
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_gallery_refuses_a_chart_with_a_missing_file(tmp_path):
    save(tmp_path, "lonely", "Lonely chart")
    (tmp_path / "lonely.pdf").unlink()
    with pytest.raises(ValueError, match="PDF"):
        gallery.write_gallery(tmp_path)
    assert not (tmp_path / "README.md").exists()


def test_gallery_refuses_an_empty_field(tmp_path):
    save(tmp_path, "blank", "Blank note")
    rec = json.loads((tmp_path / "blank.json").read_text(encoding="utf-8"))
    rec["note"] = ""
    (tmp_path / "blank.json").write_text(json.dumps(rec), encoding="utf-8")
    with pytest.raises(ValueError, match="note"):
        gallery.write_gallery(tmp_path)


REAL = sorted([*figures_dir().glob("*.json"), *figures_dir().glob("methods/*.json")]) \
    if figures_dir().is_dir() else []


@pytest.mark.skipif(not REAL, reason="no charts exported to figures/ yet")
@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_figures_have_their_five_files_and_full_metadata(path):
    rec = json.loads(path.read_text(encoding="utf-8"))
    for key in ("title", "subtitle", "source", "note", "alt_text", "notebook", "licence"):
        assert isinstance(rec.get(key), str) and rec[key].strip(), key
    assert rec["source_ids"]
    for ext in EXT:
        assert (path.parent / f"{path.stem}.{ext}").is_file(), ext
    for variant, files in rec.get("variant_files", {}).items():
        for name in files.values():
            assert (path.parent / name).is_file(), (variant, name)
    # the source line is drawn in the image (SVG text stays text)
    svg = (path.parent / f"{path.stem}.svg").read_text(encoding="utf-8")
    drawn = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    assert " ".join(rec["source"].split()) in " ".join(html.unescape(drawn).split())


@pytest.mark.skipif(not (figures_dir() / "README.md").is_file(), reason="no gallery yet")
def test_real_gallery_is_up_to_date():
    records = gallery.load_records(figures_dir())  # figures/ and figures/methods/
    assert (figures_dir() / "README.md").read_text(encoding="utf-8") == \
        gallery.render_gallery(records)


def test_gallery_puts_news_first_then_methods_with_variants(tmp_path):
    save(tmp_path / "methods", "registry-coverage", "A methods chart")
    save(tmp_path, "displacement", "A news chart")
    text = gallery.render_gallery(gallery.load_records(tmp_path))
    assert text.index("## News charts") < text.index("### A news chart") \
        < text.index("## Methods charts") < text.index("### A methods chart")
    assert "(methods/registry-coverage.png)" in text


def test_save_chart_routes_methods_slugs_to_the_methods_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "figures_dir", lambda: tmp_path)
    fig, ax = style.new_figure()
    meta = {"title": "t", "subtitle": "s", "source": "Source: x", "note": "n", "alt_text": "a",
            "source_ids": ["x"], "notebook": "n.ipynb"}
    data = pd.DataFrame({"x": [1]})
    paths = export.save_chart(fig, "documentation-gap", data, meta)
    assert paths["png"] == tmp_path / "methods" / "documentation-gap.png"
    paths = export.save_chart(fig, "anything-else", data, {**meta, "section": "methods"})
    assert paths["png"].parent.name == "methods"
    assert export.save_chart(fig, "displacement", data, meta)["png"].parent == tmp_path
    assert export.save_chart(fig, "a-new-notebook-chart", data, meta)["png"].parent.name == "methods"


def test_staged_methods_charts_are_moved_into_figures_methods(tmp_path):
    """The build stages charts in a hidden folder; methods charts sit in its methods/ subfolder
    and must land in figures/methods/ (not be dropped with the staging folder)."""
    from syriastats import build

    figs = tmp_path / "figures"
    with build.staged_figures(figs) as stage:
        save(stage / "methods", "documentation-gap", "A methods chart")
        save(stage, "a-news", "A news chart")
        build.commit_outputs([], stage, figs)
    assert (figs / "methods" / "documentation-gap.png").is_file()
    assert (figs / "a-news.json").is_file()
    assert not [p for p in figs.iterdir() if p.name.startswith(".build-")]


def test_staged_charts_land_in_the_figures_folder_not_the_stage(tmp_path, monkeypatch):
    """During the build SYRIASTATS_FIGURES points at the stage; committing must still move the
    staged charts into the real figures folder (the stage's parent)."""
    from syriastats import build

    figs = tmp_path / "figures"
    with build.staged_figures(figs) as stage:
        save(stage / "methods", "ucdp-yearly", "A methods chart")
        build.commit_outputs([], stage)  # no explicit target: as build.run calls it
    assert (figs / "methods" / "ucdp-yearly.json").is_file()
