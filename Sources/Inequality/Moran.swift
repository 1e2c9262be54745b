import Foundation

/// Global Moran's I of a variable on spatial weights (P. A. P. Moran, "Notes on continuous
/// stochastic phenomena", Biometrika 37, 1950; moments of A. D. Cliff and J. K. Ord, "Spatial
/// Processes", 1981), as PySAL `esda.Moran`:
///
/// I = (n / S0) · Σᵢ Σⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ², with zᵢ = xᵢ − x̄; E[I] = −1/(n − 1);
/// under normality Var[I] = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]².
/// The pseudo p-value comes from `permutations` random permutations of the values (seeded by the
/// caller's generator): p = (m + 1)/(permutations + 1), m the number of permuted I at least as
/// extreme on the observed side (PySAL's `p_sim`).
public struct MoranGlobal: Sendable {
    public var i: Double
    public var expected: Double
    public var varianceNormal: Double
    public var zNormal: Double
    public var pSimulated: Double?
    public var permutations: Int

    public init<G: RandomNumberGenerator>(_ x: [Double], weights: SpatialWeights, permutations: Int = 999, using rng: inout G) throws {
        let n = x.count
        guard n == weights.count, n > 2 else { throw InequalityError.invalidParameter("Moran's I needs as many values as units, and at least 3 (\(n) values, \(weights.count) units)") }
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
            var shuffled = z
            var larger = 0
            for _ in 0..<permutations {
                shuffled.shuffle(using: &rng)
                if statistic(shuffled) >= i { larger += 1 }
            }
            if permutations - larger < larger { larger = permutations - larger }
            pSimulated = Double(larger + 1) / Double(permutations + 1)
        }
    }
}
