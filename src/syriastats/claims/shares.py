"""The displaced share the checker computes from the registry's counts, pooled as one more
figure with a share claim's comparable figures (:func:`_computed_share`), and the share
comparators a plain comparator is judged as on a share measure (:data:`_SHARE_OF`)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from syriastats import derived
from syriastats.claims.records import series_of
from syriastats.uncertainty import UncertaintyError


#: Measures the displaced share is computed from (whole series handed to share claims).
SHARE_INPUTS: tuple[str, ...] = ("refugees_registered", "idps", "population")


#: estimate_id of the displaced share the checker computes from counts.
COMPUTED_SHARE_ID: str = "computed-displaced-share"


def _computed_share(knowable: pd.DataFrame, as_of: pd.Timestamp,
                    share_at: derived.DisplacedShareAt | None = None,
                    published_by: pd.Timestamp | None = None) -> pd.Series | None:
    """The displaced share computed from the knowable counts, as one pooled figure.

    (registered refugees + IDPs) / pre-war population by
    :func:`syriastats.derived.displaced_share` at *as_of*, from the figures the claimant
    could know (or all, for 'now'); its 90 % interval becomes a bracket. ``None`` when
    the registry lacks one of the three inputs near the date. With *share_at* (built by
    :func:`~syriastats.claims.checking.check` once per run from the whole registry) the
    same figure is computed from the figures published by *published_by* (None: all).
    """
    try:
        r = (share_at.interval(as_of, published_by) if share_at is not None else
             derived.displaced_share(knowable, on=as_of, n=50_000).iloc[0])
    except (UncertaintyError, KeyError, ValueError):
        return None
    return series_of({
        "estimate_id": COMPUTED_SHARE_ID, "source_id": "",
        "publisher": "syriastats (computed: registered refugees + IDPs over pre-war population)",
        "measure": "displaced_share", "method": "derived",
        "scope": "share of the pre-war population displaced, computed from the registry's counts",
        "low": float(r["lower_90"]), "central": float(r["median"]), "high": float(r["upper_90"]),
        "qualifier": "exact", "range_type": "bracket", "range_level": np.nan, "margin": np.nan,
        "period_start": as_of, "period_end": as_of, "published": as_of,
        "notes": "Model interval (90%), not a published figure. " + str(r["assumptions"]),
        "locator": "syriastats.derived.displaced_share",
    })


_SHARE_OF: dict[str, str] = {"about": "share_about", "at_least": "share_at_least",
                             "at_most": "share_at_most"}
