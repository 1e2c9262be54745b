import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// New sites follow the supply convention of the existing sites of their kind (issue 19, item 4).
@Suite struct SitingCapacityTests {
    /// The sample study with its hospitals' capacities as given, or removed.
    static func sample(hospitalCapacities: Bool) throws -> Study {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        if !hospitalCapacities {
            for i in study.sites.indices where study.sites[i].kind == .hospital { study.sites[i].capacity = nil }
        }
        return study
    }

    static func options(k: Int = 1) -> SitingAnalysis.Options {
        var o = SitingAnalysis.Options(kind: .hospital)
        o.k = k
        o.accessBelow = 0.001
        return o
    }

    @Test func registryWithoutCapacitiesGivesNewSitesNone() throws {
        let study = try Self.sample(hospitalCapacities: false)
        var o = Self.options()
        o.add = [SitingAnalysis.PlannedSite(location: Coordinate(x: 2.2, y: 46.3), capacity: nil, name: "planned")]
        let s = try SitingAnalysis.run(study, options: o)
        #expect(s.chosen.count == 1)
        #expect(s.summary["new_site_capacity"] == .null)
        #expect(s.after.accessGapPopulation != nil)
    }

    @Test func aCapacityForNewSitesIsRefusedWhenNoExistingSiteHasOne() throws {
        let study = try Self.sample(hospitalCapacities: false)
        var o = Self.options()
        o.newCapacity = 5
        let capacity = try #require(throws: ParameterError.self) { try SitingAnalysis.run(study, options: o) }
        #expect(capacity.kind == .ignored && capacity.parameters == [.newSiteCapacity])
        #expect(capacity.description.hasPrefix("new_capacity 5: no existing site of kind 'hospital' has a capacity"))
        o = Self.options(k: 0)
        o.add = [SitingAnalysis.PlannedSite(location: Coordinate(x: 2.2, y: 46.3), capacity: 5, name: "planned")]
        let planned = try #require(throws: ParameterError.self) { try SitingAnalysis.run(study, options: o) }
        #expect(planned.kind == .ignored && planned.parameters == [.plannedSites])
    }

    @Test func registryWithCapacitiesGivesNewSitesTheirMedianOrTheOneGiven() throws {
        let study = try Self.sample(hospitalCapacities: true)
        let capacities = study.sites.filter { $0.kind == .hospital }.compactMap(\.capacity).sorted()
        let s = try SitingAnalysis.run(study, options: Self.options())
        #expect(s.summary["new_site_capacity"] == .number(capacities[capacities.count / 2]))
        var o = Self.options()
        o.newCapacity = 100
        #expect(try SitingAnalysis.run(study, options: o).summary["new_site_capacity"] == .number(100))
    }
}
