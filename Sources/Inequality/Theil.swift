import Foundation

/// Theil's entropy indices, population-weighted (H. Theil, "Economics and Information Theory",
/// 1967; A. F. Shorrocks, "The class of additively decomposable inequality measures",
/// Econometrica 48, 1980).
///
/// - Theil T (GE(1)): T = Σᵢ pᵢ (xᵢ/μ) ln(xᵢ/μ), with pᵢ = wᵢ / Σ w; a zero value contributes 0
///   (the limit of x ln x).
/// - Theil L (GE(0), mean log deviation): L = Σᵢ pᵢ ln(μ/xᵢ); +∞ when a weighted value is zero.
public enum Theil {
    /// Theil T, T = Σᵢ pᵢ (xᵢ/μ) ln(xᵢ/μ): 0 when every value equals the mean, ln(Σ w / wₖ) when unit k
    /// holds everything.
    /// - Throws: `InequalityError.zeroMean` when every value is zero.
    /// - Complexity: O(n).
    public static func t(_ d: WeightedValues) throws -> Double {
        guard d.mean > 0 else { throw InequalityError.zeroMean }
        var sum = 0.0
        for (x, w) in zip(d.values, d.weights) where w > 0 && x > 0 {
            let r = x / d.mean
            sum += w * r * log(r)
        }
        return sum / d.totalWeight
    }

    /// Theil L (mean log deviation), L = Σᵢ pᵢ ln(μ/xᵢ): 0 at equality; +∞ as soon as a unit of
    /// positive weight has the value zero.
    /// - Throws: `InequalityError.zeroMean` when every value is zero.
    /// - Complexity: O(n).
    public static func l(_ d: WeightedValues) throws -> Double {
        guard d.mean > 0 else { throw InequalityError.zeroMean }
        var sum = 0.0
        for (x, w) in zip(d.values, d.weights) where w > 0 {
            if x == 0 { return .infinity }
            sum += w * log(d.mean / x)
        }
        return sum / d.totalWeight
    }
}

/// The between/within decomposition of Theil T and L by a grouping (département, say).
///
/// T = Σ_g s_g T_g + Σ_g s_g ln(μ_g/μ), with s_g = W_g μ_g / (W μ) the group's share of the total;
/// L = Σ_g p_g L_g + Σ_g p_g ln(μ/μ_g), with p_g = W_g / W its population share.
/// The first sums are *within*, the second *between*; within + between = total exactly.
/// Same decomposition as PySAL `inequality.theil.TheilD` (for T). A group whose mean is zero
/// contributes nothing to T and makes L infinite.
public struct TheilDecomposition: Sendable, Equatable {
    /// One group's figures in the decomposition.
    public struct Group: Sendable, Equatable {
        /// The group's label, as given in `groups` (e.g. a département code).
        public var label: String
        /// The group's total weight W_g (residents, when the weights are populations).
        public var population: Double
        /// The group's weighted mean μ_g.
        public var mean: Double
        /// Theil T among the group's units (0 when the group's mean is zero).
        public var t: Double
        /// Theil L among the group's units (+∞ when the group's mean is zero).
        public var l: Double
    }

    /// Theil T of all units, `tWithin + tBetween`.
    public var t: Double
    /// The within-group part of T, Σ_g s_g T_g.
    public var tWithin: Double
    /// The between-group part of T, Σ_g s_g ln(μ_g/μ).
    public var tBetween: Double
    /// Theil L of all units, `lWithin + lBetween`.
    public var l: Double
    /// The within-group part of L, Σ_g p_g L_g.
    public var lWithin: Double
    /// The between-group part of L, Σ_g p_g ln(μ/μ_g).
    public var lBetween: Double
    /// Each group's figures, sorted by label; groups of zero total weight are left out.
    public var groups: [Group]

    /// Decomposes T and L of `d` by the group label of each unit (`labels[i]` for unit i).
    /// - Throws: `InequalityError.mismatchedCounts` when there are not as many
    ///   labels as units, `InequalityError.zeroMean` when every value is zero.
    /// - Complexity: O(n log n) (grouping and sorting the labels).
    public init(_ d: WeightedValues, groups labels: [String]) throws {
        guard labels.count == d.count else { throw InequalityError.mismatchedCounts(values: d.count, weights: labels.count) }
        guard d.mean > 0 else { throw InequalityError.zeroMean }
        let members = Dictionary(grouping: d.values.indices, by: { labels[$0] })
        t = try Theil.t(d)
        l = try Theil.l(d)
        var groups: [Group] = []
        var tw = 0.0, tb = 0.0, lw = 0.0, lb = 0.0
        for label in members.keys.sorted() {
            let idx = members[label]!
            let w = idx.map { d.weights[$0] }
            let total = w.reduce(0, +)
            guard total > 0 else { continue }
            let sub = try WeightedValues(idx.map { d.values[$0] }, weights: w)
            let p = total / d.totalWeight
            let s = p * sub.mean / d.mean
            let gt = sub.mean > 0 ? try Theil.t(sub) : 0
            let gl = sub.mean > 0 ? try Theil.l(sub) : .infinity
            if sub.mean > 0 {
                tw += s * gt
                tb += s * log(sub.mean / d.mean)
            }
            lw += p * gl
            lb += sub.mean > 0 ? p * log(d.mean / sub.mean) : .infinity
            groups.append(Group(label: label, population: total, mean: sub.mean, t: gt, l: gl))
        }
        tWithin = tw
        tBetween = tb
        lWithin = lw
        lBetween = lb
        self.groups = groups
    }
}
