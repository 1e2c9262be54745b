import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The polygons the loader projects while it joins the populations (`StudySources.projectAhead`,
/// what `geohealth report` asks for) give the same projected study, and the same report, as
/// projecting after loading.
@Suite struct ProjectAheadTests {
    static func loaded() throws -> StudyLoader.Loaded {
        var sources = try StudySources.discover(in: Fixtures.sample)
        sources.measureAhead = true
        sources.projectAhead = true
        return try StudyLoader.load(sources)
    }

    @Test func polygonsProjectedDuringTheJoinEqualTheProjection() throws {
        let loaded = try Self.loaded()
        let projections = try #require(loaded.projections), measures = try #require(loaded.measures)
        #expect(projections.count == loaded.study.areas.count && measures.count == projections.count)
        #expect(projections.contains { $0 != nil })
        let ahead = try ProjectedStudy(loaded.study, measured: measures, projected: projections)
        let plain = try ProjectedStudy(loaded.study)
        #expect(ahead.geometries == plain.geometries)
        #expect(ahead.surfaces == plain.surfaces)
        #expect(ahead.points == plain.points)
        #expect(ahead.pointsLonLat == plain.pointsLonLat)
        // Measures without their polygons are not enough to skip projecting one that is kept.
        let measuresOnly = try ProjectedStudy(loaded.study, measured: measures)
        #expect(measuresOnly.geometries == plain.geometries)
    }

    @Test func theReportIsTheSameBytes() throws {
        let loaded = try Self.loaded()
        let options = StudyReport.Options(kind: SiteKind("msp"))
        try Fixtures.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("ahead"), b = dir.appendingPathComponent("plain")
            let filesA = try StudyReport.writeReporting(loaded.study, name: "geodata", options: options, to: a, inputs: [],
                                                        measured: loaded.measures, projected: loaded.projections).files
            let filesB = try StudyReport.write(loaded.study, name: "geodata", options: options, to: b, inputs: [])
            #expect(filesA == filesB && !filesA.isEmpty)
            for f in filesA {
                #expect(try Data(contentsOf: a.appendingPathComponent(f)) == Data(contentsOf: b.appendingPathComponent(f)), "\(f)")
            }
        }
    }
}
