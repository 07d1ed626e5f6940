"""Gold-label audit for registry drift: which registry rows appeared or changed after a
gold claim was labelled, and match what the claim counts?

Each claim of the gold sets (``tests/data/gold_sentences.jsonl``, ``gold_heldout*.jsonl``)
carries a reviewer's ``verdict`` (and ``verdict_then``) written against
``data/estimates.csv`` as it stood when the claim was labelled. The registry grows every
session, so a label such as "not_checkable: the registry holds no X" can go stale. This
script lists, for every claim, the registry rows ADDED or CHANGED since the claim's
baseline commit that match the claim's measure family and its dimensions, so that a
reviewer can re-read each pair (it judges nothing itself and never runs the checker).

Baseline of a claim: the earliest commit in the gold file's history whose copy of the
claim (the claim object at the same sentence id and position) equals today's copy, i.e.
the commit that last changed its labels. The registry at that commit is
``git show COMMIT:data/estimates.csv``; the registry now is the work tree's
``data/estimates.csv``.

A row ADDED: its ``estimate_id`` is absent at the baseline. A row CHANGED: one of
``measure`` (family), ``period_type, area, host, group, perpetrator, death_scope, role,
superseded_by, period_start, period_end, low, central, high`` differs (columns present in
both versions only: the dimension columns arrived during the gold sets' first day).
Rows REMOVED since the baseline are listed too (a reviewer's figure may have gone).

A row matches a claim when
* measure family: :func:`syriastats.textclaims.gold.measure_family` of both equal (legacy
  names resolve through the registry's alias table);
* area: the claim's, else ``WORLD`` for worldwide series and ``SYR`` otherwise, and then
  also a governorate the sentence names (:data:`AREA_WORDS`: a claim labelled without an
  area may count one governorate's people);
* host: for measures about Syrians abroad, the claim's (legacy ``*_by_host`` names need
  one), else the measure's default; an unstated host of the refugee family accepts both
  aggregate series (``REGION`` and ``WORLD``) since a reviewer reads an unqualified count
  both ways;
* group: the claim's, else the measure's full group (near-full groups such as
  ``all_except_government_forces`` accepted with it);
* perpetrator (death and injury rows): rows not attributed (``all`` or empty) always;
  rows of one perpetrator only when the sentence names that perpetrator (gold claims carry
  no perpetrator column, so :data:`PERPETRATOR_WORDS` reads the quoted sentence: an
  audit aid that only widens the candidate list, never a verdict);
* period: the claim's period type is read as the checker's claim reader reads it (stated,
  else from its start and measure: :func:`_claim_window`). A LEVEL is a stock or a total
  since the war's start (start by :data:`LEVEL_START_BY`); a WINDOW is a flow or a total
  from a later start. Two levels match when their last days are within
  :data:`WINDOW_DAYS` (the claim's ``as_of``, else the article's date); two windows match
  when they overlap, their first days and their last days are each within
  :data:`WINDOW_DAYS` and their lengths differ by at most :data:`MAX_LENGTH_RATIO` times (a
  year's toll is not a month's nor the next year's, a week's arrivals not a year's); a level
  never matches a window. (This narrows "within a
  year of the claim's as_of or of its period" to figures of the same KIND of period, so
  the list stays readable; a row that counts another kind of period cannot turn a
  reviewer's verdict.)

Each pair is printed with the row's source publication date (``sources.csv``) and whether
it was published by the article's date (``then``: a row published later cannot change
``verdict_then``). Output is sorted (file order, claim order, estimate id), so two runs on
the same tree print the same text.

Usage::

    .venv/bin/python benchmarks/gold_registry_drift.py            # all gold files
    .venv/bin/python benchmarks/gold_registry_drift.py --files gold_heldout.jsonl
    .venv/bin/python benchmarks/gold_registry_drift.py --counts   # counts only
    # second pass after a merge: only rows that also differ from REV's registry
    .venv/bin/python benchmarks/gold_registry_drift.py --since main~1
    # preview another branch's registry (rows new there, not yet merged)
    .venv/bin/python benchmarks/gold_registry_drift.py --registry-rev h23a --since HEAD
"""
from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from syriastats.dimensions import NEAR_FULL_GROUPS, full_group
from syriastats.parsing import parse_date_bounds
from syriastats.textclaims.gold import measure_family

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data"
#: The gold files audited: the development set and every held-out set on disk (sorted by
#: number), so a new held-out set joins the audit without an edit here.
GOLD_FILES: tuple[str, ...] = ("gold_sentences.jsonl",) + tuple(sorted(
    (p.name for p in GOLD_DIR.glob("gold_heldout*.jsonl")),
    key=lambda n: int(re.sub(r"\D", "", n) or 1)))
