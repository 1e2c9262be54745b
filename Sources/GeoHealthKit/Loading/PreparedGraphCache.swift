import Accessibility
import Foundation
import GeoCore

/// Where prepared graphs are kept and when they are reused (docs/roads.md §6).
///
/// The file is `INPUT.geohealth-graph` beside the road file, or, when that folder cannot be
/// written, `$XDG_CACHE_HOME/geohealth/` (else `~/.cache/geohealth/`) under the input's name and
/// a checksum of its absolute path. Its key is the format version, the ``FileChecksum`` of the
/// road file and of the speed file, the metric CRS and the options that change the graph (an
/// opaque list each option adds to); a file whose key differs, or that is truncated or corrupt,
/// is rebuilt and overwritten, never trusted.
package enum PreparedGraphCache {
    /// What a load gives: the network, its hierarchy, the notes stored with it, whether it was
    /// reused, and the seconds the preparation (or the load) took.
    package struct Prepared {
        package var contents: PreparedGraphFile.Contents
        package var reused: Bool
        package var seconds: Double
        package var file: URL?
    }

    /// The key of a prepared graph of `roads` (see the type).
    package static func key(roads: URL, speeds: URL?, crs: CRS, options: [String]) throws -> String {
        let speedSum = try speeds.map { String(try FileChecksum.of($0), radix: 16) } ?? "none"
        return (["format \(PreparedGraphFile.formatVersion)", "roads \(String(try FileChecksum.of(roads), radix: 16))", "speeds \(speedSum)", "crs \(crs)"]
            + options).joined(separator: "\n")
    }

    /// The places a prepared graph of `roads` may be, in the order they are tried.
    package static func locations(for roads: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        let beside = roads.appendingPathExtension("geohealth-graph")
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".cache")
        let pathSum = Array(roads.standardizedFileURL.path.utf8).withUnsafeBytes { FileChecksum.of($0) }
        let cached = base.appendingPathComponent("geohealth").appendingPathComponent("\(roads.lastPathComponent)-\(String(pathSum, radix: 16)).geohealth-graph")
        return [beside, cached]
    }

    /// The prepared graph of `roads` under `key`: read from the first location that holds it,
    /// else built by `build` and saved to the first location that can be written (a graph that
    /// cannot be saved anywhere is still returned).
    package static func load(
        roads: URL, key: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        build: () throws -> (network: RoadNetwork, notes: [String])
    ) throws -> Prepared {
        let start = Date()
        let places = locations(for: roads, environment: environment)
        for url in places {
            if let contents = PreparedGraphFile.read(url, key: key) {
                return Prepared(contents: contents, reused: true, seconds: Date().timeIntervalSince(start), file: url)
            }
        }
        let (network, notes) = try build()
        let contents = PreparedGraphFile.Contents(network: network, hierarchy: ContractionHierarchy(network: network), notes: notes)
        var saved: URL?
        for url in places where saved == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? PreparedGraphFile.write(contents, key: key, to: url)) != nil { saved = url }
        }
        return Prepared(contents: contents, reused: false, seconds: Date().timeIntervalSince(start), file: saved)
    }
}
