"""Cuts (sizes, themes, languages) of the news charts, and the contrast rule they obey.

A *cut* is one rendering of a news chart: the standard 6 x 4.5 inch chart
(600 px wide at 100 px per inch), ``square`` (1:1), ``portrait`` (4:5),
``mobile`` (a 375 px phone column: larger text, short notes, "2m"-style
axis numbers, tile-grid maps), ``dark`` (dark background) and ``ar``
(Arabic, right to left). Every text colour is checked against its background
with the WCAG 2.x contrast ratio: at least 4.5:1, or 3:1 for text of 18 px
and more (:func:`min_contrast`). Colours for text are derived from the
series colours with :func:`readable`, so a label keeps its series' hue but
always passes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib.colors as mcolors

# --------------------------------------------------------------------------
# WCAG contrast
# --------------------------------------------------------------------------


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of *colour* (any matplotlib colour), 0 (black) to 1 (white)."""
    def chan(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = mcolors.to_rgb(colour)
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def min_contrast(size_px: float) -> float:
    """The contrast a text of *size_px* CSS pixels needs: 3.0 from 18 px ("large text"), else 4.5."""
    return 3.0 if size_px >= 18.0 else 4.5


def readable(colour: str, bg: str, minimum: float = 4.5) -> str:
    """*colour* darkened (on a light *bg*) or lightened (on a dark *bg*) until it reaches *minimum*.

    Returns a ``#rrggbb`` string; the hue is kept. With a margin of 0.1 so
    rounding to 8-bit channels never drops it below the threshold.
    """
    target = minimum + 0.1
    r, g, b = mcolors.to_rgb(colour)
    light_bg = relative_luminance(bg) > 0.18
    for step in range(0, 101):
        t = step / 100
        if light_bg:
            c = (r * (1 - t), g * (1 - t), b * (1 - t))
        else:
            c = (r + (1 - r) * t, g + (1 - g) * t, b + (1 - b) * t)
        hexc = mcolors.to_hex(c)
        if contrast_ratio(hexc, bg) >= target:
            return hexc
    return "#000000" if light_bg else "#ffffff"


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on *fill* (for labels on map areas and bars)."""
    return "#000000" if contrast_ratio("#000000", fill) >= contrast_ratio("#ffffff", fill) else "#ffffff"


# --------------------------------------------------------------------------
# Themes and cuts
# --------------------------------------------------------------------------

#: Okabe-Ito series colours (colour-blind safe), without yellow.
SERIES_LIGHT: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                 "#56B4E9", "#000000")
#: The same hues, lighter where needed, for a dark background.
SERIES_DARK: tuple[str, ...] = ("#56B4E9", "#F28E2B", "#2CC99A", "#E79CC8", "#F0C05A",
                                "#9AD1F5", "#FFFFFF")


@dataclass(frozen=True)
class Theme:
    """Colours of one background: text, secondary text, grid, axes, series, map ramp."""

    bg: str
    text: str
    text2: str
    grid: str
    axis: str
    series: tuple[str, ...]
    ramp: tuple[str, str]
    nodata: str
    band: str


LIGHT = Theme(bg="#FFFFFF", text="#111111", text2="#4D4D4D", grid="#DDDDDD", axis="#6E6E6E",
              series=SERIES_LIGHT, ramp=("#EAF2F8", "#08306B"), nodata="#E6E6E6",
              band="#9ECAE1")
DARK = Theme(bg="#141414", text="#F2F2F2", text2="#C2C2C2", grid="#3A3A3A", axis="#8A8A8A",
             series=SERIES_DARK, ramp=("#1E3042", "#9AD1F5"), nodata="#2E2E2E",
             band="#2F5F86")


@dataclass(frozen=True)
class Cut:
    """One rendering of a news chart.

    Sizes are inches at 100 px per inch (so ``width_in=3.75`` is a 375 px
    column); font sizes are points (1 pt = 100/72 px at that scale).
    """

    name: str
    width_in: float
    height_in: float
    lang: str = "en"
    dark: bool = False
    compact: bool = False
    title_pt: float = 13.0
    subtitle_pt: float = 9.5
    body_pt: float = 9.0
    small_pt: float = 8.0
    footer_pt: float = 7.5
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def theme(self) -> Theme:
        return DARK if self.dark else LIGHT

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def suffix(self) -> str:
        """File-name suffix: ``''`` for the standard cut, else ``'-<name>'``."""
        return f"-{self.name}" if self.name else ""

    @property
    def width_px(self) -> float:
        return self.width_in * 100.0

    def px(self, points: float) -> float:
        """CSS pixels of *points* when the chart is shown at its design width."""
        return points * 100.0 / 72.0


#: Mobile text: at least 12 px in a 375 px column is 8.64 pt; the smallest text here is 9 pt.
CUTS: dict[str, Cut] = {
    "": Cut("", 6.0, 4.5),
    "square": Cut("square", 6.0, 6.0),
    "portrait": Cut("portrait", 4.8, 6.0, title_pt=12.5, subtitle_pt=9.0, body_pt=8.5,
                    small_pt=8.0, footer_pt=7.5),
    "mobile": Cut("mobile", 3.75, 6.67, compact=True, title_pt=12.5, subtitle_pt=9.5,
                  body_pt=9.5, small_pt=9.0, footer_pt=9.0),
    "dark": Cut("dark", 6.0, 4.5, dark=True),
    # Arabic lines (Noto Sans Arabic) are about 1.4x as tall as Latin ones at the same size, so
    # the Arabic cut is taller than the standard one, or the plot is squeezed to a strip
    "ar": Cut("ar", 6.0, 5.4, lang="ar", title_pt=13.5, subtitle_pt=10.0, body_pt=9.5,
              small_pt=8.5, footer_pt=8.0),
}
#: Names of the variant cuts (everything but the standard one), in gallery order.
VARIANTS: tuple[str, ...] = ("square", "portrait", "mobile", "dark", "ar")

__all__ = ["CUTS", "Cut", "DARK", "LIGHT", "Theme", "VARIANTS", "contrast_ratio", "min_contrast",
           "readable", "relative_luminance", "text_on"]
