"""The news charts: eight charts a wire desk can run as they are, in every cut.

One function per chart takes the registry (``syriastats.with_sources(
load_estimates(), load_sources())``) and returns a :class:`NewsChart`: the
wide data (one row per date or category, one column per series, units in
the headers), the texts in English and Arabic (title = the finding, computed
from the data; subtitle with unit, scope and "data to <date>"; credit; note
in plain words; short note for phones; alt text) and a ``draw`` function
that draws the chart into a :class:`~syriastats.charts.newsframe.Frame` of
any :class:`~syriastats.charts.cuts.Cut`.

:func:`build_news_charts` writes every chart in every cut
(``figures/<slug>.{png,svg,pdf,csv,json}`` and ``figures/<slug>-<cut>.{png,svg}``),
in parallel, with deterministic bytes; run it with ``syriastats charts``
(``make figures`` runs it after the notebooks). A chart whose data is not in
the registry yet is skipped with a one-line message naming what is missing.

Which rows: figures whose ``role`` is ``headline`` (context-only and
superseded figures are never drawn); the dimensions ``period_type``,
``area``, ``host``, ``perpetrator`` and ``group`` select what each chart
counts (see ``docs/CONTRACTS.md`` and ``data/DICTIONARY.md``).
Units: people (deaths, refugees, displaced people), dates as ``period_end``.
"""
from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from syriastats.charts import geo, i18n
from syriastats.charts.cuts import CUTS, VARIANTS, Cut, readable
from syriastats.charts.newsframe import Frame, cut_style, start
from syriastats.charts.sections import NEWS_SLUGS
from syriastats.charts.style import short_publisher

DEATH_MEASURES: tuple[str, ...] = ("deaths_total", "deaths_civilian", "deaths_battle_related",
                                   "deaths_organised_violence")
FALL_OF_ASSAD = pd.Timestamp("2024-12-08")
#: Breaks in a publisher's series that need a label: (publisher acronym, date, catalog key).
#: SOHR, June 2021: 105,015 older deaths added after re-investigation (registry row sohr-2021-06).
SERIES_BREAKS: tuple[tuple[str, str, str], ...] = (("SOHR", "2021-06-01", "break.sohr_2021"),)


class MissingData(Exception):
    """The registry lacks what a chart needs; the message names it."""


@dataclass
class NewsChart:
    """A news chart ready to render: data, texts per language, and how to draw it."""

    slug: str
    data: pd.DataFrame
    texts: Callable[[str], dict[str, str]]
    draw: Callable[[Frame], None]
    publishers: list[str]
    source_ids: list[str]
    data_as_of: pd.Timestamp
    boundaries: bool = False
    extra_meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = tidy(self.data)


def tidy(wide: pd.DataFrame) -> pd.DataFrame:
    """Counts of people rounded to whole people and shares to one decimal, as text, so the
    CSV carries no float noise (``445000.00000001``) and no padded decimals (``91.300000``)."""
    out = wide.copy()
    for col in out.columns:
        name = str(col)
        if not pd.api.types.is_float_dtype(out[col]):
            continue
        if "(%)" in name:
            out[col] = [("" if pd.isna(v) else f"{v:.1f}") for v in out[col]]
        elif name.endswith(("(deaths)", "(persons)")) or name in ("deaths", "persons"):
            out[col] = out[col].round(0).astype("Int64")
    return out


# --------------------------------------------------------------------------
# Selecting rows
# --------------------------------------------------------------------------

def _need(est: pd.DataFrame, cols: Sequence[str], what: str) -> None:
    missing = [c for c in cols if c not in est.columns]
    if missing:
        raise MissingData(f"{what} needs registry column(s) {', '.join(missing)} "
                          "(registry dimensions)")


def headline(est: pd.DataFrame) -> pd.DataFrame:
    """Rows with ``role == 'headline'`` (all rows when the column is absent)."""
    if "role" in est.columns:
        est = est[est["role"].astype(str) == "headline"]
    return est


