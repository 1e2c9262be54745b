extension SpeedTable {
    /// Parses a `maxspeed` value (docs/roads.md §3): `80`, `80 km/h`, `50 mph`, `FR:urban` (50),
    /// `FR:rural` (80), `FR:motorway` (130), `FR:zone30` (30), `FR:walk` (6); nil for `none`,
    /// `signals`, `variable` or anything else unreadable (then the class speed applies).
    /// Never fails: a value with trailing text (`50;30`, `90 km/h`) reads its leading number.
    public static func parseMaxspeed(_ text: String) -> Double? {
        let t = text.lowercased().filter { $0 != " " }
        switch t {
        case "fr:urban": return 50
        case "fr:rural": return 80
        case "fr:motorway": return 130
        case "fr:zone30": return 30
        case "fr:walk": return 6
        case "none", "signals", "variable": return nil
        default: break
        }
        let digits = t.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard digits.count <= 6, let v = Double(digits), v > 0, v.isFinite else { return nil }
        return t.dropFirst(digits.count).hasPrefix("mph") ? v * 1.609344 : v
    }
}
