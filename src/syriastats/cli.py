"""Command-line interface: ``syriastats <command>`` (or ``python -m syriastats``).

Commands
--------
validate    check a data folder; exit 0 with a one-line summary, or 1 listing
            every problem as file, row, column (id) and what is wrong
check       judge claims against the registry (see ``syriastats check --help``)
check-text  find the claims in an article and judge them (``syriastats check-text --help``)
build       execute every notebook in place and export every chart
charts      draw every news chart in every cut into figures/ (syriastats.newsroom)
gallery     regenerate figures/README.md from the exported charts
dictionary  regenerate data/DICTIONARY.md from data/datapackage.json
export      write the registry joined with its sources as CSV, Parquet or Excel
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from syriastats.paths import data_dir as _data_dir


def _cmd_validate(args: argparse.Namespace) -> int:
    from syriastats.validate import validate_data_dir

    folder = _data_dir(args.data)
    if not folder.is_dir():
        print(f"syriastats validate: {folder} is not a folder", file=sys.stderr)
        return 2
    problems = validate_data_dir(folder)
    if problems:
        n = len(problems)
        print(f"{folder}: {n} problem{'s' if n != 1 else ''}", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    from syriastats.sources import load_estimates, load_sources

    src = load_sources(folder)
    est = load_estimates(folder)
    pubs = src["publisher"].nunique()
    claims = ""
    if (folder / "claims.csv").exists():
        from syriastats.sources import load_claims

        claims = f", {len(load_claims(folder))} claims"
    print(f"{folder}: OK: {len(src)} sources from {pubs} publishers, "
          f"{len(est)} estimates{claims}; no problems")
    return 0


def _json_escape_errors(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: characters the stream cannot encode as JSON ``\\uXXXX``
    escapes (surrogate pairs above U+FFFF), so JSON output stays valid JSON."""
    if not isinstance(exc, UnicodeEncodeError):  # pragma: no cover - encoding only
        raise exc
    bad = exc.object[exc.start:exc.end]
    units = bad.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}"
                   for i in range(0, len(units), 2)), exc.end


def _json_safe_stdout() -> None:
    """Make stdout write unencodable characters as JSON escapes (e.g. under
    ``PYTHONIOENCODING=ascii``) instead of Python's ``\\xb1``, which JSON cannot read."""
    import codecs

    try:
        codecs.lookup_error("syriastats-json")
    except LookupError:
        codecs.register_error("syriastats-json", _json_escape_errors)
    _stdout_errors("syriastats-json")


def _stdout_errors(handler: str) -> None:
    """Standard output encodes characters the terminal lacks with *handler* (where it can
    be reconfigured)."""
    reconf = getattr(sys.stdout, "reconfigure", None)
    if reconf is not None:
        try:
            reconf(errors=handler)
        except (ValueError, OSError):  # pragma: no cover
            pass


def _cmd_check(args: argparse.Namespace) -> int:
    from syriastats import claims

    if args.format == "json":
        _json_safe_stdout()

    known = "then" if args.known == "then" else ("now" if args.known == "now" else "both")
    return claims.cli_check(args.claims, known=known, fmt=args.format, data_dir=args.data)


def _cmd_check_text(args: argparse.Namespace) -> int:
    from syriastats.textclaims import cli as tcli

    if args.format == "json":
        _json_safe_stdout()
    elif args.format == "html":  # a character the terminal lacks as an HTML reference
        _stdout_errors("xmlcharrefreplace")
    return tcli.main(args.file, published=args.published, url=args.url, known=args.known,
                     fmt=args.format, data_dir=args.data, output=args.output)


def _cmd_build(args: argparse.Namespace) -> int:
    from syriastats import build

    return build.main(notebooks=args.notebooks, jobs=args.jobs, html=args.html)


def _cmd_charts(args: argparse.Namespace) -> int:
    from syriastats.newsroom import build_news_charts

    report = build_news_charts(only=args.only or None, jobs=args.jobs, force=args.force)
    n = sum(len(v) for v in report["written"].values())
    print(f"news charts: {len(report['written'])} drawn ({n} cuts, {report['files']} files), "
          f"{len(report['up_to_date'])} up to date, {len(report['skipped'])} skipped, "
          f"{len(report['failed'])} cuts failed; {report['seconds']:.1f} s")
    if report["failed"]:
        return 1
    return 0


