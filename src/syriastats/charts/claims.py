"""Chart of claims against the intervals of comparable figures (:func:`plot_claims`)."""
from __future__ import annotations


import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from syriastats.charts import style as S

__all__ = ["VERDICT_COLOURS", "plot_claims"]

#: Colour of each verdict (Okabe-Ito); the verdict is also written next to each row.
VERDICT_COLOURS: dict[str, str] = {
    "consistent": S.OKABE_ITO["bluish_green"],
    "contested": S.OKABE_ITO["orange"],
    "above_all": S.OKABE_ITO["vermillion"],
    "below_all": S.OKABE_ITO["blue"],
    "broader_scope_only": S.OKABE_ITO["reddish_purple"],
    "contradicted": S.OKABE_ITO["vermillion"],
    "not_checkable": S.GREY,
}
#: Marker of each comparator: 'more than' points right, 'as many as' points left.
_MARKERS: dict[str, str] = {"at_least": ">", "share_at_least": ">", "at_most": "<",
                            "share_at_most": "<", "about": "o", "share_about": "o"}
_VERDICT_WORDS: dict[str, str] = {
    "consistent": "consistent", "contested": "contested", "above_all": "above all sources",
    "below_all": "below all sources", "broader_scope_only": "broader scope only",
    "contradicted": "contradicted", "not_checkable": "not checkable",
}

_DATA_COLUMNS = [
    "claim_id", "known", "label", "measure", "comparator", "verdict", "claim_value",
    "lower", "median", "upper", "envelope_lower", "envelope_upper", "level",
    "claim_to_median", "lower_to_median", "upper_to_median", "envelope_lower_to_median",
    "envelope_upper_to_median", "estimate_ids", "source_ids",
]


def _label(r: pd.Series, width: int = 44) -> str:
    text = str(r["text"])
    if len(text) > width:
        text = text[: width - 1].rstrip() + "\u2026"
    return f"{text}"


