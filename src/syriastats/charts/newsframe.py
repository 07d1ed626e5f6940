"""The frame of a news chart in any cut: figure, header, footer, axes, fonts, right-to-left.

A news chart is drawn by calling :func:`start` for a :class:`~syriastats.charts.cuts.Cut`,
which returns a figure with the title and subtitle at the top and the credit,
note and licence at the bottom (wrapped to the cut's width, right-aligned in
Arabic) and the rectangle left for the plot; :func:`axes` places an axes in
it styled for the cut's theme. Texts are tagged with gids
(``news-title`` ...); texts drawn on a coloured area carry the gid
``onfill-<hex>`` so the contrast test knows their background.
"""
from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager

from syriastats.charts.cuts import Cut

PAD_IN: float = 0.15
LINE_SPACING: float = 1.2
ARABIC_FAMILY: str = "Noto Sans Arabic"


@functools.lru_cache(maxsize=1)
def arabic_font_path() -> Path | None:
    """Path of the Noto Sans Arabic font file shipped by ``fontpkg-noto-sans-arabic`` (None if absent)."""
    try:
        from importlib.resources import files

        folder = files("fontpkg_noto_sans_arabic") / "files"
        fonts = sorted(p for p in folder.iterdir() if str(p).endswith(".ttf"))
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    return Path(str(fonts[0])) if fonts else None


@functools.lru_cache(maxsize=1)
def register_arabic_font() -> bool:
    """Register Noto Sans Arabic with matplotlib once; False if the package is missing."""
    path = arabic_font_path()
    if path is None:
        return False
    fontManager.addfont(str(path))
    return True


def families(cut: Cut) -> list[str]:
    """Font families of *cut*: DejaVu Sans; Arabic cuts Noto Sans Arabic first, DejaVu Sans as fallback."""
    if cut.rtl and register_arabic_font():
        return [ARABIC_FAMILY, "DejaVu Sans"]
    return ["DejaVu Sans"]


def rc(cut: Cut) -> dict[str, Any]:
    th = cut.theme
    return {
        "font.family": families(cut),
        "font.size": cut.body_pt,
        "figure.facecolor": th.bg,
        "axes.facecolor": th.bg,
        "savefig.facecolor": th.bg,
        "text.color": th.text,
        "axes.edgecolor": th.axis,
        "axes.labelcolor": th.text,
        "xtick.color": th.axis,
        "ytick.color": th.axis,
        "xtick.labelcolor": th.text,
        "ytick.labelcolor": th.text,
        "xtick.labelsize": cut.small_pt,
        "ytick.labelsize": cut.small_pt,
        "legend.fontsize": cut.small_pt,
        "legend.frameon": False,
        "svg.fonttype": "none",
        "svg.hashsalt": "syriastats",
        "pdf.fonttype": 42,
        "axes.unicode_minus": False,
    }


@contextlib.contextmanager
def cut_style(cut: Cut) -> Iterator[None]:
    """rcParams of *cut* (fonts, colours) for drawing and saving."""
    with mpl.rc_context(rc(cut)):
        yield


@functools.lru_cache(maxsize=8192)
def text_width_pt(text: str, size: float, weight: str, fams: tuple[str, ...]) -> float:
    """Width of one line of *text* in points (shaped, as drawn)."""
    from matplotlib.textpath import text_to_path

    if not text:
        return 0.0
    prop = FontProperties(family=list(fams), weight=weight, size=size)
    w, _h, _d = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
    return float(w)


def wrap(text: str, width_pt: float, size: float, cut: Cut, weight: str = "normal") -> list[str]:
    """Greedy word wrap to *width_pt* (keeps 4% spare for raster hinting)."""
    fams = tuple(families(cut))
    width_pt *= 0.96
    lines: list[str] = []
    for para in str(text).split("\n"):
        words = para.split()
        if not words:
            continue
        cur = words[0]
        for w in words[1:]:
            trial = f"{cur} {w}"
            if text_width_pt(trial, size, weight, fams) <= width_pt:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


@dataclass
class Frame:
    """A started news chart: the figure and the free rectangle for the plot (inches from bottom-left)."""

    fig: Figure
    cut: Cut
    left_in: float
    bottom_in: float
    right_in: float
    top_in: float

    def axes(self, *, left: float = 0.55, right: float = 0.25, bottom: float = 0.35,
             top: float = 0.1) -> Axes:
        """An axes in the free rectangle with margins (inches) for tick labels; mirrored in Arabic."""
        if self.cut.rtl:
            left, right = right, left
        w, h = self.fig.get_size_inches()
        x0 = self.left_in + left
        y0 = self.bottom_in + bottom
        x1 = self.right_in - right
        y1 = self.top_in - top
        ax = self.fig.add_axes((x0 / w, y0 / h, max(x1 - x0, 0.3) / w, max(y1 - y0, 0.3) / h))
        style_axes(ax, self.cut)
        return ax

    def text(self, x_in: float, y_in: float, text: str, **kw: Any) -> Any:
        w, h = self.fig.get_size_inches()
        return self.fig.text(x_in / w, y_in / h, text, **kw)