def _val(df: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(df["central"], errors="coerce")


def _latest_per(df: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """One row per *keys*: the latest published (ties: estimate_id)."""
    order = [c for c in ("published", "estimate_id") if c in df.columns]
    return df.sort_values(order, kind="stable").groupby(list(keys), sort=True).tail(1)


def _str(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series("", index=df.index, dtype=object)
    s = df[col].astype(object)
    return s.where(s.notna(), "").astype(str)


def _bounds(row: Mapping[str, Any]) -> tuple[float | None, float | None]:
    from syriastats.charts.style import range_bounds

    return range_bounds(row)


def _acronym(publisher: str) -> str:
    return short_publisher(publisher, max_chars=22)


def _pub(publisher: str, lang: str) -> str:
    """A publisher's short name in running text in *lang* (Arabic: the Arabic short name)."""
    return i18n.publisher_short(_acronym(publisher), lang)


def _unit_col(label: str, unit: str) -> str:
    return f"{label} ({unit})"


# --------------------------------------------------------------------------
# Drawing helpers
# --------------------------------------------------------------------------

def _series_colour(cut: Cut, i: int) -> str:
    return cut.theme.series[i % len(cut.theme.series)]


MARKERS = ("o", "s", "D", "^", "v", "P", "X")
LINESTYLES = ("-", "--", "-.", ":", (0, (6, 2)), (0, (3, 1, 1, 1)), (0, (1, 1)))


def _legend(frame: Frame, handles: list[Any], labels: list[str], ncol: int | None = None) -> float:
    """A key in a strip under the subtitle; returns the height it takes (inches)."""
    cut = frame.cut
    if not handles:
        return 0.0
    if ncol is None:
        ncol = 1 if cut.compact else (2 if len(handles) > 2 or cut.width_in < 5.5 else len(handles))
    rows = math.ceil(len(handles) / ncol)
    height = rows * cut.small_pt * 1.8 / 72 + 0.05
    w, h = frame.fig.get_size_inches()
    x = (frame.right_in if cut.rtl else frame.left_in) / w
    y = frame.top_in / h
    leg = frame.fig.legend(handles, labels, loc="upper right" if cut.rtl else "upper left",
                           bbox_to_anchor=(x, y), ncol=ncol, frameon=False,
                           fontsize=cut.small_pt, handlelength=2.2, handletextpad=0.5,
                           columnspacing=1.2, borderaxespad=0.0, borderpad=0.0,
                           markerfirst=not cut.rtl, alignment="right" if cut.rtl else "left",
                           labelcolor=cut.theme.text)
    leg.set_gid("news-key")
    # the estimate above fits Latin text; Arabic lines are taller, so measure what was drawn
    drawn = leg.get_window_extent(frame.fig.canvas.get_renderer()).height / frame.fig.dpi
    return max(height, drawn + 0.05)


def _count_axis(ax: Any, cut: Cut, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    lang = cut.lang
    fmt = (lambda v, _p: i18n.compact(v, lang)) if (cut.compact or lang == "ar") \
        else (lambda v, _p: i18n.count(v, lang))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(fmt))
    target.set_major_locator(MaxNLocator(nbins=4 if cut.compact else 5,
                                         steps=[1, 2, 2.5, 5, 10], integer=True))


def _year_axis(ax: Any, cut: Cut) -> None:
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_locator(mdates.YearLocator(4 if cut.compact else 2))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _p: i18n.year(mdates.num2date(v).year, cut.lang)))


def _vline(ax: Any, cut: Cut, x: Any, text: str, *, y_frac: float = 0.98) -> None:
    th = cut.theme
    ax.axvline(x, color=th.axis, linewidth=0.8, linestyle=":", zorder=1)
    # on a patch of the background colour, so lines and dots behind never cut the words
    ax.annotate(text, xy=(x, y_frac), xycoords=("data", "axes fraction"),
                xytext=(-3, 0), textcoords="offset points", ha="right", va="top",
                fontsize=cut.small_pt, color=th.text2, annotation_clip=False, zorder=5,
                bbox={"boxstyle": "square,pad=0.1", "fc": th.bg, "ec": "none"})


def _start_zero(ax: Any, headroom: float = 0.08) -> None:
    lo, hi = ax.get_ylim()
    ax.set_ylim(0, hi * (1 + headroom) if hi > 0 else 1)


# --------------------------------------------------------------------------
# 1. deaths-per-year
# --------------------------------------------------------------------------

def _yearly_rows(est: pd.DataFrame) -> pd.DataFrame:
    _need(est, ("period_type", "area"), "deaths-per-year")
    df = headline(est)
    df = df[df["measure"].isin(DEATH_MEASURES) & (_str(df, "period_type") == "flow")
            & (_str(df, "area") == "SYR")]
    if "perpetrator" in df.columns:
        df = df[_str(df, "perpetrator").isin(["", "all"])]
    if "group" in df.columns:
        # not SOHR's 2011-2012 "civilians" that included armed rebels: another count than
        # the civilians-only years it would be drawn beside (migration 003)
        df = df[_str(df, "group").isin(["all", "civilians"])]
    ps, pe = pd.to_datetime(df["period_start"]), pd.to_datetime(df["period_end"])
    whole_year = (ps.dt.month == 1) & (ps.dt.day == 1) & (pe.dt.month == 12) & (pe.dt.day == 31) \
        & (ps.dt.year == pe.dt.year)
    df = df[whole_year & _val(df).notna()].copy()
    if df.empty:
        raise MissingData("deaths-per-year needs yearly death tolls (period_type flow, "
                          "calendar years, area SYR)")
    df["year"] = pd.to_datetime(df["period_end"]).dt.year
    return _latest_per(df, ["publisher", "measure", "year"])


def deaths_per_year(est: pd.DataFrame) -> NewsChart:
    """Every publisher's yearly toll (one series per publisher and measure), stated ranges as bars."""
    df = _yearly_rows(est)
    keys = sorted({(p, m) for p, m in zip(df["publisher"], df["measure"])},
                  key=lambda k: (-int((df["publisher"] == k[0]).sum()), k[0], k[1]))
    years = sorted(df["year"].unique())
    wide = pd.DataFrame({"year": years})
    series = []
    for i, (pub, meas) in enumerate(keys):
        s = df[(df["publisher"] == pub) & (df["measure"] == meas)].set_index("year")
        label_en = f"{_acronym(pub)}: {i18n.t('measure.' + meas, 'en')}"
        wide[_unit_col(label_en, "deaths")] = [float(s.loc[y, "central"]) if y in s.index
                                              else np.nan for y in years]
        lows, highs = [], []
        for y in years:
            lo, hi = _bounds(s.loc[y]) if y in s.index else (None, None)
            lows.append(np.nan if lo is None else lo)
            highs.append(np.nan if hi is None else hi)
        if not all(np.isnan(lows)):
            wide[_unit_col(label_en + " low", "deaths")] = lows
            wide[_unit_col(label_en + " high", "deaths")] = highs
        series.append({"pub": pub, "meas": meas, "years": list(s.index), "values":
                       [float(v) for v in s["central"]], "lows": [lows[years.index(y)] for y in s.index],
                       "highs": [highs[years.index(y)] for y in s.index]})
    # a series that misses the war's early years cannot say which year was the deadliest:
    # judge by the series with a figure for each of the first five years of the data
    early = set(range(min(years), min(years) + 5))
    peaks = [(sr["years"][int(np.argmax(sr["values"]))], sr) for sr in series
             if early <= set(sr["years"])]
    if not peaks:
        peaks = [(sr["years"][int(np.argmax(sr["values"]))], sr) for sr in series]
    peak_years = [p for p, _ in peaks]
    top_year = max(set(peak_years), key=lambda y: (peak_years.count(y), -y))
    n_agree = peak_years.count(top_year)
    as_of = pd.to_datetime(df["period_end"]).max()
    first, last = min(years), max(years)

    def texts(lang: str) -> dict[str, str]:
        if len(peaks) == 1:
            sr = peaks[0][1]
            title = i18n.t("dpy.title.one", lang, year=i18n.year(top_year, lang),
                           value=i18n.count(max(sr["values"]), lang), publisher=_pub(sr["pub"], lang))
        elif n_agree == len(peaks):
            title = i18n.t("dpy.title.all", lang, year=i18n.year(top_year, lang),
                           n=i18n.digits(str(len(peaks)), lang))
        elif 2 * n_agree > len(peaks):
            title = i18n.t("dpy.title.most", lang, year=i18n.year(top_year, lang),
                           k=i18n.digits(str(n_agree), lang), n=i18n.digits(str(len(peaks)), lang))
        else:
            yrs = sorted(set(peak_years))
            if len(yrs) == 2:
                title = i18n.t("dpy.title.split", lang, years=i18n.t("or", lang).join(
                    i18n.year(y, lang) for y in yrs))
            else:
                title = i18n.t("dpy.title.range", lang, first=i18n.year(yrs[0], lang),
                               last=i18n.year(yrs[-1], lang))
        return {"title": title,
                "subtitle": i18n.t("dpy.subtitle", lang, first=i18n.year(first, lang),
                                   last=i18n.year(last, lang), asof=i18n.month(as_of, lang)),
                "note": i18n.t("dpy.note", lang), "note_short": i18n.t("dpy.note_short", lang),
                "alt": i18n.t("dpy.alt", lang, n=len(series), first=first, last=last,
                              year=top_year)}

    def draw(frame: Frame) -> None:
        cut = frame.cut
        handles, labels = [], []
        for i, sr in enumerate(series):
            c = _series_colour(cut, i)
            handles.append(Line2D([], [], color=c, marker=MARKERS[i % 7], linestyle=LINESTYLES[i % 7],
                                  markersize=4.5))
            labels.append(f"{_pub(sr['pub'], cut.lang)}: {i18n.t('measure.' + sr['meas'], cut.lang)}")
        key_h = _legend(frame, handles, labels)
        ax = frame.axes(top=key_h + 0.1, left=0.6 if not cut.compact else 0.45)
        for i, sr in enumerate(series):
            c = _series_colour(cut, i)
            # a missing year breaks the line (no line drawn across years without a figure)
            full = pd.Series(sr["values"], index=sr["years"]).reindex(
                range(min(sr["years"]), max(sr["years"]) + 1))
            ax.plot(full.index, full.to_numpy(), color=c, marker=MARKERS[i % 7],
                    linestyle=LINESTYLES[i % 7], markersize=4.5, linewidth=1.6, zorder=3)
            for y, lo, hi in zip(sr["years"], sr["lows"], sr["highs"]):
                if not (np.isnan(lo) or np.isnan(hi)):
                    ax.plot([y, y], [lo, hi], color=c, linewidth=1.0, alpha=0.8, zorder=2)
        _start_zero(ax)
        _count_axis(ax, cut)
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=5 if cut.compact else 8, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: i18n.year(v, cut.lang)))
        if last >= 2024:
            _vline(ax, cut, 2024 + 342 / 366, i18n.t("break.assad_short" if cut.compact
                                                    else "break.assad", cut.lang))

    ids = sorted(df["source_id"].astype(str).unique())
    return NewsChart("deaths-per-year", wide, texts, draw, sorted(df["publisher"].unique()), ids,
                     as_of)


# --------------------------------------------------------------------------
# 2. toll-over-time
# --------------------------------------------------------------------------

#: Credible level of the modelled band drawn on toll-over-time.
BAND_LEVEL: float = 0.9


def _fit_band(estimates: pd.DataFrame, sources: pd.DataFrame | None) -> pd.DataFrame | None:
    """``toll.fit(estimates, sources).band(BAND_LEVEL)`` (run in a child process)."""
    import importlib

    toll = importlib.import_module("syriastats.toll")  # the loaded module, if any

    band = toll.fit(estimates, sources).band(BAND_LEVEL)
    if band is None or len(band) == 0:
        return None
    return band[["date", "median", "lower", "upper"]]


