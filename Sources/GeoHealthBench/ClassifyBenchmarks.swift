import Cartography
import Foundation
import GeoCore

/// Exact Fisher–Jenks natural breaks on N seeded log-normal travel times (default 35,000, the
/// communes of France), k = 5 and 7: the best of 5 runs each, and the within-class sum of
/// squares of the breaks.
func benchClassify(_ argument: URL) throws {
    let n = Int(argument.lastPathComponent) ?? 35_000
    var rng = SeededGenerator(seed: 35)
    let values = (0..<n).map { _ -> Double in
        // Box–Muller log-normal, mean log 2.5, sigma 0.7, to 0.01 minute (ties, as real tables).
        let u = max(Double.random(in: 0..<1, using: &rng), 1e-12), v = Double.random(in: 0..<1, using: &rng)
        return (exp(2.5 + 0.7 * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)) * 100).rounded() / 100
    }
    print("job: classify (exact Fisher–Jenks, \(n) values)")
    for k in [5, 7] {
        var best = Double.infinity
        var breaks: [Double] = []
        for _ in 0..<5 {
            let start = Date()
            breaks = try Classification.fisherJenks(k).breaks(values)
            best = min(best, Date().timeIntervalSince(start))
        }
        print("k \(k) breaks: \(breaks.map { String(format: "%.2f", $0) }.joined(separator: ", "))")
        print("k \(k) within squares: \(String(format: "%.3f", Classification.withinSquares(values, breaks: breaks)))")
        print("k \(k) milliseconds: \(String(format: "%.1f", best * 1000))")
    }
}
