/// Deterministic decimal text for numbers: fixed maximum precision, trailing zeros trimmed,
/// no exponent for ordinary magnitudes, `-0` written as `0`. Used by every text writer so that
/// outputs compare byte for byte.
package enum NumberFormatting {
    private static let scales: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }

    /// Appends `value` rounded to `precision` decimals (0…15).
    package static func append(_ value: Double, precision: Int, to out: inout [UInt8]) {
        precondition((0...15).contains(precision), "precision must be 0…15")
        guard value.isFinite else {
            out.append(contentsOf: Array("null".utf8))
            return
        }
        let scale = scales[precision]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else {
            out.append(contentsOf: Array(value.description.utf8))
            return
        }
        var units = UInt64(scaled)
        if units == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var decimals = precision
        while decimals > 0 && units % 10 == 0 {
            units /= 10
            decimals -= 1
        }
        // Digits written backwards at the end of `out`, then turned around in place (no array
        // per number: tables of millions of rows are written through here).
        let start = out.count
        var u = units, written = 0
        repeat {
            if written == decimals && written > 0 { out.append(UInt8(ascii: ".")) }
            out.append(UInt8(ascii: "0") + UInt8(u % 10))
            u /= 10
            written += 1
        } while u > 0
        while written <= decimals {
            if written == decimals { out.append(UInt8(ascii: ".")) }
            out.append(UInt8(ascii: "0"))
            written += 1
        }
        out[start..<out.count].reverse()
    }

    /// `value` as text, rounded to `precision` decimals.
    package static func string(_ value: Double, precision: Int) -> String {
        var out: [UInt8] = []
        append(value, precision: precision, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
