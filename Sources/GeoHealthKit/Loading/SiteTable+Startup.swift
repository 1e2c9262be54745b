import Foundation
import GeoCore
import GeoIO

extension SiteTable {
    /// A site's start-up delay (``SiteSchema/startupField``, ``Site/startupMinutes``) from its
    /// cell or property: minutes ≥ 0 written `12`, `12.5` or `12,5`, or a JSON number.
    ///
    /// An empty cell or a missing or null property is an error, not 0: a blank is an unknown
    /// delay, and a silent 0 would overstate coverage (write 0 for a site that leaves at once).
    /// - Throws: ``InputError`` naming the file, the line (CSV) or feature (GeoJSON) and the field.
    static func startupMinutes(_ value: PropertyValue?, file: String, line: Int? = nil, feature: Int? = nil, field: String) throws -> Double {
        func refuse(_ message: String) -> InputError { InputError(file: file, line: line, feature: feature, field: field, message: message) }
        let minutes: Double?
        switch value {
        case .number(let v)?: minutes = v
        case .string(let s)?:
            let text = s.trimmingSpaces()
            if text.isEmpty { throw refuse("empty start-up delay: write the minutes before departure (0 for none)") }
            minutes = Double(text.replacingOccurrences(of: ",", with: "."))
        case nil, .null?: throw refuse("no start-up delay: write the minutes before departure (0 for none)")
        default: minutes = nil
        }
        guard let minutes, minutes >= 0, minutes.isFinite else {
            throw refuse("start-up delay '\(value?.stringValue ?? value?.typeName ?? "")' is not a number of minutes ≥ 0")
        }
        return minutes
    }
}
