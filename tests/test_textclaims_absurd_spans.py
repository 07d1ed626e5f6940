"""A span longer than any calendar ("in the past 99999999999 days") must not crash the reader
(the guide: bad input gets a clear result, never a traceback); it reads as the whole war."""
from __future__ import annotations

import syriastats


def test_absurd_span_of_days_reads_without_error() -> None:
    out = syriastats.check_text("In the past 99999999999 days, 30,000 people have been "
                                "displaced in Idlib.", published="2025-01-10")
    assert len(out) >= 1
    # no period may start before the war (15 March 2011) for such a span
    assert all(str(p) >= "2011-03-15" for p in out["period_start"] if p)
