import Foundation
import GeoCore
import GeoIO

/// Loads a ``Study`` from its ``StudySources``: areas, population (joined by code, through the
/// commune history when given), sites and territories; and says in a ``Summary`` everything
/// that was repaired, merged or left unmatched.
public enum StudyLoader {
    /// A loaded study, with what the loading repaired, merged or left out.
    public struct Loaded: Sendable {
        /// The study: areas with their population joined, sites, territories, and the study area of a
        /// regional selection.
        public var study: Study
        /// The population join's report; `nil` when no population table was given.
        public var population: PopulationJoin.Report?
        /// The loading's summary (files read, areas repaired, join results, sites by kind), the head of
        /// every command's report.
        public var summary: Summary
        /// Per area: its measures in its metric CRS, when ``StudySources/measureAhead`` asked
        /// for them (nil where a merge was dissolved: ``ProjectedStudy`` computes those).
        package var measures: [AreaMeasure?]?
        /// Per area: its polygon projected to the CRS of ``measures``, when
        /// ``StudySources/projectAhead`` asked for it (nil where a merge was dissolved).
        package var projections: [Geometry?]?
    }

    /// Reads the areas while the side inputs are read on another thread, joins the population,
    /// cuts out the region, gathers the sites and territories; each step adds its part of the
    /// summary.
    public static func load(_ sources: StudySources) throws -> Loaded {
        Progress.report("reading \(sources.areas.count) commune file(s), the population, history and site files beside them…")
        let side = SideInputs.readInBackground(sources)
        // The side thread is waited for before any error is thrown: a process that exits
        // while it still reads may crash in its exit handlers (exit 139 instead of 1).
        let read = Result { try AreaLayer.read(sources.areas, idField: sources.areaIDField, nameField: sources.areaNameField) }
        let sideValues = try side.value()  // never fails: each read keeps its error
        var layer = try (consume read).get()  // consumed: `read` must not keep the areas alive
        var areas = layer.areas
        layer.areas = []  // the only reference: the join changes the areas in place, not a copy
        var summary = Summary()
        summary["areas"] = .object(describe(layer, files: sources.areas, features: areas.count))

        let history = try sideValues.history.get()
        // The join runs mostly on one thread: the measures of the areas as read are computed
        // meanwhile on the other cores, and those whose polygon the join keeps are reused.
        let ahead = sources.measureAhead && sources.departements == nil && sideValues.population != nil
            ? AreaMeasure.measureInBackground(areas, crs: sources.metricCRS, keepGeometries: sources.projectAhead) : nil
        defer { _ = ahead?.wait() }  // never return (or throw) while it still runs
        let populationReport = try joinPopulation(&areas, sideValues.population, history: history, summary: &summary)

        // The sites are checked against the areas as read, before a regional selection.
        let bounds = sources.sites.isEmpty ? nil : SiteBoundsCheck(areas: areas)
        let studyArea = try selectRegion(&areas, sources, summary: &summary)
        let sites = try gatherSites(sources, sideValues.sites, bounds: bounds, summary: &summary)
        let territories = try gatherTerritories(sources, sideValues.territories, areas: areas, history: history, summary: &summary)

        var study = Study(areas: areas, sites: sites, territories: territories)
        study.studyArea = studyArea
        summary["study"] = .object(describe(study))
        var measures: [AreaMeasure?]?, projections: [Geometry?]?
        if let ahead, let populationReport, let computed = try? ahead.value() {
            measures = populationReport.unchangedSource.map { $0.map { computed.measures[$0] } }
            if sources.projectAhead { projections = populationReport.unchangedSource.map { $0.map { computed.geometries[$0] } } }
        }
        return Loaded(study: study, population: populationReport, summary: summary, measures: measures, projections: projections)
    }

    /// Joins the population table, when there is one, to the areas (through the history).
    static func joinPopulation(
        _ areas: inout [Area], _ read: Result<PopulationTable, any Error>?, history: CommuneHistory?, summary: inout Summary
    ) throws -> PopulationJoin.Report? {
        guard let read else { return nil }
        let table = try read.get()
        Progress.report("joining populations\(history == nil ? "" : " through the commune history")…")
        let report = try PopulationJoin.apply(table, to: &areas, history: history)
        summary["population"] = .object(describe(report, table: table, history: history))
        return report
    }

