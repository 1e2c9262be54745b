import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct AccessAnalysisTests {
    static func sample() throws -> Study { try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study }

    @Test(arguments: AccessAnalysis.Method.allCases.filter { $0 != .ratio })
    func everyMethodConservesSupplyOnTheSample(method: AccessAnalysis.Method) throws {
        let study = try Self.sample()
        var options = AccessAnalysis.Options()
        options.method = method
        options.kinds = [.msp]
        let a = try AccessAnalysis.run(study, options: options)
        let reached = zip(a.siteIndices, a.siteRatios).filter { $0.1 != nil }.reduce(0) { $0 + (study.sites[$1.0].capacity ?? 1) }
        let delivered = zip(a.access, a.demand).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(delivered - reached) / reached < 1e-9, "\(method)")
    }

    @Test func aplStandardisesDemandByAge() throws {
        let study = try Self.sample()
        var options = AccessAnalysis.Options()
        options.method = .apl
        options.kinds = [.msp]
        let a = try AccessAnalysis.run(study, options: options)
        // Older communes weigh more than their head count; the total stays of the same order.
        let total = study.areas.reduce(0) { $0 + ($1.population ?? 0) }
        let standardized = a.demand.reduce(0, +)
        #expect(abs(standardized / total - 1) < 0.1)
        let params = APLParameters()
        #expect(try params.standardizedPopulation(byAge: ["90_plus": 100]) > 100)
        #expect(try params.standardizedPopulation(byAge: ["15_19": 100]) < 100)
        #expect(throws: APLParameters.UnweightedAgeGroup.self) { try params.standardizedPopulation(byAge: ["85_plus": 1]) }
    }

    @Test func missingCapacitiesAreRefusedWhenMixed() throws {
        var study = try Self.sample()
        let first = study.sites.firstIndex { $0.kind == .msp }!
        study.sites[first].capacity = nil
        var options = AccessAnalysis.Options()
        options.kinds = [.msp]
        let e = try #require(throws: ParameterError.self) { try AccessAnalysis.run(study, options: options) }
        #expect(e.description.contains("have no capacity while others have one"))
        for i in study.sites.indices { study.sites[i].capacity = nil }
        let a = try AccessAnalysis.run(study, options: options)
        #expect(a.summary["supply"] == .number(22), "22 MSP counted 1 each")
    }

    @Test func zoneRatioNeedsZones() throws {
        let study = try Self.sample()
        var options = AccessAnalysis.Options()
        options.method = .ratio
        options.kinds = [.msp]
        let e = try #require(throws: ParameterError.self) { try AccessAnalysis.run(study, options: options) }
        #expect(e.description == "method ratio needs zones: give group_by FIELD (e.g. DEP)")
        #expect(e.kind == .incomplete && e.isUsageError)
        options.groupBy = "ZONE"
        let a = try AccessAnalysis.run(study, options: options)
        // Within a zone every commune has the zone's ratio.
        let zones = try AreaGroups.labels(study.areas, by: "ZONE")
        let byZone = Dictionary(grouping: study.areas.indices, by: { zones[$0] })
        for (_, members) in byZone { #expect(Set(members.map { a.access[$0] }).count == 1) }
    }

    @Test func inequalityOfTheSampleAccess() throws {
        let study = try Self.sample()
        var options = AccessAnalysis.Options()
        options.kinds = [.msp]
        let a = try AccessAnalysis.run(study, options: options)
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("access.geojson")
            try a.table.write(to: url, inputs: [])
            var o = InequalityAnalysis.Options(value: "access")
            o.spatialWeights = .queen
            o.permutations = 99
            let table = try InequalityAnalysis.read(url, options: o)
            let result = try InequalityAnalysis.run(table, options: o)
            #expect(table.values.count == study.areas.count)
            #expect(result.local != nil && (0...1).contains(result.lorenz.gini))
            let knn = try InequalityAnalysis.run(table, options: { var k = o; k.spatialWeights = .knn; k.k = 4; return k }())
            #expect(knn.local != nil)
        }
    }
}
