import GeoCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONScanner {
    /// Exact powers of ten (every one is representable as a Double).
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Parses a JSON number. Fast path (Clinger 1990): up to 15 significant digits and a decimal
    /// exponent within ±22 give an exactly rounded result with one multiplication or division;
    /// anything else goes to `strtod`. Non-finite results (`1e999`) are errors, not infinities.
    @inline(__always) mutating func parseNumber(_ what: @autoclosure () -> String) throws -> Double {
        skipWhitespace()
        let start = pos
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var d = current &- UInt8(ascii: "0")
        guard d < 10 else {
            pos = start
            throw error("expected \(what()) (a number), found \(found)")
        }
        if d == 0 {
            pos += 1
        } else {
            while d < 10 {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significant += 1
                } else {
                    exponent += 1
                }
                pos += 1
                d = current &- UInt8(ascii: "0")
            }
        }
        if current == UInt8(ascii: ".") {
            pos += 1
            d = current &- UInt8(ascii: "0")
            guard d < 10 else { throw error("expected a digit after the decimal point, found \(found)") }
            if significant <= 11, pos + 8 <= count {  // up to 8 digits at once (``fractionDigits``)
                let (k, value) = Self.fractionDigits(UnsafeRawPointer(bytes + pos).loadUnaligned(as: UInt64.self))
                if mantissa != 0 {
                    significant += k
                } else if value != 0 {
                    significant += Self.decimalDigits(value)  // leading zeros are not significant
                }
                mantissa = mantissa &* Self.powersOfTenInteger[k] &+ value
                exponent -= k
                pos += k
                d = current &- UInt8(ascii: "0")
            }
            while d < 10 {
                if significant < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        significant += 1
                    }
                    exponent -= 1
                }
                pos += 1
                d = current &- UInt8(ascii: "0")
            }
        }
        if current | 0x20 == UInt8(ascii: "e") {
            pos += 1
            var expNegative = false
            if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
                expNegative = current == UInt8(ascii: "-")
                pos += 1
            }
            d = current &- UInt8(ascii: "0")
            guard d < 10 else { throw error("expected a digit in the exponent, found \(found)") }
            var e = 0
            while d < 10 {
                if e < 100_000 { e = e * 10 + Int(d) }
                pos += 1
                d = current &- UInt8(ascii: "0")
            }
            exponent += expNegative ? -e : e
        }
        let length = pos - start
        guard length <= Self.maxNumberLength else {
            throw error("number of \(length) characters is longer than \(Self.maxNumberLength)", at: start)
        }
        var value: Double
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            value = Double(mantissa)
            if exponent < 0 { value /= Self.powersOfTen[-exponent] } else { value *= Self.powersOfTen[exponent] }
            if negative { value = -value }
        } else {
            value = slowParse(start: start, length: length)
        }
        guard value.isFinite else { throw error("number is out of the range of a double", at: start) }
        return value
    }

    /// 10⁰ … 10⁸ as integers.
    private static let powersOfTenInteger: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// The digits that start eight bytes read from memory (`word`, little-endian load, the first
    /// byte lowest): how many (0…8) and their value. A byte is a digit when neither `b + 0x46` nor
    /// `b − 0x30` leaves 0x00…0x7F (simdjson's test); carries and borrows only run towards later
    /// bytes, past the first non-digit, so its position is exact. The k digits are then moved to
    /// the top bytes and combined pairwise (×10, ×100, ×10⁴), the SWAR conversion of D. Lemire,
    /// "Fast float parsing in practice" (simdjson `parse_eight_digits_unrolled`).
    @inline(__always) static func fractionDigits(_ word: UInt64) -> (count: Int, value: UInt64) {
        let v = UInt64(littleEndian: word)
        let nonDigit = ((v &+ 0x4646_4646_4646_4646) | (v &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080
        let k = nonDigit.trailingZeroBitCount / 8
        guard k > 0 else { return (0, 0) }
        var t = (v &- 0x3030_3030_3030_3030) << UInt64(64 - 8 * k)  // the k digits, leading zeros below
        t = ((t & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        t = ((t & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        t = ((t & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (k, t)
    }

    /// The number of decimal digits of `value` (1 for 0), for values below 10⁸.
    @inline(__always) static func decimalDigits(_ value: UInt64) -> Int {
        var n = 1
        while n < 8 && value >= powersOfTenInteger[n] { n += 1 }
        return n
    }

    private func slowParse(start: Int, length: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for i in 0..<length { buffer[i] = CChar(bitPattern: bytes[start + i]) }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// Parses any JSON value into a `PropertyValue`.
    mutating func parseValue() throws -> PropertyValue {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            return .object(try parseObject())
        case UInt8(ascii: "["):
            try beginArray("an array")
            var items: [PropertyValue] = []
            var first = true
            while try nextElement(&first) { items.append(try parseValue()) }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try decode(scanString()))
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try parseNumber("a value"))
        }
    }

    /// Parses an object into ordered properties.
    mutating func parseObject() throws -> Properties {
        try beginObject("an object")
        var entries: [(key: String, value: PropertyValue)] = []
        var first = true
        while let key = try nextKey(&first) {
            entries.append((try decode(key), try parseValue()))
        }
        return Properties(entries)
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= count, memcmp(bytes + pos, word.utf8Start, n) == 0 else {
            var end = pos
            while end < count, end - pos < 20, (bytes[end] | 0x20) >= UInt8(ascii: "a"), (bytes[end] | 0x20) <= UInt8(ascii: "z") { end += 1 }
            let token = String(decoding: UnsafeBufferPointer(start: bytes + pos, count: max(1, end - pos)), as: UTF8.self)
            throw error("invalid literal '\(token)' (JSON allows true, false, null)")
        }
        pos += n
    }

    /// Skips one value of any type without building it (depth-bounded).
    mutating func skipValue() throws {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            try beginObject("an object")
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray("an array")
            var first = true
            while try nextElement(&first) { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try parseNumber("a value")
        }
    }
}
