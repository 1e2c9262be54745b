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
    /// Bumped whenever the layout or the meaning of a stored array changes.
    package static let formatVersion: UInt32 = 1
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
        try put(n.nodes.flatMap { [$0.x, $0.y] })
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
    package static func read(_ url: URL, key: String) -> Contents? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.count >= 24 else { return nil }
        return data.withUnsafeBytes { all -> Contents? in
            let body = UnsafeRawBufferPointer(rebasing: all[..<(all.count - 8)])
            guard FileChecksum.of(body) == UInt64(littleEndian: all.loadUnaligned(fromByteOffset: all.count - 8, as: UInt64.self)) else { return nil }
            var r = Reader(bytes: body)
            return try? r.contents(key: key)
        }
    }

    /// Reads the layout of ``write(_:key:to:)`` from bytes whose checksum was verified.
    package struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        struct Truncated: Error {}

        mutating func word() throws -> UInt64 {
            guard offset + 8 <= bytes.count else { throw Truncated() }
            defer { offset += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        mutating func array<T>(_: T.Type) throws -> [T] {
            let count = try word(), size = try word()
            guard size == MemoryLayout<T>.stride, count <= UInt64(bytes.count - offset) / max(size, 1) else { throw Truncated() }
            let length = Int(count) * Int(size)
            let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
                initialized = Int(count)
            }
            offset += length
            return values
        }

        mutating func string() throws -> String {
            guard let text = String(validating: try array(UInt8.self), as: UTF8.self) else { throw Truncated() }
            return text
        }

        mutating func contents(key: String) throws -> Contents? {
            guard bytes.count >= 16, Array(bytes[0..<8]) == PreparedGraphFile.magic else { return nil }
            offset = 8
            guard UInt32(truncatingIfNeeded: try word()) == PreparedGraphFile.formatVersion, try string() == key else { return nil }
            let noteCount = try word()
            guard noteCount < UInt64(bytes.count) else { throw Truncated() }
            let notes = try (0..<Int(noteCount)).map { _ in try string() }
            let hasIDs = try word() == 1
            let xy = try array(Double.self)
            guard xy.count % 2 == 0 else { throw Truncated() }
            let nodes = (0..<(xy.count / 2)).map { Coordinate(x: xy[2 * $0], y: xy[2 * $0 + 1]) }
            let ids = try array(Int64.self)
            let network = try RoadNetwork(
                nodes: nodes, nodeIDs: hasIDs ? ids : nil, segmentFrom: try array(Int32.self), segmentTo: try array(Int32.self),
                segmentMetres: try array(Double.self), segmentForwardMinutes: try array(Double.self), segmentBackwardMinutes: try array(Double.self),
                segmentSnappable: try array(UInt8.self).map { $0 != 0 })
            let hierarchy = try ContractionHierarchy(
                upStart: try array(Int32.self), upTarget: try array(Int32.self), upMinutes: try array(Double.self), upMetres: try array(Double.self),
                downStart: try array(Int32.self), downSource: try array(Int32.self), downMinutes: try array(Double.self),
                downMetres: try array(Double.self), nodeCount: nodes.count)
            return Contents(network: network, hierarchy: hierarchy, notes: notes)
        }
    }
}
