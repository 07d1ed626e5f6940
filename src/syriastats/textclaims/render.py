"""Show :func:`~syriastats.textclaims.check.check_text` results: a plain table, Markdown or
HTML (the text with each claim highlighted and its verdict beside it), JSON or CSV.

HTML is one self-contained page (inline CSS, no scripts, no external resources), with
every piece of text escaped. CSV cells that a spreadsheet would run as a formula (text
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with
``'``.
"""
from __future__ import annotations

import html
import json
import re
from typing import Literal

import pandas as pd

from syriastats.textclaims.check import VERDICT_CLASSES
from syriastats.textclaims.sentences import split_sentences

FORMATS = ("table", "markdown", "html", "json", "csv")

_TABLE_COLS = ["#", "claim", "measure", "comparator", "value", "as_of", "verdict_class", "figures"]
_COLOURS = {"consistent": "#d8efd3", "overstated": "#f7d4cf", "understated": "#f7e1c4",
            "misscoped": "#e5daf2", "contested": "#fbf0b8", "not_checkable": "#e4e6ea"}
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def escape_formula(value: object) -> object:
    """A CSV cell that cannot run as a spreadsheet formula: text starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return gets a leading ``'``; other values unchanged."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def _value_txt(v: float, measure: str) -> str:
    if measure.endswith("_share"):
        return f"{100 * v:.0f}%"
    if measure == "war_duration_years":
        return f"{v:g} years"
    return f"{v:,.0f}"


def _md_escape(s: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", s)


def _spans(text: str, res: pd.DataFrame) -> list[tuple[int, int, int]]:
    """(start, end, claim number) of each highlighted claim, non-overlapping, in order."""
    out: list[tuple[int, int, int]] = []
    last = -1
    for n, r in enumerate(res.itertuples(index=False), start=1):
        s, e = int(r.start), int(r.end)
        if s >= last and e <= len(text):
            out.append((s, e, n))
            last = e
    return out


def to_markdown(text: str, res: pd.DataFrame, *, title: str = "Claims in the text") -> str:
    """The text, sentence by sentence; each claim **highlighted** with a number and, under
    its sentence, the verdict class and explanation."""
    lines = [f"# {_md_escape(title)}", ""]
    if res.empty:
        return "\n".join(lines + ["No war statistics found in the text.", ""])
    counts = res["verdict_class"].value_counts()
    lines.append("Verdicts: " + ", ".join(f"{k} {int(counts[k])}" for k in VERDICT_CLASSES
                                          if k in counts) + ".")
    lines.append("")
    spans = _spans(text, res)
    rows = list(res.itertuples(index=False))
    for sent in split_sentences(text):
        inside = [(s, e, n) for s, e, n in spans if sent.start <= s and e <= sent.end]
        pos, parts = sent.start, []
        for s, e, n in inside:
            parts.append(_md_escape(text[pos:s]))
            parts.append(f"**{_md_escape(text[s:e])}** [{n}]")
            pos = e
        parts.append(_md_escape(text[pos:sent.end]))
        lines.append("".join(parts).replace("\n", " "))
        for s, e, n in inside:
            r = rows[n - 1]
            lines.append(f"> [{n}] **{r.verdict_class}** ({r.verdict}; {r.measure}, "
                         f"{r.comparator} {_value_txt(float(r.value), str(r.measure))}, as of "
                         f"{r.as_of}): {_md_escape(str(r.explanation))}")
        lines.append("")
    return "\n".join(lines)


_CSS = """
body{font-family:Georgia,serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-family:Helvetica,Arial,sans-serif;font-size:1.4rem}
.row{display:grid;grid-template-columns:3fr 2fr;gap:1.5rem;border-top:1px solid #eee;padding:.6rem 0}
.text{line-height:1.6}
mark{padding:0 .15em;border-radius:.2em}
sup{font-family:Helvetica,Arial,sans-serif;font-size:.7em}
.verdict{font-family:Helvetica,Arial,sans-serif;font-size:.85rem;margin:0 0 .5rem 0;padding:.4rem .6rem;border-radius:.3rem}
.verdict b{text-transform:uppercase;letter-spacing:.03em}
.legend span{display:inline-block;margin-right:.8rem;padding:0 .3rem;border-radius:.2rem;font-family:Helvetica,Arial,sans-serif;font-size:.8rem}
""".strip()


def to_html(text: str, res: pd.DataFrame, *, title: str = "Claims in the text") -> str:
    """A self-contained HTML page: the text with each claim highlighted (colour = verdict
    class) and, beside each sentence, the verdicts and explanations. No scripts."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(title)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>{e(title)}</h1>"]
    out.append('<p class="legend">' + "".join(
        f'<span style="background:{_COLOURS[k]}">{e(k)}: {e(v)}</span>'
        for k, v in VERDICT_CLASSES.items()) + "</p>")
    if res.empty:
        out.append("<p>No war statistics found in the text.</p></body></html>")
        return "\n".join(out) + "\n"
    spans = _spans(text, res)
    rows = list(res.itertuples(index=False))
    for sent in split_sentences(text):
        inside = [(s, t, n) for s, t, n in spans if sent.start <= s and t <= sent.end]
        pos, parts = sent.start, []
        for s, t, n in inside:
            cls = str(rows[n - 1].verdict_class)
            parts.append(e(text[pos:s]))
            parts.append(f'<mark style="background:{_COLOURS.get(cls, "#eee")}" '
                         f'id="c{n}">{e(text[s:t])}</mark><sup>{n}</sup>')
            pos = t
        parts.append(e(text[pos:sent.end]))
        side = []
        for s, t, n in inside:
            r = rows[n - 1]
            cls = str(r.verdict_class)
            side.append(f'<div class="verdict" style="background:{_COLOURS.get(cls, "#eee")}">'
                        f"<sup>{n}</sup> <b>{e(cls)}</b> ({e(str(r.verdict))}; "
                        f"{e(str(r.measure))}, {e(str(r.comparator))} "
                        f"{e(_value_txt(float(r.value), str(r.measure)))}, as of {e(str(r.as_of))})"
                        f"<br>{e(str(r.explanation))}</div>")
        out.append(f'<div class="row"><div class="text">{"".join(parts)}</div>'
                   f'<div class="side">{"".join(side)}</div></div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_table(res: pd.DataFrame) -> str:
    """A plain-text table, one line per claim."""
    if res.empty:
        return "No war statistics found in the text.\n"
    disp = pd.DataFrame({
        "#": range(1, len(res) + 1), "claim": res["claim_text"].astype(str),
        "measure": res["measure"], "comparator": res["comparator"],
        "value": [_value_txt(float(v), str(m)) for v, m in zip(res["value"], res["measure"])],
        "as_of": res["as_of"], "verdict_class": res["verdict_class"],
        "figures": res["figures"].astype(str)}, columns=_TABLE_COLS)
    widths = {c: max(len(c), *(len(str(v)) for v in disp[c])) for c in disp.columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in disp.columns),
             "  ".join("-" * widths[c] for c in disp.columns)]
    for row in disp.itertuples(index=False):
        lines.append("  ".join(str(v).ljust(widths[c]) for c, v in zip(disp.columns, row)).rstrip())
    return "\n".join(lines) + "\n"


def render(text: str, res: pd.DataFrame,
           fmt: Literal["table", "markdown", "html", "json", "csv"], *,
           title: str = "Claims in the text") -> str:
    """*res* (from check_text on *text*) in format *fmt*."""
    if fmt == "table":
        return to_table(res)
    if fmt == "markdown":
        return to_markdown(text, res, title=title)
    if fmt == "html":
        return to_html(text, res, title=title)
    if fmt == "json":
        recs = json.loads(res.to_json(orient="records", force_ascii=False))
        return json.dumps(recs, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        safe = res.copy()
        for c in safe.columns:
            if safe[c].dtype == object or pd.api.types.is_string_dtype(safe[c]):
                safe[c] = safe[c].astype(object).map(escape_formula)
        return safe.to_csv(index=False, lineterminator="\n")
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
