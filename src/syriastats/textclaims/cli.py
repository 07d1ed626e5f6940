"""``syriastats check-text FILE|- --published DATE``: read a text, find its claims, judge them.

Exit codes: 0 done (also when the text holds no war statistics: "no war statistics found"
on stderr and an output that says so); 1 the text cannot be used (missing, a folder, empty,
over 10 MB, not UTF-8) or the registry cannot be loaded; 2 a bad option value (``--published``
that is not a date, in the future or before the war; ``--url`` that is not a web address),
as argparse does for a missing option. Every error is one line on stderr naming the file or
option, what is wrong and what to do; nothing is written to standard output or to
``--output`` then, and an existing ``--output`` file is left as it was.

Encodings: UTF-8, with or without a byte-order mark; UTF-16 *with* a byte-order mark (as
Windows Notepad saves "Unicode") is decoded too. Anything else (Latin-1, UTF-16 without a
byte-order mark, a binary file) is refused, naming the first bad byte.
"""
from __future__ import annotations

import codecs
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import pandas as pd

from syriastats.textclaims.check import MAX_TEXT_BYTES, TextCheckError, check_text, parse_published
from syriastats.textclaims.render import registry_about, render

#: Exit code for a bad option value (argparse's code for usage errors).
USAGE_ERROR = 2


class UsageError(TextCheckError):
    """A bad option value (``--published``, ``--url``): exit code :data:`USAGE_ERROR`."""


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise TextCheckError(f"{name}: larger than the limit of {MAX_TEXT_BYTES:,} bytes (10 MB); "
                             "split the text and check the parts")
    return data


def decode_text(data: bytes, name: str) -> str:
    """*data* decoded: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark.

    :class:`TextCheckError` naming *name* for anything else: bytes that are not UTF-8 (the
    offset of the first), or NUL bytes (UTF-16 without a byte-order mark, or not a text)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise TextCheckError(f"{name}: UTF-32 text, which is not supported; "
                             "save it as UTF-8 and try again")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TextCheckError(f"{name}: starts like UTF-16 text but is not (byte {exc.start}); "
                                 "save it as UTF-8 and try again") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TextCheckError(f"{name}: not UTF-8 text (byte {exc.start}: "
                                 f"{data[exc.start:exc.start + 1]!r}); save it as UTF-8 and "
                                 "try again") from None
    nul = text.find("\x00")
    if nul >= 0:
        raise TextCheckError(f"{name}: holds NUL characters (the first at character {nul}): "
                             "UTF-16 without a byte-order mark, or not a text file; save it as "
                             "UTF-8 and try again")
    return text


def read_text(path: str) -> tuple[str, str]:
    """(text, name) of *path* ('-' = standard input), decoded by :func:`decode_text`.

    :class:`TextCheckError` naming the file when it is missing, a folder, over 10 MB, not
    UTF-8 (with the byte offset of the first bad byte) or empty."""
    if path == "-":
        name = "standard input"
        data = _read_limited(sys.stdin.buffer, name)
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise TextCheckError(f"{name}: no such file; give the path of a text file, "
                                 "or - to read standard input")
        if p.is_dir():
            raise TextCheckError(f"{name}: is a folder, not a text file; give one file")
        if p.stat().st_size > MAX_TEXT_BYTES:
            raise TextCheckError(f"{name}: {p.stat().st_size:,} bytes, larger than the limit of "
                                 f"{MAX_TEXT_BYTES:,} bytes (10 MB); split the text and check "
                                 "the parts")
        try:
            with p.open("rb") as fh:
                data = _read_limited(fh, name)
        except OSError as exc:
            raise TextCheckError(f"{name}: cannot be read ({exc.strerror})") from None
    text = decode_text(data, name)
    if not text.strip():
        raise TextCheckError(f"{name}: the text is empty (nothing but white space); "
                             "nothing to check")
    return text, name


def check_url(url: str | None) -> str | None:
    """*url* if it is an http(s) web address, else :class:`UsageError`."""
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url.strip():
        raise UsageError(f"--url {url!r} is not a web address: give the address the text was "
                         "published at, starting with http:// or https://")
    return url.strip()


def check_output(output: str | None) -> Path | None:
    """The ``--output`` path, or :class:`UsageError` if it is a folder or its folder is
    missing (checked before the text is read, so a long run does not end in that error)."""
    if output is None or output == "-":
        return None
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"--output {output}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"--output {output}: the folder {target.parent} does not exist; "
                         "create it or give another file name")
    return target


def write_output(content: str, output: str | None) -> None:
    """*content* to standard output, or to the file *output* atomically (a temporary file in
    the same folder, moved into place only when complete: an interrupted run leaves no
    partial file and an existing file untouched)."""
    if output is None or output == "-":
        sys.stdout.write(content)
        return
    target = check_output(output)
    assert target is not None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_registry(data_dir: str | None) -> pd.DataFrame:
    from syriastats.sources import load_estimates, load_sources, with_sources

    return with_sources(load_estimates(data_dir), load_sources(data_dir))


def main(path: str, *, published: str, url: str | None = None, known: str = "then",
         fmt: str = "table", data_dir: str | None = None, output: str | None = None) -> int:
    """Run the command; return the exit code (0 done, 1 bad text or registry, 2 bad option)."""
    from syriastats.validate import RegistryError

    try:
        pub = parse_published(published)
        url = check_url(url)
        check_output(output)
        if known not in ("then", "now"):
            raise UsageError(f"known must be 'then' or 'now', not {known!r}")
    except TextCheckError as exc:
        print(f"syriastats check-text: {_option_message(exc, published)}", file=sys.stderr)
        return USAGE_ERROR
    try:
        text, name = read_text(path)
        est = _load_registry(data_dir)
        res = check_text(text, published=pub, url=url, known=known,  # type: ignore[arg-type]
                         estimates=est)
    except TextCheckError as exc:
        print(f"syriastats check-text: {exc}", file=sys.stderr)
        return 1
    except RegistryError as exc:
        print(f"syriastats check-text: the registry could not be loaded:\n{exc}", file=sys.stderr)
        return 1
    if res.empty:
        print(f"syriastats check-text: no war statistics found in {name}", file=sys.stderr)
    about: dict[str, Any] = {"published": pub.strftime("%Y-%m-%d"), "known": known,
                             "registry": registry_about(est, data_dir)}
    title = f"Claims in {url or name}"
    try:
        write_output(render(text, res, fmt, title=title, about=about),  # type: ignore[arg-type]
                     output)
    except UsageError as exc:
        print(f"syriastats check-text: {exc}", file=sys.stderr)
        return USAGE_ERROR
    return 0


def _option_message(exc: TextCheckError, published: str) -> str:
    msg = str(exc)
    if msg.startswith("published date"):
        return "--" + msg
    return msg
