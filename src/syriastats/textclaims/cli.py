"""``syriastats check-text FILE|- --published DATE``: read a text, find its claims, judge them."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from syriastats.textclaims.check import MAX_TEXT_BYTES, TextCheckError, check_text
from syriastats.textclaims.render import render


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise TextCheckError(f"{name}: larger than the limit of {MAX_TEXT_BYTES:,} bytes (10 MB); "
                             "split the text and check the parts")
    return data


def read_text(path: str) -> tuple[str, str]:
    """(text, name) of *path* ('-' = standard input), decoded as UTF-8 (a BOM is dropped).

    :class:`TextCheckError` naming the file when it is missing, a folder, over 10 MB or not
    UTF-8 (with the byte offset of the first bad byte)."""
    if path == "-":
        name = "standard input"
        data = _read_limited(sys.stdin.buffer, name)
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise TextCheckError(f"{name}: no such file")
        if p.is_dir():
            raise TextCheckError(f"{name}: is a folder, not a text file")
        if p.stat().st_size > MAX_TEXT_BYTES:
            raise TextCheckError(f"{name}: {p.stat().st_size:,} bytes, larger than the limit of "
                                 f"{MAX_TEXT_BYTES:,} bytes (10 MB); split the text and check "
                                 "the parts")
        try:
            with p.open("rb") as fh:
                data = _read_limited(fh, name)
        except OSError as exc:
            raise TextCheckError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextCheckError(f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                             "save it as UTF-8 and try again") from None
    return text, name


def main(path: str, *, published: str, url: str | None = None, known: str = "then",
         fmt: str = "table", data_dir: str | None = None) -> int:
    """Run the command; return the exit code (0 done, 1 bad input or registry)."""
    from syriastats.validate import RegistryError

    try:
        text, name = read_text(path)
        res = check_text(text, published=published, url=url, known=known,  # type: ignore[arg-type]
                         data_dir=data_dir)
    except TextCheckError as exc:
        print(f"syriastats check-text: {exc}", file=sys.stderr)
        return 1
    except RegistryError as exc:
        print(f"syriastats check-text: the registry could not be loaded:\n{exc}", file=sys.stderr)
        return 1
    if res.empty:
        print(f"syriastats check-text: no war statistics found in {name}", file=sys.stderr)
    title = f"Claims in {url or name} (published {published}, as known {known})"
    sys.stdout.write(render(text, res, fmt, title=title))  # type: ignore[arg-type]
    return 0
