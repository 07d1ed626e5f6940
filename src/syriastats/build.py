"""Execute the notebooks in place, in parallel, and regenerate the figure gallery.

``syriastats build`` (run by ``make figures``):

1. runs every ``notebooks/NN_*.ipynb`` (or the ones named) top to bottom with
   nbclient, several at a time (one worker per core by default), each from
   the ``notebooks/`` folder with a fixed environment (``PYTHONHASHSEED=0``,
   Agg backend);
2. prints a progress line per notebook as it finishes, with its wall time;
3. only when *every* notebook succeeded, writes the executed notebooks back
   in place (so a failure leaves the committed outputs untouched) and
   regenerates ``figures/README.md``;
4. on failure, names the notebook, the cell (number and first line) and the
   error, and exits non-zero.

Charts are written by the notebooks themselves through
:func:`syriastats.export.save_chart`, which replaces each chart's files
atomically, so a failed build leaves earlier figures intact.
"""
from __future__ import annotations

import functools
import os
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from syriastats.paths import NOTEBOOKS_DIR

#: Environment given to every kernel so outputs do not depend on the machine.
KERNEL_ENV: dict[str, str] = {
    "PYTHONHASHSEED": "0",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "SOURCE_DATE_EPOCH": "0",
    "TZ": "UTC",
    "LC_ALL": "C.UTF-8",
    "PYTHONWARNINGS": "default",
}
CELL_TIMEOUT_S = 600


@dataclass
class Result:
    path: Path
    ok: bool
    seconds: float
    message: str = ""
    notebook: object | None = None


def list_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks in reading order (``NN_name.ipynb``)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _failing_cell(nb) -> tuple[int, str, str]:
    for i, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return i, first, f"{out.get('ename')}: {out.get('evalue')}"
    return 0, "", ""


@functools.cache
def _ipc_kernel_manager_class() -> type:
    """A jupyter_client KernelManager that talks to its kernel over IPC.

    Unix sockets beside the kernel's private connection file (in Jupyter's runtime
    folder, mode 0700) instead of TCP ports: nothing listens on the network, and
    ipykernel has no plain-text TCP to warn about. The socket path is absolute
    because the kernel starts in the notebook's folder; the manager removes the
    sockets when it shuts the kernel down.
    """
    from jupyter_client.manager import KernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    class IPCKernelManager(KernelManager):
        @default("transport")
        def _default_transport(self) -> str:
            return "ipc"

        @default("ip")
        def _default_ip(self) -> str:
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
            return str(runtime / f"syriastats-{uuid.uuid4().hex}-ipc")

    return IPCKernelManager


def execute_notebook(path: Path) -> Result:
    """Execute one notebook in memory; never writes the file."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    os.environ.update(KERNEL_ENV)
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_manager_class=_ipc_kernel_manager_class(),
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        allow_errors=False,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as exc:
        idx, first, err = _failing_cell(nb)
        msg = f"cell {idx} ({first!r}) failed: {err}" if idx else str(exc).splitlines()[0]
        return Result(path, False, time.perf_counter() - start, msg)
    except Exception as exc:  # kernel died, bad JSON, ...
        return Result(path, False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    normalise(nb)
    return Result(path, True, time.perf_counter() - start, notebook=nb)


def normalise(nb) -> None:
    """Drop metadata that changes from run to run (timings, kernel ids)."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)


def _run(path: str) -> Result:
    return execute_notebook(Path(path))


def run(notebooks: Sequence[Path], jobs: int | None = None, out=sys.stdout) -> list[Result]:
    """Execute *notebooks* in parallel; returns results in the order given."""
    import nbformat

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks) or 1))
    results: dict[Path, Result] = {}
    total = len(notebooks)
    print(f"executing {total} notebook(s) with {jobs} worker(s)", file=out, flush=True)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_run, str(p)): p for p in notebooks}
        for done, fut in enumerate(as_completed(futures), start=1):
            p = futures[fut]
            try:
                r = fut.result()
            except Exception as exc:  # worker crashed
                r = Result(p, False, 0.0, f"{type(exc).__name__}: {exc}")
            results[p] = r
            status = "ok" if r.ok else "FAILED"
            print(f"[{done}/{total}] {p.name}: {status} ({r.seconds:.1f} s)"
                  + ("" if r.ok else f"\n    {r.message}"), file=out, flush=True)
    ordered = [results[p] for p in notebooks]
    if all(r.ok for r in ordered):
        for r in ordered:
            tmp = r.path.with_suffix(".ipynb.tmp")
            nbformat.write(r.notebook, tmp)
            os.replace(tmp, r.path)
    print(f"built in {time.perf_counter() - t0:.1f} s", file=out, flush=True)
    return ordered


HTML_TEMPLATE = "syriastats_html"


def render_html(notebooks: Sequence[Path], out_dir: Path) -> list[Path]:
    """Render executed notebooks to standalone HTML for reviewers without Jupyter.

    Uses the package's ``syriastats_html`` template (JupyterLab's look without any
    script loaded from a CDN; each exported chart carries its alt text).
    """
    from importlib import resources

    from nbconvert import HTMLExporter
    import nbformat

    out_dir.mkdir(parents=True, exist_ok=True)
    templates = resources.files("syriastats") / "templates"
    exporter = HTMLExporter(template_name=HTML_TEMPLATE,
                            extra_template_basedirs=[str(templates)])
    written = []
    for p in notebooks:
        body, _ = exporter.from_notebook_node(nbformat.read(p, as_version=4))
        target = out_dir / (p.stem + ".html")
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def main(notebooks: Sequence[Path] | None = None, jobs: int | None = None, html: bool = False) -> int:
    paths = [Path(p).resolve() for p in notebooks] if notebooks else list_notebooks()
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    results = run(paths, jobs=jobs)
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"build FAILED in {len(failed)} notebook(s); committed notebooks left untouched:",
              file=sys.stderr)
        for r in failed:
            print(f"  {r.path.name}: {r.message}", file=sys.stderr)
        return 1
    try:
        from syriastats.gallery import write_gallery
    except ImportError:  # pragma: no cover - gallery module not yet present
        write_gallery = None
    if write_gallery is not None:
        print(f"gallery: {write_gallery()}")
    if html:
        from syriastats.paths import REPO_ROOT

        for p in render_html(paths, REPO_ROOT / "html"):
            print(f"html: {p}")
    return 0
