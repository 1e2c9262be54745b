import Foundation
import Accessibility
import Cartography
import GeoCore
import GeoIO
import Inequality

/// `geohealth report`: the whole analysis of a study folder in one readable Markdown report with
/// its maps and charts, for a planner to read first and to paste from: CPTS coverage, travel
/// time to the nearest site of the kind, E2SFCA accessibility and its inequality, gap zones, and
/// where k new sites would help most. Every figure comes from the analyses of the other
/// commands, with their defaults (documented there); the report says which.
public enum StudyReport {
    public struct Options: Sendable {
        public var kind: SiteKind
        public var minutes = 15.0
        public var newSites = 3
        public var language: MapLabels.Language = .fr
        public var groupBy: String?
        public init(kind: SiteKind) { self.kind = kind }
    }

    /// Writes `report.md`, the SVG maps and charts and `communes.csv` into `folder`; returns the
    /// files written.
    public static func write(_ study: Study, sourceName: String, options: Options, to folder: URL, inputs: [URL]) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fr = options.language == .fr
        let labels = MapLabels(options.language)
        let kindName = labels.kind(options.kind.rawValue)
        /// Numbers in the report's language (decimal comma in French).
        func f(_ x: Double, _ precision: Int) -> String {
            let s = NumberFormatting.string(x, precision: precision)
            return fr ? s.replacingOccurrences(of: ".", with: ",") : s
        }
        let minutesText = f(options.minutes, 1)
        let population = study.areas.map { $0.population ?? 0 }
        let total = population.reduce(0, +)
        func pct(_ x: Double) -> String { f(total > 0 ? x / total * 100 : 0, 1) + " %" }
        func int(_ x: Double) -> String { String(Int(x.rounded())) }
        var files: [String] = []
        var md = ""
        md += "# \(fr ? "Accès aux soins" : "Access to care") — \(sourceName)\n\n"
        md += fr
            ? "\(study.areas.count) communes, \(int(total)) habitants, \(study.sites.count) sites. Analyse : \(kindName), seuil de \(minutesText) minutes, trajets en ligne droite × 1,3 à 60 km/h (voir `docs/architecture.md`).\n\n"
            : "\(study.areas.count) communes, \(int(total)) inhabitants, \(study.sites.count) sites. Analysis: \(kindName), \(minutesText)-minute threshold, straight-line travel × 1.3 at 60 km/h (see `docs/architecture.md`).\n\n"

        // Travel.
        var travelOptions = TravelAnalysis.Options()
        travelOptions.kinds = [options.kind]
        travelOptions.thresholds = [options.minutes, options.minutes * 2]
        travelOptions.groupBy = options.groupBy
        let travel = try TravelAnalysis.run(study, options: travelOptions)
        let times = travel.kinds[0].nearest.map { $0?.minutes }
        let travelLayer = folder.appendingPathComponent("travel.geojson")
        try travel.table.write(to: travelLayer, areas: study.areas, inputs: inputs)
        var map = MapMaker.Options(field: "\(options.kind)_minutes")
        map.title = fr ? "Temps d'accès : \(kindName) le plus proche" : "Travel time to the nearest \(kindName)"
        map.language = options.language
        map.source = "GeoHealth — \(sourceName)"
        _ = try MapMaker.make(travelLayer, options: map, output: folder.appendingPathComponent("map-travel.svg"), inputs: inputs)
        files += ["travel.geojson", "map-travel.svg"]
        let beyond = TravelStatistics.weightBeyond(options.minutes, times: times, weights: population)
        md += "## \(fr ? "Temps d'accès" : "Travel time")\n\n![](map-travel.svg)\n\n"
        md += "| \(fr ? "indicateur" : "indicator") | \(fr ? "valeur" : "value") |\n|---|---:|\n"
        md += "| \(fr ? "temps moyen (pondéré par la population)" : "mean time (population-weighted)") | \(TravelStatistics.weightedMean(times, weights: population).map { f($0, 1) } ?? "—") min |\n"
        md += "| \(fr ? "population à plus de" : "population beyond") \(minutesText) min | \(int(beyond)) (\(pct(beyond))) |\n"
        md += "| \(fr ? "communes sans site en moins de" : "communes without a site within") \(f(travelOptions.cost.maxMinutes, 0)) min | \(times.filter { $0 == nil }.count) |\n\n"

        // Coverage by the territories.
        if !study.territories.isEmpty {
            let coverage = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
            let covered = zip(population, coverage.shareInAny).reduce(0) { $0 + $1.0 * $1.1 }
            md += "## \(fr ? "Couverture par les CPTS" : "CPTS coverage")\n\n"
            md += fr ? "\(study.territories.count) territoires ; \(int(covered)) habitants couverts (\(pct(covered))), \(int(total - covered)) hors CPTS (proportionnellement à la surface).\n\n"
                     : "\(study.territories.count) territories; \(int(covered)) inhabitants covered (\(pct(covered))), \(int(total - covered)) outside every CPTS (area-proportional).\n\n"
        }

