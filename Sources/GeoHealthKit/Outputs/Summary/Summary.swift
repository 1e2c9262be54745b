import GeoCore
import GeoIO

/// What a command reports: an ordered tree of typed values, printed as indented text for
/// people or as JSON (`--format json`) for scripts. Every command uses this one convention,
/// written down in docs/json.md:
///
/// - keys are snake_case and fixed by the command's schema (`docs/schema/COMMAND.schema.json`);
///   data values (kinds, territories, groups) are never keys: collections of them are arrays
///   of objects (`[{"kind": "msp", "sites": 22}]`);
/// - numbers are numbers; a unit is in the key (`minutes`, `km`, `km2`, `per_100000`); a share
///   is a fraction in 0…1 whose key says so (`share`, `…_share`), printed as a percentage in
///   the text only;
/// - a value that does not exist is `null` (text: "—").
///
/// The text is derived from the same tree: underscores become spaces, shares percentages,
/// and an array of flat objects one line per item.
public struct Summary: Sendable {
    /// The version of the JSON layout (docs/json.md), written as `schema_version` at the top
    /// of every JSON summary; raised when a key is renamed or removed.
    static let schemaVersion = 1

    /// The tree of values: top-level keys in the order the command reports them.
    public var root: Properties

    /// A summary with the top-level `entries`, in order.
    public init(_ entries: [(key: String, value: PropertyValue)] = []) {
        root = Properties(entries)
    }

    /// The value at the top-level `key`, or `nil`; setting `nil` removes it, a new key goes last.
    public subscript(key: String) -> PropertyValue? {
        get { root[key] }
        set { root[key] = newValue }
    }

    /// The summary as one JSON object, headed by `schema_version` and `command`.
    public func json(command: String) -> String {
        var head = Properties([("schema_version", .int(Self.schemaVersion)), ("command", .string(command))])
        for (k, v) in root { head[k] = v }
        return JSONText.string(.object(head)) + "\n"
    }

    /// Indented `key: value` lines; lists of more than `listLimit` scalars are cut with a count.
    public func text(listLimit: Int = 12) -> String {
        var out = ""
        Self.render(root, indent: "", listLimit: listLimit, into: &out)
        return out
    }

    /// The text label of a key: its words.
    static func label(_ key: String) -> String { key.replacingOccurrences(of: "_", with: " ") }

    /// Whether a key names a share (a fraction printed as a percentage).
    static func isShare(_ key: String) -> Bool {
        key == "share" || key.hasSuffix("_share") || key.hasPrefix("share_")
    }

    /// A share (a fraction in 0…1) as a percentage with one decimal, never rounded to the two
    /// values that say "nobody" or "everybody" when they are not exact: a share in (0, 0.0005)
    /// reads "< 0.1 %", one in (0.9995, 1) "> 99.9 %" (201 people of 534,490 are not 0 %).
    public static func percentage(_ share: Double) -> String {
        let text = NumberFormatting.string(share * 100, precision: 1)
        if share > 0 && share < 1 {
            if text == "0" { return "< 0.1 %" }
            if text == "100" { return "> 99.9 %" }
        }
        return text + " %"
    }

    private static func render(_ props: Properties, indent: String, listLimit: Int, into out: inout String) {
        for (key, value) in props {
            let name = label(key)
            switch value {
            case .object(let inner) where inner.isEmpty:
                out += "\(indent)\(name): none\n"
            case .object(let inner):
                out += "\(indent)\(name):\n"
                render(inner, indent: indent + "  ", listLimit: listLimit, into: &out)
            case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
                out += "\(indent)\(name):\n"
                for item in items {
                    guard case .object(let inner) = item else { out += "\(indent)  - \(scalar(item, key: key))\n"; continue }
                    if inner.allSatisfy({ !$0.value.isContainer }) {
                        out += "\(indent)  - " + inner.map { "\(label($0.key)): \(scalar($0.value, key: $0.key))" }.joined(separator: ", ") + "\n"
                        continue
                    }
                    var block = ""
                    render(inner, indent: indent + "    ", listLimit: listLimit, into: &block)
                    out += "\(indent)  - " + block.dropFirst(indent.count + 4)
                }
            case .array(let items):
                let shown = items.prefix(listLimit).map { scalar($0, key: key) }.joined(separator: ", ")
                let more = items.count > listLimit ? " … (\(items.count) in all)" : ""
                out += "\(indent)\(name): \(items.isEmpty ? "none" : shown + more)\n"
            default:
                out += "\(indent)\(name): \(scalar(value, key: key))\n"
            }
        }
    }

    private static func scalar(_ v: PropertyValue, key: String) -> String {
        switch v {
        case .string(let s): s
        case .number(let d) where isShare(key): percentage(d)
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : NumberFormatting.string(d, precision: 6)
        case .bool(let b): b ? "yes" : "no"
        case .null: "—"
        default: JSONText.string(v)
        }
    }
}

extension PropertyValue {
    /// Convenience for building summaries.
    package static func int(_ n: Int) -> PropertyValue { .number(Double(n)) }
    /// A head count computed in `Double`s (a sum of populations), rounded to a whole number for
    /// display. Total, unlike `.headCount(x)`, which traps on a non-finite or huge
    /// value: a non-finite one is `null` (inputs are bounded, so it signals a bug, never a crash).
    static func headCount(_ x: Double) -> PropertyValue { x.isFinite ? .number(x.rounded() + 0) : .null }  // + 0: never -0
    package static func strings(_ s: [String]) -> PropertyValue { .array(s.map { .string($0) }) }
    package static func fixed(_ d: Double, _ precision: Int) -> PropertyValue {
        .number(Double(NumberFormatting.string(d, precision: precision)) ?? d)
    }
    /// A fraction in 0…1 kept to four decimals (0.1 % in the text); `null` when the whole is 0.
    /// A fraction that is not 0 or 1 is never rounded to either (3 people of 60 million are not
    /// 0): it keeps all its digits then.
    package static func share(_ part: Double, of whole: Double) -> PropertyValue {
        guard whole > 0 else { return .null }
        let fraction = part / whole, rounded = Double(NumberFormatting.string(fraction, precision: 4)) ?? fraction
        return .number((rounded == 0 || rounded == 1) && rounded != fraction ? fraction : rounded)
    }
    /// An array of flat objects, one per item.
    package static func rows<S: Sequence>(_ items: S, _ row: (S.Element) -> [(String, PropertyValue)]) -> PropertyValue {
        .array(items.map { .object(Properties(row($0))) })
    }

    var isContainer: Bool {
        switch self { case .object, .array: true; default: false }
    }
}
