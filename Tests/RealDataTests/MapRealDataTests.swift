import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The national map on ../shared/geodata-real (skipped when absent: `.enabled(if:)`).
@Suite(.serialized) struct MapRealDataTests {
    @Test(.enabled(if: Fixtures.realData("nationalTravelTimeMapStaysUnderFiveMegabytes") != nil))
    func nationalTravelTimeMapStaysUnderFiveMegabytes() throws {
        let root = try #require(Fixtures.realData())
        let study = try CoverageTravelRealDataTests.metropolitanStudy(root, hospitals: true)
        var o = TravelAnalysis.Options()
        o.cost.maxMinutes = 120
        let travel = try TravelAnalysis.run(study, options: o)
        try Fixtures.withTemporaryDirectory { dir in
            let layer = dir.appendingPathComponent("fr-travel.geojson")
            try travel.table.write(to: layer, inputs: [])
            let svg = dir.appendingPathComponent("fr-map.svg")
            var m = MapMaker.Options(field: "hospital_minutes")
            m.title = "Temps d'accès à l'établissement de santé le plus proche"
            let start = Date()
            let summary = try MapMaker.make(layer, options: m, output: svg, inputs: [])
            let seconds = Date().timeIntervalSince(start)
            let bytes = try FileManager.default.attributesOfItem(atPath: svg.path)[.size] as! Int
            #expect(bytes < 5_000_000, "\(bytes) bytes")
            #expect(summary["polygons_drawn"] == .number(Double(study.areas.count)))
            if let png = try SVGRenderer.render(svg) { #expect(png > 100_000) }
            print("national map: \(study.areas.count) communes, \(bytes) bytes, made in \(String(format: "%.2f", seconds)) s (reading the 49 MB layer included)")
        }
    }
}
