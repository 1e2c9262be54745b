import Foundation
import GeoHealthKit
import GeoIO
import Testing

/// Study files nested beyond what Yams can compose on a stack: refused before composing, with
/// the file and the line of the first level too deep; files within the limit still read.
@Suite struct StudyFileNestingTests {
    static let url = URL(fileURLWithPath: "deep.yaml")

    static func error(_ text: String) throws -> String {
        let error = try #require(throws: InputError.self) { _ = try StudyFile.parse(text, url: url) }
        return error.description
    }

    static let tooDeep = "sequences and mappings nested deeper than 64 levels; a study file needs 5 (analyses: - command: {option: [values]})"

    @Test func hundredThousandFlowSequences() throws {
        let text = "title: x\nanalyses: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(try Self.error(text) == "deep.yaml: line 2: \(Self.tooDeep)")
    }

    @Test func fiftyThousandCompactBlockSequences() throws {
        let text = "title: x\nanalyses:\n" + String(repeating: "- ", count: 50_000) + "study\n"
        #expect(try Self.error(text) == "deep.yaml: line 3: \(Self.tooDeep)")
    }

    /// Line n opens level n (line 1 the file's mapping): the 65th, one too many, is on line 65.
    @Test func indentedMappingsLineByLine() throws {
        let text = "analyses:\n" + (0..<100).map { String(repeating: " ", count: $0 + 1) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(try Self.error(text) == "deep.yaml: line 65: \(Self.tooDeep)")
    }

    @Test func withinTheLimitStillReads() throws {
        let study = try StudyFile.parse("analyses:\n  - distance: {thresholds: [15, 30]}\n", url: Self.url)
        #expect(study.analyses.map(\.command) == ["distance"] && study.analyses[0].options[0].value == .list(["15", "30"]))
    }

    /// A quote on a line that continues a plain scalar is text, not a quoted scalar hiding the
    /// lines after it.
    @Test func quoteInAContinuedPlainScalarHidesNothing() throws {
        let text = "title: a\n  'b\nanalyses: " + String(repeating: "[", count: 100) + "\n'\n"
        #expect(try Self.error(text) == "deep.yaml: line 3: \(Self.tooDeep)")
    }

    /// A pair inside a flow sequence (`[? a]`, `[a: b]`) is a mapping: a level of its own.
    @Test func pairsInFlowSequencesCount() throws {
        let text = "analyses: " + String(repeating: "[? ", count: 40) + "\n"
        #expect(try Self.error(text) == "deep.yaml: line 1: \(Self.tooDeep)")
    }

    @Test func aDocumentMarkerStartsAgain() throws {
        let text = "title: x\n--- " + String(repeating: "[", count: 100) + "\n"
        #expect(try Self.error(text) == "deep.yaml: line 2: \(Self.tooDeep)")
    }

    /// Brackets in a block scalar, a quoted scalar or a comment are text.
    @Test func textIsNotNesting() throws {
        let brackets = String(repeating: "[", count: 100)
        let text = "title: |\n  \(brackets)\nsource: '\(brackets)\n  \(brackets)'  # \(brackets)\nanalyses:\n  - distance: {thresholds: [15]}\n"
        let study = try StudyFile.parse(text, url: Self.url)
        #expect(study.title == brackets + "\n" && study.analyses.map(\.command) == ["distance"])
    }
}
