import Foundation
import Accessibility
import Cartography
import GeoCore
import GeoIO
import Inequality

/// The report's sections, each stating the parameters its analysis ran with (read from the
/// analysis's options or results) and describing the reported communes only.
extension ReportWriter {
    var kind: String { options.kind.rawValue }
    var minutesText: String { n.decimal(options.minutes, 1) }

    mutating func addMethod() throws {
        let cost = travel.options.cost
        doc.add(.heading(t("Méthode", "Method")))
        doc.add(.paragraph(t(
            "Temps de trajet de chaque commune (point intérieur) au site le plus proche : \(costText(cost)), au-delà de \(n.decimal(cost.maxMinutes, 0)) minutes la commune est « hors d'atteinte ».\(cost.intraCommune == .zero ? " Un site situé dans la commune est à 0 minute de ses habitants." : "") Seuil étudié : \(minutesText) minutes pour \(labels.all(kind)).",
            "Travel time from each commune (an interior point) to the nearest site: \(costText(cost)); beyond \(n.decimal(cost.maxMinutes, 0)) minutes a commune is \"unreachable\".\(cost.intraCommune == .zero ? " A site inside a commune is at 0 minutes from its residents." : "") Threshold: \(minutesText) minutes to \(labels.all(kind)).")))
        doc.add(.paragraph(t("Accessibilité : \(accessMethodText()). Unité : \(accessUnit) (\(supplyNote)).",
                             "Accessibility: \(accessMethodText()). Unit: \(accessUnit) (\(supplyNote)).")))
        if study.studyArea != nil {
            let buffer = study.areas.count - travel.study.areas.count
            doc.add(.paragraph(t(
                "Étude régionale : seules les \(n.int(Double(travel.study.areas.count))) communes de la zone d'étude sont décrites ; \(n.int(Double(buffer))) communes voisines (zone tampon) et leurs sites comptent dans les aires de chalandise.",
                "Regional study: only the \(n.int(Double(travel.study.areas.count))) communes of the study area are described; \(n.int(Double(buffer))) neighbouring communes (the buffer) and their sites take part in the catchments.")))
        }
    }

    /// The travel-cost model as the analysis ran it.
    func costText(_ cost: CostModelOptions) -> String {
        switch cost.kind {
        case .straight: t("distance en ligne droite × \(n.decimal(cost.detourFactor, 2)) à \(n.decimal(cost.speedKmh, 0)) km/h",
                          "straight-line distance × \(n.decimal(cost.detourFactor, 2)) at \(n.decimal(cost.speedKmh, 0)) km/h")
        case .network: t("plus court temps sur le réseau routier \(cost.roads?.lastPathComponent ?? "")", "shortest time on the road network \(cost.roads?.lastPathComponent ?? "")")
        case .matrix: t("temps du distancier \(cost.od?.lastPathComponent ?? "")", "times of the origin–destination matrix \(cost.od?.lastPathComponent ?? "")")
        }
    }

    /// "E2SFCA (Luo et Qi, 2009), aire de chalandise de 30 minutes en 3 bandes 0–10, 10–20 et
    /// 20–30 minutes pondérées 1 ; 0,68 ; 0,22": the method, catchment and bands the analysis
    /// used. Bands are shown up to the catchment, beyond which nothing is counted.
    func accessMethodText() -> String {
        let catchment = n.decimal(access.catchmentMinutes, 1)
        let name = access.options.method == .enhanced ? "E2SFCA (\(t("Luo et Qi", "Luo and Qi")), 2009)" : access.options.method.rawValue.uppercased()
        guard case .steps(let all) = access.decay else {
            return t("\(name), aire de chalandise de \(catchment) minutes", "\(name), \(catchment)-minute catchment")
        }
        var lower = 0.0
        var ranges: [String] = [], weights: [String] = []
        for band in all where lower < access.catchmentMinutes {
            ranges.append("\(n.decimal(lower, 1))–\(n.decimal(min(band.upTo, access.catchmentMinutes), 1))")
            weights.append(n.decimal(band.weight, 2))
            lower = band.upTo
        }
        let list = ranges.count > 1 ? ranges.dropLast().joined(separator: ", ") + t(" et ", " and ") + ranges.last! : ranges.joined()
        let bands = ranges.count == 1 ? t("une bande", "one band") : t("\(ranges.count) bandes", "\(ranges.count) bands")
        return t("\(name), aire de chalandise de \(catchment) minutes en \(bands) \(list) minutes pondérées \(weights.joined(separator: " ; "))",
                 "\(name), \(catchment)-minute catchment in \(bands) \(list) minutes weighted \(weights.joined(separator: ", "))")
    }

