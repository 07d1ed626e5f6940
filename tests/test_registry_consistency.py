"""Internal consistency of registry figures that come in sets: per-host registrations of one
UNHCR release against its regional total, registered-only against registered-or-awaiting,
running totals of one displacement wave, and combatant counts by side against the same
release's total. A wrong digit or date entered in ``data/estimates.csv`` breaks one of
these sums or orderings; the expected numbers are the sources' own (see each row's
``locator``), never recomputed from the code under test."""
from __future__ import annotations

import pandas as pd
import pytest

from syriastats.paths import DEFAULT_DATA_DIR


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    df = pd.read_csv(DEFAULT_DATA_DIR / "estimates.csv", dtype=str, keep_default_na=False)
    return df.set_index("estimate_id")


def _v(est: pd.DataFrame, rid: str) -> int:
    return int(float(est.loc[rid, "central"]))


# Per-host rows of one release and the figure the same release gives for the region.
# The sums are exact: registrations are counts, and each release's parts add to its total
# (the extra term is a part the registry does not hold as a row: North Africa).
RELEASES = [
    # UNHCR regional update No. 10, 21 June 2012: four hosts, no Egypt / North Africa.
    ("unhcr-reg-2012-06-21", ["irq", "jor", "lbn", "tur"], "2012-06-21", 0),
    # UNHCR Kuwait deck, 5 September 2012 (Turkey as of 29 August): four hosts.
    ("unhcr-reg-2012-09-05", ["irq", "jor", "lbn"], "2012-09-05", 80410),
    # UNHCR briefing of 23 November 2012 (figures of 22 November), North Africa 9,734.
    ("unhcr-reg-2012-11-22", ["irq", "jor", "lbn", "tur"], "2012-11-22", 9734),
    # UNHCR figures of 16 May 2013 quoted by the European Parliament; Morocco, Algeria,
    # Libya 10,052.
    ("unhcr-reg-2013-05-16", ["egy", "irq", "jor", "lbn", "tur"], "2013-05-16", 10052),
]


@pytest.mark.parametrize("total_id, hosts, date, extra", RELEASES)
def test_per_host_registrations_add_up_to_the_regional_total(est, total_id, hosts, date, extra) -> None:
    parts = [_v(est, f"unhcr-reg-{date}-{h}") for h in hosts]
    assert sum(parts) + extra == _v(est, total_id)


def test_turkey_part_of_the_september_2012_deck_is_the_registry_row() -> None:
    df = pd.read_csv(DEFAULT_DATA_DIR / "estimates.csv", dtype=str, keep_default_na=False)
    row = df[df["estimate_id"] == "unhcr-reg-2012-08-29-tur"].iloc[0]
    assert (row["host"], int(row["central"])) == ("TUR", 80410)


def test_registered_only_never_exceeds_registered_or_awaiting(est) -> None:
    """Rows ``<id>-registered`` count those registered; ``<id>`` adds those awaiting."""
    pairs = [i for i in est.index if i.endswith("-registered") and i[: -len("-registered")] in est.index]
    assert len(pairs) >= 5
    for rid in pairs:
        base = rid[: -len("-registered")]
        assert est.loc[rid, "host"] == est.loc[base, "host"], rid
        assert est.loc[rid, "period_end"] == est.loc[base, "period_end"], rid
        assert _v(est, rid) <= _v(est, base), rid


# Running totals of one wave of displacement: later cut-offs never count fewer people.
WAVES = [
    ["ocha-idpn-nw-2019-12-01-2020-01-01", "ocha-idpn-nw-2019-12-01-2020-01-14",
     "ocha-idpn-nw-2019-12-01-2020-02-02", "ocha-idpn-nw-2019-12-01-2020-02-26"],
    ["un-idpn-suwayda-2025-07-21", "un-idpn-suwayda-2025-07-23", "un-idpn-suwayda-2025-08-06"],
]


@pytest.mark.parametrize("ids", WAVES)
def test_running_totals_of_one_displacement_wave_grow(est, ids) -> None:
    rows = est.loc[ids]
    assert rows["period_start"].nunique() == 1
    assert list(rows["period_end"]) == sorted(rows["period_end"])
    values = [_v(est, i) for i in ids]
    assert values == sorted(values)
    assert (rows["period_type"] == "flow").all()


def test_children_and_women_of_the_2020_wave_are_parts_of_it(est) -> None:
    whole = _v(est, "ocha-idpn-nw-2019-12-01-2020-02-26")
    kids = _v(est, "ocha-idpn-nw-2019-12-01-2020-02-26-children")
    women = _v(est, "ocha-idpn-nw-2019-12-01-2020-02-26-women")
    # OCHA: children and women together 81 % of the newly displaced (rounded figures).
    assert kids + women <= whole
    assert (kids + women) / whole == pytest.approx(0.81, abs=0.01)


# Combatants by side in one SOHR release never exceed the release's total of all deaths.
SIDES = [
    ("sohr-2016-07", ["sohr-2016-07-govforces", "sohr-2016-07-opposition", "sohr-2016-07-civ"]),
    ("sohr-2020-01", ["sohr-2020-01-govforces", "sohr-2020-01-opposition"]),
    ("sohr-2021-06", ["sohr-2021-06-govforces", "sohr-2021-06-opposition"]),
]


@pytest.mark.parametrize("total_id, part_ids", SIDES)
def test_combatants_by_side_fit_in_the_release_total(est, total_id, part_ids) -> None:
    assert sum(_v(est, i) for i in part_ids) <= _v(est, total_id)
    for i in part_ids:
        assert est.loc[i, "period_end"] == est.loc[total_id, "period_end"], i


def test_combatant_rows_say_which_side(est) -> None:
    comb = est[est["measure"] == "deaths_combatant"]
    assert len(comb) >= 13
    assert set(comb["group"]) <= {"combatants", "government_forces", "armed_opposition",
                                  "foreign_fighters"}
    assert (comb["period_type"] == "cumulative").all()
