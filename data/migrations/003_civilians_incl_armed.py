#!/usr/bin/env python3
"""Migration 003: SOHR's 2011-2012 "civilians" counted armed rebels (group ``civilians_incl_armed``).

Until the end of 2012 the Syrian Observatory for Human Rights (SOHR) counted among the
"civilians" killed the non-military people who had taken up arms against the government
(rebels who were not defectors from the army). Press copies of its releases say so in
their own words:

- AFP, 31 October 2012 (document.no copy, https://www.document.no/2012/10/31/syria-36-000-drepte-pluss-pluss/):
  civilians, 25,667, "which includes non-military people who have taken up arms against
  President Bashar al-Assad's regime in the category";
- AFP in Arabic, same release (MTV Lebanon, https://www.mtv.com.lb/en/News/Articles/132846/):
  the Observatory counts among civilians the non-military fighters who took up arms;
- Al-Masry Al-Youm, September 2012 (https://www.masress.com/almasryalyoum/1139326): 21,534
  civilians, SOHR "counts among the civilian dead the armed opposition fighters who are not
  defectors";
- AFP via shum.bg, April 2012 (https://www.shum.bg/article/76217): the organisation counts
  the armed fighters who are not soldiers or former soldiers among the civilians.

From its June 2013 release on, SOHR gives rebel fighters as a category of their own (New
York Times, 26 June 2013, copy at
http://goodtimesweb.org/diplomacy/2013/nyt-syria-deaths-jun-27-2013.html: 36,661 civilians
and, apart, 13,539 rebel fighters and 2,015 defectors), so its later civilian tolls do not
count the same people. (All four pages read 2026-11-30 with the suite's page search.)

The registry's SOHR civilian figures whose period ends in 2012 therefore get the group
``civilians_incl_armed`` instead of ``civilians`` (:data:`ROWS`), declared with a
description in ``data/datapackage.json``. Their values are unchanged. The claim checker
compares them with a claim about civilians only as a figure of a wider definition
(``syriastats.claims.rules.COMPARATOR_RULES['civilians_incl_armed']``).

Re-runnable and idempotent (run it after 001 and 002; 001 ``--force`` resets the group); only the ``group`` cell of the listed rows changes (checked),
and a row whose group is already ``civilians_incl_armed`` is left alone.

Usage: ``python data/migrations/003_civilians_incl_armed.py [--data DIR] [--force] [--check]``
(``--check`` writes nothing and exits 1 if the file would change).
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run, write_rows  # noqa: E402  (the migrations' shared writer and CLI)

GROUP = "civilians_incl_armed"

#: estimate_id -> why: SOHR civilian counts whose period ends before its 2013 re-split.
ROWS: dict[str, str] = {
    "sohr-2012-10-civ": "AFP 31 Oct 2012: the category includes non-military people who took up arms",
    "sohr-2012-12-civ": "release of 26 Dec 2012, same definition (Al Watan/AFP say so)",
    "sohr-year-2012-v2012-civ": "SOHR's 2012 yearly count, same definition",
    "sohr-2012-03-15-civ": "release of 15 Mar 2012 (News24), before the 2013 re-split",
    "sohr-2012-03-27-civ": "release of 27 Mar 2012 (Correio Braziliense), before the 2013 re-split",
    "sohr-2012-05-08-civ": "release of 8 May 2012 (Naharnet/AFP), before the 2013 re-split",
    "sohr-2012-06-14-civ": "release of 14 Jun 2012 (Valor), before the 2013 re-split; AFP (shum.bg) says so of the same weeks' count",
}


def migrate(text: str, *, force: bool = False) -> str:
    """*text* (``estimates.csv``) with the listed rows' ``group`` set; nothing else changed."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    recs = [dict(zip(header, r)) for r in body]
    # rows absent from *text* (an older subset of the registry) are skipped
    out = []
    for rec in recs:
        new = dict(rec)
        if rec["estimate_id"] in ROWS:
            if rec["measure"] != "deaths_civilian" or rec["group"] not in ("civilians", GROUP):
                raise SystemExit(f"row {rec['estimate_id']}: expected a deaths_civilian row of "
                                 f"group civilians, found {rec['measure']} / {rec['group']}")
            new["group"] = GROUP
        assert {k: v for k, v in rec.items() if k != "group"} == \
            {k: v for k, v in new.items() if k != "group"}, rec["estimate_id"]
        out.append(new)
    return write_rows(header, out)


def summary(text: str) -> list[str]:
    """The rows of group civilians_incl_armed."""
    return [f"{r['estimate_id']:28s} {r['period_end']:12s} {r['central']:>8s} {GROUP}"
            for r in csv.DictReader(io.StringIO(text)) if r["group"] == GROUP]


if __name__ == "__main__":
    sys.exit(run(migrate, summary, __doc__))
