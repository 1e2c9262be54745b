import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

@Suite struct ParameterErrorTests {
    @Test func aMessageNamesParametersInTheDomainsWordsOrAnyOther() {
        let e = ParameterError(.incomplete, "\(.minutesAbove) needs \(.siteKind) (at \(30) min)")
        #expect(e.description == "minutes_above needs site_kind (at 30 min)")
        #expect(e.message.rendered { "<\($0.name)>" } == "<minutes_above> needs <site_kind> (at 30 min)")
        #expect(e.parameters == [.minutesAbove, .siteKind] && e.isUsageError)
        #expect(!ParameterError(.contradicted, "plain").isUsageError && ParameterError(.ignored, "x").isUsageError)
    }

    /// A parameter's name is the study file's key (snake_case), unique.
    @Test func namesAreStudyFileKeys() {
        let names = Parameter.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
    }

    /// Errors that advise a parameter name it in the domain's words too.
    @Test func adviceNamesParameters() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let folder = try #require(throws: StudyFolderError.self) { try StudySources.discover(in: dir) }
            #expect(folder.parameters == [Parameter.areas] && !folder.isUsageError)
            #expect(folder.description.hasSuffix(": not a study folder (no communes.geojson); give areas FILE, or make one with `geohealth synth --out \(dir.path)`"))
        }
    }
}

/// The checks of parameters alone are pure functions of the options, the use case calling
/// them first and a front end before it reads anything: usage errors (exit 64 in the CLI).
@Suite struct ParameterCheckTests {
    @Test func gapsNeedARuleAndATravelRuleItsKind() throws {
        var options = GapsAnalysis.Options()
        let none = try #require(throws: ParameterError.self) { try options.checkRules() }
        #expect(none.kind == .incomplete && none.description.hasPrefix("state at least one rule"))
        options.minutesAbove = 15
        let kind = try #require(throws: ParameterError.self) { try options.checkRules() }
        #expect(kind.description == "minutes_above needs site_kind" && kind.isUsageError)
        options.travelKind = .msp
        try options.checkRules()
    }

    @Test func aCostModelNeedsItsInput() throws {
        var options = CostModelOptions()
        try options.check()
        options.kind = .network
        let roads = try #require(throws: ParameterError.self) { try options.check() }
        #expect(roads.kind == .incomplete && roads.parameters == [.costModel, .roads])
        options.kind = .matrix
        let od = try #require(throws: ParameterError.self) { try options.check() }
        #expect(od.kind == .incomplete && od.parameters == [.costModel, .originDestinationMatrix])
    }

    @Test func theSampleTerritoryHoldsItsSites() throws {
        var options = SyntheticTerritory.Options()
        try options.check()
        options.msp = options.communes - 6
        let msp = try #require(throws: ParameterError.self) { try options.check() }
        #expect(msp.description == "msp must be between 0 and \(options.communes - 7)" && msp.isUsageError)
        options.msp = 0
        options.cpts = options.communes / 4 + 1
        let cpts = try #require(throws: ParameterError.self) { try SyntheticTerritory.generate(options) }
        #expect(cpts.description == "cpts must be between 1 and \(options.communes / 4)")
    }
}
