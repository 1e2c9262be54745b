/// The steps of ``YAMLNestingScan``: the start of a line, a node in block context, the rest of
/// a line in flow context, and a scalar's end.
extension YAMLNestingScan {
    /// The start of a line: inside a block scalar, a quoted scalar or flow collections, or at
    /// its indentation in block context.
    mutating func startLine() -> Next {
        let start = bytes.startIndex
        let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        let blank = bytes.dropFirst(indent).allSatisfy(Self.isBlank)
        if bytes.starts(with: "---".utf8) || bytes.starts(with: "...".utf8), bytes.count == 3 || Self.isBlank(bytes[start + 3]) {
            // A document marker ends every scalar and collection (inside a flow collection or a
            // quoted scalar it is an error, which ends the parse).
            let line = bytes
            self = YAMLNestingScan(limit: limit)
            bytes = line
            return .node(start + 3)
        }
        if let scalar = blockScalar {
            if blank { return .endOfLine }
            if indent > scalar.parent && indent >= (scalar.indent ?? indent) {
                blockScalar = (scalar.parent, scalar.indent ?? indent)
                return .endOfLine
            }
            blockScalar = nil
        }
        if let quote = openQuote {
            guard let end = Self.quoteEnd(bytes, from: start, quote: quote) else { return .endOfLine }
            openQuote = nil
            return flow.isEmpty ? afterScalar(at: end, key: nil) : scanFlow(from: end)
        }
        if !flow.isEmpty { return scanFlow(from: start) }
        let i = start + indent
        if blank { return .endOfLine }
        if let parent = plainScalarParent {  // a comment line ends the scalar
            plainScalarParent = nil
            if indent > parent, let rest = continuation(from: i) { return rest }
        }
        if bytes[i] == UInt8(ascii: "#") { return .endOfLine }
        if indent == 0 && bytes[i] == UInt8(ascii: "%") { return .endOfLine }  // a directive
        while let top = blocks.last, top.column > indent { blocks.removeLast() }
        return .node(i)
    }

    /// The node that starts at `start` in block context: what it opens, and where the next
    /// node of the line starts.
    mutating func node(at start: Int) -> Next {
        var i = skipBlanks(from: start)
        let key = column(i)  // where the node starts, with its properties: a key's column
        // Properties: an anchor (&a) or a tag (!t) before the node.
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "!") {
            i = bytes[i] == UInt8(ascii: "&") ? Self.anchorEnd(bytes, from: i + 1) : Self.tagEnd(bytes, from: i, inFlow: false)
            i = skipBlanks(from: i)
        }
        guard i < bytes.endIndex else { return .endOfLine }
        let c = bytes[i]
        let indicator = i + 1 == bytes.endIndex || Self.isBlank(bytes[i + 1])
        switch c {
        case UInt8(ascii: "#"):
            return .endOfLine
        case UInt8(ascii: "-") where indicator, UInt8(ascii: "?") where indicator:
            return open(column: column(i), isSequence: c == UInt8(ascii: "-")) ? .tooDeep : .node(i + 1)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return scanFlow(from: i, keyColumn: key)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            blockScalar = (blocks.last?.column ?? -1, nil)
            return .endOfLine
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard let end = Self.quoteEnd(bytes, from: i + 1, quote: c) else { openQuote = c; return .endOfLine }
            return afterScalar(at: end, key: key)
        default:
            // A plain scalar: a key when `: ` follows it on the line, before any comment; one
            // that runs to the end of the line may go on over the next lines.
            switch plainScalarEnd(from: i) {
            case .colon(let j): return afterScalar(at: j, key: key)
            case .comment: return .endOfLine
            case .endOfLine:
                plainScalarParent = blocks.last?.column ?? -1
                return .endOfLine
            }
        }
    }

    enum PlainScalarEnd { case colon(Int), comment, endOfLine }

    /// How the plain scalar from `start` ends on its line: at a `: `, at a ` #` comment, or at
    /// the end of the line.
    func plainScalarEnd(from start: Int) -> PlainScalarEnd {
        var j = start
        while j < bytes.endIndex {
            if bytes[j] == UInt8(ascii: ":") && (j + 1 == bytes.endIndex || Self.isBlank(bytes[j + 1])) { return .colon(j) }
            if bytes[j] == UInt8(ascii: "#") && j > start && Self.isBlank(bytes[j - 1]) { return .comment }
            j += 1
        }
        return .endOfLine
    }

    /// A line that continues a plain scalar, from its first character at `start`: text (nil
    /// when it is not one: a comment line, or a `: ` that makes the text not valid YAML,
    /// scanned as a line of its own).
    mutating func continuation(from start: Int) -> Next? {
        guard bytes[start] != UInt8(ascii: "#") else { return nil }
        switch plainScalarEnd(from: start) {
        case .colon: return nil
        case .comment: return .endOfLine
        case .endOfLine:
            plainScalarParent = blocks.last?.column ?? -1
            return .endOfLine
        }
    }

    /// After a scalar or flow collection that started at column `key` of this line (nil: on an
    /// earlier line, so not a key): a `:` makes it a key, opening a mapping at that column,
    /// and its value follows.
    mutating func afterScalar(at start: Int, key: Int?) -> Next {
        let i = skipBlanks(from: start)
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: ":"), i + 1 == bytes.endIndex || Self.isBlank(bytes[i + 1]) else {
            return .endOfLine
        }
        if let key, open(column: key, isSequence: false) { return .tooDeep }
        return .node(i + 1)
    }

    /// Opens (or continues) the block collection whose entry or key is at `column`; true when
    /// that goes beyond the limit.
    mutating func open(column: Int, isSequence: Bool) -> Bool {
        while let top = blocks.last, top.column > column || (top.column == column && top.isSequence && !isSequence) {
            blocks.removeLast()
        }
        if let top = blocks.last, top.column == column, top.isSequence == isSequence { return false }
        blocks.append(Block(column: column, isSequence: isSequence))
        return depth > limit
    }
}
