/// An option that cannot work, in the command line's words (a message naming flags).
///
/// Superseded by ``ParameterError``, which names parameters in the domain's words and lets the
/// CLI spell them as flags; the library no longer throws it. Its last user is the CLI's
/// `coverage` (`Sources/geohealth/Coverage.swift`): once that throws a `ValidationError` or a
/// ``ParameterError``, delete this type. A data error (exit 1).
package struct OptionError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