#: The registry audited: None for the work tree's data/, or a git revision (--registry-rev,
#: e.g. to preview another branch's new rows before a merge).
NOW_REV: str | None = None
#: Period window (days): "within a year".
WINDOW_DAYS: int = 366
#: A total starting by this day counts from the war's start (a level, like a stock).
LEVEL_START_BY: date = date(2012, 1, 1)
#: The war's start, for totals that name no start.
WAR_START: date = date(2011, 3, 15)
#: Two windows (flows, totals from a later start) of lengths more than this ratio apart
#: count different things.
MAX_LENGTH_RATIO: float = 3.0
#: Measures of levels on a date, totals since the war's start, flows within a period.
STOCK_MEASURES = frozenset({
    "population", "idps", "idps_share", "displaced_total", "displaced_share", "refugees",
    "refugees_registered", "refugees_share", "global_forcibly_displaced", "global_idps",
    "global_refugees", "asylum_seekers_pending", "people_in_need", "wwii_displacement",
    "syrians_in_host"})
FLOW_MEASURES = frozenset({"asylum_applications_europe", "idps_new_displacements",
                           "refugee_returns", "idp_returns"})
#: Columns whose change makes a row "changed" (those present in both versions).
COMPARED: tuple[str, ...] = ("period_type", "area", "host", "group", "perpetrator",
                             "death_scope", "role", "superseded_by", "period_start",
                             "period_end", "low", "central", "high")
#: Series with a worldwide area.
WORLD_MEASURES = frozenset({"global_forcibly_displaced", "global_idps", "global_refugees",
                            "wwii_displacement"})
#: Default host of measures about Syrians abroad (families, as the checker's claims read them).
DEFAULT_HOSTS: dict[str, tuple[str, ...]] = {
    "refugees": ("REGION", "WORLD"), "refugees_share": ("WORLD",),
    "refugee_returns": ("WORLD",), "asylum_applications_europe": ("EUROPE",),
    "asylum_applications_europe_cumulative": ("EUROPE",), "asylum_seekers_pending": ("WORLD",),
    "global_refugees": ("WORLD",),
}
#: Registry perpetrator code -> words naming it in a sentence (case-insensitive regex).
PERPETRATOR_WORDS: dict[str, str] = {
    "government_and_allies": r"regime|government forces|government troops|pro-government|"
                             r"syrian army|assad(?:'s)? forces|syrian forces|government strikes",
    "russia": r"\brussia",
    "isis": r"\bisis\b|\bisil\b|islamic state|daesh",
    "international_coalition": r"coalition",
    "sdf": r"\bsdf\b|syrian democratic forces|kurdish|\bypg\b|self-management|self-administration",
    "hts": r"\bhts\b|hay.at tahrir",
    "turkey": r"turkish (?:forces|army|troops|strikes?|air|drone)|turkish-backed",
    "armed_opposition": r"opposition|rebel",
    "israel": r"israel",
    "transitional_government": r"transitional|interim government|new government|"
                               r"security forces|government forces",
    "former_regime_loyalists": r"loyalist|remnants|former regime|assad-era",
}
#: Governorate code -> words naming it in a sentence (case-insensitive regex): a claim
#: labelled without an area also matches the rows of a governorate its sentence names (an
#: audit aid like :data:`PERPETRATOR_WORDS`: it only widens the candidate list).
AREA_WORDS: dict[str, str] = {
    "SY-HL": r"aleppo|sheikh maq?s[ou]+d|ashrafi[yi]?eh|afrin", "SY-SU": r"suwa[iy]da|swei?da|suwei?da",
    "SY-HA": r"hasa[kc]a?h|hasakeh|qamishli", "SY-RA": r"raqqa|tabqa", "SY-DY": r"deir|zor\b",
    "SY-ID": r"idlib", "SY-LA": r"latakia|jableh", "SY-TA": r"tartus|banyas", "SY-HI": r"homs",
    "SY-HM": r"\bhama\b", "SY-DR": r"dara'?a|deraa", "SY-RD": r"ghouta|rural damascus|rif dimashq",
    "SY-DI": r"damascus", "SY-QU": r"quneitra",
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout


def file_history(name: str) -> list[str]:
    """Commits that changed tests/data/NAME, oldest first (commit date, then hash)."""
    out = git("log", "--format=%ct %H", "--", f"tests/data/{name}")
    rows = sorted(line.split() for line in out.splitlines() if line.strip())
    return [h for _, h in rows]


def gold_at(commit: str | None, name: str) -> list[dict[str, Any]]:
    if commit is None:
        text = (GOLD_DIR / name).read_text(encoding="utf-8")
    else:
        text = git("show", f"{commit}:tests/data/{name}")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=None)
