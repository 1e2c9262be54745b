import Foundation

/// Locations of the repository's test data, independent of the working directory.
public enum Fixtures {
    /// The repository root (this file is `Tests/GeoHealthTestSupport/Fixtures.swift`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// `geodata/`, the committed synthetic sample.
    public static var sample: URL { url("geodata") }

    /// `../shared/geodata-real`, or `nil` (with a visible notice) when it is absent.
    public static func realData(_ test: String = #function) -> URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/geodata-real")
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("SOURCES.md").path) { return url }
        print("NOTICE: \(test) skipped: ../shared/geodata-real is absent")
        return nil
    }

    /// A new empty folder under the temporary directory, removed by `body`'s end.
    public static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geohealth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    /// Reads a committed reference JSON file of `Tests/reference/`.
    public static func reference(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url("Tests/reference/\(name)"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
