import Accessibility
import Foundation
import GeoCore

extension GapUncertainty {
    /// The draws of `options` over `model`: the N (k + 2) evaluations of Saltelli's design on
    /// all cores (each thread reusing its scratch), the access of sample A's draws kept, then the
    /// shares, percentiles and indices.
    /// - Throws: ``ParameterError`` for fewer than ``minimumDraws`` draws or a robust share outside (0, 1].
    static func run(_ options: Options, model: GapDrawModel) throws -> GapUncertainty {
        guard options.draws >= minimumDraws else {
            throw ParameterError(.malformed, "\(.uncertainty) \(options.draws): at least \(minimumDraws) draws (200 advised)")
        }
        guard options.seed <= maximumSeed else {
            throw ParameterError(.malformed, "\(.uncertaintySeed) \(options.seed): at most \(maximumSeed) (2⁵³ − 1, a number every JSON reader keeps)")
        }
        guard options.robustShare > 0 && options.robustShare <= 1 else {
            throw ParameterError(.malformed, "\(.robustShare) \(options.robustShare): a share in (0, 1]")
        }
        let n = options.draws, communes = model.reported.count
        let design = SensitivityDesign(count: n, dimension: model.parameters.count, seed: options.seed)
        let draws = (0..<design.evaluationCount).map { UncertainDraw(point: design.point($0), parameters: model.parameters, ranges: options.ranges) }
        // Sample A's access (n × communes), then each evaluation's two outputs.
        let kept = model.access == nil ? 0 : n * communes
        var values = [Double](repeating: 0, count: kept + 2 * draws.count)
        let threads = max(1, min(draws.count, ProcessInfo.processInfo.activeProcessorCount))
        Progress.report("uncertainty: \(draws.count) evaluations of \(n) draws…")
        values.concurrentFill(iterations: threads) { t, slots in
            var scratch: [Double] = []
            for e in stride(from: t, to: draws.count, by: threads) {
                let outcome = model.evaluate(draws[e], scratch: &scratch)
                if e < n, let access = outcome.access { for k in 0..<communes { slots[e * communes + k] = access[k] } }
                slots[kept + 2 * e] = outcome.population
                slots[kept + 2 * e + 1] = outcome.gini ?? .nan
            }
        }
        return summarise(options, model: model, design: design, draws: draws, values: values, kept: kept)
    }

    /// Shares, percentiles and indices from the evaluations' `values` (sample A's access first).
    static func summarise(
        _ options: Options, model: GapDrawModel, design: SensitivityDesign, draws: [UncertainDraw], values: [Double], kept: Int
    ) -> GapUncertainty {
        let n = options.draws, communes = model.reported.count
        var counts = [Int](repeating: 0, count: communes)
        for j in 0..<n {
            let access = kept == 0 ? nil : Array(values[(j * communes)..<((j + 1) * communes)])
            for (k, under) in model.underServed(draws[j], access: access).enumerated() where under { counts[k] += 1 }
        }
        func quantiles(_ sample: [Double]) -> (p5: Double, p50: Double, p95: Double) {
            let s = sample.sorted()
            return (EmpiricalQuantile.of(sorted: s, 0.05), EmpiricalQuantile.of(sorted: s, 0.5), EmpiricalQuantile.of(sorted: s, 0.95))
        }
        let population = (0..<design.evaluationCount).map { values[kept + 2 * $0] }
        let gini = (0..<design.evaluationCount).map { values[kept + 2 * $0 + 1] }
        let populationIndices = design.indices(population)
        let giniIndices = model.access == nil || gini.contains { $0.isNaN } ? nil : design.indices(gini)
        var result = GapUncertainty(
            options: options, parameters: model.parameters, underServedShare: counts.map { Double($0) / Double(n) }, minutes: nil, access: nil,
            underServedPopulation: quantiles(Array(population[0..<n])),
            sensitivity: model.parameters.enumerated().map { i, p in (p, model.movesTheRules(p) ? populationIndices?[i] : nil, giniIndices?[i]) })
        if let travel = model.travel {
            // Unreachable in one draw (beyond the search bound) is unreachable in all: none of its sites is a candidate.
            let minutes = (0..<communes).map { k -> (Double?, Double?) in
                guard !travel.candidates[k].isEmpty else { return (nil, nil) }
                let q = quantiles((0..<n).map { travel.minutes(k, draws[$0])! })
                return (q.p5, q.p95)
            }
            result.minutes = (minutes.map(\.0), minutes.map(\.1))
        }
        if kept > 0 {
            var p5 = [Double](repeating: 0, count: communes), p95 = p5
            for k in 0..<communes {
                let s = (0..<n).map { values[$0 * communes + k] }.sorted()
                p5[k] = EmpiricalQuantile.of(sorted: s, 0.05)
                p95[k] = EmpiricalQuantile.of(sorted: s, 0.95)
            }
            result.access = (p5, p95)
        }
        return result
    }
}
