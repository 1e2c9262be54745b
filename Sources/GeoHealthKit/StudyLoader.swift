import Foundation
import GeoCore
import GeoIO

/// Loads a ``Study`` from its ``StudySources``: areas, population (joined by code, through the
/// commune history when given), sites and territories; and says in a ``Summary`` everything
/// that was repaired, merged or left unmatched.
public enum StudyLoader {
    public struct Loaded: Sendable {
        public var study: Study
        public var population: PopulationJoin.Report?
        public var summary: Summary
    }

    public static func load(_ sources: StudySources) throws -> Loaded {
        Progress.report("reading \(sources.areas.count) commune file(s)…")
        let layer = try AreaLayer.read(sources.areas, idField: sources.areaIDField, nameField: sources.areaNameField)
        var areas = layer.areas
        var summary = Summary()
        summary["areas"] = .object(Properties([
            ("files", .strings(sources.areas.map(\.relativePath))),
            ("features", .int(layer.areas.count)),
            ("repaired", .array(layer.repairs.map { .string("\($0.id): \($0.reason)") })),
            ("warnings", .strings(layer.warnings.map(\.description))),
        ]))

        var populationReport: PopulationJoin.Report?
        let history = try sources.history.map { try CommuneHistory.read(contentsOf: $0, since: sources.historySince) }
        if let url = sources.population {
            Progress.report("joining populations…")
            let table = try PopulationTable.read(url, key: sources.populationKey, field: sources.populationField)
            let report = try PopulationJoin.apply(table, to: &areas, history: history)
            populationReport = report
            summary["population"] = .object(describe(report, table: table, history: history))
        }

        var studyArea: [Bool]?
        if let departements = sources.departements {
            let selection = try StudyAreaSelection.select(areas, departements: departements, bufferKm: sources.bufferKm)
            areas = selection.areas
            studyArea = selection.studyArea
            summary["study area"] = .object(selection.summary)
        }

        var sites: [Site] = []
        var siteNotes = Properties()
        for source in sources.sites {
            let result = try SiteTable.read(source.url, kind: source.kind, crs: sources.sitesCRS, schema: sources.siteSchema)
            if let clash = sites.first(where: { s in result.sites.contains { $0.id == s.id } }) {
                throw InputError(file: source.url.relativePath, message: "site id '\(clash.id)' is also in an earlier site file")
            }
            sites += result.sites
            siteNotes[source.url.lastPathComponent] = .object(Properties([
                ("sites", .int(result.sites.count)),
                ("without location", .strings(result.withoutLocation)),
            ]))
            if !result.leftOut.isEmpty {
                if case .object(var p)? = siteNotes[source.url.lastPathComponent] {
                    p["left out"] = .object(Properties(result.leftOut.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
                    siteNotes[source.url.lastPathComponent] = .object(p)
                }
            }
        }
        if !sources.sites.isEmpty {
            let study = Study(areas: [], sites: sites)
            siteNotes["by kind"] = .object(Properties(study.siteCountsByKind.map { ($0.kind.rawValue, .int($0.count)) }))
            summary["sites"] = .object(siteNotes)
        }

        var territories: [Territory] = []
        if let url = sources.territories {
            territories = try TerritoryTable.read(url)
            let unknown = resolveMembers(&territories, areas: areas, history: history)
            summary["territories"] = .object(Properties([
                ("file", .string(url.relativePath)),
                ("territories", .int(territories.count)),
                ("unknown member codes", .strings(unknown)),
            ]))
        }
        var study = Study(areas: areas, sites: sites, territories: territories)
        study.studyArea = studyArea
        let reported = study.reportedAreas
        summary["study"] = .object(Properties([
            ("areas", .int(reported.count)),
            ("population", .int(Int(reported.reduce(0) { $0 + (areas[$1].population ?? 0) }.rounded()))),
            ("sites", .int(study.sites.count)),
            ("territories", .int(study.territories.count)),
        ]))
        return Loaded(study: study, population: populationReport, summary: summary)
    }

    /// Maps territory member codes onto the loaded areas (following merges through the areas'
    /// source ids, and restored communes to the older polygon that holds them) and returns the
    /// codes that match no area, as `territory:code`.
    static func resolveMembers(_ territories: inout [Territory], areas: [Area], history: CommuneHistory?) -> [String] {
        var owner: [String: String] = [:]
        for a in areas { for s in a.sourceIDs { owner[s] = a.id }; owner[a.id] = a.id }
        var unknown: [String] = []
        for t in territories.indices {
            guard let ids = territories[t].memberIDs else { continue }
            var resolved: [String] = []
            for code in ids {
                guard let id = owner[code] ?? history?.restorationParent(of: code).flatMap({ owner[$0] }) else { unknown.append("\(territories[t].id):\(code)"); continue }
                if !resolved.contains(id) { resolved.append(id) }
            }
            territories[t].definition = .areas(resolved)
        }
        return unknown
    }

    static func describe(_ r: PopulationJoin.Report, table: PopulationTable, history: CommuneHistory?) -> Properties {
        Properties([
            ("file", .string(table.file)),
            ("rows", .int(table.keys.count)),
            ("rows without code", .int(r.rowsWithoutKey)),
            ("duplicate codes", .strings(r.duplicateRows)),
            ("history events", .int(history?.events.count ?? 0)),
            ("matched directly", .int(r.matchedDirectly)),
            ("merged since the polygons", .int(r.merged.count)),
            ("merges", .strings(r.merged.map { "\($0.sources.joined(separator: "+")) → \($0.code)" })),
            ("restored communes pooled into their former commune", .strings(r.restored.map { "\($0.code) → \($0.into)" })),
            ("arrondissements pooled into their commune", .strings(r.arrondissements.map { "\($0.code) → \($0.into)" })),
            ("areas without population", .strings(r.areasWithoutPopulation)),
            ("rows without area", .strings(r.rowsWithoutArea)),
            ("population joined", .int(Int(r.populationJoined.rounded()))),
            ("population not joined", .int(Int(r.populationUnjoined.rounded()))),
        ])
    }
}
