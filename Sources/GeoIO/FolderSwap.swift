import Foundation

/// Puts a finished folder in the place of another in one atomic step where the file system
/// allows it: Linux `renameat2(RENAME_EXCHANGE)` (ext4, XFS, Btrfs, tmpfs…) or macOS
/// `renamex_np(RENAME_SWAP)` (APFS) exchange two paths, so another process sees the old folder
/// or the new one, never neither. Where the exchange is not supported, two renames: the old
/// folder aside, the new one in; a kill between them leaves no folder at the target and the
/// old one aside, which ``OutputFolder`` puts back on the next run.
enum FolderSwap {
    /// Exchanges the folders at `a` and `b`; false when the file system cannot (then nothing
    /// has moved).
    static func exchange(_ a: URL, _ b: URL) throws -> Bool {
        guard !TestHook.noExchange else { return false }
        let status = exchangeCall(a.path, b.path)
        if status == 0 { return true }
        if [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(errno) { return false }
        throw InputError(file: b.relativePath, message: "cannot put the new folder in place: \(String(cString: strerror(errno)))")
    }

    /// Renames `from` to `to` (which must not exist, or be an empty folder).
    static func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw InputError(
                file: to.relativePath, message: "cannot move \(from.lastPathComponent) to \(to.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }

    #if canImport(Darwin)
    private static func exchangeCall(_ a: String, _ b: String) -> Int32 {
        renamex_np(a, b, UInt32(RENAME_SWAP))
    }
    #else
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28, 2018), looked up at run time: Swift's Glibc module does not
    /// declare it (it is behind `_GNU_SOURCE`).
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    private static let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, linux/fs.h

    private static func exchangeCall(_ a: String, _ b: String) -> Int32 {
        guard let renameat2 else {
            errno = ENOSYS
            return -1
        }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
    }
    #endif
}
