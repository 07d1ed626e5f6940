"""The notebook build: a failure names the notebook and cell and leaves every
notebook untouched; a success writes outputs in place, without run-dependent
metadata, identically on a second run."""
from __future__ import annotations

import io
from pathlib import Path

import nbformat
import pytest

from syriastats import build


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i}"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _notebook(tmp_path / "01_ok.ipynb", "x = 6 * 7", "print(x)")
    _notebook(tmp_path / "02_bad.ipynb", "y = 1", "raise ValueError('broken data value')", "print(y)")
    return tmp_path


def test_failure_names_notebook_and_cell_and_touches_nothing(folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.glob("*.ipynb")}
    out = io.StringIO()
    results = build.run(build.list_notebooks(folder), jobs=2, out=out)
    bad = [r for r in results if not r.ok]
    assert [r.path.name for r in bad] == ["02_bad.ipynb"]
    assert "cell 2" in bad[0].message and "broken data value" in bad[0].message
    assert "raise ValueError" in bad[0].message
    log = out.getvalue()
    assert "02_bad.ipynb: FAILED" in log and "01_ok.ipynb: ok" in log
    after = {p.name: p.read_bytes() for p in folder.glob("*.ipynb")}
    assert after == before  # the good notebook is not written either
    assert not list(folder.glob("*.tmp"))


def test_success_writes_outputs_deterministically(tmp_path: Path) -> None:
    nb = _notebook(tmp_path / "01_ok.ipynb", "import random\nrandom.seed(1)\nprint(random.random())")
    results = build.run([nb], jobs=1, out=io.StringIO())
    assert all(r.ok for r in results)
    first = nb.read_bytes()
    done = nbformat.read(nb, as_version=4)
    assert "0.134364" in done.cells[0].outputs[0]["text"]
    assert "execution" not in done.cells[0].metadata  # no timings stored
    build.run([nb], jobs=1, out=io.StringIO())
    assert nb.read_bytes() == first


def test_main_exit_code(folder: Path) -> None:
    assert build.main(notebooks=[folder / "02_bad.ipynb"], jobs=1) == 1


def test_list_notebooks_reading_order(folder: Path) -> None:
    (folder / "scratch.ipynb").write_text("{}")
    assert [p.name for p in build.list_notebooks(folder)] == ["01_ok.ipynb", "02_bad.ipynb"]


def test_build_prints_no_warning_lines(tmp_path: Path, capfd) -> None:
    # The kernels run over IPC: ipykernel's "running over TCP without encryption"
    # warning (and any other) must not reach the build's output.
    nb = _notebook(tmp_path / "01_ok.ipynb", "print(6 * 7)")
    out = io.StringIO()
    results = build.run([nb], jobs=1, out=out)
    assert all(r.ok for r in results)
    captured = capfd.readouterr()
    text = out.getvalue() + captured.out + captured.err
    assert "warn" not in text.lower(), text
    assert "TCP" not in text


def test_html_has_alt_text_and_no_cdn_script(tmp_path: Path) -> None:
    import base64
    import json

    # a chart exported as save_chart does: PNG plus JSON metadata with alt text
    png = tmp_path / "chart.png"
    png.write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    (tmp_path / "chart.json").write_text(json.dumps({"alt_text": "Bars of deaths by year"}))
    nb = _notebook(tmp_path / "01_chart.ipynb",
                   "from pathlib import Path\nfrom syriastats.export import preview\n"
                   f"preview({{'png': Path({str(png)!r}), 'json': Path({str(tmp_path / 'chart.json')!r})}})")
    assert all(r.ok for r in build.run([nb], jobs=1, out=io.StringIO()))
    (page,) = build.render_html([nb], tmp_path / "html")
    html = page.read_text(encoding="utf-8")
    assert 'alt="Bars of deaths by year"' in html
    assert "No description has been provided" not in html
    assert "<script src=" not in html and "cdnjs" not in html
