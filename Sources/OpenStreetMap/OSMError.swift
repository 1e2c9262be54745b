import COsmium

/// A failure of libosmium on a file (unreadable, corrupt, not OSM) or of a write, with the
/// library's own message; `file` is the path as the caller gave it.
package struct OSMError: Error, Sendable, CustomStringConvertible {
    /// The file being read or written.
    package var file: String
    /// What went wrong, in libosmium's words (or the writer's ordering rule).
    package var message: String

    package init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    package var description: String { "\(file): \(message)" }

    /// Takes a message that COsmium allocated, freeing it.
    static func taking(_ text: UnsafeMutablePointer<CChar>?, file: String, fallback: String) -> OSMError {
        let message = text.map { String(cString: $0) } ?? fallback
        cosmium_free_string(text)
        return OSMError(file: file, message: message)
    }
}