def toll_band(estimates: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """The modelled toll band (``date, median, lower, upper``, deaths) from :mod:`syriastats.toll`.

    ``toll.fit(estimates, sources).band(0.9)`` when the toll model is installed;
    None when it is not (the chart then says that no modelled range is shown). Unless
    the toll module is already loaded here, the fit runs in a freshly spawned process,
    so JAX (multithreaded) never lives in this one, which later forks the chart workers.
    """
    import importlib.util

    if "syriastats.toll" in sys.modules:  # already loaded here: nothing new to import
        return _fit_band(estimates, sources)
    if importlib.util.find_spec("jax") is None or importlib.util.find_spec("numpyro") is None:
        return None
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_fit_band, estimates, sources).result()


def _toll_band(est: pd.DataFrame) -> pd.DataFrame | None:
    return toll_band(est)


def toll_over_time(est: pd.DataFrame, band: pd.DataFrame | None = None, *,
                   use_model: bool = True) -> NewsChart:
    """Cumulative deaths since March 2011: documented counts (minimums) and estimates with ranges.

    Documented counts kept over time (two or more dates) are one line per
    publisher; single documented counts are grey open triangles; statistical
    and expert estimates are dots with their stated ranges (one style, one
    key entry). *band*: optional modelled band (``date, median, lower,
    upper``, deaths); by default taken from :mod:`syriastats.toll` when that
    module is importable.
    """
    df = headline(est)
    df = df[df["measure"] == "deaths_total"]
    if "group" in df.columns:
        df = df[_str(df, "group").isin(["all", ""])]
    if "period_type" in df.columns:
        df = df[_str(df, "period_type") == "cumulative"]
    if "area" in df.columns:
        df = df[_str(df, "area").isin(["SYR"])]
    if "perpetrator" in df.columns:
        df = df[_str(df, "perpetrator").isin(["", "all"])]
    df = df[_val(df).notna() & (pd.to_datetime(df["period_start"]) <= "2011-12-31")].copy()
    if df.empty:
        raise MissingData("toll-over-time needs cumulative total death tolls since 2011")
    df["date"] = pd.to_datetime(df["period_end"])
    doc = _latest_per(df[df["method"] == "documented_count"], ["publisher", "date"])
    ests = _latest_per(df[df["method"].isin(["statistical_estimate", "expert_estimate"])],
                       ["publisher", "date"])
    if band is None and use_model:
        band = _toll_band(est)
    pubs = sorted(doc["publisher"].unique(), key=lambda p: (-int((doc["publisher"] == p).sum()), p))
    lines = [p for p in pubs if (doc["publisher"] == p).sum() >= 2][:4]
    singles = doc[~doc["publisher"].isin(lines)]
    dates = sorted(set(doc["date"]) | set(ests["date"]))
    wide = pd.DataFrame({"date": dates})
    for p in lines:
        s = doc[doc["publisher"] == p].set_index("date")["central"].astype(float)
        wide[_unit_col(f"{_acronym(p)} documented (minimum)", "deaths")] = wide["date"].map(s)
    if len(singles):
        wide[_unit_col("other documented counts (minimum)", "deaths")] = wide["date"].map(
            singles.groupby("date")["central"].max().astype(float))
        wide["other documented counts: publisher"] = wide["date"].map(
            singles.sort_values("central").groupby("date")["publisher"].last().map(_acronym))
    if len(ests):
        top_e = ests.sort_values("central").groupby("date").tail(1).set_index("date")
        wide[_unit_col("estimate", "deaths")] = wide["date"].map(top_e["central"].astype(float))
        wide["estimate: publisher"] = wide["date"].map(top_e["publisher"].map(_acronym))
        b = {d: _bounds(r) for d, r in top_e.iterrows()}
        if any(v[0] is not None for v in b.values()):
            wide[_unit_col("estimate low", "deaths")] = wide["date"].map(
                {d: (np.nan if v[0] is None else v[0]) for d, v in b.items()})
            wide[_unit_col("estimate high", "deaths")] = wide["date"].map(
                {d: (np.nan if v[1] is None else v[1]) for d, v in b.items()})
    if band is not None:
        bb = band[["date", "median", "lower", "upper"]].copy()
        bb["date"] = pd.to_datetime(bb["date"])
        wide = wide.merge(bb.rename(columns={"median": "model median (deaths)",
                                             "lower": "model lower (deaths)",
                                             "upper": "model upper (deaths)"}),
                          on="date", how="outer").sort_values("date").reset_index(drop=True)
    top = doc.loc[_val(doc).idxmax()] if len(doc) else None
    as_of = df["date"].max()
    top_est = ests.loc[_val(ests).idxmax()] if len(ests) else None
    shown_pubs = sorted(set(doc["publisher"]) | set(ests["publisher"]))

    def texts(lang: str) -> dict[str, str]:
        if top is not None:
            title = i18n.t("tot.title", lang, value=i18n.count(float(top["central"]), lang),
                           date=i18n.month(top["date"], lang))
            if top_est is not None and float(top_est["central"]) > float(top["central"]):
                title += i18n.t("tot.title_more", lang)
        else:
            title = i18n.t("tot.title_est", lang, value=i18n.count(float(top_est["central"]), lang))
        note = i18n.t("tot.note", lang) + " " + (i18n.t("tot.note_band", lang) if band is not None
                                                  else i18n.t("tot.note_noband", lang))
        return {"title": title,
                "subtitle": i18n.t("tot.subtitle", lang, asof=i18n.month(as_of, lang)),
                "note": note, "note_short": i18n.t("tot.note_short", lang),
                "alt": i18n.t("tot.alt", lang, n=len(pubs),
                              value=i18n.count(float(top["central"]), lang) if top is not None else "-")}

    def draw(frame: Frame) -> None:
        cut = frame.cut
        th = cut.theme
        other = readable(th.axis, th.bg, 3.0)
        est_c = th.series[6 % len(th.series)]
        handles, labels = [], []
        for i, p in enumerate(lines):
            handles.append(Line2D([], [], color=_series_colour(cut, i), linestyle=LINESTYLES[i % 7],
                                  linewidth=1.8))
            labels.append(i18n.t("tot.key_doc", cut.lang, publisher=_pub(p, cut.lang)))
        if len(singles):
            handles.append(Line2D([], [], color=other, marker="^", linestyle="none",
                                  markerfacecolor=th.bg, markersize=6))
            labels.append(i18n.t("tot.key_single", cut.lang))
        if len(ests):
            handles.append(Line2D([], [], color=est_c, marker="o", linestyle="none", markersize=5))
            labels.append(i18n.t("tot.key_ests", cut.lang))
        if band is not None:
            handles.append(Patch(facecolor=th.band, edgecolor="none"))
            labels.append(i18n.t("tot.key_band", cut.lang))
        key_h = _legend(frame, handles, labels)
        ax = frame.axes(top=key_h + 0.1, left=0.7 if not cut.compact else 0.45)
        if band is not None:
            bb = band.copy()
            bb["date"] = pd.to_datetime(bb["date"])
            ax.fill_between(bb["date"], bb["lower"], bb["upper"], color=th.band, linewidth=0,
                            zorder=1)
            ax.plot(bb["date"], bb["median"], color=readable(th.band, th.bg, 3.0), linewidth=1.0,
                    zorder=1.5)
        for i, p in enumerate(lines):
            s = doc[doc["publisher"] == p].sort_values("date")
            ax.plot(s["date"], s["central"].astype(float), color=_series_colour(cut, i),
                    linestyle=LINESTYLES[i % 7], linewidth=1.8, zorder=3)
        if len(singles):
            ax.plot(singles["date"], singles["central"].astype(float), color=other, marker="^",
                    linestyle="none", markerfacecolor=th.bg, markersize=6, zorder=3)
        for _d, r in ests.iterrows():
            lo, hi = _bounds(r)
            if lo is not None and hi is not None:
                ax.plot([r["date"], r["date"]], [lo, hi], color=est_c, linewidth=1.2, zorder=2)
        if len(ests):
            ax.plot(ests["date"], ests["central"].astype(float), color=est_c, marker="o",
                    linestyle="none", markersize=5, zorder=4)
        _start_zero(ax)
        _count_axis(ax, cut)
        _year_axis(ax, cut)
        for acr, when, key in SERIES_BREAKS:
            pub = [p for p in lines if _acronym(p) == acr]
            when_ts = pd.Timestamp(when)
            if pub:
                s = doc[doc["publisher"] == pub[0]]
                if s["date"].min() < when_ts < s["date"].max():
                    _vline(ax, cut, when_ts, i18n.t(key + ("_short" if cut.compact else ""),
                                                    cut.lang), y_frac=0.3)
        if as_of >= FALL_OF_ASSAD:
            _vline(ax, cut, FALL_OF_ASSAD, i18n.t("break.assad_short" if cut.compact
                                                  else "break.assad", cut.lang), y_frac=0.98)

    ids = sorted(df.loc[df.index.isin(doc.index) | df.index.isin(ests.index), "source_id"]
                 .astype(str).unique())
    return NewsChart("toll-over-time", wide, texts, draw, shown_pubs, ids, as_of,
                     extra_meta={"modelled_band": band is not None})


