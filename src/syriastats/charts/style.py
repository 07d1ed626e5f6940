"""House style for every syriastats chart, in one place.

Charts are made for reporters who lift them straight into print and web
stories, so each one must stand alone and survive greyscale printing and
colour-blind readers:

- **Palette**: Okabe-Ito (Okabe & Ito 2008, "Color Universal Design"), which
  stays distinguishable under the common colour-vision deficiencies. Yellow is
  left out of the series cycle (too light on white).
- **Never colour alone**: every series also gets its own marker shape and line
  style; series are labelled directly at their ends rather than in a legend
  wherever that fits.
- **Uncertainty**: a shaded band or a range bar always carries a label saying
  what it is ("90% interval", "UCDP low-high range (not a statistical
  interval)"); documented counts are drawn as minimums (open triangle
  pointing to higher values, labelled "minimum").
- **Numbers**: counts with thousands separators (``1,234,567``); axes of
  counts start at zero.
- **Size**: a fixed 6 x 4.2 inch figure; font sizes are chosen so the chart
  reads at 600 px wide (100 px per inch; PNGs are exported at 200 dpi for
  sharp print and high-density screens).
- **Header and footer drawn in the image**: title, subtitle, source line,
  note and licence are figure text (``fig.text``), so the PNG, SVG and PDF
  carry them even when separated from the page. They are tagged with gids
  (``syriastats-title`` ...) so :func:`syriastats.export.save_chart` can
  redraw them from the chart's metadata and the image always matches its
  JSON.

Use :func:`house_style` as a context manager around figure creation (every
chart function in this package does), or :func:`apply_style` to set the style
globally in a notebook.
"""
from __future__ import annotations

import contextlib
import functools
import math
import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, MaxNLocator

# --------------------------------------------------------------------------
# Palette and cues
# --------------------------------------------------------------------------

#: Okabe-Ito colours (hex).
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: Neutral grey for context elements (grid, minor text).
GREY: str = "#595959"
LIGHT_GREY: str = "#D9D9D9"

#: Colour cycle for series (no yellow). Dark and light colours alternate so
#: neighbouring series also differ in greyscale (luma differs by >= 0.15).
SERIES_COLOURS: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["black"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["vermillion"],
)
#: Line styles cycled alongside the colours (colour is never the only cue).
SERIES_LINESTYLES: tuple[Any, ...] = ("-", "--", "-.", ":", (0, (6, 2)), (0, (3, 1, 1, 1, 1, 1)), (0, (1, 1)))
#: Marker shapes cycled alongside the colours.
SERIES_MARKERS: tuple[str, ...] = ("o", "s", "D", "^", "v", "P", "X")


def series_style(i: int) -> dict[str, Any]:
    """Colour, line style and marker for the *i*-th series (cycled)."""
    return {
        "color": SERIES_COLOURS[i % len(SERIES_COLOURS)],
        "linestyle": SERIES_LINESTYLES[i % len(SERIES_LINESTYLES)],
        "marker": SERIES_MARKERS[i % len(SERIES_MARKERS)],
    }


#: How each estimation method is drawn: colour, marker, filled marker or not,
#: and the label used in keys. Statistical and expert estimates differ in both
#: shape and colour; documented counts are open triangles (minimums).
METHOD_STYLE: dict[str, dict[str, Any]] = {
    "statistical_estimate": {"color": OKABE_ITO["blue"], "marker": "o", "filled": True,
                             "label": "Statistical estimate"},
    "expert_estimate": {"color": OKABE_ITO["vermillion"], "marker": "D", "filled": True,
                        "label": "Expert or official figure (no published method)"},
    "documented_count": {"color": OKABE_ITO["black"], "marker": ">", "filled": False,
                         "label": "Documented count (a minimum)"},
    "event_data": {"color": OKABE_ITO["bluish_green"], "marker": "s", "filled": True,
                   "label": "Event data (UCDP)"},
    "agency_estimate": {"color": OKABE_ITO["reddish_purple"], "marker": "P", "filled": True,
                        "label": "Agency estimate"},
    "derived": {"color": GREY, "marker": "X", "filled": True, "label": "Derived figure"},
    "registration": {"color": OKABE_ITO["orange"], "marker": "s", "filled": True,
                     "label": "Registration"},
    "demographic_estimate": {"color": OKABE_ITO["sky_blue"], "marker": "h", "filled": True,
                             "label": "Demographic estimate"},
    "historical_estimate": {"color": GREY, "marker": "h", "filled": False,
                            "label": "Historical estimate"},
}


