import Foundation
import GeoCore
import GeoIO

extension GridCoverage {
    /// Per commune: its grid residents (by area) and those of them covered by `fraction` per square.
    package func byCommune(_ fraction: [Double]) -> (population: [Double], covered: [Double]) {
        var population = [Double](repeating: 0, count: study.areas.count), covered = population
        for (c, parts) in allocation.byCommune.enumerated() {
            for (k, w) in parts {
                population[c] += w
                covered[c] += w * fraction[k]
            }
        }
        return (population, covered)
    }

    /// The residents covered over the squares, then by group over the communes.
    /// - Parameter communes: each commune's residents and covered residents, when not read off
    ///   the squares' fractions (territories: a member commune is covered whole).
    func describe(_ fraction: [Double], communes: (population: [Double], covered: [Double])? = nil) -> Properties {
        let total = grid.total
        var covered = 0.0, squares = 0
        for k in 0..<grid.cellCount where fraction[k] > 0 {
            covered += grid.counts[k] * fraction[k]
            squares += 1
        }
        var p = Properties([
            ("grid_cells", .int(grid.cellCount)),
            ("grid_cells_covered", .int(squares)),
            ("population_covered", .headCount(covered)),
            ("population_not_covered", .headCount(total - covered)),
            ("covered_share", .share(covered, of: total)),
        ])
        if let groups, let groupBy = options.groupBy {
            let (population, inside) = communes ?? byCommune(fraction)
            let byGroup = Dictionary(grouping: study.areas.indices, by: { groups[$0] })
            p["group_by"] = .string(groupBy)
            p["by_group"] = .rows(byGroup.keys.sorted()) { g in
                let members = byGroup[g]!
                let people = members.reduce(0) { $0 + population[$1] }, covered = members.reduce(0) { $0 + inside[$1] }
                return [("group", .string(g)), ("population", .headCount(people)), ("population_covered", .headCount(covered)),
                        ("covered_share", .share(covered, of: people))]
            }
        }
        return p
    }

    func makeSummary(costNotes: Properties) -> Summary {
        var summary = Summary([
            ("communes", .int(study.areas.count)),
            ("grid_cells", .int(grid.cellCount)),
            ("population", .headCount(grid.total)),
            ("method", .string("grid squares")),
        ])
        if let inTerritories {
            let population = allocation.population
            var t = describe(inTerritories, communes: (population, population.indices.map { population[$0] * (communeInTerritories[$0] ?? 0) }))
            t["each_territory"] = .rows(study.territories.indices) { k in
                [("territory", .string(study.territories[k].id)), ("population", .headCount(territoryResidents[k]))]
            }
            summary["territories"] = .object(t)
        }
        if let inReach, let minutes = options.catchmentMinutes {
            var c = describe(inReach.map { $0 ? 1 : 0 })
            c[options.catchmentKm != nil ? "km_straight_line" : "minutes"] = .fixed(minutes, 1)
            c["site_kinds"] = .strings((options.catchmentKinds ?? Array(Set(study.sites.map(\.kind))).sorted()).map(\.rawValue))
            c["cost"] = .object(costNotes)
            summary["catchments"] = .object(c)
        }
        summary["grid"] = grid.summary(outside: allocation.outside)
        return summary
    }

    /// One row per commune: code, name, population (census), grid residents, group, then the
    /// share of its grid residents inside the territories and within reach.
    package var table: CommuneTable {
        var columns = ["code", "name", "population", "grid_population"] + (groups == nil ? [] : [options.groupBy!])
        let reach = inReach.map { byCommune($0.map { $0 ? 1 : 0 }) }
        if inTerritories != nil { columns.append("share_in_territory") }
        if reach != nil { columns.append("share_in_reach") }
        let population = allocation.population
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [.string(study.areas[a].id), .string(study.areas[a].name), .rounded(study.areas[a].population, 0), .rounded(population[a], 2)]
            if let groups { row.append(.string(groups[a])) }
            if inTerritories != nil { row.append(communeInTerritories[a].map { .rounded($0, 6) } ?? .null) }
            if let reach { row.append(reach.population[a] > 0 ? .rounded(reach.covered[a] / reach.population[a], 6) : .null) }
            return row
        }
        return CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry))
    }

    /// Per square: the fraction of its residents inside the territories, and whether a site is in reach (1/0).
    package var cells: GridValues {
        var columns: [String] = [], values: [[Double]] = [], precision: [Int] = []
        if let inTerritories {
            columns.append("share_in_territory")
            values.append(inTerritories)
            precision.append(6)
        }
        if let inReach {
            columns.append("in_reach")
            values.append(inReach.map { $0 ? 1 : 0 })
            precision.append(0)
        }
        return GridValues(grid: grid, columns: columns, values: values, precision: precision)
    }
}
