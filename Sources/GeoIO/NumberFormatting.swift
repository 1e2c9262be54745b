/// Deterministic decimal text for numbers: fixed maximum precision, trailing zeros trimmed,
/// no exponent for ordinary magnitudes, `-0` written as `0`. Used by every text writer so that
/// outputs compare byte for byte.
package enum NumberFormatting {
    private static let scales: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }

    /// Appends `value` rounded to `precision` decimals (0…15).
    package static func append(_ value: Double, precision: Int, to out: inout [UInt8]) {
        precondition((0...15).contains(precision), "precision must be 0…15")
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest) { buffer in
            let base = buffer.baseAddress!
            if let first = write(value, precision: precision, endingAt: longest, in: base) {
                out.append(contentsOf: UnsafeBufferPointer(start: base + first, count: longest - first))
            } else {
                appendUnusual(value, to: &out)
            }
        }
    }

    /// Appends `[x,y]`, each rounded to `precision` decimals (0…15): a GeoJSON position, in one
    /// append (the text is that of `[`, ``append(_:precision:to:)`` twice with `,`, and `]`).
    package static func appendPair(_ x: Double, _ y: Double, precision: Int, to out: inout [UInt8]) {
        precondition((0...15).contains(precision), "precision must be 0…15")
        let size = 2 * longest + 3
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { buffer in
            let base = buffer.baseAddress!
            func appendEach() {
                out.append(UInt8(ascii: "["))
                append(x, precision: precision, to: &out)
                out.append(UInt8(ascii: ","))
                append(y, precision: precision, to: &out)
                out.append(UInt8(ascii: "]"))
            }
            base[size - 1] = UInt8(ascii: "]")
            guard let yFirst = write(y, precision: precision, endingAt: size - 1, in: base) else { return appendEach() }
            base[yFirst - 1] = UInt8(ascii: ",")
            guard let xFirst = write(x, precision: precision, endingAt: yFirst - 1, in: base) else { return appendEach() }
            base[xFirst - 1] = UInt8(ascii: "[")
            out.append(contentsOf: UnsafeBufferPointer(start: base + xFirst - 1, count: size - xFirst + 1))
        }
    }

    /// The most bytes ``write(_:precision:endingAt:in:)`` writes: a sign, 16 digits and a point.
    private static let longest = 18

    /// Writes the text of `value` (rounded to `precision` decimals, trailing zeros trimmed)
    /// backwards so that it ends just before `end` in `buffer`; returns where it starts, or nil
    /// for a value that is not finite or too large for 16 digits (``appendUnusual(_:to:)``).
    /// Needs ``longest`` bytes before `end`.
    @inline(__always)
    private static func write(_ value: Double, precision: Int, endingAt end: Int, in buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        guard value.isFinite else { return nil }
        let scaled = (abs(value) * scales[precision]).rounded()
        guard scaled < 9.0e15 else { return nil }
        var units = UInt64(scaled)
        var i = end
        if units == 0 {
            i -= 1
            buffer[i] = UInt8(ascii: "0")
            return i
        }
        var decimals = precision
        while decimals > 0 && units % 10 == 0 {
            units /= 10
            decimals -= 1
        }
        // Digits from the last: the fraction's, the point, the integer part's (at least "0").
        var written = 0
        repeat {
            if written == decimals && written > 0 {
                i -= 1
                buffer[i] = UInt8(ascii: ".")
            }
            i -= 1
            buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: units % 10)
            units /= 10
            written += 1
        } while units > 0
        while written <= decimals {
            if written == decimals {
                i -= 1
                buffer[i] = UInt8(ascii: ".")
            }
            i -= 1
            buffer[i] = UInt8(ascii: "0")
            written += 1
        }
        if value < 0 {
            i -= 1
            buffer[i] = UInt8(ascii: "-")
        }
        return i
    }

    /// A value ``write(_:precision:endingAt:in:)`` does not take: `null` when not finite, else
    /// Swift's shortest round-trip text (magnitudes of 9e15 units and more).
    private static func appendUnusual(_ value: Double, to out: inout [UInt8]) {
        out.append(contentsOf: value.isFinite ? Array(value.description.utf8) : Array("null".utf8))
    }

    /// `value` as text, rounded to `precision` decimals.
    package static func string(_ value: Double, precision: Int) -> String {
        var out: [UInt8] = []
        append(value, precision: precision, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
