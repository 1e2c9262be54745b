import GeoCore

/// A directed road graph in a metric CRS (docs/roads.md §4).
///
/// Nodes are OSM nodes when every road carries its `nodeIDs` (identified by id: the sorted,
/// de-duplicated ids, found again by binary search), otherwise the vertices of the road lines
/// (vertices within 1 cm are one node). Every pair of consecutive nodes of a road is a
/// **segment** (undirected: its ends, length, the minutes of each direction that may be driven,
/// whether places may snap to it), kept for snapping and isochrones; the drivable directions of
/// the segments are the directed **edges**, stored as compressed forward adjacency (CSR).
/// Compact arrays throughout (Int32 node ids, no per-edge objects): a France-sized graph of
/// 25 M nodes and 55 M edges holds in about 2 GB.
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

    /// One segment between consecutive nodes of a road: its ends (graph node indices), planar
    /// length, the minutes of each direction (nil when that direction may not be driven), and
    /// whether places may snap to it.
    package struct Segment: Sendable, Equatable {
        package var from: Int
        package var to: Int
        package var metres: Double
        package var forwardMinutes: Double?
        package var backwardMinutes: Double?
        package var snappable: Bool
    }

    /// The graph's nodes, metric positions indexed by node number.
    public package(set) var nodes: [Coordinate] = []
    /// The OSM id of each node, ascending, when the nodes are OSM nodes (nil: identified by position).
    package internal(set) var nodeIDs: [Int64]?
    /// Segment `s` joins `segmentFrom[s]` and `segmentTo[s]` (road order).
    package internal(set) var segmentFrom: [Int32] = []
    package internal(set) var segmentTo: [Int32] = []
    package internal(set) var segmentMetres: [Double] = []
    /// Minutes from → to, `.infinity` when that direction may not be driven.
    package internal(set) var segmentForwardMinutes: [Double] = []
    /// Minutes to → from, `.infinity` when that direction may not be driven.
    package internal(set) var segmentBackwardMinutes: [Double] = []
    package internal(set) var segmentSnappable: [Bool] = []
    /// Forward adjacency: the edges leaving node `v` are `edgeStart[v] ..< edgeStart[v + 1]`.
    package internal(set) var edgeStart: [Int32] = [0]
    package internal(set) var edgeTarget: [Int32] = []
    package internal(set) var edgeMinutes: [Double] = []
    package internal(set) var edgeMetres: [Double] = []

    /// The number of directed edges (a two-way segment counts twice).
    public var edgeCount: Int { edgeTarget.count }
    /// The number of segments (a two-way segment counts once).
    package var segmentCount: Int { segmentFrom.count }

    /// Segment `s` as a value.
    package func segment(_ s: Int) -> Segment {
        let f = segmentForwardMinutes[s], b = segmentBackwardMinutes[s]
        return Segment(
            from: Int(segmentFrom[s]), to: Int(segmentTo[s]), metres: segmentMetres[s], forwardMinutes: f.isFinite ? f : nil,
            backwardMinutes: b.isFinite ? b : nil, snappable: segmentSnappable[s])
    }

    /// The graph node of OSM node `osmID`, or nil when the graph has no such node (or its nodes
    /// are not OSM nodes). Binary search over the sorted ids, O(log V).
    package func node(osmID: Int64) -> Int? {
        guard let ids = nodeIDs else { return nil }
        let k = Self.lowerBound(ids, osmID)
        return k < ids.count && ids[k] == osmID ? k : nil
    }

    /// Builds the graph. A segment's minutes are its planar length ÷ 1000 ÷ km/h × 60
    /// (docs/roads.md §3); consecutive repeats of a node are skipped; a road whose speed is not
    /// positive and finite gives segments that cannot be driven (readers refuse such speeds).
    /// - Complexity: O(N log N) for N vertices (ids sorted, or hashed positions), O(E) edges.
    public init(roads: [Road]) {
        let byID = !roads.isEmpty && roads.allSatisfy { $0.nodeIDs?.count == $0.coordinates.count }
        let roadNodes = byID ? identifyByOSMID(roads) : identifyByPosition(roads)
        for (road, ids) in zip(roads, roadNodes) { addSegments(of: road, nodes: ids) }
        buildEdges()
    }

    /// A graph from its stored arrays (a prepared-graph file), checked for consistency: throws
    /// ``Inconsistent`` rather than building a graph that would index out of range.
    package init(
        nodes: [Coordinate], nodeIDs: [Int64]?, segmentFrom: [Int32], segmentTo: [Int32], segmentMetres: [Double], segmentForwardMinutes: [Double],
        segmentBackwardMinutes: [Double], segmentSnappable: [Bool]
    ) throws {
        let n = Int32(clamping: nodes.count), s = segmentFrom.count
        guard nodeIDs == nil || nodeIDs!.count == nodes.count,
            [segmentTo.count, segmentMetres.count, segmentForwardMinutes.count, segmentBackwardMinutes.count, segmentSnappable.count].allSatisfy({ $0 == s }),
            segmentFrom.allSatisfy({ $0 >= 0 && $0 < n }), segmentTo.allSatisfy({ $0 >= 0 && $0 < n })
        else { throw Inconsistent() }
        self.nodes = nodes
        self.nodeIDs = nodeIDs
        self.segmentFrom = segmentFrom
        self.segmentTo = segmentTo
        self.segmentMetres = segmentMetres
        self.segmentForwardMinutes = segmentForwardMinutes
        self.segmentBackwardMinutes = segmentBackwardMinutes
        self.segmentSnappable = segmentSnappable
        buildEdges()
    }

    /// Stored arrays that do not describe a graph (a corrupt prepared-graph file).
    package struct Inconsistent: Error {}

    static func lowerBound(_ a: [Int64], _ x: Int64) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
