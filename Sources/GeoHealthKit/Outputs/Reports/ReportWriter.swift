import Foundation
import Accessibility
import Cartography
import GeoCore
import GeoIO

/// The report being written (``StudyReport``): the travel and accessibility analyses it
/// describes from its first lines, its words and numbers in the report's language, and the
/// document and files made so far. Sections are added in order (`ReportWriter+Sections.swift`).
struct ReportWriter {
    let study: Study
    let options: StudyReport.Options
    let folder: URL
    let inputs: [URL]
    /// The report's words (``ReportText``), the maps' (``MapLabels``) and its numbers' style.
    let text: ReportText
    let labels: MapLabels
    let n: ReportNumbers
    /// "Source : …" or "Données : fichiers …", under the title, on the maps and in the note.
    let dataLine: String
    let travel: TravelAnalysis
    let access: AccessAnalysis
    /// The gap rules of the report (travel beyond its threshold; outside the territories when
    /// there are some) and the gaps they give, computed on another thread while the travel and
    /// access tables and maps are written (the polygons are shared, never copied: see
    /// ``projected``); waited for by ``addGaps()`` and, on every way out, by
    /// ``StudyReport/write(_:name:options:to:inputs:)``.
    let gapOptions: GapsAnalysis.Options
    let gaps: Background<GapsAnalysis>
    /// The study projected once for the travel, access, gaps and siting analyses; its
    /// polygons, which the gaps' contiguity needs, become the maps' (``mapLayer``).
    var projected: ProjectedStudy?
    /// Where new sites would help most, computed on another thread while the tables and maps
    /// are written (``StudyReport/write(_:name:options:to:inputs:)`` waits for it before any
    /// error is thrown); nil without new sites.
    let siting: Background<SitingAnalysis>?
    /// The travel layer read back and projected once for the maps (``MapMaker/readLayer(_:field:crs:)``):
    /// the travel, access and gaps maps draw the same polygons; dropped after the last map.
    var mapLayer: MapMaker.Layer?
    /// The travel and access layers being written (``startWritingLayers()``).
    var layers: Background<Void>?
    /// The travel table as written (guarded when the report publishes), for the travel map.
    var travelLayer: CommuneTable?
    var doc: ReportDocument
    var files: [String] = []
    /// What the publishing guard hid in the tables written so far (nil without one).
    var secrecy: SecrecyReport?
    /// The codes of the communes whose population the guarded tables hide.
    var hiddenPopulations = Set<String>()

    /// `ahead`: the areas' measures and projected polygons computed by the loader, if any.
    init(_ study: Study, name: StudyReport.StudyName, options: StudyReport.Options, folder: URL, inputs: [URL],
         ahead: (measured: [AreaMeasure?]?, projected: [Geometry?]?) = (nil, nil)) throws {
        self.study = study
        self.options = options
        self.folder = folder
        self.inputs = inputs
        text = ReportText.of(options.language)
        labels = MapLabels(options.language, territoryName: options.territoryLabel)
        n = text.numbers
        dataLine = Self.dataLine(source: options.source, inputs: inputs, text: text)

        var travelOptions = TravelAnalysis.Options()
        travelOptions.kinds = [options.kind]
        travelOptions.thresholds = [options.minutes, options.minutes * 2]
        travelOptions.groupBy = options.groupBy
        // One projection for travel, access, gaps and siting (each projected the study itself before).
        var projecting = try ProjectedStudy(study, measured: ahead.measured, projected: ahead.projected)
        projecting.rememberSiteAreas(of: study)  // asked for by every analysis below
        let projected = projecting
        self.projected = projected
        // The gaps (contiguity and dissolves in GEOS) and the siting, the longest steps, start
        // first, each on its own thread; travel and access are computed meanwhile.
        var gapOptions = GapsAnalysis.Options()
        gapOptions.travelKind = options.kind
        gapOptions.minutesAbove = options.minutes
        gapOptions.outsideCPTS = !study.territories.isEmpty
        gapOptions.uncertainty = options.uncertainty.map { var u = $0; u.access = Self.accessOptions(options); return u }
        self.gapOptions = gapOptions
        gaps = Background { [gapOptions] in try GapsAnalysis.run(study, options: gapOptions, projected: projected) }
        siting = Self.startSiting(study, options: options, projected: projected)
        do {
            travel = try TravelAnalysis.run(study, options: travelOptions, projected: projected)
            access = try AccessAnalysis.run(study, options: Self.accessOptions(options), projected: projected)
        } catch {  // never throw while the gaps or the siting still run
            _ = gaps.wait()
            _ = siting?.wait()
            throw error
        }

        doc = ReportDocument(title: options.title ?? text.title(name.text(text)), subtitle: nil, language: text.languageCode)
        doc.subtitle = subtitle()
    }

