import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords the schemas of `docs/schema/` use:
/// `$ref` (to `#/$defs/…` or `file.schema.json#/$defs/…` beside the schema), `type` (one or
/// several, `integer` being a number without fraction), `const`, `enum`, `properties`,
/// `required`, `additionalProperties` (`false` or a schema), `items`, `minItems`, `maxItems`,
/// `minimum`, `maximum`. Any other keyword is refused, so a schema cannot silently rely on one
/// this validator ignores (annotations such as `title` and `description` excepted).
public struct JSONSchemaValidator {
    public let folder: URL
    private var documents: [String: [String: Any]] = [:]

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = ["$ref", "type", "const", "enum", "properties", "required", "additionalProperties",
                                        "items", "minItems", "maxItems", "minimum", "maximum"]

    public init(folder: URL) throws {
        self.folder = folder
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".schema.json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            documents[name] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
    }

    /// The errors of `instance` against the schema file `name` (empty: valid), each as
    /// `path: message`.
    public func errors(of instance: Any, against name: String) -> [String] {
        guard let schema = documents[name] else { return ["no schema \(name)"] }
        var errors: [String] = []
        check(instance, schema, file: name, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ ref: String, file: String) -> (schema: [String: Any], file: String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target = parts[0].isEmpty ? file : parts[0]
        guard var node: Any = documents[target] else { return nil }
        for key in (parts.count > 1 ? parts[1] : "").split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(key)] else { return nil }
            node = next
        }
        return (node as? [String: Any]).map { ($0, target) }
    }

    private func check(_ value: Any, _ schema: [String: Any], file: String, path: String, errors: inout [String]) {
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): the schema uses '\(key)', which this validator does not know")
        }
        if let ref = schema["$ref"] as? String {
            guard let (target, targetFile) = resolve(ref, file: file) else { errors.append("\(path): unresolved $ref \(ref)"); return }
            check(value, target, file: targetFile, path: path, errors: &errors)
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let c = schema["const"], !Self.equal(c, value) { errors.append("\(path): expected the constant \(c), found \(value)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let n = Self.number(value) {
            if let min = schema["minimum"] as? Double, n < min { errors.append("\(path): \(n) is below the minimum \(min)") }
            if let max = schema["maximum"] as? Double, n > max { errors.append("\(path): \(n) is above the maximum \(max)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing the required key '\(key)'") }
            for (key, v) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(v, sub, file: file, path: "\(path).\(key)", errors: &errors)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed, schema["properties"] != nil {
                        errors.append("\(path): key '\(key)' is not in the schema")
                    } else if let sub = extra as? [String: Any] {
                        check(v, sub, file: file, path: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any], !(value is [String: Any]) {
            if let min = schema["minItems"] as? Int, array.count < min { errors.append("\(path): \(array.count) items, fewer than \(min)") }
            if let max = schema["maxItems"] as? Int, array.count > max { errors.append("\(path): \(array.count) items, more than \(max)") }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { check(v, items, file: file, path: "\(path)[\(i)]", errors: &errors) }
            }
        }
    }

    static func isBool(_ v: Any) -> Bool {
        // JSONSerialization gives booleans as CFBoolean NSNumbers (and `1 is Bool` holds for
        // any NSNumber), so the class name tells them apart.
        v is NSNumber && String(describing: type(of: v)).contains("Boolean")
    }

    static func number(_ v: Any) -> Double? {
        guard !isBool(v), let n = v as? NSNumber else { return nil }
        return n.doubleValue
    }

    static func matches(_ v: Any, type: String) -> Bool {
        switch type {
        case "null": v is NSNull
        case "boolean": isBool(v)
        case "number": number(v) != nil
        case "integer": number(v).map { $0 == $0.rounded() } ?? false
        case "string": v is String
        case "array": v is [Any]
        case "object": v is [String: Any]
        default: false
        }
    }

    static func typeName(_ v: Any) -> String {
        ["null", "boolean", "integer", "number", "string", "object", "array"].first { matches(v, type: $0) } ?? "\(type(of: v))"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        if let x = a as? String, let y = b as? String { return x == y }
        if isBool(a), isBool(b) { return (a as! NSNumber).boolValue == (b as! NSNumber).boolValue }
        return a is NSNull && b is NSNull
    }
}
