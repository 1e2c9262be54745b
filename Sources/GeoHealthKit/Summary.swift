import GeoCore
import GeoIO

/// What a command reports: an ordered tree of values, printed as indented text for people
/// or as JSON (`--format json`) for scripts. Every command uses this one convention.
public struct Summary: Sendable {
    public var root: Properties

    public init(_ entries: [(key: String, value: PropertyValue)] = []) {
        root = Properties(entries)
    }

    public subscript(key: String) -> PropertyValue? {
        get { root[key] }
        set { root[key] = newValue }
    }

    public var json: String { JSONText.string(.object(root)) + "\n" }

    /// Indented `key: value` lines; lists of more than `listLimit` scalars are cut with a count.
    public func text(listLimit: Int = 12) -> String {
        var out = ""
        Self.render(root, indent: "", listLimit: listLimit, into: &out)
        return out
    }

    private static func render(_ props: Properties, indent: String, listLimit: Int, into out: inout String) {
        for (key, value) in props {
            switch value {
            case .object(let inner) where inner.isEmpty:
                out += "\(indent)\(key): none\n"
            case .object(let inner):
                out += "\(indent)\(key):\n"
                render(inner, indent: indent + "  ", listLimit: listLimit, into: &out)
            case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
                out += "\(indent)\(key):\n"
                for item in items {
                    guard case .object(let inner) = item else { out += "\(indent)  - \(scalar(item))\n"; continue }
                    var block = ""
                    render(inner, indent: indent + "    ", listLimit: listLimit, into: &block)
                    out += "\(indent)  - " + block.dropFirst(indent.count + 4)
                }
            case .array(let items):
                let shown = items.prefix(listLimit).map(scalar).joined(separator: ", ")
                let more = items.count > listLimit ? " … (\(items.count) in all)" : ""
                out += "\(indent)\(key): \(items.isEmpty ? "none" : shown + more)\n"
            default:
                out += "\(indent)\(key): \(scalar(value))\n"
            }
        }
    }

    private static func scalar(_ v: PropertyValue) -> String {
        switch v {
        case .string(let s): s
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : NumberFormatting.string(d, precision: 6)
        case .null: "—"
        default: JSONText.string(v)
        }
    }
}

extension PropertyValue {
    /// Convenience for building summaries.
    public static func int(_ n: Int) -> PropertyValue { .number(Double(n)) }
    public static func strings(_ s: [String]) -> PropertyValue { .array(s.map { .string($0) }) }
    public static func fixed(_ d: Double, _ precision: Int) -> PropertyValue {
        .number(Double(NumberFormatting.string(d, precision: precision)) ?? d)
    }
}
