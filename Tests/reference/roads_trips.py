"""docs/roads.md §5 (a trip between two places) written again in Python, for make_roads_reference.py.

A place is snapped to the nearest point P of the nearest segment of a snappable road (not
motorway or motorway_link), found with a shapely STRtree; P's fraction t along u→v and its
distance are computed here: t = clamp(((P − u)·(v − u)) / |v − u|², 0, 1). The straight leg is
travelled at 20 km/h; a place farther than 5 km reaches nothing.

Leaving the origin (docs/roads.md §5): towards v at (1 − t)·time(u→v) when the graph has u→v,
towards u at t·time(v→u) when it has v→u; at t = 0 (t = 1) P is the node u (v), left at no cost.
Reaching the destination, symmetrically: from u at t·time(u→v), from v at (1 − t)·time(v→u).
On the same segment, driving straight along it in an allowed direction is a candidate too.
When several segments are equally near (P is a node where they meet), all are candidates; under
the node rule they give the same times. Edge times are the graph's (the faster parallel edge).
"""
import math

import networkx as nx
import shapely

from roads_rules import SNAP_KMH, SNAP_LIMIT_METRES, UNSNAPPABLE


class Snapper:
    """Nearest snappable segments of a road graph (segments from roads_rules.build_graph)."""

    def __init__(self, segments):
        self.segments = [s for s in segments if s["tags"]["highway"] not in UNSNAPPABLE and s["metres"] > 0]
        self.tree = shapely.STRtree([shapely.LineString([s["p"], s["q"]]) for s in self.segments])

    def snap(self, x, y):
        """(metres to the nearest segment, [(segment, t)] of the segments at that distance)."""
        point = shapely.Point(x, y)
        _, distances = self.tree.query_nearest(point, return_distance=True, all_matches=True)
        near = self.tree.query(point, predicate="dwithin", distance=float(distances.min()) + 1e-6)
        measured = [(self._distance_and_t(self.segments[i], x, y), self.segments[i]) for i in near]
        best = min(d for (d, _), _ in measured)
        return best, [(s, t) for (d, t), s in measured if d <= best + 1e-9]

    def is_clear(self, x, y, margin=1e-3):
        """Whether every segment within `margin` metres of the nearest distance has the same
        nearest point (to 1e-6 m): a place for which rounding cannot change the snap."""
        best, candidates = self.snap(x, y)
        s, t = candidates[0]
        point = self._point(s, t)
        near = self.tree.query(shapely.Point(x, y), predicate="dwithin", distance=best + margin)
        for i in near:
            d, u = self._distance_and_t(self.segments[i], x, y)
            if d <= best + margin and math.dist(self._point(self.segments[i], u), point) > 1e-6:
                return False
        return True

    @staticmethod
    def _point(s, t):
        (ax, ay), (bx, by) = s["p"], s["q"]
        return (ax + t * (bx - ax), ay + t * (by - ay))

    @staticmethod
    def _distance_and_t(s, x, y):
        (ax, ay), (bx, by) = s["p"], s["q"]
        dx, dy = bx - ax, by - ay
        t = min(1.0, max(0.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy)), t


def snap_minutes(metres):
    """The straight leg at the snap speed: metres / 1000 / 20 × 60."""
    return metres / 1000 / SNAP_KMH * 60


def _time(graph, a, b):
    return graph[a][b]["minutes"] if graph.has_edge(a, b) else None


def leave_options(graph, candidates):
    """[(node, minutes from P to the node)] for an origin snapped to `candidates`."""
    options = []
    for s, t in candidates:
        u, v = s["u"], s["v"]
        if t == 0.0 or t == 1.0:
            options.append((u if t == 0.0 else v, 0.0))
            continue
        if (forward := _time(graph, u, v)) is not None:
            options.append((v, (1 - t) * forward))
        if (backward := _time(graph, v, u)) is not None:
            options.append((u, t * backward))
    return options


