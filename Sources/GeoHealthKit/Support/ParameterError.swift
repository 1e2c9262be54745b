import GeoCore

/// A parameter value or combination an analysis refuses, said in the domain's words
/// (``Parameter``): `minutes_above needs site_kind`. The CLI prints the same message with its
/// flags (`--minutes-above needs --site-kind`) and exits by ``kind``; a study run (`geohealth run`)
/// shows the study file's keys.
///
/// Input files have their own error (``InputError``: file, line, feature, field); bugs are
/// preconditions.
public struct ParameterError: ParameterNaming {
    /// Which way a parameter was refused, and so how a front end exits (usage or data error).
    public enum Kind: Sendable, Equatable {
        /// The parameters alone cannot work (no gap rule stated, a rule without what it needs):
        /// what a command line's parser refuses, a usage error (exit 64 in the CLI).
        case incomplete
        /// A value that does not parse as its parameter's form (`site_where` without `=`):
        /// a usage error (exit 64).
        case malformed
        /// A value the inputs, once read, would make do nothing (the default kind for a site file
        /// whose rows all have one, a capacity for new sites when no existing site has one):
        /// refused, since ignoring it would let the user believe it acted; a usage error (exit 64).
        case ignored
        /// A value the data or the other parameters contradict (a site kind no site has, a field
        /// no commune has, an age group without a weight): a data error (exit 1).
        case contradicted
    }

    /// Which way the parameter was refused.
    public var kind: Kind
    /// What was refused, naming the parameters for the front end to spell.
    public var message: ParameterMessage

    /// An error of kind `kind` (a data error, `.contradicted`, unless told) saying `message`:
    /// `ParameterError(.incomplete, "\(.minutesAbove) needs \(.siteKind)")`.
    public init(_ kind: Kind = .contradicted, _ message: ParameterMessage) {
        self.kind = kind
        self.message = message
    }

    /// Whether the CLI reports it as a usage error (exit 64) rather than a data error (exit 1).
    public var isUsageError: Bool { kind != .contradicted }
}

/// An error whose message names parameters (``ParameterMessage``) for a front end to spell:
/// ``ParameterError``, and the errors that advise a parameter (``StudyFolderError``,
/// ``MemoryBudget/Shortage``). Its description is in the domain's words.
public protocol ParameterNaming: Error, Sendable, CustomStringConvertible {
    var message: ParameterMessage { get }
    /// Whether a command line reports it as a usage error (exit 64) rather than a data error (1).
    var isUsageError: Bool { get }
}

extension ParameterNaming {
    /// By default a data error (exit 1): only ``ParameterError`` decides by its kind.
    public var isUsageError: Bool { false }

    /// The parameters the message names, in order.
    public var parameters: [Parameter] { message.parameters }

    /// The message in the domain's words.
    public var description: String { message.description }
}
