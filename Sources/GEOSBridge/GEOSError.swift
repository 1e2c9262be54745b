/// A failure reported by GEOS, with the library's own message.
public struct GEOSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The GEOS function or bridge operation that failed, e.g. `GEOSIntersection`.
    public var operation: String
    /// GEOS's message (from the context's error handler), or the bridge's explanation.
    public var message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "GEOS \(operation) failed: \(message)" }
}
