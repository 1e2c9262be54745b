"""Shortest travel times on the sample road network with networkx, for NetworkModel's tests.

    python3 -m pip install networkx pyproj      # versions recorded in the output
    python3 Tests/reference/make_network_reference.py

Builds the graph as docs/decisions.md says GeoHealth does, independently: geodata/roads.geojson
projected to EPSG:2154 with pyproj; every vertex a node (positions rounded to the centimetre);
an edge between consecutive vertices with time = length / speed; speed = numeric `maxspeed`,
else the class speed of SpeedTable.defaultSpeeds; `oneway=yes` → one direction only. Origins
and destinations are road vertices, so no snapping enters the comparison. Writes
Tests/reference/network.json: minutes from each origin to each destination (null when
unreachable or beyond 60 minutes), by networkx.single_source_dijkstra_path_length on the
reversed graph from each destination.
"""
import datetime
import json
import math
import os

import networkx as nx
import pyproj

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SPEEDS = {"motorway": 120, "motorway_link": 60, "trunk": 95, "trunk_link": 50, "primary": 75, "primary_link": 45,
          "secondary": 65, "secondary_link": 40, "tertiary": 55, "tertiary_link": 35, "unclassified": 45,
          "residential": 30, "living_street": 10, "service": 20, "track": 15, "road": 40}

with open(os.path.join(ROOT, "geodata", "roads.geojson"), encoding="utf-8") as fh:
    roads = json.load(fh)["features"]
to2154 = pyproj.Transformer.from_crs(4326, 2154, always_xy=True)
graph = nx.DiGraph()
vertices = []
for f in roads:
    props = f["properties"]
    speed = float(props["maxspeed"]) if "maxspeed" in props else SPEEDS.get(props.get("highway"), 40)
    oneway = props.get("oneway") in ("yes", "true", "1")
    pts = [to2154.transform(x, y) for x, y in f["geometry"]["coordinates"]]
    keys = [(round(x * 100), round(y * 100)) for x, y in pts]
    for k in range(1, len(pts)):
        if keys[k] == keys[k - 1]:
            continue
        metres = math.dist(pts[k], pts[k - 1])
        minutes = metres / 1000 / speed * 60
        for a, b in [(keys[k - 1], keys[k])] + ([] if oneway else [(keys[k], keys[k - 1])]):
            if not graph.has_edge(a, b) or graph[a][b]["w"] > minutes:
                graph.add_edge(a, b, w=minutes)
    vertices.extend(zip(f["geometry"]["coordinates"], keys))

# Every 23rd distinct vertex as an origin, every 97th as a destination.
seen, distinct = set(), []
for lonlat, key in vertices:
    if key not in seen:
        seen.add(key)
        distinct.append((lonlat, key))
origins = distinct[::23]
destinations = distinct[5::97]
reverse = graph.reverse(copy=False)
minutes = []
for _, dkey in destinations:
    lengths = nx.single_source_dijkstra_path_length(reverse, dkey, cutoff=60, weight="w")
    minutes.append([lengths.get(okey) for _, okey in origins])
out = {
    "provenance": {
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "by": "Tests/reference/make_network_reference.py",
        "libraries": {"networkx": nx.__version__, "pyproj": pyproj.__version__, "PROJ": pyproj.proj_version_str},
        "graph": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
        "data": "geodata/roads.geojson (geohealth synth --seed 1)",
    },
    "origins": [o[0] for o in origins],
    "destinations": [d[0] for d in destinations],
    "minutes_by_destination": minutes,
}
with open(os.path.join(HERE, "network.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print("wrote network.json:", len(origins), "origins ×", len(destinations), "destinations;", out["provenance"]["graph"])