# --------------------------------------------------------------------------
# 3. deaths-by-perpetrator
# --------------------------------------------------------------------------

def deaths_by_perpetrator(est: pd.DataFrame) -> NewsChart:
    """Deaths by who caused them, from the source and date with the fullest attribution."""
    _need(est, ("perpetrator", "area"), "deaths-by-perpetrator")
    df = headline(est)
    df = df[df["measure"].isin(DEATH_MEASURES) & ~_str(df, "perpetrator").isin(["", "all"])
            & (_str(df, "area") == "SYR") & _val(df).notna()].copy()
    if df.empty:
        raise MissingData("deaths-by-perpetrator needs death tolls with a perpetrator "
                          "(not 'all')")
    df["date"] = pd.to_datetime(df["period_end"])
    df["grp"] = _str(df, "group")
    sizes = df.groupby(["source_id", "measure", "grp", "date"]).size()
    best = sorted(sizes.items(), key=lambda kv: (-kv[1], -kv[0][3].value, kv[0]))[0][0]
    sel = df[(df["source_id"] == best[0]) & (df["measure"] == best[1]) & (df["grp"] == best[2])
             & (df["date"] == best[3])]
    sel = _latest_per(sel, ["perpetrator"]).copy()
    if len(sel) < 3:
        raise MissingData("deaths-by-perpetrator needs one source's deaths split among at least "
                          f"three perpetrators (the fullest split has {len(sel)})")
    sel["value"] = _val(sel)
    sel = sel.sort_values(["value", "perpetrator"], ascending=[False, True])
    total = float(sel["value"].sum())
    wide = pd.DataFrame({"perpetrator": [i18n.name("perpetrator", p, "en") for p in sel["perpetrator"]],
                         "deaths": sel["value"].to_numpy(),
                         "share of attributed deaths (%)": np.round(100 * sel["value"].to_numpy() / total, 1)})
    pub = str(sel["publisher"].iloc[0])
    measure = best[1]
    as_of = best[3]
    start_ = pd.to_datetime(sel["period_start"]).min()
    top = sel.iloc[0]

    def texts(lang: str) -> dict[str, str]:
        return {"title": i18n.t("perp.title", lang,
                                perpetrator=i18n.name("perpetrator", top["perpetrator"], lang),
                                share=i18n.share(float(top["value"]) / total, lang),
                                what=i18n.t("measure_of." + measure, lang),
                                publisher=_pub(pub, lang)),
                "subtitle": i18n.t("perp.subtitle", lang, what=i18n.t("measure." + measure, lang),
                                   start=i18n.month(start_, lang), asof=i18n.month(as_of, lang)),
                "note": i18n.t("perp.note", lang, publisher=_pub(pub, lang)),
                "note_short": i18n.t("perp.note_short", lang),
                "alt": i18n.t("perp.alt", lang, n=len(sel), publisher=_pub(pub, lang))}

    def draw(frame: Frame) -> None:
        cut = frame.cut
        th = cut.theme
        names = [i18n.name("perpetrator", p, cut.lang) for p in sel["perpetrator"]]
        label_w = 1.6 if not cut.compact else 1.25
        ax = frame.axes(left=label_w, right=0.55, bottom=0.1, top=0.05)
        y = np.arange(len(sel))[::-1]
        colour = th.series[0]
        ax.barh(y, sel["value"].to_numpy(), color=colour, height=0.65)
        ax.set_yticks(y, names)
        ax.tick_params(axis="y", labelsize=cut.small_pt)
        ax.grid(False)
        ax.spines["bottom"].set_visible(False)
        ax.set_xticks([])
        vmax = float(sel["value"].max())
        ax.set_xlim(0, vmax * 1.05)
        if cut.rtl:
            ax.invert_xaxis()
        for yy, v in zip(y, sel["value"]):
            txt = f"{i18n.compact(v, cut.lang) if cut.compact else i18n.count(v, cut.lang)} " \
                  f"({i18n.share(v / total, cut.lang)})"
            ax.annotate(txt, xy=(v, yy), xytext=(-4 if cut.rtl else 4, 0), textcoords="offset points",
                        ha="right" if cut.rtl else "left", va="center", fontsize=cut.small_pt,
                        color=th.text, annotation_clip=False)

    return NewsChart("deaths-by-perpetrator", wide, texts, draw, [pub],
                     sorted(sel["source_id"].astype(str).unique()), as_of)


# --------------------------------------------------------------------------
# Maps: deaths-by-governorate, idps-by-governorate
# --------------------------------------------------------------------------

def _by_governorate(df: pd.DataFrame, what: str) -> pd.DataFrame:
    df = df[_str(df, "area").str.startswith("SY-") & _val(df).notna()].copy()
    df = df[df["area"].isin(geo.GOVERNORATES)]
    if df.empty:
        raise MissingData(f"{what} needs figures by governorate (area SY-..)")
    df["date"] = pd.to_datetime(df["period_end"])
    df["start"] = pd.to_datetime(df["period_start"])
    sizes = df.groupby(["source_id", "measure", "start", "date"])["area"].nunique()

    def rank(kv: Any) -> tuple:
        (sid, meas, st, en), n = kv
        # a set of 6+ governorates over the longest period wins (a whole-war picture over one
        # year's), then more governorates, then the latest
        return (-(n >= 6), -(en - st).days, -n, -en.value, sid, meas)

    best = sorted(sizes.items(), key=rank)[0][0]
    sel = df[(df["source_id"] == best[0]) & (df["measure"] == best[1]) & (df["start"] == best[2])
             & (df["date"] == best[3])]
    sel = _latest_per(sel, ["area"]).copy()
    sel["value"] = _val(sel)
    return sel.sort_values(["value", "area"], ascending=[False, True])


def _national_total(df: pd.DataFrame, sel: pd.DataFrame) -> float | None:
    """The same publisher's national figure (area ``SYR``) for the same measure, group and
    period as the governorate rows in *sel*; None when it did not publish one. Unit: people."""
    first = sel.iloc[0]
    same = df[(_str(df, "area") == "SYR") & (_str(df, "measure") == str(first["measure"]))
              & (_str(df, "publisher") == str(first["publisher"]))
              & (_str(df, "period_start") == str(first["period_start"]))
              & (_str(df, "period_end") == str(first["period_end"]))
              & (_str(df, "group") == str(first.get("group", "")))
              & _val(df).notna()]
    if same.empty:
        return None
    return float(_val(_latest_per(same, ["area"])).iloc[0])


