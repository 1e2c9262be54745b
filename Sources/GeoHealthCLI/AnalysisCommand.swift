import ArgumentParser

/// What `geohealth run` knows of a command a study file names (`- access: {…}`): the options it
/// takes, what the runner adds to its command line and the files it writes. One typed row per
/// command, so that the runner neither compares command names nor reads the parser's messages.
package struct AnalysisCommand: Sendable {
    /// A study-wide value the runner gives the command unless the analysis sets it.
    enum StudyValue: Sendable {
        /// The study's `title:` as `--title`.
        case title
        /// The study's `source:` as `--source`.
        case source
        /// The study's `language:` as `--lang`.
        case language
        /// The study's `csv_dialect:` as `--csv-dialect` (always: the analysis may not set it).
        case csvDialect
    }

    package let type: any ParsableCommand.Type
    /// The study file's keys of every option the command takes (``StudyFileKeys``).
    package let keys: Set<String>
    /// Reads a study: takes the file's `inputs:`.
    package var readsStudy = false
    /// Reads the table of an earlier analysis (`table: NAME`), given as its first argument.
    var readsTable = false
    /// Takes the chart's kind (`kind: lorenz`) as its first argument, before the table.
    var takesKindArgument = false
    /// The output options the runner sets, with the suffix of each file after the analysis's
    /// name (the report's is its folder, `NAME/`).
    var outputs: [(option: String, suffix: String)] = []
    /// Its per-commune table (`NAME.geojson`) is kept, converted into the study's other
    /// `tables:` formats and readable by later analyses.
    var writesTable = false
    /// Writes a folder (the report), whose files are its outputs.
    var writesFolder = false
    /// The study-wide values it takes, in the order they are added to its command line.
    var studyValues: [StudyValue] = []

    /// The command's name in a study file and on the command line.
    package var name: String { type.configuration.commandName ?? "" }
}
