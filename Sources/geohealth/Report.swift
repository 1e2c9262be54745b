import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoHealthKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A readable Markdown report of a study with its maps and charts: travel, CPTS coverage, accessibility and inequality, gap zones, new sites.",
        discussion: """
            Runs the other analyses with their defaults for one site kind and threshold and writes report.md, SVG maps and charts, and the GeoJSON/CSV tables into the output folder.

            Examples:
              geohealth report geodata --site-kind msp --minutes 15 --out /tmp/report
              geohealth report geodata --site-kind hospital --minutes 30 --new-sites 2 --lang en --out /tmp/report-en
            """)

    @OptionGroup var inputs: StudyInputOptions

    @Option(name: .customLong("site-kind"), help: "The kind of site the report is about.")
    var siteKind: String

    @Option(help: "Travel-time threshold in minutes.")
    var minutes = 15.0

    @Option(help: "How many new sites to propose (0: none).")
    var newSites = 3

    @Option(help: "Language: fr or en.")
    var lang: MapLabels.Language = .fr

    @Option(help: "Title of the report (default: 'Accès aux soins — <study>').")
    var title: String?

    @Option(help: "Source line under the title and on the maps (default: 'GeoHealth — <study>').")
    var source: String?

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard minutes > 0, newSites >= 0 else { throw ValidationError("--minutes must be positive and --new-sites ≥ 0") }
    }

    func run() throws {
        output.showProgress()
        let sources = try inputs.sources()
        let loaded = try StudyLoader.load(sources)
        var o = StudyReport.Options(kind: SiteKind(siteKind.lowercased()))
        o.minutes = minutes
        o.newSites = newSites
        o.language = lang
        o.title = title
        o.source = source
        let name = inputs.folder.map { URL(fileURLWithPath: $0).lastPathComponent } ?? sources.areas.first!.deletingPathExtension().lastPathComponent
        let files = try StudyReport.write(loaded.study, sourceName: name, options: o, to: URL(fileURLWithPath: out), inputs: sources.inputs)
        output.print(Summary([("folder", .string(out)), ("files", .strings(files))]), command: "report")
        KeptUntilExit.keep(loaded)
    }
}
