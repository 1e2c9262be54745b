import Foundation
import GeoHealthTestSupport
import Testing

/// Every file of a folder with its SHA-256 (coreutils' `sha256sum`, independent of the code
/// under test), by relative path: two snapshots are equal when the folders hold the same
/// files, byte for byte.
struct FolderSnapshot: Equatable {
    var digests: [String: String]

    init(_ folder: URL) throws {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.type] as? FileAttributeType) == .typeRegular
        }
        digests = try Self.sha256sum(paths, in: folder)
    }

    /// Whether the folder is a whole run or report: its files are exactly `provenance.json`
    /// and the outputs it lists, each with the SHA-256 listed.
    func isComplete(_ folder: URL) throws -> Bool {
        guard digests["provenance.json"] != nil else { return false }
        let data = try Data(contentsOf: folder.appendingPathComponent("provenance.json"))
        let provenance = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(provenance["outputs"] as? [[String: Any]])
        var listed: [String: String] = ["provenance.json": digests["provenance.json"]!]
        for output in outputs { listed[output["path"] as! String] = output["sha256"] as? String }
        return listed == digests
    }

    static func sha256sum(_ paths: [String], in folder: URL) throws -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = ["--"] + paths
        p.currentDirectoryURL = folder
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") { digests[String(line.dropFirst(66))] = String(line.prefix(64)) }
        return digests
    }
}

/// The work folders (`.NAME.geohealth-PID-RANDOM`) beside `folder`.
func workFolders(beside folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        .filter { $0.hasPrefix(".\(folder.lastPathComponent).geohealth-") }
}
