import Foundation
import GeoCore

extension SyntheticTerritory {
    /// Town populations (prefecture first), the rest of the pyramid being Pareto-distributed.
    static let townPopulations = [38_000, 14_500, 7_200, 4_600]
    /// Broad age groups and national shares (INSEE, population by age, France 2021, rounded).
    static let pyramid: [(group: String, share: Double)] = [
        ("00_14", 0.17), ("15_29", 0.17), ("30_44", 0.18), ("45_59", 0.20), ("60_74", 0.17), ("75_plus", 0.11),
    ]
    /// The 5-year groups of the DREES APL inside each broad group, with their national shares
    /// (INSEE, France 2021, percent, rounded): a commune's broad group is split in these proportions.
    static let fiveYearGroups: [[(group: String, share: Double)]] = [
        [("00_04", 5.5), ("05_09", 6.0), ("10_14", 6.3)],
        [("15_19", 6.2), ("20_24", 5.7), ("25_29", 5.5)],
        [("30_34", 6.0), ("35_39", 6.3), ("40_44", 6.2)],
        [("45_49", 6.6), ("50_54", 6.7), ("55_59", 6.6)],
        [("60_64", 6.2), ("65_69", 5.8), ("70_74", 5.3)],
        [("75_79", 3.6), ("80_84", 2.8), ("85_89", 1.9), ("90_plus", 1.0)],
    ]

    /// Residents: x = x_m · U^(−1/α) (Pareto, α = 1.15, x_m = 110), capped at 6,000 outside the
    /// towns; ages: national shares of six broad groups shifted towards the old in communes under
    /// 1,000 people, each split into the 5-year groups of the DREES APL by national proportions.
    mutating func makePopulation(_ rng: inout SeededGenerator) {
        population = seats.indices.map { i in
            if let t = towns.firstIndex(of: i) { return Self.townPopulations[t] }
            let u = max(rng.nextUnit(), 1e-9)
            return min(6_000, Int((110 * pow(u, -1 / 1.15)).rounded()))
        }
        ageGroups = Self.fiveYearGroups.flatMap { $0.map(\.group) }
        ages = population.map { total in
            let rural = total < 1_000
            let shares = Self.pyramid.enumerated().flatMap { k, entry -> [Double] in
                let shift = rural ? (k >= 4 ? 0.03 : -0.015) : 0
                let broad = max(0.01, entry.share + shift + 0.01 * rng.nextGaussian())
                let inner = Self.fiveYearGroups[k], sum = inner.reduce(0) { $0 + $1.share }
                return inner.map { broad * $0.share / sum }
            }
            return Self.apportion(total, shares: shares)
        }
    }

    /// Integers proportional to `shares` that add up to `total` (largest remainders).
    static func apportion(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0, +)
        let exact = shares.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for k in 0..<(total - counts.reduce(0, +)) { counts[order[k % order.count]] += 1 }
        return counts
    }
}