def _map_chart(slug: str, sel: pd.DataFrame, unit: str, key: str,
               national: float | None = None) -> NewsChart:
    """A governorate map of one publisher's one series (*sel*: one row per governorate shown).

    Governorates without a figure are hatched and named as not published; when the
    publisher's *national* total for the same series is known, shares are of that total
    and the note says how many people the unshown governorates hold together.
    """
    n = len(sel)
    if n == len(geo.GOVERNORATES):
        national = None  # a full set is its own total; never mix in another dataset's
    shown = float(sel["value"].sum())
    total = national if (national is not None and national >= shown) else shown
    rest = total - shown if n < len(geo.GOVERNORATES) and national is not None else None
    values = sel.set_index("area")["value"].astype(float)
    missing = sorted(set(geo.GOVERNORATES) - set(values.index))
    share_col = ("share of the national total (%)" if national is not None
                 else "share of the total shown (%)")
    codes = list(sel["area"]) + missing
    vals = list(sel["value"].astype(float)) + [np.nan] * len(missing)
    wide = pd.DataFrame({"governorate code (ISO 3166-2)": codes,
                         "governorate": [i18n.name("area", a, "en") for a in codes],
                         f"{unit}": np.asarray(vals, dtype=float),
                         share_col: np.round(100 * np.asarray(vals, dtype=float) / total, 1),
                         "figure published": ["yes"] * n + ["no"] * len(missing)})
    pub = str(sel["publisher"].iloc[0])
    measure = str(sel["measure"].iloc[0])
    as_of = sel["date"].max()
    start_ = sel["start"].min()
    top = sel.iloc[0]

    def period(lang: str) -> str:
        if start_ == as_of:
            return i18n.month(as_of, lang)
        if start_.year == as_of.year and start_.month == 1 and as_of.month == 12:
            return i18n.year(as_of.year, lang)
        return i18n.t("period", lang, start=i18n.month(start_, lang), end=i18n.month(as_of, lang))

    def texts(lang: str) -> dict[str, str]:
        title_key = key + (".title_national" if national is not None else
                           ".title" if n == len(geo.GOVERNORATES) else ".title_part")
        note = i18n.t(key + ".note", lang)
        if missing:
            note += " " + i18n.t("map.nodata", lang, n=i18n.digits(str(len(missing)), lang))
            if rest is not None:
                note += " " + i18n.t("map.rest", lang, rest=i18n.count(rest, lang),
                                     total=i18n.count(total, lang), publisher=_pub(pub, lang))
        return {"title": i18n.t(title_key, lang, area=i18n.name("area", top["area"], lang),
                                value=i18n.big(float(top["value"]), lang),
                                share=i18n.share(float(top["value"]) / total, lang),
                                n=i18n.digits(str(n), lang)),
                "subtitle": i18n.t(key + ".subtitle", lang, what=i18n.t("measure." + measure, lang),
                                   n=i18n.digits(str(n), lang), asof=i18n.month(as_of, lang),
                                   publisher=_pub(pub, lang), period=period(lang)),
                "note": note,
                "note_short": i18n.t(key + ".note_short", lang) + (
                    " " + i18n.t("map.nodata_short", lang) if missing else ""),
                "alt": i18n.t(key + ".alt", lang, n=n, area=i18n.name("area", top["area"], "en"),
                              value=i18n.count(float(top["value"]), "en"))}

    def draw(frame: Frame) -> None:
        cut = frame.cut
        th = cut.theme
        fills, stops = geo.colour_scale(values, cut)
        if cut.compact:
            ax = frame.axes(left=0.0, right=0.0, bottom=0.45, top=0.0)
            labels = {a: f"{_short_area(a, cut.lang)}\n{i18n.compact(v, cut.lang)}"
                      for a, v in values.items()}
            geo.draw_tiles(ax, fills, cut, labels,
                           names={a: _short_area(a, cut.lang) for a in geo.GOVERNORATES})
        else:
            ax = frame.axes(left=0.0, right=0.0, bottom=0.45, top=0.0)
            # label every governorate when six or fewer are published (a map of six with one
            # unlabelled reads as an error); else the largest five, the key and CSV carry the rest
            shown = values if len(values) <= 6 else values.head(5)
            labels = {a: i18n.compact(v, cut.lang) for a, v in shown.items()}
            geo.draw_choropleth(ax, fills, cut, labels=labels)
        # colour key along the bottom of the plot area
        w, h = frame.fig.get_size_inches()
        sw, gap, label_w = 0.3, 0.25, 1.25  # "not published" swatch and its label, inches
        room = frame.right_in - frame.left_in - ((sw + gap + label_w) if missing else 0.0)
        kw = min(2.6, room)
        x0 = frame.right_in - kw if cut.rtl else frame.left_in
        kax = frame.fig.add_axes((x0 / w, (frame.bottom_in + 0.12) / h, kw / w, 0.12 / h))
        kax.set_axis_off()
        for i, (_v, c) in enumerate(stops[1:]):
            kax.add_patch(__import__("matplotlib").patches.Rectangle((i, 0), 1, 1, facecolor=c,
                                                                     edgecolor=th.bg))
        kax.set_xlim(0, len(stops) - 1)
        kax.set_ylim(0, 1)
        if cut.rtl:
            kax.invert_xaxis()
        for i, (v, _c) in enumerate(stops):
            if i in (0, len(stops) - 1):
                kax.text(i, 1.2, i18n.compact(v, cut.lang), ha="center", va="bottom",
                         fontsize=cut.small_pt, color=th.text)
        if missing:
            # the hatched swatch that marks governorates without a published figure, its
            # label beside it (away from the colour key's end number)
            x1 = x0 - gap - sw if cut.rtl else x0 + kw + gap
            hax = frame.fig.add_axes((x1 / w, (frame.bottom_in + 0.12) / h, sw / w, 0.12 / h))
            hax.set_axis_off()
            geo.hatched_swatch(hax, cut)
            hax.text(-0.25 if cut.rtl else 1.25, 0.5, i18n.t("map.nodata_key", cut.lang),
                     ha="right" if cut.rtl else "left", va="center", fontsize=cut.small_pt,
                     color=th.text, transform=hax.transAxes)

    return NewsChart(slug, wide, texts, draw, [pub], sorted(sel["source_id"].astype(str).unique()),
                     as_of, boundaries=True,
                     extra_meta={"governorates_published": n,
                                 "national_total": None if national is None else int(round(national))})


def _short_area(code: str, lang: str) -> str:
    try:
        return i18n.name("area_short", code, lang)
    except KeyError:
        return i18n.name("area", code, lang)


def deaths_by_governorate(est: pd.DataFrame) -> NewsChart:
    """Map: deaths by governorate from the source and date with the most governorates."""
    _need(est, ("area",), "deaths-by-governorate")
    df = headline(est)
    df = df[df["measure"].isin(DEATH_MEASURES)]
    if "perpetrator" in df.columns:
        df = df[_str(df, "perpetrator").isin(["", "all"])]
    if "group" in df.columns:
        df = df[~_str(df, "group").isin(["children", "women"])]
    sel = _by_governorate(df, "deaths-by-governorate")
    return _map_chart("deaths-by-governorate", sel, "deaths", "gov_deaths",
                      national=_national_total(df, sel))


def idps_by_governorate(est: pd.DataFrame) -> NewsChart:
    """Map: internally displaced people by governorate where they live now (latest full set)."""
    _need(est, ("area", "period_type"), "idps-by-governorate")
    df = headline(est)
    df = df[(df["measure"] == "idps") & (_str(df, "period_type") == "stock")]
    sel = _by_governorate(df, "idps-by-governorate")
    return _map_chart("idps-by-governorate", sel, "persons", "gov_idps",
                      national=_national_total(df, sel))


# --------------------------------------------------------------------------
# Displacement over time: refugees-by-host, displacement, returns
# --------------------------------------------------------------------------

