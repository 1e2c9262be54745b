import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GEOSBridge
import Testing

/// The committed sample in geodata/: it loads, joins completely, and `synth --seed 1` remakes it byte for byte.
@Suite struct SampleStudyTests {
    @Test func sampleLoadsWithEveryTrapResolved() throws {
        let loaded = try StudyLoader.load(StudySources.discover(in: Fixtures.sample))
        let report = try #require(loaded.population)
        #expect(report.merged.count == 3, "three merges planted by synth")
        #expect(report.restored.count == 1, "one restoration planted by synth")
        #expect(report.areasWithoutPopulation.isEmpty && report.rowsWithoutArea.isEmpty)
        let study = loaded.study
        #expect(study.areas.allSatisfy { $0.population != nil })
        #expect(study.totalPopulation == report.populationJoined)
        #expect(study.sites.count == 35 && study.territories.count == 6)
        guard case .object(let territories) = loaded.summary["territories"] else { Issue.record("no territories"); return }
        #expect(territories["unknown_member_codes"] == PropertyValue.array([]))
        // Age groups add up to the population in every commune.
        for a in study.areas { #expect(a.populationByAge.values.reduce(0, +) == a.population, "\(a.id)") }
    }

    @Test func synthIsDeterministicAndRemakesTheCommittedSample() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticTerritory.generate(SyntheticTerritory.Options()).write(to: dir)
        for name in SyntheticTerritory.fileNames {
            let made = try Data(contentsOf: dir.appendingPathComponent(name))
            let committed = try Data(contentsOf: Fixtures.sample.appendingPathComponent(name))
            #expect(made == committed, "geodata/\(name) differs from `geohealth synth --seed 1`; regenerate it")
        }
    }

    @Test func synthCommunesTileTheBoundaryWithoutGapsOrOverlaps() throws {
        var options = SyntheticTerritory.Options()
        options.seed = 99
        options.communes = 80
        let t = try SyntheticTerritory.generate(options)
        let context = GEOSContext.current
        let cells = try t.cells.map { try context.geometry($0) }
        let boundaryArea = try context.geometry(.polygon(t.boundary)).area()
        let sum = try cells.reduce(0) { $0 + (try $1.area()) }
        let union = try context.unionAll(cells).area()
        #expect(abs(sum - boundaryArea) / boundaryArea < 1e-9, "seed 99: cells cover the boundary")
        #expect(abs(union - sum) / sum < 1e-9, "seed 99: cells do not overlap")
        #expect(try cells.allSatisfy { try $0.isValid() })
        #expect(t.adjacency.allSatisfy { !$0.isEmpty }, "seed 99: every commune has a neighbour")
        #expect(t.population.count == t.cells.count && t.population.allSatisfy { $0 > 0 })
        #expect(Set(t.sites.map(\.id)).count == t.sites.count)
        for s in t.sites { #expect(t.cells[s.commune].contains(s.location) || s.location == t.seats[s.commune], "seed 99: \(s.id)") }
    }
}
