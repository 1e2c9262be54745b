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
        doc.add(.heading(text.methodHeading))
        // With a start-up delay, the cost text says where the intra-commune sites stand.
        let intraZero = cost.intraCommune == .zero && !hasStartupDelay(cost)
        doc.add(.paragraph(text.travelMethod(costText(cost), n.decimal(cost.maxMinutes, 0), intraZero, minutesText, labels.all(kind))))
        doc.add(.paragraph(text.accessMethod(accessMethodText(), accessUnit, supplyNote)))
        if study.studyArea != nil {
            let buffer = study.areas.count - travel.study.areas.count
            doc.add(.paragraph(text.regionalStudy(n.int(Double(travel.study.areas.count)), n.int(Double(buffer)))))
        }
    }

    /// The travel-cost model as the analysis ran it.
    func costText(_ cost: CostModelOptions) -> String {
        var model: String
        switch cost.kind {
        case .straight: model = text.straightLine(n.decimal(cost.detourFactor, 2), n.decimal(cost.speedKmh, 0))
        case .network: model = text.network(cost.roads?.lastPathComponent ?? "")
        case .matrix: model = text.odMatrix(cost.od?.lastPathComponent ?? "")
        }
        if let time = cost.timeOfDay {
            model += text.atTimeOfDay(TimeOfDayFactors.clock(time), cost.speedFactors?.lastPathComponent ?? "standard")
        }
        guard hasStartupDelay(cost) else { return model }
        let ownDelays = travel.study.sites.contains { $0.startupMinutes != nil }
        return model + text.startupDelay(cost.startupMinutes.map { n.decimal($0, 1) }, ownDelays, cost.intraCommune == .zero)
    }

    /// Whether a start-up delay was added to the costs (``CostModelOptions/startupMinutes`` or the sites' own).
    func hasStartupDelay(_ cost: CostModelOptions) -> Bool {
        cost.startupMinutes != nil || travel.study.sites.contains { $0.startupMinutes != nil }
    }

    /// "E2SFCA (Luo et Qi, 2009), aire de chalandise de 30 minutes en 3 bandes 0–10, 10–20 et
    /// 20–30 minutes pondérées 1 ; 0,68 ; 0,22": the method, catchment and bands the analysis
    /// used. Bands are shown up to the catchment, beyond which nothing is counted.
    func accessMethodText() -> String {
        let catchment = n.decimal(access.catchmentMinutes, 1)
        let name = access.options.method == .enhanced ? "E2SFCA (\(text.luoAndQi), 2009)" : access.options.method.rawValue.uppercased()
        guard case .steps(let all) = access.decay else { return text.catchment(name, catchment) }
        var lower = 0.0
        var ranges: [String] = [], weights: [String] = []
        for band in all where lower < access.catchmentMinutes {
            ranges.append("\(n.decimal(lower, 1))–\(n.decimal(min(band.upTo, access.catchmentMinutes), 1))")
            weights.append(n.decimal(band.weight, 2))
            lower = band.upTo
        }
        let list = ranges.count > 1 ? ranges.dropLast().joined(separator: ", ") + text.and + ranges.last! : ranges.joined()
        return text.catchmentInBands(name, catchment, text.bands(ranges.count), list, weights)
    }

    /// The unit of the access values as computed: what a site's supply counts, per `per` inhabitants.
    var accessUnit: String {
        let per = n.int(access.options.per)
        switch access.supplyUnit {
        case .sites: return text.sitesPer(per)
        case .capacity: return text.capacityPer(per)
        case .consultations: return text.consultationsPerYear
        }
    }

    var supplyNote: String {
        switch access.supplyUnit {
        case .sites: text.noCapacity
        case .capacity: text.eachCountsItsCapacity
        case .consultations(let field): text.gpActivity(field)
        }
    }

    /// Starts writing `travel.geojson` and `access.geojson` on another thread, together: the
    /// same polygons, encoded once (``CommuneTable/writeGeoJSON(_:inputs:)``), while the maps
    /// are drawn from the projection. Whatever reads a layer back waits for them first
    /// (``layersWritten()``); the sections name the files.
    mutating func startWritingLayers() {
        Progress.report("writing travel.geojson and access.geojson…")
        // Guarded in the order the sections name them (the secrecy section lists them so).
        let travelTable = guarded(travel.table, file: "travel.geojson")
        travelLayer = travelTable
        let tables = [(travelTable, folder.appendingPathComponent("travel.geojson")),
                      (guarded(access.table, file: "access.geojson"), folder.appendingPathComponent("access.geojson"))]
        let inputs = inputs
        layers = Background { try CommuneTable.writeGeoJSON(tables, inputs: inputs) }
    }

    /// Waits until the layers are written (or throws why they could not be).
    func layersWritten() throws {
        try layers?.value()
    }

    mutating func addTravel() throws {
        let times = travel.kinds[0].nearest.map { $0?.minutes }
        let layer = folder.appendingPathComponent("travel.geojson")
        let table = travelLayer ?? guarded(travel.table, file: "travel.geojson")
        travelLayer = nil
        files.append("travel.geojson")
        let title = text.travelTimeTo(labels.toNearest(kind))
        try makeMapLayer(table, written: layer)
        try map(layer, field: "\(kind)_minutes", title: title, to: "map-travel.svg")
        let maxMinutes = n.decimal(travel.options.cost.maxMinutes, 0)
        let beyond = TravelStatistics.weightBeyond(options.minutes, times: times, weights: population)
        doc.add(.heading(text.travelHeading))
        doc.add(.figure(file: "map-travel.svg", alt: title))
        let meanTime = TravelStatistics.weightedMean(times, weights: population)
        doc.add(.table(header: [text.indicator, text.value], rows: [
            [text.meanTime, meanTime.map { n.decimal($0, 1) + " min" } ?? "—"],
            [text.populationBeyond(minutesText), "\(people(beyond)) (\(percent(beyond)))"],
            [text.communesBeyondReach(maxMinutes), n.int(Double(times.filter { $0 == nil }.count))],
        ], numeric: [false, true]))
    }

    /// The polygons of the three maps, once (``mapLayer``): the projected study's, handed
    /// over (the gaps, running on their own thread, share the same array, never copied; the
    /// siting needs the points only), as `table` written to `written` gives them back; else that file read back and
    /// projected (a regional study, whose table leaves the buffer out).
    mutating func makeMapLayer(_ table: CommuneTable, written: URL) throws {
        var polygons: [Geometry] = []
        if projected != nil { swap(&polygons, &projected!.geometries) }
        if !polygons.isEmpty { mapLayer = try MapMaker.Layer(table, field: "\(kind)_minutes", projected: consume polygons) }
        guard mapLayer == nil else { return }
        try layersWritten()
        Progress.report("reading and projecting \(written.lastPathComponent)…")
        mapLayer = try MapMaker.readLayer(written, field: "\(kind)_minutes", crs: nil)
    }

    mutating func addCoverage() throws {
        guard !study.territories.isEmpty else { return }
        let coverage = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
        let residents = coverage.study.areas.map { $0.population ?? 0 }
        let covered = zip(residents, coverage.shareInAny).reduce(0) { $0 + $1.0 * $1.1 }
        let outside = residents.reduce(0, +) - covered
        let label = options.territoryLabel
        doc.add(.heading(text.coverageHeading(label)))
        doc.add(.paragraph(text.coverage(n.int(Double(study.territories.count)), people(covered), percent(covered), people(outside), label)))
    }

    mutating func addAccess() throws {
        let layer = folder.appendingPathComponent("access.geojson")
        files.append("access.geojson")
        let title = text.accessMapTitle(access.options.method == .enhanced ? "E2SFCA" : access.options.method.rawValue, accessUnit)
        try map(layer, field: "access", title: title, to: "map-access.svg", legend: accessUnit, scheme: .quantiles, palette: "YlGnBu")
        let residents = access.study.areas.map { $0.population ?? 0 }
        let values = try WeightedValues(access.access, weights: residents)
        let lorenz = try Lorenz(values)
        let lorenzTitle = text.lorenzTitle
        let curve = (labels.communes, lorenz.points.map { ($0.population, $0.value) }, lorenz.gini)
        try ChartMaker.write(Chart.lorenz([curve], title: lorenzTitle, labels: labels),
                             to: folder.appendingPathComponent("chart-lorenz.svg"), inputs: inputs)
        files.append("chart-lorenz.svg")
        doc.add(.heading(text.accessHeading))
        doc.add(.figure(file: "map-access.svg", alt: title))
        doc.add(.figure(file: "chart-lorenz.svg", alt: lorenzTitle))
        doc.add(.table(header: [text.index, text.value], rows: [
            [text.meanAccess(accessUnit), n.decimal(values.mean, 1)],
            ["Gini", n.decimal(lorenz.gini, 3)],
            ["Theil T", n.decimal(try Theil.t(values), 3)],
            ["Atkinson (ε = \(n.decimal(0.5, 1)))", n.decimal(try values.atkinson(0.5), 3)],
            [text.populationWithoutAccess, people(zip(access.access, residents).reduce(0) { $0 + ($1.0 == 0 ? $1.1 : 0) })],
        ], numeric: [false, true]))
    }

    mutating func addGaps() throws {
        let gaps = try self.gaps.value()
        let zones = guardedZones(gaps)
        try zones.write(to: folder.appendingPathComponent("gaps.geojson"), inputs: inputs)
        try zones.write(to: folder.appendingPathComponent("gaps.csv"), inputs: inputs)
        files += ["gaps.geojson", "gaps.csv"]
        let title = text.gapZones
        try map(folder.appendingPathComponent("travel.geojson"), field: "\(kind)_minutes", title: title, to: "map-gaps.svg",
                hatched: folder.appendingPathComponent("gaps.geojson"))
        mapLayer = nil  // the robustness map reads its own layer
        let limit = n.decimal(gapOptions.minutesAbove!, 1), label = options.territoryLabel
        doc.add(.heading(title))
        doc.add(.paragraph(text.gaps(labels.nearest(kind), limit, gapOptions.outsideCPTS ? label : nil)))
        doc.add(.figure(file: "map-gaps.svg", alt: title))
        doc.add(.table(header: [text.rank, "zone", text.inhabitants, "communes", "km²", text.meanTimeMinutes],
                       rows: gaps.zones.prefix(10).map { z in
                           [String(z.rank), gaps.zoneName(z), zonePopulation(z, of: gaps), n.int(Double(z.communes.count)), n.decimal(z.areaKm2, 0),
                            z.meanMinutes.map { n.decimal($0, 1) } ?? "—"]
                       }, numeric: [true, false, true, true, true, true]))
    }

    mutating func addSiting() throws {
        guard let running = self.siting else { return }
        let siting = Self.sitingOptions(options)
        let result = try running.value()
        let limit = n.decimal(siting.thresholdMinutes, 1)
        let title = text.beforeAndAfter(limit)
        let chart = try SitingChart.svg(result, thresholdMinutes: siting.thresholdMinutes, accessBelow: nil, labels: labels, title: title)
        try ChartMaker.write(chart, to: folder.appendingPathComponent("chart-siting.svg"), inputs: inputs)
        files.append("chart-siting.svg")
        doc.add(.heading(text.whereToAdd(labels.count(siting.k, of: kind))))
        doc.add(.paragraph(text.siting(limit)))
        doc.add(.orderedList(result.chosen.map { text.chosenSite($0.name, people($0.newlyCovered)) }))
        doc.add(.figure(file: "chart-siting.svg", alt: title))
    }

    /// A choropleth of `field` of `layer` into `file` of the report's folder, with the report's
    /// language, data line and territory name; the legend heading is `legend` (nil: the map's
    /// default, "Temps (minutes)" for a travel time).
    mutating func map(_ layer: URL, field: String, title: String, to file: String, legend: String? = nil,
                      scheme: MapMaker.Scheme = .fisherJenks, palette: String = "YlOrRd", hatched: URL? = nil, hatchLabel: String? = nil,
                      mode: MapMaker.Mode = .numeric) throws {
        var map = MapMaker.Options(field: field)
        map.mode = mode
        map.hatchLabel = hatchLabel
        map.title = title
        map.legendTitle = legend
        map.scheme = scheme
        map.palette = palette
        map.hatched = hatched
        map.language = options.language
        map.territoryLabel = options.territoryLabel
        map.source = dataLine
        if mode == .numeric {
            _ = try MapMaker.make(mapLayer(of: layer, field: field), of: layer, options: map, output: folder.appendingPathComponent(file), inputs: inputs)
        } else {
            try layersWritten()
            _ = try MapMaker.make(layer, options: map, output: folder.appendingPathComponent(file), inputs: inputs)
        }
        files.append(file)
    }

    /// The polygons of `layer` with the values of `field`: the travel layer read once
    /// (``mapLayer``), its values for the travel maps and the access table's for the access
    /// map (the same communes in the same order); read from `layer` when neither fits.
    func mapLayer(of layer: URL, field: String) throws -> MapMaker.Layer {
        if let read = mapLayer {
            if layer.lastPathComponent == "travel.geojson" && field == "\(kind)_minutes" { return read }
            if layer.lastPathComponent == "access.geojson", let values = read.withValues(of: field, in: access.table) { return values }
        }
        try layersWritten()
        Progress.report("reading and projecting \(layer.lastPathComponent)…")
        return try MapMaker.readLayer(layer, field: field, crs: nil)
    }
}
