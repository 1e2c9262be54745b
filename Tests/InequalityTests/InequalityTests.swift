import Foundation
import GeoHealthTestSupport
import GeoCore
import Inequality
import Testing

@Suite struct ClosedFormInequalityTests {
    @Test func perfectEqualityAndExtremeInequality() throws {
        let equal = try WeightedValues([3, 3, 3, 3])
        #expect(try equal.gini() == 0)
        #expect(try Theil.t(equal) == 0 && Theil.l(equal) == 0)
        #expect(try equal.atkinson(2) == 0 && equal.coefficientOfVariation() == 0)
        // One of n holds everything: Gini (n−1)/n, Theil T = ln n, Theil L = +∞, Atkinson(ε ≥ 1) = 1.
        let one = try WeightedValues([0, 0, 0, 8])
        #expect(abs(try one.gini() - 0.75) < 1e-15)
        #expect(abs(try Theil.t(one) - log(4)) < 1e-15)
        #expect(try Theil.l(one) == .infinity)
        #expect(try one.atkinson(1) == 1 && one.atkinson(2) == 1)
        #expect(abs(try one.atkinson(0.5) - (1 - pow(0.25 * 8.0.squareRoot(), 2) / 2)) < 1e-12)
    }

    @Test func weightsActLikeRepetition() throws {
        // Values 1 and 4 with populations 3 and 1 equal the list [1, 1, 1, 4].
        let weighted = try WeightedValues([1, 4], weights: [3, 1])
        let repeated = try WeightedValues([1, 1, 1, 4])
        #expect(abs(try weighted.gini() - repeated.gini()) < 1e-15)
        #expect(abs(try Theil.t(weighted) - Theil.t(repeated)) < 1e-15)
        #expect(abs(try Theil.l(weighted) - Theil.l(repeated)) < 1e-15)
        #expect(abs(try weighted.atkinson(1) - repeated.atkinson(1)) < 1e-15)
        #expect(weighted.quantile(0.5) == 1 && weighted.quantile(0.9) == 4)
        #expect(weighted.shareBelow(2) == 0.75)
        // Gini of [1,1,1,4]: mean absolute difference / (2 μ) = (2·3·3/16) / (2 · 7/4) = 9/28.
        #expect(abs(try repeated.gini() - 9.0 / 28) < 1e-15)
    }

    @Test func theilDecompositionAddsUp() throws {
        var rng = SeededGenerator(seed: 17)
        let values = (0..<200).map { _ in rng.nextUnit() * 10 + 0.1 }
        let weights = (0..<200).map { _ in rng.nextUnit() * 100 }
        let groups = (0..<200).map { ["a", "b", "c", "d"][$0 % 4] }
        let d = try TheilDecomposition(try WeightedValues(values, weights: weights), groups: groups)
        #expect(abs(d.tWithin + d.tBetween - d.t) < 1e-12, "seed 17")
        #expect(abs(d.lWithin + d.lBetween - d.l) < 1e-12, "seed 17")
        #expect(d.groups.map { $0.label } == ["a", "b", "c", "d"])
        // A group of one unit has no within inequality.
        let single = try TheilDecomposition(try WeightedValues([1, 2, 5]), groups: ["x", "y", "y"])
        #expect(single.groups[0].t == 0 && single.groups[0].l == 0)
    }

    @Test func palmaAndConcentration() throws {
        // 10 equal units: Palma = 0.1 / 0.4.
        let flat = try WeightedValues(Array(repeating: 2, count: 10))
        #expect(abs(try flat.palma() - 0.25) < 1e-12)
        // Access rising with deprivation rank: positive concentration; reversed: the opposite sign.
        let access = try WeightedValues([1, 2, 3, 4])
        let up = try access.concentrationIndex(rankedBy: [10, 20, 30, 40])
        let down = try access.concentrationIndex(rankedBy: [40, 30, 20, 10])
        #expect(up > 0 && abs(up + down) < 1e-15)
        // Equal ranks: every unit at rank ½, index 0.
        #expect(try access.concentrationIndex(rankedBy: [1, 1, 1, 1]) == 0)
        // C = (2/μ) Σ pᵢ (xᵢ − μ)(Rᵢ − ½) with R = 1/8, 3/8, 5/8, 7/8 and μ = 2.5.
        let expected = 2 / 2.5 * 0.25 * ((-1.5) * (-0.375) + (-0.5) * (-0.125) + 0.5 * 0.125 + 1.5 * 0.375)
        #expect(abs(up - expected) < 1e-15)
    }

    @Test func badInputIsRefused() {
        #expect(throws: InequalityError.negativeValue(index: 1, value: -1)) { try WeightedValues([1, -1]) }
        #expect(throws: InequalityError.noWeight) { try WeightedValues([1, 2], weights: [0, 0]) }
        #expect(throws: InequalityError.zeroMean) { try WeightedValues([0, 0]).gini() }
        #expect(throws: InequalityError.mismatchedCounts(values: 2, weights: 1)) { try WeightedValues([1, 2], weights: [1]) }
    }
}

/// Against PySAL `inequality` and `esda` on their own test data (Tests/reference/pysal.json).
@Suite struct PySALInequalityTests {
    static var reference: [String: Any] { try! Fixtures.reference("pysal.json") }

