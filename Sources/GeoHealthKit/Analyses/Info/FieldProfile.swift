import GeoCore
import GeoIO

/// What one attribute field holds across a layer: the JSON types seen, how many features have
/// a value, and a few distinct examples. Used by `geohealth info`.
struct FieldProfile {
    var name: String
    var types: [String: Int] = [:]
    var present = 0
    var examples: [String] = []
    var numericMin = Double.infinity
    var numericMax = -Double.infinity

    static let exampleCount = 3

    init(name: String) {
        self.name = name
    }

    mutating func add(_ value: PropertyValue) {
        types[value.typeName, default: 0] += 1
        if case .null = value { return }
        present += 1
        if case .number(let d) = value {
            numericMin = min(numericMin, d)
            numericMax = max(numericMax, d)
        }
        if examples.count < Self.exampleCount {
            let text = value.stringValue ?? value.typeName
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            if !examples.contains(shown) { examples.append(shown) }
        }
    }

    /// Adds a CSV cell: numbers are recognised, the empty string is a missing value.
    mutating func add(cell: String) {
        if cell.isEmpty { add(.null); return }
        // Codes with leading zeros (INSEE "01053", postcodes) are text, not numbers.
        let looksLikeCode = cell.count > 1 && cell.hasPrefix("0") && !cell.hasPrefix("0.") && !cell.hasPrefix("0,")
        if !looksLikeCode, let d = Double(cell.trimmingSpaces()), d.isFinite { add(.number(d)); return }
        add(.string(cell))
    }

    func summary(of total: Int) -> Properties {
        let typeList = types.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        var p = Properties([
            ("name", .string(name)),
            ("types", .strings(typeList.map { "\($0.key) (\($0.value))" })),
            ("present", .int(present)),
            ("present_share", .share(Double(present), of: Double(total))),
            ("examples", .strings(examples)),
        ])
        if numericMin <= numericMax {
            p["minimum"] = .number(numericMin)
            p["maximum"] = .number(numericMax)
        }
        return p
    }
}
