import Foundation
import Accessibility
import Cartography
import GeoCore
import GeoIO
import Inequality

/// `geohealth report`: the whole analysis of a study folder in one readable report — Markdown
/// and a self-contained HTML page — with its maps and charts, for a planner to read first and to paste from: CPTS coverage, travel
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
        /// The report's title (default: "Accès aux soins — NAME" of the study).
        public var title: String?
        /// Where the data come from, printed under the title and on every map.
        public var source: String?
        public init(kind: SiteKind) { self.kind = kind }
    }

    /// Writes `report.md` and `report.html` (self-contained), the SVG maps and charts, and the
    /// GeoJSON/CSV tables into `folder`; returns the files written.
    public static func write(_ study: Study, sourceName: String, options: Options, to folder: URL, inputs: [URL]) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fr = options.language == .fr
        let labels = MapLabels(options.language)
        let kindName = labels.kind(options.kind.rawValue)
        let n = ReportNumbers(french: fr)
        let minutesText = n.decimal(options.minutes, 1)
        let population = study.areas.map { $0.population ?? 0 }
        let total = population.reduce(0, +)
        func pct(_ x: Double) -> String { n.percent(total > 0 ? x / total : 0) }
        let source = options.source ?? "GeoHealth — \(sourceName)"
        var files: [String] = []
        var doc = ReportDocument(
            title: options.title ?? "\(fr ? "Accès aux soins" : "Access to care") — \(sourceName)",
            subtitle: fr ? "\(n.int(Double(study.areas.count))) communes, \(n.int(total)) habitants, \(n.int(Double(study.sites.count))) sites. Source : \(source)."
                         : "\(n.int(Double(study.areas.count))) communes, \(n.int(total)) inhabitants, \(n.int(Double(study.sites.count))) sites. Source: \(source).",
            language: fr ? "fr" : "en")

        // Travel.
        var travelOptions = TravelAnalysis.Options()
        travelOptions.kinds = [options.kind]
        travelOptions.thresholds = [options.minutes, options.minutes * 2]
        travelOptions.groupBy = options.groupBy
        let travel = try TravelAnalysis.run(study, options: travelOptions)
        let cost = travelOptions.cost
        let times = travel.kinds[0].nearest.map { $0?.minutes }
        let travelLayer = folder.appendingPathComponent("travel.geojson")
        try travel.table.write(to: travelLayer, inputs: inputs)
        var map = MapMaker.Options(field: "\(options.kind)_minutes")
        map.title = fr ? "Temps d'accès : \(kindName) le plus proche" : "Travel time to the nearest \(kindName)"
        map.language = options.language
        map.source = source
        _ = try MapMaker.make(travelLayer, options: map, output: folder.appendingPathComponent("map-travel.svg"), inputs: inputs)
        files += ["travel.geojson", "map-travel.svg"]

        // Accessibility (computed here to state its method with the others).
        var accessOptions = AccessAnalysis.Options()
        accessOptions.kinds = [options.kind]
        accessOptions.per = 100_000
        accessOptions.groupBy = options.groupBy
        let access = try AccessAnalysis.run(study, options: accessOptions)
        let catchment = accessOptions.catchmentMinutes ?? 30

        doc.add(.heading(fr ? "Méthode" : "Method"))
        doc.add(.paragraph(fr
            ? "Temps de trajet de chaque commune (point intérieur) au site le plus proche : distance en ligne droite × \(n.decimal(cost.detourFactor, 2)) à \(n.decimal(cost.speedKmh, 0)) km/h, au-delà de \(n.decimal(cost.maxMinutes, 0)) minutes la commune est « hors d'atteinte ». Seuil étudié : \(minutesText) minutes pour les sites de type \(kindName)."
            : "Travel time from each commune (an interior point) to the nearest site: straight-line distance × \(n.decimal(cost.detourFactor, 2)) at \(n.decimal(cost.speedKmh, 0)) km/h; beyond \(n.decimal(cost.maxMinutes, 0)) minutes a commune is \"unreachable\". Threshold: \(minutesText) minutes to a site of kind \(kindName)."))
        doc.add(.paragraph(fr
            ? "Accessibilité : E2SFCA (Luo et Qi, 2009), aire de chalandise de \(n.decimal(catchment, 0)) minutes en trois bandes 0–10, 10–20 et 20–30 minutes pondérées 1 ; 0,68 ; 0,22. Unité : sites pour \(n.int(100_000)) habitants (chaque site compte pour sa capacité, 1 sans capacité)."
            : "Accessibility: E2SFCA (Luo and Qi, 2009), \(n.decimal(catchment, 0))-minute catchment in three bands 0–10, 10–20 and 20–30 minutes weighted 1, 0.68, 0.22. Unit: sites per \(n.int(100_000)) inhabitants (each site counts its capacity, 1 without one)."))

        doc.add(.heading(fr ? "Temps d'accès" : "Travel time"))
        doc.add(.figure(file: "map-travel.svg", alt: map.title ?? ""))
        let beyond = TravelStatistics.weightBeyond(options.minutes, times: times, weights: population)
        doc.add(.table(header: [fr ? "indicateur" : "indicator", fr ? "valeur" : "value"], rows: [
            [fr ? "temps moyen (pondéré par la population)" : "mean time (population-weighted)", TravelStatistics.weightedMean(times, weights: population).map { n.decimal($0, 1) + " min" } ?? "—"],
            [fr ? "population à plus de \(minutesText) min" : "population beyond \(minutesText) min", "\(n.int(beyond)) (\(pct(beyond)))"],
            [fr ? "communes hors d'atteinte (plus de \(n.decimal(cost.maxMinutes, 0)) min)" : "communes beyond reach (over \(n.decimal(cost.maxMinutes, 0)) min)", n.int(Double(times.filter { $0 == nil }.count))],
        ], numeric: [false, true]))

        // Coverage by the territories.
        if !study.territories.isEmpty {
            let coverage = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
            let covered = zip(population, coverage.shareInAny).reduce(0) { $0 + $1.0 * $1.1 }
            doc.add(.heading(fr ? "Couverture par les CPTS" : "CPTS coverage"))
            doc.add(.paragraph(fr
                ? "\(study.territories.count) territoires ; \(n.int(covered)) habitants couverts (\(pct(covered))), \(n.int(total - covered)) hors CPTS (population répartie au prorata de la surface couverte)."
                : "\(study.territories.count) territories; \(n.int(covered)) inhabitants covered (\(pct(covered))), \(n.int(total - covered)) outside every CPTS (population shared in proportion to the area covered)."))
        }

        let accessLayer = folder.appendingPathComponent("access.geojson")
        try access.table.write(to: accessLayer, inputs: inputs)
        var accessMap = MapMaker.Options(field: "access")
        accessMap.scheme = .quantiles
        accessMap.palette = "YlGnBu"
        accessMap.title = fr ? "Accessibilité E2SFCA (pour 100 000 habitants)" : "E2SFCA accessibility (per 100,000 inhabitants)"
        accessMap.language = options.language
        accessMap.source = source
        _ = try MapMaker.make(accessLayer, options: accessMap, output: folder.appendingPathComponent("map-access.svg"), inputs: inputs)
        let values = try WeightedValues(access.access, weights: population)
        let lorenz = try Lorenz(values)
        let lorenzTitle = fr ? "Courbe de Lorenz de l'accessibilité" : "Lorenz curve of accessibility"
        try ChartMaker.write(Chart.lorenz([("communes", lorenz.points.map { ($0.population, $0.value) }, lorenz.gini)], title: lorenzTitle, labels: labels),
                             to: folder.appendingPathComponent("chart-lorenz.svg"), inputs: inputs)
        files += ["access.geojson", "map-access.svg", "chart-lorenz.svg"]
        doc.add(.heading(fr ? "Accessibilité et inégalités" : "Accessibility and inequality"))
        doc.add(.figure(file: "map-access.svg", alt: accessMap.title ?? ""))
        doc.add(.figure(file: "chart-lorenz.svg", alt: lorenzTitle))
        doc.add(.table(header: [fr ? "indice" : "index", fr ? "valeur" : "value"], rows: [
            [fr ? "accessibilité moyenne (pour 100 000 habitants)" : "mean accessibility (per 100,000 inhabitants)", n.decimal(values.mean, 1)],
            ["Gini", n.decimal(lorenz.gini, 3)],
            ["Theil T", n.decimal(try Theil.t(values), 3)],
            ["Atkinson (ε = \(n.decimal(0.5, 1)))", n.decimal(try values.atkinson(0.5), 3)],
            [fr ? "population sans accès" : "population with no access", n.int(zip(access.access, population).reduce(0) { $0 + ($1.0 == 0 ? $1.1 : 0) })],
        ], numeric: [false, true]))

        // Gaps.
        var gapOptions = GapsAnalysis.Options()
        gapOptions.travelKind = options.kind
        gapOptions.minutesAbove = options.minutes
        gapOptions.outsideCPTS = !study.territories.isEmpty
        let gaps = try GapsAnalysis.run(study, options: gapOptions)
        try gaps.writeZones(to: folder.appendingPathComponent("gaps.geojson"), inputs: inputs)
        try gaps.writeZones(to: folder.appendingPathComponent("gaps.csv"), inputs: inputs)
        var gapMap = MapMaker.Options(field: "\(options.kind)_minutes")
        gapMap.title = fr ? "Zones de carence" : "Gap zones"
        gapMap.hatched = folder.appendingPathComponent("gaps.geojson")
        gapMap.language = options.language
        gapMap.source = source
        _ = try MapMaker.make(travelLayer, options: gapMap, output: folder.appendingPathComponent("map-gaps.svg"), inputs: inputs)
        files += ["gaps.geojson", "gaps.csv", "map-gaps.svg"]
        doc.add(.heading(fr ? "Zones de carence" : "Gap zones"))
        doc.add(.paragraph(fr
            ? "Une commune est en carence quand le site le plus proche de type \(kindName) est à plus de \(minutesText) minutes\(gapOptions.outsideCPTS ? " ou qu'elle est hors CPTS" : "") ; les communes voisines en carence forment des zones, nommées d'après leur commune la plus peuplée et classées par population."
            : "A commune is under-served when the nearest \(kindName) is more than \(minutesText) minutes away\(gapOptions.outsideCPTS ? " or it lies outside every CPTS" : ""); neighbouring under-served communes form zones, named after their most populous commune and ranked by population."))
        doc.add(.figure(file: "map-gaps.svg", alt: gapMap.title ?? ""))
        doc.add(.table(header: [fr ? "rang" : "rank", "zone", fr ? "habitants" : "inhabitants", "communes", "km²", fr ? "temps moyen (min)" : "mean time (min)"],
                       rows: gaps.zones.prefix(10).map { z in
                           [String(z.rank), gaps.zoneName(z), n.int(z.population), n.int(Double(z.communes.count)), n.decimal(z.areaKm2, 0), z.meanMinutes.map { n.decimal($0, 1) } ?? "—"]
                       }, numeric: [true, false, true, true, true, true]))

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
            doc.add(.heading("\(fr ? "Où implanter" : "Where to add") \(options.newSites) \(kindName)"))
            doc.add(.paragraph(fr ? "Couverture maximale (glouton paresseux puis échanges) parmi les communes ; habitants ramenés à moins de \(minutesText) minutes :"
                                  : "Maximal covering (lazy greedy, then interchange) among the communes; inhabitants brought within \(minutesText) minutes:"))
            doc.add(.orderedList(result.chosen.map { "\($0.name) : +\(n.int($0.newlyCovered))" }))
            doc.add(.figure(file: "chart-siting.svg", alt: fr ? "Population à plus de \(minutesText) min, avant et après" : "Population beyond \(minutesText) min, before and after"))
        }
        doc.add(.note(fr ? "Produit par GeoHealth \(GeoHealthKitInfo.version). Données : \(source)." : "Made with GeoHealth \(GeoHealthKitInfo.version). Data: \(source)."))
        try OutputFile.write(Array(doc.markdown().utf8), to: folder.appendingPathComponent("report.md"), inputs: inputs)
        try OutputFile.write(Array(try doc.html(folder: folder).utf8), to: folder.appendingPathComponent("report.html"), inputs: inputs)
        return ["report.md", "report.html"] + files
    }
}