    /// Keeps the communes of the chosen départements and their buffer (a regional study);
    /// returns which of the kept areas are reported, nil for a whole study.
    static func selectRegion(_ areas: inout [Area], _ sources: StudySources, summary: inout Summary) throws -> [Bool]? {
        guard let departements = sources.departements else { return nil }
        let selection = try RegionalSelection.select(areas, departements: departements, bufferKm: sources.bufferKm)
        areas = selection.areas
        summary["study_area"] = .object(selection.summary)
        return selection.studyArea
    }

    /// Maps the territories' members onto the areas, when there are territories.
    static func gatherTerritories(
        _ sources: StudySources, _ read: Result<[Territory], any Error>?, areas: [Area], history: CommuneHistory?, summary: inout Summary
    ) throws -> [Territory] {
        guard let url = sources.territories, let read else { return [] }
        var territories = try read.get()
        let unknown = resolveMembers(&territories, areas: areas, history: history)
        summary["territories"] = .object(Properties([
            ("file", .string(url.relativePath)),
            ("territories", .int(territories.count)),
            ("unknown_member_codes", .strings(unknown)),
        ]))
        return territories
    }

    /// Maps territory member codes onto the loaded areas (following merges through the areas'
    /// source ids, and restored communes to the older polygon that holds them) and returns the
    /// codes that match no area, as `territory:code`.
    static func resolveMembers(_ territories: inout [Territory], areas: [Area], history: CommuneHistory?) -> [String] {
        var owner: [String: String] = [:]
        owner.reserveCapacity(areas.count + areas.count / 16)
        for i in areas.indices {  // by index: no copy of each area
            let id = areas[i].id, sources = areas[i].sourceIDs
            if sources.count != 1 || sources[0] != id { for s in sources { owner[s] = id } }
            owner[id] = id
        }
        var unknown: [String] = []
        for t in territories.indices {
            guard let ids = territories[t].memberIDs else { continue }
            var resolved: [String] = []
            for code in ids {
                guard let id = owner[code] ?? history?.restorationParent(of: code).flatMap({ owner[$0] }) else {
                    unknown.append("\(territories[t].id):\(code)")
                    continue
                }
                if !resolved.contains(id) { resolved.append(id) }
            }
            territories[t].definition = .areas(resolved)
        }
        return unknown
    }

    static func describe(_ r: PopulationJoin.Report, table: PopulationTable, history: CommuneHistory?) -> Properties {
        Properties([
            ("file", .string(table.file)),
            ("encoding", .string(table.encoding.rawValue)),
            ("rows", .int(table.keys.count)),
            ("rows_without_code", .int(r.rowsWithoutKey)),
            ("duplicate_codes", .strings(r.duplicateRows)),
            ("history_events", .int(history?.events.count ?? 0)),
            ("matched_directly", .int(r.matchedDirectly)),
            ("merged_since_the_polygons", .int(r.merged.count)),
            ("merges", .rows(r.merged) { [("codes", .strings($0.sources)), ("into", .string($0.code))] }),
            ("restored_communes_pooled", .rows(r.restored) { [("code", .string($0.code)), ("into", .string($0.into))] }),
            ("arrondissements_pooled", .rows(r.arrondissements) { [("code", .string($0.code)), ("into", .string($0.into))] }),
            ("areas_without_population", .strings(r.areasWithoutPopulation)),
            ("rows_without_area", .strings(r.rowsWithoutArea)),
            ("population_joined", .headCount(r.populationJoined)),
            ("population_not_joined", .headCount(r.populationUnjoined)),
        ])
    }

    static func describe(_ layer: AreaLayer.Layer, files: [URL], features: Int) -> Properties {
        Properties([
            ("files", .strings(files.map(\.relativePath))),
            ("features", .int(features)),
            ("repaired", .rows(layer.repairs) { [("id", .string($0.id)), ("reason", .string($0.reason))] }),
            ("dropped", .rows(layer.dropped) { [("id", .string($0.id)), ("reason", .string($0.reason))] }),
            ("warnings", .strings(layer.warnings.map(\.description))),
        ])
    }

    /// The study as loaded: reported areas and their population, sites, territories.
    static func describe(_ study: Study) -> Properties {
        let reported = study.reportedAreas
        return Properties([
            ("areas", .int(reported.count)),
            ("population", .headCount(reported.reduce(0) { $0 + (study.areas[$1].population ?? 0) })),
            ("sites", .int(study.sites.count)),
            ("territories", .int(study.territories.count)),
        ])
    }
}
