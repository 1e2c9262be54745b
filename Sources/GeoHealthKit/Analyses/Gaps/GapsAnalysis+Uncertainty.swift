import Accessibility
import Foundation
import GeoCore

extension GapsAnalysis {
    /// A gap zone's robustness columns: its ``robustness(_:_:)`` and its rank by robust population.
    typealias ZoneRobustness = (share: Double, population: Double, rank: Int?)

    /// Per gap zone (by rank), with the uncertainty: its robustness and its rank by robust
    /// population (ties: by rank, hence population; nil for a zone with no robust resident).
    var zoneRobustness: [ZoneRobustness]? {
        guard let u = uncertainty else { return nil }
        let each = zones.map { robustness($0, u) }
        let order = zones.indices.filter { each[$0].population > 0 }.sorted { (each[$0].population, -$0) > (each[$1].population, -$1) }
        var ranks = [Int?](repeating: nil, count: zones.count)
        for (k, z) in order.enumerated() { ranks[z] = k + 1 }
        return zones.indices.map { (each[$0].share, each[$0].population, ranks[$0]) }
    }

    /// A gap zone's robustness: the population-weighted mean share of draws in which its
    /// communes are under-served (the plain mean when nobody lives there), and the residents of
    /// its robust communes.
    func robustness(_ z: Zone, _ u: GapUncertainty) -> (share: Double, population: Double) {
        let people = z.communes.map { study.areas[$0].population ?? 0 }
        let total = people.reduce(0, +)
        let share = total > 0
            ? zip(z.communes, people).reduce(0) { $0 + u.underServedShare[$1.0] * $1.1 } / total
            : z.communes.reduce(0) { $0 + u.underServedShare[$1] } / Double(z.communes.count)
        let robust = zip(z.communes, people).filter { u.underServedShare[$0.0] >= u.options.robustShare }.reduce(0) { $0 + $1.1 }
        return (share, robust)
    }

    /// The commune table's uncertainty columns.
    var uncertaintyColumns: [String] {
        guard let u = uncertainty else { return [] }
        return ["under_served_share", "robustness_class"] + (u.minutes == nil ? [] : ["minutes_p5", "minutes_p95"])
            + (u.access == nil ? [] : ["access_p5", "access_p95"])
    }

    /// Commune `a`'s uncertainty columns.
    func uncertaintyRow(_ a: Int) -> [PropertyValue] {
        guard let u = uncertainty else { return [] }
        var row: [PropertyValue] = [.rounded(u.underServedShare[a], 4), .string(u.robustnessClass(a))]
        if let m = u.minutes { row += [.minutes(m.p5[a], 2), .minutes(m.p95[a], 2)] }
        if let access = u.access { row += [.rounded(access.p5[a], 8), .rounded(access.p95[a], 8)] }
        return row
    }

    /// The summary's `uncertainty` object: the draws, the robust communes and zones, the
    /// under-served population's percentiles, and the sensitivity table.
    func uncertaintySummary(_ u: GapUncertainty) -> PropertyValue {
        let population = study.areas.map { $0.population ?? 0 }
        let robust = u.robust
        func index(_ i: GapUncertainty.Indices?) -> (PropertyValue, PropertyValue, PropertyValue) {
            (i.map { .fixed($0.firstOrder, 3) } ?? .null, i.map { .fixed($0.total, 3) } ?? .null, i.map { .fixed($0.firstOrderError, 3) } ?? .null)
        }
        var summary = Properties([
            ("draws", .int(u.options.draws)),
            ("seed", .int(Int(u.options.seed))),
            ("evaluations", .int(u.options.draws * (u.parameters.count + 2))),
            ("robust_share", .number(u.options.robustShare)),
            ("robust_communes", .int(robust.filter { $0 }.count)),
            ("robust_population", .headCount(zip(robust, population).filter { $0.0 }.reduce(0) { $0 + $1.1 })),
            ("robust_gap_zones", .int(robustZones.count)),
            ("under_served_population_p5", .headCount(u.underServedPopulation.p5)),
            ("under_served_population_p50", .headCount(u.underServedPopulation.p50)),
            ("under_served_population_p95", .headCount(u.underServedPopulation.p95)),
            ("parameters", .rows(u.sensitivity) { s in
                let range = u.options.ranges.range(s.parameter)
                let (first, total, error) = index(s.population)
                let (giniFirst, giniTotal, giniError) = index(s.gini)
                return [("parameter", .string(s.parameter.rawValue)), ("low", .number(range.lowerBound)), ("high", .number(range.upperBound)),
                        ("first_order", first), ("first_order_error", error), ("total", total),
                        ("gini_first_order", giniFirst), ("gini_first_order_error", giniError), ("gini_total", giniTotal)]
            }),
            ("not_redrawn", .strings(options.ruleNames.filter { $0 == "outside-cpts" || $0 == "low-low" })),
        ])
        if let km = u.bufferNeededKm { summary["regional_buffer_km_needed"] = .fixed(km, 0) }
        return .object(summary)
    }
}

extension GapsAnalysis.Options {
    /// The access of the `access` and `low-low` rules: their method, kinds and `per`, with the
    /// rules' cost model and CRS.
    var accessOptions: AccessAnalysis.Options {
        var a = AccessAnalysis.Options()
        a.method = accessMethod
        a.kinds = accessKinds
        a.cost = cost
        a.crs = crs
        a.per = per
        return a
    }
}

extension GapsAnalysis {
    /// How far the `travel` rule looks for the nearest site: twice its limit, or the cost
    /// model's bound when larger; with draws, also the limit over their lowest time factor, so
    /// that a commune beyond it is beyond the limit in every draw (the fastest draw's
    /// (t − s) f + s ≤ limit needs t ≤ limit ÷ f for f ≤ 1).
    static func travelSearchBound(_ options: Options) -> Double {
        let limit = options.minutesAbove ?? 0
        let drawn = options.uncertainty.map { limit / min(1, $0.ranges.lowestTimeFactor(withDetour: options.cost.kind == .straight)) } ?? 0
        return max(options.cost.maxMinutes, limit * 2, drawn)
    }
}
