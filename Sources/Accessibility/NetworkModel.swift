import GeoCore

/// Shortest travel time on a ``RoadNetwork`` (docs/roads.md §5).
///
/// Each place is snapped to the nearest point P of the nearest snappable segment (a
/// ``SegmentGrid`` query); the straight leg to P is travelled at `snapSpeedKmh`
/// (``defaultSnapSpeedKmh``, 20 km/h) and counted in time and distance. Places farther than
/// `maxSnapMetres` (``defaultMaxSnapMetres``, 5 km) from every snappable segment reach nothing
/// (their rows stay empty; ``snapMetres(of:)`` reports them). A trip leaves P towards either end
/// of its segment that may be driven to, crosses the graph, and reaches the destination's P from
/// either end of its segment; when both places lie on one segment, driving along it is a
/// candidate too. The least of these is the trip.
///
/// The graph part runs on a ``ContractionHierarchy`` (Geisberger et al. 2008) with the bucket
/// many-to-many algorithm (Knopp et al. 2007), bounded by `maxMinutes`; ``dijkstraCosts`` runs
/// the same trips with plain Dijkstra (E. W. Dijkstra, Numerische Mathematik 1, 269–271, 1959),
/// the oracle of the tests.
/// - Complexity: preparation about V × bounded witness searches; a query O((origins +
///   destinations) × hierarchy search space + bucket entries).
public struct NetworkModel: TravelCostModel {
    /// The road graph searched.
    public let network: RoadNetwork
    /// Speed in km/h of the straight leg between a place and its snapped point (``defaultSnapSpeedKmh``, 20).
    public var snapSpeedKmh: Double
    /// Farthest a place may be from every snappable segment, in metres (``defaultMaxSnapMetres``,
    /// 5 km); farther places reach nothing.
    public var maxSnapMetres: Double
    /// The metric CRS of the network's coordinates, when known: places given in another CRS reach
    /// nothing (their rows stay empty), rather than being snapped to roads they are not near.
    public var crs: CRS?
    /// The contraction hierarchy of ``network``.
    package let hierarchy: ContractionHierarchy
    private let grid: SegmentGrid

    /// Speed of the straight leg between a place and its snapped point when none is given: 20 km/h.
    public static let defaultSnapSpeedKmh = 20.0
    /// Farthest a place may be from a snappable segment when none is given: 5 km (farther is unreachable).
    public static let defaultMaxSnapMetres = 5_000.0

    /// The model over `network`, with the snap speed and the snap limit (defaults 20 km/h, 5 km);
    /// contracts the network (minutes for a national graph: see ``init(network:hierarchy:snapSpeedKmh:maxSnapMetres:)``
    /// to reuse a prepared one).
    public init(network: RoadNetwork, snapSpeedKmh: Double = defaultSnapSpeedKmh, maxSnapMetres: Double = defaultMaxSnapMetres) {
        self.init(network: network, hierarchy: ContractionHierarchy(network: network), snapSpeedKmh: snapSpeedKmh, maxSnapMetres: maxSnapMetres)
    }

    /// The model over `network` and its already prepared `hierarchy` (a prepared-graph file).
    package init(network: RoadNetwork, hierarchy: ContractionHierarchy, snapSpeedKmh: Double = defaultSnapSpeedKmh, maxSnapMetres: Double = defaultMaxSnapMetres) {
        precondition(hierarchy.nodeCount == network.nodes.count, "a hierarchy of another network")
        self.network = network
        self.hierarchy = hierarchy
        self.snapSpeedKmh = snapSpeedKmh
        self.maxSnapMetres = maxSnapMetres
        grid = SegmentGrid(network: network)
    }

    /// `road network (N nodes, E edges; snap at 20.0 km/h)`.
    public var name: String { "road network (\(network.nodes.count) nodes, \(network.edgeCount) edges; snap at \(snapSpeedKmh) km/h)" }

    /// `p` snapped to the nearest point of the nearest snappable segment, or nil when every such
    /// segment is farther than `maxSnapMetres`.
    package func snap(_ p: Coordinate) -> SnapPoint? {
        guard let hit = grid.nearest(to: p, within: maxSnapMetres, in: network) else { return nil }
        return SnapPoint(segment: hit.segment, fraction: hit.fraction, metres: hit.metres, minutes: hit.metres / 1000 / snapSpeedKmh * 60)
    }

    /// Every place snapped, on all cores.
    package func snap(_ places: CostPoints) -> [SnapPoint?] {
        places.metric.concurrentMap { snap($0) }.map { try! $0.get() }
    }

    /// For each place, the length in metres of its straight leg to the road (its snap distance),
    /// or nil when it lies farther than ``maxSnapMetres`` from every snappable segment (it
    /// reaches nothing): what a summary lists as refused places.
    public func snapMetres(of places: CostPoints) -> [Double?] {
        guard sameCRS(places) else { return Array(repeating: nil, count: places.count) }
        return snap(places).map { $0?.metres }
    }

    /// The shortest travel times within `maxMinutes`, snap legs included, with road kilometres,
    /// on the contraction hierarchy (bucket many-to-many, in parallel).
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        trips(from: origins, to: destinations, maxMinutes: maxMinutes, on: hierarchy)
    }

    /// The same trips as ``costs(from:to:maxMinutes:)`` by plain bounded Dijkstra from every origin
    /// over the uncontracted graph: the oracle of the tests (slow on large graphs).
    package func dijkstraCosts(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) -> CostMatrix {
        trips(from: origins, to: destinations, maxMinutes: maxMinutes, on: ContractionHierarchy(uncontracted: network))
    }

    /// Whether `places` are in the network's CRS (or either is unknown).
    func sameCRS(_ places: CostPoints) -> Bool {
        guard let crs, let theirs = places.crs else { return true }
        return crs == theirs
    }

    private func trips(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, on graph: ContractionHierarchy) -> CostMatrix {
        guard sameCRS(origins), sameCRS(destinations) else {
            return CostMatrix(destinationCount: destinations.count, maxMinutes: maxMinutes, rows: Array(repeating: [], count: origins.count))
        }
        let from = snap(origins), to = snap(destinations)
        let sources = from.map { $0.map(network.departures) ?? [] }
        let targets = to.map { $0.map(network.arrivals) ?? [] }
        let routes = graph.manyToMany(sources: sources, targets: targets, bound: maxMinutes)
        var onSegment: [Int: [Int]] = [:]
        for (d, p) in to.enumerated() { if let p { onSegment[p.segment, default: []].append(d) } }
        var builder = CostMatrix.Builder(expectedEntries: routes.reduce(0) { $0 + $1.count })
        for (o, row) in routes.enumerated() {
            var best: [Int: (minutes: Double, metres: Double)] = [:]
            for r in row { best[Int(r.target)] = (r.minutes, r.metres) }
            if let a = from[o] {
                for d in onSegment[a.segment] ?? [] {
                    guard let trip = network.sameSegmentTrip(from: a, to: to[d]!), trip.minutes <= maxMinutes else { continue }
                    if let old = best[d], old.minutes <= trip.minutes { continue }
                    best[d] = trip
                }
            }
            for (d, trip) in best { builder.add(CostMatrix.Entry(destination: d, minutes: trip.minutes, kilometres: trip.metres / 1000)) }
            builder.endRow()
        }
        return builder.matrix(destinationCount: destinations.count, maxMinutes: maxMinutes)
    }
}
