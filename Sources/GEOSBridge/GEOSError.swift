/// A failure reported by GEOS, with the library's own message.
package struct GEOSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The GEOS function or bridge operation that failed, e.g. `GEOSIntersection`.
    package var operation: String
    /// GEOS's message (from the context's error handler), or the bridge's explanation.
    package var message: String

    package init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    package var description: String { "GEOS \(operation) failed: \(message)" }
}
