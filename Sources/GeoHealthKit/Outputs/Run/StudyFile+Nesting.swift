import CYaml
import GeoIO

/// How deep a study file may nest sequences and mappings, checked before it is composed.
///
/// Yams composes a document recursively, one stack frame pair per level: 20,000 nested
/// sequences (`[[[[…` or `- - - -…`) overflow an 8 MB stack, and about 5,000 a thread's. The
/// check reads the text first with libyaml's event parser — the parser Yams itself runs, so
/// the depth is exactly the one Yams would reach, but iterative, so any depth costs a counter
/// — and stops at the first level beyond ``StudyFile/maximumNesting``.
///
/// libyaml is C: it is reached here, outside the binding modules, because Yams links it
/// anyway and only its own event parser measures exactly what Yams would nest.
extension StudyFile {
    /// Levels a study file may nest (the sample needs 5: the file, `analyses`, an analysis,
    /// its options, a list value).
    public static let maximumNesting = 64

    /// An error naming the line where `text` nests deeper than ``maximumNesting``; nothing
    /// when it does not (a syntax error is left for Yams to report).
    static func checkNesting(_ text: String, file: String) throws {
        guard let line = firstLine(deeperThan: maximumNesting, in: text) else { return }
        throw InputError(
            file: file, line: line,
            message: "sequences and mappings nested deeper than \(maximumNesting) levels; a study file needs 5 (analyses: - command: {option: [values]})")
    }

    /// The 1-based line of the first sequence or mapping deeper than `limit`, or nil.
    /// - Complexity: O(n) time in the length of the text, O(1) memory beyond libyaml's
    ///   (which keeps one small state per open level, on the heap).
    static func firstLine(deeperThan limit: Int, in text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var depth = 0
            while yaml_parser_parse(parser, &event) == 1 {
                let type = event.type, line = Int(event.start_mark.line) + 1
                yaml_event_delete(&event)
                switch type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > limit { return line }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                case YAML_STREAM_END_EVENT: return nil
                default: break
                }
            }
            return nil
        }
    }
}
