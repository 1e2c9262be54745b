import Foundation

/// What is at a path, without following a symbolic link (`lstat(2)`): an output is written
/// only over nothing or a regular file, and a folder is replaced only when it is a real folder.
package enum FileKind: Sendable, CustomStringConvertible {
    case regularFile, folder, symbolicLink, fifo, device, socket, other

    /// The kind of what is at `url`, or nil when nothing is there.
    package init?(at url: URL) {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a folder", "a symbolic link"…, for error messages.
    package var description: String {
        switch self {
        case .regularFile: "a file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .device: "a device"
        case .socket: "a socket"
        case .other: "not a regular file"
        }
    }
}
