"""Show :func:`~syriastats.textclaims.check.check_text` results: a plain table, Markdown or
HTML (the text with each claim highlighted and its verdict beside it), JSON or CSV.

The table, Markdown and HTML say how to read them: the publication date, whether the
claims were judged "as known then" or "as known now", the registry's version, size and
newest figure (when given in *about*), and what each verdict class means, including
``not_checkable`` (no verdict: the registry lacks a comparable figure).

HTML is one self-contained page (inline CSS, no scripts, no external resources), with
every piece of text escaped. CSV cells that a spreadsheet would run as a formula (text
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with
``'``. JSON keeps the text exactly as read (it is data
for programs: ``start``/``end`` index the text).
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from syriastats.textclaims.check import VERDICT_CLASSES
from syriastats.textclaims.sentences import split_sentences

FORMATS = ("table", "markdown", "html", "json", "csv")

_TABLE_COLS = ["#", "claim", "measure", "scope", "comparator", "value", "as_of", "verdict_class", "figures"]
_COLOURS = {"consistent": "#d8efd3", "overstated": "#f7d4cf", "understated": "#f7e1c4",
            "misscoped": "#e5daf2", "contested": "#fbf0b8", "not_checkable": "#e4e6ea"}
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def escape_formula(value: object) -> object:
    """A CSV cell that cannot run as a spreadsheet formula: text starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return gets a leading ``'``; other values unchanged."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


#: The comparator codes in words, as the verdict lines show them.
COMPARATOR_WORDS: dict[str, str] = {"about": "about", "at_least": "at least",
                                    "at_most": "at most", "less_than": "less than"}

#: How to read ``not_checkable``, shown with the verdict classes.
NOT_CHECKABLE_NOTE = ("not_checkable is not a verdict on the claim: the registry holds no figure "
                      "comparable with it (the line gives the reason), so it is neither confirmed "
                      "nor refuted; check it against another source.")


