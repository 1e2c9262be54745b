import Foundation
import GeoCore

/// Local Moran's I (LISA: L. Anselin, "Local indicators of spatial association — LISA",
/// Geographical Analysis 27, 1995), as PySAL `esda.Moran_Local`:
///
/// Iᵢ = (n − 1) zᵢ Σⱼ wᵢⱼ zⱼ / Σₖ zₖ², with zᵢ = xᵢ − x̄.
/// Quadrants: high-high (zᵢ > 0, lag > 0), low-high, low-low, high-low. Pseudo p-values by
/// conditional permutation: for each unit, its neighbours' values are drawn at random from the
/// other units (`permutations` times, the caller's seeded generator; the draws shared between
/// units as in PySAL, ``conditionalPermutation``), p = (m + 1)/(permutations + 1) with m
/// folded to the observed side. A cluster is *significant* when p ≤ `alpha`.
public struct LocalMoran: Sendable {
    /// The Moran scatterplot's quadrant of a unit: its own deviation zᵢ against its neighbours' lag.
    public enum Quadrant: Int, Sendable, CaseIterable {
        case highHigh = 1, lowHigh = 2, lowLow = 3, highLow = 4

        /// The quadrant's name in outputs: `high-high`, `low-high`, `low-low` or `high-low`.
        public var label: String {
            switch self {
            case .highHigh: "high-high"
            case .lowHigh: "low-high"
            case .lowLow: "low-low"
            case .highLow: "high-low"
            }
        }
    }

    /// Each unit's Iᵢ, in the order of the input values.
    public var values: [Double]
    /// Each unit's quadrant; `nil` when its deviation or its lag is exactly zero (an island, say).
    public var quadrants: [Quadrant?]
    /// Each unit's pseudo p-value, (m + 1)/(permutations + 1); 1 when no permutation was run or the
    /// unit has no neighbour.
    public var pSimulated: [Double]
    /// The number of conditional permutations the p-values come from.
    public var permutations: Int

    /// Computes Iᵢ, the quadrants and the pseudo p-values of `x` under `weights` (usually
    /// row-standardised), drawing the permutations from `rng` (seed it for reproducible p-values).
    ///
    /// ```swift
    /// var rng = SystemRandomNumberGenerator()  // a seeded generator makes the p-values reproducible
    /// let w = SpatialWeights(neighbours: [[1], [0, 2], [1, 3], [2]]).rowStandardized()
    /// let lisa = try LocalMoran([1, 2, 8, 9], weights: w, permutations: 99, using: &rng)
    /// lisa.quadrants  // [.lowLow, .lowLow, .highHigh, .highHigh]
    /// ```
    /// - Throws: `InequalityError.invalidParameter` when the counts differ, there are fewer
    ///   than 3 units, or every value is the same.
    /// - Complexity: O(permutations × Σ neighbours), over all cores.
    public init<G: RandomNumberGenerator>(_ x: [Double], weights: SpatialWeights, permutations: Int = 999, using rng: inout G) throws {
        let n = x.count
        guard n == weights.count, n > 2 else { throw InequalityError.invalidParameter("local Moran needs as many values as units, and at least 3") }
        let mean = x.reduce(0, +) / Double(n)
        let z = x.map { $0 - mean }
        let denominator = z.reduce(0) { $0 + $1 * $1 }
        guard denominator > 0 else { throw InequalityError.invalidParameter("every value is the same: local Moran is undefined") }
        let lag = weights.lag(z)
        let scale = Double(n - 1) / denominator
        values = (0..<n).map { scale * z[$0] * lag[$0] }
        quadrants = (0..<n).map { i in
            switch (z[i] > 0, z[i] < 0, lag[i] > 0, lag[i] < 0) {
            case (true, _, true, _): .highHigh
            case (_, true, true, _): .lowHigh
            case (_, true, _, true): .lowLow
            case (true, _, _, true): .highLow
            default: nil
            }
        }
        self.permutations = permutations
        pSimulated = Self.conditionalPermutation(z: z, values: values, scale: scale, weights: weights, permutations: permutations, using: &rng)
    }

    /// Pseudo p-values by conditional permutation, as PySAL's `esda.crand`: `permutations` rows
    /// of `kmax` distinct indices among n − 1 are drawn once (a partial Fisher–Yates per row,
    /// seeded by the caller's generator); unit i with k neighbours takes, in each row, the first
    /// k indices, shifted past i (index ≥ i → index + 1), as the units its neighbours' values are
    /// drawn from. Each unit's draws are thus uniform over the other units, the rows shared
    /// between units (as in PySAL), and no random number is drawn per unit: O(permutations ×
    /// Σk) multiply-adds, over all cores in fixed blocks of units, so the result does not depend
    /// on the number of threads.
    static func conditionalPermutation<G: RandomNumberGenerator>(z: [Double], values: [Double], scale: Double, weights: SpatialWeights,
                                                                 permutations: Int, using rng: inout G) -> [Double] {
        let n = z.count
        var p = [Double](repeating: 1, count: n)
        let kmax = min(weights.neighbours.map(\.count).max() ?? 0, n - 1)
        guard permutations > 0, kmax > 0 else { return p }
        var draws = [Int32](repeating: 0, count: permutations * kmax)
        var others = Array(0..<Int32(n - 1))
        for r in 0..<permutations {
            for m in 0..<kmax {
                others.swapAt(m, Int.random(in: m..<(n - 1), using: &rng))
                draws[r * kmax + m] = others[m]
            }
        }
        let rows = draws
        let block = 256
        let blocks = (n + block - 1) / block
        p.concurrentFill(iterations: blocks) { b, p in
            rows.withUnsafeBufferPointer { rows in
                z.withUnsafeBufferPointer { z in
                    for i in (b * block)..<min(n, (b + 1) * block) {
                        let k = weights.neighbours[i].count
                        guard k > 0 else { continue }
                        let w = weights.weights[i]
                        let zi = scale * z[i]
                        var larger = 0
                        for r in 0..<permutations {
                            var simulatedLag = 0.0
                            let base = r * kmax
                            for m in 0..<k {
                                let o = Int(rows[base + m])
                                simulatedLag += w[m] * z[o >= i ? o + 1 : o]
                            }
                            if zi * simulatedLag >= values[i] { larger += 1 }
                        }
                        if permutations - larger < larger { larger = permutations - larger }
                        p[i] = Double(larger + 1) / Double(permutations + 1)
                    }
                }
            }
        }
        return p
    }

    /// The quadrant of each unit whose pseudo p-value is at most `alpha`, nil otherwise.
    public func significantClusters(alpha: Double = 0.05) -> [Quadrant?] {
        quadrants.indices.map { pSimulated[$0] <= alpha ? quadrants[$0] : nil }
    }
}
