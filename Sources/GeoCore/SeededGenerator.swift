/// A fast, seedable random generator (xoshiro256**; Blackman & Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 2021), seeded through SplitMix64.
///
/// The same seed gives the same sequence on every platform, which keeps synthetic data and
/// permutation tests reproducible.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    package init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            return Self.splitMixFinal(sm)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// SplitMix64's output function (S. Vigna, `splitmix64.c`): a well-mixed 64-bit value of a
    /// state, the one that seeds the generator; also a stateless hash of a key (a seed and a
    /// commune's code: `UncertainDraw.populationFactor`).
    @inline(__always)
    package static func splitMixFinal(_ state: UInt64) -> UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in [0, 1) from the top 53 bits.
    package mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (Box–Muller).
    package mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), .leastNonzeroMagnitude)
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SeededGenerator {
    /// A uniform integer in 0..<bound, without bias and nearly without division (D. Lemire,
    /// "Fast random integer generation in an interval", ACM TOMACS 29, 2019); the permutation
    /// tests' inner loops call it on this concrete type.
    package mutating func below(_ bound: UInt64) -> UInt64 {
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }
}
