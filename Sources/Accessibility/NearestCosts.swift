import GeoCore

/// What `distance` asks of a cost model: for every origin and every group of destinations (a
/// site kind), the nearest destination of the group within `maxMinutes`, and how many of the
/// group lie within `countMinutes`. No matrix is kept.
///
/// The straight-line model answers it with one nearest-neighbour query and one counting query
/// per origin and group on a ``PointGrid`` (``StraightLineModel/nearest(from:to:groups:groupCount:maxMinutes:countMinutes:)``);
/// the other models derive it from their ``CostMatrix`` (the default implementation). Both give
/// the same answer as ``CostMatrix/nearest(_:where:)`` and ``CostMatrix/count(_:within:where:)``
/// on the full matrix: ties go to the lower destination index.
public struct NearestCosts: Sendable, Equatable {
    /// `nearest[group][origin]`: the nearest destination of the group, or nil when none is within reach.
    public var nearest: [[CostMatrix.Entry?]]
    /// `counts[group][origin]`: destinations of the group within `countMinutes`.
    public var counts: [[Int]]

    /// The answer as given: `nearest[group][origin]` and `counts[group][origin]`.
    public init(nearest: [[CostMatrix.Entry?]], counts: [[Int]]) {
        self.nearest = nearest
        self.counts = counts
    }

    /// Reads the answer off a full matrix (`groups[d]`: the group of destination `d`, or nil for none).
    public init(_ matrix: CostMatrix, groups: [Int?], groupCount: Int, countMinutes: Double) {
        var nearest = [[CostMatrix.Entry?]](repeating: [CostMatrix.Entry?](repeating: nil, count: matrix.originCount), count: groupCount)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: matrix.originCount), count: groupCount)
        for o in 0..<matrix.originCount {
            for k in matrix.rowStart[o]..<matrix.rowStart[o + 1] {
                let d = Int(matrix.destinations[k])
                guard let g = groups[d] else { continue }
                if nearest[g][o] == nil { nearest[g][o] = CostMatrix.Entry(destination: d, minutes: matrix.minutes[k], kilometres: matrix.kilometres[k]) }
                if matrix.minutes[k] <= countMinutes { counts[g][o] += 1 }
            }
        }
        self.nearest = nearest
        self.counts = counts
    }
}

extension TravelCostModel {
    /// The nearest destination of each group and the count within `countMinutes`, from the full
    /// matrix within `maxMinutes` (models without a faster way).
    public func nearest(
        from origins: CostPoints, to destinations: CostPoints, groups: [Int?], groupCount: Int, maxMinutes: Double, countMinutes: Double
    ) throws -> NearestCosts {
        let matrix = try costs(from: origins, to: destinations, maxMinutes: maxMinutes)
        return NearestCosts(matrix, groups: groups, groupCount: groupCount, countMinutes: countMinutes)
    }
}
