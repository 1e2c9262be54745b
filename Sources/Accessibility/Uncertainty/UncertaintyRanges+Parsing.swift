extension UncertaintyRanges {
    /// A text that is not a list of ranges, with what is wrong in it.
    public struct ParseError: Error, CustomStringConvertible {
        /// What is wrong, and how to write it.
        public var description: String
    }

    /// The defaults with the ranges of `text` replacing theirs: comma-separated `name=low:high`
    /// (factors, low ≤ high; `decay` above 0) or `population=p` (0 ≤ p < 1), e.g.
    /// `catchment=0.7:1.3,population=0.05`; `name=1:1` (or `population=0`) holds a parameter
    /// at its stated value.
    /// - Throws: ``ParseError`` naming the item for an unknown name, a missing or malformed
    ///   number, or a range out of order or out of bounds.
    public static func parse(_ text: String) throws -> UncertaintyRanges {
        var ranges = UncertaintyRanges()
        let names = Parameter.allCases.map(\.rawValue).joined(separator: ", ")
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let p = Parameter(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
                throw ParseError(description: "'\(item)': write name=low:high with a name among \(names) (population=p)")
            }
            let numbers = parts[1].split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            if p == .population {
                guard numbers.count == 1, let v = numbers[0], v >= 0, v < 1 else {
                    throw ParseError(description: "'\(item)': the population's half-width p is one number from 0 to below 1 (e.g. population=0.03)")
                }
                ranges.population = v
                continue
            }
            guard numbers.count == 2, let low = numbers[0], let high = numbers[1], low.isFinite, high.isFinite, low > 0, low <= high else {
                throw ParseError(description: "'\(item)': write \(p.rawValue)=low:high with 0 < low ≤ high (factors; 1:1 holds it)")
            }
            switch p {
            case .catchment: ranges.catchment = low...high
            case .decay: ranges.decay = low...high
            case .speed: ranges.speed = low...high
            case .detour: ranges.detour = low...high
            case .activity: ranges.activity = low...high
            case .population: break
            }
        }
        return ranges
    }

    /// The ranges as ``parse(_:)`` reads them, every parameter listed.
    public var text: String {
        Parameter.allCases.map { p in
            p == .population ? "population=\(population)" : "\(p.rawValue)=\(range(p).lowerBound):\(range(p).upperBound)"
        }.joined(separator: ",")
    }
}

import Foundation
