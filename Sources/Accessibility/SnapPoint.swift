import GeoCore

/// A place snapped to the nearest point P of the nearest snappable segment (docs/roads.md §5).
package struct SnapPoint: Sendable, Equatable {
    /// The segment's index in the ``RoadNetwork``.
    package var segment: Int
    /// How far along the segment P lies, from its first node (0) to its second (1).
    package var fraction: Double
    /// The straight leg from the place to P, in metres.
    package var metres: Double
    /// The straight leg's minutes at the snap speed: metres ÷ 1000 ÷ km/h × 60.
    package var minutes: Double
}

/// A node where a trip leaves (or reaches) the road graph, with the cost of getting there from
/// the place (or from there to the place): snap leg plus the part of the segment driven.
package struct RoadSeed: Sendable, Equatable {
    package var node: Int32
    package var minutes: Double
    package var metres: Double
}

extension RoadNetwork {
    /// Where a trip from P may join the graph: towards the segment's second node v at
    /// (1 − t) × time(u→v) when u→v may be driven, towards its first node u at t × time(v→u) when
    /// v→u may be driven (docs/roads.md §5), each with the snap leg added. A point at an end of
    /// its segment (t = 0 or 1) is that node: the trip joins there after the snap leg alone,
    /// whatever the segment's one-way rule.
    package func departures(from p: SnapPoint) -> [RoadSeed] {
        if let node = endNode(of: p) { return [node] }
        let s = p.segment, t = p.fraction, length = segmentMetres[s]
        var seeds: [RoadSeed] = []
        if segmentForwardMinutes[s].isFinite {
            seeds.append(RoadSeed(node: segmentTo[s], minutes: p.minutes + (1 - t) * segmentForwardMinutes[s], metres: p.metres + (1 - t) * length))
        }
        if segmentBackwardMinutes[s].isFinite {
            seeds.append(RoadSeed(node: segmentFrom[s], minutes: p.minutes + t * segmentBackwardMinutes[s], metres: p.metres + t * length))
        }
        return seeds
    }

    /// Where a trip to P may leave the graph, symmetrically: from u along u→v at t × time(u→v),
    /// from v along v→u at (1 − t) × time(v→u), each with the snap leg added; a point at an end
    /// of its segment is that node, left after the snap leg alone.
    package func arrivals(at p: SnapPoint) -> [RoadSeed] {
        if let node = endNode(of: p) { return [node] }
        let s = p.segment, t = p.fraction, length = segmentMetres[s]
        var seeds: [RoadSeed] = []
        if segmentForwardMinutes[s].isFinite {
            seeds.append(RoadSeed(node: segmentFrom[s], minutes: p.minutes + t * segmentForwardMinutes[s], metres: p.metres + t * length))
        }
        if segmentBackwardMinutes[s].isFinite {
            seeds.append(RoadSeed(node: segmentTo[s], minutes: p.minutes + (1 - t) * segmentBackwardMinutes[s], metres: p.metres + (1 - t) * length))
        }
        return seeds
    }

    /// The node a point at t = 0 or t = 1 of its segment is (docs/roads.md §5), with the snap leg.
    private func endNode(of p: SnapPoint) -> RoadSeed? {
        guard p.fraction == 0 || p.fraction == 1 else { return nil }
        return RoadSeed(node: p.fraction == 0 ? segmentFrom[p.segment] : segmentTo[p.segment], minutes: p.minutes, metres: p.metres)
    }

    /// The trip that stays on one segment, when origin and destination snap to the same one:
    /// straight along it in an allowed direction, snap legs included; nil when not allowed.
    package func sameSegmentTrip(from a: SnapPoint, to b: SnapPoint) -> (minutes: Double, metres: Double)? {
        guard a.segment == b.segment else { return nil }
        let s = a.segment, length = segmentMetres[s]
        var best: (minutes: Double, metres: Double)?
        if b.fraction >= a.fraction, segmentForwardMinutes[s].isFinite {
            best = ((b.fraction - a.fraction) * segmentForwardMinutes[s], (b.fraction - a.fraction) * length)
        }
        if b.fraction <= a.fraction, segmentBackwardMinutes[s].isFinite {
            let back = ((a.fraction - b.fraction) * segmentBackwardMinutes[s], (a.fraction - b.fraction) * length)
            if best == nil || back.0 < best!.minutes { best = back }
        }
        return best.map { (a.minutes + $0.minutes + b.minutes, a.metres + $0.metres + b.metres) }
    }
}
