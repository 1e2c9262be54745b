import Foundation
import GeoCore
import GEOSBridge
import GeoPackage
import Projection

/// Every binding call in a loop, including the ones that fail, so that valgrind can show that
/// each handle is freed exactly once (scripts/leak-check). The argument is the round count.
func bindingRounds(_ argument: URL) throws {
    let rounds = Int(argument.lastPathComponent) ?? 10
    var checksum = 0.0
    for round in 0..<rounds {
        try geosRound(round, &checksum)
        try projRound(round, &checksum)
        try sqliteRound(round, &checksum)
    }
    // The same from other threads: each gets and releases its own contexts.
    let group = DispatchGroup()
    for _ in 0..<4 {
        DispatchQueue.global().async(group: group) {
            var local = 0.0
            try? geosRound(1, &local)
            try? projRound(1, &local)
            try? sqliteRound(1, &local)
        }
    }
    group.wait()
    print("job: bindings\nrounds: \(rounds)\nchecksum: \(String(format: "%.6f", checksum))")
}

private func geosRound(_ round: Int, _ checksum: inout Double) throws {
    let context = GEOSContext.current
    let a = try context.geometry(wkt: "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))")
    let b = try context.rectangle(BoundingBox(minX: 2, minY: 2, maxX: 6, maxY: 6))
    checksum += try a.area() + a.length() + a.distance(to: b)
    checksum += try (a.centroid()?.x ?? 0) + (a.pointOnSurface()?.y ?? 0)
    checksum += try a.intersection(b).area() + a.union(b).area() + a.difference(b).area()
    checksum += try context.unionAll([a, b]).area() + a.buffer(0.5).area() + a.simplifyPreservingTopology(tolerance: 0.1).area()
    checksum += try (a.intersects(b) ? 1 : 0) + (a.contains(b) ? 1 : 0) + (a.covers(b) ? 1 : 0) + (a.within(b) ? 1 : 0) + (a.touches(b) ? 1 : 0)
    let bowTie = try context.geometry(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
    checksum += try (bowTie.isValid() ? 1 : 0) + Double(bowTie.validityReason().count) + bowTie.makeValid().area()
    checksum += try Double(context.geometry(wkb: a.wkb()).wkt().count)
    let prepared = try PreparedGeometry(a)
    checksum += try (prepared.covers(Coordinate(x: 3, y: 3)) ? 1 : 0) + (prepared.intersects(b) ? 1 : 0) + (prepared.contains(b) ? 1 : 0)
    let points = try (0..<50).map { try context.point(Coordinate(x: Double($0 % 7), y: Double($0 / 7))) }
    let index = try SpatialIndex(points)
    checksum += try Double(index.query(BoundingBox(minX: 1, minY: 1, maxX: 3, maxY: 3)).count + (index.nearest(to: b) ?? 0))
    let cloud = try context.geometry(.multiPoint((0..<20).map { Coordinate(x: Double($0 * 37 % 11), y: Double($0 * 17 % 13)) }))
    checksum += try cloud.voronoiDiagram().area() + cloud.delaunayTriangulation().area() + cloud.delaunayTriangulation(onlyEdges: true).length()
    checksum += try a.clone().envelope().width + (a.geometry().coordinateCount > 0 ? 1 : 0)
    // Error paths: GEOS reports, the bridge throws, nothing leaks.
    _ = try? context.geometry(wkt: "POLYGON((0 0, 1 0")
    _ = try? context.geometry(wkb: [1, 2, 3])
    _ = try? context.geometry(.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1)])))
    checksum += Double(round % 2)
}

private func projRound(_ round: Int, _ checksum: inout Double) throws {
    let forward = try CoordinateTransformer(from: .wgs84, to: .lambert93)
    var points = (0..<100).map { Coordinate(x: 2 + Double($0) * 0.01, y: 46 + Double(round % 3) * 0.1) }
    try forward.transform(&points)
    checksum += points[0].x / 1e6
    var geometry = Geometry.polygon(Polygon(exterior: [Coordinate(x: 2, y: 46), Coordinate(x: 3, y: 46), Coordinate(x: 3, y: 47), Coordinate(x: 2, y: 46)]))
    try forward.transform(&geometry)
    checksum += Geodesic.wgs84.distance(from: Coordinate(x: 2, y: 46), to: Coordinate(x: 3, y: 47)) / 1e6
    _ = try? CoordinateTransformer(from: .wgs84, to: CRS(epsg: 999_999))
    var bad = [Coordinate(x: .nan, y: 1)]
    _ = try? forward.transform(&bad)
    _ = try? PROJContext.current.name(of: .reunion)
    // The per-thread transformers: resolved once, then rebuilt from their pipeline string on
    // the other threads (BindingRounds runs this on fresh threads too).
    var shared = [Coordinate(x: 55.5, y: -21.1)]
    try CoordinateTransformer.shared(from: .wgs84, to: .reunion).transform(&shared)
    try CoordinateTransformer.shared(from: .reunion, to: .wgs84).transform(&shared)
    checksum += shared[0].x / 100
}

/// The SQLite binding through the GeoPackage writer and reader: a file written, read back,
/// abandoned half-written (the temporary file and its statements released), and refused.
private func sqliteRound(_ round: Int, _ checksum: inout Double) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geohealth-leak-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("t.gpkg")
    let square = Geometry.polygon(Polygon(exterior: [Coordinate(x: 2, y: 46), Coordinate(x: 3, y: 46), Coordinate(x: 3, y: 47), Coordinate(x: 2, y: 46)]))
    let writer = try GeoPackageWriter(url, table: "t", columns: [("code", .text), ("value", .real)], geometryType: "MULTIPOLYGON")
    for k in 0..<20 { try writer.write(k % 5 == 0 ? nil : square, [.string("c\(k)"), .number(Double(k + round))]) }
    try writer.finish()
    try GeoPackageReader.read(url) { _, f in checksum += f.properties["value"]?.doubleValue ?? 0 }
    do {
        let abandoned = try GeoPackageWriter(dir.appendingPathComponent("a.gpkg"), table: "a", columns: [("v", .real)], geometryType: "POINT")
        try abandoned.write(.point(Coordinate(x: 1, y: 2)), [.number(1)])
    }
    let text = dir.appendingPathComponent("x.gpkg")
    try Data("not sqlite".utf8).write(to: text)
    _ = try? GeoPackageReader.read(text) { _, _ in }
    _ = try? GeoPackageReader.read(url, table: "missing") { _, _ in }
}
