import Foundation
import GeoCore
import GeoIO

/// Whether the sites of a file lie where the study's areas are: a registry whose longitude and
/// latitude columns were swapped, or a registry of another region, otherwise loads quietly and
/// leaves every commune unreachable.
///
/// A site is within the areas' bounds when it lies in the bounding box of at least one area
/// (one box per area, not the box of them all: a national study's box, overseas included,
/// spans most of the globe). Then, per file:
/// - no site within the bounds: an error naming the file and its location columns;
/// - some sites outside: a warning listing them (they still count as destinations);
/// - and in both cases, when swapping the two coordinates would put most of the outside sites
///   within the bounds, the message says the columns look swapped.
///
/// - Complexity: O(s log s + a log s + pairs), for s sites, a areas, and pairs (site, area
///   box) sharing a longitude range; the boxes are computed once per study.
struct SiteBoundsCheck: Sendable {
    /// One box per area (in longitude/latitude, as read).
    var boxes: [BoundingBox]

    init(areas: [Area]) {
        boxes = Array(areas.indices).concurrentMap { areas[$0].geometry.boundingBox }.map { (try? $0.get()) ?? .empty }  // no copy of each area
    }

    /// What the check found in one file: the ids of the sites outside the bounds, and the
    /// warning to show (nil when every site is within them).
    struct Finding: Sendable {
        var outside: [String]
        var warning: String?
    }

    /// Checks the sites read from `file`; throws when none of them is within the bounds.
    /// - Parameter columns: the longitude and latitude columns of a CSV (nil for GeoJSON points
    ///   and for projected x/y, where a swap is not tested).
    func check(_ sites: [Site], file: String, columns: (lon: String, lat: String)?, geoJSON: Bool) throws -> Finding {
        let inside = within(sites.map(\.location))
        let outside = sites.indices.filter { !inside[$0] }
        guard !outside.isEmpty else { return Finding(outside: []) }
        let swapHint = swapHint(outside.map { sites[$0].location }, all: outside.count == sites.count, columns: columns, geoJSON: geoJSON)
        if outside.count == sites.count {
            throw InputError(
                file: file, field: columns.map { "\($0.lon)/\($0.lat)" },
                message:
                    "no site lies within the areas' bounds (\(Self.describe(boxes.reduce(into: .empty) { $0.extend($1) }))); the sites span " +
                    "\(Self.describe(Self.box(of: sites)))\(swapHint)"
            )
        }
        let ids = outside.map { sites[$0].id }
        let listed = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
        return Finding(
            outside: ids,
            warning:
                "\(file): \(ids.count) of \(sites.count) site(s) lie outside every area's bounding box (\(listed)); they still count as destinations\(swapHint)"
        )
    }

    /// `"; the columns look swapped …"` (`all` the sites are outside) or `"; these rows look
    /// swapped …"` when swapping puts most of the outside positions within the bounds, else "".
    func swapHint(_ outside: [Coordinate], all: Bool, columns: (lon: String, lat: String)?, geoJSON: Bool) -> String {
        guard columns != nil || geoJSON else { return "" }
        let swapped = within(outside.map { Coordinate(x: $0.y, y: $0.x) }).filter { $0 }.count
        guard 2 * swapped > outside.count else { return "" }
        let what = all ? (columns == nil ? "the positions look" : "the columns look") : (columns == nil ? "these positions look" : "these rows look")
        let how = columns.map { "lat in \($0.lon)" } ?? "[lat, lon] instead of [lon, lat]"
        return "; \(what) swapped (\(how)): swapped, \(swapped) of these \(outside.count) would lie within"
    }

    /// Per position: whether some area's box holds it. The positions are sorted by longitude
    /// once; each box takes its longitude range by binary search.
    func within(_ positions: [Coordinate]) -> [Bool] {
        let order = positions.indices.sorted { positions[$0].x < positions[$1].x }
        let xs = order.map { positions[$0].x }
        var result = [Bool](repeating: false, count: positions.count)
        for box in boxes where !box.isEmpty {
            var k = xs.firstIndex(notBelow: box.minX)
            while k < xs.count && xs[k] <= box.maxX {
                let p = positions[order[k]]
                if p.y >= box.minY && p.y <= box.maxY { result[order[k]] = true }
                k += 1
            }
        }
        return result
    }

    static func box(of sites: [Site]) -> BoundingBox {
        sites.reduce(into: BoundingBox.empty) { $0.extend($1.location) }
    }

    static func describe(_ box: BoundingBox) -> String {
        func n(_ v: Double) -> String { NumberFormatting.string(v, precision: 2) }
        return "lon \(n(box.minX))…\(n(box.maxX)), lat \(n(box.minY))…\(n(box.maxY))"
    }
}
