/// A message that names parameters (``Parameter``) without spelling them: written once with
/// string interpolation, rendered with the domain names (``description``) or with any other
/// spelling a front end chooses (the CLI's flags).
///
/// ```swift
/// let m: ParameterMessage = "\(.minutesAbove) needs \(.siteKind)"
/// m.description                           // "minutes_above needs site_kind"
/// m.rendered { "--" + $0.name.replacingOccurrences(of: "_", with: "-") }  // "--minutes-above needs --site-kind"
/// ```
public struct ParameterMessage: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    enum Piece: Sendable, Hashable {
        case text(String)
        case parameter(Parameter)
    }

    var pieces: [Piece]

    /// A message of plain text, naming no parameter.
    public init(stringLiteral value: String) { pieces = [.text(value)] }

    /// The message an interpolated string literal builds: its text and the parameters it names.
    public init(stringInterpolation: StringInterpolation) { pieces = stringInterpolation.pieces }

    /// The builder of an interpolated `ParameterMessage` literal: text and ``Parameter``s, in order.
    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        /// An empty message (the capacities are not used).
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Appends the literal text `literal`.
        public mutating func appendLiteral(_ literal: String) { pieces.append(.text(literal)) }

        /// A parameter, rendered by whoever prints the message.
        public mutating func appendInterpolation(_ parameter: Parameter) { pieces.append(.parameter(parameter)) }

        /// Any other value, as `String(describing:)` writes it.
        public mutating func appendInterpolation<T>(_ value: T) { pieces.append(.text(String(describing: value))) }
    }

    /// The parameters named, in order of appearance.
    public var parameters: [Parameter] {
        pieces.compactMap { if case .parameter(let p) = $0 { p } else { nil } }
    }

    /// The message with each parameter spelled by `spelling`.
    public func rendered(_ spelling: (Parameter) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .parameter(let p): spelling(p)
            }
        }.joined()
    }

    /// The two messages one after the other: a long message written over several lines.
    public static func + (lhs: ParameterMessage, rhs: ParameterMessage) -> ParameterMessage {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }

    /// The message in the domain's words (``Parameter/name``).
    public var description: String { rendered(\.name) }
}
