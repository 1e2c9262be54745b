/// An option that the inputs, once read, would make do nothing: `--kind` for a site file whose
/// rows all carry their own kind, a capacity for new sites when no existing site has one.
/// Silently ignoring it would let a user believe it acted, so it is refused; the CLI reports
/// it as a usage error (exit 64), like the option errors found before any file is read.
/// (``OptionError`` is for option values the data contradict, e.g. a kind no site has: exit 1.)
public struct IgnoredOptionError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
