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
