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
        /// Per area: its measures in its metric CRS, when ``StudySources/measureAhead`` asked
        /// for them (nil where a merge was dissolved: ``ProjectedStudy`` computes those).
        package var measures: [AreaMeasure?]?
    }

    public static func load(_ sources: StudySources) throws -> Loaded {
        Progress.report("reading \(sources.areas.count) commune file(s), the population, history and site files beside them…")
        let side = SideInputs.readInBackground(sources)
        // The side thread is waited for before any error is thrown: a process that exits
        // while it still reads may crash in its exit handlers (exit 139 instead of 1).
        let read = Result { try AreaLayer.read(sources.areas, idField: sources.areaIDField, nameField: sources.areaNameField) }
        let sideValues = try side.value()  // never fails: each read keeps its error
        var layer = try read.get()
        var areas = layer.areas
        layer.areas = []  // the only reference: the join changes the areas in place, not a copy
        var summary = Summary()
        summary["areas"] = .object(Properties([
            ("files", .strings(sources.areas.map(\.relativePath))),
            ("features", .int(areas.count)),
            ("repaired", .rows(layer.repairs) { [("id", .string($0.id)), ("reason", .string($0.reason))] }),
            ("dropped", .rows(layer.dropped) { [("id", .string($0.id)), ("reason", .string($0.reason))] }),
            ("warnings", .strings(layer.warnings.map(\.description))),
        ]))

        var populationReport: PopulationJoin.Report?
        let history = try sideValues.history.get()
        // The join runs mostly on one thread: the measures of the areas as read are computed
        // meanwhile on the other cores, and those whose polygon the join keeps are reused.
        let ahead = sources.measureAhead && sources.departements == nil && sideValues.population != nil
            ? AreaMeasure.measureInBackground(areas, crs: sources.metricCRS) : nil
        defer { _ = ahead?.wait() }  // never return (or throw) while it still runs
        if let read = sideValues.population {
            let table = try read.get()
            Progress.report("joining populations\(history == nil ? "" : " through the commune history")…")
            let report = try PopulationJoin.apply(table, to: &areas, history: history)
            populationReport = report
            summary["population"] = .object(describe(report, table: table, history: history))
        }

        var studyArea: [Bool]?
        // The sites are checked against the areas as read, before a regional selection.
        let bounds = sources.sites.isEmpty ? nil : SiteBoundsCheck(areas: areas)
        if let departements = sources.departements {
            let selection = try RegionalSelection.select(areas, departements: departements, bufferKm: sources.bufferKm)
            areas = selection.areas
            studyArea = selection.studyArea
            summary["study_area"] = .object(selection.summary)
        }

        var sites: [Site] = []
        var siteFiles: [PropertyValue] = []
        for (source, read) in zip(sources.sites, sideValues.sites) {
            let result = try read.get()
            if let clash = sites.first(where: { s in result.sites.contains { $0.id == s.id } }) {
                throw InputError(file: source.url.relativePath, message: "site id '\(clash.id)' is also in an earlier site file")
            }
            if let kind = source.kind, result.ofTheGivenKind == 0, !result.sites.isEmpty {
                throw ParameterError(.ignored, "\(.defaultSiteKind) \(kind): every site of \(source.url.relativePath) has a kind of its own, so \(.defaultSiteKind) (the kind of sites without one) would change nothing; to keep only some kinds, use \(.siteKind) \(kind)")
            }
            let placed = try bounds?.check(result.sites, file: source.url.relativePath, columns: result.lonLatColumns, geoJSON: LayerReader.isLayer(source.url))
            if let warning = placed?.warning { Progress.warn(warning) }
            sites += result.sites
            var file = Properties([
                ("file", .string(source.url.relativePath)),
                ("sites", .int(result.sites.count)),
                ("without_location", .strings(result.withoutLocation)),
                ("left_out", .rows(result.leftOut.sorted { $0.key < $1.key }) { [("reason", .string($0.key)), ("rows", .int($0.value))] }),
            ])
            if let outside = placed?.outside, !outside.isEmpty {
                // A count and the first ids: a département studied with the national registry
                // has some 1,500 sites outside its communes.
                file["sites_outside_the_areas"] = .int(outside.count)
                file["outside_the_areas"] = .strings(Array(outside.prefix(20)))
            }
            siteFiles.append(.object(file))
        }
        if !sources.sites.isEmpty {
            let study = Study(areas: [], sites: sites)
            summary["sites"] = .object(Properties([
                ("files", .array(siteFiles)),
                ("by_kind", .rows(study.siteCountsByKind) { [("kind", .string($0.kind.rawValue)), ("sites", .int($0.count))] }),
            ]))
        }

        var territories: [Territory] = []
        if let url = sources.territories, let read = sideValues.territories {
            territories = try read.get()
            let unknown = resolveMembers(&territories, areas: areas, history: history)
            summary["territories"] = .object(Properties([
                ("file", .string(url.relativePath)),
                ("territories", .int(territories.count)),
                ("unknown_member_codes", .strings(unknown)),
            ]))
        }
        // Sites in the order of their ids, not of the files' rows: ties between sites at the
        // same distance are then broken the same way whatever order the registry lists them
        // in, and every list of sites in the outputs is in that order (input order changes
        // no output byte; tested on the national registry shuffled).
        sites.sort { $0.id < $1.id }
        var study = Study(areas: areas, sites: sites, territories: territories)
        study.studyArea = studyArea
        let reported = study.reportedAreas
        summary["study"] = .object(Properties([
            ("areas", .int(reported.count)),
            ("population", .headCount(reported.reduce(0) { $0 + (areas[$1].population ?? 0) })),
            ("sites", .int(study.sites.count)),
            ("territories", .int(study.territories.count)),
        ]))
        var measures: [AreaMeasure?]?
        if let ahead, let populationReport, let computed = try? ahead.value() {
            measures = populationReport.unchangedSource.map { $0.map { computed[$0] } }
        }
        return Loaded(study: study, population: populationReport, summary: summary, measures: measures)
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
}
