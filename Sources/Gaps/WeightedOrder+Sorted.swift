extension WeightedOrder {
    /// A weighted list sorted by value, with prefix sums: the units a change takes out or puts in.
    struct Sorted {
        var values: [Double] = [], prefixW: [Double] = [0], prefixX: [Double] = [0]

        init(_ units: [(v: Double, w: Double)]) {
            for e in units.sorted(by: { $0.v < $1.v }) { append(e.v, e.w) }
        }

        /// The units at `ranks` (ascending) of `order`: already sorted, no sort needed.
        init(ranks: [Int], of order: WeightedOrder) {
            for m in ranks { append(order.values[m], order.weights[m]) }
        }

        mutating func append(_ v: Double, _ w: Double) {
            values.append(v)
            prefixW.append(prefixW.last! + w)
            prefixX.append(prefixX.last! + w * v)
        }

        /// Σₖ Σₗ wₖ wₗ |vₖ − vₗ| over ordered pairs, by one sweep.
        var pairSum: Double {
            var sum = 0.0
            for m in values.indices { sum += 2 * (prefixW[m + 1] - prefixW[m]) * (values[m] * prefixW[m] - prefixX[m]) }
            return sum
        }

        /// Σₖ Σₗ wₖ wₗ |vₖ − uₗ| between these units (v) and `other`'s (u), by binary search.
        func crossSum(with other: Sorted) -> Double {
            var sum = 0.0
            let totalW = other.prefixW.last!, totalX = other.prefixX.last!
            for m in values.indices {
                let v = values[m], w = prefixW[m + 1] - prefixW[m], j = other.count(below: v, orEqual: false)
                sum += w * (v * other.prefixW[j] - other.prefixX[j] + (totalX - other.prefixX[j]) - v * (totalW - other.prefixW[j]))
            }
            return sum
        }

        func count(below v: Double, orEqual: Bool) -> Int {
            var lo = 0, hi = values.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[mid] < v || (orEqual && values[mid] == v) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}