    /// The unit of the access values as computed: what a site's supply counts, per `per` inhabitants.
    var accessUnit: String {
        let per = n.int(access.options.per)
        switch access.supplyUnit {
        case .sites: return t("sites pour \(per) habitants", "sites per \(per) inhabitants")
        case .capacity: return t("capacité des sites pour \(per) habitants", "site capacity per \(per) inhabitants")
        case .consultations: return t("consultations par habitant et par an", "consultations per inhabitant per year")
        }
    }

    var supplyNote: String {
        switch access.supplyUnit {
        case .sites: t("aucun site n'a de capacité : chacun compte 1", "no site has a capacity: each counts 1")
        case .capacity: t("chaque site compte pour sa capacité", "each site counts its capacity")
        case .consultations(let field): t("activité des médecins, colonne \(field)", "the GPs' activity, column \(field)")
        }
    }

    mutating func addTravel() throws {
        let times = travel.kinds[0].nearest.map { $0?.minutes }
        let layer = folder.appendingPathComponent("travel.geojson")
        try travel.table.write(to: layer, inputs: inputs)
        files.append("travel.geojson")
        let title = t("Temps d'accès \(labels.toNearest(kind))", "Travel time \(labels.toNearest(kind))")
        try map(layer, field: "\(kind)_minutes", title: title, to: "map-travel.svg")
        let maxMinutes = n.decimal(travel.options.cost.maxMinutes, 0)
        let beyond = TravelStatistics.weightBeyond(options.minutes, times: times, weights: population)
        doc.add(.heading(t("Temps d'accès", "Travel time")))
        doc.add(.figure(file: "map-travel.svg", alt: title))
        doc.add(.table(header: [t("indicateur", "indicator"), t("valeur", "value")], rows: [
            [t("temps moyen (pondéré par la population)", "mean time (population-weighted)"), TravelStatistics.weightedMean(times, weights: population).map { n.decimal($0, 1) + " min" } ?? "—"],
            [t("population à plus de \(minutesText) min", "population beyond \(minutesText) min"), "\(n.int(beyond)) (\(percent(beyond)))"],
            [t("communes hors d'atteinte (plus de \(maxMinutes) min)", "communes beyond reach (over \(maxMinutes) min)"), n.int(Double(times.filter { $0 == nil }.count))],
        ], numeric: [false, true]))
    }

    mutating func addCoverage() throws {
        guard !study.territories.isEmpty else { return }
        let coverage = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
        let residents = coverage.study.areas.map { $0.population ?? 0 }
        let covered = zip(residents, coverage.shareInAny).reduce(0) { $0 + $1.0 * $1.1 }
        let outside = residents.reduce(0, +) - covered
        let label = options.territoryLabel
        doc.add(.heading(t("Couverture par les \(label)", "\(label) coverage")))
        doc.add(.paragraph(t(
            "\(n.int(Double(study.territories.count))) territoires ; \(n.int(covered)) habitants couverts (\(percent(covered))), \(n.int(outside)) hors \(label) (population répartie au prorata de la surface couverte).",
            "\(n.int(Double(study.territories.count))) territories; \(n.int(covered)) inhabitants covered (\(percent(covered))), \(n.int(outside)) outside every \(label) (population shared in proportion to the area covered).")))
    }

    mutating func addAccess() throws {
        let layer = folder.appendingPathComponent("access.geojson")
        try access.table.write(to: layer, inputs: inputs)
        files.append("access.geojson")
        let title = t("Accessibilité \(access.options.method == .enhanced ? "E2SFCA" : access.options.method.rawValue) (\(accessUnit))",
                      "\(access.options.method == .enhanced ? "E2SFCA" : access.options.method.rawValue) accessibility (\(accessUnit))")
        try map(layer, field: "access", title: title, to: "map-access.svg", legend: accessUnit, scheme: .quantiles, palette: "YlGnBu")
        let residents = access.study.areas.map { $0.population ?? 0 }
        let values = try WeightedValues(access.access, weights: residents)
        let lorenz = try Lorenz(values)
        let lorenzTitle = t("Courbe de Lorenz de l'accessibilité", "Lorenz curve of accessibility")
        try ChartMaker.write(Chart.lorenz([(labels.communes, lorenz.points.map { ($0.population, $0.value) }, lorenz.gini)], title: lorenzTitle, labels: labels),
                             to: folder.appendingPathComponent("chart-lorenz.svg"), inputs: inputs)
        files.append("chart-lorenz.svg")
        doc.add(.heading(t("Accessibilité et inégalités", "Accessibility and inequality")))
        doc.add(.figure(file: "map-access.svg", alt: title))
        doc.add(.figure(file: "chart-lorenz.svg", alt: lorenzTitle))
        doc.add(.table(header: [t("indice", "index"), t("valeur", "value")], rows: [
            [t("accessibilité moyenne (\(accessUnit))", "mean accessibility (\(accessUnit))"), n.decimal(values.mean, 1)],
            ["Gini", n.decimal(lorenz.gini, 3)],
            ["Theil T", n.decimal(try Theil.t(values), 3)],
            ["Atkinson (ε = \(n.decimal(0.5, 1)))", n.decimal(try values.atkinson(0.5), 3)],
            [t("population sans accès", "population with no access"), n.int(zip(access.access, residents).reduce(0) { $0 + ($1.0 == 0 ? $1.1 : 0) })],
        ], numeric: [false, true]))
    }

