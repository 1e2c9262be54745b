import Foundation

/// The words of the zonage maps (`geohealth zoning --map-before/--map-after`).
extension MapLabels {
    /// The three classes with their APL bounds, from the least served: `ZIP (APL < 2,5)`,
    /// `ZAC (2,5 ≤ APL < 4)`, `hors zonage (APL ≥ 4)`.
    package func zoningClasses(priorityBelow: Double, complementaryBelow: Double) -> [String] {
        let (zip, zac) = (number(priorityBelow), number(complementaryBelow))
        return ["ZIP (APL < \(zip))", "ZAC (\(zip) ≤ APL < \(zac))", (language == .fr ? "hors zonage" : "outside") + " (APL ≥ \(zac))"]
    }

    /// The legend's heading.
    package var zoningLegend: String { language == .fr ? "Zonage médecins (seuils d'APL)" : "GP zoning (APL thresholds)" }

    /// The map's title before or after the scenario.
    package func zoningTitle(after: Bool) -> String {
        switch (language, after) {
        case (.fr, false): "Zonage médecins généralistes, avant"
        case (.fr, true): "Zonage médecins généralistes, après le scénario"
        case (.en, false): "GP zoning, before"
        case (.en, true): "GP zoning, after the scenario"
        }
    }
}
