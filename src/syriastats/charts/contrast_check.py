"""Check every text of an exported SVG against its background (WCAG contrast), and its size.

Matplotlib writes SVG text as ``<text style="font-size: 9px; ...; fill: #111111">`` when
``svg.fonttype`` is ``none``. The background of a text is the figure's background (the
first patch's fill), unless the text sits in a group whose id is ``onfill-<hex>``
(labels drawn on a coloured map area or bar), whose colour is then the background.
Sizes are SVG user units (points); at a chart's design width they are
``size * 100 / 72`` CSS pixels.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from syriastats.charts.cuts import contrast_ratio, min_contrast

_SVG = "{http://www.w3.org/2000/svg}"
_FILL = re.compile(r"fill:\s*(#[0-9a-fA-F]{6})")
_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")


@dataclass(frozen=True)
class TextCheck:
    """One text of an SVG: what it says, its size (CSS px at design width), colours and contrast."""

    text: str
    size_px: float
    fill: str
    background: str
    ratio: float
    needed: float

    @property
    def ok(self) -> bool:
        return self.ratio >= self.needed


def _background(root: ET.Element) -> str:
    fig = root.find(f".//{_SVG}g[@id='figure_1']")
    patch = fig.find(f"{_SVG}g[@id='patch_1']") if fig is not None else None
    path = patch.find(f"{_SVG}path") if patch is not None else None
    style = path.get("style", "") if path is not None else ""
    m = _FILL.search(style)
    return m.group(1).lower() if m else "#ffffff"


def check_svg(path: str | Path, *, px_per_unit: float = 100 / 72) -> list[TextCheck]:
    """Every ``<text>`` of the SVG at *path* with its contrast against its background."""
    root = ET.parse(path).getroot()
    bg = _background(root)
    out: list[TextCheck] = []

    def walk(node: ET.Element, background: str) -> None:
        gid = node.get("id", "")
        if node.tag == f"{_SVG}g" and gid.startswith("onfill-"):
            background = "#" + gid.split("-", 1)[1][:6].lower()
        if node.tag == f"{_SVG}text":
            style = node.get("style", "")
            fill_m, size_m = _FILL.search(style), _SIZE.search(style)
            fill = fill_m.group(1).lower() if fill_m else "#000000"
            size = float(size_m.group(1)) * px_per_unit if size_m else 0.0
            text = "".join(node.itertext()).strip()
            ratio = contrast_ratio(fill, background)
            out.append(TextCheck(text, size, fill, background, ratio, min_contrast(size)))
            return
        for child in node:
            walk(child, background)

    walk(root, bg)
    return out


def failures(path: str | Path, *, min_px: float = 0.0, px_per_unit: float = 100 / 72) -> list[str]:
    """Texts of the SVG at *path* below the contrast rule or smaller than *min_px*, as messages."""
    bad = []
    for c in check_svg(path, px_per_unit=px_per_unit):
        if not c.text:
            continue
        if not c.ok:
            bad.append(f"{Path(path).name}: {c.text[:40]!r} {c.fill} on {c.background}: "
                       f"{c.ratio:.2f}:1 < {c.needed}:1")
        if c.size_px + 1e-6 < min_px:
            bad.append(f"{Path(path).name}: {c.text[:40]!r} is {c.size_px:.1f} px < {min_px} px")
    return bad


__all__ = ["TextCheck", "check_svg", "failures"]
