/// A problem in a user's file, located as precisely as the format allows:
/// `communes.geojson: line 3, column 17 (byte 1234), feature 12: expected ',' or ']', found '}'`.
package struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    var byteOffset: Int?
    /// Zero-based index of the feature (GeoJSON) or data row (CSV) being read.
    package var feature: Int?
    package var field: String?
    package var message: String

    package init(
        file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, feature: Int? = nil,
        field: String? = nil, message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.feature = feature
        self.field = field
        self.message = message
    }

    package var description: String {
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
