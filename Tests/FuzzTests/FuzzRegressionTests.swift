import Foundation
import GeoHealthFuzz
import GeoHealthTestSupport
import Testing

/// Every input the fuzzer keeps (Tests/fixtures/fuzz-corpus/TARGET: seeds, and what
/// `FUZZ_MERGE=1 scripts/fuzz` adds) and every crasher it ever found
/// (Tests/fixtures/fuzz-crashers/TARGET) goes through its reader exactly as the fuzzer runs it
/// (``FuzzTarget/run(_:)``), on every test run: it must read, or be refused with an error that
/// names the file — never crash or hang. To replay one input under the sanitizers:
/// `GEOHEALTH_FUZZ_TARGET=dbf .build/fuzz/geohealth-fuzzer FILE` (after `scripts/fuzz`).
@Suite struct FuzzRegressionTests {
    static func inputs(_ folder: String) throws -> [URL] {
        let url = Fixtures.url(folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases)
    func corpusAndCrashersReadOrFailCleanly(target: FuzzTarget) throws {
        let seeds = try Self.inputs("Tests/fixtures/fuzz-corpus/\(target.rawValue)")
        let crashers = try Self.inputs("Tests/fixtures/fuzz-crashers/\(target.rawValue)")
        #expect(!seeds.isEmpty, "every reader has seeds")
        var read = 0, refused = 0
        for file in seeds + crashers {
            // A crasher that crashes again is named before it does (seeds are too many to list).
            if crashers.contains(file) { FileHandle.standardError.write(Data("replaying fuzz-crashers/\(target.rawValue)/\(file.lastPathComponent)\n".utf8)) }
            do {
                try target.run(try Data(contentsOf: file))
                read += 1
            } catch {
                #expect(FuzzTarget.isClean(error), "\(file.lastPathComponent): \(type(of: error)): \(error)")
                refused += 1
            }
        }
        #expect(read > 0, "\(target.rawValue): \(read) read, \(refused) refused")
    }
}
