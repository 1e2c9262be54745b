import Foundation
import GeoHealthTestSupport
import GeoIO
import Testing

/// Every input the fuzzer kept (Tests/fixtures/fuzz-corpus, merged by scripts/fuzz) and every
/// crasher it ever found (Tests/fixtures/fuzz-crashers) must read to features or to an
/// `InputError`, never crash. A crash here names the file.
@Suite struct FuzzRegressionTests {
    static func inputs(_ folder: String) throws -> [URL] {
        let url = Fixtures.url(folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func corpusAndCrashersReadOrFailCleanly() throws {
        let files = try Self.inputs("Tests/fixtures/fuzz-corpus") + Self.inputs("Tests/fixtures/fuzz-crashers")
        #expect(files.count > 100)
        var read = 0, refused = 0
        for file in files {
            let data = try Data(contentsOf: file)
            do {
                _ = try GeoJSONReader.read(data: data, file: file.lastPathComponent) { _, f in _ = GeoJSONWriter.string([f]) }
                read += 1
            } catch is InputError {
                refused += 1
            }
            _ = try? CSVTable.parse(data, file: file.lastPathComponent)
        }
        #expect(read > 0 && refused > 0, "\(read) read, \(refused) refused")
    }
}
