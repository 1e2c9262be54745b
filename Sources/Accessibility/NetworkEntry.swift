import GeoCore

/// Where a place enters a ``RoadNetwork`` and at what cost: a node and the minutes and metres
/// already spent when the trip is there (the snap leg, plus a site's start-up delay).
///
/// A place may enter at several nodes (segment snapping, docs/roads.md §5, enters at both ends
/// of its segment); searches start from all of them at once.
package struct NetworkEntry: Sendable, Equatable {
    /// The node where the trip joins (or leaves) the network.
    package var node: Int
    /// Minutes spent before that node (snap leg at the snap speed, start-up delay).
    package var minutes: Double
    /// Metres travelled before that node (the snap leg and the part of the segment driven).
    package var metres: Double
    /// The point of the road the place was snapped to (nil: the place is the node itself).
    package var snapped: Coordinate?

    /// Entry at `node` after `minutes` and `metres`, from the road point `snapped`.
    package init(node: Int, minutes: Double, metres: Double, snapped: Coordinate? = nil) {
        self.node = node
        self.minutes = minutes
        self.metres = metres
        self.snapped = snapped
    }
}

extension NetworkModel {
    /// The one place that says where a site meets the network, and at what cost: the site
    /// snapped to the nearest snappable segment (docs/roads.md §5), entering at the ends from
    /// which the snapped point may be driven to (``RoadNetwork/arrivals(at:)``: snap leg plus the
    /// part of the segment driven), plus `startupMinutes` (a site's start-up delay: a crew leaving
    /// an emergency station). Empty when the site is farther than the snap limit.
    package func entries(of site: Coordinate, startupMinutes: Double = 0) -> [NetworkEntry] {
        guard let p = snap(site) else { return [] }
        let a = network.nodes[network.segment(p.segment).from], b = network.nodes[network.segment(p.segment).to]
        let point = Coordinate(x: a.x + p.fraction * (b.x - a.x), y: a.y + p.fraction * (b.y - a.y))
        return network.arrivals(at: p).map {
            NetworkEntry(node: Int($0.node), minutes: startupMinutes + $0.minutes, metres: $0.metres, snapped: point)
        }
    }
}
