import ArgumentParser
import Foundation

/// Options that take several values as one comma-separated argument (`--thresholds 20,30`,
/// `--breaks 10,20`, `--departements 03,15`): each a type, so that a malformed list is the
/// parser's usage error naming the option, before `validate()` and any work.

/// Minutes separated by commas (`20,30`), each in ``OptionRange/minutes``.
struct MinuteList: ExpressibleByArgument, Sendable, Equatable {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }

    init?(argument: String) {
        let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && OptionRange.minutes.contains($0!) }) else { return nil }
        self.values = values.map { $0! }
    }

    var defaultValueDescription: String { values.map(OptionRange.text).joined(separator: ",") }

    /// The help text's end: what the list holds.
    static let helpText = "minutes separated by commas, each \(OptionRange.minutes.helpText)"
}

/// Finite numbers separated by commas (`--breaks 10,20.5`), each in ``OptionRange/finiteValue``.
struct NumberList: ExpressibleByArgument, Sendable, Equatable {
    var values: [Double]

    init?(argument: String) {
        let values = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
        guard !values.isEmpty, values.allSatisfy(OptionRange.finiteValue.contains) else { return nil }
        self.values = values
    }
}

/// Codes separated by commas (`--departements 03,15,43,63`), each trimmed.
struct CodeList: ExpressibleByArgument, Sendable, Equatable {
    var codes: [String]

    init?(argument: String) {
        let codes = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty else { return nil }
        self.codes = codes
    }
}
