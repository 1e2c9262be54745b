import Foundation
import Accessibility
import GeoIO

/// The parameters of the DREES "accessibilité potentielle localisée" (APL): an E2SFCA whose
/// supply is practitioners' activity (full-time equivalents, or consultations per year), whose
/// demand is the population standardised by age with consumption weights, and whose catchment
/// weights fall by time band.
///
/// - **Bands** (default ``DistanceDecay/dreesGeneralPractitioners``): 1 up to 10 minutes, 2/3 up to
///   15, 1/3 up to 20 (DREES, Études et Résultats 795, 2012). A CSV `upto,weight` overrides them.
/// - **Age weights** (default ``defaultAgeWeights``): a person of group g counts cᵍ / c̄, where cᵍ
///   is the mean number of GP consultations per person per year at that age and c̄ the national
///   mean over the France 2021 age pyramid. The defaults are rounded orders of magnitude of the
///   Assurance maladie / DREES consumption by age (about 3 to 8 consultations a year from youth
///   to old age), given for illustration: for official APL figures, pass the DREES weights with a
///   CSV `group,weight` (groups named as the `age_*` columns of the population table, without
///   the prefix).
/// - Communes without age columns keep their raw population (noted in the summary).
public struct APLParameters: Sendable {
    public var bands: DistanceDecay
    public var ageWeights: [String: Double]

    /// Consultations per person per year by age group (illustrative; see the type's documentation).
    public static let defaultAgeWeights: [String: Double] = [
        "00_14": 3.6, "15_29": 2.9, "30_44": 3.4, "45_59": 4.1, "60_74": 5.3, "75_plus": 7.9,
    ]
    /// France 2021 population shares of the same groups (INSEE, rounded), for the national mean.
    static let pyramid: [String: Double] = ["00_14": 0.17, "15_29": 0.17, "30_44": 0.18, "45_59": 0.20, "60_74": 0.17, "75_plus": 0.11]

    public init(bands: DistanceDecay = .dreesGeneralPractitioners, ageWeights: [String: Double] = APLParameters.defaultAgeWeights) {
        self.bands = bands
        self.ageWeights = ageWeights
    }

    /// Σ_g pop_g · c_g / c̄, with c̄ over the national pyramid (over the groups present in both).
    public func standardizedPopulation(byAge: [String: Double]) throws -> Double {
        var total = 0.0, meanWeight = 0.0, shares = 0.0
        for (group, share) in Self.pyramid {
            guard let c = ageWeights[group] else { continue }
            meanWeight += c * share
            shares += share
        }
        if shares > 0 { meanWeight /= shares }
        for (group, count) in byAge {
            guard let c = ageWeights[group] else { throw OptionError("no APL age weight for the age group '\(group)'; give one in --age-weights") }
            total += count * c / (meanWeight > 0 ? meanWeight : 1)
        }
        return total
    }

    /// Reads `upto,weight` bands.
    public static func bands(from url: URL) throws -> DistanceDecay {
        let table = try CSVTable.read(contentsOf: url)
        let upto = try table.column("upto"), weight = try table.column("weight")
        let bands = try table.rows.enumerated().map { r, row -> DistanceDecay.Band in
            guard let u = Double(row[upto]), let w = Double(row[weight]), u > 0, w >= 0 else {
                throw InputError(file: table.file, line: table.lineNumbers[r], message: "a band needs upto > 0 and weight ≥ 0")
            }
            return DistanceDecay.Band(upTo: u, weight: w)
        }
        return .steps(bands.sorted { $0.upTo < $1.upTo })
    }

    /// Reads `group,weight` age weights.
    public static func ageWeights(from url: URL) throws -> [String: Double] {
        let table = try CSVTable.read(contentsOf: url)
        let group = try table.column("group"), weight = try table.column("weight")
        var out: [String: Double] = [:]
        for (r, row) in table.rows.enumerated() {
            guard let w = Double(row[weight]), w >= 0 else {
                throw InputError(file: table.file, line: table.lineNumbers[r], field: "weight", message: "'\(row[weight])' is not a non-negative weight")
            }
            out[row[group].hasPrefix("age_") ? String(row[group].dropFirst(4)) : row[group]] = w
        }
        return out
    }
}
