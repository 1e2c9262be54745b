import GeoCore

/// A failure reported by PROJ, with the library's message.
package enum ProjectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PROJ does not know the CRS or cannot build an operation between the two.
    case unknownCRS(String, message: String)
    case noTransformation(from: CRS, to: CRS, message: String)
    /// A coordinate could not be transformed (outside the projection's domain, not finite, …).
    case pointFailed(index: Int, coordinate: Coordinate, message: String)

    package var description: String {
        switch self {
        case .unknownCRS(let name, let message):
            "unknown CRS '\(name)': \(message)"
        case .noTransformation(let from, let to, let message):
            "no transformation from \(from) to \(to): \(message)"
        case .pointFailed(let index, let c, let message):
            "cannot transform coordinate \(index) (\(c.x), \(c.y)): \(message)"
        }
    }
}
