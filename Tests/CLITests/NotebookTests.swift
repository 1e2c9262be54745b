import Foundation
import GeoHealthTestSupport
import Testing

/// Executable documentation: every ```console block of README.md and notebooks-md/*.md whose
/// lines start with `$ geohealth` is run from the repository root, and its output (stdout, then
/// stderr) must equal the text written under it. A failing command ends its block with
/// `[exit N]`. Re-record by running the command and pasting its output. Commands that read
/// `../shared/geodata-real` are skipped, with a NOTICE, when it is absent.
@Suite struct NotebookTests {
    struct Example: CustomStringConvertible {
        var file: String
        var line: Int
        var command: String
        var expected: String
        var description: String { "\(file):\(line): \(command)" }
    }

    static func examples() throws -> [Example] {
        let folder = Fixtures.url("notebooks-md")
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        let files = ["README.md"] + notebooks.map { "notebooks-md/" + $0 }
        var examples: [Example] = []
        for file in files {
            let lines = try String(contentsOf: Fixtures.url(file), encoding: .utf8).components(separatedBy: "\n")
            var i = 0
            while i < lines.count {
                guard lines[i] == "```console" else { i += 1; continue }
                i += 1
                var current: Example?
                while i < lines.count, lines[i] != "```" {
                    if lines[i].hasPrefix("$ geohealth ") {
                        if let c = current { examples.append(c) }
                        current = Example(file: file, line: i + 1, command: String(lines[i].dropFirst(2)), expected: "")
                    } else if current != nil {
                        current!.expected += lines[i] + "\n"
                    }
                    i += 1
                }
                if let c = current { examples.append(c) }
                i += 1
            }
        }
        return examples
    }

    @Test func documentedCommandsPrintWhatTheDocumentsSay() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 5)
        let realData = Fixtures.realData("national notebook examples") != nil
        for example in examples {
            if example.command.contains("../shared/geodata-real") && !realData { continue }
            let words = CommandRunner.words(example.command)
            let result = try CommandRunner.run(Array(words.dropFirst()))
            var got = result.stdout + result.stderr
            if result.status != 0 { got += "[exit \(result.status)]\n" }
            #expect(got == example.expected, "\(example)")
        }
    }
}
