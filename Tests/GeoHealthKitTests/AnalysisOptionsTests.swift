import Accessibility
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The defaults and rules the use cases' options own (one home, not the command line's).
@Suite struct AnalysisOptionsTests {
    @Test func theAccessDecayIsBuiltFromItsKindAndBandwidth() {
        #expect(AccessAnalysis.Options().decay == .dai)
        #expect(AccessAnalysis.Decay.dai.distanceDecay(bandwidth: nil, catchment: 30) == .gaussianDai(radius: 30))
        #expect(AccessAnalysis.Decay.linear.distanceDecay(bandwidth: 12, catchment: 30) == .linear(radius: 12))
        #expect(AccessAnalysis.Decay.gaussian.distanceDecay(bandwidth: 20, catchment: 30) == .gaussian(sigma: 20))
        #expect(AccessAnalysis.Decay.power.distanceDecay(bandwidth: nil, catchment: 45) == .gaussianDai(radius: 45))
    }

    @Test func aCrowFlyCatchmentIsInKilometres() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var options = CoverageAnalysis.Options()
        options.catchmentKm = 10
        options.catchmentKinds = [.msp]
        let analysis = try CoverageAnalysis.run(study, options: options)
        #expect(analysis.options.catchmentMinutes == 10 && analysis.options.cost.detourFactor == 1 && analysis.options.cost.speedKmh == 60)
        guard case .object(let catchments) = analysis.summary["catchments"] else { Issue.record("no catchments in the summary"); return }
        #expect(catchments["km_straight_line"] != nil && catchments["minutes"] == nil)
        options.catchmentMinutes = 10
        #expect(throws: ParameterError.self) { try CoverageAnalysis.run(study, options: options) }
    }

    @Test func coverageNeedsTerritoriesOrACatchment() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        study.territories = []
        let e = try #require(throws: ParameterError.self) { try CoverageAnalysis.run(study, options: CoverageAnalysis.Options()) }
        #expect(e.message.parameters == [.territories, .catchmentMinutes, .catchmentKm])
    }
}
