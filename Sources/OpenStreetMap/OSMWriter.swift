import COsmium
import Foundation

/// Writes an OpenStreetMap PBF file through libosmium: every node first, by increasing id, then
/// every way, by increasing id (the order readers expect of a sorted extract; a call out of
/// order throws). Nodes carry only their position, ways their node ids and tags; no metadata.
/// Objects are buffered a few megabytes at a time and encoded on libosmium's threads, so a
/// generator can stream a national file without holding it.
package final class OSMWriter {
    private var handle: OpaquePointer?
    private let file: String

    /// Opens `url` for writing, replacing any file there: a caller that must not overwrite
    /// writes to a temporary name and renames.
    package init(_ url: URL) throws {
        file = url.relativePath
        var error: UnsafeMutablePointer<CChar>?
        guard let opened = cosmium_writer_open(url.path, &error) else {
            throw OSMError.taking(error, file: file, fallback: "cannot open the file for writing")
        }
        handle = opened
    }

    deinit {
        if let handle { cosmium_writer_discard(handle) }
    }

    /// Adds a node at `longitude`, `latitude` (degrees); throws when its id is not above the
    /// previous node's, when ways were already added, or for a position out of range.
    package func addNode(id: Int64, longitude: Double, latitude: Double) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard cosmium_writer_add_node(try open(), id, longitude, latitude, &error) == 0 else {
            throw OSMError.taking(error, file: file, fallback: "cannot add node \(id)")
        }
    }

    /// Adds a way through `nodeIDs` with `tags` (written in the order given); throws when its id
    /// is not above the previous way's.
    package func addWay(id: Int64, nodeIDs: [Int64], tags: [(key: String, value: String)]) throws {
        let writer = try open()
        let keys = tags.map { strdup($0.key) }, values = tags.map { strdup($0.value) }
        defer { (keys + values).forEach { free($0) } }
        let constKeys = keys.map { UnsafePointer($0) }, constValues = values.map { UnsafePointer($0) }
        var error: UnsafeMutablePointer<CChar>?
        let status = nodeIDs.withUnsafeBufferPointer { refs in
            cosmium_writer_add_way(writer, id, refs.baseAddress, refs.count, constKeys, constValues, tags.count, &error)
        }
        guard status == 0 else { throw OSMError.taking(error, file: file, fallback: "cannot add way \(id)") }
    }

    /// Writes what is buffered and closes the file; the writer cannot be used afterwards.
    package func close() throws {
        let writer = try open()
        handle = nil
        var error: UnsafeMutablePointer<CChar>?
        guard cosmium_writer_close(writer, &error) == 0 else {
            throw OSMError.taking(error, file: file, fallback: "cannot finish the file")
        }
    }

    private func open() throws -> OpaquePointer {
        guard let handle else { throw OSMError(file: file, message: "the writer is already closed") }
        return handle
    }
}
