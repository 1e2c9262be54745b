import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import GeoPackage
import Testing

/// Isochrone polygons on hand-built networks (closed forms), and the sample's isochrones and
/// catchments (allocation by hand, nesting, site order, both output formats read back).
@Suite struct IsochroneTests {
    func p(_ x: Double, _ y: Double) -> Coordinate { Coordinate(x: x, y: y) }

    func pieces(_ roads: [RoadNetwork.Road], site: Coordinate, minutes: Double) -> [(from: Coordinate, to: Coordinate)] {
        let model = NetworkModel(network: RoadNetwork(roads: roads))
        let entries = model.entries(of: site)
        let times = TravelTimesToSite(network: model.network, entries: entries, bound: minutes)
        return ReachableRoads(network: model.network, times: times, minutes: minutes, site: site, entries: entries).pieces
    }

    /// A straight road at 60 km/h, site at its end, T = 3.5 min: L = 3.5 km reached, and the
    /// band of b = 250 m around it has area 2·b·L + π·b² (GEOS draws the round caps with 8
    /// segments a quarter: π·b² is 0.6 % short, 0.07 % of the whole).
    @Test func aStraightRoadGivesTheStadiumOfItsReachableLength() throws {
        let road = RoadNetwork.Road(coordinates: [p(0, 0), p(2000, 0), p(4000, 0), p(10000, 0)], kmh: 60)
        let b = 250.0, length = 3500.0
        let drawn = try #require(try IsochronePolygons.polygon(pieces([road], site: p(0, 0), minutes: 3.5), bufferMetres: b))
        let closedForm = 2 * b * length + Double.pi * b * b
        #expect(abs(drawn.squareMetres - closedForm) / closedForm < 1e-3, "\(drawn.squareMetres) vs \(closedForm)")
        #expect(abs(drawn.geometry.boundingBox.maxX - (length + b)) < 1e-6)
    }

    /// A square ring road 4 km a side, every side reached: the band is a frame with one hole,
    /// (4 + 0.5)² − (4 − 0.5)² km² less the rounding of the four outer corners (1 − π/4)·b² each.
    @Test func anUnreachedInsideIsAHole() throws {
        let ring = RoadNetwork.Road(coordinates: [p(0, 0), p(4000, 0), p(4000, 4000), p(0, 4000), p(0, 0)], kmh: 60)
        let drawn = try #require(try IsochronePolygons.polygon(pieces([ring], site: p(0, 0), minutes: 30), bufferMetres: 250))
        #expect(drawn.geometry.polygons.count == 1 && drawn.geometry.polygons[0].holes.count == 1)
        let frame = 4500.0 * 4500 - 3500 * 3500 - 4 * (1 - Double.pi / 4) * 250 * 250
        #expect(abs(drawn.squareMetres - frame) / frame < 1e-3, "\(drawn.squareMetres) vs \(frame)")
    }

    /// Nothing reached (a site beyond the snap limit): no polygon at all.
    @Test func nothingReachedDrawsNothing() throws {
        #expect(try IsochronePolygons.polygon([], bufferMetres: 250) == nil)
    }

    static func sampleOptions(thresholds: [Double]) -> IsochroneAnalysis.Options {
        var options = IsochroneAnalysis.Options()
        options.cost.roads = Fixtures.sample.appendingPathComponent("roads.geojson")
        options.kinds = [.hospital]
        options.thresholds = thresholds
        return options
    }

