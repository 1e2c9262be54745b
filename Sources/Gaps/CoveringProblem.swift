import Accessibility

/// The data of a siting problem: demand points (communes) with weights (population), candidate
/// sites, the travel time from each demand point to each candidate within a bound (a
/// ``CostMatrix``: origins = demand, destinations = candidates), and the time from each demand
/// point to the nearest *existing* site (nil: none within the bound).
///
/// A row may leave out the candidates at or beyond its demand point's existing time: such a
/// candidate can neither cover the point (the existing site already does, or nothing within the
/// threshold can) nor bring it nearer, so MCLP and p-median give the same answers with or without
/// them (tested). MCLP reads no row of a point already within the threshold of an existing site,
/// so for MCLP those rows may be empty. `SitingRun` builds the matrix so (`CostMatrix.keeping(below:)`).
public struct CoveringProblem: Sendable {
    /// Demand of each point (residents), one per origin of `costs`.
    public var weights: [Double]
    /// Travel times from demand points (origins) to candidate sites (destinations), within a bound.
    public var costs: CostMatrix
    /// Minutes from each demand point to its nearest existing site; `nil` when none is within the bound.
    public var existing: [Double?]
    /// The coverage threshold in minutes (MCLP); the bound of `costs` for p-median.
    public var threshold: Double

    /// A problem over `weights` (one per origin of `costs`), the candidates' `costs`, the existing
    /// sites' times and the coverage `threshold` in minutes.
    /// - Precondition: `weights` and `existing` have one value per origin of `costs`.
    public init(weights: [Double], costs: CostMatrix, existing: [Double?], threshold: Double) {
        precondition(weights.count == costs.originCount && existing.count == costs.originCount)
        self.weights = weights
        self.costs = costs
        self.existing = existing
        self.threshold = threshold
    }

    var candidateCount: Int { costs.destinationCount }

    /// For each candidate, the demand points within the threshold not already covered, in
    /// increasing order (compact lists: ``CandidateLists``).
    func newlyCoverable() -> CandidateLists {
        CandidateLists(candidates: candidateCount, demand: costs.originCount) { o, add in
            guard weights[o] > 0 && !((existing[o] ?? .infinity) <= threshold) else { return }
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] where costs.minutes[k] <= threshold { add(costs.destinations[k]) }
        }
    }

    /// Per candidate, whether it is among `chosen`.
    func membership(_ chosen: [Int]) -> [Bool] {
        var set = [Bool](repeating: false, count: candidateCount)
        for c in chosen { set[c] = true }
        return set
    }

    /// Σ weights of the demand points within the threshold of an existing or a chosen site.
    public func coveredWeight(chosen: [Int]) -> Double {
        let set = membership(chosen)
        var total = 0.0
        for o in 0..<costs.originCount {
            if (existing[o] ?? .infinity) <= threshold {
                total += weights[o]
                continue
            }
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] where costs.minutes[k] <= threshold && set[Int(costs.destinations[k])] {
                total += weights[o]
                break
            }
        }
        return total
    }

    /// Per demand point, the time to the nearest existing or chosen site (nil: none within the bound).
    public func nearestTimes(chosen: [Int]) -> [Double?] {
        let set = membership(chosen)
        return (0..<costs.originCount).map { o in
            var best = existing[o]
            for k in costs.rowStart[o]..<costs.rowStart[o + 1] where set[Int(costs.destinations[k])] {
                if best == nil || costs.minutes[k] < best! { best = costs.minutes[k] }
                break  // rows are sorted by time: the first chosen one is the nearest
            }
            return best
        }
    }
}
