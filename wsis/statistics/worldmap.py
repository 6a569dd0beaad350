"""World map outlines for choropleths, drawn on the server: TopoJSON from the world-atlas package
(Natural Earth 1:110m), Equal Earth projection, one SVG path per economy keyed by ISO 3166 numeric code.
No script and no tile server: the map is part of the page, and its data is in the table beside it."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

ATLAS = Path(__file__).parent / "data" / "world-atlas" / "countries-110m.json"
WIDTH, HEIGHT = 960.0, 470.0

# Equal Earth (Šavrič, Patterson, Jenny 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


# The projected extent of the whole sphere, to fit it in the box.
_XMAX = equal_earth(180, 0)[0]
_YMAX = equal_earth(0, 90)[1]


def _to_box(lon, lat):
    x, y = equal_earth(lon, lat)
    sx = WIDTH / (2 * _XMAX)
    return WIDTH / 2 + x * sx, HEIGHT / 2 - y * sx


def _decode_arcs(topo) -> list[list[tuple[float, float]]]:
    (kx, ky), (dx, dy) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for px, py in arc:
            x += px
            y += py
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        seg = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(seg if not points else seg[1:])
    return points


@lru_cache(maxsize=1)
def shapes() -> dict[str, dict]:
    """ISO numeric code (no leading zeros) → {"name": ..., "d": SVG path}."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]] if geom["type"] == "Polygon" else []
        parts = []
        for poly in polys:
            for ring in poly:
                # Rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from one edge of the map
                # to the other: break them there instead of drawing a line across the world.
                runs: list[list[tuple[float, float]]] = [[]]
                prev = None
                for lon, lat in _ring(arcs, ring):
                    if prev is not None and abs(lon - prev) > 180:
                        runs.append([])
                    runs[-1].append(_to_box(lon, lat))
                    prev = lon
                for pts in runs:
                    if len(pts) > 2:
                        # Whole pixels: the map is drawn at most 960 px wide, and a third fewer bytes per page.
                        parts.append("M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in pts) + "Z")
        if parts and geom.get("id"):
            out[str(int(geom["id"]))] = {"name": geom.get("properties", {}).get("name", ""), "d": "".join(parts)}
    return out


def outline() -> str:
    """The sphere's outline (the map's background)."""
    pts = [_to_box(180, lat) for lat in range(-90, 91, 5)] + [_to_box(-180, lat) for lat in range(90, -91, -5)]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


# A sequential palette, light to dark, every step distinguishable and labelled in the legend.
PALETTE = ["#e8f1f8", "#bdd7ea", "#86b7d9", "#4a90c2", "#1f64a0", "#0b3c6e"]


def classes(values: list[float], n: int = len(PALETTE)) -> list[float]:
    """Class breaks at quantiles of the values (n classes → n-1 inner breaks), rounded for the legend."""
    v = sorted(x for x in values if x is not None and math.isfinite(x))
    if not v:
        return []
    breaks = []
    for i in range(1, n):
        q = v[min(len(v) - 1, int(round(i * (len(v) - 1) / n)))]
        q = float(f"{q:.3g}")
        if not breaks or q > breaks[-1]:
            breaks.append(q)
    return breaks


def colour(value: float | None, breaks: list[float], higher_is_better: bool = True) -> str | None:
    if value is None or not math.isfinite(value):
        return None
    i = sum(1 for b in breaks if value >= b)
    return PALETTE[min(i, len(PALETTE) - 1)]