    @Test(arguments: ["pcgdp1940", "pcgdp2000"])
    func mexicoGiniTheilAtkinson(column: String) throws {
        let ineq = Self.reference["inequality"] as! [String: Any]
        let ref = ineq[column] as! [String: Any]
        let regions = (ineq["regions"] as! [Int]).map(String.init)
        let data = try WeightedValues(ref["values"] as! [Double])
        #expect(abs(try data.gini() - (ref["gini"] as! Double)) < 1e-12)
        #expect(abs(try Theil.t(data) - (ref["theil_t"] as! Double)) < 1e-12)
        let d = try TheilDecomposition(data, groups: regions)
        #expect(abs(d.tBetween - (ref["theil_between"] as! Double)) < 1e-12)
        #expect(abs(d.tWithin - (ref["theil_within"] as! Double)) < 1e-12)
        for (e, want) in ref["atkinson"] as! [String: Double] {
            #expect(abs(try data.atkinson(Double(e)!) - want) < 1e-12, "ε = \(e)")
        }
    }

    @Test func columbusMoranAndLISA() throws {
        let esda = Self.reference["esda"] as! [String: Any]
        let values = esda["values"] as! [Double]
        let weights = SpatialWeights(neighbours: esda["neighbours"] as! [[Int]]).rowStandardized()
        var rng = SeededGenerator(seed: 12345)
        let moran = try MoranGlobal(values, weights: weights, permutations: 999, using: &rng)
        let ref = esda["moran"] as! [String: Double]
        #expect(abs(moran.i - ref["I"]!) < 1e-12)
        #expect(abs(moran.expected - ref["EI"]!) < 1e-15)
        #expect(abs(moran.varianceNormal - ref["VI_norm"]!) < 1e-12)
        #expect(abs(moran.zNormal - ref["z_norm"]!) < 1e-9)
        #expect(moran.pSimulated! <= 0.002, "seed 12345: strong clustering, p = \(moran.pSimulated!)")
        let local = try LocalMoran(values, weights: weights, permutations: 99, using: &rng)
        let lref = esda["local"] as! [String: Any]
        for (mine, theirs) in zip(local.values, lref["Is"] as! [Double]) { #expect(abs(mine - theirs) < 1e-12) }
        #expect(local.quadrants.map { $0?.rawValue ?? 0 } == lref["q"] as! [Int])
    }

    /// The conditional permutation's pseudo p-values against the exact permutation
    /// distribution, enumerated: on a path of 30 units (one or two neighbours each), every
    /// ordered pair of other units is a possible draw, so P(I_sim ≥ I_obs) is a count; 20,000
    /// permutations must land within 4.5 standard errors of it for every unit (seeded; the
    /// seed is in the message). And the same seed gives the same p-values.
    @Test func lisaPseudoPValuesMatchTheExactPermutationDistribution() throws {
        let seed: UInt64 = 7
        var rng = SeededGenerator(seed: seed)
        let n = 30
        let x = (0..<n).map { _ in rng.nextUnit() * 10 }
        let w = SpatialWeights.fromPairs((0..<(n - 1)).map { ($0, $0 + 1) }, count: n).rowStandardized()
        let permutations = 20_000
        let local = try LocalMoran(x, weights: w, permutations: permutations, using: &rng)
        let mean = x.reduce(0, +) / Double(n)
        let z = x.map { $0 - mean }
        for i in 0..<n {
            let observed = z[i] * zip(w.neighbours[i], w.weights[i]).reduce(0) { $0 + $1.1 * z[$1.0] }
            let others = (0..<n).filter { $0 != i }
            var hits = 0, total = 0
            if w.neighbours[i].count == 1 {
                for j in others { total += 1; if z[i] * z[j] >= observed { hits += 1 } }
            } else {
                for a in others { for b in others where b != a {
                    total += 1
                    if z[i] * (0.5 * z[a] + 0.5 * z[b]) >= observed { hits += 1 }
                } }
            }
            let exact = Double(hits) / Double(total)
            let folded = min(exact, 1 - exact)
            let sigma = (folded * (1 - folded) / Double(permutations)).squareRoot()
            #expect(abs(local.pSimulated[i] - folded) <= 4.5 * sigma + 2 / Double(permutations), "seed \(seed), unit \(i): p \(local.pSimulated[i]) vs exact \(folded)")
        }
        var again = SeededGenerator(seed: seed)
        _ = (0..<n).map { _ in again.nextUnit() }
        #expect(try LocalMoran(x, weights: w, permutations: permutations, using: &again).pSimulated == local.pSimulated)
    }

    @Test func moranOfRandomValuesIsNotSignificant() throws {
        // A 20 × 20 rook grid with independent values: p-value not small (seeded).
        let seed: UInt64 = 2
        var rng = SeededGenerator(seed: seed)
        let n = 20
        var pairs: [(Int, Int)] = []
        for r in 0..<n { for c in 0..<n {
            if c + 1 < n { pairs.append((r * n + c, r * n + c + 1)) }
            if r + 1 < n { pairs.append((r * n + c, (r + 1) * n + c)) }
        } }
        let w = SpatialWeights.fromPairs(pairs, count: n * n).rowStandardized()
        let values = (0..<(n * n)).map { _ in rng.nextUnit() }
        let moran = try MoranGlobal(values, weights: w, permutations: 199, using: &rng)
        #expect(abs(moran.i - moran.expected) < 0.15, "seed \(seed): I = \(moran.i)")
        // A gradient is strongly autocorrelated.
        let gradient = (0..<(n * n)).map { Double($0 / n) }
        #expect(try MoranGlobal(gradient, weights: w, permutations: 0, using: &rng).i > 0.9)
    }
}