    mutating func addGaps() throws {
        var gapOptions = GapsAnalysis.Options()
        gapOptions.travelKind = options.kind
        gapOptions.minutesAbove = options.minutes
        gapOptions.outsideCPTS = !study.territories.isEmpty
        let gaps = try GapsAnalysis.run(study, options: gapOptions)
        try gaps.writeZones(to: folder.appendingPathComponent("gaps.geojson"), inputs: inputs)
        try gaps.writeZones(to: folder.appendingPathComponent("gaps.csv"), inputs: inputs)
        files += ["gaps.geojson", "gaps.csv"]
        let title = t("Zones de carence", "Gap zones")
        try map(folder.appendingPathComponent("travel.geojson"), field: "\(kind)_minutes", title: title, to: "map-gaps.svg", hatched: folder.appendingPathComponent("gaps.geojson"))
        let limit = n.decimal(gapOptions.minutesAbove!, 1), label = options.territoryLabel
        doc.add(.heading(title))
        doc.add(.paragraph(t(
            "Une commune est en carence quand \(labels.nearest(kind)) est à plus de \(limit) minutes\(gapOptions.outsideCPTS ? " ou qu'elle est hors \(label)" : "") ; les communes voisines en carence forment des zones, nommées d'après leur commune la plus peuplée et classées par population.",
            "A commune is under-served when \(labels.nearest(kind)) is more than \(limit) minutes away\(gapOptions.outsideCPTS ? " or it lies outside every \(label)" : ""); neighbouring under-served communes form zones, named after their most populous commune and ranked by population.")))
        doc.add(.figure(file: "map-gaps.svg", alt: title))
        doc.add(.table(header: [t("rang", "rank"), "zone", t("habitants", "inhabitants"), "communes", "km²", t("temps moyen (min)", "mean time (min)")],
                       rows: gaps.zones.prefix(10).map { z in
                           [String(z.rank), gaps.zoneName(z), n.int(z.population), n.int(Double(z.communes.count)), n.decimal(z.areaKm2, 0), z.meanMinutes.map { n.decimal($0, 1) } ?? "—"]
                       }, numeric: [true, false, true, true, true, true]))
    }

    mutating func addSiting() throws {
        guard options.newSites > 0 else { return }
        var siting = SitingAnalysis.Options(kind: options.kind)
        siting.k = options.newSites
        siting.thresholdMinutes = options.minutes
        let result = try SitingAnalysis.run(study, options: siting)
        let limit = n.decimal(siting.thresholdMinutes, 1)
        let title = t("Population à plus de \(limit) min, avant et après", "Population beyond \(limit) min, before and after")
        try ChartMaker.write(try Chart.bars(groups: ["> \(labels.number(siting.thresholdMinutes)) \(labels.minutes)"], series: [labels.before, labels.after],
                                            values: [[result.before.populationBeyond, result.after.populationBeyond]],
                                            title: title, yLabel: t("habitants", "inhabitants"), labels: labels),
                             to: folder.appendingPathComponent("chart-siting.svg"), inputs: inputs)
        files.append("chart-siting.svg")
        doc.add(.heading(t("Où implanter \(labels.count(siting.k, of: kind))", "Where to add \(labels.count(siting.k, of: kind))")))
        doc.add(.paragraph(t("Couverture maximale (glouton paresseux puis échanges) parmi les communes ; habitants ramenés à moins de \(limit) minutes :",
                             "Maximal covering (lazy greedy, then interchange) among the communes; inhabitants brought within \(limit) minutes:")))
        doc.add(.orderedList(result.chosen.map { "\($0.name)\(t(" : ", ": "))+\(n.int($0.newlyCovered))" }))
        doc.add(.figure(file: "chart-siting.svg", alt: title))
    }

    /// A choropleth of `field` of `layer` into `file` of the report's folder, with the report's
    /// language, data line and territory name; the legend heading is `legend` (nil: the map's
    /// default, "Temps (minutes)" for a travel time).
    mutating func map(_ layer: URL, field: String, title: String, to file: String, legend: String? = nil,
                      scheme: MapMaker.Scheme = .fisherJenks, palette: String = "YlOrRd", hatched: URL? = nil) throws {
        var map = MapMaker.Options(field: field)
        map.title = title
        map.legendTitle = legend
        map.scheme = scheme
        map.palette = palette
        map.hatched = hatched
        map.language = options.language
        map.territoryLabel = options.territoryLabel
        map.source = dataLine
        _ = try MapMaker.make(layer, options: map, output: folder.appendingPathComponent(file), inputs: inputs)
        files.append(file)
    }
}
