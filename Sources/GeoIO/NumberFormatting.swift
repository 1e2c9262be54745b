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
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var u = units
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(u % 10))
            u /= 10
        } while u > 0
        while digits.count <= decimals { digits.append(UInt8(ascii: "0")) }
        for i in stride(from: digits.count - 1, through: 0, by: -1) {
            out.append(digits[i])
            if i == decimals && i > 0 { out.append(UInt8(ascii: ".")) }
        }
    }

    /// `value` as text, rounded to `precision` decimals.
    package static func string(_ value: Double, precision: Int) -> String {
        var out: [UInt8] = []
        append(value, precision: precision, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
