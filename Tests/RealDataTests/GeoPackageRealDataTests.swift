import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The national table as a GeoPackage (../shared/geodata-real; skipped with a NOTICE when
/// absent): what `distance --out fr.gpkg` writes opens in GDAL's ogrinfo with every commune and
/// EPSG:4326, and `study --areas fr.gpkg` reads it back.
@Suite(.serialized) struct GeoPackageRealDataTests {
    @Test(.enabled(if: Fixtures.realData("nationalGeoPackageOpensInOgrinfoAndReadsBack") != nil))
    func nationalGeoPackageOpensInOgrinfoAndReadsBack() throws {
        let root = try #require(Fixtures.realData())
        let study = try StudyLoader.load(NationalStudyRealDataTests.sources(root)).study
        var o = TravelAnalysis.Options()
        o.kinds = [.hospital]
        o.cost.maxMinutes = 45
        let travel = try TravelAnalysis.run(study, options: o)
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("fr.gpkg")
            try travel.table.write(to: url, inputs: [])
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/ogrinfo")
                p.arguments = ["-so", url.path, "fr"]
                let pipe = Pipe()
                p.standardOutput = pipe
                p.standardError = pipe
                try p.run()
                let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                p.waitUntilExit()
                #expect(out.contains("Feature Count: \(study.areas.count)") && out.contains("Geometry: Multi Polygon"), "\(out)")
                #expect(out.contains("ID[\"EPSG\",4326]") && out.contains("hospital_minutes_unreachable: Integer(Boolean)"), "\(out)")
                #expect(!out.contains("ERROR") && !out.contains("Warning"), "\(out)")
            } else {
                print("NOTICE: ogrinfo (gdal-bin) is absent: the national GeoPackage is checked by our reader only")
            }
            var sources = StudySources(areas: [url])
            sources.areaNameField = "name"
            let back = try StudyLoader.load(sources)
            #expect(back.study.areas.count == study.areas.count)
            #expect(back.study.areas.map(\.id) == study.areas.map(\.id))
            let paris = try #require(study.areas.firstIndex { $0.id == "75056" })
            let a = study.areas[paris].geometry.polygons.flatMap { $0.rings.flatMap { $0 } }
            let b = back.study.areas[paris].geometry.polygons.flatMap { $0.rings.flatMap { $0 } }
            #expect(a == b, "Paris's polygon exactly as written (WKB keeps the doubles)")
            let unreachable = travel.kinds[0].nearest.filter { $0 == nil }.count
            #expect(back.study.areas.filter { $0.attributes["hospital_minutes"] == .string("unreachable") }.count == unreachable && unreachable > 0)
        }
    }
}
