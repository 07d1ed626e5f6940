"""The CSV reader of the validator (:func:`syriastats.validate.read_csv_text`): records read
one at a time keep their line numbers, and repeated texts are shared between rows."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from syriastats import validate as V


@pytest.mark.parametrize("text", [
    "a,b\n1,2\n3,4\n",
    "a,b\r\n1,2\r\n3,4",
    "a,b\r1,2\r3,4\r",
    "a,b\n\"x\ny\",2\r\n\r\n3,\"4\r5\"\n",
    "\n\n",
    "a\u2028b,c\x0cd\x1ce\x85f\n1,2\n",  # line breaks only for str.splitlines, not for CSV
])
def test_lines_are_those_stringio_gives(text: str) -> None:
    assert list(V._lines(text)) == list(io.StringIO(text, newline=""))


def test_line_numbers_count_line_breaks_inside_quoted_cells(tmp_path: Path) -> None:
    # line 1 header; record 1 spans lines 2-4 (two breaks inside quotes); line 5 is blank;
    # record 2 on line 6 has three fields; record 3 starts on line 7 (CR line ends)
    p = tmp_path / "t.csv"
    p.write_bytes(b'id,note\r\nx1,"one\r\ntwo\rthree"\r\n\r\nx2,b,c\r\nx3,"four\nfive"\r\n')
    table, problems = V.read_csv_text(p)
    assert table is not None
    assert [line for line, _ in table.rows] == [2, 7]
    assert table.rows[0][1] == {"id": "x1", "note": "one\r\ntwo\rthree"}
    assert table.rows[1][1] == {"id": "x3", "note": "four\nfive"}
    assert [(p.row, p.message) for p in problems] == [(6, "has 3 fields but the header has 2")]


def test_malformed_csv_names_its_line(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text('id,note\nx1,ok\nx2,"bad"x\n', encoding="utf-8")
    table, problems = V.read_csv_text(p)
    assert table is None
    assert len(problems) == 1 and problems[0].row == 3 and "malformed CSV" in problems[0].message


def test_repeated_texts_are_one_object(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text("id,measure\n" + "".join(f"c{i},deaths_total\n" for i in range(50)),
                 encoding="utf-8")
    table, problems = V.read_csv_text(p)
    assert table is not None and not problems
    first = table.rows[0][1]["measure"]
    assert all(rec["measure"] is first for _, rec in table.rows)
    assert len({id(rec["id"]) for _, rec in table.rows}) == 50


def test_shared_texts_stop_growing_at_the_bound(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(V, "SHARED_TEXTS_MAX", 3)
    p = tmp_path / "t.csv"
    p.write_text("id,v\n" + "".join(f"c{i},{i % 5}\n" for i in range(20)), encoding="utf-8")
    table, _ = V.read_csv_text(p)
    assert table is not None
    # every value still read as written, past the bound as before it
    assert [rec["v"] for _, rec in table.rows] == [str(i % 5) for i in range(20)]
