"""TEST DATA ONLY: a small hand-made registry in the real structure (dimension columns
included) for the news-chart tests. Every number here is made up to exercise the code
and is NOT a statistic about Syria; publishers are called "Test ..." so a stray figure
can never pass for a real one."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["estimate_id", "source_id", "measure", "scope", "period_type", "area", "host",
           "group", "perpetrator", "role", "superseded_by", "method", "period_start",
           "period_end", "low", "central", "high", "qualifier", "range_type", "range_level",
           "margin", "publisher", "published"]

DOC = "Test Documenters (TDOC)"
EST = "Test Estimators (TEST)"
AGENCY = "Test Agency (TAG)"
EVENTS = "Test Event Coders (TEV)"


def _row(i: int, measure: str, central: float, start: str, end: str, *, publisher: str = DOC,
         method: str = "documented_count", period_type: str = "cumulative", area: str = "SYR",
         host: str = "", group: str = "all", perpetrator: str = "", role: str = "headline",
         low: float | None = None, high: float | None = None, range_type: str = "none") -> dict:
    return {"estimate_id": f"test-{i:03d}", "source_id": "test-src-" + publisher.split("(")[1].rstrip(")").lower(),
            "measure": measure, "scope": "TEST DATA", "period_type": period_type, "area": area,
            "host": host, "group": group, "perpetrator": perpetrator, "role": role,
            "superseded_by": "", "method": method, "period_start": pd.Timestamp(start),
            "period_end": pd.Timestamp(end), "low": low, "central": float(central), "high": high,
            "qualifier": "exact", "range_type": range_type, "range_level": None, "margin": None,
            "publisher": publisher, "published": pd.Timestamp(end)}


def registry() -> pd.DataFrame:
    """The test registry (estimates joined with sources), one row per made-up figure."""
    rows, i = [], 0

    def add(*a, **k):
        nonlocal i
        i += 1
        rows.append(_row(i, *a, **k))

    # cumulative documented counts and an estimate with a range
    for end, v in [("2013-12-31", 100_000), ("2016-12-31", 300_000), ("2021-06-30", 450_000),
                   ("2025-03-31", 500_000)]:
        add("deaths_total", v, "2011-03-15", end)
    add("deaths_total", 600_000, "2011-03-15", "2020-12-31", publisher=EST,
        method="statistical_estimate", low=550_000, high=650_000, range_type="bracket")
    add("deaths_total", 999_999, "2011-03-15", "2019-12-31", publisher=EST,
        method="expert_estimate", role="superseded")  # must never be drawn
    # yearly flows from two publishers
    for y, v in [(2012, 20_000), (2013, 70_000), (2014, 60_000), (2015, 40_000), (2016, 30_000),
                 (2025, 5_000)]:
        add("deaths_battle_related", v, f"{y}-01-01", f"{y}-12-31", publisher=EVENTS,
            method="event_data", period_type="flow", low=v * 0.9, high=v * 1.2, range_type="bracket")
    for y, v in [(2012, 25_000), (2013, 60_000), (2014, 65_000), (2015, 45_000), (2016, 30_000)]:
        add("deaths_civilian", v, f"{y}-01-01", f"{y}-12-31", period_type="flow", group="civilians")
    # by perpetrator
    for p, v in [("government_and_allies", 200_000), ("isis", 5_000), ("armed_opposition", 4_000),
                 ("russia", 7_000), ("other", 3_000)]:
        add("deaths_civilian", v, "2011-03-15", "2025-03-31", group="civilians", perpetrator=p)
    # by governorate (deaths and IDPs)
    govs = ["SY-HL", "SY-RD", "SY-DI", "SY-HI", "SY-HM", "SY-ID", "SY-LA", "SY-TA", "SY-DR",
            "SY-SU", "SY-QU", "SY-DY", "SY-HA", "SY-RA"]
    for k, g in enumerate(govs):
        add("deaths_total", 1_000 * (k + 1) ** 2, "2011-03-15", "2025-03-31", area=g)
        add("idps", 50_000 * (14 - k), "2025-06-30", "2025-06-30", publisher=AGENCY,
            method="agency_estimate", period_type="stock", area=g)
    # refugees by host and in total, IDPs in total
    for y, tur, lbn, jor in [(2014, 1.5e6, 1.1e6, 0.6e6), (2018, 3.6e6, 0.95e6, 0.67e6),
                             (2024, 3.1e6, 0.78e6, 0.6e6), (2025, 2.5e6, 0.7e6, 0.5e6)]:
        for host, v in (("TUR", tur), ("LBN", lbn), ("JOR", jor)):
            add("refugees", v, f"{y}-12-31", f"{y}-12-31", publisher=AGENCY, method="registration",
                period_type="stock", host=host)
        add("refugees", (tur + lbn + jor) * 1.3, f"{y}-12-31", f"{y}-12-31", publisher=AGENCY,
            method="registration", period_type="stock", host="WORLD")
        add("idps", 6e6 - (y - 2014) * 1e5, f"{y}-12-31", f"{y}-12-31", publisher=AGENCY,
            method="agency_estimate", period_type="stock")
    # returns since 8 December 2024
    for end, r, d in [("2025-03-31", 300_000, 800_000), ("2025-09-30", 900_000, 1_500_000),
                      ("2026-03-31", 1_200_000, 1_800_000)]:
        add("refugee_returns", r, "2024-12-08", end, publisher=AGENCY, method="registration",
            host="WORLD")
        add("idp_returns", d, "2024-12-08", end, publisher=AGENCY, method="agency_estimate")
    # returns from one country, published after the worldwide total: a part, never on its line
    add("refugee_returns", 250_000, "2024-12-08", "2026-04-30", publisher=AGENCY,
        method="registration", host="JOR")
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df


def legacy_registry() -> pd.DataFrame:
    """The test registry without the dimension columns (before the registry-dimensions change)."""
    return registry().drop(columns=["period_type", "area", "host", "group", "perpetrator",
                                    "role", "superseded_by"])
