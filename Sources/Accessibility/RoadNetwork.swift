import GeoCore

/// A directed road graph in a metric CRS: nodes are the vertices of the road lines (vertices
/// within 1 cm are one node, so lines that share an end are connected), edges join consecutive
/// vertices with a length and a travel time. Stored as forward and reverse adjacency arrays.
public struct RoadNetwork: Sendable {
    /// Which ways a road may be driven: both, only along its vertex order, or only against it (OSM `oneway=-1`).
    public enum Direction: Sendable { case both, forward, backward }

    /// One road as read: its vertices (metric CRS), speed and direction.
    public struct Road: Sendable {
        /// The road's vertices, in order, in the study's metric CRS.
        public var coordinates: [Coordinate]
        /// The speed along the road in km/h (its `maxspeed`, or the ``SpeedTable`` speed of its class).
        public var kmh: Double
        /// Which ways the road may be driven.
        public var direction: Direction
        /// Whether places may be snapped to it (docs/roads.md §5: not motorways, their links or ferries).
        public var snappable: Bool
        /// The OSM node id of each vertex, when the road came from OpenStreetMap: nodes are then
        /// identified by id rather than by position (docs/roads.md §4).
        public var nodeIDs: [Int64]?

        /// A road along `coordinates` (metric CRS) driven at `kmh`, both ways unless told,
        /// snappable unless told, its nodes identified by position unless `nodeIDs` are given.
        public init(coordinates: [Coordinate], kmh: Double, direction: Direction = .both, snappable: Bool = true, nodeIDs: [Int64]? = nil) {
            self.coordinates = coordinates
            self.kmh = kmh
            self.direction = direction
            self.snappable = snappable
            self.nodeIDs = nodeIDs
        }
    }

    /// The graph's nodes, metric positions indexed by node number (vertices within 1 cm merged).
    public private(set) var nodes: [Coordinate] = []
    /// Forward adjacency: edges of node `v` are `forwardStart[v] ..< forwardStart[v + 1]`.
    private(set) var forwardStart: [Int32] = []
    private(set) var forwardTarget: [Int32] = []
    private(set) var forwardMinutes: [Double] = []
    private(set) var forwardMetres: [Double] = []
    /// Reverse adjacency (edges into `v`), for searches that run from destinations backwards.
    private(set) var reverseStart: [Int32] = []
    private(set) var reverseSource: [Int32] = []
    private(set) var reverseMinutes: [Double] = []
    private(set) var reverseMetres: [Double] = []

    /// The number of directed edges (a two-way segment counts twice).
    public var edgeCount: Int { forwardTarget.count }

    /// Builds the graph. Zero-length segments (repeated vertices) are skipped; a road of zero
    /// length altogether should be reported by the reader before it gets here.
    public init(roads: [Road]) {
        var index: [SIMD2<Int64>: Int32] = [:]
        var edges: [(from: Int32, to: Int32, minutes: Double, metres: Double)] = []
        func node(_ c: Coordinate) -> Int32 {
            let key = SIMD2(Int64((c.x * 100).rounded()), Int64((c.y * 100).rounded()))
            if let found = index[key] { return found }
            let id = Int32(nodes.count)
            nodes.append(c)
            index[key] = id
            return id
        }
        for road in roads {
            let ids = road.coordinates.map(node)
            for k in 1..<max(ids.count, 1) where ids[k] != ids[k - 1] {
                let metres = road.coordinates[k].distance(to: road.coordinates[k - 1])
                let minutes = metres / 1000 / road.kmh * 60
                if road.direction != .backward { edges.append((ids[k - 1], ids[k], minutes, metres)) }
                if road.direction != .forward { edges.append((ids[k], ids[k - 1], minutes, metres)) }
            }
        }
        (forwardStart, forwardTarget, forwardMinutes, forwardMetres) = Self.adjacency(
            edges.map { ($0.from, $0.to, $0.minutes, $0.metres) }, nodeCount: nodes.count)
        (reverseStart, reverseSource, reverseMinutes, reverseMetres) = Self.adjacency(
            edges.map { ($0.to, $0.from, $0.minutes, $0.metres) }, nodeCount: nodes.count)
    }

    private static func adjacency(_ edges: [(Int32, Int32, Double, Double)], nodeCount: Int) -> ([Int32], [Int32], [Double], [Double]) {
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for e in edges { start[Int(e.0) + 1] += 1 }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var fill = start
        var target = [Int32](repeating: 0, count: edges.count)
        var minutes = [Double](repeating: 0, count: edges.count)
        var metres = [Double](repeating: 0, count: edges.count)
        for e in edges {
            let k = Int(fill[Int(e.0)])
            target[k] = e.1
            minutes[k] = e.2
            metres[k] = e.3
            fill[Int(e.0)] += 1
        }
        return (start, target, minutes, metres)
    }
}
