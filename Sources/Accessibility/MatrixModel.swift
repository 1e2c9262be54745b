/// Travel costs read from a supplied origin–destination matrix (OSRM `table`, r5, the INSEE
/// "distancier Metric", …): one row per (origin id, destination id) with minutes and/or km.
///
/// A pair the matrix does not list is unreachable. A row with kilometres only gets
/// `minutes = km / speedForDistanceOnly · 60` (default 60 km/h, as ``StraightLineModel``).
/// Ids the study does not know are reported by ``unmatched(origins:destinations:)``.
public struct MatrixModel: TravelCostModel {
    /// One row of the supplied matrix: the cost from `origin` to `destination`.
    public struct Pair: Sendable {
        /// The origin's id, as the study's areas name it (e.g. an INSEE commune code).
        public var origin: String
        /// The destination's id, as the study's sites name it.
        public var destination: String
        /// Travel time in minutes; `nil` when the matrix gives kilometres only.
        public var minutes: Double?
        /// Travel distance in km; `nil` when the matrix gives minutes only.
        public var kilometres: Double?

        /// A pair with minutes, kilometres or both.
        /// - Precondition: `minutes` or `kilometres` is given.
        public init(origin: String, destination: String, minutes: Double?, kilometres: Double?) {
            precondition(minutes != nil || kilometres != nil, "a pair needs minutes or kilometres")
            self.origin = origin
            self.destination = destination
            self.minutes = minutes
            self.kilometres = kilometres
        }
    }

    /// The matrix's rows, as read.
    public let pairs: [Pair]
    var speedForDistanceOnly: Double

    /// The model of `pairs`; a pair with kilometres only is travelled at `speedForDistanceOnly` km/h.
    public init(pairs: [Pair], speedForDistanceOnly: Double = 60) {
        self.pairs = pairs
        self.speedForDistanceOnly = speedForDistanceOnly
    }

    /// `origin–destination matrix (N pairs)`.
    public var name: String { "origin–destination matrix (\(pairs.count) pairs)" }

    /// The listed pairs between known ids that are within `maxMinutes`; every pair the matrix does not list is unreachable.
    /// - Complexity: O(pairs + origins + destinations).
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double) throws -> CostMatrix {
        let originIndex = Dictionary(origins.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let destinationIndex = Dictionary(destinations.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var rows = [[CostMatrix.Entry]](repeating: [], count: origins.count)
        for p in pairs {
            guard let o = originIndex[p.origin], let d = destinationIndex[p.destination] else { continue }
            let minutes = p.minutes ?? p.kilometres! / speedForDistanceOnly * 60
            rows[o].append(CostMatrix.Entry(destination: d, minutes: minutes, kilometres: p.kilometres ?? .nan))
        }
        return CostMatrix(destinationCount: destinations.count, maxMinutes: maxMinutes, rows: rows)
    }

    /// Matrix ids that are neither an origin nor a destination of the study, sorted.
    public func unmatched(origins: CostPoints, destinations: CostPoints) -> (origins: [String], destinations: [String]) {
        let o = Set(origins.ids), d = Set(destinations.ids)
        return (Set(pairs.map(\.origin)).subtracting(o).sorted(), Set(pairs.map(\.destination)).subtracting(d).sorted())
    }
}
