import Foundation
import GeoCore

/// Global Moran's I of a variable on spatial weights (P. A. P. Moran, "Notes on continuous
/// stochastic phenomena", Biometrika 37, 1950; moments of A. D. Cliff and J. K. Ord, "Spatial
/// Processes", 1981), as PySAL `esda.Moran`:
///
/// I = (n / S0) · Σᵢ Σⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ², with zᵢ = xᵢ − x̄; E[I] = −1/(n − 1);
/// under normality Var[I] = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]².
/// The pseudo p-value comes from `permutations` random permutations of the values (seeded by the
/// caller's generator, run on all cores in fixed blocks): p = (m + 1)/(permutations + 1), m the
/// number of permuted I at least as extreme on the observed side (PySAL's `p_sim`).
package struct MoranGlobal: Sendable {
    package var i: Double
    package var expected: Double
    package var varianceNormal: Double
    package var zNormal: Double
    package var pSimulated: Double?
    package var permutations: Int

    package init<G: RandomNumberGenerator>(_ x: [Double], weights: SpatialWeights, permutations: Int = 999, using rng: inout G) throws {
        let n = x.count
        guard n == weights.count, n > 2 else {
            throw InequalityError.invalidParameter("Moran's I needs as many values as units, and at least 3 (\(n) values, \(weights.count) units)")
        }
        guard x.allSatisfy(\.isFinite) else { throw InequalityError.nonFiniteValue(index: x.firstIndex { !$0.isFinite }!) }
        let mean = x.reduce(0, +) / Double(n)
        let z = x.map { $0 - mean }
        let denominator = z.reduce(0) { $0 + $1 * $1 }
        guard denominator > 0 else { throw InequalityError.invalidParameter("every value is the same: Moran's I is undefined") }
        let (s0, s1, s2) = weights.moments
        guard s0 > 0 else { throw InequalityError.invalidParameter("no unit has a neighbour") }
        func statistic(_ v: [Double]) -> Double {
            let lag = weights.lag(v)
            return Double(n) / s0 * zip(v, lag).reduce(0) { $0 + $1.0 * $1.1 } / denominator
        }
        i = statistic(z)
        let nn = Double(n)
        expected = -1 / (nn - 1)
        varianceNormal = (nn * nn * s1 - nn * s2 + 3 * s0 * s0) / ((nn * nn - 1) * s0 * s0) - expected * expected
        zNormal = (i - expected) / varianceNormal.squareRoot()
        self.permutations = permutations
        if permutations > 0 {
            // Permutations in fixed blocks over all cores, each block with its own xoshiro
            // stream seeded in order from the caller's generator: the same result whatever the
            // number of threads. The statistic of a permutation is Σᵢ vᵢ Σⱼ wᵢⱼ vⱼ over the
            // flattened (CSR) weights, without allocating.
            let (offsets, columns, values) = weights.compressedRows
            let block = 32
            let blocks = (permutations + block - 1) / block
            let seeds = (0..<blocks).map { _ in rng.next() }
            let observed = i, factor = Double(n) / s0 / denominator
            var counts = [Int](repeating: 0, count: blocks)
            counts.concurrentFill(iterations: blocks) { b, counts in
                var local = SeededGenerator(seed: seeds[b])
                var v = z
                var larger = 0
                for _ in (b * block)..<min(permutations, (b + 1) * block) {
                    for k in stride(from: n - 1, to: 0, by: -1) { v.swapAt(k, Int(local.below(UInt64(k + 1)))) }
                    var sum = 0.0
                    for r in 0..<n {
                        var lag = 0.0
                        for e in offsets[r]..<offsets[r + 1] { lag += values[e] * v[Int(columns[e])] }
                        sum += v[r] * lag
                    }
                    if factor * sum >= observed { larger += 1 }
                }
                counts[b] = larger
            }
            var larger = counts.reduce(0, +)
            if permutations - larger < larger { larger = permutations - larger }
            pSimulated = Double(larger + 1) / Double(permutations + 1)
        }
    }
}
