import GeoCore
import Synchronization

/// How the text a job writes while it runs spells parameters: the warnings on stderr
/// (``Progress``) and the notes of a summary (`give activity_field`, `not selected by
/// site_where`). Errors do not use it: they carry their ``ParameterMessage`` to whoever catches
/// them (``ParameterError``, `InputError`), which spells it.
///
/// Process-wide, like ``Progress``'s sinks, because that text is written deep inside a job that
/// does not know its front end: the CLI sets its flags once at start
/// (`ParameterFlags`), so its warnings and summaries name `--activity-field`; a Swift caller that
/// sets nothing reads the domain's words (the study file's keys, ``Parameter/name``).
package enum ParameterSpelling {
    private static let spelling = Mutex<@Sendable (Parameter) -> String>({ $0.name })

    /// Spells parameters with `spelling` from now on (the CLI: its flags).
    package static func use(_ spelling: @escaping @Sendable (Parameter) -> String) {
        self.spelling.withLock { $0 = spelling }
    }

    /// The message with its parameters spelled as the front end asked.
    package static func text(_ message: ParameterMessage) -> String {
        let spell = spelling.withLock { $0 }
        return message.rendered(spell)
    }
}