def arrive_options(graph, candidates):
    """[(node, minutes from the node to P)] for a destination snapped to `candidates`."""
    options = []
    for s, t in candidates:
        u, v = s["u"], s["v"]
        if t == 0.0 or t == 1.0:
            options.append((u if t == 0.0 else v, 0.0))
            continue
        if (forward := _time(graph, u, v)) is not None:
            options.append((u, t * forward))
        if (backward := _time(graph, v, u)) is not None:
            options.append((v, (1 - t) * backward))
    return options


def along_same_segment(graph, origin, destination):
    """The least time driving straight along a segment both places are snapped to, or None."""
    best = None
    for so, to in origin:
        for sd, td in destination:
            if {so["u"], so["v"]} != {sd["u"], sd["v"]}:
                continue
            u, v = so["u"], so["v"]
            td = td if sd["u"] == u else 1 - td
            if to <= td and (forward := _time(graph, u, v)) is not None:
                best = min(x for x in (best, (td - to) * forward) if x is not None)
            if to >= td and (backward := _time(graph, v, u)) is not None:
                best = min(x for x in (best, (to - td) * backward) if x is not None)
    return best


def trip_minutes(graph, origins, destinations, max_minutes=60.0):
    """Minutes from every snapped origin to every snapped destination ((metres, candidates)
    pairs from Snapper.snap), null beyond the snap limit, unreachable or above max_minutes."""
    table = []
    for o_metres, o_candidates in origins:
        row = [None] * len(destinations)
        table.append(row)
        if o_metres > SNAP_LIMIT_METRES:
            continue
        searches = [(cost, nx.single_source_dijkstra_path_length(graph, node, cutoff=max_minutes, weight="minutes"))
                    for node, cost in leave_options(graph, o_candidates)]
        for j, (d_metres, d_candidates) in enumerate(destinations):
            if d_metres > SNAP_LIMIT_METRES:
                continue
            road = [c + reached[node] + a for c, reached in searches for node, a in arrive_options(graph, d_candidates) if node in reached]
            same = along_same_segment(graph, o_candidates, d_candidates)
            road += [same] if same is not None else []
            if road:
                total = snap_minutes(o_metres) + min(road) + snap_minutes(d_metres)
                row[j] = total if total <= max_minutes else None
    return table


def _insert(graph, name, candidates, role):
    """Adds the place `name` to `graph` on its first nearest segment: edges to (origin) or from
    (destination) the segment's ends, or its node when P is one."""
    s, t = candidates[0]
    u, v = s["u"], s["v"]
    if t == 0.0 or t == 1.0:
        graph.add_edge(*((name, u if t == 0.0 else v) if role == "origin" else (u if t == 0.0 else v, name)), minutes=0.0)
        return
    for a, b, rest in ((u, v, 1 - t), (v, u, t)):
        if (minutes := _time(graph, a, b)) is not None:
            graph.add_edge(*((name, b) if role == "origin" else (a, name)), minutes=(rest if role == "origin" else 1 - rest) * minutes)


def trip_minutes_by_insertion(graph, origin, destination, max_minutes=60.0):
    """The same trip another way, to check trip_minutes: both places inserted into a copy of the
    graph as nodes on one of their nearest segments (ties must not matter), the same-segment
    drive as a direct edge, and one networkx Dijkstra between them."""
    (o_metres, o_candidates), (d_metres, d_candidates) = origin, destination
    if o_metres > SNAP_LIMIT_METRES or d_metres > SNAP_LIMIT_METRES:
        return None
    augmented = graph.copy()
    _insert(augmented, "origin", o_candidates, "origin")
    _insert(augmented, "destination", d_candidates, "destination")
    same = along_same_segment(graph, o_candidates[:1], d_candidates[:1])
    if same is not None:
        augmented.add_edge("origin", "destination", minutes=min(same, augmented.get_edge_data("origin", "destination", {"minutes": same})["minutes"]))
    try:
        road = nx.dijkstra_path_length(augmented, "origin", "destination", weight="minutes")
    except nx.NetworkXNoPath:
        return None
    total = snap_minutes(o_metres) + road + snap_minutes(d_metres)
    return total if total <= max_minutes else None
