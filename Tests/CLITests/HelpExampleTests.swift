import Foundation
import GeoHealthTestSupport
import Testing

/// Every example of every `--help` runs, in the order a reader meets them (`geohealth help`,
/// then each subcommand in its listed order), from the repository root, and exits 0: an
/// example that reads a file writes it first, in an earlier example. Paths under /tmp/ are
/// moved into a fresh folder; examples on ../shared/geodata-real run when the real data is
/// there (issue 19, item 10).
@Suite struct HelpExampleTests {
    /// `geohealth help [command]`, at a width that wraps no example.
    static func help(_ command: String?) throws -> String {
        try CommandRunner.run(["help"] + (command.map { [$0] } ?? []), environment: ["COLUMNS": "1000"]).stdout
    }

    /// The subcommands in the order `geohealth help` lists them.
    static func subcommands(_ rootHelp: String) -> [String] {
        let lines = rootHelp.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The example command lines of a help text: its lines starting with `geohealth `, a line
    /// ending in `\` continued by the next; only in the text above the usage line.
    static func examples(_ help: String) -> [String] {
        var examples: [String] = [], pending: String?
        for line in help.components(separatedBy: "USAGE:")[0].split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let started = pending ?? (text.hasPrefix("geohealth ") ? "" : nil) else { continue }
            let joined = started + text
            if joined.hasSuffix("\\") { pending = String(joined.dropLast()) } else { examples.append(joined); pending = nil }
        }
        return examples
    }

    /// A word of an example with /tmp/ moved into `folder`, and a `*` in its last path
    /// component expanded as a shell would (sorted).
    static func arguments(_ word: String, folder: URL) throws -> [String] {
        let moved = word.hasPrefix("/tmp/") ? folder.path + "/" + word.dropFirst(5) : word
        guard moved.contains("*") else { return [moved] }
        let url = URL(fileURLWithPath: moved)
        let parts = url.lastPathComponent.components(separatedBy: "*")
        let parent = url.deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(parts[0]) && $0.hasSuffix(parts[parts.count - 1]) }
        return names.sorted().map { (moved as NSString).deletingLastPathComponent + "/" + $0 }
    }

    @Test func everyHelpExampleRunsInOrder() throws {
        let root = try Self.help(nil)
        let examples = try Self.subcommands(root).reduce(Self.examples(root)) { $0 + Self.examples(try Self.help($1)) }
        #expect(examples.count >= 40, "\(examples.count) examples found")
        let real = Fixtures.realData()
        try Fixtures.withTemporaryDirectory { folder in
            for example in examples where real != nil || !example.contains("geodata-real") {
                let words = try CommandRunner.words(example).dropFirst().flatMap { try Self.arguments($0, folder: folder) }
                let r = try CommandRunner.run(words)
                #expect(r.status == 0, "\(example)\n\(r.stderr)")
            }
        }
    }
}