    /// The accessibility options of the report: E2SFCA per 100,000 of its kind, with its
    /// catchment and bands when given.
    static func accessOptions(_ options: StudyReport.Options) -> AccessAnalysis.Options {
        var access = AccessAnalysis.Options()
        access.kinds = [options.kind]
        access.per = 100_000
        access.groupBy = options.groupBy
        access.catchmentMinutes = options.catchmentMinutes
        access.bands = options.bands
        return access
    }

    /// The siting of the report's new sites (MCLP within its threshold), started on another
    /// thread with the projected points (the polygons stay for the maps); nil without new sites.
    static func startSiting(_ study: Study, options: StudyReport.Options, projected: ProjectedStudy) -> Background<SitingAnalysis>? {
        guard options.newSites > 0 else { return nil }
        let siting = sitingOptions(options)
        let points = { var p = projected; p.geometries = []; return p }()
        return Background { try SitingAnalysis.run(study, options: siting, projected: points) }
    }

    /// The siting options of the report: `newSites` sites of its kind within its threshold.
    static func sitingOptions(_ options: StudyReport.Options) -> SitingAnalysis.Options {
        var siting = SitingAnalysis.Options(kind: options.kind)
        siting.k = options.newSites
        siting.thresholdMinutes = options.minutes
        return siting
    }

    /// The reported communes' residents (the analyses' own study, without a regional buffer).
    var population: [Double] { travel.study.areas.map { $0.population ?? 0 } }

    /// The share of the reported population, as a percentage ("secret" when the count is).
    func percent(_ x: Double) -> String {
        if isSecret(x) { return text.secret(String(options.publishing!.rule.minimumPeople)) }
        let total = population.reduce(0, +)
        return n.percent(total > 0 ? x / total : 0)
    }

    /// A count of people, or "secret (< 11)" when the publishing guard's rule hides it.
    func people(_ x: Double) -> String {
        isSecret(x) ? text.secret(String(options.publishing!.rule.minimumPeople)) : n.int(x)
    }

    /// Whether a count of people, as printed (rounded), is under the publishing guard's threshold.
    func isSecret(_ x: Double) -> Bool {
        options.publishing?.rule.isSecret(x.rounded(), unit: .people) ?? false
    }

    /// Communes, residents and sites of the kind described, and where the data come from. For
    /// a regional study the sites are those the study area's residents reach within the
    /// catchment (a hospital across the border counts; those of the rest of the country do not).
    func subtitle() -> String {
        let communes = n.int(Double(travel.study.areas.count))
        var sites = labels.count(access.siteIndices.count, of: options.kind.rawValue)
        if study.studyArea != nil {
            let catchment = n.decimal(access.catchmentMinutes, 1)
            sites += text.withinCatchment(catchment)
        }
        return text.subtitle(communes, people(population.reduce(0, +)), sites, dataLine)
    }

    /// The source given, or the files read: "Données : fichiers communes.geojson, population.csv"
    /// (a national layer of many files is named by its folder: "communes/ (101 fichiers .geojson)").
    static func dataLine(source: String?, inputs: [URL], text: ReportText) -> String {
        if let source { return text.source(source) }
        let names = fileNames(inputs, text: text)
        guard !names.isEmpty else { return text.sourceNotStated }
        return text.dataFiles(names.joined(separator: ", "))
    }

    /// More files than this of one folder and extension are named by the folder (a layer split
    /// by département), not one by one.
    static let filesNamedByFolder = 10

    /// The inputs' file names in order, once each; the files of a folder sharing an extension,
    /// when there are more than ``filesNamedByFolder``, by the folder and their count.
    static func fileNames(_ inputs: [URL], text: ReportText) -> [String] {
        var seen = Set<String>()
        let files = inputs.filter { seen.insert($0.standardizedFileURL.path).inserted }
        func group(_ url: URL) -> String { url.deletingLastPathComponent().standardizedFileURL.path + "/*." + url.pathExtension.lowercased() }
        let counts = Dictionary(grouping: files, by: group).mapValues(\.count)
        var named = Set<String>()
        return files.compactMap { url in
            let key = group(url), count = counts[key]!
            guard count > filesNamedByFolder else { return url.lastPathComponent }
            guard named.insert(key).inserted else { return nil }
            return text.filesOfFolder(url.deletingLastPathComponent().lastPathComponent, count, url.pathExtension.lowercased())
        }
    }

    /// Writes `report.md` and `report.html` with the closing note; returns every file written.
    mutating func finish() throws -> [String] {
        try layersWritten()
        doc.add(.note(text.madeWith(GeoHealthKitInfo.version, dataLine)))
        try OutputFile.write(Array(doc.markdown().utf8), to: folder.appendingPathComponent("report.md"), inputs: inputs)
        try OutputFile.write(Array(try doc.html(folder: folder).utf8), to: folder.appendingPathComponent("report.html"), inputs: inputs)
        return ["report.md", "report.html"] + files
    }
}
