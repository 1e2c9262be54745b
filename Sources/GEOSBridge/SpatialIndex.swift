import CGEOS
import GeoCore

/// A GEOS STRtree over a fixed list of geometries, answering with their indices in that list
/// (the shapely 2 convention: indices and numbers out, no rebuilt objects).
///
/// The tree is packed on the first query and is read-only after that.
/// - Complexity: queries are O(log n + k) for k candidates.
package final class SpatialIndex {
    package let geometries: [NativeGeometry]
    private let tree: OpaquePointer
    private let context: GEOSContext

    /// Indexes `geometries` (all from `context`) by their envelopes.
    package init(_ geometries: [NativeGeometry], context: GEOSContext = .current, nodeCapacity: Int = 10) throws {
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
            throw context.failure("GEOSSTRtree_create")
        }
        self.tree = tree
        self.context = context
        self.geometries = geometries
        for (i, g) in geometries.enumerated() {
            GEOSSTRtree_insert_r(context.handle, tree, g.handle, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    package var count: Int { geometries.count }

    /// Indices of the geometries whose envelope intersects `box`, ascending.
    package func query(_ box: BoundingBox) throws -> [Int] {
        try query(envelopeOf: context.rectangle(box))
    }

    /// Indices of the geometries whose envelope intersects `geometry`'s envelope, ascending.
    /// A candidate filter: test the exact predicate (prepared) on what it returns.
    package func query(envelopeOf geometry: NativeGeometry) throws -> [Int] {
        final class Collector { var hits: [Int] = [] }
        let collector = Collector()
        let reference = Unmanaged.passUnretained(collector)
        GEOSSTRtree_query_r(context.handle, tree, geometry.handle, { item, userData in
            let c = Unmanaged<Collector>.fromOpaque(userData!).takeUnretainedValue()
            c.hits.append(Int(bitPattern: item) - 1)
        }, reference.toOpaque())
        withExtendedLifetime(collector) {}
        return collector.hits.sorted()
    }

    /// The index of the geometry nearest to `geometry` (exact distance, GEOSSTRtree_nearest_generic),
    /// or `nil` when the index is empty. Ties go to whichever GEOS meets first.
    package func nearest(to geometry: NativeGeometry) throws -> Int? {
        guard !geometries.isEmpty else { return nil }
        final class Search {
            let query: NativeGeometry
            let items: [NativeGeometry]
            init(_ q: NativeGeometry, _ list: [NativeGeometry]) { query = q; items = list }
            func geometry(_ p: UnsafeRawPointer?) -> OpaquePointer {
                let raw = Int(bitPattern: p)
                return raw == SpatialIndex.querySentinel ? query.handle : items[raw - 1].handle
            }
        }
        let search = Search(geometry, geometries)
        let reference = Unmanaged.passUnretained(search)
        let found = GEOSSTRtree_nearest_generic_r(
            context.handle, tree, UnsafeRawPointer(bitPattern: Self.querySentinel), geometry.handle,
            { a, b, distance, userData in
                let s = Unmanaged<Search>.fromOpaque(userData!).takeUnretainedValue()
                let h = s.query.context.handle
                return GEOSDistance_r(h, s.geometry(a), s.geometry(b), distance)
            }, reference.toOpaque())
        withExtendedLifetime(search) {}
        guard let found else { throw context.failure("GEOSSTRtree_nearest_generic") }
        return Int(bitPattern: found) - 1
    }

    /// The item pointer that stands for the query geometry in the distance callback.
    static let querySentinel = Int.max
}
