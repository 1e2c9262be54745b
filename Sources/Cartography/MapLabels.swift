import Foundation

/// The words of maps and charts, in French (default: the users are French planners) or English.
package struct MapLabels: Sendable {
    package enum Language: String, Sendable, CaseIterable { case fr, en }

    package let language: Language
    /// What the territories drawn as outlines are (CPTS, EPCI, bassins de vie…): the user's
    /// word for them, shown in the legend.
    package var territoryName: String
    /// The territories' default name: GeoHealth was written for the CPTS.
    package static let defaultTerritoryName = "CPTS"
    package init(_ language: Language = .fr, territoryName: String = defaultTerritoryName) {
        self.language = language
        self.territoryName = territoryName
    }

    var noData: String { language == .fr ? "pas de donnée" : "no data" }
    package var unreachable: String { language == .fr ? "hors d'atteinte" : "unreachable" }
    /// A value hidden by statistical secrecy (docs/publishing.md).
    package var secret: String { language == .fr ? "secret statistique" : "statistical secrecy" }
    /// The usual names of the overseas départements, for map insets (nil: not one of them).
    package func overseasName(_ department: String) -> String? {
        switch department {
        case "971": "Guadeloupe"
        case "972": "Martinique"
        case "973": "Guyane"
        case "974": language == .fr ? "La Réunion" : "Réunion"
        case "976": "Mayotte"
        default: nil
        }
    }
    package var north: String { "N" }
    package var source: String { language == .fr ? "Source" : "Source" }
    package var population: String { language == .fr ? "Part de la population" : "Population share" }
    var valueShare: String { language == .fr ? "Part cumulée de la valeur" : "Cumulative value share" }
    package var communes: String { language == .fr ? "communes" : "communes" }
    package var count: String { language == .fr ? "nombre" : "count" }
    package var before: String { language == .fr ? "Avant" : "Before" }
    package var after: String { language == .fr ? "Après" : "After" }
    package var minutes: String { "min" }
    /// An isochrone's legend: `≤ 10 min par la route`.
    func isochrone(_ minutes: String) -> String { language == .fr ? "≤ \(minutes) min par la route" : "≤ \(minutes) min by road" }
    var gapZone: String { language == .fr ? "zone de carence" : "gap zone" }
    package var territory: String { language == .fr ? "territoire (\(territoryName))" : "territory (\(territoryName))" }
    /// A time in minutes, the unit of a travel-time legend.
    package var minutesUnit: String { "minutes" }
    /// A site kind's name in a legend: its singular (``kindNoun(_:)``), or the raw kind for
    /// a kind GeoHealth does not know.
    package func kind(_ raw: String) -> String { knownNoun(raw)?.singular ?? raw }

    /// A number for a legend or an axis, in the language's style: French `17 182,5` (narrow
    /// no-break space between thousands, decimal comma), English `17,182.5`.
    package func number(_ v: Double) -> String {
        let digits = abs(v) >= 100 ? 0 : (abs(v) >= 10 ? 1 : (abs(v) >= 1 ? 2 : 3))
        let s = svgNumber(v, digits)
        let negative = s.hasPrefix("-")
        let parts = s.dropFirst(negative ? 1 : 0).split(separator: ".", maxSplits: 1)
        let whole = Self.grouped(String(parts[0]), separator: language == .fr ? "\u{202F}" : ",")
        let fraction = parts.count > 1 ? (language == .fr ? "," : ".") + parts[1] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// Digits grouped by three from the right: `17182` → `17 182`.
    static func grouped(_ digits: String, separator: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }
}
