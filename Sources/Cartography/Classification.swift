import Foundation

/// Class breaks for a choropleth: the upper bound of each class (the last is the maximum).
/// A value v falls in the first class whose upper bound is ≥ v. Same conventions as PySAL
/// `mapclassify` (`bins`), against which the schemes are tested.
package enum Classification: Sendable, Equatable {
    case quantiles(Int)
    case equalInterval(Int)
    /// Fisher–Jenks natural breaks: the partition of the sorted values into k classes that
    /// minimises the sum of squared deviations from the class means (W. D. Fisher, "On grouping
    /// for maximum homogeneity", JASA 53, 1958; G. F. Jenks 1977): exact for any n, by dynamic
    /// programming accelerated to O(k n log n) (35,000 values in a few milliseconds), equal to
    /// mapclassify's `FisherJenks` (tested).
    case fisherJenks(Int)
    /// Classes of one standard deviation around the mean: bounds at μ − 2σ, μ − σ, μ + σ, μ + 2σ
    /// (those below the maximum) and the maximum, σ the sample standard deviation (n − 1), as
    /// mapclassify `StdMean`.
    case standardDeviation
    /// Head/tail breaks (B. Jiang, "Head/tail breaks: a new classification scheme for data with a
    /// heavy-tailed distribution", Professional Geographer 65, 2013): split at the mean and recurse
    /// on the head (the values above it) until a single value remains, as mapclassify
    /// `HeadTailBreaks` does (Jiang's optional 40 % stopping rule is not applied).
    case headTail
    case manual([Double])

    package func breaks(_ values: [Double]) throws -> [Double] {
        let v = values.filter(\.isFinite).sorted()
        guard let lo = v.first, let hi = v.last else { throw CartographyError("no value to classify") }
        if lo == hi { return [hi] }  // all values equal: one class
        switch self {
        case .quantiles(let k):
            try Self.check(k, v.count)
            // mapclassify Quantiles: numpy percentiles with linear interpolation at 100·i/k.
            var b = (1...k).map { i -> Double in
                let q = Double(i) / Double(k) * Double(v.count - 1)
                let f = Int(q.rounded(.down)), c = min(f + 1, v.count - 1)
                return v[f] + (v[c] - v[f]) * (q - Double(f))
            }
            b = Array(Set(b)).sorted()
            return b
        case .equalInterval(let k):
            try Self.check(k, v.count)
            let w = (hi - lo) / Double(k)
            return (1..<k).map { lo + w * Double($0) } + [hi]
        case .fisherJenks(let k):
            try Self.check(k, v.count)
            return Self.fisherJenks(v, k)
        case .standardDeviation:
            let mean = v.reduce(0, +) / Double(v.count)
            let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)).squareRoot()
            var b = [-2.0, -1, 1, 2].map { mean + $0 * sd }.filter { $0 < hi }
            b.append(hi)
            return b
        case .headTail:
            var b: [Double] = []
            var part = v
            while true {
                let mean = part.reduce(0, +) / Double(part.count)
                b.append(mean)
                guard part.first != part.last else { break }  // a single distinct value left
                part = part.filter { $0 > mean }
            }
            return b
        case .manual(let bounds):
            guard !bounds.isEmpty, zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw CartographyError("manual breaks must be increasing")
            }
            return bounds.last! < hi ? bounds + [hi] : bounds
        }
    }

    static func check(_ k: Int, _ n: Int) throws {
        guard k >= 1 else { throw CartographyError("the number of classes must be at least 1") }
        guard k <= n else { throw CartographyError("\(k) classes for \(n) values: fewer values than classes") }
    }

    /// The class of `value` for `breaks` (nil for a missing value).
    package static func index(of value: Double?, breaks: [Double]) -> Int? {
        guard let value, value.isFinite else { return nil }
        return breaks.firstIndex { value <= $0 } ?? breaks.count - 1
    }

    /// Exact Fisher–Jenks by dynamic programming over the sorted values, each layer computed by
    /// divide and conquer on the optimal split (the split is monotone in the right end because
    /// the within-class sum of squares satisfies the quadrangle inequality; Wang and Song,
    /// "Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic programming",
    /// R Journal 3(2), 2011, §"Acceleration"; Grønlund et al., "Fast exact k-means, k-medians
    /// and Bregman divergence clustering in 1D", 2017): O(k n log n) time, O(k n) memory, every
    /// value used (no sampling). Costs come from prefix sums of the values centred on their
    /// median, so large values do not lose digits to cancellation.
    static func fisherJenks(_ v: [Double], _ k: Int) -> [Double] {
        let n = v.count
        let centre = v[n / 2]
        var s1 = [Double](repeating: 0, count: n + 1), s2 = [Double](repeating: 0, count: n + 1)
        for (i, x) in v.enumerated() {
            let d = x - centre
            s1[i + 1] = s1[i] + d
            s2[i + 1] = s2[i] + d * d
        }
        @inline(__always) func cost(_ i: Int, _ j: Int) -> Double {  // v[i...j], inclusive
            let m = Double(j - i + 1), s = s1[j + 1] - s1[i]
            return max(0, s2[j + 1] - s2[i] - s * s / m)
        }
        // previous[j] / current[j]: minimal cost of v[0...j] in c and c + 1 classes;
        // start[c][j]: first index of the last class of that optimum.
        var previous = (0..<n).map { cost(0, $0) }
        var current = [Double](repeating: .infinity, count: n)
        var start = [[Int32]](repeating: [], count: k)
        start[0] = [Int32](repeating: 0, count: n)
        if k > 1 {
            for c in 1..<k {
                var layer = [Int32](repeating: 0, count: n)
                // Fills j in lo...hi knowing the optimal first index lies in iLo...iHi.
                func solve(_ lo: Int, _ hi: Int, _ iLo: Int, _ iHi: Int) {
                    guard lo <= hi else { return }
                    let j = (lo + hi) / 2
                    var bestValue = Double.infinity, bestI = max(iLo, c)
                    for i in max(iLo, c)...max(min(j, iHi), max(iLo, c)) {
                        let value = previous[i - 1] + cost(i, j)
                        if value < bestValue { bestValue = value; bestI = i }
                    }
                    current[j] = bestValue
                    layer[j] = Int32(bestI)
                    solve(lo, j - 1, iLo, bestI)
                    solve(j + 1, hi, bestI, iHi)
                }
                solve(c, n - 1, c, n - 1)
                start[c] = layer
                swap(&previous, &current)
            }
        }
        var bounds: [Double] = []
        var j = n - 1
        for c in stride(from: k - 1, through: 0, by: -1) {
            bounds.append(v[j])
            if c > 0 { j = Int(start[c][j]) - 1 }
        }
        return Array(bounds.reversed())
    }

    /// The within-class sum of squared deviations of `values` classed by `breaks`.
    package static func withinSquares(_ values: [Double], breaks: [Double]) -> Double {
        var groups = [[Double]](repeating: [], count: breaks.count)
        for v in values { if let c = index(of: v, breaks: breaks) { groups[c].append(v) } }
        return groups.reduce(0) { total, g in
            guard !g.isEmpty else { return total }
            let m = g.reduce(0, +) / Double(g.count)
            return total + g.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        }
    }
}
