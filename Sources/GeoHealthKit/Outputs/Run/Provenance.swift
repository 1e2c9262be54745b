import Crypto
import Foundation
import GeoCore
import GeoIO

/// What a study run or a report used and made, written as `provenance.json` beside its outputs:
/// the GeoHealth version, the study file (a run's) and every input with its size and SHA-256
/// (FIPS 180-4, by swift-crypto), each analysis with the exact command line it ran, and every
/// output with its size and SHA-256 — enough to tell, later, whether a figure still stands on
/// the same data, and for GeoHealth to tell a folder it made (and may replace) from any other
/// (``checkReplaceable(_:)``). Times are UTC (ISO 8601).
package struct Provenance {
    package struct Step {
        package var name: String
        package var command: String
        package var arguments: [String]
        package var outputs: [String]
        package init(name: String, command: String, arguments: [String], outputs: [String]) {
            self.name = name
            self.command = command
            self.arguments = arguments
            self.outputs = outputs
        }
    }

    /// The study file of a run; nil for a report.
    package var studyFile: URL?
    /// The files read. A folder stands for the layer files GeoHealth reads from it (`areas:
    /// communes/`, a layer split by département: ``StudySources/geojsonFiles(at:)``), each
    /// listed and hashed on its own: a changed département file changes the provenance.
    package var inputs: [URL]
    package var steps: [Step]
    package var started: Date
    package var finished: Date

    package init(studyFile: URL?, inputs: [URL], steps: [Step], started: Date, finished: Date) {
        self.studyFile = studyFile
        self.inputs = inputs
        self.steps = steps
        self.started = started
        self.finished = finished
    }

    /// SHA-256 of a file, read in 1 MiB blocks (hex).
    package static func sha256(_ url: URL) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw InputError(file: url.relativePath, message: "cannot read the file") }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            hasher.update(data: block)
            total += block.count
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), total)
    }

    /// The files of `inputs`, each once, a folder standing for the layer files GeoHealth reads
    /// from it (``StudySources/geojsonFiles(at:)``): path (as given), size and SHA-256. The
    /// sources a provenance lists, and an `.xlsx` table's "Méthode" sheet too.
    package static func files(_ inputs: [URL]) throws -> [(path: String, bytes: Int, sha256: String)] {
        var seen = Set<String>()
        let unique = try inputs.flatMap(StudySources.geojsonFiles(at:)).filter { seen.insert($0.standardizedFileURL.path).inserted }
        return try unique.map { url in
            let (hex, bytes) = try sha256(url)
            return (url.relativePath, bytes, hex)
        }
    }

    /// The provenance as JSON; `folder` holds the outputs (their paths are relative to it).
    package func json(folder: URL) throws -> String {
        func file(_ url: URL, as name: String) throws -> PropertyValue {
            let (hex, bytes) = try Self.sha256(url)
            return .object(Properties([("path", .string(name)), ("bytes", .int(bytes)), ("sha256", .string(hex))]))
        }
        let iso = ISO8601DateFormatter()
        let inputFiles = try Self.files(inputs).map { f in
            PropertyValue.object(Properties([("path", .string(f.path)), ("bytes", .int(f.bytes)), ("sha256", .string(f.sha256))]))
        }
        let outputs = try steps.flatMap(\.outputs).sorted().map { try file(folder.appendingPathComponent($0), as: $0) }
        let study: [(key: String, value: PropertyValue)] = try studyFile.map { [("study_file", try file($0, as: $0.relativePath))] } ?? []
        let root = Properties([
            ("schema_version", .int(1)),
            ("geohealth_version", .string(GeoHealthKitInfo.version)),
        ] + study + [
            ("started_utc", .string(iso.string(from: started))),
            ("finished_utc", .string(iso.string(from: finished))),
            ("inputs", .array(inputFiles)),
            ("analyses", .rows(steps) { s in
                [("name", .string(s.name)), ("command", .string(s.command)), ("arguments", .strings(s.arguments)), ("outputs", .strings(s.outputs))]
            }),
            ("outputs", .array(outputs)),
        ])
        return JSONText.string(.object(root)) + "\n"
    }
}
