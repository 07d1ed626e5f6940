"""The archive-scale path of the claims checker (syriastats.claims_index) gives exactly the
verdicts, ranges and explanations of the one-claim-at-a-time path."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from syriastats import claims as C
from syriastats.claims import checking as J
from syriastats.claims.selecting import _prepare_estimates
from syriastats import claims_index as X
from syriastats import load_claims, load_estimates, load_sources, with_sources


@pytest.fixture(scope="module")
def registry() -> pd.DataFrame:
    return with_sources(load_estimates(), load_sources())


def _varied(claims: pd.DataFrame, n: int, seed: int = 7) -> pd.DataFrame:
    """*n* claims made from the shipped ones: dates moved up to 400 days, numbers scaled,
    and some exact duplicates (which are judged once)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        r = claims.iloc[i % len(claims)].copy()
        r["claim_id"] = f"v{i:04d}"
        if i % 5:  # every fifth claim is an exact copy of a shipped one
            r["as_of"] = pd.Timestamp(r["as_of"]) + pd.Timedelta(days=int(rng.integers(-400, 400)))
            r["as_of_text"] = r["as_of"].strftime("%Y-%m-%d")
            if r["comparator"] != "highest_since" and r["measure"] != "war_duration_years":
                v = float(r["value"]) * float(rng.uniform(0.7, 1.3))
                r["value"] = min(v, 1.0) if str(r["measure"]).endswith("_share") else round(v, -3)
        rows.append(r)
    return pd.DataFrame(rows).reset_index(drop=True)


@pytest.mark.parametrize("known", ["then", "now"])
def test_index_path_equals_the_plain_path(registry, known, monkeypatch):
    claims = _varied(load_claims(), 80)
    X.clear_caches()
    fast = C.check(claims, registry, known=known)
    monkeypatch.setattr(J, "INDEX_ENABLED", False)
    X.clear_caches()
    slow = C.check(claims, registry, known=known)
    pd.testing.assert_frame_equal(fast, slow)


def test_index_slices_by_date_and_keeps_a_sentinel(registry):
    est = _prepare_estimates(registry, None)
    ix = X.EstimateIndex(est)
    ix.whole_series = False  # the near-rows mode (used when a revision moves its period)
    near = ix.rows(["idps"], [], pd.Timestamp("2016-06-30"))
    d = (near["period_end"] - pd.Timestamp("2016-06-30")).abs()
    assert len(near) and (d <= pd.Timedelta(days=X.SLICE_DAYS)).all()
    # every row within the checker's widest window is kept
    full = est[est["measure"] == "idps"]
    within = full[(full["period_end"] - pd.Timestamp("2016-06-30")).abs()
                  <= pd.Timedelta(days=366)]
    assert set(within["estimate_id"]) <= set(near["estimate_id"])
    far = ix.rows(["idps"], [], pd.Timestamp("1950-01-01"))
    assert len(far) == 1  # a sentinel: the measure exists, but not near that date
    whole = ix.rows([], ["population"], pd.Timestamp("2016-06-30"))
    assert len(whole) == (est["measure"] == "population").sum()


def test_index_hands_whole_series_only_when_revisions_keep_their_period(registry):
    """Whole series (one shared frame per measure) only when every revision has the measure
    and period end of the figure it revises: then dropping superseded figures reads the
    same as on the rows near the claim's date. A revision that moves the period switches
    back to the near rows."""
    est = _prepare_estimates(registry, None)
    ix = X.EstimateIndex(est)
    assert ix.whole_series  # true of the registry
    whole = ix.rows(["idps"], [], pd.Timestamp("1950-01-01"))
    assert len(whole) == (est["measure"] == "idps").sum()
    sup = est[(est["role"] == "superseded") & est["superseded_by"].notna()]
    assert len(sup)
    moved = est.copy()
    succ = moved["estimate_id"] == sup["superseded_by"].iloc[0]
    moved.loc[succ, "period_end"] = moved.loc[succ, "period_end"] + pd.Timedelta(days=400)
    assert not X.EstimateIndex(moved).whole_series


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_streamed_output_is_the_formatted_text(registry, fmt, monkeypatch):
    """write_verdicts renders CSV and JSON a chunk at a time: the text is exactly
    format_verdicts' (chunks of 7 rows, so boundaries fall everywhere)."""
    import io

    from syriastats.claims import formatting as F

    out = C.check(_varied(load_claims(), 40), registry, known="now")
    monkeypatch.setattr(F, "WRITE_CHUNK", 7)
    buf = io.StringIO()
    F.write_verdicts(out, fmt, buf)
    assert buf.getvalue() == F.format_verdicts(out, fmt)
    assert buf.getvalue().count("claim_id") >= (1 if fmt == "csv" else 40)


def test_check_chunks_are_check_in_pieces(registry):
    """check_chunks yields check's rows in order, at most *chunk* at a time."""
    from syriastats.claims.checking import check_chunks

    claims = _varied(load_claims(), 30)
    whole = C.check(claims, registry, known="then")
    parts = list(check_chunks(claims, registry, chunk=8, known="then"))
    assert [len(p) for p in parts] == [8, 8, 8, 6]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_streams_an_archive_with_the_same_text(fmt, monkeypatch, capsys):
    """syriastats check on more claims than WRITE_CHUNK writes verdicts as they are made:
    the same text as when they are all formatted at once."""
    from syriastats.claims import formatting as F

    assert F.cli_check(None, fmt=fmt) == 0
    at_once = capsys.readouterr().out
    monkeypatch.setattr(F, "WRITE_CHUNK", 5)  # 26 shipped claims: six chunks
    assert F.cli_check(None, fmt=fmt) == 0
    streamed = capsys.readouterr().out
    assert streamed == at_once and len(at_once) > 1000


def test_shared_computed_share_is_labelled_with_each_claims_own_date(registry):
    """Claims about the displaced share at nearby dates share one frame of comparable
    figures plus the computed share (positions.with_computed); each claim's 'closest' must
    still name the computed share at its own date, as the one-claim-at-a-time path does."""
    base = load_claims()
    share = base[base["claim_id"] == "ibt-2015-06-ban-half"].iloc[0]
    rows = []
    for k in range(12):
        r = share.copy()
        r["claim_id"] = f"s{k:02d}"
        r["as_of"] = pd.Timestamp("2015-06-20") + pd.Timedelta(days=k)
        r["as_of_text"] = r["as_of"].strftime("%Y-%m-%d")
        rows.append(r)
    claims = pd.DataFrame(rows).reset_index(drop=True)
    X.clear_caches()
    out = C.check(claims, registry, known="now")
    labelled = 0
    for _, r in out.iterrows():
        for part in r["closest"].split("; "):
            if part.endswith("[computed-displaced-share]"):
                labelled += 1
                assert f"to {r['as_of']}, published {r['as_of']})" in part, (r["as_of"], part)
    assert labelled == len(out)  # the computed share is among the closest of each claim
