import Foundation
import Testing

/// Compares `text` with the golden file `Tests/golden/<name>`. Set `GEOHEALTH_RECORD_GOLDEN=1`
/// to (re)write the file instead; CI never sets it, so a missing or different file fails.
public func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.url("Tests/golden/\(name)")
    if ProcessInfo.processInfo.environment["GEOHEALTH_RECORD_GOLDEN"] == "1" {
        try Data(text.utf8).write(to: url)
        print("NOTICE: recorded golden file Tests/golden/\(name)")
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file Tests/golden/\(name); record it with GEOHEALTH_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    if golden != text {
        let a = golden.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("differs from Tests/golden/\(name) at line \(line + 1) (re-record with GEOHEALTH_RECORD_GOLDEN=1 if the change is intended)", sourceLocation: sourceLocation)
    }
}
