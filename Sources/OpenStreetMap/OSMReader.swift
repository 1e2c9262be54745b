import COsmium
import Foundation
import GeoCore

/// Reads the ways of an OpenStreetMap file (`.osm.pbf`, and the other formats libosmium knows by
/// their extension) through libosmium, in two passes so that a national file never needs an
/// index of all its nodes: pass 1 reads ways only and keeps those `keep` accepts (it is asked
/// only about ways with a `highway` or `route` tag); pass 2 reads nodes only, keeping the
/// positions of the nodes the kept ways use (a sorted id vector searched by bisection).
/// libosmium decodes the file's blocks in parallel on its thread pool.
///
/// - Complexity: memory of the kept ways and their distinct nodes (16 bytes each), not of the file.
package enum OSMReader {
    /// What a reading saw.
    package struct Counts: Sendable, Equatable {
        /// Every way of the file.
        package var waysRead = 0
        /// Ways with a `highway` or `route` tag (those `keep` was asked about).
        package var waysAsked = 0
        /// Ways `keep` accepted.
        package var waysKept = 0
        /// Distinct nodes the kept ways use.
        package var nodesNeeded = 0
        /// Of those, the nodes the file lacks (an extract cut at its border).
        package var nodesMissing = 0

        package init(waysRead: Int = 0, waysAsked: Int = 0, waysKept: Int = 0, nodesNeeded: Int = 0, nodesMissing: Int = 0) {
            self.waysRead = waysRead
            self.waysAsked = waysAsked
            self.waysKept = waysKept
            self.nodesNeeded = nodesNeeded
            self.nodesMissing = nodesMissing
        }
    }

    /// Reads `url`'s ways, calling `keep` on each candidate's tags (cheap: no dictionary is built)
    /// and then `each` on every kept way in file order. A throw from `each` stops the reading and
    /// is rethrown; a libosmium failure (missing, unreadable or corrupt file) is an ``OSMError``
    /// naming the file.
    package static func readWays(_ url: URL, keep: (OSMTags) -> Bool, each: (OSMWay) throws -> Void) throws -> Counts {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw OSMError(file: url.relativePath, message: "cannot read the file (missing or not readable)")
        }
        return try withoutActuallyEscaping(keep) { keep in
            try withoutActuallyEscaping(each) { each in
                let context = ReadContext(keep: keep, each: each)
                var counts = cosmium_read_counts()
                var error: UnsafeMutablePointer<CChar>?
                let status = withExtendedLifetime(context) {
                    cosmium_read_ways(url.path, ReadContext.filter, ReadContext.sink, Unmanaged.passUnretained(context).toOpaque(), &counts, &error)
                }
                if status == 2, let thrown = context.thrown { throw thrown }
                if status != 0 { throw OSMError.taking(error, file: url.relativePath, fallback: "libosmium failed (status \(status))") }
                return Counts(
                    waysRead: Int(counts.ways_read), waysAsked: Int(counts.ways_asked), waysKept: Int(counts.ways_kept),
                    nodesNeeded: Int(counts.nodes_needed), nodesMissing: Int(counts.nodes_missing))
            }
        }
    }
}

/// The Swift side of one reading, reached from the C callbacks through their context pointer.
private final class ReadContext {
    let keep: (OSMTags) -> Bool
    let each: (OSMWay) throws -> Void
    var thrown: (any Error)?

    init(keep: @escaping (OSMTags) -> Bool, each: @escaping (OSMWay) throws -> Void) {
        self.keep = keep
        self.each = each
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ReadContext {
        Unmanaged<ReadContext>.fromOpaque(pointer!).takeUnretainedValue()
    }

    static let filter: cosmium_way_filter = { context, keys, values, count in
        ReadContext.from(context).keep(OSMTags(keys: keys, values: values, count: count)) ? 1 : 0
    }

    static let sink: cosmium_way_sink = { context, id, keys, values, tagCount, nodeIDs, lons, lats, nodeCount in
        let reading = ReadContext.from(context)
        let n = Int(nodeCount)
        var coordinates: [Coordinate?] = []
        coordinates.reserveCapacity(n)
        for k in 0..<n {
            let lon = lons![k], lat = lats![k]
            coordinates.append(lon.isNaN || lat.isNaN ? nil : Coordinate(x: lon, y: lat))
        }
        let ids = n == 0 ? [] : Array(UnsafeBufferPointer(start: nodeIDs, count: n))
        let tags = OSMTags(keys: keys, values: values, count: tagCount).dictionary
        do {
            try reading.each(OSMWay(id: id, tags: tags, nodeIDs: ids, coordinates: coordinates))
            return 0
        } catch {
            reading.thrown = error
            return 1
        }
    }
}
