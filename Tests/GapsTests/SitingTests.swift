import Accessibility
import Gaps
import GeoCore
import GeoHealthTestSupport
import Foundation
import Testing

@Suite struct SitingTests {
    /// Full matrix from a list of rows of minutes (nil: beyond the bound).
    static func problem(_ minutes: [[Double]], weights: [Double], existing: [Double?]? = nil, threshold: Double, bound: Double = 1e9) -> CoveringProblem {
        let rows = minutes.map { row in row.enumerated().compactMap { $1 <= bound ? CostMatrix.Entry(destination: $0, minutes: $1) : nil } }
        let m = CostMatrix(destinationCount: minutes.first?.count ?? 0, maxMinutes: bound, rows: rows)
        return CoveringProblem(weights: weights, costs: m, existing: existing ?? Array(repeating: nil, count: weights.count), threshold: threshold)
    }

    /// A line of 9 villages 5 minutes apart (time = 5·|i − j|), candidates at every village.
    static func line(weights: [Double]) -> CoveringProblem {
        problem((0..<9).map { i in (0..<9).map { j in Double(abs(i - j)) * 5 } }, weights: weights, threshold: 5)
    }

    @Test func knownOptimaOnALine() {
        // Uniform weights: a site covers itself and both neighbours; 3 sites at 1, 4, 7 cover all 9.
        let m = MaximalCovering.solve(Self.line(weights: Array(repeating: 1, count: 9)), k: 3)
        #expect(m.covered == 9 && Set(m.chosen) == [1, 4, 7] && m.gains == [3, 3, 3])
        // p-median with one site: the median village (4), mean time (5·(4+3+2+1)·2)/9.
        let p = PMedian.solve(Self.line(weights: Array(repeating: 1, count: 9)), p: 1)
        #expect(p.chosen == [4] && abs(p.meanMinutes - 100.0 / 9) < 1e-12)
        // A heavy village pulls the median.
        var w = Array(repeating: 1.0, count: 9)
        w[8] = 100
        #expect(PMedian.solve(Self.line(weights: w), p: 1).chosen == [8])
    }

    @Test func existingSitesAreNotCountedTwice() {
        // Villages 0…2 are already within 5 minutes of a site: the best new one serves 6–8.
        let base = Self.line(weights: Array(repeating: 1, count: 9))
        let withExisting = CoveringProblem(weights: base.weights, costs: base.costs, existing: [0, 5, 5, nil, nil, nil, nil, nil, nil], threshold: 5)
        let m = MaximalCovering.solve(withExisting, k: 1)
        #expect(m.gains == [3] && m.covered == 6 && [4, 5, 6, 7].contains(m.chosen[0]))
        let many = MaximalCovering.solve(withExisting, k: 20)
        #expect(many.covered == 9 && many.chosen.count == 2, "k larger than needed: it stops when nobody is left to cover")
    }

    @Test func greedyIsWithinItsBoundOfTheExactOptimum() {
        let seed: UInt64 = 99
        var rng = SeededGenerator(seed: seed)
        for round in 0..<30 {
            let n = 14, c = 8
            let demand = (0..<n).map { _ in Coordinate(x: rng.nextUnit() * 20, y: rng.nextUnit() * 20) }
            let sites = (0..<c).map { _ in Coordinate(x: rng.nextUnit() * 20, y: rng.nextUnit() * 20) }
            let weights = (0..<n).map { _ in 1 + rng.nextUnit() * 99 }
            let prob = Self.problem(demand.map { d in sites.map { d.distance(to: $0) } }, weights: weights, threshold: 6)
            for k in 1...3 {
                var best = 0.0
                for mask in 0..<(1 << c) where mask.nonzeroBitCount == k {
                    best = max(best, prob.coveredWeight(chosen: (0..<c).filter { mask & (1 << $0) != 0 }))
                }
                let greedy = MaximalCovering.solve(prob, k: k, interchange: false)
                let swapped = MaximalCovering.solve(prob, k: k)
                #expect(greedy.covered >= (1 - 1 / M_E) * best - 1e-9, "seed \(seed), round \(round), k \(k)")
                #expect(swapped.covered >= greedy.covered - 1e-9 && swapped.covered <= best + 1e-9, "seed \(seed), round \(round), k \(k)")
            }
        }
    }

