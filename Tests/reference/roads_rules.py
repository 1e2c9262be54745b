"""docs/roads.md §1–5 written again in Python, from the text alone, for the reference scripts.

Used by Tests/reference/make_roads_reference.py (OpenStreetMap PBF read by pyrosm),
Tests/reference/make_network_reference.py (the sample's GeoJSON lines) and
scripts/bench-roads-python. Pure Python plus networkx; no GeoHealth code, no libosmium.

A road arrives here as (tags, runs): its tags as a dict of strings, and runs of consecutive
located nodes, each node a (key, x, y) triple in the study's metric CRS (the key is the OSM
node id, or a centimetre-rounded position for GeoJSON vertices). A way whose nodes are not all
in the extract is split at the missing nodes: two nodes are consecutive only when they are
consecutive in the way (§4 "every pair of consecutive nodes of a road is a segment").
"""
import math
import re

import networkx as nx

# §1.1 the kept classes, §3 their rural and urban speeds (km/h).
SPEEDS = {
    "motorway": (120, 90), "motorway_link": (60, 45), "trunk": (95, 60), "trunk_link": (50, 40),
    "primary": (75, 45), "primary_link": (45, 35), "secondary": (65, 40), "secondary_link": (40, 30),
    "tertiary": (55, 35), "tertiary_link": (35, 25), "unclassified": (45, 30), "residential": (30, 25),
    "living_street": (10, 10), "service": (20, 15), "road": (40, 30),
}
# §1.4: the most specific access tag present decides; these values refuse the way.
ACCESS_KEYS = ("motorcar", "motor_vehicle", "vehicle", "access")
REFUSED_ACCESS = {"no", "private", "agricultural", "forestry", "delivery", "emergency", "bus", "psv", "permit"}
# §3.1 the named maxspeed values (km/h); 1 mph = 1.609344 km/h exactly.
NAMED_MAXSPEED = {"FR:urban": 50, "FR:rural": 80, "FR:motorway": 130, "FR:zone30": 30, "FR:walk": 6}
KMH_PER_MPH = 1.609344
# §3 urban rule: 1 km cells aligned on the CRS origin, urban at >= 15 km of kept road.
CELL_METRES = 1000.0
URBAN_METRES = 15000.0
# §5 snapping: not onto motorways or their links (ferries are not read: --ferries is off).
UNSNAPPABLE = {"motorway", "motorway_link"}
SNAP_KMH = 20.0
SNAP_LIMIT_METRES = 5000.0


def refusal(tags):
    """Why a way is not a car road (§1.1–1.4), or None when it is one."""
    if tags.get("highway") not in SPEEDS:
        return "class"
    if tags.get("area") == "yes":
        return "area"
    if tags.get("oneway") in ("reversible", "alternating"):
        return "reversible"
    for key in ACCESS_KEYS:
        if key in tags:
            return "access" if tags[key] in REFUSED_ACCESS else None
    return None


def direction(tags):
    """§2: 'forward' (along the node order), 'backward' (against it) or 'both'."""
    oneway = tags.get("oneway")
    if oneway in ("yes", "true", "1"):
        return "forward"
    if oneway in ("-1", "reverse"):
        return "backward"
    if oneway in ("no", "false", "0"):
        return "both"
    if tags.get("junction") in ("roundabout", "circular") or tags.get("highway") in ("motorway", "motorway_link"):
        return "forward"
    return "both"


def maxspeed_kmh(value):
    """§3.1: a number (km/h), a number followed by `mph`, or a named French value; anything
    else (none, signals, variable, zero, ...) is None: the class speed applies."""
    if value is None:
        return None
    value = str(value).strip()
    if value in NAMED_MAXSPEED:
        return float(NAMED_MAXSPEED[value])
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(\s*mph)?", value)
    if not match or float(match.group(1)) <= 0:
        return None
    return float(match.group(1)) * (KMH_PER_MPH if match.group(2) else 1.0)


def cell(x, y):
    """The 1 km cell holding (x, y): floor(x / 1000), floor(y / 1000)."""
    return (math.floor(x / CELL_METRES), math.floor(y / CELL_METRES))


def road_segments(roads):
    """Every segment of every kept road: dicts with u, v (node keys), the end positions, metres,
    the way's tags. Segments joining a node to itself are skipped."""
    segments = []
    for tags, runs in roads:
        for run in runs:
            for (a, ax, ay), (b, bx, by) in zip(run, run[1:]):
                if a != b:
                    segments.append({"u": a, "v": b, "p": (ax, ay), "q": (bx, by),
                                     "metres": math.hypot(bx - ax, by - ay), "tags": tags})
    return segments


def urban_cells(segments):
    """§3: the cells holding >= 15 km of kept road, each segment counted once (whatever its
    directions) in the cell of its midpoint."""
    metres = {}
    for s in segments:
        key = cell((s["p"][0] + s["q"][0]) / 2, (s["p"][1] + s["q"][1]) / 2)
        metres[key] = metres.get(key, 0.0) + s["metres"]
    return {key for key, total in metres.items() if total >= URBAN_METRES}


def segment_kmh(segment, urban):
    """§3: the way's readable maxspeed, else its class speed in the urban or rural column of
    the cell of the segment's midpoint."""
    posted = maxspeed_kmh(segment["tags"].get("maxspeed"))
    if posted is not None:
        return posted
    rural, urbanized = SPEEDS[segment["tags"]["highway"]]
    p, q = segment["p"], segment["q"]
    return float(urbanized if cell((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) in urban else rural)


def build_graph(roads):
    """§1–4: the directed graph keyed by node key, edges with `minutes` and `metres`; of
    parallel edges the faster is kept. Returns (graph, segments, urban cells, node positions)."""
    segments = road_segments([(tags, runs) for tags, runs in roads if refusal(tags) is None])
    urban = urban_cells(segments)
    graph = nx.DiGraph()
    positions = {}
    for s in segments:
        s["kmh"] = segment_kmh(s, urban)
        s["minutes"] = s["metres"] / 1000 / s["kmh"] * 60
        positions[s["u"]], positions[s["v"]] = s["p"], s["q"]
        way = direction(s["tags"])
        pairs = ([(s["u"], s["v"])] if way != "backward" else []) + ([(s["v"], s["u"])] if way != "forward" else [])
        for a, b in pairs:
            if not graph.has_edge(a, b) or graph[a][b]["minutes"] > s["minutes"]:
                graph.add_edge(a, b, minutes=s["minutes"], metres=s["metres"])
    return graph, segments, urban, positions