def line_spacing(cut: Cut) -> float:
    """Line spacing of wrapped text: Noto Sans Arabic's line box is already tall, so Arabic uses less."""
    return 0.9 if cut.rtl else LINE_SPACING


@functools.lru_cache(maxsize=256)
def line_height_in(fams: tuple[str, ...], size: float, weight: str = "normal",
                   spacing: float = LINE_SPACING) -> float:
    """Height of one line of wrapped text in inches, as matplotlib lays it out (font-dependent:
    Arabic fonts have tall ascenders and descenders)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(4, 4), dpi=100)
    canvas = FigureCanvasAgg(fig)
    one = fig.text(0, 0.5, "Ag سوريا", fontsize=size, family=list(fams), weight=weight,
                   linespacing=spacing)
    two = fig.text(0, 0.5, "Ag سوريا\nAg سوريا", fontsize=size, family=list(fams), weight=weight,
                   linespacing=spacing)
    r = canvas.get_renderer()
    h1 = one.get_window_extent(r).height
    h2 = two.get_window_extent(r).height
    return float(h2 - h1) / 100.0


def _block(fig: Figure, cut: Cut, specs: Sequence[tuple[str, float, str, str, str]],
           *, top: float | None = None, bottom: float | None = None) -> float:
    w_in, h_in = fig.get_size_inches()
    avail = (w_in - 2 * PAD_IN) * 72
    blocks = []
    for text, size, weight, colour, gid in specs:
        if not text:
            continue
        lines = wrap(text, avail, size, cut, weight)
        lh = line_height_in(tuple(families(cut)), size, weight, line_spacing(cut))
        blocks.append(("\n".join(lines), size, weight, colour, gid,
                       len(lines) * lh + (size * 0.25 / 72)))
    gap = 0.05
    used = sum(b[-1] for b in blocks) + gap * max(len(blocks) - 1, 0)
    y = h_in - top if top is not None else (bottom or 0.0) + used
    x = (w_in - PAD_IN) if cut.rtl else PAD_IN
    ha = "right" if cut.rtl else "left"
    for text, size, weight, colour, gid, height in blocks:
        fig.text(x / w_in, y / h_in, text, ha=ha, va="top", fontsize=size, fontweight=weight,
                 color=colour, gid=gid, linespacing=line_spacing(cut), parse_math=False,
                 multialignment=ha)
        y -= height + gap
    return used


def start(cut: Cut, *, title: str, subtitle: str, credit: str, note: str,
          licence: str) -> Frame:
    """A figure of *cut* with header and footer drawn; returns the :class:`Frame`.

    Call inside :func:`cut_style` (the figure's texts take the cut's fonts).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    th = cut.theme
    fig = Figure(figsize=(cut.width_in, cut.height_in), dpi=100, facecolor=th.bg)
    FigureCanvasAgg(fig)
    # the Arabic font is a variable font matplotlib cannot embolden: larger, not bold
    head = _block(fig, cut, [(title, cut.title_pt, "normal" if cut.rtl else "bold", th.text, "news-title"),
                             (subtitle, cut.subtitle_pt, "normal", th.text2, "news-subtitle")],
                  top=PAD_IN)
    foot = _block(fig, cut, [(credit, cut.footer_pt, "normal", th.text, "news-credit"),
                             (note, cut.footer_pt, "normal", th.text2, "news-note"),
                             (licence, cut.footer_pt, "normal", th.text2, "news-licence")],
                  bottom=PAD_IN)
    w_in, h_in = cut.width_in, cut.height_in
    return Frame(fig, cut, PAD_IN, PAD_IN + foot + 0.12, w_in - PAD_IN,
                 h_in - PAD_IN - head - 0.12)


def style_axes(ax: Axes, cut: Cut, *, grid_axis: str = "y") -> None:
    """Theme colours, light grid, no top/right spines (left spine in Arabic), tick sizes."""
    th = cut.theme
    ax.set_facecolor(th.bg)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(side == "bottom")
    ax.spines["bottom"].set_color(th.axis)
    ax.tick_params(colors=th.axis, labelcolor=th.text, labelsize=cut.small_pt, length=3)
    ax.tick_params(axis="y", length=0)
    if grid_axis:
        ax.grid(axis=grid_axis, color=th.grid, linewidth=0.6)
        ax.set_axisbelow(True)
    if cut.rtl:
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")


def hide_axes(ax: Axes) -> None:
    """No spines, ticks or grid (maps, tile grids)."""
    ax.set_axis_off()


__all__ = ["Frame", "arabic_font_path", "cut_style", "families", "hide_axes",
           "register_arabic_font", "start", "style_axes", "text_width_pt", "wrap"]
