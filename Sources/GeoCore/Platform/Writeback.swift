#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the kernel's writeback of a file's dirty pages without waiting for it: Linux's
/// `sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE)`, looked up at run time (Swift's Glibc
/// module does not export it); nothing on other platforms. An output file calls it as it
/// grows, so the `fsync` before its rename waits for the last pages only, not for 50 MB at once
/// (the disk of a shared machine may then take a second). Durability is unchanged: the
/// `fsync` still comes before the rename.
package enum Writeback {
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// The function, or nil where the C library has none.
    private nonisolated(unsafe) static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()

    /// `SYNC_FILE_RANGE_WRITE` of `<fcntl.h>`: start writing the dirty pages, do not wait.
    private static let startWriting: UInt32 = 2

    /// Starts writing back what is written to `descriptor` so far (errors ignored: the `fsync`
    /// that follows reports them).
    package static func start(_ descriptor: Int32) {
        _ = syncFileRange?(descriptor, 0, 0, startWriting)
    }
}