        // Accessibility and inequality.
        var accessOptions = AccessAnalysis.Options()
        accessOptions.kinds = [options.kind]
        accessOptions.per = 100_000
        accessOptions.groupBy = options.groupBy
        let access = try AccessAnalysis.run(study, options: accessOptions)
        let accessLayer = folder.appendingPathComponent("access.geojson")
        try access.table.write(to: accessLayer, areas: study.areas, inputs: inputs)
        var accessMap = MapMaker.Options(field: "access")
        accessMap.scheme = .quantiles
        accessMap.palette = "YlGnBu"
        accessMap.title = fr ? "Accessibilité E2SFCA (pour 100 000 habitants)" : "E2SFCA accessibility (per 100,000 inhabitants)"
        accessMap.language = options.language
        accessMap.source = "GeoHealth — \(sourceName)"
        _ = try MapMaker.make(accessLayer, options: accessMap, output: folder.appendingPathComponent("map-access.svg"), inputs: inputs)
        let values = try WeightedValues(access.access, weights: population)
        let lorenz = try Lorenz(values)
        try ChartMaker.write(Chart.lorenz([(fr ? "communes" : "communes", lorenz.points.map { ($0.population, $0.value) }, lorenz.gini)],
                                          title: fr ? "Courbe de Lorenz de l'accessibilité" : "Lorenz curve of accessibility", labels: labels),
                             to: folder.appendingPathComponent("chart-lorenz.svg"), inputs: inputs)
        files += ["access.geojson", "map-access.svg", "chart-lorenz.svg"]
        md += "## \(fr ? "Accessibilité et inégalités" : "Accessibility and inequality")\n\n![](map-access.svg)\n\n![](chart-lorenz.svg)\n\n"
        md += "| \(fr ? "indice" : "index") | \(fr ? "valeur" : "value") |\n|---|---:|\n"
        md += "| Gini | \(f(lorenz.gini, 3)) |\n"
        md += "| Theil T | \(f(try Theil.t(values), 3)) |\n"
        md += "| Atkinson (ε = 0.5) | \(f(try values.atkinson(0.5), 3)) |\n"
        md += "| \(fr ? "population sans accès" : "population with no access") | \(int(zip(access.access, population).reduce(0) { $0 + ($1.0 == 0 ? $1.1 : 0) })) |\n\n"

        // Gaps.
        var gapOptions = GapsAnalysis.Options()
        gapOptions.travelKind = options.kind
        gapOptions.minutesAbove = options.minutes
        gapOptions.outsideCPTS = !study.territories.isEmpty
        let gaps = try GapsAnalysis.run(study, options: gapOptions)
        try gaps.writeZones(to: folder.appendingPathComponent("gaps.geojson"), inputs: inputs)
        try gaps.writeZonesCSV(to: folder.appendingPathComponent("gaps.csv"), inputs: inputs)
        var gapMap = MapMaker.Options(field: "\(options.kind)_minutes")
        gapMap.title = fr ? "Zones de carence" : "Gap zones"
        gapMap.hatched = folder.appendingPathComponent("gaps.geojson")
        gapMap.language = options.language
        gapMap.source = "GeoHealth — \(sourceName)"
        _ = try MapMaker.make(travelLayer, options: gapMap, output: folder.appendingPathComponent("map-gaps.svg"), inputs: inputs)
        files += ["gaps.geojson", "gaps.csv", "map-gaps.svg"]
        md += "## \(fr ? "Zones de carence" : "Gap zones")\n\n"
        md += fr ? "Une commune est en carence quand le site le plus proche de type \(kindName) est à plus de \(minutesText) minutes\(gapOptions.outsideCPTS ? " ou qu'elle est hors CPTS" : "") ; les communes voisines en carence forment des zones.\n\n"
                 : "A commune is under-served when the nearest \(kindName) is more than \(minutesText) minutes away\(gapOptions.outsideCPTS ? " or it lies outside every CPTS" : ""); neighbouring under-served communes form zones.\n\n"
        md += "![](map-gaps.svg)\n\n| \(fr ? "rang" : "rank") | \(fr ? "habitants" : "inhabitants") | communes | km² | \(fr ? "temps moyen" : "mean time") |\n|---:|---:|---:|---:|---:|\n"
        for z in gaps.zones.prefix(10) {
            md += "| \(z.rank) | \(int(z.population)) | \(z.communes.count) | \(f(z.areaKm2, 0)) | \(z.meanMinutes.map { f($0, 1) } ?? "—") |\n"
        }
        md += "\n"

        // Siting.
        if options.newSites > 0 {
            var siting = SitingAnalysis.Options(kind: options.kind)
            siting.k = options.newSites
            siting.thresholdMinutes = options.minutes
            let result = try SitingAnalysis.run(study, options: siting)
            try ChartMaker.write(try Chart.bars(groups: ["> \(labels.number(options.minutes)) \(labels.minutes)"], series: [labels.before, labels.after],
                                                values: [[result.before.populationBeyond, result.after.populationBeyond]],
                                                title: fr ? "Population à plus de \(minutesText) min, avant et après" : "Population beyond \(minutesText) min, before and after",
                                                yLabel: fr ? "habitants" : "inhabitants", labels: labels),
                                 to: folder.appendingPathComponent("chart-siting.svg"), inputs: inputs)
            files.append("chart-siting.svg")
            md += "## \(fr ? "Où implanter" : "Where to add") \(options.newSites) \(kindName)\n\n"
            md += fr ? "Couverture maximale (glouton paresseux puis échanges) parmi les communes :\n\n" : "Maximal covering (lazy greedy, then interchange) among the communes:\n\n"
            for (n, c) in result.chosen.enumerated() { md += "\(n + 1). \(c.name) : +\(int(c.newlyCovered))\n" }
            md += "\n![](chart-siting.svg)\n\n"
        }
        md += fr ? "---\nProduit par GeoHealth. Méthodes et sources : `docs/accessibility.md`, `docs/architecture.md`.\n"
                 : "---\nMade with GeoHealth. Methods and sources: `docs/accessibility.md`, `docs/architecture.md`.\n"
        try OutputFile.write(Array(md.utf8), to: folder.appendingPathComponent("report.md"), inputs: inputs)
        return ["report.md"] + files
    }
}
