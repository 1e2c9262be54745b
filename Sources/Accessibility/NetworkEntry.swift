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
    /// Metres travelled before that node (the snap leg).
    package var metres: Double

    /// Entry at `node` after `minutes` and `metres`.
    package init(node: Int, minutes: Double, metres: Double) {
        self.node = node
        self.minutes = minutes
        self.metres = metres
    }
}

extension NetworkModel {
    /// The one place that says where a site meets the network, and at what cost: today the
    /// nearest node (``snap(_:)``), the straight leg at the snap speed, plus `startupMinutes`
    /// (a site's start-up delay: a crew leaving an emergency station). Empty when the site is
    /// farther than the snap limit from every node.
    ///
    /// Segment snapping (docs/roads.md §5) replaces the body: two entries, the segment's ends,
    /// each at snap leg + the fraction of the segment driven.
    package func entries(of site: Coordinate, startupMinutes: Double = 0) -> [NetworkEntry] {
        guard let s = snap(site) else { return [] }
        return [NetworkEntry(node: s.node, minutes: startupMinutes + s.minutes, metres: s.metres)]
    }
}
