/// Rows cut at a limit per origin: what a siting problem keeps of a candidate matrix (an entry
/// at or beyond the time to the origin's existing nearest site can neither cover the origin
/// nor bring it nearer, so leaving it out changes no answer; `Gaps.CoveringProblem`).
extension CostMatrix {
    /// The matrix without the entries of origin `o` at or beyond `limits[o]` minutes (rows are
    /// sorted by time, so each row keeps a prefix); `destinationCount` and `maxMinutes` unchanged.
    /// - Precondition: one limit per origin.
    /// - Complexity: O(origins + entries kept).
    public func keeping(below limits: [Double]) -> CostMatrix {
        precondition(limits.count == originCount, "one limit per origin")
        var rowStart = [Int](repeating: 0, count: originCount + 1)
        for o in 0..<originCount {
            var end = self.rowStart[o]
            while end < self.rowStart[o + 1] && minutes[end] < limits[o] { end += 1 }
            rowStart[o + 1] = rowStart[o] + end - self.rowStart[o]
        }
        func kept<T>(_ values: [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(rowStart[originCount])
            for o in 0..<originCount {
                let first = self.rowStart[o]
                out.append(contentsOf: values[first..<(first + rowStart[o + 1] - rowStart[o])])
            }
            return out
        }
        return CostMatrix(
            destinationCount: destinationCount, maxMinutes: maxMinutes, rowStart: rowStart, destinations: kept(destinations), minutes: kept(minutes),
            kilometres: kept(kilometres))
    }
}

extension TravelCostModel {
    /// The full matrix within `maxMinutes`, then ``CostMatrix/keeping(below:)`` (models
    /// without a cheaper way: a road network, a supplied matrix).
    public func costs(from origins: CostPoints, to destinations: CostPoints, maxMinutes: Double, below limits: [Double]) throws -> CostMatrix {
        try costs(from: origins, to: destinations, maxMinutes: maxMinutes).keeping(below: limits)
    }
}
