"""Set-up time on a fresh clone: `make setup` (uv) versus plain pip, no caches.

Clones this repository's HEAD into a temporary folder and times, in one run:

A. ``make setup`` (venv + pinned uv + ``uv pip install -r requirements.lock`` + the
   package), and
B. ``python3 -m venv v && v/bin/pip install -r requirements.lock`` (the plain way),

both with caches off (``PIP_NO_CACHE_DIR=1 UV_NO_CACHE=1``), so each downloads
every pinned package. Prints both wall times and A/B (goal: at most 1/3).
Needs the package index; takes a few minutes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _timed(cmd: str, cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, shell=True, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if res.returncode != 0:
        sys.exit(f"failed: {cmd}\n{res.stderr[-2000:]}")
    return seconds


def main() -> None:
    env = dict(os.environ, PIP_NO_CACHE_DIR="1", UV_NO_CACHE="1")
    python = shutil.which("python3.11") or shutil.which("python3") or sys.executable
    with tempfile.TemporaryDirectory(prefix="syriastats-setup-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        a = _timed(f"make setup PYTHON={python}", clone, env)
        b = _timed(f"{python} -m venv v && v/bin/pip install --quiet -r requirements.lock",
                   clone, env)
    print(f"make setup (uv), fresh clone, no cache: {a:6.1f} s")
    print(f"venv + pip install -r requirements.lock:  {b:6.1f} s")
    print(f"ratio uv/pip: {a / b:.2f} (goal <= 0.33)")


if __name__ == "__main__":
    main()
