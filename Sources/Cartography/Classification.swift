import Foundation

/// Class breaks for a choropleth: the upper bound of each class (the last is the maximum).
/// A value v falls in the first class whose upper bound is ≥ v. Same conventions as PySAL
/// `mapclassify` (`bins`), against which the schemes are tested.
public enum Classification: Sendable, Equatable {
    case quantiles(Int)
    case equalInterval(Int)
    /// Fisher–Jenks natural breaks: the partition of the sorted values into k classes that
    /// minimises the sum of squared deviations from the class means (W. D. Fisher, "On grouping
    /// for maximum homogeneity", JASA 53, 1958; G. F. Jenks 1977), by dynamic programming,
    /// O(k n²). Above 3,000 values it runs on 3,000 evenly spaced order statistics plus the
    /// extremes (as mapclassify's `FisherJenksSampled`).
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

    public func breaks(_ values: [Double]) throws -> [Double] {
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
    public static func index(of value: Double?, breaks: [Double]) -> Int? {
        guard let value, value.isFinite else { return nil }
        return breaks.firstIndex { value <= $0 } ?? breaks.count - 1
    }

    static func fisherJenks(_ all: [Double], _ k: Int) -> [Double] {
        var v = all
        if all.count > 3000 {
            v = (0..<3000).map { all[Int((Double($0) / 2999 * Double(all.count - 1)).rounded())] }
        }
        let n = v.count
        // Prefix sums for the squared deviation of v[i...j].
        var s1 = [0.0], s2 = [0.0]
        for x in v { s1.append(s1.last! + x); s2.append(s2.last! + x * x) }
        func cost(_ i: Int, _ j: Int) -> Double {  // inclusive, 0-based
            let m = Double(j - i + 1), s = s1[j + 1] - s1[i]
            return s2[j + 1] - s2[i] - s * s / m
        }
        // best[c][j]: minimal cost of v[0...j] in c+1 classes; start[c][j]: first index of the last class.
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: k)
        var start = [[Int]](repeating: [Int](repeating: 0, count: n), count: k)
        for j in 0..<n { best[0][j] = cost(0, j) }
        if k > 1 {
            for c in 1..<k {
                for j in c..<n {
                    for i in c...j {
                        let value = best[c - 1][i - 1] + cost(i, j)
                        if value < best[c][j] {
                            best[c][j] = value
                            start[c][j] = i
                        }
                    }
                }
            }
        }
        var bounds: [Double] = []
        var j = n - 1
        for c in stride(from: k - 1, through: 0, by: -1) {
            bounds.append(v[j])
            if c > 0 { j = start[c][j] - 1 }
        }
        var result = Array(bounds.reversed())
        result[result.count - 1] = all.last!
        return result
    }
}
