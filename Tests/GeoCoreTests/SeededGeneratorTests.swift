import GeoCore
import Testing

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameSequenceAndUnitRange() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<1000).map { _ in a.nextUnit() }
        #expect(xs == (0..<1000).map { _ in b.nextUnit() })
        #expect(xs != (0..<1000).map { _ in c.nextUnit() })
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = xs.reduce(0, +) / 1000
        #expect(abs(mean - 0.5) < 0.05, "seed 42: mean \(mean)")
    }

    @Test func gaussianHasUnitVariance() {
        var g = SeededGenerator(seed: 7)
        let xs = (0..<20_000).map { _ in g.nextGaussian() }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
        #expect(abs(mean) < 0.03, "seed 7: mean \(mean)")
        #expect(abs(variance - 1) < 0.05, "seed 7: variance \(variance)")
    }
}
