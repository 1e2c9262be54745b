import ArgumentParser

/// A date option written YYYY-MM-DD (`--history-since 2018-01-01`), compared as text with the
/// dates of the INSEE history; ``parse(_:)`` is the option's `transform`.
struct ISODate: Sendable {
    let text: String

    /// The date; a `ValidationError` saying the form when `argument` is not ten characters long.
    static func parse(_ argument: String) throws -> ISODate {
        guard argument.count == 10 else { throw ValidationError("write a date YYYY-MM-DD") }
        return ISODate(text: argument)
    }
}