def _time_lines(frame: Frame, series: list[dict[str, Any]], *, top_extra: float = 0.0,
                band_dates: Sequence[Any] = ()) -> Any:
    cut = frame.cut
    handles = [Line2D([], [], color=_series_colour(cut, i), marker=MARKERS[i % 7],
                      linestyle=LINESTYLES[i % 7], markersize=4) for i in range(len(series))]
    key_h = _legend(frame, handles, [s["label"][cut.lang] for s in series])
    ax = frame.axes(top=key_h + 0.1 + top_extra, left=0.7 if not cut.compact else 0.45)
    for i, s in enumerate(series):
        ax.plot(s["dates"], s["values"], color=_series_colour(cut, i), marker=MARKERS[i % 7],
                linestyle=LINESTYLES[i % 7], markersize=3.5, linewidth=1.7, zorder=3)
    _start_zero(ax)
    _count_axis(ax, cut)
    return ax


def _stock_rows(est: pd.DataFrame) -> pd.DataFrame:
    df = headline(est)
    if "period_type" in df.columns:
        df = df[_str(df, "period_type") == "stock"]
    df = df[_val(df).notna()].copy()
    df["date"] = pd.to_datetime(df["period_end"])
    return df


def _main_publisher(df: pd.DataFrame) -> str:
    counts = df.groupby("publisher").size()
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def refugees_by_host(est: pd.DataFrame, top: int = 5) -> NewsChart:
    """Syrian refugees in the main host countries over time (one publisher, one measure)."""
    _need(est, ("host", "period_type"), "refugees-by-host")
    df = _stock_rows(est)
    df = df[df["measure"].isin(["refugees", "refugees_registered"])
            & (_str(df, "host").str.fullmatch(r"[A-Z]{3}")) & ~_str(df, "host").isin(["REGION", "WORLD"])]
    if df.empty:
        raise MissingData("refugees-by-host needs refugee figures by host country (host ISO alpha-3)")
    # the measure with the most recent figures (ties: more figures)
    stats = df.groupby("measure").agg(last=("date", "max"), n=("date", "size"))
    meas = sorted(stats.itertuples(), key=lambda r: (-r.last.value, -r.n, r.Index))[0].Index
    df = df[df["measure"] == meas]
    pub = _main_publisher(df)
    df = _latest_per(df[df["publisher"] == pub], ["host", "date"])
    if df["host"].nunique() < 2:
        raise MissingData("refugees-by-host needs figures for at least two host countries")
    latest = df.sort_values("date").groupby("host").tail(1)
    hosts = list(latest.sort_values(["central", "host"], ascending=[False, True])["host"].head(top))
    df = df[df["host"].isin(hosts)]
    dates = sorted(df["date"].unique())
    wide = pd.DataFrame({"date": dates})
    series = []
    for h in hosts:
        s = df[df["host"] == h].sort_values("date")
        wide[_unit_col(i18n.name("host", h, "en"), "persons")] = wide["date"].map(
            s.set_index("date")["central"].astype(float))
        series.append({"label": {lg: i18n.name("host", h, lg) for lg in i18n.LANGS},
                       "dates": s["date"], "values": s["central"].astype(float)})
    lead = latest.set_index("host").loc[hosts[0]]
    as_of = df["date"].max()
    first = df["date"].min()

    def texts(lang: str) -> dict[str, str]:
        return {"title": i18n.t("host.title", lang, host=i18n.name("host", hosts[0], lang),
                                value=i18n.big(float(lead["central"]), lang),
                                date=i18n.month(lead["date"], lang)),
                "subtitle": i18n.t("host.subtitle." + meas, lang, n=i18n.digits(str(len(hosts)), lang),
                                   first=i18n.year(first.year, lang), asof=i18n.month(as_of, lang)),
                "note": i18n.t("host.note." + meas, lang), "note_short": i18n.t("host.note_short", lang),
                "alt": i18n.t("host.alt", lang, hosts=", ".join(i18n.name("host", h, "en") for h in hosts))}

    def draw(frame: Frame) -> None:
        ax = _time_lines(frame, series)
        _year_axis(ax, frame.cut)
        if as_of >= FALL_OF_ASSAD:
            _vline(ax, frame.cut, FALL_OF_ASSAD,
                   i18n.t("break.assad_short" if frame.cut.compact else "break.assad", frame.cut.lang))

    return NewsChart("refugees-by-host", wide, texts, draw, [pub],
                     sorted(df["source_id"].astype(str).unique()), as_of)


