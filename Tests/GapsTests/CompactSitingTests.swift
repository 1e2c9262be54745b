import Accessibility
import Gaps
import GeoCore
import Testing

/// MCLP and p-median over compact rows (no transposed copy, candidate lists in one flat array)
/// against naive dense implementations of the same rules, and with or without the entries at or
/// beyond each demand point's existing time (``CostMatrix/keeping(below:)``). Minutes and
/// weights are whole numbers, so every sum is exact and the answers must be equal, not close.
@Suite struct CompactSitingTests {
    /// A random instance: dense minutes (nil beyond the bound), weights, existing times.
    struct Instance {
        var minutes: [[Double?]], weights: [Double], existing: [Double?], threshold: Double, bound: Double
        var candidates: Int { minutes.first?.count ?? 0 }

        init(_ rng: inout SeededGenerator) {
            let n = Int.random(in: 6...40, using: &rng), c = Int.random(in: 3...25, using: &rng)
            bound = Double(Int.random(in: 10...40, using: &rng))
            threshold = Double(Int.random(in: 3...Int(bound), using: &rng))
            let demand = (0..<n).map { _ in Coordinate(x: rng.nextUnit() * 40, y: rng.nextUnit() * 40) }
            let sites = (0..<c).map { _ in Coordinate(x: rng.nextUnit() * 40, y: rng.nextUnit() * 40) }
            let bound = bound
            minutes = demand.map { d in sites.map { s in let t = d.distance(to: s).rounded(); return t <= bound ? t : nil } }
            weights = (0..<n).map { _ in rng.nextUnit() < 0.1 ? 0 : Double(Int.random(in: 1...99, using: &rng)) }
            existing = (0..<n).map { _ in rng.nextUnit() < 0.4 ? Double(Int.random(in: 0...Int(bound), using: &rng)) : nil }
        }

        /// The problem over the full sparse matrix, or over the rows cut at the existing times, or
        /// (`coveredDropped`, for MCLP) without the rows of the points an existing site already covers.
        func problem(cut: Bool, coveredDropped: Bool = false) -> CoveringProblem {
            let rows = minutes.map { row in row.enumerated().compactMap { c, t in t.map { CostMatrix.Entry(destination: c, minutes: $0) } } }
            var m = CostMatrix(destinationCount: candidates, maxMinutes: bound, rows: rows)
            if cut { m = m.keeping(below: existing.map { $0 ?? .infinity }) }
            if coveredDropped { m = m.keeping(below: existing.map { ($0 ?? .infinity) <= threshold ? 0 : .infinity }) }
            return CoveringProblem(weights: weights, costs: m, existing: existing, threshold: threshold)
        }
    }

    /// The fields of ``PMedian/Solution``, from the dense implementation.
    struct Median: Equatable {
        var chosen: [Int], meanMinutes: Double, swaps: Int
        init(chosen: [Int], meanMinutes: Double, swaps: Int) { (self.chosen, self.meanMinutes, self.swaps) = (chosen, meanMinutes, swaps) }
        init(_ s: PMedian.Solution) { self.init(chosen: s.chosen, meanMinutes: s.meanMinutes, swaps: s.swaps) }
    }

    /// The fields of ``MaximalCovering/Solution``, from the dense implementation.
    struct Covering: Equatable {
        var chosen: [Int], gains: [Double], covered: Double, swaps: Int
        init(chosen: [Int], gains: [Double], covered: Double, swaps: Int) { (self.chosen, self.gains, self.covered, self.swaps) = (chosen, gains, covered, swaps) }
        init(_ s: MaximalCovering.Solution) { self.init(chosen: s.chosen, gains: s.gains, covered: s.covered, swaps: s.swaps) }
    }

    /// Dense p-median: Σ w · min(existing, bound, nearest chosen) for every trial.
    static func densePMedian(_ x: Instance, p: Int) -> Median {
        let p = min(p, x.candidates)
        func value(_ chosen: [Int]) -> Double {
            x.weights.indices.reduce(0) { sum, o in
                sum + x.weights[o] * chosen.reduce(min(x.existing[o] ?? x.bound, x.bound)) { min($0, x.minutes[o][$1] ?? .infinity) }
            }
        }
        let total = x.weights.reduce(0, +)
        guard p > 0, total > 0 else { return Median(chosen: [], meanMinutes: total > 0 ? value([]) / total : 0, swaps: 0) }
        var chosen: [Int] = []
        while chosen.count < p {
            var pick = -1, best = -1.0
            for c in 0..<x.candidates where !chosen.contains(c) {
                let gain = value(chosen) - value(chosen + [c])
                if gain > best { (pick, best) = (c, gain) }
            }
            chosen.append(pick)
        }
        var swaps = 0
        while true {
            let now = value(chosen)
            var best = (profit: 0.0, insert: -1, remove: -1)
            for c in 0..<x.candidates where !chosen.contains(c) {
                for r in 0..<p {
                    var trial = chosen
                    trial[r] = c
                    let profit = now - value(trial)
                    if profit > best.profit { best = (profit, c, r) }
                }
            }
            guard best.insert >= 0 else { break }
            chosen[best.remove] = best.insert
            swaps += 1
        }
        return Median(chosen: chosen, meanMinutes: value(chosen) / total, swaps: swaps)
    }

