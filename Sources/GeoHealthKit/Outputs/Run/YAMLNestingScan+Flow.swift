/// Flow collections and quoted scalars, for ``YAMLNestingScan``.
extension YAMLNestingScan {
    /// The rest of a line inside flow collections (`[…]`, `{…}`, over as many lines as they
    /// take), from `start`; back in block context once the outermost one closes. `keyColumn`:
    /// where the outermost one started, when it did on this line in block context (a key if a
    /// `:` follows it on the same line).
    mutating func scanFlow(from start: Int, keyColumn: Int? = nil) -> Next {
        var i = start
        while i < bytes.endIndex {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                break
            case UInt8(ascii: "#") where i == bytes.startIndex || Self.isBlank(bytes[i - 1]) || flowLast != 0:
                return .endOfLine  // a comment: after a blank, or where a token starts (`[#`)
            case _ where (c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")) && Self.nodeStarts(after: flowLast):
                guard let end = Self.quoteEnd(bytes, from: i + 1, quote: c) else { openQuote = c; return .endOfLine }
                flowLast = UInt8(ascii: "\"")
                i = end
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow.append(c)
                flowLast = c
                if depth > limit { return .tooDeep }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if flow.last == UInt8(ascii: ":") { flow.removeLast() }
                if !flow.isEmpty { flow.removeLast() }
                flowLast = c
                if flow.isEmpty { return afterScalar(at: i + 1, key: keyColumn) }
            case UInt8(ascii: ","):
                if flow.last == UInt8(ascii: ":") { flow.removeLast() }
                flowLast = c
            case UInt8(ascii: "&"), UInt8(ascii: "!"), UInt8(ascii: "*"):
                guard Self.nodeStarts(after: flowLast) else { flowLast = 0; break }
                // A property (anchor, tag) before a node, or an alias (a node).
                i = c == UInt8(ascii: "!") ? Self.tagEnd(bytes, from: i) : Self.anchorEnd(bytes, from: i + 1)
                if c == UInt8(ascii: "*") { flowLast = 0 }
                continue
            case UInt8(ascii: ":"), UInt8(ascii: "?"):
                if indicator(c, at: i) { return .tooDeep }
            default:
                flowLast = 0
            }
            i += 1
        }
        return .endOfLine
    }

    /// A `:` or `?` in flow context: at the start of a node both are indicators (as libyaml
    /// reads them: `[?a]` is a pair); after a scalar, `:` is one when a blank or a flow
    /// indicator follows. Inside a sequence an indicator opens a single-pair mapping (`[a: b]`,
    /// `[? a]`), up to the next `,` or `]`. True when that goes beyond the limit.
    mutating func indicator(_ c: UInt8, at i: Int) -> Bool {
        let next = i + 1 < bytes.endIndex ? bytes[i + 1] : UInt8(ascii: " ")
        let isIndicator = Self.nodeStarts(after: flowLast) || flowLast == UInt8(ascii: "\"")
            || (c == UInt8(ascii: ":") && (Self.isBlank(next) || Self.flowIndicators.contains(next)))
        guard isIndicator else { flowLast = 0; return false }
        flowLast = c
        guard flow.last == UInt8(ascii: "[") else { return false }
        flow.append(UInt8(ascii: ":"))
        return depth > limit
    }

    static let flowIndicators: Set<UInt8> = Set("[]{},?".utf8)

    /// The end of an anchor's or alias's name that starts at `start` (letters, digits, `-`, `_`,
    /// as libyaml reads them).
    static func anchorEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.endIndex, isAnchorCharacter(bytes[i]) { i += 1 }
        return i
    }

    static func isAnchorCharacter(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
    }

    /// The end of a tag that starts at `start` (up to a blank, or a flow indicator in flow context).
    static func tagEnd(_ bytes: ArraySlice<UInt8>, from start: Int, inFlow: Bool = true) -> Int {
        var i = start
        while i < bytes.endIndex, !isBlank(bytes[i]), !(inFlow && flowIndicators.contains(bytes[i])) { i += 1 }
        return i
    }

    /// Whether a node may start after `last` (a quote there opens a quoted scalar, not the
    /// middle of a plain one).
    static func nodeStarts(after last: UInt8) -> Bool {
        Set("[{,:?".utf8).contains(last)
    }

    /// The index just past the closing `quote` of a scalar whose text starts at `start`, or nil
    /// when it does not close on this line (`''` is a quote in a single-quoted scalar, `\`
    /// escapes the next character in a double-quoted one).
    static func quoteEnd(_ bytes: ArraySlice<UInt8>, from start: Int, quote: UInt8) -> Int? {
        var i = start
        while i < bytes.endIndex {
            let c = bytes[i]
            if quote == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") { i += 2; continue }
            if c == quote {
                if quote == UInt8(ascii: "'") && i + 1 < bytes.endIndex && bytes[i + 1] == quote { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return nil
    }
}