def _person_series(parts: list[tuple[str, str, pd.DataFrame]], key_prefix: str
                   ) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Wide table (one row per date, one persons column per series) and the series to draw,
    from ``(key, publisher, rows)`` parts; labels are catalog entries ``key_prefix + key``."""
    dates = sorted(set().union(*[set(p[2]["date"]) for p in parts]))
    wide = pd.DataFrame({"date": dates})
    series = []
    for key, pub, s in parts:
        lab = {lg: i18n.t(key_prefix + key, lg, publisher=_pub(pub, lg)) for lg in i18n.LANGS}
        wide[_unit_col(lab["en"], "persons")] = wide["date"].map(s.set_index("date")["central"].astype(float))
        series.append({"label": lab, "dates": s["date"], "values": s["central"].astype(float)})
    return wide, series


def displacement(est: pd.DataFrame) -> NewsChart:
    """Refugees abroad and people displaced inside Syria over time (one publisher per series)."""
    df = _stock_rows(est)
    if "host" in df.columns:
        ref = df[(df["measure"] == "refugees") & _str(df, "host").isin(["WORLD"])]
        if ref.empty:
            ref = df[df["measure"].isin(["refugees", "refugees_registered"])
                     & _str(df, "host").isin(["REGION", "WORLD"])]
    else:
        ref = df[df["measure"] == "refugees_worldwide"]
    idp = df[df["measure"] == "idps"]
    if "area" in idp.columns:
        idp = idp[_str(idp, "area") == "SYR"]
    if ref.empty or idp.empty:
        raise MissingData("displacement needs refugee totals (host WORLD or REGION) and IDP "
                          "figures for Syria")
    parts = []
    for key, sub in (("refugees", ref), ("idps", idp)):
        pub = _main_publisher(sub)
        s = _latest_per(sub[sub["publisher"] == pub], ["date"]).sort_values("date")
        s = s[s["date"] >= "2011-01-01"]
        parts.append((key, pub, s))
    wide, series = _person_series(parts, "disp.key.")
    rs = parts[0][2]
    peak = rs.loc[_val(rs).idxmax()]
    last = rs.iloc[-1]
    as_of = max(p[2]["date"].max() for p in parts)
    drop = 1 - float(last["central"]) / float(peak["central"])

    def texts(lang: str) -> dict[str, str]:
        if drop >= 0.05:
            title = i18n.t("disp.title.down", lang, value=i18n.big(float(last["central"]), lang),
                           pct=i18n.share(drop, lang), year=i18n.year(peak["date"].year, lang))
        else:
            title = i18n.t("disp.title.peak", lang, value=i18n.big(float(last["central"]), lang),
                           date=i18n.month(last["date"], lang))
        return {"title": title, "subtitle": i18n.t("disp.subtitle", lang, asof=i18n.month(as_of, lang)),
                "note": i18n.t("disp.note", lang), "note_short": i18n.t("disp.note_short", lang),
                "alt": i18n.t("disp.alt", lang, refugees=i18n.count(float(last["central"]), "en"),
                              idps=i18n.count(float(parts[1][2].iloc[-1]["central"]), "en"))}

    def draw(frame: Frame) -> None:
        ax = _time_lines(frame, series)
        _year_axis(ax, frame.cut)
        if as_of >= FALL_OF_ASSAD:
            _vline(ax, frame.cut, FALL_OF_ASSAD,
                   i18n.t("break.assad_short" if frame.cut.compact else "break.assad", frame.cut.lang))

    used = pd.concat([p[2] for p in parts])
    return NewsChart("displacement", wide, texts, draw, sorted({p[1] for p in parts}),
                     sorted(used["source_id"].astype(str).unique()), as_of)


def returns_since_2024_12(est: pd.DataFrame) -> NewsChart:
    """Refugees and internally displaced people who returned since December 2024 (cumulative)."""
    _need(est, ("period_type",), "returns-since-2024-12")
    df = headline(est)
    df = df[df["measure"].isin(["refugee_returns", "idp_returns"])
            & (_str(df, "period_type") == "cumulative") & _val(df).notna()].copy()
    ps = pd.to_datetime(df["period_start"])
    df = df[(ps >= "2024-11-01") & (ps <= "2024-12-31")]
    # refugees back from every country of asylum (host WORLD): a count from one country or the
    # region alone is a part of that total, not a point on its line
    if "host" in df.columns:
        df = df[(df["measure"] != "refugee_returns") | (_str(df, "host") == "WORLD")]
    if df.empty:
        raise MissingData("returns-since-2024-12 needs cumulative refugee_returns (host WORLD) or "
                          "idp_returns counted from December 2024")
    df["date"] = pd.to_datetime(df["period_end"])
    parts = []
    for meas in ("refugee_returns", "idp_returns"):
        sub = df[df["measure"] == meas]
        if sub.empty:
            continue
        pub = _main_publisher(sub)
        s = _latest_per(sub[sub["publisher"] == pub], ["date"]).sort_values("date")
        parts.append((meas, pub, s))
    wide, series = _person_series(parts, "ret.key.")
    latest = {m: s.iloc[-1] for m, _p, s in parts}
    as_of = df["date"].max()

    def texts(lang: str) -> dict[str, str]:
        if len(latest) == 2:
            title = i18n.t("ret.title.both", lang,
                           refugees=i18n.big(float(latest["refugee_returns"]["central"]), lang),
                           idps=i18n.big(float(latest["idp_returns"]["central"]), lang))
        else:
            m, r = next(iter(latest.items()))
            title = i18n.t("ret.title." + m, lang, value=i18n.big(float(r["central"]), lang))
        return {"title": title, "subtitle": i18n.t("ret.subtitle", lang, asof=i18n.day(as_of, lang)),
                "note": i18n.t("ret.note", lang), "note_short": i18n.t("ret.note_short", lang),
                "alt": i18n.t("ret.alt", lang, asof=i18n.day(as_of, "en"))}

    def draw(frame: Frame) -> None:
        import matplotlib.dates as mdates
        from matplotlib.ticker import FuncFormatter

        cut = frame.cut
        ax = _time_lines(frame, series)
        ax.set_xlim(FALL_OF_ASSAD - pd.Timedelta(days=10), as_of + pd.Timedelta(days=20))
        ax.axvline(FALL_OF_ASSAD, color=cut.theme.axis, linewidth=0.8, linestyle=":", zorder=1)
        ax.xaxis.set_major_locator(mdates.MonthLocator(
            bymonth=(1, 7) if (cut.compact or cut.rtl or cut.width_in < 5.5) else (1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda v, _p: i18n.month(mdates.num2date(v).replace(tzinfo=None), cut.lang)))

    used = pd.concat([p[2] for p in parts])
    return NewsChart("returns-since-2024-12", wide, texts, draw, sorted({p[1] for p in parts}),
                     sorted(used["source_id"].astype(str).unique()), as_of)


#: slug -> chart function (registry -> NewsChart).
CHARTS: dict[str, Callable[[pd.DataFrame], NewsChart]] = {
    "toll-over-time": toll_over_time,
    "deaths-per-year": deaths_per_year,
    "deaths-by-perpetrator": deaths_by_perpetrator,
    "deaths-by-governorate": deaths_by_governorate,
    "displacement": displacement,
    "refugees-by-host": refugees_by_host,
    "returns-since-2024-12": returns_since_2024_12,
    "idps-by-governorate": idps_by_governorate,
}


# --------------------------------------------------------------------------
# Rendering and metadata
# --------------------------------------------------------------------------

def credit(chart: NewsChart, lang: str, *, short: bool = False) -> str:
    """The credit line: full publisher names; maps add that boundaries are not authoritative.

    *short* (phone cut): publishers with an acronym are named by it (``SOHR``).
    """
    from syriastats.charts.style import source_name

    names = [source_name(p) if short and "(" in p else i18n.publisher(p, lang)
             for p in chart.publishers]
    names = list(dict.fromkeys(names))
    key = "credit.one" if len(names) == 1 else "credit.many"
    text = i18n.t(key, lang, names=i18n.t("list_sep", lang).join(names))
    if chart.boundaries:
        text += " " + i18n.t("credit.boundaries", lang)
    return text


def render(chart: NewsChart, cut: Cut) -> Figure:
    """Draw *chart* in *cut* and return the figure (not saved)."""
    tx = chart.texts(cut.lang)
    with cut_style(cut):
        frame = start(cut, title=tx["title"], subtitle=tx["subtitle"], credit=credit(chart, cut.lang, short=cut.compact),
                      note=tx["note_short"] if cut.compact else tx["note"],
                      licence=i18n.t("licence", cut.lang))
        chart.draw(frame)
    return frame.fig


def chart_meta(chart: NewsChart) -> dict[str, Any]:
    """Export metadata (English texts; Arabic texts under ``ar``) for :func:`syriastats.export.save_news`."""
    en, ar = chart.texts("en"), chart.texts("ar")
    return {"title": en["title"], "subtitle": en["subtitle"], "source": credit(chart, "en"),
            "note": en["note"], "note_short": en["note_short"], "alt_text": en["alt"],
            "source_ids": chart.source_ids, "notebook": "syriastats charts (syriastats.newsroom)",
            "section": "news", "data_as_of": chart.data_as_of.strftime("%Y-%m-%d"),
            "variants": list(VARIANTS),
            "ar": {"title": ar["title"], "subtitle": ar["subtitle"], "source": credit(chart, "ar"),
                   "note": ar["note"]},
            **chart.extra_meta}


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

_REGISTRY: pd.DataFrame | None = None
_CHARTS: dict[str, NewsChart] = {}


_BAND: pd.DataFrame | None = None


def _chart(slug: str) -> NewsChart:
    if slug not in _CHARTS:
        assert _REGISTRY is not None
        if slug == "toll-over-time":
            _CHARTS[slug] = toll_over_time(_REGISTRY, band=_BAND, use_model=False)
        else:
            _CHARTS[slug] = CHARTS[slug](_REGISTRY)
    return _CHARTS[slug]


def _band_key(estimates: pd.DataFrame) -> str:
    """Hash of the registry and the toll model's code: the band is refitted only when one changes."""
    import hashlib

    from syriastats import export

    h = hashlib.sha256(export.format_csv(estimates.astype(object)).encode("utf-8"))
    import importlib.util

    # located, not imported: importing the toll model would load JAX into this process
    spec = importlib.util.find_spec("syriastats.toll")
    if spec is None or not spec.submodule_search_locations:
        h.update(b"no toll model")
    else:
        folder = Path(list(spec.submodule_search_locations)[0])
        for f in sorted(folder.glob("*.py")):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _read_band(folder: Path, key: str) -> pd.DataFrame | None:
    """The band stored in ``toll-over-time.csv`` when its JSON carries *key* (else None)."""
    import json

    rec_path, csv_path = folder / "toll-over-time.json", folder / "toll-over-time.csv"
    if rec_path.is_file() and csv_path.is_file():
        try:
            rec = json.loads(rec_path.read_text(encoding="utf-8"))
            if rec.get("band_key") == key:
                old = pd.read_csv(csv_path, parse_dates=["date"])
                cols = ["model median (deaths)", "model lower (deaths)", "model upper (deaths)"]
                band = old[["date", *cols]].dropna()
                band.columns = ["date", "median", "lower", "upper"]
                band = band.astype({c: float for c in ("median", "lower", "upper")})
                if len(band):
                    return band.reset_index(drop=True)
        except (ValueError, KeyError):
            pass
    return None