def method_style(method: str) -> dict[str, Any]:
    """Style of an estimation *method* (falls back to a grey hexagon)."""
    return METHOD_STYLE.get(str(method), {"color": GREY, "marker": "h", "filled": False,
                                          "label": str(method).replace("_", " ")})


def marker_kwargs(style: Mapping[str, Any], size: float = 7.0) -> dict[str, Any]:
    """``plot``/``scatter``-ready marker arguments for a :data:`METHOD_STYLE` entry."""
    colour = style["color"]
    return {
        "marker": style["marker"],
        "markersize": size,
        "markeredgecolor": colour,
        "markerfacecolor": colour if style.get("filled", True) else "white",
        "markeredgewidth": 1.4,
        "color": colour,
    }


# --------------------------------------------------------------------------
# Sizes and rcParams
# --------------------------------------------------------------------------

#: Figure size in inches (width, height); 6 in = 600 px at 100 px/in.
FIGSIZE: tuple[float, float] = (6.0, 4.2)
#: Export resolution of PNGs (dots per inch).
PNG_DPI: int = 200
#: Font sizes in points.
TITLE_SIZE: float = 13.0
SUBTITLE_SIZE: float = 9.5
BASE_SIZE: float = 9.0
FOOTER_SIZE: float = 7.5
LINE_SPACING: float = 1.25
#: Outer margin of the figure, inches.
PAD_IN: float = 0.15
#: Salt for SVG element ids: makes SVG bytes reproducible between runs.
SVG_HASHSALT: str = "syriastats"
#: Licence line drawn in every footer.
LICENCE_LINE: str = "Chart: syriastats, licensed CC BY 4.0"

RC: dict[str, Any] = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.dpi": PNG_DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.family": "DejaVu Sans",
    "font.size": BASE_SIZE,
    "axes.titlesize": BASE_SIZE + 1,
    "axes.labelsize": BASE_SIZE,
    "axes.labelcolor": "#222222",
    "axes.edgecolor": GREY,
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(color=list(SERIES_COLOURS)),
    "grid.color": LIGHT_GREY,
    "grid.linewidth": 0.6,
    "xtick.labelsize": BASE_SIZE - 0.5,
    "ytick.labelsize": BASE_SIZE - 0.5,
    "xtick.color": GREY,
    "ytick.color": GREY,
    "xtick.labelcolor": "#222222",
    "ytick.labelcolor": "#222222",
    "legend.fontsize": BASE_SIZE - 1,
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "lines.markersize": 5.5,
    # text stays text in SVG (searchable, editable in print layout tools)
    "svg.fonttype": "none",
    "svg.hashsalt": SVG_HASHSALT,
    # TrueType fonts embedded in PDF (editable text, no Type 3 glyphs)
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
}


def house_style() -> contextlib.AbstractContextManager[None]:
    """Context manager applying the house rcParams (see :data:`RC`)."""
    return mpl.rc_context(RC)


def apply_style() -> None:
    """Apply the house rcParams globally (e.g. at the top of a notebook)."""
    mpl.rcParams.update(RC)


def new_figure(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] = FIGSIZE,
               **subplot_kw: Any) -> tuple[Figure, Any]:
    """A house-style figure (not registered with pyplot) and its axes.

    The figure uses the Agg canvas, so it needs no display and never leaks
    into a notebook's pyplot state; in Jupyter display it by leaving the
    figure as the cell's last expression or with ``IPython.display.display``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with house_style():
        fig = Figure(figsize=figsize, dpi=100)
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, subplot_kw=subplot_kw or None)
    return fig, axes


# --------------------------------------------------------------------------
# Number formats
# --------------------------------------------------------------------------

def fmt_count(x: float) -> str:
    """A count with thousands separators, no decimals: ``470000 -> '470,000'``."""
    return f"{x:,.0f}"


def fmt_share(x: float, digits: int = 0) -> str:
    """A fraction as a percentage: ``0.512 -> '51%'``."""
    return f"{100 * x:.{digits}f}%"


def thousands(ax: Axes, axis: str = "y") -> None:
    """Format the tick labels of *axis* ('x' or 'y') as counts with thousands separators."""
    fmt = FuncFormatter(lambda v, _pos: fmt_count(v))
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(fmt)
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True))


def percent(ax: Axes, axis: str = "y") -> None:
    """Format tick labels of a fraction axis as whole percentages."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_share(v)))


def start_at_zero(ax: Axes, axis: str = "y", headroom: float = 0.06) -> None:
    """Make a count axis start at zero, with a little headroom above the data."""
    if axis == "y":
        lo, hi = ax.get_ylim()
        ax.set_ylim(0, max(hi, 0) * (1 + headroom) if hi > 0 else 1)
    else:
        lo, hi = ax.get_xlim()
        ax.set_xlim(0, max(hi, 0) * (1 + headroom) if hi > 0 else 1)


