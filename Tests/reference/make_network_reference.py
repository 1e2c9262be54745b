"""Shortest travel times on the sample road network with networkx, for NetworkModel's tests.

    python3 -m pip install networkx pyproj      # versions recorded in the output
    python3 Tests/reference/make_network_reference.py

Builds the graph by docs/roads.md §1–4, independently (Tests/reference/roads_rules.py, shared
with make_roads_reference.py): geodata/roads.geojson projected to EPSG:2154 with pyproj; every
feature's properties taken as OSM tags (kept classes, area, reversible, access, oneway with the
implied one-way of roundabouts and motorways, `maxspeed` or else `speed`/`vitesse`, the class
speed in its urban or rural column by 1 km cells of >= 15 km of kept road); every vertex a node
(positions rounded to the centimetre); an edge between consecutive vertices with
minutes = metres / 1000 / km/h × 60, of parallel edges the faster.

Origins and destinations are vertices of snappable roads (not motorways or their links), so a
place is its own node (snap distance 0, docs/roads.md §5) and no snapping enters the comparison.
Writes Tests/reference/network.json: minutes from each origin to each destination (null when
unreachable or beyond 60 minutes), by networkx.single_source_dijkstra_path_length on the
reversed graph from each destination.
"""
import datetime
import json
import os
import sys

import networkx as nx
import pyproj

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import roads_rules  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))


def tags_of(properties):
    """The feature's properties as OSM tags (strings); `speed`/`vitesse` stand for `maxspeed`."""
    tags = {k: str(v) for k, v in properties.items() if v is not None}
    for alias in ("speed", "vitesse"):
        if "maxspeed" not in tags and alias in tags:
            tags["maxspeed"] = tags[alias]
    return tags


def main():
    with open(os.path.join(ROOT, "geodata", "roads.geojson"), encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    to2154 = pyproj.Transformer.from_crs(4326, 2154, always_xy=True)
    roads, vertices = [], []
    for f in features:
        tags = tags_of(f["properties"])
        lines = f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiLineString" else [f["geometry"]["coordinates"]]
        for line in lines:
            run = [((round(x * 100), round(y * 100)), x, y) for x, y in (to2154.transform(lon, lat) for lon, lat in line)]
            roads.append((tags, [run]))
            if roads_rules.refusal(tags) is None and tags["highway"] not in roads_rules.UNSNAPPABLE:
                vertices.extend(zip(line, (key for key, _, _ in run)))
    graph, segments, urban, _ = roads_rules.build_graph(roads)

    # Every 23rd distinct vertex of a snappable road as an origin, every 97th as a destination.
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
        lengths = nx.single_source_dijkstra_path_length(reverse, dkey, cutoff=60, weight="minutes")
        minutes.append([lengths.get(okey) for _, okey in origins])
    out = {
        "provenance": {
            "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "by": "Tests/reference/make_network_reference.py (rules: docs/roads.md)",
            "libraries": {"networkx": nx.__version__, "pyproj": pyproj.__version__, "PROJ": pyproj.proj_version_str},
            "graph": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
            "segments": len(segments),
            "urban_cells": len(urban),
            "data": "geodata/roads.geojson (geohealth synth --seed 1)",
        },
        "origins": [o[0] for o in origins],
        "destinations": [d[0] for d in destinations],
        "minutes_by_destination": minutes,
    }
    with open(os.path.join(HERE, "network.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote network.json:", len(origins), "origins ×", len(destinations), "destinations;", out["provenance"]["graph"],
          "urban cells:", len(urban))


if __name__ == "__main__":
    main()
