import ArgumentParser
import Foundation
import GeoHealthCLI
import Testing

/// `geohealth run` gives a command the study's `parameters:` it takes by the keys of its row
/// (``AnalysisCommand``), without asking the parser: each row's keys must be exactly the
/// options the parser declares for the command (its help, hidden options included), so that a
/// parameter reaches every command that takes it and no other.
@Suite struct StudyFileKeysTests {
    /// The long options a command's help lists, in snake_case, without help and version.
    static func declaredKeys(_ type: any ParsableCommand.Type) -> Set<String> {
        let help = type.helpMessage(includeHidden: true, columns: 10_000)
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("--"), let word = text.split(separator: " ").first else { return nil }
            return String(word.dropFirst(2)).replacingOccurrences(of: "-", with: "_")
        }
        return Set(options).subtracting(["help", "version"])
    }

    @Test(arguments: AnalysisCommand.all.map(\.name))
    func keysAreTheParsersOptions(_ name: String) throws {
        let command = try #require(AnalysisCommand.named(name))
        // The study folder is the positional argument of the commands that read a study.
        let keys = command.keys.subtracting(command.readsStudy ? ["folder"] : [])
        let declared = Self.declaredKeys(command.type)
        #expect(keys == declared, "\(name): in the row only \(keys.subtracting(declared).sorted()), in the parser only \(declared.subtracting(keys).sorted())")
    }

    /// Every analysis a study file may name has a row.
    @Test func everyStudyFileCommandHasARow() {
        #expect(AnalysisCommand.all.map(\.name) == ["study", "coverage", "distance", "isochrones", "access", "inequality", "gaps", "site", "zoning", "map", "chart", "report"])
    }
}
