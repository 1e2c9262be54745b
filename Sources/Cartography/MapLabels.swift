import Foundation

/// The words of maps and charts, in French (default: the users are French planners) or English.
public struct MapLabels: Sendable {
    public enum Language: String, Sendable, CaseIterable { case fr, en }

    public let language: Language
    public init(_ language: Language = .fr) { self.language = language }

    public var noData: String { language == .fr ? "pas de donnée" : "no data" }
    public var unreachable: String { language == .fr ? "hors d'atteinte" : "unreachable" }
    /// The usual names of the overseas départements, for map insets (nil: not one of them).
    public func overseasName(_ department: String) -> String? {
        switch department {
        case "971": "Guadeloupe"
        case "972": "Martinique"
        case "973": "Guyane"
        case "974": language == .fr ? "La Réunion" : "Réunion"
        case "976": "Mayotte"
        default: nil
        }
    }
    public var north: String { "N" }
    public var source: String { language == .fr ? "Source" : "Source" }
    public var population: String { language == .fr ? "Part de la population" : "Population share" }
    public var valueShare: String { language == .fr ? "Part cumulée de la valeur" : "Cumulative value share" }
    public var equality: String { language == .fr ? "Égalité" : "Equality" }
    public var communes: String { language == .fr ? "communes" : "communes" }
    public var count: String { language == .fr ? "nombre" : "count" }
    public var before: String { language == .fr ? "Avant" : "Before" }
    public var after: String { language == .fr ? "Après" : "After" }
    public var minutes: String { "min" }
    public var gapZone: String { language == .fr ? "zone de carence" : "gap zone" }
    public var territory: String { language == .fr ? "territoire (CPTS)" : "territory (CPTS)" }
    public func kind(_ raw: String) -> String {
        switch (raw, language) {
        case ("msp", .fr): "MSP"
        case ("msp", .en): "MSP (multi-professional health centre)"
        case ("hospital", .fr): "hôpital"
        case ("hospital", .en): "hospital"
        case ("emergency", .fr): "urgences"
        case ("emergency", .en): "emergency department"
        case ("sas", _): "SAS"
        case ("centre", .fr): "centre de santé"
        case ("centre", .en): "health centre"
        default: raw
        }
    }
    /// A number for a legend, in the language's style (decimal comma in French).
    public func number(_ v: Double) -> String {
        let digits = abs(v) >= 100 ? 0 : (abs(v) >= 10 ? 1 : (abs(v) >= 1 ? 2 : 3))
        let s = svgNumber(v, digits)
        return language == .fr ? s.replacingOccurrences(of: ".", with: ",") : s
    }
}
