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
:func:`syriastats.export.save_chart`. During ``syriastats build`` the kernels write
them into a hidden staging folder inside ``figures/``; only when every notebook
succeeded are all notebooks written to temporary files and then every notebook and
staged figure moved into place with :func:`os.replace` (Ctrl-C held off for those
few milliseconds), so a failed, interrupted or disk-full build leaves every committed
notebook and figure as it was.

Interrupts and concurrency (see :func:`build_lock`, :func:`_worker_init`):

* Ctrl-C stops the build within seconds with one line: the workers ignore SIGINT
  (the main process stops them and their kernels);
* a worker notices when the main process dies (even by SIGKILL: ``prctl
  PR_SET_PDEATHSIG`` on Linux plus a watchdog thread polling the parent pid), kills
  its kernels, deletes its private kernel-connection folder and exits; a kernel whose
  worker is gone exits by itself (ipykernel's parent poller);
* temporary files have unique names, and stale ones (from a killed build) are deleted
  when the next build starts;
* two builds of one tree serialise on the lock file ``figures/.build.lock``
  (``fcntl.flock``): the second says it waits, then runs.
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator, Sequence

from syriastats.paths import NOTEBOOKS_DIR, figures_dir

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
            # the kernel may send one print in several stream messages (timing): join
            # adjacent pieces of the same stream so the file does not depend on it
            merged: list = []
            for out in cell.get("outputs", []):
                if (out.get("output_type") == "stream" and merged
                        and merged[-1].get("output_type") == "stream"
                        and merged[-1].get("name") == out.get("name")):
                    merged[-1]["text"] = merged[-1]["text"] + out["text"]
                else:
                    merged.append(out)
            cell["outputs"] = merged
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)


def _run(path: str) -> Result:
    return execute_notebook(Path(path))


def run(notebooks: Sequence[Path], jobs: int | None = None, out=sys.stdout,
        stage: Path | None = None) -> list[Result]:
    """Execute *notebooks* in parallel; returns results in the order given.

    Only when every notebook succeeded are they written back in place, all at once
    (:func:`commit_outputs`, together with the figures staged in *stage*, if given).
    Ctrl-C stops the workers and their kernels and re-raises :class:`KeyboardInterrupt`.
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks) or 1))
    results: dict[Path, Result] = {}
    total = len(notebooks)
    print(f"executing {total} notebook(s) with {jobs} worker(s)", file=out, flush=True)
    t0 = time.perf_counter()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(_run, str(p)): p for p in notebooks}
        for done, fut in enumerate(_completed(futures), start=1):
            p = futures[fut]
            try:
                r = fut.result()
            except Exception as exc:  # worker crashed
                r = Result(p, False, 0.0, f"{type(exc).__name__}: {exc}")
            results[p] = r
            status = "ok" if r.ok else "FAILED"
            print(f"[{done}/{total}] {p.name}: {status} ({r.seconds:.1f} s)"
                  + ("" if r.ok else f"\n    {r.message}"), file=out, flush=True)
    except BaseException:  # Ctrl-C (or anything else): stop workers and kernels now
        _stop_workers(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        _remove_kernel_dirs(os.getpid())
    ordered = [results[p] for p in notebooks]
    if all(r.ok for r in ordered):
        commit_outputs([(r.path, r.notebook) for r in ordered], stage)
    print(f"built in {time.perf_counter() - t0:.1f} s", file=out, flush=True)
    return ordered


#: Seconds the build's main thread waits for a notebook before it looks for a Ctrl-C.
POLL_SECONDS: float = 0.5


def _completed(futures: dict[Future, Path]) -> Iterator[Future]:
    """The futures as they finish (those finishing together in the order given).

    Like :func:`concurrent.futures.as_completed`, but the main thread never blocks for more
    than :data:`POLL_SECONDS`: Linux may deliver Ctrl-C's SIGINT to one of the pool's helper
    threads, and Python then runs the handler (KeyboardInterrupt) only when the main thread
    next runs Python code. Blocked until a notebook finished, a Ctrl-C could wait for minutes.
    """
    order = {f: i for i, f in enumerate(futures)}
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
        yield from sorted(finished, key=order.__getitem__)


# ----------------------------------------------------------- workers that die with the build

#: Prefix of each worker's private Jupyter runtime folder (kernel connection files) in
#: the system's temporary folder: ``syriastats-kernels-<build pid>-<worker pid>-XXXX``.
KERNEL_DIR_PREFIX = "syriastats-kernels-"
#: Seconds between a worker's checks that the main build process is still alive.
WATCHDOG_SECONDS = 0.5


def _worker_init(parent_pid: int) -> None:
    """Set up a worker: ignore Ctrl-C (the main process stops us), keep kernel
    connection files in a private folder, and exit (killing our kernels) as soon as
    the main process is gone, however it died."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    runtime = tempfile.mkdtemp(prefix=f"{KERNEL_DIR_PREFIX}{parent_pid}-{os.getpid()}-")
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    tempfile.tempdir = runtime  # jupyter_client writes connection files with mkstemp
    signal.signal(signal.SIGTERM, lambda *_: _worker_exit(runtime))
    ppid = os.getppid()
    if ppid == parent_pid:  # forked by the build itself (not by a fork server)
        _die_with_parent(signal.SIGTERM)
    t = threading.Thread(target=_watch_parent, args=(parent_pid, ppid, runtime), daemon=True,
                         name="syriastats-build-watchdog")
    t.start()