def _cmd_gallery(args: argparse.Namespace) -> int:
    from syriastats.gallery import write_gallery

    path = write_gallery()
    print(f"wrote {path}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from syriastats.release import export_registry
    from syriastats.validate import RegistryError

    try:
        path = export_registry(args.format, args.out, _data_dir(args.data))
    except RegistryError as exc:
        print("syriastats export: the registry is not valid:", file=sys.stderr)
        for p in exc.problems:
            print(f"  error: {p}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"syriastats export: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _cmd_dictionary(args: argparse.Namespace) -> int:
    from syriastats.dictionary import write_dictionary

    path = write_dictionary(_data_dir(args.data))
    print(f"wrote {path}")
    return 0


def _version() -> str:
    """The installed distribution's version (the package's own when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("syriastats")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        from syriastats import __version__

        return __version__


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="syriastats",
        description="Sourced statistics of deaths and displacement in the Syrian civil war.",
    )
    parser.add_argument("--version", action="version", version=f"syriastats {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check a data folder against data/datapackage.json")
    p.add_argument("--data", metavar="DIR", help="data folder (default: the registry's data/)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("check", help="judge claims against the registry",
                       description="Judge claims (default data/claims.csv) against the sourced "
                                   "estimates. Bad rows are reported on stderr by file, row and "
                                   "column; the other rows are still judged (exit 1 if any row was bad).")
    p.add_argument("claims", nargs="?", metavar="CLAIMS.csv", help="a claims file (default: data/claims.csv)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--as-known-then", dest="known", action="store_const", const="then",
                   help="judge only against figures published on or before each claim's date")
    g.add_argument("--as-known-now", dest="known", action="store_const", const="now",
                   help="judge against everything in the registry that speaks of the claim's date")
    p.set_defaults(known="both")
    p.add_argument("--format", choices=["table", "csv", "markdown", "json"], default="table")
    p.add_argument("--data", metavar="DIR", help="data folder with sources.csv and estimates.csv")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("check-text", help="find the claims in a text and judge them",
                       description="Find every numeric claim about the war's statistics in an "
                                   "English text (UTF-8, or UTF-16 with a byte-order mark; at "
                                   "most 10 MB) and judge each against the registry.",
                       epilog="Exit codes: 0 done (also when no war statistics are found: "
                              "stderr says so); 1 the text or the registry cannot be used; "
                              "2 a bad option (--published not a YYYY-MM-DD date, in the "
                              "future or before 2011; --url not an http(s) address).")
    p.add_argument("file", metavar="FILE", help="the text file, or - for standard input")
    p.add_argument("--published", required=True, metavar="YYYY-MM-DD",
                   help="the day the text was published")
    p.add_argument("--url", help="where the text was published")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--as-known-then", dest="known", action="store_const", const="then",
                   help="judge against figures published by --published (default)")
    g.add_argument("--as-known-now", dest="known", action="store_const", const="now",
                   help="judge against every figure in the registry")
    p.set_defaults(known="then")
    p.add_argument("--format", choices=["table", "markdown", "html", "json", "csv"],
                   default="table")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write to FILE (only once complete; nothing on an error) "
                        "instead of standard output")
    p.add_argument("--data", metavar="DIR", help="data folder with sources.csv and estimates.csv")
    p.set_defaults(func=_cmd_check_text)

    p = sub.add_parser("build", help="execute notebooks in place and export charts")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel workers (default: cores)")
    p.add_argument("--html", action="store_true", help="also render HTML into html/")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("charts", help="draw the news charts in every cut into figures/")
    p.add_argument("only", nargs="*", metavar="SLUG", help="news charts to draw (default: all)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel workers (default: cores)")
    p.add_argument("--force", action="store_true", help="redraw charts that are up to date")
    p.set_defaults(func=_cmd_charts)

    p = sub.add_parser("gallery", help="regenerate figures/README.md")
    p.set_defaults(func=_cmd_gallery)

    p = sub.add_parser("export", help="write the registry joined with its sources (CSV, Parquet, Excel)",
                       description="Write every figure of the registry with its source document "
                                   "(publisher, title, date, URL, citation) as one table: "
                                   "syriastats-registry-<version>.<format> in --out.")
    p.add_argument("--format", choices=["csv", "parquet", "xlsx"], default="csv")
    p.add_argument("--out", metavar="DIR", default=".", help="folder to write to (default: .)")
    p.add_argument("--data", metavar="DIR", help="data folder (default: the registry's data/)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("dictionary", help="regenerate data/DICTIONARY.md")
    p.add_argument("--data", metavar="DIR")
    p.set_defaults(func=_cmd_dictionary)
    return parser


def _encodable_output() -> None:
    """Never fail on a character the terminal's encoding lacks (e.g. '±' under
    PYTHONIOENCODING=ascii): write it as a backslash escape instead."""
    for stream in (sys.stdout, sys.stderr):
        reconf = getattr(stream, "reconfigure", None)
        if reconf is not None:
            try:
                reconf(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a detached or closed stream
                pass


def _plain_allocator() -> None:
    """Arrow (pandas' text columns) allocates with the C library's malloc rather than its
    bundled mimalloc, unless ``ARROW_DEFAULT_MEMORY_POOL`` chooses: mimalloc keeps what each
    column conversion freed, which raised the peak memory of ``check-text`` on a long
    document by about 45 MB and of ``check`` by about 25 MB, at the same speed
    (``benchmarks/bench_claims_speed.py``)."""
    import os

    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:
        return
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pandas' text columns then use Python objects
        return
    pa.set_memory_pool(pa.system_memory_pool())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure ends in one line on stderr and a non-zero exit code
    (set ``SYRIASTATS_DEBUG=1`` to see the traceback of an unexpected error)."""
    import os

    _encodable_output()
    _plain_allocator()
    args = make_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print(f"syriastats {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `syriastats check | head`: the reader left
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:  # pragma: no cover
            pass
        return 141
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"syriastats {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: one line, not a traceback
        if os.environ.get("SYRIASTATS_DEBUG"):
            raise
        print(f"syriastats {args.command}: internal error ({type(exc).__name__}: "
              f"{str(exc)[:200]}); please report it (SYRIASTATS_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
