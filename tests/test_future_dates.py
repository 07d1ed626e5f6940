"""The "in the future" date check (syriastats.parsing.future_problem) does not depend on
the machine's time zone."""
from __future__ import annotations


def test_future_check_does_not_depend_on_the_time_zone():
    """A source read today (UTC) is not "in the future" on a machine at UTC-11, where the
    local date may still be yesterday: the check uses the date furthest ahead (UTC+14)."""
    import datetime as dt

    from syriastats import parsing

    utc_today = dt.datetime.now(dt.timezone.utc).date()
    assert parsing.latest_today() >= utc_today
    assert parsing.future_problem(utc_today.isoformat()) is None
    assert parsing.future_problem((utc_today + dt.timedelta(days=3)).isoformat()) is not None