# --------------------------------------------------------------------------
# Labels on the plot
# --------------------------------------------------------------------------

def direct_label(ax: Axes, x: Any, y: float, text: str, *, color: str = "#222222",
                 dx_pt: float = 5.0, dy_pt: float = 0.0, ha: str = "left",
                 va: str = "center", size: float | None = None, **kw: Any) -> Any:
    """Label a series at a data point (offset in points), in the series colour."""
    return ax.annotate(text, xy=(x, y), xytext=(dx_pt, dy_pt), textcoords="offset points",
                       ha=ha, va=va, color=text_colour(color), fontsize=size or BASE_SIZE - 0.5,
                       annotation_clip=False, **kw)


def label_band(ax: Axes, x: Any, y: float, text: str, *, color: str = GREY,
               dx_pt: float = 0.0, dy_pt: float = 0.0, ha: str = "center",
               va: str = "center", size: float | None = None, **kw: Any) -> Any:
    """Write what a shaded band or range means at a point on it, e.g. "90% interval".

    The label is italic and in the band's colour so it reads as a caption of
    the band, not of a series.
    """
    return ax.annotate(text, xy=(x, y), xytext=(dx_pt, dy_pt), textcoords="offset points",
                       ha=ha, va=va, color=text_colour(color), fontsize=size or BASE_SIZE - 1,
                       fontstyle="italic", annotation_clip=False, **kw)


def text_colour(colour: str, background: str = "#ffffff") -> str:
    """*colour* darkened as little as needed for text on *background* to reach 4.5:1 (WCAG AA)."""
    from syriastats.charts.cuts import readable

    return readable(colour, background)


def darker(colour: str, factor: float = 0.7) -> str:
    """A darker shade of *colour* (for text on light bands)."""
    r, g, b = mpl.colors.to_rgb(colour)
    return mpl.colors.to_hex((r * factor, g * factor, b * factor))


# --------------------------------------------------------------------------
# Header, footer and layout (figure text)
# --------------------------------------------------------------------------

GID_TITLE = "syriastats-title"
GID_SUBTITLE = "syriastats-subtitle"
GID_SOURCE = "syriastats-source"
GID_NOTE = "syriastats-note"
GID_LICENCE = "syriastats-licence"
_GIDS = (GID_TITLE, GID_SUBTITLE, GID_SOURCE, GID_NOTE, GID_LICENCE)

_LAYOUT_ATTR = "_syriastats_layout"
_META_ATTR = "_syriastats_meta"


