/// A JSON value held by a feature's properties (RFC 8259 types; objects keep their key order).
public enum PropertyValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([PropertyValue])
    case object(Properties)

    /// The JSON type name, for messages and field summaries.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A number, or a string that parses as one (CSV columns arrive as strings).
    public var doubleValue: Double? {
        switch self {
        case .number(let d): d
        case .string(let s): Double(s.trimmingSpaces())
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// A string for keys and labels: strings as they are, integral numbers without a decimal point.
    public var stringValue: String? {
        switch self {
        case .string(let s): s
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { String(Int64(d)) } else { String(d) }
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}

/// Feature properties: an ordered list of key–value pairs (order is kept for deterministic output).
public struct Properties: Hashable, Sendable, Sequence {
    /// The key–value pairs, in order.
    public private(set) var entries: [(key: String, value: PropertyValue)]

    /// Properties holding `entries`, in their order (a repeated key is kept; lookups find the first).
    public init(_ entries: [(key: String, value: PropertyValue)] = []) {
        self.entries = entries
    }

    /// The number of entries.
    public var count: Int { entries.count }
    /// Whether there is no entry.
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key` (the first one, when a file repeats a key), or `nil`.
    public subscript(key: String) -> PropertyValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Appends the entries whose key is not present yet, in their order (an empty set of
    /// properties simply takes `new`). Few entries (the usual feature) are searched in place;
    /// more go through a set of the present keys.
    public mutating func addMissing(_ new: [(key: String, value: PropertyValue)]) {
        if entries.isEmpty {
            entries = new
            return
        }
        entries.reserveCapacity(entries.count + new.count)
        let existing = entries.count
        if existing * new.count <= 256 {
            for e in new where !entries[..<existing].contains(where: { $0.key == e.key }) { entries.append(e) }
            return
        }
        let present = Set(entries.map(\.key))
        for e in new where !present.contains(e.key) { entries.append(e) }
    }

    /// Iterates the key–value pairs in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: PropertyValue)]> {
        entries.makeIterator()
    }

    public static func == (a: Properties, b: Properties) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for (k, v) in entries {
            hasher.combine(k)
            hasher.combine(v)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (Foundation-free).
    package func trimmingSpaces() -> String {
        // Most text has none: a Character equal to one of the four starts and ends with its byte.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, !Self.isSpaceByte(first), !Self.isSpaceByte(last) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }

    private static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
