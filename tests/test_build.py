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
