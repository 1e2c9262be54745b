import Accessibility
import Foundation
import Testing

/// Saltelli's design and the Sobol estimators against closed forms.
@Suite struct SensitivityDesignTests {
    /// Ishigami & Homma's function, f = sin x₁ + 7 sin² x₂ + 0.1 x₃⁴ sin x₁ on [−π, π]³: its indices
    /// are known in closed form (Sobol' & Levitan 1999; the SALib and UQLab benchmarks):
    /// S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
    @Test func ishigamiIndicesMatchTheirClosedForm() throws {
        let seed: UInt64 = 20_261_127
        let design = SensitivityDesign(count: 1 << 14, dimension: 3, seed: seed)
        let y = (0..<design.evaluationCount).map { e -> Double in
            let x = design.point(e).map { -Double.pi + 2 * .pi * $0 }
            return sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
        }
        let s = try #require(design.indices(y))
        let first = [0.3139, 0.4424, 0], total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(s[i].firstOrder - first[i]) < 0.03, "S\(i + 1) = \(s[i].firstOrder), seed \(seed)")
            #expect(abs(s[i].total - total[i]) < 0.03, "ST\(i + 1) = \(s[i].total), seed \(seed)")
            #expect(abs(s[i].firstOrder - first[i]) < 4 * s[i].firstOrderError + 0.005, "error bar of S\(i + 1), seed \(seed)")
        }
    }

    /// Y = X₁ + 2 X₂ with X uniform: variances 1/12 and 4/12, so S = ST = (1/5, 4/5); a third,
    /// unused input has 0; a large constant added changes nothing (the values are centred).
    @Test func linearModelSharesItsVarianceByCoefficientSquared() throws {
        for seed: UInt64 in [1, 2, 3] {
            let design = SensitivityDesign(count: 4_000, dimension: 3, seed: seed)
            let y = (0..<design.evaluationCount).map { e -> Double in
                let x = design.point(e)
                return 1e6 + x[0] + 2 * x[1]
            }
            let s = try #require(design.indices(y))
            #expect(abs(s[0].firstOrder - 0.2) < 0.03 && abs(s[1].firstOrder - 0.8) < 0.03 && abs(s[2].firstOrder) < 0.01, "seed \(seed): \(s)")
            #expect(abs(s[0].total - 0.2) < 0.02 && abs(s[1].total - 0.8) < 0.02 && s[2].total == 0, "seed \(seed): \(s)")
        }
    }

    @Test func designIsSeededAndMixesTheSamples() {
        let a = SensitivityDesign(count: 5, dimension: 2, seed: 7), b = SensitivityDesign(count: 5, dimension: 2, seed: 7)
        #expect(a == b && a != SensitivityDesign(count: 5, dimension: 2, seed: 8))
        #expect(a.evaluationCount == 20)
        for j in 0..<5 {
            let pa = a.point(j), pb = a.point(5 + j)
            #expect(a.point(10 + j) == [pb[0], pa[1]])
            #expect(a.point(15 + j) == [pa[0], pb[1]])
            #expect(pa.allSatisfy { $0 >= 0 && $0 < 1 })
        }
        #expect(a.indices([Double](repeating: 3, count: 20)) == nil)
    }

    /// NumPy's `np.percentile(x, q)` (linear, its default): [1, 2, 3, 4] → 1.15 at 5, 3.85 at 95.
    @Test func quantilesInterpolateLikeNumPy() {
        #expect(abs(EmpiricalQuantile.of(sorted: [1.0, 2, 3, 4], 0.05) - 1.15) < 1e-12)
        #expect(abs(EmpiricalQuantile.of(sorted: [1.0, 2, 3, 4], 0.95) - 3.85) < 1e-12)
        #expect(EmpiricalQuantile.of(sorted: [1.0, 2, 3, 4], 0.5) == 2.5)
        #expect(EmpiricalQuantile.of(sorted: [7.0], 0.05) == 7 && EmpiricalQuantile.of(sorted: [1.0, 9], 1) == 9)
        #expect(EmpiricalQuantile.of(sorted: [Float(0), 10], 0.25) == 2.5)
    }
}
