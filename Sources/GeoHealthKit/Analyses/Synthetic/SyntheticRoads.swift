import Foundation
import GeoCore
import GeoIO
import OpenStreetMap

/// A synthetic road network of national size, as an OpenStreetMap PBF file
/// (`geohealth synth-roads`), to measure the reader and the router at the scale of France when
/// no France extract is at hand. Deterministic for a seed; streamed to the writer, never held:
/// every id and position is a function of the seed and of the element's index (a hash), so
/// the nodes are written in one pass and the ways in a second that recomputes the same ids.
///
/// The network covers metropolitan France's extent (longitude −5…9.6, latitude 41.3…51.1),
/// and its mix, for `n` nodes (25 million by default, close to France's car network; about
/// 4 million ways), is:
/// - **a tertiary/unclassified lattice** (about 0.035 n junctions, 1.2–1.5 km apart, jittered):
///   each lattice edge a way with 5 shape nodes; 10 % of edges missing (degree-3 junctions),
///   3 % of junctions a four-node roundabout (`junction=roundabout`); classes 35 % tertiary,
///   57 % unclassified, 5 % `track` and 3 % `footway` (not car roads: the profile refuses them);
/// - **towns** (n / 8,000 of them, the first n / 240, at least 5 and at most 100, being cities; towns gather
///   around cities, a third spread uniformly): each a grid of residential streets 120 m apart
///   (about 0.40 n nodes in all), 2 shape nodes per street, 5 % of streets missing;
///   streets 80 % `residential`, 5 % of them one-way, 10 % `service`, 3 % `living_street`, 2 %
///   `residential` with `maxspeed=30`; two `unclassified` links to the lattice;
/// - **primary/secondary/tertiary roads between towns**: each town to its 3 nearest towns
///   (primary when a city is at either end, else secondary, then tertiary), a shape node every
///   400 m, a fifth with `maxspeed=80`;
/// - **a motorway and trunk skeleton between cities**: each city to its 3 nearest cities, the
///   two nearest by a dual-carriageway motorway (two one-way ways, a node every 800 m), the
///   third by a two-way trunk; an interchange per city joined to its centre by a
///   `motorway_link` each way.
/// Most nodes are shape nodes of degree 2; junctions have degree 3 or 4; ways longer than
/// ``maximumNodesPerWay`` are cut into chained ways (OSM's limit is 2,000).
package enum SyntheticRoads {
    /// What to generate.
    package struct Options: Sendable {
        /// The approximate number of nodes (default ``defaultNodes``).
        package var nodes = SyntheticRoads.defaultNodes
        /// The seed: the same seed and size give the same file.
        package var seed = SyntheticRoads.defaultSeed

        package init() {}
    }

    /// About France's car network in OpenStreetMap: 25 million nodes.
    package static let defaultNodes = 25_000_000
    /// The default seed.
    package static let defaultSeed: UInt64 = 1
    /// The sizes accepted: from a toy network to eight Frances.
    package static let nodeRange = 2_000...200_000_000
    /// Ways are cut after this many nodes.
    static let maximumNodesPerWay = 500

    /// What was written.
    package struct Written: Sendable {
        package var file: URL
        package var nodes: Int
        package var ways: Int
        package var waysByClass: [String: Int]

        /// The summary `geohealth synth-roads` prints.
        package var summary: Summary {
            Summary([
                ("file", .string(file.relativePath)), ("nodes", .int(nodes)), ("ways", .int(ways)),
                ("ways_by_class", .rows(waysByClass.sorted { $0.key < $1.key }) { [("class", .string($0.key)), ("ways", .int($0.value))] }),
            ])
        }
    }

    /// Refuses a size out of ``nodeRange`` (before anything is written).
    package static func check(_ options: Options) throws {
        guard nodeRange.contains(options.nodes) else {
            throw ParameterError(.malformed, "\(.syntheticNodes) must be from \(nodeRange.lowerBound) to \(nodeRange.upperBound); got \(options.nodes)")
        }
    }

    /// Writes the network to `url` (atomically: a temporary file beside it, then renamed).
    package static func write(to url: URL, options: Options) throws -> Written {
        try check(options)
        try OutputFile.checkTarget(url, inputs: [])
        let layout = SyntheticRoadLayout(nodes: options.nodes, seed: options.seed)
        let temporary = OutputFile.temporaryURL(for: url)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let writer = try OSMWriter(temporary)
        var sink = SyntheticRoadSink(writer: writer)
        do {
            try layout.emitNodes(&sink)
            try layout.emitWays(&sink)
            try writer.close()
        } catch let error as OSMError {
            throw InputError(file: url.relativePath, message: error.message)
        }
        try OutputFile.replace(url, with: temporary)
        return Written(file: url, nodes: sink.nodes, ways: sink.ways, waysByClass: sink.waysByClass)
    }
}

/// Counts what goes to the writer, and cuts long ways.
struct SyntheticRoadSink {
    let writer: OSMWriter
    var nodes = 0
    var ways = 0
    var waysByClass: [String: Int] = [:]

    init(writer: OSMWriter) { self.writer = writer }

    mutating func node(_ id: Int64, _ position: Coordinate) throws {
        try writer.addNode(id: id, longitude: position.x, latitude: position.y)
        nodes += 1
    }

    /// A way through `refs`, cut into chained ways of at most ``SyntheticRoads/maximumNodesPerWay`` nodes.
    mutating func way(_ refs: [Int64], _ tags: [(key: String, value: String)]) throws {
        let step = SyntheticRoads.maximumNodesPerWay - 1
        var start = 0
        repeat {
            let end = min(start + step, refs.count - 1)
            ways += 1
            try writer.addWay(id: Int64(ways), nodeIDs: Array(refs[start...end]), tags: tags)
            waysByClass[tags.first { $0.key == "highway" }?.value ?? "other", default: 0] += 1
            start = end
        } while start < refs.count - 1
    }
}
