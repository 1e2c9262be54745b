import Accessibility
import Testing

/// The published parameters of the floating-catchment family: the DREES APL (supply rules, age
/// weights, bands) and Luo & Qi's E2SFCA bands, each with the catchment its last band implies.
@Suite struct APLParametersTests {
    @Test func activityRulesAtTheirBounds() {
        let rule = APLParameters.countedActivity
        #expect(rule(0, false, false) == 0 && rule(249, false, false) == 0 && rule(250, false, false) == 0)
        #expect(rule(251, false, false) == 3_600 && rule(3_600, false, false) == 3_600)
        #expect(rule(3_601, false, false) == 3_601 && rule(6_000, false, false) == 6_000)
        #expect(rule(6_001, false, false) == 6_000 && rule(12_000, false, false) == 6_000)
        #expect(rule(100, true, false) == 5_400 && rule(9_000, true, false) == 5_400)
        #expect(rule(9_000, false, true) == 9_000 && rule(100, false, true) == 100)
    }

    @Test func editionsDifferOnlyInTheirAgeWeights() throws {
        let y2022 = APLParameters(edition: .y2022), y2023 = APLParameters(edition: .y2023)
        #expect(y2022.bands == y2023.bands && y2022.bands == .dreesGeneralPractitioners)
        #expect(APLParameters.ageGroups.count == 19)
        #expect(Set(y2022.ageWeights.keys) == Set(APLParameters.ageGroups) && Set(y2023.ageWeights.keys) == Set(APLParameters.ageGroups))
        #expect(try y2022.standardizedPopulation(byAge: ["00_04": 100, "90_plus": 100]) == 100 * 0.93 + 100 * 2.39)
        #expect(try y2023.standardizedPopulation(byAge: ["00_04": 100, "90_plus": 100]) == 100 * 1.12 + 100 * 2.26)
        let e = try #require(throws: APLParameters.UnweightedAgeGroup.self) { try y2022.standardizedPopulation(byAge: ["00_14": 1]) }
        #expect(e.group == "00_14" && e.description.contains("age_00_04"))
    }


    @Test func publishedBandsAndTheirCatchments() {
        #expect(DistanceDecay.luoQi.weight(10) == 1 && DistanceDecay.luoQi.weight(10.5) == 0.68 && DistanceDecay.luoQi.weight(30) == 0.22)
        #expect(DistanceDecay.luoQi.weight(DistanceDecay.luoQiCatchmentMinutes + 0.1) == 0)
        #expect(DistanceDecay.dreesGeneralPractitioners.weight(APLParameters.catchmentMinutes) == 1.0 / 3)
        #expect(DistanceDecay.dreesGeneralPractitioners.weight(APLParameters.catchmentMinutes + 0.1) == 0)
        #expect(APLParameters().ageWeights == APLParameters.ageWeights2022, "2022 is the default edition")
    }
}
