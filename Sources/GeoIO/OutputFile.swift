import Foundation
import GeoCore

/// A file written atomically: bytes go to a temporary file beside the target, which replaces
/// the target only on `commit()`. A failure or an abandoned writer leaves the target untouched.
/// Refuses to replace any path listed as an input of the run, and anything at the path that is
/// not a regular file (``checkTarget(_:inputs:)``). While ``FileDigests/hashOutputs(with:)`` is
/// on, the bytes are hashed as they are written and the committed file's digest is recorded
/// (``FileDigests/known(_:)``): a provenance lists it without reading the file back.
package final class OutputFile {
    package let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false
    private var digest: (any StreamingDigest)?
    private var written = 0

    /// Opens a temporary file for `url`; `inputs` are paths the run reads and must never overwrite.
    package init(_ url: URL, inputs: [URL] = []) throws {
        try Self.checkTarget(url, inputs: inputs)
        self.url = url
        let dir = url.deletingLastPathComponent()
        temporary = Self.temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let h = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw InputError(file: url.relativePath, message: "cannot create a file in \(dir.path)")
        }
        handle = h
        digest = FileDigests.makeDigest()
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Adds `bytes` (written out every MiB; a MiB or more at once goes straight to the file
    /// when nothing is buffered).
    package func write(_ bytes: [UInt8]) throws {
        if buffer.isEmpty && bytes.count >= 1 << 20 { return try writeOut(bytes) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    package func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hashes (``FileDigests``) and writes `bytes` to the temporary file.
    private func writeOut(_ bytes: [UInt8]) throws {
        if digest != nil { bytes.withUnsafeBytes { digest!.update($0) } }
        written += bytes.count
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot write: \(error.localizedDescription)")
        }
        Writeback.start(handle.fileDescriptor)  // so that the fsync of commit() waits for the last pages only
    }

    /// Flushes, syncs and renames the temporary file over the target.
    package func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw InputError(file: url.relativePath, message: "cannot replace the file: \(String(cString: strerror(errno)))")
        }
        committed = true
        if let digest { FileDigests.recordWritten(url, hex: digest.hex(), bytes: written) } else { FileDigests.forget(url) }
    }

    /// Throws when `url` may not be replaced by a file: it is one of the run's inputs, or
    /// something other than a regular file is there (``refuseNonFile(_:)``).
    package static func checkTarget(_ url: URL, inputs: [URL]) throws {
        try refuseInput(url, inputs: inputs)
        try refuseNonFile(url)
    }

    /// Throws when a folder, a symbolic link, a FIFO, a device or a socket is at `url`: a rename
    /// would silently put a file in the place of the link or the FIFO (and never write through
    /// it), or fail late on a folder, so none is replaced; a regular file or nothing is fine.
    package static func refuseNonFile(_ url: URL) throws {
        guard let kind = FileKind(at: url), kind != .regularFile else { return }
        throw InputError(
            file: url.relativePath, message: "is \(kind.description), not a file: GeoHealth does not replace it; remove it or choose another output path")
    }

    /// Throws when `url` is one of the run's inputs.
    static func refuseInput(_ url: URL, inputs: [URL]) throws {
        let target = url.standardizedFileURL.resolvingSymlinksInPath()
        if inputs.contains(where: { $0.standardizedFileURL.resolvingSymlinksInPath() == target }) {
            throw InputError(file: url.relativePath, message: "refusing to overwrite an input file; choose another output path")
        }
    }

    /// A hidden temporary path beside `url` (same file system, so a rename replaces it).
    package static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    /// Moves a finished temporary file over `url`.
    package static func replace(_ url: URL, with temporary: URL) throws {
        FileDigests.forget(url)
        guard rename(temporary.path, url.path) == 0 else {
            throw InputError(file: url.relativePath, message: "cannot replace the file: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` to `url` atomically in one go.
    package static func write(_ bytes: [UInt8], to url: URL, inputs: [URL] = []) throws {
        let file = try OutputFile(url, inputs: inputs)
        try file.write(bytes)
        try file.commit()
    }
}
