extension WeightedOrder {
    /// The weight and the weight × value of the changed order's units below `v` (or at most `v`).
    private func below(_ v: Double, orEqual: Bool, removed: Sorted, added: Sorted) -> (w: Double, x: Double) {
        let m = count(below: v, orEqual: orEqual), r = removed.count(below: v, orEqual: orEqual), a = added.count(below: v, orEqual: orEqual)
        return (prefixW[m] - removed.prefixW[r] + added.prefixW[a], prefixX[m] - removed.prefixX[r] + added.prefixX[a])
    }

    /// The value held by the lowest `target` of weight in the changed order (the Lorenz curve at
    /// target / W times the total, interpolated linearly within a unit): the smallest value v*
    /// whose cumulative weight reaches the target is found by binary search among the base
    /// values and among the new ones (a removed value is never the smallest: the present value
    /// before it already reaches the target).
    private func lowestMass(_ target: Double, removed: Sorted, added: Sorted) -> Double {
        func reaches(_ v: Double) -> Bool { below(v, orEqual: true, removed: removed, added: added).w >= target }
        var lo = 0, hi = values.count
        while lo < hi { let mid = (lo + hi) / 2; if reaches(values[mid]) { hi = mid } else { lo = mid + 1 } }
        var star = lo < values.count ? values[lo] : Double.infinity
        lo = 0; hi = added.values.count
        while lo < hi { let mid = (lo + hi) / 2; if reaches(added.values[mid]) { hi = mid } else { lo = mid + 1 } }
        if lo < added.values.count { star = min(star, added.values[lo]) }
        guard star.isFinite else { return totalValue - removed.prefixX.last! + added.prefixX.last! }
        let under = below(star, orEqual: false, removed: removed, added: added)
        return under.x + (target - under.w) * star
    }

    /// The Palma ratio after the `changes`: stage 0 with the ratio when the poorest 40 % hold
    /// some value; otherwise the ratio is infinite and the score is stage 1 with the weight
    /// (population) whose value is 0, the objective that comes first (``SitingScore``).
    func palma(after changes: [Change]) -> SitingScore {
        let removed = Sorted(ranks: changes.map { rank[$0.unit] }.sorted(), of: self), added = Sorted(changes.map { ($0.new, $0.weight) })
        let total = totalValue - removed.prefixX.last! + added.prefixX.last!
        let poorest = total > 0 ? lowestMass(0.4 * totalWeight, removed: removed, added: added) : 0
        guard poorest > 0 else { return SitingScore(stage: 1, value: below(0, orEqual: true, removed: removed, added: added).w) }
        let richest = total - lowestMass(0.9 * totalWeight, removed: removed, added: added)
        return SitingScore(stage: 0, value: richest / poorest)
    }
}