    /// Every commune in exactly one catchment, the one of its nearest hospital by the full cost
    /// matrix of the same model (ties to the smaller site id), or in "none".
    @Test func catchmentsAllocateEveryCommuneToItsNearestSite() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let analysis = try IsochroneAnalysis.run(study, options: Self.sampleOptions(thresholds: []))
        let projected = try ProjectedStudy(analysis.study, keepGeometries: false)
        let (model, _) = try analysis.options.cost.model(for: projected, study: analysis.study)
        let hospitals = analysis.study.sites.indices.filter { analysis.study.sites[$0].kind == .hospital }
        let matrix = try model.costs(
            from: CostPoints(metric: projected.points, ids: analysis.study.areas.map(\.id)),
            to: CostPoints(metric: hospitals.map { projected.sitePoints[$0] }, ids: hospitals.map { analysis.study.sites[$0].id }), maxMinutes: 60)
        var byHand: [String: Set<Int>] = [:]
        for a in analysis.study.areas.indices {
            let best = matrix.row(a).min { ($0.minutes, $0.destination) < ($1.minutes, $1.destination) }
            byHand[best.map { analysis.study.sites[hospitals[$0.destination]].id } ?? "none", default: []].insert(a)
        }
        let layer = analysis.catchmentLayer
        var found: [String: Set<Int>] = [:]
        for (row, c) in zip(layer.rows, analysis.catchments) { found[row[0].stringValue!] = Set(c.communes) }
        #expect(found == byHand)
        #expect(analysis.catchments.reduce(0) { $0 + $1.communes.count } == study.areas.count)
        let people = study.areas.reduce(0) { $0 + ($1.population ?? 0) }
        #expect(abs(analysis.catchments.reduce(0) { $0 + $1.population } - people) < 1e-6)
    }

    /// A start-up delay (docs/roads.md §8) is spent at the site: 15 of 20 minutes leave the reach
    /// of 5, and the hospital loses communes to the others. (A delay that is not minutes is
    /// refused when the sites are read: CostModelExtrasTests.)
    @Test func aStartUpDelayIsSpentAtTheSite() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let h1 = try #require(study.sites.firstIndex { $0.id == "H1" })
        study.sites[h1].startupMinutes = 15
        let analysis = try IsochroneAnalysis.run(study, options: Self.sampleOptions(thresholds: [10, 20]))
        #expect(analysis.summary["isochrones_not_drawn"] == .array([.string("H1@10")]))
        let plain = try IsochroneAnalysis.run(try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study, options: Self.sampleOptions(thresholds: [20]))
        let delayed = try #require(analysis.isochrones.first { analysis.study.sites[$0.site].id == "H1" && $0.minutes == 20 })
        let full = try #require(plain.isochrones.first { plain.study.sites[$0.site].id == "H1" })
        #expect(delayed.areaKm2 < full.areaKm2, "20 min with 15 spent at the start is the reach of 5")
        let communes = { (a: IsochroneAnalysis) in a.catchments.first { $0.site.map { a.study.sites[$0].id } == "H1" }?.communes.count ?? 0 }
        #expect(communes(analysis) < communes(plain), "H1 loses communes to the other hospitals")
    }

    /// The same sites in another order give the same catchments and isochrones, row for row.
    @Test func siteOrderChangesNothing() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let options = Self.sampleOptions(thresholds: [])
        let first = try IsochroneAnalysis.run(study, options: options)
        study.sites.reverse()
        let second = try IsochroneAnalysis.run(study, options: options)
        #expect(first.catchmentLayer.rows == second.catchmentLayer.rows)
        #expect(first.catchmentLayer.geometries == second.catchmentLayer.geometries)
    }

    /// Nested isochrones (area and population grow with T), then both formats written and read
    /// back: a GeoPackage with two layers, two GeoJSON files; `ogrinfo` agrees when installed.
    @Test func isochronesNestAndBothFormatsReadBack() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let analysis = try IsochroneAnalysis.run(study, options: Self.sampleOptions(thresholds: [20, 10]))
        #expect(analysis.isochrones.count == 6)
        for pair in stride(from: 0, to: 6, by: 2) {
            let (inner, outer) = (analysis.isochrones[pair], analysis.isochrones[pair + 1])
            #expect(inner.minutes == 10 && outer.minutes == 20 && inner.site == outer.site)
            #expect(inner.areaKm2 > 0 && inner.areaKm2 < outer.areaKm2 && inner.population <= outer.population)
        }
        try Fixtures.withTemporaryDirectory { dir in
            let gpkg = dir.appendingPathComponent("iso.gpkg")
            try analysis.write(to: gpkg, inputs: [])
            let layers = try GeoPackageReader.layers(gpkg)
            #expect(layers.map(\.table).sorted() == ["catchments", "isochrones"])
            var minutes: [Double] = []
            try GeoPackageReader.read(gpkg, table: "isochrones") { _, f in minutes.append(f.properties["minutes"]?.doubleValue ?? -1) }
            #expect(minutes == [10, 20, 10, 20, 10, 20])
            var catchments = 0
            try GeoPackageReader.read(gpkg, table: "catchments") { _, f in catchments += f.geometry?.isPolygonal == true ? 1 : 0 }
            #expect(catchments == analysis.catchments.count)
            try analysis.write(to: dir.appendingPathComponent("iso.geojson"), inputs: [])
            let iso = try GeoJSONReader.features(contentsOf: dir.appendingPathComponent("iso-isochrones.geojson")).features
            let cat = try GeoJSONReader.features(contentsOf: dir.appendingPathComponent("iso-catchments.geojson")).features
            #expect(iso.count == 6 && cat.count == analysis.catchments.count)
            #expect(iso.map { $0.properties["id"]?.stringValue } == analysis.isochrones.map { "\(analysis.study.sites[$0.site].id)@\(Int($0.minutes))" })
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") {
                let out = try CommandRunner.shell("/usr/bin/ogrinfo -so -q '\(gpkg.path)'")
                #expect(out.stdout.contains("isochrones (Multi Polygon)") && out.stdout.contains("catchments (Multi Polygon)"), "\(out.stdout)")
                // Whole thresholds (10, 20) still give a REAL minutes column: the type never changes from run to run.
                let fields = try CommandRunner.shell("/usr/bin/ogrinfo -so '\(gpkg.path)' isochrones catchments").stdout
                let lines = fields.split(separator: "\n").map { String($0) }
                for field in ["minutes: Real", "area_km2: Real", "max_minutes: Real", "mean_minutes: Real"] {
                    #expect(lines.contains { $0.hasPrefix(field) }, "\(field) in \(fields)")
                }
            }
        }
    }
}