def registry_at(commit: str | None, name: str = "estimates.csv") -> pd.DataFrame:
    """data/NAME at *commit* (None: the registry audited, :data:`NOW_REV` or the work
    tree), all columns as text."""
    commit = commit if commit is not None else NOW_REV
    if commit is None:
        return pd.read_csv(ROOT / "data" / name, dtype=str, keep_default_na=False)
    text = git("show", f"{commit}:data/{name}")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def baselines(name: str) -> dict[tuple[str, int], str]:
    """(sentence id, claim position) -> the earliest commit whose copy of the claim equals
    today's."""
    now = {(g["id"], k): c for g in gold_at(None, name) for k, c in enumerate(g["claims"])}
    found: dict[tuple[str, int], str] = {}
    for commit in file_history(name):
        for g in gold_at(commit, name):
            for k, c in enumerate(g["claims"]):
                key = (g["id"], k)
                if key in now and key not in found and c == now[key]:
                    found[key] = commit
    return found


def _day(text: str, last: bool) -> date | None:
    b = parse_date_bounds(text) if text else None
    return (b[1] if last else b[0]) if b else None


def _row_key(r: pd.Series, cols: list[str]) -> tuple:
    return (measure_family(r["measure"]),) + tuple(r[c] for c in cols)


@lru_cache(maxsize=None)
def drift_rows(base: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows added or changed since *base*, with a ``status`` column; rows removed)."""
    old, new = registry_at(base), registry_at(None)
    cols = [c for c in COMPARED if c in old.columns and c in new.columns]
    old_by = {r["estimate_id"]: r for _, r in old.iterrows()}
    status = []
    for _, r in new.iterrows():
        o = old_by.get(r["estimate_id"])
        if o is None:
            status.append("added")
        elif _row_key(o, cols) != _row_key(r, cols):
            diff = [c for c in ["measure"] + cols
                    if (measure_family(o[c]) != measure_family(r[c]) if c == "measure"
                        else o[c] != r[c])]
            status.append("changed:" + ",".join(f"{c}={o[c]!r}->{r[c]!r}" for c in diff))
        else:
            status.append("")
    out = new.assign(status=status)
    gone = old[~old["estimate_id"].isin(set(new["estimate_id"]))].assign(status="removed")
    return out[out["status"] != ""], gone


def _claim_dims(c: dict[str, Any], sentence: str) -> dict[str, Any]:
    fam = measure_family(c["measure"])
    area = c.get("area") or ("WORLD" if fam in WORLD_MEASURES else "SYR")
    areas = {area} | ({a for a, w in AREA_WORDS.items() if re.search(w, sentence, flags=re.I)}
                      if not c.get("area") and area == "SYR" else set())
    host = c.get("host")
    hosts = (host,) if host else DEFAULT_HOSTS.get(fam, ("",))
    group = c.get("group") or full_group(fam)
    groups = {group} | (set(NEAR_FULL_GROUPS) if group == full_group(fam) else set())
    perps = {"", "all"} | {p for p, w in PERPETRATOR_WORDS.items()
                           if re.search(w, sentence, flags=re.I)}
    return {"family": fam, "areas": areas, "hosts": set(hosts), "groups": groups, "perps": perps}


def matches(c: dict[str, Any], g: dict[str, Any], rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of *rows* that match claim *c* of gold sentence *g* (see the module doc)."""
    d = _claim_dims(c, g["sentence"])
    as_of = _day(c.get("as_of") or g["date"], last=True)
    win = timedelta(days=WINDOW_DAYS)
    if as_of is None:
        return rows.iloc[:0]
    claim_win = _claim_window(c, d["family"], as_of)
    keep = []
    fam = rows["measure"].map(measure_family) if len(rows) else rows["measure"]
    for i, r in rows[fam == d["family"]].iterrows():
        if r.get("area", "SYR") not in d["areas"] | {""}:
            continue
        if r.get("host", "") not in d["hosts"] and not (r.get("host", "") == "" and "" in d["hosts"]):
            continue
        if r.get("group", d["family"]) not in d["groups"] and "group" in rows.columns:
            continue
        if r.get("perpetrator", "") not in d["perps"]:
            continue
        ps, pe = _day(r["period_start"], False), _day(r["period_end"], True)
        if pe is None or as_of is None:
            continue
        row_pt = r.get("period_type", "") or ("flow" if d["family"] in FLOW_MEASURES else
                                             "stock" if d["family"] in STOCK_MEASURES else
                                             "cumulative")
        if _same_kind(_window(row_pt, ps, pe), claim_win, win.days):
            keep.append(i)
    return rows.loc[keep]


