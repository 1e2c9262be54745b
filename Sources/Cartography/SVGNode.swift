import Foundation

/// A node of an SVG document, serialised once, deterministically: attributes in the order given,
/// XML-escaped text, `\n` after each element that has element children.
package indirect enum SVGNode: Sendable, Equatable {
    case element(String, [(String, String)], [SVGNode])
    case text(String)

    package static func == (a: SVGNode, b: SVGNode) -> Bool { a.xml == b.xml }

    static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [SVGNode] = []) -> SVGNode {
        .element(name, attributes, children)
    }

    package var xml: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .text(let t): out += Self.escape(t)
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (k, v) in attributes { out += " \(k)=\"\(Self.escape(v))\"" }
            if children.isEmpty { out += "/>"; return }
            out += ">"
            let block = children.contains { if case .element = $0 { true } else { false } }
            if block { out += "\n" }
            for c in children {
                c.write(into: &out)
                if block { out += "\n" }
            }
            out += "</\(name)>"
        }
    }

    /// XML escaping of `& < > "`. Bytes, not characters: the four are ASCII, so UTF-8 sequences
    /// pass through untouched; a text without them (path data, most labels) is returned as is.
    static func escape(_ s: String) -> String {
        func special(_ b: UInt8) -> Bool { b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") }
        guard s.utf8.contains(where: special) else { return s }
        var r: [UInt8] = []
        r.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): r += Array("&amp;".utf8)
            case UInt8(ascii: "<"): r += Array("&lt;".utf8)
            case UInt8(ascii: ">"): r += Array("&gt;".utf8)
            case UInt8(ascii: "\""): r += Array("&quot;".utf8)
            default: r.append(b)
            }
        }
        return String(decoding: r, as: UTF8.self)
    }

    /// Elements named `name` anywhere below (depth-first), for structural tests.
    package func elements(named name: String) -> [SVGNode] {
        guard case .element(let n, _, let children) = self else { return [] }
        return (n == name ? [self] : []) + children.flatMap { $0.elements(named: name) }
    }

    package func attribute(_ key: String) -> String? {
        guard case .element(_, let attributes, _) = self else { return nil }
        return attributes.first { $0.0 == key }?.1
    }
}

/// Numbers for SVG: fixed decimals, trailing zeros and "-0" removed — the same text as
/// `String(format: "%.<precision>f")` trimmed, which it was (and still is for the rare values
/// it hands over), but written from the scaled integer: formatting path coordinates was 70 %
/// of the instructions of a national map. A value whose scaled fraction lies within 10⁻⁶ of
/// one half, where the binary value decides the rounding, goes to `String(format:)`.
package func svgNumber(_ v: Double, _ precision: Int = 1) -> String {
    if precision >= 0, precision < svgPowers.count, v.isFinite, abs(v) < 1e12 {
        let x = v * svgPowers[precision]
        if abs(x - x.rounded(.down) - 0.5) > 1e-6 {
            let n = Int64(x.rounded())
            if n == 0 { return "0" }
            var magnitude = n.magnitude
            var digits = [UInt8]()
            digits.reserveCapacity(24)
            var fraction = precision
            // Trailing zeros of the fraction are dropped before they are written.
            while fraction > 0, magnitude % 10 == 0 { magnitude /= 10; fraction -= 1 }
            var written = 0
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                written += 1
                if written == fraction { digits.append(UInt8(ascii: ".")) }
            } while magnitude > 0 || written < fraction
            if written == fraction { digits.append(UInt8(ascii: "0")) }
            if n < 0 { digits.append(UInt8(ascii: "-")) }
            return String(decoding: digits.reversed(), as: UTF8.self)
        }
    }
    var s = String(format: "%.\(precision)f", v)
    if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
}

private let svgPowers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
