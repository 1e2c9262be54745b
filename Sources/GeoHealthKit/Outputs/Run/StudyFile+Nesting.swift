import GeoIO

/// How deep a study file may nest sequences and mappings, checked before it is composed.
///
/// Yams composes a document recursively, one stack frame pair per level: 20,000 nested
/// sequences (`[[[[…` or `- - - -…`) overflow an 8 MB stack, and about 5,000 a thread's. The
/// check scans the text first (``YAMLNestingScan``: iterative, so any depth costs a counter,
/// in Swift, so the C parser stays behind Yams) and stops at the first level beyond
/// ``StudyFile/maximumNesting``.
extension StudyFile {
    /// Levels a study file may nest (the sample needs 5: the file, `analyses`, an analysis,
    /// its options, a list value).
    static let maximumNesting = 64

    /// An error naming the line where `text` nests deeper than ``maximumNesting``; nothing
    /// when it does not (a syntax error is left for Yams to report).
    static func checkNesting(_ text: String, file: String) throws {
        guard let line = YAMLNestingScan.firstLine(deeperThan: maximumNesting, in: text) else { return }
        throw InputError(
            file: file, line: line,
            message: "sequences and mappings nested deeper than \(maximumNesting) levels; a study file needs 5 (analyses: - command: {option: [values]})")
    }
}
