import Foundation

/// How much a site counts at travel time t (minutes) inside a catchment: the weight function of
/// the floating-catchment family. Beyond the catchment (the cost matrix's bound) every weight is 0.
public enum DistanceDecay: Sendable, Equatable {
    /// 1 everywhere inside the catchment (2SFCA, Luo & Wang 2003).
    case uniform
    /// Stepwise bands (E2SFCA, Luo & Qi 2009): the weight of the first band whose upper bound is
    /// ≥ t (bounds inclusive), 0 beyond the last. E.g. DREES APL: ≤ 10 → 1, ≤ 15 → 2/3, ≤ 20 → 1/3.
    case steps([Band])
    /// exp(−t² / (2σ²)) (PySAL `access.weights.gaussian`).
    case gaussian(sigma: Double)
    /// Dai's Gaussian 2SFCA kernel (D. Dai, "Black residential segregation, disparities in spatial
    /// access to health care facilities", Health & Place 16, 2010): (e^{−½(t/d₀)²} − e^{−½}) / (1 − e^{−½}),
    /// 1 at t = 0 and 0 at the catchment radius d₀.
    case gaussianDai(radius: Double)
    /// t^(−β) for t ≥ 1 minute, 1 below (a power decay without the singularity at 0).
    case power(beta: Double)
    /// e^(−β t).
    case exponential(beta: Double)
    /// max(0, 1 − t / d₀).
    case linear(radius: Double)

    /// One step of a stepwise decay: times up to `upTo` minutes (after the previous band) weigh `weight`.
    public struct Band: Sendable, Equatable {
        /// The band's upper bound in minutes, inclusive.
        public var upTo: Double
        /// The weight of a travel time in the band, usually in [0, 1].
        public var weight: Double
        /// The band "up to `upTo` minutes, weight `weight`".
        public init(upTo: Double, weight: Double) {
            self.upTo = upTo
            self.weight = weight
        }
    }

    /// The weight W(t) of a travel time of `t` minutes inside the catchment, by the case's formula
    /// (1 for `.uniform`; the first band with `t ≤ upTo` for `.steps`, 0 beyond the last).
    public func weight(_ t: Double) -> Double {
        switch self {
        case .uniform: return 1
        case .steps(let bands):
            for b in bands where t <= b.upTo { return b.weight }
            return 0
        case .gaussian(let sigma): return exp(-t * t / (2 * sigma * sigma))
        case .gaussianDai(let d0):
            guard t <= d0 else { return 0 }
            let edge = exp(-0.5)
            return (exp(-0.5 * (t / d0) * (t / d0)) - edge) / (1 - edge)
        case .power(let beta): return t <= 1 ? 1 : pow(t, -beta)
        case .exponential(let beta): return exp(-beta * t)
        case .linear(let d0): return max(0, 1 - t / d0)
        }
    }
}