def _die_with_parent(sig: int) -> None:
    """Ask Linux to send *sig* to this process when its parent dies (no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(sig), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - the watchdog thread still works
        pass


def _watch_parent(parent_pid: int, ppid: int, runtime: str) -> None:
    """Exit when our parent changes (we were orphaned) or the build process is gone
    (also catches a build that died before :func:`_die_with_parent` was armed)."""
    while True:
        if os.getppid() != ppid or not _pid_alive(parent_pid):
            _worker_exit(runtime)
        time.sleep(WATCHDOG_SECONDS)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists
        return True
    return True


def _worker_exit(runtime: str) -> None:
    """Kill this worker's kernels, delete its connection files, exit at once."""
    try:
        import psutil

        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                child.kill()
    except Exception:  # pragma: no cover - best effort: kernels also poll their parent
        pass
    shutil.rmtree(runtime, ignore_errors=True)
    os._exit(1)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop every worker and its kernels now (SIGKILL; nothing of theirs is kept) and
    drop queued work. Their kernel folders are removed by :func:`run`."""
    import psutil

    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        with contextlib.suppress(psutil.Error, ValueError, TypeError):
            for child in psutil.Process(proc.pid).children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    child.kill()
        with contextlib.suppress(OSError, AttributeError, ValueError):
            proc.kill()
    for proc in procs:
        with contextlib.suppress(OSError, AttributeError, ValueError, AssertionError):
            proc.join(timeout=2)
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)


def _remove_kernel_dirs(build_pid: int | None = None) -> None:
    """Delete the kernel folders of build *build_pid*, or (None) of every dead build."""
    import psutil

    for d in Path(tempfile.gettempdir()).glob(f"{KERNEL_DIR_PREFIX}*"):
        try:
            pid = int(d.name[len(KERNEL_DIR_PREFIX):].split("-")[0])
        except ValueError:
            continue
        if pid == build_pid or (build_pid is None and not psutil.pid_exists(pid)):
            shutil.rmtree(d, ignore_errors=True)


# ------------------------------------------------------------ all outputs or none of them


class BuildWriteError(OSError):
    """Writing the outputs failed (disk full, permissions); nothing was replaced."""


def _write_notebook(nb: object, path: Path) -> None:
    """Write *nb* to *path* (a new temporary file) and flush it to disk."""
    import nbformat

    with open(path, "w", encoding="utf-8") as fh:
        nbformat.write(nb, fh)
        fh.flush()
        os.fsync(fh.fileno())


def commit_outputs(notebooks: Sequence[tuple[Path, object]], stage: Path | None = None,
                   figures: Path | None = None) -> None:
    """Write every notebook to a uniquely named temporary file next to it; only when all
    are written, move them and every staged figure into place in *figures* (default: the
    folder holding *stage*) (:func:`os.replace`, with
    Ctrl-C held off meanwhile). On any write error (e.g. a full disk) the temporary files
    are deleted and :class:`BuildWriteError` says which file; nothing is replaced."""
    temps: list[tuple[Path, Path]] = []
    try:
        for path, nb in notebooks:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            temps.append((Path(name), path))
            _write_notebook(nb, Path(name))
            with contextlib.suppress(OSError):
                os.chmod(name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        target = temps[-1][1].name if temps else "?"
        raise BuildWriteError(exc.errno, f"cannot write {target}: {exc.strerror or exc}; "
                                         "every committed notebook and figure left as it was"
                              ) from None
    # subfolders too: methods charts are staged in methods/ (syriastats.charts.sections)
    staged = sorted(p for p in stage.rglob("*") if p.is_file() and not p.name.endswith(".tmp")
                    ) if stage else []
    # the stage is a folder inside the real figures folder (see staged_figures); while the
    # build runs, figures_dir() points at the stage itself, so never ask it here
    figures = figures or (stage.parent if stage else figures_dir())
    for f in staged:  # sub-folders of figures/ (e.g. figures/methods/) exist before the moves
        (figures / f.relative_to(stage)).parent.mkdir(parents=True, exist_ok=True)
    with _sigint_held():
        for tmp, final in temps:
            os.replace(tmp, final)
        for f in staged:
            os.replace(f, figures / f.relative_to(stage))


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold off Ctrl-C (delivered afterwards) while the outputs are being replaced."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# ----------------------------------------------------------------- one build at a time


#: Name of the lock file in the figures folder; two builds of one tree take turns.
LOCK_NAME = ".build.lock"


@contextlib.contextmanager
def build_lock(folder: Path, out: IO[str] | None = None) -> Iterator[None]:
    """Hold an exclusive ``fcntl.flock`` on ``<folder>/.build.lock`` for the build.

    If another build holds it, say so on *out* (default stderr) and wait for it. The
    lock is released when the process ends, however it ends.
    """
    import fcntl

    out = out or sys.stderr
    folder.mkdir(parents=True, exist_ok=True)
    fh = open(folder / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - held until exit
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            who = fh.read().strip() or "another process"
            print(f"another build is running in this tree ({who}); waiting for it to finish "
                  "(Ctrl-C to give up)", file=out, flush=True)
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, started {time.strftime('%H:%M:%S')}\n")
        fh.flush()
        yield
    finally:
        fh.close()


def clean_stale_temps(folders: Sequence[Path], recursive: Sequence[Path] = ()) -> list[Path]:
    """Delete temporary files and folders left by a killed build (call under the lock).

    In each of *folders* (and anywhere below each of *recursive*, e.g. ``figures/``):
    hidden ``.*.tmp`` files and folders (figure, gallery and notebook temporaries,
    figure staging folders) and old-style ``*.ipynb.tmp``; in the system's temporary
    folder: kernel folders of builds that are no longer running.
    """
    removed: list[Path] = []
    for folder, deep in [(f, False) for f in folders] + [(f, True) for f in recursive]:
        if not folder.is_dir():
            continue
        glob = folder.rglob if deep else folder.glob
        for p in sorted(set(glob(".*.tmp")) | set(glob("*.ipynb.tmp"))):
            if not p.exists():  # inside a stale folder removed just before
                continue
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            removed.append(p)
    _remove_kernel_dirs(None)
    return removed


@contextlib.contextmanager
def staged_figures(folder: Path) -> Iterator[Path]:
    """A hidden staging folder inside *folder*; kernels started meanwhile write their
    charts there (``SYRIASTATS_FIGURES``). Removed afterwards, whatever happened."""
    folder.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".build-", suffix=".tmp", dir=folder))
    old = os.environ.get("SYRIASTATS_FIGURES")
    os.environ["SYRIASTATS_FIGURES"] = str(stage)
    try:
        yield stage
    finally:
        if old is None:
            os.environ.pop("SYRIASTATS_FIGURES", None)
        else:
            os.environ["SYRIASTATS_FIGURES"] = old
        shutil.rmtree(stage, ignore_errors=True)


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
    try:
        results = _locked_run(paths, jobs)
    except KeyboardInterrupt:
        print("build interrupted; committed notebooks and figures left as they were",
              file=sys.stderr)
        return 130
    except OSError as exc:  # BuildWriteError (disk full while writing), or the lock/staging
        print(f"build FAILED: {exc.strerror or exc}", file=sys.stderr)
        return 1
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


def _locked_run(paths: Sequence[Path], jobs: int | None) -> list[Result]:
    """:func:`run` under the build lock, stale temporaries cleaned, figures staged."""
    figs = figures_dir()
    with build_lock(figs):
        clean_stale_temps(sorted({p.parent for p in paths}), recursive=[figs])
        with staged_figures(figs) as stage:
            return run(paths, jobs=jobs, stage=stage)