    /// Exact optima by spopt + CBC (Tests/reference/spopt.json, provenance inside).
    @Test func closeToSpoptExactSolutions() throws {
        let ref = try Fixtures.reference("spopt.json")
        for instance in ref["instances"] as! [[String: Any]] {
            let weights = instance["weights"] as! [Double]
            let minutes = instance["minutes"] as! [[Double]]
            let radius = instance["service_radius"] as! Double
            let prob = Self.problem(minutes, weights: weights, threshold: radius)
            for r in instance["results"] as! [[String: Any]] {
                let p = r["p"] as! Int
                let optimum = r["mclp_covered_weight"] as! Double
                let mclp = MaximalCovering.solve(prob, k: p)
                #expect(mclp.covered <= optimum + 1e-9, "seed \(instance["seed"]!), p \(p): above the exact optimum?")
                #expect(mclp.covered >= (1 - 1 / M_E) * optimum, "seed \(instance["seed"]!), p \(p)")
                let exact = r["pmedian_weighted_minutes"] as! Double
                let median = PMedian.solve(prob, p: p).meanMinutes * weights.reduce(0, +)
                #expect(median >= exact * (1 - 1e-9), "seed \(instance["seed"]!), p \(p): below the exact optimum?")
                #expect(median <= exact * 1.05, "seed \(instance["seed"]!), p \(p): fast interchange \(median) vs exact \(exact)")
                print("spopt seed \(instance["seed"]!) p \(p): MCLP \(mclp.covered) / \(optimum); p-median \(median) / \(exact)")
            }
        }
    }

    /// The fast interchange ends swap-optimal: on random instances (sparse rows under a bound,
    /// existing sites on some), no exchange of a chosen site for another candidate lowers the
    /// objective (checked by trying every one), and it is no worse than the greedy start.
    @Test func pMedianEndsSwapOptimal() {
        let seed: UInt64 = 31
        var rng = SeededGenerator(seed: seed)
        for round in 0..<40 {
            let n = Int.random(in: 8...40, using: &rng), c = Int.random(in: 4...20, using: &rng)
            let demand = (0..<n).map { _ in Coordinate(x: rng.nextUnit() * 30, y: rng.nextUnit() * 30) }
            let sites = (0..<c).map { _ in Coordinate(x: rng.nextUnit() * 30, y: rng.nextUnit() * 30) }
            let weights = (0..<n).map { _ in (1 + rng.nextUnit() * 99).rounded() }
            let existing: [Double?] = (0..<n).map { _ in rng.nextUnit() < 0.2 ? rng.nextUnit() * 15 : nil }
            let prob = Self.problem(demand.map { d in sites.map { d.distance(to: $0) } }, weights: weights, existing: existing, threshold: 10, bound: 18)
            for p in 1...min(4, c - 1) {
                let solution = PMedian.solve(prob, p: p)
                #expect(Set(solution.chosen).count == p, "seed \(seed), round \(round), p \(p)")
                let value = PMedian.objective(prob, solution.chosen)
                #expect(abs(value - solution.meanMinutes) < 1e-12)
                for s in 0..<p {
                    for other in 0..<c where !solution.chosen.contains(other) {
                        var trial = solution.chosen
                        trial[s] = other
                        #expect(PMedian.objective(prob, trial) >= value - 1e-9, "seed \(seed), round \(round), p \(p): swapping slot \(s) for \(other) improves")
                    }
                }
            }
        }
    }

    @Test func contiguousZones() {
        // 0-1-2-3-4 in a line; 5 isolated; selected 0, 1, 3, 4, 5.
        let neighbours = [[1], [0, 2], [1, 3], [2, 4], [3], []]
        #expect(ContiguousZones.components(selected: [true, true, false, true, true, true], neighbours: neighbours) == [[0, 1], [3, 4], [5]])
        #expect(ContiguousZones.components(selected: Array(repeating: false, count: 6), neighbours: neighbours).isEmpty)
    }
}
