"""The ways of an OpenStreetMap PBF as pyrosm reads them, checked against a raw decode.

`read_ways(path)` parses the file with pyrosm's own parser (OSM(..., engine="in_memory",
keep_node_info=True).get_data_by_custom_criteria({"highway": True})): every way with a
`highway` tag, its full tags (pyrosm's tag columns merged with its JSON `tags` column), its
ordered OSM node ids (the `nodes` column) and the located ones' lon/lat from pyrosm's node
store (nodes outside the extract have none). No ferries: --ferries is off by default.

`raw_check(path, ways)` decodes the same file independently (zlib + the OSM protobuf schema
with Google's protobuf runtime, no pyrosm decoding) and asserts that pyrosm returned exactly
the ways tagged `highway` that have at least two nodes in the file (pyrosm leaves out the
others, which §1.5 refuses too), with the same tags, node lists and node coordinates (1e-9°).
"""
import json
import math
import struct
import zlib

import numpy as np
import pyrosm
from pyrosm.proto import fileformat_pb2, osmformat_pb2

NOT_TAGS = {"visible", "id", "nodes", "timestamp", "version", "tags", "osm_type", "geometry", "changeset", "lon", "lat"}


def read_ways(path):
    """[(way id, tags dict, [(node id, lon, lat) or (node id, None, None)])], sorted by way id."""
    osm = pyrosm.OSM(path, engine="in_memory", keep_node_info=True)
    frame = osm.get_data_by_custom_criteria(custom_filter={"highway": True}, keep_nodes=False, keep_relations=False)
    columns = [c for c in frame.columns if c not in NOT_TAGS]
    store = osm._node_coordinates  # pyrosm's node store (NodeLocations), filled by the read above
    ways = []
    for record in frame.to_dict("records"):
        tags = {c: record[c] for c in columns if isinstance(record[c], str)}
        if isinstance(record.get("tags"), str):
            tags.update(json.loads(record["tags"]))
        ids = [int(n) for n in record["nodes"]]
        index, lon, lat = store.gather(np.asarray(ids, dtype=np.int64))
        nodes = [(n, float(x), float(y)) if i >= 0 else (n, None, None) for n, i, x, y in zip(ids, index, lon, lat)]
        ways.append((int(record["id"]), tags, nodes))
    return sorted(ways, key=lambda w: w[0])


def located_runs(nodes, transformer):
    """The way's runs of consecutive located nodes as (OSM id, x, y) in the metric CRS of
    `transformer` (a pyproj Transformer from lon/lat): a node missing from the extract breaks
    the way (docs/roads.md §4); runs of one node are dropped."""
    runs, run = [], []
    for n, lon, lat in nodes:
        if lon is None:
            runs, run = runs + [run], []
        else:
            x, y = transformer.transform(lon, lat)
            run.append((n, x, y))
    return [r for r in runs + [run] if len(r) >= 2]


def _blocks(path):
    """The decoded OSMData PrimitiveBlocks of a PBF file."""
    with open(path, "rb") as fh:
        data = fh.read()
    offset = 0
    while offset < len(data):
        (size,) = struct.unpack(">I", data[offset:offset + 4])
        header = fileformat_pb2.BlobHeader.FromString(data[offset + 4:offset + 4 + size])
        offset += 4 + size
        blob = fileformat_pb2.Blob.FromString(data[offset:offset + header.datasize])
        offset += header.datasize
        if header.type == "OSMData":
            raw = blob.raw if blob.HasField("raw") else zlib.decompress(blob.zlib_data)
            yield osmformat_pb2.PrimitiveBlock.FromString(raw)


def raw_decode(path):
    """({node id: (lon, lat)}, {way id: (tags, node ids)} for ways tagged highway)."""
    nodes, ways = {}, {}
    for block in _blocks(path):
        strings = [s.decode("utf-8") for s in block.stringtable.s]
        scale = block.granularity * 1e-9

        def lonlat(lon, lat):
            return (block.lon_offset * 1e-9 + scale * lon, block.lat_offset * 1e-9 + scale * lat)

        for group in block.primitivegroup:
            for node in group.nodes:
                nodes[node.id] = lonlat(node.lon, node.lat)
            ident = lat = lon = 0
            for d_id, d_lat, d_lon in zip(group.dense.id, group.dense.lat, group.dense.lon):
                ident, lat, lon = ident + d_id, lat + d_lat, lon + d_lon
                nodes[ident] = lonlat(lon, lat)
            for way in group.ways:
                tags = {strings[k]: strings[v] for k, v in zip(way.keys, way.vals)}
                if "highway" in tags:
                    ways[way.id] = (tags, list(np.cumsum(way.refs, dtype=np.int64)))
    return nodes, ways


def raw_check(path, ways):
    """Asserts pyrosm's ways equal the raw decode; returns the counts it compared."""
    nodes, raw = raw_decode(path)
    # pyrosm leaves out the ways with fewer than two nodes in the file: no road either (§1.5).
    unlocated = sorted(w for w, (_, refs) in raw.items() if sum(int(r) in nodes for r in refs) < 2)
    assert sorted(set(raw) - set(unlocated)) == [w[0] for w in ways], "pyrosm and the raw decode disagree on the highway ways"
    located = missing = 0
    for ident, tags, way_nodes in ways:
        raw_tags, raw_refs = raw[ident]
        assert tags == raw_tags, f"way {ident}: tags {tags} vs raw {raw_tags}"
        assert [n for n, _, _ in way_nodes] == [int(r) for r in raw_refs], f"way {ident}: node lists differ"
        for n, lon, lat in way_nodes:
            if n in nodes:
                located += 1
                assert lon is not None and math.isclose(lon, nodes[n][0], abs_tol=1e-9) and math.isclose(lat, nodes[n][1], abs_tol=1e-9), f"node {n}"
            else:
                missing += 1
                assert lon is None, f"node {n}: pyrosm locates a node the file lacks"
    return {"highway_ways": len(raw), "highway_ways_under_two_located_nodes": len(unlocated), "node_refs_located": located, "node_refs_missing": missing, "nodes_in_file": len(nodes)}
