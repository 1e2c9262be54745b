import Foundation
import GeoCore
import GeoIO

extension GapsAnalysis {
    /// A zone's name: its most populous commune's (what planners call it by).
    func zoneName(_ z: Zone) -> String {
        func population(_ a: Int) -> Double { study.areas[a].population ?? 0 }
        return study.areas[z.communes.max { (population($0), -$0) < (population($1), -$1) }!].name
    }

    /// A zone's columns; with the uncertainty, a gap zone (not a robust one: `robustness` nil)
    /// also has its robustness, its robust population and its rank by that (``zoneRobustness``).
    func zoneProperties(_ z: Zone, robustness: ZoneRobustness? = nil) -> [(key: String, value: PropertyValue)] {
        var p: [(key: String, value: PropertyValue)] = [
            ("rank", .int(z.rank)), ("name", .string(zoneName(z))), ("population", .rounded(z.population, 0)), ("communes", .int(z.communes.count)),
            ("area_km2", .rounded(z.areaKm2, 2)), ("mean_minutes", .rounded(z.meanMinutes, 2)),
            ("worst_minutes", z.worstMinutes.map { .minutes($0, 2) } ?? .null),
        ]
        for r in options.ruleNames { p.append(("rule_\(r)", .int(z.ruleCounts[r] ?? 0))) }
        if let robustness {
            p += [("robustness", .rounded(robustness.share, 4)), ("robust_population", .rounded(robustness.population, 0)),
                  ("robust_rank", robustness.rank.map { .int($0) } ?? .null)]
        }
        p.append(("codes", .strings(z.communes.map { study.areas[$0].id })))
        return p
    }

    /// The zones, ranked, with their figures: GeoJSON or GeoPackage polygons, or CSV rows
    /// (by the extension; ``CommuneTable`` writes them, `worst_minutes` numeric with its flag).
    /// An `.xlsx` shows `context` (the command and its summary) beside the zones.
    package func writeZones(to url: URL, inputs: [URL], dialect: CSVDialect = .standard, context: TableContext? = nil) throws {
        var table = zoneTable
        table.context = context
        try table.write(to: url, inputs: inputs, dialect: dialect)
    }

    /// The zones as a table, one row and one polygon per zone (what ``writeZones(to:inputs:dialect:context:)`` writes).
    package var zoneTable: CommuneTable {
        let robustness = zoneRobustness
        let rows = zones.indices.map { zoneProperties(zones[$0], robustness: robustness?[$0]).map(\.value) }
        let columns = zones.first.map { zoneProperties($0, robustness: robustness?[0]).map(\.key) }
            ?? ["rank", "name", "population", "communes", "area_km2", "mean_minutes", "worst_minutes"] + options.ruleNames.map { "rule_" + $0 }
                + (uncertainty == nil ? [] : ["robustness", "robust_population", "robust_rank"]) + ["codes"]
        return CommuneTable(columns: columns, rows: rows, geometries: zones.map(\.geometry), costColumns: ["worst_minutes"])
    }

    /// The robust gap zones as a table (the columns of the gap zones without the robustness ones).
    package var robustZoneTable: CommuneTable {
        let rows = robustZones.map { zoneProperties($0).map(\.value) }
        let columns = ["rank", "name", "population", "communes", "area_km2", "mean_minutes", "worst_minutes"] + options.ruleNames.map { "rule_" + $0 }
            + ["codes"]
        return CommuneTable(columns: columns, rows: rows, geometries: robustZones.map(\.geometry), costColumns: ["worst_minutes"])
    }

    /// The robust gap zones, ranked (as ``writeZones(to:inputs:dialect:context:)``).
    package func writeRobustZones(to url: URL, inputs: [URL], dialect: CSVDialect = .standard, context: TableContext? = nil) throws {
        var table = robustZoneTable
        table.context = context
        try table.write(to: url, inputs: inputs, dialect: dialect)
    }

    /// The summary with the territories named as the user calls them (CPTS, EPCI…): the white
    /// zones' object (key `cpts_white_zones`, kept for scripts) says `territory_label`.
    public func summary(territoryLabel: String) -> Summary {
        var s = summary
        if case .object(var white) = s["cpts_white_zones"] {
            white["territory_label"] = .string(territoryLabel)
            s["cpts_white_zones"] = .object(white)
        }
        return s
    }

    /// The white zones (outside every territory) as GeoJSON polygons with their population.
    public func writeWhiteZones(to url: URL, inputs: [URL]) throws {
        try GeoJSONWriter.write(
            whiteZones.enumerated().map { k, w in
                Feature(
                    geometry: w.geometry,
                    properties: Properties([("part", .int(k + 1)), ("population", .rounded(w.population, 0)), ("area_km2", .rounded(w.areaKm2, 2))]))
            }, to: url, inputs: inputs)
    }

    /// Per commune: each rule, and whether it is under-served (and in which zone).
    public var table: CommuneTable {
        var zoneOf: [Int: Int] = [:]
        for z in zones { for c in z.communes { zoneOf[c] = z.rank } }
        let columns = ["code", "name", "population"] + options.ruleNames.map { "rule_" + $0 } + ["under_served", "zone"]
            + (travelMinutes == nil ? [] : ["minutes"]) + (access == nil ? [] : ["access"]) + uncertaintyColumns
        let rows = study.areas.indices.map { a -> [PropertyValue] in
            var row: [PropertyValue] = [.string(study.areas[a].id), .string(study.areas[a].name), .rounded(study.areas[a].population, 0)]
            row += options.ruleNames.map { .bool(rules[$0]![a]) }
            row += [.bool(underServed[a]), zoneOf[a].map { .int($0) } ?? .null]
            if let travelMinutes { row.append(.minutes(travelMinutes[a], 2)) }
            if let access { row.append(.rounded(access[a], 8)) }
            row += uncertaintyRow(a)
            return row
        }
        return CommuneTable(columns: columns, rows: rows, geometries: study.areas.map(\.geometry), costColumns: ["minutes", "minutes_p5", "minutes_p95"])
    }
}
