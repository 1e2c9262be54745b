/// How deep the sequences and mappings of a YAML text nest, measured by a scan of its bytes
/// before the text is composed (``StudyFile/checkNesting(_:file:)``): one pass, no recursion,
/// one small record per open level, so a text that opens 100,000 levels costs a counter, not
/// 100,000 stack frames.
///
/// It follows the structure a YAML parser sees: a block collection opens a level at the column
/// of its first `- ` entry or `key:` (a key plain, quoted, or a flow collection) and closes
/// when a line starts left of it; `- - x` and `- key: x` open one level per indicator on one
/// line; `[` and `{` open a flow level, and so does a `key: value` pair inside a flow sequence
/// (a single-pair mapping); block scalars (`|`, `>`), quoted scalars (over several lines too)
/// and comments open nothing. On the forms a study file is written in it counts the levels as
/// libyaml's event parser does, with the same line. Elsewhere it errs on the safe side: it may
/// count a level too many on text that is not valid YAML (a stray `[` on a continuation line),
/// and at worst half the levels of contrived keys (`? [a]`), far within the thousands that
/// overflow a stack.
struct YAMLNestingScan {
    struct Block { var column: Int; var isSequence: Bool }

    /// What follows a step of the scan of a line.
    enum Next {
        /// A node starts at this index of the line (after `- `, `? `, `key: ` or indentation).
        case node(Int)
        /// Nothing more on this line opens a level.
        case endOfLine
        /// A level beyond the limit opened.
        case tooDeep
    }

    let limit: Int
    var blocks: [Block] = []
    /// Open flow collections, innermost last: `[`, `{`, or `:` for a single-pair mapping.
    var flow: [UInt8] = []
    /// In flow context, the last indicator or token met: a quote opens a quoted scalar only at
    /// the start of a node (after `[`, `{`, `,`, `:` or `?`).
    var flowLast: UInt8 = 0
    /// The quote (`'` or `"`) of a scalar still open at the end of a line.
    var openQuote: UInt8?
    /// After a plain scalar that ran to the end of its line in block context: its parent's
    /// column (lines indented deeper continue the scalar: `b 'c` in `a: b⏎  'c`, no quote).
    var plainScalarParent: Int?
    /// Inside a block scalar: its parent's column, and its content's indentation once seen.
    var blockScalar: (parent: Int, indent: Int?)?
    var bytes: ArraySlice<UInt8> = []

    /// The 1-based line where the first level deeper than `limit` opens, or nil.
    /// - Complexity: O(n) time in the length of the text; O(d) memory for d open levels.
    static func firstLine(deeperThan limit: Int, in text: String) -> Int? {
        var scan = YAMLNestingScan(limit: limit)
        return scan.run(Array(text.utf8))
    }

    init(limit: Int) { self.limit = limit }

    var depth: Int { blocks.count + flow.count }

    private mutating func run(_ text: [UInt8]) -> Int? {
        var start = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 0
        while true {
            let (end, next) = Self.lineEnd(text, from: start)
            line += 1
            bytes = text[start..<end]
            var step = startLine()
            while case .node(let i) = step { step = node(at: i) }
            if case .tooDeep = step { return line }
            guard let next else { return nil }
            start = next
        }
    }

    /// Where the line starting at `start` ends, and where the next one starts (nil: none). Line
    /// breaks as YAML's: LF, CR, CR LF, and NEL, LS, PS in UTF-8.
    static func lineEnd(_ text: [UInt8], from start: Int) -> (end: Int, next: Int?) {
        var i = start
        while i < text.count {
            switch text[i] {
            case 0x0A: return (i, i + 1)
            case 0x0D: return (i, i + 1 < text.count && text[i + 1] == 0x0A ? i + 2 : i + 1)
            case 0xC2 where i + 1 < text.count && text[i + 1] == 0x85: return (i, i + 2)
            case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9): return (i, i + 3)
            default: i += 1
            }
        }
        return (i, nil)
    }

    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    func skipBlanks(from start: Int) -> Int {
        var i = start
        while i < bytes.endIndex, Self.isBlank(bytes[i]) { i += 1 }
        return i
    }

    func column(_ i: Int) -> Int { i - bytes.startIndex }
}
