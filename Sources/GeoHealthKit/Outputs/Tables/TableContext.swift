import Foundation

/// What an `.xlsx` copy of a table says beside its rows: the command that made it, with the
/// arguments it was given, and its summary (figures and the parameters it used; its lists
/// become sheets: ``SummarySheets``). Set by the front end that runs the command.
package struct TableContext: Sendable {
    /// The command's name (`distance`).
    package var command: String
    /// The arguments after the command's name, as given.
    package var arguments: [String]
    package var summary: Summary?

    package init(command: String, arguments: [String], summary: Summary?) {
        self.command = command
        self.arguments = arguments
        self.summary = summary
    }
}