    /// Dense MCLP: greedy by largest newly covered weight (ties to the lowest index, stopping at
    /// 0), then first-improvement interchange, each trial counted from scratch.
    static func denseMCLP(_ x: Instance, k: Int) -> Covering {
        let open = x.weights.indices.filter { x.weights[$0] > 0 && !((x.existing[$0] ?? .infinity) <= x.threshold) }
        func covers(_ c: Int, _ o: Int) -> Bool { (x.minutes[o][c] ?? .infinity) <= x.threshold }
        func newly(_ chosen: [Int]) -> Double { open.reduce(0) { sum, o in sum + (chosen.contains { covers($0, o) } ? x.weights[o] : 0) } }
        var chosen: [Int] = []
        while chosen.count < min(k, x.candidates) {
            var pick = -1, best = 0.0
            for c in 0..<x.candidates where !chosen.contains(c) {
                let gain = newly(chosen + [c]) - newly(chosen)
                if gain > best { (pick, best) = (c, gain) }
            }
            guard pick >= 0 else { break }
            chosen.append(pick)
        }
        var swaps = 0, improved = !chosen.isEmpty
        search: while improved {
            improved = false
            for slot in chosen.indices {
                for c in 0..<x.candidates where !chosen.contains(c) {
                    var trial = chosen
                    trial[slot] = c
                    if newly(trial) - newly(chosen) > 1e-9 {
                        chosen = trial
                        swaps += 1
                        improved = true
                        continue search
                    }
                }
            }
        }
        let gains = chosen.indices.map { newly(Array(chosen[...$0])) - newly(Array(chosen[..<$0])) }
        let alreadyCovered = x.weights.indices.reduce(0) { $0 + ((x.existing[$1] ?? .infinity) <= x.threshold ? x.weights[$1] : 0) }
        return Covering(chosen: chosen, gains: gains, covered: alreadyCovered + newly(chosen), swaps: swaps)
    }

    @Test func compactRowsGiveTheDenseAnswers() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        for round in 0..<150 {
            let x = Instance(&rng)
            let full = x.problem(cut: false), cut = x.problem(cut: true)
            #expect(cut.costs.entryCount <= full.costs.entryCount)
            for k in 1...min(5, x.candidates) {
                let where_ = "seed \(seed), round \(round), k \(k)"
                let mclp = MaximalCovering.solve(full, k: k)
                #expect(Covering(mclp) == Self.denseMCLP(x, k: k), "\(where_): MCLP")
                #expect(MaximalCovering.solve(cut, k: k) == mclp, "\(where_): MCLP on the cut rows")
                #expect(MaximalCovering.solve(x.problem(cut: false, coveredDropped: true), k: k) == mclp, "\(where_): MCLP without the covered rows")
                let median = PMedian.solve(full, p: k)
                #expect(Median(median) == Self.densePMedian(x, p: k), "\(where_): p-median")
                #expect(PMedian.solve(cut, p: k) == median, "\(where_): p-median on the cut rows")
                #expect(PMedian.objective(cut, median.chosen) == PMedian.objective(full, median.chosen), "\(where_)")
                #expect(cut.coveredWeight(chosen: median.chosen) == full.coveredWeight(chosen: median.chosen), "\(where_)")
            }
        }
    }

    @Test func keepingBelowCutsEachRowAtItsLimit() {
        let m = CostMatrix(destinationCount: 3, maxMinutes: 30, rows: [
            [.init(destination: 0, minutes: 5, kilometres: 4), .init(destination: 2, minutes: 10, kilometres: 9), .init(destination: 1, minutes: 20, kilometres: 19)],
            [.init(destination: 1, minutes: 0, kilometres: 0)], [],
        ])
        let cut = m.keeping(below: [10, 0, 5])
        #expect(cut.row(0) == [.init(destination: 0, minutes: 5, kilometres: 4)], "strictly below: the 10-minute entry goes")
        #expect(cut.row(1).isEmpty && cut.row(2).isEmpty && cut.destinationCount == 3 && cut.maxMinutes == 30)
        #expect(m.keeping(below: [.infinity, .infinity, .infinity]) == m)
    }
}
