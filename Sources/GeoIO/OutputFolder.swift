import Foundation

/// A folder written whole or not at all, and never over a folder GeoHealth may not replace:
/// the one helper `geohealth run` and `geohealth report` write their folders with.
///
/// The new folder is built in a work folder beside the target, `.NAME.geohealth-PID-RANDOM/`
/// (NAME the target's name, PID this process, RANDOM 8 hexadecimal digits), holding the
/// marker `geohealth-work.txt` (the process id and host) and `folder/`, the new folder.
/// ``commit()`` checks again that the target may be replaced, exchanges `folder/` with the
/// target in one atomic rename (``FolderSwap``), then deletes the work folder, the previous
/// folder now in it. So at every instant the target is the whole previous folder or the whole
/// new one. A failed run deletes its work folder as it unwinds; a killed one leaves it, and the
/// next ``OutputFolder`` for the same target deletes it once its process has ended
/// (``WorkFolder/removeLeftovers(of:)``).
///
/// ```swift
/// let folder = try OutputFolder(URL(fileURLWithPath: "out"), mayReplace: Provenance.checkReplaceable)
/// try OutputFile.write(bytes, to: folder.staging.appendingPathComponent("a.csv"))
/// try folder.commit()
/// ```
package final class OutputFolder {
    /// Where the finished folder goes.
    package let target: URL
    /// Where to write the new folder's files (inside the work folder).
    package let staging: URL
    private let work: URL
    private let mayReplace: (URL) throws -> Void
    private var finished = false

    /// Deletes the leftovers of earlier killed runs for `target`, checks that `target` is
    /// absent or a folder `mayReplace` accepts, and creates the work folder.
    /// - Parameter mayReplace: called with the target when a folder is there, now and again
    ///   just before the swap; throws when it may not be replaced.
    package init(_ target: URL, mayReplace: @escaping (URL) throws -> Void) throws {
        self.target = target
        self.mayReplace = mayReplace
        try FileManager.default.createDirectory(at: target.absoluteURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try WorkFolder.removeLeftovers(of: target)
        try Self.check(target, mayReplace: mayReplace)
        work = try WorkFolder.create(for: target)
        staging = work.appendingPathComponent(WorkFolder.newFolder)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        TestHook.step("work folder created")
    }

    deinit {
        if !finished { WorkFolder.remove(work) }
    }

    /// Puts the new folder at the target (replacing the previous one in one atomic step) and
    /// deletes the work folder.
    package func commit() throws {
        try Self.check(target, mayReplace: mayReplace)
        if FileKind(at: target) == nil {
            try FolderSwap.move(staging, to: target)
        } else if try !FolderSwap.exchange(staging, target) {
            try swapByRenames()
        }
        finished = true
        TestHook.step("new folder in place")
        WorkFolder.remove(work)
        TestHook.step("work folder removed")
    }

    /// The swap where the file system cannot exchange: the previous folder aside into the
    /// work folder (`old/`), then the new one in. A kill between the two leaves no target;
    /// ``WorkFolder/removeLeftovers(of:)`` then puts `old/` back.
    private func swapByRenames() throws {
        let aside = work.appendingPathComponent(WorkFolder.previousFolder)
        try FolderSwap.move(target, to: aside)
        TestHook.step("previous folder moved aside")
        do {
            try FolderSwap.move(staging, to: target)
        } catch {
            try? FolderSwap.move(aside, to: target)
            throw error
        }
    }

    /// Throws unless nothing is at `target` or a folder `mayReplace` accepts.
    static func check(_ target: URL, mayReplace: (URL) throws -> Void) throws {
        switch FileKind(at: target) {
        case nil: return
        case .folder: try mayReplace(target)
        case let kind?:
            throw InputError(
                file: target.relativePath,
                message: "is \(kind.description), not a folder: GeoHealth does not replace it; remove it or choose another output folder")
        }
    }

    /// The first of `inputs` that is `folder` or lies inside it (symbolic links resolved), or
    /// nil: a run or report writing `folder` would replace it.
    package static func input(_ inputs: [URL], inside folder: URL) -> URL? {
        let root = canonicalPath(folder)
        return inputs.first { input in
            let path = canonicalPath(input)
            return path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
        }
    }

    /// The absolute path of `url` without `.`, `..` or symbolic links, for the part of it that
    /// exists (an output folder need not exist yet).
    static func canonicalPath(_ url: URL) -> String {
        let absolute = url.absoluteURL.standardizedFileURL
        guard FileKind(at: absolute) == nil, absolute.path != "/" else { return absolute.resolvingSymlinksInPath().path }
        return URL(fileURLWithPath: canonicalPath(absolute.deletingLastPathComponent())).appendingPathComponent(absolute.lastPathComponent).path
    }
}
