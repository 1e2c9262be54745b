import Foundation
import GeoCore
import GeoIO

extension Provenance {
    /// Throws unless GeoHealth may replace `folder` with a new run or report: it is empty, or
    /// it holds nothing but its `provenance.json` and the outputs that provenance lists, each
    /// with the size and SHA-256 written there. So a folder GeoHealth did not make, a file a
    /// user put in one (notes, a table saved from a spreadsheet, the study's own data) and an
    /// output edited since are never deleted; the error names them. A listed output that is
    /// missing is no obstacle, nor are the files a desktop leaves in a folder it showed
    /// (``desktopFiles``).
    ///
    /// - Complexity: reads every file of the folder once (SHA-256, on all cores), after listing it; a second
    /// check of the same folder reads only the files changed within a second of the first.
    package static func checkReplaceable(_ folder: URL) throws {
        let entries = try folderEntries(folder)
        guard entries.contains(where: { !isDesktopFile($0.path) }) else { return }
        guard entries.contains(where: { $0.path == "provenance.json" && $0.kind == .regularFile }) else {
            throw InputError(file: folder.relativePath,
                             message: "exists and was not made by GeoHealth (no provenance.json); it holds \(listed(entries.map(\.path))): "
                                 + "GeoHealth replaces only a folder it made; choose another output folder")
        }
        let outputs = try listedOutputs(folder)
        let unknown = entries.filter { entry in
            switch entry.kind {
            case .regularFile: entry.path != "provenance.json" && outputs[entry.path] == nil && !isDesktopFile(entry.path)
            case .folder: !outputs.keys.contains { $0.hasPrefix(entry.path + "/") }
            default: true
            }
        }.map(\.path)
        guard unknown.isEmpty else {
            throw InputError(file: folder.relativePath, message: "holds \(listed(unknown)), which its provenance.json does not list: "
                                 + "GeoHealth replaces only a folder it made, whole; move them away or choose another output folder")
        }
        // Hashed on all cores (a national report's folder holds some 110 MB); an error is that
        // of the first unreadable file in order.
        let listedFiles = entries.filter { $0.kind == .regularFile && outputs[$0.path] != nil }.map(\.path)
        let hashes = try listedFiles.concurrentMap { try sha256Remembered(folder.appendingPathComponent($0)) }.map { try $0.get() }
        let changed = zip(listedFiles, hashes).filter { path, hash in outputs[path]! != (hash.bytes, hash.hex) }.map(\.0)
        guard changed.isEmpty else {
            throw InputError(file: folder.relativePath,
                             message: "\(listed(changed)) changed since GeoHealth wrote it (size or SHA-256 differ from provenance.json): "
                                 + "GeoHealth does not delete edited outputs; move them away or choose another output folder")
        }
    }

    /// Files macOS Finder and Windows Explorer write into a folder they display (view settings,
    /// thumbnails): no one's data, so they do not keep a folder from being replaced.
    static let desktopFiles: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini"]

    static func isDesktopFile(_ path: String) -> Bool {
        desktopFiles.contains(URL(fileURLWithPath: path).lastPathComponent)
    }

    /// The outputs a folder's `provenance.json` lists, by path, with their size and SHA-256;
    /// throws when the file is not a provenance GeoHealth wrote.
    static func listedOutputs(_ folder: URL) throws -> [String: (bytes: Int, sha256: String)] {
        let url = folder.appendingPathComponent("provenance.json")
        guard let object = try? JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
              object["geohealth_version"] is String, let outputs = object["outputs"] as? [[String: Any]] else {
            throw InputError(file: url.relativePath,
                             message: "is not a provenance GeoHealth wrote: GeoHealth replaces only a folder it made; choose another output folder")
        }
        var listed: [String: (bytes: Int, sha256: String)] = [:]
        for output in outputs {
            guard let path = output["path"] as? String, let bytes = output["bytes"] as? Int, let hex = output["sha256"] as? String else { continue }
            listed[path] = (bytes, hex)
        }
        return listed
    }

    /// Every file and folder below `folder` (symbolic links not followed), by relative path.
    static func folderEntries(_ folder: URL, prefix: String = "") throws -> [(path: String, kind: FileKind)] {
        var entries: [(path: String, kind: FileKind)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let url = folder.appendingPathComponent(name)
            guard let kind = FileKind(at: url) else { continue }
            entries.append((prefix + name, kind))
            if kind == .folder { entries += try folderEntries(url, prefix: prefix + name + "/") }
        }
        return entries
    }

    /// "a, b, c" — the first five of `paths`, then how many more.
    static func listed(_ paths: [String]) -> String {
        let shown = paths.prefix(5).joined(separator: ", ")
        return paths.count > 5 ? "\(shown) and \(paths.count - 5) more" : shown
    }
}
