/// The parameters of the DREES "accessibilité potentielle localisée" (APL) to general
/// practitioners: an E2SFCA whose supply is each GP's activity under the DREES rules, whose
/// demand is the population standardised by age, and whose catchment weights fall by time band.
///
/// Source: DREES, "L'accessibilité potentielle localisée (APL)", data.drees dataset 530, sheet
/// "Paramètres" of the APL to general practitioners (editions 2022 and 2023); method in
/// Barlet, Coldefy, Collin, Lucas-Gabrielli, Études et Résultats 795 (2012). The published
/// values are in `../shared/apl-drees-parameters.md` of the project and copied here.
///
/// - **Bands** (``DistanceDecay/dreesGeneralPractitioners``): weight 1 up to 10 minutes, 2/3 up
///   to 15, 1/3 up to 20, 0 beyond; the catchment is the last band (``catchmentMinutes``).
///   Bands read from a file may replace them.
/// - **Supply** of a GP, from the consultations, visits and teleconsultations of the year
///   (``ActivityRule``): ≤ 250 → 0; 251–3,600 → 3,600;
///   3,601–6,000 → as is; > 6,000 → 6,000; a GP with no activity the year before → 5,400;
///   GPs of centres de santé → their activity, uncapped.
/// - **Demand**: Dᵢ = Σ_g P_{i,g} · c_g, the population of 5-year age group g weighted by the
///   group's mean GP consumption over the national mean (``ageWeights2022`` or
///   ``ageWeights2023``). The population table gives the groups as columns `age_00_04` …
///   `age_85_89`, `age_90_plus`; weights read from a file may replace them.
/// - **Result unit**: Aᵢ = Σⱼ Rⱼ W(tᵢⱼ) with Rⱼ = Sⱼ / Σₖ Dₖ W(tₖⱼ) is in consultations (and
///   visits) accessible per standardised inhabitant per year; the zonage calls a commune
///   under-served below 2.5 (``underServedThreshold``).
public struct APLParameters: Sendable {
    /// The DREES APL edition whose age weights are used: 2022 (populations 2020) or 2023 (populations 2021).
    public enum Edition: Int, Sendable, CaseIterable {
        case y2022 = 2022, y2023 = 2023
    }

    /// The edition used when none is chosen: 2022 (populations municipales 2020).
    public static let defaultEdition = Edition.y2022

    /// The catchment's time bands (``DistanceDecay/dreesGeneralPractitioners`` unless replaced).
    public var bands: DistanceDecay
    /// Weight c_g of each age group (keys as ``ageGroups``): the group's GP consumption over the
    /// national mean.
    public var ageWeights: [String: Double]

    /// The age groups of the DREES tables, as the population table names them (without `age_`).
    public static let ageGroups = [
        "00_04", "05_09", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
        "50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84", "85_89", "90_plus",
    ]
    /// DREES APL 2022 (populations municipales 2020): GP consumption of the group ÷ national mean.
    public static let ageWeights2022 = Dictionary(uniqueKeysWithValues: zip(ageGroups, [
        0.93, 0.59, 0.55, 0.59, 0.73, 0.78, 0.84, 0.88, 0.90, 0.97, 1.06, 1.14, 1.16, 1.19, 1.52, 1.53, 1.72, 1.99, 2.39,
    ]))
    /// DREES APL 2023 (populations municipales 2021).
    static let ageWeights2023 = Dictionary(uniqueKeysWithValues: zip(ageGroups, [
        1.12, 0.58, 0.51, 0.60, 0.75, 0.79, 0.82, 0.85, 0.89, 0.93, 1.03, 1.15, 1.18, 1.23, 1.46, 1.57, 1.63, 1.89, 2.26,
    ]))
    /// APL below which the zonage of the ARS counts a commune as under-served.
    public static let underServedThreshold = 2.5
    /// Activity counted for a GP who had no private activity the year before.
    package static let newPractitionerActivity = 5_400.0
    /// The APL catchment in minutes: the upper bound of the last DREES band (beyond it every
    /// weight is 0).
    public static let catchmentMinutes = 20.0

    /// The DREES bands and the age weights of `edition` (2022 unless told).
    public init(edition: Edition = defaultEdition) {
        bands = .dreesGeneralPractitioners
        ageWeights = edition == .y2022 ? Self.ageWeights2022 : Self.ageWeights2023
    }

    /// The activity a GP counts for in the APL supply (DREES rules, see ``ActivityRule``).
    public static func countedActivity(_ activity: Double, newPractitioner: Bool = false, healthCentre: Bool = false) -> Double {
        ActivityRule(activity: activity, newPractitioner: newPractitioner, healthCentre: healthCentre).counted(activity)
    }

    /// Dᵢ = Σ_g P_{i,g} · c_g, over the population of each age group (keys as ``ageGroups``).
    /// - Throws: ``UnweightedAgeGroup`` for a group without a weight.
    public func standardizedPopulation(byAge: [String: Double]) throws(UnweightedAgeGroup) -> Double {
        var total = 0.0
        for (group, count) in byAge {
            guard let c = ageWeights[group] else { throw UnweightedAgeGroup(group: group) }
            total += count * c
        }
        return total
    }

    /// An age group of the population that the weights do not list.
    public struct UnweightedAgeGroup: Error, Sendable, Equatable, CustomStringConvertible {
        /// The age group's key, as in ``APLParameters/ageGroups`` (e.g. `90_plus`).
        public var group: String
        public var description: String {
            "no APL age weight for the age group '\(group)': the DREES weights are for the groups " +
            "\(APLParameters.ageGroups.map { "age_" + $0 }.joined(separator: ", "))"
        }
    }
}
