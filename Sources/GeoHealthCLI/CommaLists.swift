import ArgumentParser
import Foundation

/// Options that take several values as one comma-separated argument (`--thresholds 20,30`,
/// `--breaks 10,20`, `--departements 03,15`): each a type whose ``parse(_:)`` is the option's
/// `transform`, so that a malformed list is the parser's usage error naming the option and
/// saying what it takes, before `validate()` and any work.

/// Minutes separated by commas (`20,30`), each in ``OptionRange/minutes``.
struct MinuteList: Sendable, Equatable {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }

    /// The minutes; a `ValidationError` saying what the list takes otherwise.
    static func parse(_ argument: String) throws -> MinuteList {
        let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && OptionRange.minutes.contains($0!) }) else {
            throw ValidationError("takes minutes \(OptionRange.minutes.helpText) separated by commas, e.g. 20,30")
        }
        return MinuteList(values.map { $0! })
    }

    /// The help's end for a default, as the parser writes it: `(default: 20,30)`.
    var helpDefault: String { "(default: \(values.map(OptionRange.text).joined(separator: ",")))" }

    /// The help text's end: what the list holds.
    static let helpText = "minutes separated by commas, each \(OptionRange.minutes.helpText)"
}

/// Finite numbers separated by commas (`--breaks 10,20.5`), each in ``OptionRange/finiteValue``.
struct NumberList: Sendable, Equatable {
    var values: [Double]

    /// The numbers; a `ValidationError` saying what the list takes otherwise.
    static func parse(_ argument: String) throws -> NumberList {
        let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
        guard !values.isEmpty, values.allSatisfy(OptionRange.finiteValue.contains) else {
            throw ValidationError("takes finite numbers separated by commas")
        }
        return NumberList(values: values)
    }
}

/// Codes separated by commas (`--departements 03,15,43,63`), each trimmed.
struct CodeList: Sendable, Equatable {
    var codes: [String]

    /// The codes; a `ValidationError` saying what the list takes when it has none.
    static func parse(_ argument: String) throws -> CodeList {
        let codes = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty else { throw ValidationError("takes codes separated by commas, e.g. 03,15,43,63") }
        return CodeList(codes: codes)
    }
}

/// Site sizes in full-time-equivalent GPs separated by commas (`--site-sizes 2,4,6`), each in
/// ``OptionRange/fte``.
struct FTEList: Sendable, Equatable {
    var values: [Double]

    /// The sizes; a `ValidationError` saying what the list takes otherwise.
    static func parse(_ argument: String) throws -> FTEList {
        let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
        guard !values.isEmpty, values.allSatisfy(OptionRange.fte.contains) else {
            throw ValidationError("takes sizes in FTE GPs \(OptionRange.fte.helpText) separated by commas, e.g. 2,4,6")
        }
        return FTEList(values: values)
    }
}