def plot_claims(verdicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                title: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Each claim against the pooled interval of comparable figures, on one ratio scale.

    Claims speak of different things (deaths, shares, years), so each row is scaled by
    the pooled median of its comparable figures: 1 means "the middle of what the
    sources say". The thick bar is the pooled central interval (``level``, e.g. 90 %),
    the thin line the envelope of the single figures' intervals, the marker the claimed
    value (▶ 'more than', ◀ 'as many as', ● 'about'), coloured and labelled by verdict.
    Claims without an interval (not checkable) and 'highest since' claims (whose value is
    a year) are left out of the chart.

    Parameters
    ----------
    verdicts
        Output of :func:`syriastats.claims.check` (one ``known`` mode, or filter first).
    sources
        The registry's sources, to name the publishers in the source line (optional;
        without it the line lists source ids).

    Returns
    -------
    (figure, data): ``data`` holds exactly what is drawn, one row per claim, top to
    bottom: the claimed value, pooled interval and envelope in the claim's unit
    (persons, fraction, years) and as multiples of the pooled median (``*_to_median``).
    """
    df = verdicts.copy()
    keep = (df["comparator"] != "highest_since") & np.isfinite(df["lower"].astype(float)) \
        & np.isfinite(df["upper"].astype(float)) & (df["median"].astype(float) > 0)
    df = df[keep].reset_index(drop=True)
    if df.empty:
        raise ValueError("no claim with an interval to plot")
    med = df["median"].astype(float)
    data = pd.DataFrame({
        "claim_id": df["claim_id"], "known": df["known"],
        "label": [_label(r) for _, r in df.iterrows()],
        "measure": df["measure"], "comparator": df["comparator"], "verdict": df["verdict"],
        "claim_value": df["value"].astype(float), "lower": df["lower"].astype(float),
        "median": med, "upper": df["upper"].astype(float),
        "envelope_lower": df["envelope_lower"].astype(float),
        "envelope_upper": df["envelope_upper"].astype(float), "level": df["level"].astype(float),
    })
    for col in ("claim_value", "lower", "upper", "envelope_lower", "envelope_upper"):
        name = "claim_to_median" if col == "claim_value" else f"{col}_to_median"
        data[name] = data[col] / med
    data["estimate_ids"] = df["estimate_ids"]
    data["source_ids"] = df["source_ids"]
    data = data[_DATA_COLUMNS]

    n = len(data)
    height = max(S.FIGSIZE[1], 1.9 + 0.32 * n)
    fig, ax = S.new_figure(figsize=(S.FIGSIZE[0], height))
    with S.house_style():
        ys = np.arange(n)[::-1]
        for y, (_, r) in zip(ys, data.iterrows()):
            colour = VERDICT_COLOURS.get(r["verdict"], S.GREY)
            ax.plot([r["envelope_lower_to_median"], r["envelope_upper_to_median"]], [y, y],
                    color=S.LIGHT_GREY, linewidth=1.2, solid_capstyle="butt", zorder=1)
            ax.plot([r["lower_to_median"], r["upper_to_median"]], [y, y], color=S.GREY,
                    linewidth=5, alpha=0.45, solid_capstyle="butt", zorder=2)
            m = _MARKERS.get(str(r["comparator"]), "o")
            ax.plot([r["claim_to_median"]], [y], linestyle="none", marker=m, markersize=7,
                    markerfacecolor=colour, markeredgecolor=S.darker(colour), zorder=3)
        ax.set_yticks(ys)
        ax.set_yticklabels(data["label"], fontsize=S.BASE_SIZE - 1.5)
        ax.set_xscale("log")
        xs = np.concatenate([data[c].to_numpy() for c in (
            "claim_to_median", "envelope_lower_to_median", "envelope_upper_to_median")])
        lo, hi = float(np.nanmin(xs)), float(np.nanmax(xs))
        lo, hi = min(lo, 0.5) / 1.15, max(hi, 2.0) * 1.15
        ax.set_xlim(lo, hi * 6.0)  # room on the right for the verdict words
        ticks = [t for t in (0.1, 0.25, 0.5, 1, 2, 4, 10) if lo <= t <= hi]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}\u00d7"))
        ax.axvline(1.0, color=S.GREY, linewidth=0.8, linestyle=":", zorder=0)
        for y, (_, r) in zip(ys, data.iterrows()):
            ax.annotate(_VERDICT_WORDS.get(r["verdict"], r["verdict"]), xy=(hi * 1.05, y),
                        ha="left", va="center", fontsize=S.BASE_SIZE - 1.5,
                        color=S.darker(VERDICT_COLOURS.get(r["verdict"], S.GREY)))
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlabel("Multiple of the sources' middle value (log scale)")
    knowns = sorted(set(map(str, data["known"])))
    lvl = float(data["level"].iloc[0])
    ids = sorted({s for v in data["source_ids"] for s in str(v).split(";") if s})
    if sources is not None:
        pubs = sources.set_index("source_id").reindex(ids)["publisher"].dropna().astype(str)
        source = S.source_line(sorted(set(pubs)))
    else:
        source = "Sources: " + ", ".join(ids)
    title = title or "How the claims compare with the sources"
    subtitle = ("Each claim against the pooled range of comparable figures, as a multiple of "
                "its middle; " + ("figures published by the time of the claim"
                                  if knowns == ["then"] else "figures published at any time"))
    note = (f"Bars: central {lvl:.0%} interval of an equal-weight mixture of comparable figures "
            "(same measure and scope, near the claim's date); documented counts read as "
            "minimums. Thin lines: lowest to highest single-figure bound. Markers: the claim "
            "(\u25b6 'more than', \u25c0 'as many as', \u25cf 'about'), coloured by verdict.")
    alt = (f"Dot chart of {n} claims about Syria's war. Each row shows a claimed number against "
           "the range of comparable published figures, scaled so that 1 is the middle of that "
           "range; verdicts: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in
                                           data["verdict"].value_counts().sort_index().items())
           + ".")
    S.add_header(fig, title, subtitle)
    S.add_footer(fig, source, note)
    S.set_chart_meta(fig, title=title, subtitle=subtitle, source=source, note=note,
                     alt_text=alt, source_ids=ids)
    S.set_margins(fig, left_in=2.9, right_in=0.15, axis_bottom_in=0.5)
    return fig, data
