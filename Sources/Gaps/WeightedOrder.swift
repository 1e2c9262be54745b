/// Values with weights sorted once, with prefix sums of weight and weight × value, so that the
/// Gini coefficient and the Palma ratio of the values *after changing a few of them* are found
/// without sorting again: what the siting search asks for every candidate.
///
/// - Gini: G = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| / (2 W² μ) (the mean absolute difference over twice the mean,
///   which equals the trapezoid Lorenz Gini of ``Inequality``; tested). Changing the units K
///   changes the double sum by 2 Σ_{k∈K} wₖ Σ_{j∉K} wⱼ (|yₖ − xⱼ| − |xₖ − xⱼ|) plus the change of
///   the pairs within K; Σⱼ wⱼ |v − xⱼ| over all units takes one binary search in the prefix sums.
/// - Palma: the share of the total held by the richest 10 % of the population over the share of
///   the poorest 40 %, from the Lorenz curve interpolated linearly (J. G. Palma, Development and
///   Change 42, 2011; as ``Inequality``'s `palma()`): the poorest share is the value held by the
///   lowest 0.4 W of weight, found by binary search on the changed order.
/// - Complexity: building O(n log n); a Gini after |K| changes O(|K| log n); a Palma O(log² n + |K| log n).
struct WeightedOrder {
    /// Values of the positive-weight units, ascending, and their weights.
    private(set) var values: [Double] = [], weights: [Double] = []
    /// prefixW[m] = Σ of the first m weights; prefixX[m] of the first m weight × value.
    private(set) var prefixW: [Double] = [0], prefixX: [Double] = [0]
    /// Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| over ordered pairs.
    private(set) var pairSum = 0.0
    /// Per unit of the input, its position in `values` (−1 for a unit without weight).
    private(set) var rank: [Int] = []

    init(values x: [Double], weights w: [Double]) {
        let order = x.indices.filter { w[$0] > 0 }.sorted { (x[$0], $0) < (x[$1], $1) }
        values = order.map { x[$0] }
        weights = order.map { w[$0] }
        rank = [Int](repeating: -1, count: x.count)
        for (m, i) in order.enumerated() { rank[i] = m }
        prefixW.reserveCapacity(order.count + 1)
        prefixX.reserveCapacity(order.count + 1)
        for m in values.indices {
            pairSum += 2 * weights[m] * (values[m] * prefixW[m] - prefixX[m])
            prefixW.append(prefixW[m] + weights[m])
            prefixX.append(prefixX[m] + weights[m] * values[m])
        }
    }

    var totalWeight: Double { prefixW.last! }
    var totalValue: Double { prefixX.last! }

    /// The number of units with a value strictly below `v` (`orEqual`: at most `v`).
    func count(below v: Double, orEqual: Bool = false) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < v || (orEqual && values[mid] == v) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Σⱼ wⱼ |v − xⱼ| over every unit.
    func absoluteDeviation(from v: Double) -> Double {
        let m = count(below: v)
        return v * prefixW[m] - prefixX[m] + (totalValue - prefixX[m]) - v * (totalWeight - prefixW[m])
    }

    /// The Gini coefficient after the `changes` (weight, old value, new value of a unit each); nil
    /// when every value is then 0 (the Lorenz curve is undefined).
    func gini(after changes: [Change]) -> Double? {
        var sum = pairSum, total = totalValue
        for c in changes {
            sum += 2 * c.weight * (absoluteDeviation(from: c.new) - absoluteDeviation(from: c.old))
            total += c.weight * (c.new - c.old)
        }
        // The pairs within K were counted above against the old values of K: correct them by
        // −2 Σ wₖwₗ|yₖ − xₗ| + 2 Σ wₖwₗ|xₖ − xₗ| + Σ wₖwₗ|yₖ − yₗ| − Σ wₖwₗ|xₖ − xₗ|.
        let old = Sorted(ranks: changes.map { rank[$0.unit] }.sorted(), of: self)
        let new = Sorted(changes.map { (v: $0.new, w: $0.weight) })
        sum += -2 * new.crossSum(with: old) + old.pairSum + new.pairSum
        let W = totalWeight
        guard total > 0 else { return nil }
        return max(0, sum) / (2 * W * total)
    }

    /// One unit's change: its index, its weight and its value before and after.
    struct Change {
        var unit: Int
        var weight: Double
        var old: Double
        var new: Double
    }
}
