"""Chart of claims against the intervals of comparable figures (:func:`plot_claims`)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from syriastats.charts import style as S
from syriastats.claims import ASSUMED_MARGIN
from syriastats.uncertainty import DEFAULT_AT_LEAST_EXCESS, DEFAULT_UNDERCOUNT
from syriastats.validate import parse_date_bounds

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
    "claim_id", "known", "origin", "origin_date", "label", "measure", "unit", "comparator",
    "verdict", "claim_value",
    "lower", "median", "upper", "envelope_lower", "envelope_upper", "level",
    "claim_to_median", "lower_to_median", "upper_to_median", "envelope_lower_to_median",
    "envelope_upper_to_median", "estimate_ids", "source_ids",
]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;:") + "\u2026"


def _outlet(origin: object) -> str:
    """The outlet of a claim, shortened: text before the first comma, "(via ...)" dropped,
    e.g. "AFP, 'Syria's war in numbers' (via ...)" -> "AFP"."""
    o = str(origin) if isinstance(origin, str) else ""
    o = o.split(",")[0]
    o = re.sub(r"\s*\(via [^)]*\)", "", o).strip()
    return _short(o, 28) or "unknown outlet"


def _date_label(text: object) -> str:
    """'2016-03-11' -> '11 Mar 2016', '2015-10' -> 'Oct 2015', missing -> 'undated'."""
    if not isinstance(text, str) or not parse_date_bounds(text):
        return "undated"
    parts = text.split("-")
    y = parts[0]
    if len(parts) == 1:
        return y
    m = _MONTHS[int(parts[1]) - 1]
    return f"{m} {y}" if len(parts) == 2 else f"{int(parts[2])} {m} {y}"


def _label(r: pd.Series, width: int = 44) -> str:
    """Two lines: the claim's words (shortened), then outlet and date."""
    return f"{_short(str(r['text']), width)}\n{_outlet(r.get('origin'))}, {_date_label(r.get('origin_date'))}"


def _unit(measure: object) -> str:
    """Unit of a claim's value, lower, median, upper and envelope columns."""
    m = str(measure)
    return "fraction" if m.endswith("_share") else ("years" if m == "war_duration_years" else "persons")


def _origin_sort_key(text: object) -> pd.Timestamp:
    b = parse_date_bounds(text) if isinstance(text, str) else None
    return pd.Timestamp(b[0]) if b else pd.Timestamp.max


def plot_claims(verdicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                title: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Each claim against the pooled interval of comparable figures, on one ratio scale.

    Claims speak of different things (deaths, shares, years), so each row is scaled by
    the pooled median of its comparable figures: 1 means "the middle of what the
    sources say". The thick bar is the pooled central interval (``level``, e.g. 90 %),
    the thin line the envelope of the single figures' intervals, the marker the claimed
    value (▶ 'more than', ◀ 'as many as', ● 'about'), coloured and labelled by verdict.
    Rows run by the claim's publication date, then claim id; each label gives the claim's
    words, the outlet and the date. Left out, and named in the note: not checkable
    claims, 'highest since' claims (whose value is a year) and claims about the war's age
    (judged by date arithmetic, with no range of sources to draw).

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
    bottom: the claimed value, pooled interval and envelope in the claim's unit (named in
    column ``unit``: persons or fraction) and as multiples of the pooled median
    (``*_to_median``, unitless). ``envelope_*`` are the lowest and highest numbers the
    sources published, not fitted bounds.
    """
    df = verdicts.copy()
    out_nc = df["verdict"] == "not_checkable"
    out_hs = (df["comparator"] == "highest_since") & ~out_nc
    out_age = (df["measure"] == "war_duration_years") & ~out_nc
    keep = ~(out_nc | out_hs | out_age) & np.isfinite(df["lower"].astype(float)) \
        & np.isfinite(df["upper"].astype(float)) & (df["median"].astype(float) > 0)
    left_out = {
        "not checkable": sorted(set(df.loc[out_nc, "claim_id"].astype(str))),
        "'highest since', a year": sorted(set(df.loc[out_hs, "claim_id"].astype(str))),
        "the war's age, date arithmetic": sorted(set(df.loc[out_age, "claim_id"].astype(str))),
    }
    df = df[keep]
    df = df.assign(_d=df["origin_date"].map(_origin_sort_key)).sort_values(
        ["_d", "claim_id", "known"], kind="stable").drop(columns="_d").reset_index(drop=True)
    if df.empty:
        raise ValueError("no claim with an interval to plot")
    med = df["median"].astype(float)
    data = pd.DataFrame({
        "claim_id": df["claim_id"], "known": df["known"], "origin": df["origin"],
        "origin_date": df["origin_date"],
        "label": [_label(r) for _, r in df.iterrows()],
        "measure": df["measure"], "unit": df["measure"].map(_unit),
        "comparator": df["comparator"], "verdict": df["verdict"],
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
    height = max(S.FIGSIZE[1], 2.6 + 0.42 * n)
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
        ax.set_yticklabels(data["label"], fontsize=S.BASE_SIZE - 1.5, linespacing=1.1)
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
                        color=S.text_colour(VERDICT_COLOURS.get(r["verdict"], S.GREY)))
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
    note = (f"Bars: central {lvl:.0%} range of an equal-weight mixture of comparable figures "
            "(same measure and scope, near the claim's date), a model under stated assumptions: "
            f"figures published without a range read as \u00b1{ASSUMED_MARGIN:.0%}; documented "
            f"counts as floors with the truth up to {DEFAULT_UNDERCOUNT[1]:.3f}\u00d7 them (OHCHR "
            f"2022 ratio), officials' 'more than X' up to {DEFAULT_AT_LEAST_EXCESS[1]:g}\u00d7; "
            "death tolls cut below at the largest documented count. Thin lines: "
            "lowest to highest number the sources published. Markers: the claim (\u25b6 'more "
            "than', \u25c0 'as many as', \u25cf 'about'), coloured by verdict.")
    gone = [f"{why}: {', '.join(ids)}" for why, ids in left_out.items() if ids]
    if gone:
        note += " Not shown (" + "; ".join(gone) + ")."
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
