import GeoCore

/// The part of a road network from which a site is reached within `T` minutes, as straight
/// pieces of segments (metric CRS): what an isochrone polygon is drawn around.
///
/// For a directed edge u→v of time t whose end v reaches the site in m(v) ≤ T minutes, a point
/// at fraction s of the way from v back towards u needs s·t + m(v) minutes (driving on to v,
/// then to the site): the stretch from v to v + f·(u − v), f = min(1, (T − m(v)) / t), is
/// reachable (linear interpolation along the segment; speeds are constant on a segment). Each
/// segment thus has a reachable stretch from each end (0 when that end is not reached or the
/// segment cannot be driven towards it); when the two add up to the whole, the segment is one
/// piece, otherwise each stretch is its own piece: pieces never overlap, so ``metres`` is the
/// reachable length (but for the site's own legs, ``snapLegs(site:network:entries:limit:)``). The
/// site's snap leg is a piece too, so the site lies in its isochrone.
package struct ReachableRoads: Sendable {
    /// The reachable pieces, each from its reached end to as far as `T` allows.
    package var pieces: [(from: Coordinate, to: Coordinate)]

    /// The total length of the pieces in metres.
    package var metres: Double { pieces.reduce(0) { $0 + $1.from.distance(to: $1.to) } }

    /// The pieces of `network` within `minutes` of the site, from the search `times` (its bound
    /// must be at least `minutes`; `reverse` built here when not given); `site` and `entries` add the
    /// snap legs.
    package init(
        network: RoadNetwork, reverse: ReverseEdges? = nil, times: TravelTimesToSite, minutes limit: Double, site: Coordinate? = nil, entries: [NetworkEntry] = []
    ) {
        let reverse = reverse ?? ReverseEdges(network)
        precondition(limit <= times.bound, "the search must reach as far as the isochrone")
        // Per segment (lower node, higher node): the reachable fraction from each end.
        var stretch: [SIMD2<Int32>: (low: Double, high: Double)] = [:]
        for (v, m) in zip(times.nodes, times.minutes) where m <= limit {
            for k in Int(reverse.start[v])..<Int(reverse.start[v + 1]) {
                let u = Int(reverse.source[k]), t = reverse.minutes[k]
                let f = t > 0 ? min(1, (limit - m) / t) : 1
                let key = SIMD2(Int32(min(u, v)), Int32(max(u, v)))
                var known = stretch[key] ?? (0, 0)
                if v < u { known.low = max(known.low, f) } else { known.high = max(known.high, f) }
                stretch[key] = known
            }
        }
        var pieces: [(from: Coordinate, to: Coordinate)] = []
        for key in stretch.keys.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) {
            let (low, high) = stretch[key]!
            let a = network.nodes[Int(key.x)], b = network.nodes[Int(key.y)]
            if low + high >= 1 {
                pieces.append((a, b))
                continue
            }
            if low > 0 { pieces.append((a, Self.point(from: a, to: b, fraction: low))) }
            if high > 0 { pieces.append((b, Self.point(from: b, to: a, fraction: high))) }
        }
        if let site { pieces += Self.snapLegs(site: site, network: network, entries: entries, limit: limit) }
        self.pieces = pieces
    }

    /// The site's own legs, when one of its entries is within `limit`: the off-road leg from the
    /// site to its snapped road point, and the stretch of its segment from that point to each
    /// entry node within `limit` (every point of it is nearer the site than the node). These may
    /// overlap the stretches found from the nodes (the polygon is their union either way).
    static func snapLegs(site: Coordinate, network: RoadNetwork, entries: [NetworkEntry], limit: Double) -> [(from: Coordinate, to: Coordinate)] {
        let within = entries.filter { $0.minutes <= limit }
        guard let snapped = within.first?.snapped ?? within.first.map({ network.nodes[$0.node] }) else { return [] }
        var legs: [(from: Coordinate, to: Coordinate)] = snapped == site ? [] : [(snapped, site)]
        for e in within where network.nodes[e.node] != snapped { legs.append((network.nodes[e.node], snapped)) }
        return legs
    }

    static func point(from a: Coordinate, to b: Coordinate, fraction f: Double) -> Coordinate {
        Coordinate(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
    }
}
