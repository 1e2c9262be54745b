import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// A regional study (a study area with a buffer of neighbours around it) reports fewer
/// communes than it loads: every commune table must carry, row for row, the reported
/// commune's own polygon — not the polygon at the same position in the loaded list, which
/// is what the old writer paired rows with (Guéret drawn in Allier).
@Suite struct RegionalTableTests {
    /// The sample with its western half as the study area and the rest as buffer.
    static func regionalSample() throws -> Study {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let xs = study.areas.map { $0.geometry.boundingBox.minX }.sorted()
        let median = xs[xs.count / 2]
        // Interleaved, so that a row paired by position with the loaded list gets another polygon.
        study.studyArea = study.areas.indices.map { study.areas[$0].geometry.boundingBox.minX < median || $0 % 3 == 0 }
        return study
    }

    static func expectOwnPolygons(_ table: CommuneTable, _ study: Study, _ what: String) throws {
        let reported = study.reportedAreas
        let geometries = try #require(table.geometries)
        #expect(table.rows.count == reported.count && geometries.count == reported.count, "\(what): one row per reported commune")
        let code = try #require(table.columns.firstIndex(of: "code"))
        for (row, a) in zip(table.rows.indices, reported) {
            #expect(table.rows[row][code] == .string(study.areas[a].id), "\(what): row \(row) is commune \(study.areas[a].id)")
            #expect(geometries[row] == study.areas[a].geometry, "\(what): row \(row) carries the polygon of \(study.areas[a].id)")
        }
    }

    @Test func everyCommuneTableOfARegionalStudyCarriesItsOwnPolygons() throws {
        let study = try Self.regionalSample()
        #expect(study.reportedAreas.count < study.areas.count)
        try Self.expectOwnPolygons(try TravelAnalysis.run(study, options: .init()).table, study, "distance")
        var access = AccessAnalysis.Options()
        access.kinds = [.msp]
        try Self.expectOwnPolygons(try AccessAnalysis.run(study, options: access).table, study, "access")
        try Self.expectOwnPolygons(try CoverageAnalysis.run(study, options: .init()).table, study, "coverage")
        // Gaps with the travel and the access rule: the access rule crashed on a regional study.
        var gaps = GapsAnalysis.Options()
        gaps.travelKind = .hospital
        gaps.minutesAbove = 20
        gaps.accessKinds = [.msp]
        gaps.accessBelow = 0.0005
        let analysis = try GapsAnalysis.run(study, options: gaps)
        try Self.expectOwnPolygons(analysis.table, study, "gaps")
        // The access rule of the regional study is the whole study's, restricted.
        var whole = study
        whole.studyArea = nil
        let national = try GapsAnalysis.run(whole, options: gaps)
        let reported = study.reportedAreas
        #expect(analysis.rules["access"] == reported.map { national.rules["access"]![$0] })
        #expect(analysis.rules["travel"] == reported.map { national.rules["travel"]![$0] })
    }

    @Test func aTableWithoutPolygonsIsWrittenAsCSVOnly() throws {
        let table = CommuneTable(columns: ["code", "value"], rows: [[.string("a"), .number(1)]], geometries: nil)
        try Fixtures.withTemporaryDirectory { dir in
            try table.write(to: dir.appendingPathComponent("t.csv"), inputs: [])
            #expect(throws: (any Error).self) { try table.write(to: dir.appendingPathComponent("t.geojson"), inputs: []) }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.geojson").path))
        }
    }
}
