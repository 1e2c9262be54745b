import Accessibility
import Foundation
import GeoCore
import GeoIO

/// The prepared-graph file (docs/roads.md §6): a road network and its contraction hierarchy,
/// stored as whole arrays so that loading copies memory instead of decoding elements.
///
/// Layout, little-endian: the magic `GHGRAPH\n`; format version (UInt32) and 0 (UInt32); the
/// key (a string); the notes (a count, then strings); whether nodes carry OSM ids (UInt64 0/1);
/// then 16 arrays, each its element count (UInt64), element size (UInt64) and raw elements:
/// node x/y pairs, OSM ids, segment ends (from, to), metres, forward and backward minutes,
/// snappable flags (bytes), the hierarchy's upward rows (start, target, minutes, metres) and
/// downward rows (start, source, minutes, metres); last, the ``FileChecksum`` of everything
/// before it (UInt64). A string is its UTF-8 length (UInt64) and bytes.
package enum PreparedGraphFile {
    /// Bumped whenever the layout or the meaning of a stored array changes, or the builder
    /// changes what it stores (2: the parallel rounds, whose witnesses avoid every node of a
    /// round; graphs prepared before are rebuilt, not trusted).
    package static let formatVersion: UInt32 = 2
    package static let magic = Array("GHGRAPH\n".utf8)

    package struct Contents {
        package var network: RoadNetwork
        package var hierarchy: ContractionHierarchy
        /// Lines kept with the graph for the summary (what the road layer held).
        package var notes: [String]

        /// A graph, its hierarchy and the notes kept with them.
        package init(network: RoadNetwork, hierarchy: ContractionHierarchy, notes: [String]) {
            (self.network, self.hierarchy, self.notes) = (network, hierarchy, notes)
        }
    }

    /// Writes `contents` under `key` to `url` atomically (temporary file, then rename).
    package static func write(_ contents: Contents, key: String, to url: URL) throws {
        let file = try OutputFile(url)
        var hash = FileChecksum.State()
        func put(_ bytes: UnsafeRawBufferPointer) throws {
            hash.add(bytes)
            var k = 0
            while k < bytes.count {
                let end = min(k + (1 << 20), bytes.count)
                try file.write(Array(bytes[k..<end]))
                k = end
            }
        }
        func put<T>(_ values: [T]) throws {
            try withUnsafeBytes(of: UInt64(values.count).littleEndian) { try put($0) }
            try withUnsafeBytes(of: UInt64(MemoryLayout<T>.stride).littleEndian) { try put($0) }
            try values.withUnsafeBytes { try put($0) }
        }
        func put(_ text: String) throws { try put(Array(text.utf8)) }
        let n = contents.network, ch = contents.hierarchy
        try magic.withUnsafeBytes { try put($0) }
        try withUnsafeBytes(of: (formatVersion.littleEndian, UInt32(0))) { try put($0) }
        try put(key)
        try withUnsafeBytes(of: UInt64(contents.notes.count).littleEndian) { try put($0) }
        for note in contents.notes { try put(note) }
        try withUnsafeBytes(of: UInt64(n.nodeIDs == nil ? 0 : 1).littleEndian) { try put($0) }
        try put([Double](unsafeUninitializedCapacity: 2 * n.nodes.count) { xy, count in
            for (k, p) in n.nodes.enumerated() { (xy[2 * k], xy[2 * k + 1]) = (p.x, p.y) }
            count = 2 * n.nodes.count
        })
        try put(n.nodeIDs ?? [])
        try put(n.segmentFrom)
        try put(n.segmentTo)
        try put(n.segmentMetres)
        try put(n.segmentForwardMinutes)
        try put(n.segmentBackwardMinutes)
        try put(n.segmentSnappable.map { UInt8($0 ? 1 : 0) })
        for rows in [(ch.upStart, ch.upTarget, ch.upMinutes, ch.upMetres), (ch.downStart, ch.downSource, ch.downMinutes, ch.downMetres)] {
            try put(rows.0)
            try put(rows.1)
            try put(rows.2)
            try put(rows.3)
        }
        let sum = hash.finish()
        try withUnsafeBytes(of: sum.littleEndian) { try file.write(Array($0)) }
        try file.commit()
    }

    /// The contents of `url` when it is a prepared graph of this format with key `key`; nil when
    /// the file is absent, of another key or version, truncated, or fails its checksum or its
    /// consistency checks (the caller then rebuilds the graph).
    ///
    /// The file is read in one pass, each array straight into its own storage (no mapping of
    /// the whole file and no copy of it: the stored arrays are held once, plus what is built
    /// from them — node coordinates, the edge rows of the network), the checksum computed on
    /// the way; nothing is built from the arrays before the checksum holds.
    package static func read(_ url: URL, key: String) -> Contents? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 24, (try? handle.seek(toOffset: 0)) != nil else { return nil }
        var r = Reader(handle: handle, bodyLength: Int(size) - 8)
        return try? r.contents(key: key)
    }

    /// Reads the layout of ``write(_:key:to:)`` from a file, in order, hashing what it reads.
    package struct Reader {
        let handle: FileHandle
        /// The bytes before the trailing checksum.
        let bodyLength: Int
        var offset = 0
        var hash = FileChecksum.State()

        struct Truncated: Error {}

        init(handle: FileHandle, bodyLength: Int) { (self.handle, self.bodyLength) = (handle, bodyLength) }

        /// Fills `buffer` straight from the file descriptor (POSIX `read`, no intermediate
        /// buffer), hashing the bytes when `hashed`.
        mutating func fill(_ buffer: UnsafeMutableRawBufferPointer, hashed: Bool = true) throws {
            var k = 0
            while k < buffer.count {
                let got = systemRead(handle.fileDescriptor, buffer.baseAddress! + k, min(buffer.count - k, 1 << 30))
                if got < 0 && errno == EINTR { continue }  // interrupted by a signal: read again
                guard got > 0 else { throw Truncated() }
                k += got
            }
            if hashed { hash.add(UnsafeRawBufferPointer(buffer)) }
            offset += buffer.count
        }

        mutating func word() throws -> UInt64 {
            guard offset + 8 <= bodyLength else { throw Truncated() }
            var value: UInt64 = 0
            try withUnsafeMutableBytes(of: &value) { try fill($0) }
            return UInt64(littleEndian: value)
        }

        mutating func array<T>(_: T.Type) throws -> [T] {
            let count = try word(), size = try word()
            guard size == MemoryLayout<T>.stride, count <= UInt64(bodyLength - offset) / max(size, 1) else { throw Truncated() }
            return try [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                try fill(UnsafeMutableRawBufferPointer(buffer))
                initialized = Int(count)
            }
        }

        mutating func string() throws -> String {
            guard let text = String(validating: try array(UInt8.self), as: UTF8.self) else { throw Truncated() }
            return text
        }

        /// Whether the body was read to its end and the checksum after it matches.
        mutating func checksumHolds() throws -> Bool {
            guard offset == bodyLength else { return false }
            let sum = hash.finish()
            var stored: UInt64 = 0
            try withUnsafeMutableBytes(of: &stored) { try fill($0, hashed: false) }
            return UInt64(littleEndian: stored) == sum
        }

        mutating func contents(key: String) throws -> Contents? {
            var magic = [UInt8](repeating: 0, count: 8)
            try magic.withUnsafeMutableBytes { try fill($0) }
            guard magic == PreparedGraphFile.magic else { return nil }
            guard UInt32(truncatingIfNeeded: try word()) == PreparedGraphFile.formatVersion, try string() == key else { return nil }
            let noteCount = try word()
            guard noteCount <= UInt64(bodyLength - offset) / 8 else { throw Truncated() }  // each note takes 8 bytes at least
            var notes: [String] = []
            for _ in 0..<Int(noteCount) { notes.append(try string()) }
            let hasIDs = try word() == 1
            let xy = try array(Double.self)
            let ids = try array(Int64.self)
            let (from, to, metres) = (try array(Int32.self), try array(Int32.self), try array(Double.self))
            let (forward, backward, snappable) = (try array(Double.self), try array(Double.self), try array(UInt8.self))
            let up = (try array(Int32.self), try array(Int32.self), try array(Double.self), try array(Double.self))
            let down = (try array(Int32.self), try array(Int32.self), try array(Double.self), try array(Double.self))
            guard try checksumHolds(), xy.count % 2 == 0 else { return nil }
            let nodes = (0..<(xy.count / 2)).map { Coordinate(x: xy[2 * $0], y: xy[2 * $0 + 1]) }
            let network = try RoadNetwork(
                nodes: nodes, nodeIDs: hasIDs ? ids : nil, segmentFrom: from, segmentTo: to, segmentMetres: metres,
                segmentForwardMinutes: forward, segmentBackwardMinutes: backward, segmentSnappable: snappable.map { $0 != 0 })
            let hierarchy = try ContractionHierarchy(
                upStart: up.0, upTarget: up.1, upMinutes: up.2, upMetres: up.3, downStart: down.0, downSource: down.1, downMinutes: down.2,
                downMetres: down.3, nodeCount: nodes.count)
            return Contents(network: network, hierarchy: hierarchy, notes: notes)
        }
    }
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#else
import Darwin
private let systemRead = Darwin.read
#endif