def _cached_band(estimates: pd.DataFrame, sources: pd.DataFrame, folder: Path,
                 log: Callable[[str], None]) -> tuple[pd.DataFrame | None, str]:
    """The toll band, reused from ``toll-over-time.csv`` when its ``band_key`` still matches."""
    import importlib.util

    if importlib.util.find_spec("syriastats.toll") is None:
        log("toll-over-time: no modelled band (syriastats.toll is not installed)")
        return None, ""
    key = _band_key(estimates)
    band = _read_band(folder, key)
    if band is not None:
        return band, key
    t = time.perf_counter()
    try:
        band = toll_band(estimates, sources)
    except Exception as exc:  # noqa: BLE001 - the chart is drawn without the band and says so
        log(f"toll-over-time: toll model failed ({type(exc).__name__}: {exc}); no band drawn")
        return None, ""
    log(f"toll-over-time: fitted the toll model in {time.perf_counter() - t:.0f} s")
    if band is not None:
        # whole deaths, as the CSV stores them: a fresh fit and a band reused from the CSV
        # draw the same chart, byte for byte
        band = band.assign(**{c: band[c].astype(float).round() for c in ("median", "lower", "upper")})
    return band, key


def code_key() -> str:
    """Hash of everything that shapes a news chart besides its data: the drawing code, the
    catalog, the boundaries, and the matplotlib and font versions."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    import matplotlib

    h = hashlib.sha256()
    pkg = Path(__file__).parent
    files = [pkg / "newsroom.py", pkg / "export.py", *sorted((pkg / "charts").glob("*.py")),
             pkg / "charts" / "i18n.json", *sorted((pkg / "data" / "geo").glob("*"))]
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(matplotlib.__version__.encode())
    try:
        h.update(version("fontpkg-noto-sans-arabic").encode())
    except PackageNotFoundError:
        h.update(b"no-arabic-font")
    return h.hexdigest()


def build_key(chart: NewsChart, code: str) -> str:
    """Hash of a chart's inputs: its data, its metadata and :func:`code_key`."""
    import hashlib

    from syriastats import export

    meta = chart_meta(chart)
    text = export.format_csv(chart.data) + export.format_json(meta) + code
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _up_to_date(folder: Path, slug: str, key: str) -> bool:
    import json

    path = folder / f"{slug}.json"
    if not path.is_file():
        return False
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    if rec.get("build_key") != key:
        return False
    names = list(rec.get("files", {}).values())
    names += [n for v in rec.get("variant_files", {}).values() for n in v.values()]
    return bool(names) and all((folder / n).is_file() for n in names)


def _render_task(task: tuple[str, str, str]) -> tuple[str, str, int, str]:
    """Render and save one cut; returns (slug, cut, files written, error message or '')."""
    from syriastats import export

    slug, cut_name, out_dir = task
    try:
        chart = _chart(slug)
        cut = CUTS[cut_name]
        fig = render(chart, cut)
        meta = chart_meta(chart)
        with cut_style(cut):
            paths = export.save_news(fig, slug, chart.data, meta, out_dir=out_dir,
                                     variant=cut_name, facecolor=cut.theme.bg)
    except Exception as exc:  # noqa: BLE001 - reported in one line; earlier files stay
        return slug, cut_name, 0, f"{type(exc).__name__}: {exc}"
    return slug, cut_name, len(paths), ""


def build_news_charts(out_dir: str | os.PathLike[str] | None = None, *,
                      estimates: pd.DataFrame | None = None, only: Sequence[str] | None = None,
                      jobs: int | None = None, log: Callable[[str], None] | None = None,
                      force: bool = False, model: bool = True) -> dict[str, Any]:
    """Write every news chart in every cut into *out_dir* (default ``figures/``).

    With the registry loaded here (*estimates* None) and *model* true, the
    toll-over-time band comes from :func:`toll_band` (the toll model), reused
    from the previous ``toll-over-time.csv`` while the registry and the model's
    code are unchanged (``band_key``). A chart whose JSON carries the same ``build_key`` (hash of its data, its
    metadata and the drawing code, :func:`build_key`) and whose files all
    exist is up to date and not redrawn, unless *force*. Charts whose data
    are missing are skipped with a one-line message; a cut
    that fails (e.g. a name missing from the catalog) is reported in one line
    and its earlier files are left as they were. Work
    is spread over *jobs* processes (default: the number of cores, at most
    4). Returns ``{"written": {slug: [cut, ...]}, "skipped": {slug: reason},
    "failed": {file stem: error}, "files": n, "seconds": s}``.
    """
    global _REGISTRY, _BAND
    from syriastats.paths import figures_dir

    log = log or (lambda s: print(s, flush=True))
    t0 = time.perf_counter()
    folder = Path(out_dir) if out_dir is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _BAND, band_key = None, ""
    if estimates is None:
        from syriastats.sources import load_estimates, load_sources, with_sources

        raw, src = load_estimates(), load_sources()
        estimates = with_sources(raw, src)
        if model and (only is None or "toll-over-time" in only):
            # measured on 2 cores: fitting while the other charts are drawn saved nothing
            # (the fit uses both cores), so the fit comes first
            _BAND, band_key = _cached_band(raw, src, folder, log)
    _REGISTRY = estimates
    _CHARTS.clear()
    slugs = [s for s in NEWS_SLUGS if only is None or s in only]
    jobs = jobs or min(os.cpu_count() or 1, 4)
    code = code_key()
    skipped: dict[str, str] = {}
    fresh: list[str] = []
    for slug in _prepare(slugs, skipped, log):
        chart = _chart(slug)
        if slug == "toll-over-time" and band_key and _BAND is not None:
            chart.extra_meta["band_key"] = band_key
        key = build_key(chart, code)
        chart.extra_meta["build_key"] = key
        if not force and _up_to_date(folder, slug, key):
            log(f"up to date {slug}")
        else:
            fresh.append(slug)
    results = _render_all([(slug, c, str(folder)) for slug in fresh for c in ("", *VARIANTS)], jobs)
    written: dict[str, list[str]] = {}
    nfiles = 0
    failed: dict[str, str] = {}
    for slug, c, n, err in results:
        if err:
            failed[f"{slug}{'-' + c if c else ''}"] = err
            log(f"failed {slug} ({c or 'standard'} cut): {err}")
            continue
        written.setdefault(slug, []).append(c or "standard")
        nfiles += n
    secs = time.perf_counter() - t0
    for slug in fresh:
        log(f"wrote {slug}: {', '.join(written.get(slug, []))}")
    from syriastats.gallery import write_gallery

    write_gallery(folder)
    return {"written": written, "skipped": skipped, "failed": failed, "files": nfiles,
            "up_to_date": [s for s in slugs if s not in fresh and s not in skipped],
            "seconds": secs}


def _prepare(slugs: Sequence[str], skipped: dict[str, str],
             log: Callable[[str], None]) -> list[str]:
    """Build the :class:`NewsChart` of each slug; those that cannot be drawn go to *skipped*."""
    ready = []
    for slug in slugs:
        try:
            _chart(slug)
            ready.append(slug)
        except MissingData as exc:
            skipped[slug] = str(exc)
            log(f"skip {slug}: {exc}")
        except KeyError as exc:
            skipped[slug] = f"text missing from the catalog: {exc}"
            log(f"skip {slug}: text missing from the catalog (src/syriastats/charts/i18n.json): {exc}")
        except Exception as exc:  # noqa: BLE001 - one bad chart must not stop the others
            skipped[slug] = f"{type(exc).__name__}: {exc}"
            log(f"skip {slug}: could not prepare the chart ({type(exc).__name__}: {exc})")
    return ready


def _render_all(tasks: list[tuple[str, str, str]], jobs: int) -> list[tuple[str, str, int, str]]:
    """Run :func:`_render_task` over *tasks*, in *jobs* forked processes where that helps."""
    if jobs > 1 and len(tasks) > 1 and sys.platform != "win32":
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)),
                                 mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(_render_task, tasks, chunksize=1))
    return [_render_task(t) for t in tasks]


__all__ = ["CHARTS", "MissingData", "NEWS_SLUGS", "NewsChart", "build_news_charts", "chart_meta",
           "credit", "deaths_by_governorate", "deaths_by_perpetrator", "deaths_per_year",
           "displacement", "headline", "idps_by_governorate", "refugees_by_host", "render",
           "returns_since_2024_12", "toll_over_time"]
