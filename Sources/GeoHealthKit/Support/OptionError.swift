/// An option that cannot work, in the command line's words (a message naming flags).
///
/// Superseded by ``ParameterError``, which names parameters in the domain's words and lets the
/// CLI spell them as flags. Still thrown where the message is the CLI's own: the site selection
/// (`SiteSchema.select`, turned into a usage error by the CLI's site options) and, until those
/// files move to ``ParameterError``, the table and map writers of `Outputs/` and the CLI's
/// `coverage`. A data error (exit 1).
package struct OptionError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