def _window(pt: str, start: date | None, end: date) -> tuple[bool, date, date]:
    """(is a level, first day, last day) of a period."""
    if pt == "stock":
        return True, end, end
    s = start or WAR_START
    return (pt != "flow" and s <= LEVEL_START_BY), s, end


def _claim_window(c: dict[str, Any], fam: str, as_of: date) -> tuple[bool, date, date]:
    """The claim's period, typed as the checker's claim reader types it (target.resolve):
    stated period_type, else cumulative from an early start, a flow for a calendar year,
    else by measure (stock, flow within the calendar year, cumulative)."""
    start = _day(c.get("period_start", ""), last=False)
    pt = c.get("period_type")
    if not pt:
        if start is not None:
            cal = (start.month, start.day, as_of.month, as_of.day) == (1, 1, 12, 31) \
                and start.year == as_of.year
            pt = ("cumulative" if start <= date(2011, 6, 30) else "flow" if cal
                  else "cumulative")
        elif fam in STOCK_MEASURES:
            pt = "stock"
        elif fam in FLOW_MEASURES:
            pt, start = "flow", date(as_of.year, 1, 1)
        else:
            pt = "cumulative" if fam.startswith(("deaths", "injured", "missing")) \
                or fam.endswith("_cumulative") else "stock"
    if pt == "flow" and start is None:
        start = date(as_of.year, 1, 1)
    return _window(pt, start, as_of)


def _same_kind(a: tuple[bool, date, date], b: tuple[bool, date, date], days: int) -> bool:
    if a[0] != b[0]:
        return False
    if abs((a[2] - b[2]).days) > days:
        return False
    if a[0]:
        return True
    if abs((a[1] - b[1]).days) > days or a[1] > b[2] or b[1] > a[2]:
        return False
    la, lb = (a[2] - a[1]).days + 1, (b[2] - b[1]).days + 1
    return max(la, lb) <= MAX_LENGTH_RATIO * min(la, lb)


