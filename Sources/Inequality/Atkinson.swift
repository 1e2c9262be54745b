import Foundation

extension WeightedValues {
    /// Atkinson's index for inequality aversion ε ≥ 0: A = 1 − ξ/μ, with the equally distributed
    /// equivalent ξ = (Σ pᵢ xᵢ^(1−ε))^(1/(1−ε)) for ε ≠ 1 and the geometric mean for ε = 1
    /// (A. B. Atkinson, "On the measurement of inequality", J. Economic Theory 2, 1970).
    /// Zero values: for ε ≥ 1 the index is 1 (ξ = 0 in the limit); for 0 ≤ ε < 1 they count as 0.
    public func atkinson(_ epsilon: Double) throws -> Double {
        guard epsilon >= 0, epsilon.isFinite else { throw InequalityError.invalidParameter("Atkinson's ε must be ≥ 0, not \(epsilon)") }
        guard mean > 0 else { throw InequalityError.zeroMean }
        let active = values.indices.filter { weights[$0] > 0 }
        if epsilon >= 1, active.contains(where: { values[$0] == 0 }) { return 1 }
        let xi: Double
        if epsilon == 1 {
            xi = exp(active.reduce(0) { $0 + weights[$1] * log(values[$1]) } / totalWeight)
        } else {
            let e = 1 - epsilon
            xi = pow(active.reduce(0) { $0 + weights[$1] * pow(values[$1], e) } / totalWeight, 1 / e)
        }
        return 1 - xi / mean
    }

    /// Coefficient of variation: the weighted standard deviation (population form, Σ pᵢ (xᵢ − μ)²)
    /// over the mean.
    public func coefficientOfVariation() throws -> Double {
        guard mean > 0 else { throw InequalityError.zeroMean }
        let variance = zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / totalWeight
        return variance.squareRoot() / mean
    }

    /// The weighted p-quantile: the smallest value whose cumulative population share reaches p.
    public func quantile(_ p: Double) -> Double {
        precondition((0...1).contains(p))
        var cumulative = 0.0
        let order = ascending
        for i in order {
            cumulative += weights[i]
            if cumulative >= p * totalWeight * (1 - 1e-12) { return values[i] }
        }
        return values[order.last!]
    }

    /// Ratio of the p-th to the q-th quantile, e.g. `quantileRatio(0.9, 0.1)` (P90/P10); +∞ when the lower one is 0.
    public func quantileRatio(_ upper: Double, _ lower: Double) -> Double {
        let low = quantile(lower)
        return low > 0 ? quantile(upper) / low : .infinity
    }

    /// Palma ratio: the share of the total held by the top 10 % of the population over the share
    /// held by the bottom 40 % (J. G. Palma, "Homogeneous middles vs. heterogeneous tails",
    /// Development and Change 42, 2011), from the population-weighted Lorenz curve, interpolated
    /// linearly at 0.4 and 0.9.
    public func palma() throws -> Double {
        let curve = try Lorenz(self)
        func lorenz(at p: Double) -> Double {
            let pts = curve.points
            for k in 1..<pts.count where pts[k].population >= p {
                let (p0, l0) = pts[k - 1], (p1, l1) = pts[k]
                return p1 == p0 ? l1 : l0 + (l1 - l0) * (p - p0) / (p1 - p0)
            }
            return 1
        }
        let bottom = lorenz(at: 0.4), top = 1 - lorenz(at: 0.9)
        return bottom > 0 ? top / bottom : .infinity
    }

    /// Population share whose value is strictly below `threshold` (e.g. APL < 2.5).
    public func shareBelow(_ threshold: Double) -> Double {
        zip(values, weights).reduce(0) { $0 + ($1.0 < threshold ? $1.1 : 0) } / totalWeight
    }

    /// The concentration index of these values against a ranking variable (a deprivation index,
    /// income…): C = (2/μ) Σ pᵢ (xᵢ − μ)(Rᵢ − ½), with Rᵢ the weighted fractional rank of unit i
    /// by `rank` ascending (Rᵢ = Σ_{k before i} pₖ + pᵢ/2; ties share their mean rank). Negative
    /// when the values concentrate where `rank` is low (O'Donnell, van Doorslaer, Wagstaff,
    /// Lindelow, "Analyzing Health Equity Using Household Survey Data", World Bank 2008, ch. 8).
    public func concentrationIndex(rankedBy rank: [Double]) throws -> Double {
        guard rank.count == count else { throw InequalityError.mismatchedCounts(values: count, weights: rank.count) }
        guard mean > 0 else { throw InequalityError.zeroMean }
        let order = values.indices.filter { weights[$0] > 0 }.sorted { (rank[$0], $0) < (rank[$1], $1) }
        var fractional = [Double](repeating: 0, count: count)
        var k = 0, before = 0.0
        while k < order.count {
            var end = k
            var tieWeight = 0.0
            while end < order.count, rank[order[end]] == rank[order[k]] { tieWeight += weights[order[end]]; end += 1 }
            let r = (before + tieWeight / 2) / totalWeight
            for j in k..<end { fractional[order[j]] = r }
            before += tieWeight
            k = end
        }
        var sum = 0.0
        for i in order { sum += weights[i] * (values[i] - mean) * (fractional[i] - 0.5) }
        return 2 * sum / totalWeight / mean
    }
}