@functools.lru_cache(maxsize=4096)
def _text_width_pt(text: str, size: float, weight: str = "normal") -> float:
    """Width of *text* in points from the font's metrics (what SVG/PDF viewers draw).

    Raster output at low resolution can be a few per cent wider because of
    hinting; :func:`wrap` keeps a margin for that.
    """
    from matplotlib.textpath import text_to_path

    if not text:
        return 0.0
    prop = FontProperties(family=RC["font.family"], weight=weight, size=size)
    width, _h, _d = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def wrap(text: str, width_pt: float, size: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of *text* to lines at most *width_pt* wide at *size* points.

    Keeps 4% of the width spare for raster hinting.
    """
    width_pt *= 0.96
    lines: list[str] = []
    for para in str(text).split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur = words[0]
        for w in words[1:]:
            trial = f"{cur} {w}"
            if _text_width_pt(trial, size, weight) <= width_pt:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


def _remove_gid(fig: Figure, gids: Sequence[str]) -> None:
    for t in list(fig.texts):
        if t.get_gid() in gids:
            t.remove()


def _layout(fig: Figure) -> dict[str, float]:
    lay = getattr(fig, _LAYOUT_ATTR, None)
    if lay is None:
        lay = {"header_in": 0.0, "footer_in": 0.0, "left_in": 0.7, "right_in": 0.3,
               "axis_bottom_in": 0.45, "top_extra_in": 0.0, "hspace": 0.35,
               "wspace": 0.3}
        setattr(fig, _LAYOUT_ATTR, lay)
    return lay


def _text_block(fig: Figure, lines_spec: Sequence[tuple[str, float, str, str, str]],
                *, top_in: float | None = None, bottom_in: float | None = None) -> float:
    """Draw wrapped text blocks stacked from the top (or the bottom) of *fig*.

    *lines_spec* holds (text, size, weight, colour, gid) per block. Returns
    the height used, in inches.
    """
    w_in, h_in = fig.get_size_inches()
    avail_pt = (w_in - 2 * PAD_IN) * 72
    blocks = []
    for text, size, weight, colour, gid in lines_spec:
        if not text:
            continue
        lines = wrap(text, avail_pt, size, weight)
        height_in = len(lines) * size * LINE_SPACING / 72
        blocks.append(("\n".join(lines), size, weight, colour, gid, height_in))
    used = sum(b[-1] for b in blocks) + 0.04 * max(len(blocks) - 1, 0)
    if top_in is not None:
        y = h_in - top_in
        for text, size, weight, colour, gid, height_in in blocks:
            fig.text(PAD_IN / w_in, y / h_in, text, ha="left", va="top", fontsize=size,
                     fontweight=weight, color=colour, gid=gid,
                     linespacing=LINE_SPACING, parse_math=False)
            y -= height_in + 0.04
    else:
        y = (bottom_in or 0.0) + used
        for text, size, weight, colour, gid, height_in in blocks:
            fig.text(PAD_IN / w_in, y / h_in, text, ha="left", va="top", fontsize=size,
                     fontweight=weight, color=colour, gid=gid,
                     linespacing=LINE_SPACING, parse_math=False)
            y -= height_in + 0.04
    return used


def add_header(fig: Figure, title: str, subtitle: str = "") -> None:
    """Draw *title* (bold) and *subtitle* at the top of *fig*, wrapped to its width.

    Replaces a header drawn before, and reserves the space above the axes.
    """
    _remove_gid(fig, (GID_TITLE, GID_SUBTITLE))
    used = _text_block(fig, [(title, TITLE_SIZE, "bold", "#111111", GID_TITLE),
                             (subtitle, SUBTITLE_SIZE, "normal", "#333333", GID_SUBTITLE)],
                       top_in=PAD_IN)
    _layout(fig)["header_in"] = PAD_IN + used
    relayout(fig)


def add_footer(fig: Figure, source: str, note: str = "", *, licence: str = LICENCE_LINE) -> None:
    """Draw the source line, the note and the licence at the bottom of *fig*.

    Replaces a footer drawn before, and reserves the space below the axes.
    """
    _remove_gid(fig, (GID_SOURCE, GID_NOTE, GID_LICENCE))
    used = _text_block(fig, [(source, FOOTER_SIZE, "normal", "#222222", GID_SOURCE),
                             (note, FOOTER_SIZE, "normal", GREY, GID_NOTE),
                             (licence, FOOTER_SIZE, "normal", GREY, GID_LICENCE)],
                       bottom_in=PAD_IN)
    _layout(fig)["footer_in"] = PAD_IN + used
    relayout(fig)


def set_margins(fig: Figure, *, left_in: float | None = None, right_in: float | None = None,
                axis_bottom_in: float | None = None, top_extra_in: float | None = None,
                hspace: float | None = None, wspace: float | None = None) -> None:
    """Set the axes margins (inches) kept around the header and footer.

    *top_extra_in* is room between the subtitle and the axes (e.g. for a key).
    """
    lay = _layout(fig)
    for k, v in (("left_in", left_in), ("right_in", right_in),
                 ("axis_bottom_in", axis_bottom_in), ("top_extra_in", top_extra_in),
                 ("hspace", hspace), ("wspace", wspace)):
        if v is not None:
            lay[k] = float(v)
    relayout(fig)


def relayout(fig: Figure) -> None:
    """Place the axes between header and footer, with the stored margins.

    Works with a figure that has a constrained or tight layout engine (its
    drawing rectangle is set instead of calling ``subplots_adjust``).
    """
    lay = _layout(fig)
    w_in, h_in = fig.get_size_inches()
    top = 1 - (lay["header_in"] + 0.15 + lay.get("top_extra_in", 0.0)) / h_in
    bottom = (lay["footer_in"] + lay["axis_bottom_in"]) / h_in
    left = lay["left_in"] / w_in
    right = 1 - lay["right_in"] / w_in
    if top - bottom < 0.2:  # far too much text: keep some plot visible
        bottom = max(0.05, top - 0.2)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        rect = (0.0, bottom - lay["axis_bottom_in"] / h_in, 1.0,
                top - bottom + lay["axis_bottom_in"] / h_in)
        with contextlib.suppress(TypeError):
            engine.set(rect=rect)
        return
    fig.subplots_adjust(left=left, right=right, top=top, bottom=bottom,
                        hspace=lay["hspace"], wspace=lay["wspace"])


def figure_texts(fig: Figure) -> dict[str, str]:
    """The header and footer texts drawn on *fig*, unwrapped (keys title, subtitle, source, note)."""
    out: dict[str, str] = {}
    for key, gid in (("title", GID_TITLE), ("subtitle", GID_SUBTITLE),
                     ("source", GID_SOURCE), ("note", GID_NOTE)):
        for t in fig.texts:
            if t.get_gid() == gid:
                out[key] = " ".join(t.get_text().split())
    return out


# --------------------------------------------------------------------------
# Suggested metadata carried on the figure
# --------------------------------------------------------------------------

def set_chart_meta(fig: Figure, **meta: Any) -> None:
    """Remember suggested export metadata on *fig* (see :func:`chart_meta`)."""
    current = dict(getattr(fig, _META_ATTR, {}) or {})
    current.update(meta)
    setattr(fig, _META_ATTR, current)


def chart_meta(fig: Figure, **overrides: Any) -> dict[str, Any]:
    """Suggested metadata for :func:`syriastats.export.save_chart`.

    Chart functions store their default title, subtitle, source line, note,
    alt text and source ids on the figure; *overrides* (e.g. ``notebook=``,
    a reworded ``title=``) win. ``save_chart`` redraws the header and footer
    from the metadata it is given, so overriding a text here is enough.
    """
    meta = dict(getattr(fig, _META_ATTR, {}) or {})
    meta.update(overrides)
    return meta


def source_line(publishers: Sequence[str], prefix: str = "Source", *,
                short: bool = False) -> str:
    """``'Source: A; B'`` from publisher names (duplicates dropped, order kept).

    With ``short=True`` each name is first shortened with :func:`source_name`
    (``'Syrian Observatory for Human Rights (SOHR)' -> 'SOHR'``), so a chart
    with many publishers keeps a readable footer; names that shorten to the
    same label are listed once. The full names and the source ids stay in the
    chart's JSON (``source_ids``).
    """
    seen: list[str] = []
    for p in publishers:
        p = source_name(p) if short else str(p).strip()
        if p and p not in seen:
            seen.append(p)
    label = prefix if len(seen) <= 1 else f"{prefix}s"
    return f"{label}: " + "; ".join(seen)


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    """``'1 estimate'``, ``'2 estimates'``: *n* with *word* in the right number."""
    return f"{n:,} {word if n == 1 else (plural_word or word + 's')}"


def dedent(text: str) -> str:
    """Collapse a triple-quoted paragraph to one line."""
    return " ".join(textwrap.dedent(text).split())


def nice_ceiling(x: float) -> float:
    """A round number at or above *x* (1, 2, 2.5, 5 times a power of ten)."""
    if x <= 0 or not math.isfinite(x):
        return 1.0
    p = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * p >= x:
            return m * p
    return 10 * p


__all__ = [
    "FIGSIZE", "GREY", "LICENCE_LINE", "METHOD_STYLE", "OKABE_ITO", "PNG_DPI", "RC",
    "SERIES_COLOURS", "SVG_HASHSALT", "add_footer", "add_header", "apply_style", "chart_meta",
    "darker", "dedent", "direct_label", "figure_texts", "fmt_count", "fmt_share",
    "house_style", "label_band", "marker_kwargs", "method_style", "new_figure", "percent",
    "place_labels", "plural", "relayout", "series_style", "set_chart_meta", "set_margins",
    "source_line", "source_name", "start_at_zero", "thousands", "wrap",
]


def iter_gids() -> Iterator[str]:
    """The gids of the header/footer texts (for tests and export)."""
    yield from _GIDS


# --------------------------------------------------------------------------
# Conventions shared by the chart modules: units, ranges, short names
# --------------------------------------------------------------------------

def unit_of(measure: str) -> str:
    """Unit word used in column names for a registry *measure*.

    ``deaths_*`` -> ``deaths``; shares -> ``fraction``; ``injured`` ->
    ``persons``; flows of movements/applications keep their unit; everything
    else (stocks of people) -> ``persons``.
    """
    m = str(measure)
    if m.startswith("deaths"):
        return "deaths"
    if m.endswith("_share"):
        return "fraction"
    if m == "idps_new_displacements":
        return "movements"
    if m.startswith("asylum_applications"):
        return "applications"
    return "persons"


def range_meaning(row: Mapping[str, Any], *, interval_note: str | None = None) -> str:
    """What the range drawn for a registry row means, in a few words.

    With caller-supplied ``lower``/``upper`` the caller's *interval_note* is
    used; otherwise the meaning follows ``range_type``.
    """
    def _get(key: str) -> Any:
        v = row.get(key) if hasattr(row, "get") else None
        return None if v is None or (not isinstance(v, str) and _isna(v)) else v

    if _get("lower") is not None and _get("upper") is not None:
        return interval_note or "interval supplied with the chart"
    rt = str(_get("range_type") or "none")
    if rt == "bracket":
        return "source's own low-high range (not a statistical interval)"
    if rt == "confidence_interval":
        lvl = _get("range_level")
        return (f"{100 * float(lvl):g}% confidence interval stated by the source"
                if lvl is not None else "confidence interval stated by the source")
    if rt == "hard_bounds":
        return "hard minimum and maximum stated by the source"
    if rt == "margin":
        m = _get("margin")
        return (f"range implied by the source's ±{100 * float(m):g}% margin of error"
                if m is not None else "margin of error stated by the source")
    return ""


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def range_bounds(row: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """Lower and upper end of the range drawn for a registry row (``None`` if none).

    Order of preference: caller-supplied ``lower``/``upper``; the stated
    ``low``/``high``; for ``range_type == 'margin'`` without printed bounds,
    ``central * (1 -/+ margin)``.
    """
    def _num(key: str) -> float | None:
        v = row.get(key) if hasattr(row, "get") else None
        if v is None or _isna(v):
            return None
        return float(v)

    lo, hi = _num("lower"), _num("upper")
    if lo is not None and hi is not None:
        return lo, hi
    lo, hi = _num("low"), _num("high")
    if lo is not None or hi is not None:
        return lo, hi
    if str(row.get("range_type", "")) == "margin":
        c, m = _num("central"), _num("margin")
        if c is not None and m is not None:
            return c * (1 - m), c * (1 + m)
    return None, None


_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9/&.\-]{1,11})\)")
_AUTHORS_RE = re.compile(r"^([A-Z][\w'\-]+)\s+[A-Z]{1,3}\s*,")


def short_publisher(name: str, max_chars: int = 28) -> str:
    """A short label for a publisher, for direct labels on a chart.

    - bracketed acronyms win, joined by "/":
      ``'Syrian Observatory for Human Rights (SOHR)' -> 'SOHR'``,
      ``'Office of ... (OHCHR), analysis by ... (HRDAG)' -> 'OHCHR/HRDAG'``;
    - an author list becomes "First et al.":
      ``'Guha-Sapir D, Schlüter B, ... (The Lancet ...)' -> 'Guha-Sapir et al.'``;
    - otherwise the name without its bracketed remark, shortened with an
      ellipsis beyond *max_chars*:
      ``'United Nations (characterisation in press reports)' -> 'United Nations'``.
    """
    name = " ".join(str(name).split())
    acronyms = _ACRONYM_RE.findall(name)
    if acronyms:
        return "/".join(dict.fromkeys(acronyms))
    m = _AUTHORS_RE.match(name)
    if m:
        return f"{m.group(1)} et al."
    base = name.split(" (")[0].strip() or name
    return base if len(base) <= max_chars else base[: max_chars - 1].rstrip() + "…"


def source_name(name: str) -> str:
    """A short publisher name for a source line, keeping what identifies the source.

    Like :func:`short_publisher` (bracketed acronyms win, an author list
    becomes "First et al.") but never cut with an ellipsis, and an author list
    keeps its journal: ``'Guha-Sapir D, ... (The Lancet Global Health)' ->
    'Guha-Sapir et al. (The Lancet Global Health)'``;
    ``'UN Special Envoy for Syria (Staffan de Mistura)' -> 'UN Special Envoy
    for Syria'``.
    """
    name = " ".join(str(name).split())
    acronyms = _ACRONYM_RE.findall(name)
    if acronyms:
        return "/".join(dict.fromkeys(acronyms))
    m = _AUTHORS_RE.match(name)
    if m:
        journal = re.search(r"\(([^()]+)\)\s*$", name)
        return f"{m.group(1)} et al." + (f" ({journal.group(1)})" if journal else "")
    return name.split(" (")[0].strip() or name


def spread(values: Sequence[float], min_gap: float) -> list[float]:
    """Move label positions apart so neighbours are at least *min_gap* apart.

    Keeps the order of *values*; the mean position of each cluster is kept.
    Returns positions in the input order.
    """
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    pos = [float(values[i]) for i in order]
    for _ in range(len(pos) + 1):
        moved = False
        for k in range(1, len(pos)):
            if pos[k] - pos[k - 1] < min_gap - 1e-12:
                mid = (pos[k] + pos[k - 1]) / 2
                pos[k - 1], pos[k] = mid - min_gap / 2, mid + min_gap / 2
                moved = True
        if not moved:
            break
    out = [0.0] * len(values)
    for i, p in zip(order, pos):
        out[i] = p
    return out


def text_width_in(text: str, size: float = BASE_SIZE, weight: str = "normal") -> float:
    """Width of *text* in inches at *size* points."""
    return _text_width_pt(text, size, weight) / 72


def points_to_data_y(ax: Axes, points: float) -> float:
    """How many y data units *points* typographic points span on *ax* (linear axis).

    Call after the layout is final (header, footer and margins set).
    """
    fig = ax.get_figure()
    height_pt = ax.get_position().height * fig.get_size_inches()[1] * 72
    y0, y1 = ax.get_ylim()
    return (y1 - y0) * points / max(height_pt, 1e-9)


def key_above(ax: Axes, handles: Sequence[Any], *, ncol: int = 2) -> Any:
    """A key (legend) in rows between the subtitle and the plot, aligned with the title.

    Used where direct labels cannot say everything (e.g. marker shapes for
    estimation methods); it never covers data. Call after :func:`set_margins`.
    """
    fig = ax.get_figure()
    rows = (len(handles) + ncol - 1) // ncol
    # keep clear of the top y tick label, which reaches half its height above the axes
    gap_in = ((BASE_SIZE - 0.5) / 2 + 3) / 72
    set_margins(fig, top_extra_in=gap_in + rows * (BASE_SIZE - 1.5) * 1.55 / 72)
    w_in, h_in = fig.get_size_inches()
    pos = ax.get_position()
    x_anchor = -(pos.x0 * w_in - PAD_IN) / (pos.width * w_in)
    y_anchor = 1 + gap_in / (pos.height * h_in)
    return ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(x_anchor, y_anchor),
                     ncol=ncol, fontsize=BASE_SIZE - 1.5, handletextpad=0.4,
                     columnspacing=1.4, borderaxespad=0.0, borderpad=0.0)


# --------------------------------------------------------------------------
# Direct labels that avoid the data and each other
# --------------------------------------------------------------------------

#: Candidate label positions around a point: (dx, dy) direction, ha, va. The
#: offsets are scaled by each ring's radius (points); earlier is preferred.
_DIRECTIONS: dict[str, tuple[float, float, str, str]] = {
    "right": (1.0, 0.0, "left", "center"),
    "upper right": (0.7, 0.7, "left", "bottom"),
    "lower right": (0.7, -0.7, "left", "top"),
    "above": (0.0, 1.0, "center", "bottom"),
    "below": (0.0, -1.0, "center", "top"),
    "left": (-1.0, 0.0, "right", "center"),
    "upper left": (-0.7, 0.7, "right", "bottom"),
    "lower left": (-0.7, -0.7, "right", "top"),
}
#: Distances (points) of the rings of candidate positions; beyond the first a leader line is drawn.
LABEL_RINGS_PT: tuple[float, ...] = (5.0, 12.0, 22.0, 34.0)


def _label_box(fig: Figure, anchor_px: tuple[float, float], text: str, size: float,
               dx_pt: float, dy_pt: float, ha: str, va: str,
               weight: str = "normal") -> tuple[float, float, float, float]:
    """Display-pixel box (x0, y0, x1, y1) of a label anchored at *anchor_px* with an offset."""
    k = fig.dpi / 72
    lines = str(text).split("\n")
    w = max(_text_width_pt(line, size, weight) for line in lines) * k
    h = len(lines) * size * LINE_SPACING * k
    x = anchor_px[0] + dx_pt * k
    y = anchor_px[1] + dy_pt * k
    x0 = {"left": x, "center": x - w / 2, "right": x - w}[ha]
    y0 = {"bottom": y, "center": y - h / 2, "top": y - h}[va]
    return (x0, y0, x0 + w, y0 + h)


def _obstacle_points(ax: Axes, step_px: float = 2.0) -> tuple[Any, Any]:
    """Points (display pixels) along every line of *ax*, and their radii (marker size)."""
    import numpy as np

    pts, radii = [], []
    k = ax.get_figure().dpi / 72
    for ln in ax.get_lines():
        if not ln.get_visible():
            continue
        xy = ln.get_transform().transform(ln.get_xydata())
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy) == 0:
            continue
        if ln.get_linestyle() not in ("None", "none", "", " ") and len(xy) > 1:
            for a, b in zip(xy[:-1], xy[1:]):
                n = max(int(np.hypot(*(b - a)) / step_px), 1)
                t = np.linspace(0.0, 1.0, n + 1)[:, None]
                seg = a + t * (b - a)
                pts.append(seg)
                radii.append(np.full(len(seg), ln.get_linewidth() * k / 2))
        if ln.get_marker() not in (None, "None", "none", "", " "):
            pts.append(xy)
            radii.append(np.full(len(xy), ln.get_markersize() * k / 2))
    if not pts:
        return np.zeros((0, 2)), np.zeros(0)
    return np.vstack(pts), np.concatenate(radii)


def place_labels(ax: Axes, labels: Sequence[Mapping[str, Any]], *,
                 region: str = "axes+right", avoid: Sequence[Any] = (),
                 pad_pt: float = 1.5) -> list[Any]:
    """Direct labels at data points, each placed where it covers no line, marker or other label.

    Each item of *labels* is a mapping with ``x``, ``y`` (data coordinates),
    ``text`` and ``color``; optional ``size`` (points), ``prefer`` (a list of
    directions from :data:`_DIRECTIONS`, tried first, e.g. ``["right"]`` for
    the end of a line), ``gid`` and ``weight``. Labels are placed in the
    order given. For each, the candidate positions (eight directions on the
    rings :data:`LABEL_RINGS_PT`) are scored by how much of the plotted lines
    and markers, earlier labels and the artists in *avoid* (e.g. a legend)
    they would cover (texts already on the axes count too), and by whether
    they stay in *region* ("axes": inside
    the axes; "axes+right": inside the axes or in the right margin up to the
    figure's edge). The best (lowest cover, then the nearest, then the
    preferred) wins; a label set beyond the first ring gets a thin leader
    line to its point.

    Call it last, once the layout (header, footer, margins, limits) is final.
    Returns the annotations in the order of *labels*.
    """
    import numpy as np

    fig = ax.get_figure()
    k = fig.dpi / 72
    pts, radii = _obstacle_points(ax)
    ab = ax.get_window_extent()
    fw = fig.get_size_inches()[0] * fig.dpi
    x_max = fw - PAD_IN * fig.dpi if region == "axes+right" else ab.x1
    boxes: list[tuple[float, float, float, float]] = []
    renderer = fig.canvas.get_renderer()
    for artist in [*ax.texts, *avoid]:
        if artist is None or not artist.get_visible():
            continue
        bb = artist.get_window_extent(renderer)
        boxes.append((bb.x0, bb.y0, bb.x1, bb.y1))
    out = []
    for spec in labels:
        size = float(spec.get("size", BASE_SIZE - 0.5))
        weight = str(spec.get("weight", "normal"))
        anchor = ax.transData.transform((float(ax.xaxis.convert_units(spec["x"])),
                                         float(ax.yaxis.convert_units(spec["y"]))))
        prefer = list(spec.get("prefer", ["right"]))
        order = prefer + [d for d in _DIRECTIONS if d not in prefer]
        best: tuple[Any, ...] | None = None
        for ring, r in enumerate(LABEL_RINGS_PT):
            for rank, d in enumerate(order):
                ux, uy, ha, va = _DIRECTIONS[d]
                dx, dy = ux * r, uy * r
                x0, y0, x1, y1 = _label_box(fig, anchor, spec["text"], size, dx, dy, ha, va,
                                            weight)
                p = pad_pt * k
                if len(pts):
                    inside = ((pts[:, 0] + radii > x0 - p) & (pts[:, 0] - radii < x1 + p)
                              & (pts[:, 1] + radii > y0 - p) & (pts[:, 1] - radii < y1 + p))
                    cover = float(inside.sum())
                else:
                    cover = 0.0
                for bx0, by0, bx1, by1 in boxes:
                    ox = min(x1 + p, bx1) - max(x0 - p, bx0)
                    oy = min(y1 + p, by1) - max(y0 - p, by0)
                    if ox > 0 and oy > 0:
                        cover += 50.0 + ox * oy / 10
                outside = (max(ab.x0 - x0, 0) + max(x1 - x_max, 0)
                           + max(ab.y0 - y0, 0) + max(y1 - ab.y1, 0))
                cover += 20.0 * outside
                score = (cover, ring, rank)
                if best is None or score < best[0]:
                    best = (score, dx, dy, ha, va, ring, (x0, y0, x1, y1))
            if best is not None and best[0][0] == 0:
                break  # nothing covered on this ring: no need to go further out
        assert best is not None
        _score, dx, dy, ha, va, ring, box = best
        boxes.append(box)
        arrow = None
        if ring > 0:
            arrow = {"arrowstyle": "-", "color": spec["color"], "linewidth": 0.6,
                     "shrinkA": 0.5, "shrinkB": 2.5}
        ann = ax.annotate(spec["text"], xy=(spec["x"], spec["y"]), xytext=(dx, dy),
                          textcoords="offset points", ha=ha, va=va,
                          color=text_colour(spec["color"]),
                          fontsize=size, fontweight=weight, annotation_clip=False,
                          linespacing=LINE_SPACING, arrowprops=arrow, gid=spec.get("gid"))
        out.append(ann)
    return out
