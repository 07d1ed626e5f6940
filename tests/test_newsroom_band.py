"""The toll band of the toll-over-time chart is the same numbers whether freshly fitted or
reused from the chart's CSV, so both paths draw byte-identical files."""
from __future__ import annotations

import pandas as pd

from syriastats import newsroom


def test_a_fresh_band_is_rounded_to_whole_deaths_like_the_csv(tmp_path, monkeypatch) -> None:
    raw = pd.DataFrame({"date": pd.to_datetime(["2012-01-31", "2012-02-29"]),
                        "median": [1234.4, 2000.6], "lower": [999.5, 1500.49],
                        "upper": [1500.51, 3000.0]})
    monkeypatch.setattr(newsroom, "toll_band", lambda est, src=None: raw.copy())
    monkeypatch.setattr(newsroom, "_band_key", lambda est: "k")
    est = pd.DataFrame({"estimate_id": ["a"]})
    band, key = newsroom._cached_band(est, est, tmp_path, lambda msg: None)
    assert key == "k"
    # round half to even, as numpy rounds: 999.5 -> 1000 (even), 2000.6 -> 2001
    assert band["median"].tolist() == [1234.0, 2001.0]
    assert band["lower"].tolist() == [1000.0, 1500.0]
    assert band["upper"].tolist() == [1501.0, 3000.0]
    assert all(band[c].dtype == float for c in ("median", "lower", "upper"))