def registry_about(estimates: pd.DataFrame, data_dir: str | Path | None = None) -> dict[str, Any]:
    """What the judged-against registry is: ``version`` (the data package's, from
    ``datapackage.json`` in *data_dir*), ``figures`` (rows of *estimates*) and ``newest`` (the
    latest publication date of a figure, ``YYYY-MM-DD``)."""
    from syriastats.paths import data_dir as _data_dir

    version = ""
    try:
        desc = json.loads((_data_dir(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
        version = str(desc.get("version", ""))
    except (OSError, ValueError):
        pass
    pub = pd.to_datetime(estimates["published"], errors="coerce") \
        if "published" in estimates.columns else pd.Series(dtype="datetime64[ns]")
    newest = pub.max()
    return {"version": version, "figures": int(len(estimates)),
            "newest": "" if pd.isna(newest) else newest.strftime("%Y-%m-%d")}


def about_lines(res: pd.DataFrame, about: Mapping[str, Any] | None = None) -> list[str]:
    """Plain sentences that say how the claims were judged: publication date, 'as known
    then/now', the registry (when *about* gives them); the verdict classes are separate
    (:data:`VERDICT_CLASSES`, :data:`NOT_CHECKABLE_NOTE`)."""
    about = dict(about or {})
    known = about.get("known") or (str(res["known"].iloc[0]) if "known" in res.columns
                                   and len(res) else "")
    pub = str(about.get("published") or "")
    lines = []
    if pub:
        lines.append(f"Published {pub}.")
    if known == "then":
        cut = f"on or before {pub}" if pub else "by the text's publication date"
        lines.append(f"Judged as known then: only against figures published {cut}, what the "
                     "writer could have known (--as-known-now judges against every figure).")
    elif known == "now":
        lines.append("Judged as known now: against every figure in the registry, including "
                     "those published after the text (--as-known-then judges against what "
                     "could be known then).")
    reg = about.get("registry") or {}
    if reg:
        parts = [f"version {reg['version']}" if reg.get("version") else "",
                 f"{int(reg['figures']):,} figures" if reg.get("figures") is not None else "",
                 f"the newest published {reg['newest']}" if reg.get("newest") else ""]
        lines.append("Registry: " + ", ".join(p for p in parts if p) + ".")
    lines.append("Each claim: its verdict class, what the checker read (measure, the claim's "
                 "hedge and number, the date it speaks of), then why, with the ids of the "
                 "registry figures used in brackets. Check that the highlighted words are "
                 "what the text claims.")
    return lines


def _claim_read(r: Any) -> str:
    """'deaths_total, at least 500,000, as of 2018-03-12' (and the detailed verdict when it
    says more than the class)."""
    detail = "" if str(r.verdict) == str(r.verdict_class) else f"{r.verdict}; "
    scope = _scope_txt(r)
    when = (f"from {r.period_start} to {r.as_of}" if str(getattr(r, "period_type", "")) == "flow"
            and str(getattr(r, "period_start", "") or "") not in ("", "nan", "None")
            else f"as of {r.as_of}")
    return (f"{detail}{r.measure}{', ' + scope if scope else ''}, {_comp_txt(r.comparator)} "
            f"{_value_txt(float(r.value), str(r.measure))}, {when}")


def _comp_txt(comparator: object) -> str:
    return COMPARATOR_WORDS.get(str(comparator), str(comparator).replace("_", " "))


def _scope_txt(r: Any) -> str:
    """The claim's place and group when they are not the default (all of Syria, everyone):
    'in LBN', 'area SY-HL', 'children'."""
    def val(name: str) -> str:
        v = getattr(r, name, "")
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)

    parts = []
    if val("host"):
        parts.append(f"in {val('host')}")
    if val("area") not in ("", "SYR"):
        parts.append(f"area {val('area')}")
    if val("group") not in ("", "all"):
        parts.append(val("group"))
    return " ".join(parts)


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


def _md_legend() -> list[str]:
    return (["How to read the verdicts:", ""]
            + [f"- **{k}**: {_md_escape(v)}" for k, v in VERDICT_CLASSES.items()]
            + ["", _md_escape(NOT_CHECKABLE_NOTE), ""])


def to_markdown(text: str, res: pd.DataFrame, *, title: str = "Claims in the text",
                about: Mapping[str, Any] | None = None) -> str:
    """The text, sentence by sentence; each claim **highlighted** with a number and, under
    its sentence, the verdict class and explanation. Opens with how the claims were judged
    (:func:`about_lines`) and what the verdict classes mean."""
    lines = [f"# {_md_escape(title)}", ""]
    lines += [" ".join(_md_escape(x) for x in about_lines(res, about)), ""]
    if res.empty:
        return "\n".join(lines + ["No war statistics found in the text.", ""])
    counts = res["verdict_class"].value_counts()
    lines.append("Verdicts: " + ", ".join(f"{k} {int(counts[k])}" for k in VERDICT_CLASSES
                                          if k in counts) + ".")
    lines.append("")
    lines += _md_legend()
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
            lines.append(f"> [{n}] **{_md_escape(str(r.verdict_class))}** "
                         f"({_md_escape(_claim_read(r))}): {_md_escape(str(r.explanation))}")
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
details summary{cursor:pointer;color:#444}
.legend span{display:inline-block;margin-right:.8rem;padding:0 .3rem;border-radius:.2rem;font-family:Helvetica,Arial,sans-serif;font-size:.8rem}
""".strip()


_FIRST_SENTENCE = re.compile(r"^(.{20,700}?[.])\s+(?=[A-Z(])", re.S)


def _html_explanation(expl: str) -> str:
    """The explanation's first sentence (what the verdict says), then the rest (figures,
    ranges, reading rules) folded in a ``<details>`` element: no script needed."""
    e = html.escape
    m = _FIRST_SENTENCE.match(expl)
    if not m or len(expl) - m.end() < 80:
        return e(expl)
    return (f"{e(m.group(1))}<details><summary>why: figures and reading rules</summary>"
            f"{e(expl[m.end():])}</details>")


def to_html(text: str, res: pd.DataFrame, *, title: str = "Claims in the text",
            about: Mapping[str, Any] | None = None) -> str:
    """A self-contained HTML page: the text with each claim highlighted (colour = verdict
    class) and, beside each sentence, the verdicts and explanations. No scripts."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(title)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>{e(title)}</h1>"]
    out.append("<p>" + " ".join(e(x) for x in about_lines(res, about)) + "</p>")
    out.append('<p class="legend">' + "".join(
        f'<span style="background:{_COLOURS[k]}">{e(k)}: {e(v)}</span>'
        for k, v in VERDICT_CLASSES.items()) + "</p>")
    out.append(f"<p>{e(NOT_CHECKABLE_NOTE)}</p>")
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
                        f'<sup><a href="#c{n}">{n}</a></sup> <b>{e(cls)}</b> '
                        f"({e(_claim_read(r))})<br>{_html_explanation(str(r.explanation))}</div>")
        out.append(f'<div class="row"><div class="text">{"".join(parts)}</div>'
                   f'<div class="side">{"".join(side)}</div></div>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_table(res: pd.DataFrame, *, title: str = "", about: Mapping[str, Any] | None = None
             ) -> str:
    """A plain-text table, one line per claim, under *title* and how the claims were judged
    (:func:`about_lines`) and above what the verdict classes mean; the explanations are in
    the other formats."""
    head = ([title] if title else []) + about_lines(res, about)[:-1]
    if res.empty:
        return "\n".join(head + ["", "No war statistics found in the text."]) + "\n"
    rows = list(res.itertuples(index=False))
    disp = pd.DataFrame({
        "#": range(1, len(res) + 1), "claim": res["claim_text"].astype(str),
        "measure": res["measure"], "scope": [_scope_txt(r) for r in rows],
        "comparator": [_comp_txt(c) for c in res["comparator"]],
        "value": [_value_txt(float(v), str(m)) for v, m in zip(res["value"], res["measure"])],
        "as_of": res["as_of"], "verdict_class": res["verdict_class"],
        "figures": res["figures"].astype(str)}, columns=_TABLE_COLS)
    widths = {c: max(len(c), *(len(str(v)) for v in disp[c])) for c in disp.columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in disp.columns),
             "  ".join("-" * widths[c] for c in disp.columns)]
    for row in disp.itertuples(index=False):
        lines.append("  ".join(str(v).ljust(widths[c]) for c, v in zip(disp.columns, row)).rstrip())
    legend = ["", "Verdict classes:"] + [f"  {k}: {v}" for k, v in VERDICT_CLASSES.items()]
    legend += [NOT_CHECKABLE_NOTE, "The explanations: --format markdown or html."]
    return "\n".join(head + [""] + lines + legend) + "\n"


def render(text: str, res: pd.DataFrame,
           fmt: Literal["table", "markdown", "html", "json", "csv"], *,
           title: str = "Claims in the text", about: Mapping[str, Any] | None = None) -> str:
    """*res* (from check_text on *text*) in format *fmt*. *about* (optional): ``published``
    (YYYY-MM-DD), ``known`` ('then' or 'now'; default: *res*'s ``known`` column) and
    ``registry`` (:func:`registry_about`), shown by the table, Markdown and HTML."""
    if fmt == "table":
        return to_table(res, title=title, about=about)
    if fmt == "markdown":
        return to_markdown(text, res, title=title, about=about)
    if fmt == "html":
        return to_html(text, res, title=title, about=about)
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
