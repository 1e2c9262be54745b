import Accessibility
import ArgumentParser

/// `--uncertainty-ranges`: parsed once (the option's `transform`), so that a malformed range is
/// the parser's usage error naming the item and saying how to write it.
enum RangesArgument {
    /// The ranges `argument` states over the defaults (``Accessibility/UncertaintyRanges/parse(_:)``).
    static func parse(_ argument: String) throws -> UncertaintyRanges {
        do { return try UncertaintyRanges.parse(argument) } catch let error as UncertaintyRanges.ParseError {
            throw ValidationError("--uncertainty-ranges \(error.description)")
        }
    }
}
