import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// On ../shared/geodata-real (skipped when absent: `.enabled(if:)`). Run in release mode by
/// .ci/run: `swift test -c release --filter RealDataTests`.
@Suite(.serialized) struct RealDataTests {
    static func communeFiles(_ root: URL, metropolitanOnly: Bool = false) throws -> [URL] {
        try StudySources.geojsonFiles(at: root.appendingPathComponent("communes"))
            .filter { !metropolitanOnly || !$0.lastPathComponent.hasPrefix("communes-97") }
    }

    @Test(.enabled(if: Fixtures.realData("infoReadsAllDepartmentFiles") != nil))
    func infoReadsAllDepartmentFiles() throws {
        let root = try #require(Fixtures.realData())
        let files = try Self.communeFiles(root)
        #expect(files.count == 101)
        let results = LayerInfo.describeAll(files)
        var features = 0
        for (url, result) in zip(files, results) {
            switch result {
            case .success(let s): features += Int(s["features"]?.doubleValue ?? 0)
            case .failure(let e): Issue.record("\(url.lastPathComponent): \(e)")
            }
        }
        #expect(features == 35_357)
    }

    @Test(.enabled(if: Fixtures.realData("metropolitanAreaAgreesWithShapelyAndPyproj") != nil))
    func metropolitanAreaAgreesWithShapelyAndPyproj() throws {
        let root = try #require(Fixtures.realData())
        let reference = try Fixtures.reference("real-areas.json")
        let expected = reference["total_square_metres"] as! Double
        let perFile = reference["per_file_square_metres"] as! [String: Double]
        let measured = try FileAreas.measure(try Self.communeFiles(root, metropolitanOnly: true))
        #expect(measured.allSatisfy { $0.crs == .lambert93 }, "the metric CRS of every metropolitan département is EPSG:2154")
        #expect(measured.reduce(0) { $0 + $1.ids.count } == reference["features"] as! Int)
        let total = measured.reduce(0) { $0 + $1.totalArea }
        #expect(abs(total - expected) / expected < 1e-4, "GeoHealth \(total) m², shapely+pyproj \(expected) m²")
        for m in measured {
            let name = URL(fileURLWithPath: m.file).lastPathComponent
            let want = try #require(perFile[name])
            #expect(abs(m.totalArea - want) / want < 1e-4, "\(name): \(m.totalArea) vs \(want)")
            #expect(m.points.allSatisfy { $0.x.isFinite && $0.y.isFinite }, "\(name): every commune has a point on surface")
        }
        print("metropolitan France: \(String(format: "%.3f", total / 1e6)) km² (shapely+pyproj: \(String(format: "%.3f", expected / 1e6)) km²)")
    }

    @Test(.enabled(if: Fixtures.realData("overseasDepartmentsUseTheirOwnCRSAndKnownAreas") != nil))
    func overseasDepartmentsUseTheirOwnCRSAndKnownAreas() throws {
        let root = try #require(Fixtures.realData())
        // IGN areas (km²); the polygons are simplified, hence a 3 % tolerance.
        let known: [String: (epsg: Int, km2: Double)] = [
            "971": (5490, 1_628), "972": (5490, 1_128), "973": (2972, 83_534), "974": (2975, 2_504), "976": (4471, 374),
        ]
        let files = try Self.communeFiles(root).filter { $0.lastPathComponent.hasPrefix("communes-97") }
        for m in try FileAreas.measure(files) {
            let dep = MetricCRS.department(ofCommune: m.ids[0])
            let want = try #require(known[dep])
            #expect(m.crs == CRS(epsg: want.epsg), "\(dep)")
            #expect(abs(m.totalArea / 1e6 - want.km2) / want.km2 < 0.03, "\(dep): \(m.totalArea / 1e6) km²")
        }
    }

    @Test(.enabled(if: Fixtures.realData("populationJoinCarriesMergedCommunesThroughTheHistory") != nil))
    func populationJoinCarriesMergedCommunesThroughTheHistory() throws {
        let root = try #require(Fixtures.realData())
        var sources = StudySources(areas: try Self.communeFiles(root))
        sources.population = root.appendingPathComponent("population/donnees_communes.csv")
        sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
        sources.historySince = "2018-01-01"
        let loaded = try StudyLoader.load(sources)
        let report = try #require(loaded.population)
        // Communes nouvelles since COG 2018: e.g. 01330 (Mérignat) into 01187 (Haut-Valromey side).
        #expect(report.merged.count > 300, "\(report.merged.count) merges")
        #expect(report.merged.contains { $0.code == "01187" && $0.sources == ["01187", "01330"] })
        #expect(report.restored.contains { $0.code == "15031" && $0.into == "15141" })
        #expect(report.arrondissements.count == 45, "Paris 20, Marseille 16, Lyon 9")
        #expect(report.rowsWithoutArea.isEmpty)
        #expect(report.areasWithoutPopulation.allSatisfy { $0.hasPrefix("976") }, "only Mayotte, whose populations are in another file")
        let table = try PopulationTable.read(sources.population!, key: "COM", field: "PMUN")
        #expect(report.populationJoined == table.population.reduce(0, +), "every resident of the table is in an area")
        print("population join: \(report.matchedDirectly) direct, \(report.merged.count) merged, \(report.restored.count) restored, \(report.areasWithoutPopulation.count) areas without population")
    }
}
