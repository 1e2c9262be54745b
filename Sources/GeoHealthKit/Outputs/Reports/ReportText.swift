import Cartography

/// The words of the report (``StudyReport``), one property or template per phrase, in French
/// (``french``) or English (``english``): the writers (`ReportWriter*.swift`) hold the numbers
/// and the structure, this table the language, as ``MapLabels`` does for the maps. Numbers come
/// in already formatted (``ReportNumbers``), so a template only places them.
struct ReportText: Sendable {
    /// The `lang` of the HTML page.
    var languageCode: String
    var numbers: ReportNumbers

    // Title, subtitle and data line.
    var title: @Sendable (_ name: String) -> String
    /// A regional study's name in the title: its départements' codes.
    var departements: @Sendable (_ codes: [String]) -> String
    var subtitle: @Sendable (_ communes: String, _ inhabitants: String, _ sites: String, _ dataLine: String) -> String
    var withinCatchment: @Sendable (_ minutes: String) -> String
    var source: @Sendable (_ source: String) -> String
    var sourceNotStated: String
    var dataFiles: @Sendable (_ names: String) -> String
    var filesOfFolder: @Sendable (_ folder: String, _ count: Int, _ extension: String) -> String
    var madeWith: @Sendable (_ version: String, _ dataLine: String) -> String

    // Method.
    var methodHeading: String
    var travelMethod: @Sendable (_ cost: String, _ maxMinutes: String, _ intraCommuneZero: Bool, _ minutes: String, _ allSites: String) -> String
    var accessMethod: @Sendable (_ method: String, _ unit: String, _ supplyNote: String) -> String
    var regionalStudy: @Sendable (_ communes: String, _ buffer: String) -> String
    var straightLine: @Sendable (_ detour: String, _ speed: String) -> String
    var network: @Sendable (_ roads: String) -> String
    var odMatrix: @Sendable (_ file: String) -> String
    /// The speeds' time of day (`at 18:00 (speed factors of the standard table)`).
    var atTimeOfDay: @Sendable (_ clock: String, _ factors: String) -> String
    /// The start-up delay added to each site's cost: one value, the sites' own, or their own
    /// with a value for the others; with the intra-commune rule, a site inside a commune is at its delay.
    var startupDelay: @Sendable (_ minutes: String?, _ ownDelays: Bool, _ intraCommuneZero: Bool) -> String
    var luoAndQi: String
    var catchment: @Sendable (_ method: String, _ minutes: String) -> String
    var and: String
    var bands: @Sendable (_ count: Int) -> String
    var catchmentInBands: @Sendable (_ method: String, _ minutes: String, _ bands: String, _ ranges: String, _ weights: [String]) -> String
    var sitesPer: @Sendable (_ per: String) -> String
    var capacityPer: @Sendable (_ per: String) -> String
    var consultationsPerYear: String
    var noCapacity: String
    var eachCountsItsCapacity: String
    var gpActivity: @Sendable (_ field: String) -> String

    // Travel time.
    var travelTimeTo: @Sendable (_ toNearest: String) -> String
    var travelHeading: String
    var indicator: String
    var value: String
    var meanTime: String
    var populationBeyond: @Sendable (_ minutes: String) -> String
    var communesBeyondReach: @Sendable (_ maxMinutes: String) -> String

    // Coverage.
    var coverageHeading: @Sendable (_ territories: String) -> String
    var coverage: @Sendable (_ count: String, _ covered: String, _ percent: String, _ outside: String, _ territories: String) -> String

    // Accessibility and inequality.
    var accessMapTitle: @Sendable (_ method: String, _ unit: String) -> String
    var lorenzTitle: String
    var accessHeading: String
    var index: String
    var meanAccess: @Sendable (_ unit: String) -> String
    var populationWithoutAccess: String

    // Gaps.
    var gapZones: String
    var gaps: @Sendable (_ nearest: String, _ minutes: String, _ outsideTerritories: String?) -> String
    var rank: String
    var inhabitants: String
    var meanTimeMinutes: String

    // How sure are we? (docs/uncertainty.md)
    var howSureHeading: String
    /// Without draws: what the figures rest on, and how to measure how much they move.
    var notMeasured: @Sendable (_ travel: String, _ access: String) -> String
    /// The draws: how many, the seed, and the ranges ("catchment × 0.8–1.2, …").
    var draws: @Sendable (_ count: String, _ seed: String, _ ranges: String) -> String
    /// A parameter and its range, as ``draws`` lists them.
    var drawnRange: @Sendable (_ parameter: String, _ low: String, _ high: String) -> String
    /// The decay's exponent and its range (log-uniform, not a factor).
    var drawnExponent: @Sendable (_ low: String, _ high: String) -> String
    /// The population's half-width ("population ± 3 %").
    var drawnPopulation: @Sendable (_ percent: String) -> String
    /// A parameter's name in the text.
    var parameterName: @Sendable (_ parameter: String) -> String
    /// The robust gaps and the under-served population's spread.
    var robustGaps: @Sendable (_ share: String, _ communes: String, _ people: String, _ percent: String, _ stated: String, _ p5: String, _ p95: String) -> String
    var robustnessMapTitle: String
    var robustnessClasses: @Sendable (_ share: String) -> String
    var sensitivityHeader: [String]
    /// What the indices are; the parameter that moves the under-served population most; the
    /// parameters that only move the accessibility (their rows show "—").
    var sensitivityNote: @Sendable (_ mostInfluential: String?, _ accessOnly: String?) -> String
    var robustZonesCaption: String

    // Siting.
    var beforeAndAfter: @Sendable (_ minutes: String) -> String
    var whereToAdd: @Sendable (_ sites: String) -> String
    var siting: @Sendable (_ minutes: String) -> String
    var chosenSite: @Sendable (_ name: String, _ covered: String) -> String

    // Publishing guard (docs/publishing.md).
    /// A count of people not printed: "secret (< 11)".
    var secret: @Sendable (_ minimum: String) -> String
    /// A figure above the threshold not printed, since it would give back a hidden one: "secret".
    var secretComplement: String
    var secrecyHeading: String
    /// What the guard hid: the thresholds, then the cells hidden under them and to protect them.
    var secrecyNote: @Sendable (_ people: String, _ practitioners: String, _ primary: String, _ secondary: String, _ totals: String?) -> String

    /// The table of a report's language.
    static func of(_ language: MapLabels.Language) -> ReportText {
        switch language {
        case .fr: french
        case .en: english
        }
    }
}
