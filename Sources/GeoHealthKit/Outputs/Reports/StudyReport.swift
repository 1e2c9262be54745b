import Foundation
import Accessibility
import Cartography
import GeoCore
import GeoIO

/// `geohealth report`: the whole analysis of a study folder in one readable report — Markdown
/// and a self-contained HTML page — with its maps and charts, for a planner to read first and
/// to paste from: coverage by the territories (CPTS, or what the user calls them), travel time
/// to the nearest site of the kind, E2SFCA accessibility and its inequality, gap zones, and
/// where k new sites would help most.
///
/// Every figure comes from the analyses of the other commands, and every parameter the report
/// states (threshold, catchment, bands and weights, unit, number of new sites, speed and detour)
/// is read from the options those analyses ran with or from their results, never written
/// twice. A regional study (``Study/studyArea``) is described by its reported communes only:
/// population, values and weights all come from the analyses' own restricted study.
package enum StudyReport {
    package struct Options: Sendable {
        package var kind: SiteKind
        package var minutes = StudyReport.defaultMinutes
        package var newSites = StudyReport.defaultNewSites
        package var language: MapLabels.Language = .fr
        package var groupBy: String?
        /// The report's title (default: "Accès aux soins — NAME" of the study).
        package var title: String?
        /// Where the data come from (a producer and a date: "INSEE, RP 2021 ; FINESS 2024"),
        /// printed under the title, on every map and in the closing note. Without one the report
        /// names the files it read ("Données : fichiers …"): a file name is not a source.
        package var source: String?
        /// The accessibility catchment in minutes (nil: ``AccessAnalysis/defaultCatchmentMinutes(_:)``).
        package var catchmentMinutes: Double?
        /// The E2SFCA bands (nil: ``Accessibility/DistanceDecay/luoQi``).
        package var bands: DistanceDecay?
        /// What the study's territories are (CPTS, EPCI, bassins de vie…), in the text and legends.
        package var territoryLabel = MapLabels.defaultTerritoryName
        /// The publishing guard (docs/publishing.md): its tables hide the counts under its rule,
        /// the text prints none of them; nil: everything is printed.
        package var publishing: PublishingGuard?
        /// The draws of the section "How sure are we?" (docs/uncertainty.md): the gap zones'
        /// robustness and the access's percentiles; nil: the section says what was not measured.
        package var uncertainty: GapUncertainty.Options?
        package init(kind: SiteKind) { self.kind = kind }
    }

    /// What the default title calls the study ("Accès aux soins — NAME"): a name (its folder, a
    /// string literal), or the départements of a regional study, said in the report's language.
    package enum StudyName: Sendable, Equatable, ExpressibleByStringLiteral {
        /// A name, as given (the study folder, or the folder or file of the communes).
        case named(String)
        /// The codes of a regional study's départements (`départements 03, 15`).
        case departements([String])

        package init(stringLiteral value: String) { self = .named(value) }

        /// The name in `text`'s language.
        func text(_ text: ReportText) -> String {
            switch self {
            case .named(let name): name
            case .departements(let codes): text.departements(codes)
            }
        }
    }

    /// Writes the report's `provenance.json` into `folder`: its inputs, the arguments it was
    /// made with and every file of the folder, so that a later report or run may replace the
    /// folder (``Provenance/checkReplaceable(_:)``). Returns its name. (In a study run, the run's
    /// own provenance records the report instead.)
    package static func writeProvenance(in folder: URL, inputs: [URL], arguments: [String], started: Date) throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let step = Provenance.Step(name: "report", command: "report", arguments: arguments, outputs: files)
        let provenance = Provenance(studyFile: nil, inputs: inputs, steps: [step], started: started, finished: SourceDateEpoch.now())
        try OutputFile.write(Array(try provenance.json(folder: folder).utf8), to: folder.appendingPathComponent("provenance.json"))
        return "provenance.json"
    }

    /// The travel-time threshold when none is given: 15 minutes to the nearest site.
    package static let defaultMinutes = 15.0
    /// New sites proposed when no number is given.
    package static let defaultNewSites = 3

    /// Writes `report.md` and `report.html` (self-contained), the SVG maps and charts, and the
    /// GeoJSON/CSV tables into `folder`; returns the files written.
    /// - Parameters:
    ///   - name: the study's name, for the default title ("Accès aux soins — NAME").
    ///   - inputs: the files the study was read from: named in the data line when no
    ///     ``Options/source`` is given, and never overwritten.
    package static func write(_ study: Study, name: StudyName, options: Options, to folder: URL, inputs: [URL]) throws -> [String] {
        try writeReporting(study, name: name, options: options, to: folder, inputs: inputs).files
    }

    /// ``write(_:name:options:to:inputs:)``, with what the publishing guard hid in its tables
    /// (nil without ``Options/publishing``). `measured` and `projected`: per area, its measures
    /// and polygon already projected by the loader (``StudyLoader/Loaded/projections``), reused
    /// where their CRS is the one the report projects the area in.
    package static func writeReporting(_ study: Study, name: StudyName, options: Options, to folder: URL, inputs: [URL],
                                       measured: [AreaMeasure?]? = nil, projected: [Geometry?]? = nil) throws -> (files: [String], secrecy: SecrecyReport?) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var report = try ReportWriter(study, name: name, options: options, folder: folder, inputs: inputs,
                                      ahead: (measured, projected))
        defer {  // never return (or throw) while the layers, the gaps or the siting are still made
            _ = report.layers?.wait()
            _ = report.gaps.wait()
            _ = report.siting?.wait()
        }
        try report.addMethod()
        report.startWritingLayers()
        try report.addTravel()
        try report.addCoverage()
        try report.addAccess()
        try report.addGaps()
        try report.addUncertainty()
        try report.addSiting()
        report.addSecrecy()
        return (try report.finish(), report.secrecy)
    }
}
