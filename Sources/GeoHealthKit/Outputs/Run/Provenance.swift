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

    /// Hashes every output written from now on through ``GeoIO/OutputFile`` as its bytes are
    /// written (``GeoIO/FileDigests``), so that ``json(folder:)`` reads none of them back (a
    /// national report writes some 110 MB): the commands that write a provenance call it before
    /// their first output.
    package static func hashOutputsAsWritten() {
        FileDigests.hashOutputs { SHA256Digest() }
    }

    /// SHA-256 of a file (hex) and its size: the digest ``GeoIO/FileDigests`` knows for the file
    /// as it is now (an output hashed as it was written), else the file read in 1 MiB blocks
    /// into one buffer.
    package static func sha256(_ url: URL) throws -> (hex: String, bytes: Int) {
        if let known = FileDigests.known(url) { return known }
        return try read(url)
    }

    /// ``sha256(_:)``, remembered (``GeoIO/FileDigests/recordSettled(_:hex:bytes:fingerprint:hashedAt:)``)
    /// when the file has not changed for a second: the outputs of a folder a report replaces,
    /// checked when it starts and again before the swap, are read once.
    static func sha256Remembered(_ url: URL) throws -> (hex: String, bytes: Int) {
        if let known = FileDigests.known(url) { return known }
        let start = Date(), before = FileFingerprint(url)
        let hash = try read(url)
        if let before { FileDigests.recordSettled(url, hex: hash.hex, bytes: hash.bytes, fingerprint: before, hashedAt: start) }
        return hash
    }

    /// SHA-256 of the bytes of a file, read in 1 MiB blocks into one buffer.
    private static func read(_ url: URL) throws -> (hex: String, bytes: Int) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: url.relativePath, message: "cannot read the file") }
        defer { close(fd) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { block.deallocate() }
        var hasher = SHA256Digest()
        var total = 0
        while true {
            let n = Foundation.read(fd, block.baseAddress, block.count)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw InputError(file: url.relativePath, message: "cannot read the file: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: block[0..<n]))
            total += n
        }
        return (hasher.hex(), total)
    }

    /// The files of `inputs`, each once, a folder standing for the layer files GeoHealth reads
    /// from it (``StudySources/geojsonFiles(at:)``): path (as given), size and SHA-256. The
    /// sources a provenance lists, and an `.xlsx` table's "Méthode" sheet too.
    package static func files(_ inputs: [URL]) throws -> [(path: String, bytes: Int, sha256: String)] {
        var seen = Set<String>()
        let unique = try inputs.flatMap(StudySources.geojsonFiles(at:)).filter { seen.insert($0.standardizedFileURL.path).inserted }
        return zip(unique, try hashes(unique)).map { url, hash in (url.relativePath, hash.bytes, hash.hex) }
    }

    /// The SHA-256 and size of each file, hashed on all cores (a national report's inputs and
    /// outputs are some 170 MB); the error is that of the first unreadable file in order.
    static func hashes(_ urls: [URL]) throws -> [(hex: String, bytes: Int)] {
        try urls.concurrentMap { try sha256($0) }.map { try $0.get() }
    }

    /// The provenance as JSON; `folder` holds the outputs (their paths are relative to it).
    /// The files are hashed on all cores (a national report reads some 170 MB); an error is
    /// that of the first unreadable file in the order listed.
    package func json(folder: URL) throws -> String {
        let iso = ISO8601DateFormatter()
        let inputFiles = try Self.files(inputs).map { f in
            PropertyValue.object(Properties([("path", .string(f.path)), ("bytes", .int(f.bytes)), ("sha256", .string(f.sha256))]))
        }
        let named = steps.flatMap(\.outputs).sorted().map { (folder.appendingPathComponent($0), $0) } + (studyFile.map { [($0, $0.relativePath)] } ?? [])
        let hashed = try Self.hashes(named.map(\.0))
        let entries = zip(named, hashed).map { file, hash in
            PropertyValue.object(Properties([("path", .string(file.1)), ("bytes", .int(hash.bytes)), ("sha256", .string(hash.hex))]))
        }
        let outputs = Array(entries.prefix(entries.count - (studyFile == nil ? 0 : 1)))
        let study: [(key: String, value: PropertyValue)] = studyFile == nil ? [] : [("study_file", entries.last!)]
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
