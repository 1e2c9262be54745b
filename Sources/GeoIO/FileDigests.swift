import Foundation
import Synchronization

/// A running digest of the bytes of one file, fed as they are written: GeoIO knows no hash
/// function; whoever lists files with their digests (the provenance's SHA-256, by swift-crypto)
/// gives ``FileDigests`` a way to make one (``FileDigests/hashOutputs(with:)``).
package protocol StreamingDigest {
    /// Adds the next bytes of the file.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The digest of all the bytes added, in lowercase hexadecimal.
    func hex() -> String
}

/// What identifies one state of a file without reading it: device, inode, size, and the times
/// of its last change of content (mtime) and of status (ctime), in nanoseconds. Writing a file
/// changes its mtime and ctime; replacing it by a rename changes its inode; and nobody can set a
/// ctime but the kernel, to the time of the change. So a file whose fingerprint is the same as
/// when its digest was taken still has that digest, unless it was changed within the same tick
/// of the file system's clock as the fingerprint was taken (git's "racy" case,
/// ``FileDigests/recordSettled(_:hex:bytes:fingerprint:hashedAt:)`` keeps out).
package struct FileFingerprint: Equatable, Sendable {
    let device: UInt64, inode: UInt64, size: Int
    let modified: Int64, changed: Int64

    /// The fingerprint of the regular file at `url` (symbolic links followed), or nil.
    package init?(_ url: URL) {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }

    /// When the file's status last changed (ctime), on the wall clock.
    var changedAt: Date { Date(timeIntervalSince1970: Double(changed) / 1e9) }
}

/// The digests of files this process knows without reading them again: the outputs it wrote
/// through ``OutputFile`` while ``hashOutputs(with:)`` was on (each hashed as its bytes were
/// written), and files already read whole (``recordSettled(_:hex:bytes:fingerprint:hashedAt:)``,
/// e.g. the outputs of the folder a report replaces, checked once when it starts and again just
/// before the swap). A digest is returned only while the file's ``FileFingerprint`` is the one
/// recorded with it; any other file, or a changed one, must be read.
///
/// Process-wide (like the progress listener): files are written by writers on every thread, deep in the
/// table, map and report makers; keyed by the standardised path.
package enum FileDigests {
    struct Entry { var fingerprint: FileFingerprint, hex: String, bytes: Int }
    struct State {
        var make: (@Sendable () -> any StreamingDigest)?
        var known: [String: Entry] = [:]
    }
    static let state = Mutex(State())

    /// Hash every output written from now on through ``OutputFile`` with `make()`'s digest, as
    /// it is written, and remember the digest of each committed file.
    package static func hashOutputs(with make: @escaping @Sendable () -> any StreamingDigest) {
        state.withLock { $0.make = make }
    }

    /// A new digest for an output being written, or nil when outputs are not hashed.
    static func makeDigest() -> (any StreamingDigest)? {
        state.withLock { $0.make }?()
    }

    /// The digest (hex) and size of the file at `url`, when recorded for its current state.
    package static func known(_ url: URL) -> (hex: String, bytes: Int)? {
        guard let entry = state.withLock({ $0.known[key(url)] }), FileFingerprint(url) == entry.fingerprint else { return nil }
        return (entry.hex, entry.bytes)
    }

    /// Records the digest of the file at `url` in the state `fingerprint`, taken before its
    /// bytes were read (read from `hashedAt` on): only when that state is settled, i.e. its
    /// ctime is more than a second before `hashedAt`, so that no change in the same tick of the
    /// file system's clock can go unseen. Files written moments ago are simply read again.
    package static func recordSettled(_ url: URL, hex: String, bytes: Int, fingerprint: FileFingerprint, hashedAt: Date) {
        guard fingerprint.size == bytes, fingerprint.changedAt < hashedAt.addingTimeInterval(-1) else { return }
        record(url, Entry(fingerprint: fingerprint, hex: hex, bytes: bytes))
    }

    /// Records the digest of an output this process has just written and put in place.
    static func recordWritten(_ url: URL, hex: String, bytes: Int) {
        guard let fingerprint = FileFingerprint(url), fingerprint.size == bytes else { return forget(url) }
        record(url, Entry(fingerprint: fingerprint, hex: hex, bytes: bytes))
    }

    /// Forgets what is known of `url` (a file put there by other means).
    static func forget(_ url: URL) {
        _ = state.withLock { $0.known.removeValue(forKey: key(url)) }
    }

    private static func record(_ url: URL, _ entry: Entry) {
        state.withLock { $0.known[key(url)] = entry }
    }

    private static func key(_ url: URL) -> String { url.standardizedFileURL.path }
}
