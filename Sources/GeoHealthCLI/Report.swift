import Accessibility
import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: """
            A readable Markdown report of a study with its maps and charts: travel, coverage by the territories (CPTS…), \
            accessibility and inequality, gap zones, new sites.
            """,
        discussion: """
            Runs the other analyses with their defaults for one site kind and threshold and writes report.md, report.html, SVG maps and charts, the \
            GeoJSON/CSV tables and provenance.json into the output folder, built beside it and swapped into place whole; an existing folder is \
            replaced only when its provenance.json lists exactly what it holds (a previous report or run). Every parameter the report states \
            (threshold, catchment, bands and weights, unit, new sites) is the one its analyses ran with. With --departements, only the communes of \
            the study area are described (the buffer takes part in the catchments). Without --source the report names the files it read ("Données : \
            fichiers …"), not a source.

            Examples:
              geohealth report geodata --site-kind msp --minutes 15 --out /tmp/report
              geohealth report geodata --site-kind hospital --minutes 30 --new-sites 2 --lang en --out /tmp/report-en
              geohealth report geodata --site-kind msp --catchment-minutes 45 --territory-label EPCI --source "INSEE RP 2021 ; FINESS 2024" --out /tmp/report
            """)

    @OptionGroup var inputs: StudyOptions

    /// The one kind the report is about (required).
    @OptionGroup var site: SiteOptions<ReportedKind>

    @Option(help: "Travel-time threshold in minutes, \(OptionRange.minutes.helpText).")
    var minutes = StudyReport.defaultMinutes

    @Option(help: "How many new sites to propose, \(OptionRange.newSites.helpText) (0: none).")
    var newSites = StudyReport.defaultNewSites

    @OptionGroup var language: LanguageOption

    @Option(help: """
        Accessibility (E2SFCA) catchment in minutes, \(OptionRange.minutes.helpText) (default: \
        \(HelpText.catchmentMinutes(.enhanced))).
        """)
    var catchmentMinutes: Double?

    @Option(help: "Accessibility (E2SFCA) time bands: CSV 'upto,weight' (minutes, weight); default Luo and Qi's \(HelpText.luoQiBands).")
    var bands: String?

    @Option(help: "What the territories are, in the text and legends: CPTS, EPCI, bassin de vie…")
    var territoryLabel = MapLabels.defaultTerritoryName

    @Option(help: "Title of the report (default: 'Accès aux soins — <study>', the study being the folder, the départements or the commune file).")
    var title: String?

    @Option(help: """
        Where the data come from, under the title, on the maps and in the note \
        (default: the names of the files read, as 'Données : fichiers …').
        """)
    var source: String?

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var publishing: PublishingOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try site.require("report", for: "the kind of site the report is about")
        try OptionRange.minutes.check(minutes, "--minutes")
        try OptionRange.newSites.check(newSites, "--new-sites")
        try OptionRange.minutes.check(catchmentMinutes, "--catchment-minutes")
    }

    func run() throws {
        output.showProgress()
        var sources = try inputs.sources()
        sources.measureAhead = true  // the polygons projected while the populations are joined
        sources.projectAhead = true
        let read = sources.inputs + (bands.map { [URL(fileURLWithPath: $0)] } ?? [])
        if let input = OutputFolder.input(read, inside: URL(fileURLWithPath: out)) {
            throw ValidationError("""
                --out \(out) holds \(input.relativePath), an input of the report: the report replaces the whole folder; choose another --out
                """)
        }
        let folder = try OutputFolder(URL(fileURLWithPath: out), mayReplace: Provenance.checkReplaceable)
        Provenance.hashOutputsAsWritten()
        let started = SourceDateEpoch.now()
        let loaded = try LoadedStudies.load(sources)
        var o = StudyReport.Options(kind: try site.single(in: loaded.study, command: "report")!)
        o.minutes = minutes
        o.newSites = newSites
        o.language = language.lang
        o.title = title
        o.source = source
        o.catchmentMinutes = catchmentMinutes
        o.bands = try bands.map { try APLParameters.bands(from: URL(fileURLWithPath: $0)) }
        o.territoryLabel = territoryLabel
        o.publishing = publishing.guarding
        o.uncertainty = uncertainty.options
        let written = try StudyReport.writeReporting(loaded.study, name: studyName(sources), options: o, to: folder.staging, inputs: read,
                                                     measured: loaded.measures, projected: loaded.projections)
        var files = written.files
        // In `geohealth run`, the run's provenance.json records the report.
        if !SummarySink.isCapturing {
            files.append(try StudyReport.writeProvenance(in: folder.staging, inputs: read, arguments: Array(CommandLine.arguments.dropFirst()), started: started))
        }
        TestHook.step("report written")
        try folder.commit()
        var summary = Summary([("folder", .string(out)), ("files", .strings(files))])
        if let secrecy = written.secrecy { summary["secrecy"] = PublishingGuard.section(secrecy) }
        output.print(summary, command: "report")
        KeptUntilExit.keep(loaded)
    }

    /// The study's name for the default title: the départements of a regional study (the
    /// library says them in the report's language), else the study folder, else the folder or
    /// file of the communes.
    func studyName(_ sources: StudySources) -> StudyReport.StudyName {
        if let departements = sources.departements { return .departements(departements) }
        if let folder = inputs.folder { return .named(URL(fileURLWithPath: folder).lastPathComponent) }
        if let areas = inputs.areas.first { return .named(URL(fileURLWithPath: areas).deletingPathExtension().lastPathComponent) }
        return .named(sources.areas[0].deletingPathExtension().lastPathComponent)
    }
}
