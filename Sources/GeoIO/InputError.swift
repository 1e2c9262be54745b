import GeoCore

/// A problem in a user's file, located as precisely as the format allows:
/// `communes.geojson: line 3, column 17 (byte 1234), feature 12: expected ',' or ']', found '}'`.
///
/// When the problem names a parameter that would fix it (`give sites_crs EPSG:n`), the message
/// is a ``ParameterMessage`` (``wording``): ``description`` says it in the domain's words (the
/// study file's keys), a front end spells it its own way (``rendered(_:)``; the CLI's flags).
package struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    var byteOffset: Int?
    /// Zero-based index of the feature (GeoJSON) or data row (CSV) being read.
    package var feature: Int?
    package var field: String?
    /// What is wrong, naming any parameter without spelling it.
    package var wording: ParameterMessage

    /// What is wrong, in the domain's words.
    package var message: String {
        get { wording.description }
        set { wording = ParameterMessage(stringLiteral: newValue) }
    }

    package init(
        file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, feature: Int? = nil,
        field: String? = nil, message: String
    ) {
        self.init(file: file, line: line, column: column, byteOffset: byteOffset, feature: feature, field: field,
                  wording: ParameterMessage(stringLiteral: message))
    }

    /// An error whose message names parameters (`"x/y columns need their CRS: give \(.sitesCRS) EPSG:n"`).
    package init(
        file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, feature: Int? = nil,
        field: String? = nil, wording: ParameterMessage
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.feature = feature
        self.field = field
        self.wording = wording
    }

    /// The parameters the message names, in order.
    package var parameters: [Parameter] { wording.parameters }

    /// The error in the domain's words.
    package var description: String { rendered(\.name) }

    /// The error with each parameter spelled by `spelling` (the CLI: its flags).
    package func rendered(_ spelling: (Parameter) -> String) -> String {
        var parts: [String] = []
        if let line {
            var p = "line \(line)"
            if let column { p += ", column \(column)" }
            if let byteOffset { p += " (byte \(byteOffset))" }
            parts.append(p)
        } else if let byteOffset {
            parts.append("byte \(byteOffset)")
        }
        if let feature { parts.append("feature \(feature)") }
        if let field { parts.append("field '\(field)'") }
        let message = wording.rendered(spelling)
        if parts.isEmpty { return "\(file): \(message)" }
        return "\(file): \(parts.joined(separator: ", ")): \(message)"
    }
}

/// Something read and repaired, or worth knowing, that did not stop reading.
package struct InputWarning: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var feature: Int?
    package var message: String

    package init(file: String, feature: Int?, message: String) {
        self.file = file
        self.feature = feature
        self.message = message
    }

    package var description: String {
        feature.map { "\(file): feature \($0): \(message)" } ?? "\(file): \(message)"
    }
}
