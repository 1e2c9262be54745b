import Foundation
import Accessibility
import GeoCore
import GeoIO

extension GridTravel {
    /// Per commune and threshold: the residents (by area) of its squares beyond the threshold
    /// (a square that reaches nothing is beyond every one), and its grid residents.
    package func communeBeyond(_ kind: Int) -> (beyond: [[Double]], population: [Double], meanMinutes: [Double?]) {
        let times = nearest[kind].map { $0?.minutes }
        var beyond = [[Double]](repeating: [Double](repeating: 0, count: allocation.byCommune.count), count: options.thresholds.count)
        var population = [Double](repeating: 0, count: allocation.byCommune.count)
        var mean = [Double?](repeating: nil, count: allocation.byCommune.count)
        for (c, parts) in allocation.byCommune.enumerated() {
            var reachedWeight = 0.0, minutes = 0.0
            for (k, w) in parts {
                population[c] += w
                for (n, t) in options.thresholds.enumerated() where !((times[k] ?? .infinity) <= t) { beyond[n][c] += w }
                if let m = times[k] {
                    reachedWeight += w
                    minutes += w * m
                }
            }
            if reachedWeight > 0 { mean[c] = minutes / reachedWeight }
        }
        return (beyond, population, mean)
    }

    func makeSummary(notes: Properties, origins: GridOrigins) -> Summary {
        var summary = Summary([
            ("communes", .int(study.areas.count)),
            ("grid_cells", .int(grid.cellCount)),
            ("population", .headCount(grid.total)),
            ("cost", .object(notes)),
            ("metric_crs", .rows(origins.partitions) { [("crs", .string($0.crs.description)), ("grid_cells", .int($0.cells.count))] }),
            ("max_minutes", .fixed(options.cost.maxMinutes, 1)),
        ])
        var byKind: [PropertyValue] = []
        for (g, kind) in kinds.enumerated() {
            let times = nearest[g].map { $0?.minutes }
            var p = Properties([
                ("kind", .string(kind.rawValue)),
                ("sites", .int(study.sites.filter { $0.kind == kind }.count)),
                ("grid_cells_reached", .int(times.compactMap { $0 }.count)),
                ("mean_minutes", TravelStatistics.weightedMean(times, weights: grid.counts).map { .fixed($0, 1) } ?? .null),
                ("median_minutes", Self.value(TravelStatistics.weightedQuantile(times, weights: grid.counts, 0.5))),
                ("p90_minutes", Self.value(TravelStatistics.weightedQuantile(times, weights: grid.counts, 0.9))),
            ])
            let total = grid.total
            p["population_beyond"] = .rows(options.thresholds) { t in
                let n = TravelStatistics.weightBeyond(t, times: times, weights: grid.counts)
                return [("minutes", .fixed(t, 1)), ("population", .headCount(n)), ("share", .share(n, of: total))]
            }
            if let groups {
                let (beyond, population, _) = communeBeyond(g)
                let byGroup = Dictionary(grouping: study.areas.indices, by: { groups[$0] })
                p["group_by"] = .string(options.groupBy!)
                p["population_beyond_by_group"] = .rows(byGroup.keys.sorted()) { label in
                    let members = byGroup[label]!
                    let people = members.reduce(0) { $0 + population[$1] }
                    return [("group", .string(label)), ("population", .headCount(people)),
                            ("beyond", .rows(Array(options.thresholds.indices)) { n in
                                let b = members.reduce(0) { $0 + beyond[n][$1] }
                                return [("minutes", .fixed(options.thresholds[n], 1)), ("population", .headCount(b)), ("share", .share(b, of: people))]
                            })]
                }
            }
            p["unreachable_grid_cells"] = .int(times.filter { $0 == nil }.count)
            byKind.append(.object(p))
        }
        summary["nearest_site"] = .array(byKind)
        summary["grid"] = grid.summary(outside: allocation.outside)
        return summary
    }

    private static func value(_ minutes: Double?) -> PropertyValue {
        guard let minutes, minutes.isFinite else { return .null }
        return .fixed(minutes, 1)
    }

    /// One row per commune: code, name, population (census), its grid residents by area,
    /// group, then per kind the residents' mean minutes (over the squares that reach a site)
    /// and the share of its residents beyond each threshold, from the squares.
    package var table: CommuneTable {
        var columns = ["code", "name", "population", "grid_population"] + (groups == nil ? [] : [options.groupBy!])
        let figures = kinds.indices.map { communeBeyond($0) }
        for kind in kinds {
            columns.append("\(kind)_mean_minutes")
            for t in options.thresholds { columns.append("\(kind)_share_beyond_\(NumberFormatting.string(t, precision: 1))min") }
        }
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [
                .string(study.areas[a].id), .string(study.areas[a].name), .rounded(study.areas[a].population, 0),
                .rounded(figures.first?.population[a] ?? allocation.population[a], 2),
            ]
            if let groups { row.append(.string(groups[a])) }
            for f in figures {
                row.append(f.meanMinutes[a].map { .rounded($0, 2) } ?? .null)
                for n in options.thresholds.indices { row.append(f.population[a] > 0 ? .rounded(f.beyond[n][a] / f.population[a], 6) : .null) }
            }
            return row
        }
        var table = CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry))
        // The first kind's mean minutes over the commune's squares, as the travel map.
        table.mapStyle = kinds.first.map { MapStyle(field: "\($0)_mean_minutes") }
        return table
    }

    /// Per square: per kind, the minutes and km to the nearest site (empty: none within reach,
    /// then `<kind>_unreachable` is true).
    package var cells: GridValues {
        var columns: [String] = [], values: [[Double]] = [], precision: [Int] = [], flags: [(name: String, values: [Bool])] = []
        for (g, kind) in kinds.enumerated() {
            columns += ["\(kind)_minutes", "\(kind)_km"]
            values.append(nearest[g].map { $0?.minutes ?? .nan })
            values.append(nearest[g].map { $0?.kilometres ?? .nan })
            precision += [2, 2]
            flags.append(("\(kind)_unreachable", nearest[g].map { $0 == nil }))
        }
        return GridValues(grid: grid, columns: columns, values: values, precision: precision, flags: flags)
    }
}