@lru_cache(maxsize=1)
def published() -> dict[str, str]:
    s = registry_at(None, "sources.csv")
    return dict(zip(s["source_id"], s["published"]))


def _fmt_claim(g: dict[str, Any], k: int, c: dict[str, Any], base: str) -> str:
    dims = " ".join(f"{x}={c[x]}" for x in ("period_type", "period_start", "as_of", "area",
                                              "host", "group") if c.get(x))
    then = f" then={c['verdict_then']}" if "verdict_then" in c else ""
    return (f"CLAIM {g['id']}#{k} ({g['date']}, base {base[:7]}) {c['measure']} "
            f"{c['comparator']} {c['value']:g} {dims}\n  verdict={c['verdict']}{then}: "
            f"{c['why']}\n  sentence: {g['sentence']}")


def _fmt_row(r: pd.Series, article: str) -> str:
    pub = published().get(r["source_id"], "")
    then = "then" if pub and pub <= article else "later"
    rng = f" [{r['low']}-{r['high']}]" if r["low"] or r["high"] else ""
    return (f"  ROW {r['estimate_id']} ({r['status']}; published {pub or '?'}, {then}) "
            f"{r['measure']} {r.get('period_type', '')} {r['period_start']}..{r['period_end']} "
            f"area={r.get('area', '')} host={r.get('host', '')} group={r.get('group', '')} "
            f"perp={r.get('perpetrator', '')} role={r.get('role', '')} "
            f"central={r['central']}{rng} {r['qualifier']}\n      scope: {r['scope']}")


def audit(name: str, counts_only: bool = False,
          since: str | None = None) -> tuple[int, int, int]:
    """Print the candidate pairs of gold file *name*; return (claims, claims with a
    candidate, pairs). *since*: keep only rows that also differ from the registry at that
    revision (a second pass after merging new registry rows)."""
    base = baselines(name)
    n_claims = n_hit = n_pairs = 0
    lines = []
    for g in gold_at(None, name):
        for k, c in enumerate(g["claims"]):
            n_claims += 1
            commit = base.get((g["id"], k))
            if commit is None:  # not committed yet: labelled against the work tree
                continue
            added, gone = drift_rows(commit)
            if since is not None:
                fresh, fresh_gone = drift_rows(since)
                added = added[added["estimate_id"].isin(set(fresh["estimate_id"]))]
                gone = gone[gone["estimate_id"].isin(set(fresh_gone["estimate_id"]))]
            hit = matches(c, g, added)
            lost = matches(c, g, gone)
            if len(hit) == 0 and len(lost) == 0:
                continue
            n_hit += 1
            n_pairs += len(hit) + len(lost)
            if counts_only:
                continue
            lines.append(_fmt_claim(g, k, c, commit))
            for _, r in pd.concat([hit, lost]).sort_values("estimate_id").iterrows():
                lines.append(_fmt_row(r, g["date"]))
    print(f"== {name}: {n_claims} claims, {n_hit} with candidates, {n_pairs} pairs; "
          f"baselines {len(set(base.values()))} commits")
    if lines:
        print("\n".join(lines))
    return n_claims, n_hit, n_pairs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", nargs="*", default=list(GOLD_FILES))
    ap.add_argument("--counts", action="store_true", help="print counts only")
    ap.add_argument("--since", default=None,
                    help="a git revision: only rows that also differ from its registry")
    ap.add_argument("--registry-rev", default=None,
                    help="audit the registry (estimates.csv, sources.csv) of this git revision "
                         "instead of the work tree's")
    a = ap.parse_args(argv)
    global NOW_REV
    NOW_REV = git("rev-parse", a.registry_rev).strip() if a.registry_rev else None
    since = git("rev-parse", a.since).strip() if a.since else None
    tot = [0, 0, 0]
    for name in a.files:
        for i, v in enumerate(audit(name, a.counts, since)):
            tot[i] += v
    print(f"== total: {tot[0]} claims, {tot[1]} with candidates, {tot[2]} pairs")


if __name__ == "__main__":
    main()
