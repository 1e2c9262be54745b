import Foundation

/// The work folder of an ``OutputFolder``: `.NAME.geohealth-PID-RANDOM/` beside the target,
/// holding the marker ``markerName`` and the new folder (``newFolder``), and, during a swap by
/// two renames, the previous one (``previousFolder``). A leftover of a killed run is recognised
/// by both its name and its marker, and deleted only when the process the marker names (on this
/// host) has ended, so a run still writing beside it is never disturbed.
enum WorkFolder {
    static let markerName = "geohealth-work.txt"
    static let markerHeading = "GeoHealth work folder"
    static let newFolder = "folder"
    static let previousFolder = "old"

    /// Creates the work folder for `target`, its marker first.
    static func create(for target: URL) throws -> URL {
        let absolute = target.absoluteURL.standardizedFileURL
        let name = absolute.lastPathComponent
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let work = absolute.deletingLastPathComponent()
            .appendingPathComponent(".\(name).geohealth-\(getpid())-\(String(repeating: "0", count: 8 - random.count) + random)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false)
        let marker = """
            \(markerHeading): the output folder \(name) being written, or the previous one being replaced. \
            The next geohealth run writing \(name) deletes it once process \(getpid()) has ended.
            pid: \(getpid())
            host: \(hostName)

            """
        try OutputFile.write(Array(marker.utf8), to: work.appendingPathComponent(markerName))
        return work
    }

    /// Deletes the work folders of ended processes for `target`; when a swap by renames was
    /// interrupted (no target, the previous folder in `old/`), puts the previous folder back.
    static func removeLeftovers(of target: URL) throws {
        let absolute = target.absoluteURL.standardizedFileURL
        let parent = absolute.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() {
            guard let pid = pid(inName: name, target: absolute.lastPathComponent) else { continue }
            let work = parent.appendingPathComponent(name)
            guard FileKind(at: work) == .folder else { continue }
            guard let owner = owner(of: work) else {
                // Unmarked: only an empty one (killed between its creation and its marker, or
                // between its marker's removal and its own) is removed.
                if !isRunning(pid) { rmdir(work.path) }
                continue
            }
            guard owner.pid == pid, owner.host == hostName, !isRunning(pid) else { continue }
            let aside = work.appendingPathComponent(previousFolder)
            if FileKind(at: aside) == .folder, FileKind(at: absolute) == nil { try FolderSwap.move(aside, to: absolute) }
            remove(work)
        }
    }

    /// Deletes a work folder: its contents, then its marker, then itself, so that a kill
    /// midway leaves a folder still marked (or empty).
    static func remove(_ work: URL) {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        for name in contents where name != markerName { try? FileManager.default.removeItem(at: work.appendingPathComponent(name)) }
        try? FileManager.default.removeItem(at: work.appendingPathComponent(markerName))
        rmdir(work.path)
    }

    /// The process id in a work folder's name for the target named `target`, or nil when
    /// `name` is not such a name.
    static func pid(inName name: String, target: String) -> Int32? {
        let prefix = ".\(target).geohealth-"
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return Int32(parts[0]).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The process and host a work folder's marker names, or nil when it has no marker of ours.
    static func owner(of work: URL) -> (pid: Int32, host: String)? {
        guard let text = try? String(contentsOf: work.appendingPathComponent(markerName), encoding: .utf8),
              text.hasPrefix(markerHeading + ":") else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let host = fields["host"] else { return nil }
        return (pid, host)
    }

    /// Whether a process `pid` exists (one of another user counts: `kill` answers EPERM).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// This machine's name (`gethostname`: no name lookup, unlike Foundation's `hostName`).
    static let hostName: String = {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
