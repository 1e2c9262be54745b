import Foundation
import GeoCore
import Synchronization
import GeoHealthTestSupport
import Projection
import Testing

/// Landmarks and geodesic distances against pyproj (Tests/reference/projection.json, written by
/// Tests/reference/make_reference.py; libraries and versions in its `provenance`).
@Suite struct ReferenceProjectionTests {
    struct Landmark { var name: String; var lon, lat: Double; var epsg: Int; var x, y: Double }

    static func landmarks() throws -> [Landmark] {
        let json = try Fixtures.reference("projection.json")
        return (json["landmarks"] as! [[String: Any]]).map {
            Landmark(name: $0["name"] as! String, lon: $0["lon"] as! Double, lat: $0["lat"] as! Double,
                     epsg: $0["epsg"] as! Int, x: $0["x"] as! Double, y: $0["y"] as! Double)
        }
    }

    @Test func landmarksAgreeWithPyprojToOneMillimetre() throws {
        let all = try Self.landmarks()
        #expect(all.count >= 10)
        for l in all {
            let t = try CoordinateTransformer(from: .wgs84, to: CRS(epsg: l.epsg))
            let p = try t.transform(Coordinate(x: l.lon, y: l.lat))
            #expect(abs(p.x - l.x) < 0.001 && abs(p.y - l.y) < 0.001, "\(l.name): (\(p.x), \(p.y)) vs pyproj (\(l.x), \(l.y))")
        }
    }

    /// A thread that did not resolve a pair builds its transformer from the pipeline string the
    /// first thread kept: the same numbers, bit for bit, both ways, for every CRS of the study.
    @Test func pipelinesSharedAcrossThreadsGiveTheSameNumbers() throws {
        let landmarks = try Self.landmarks()
        for epsg in Set(landmarks.map(\.epsg)).sorted() {
            let crs = CRS(epsg: epsg)
            var points = landmarks.map { Coordinate(x: $0.lon, y: $0.lat) }
            let direct = try CoordinateTransformer(from: .wgs84, to: crs)
            try direct.transform(&points)
            _ = try CoordinateTransformer.shared(from: .wgs84, to: crs)  // this thread resolves the pair
            _ = try CoordinateTransformer.shared(from: crs, to: .wgs84)
            let other = Mutex<([Coordinate], [Coordinate])?>(nil)
            let done = DispatchSemaphore(value: 0)
            let lonLat = landmarks.map { Coordinate(x: $0.lon, y: $0.lat) }
            let projected = points
            Thread {
                var forward = lonLat, back = projected
                try? CoordinateTransformer.shared(from: .wgs84, to: crs).transform(&forward)
                try? CoordinateTransformer.shared(from: crs, to: .wgs84).transform(&back)
                other.withLock { $0 = (forward, back) }
                done.signal()
            }.start()
            done.wait()
            let (forward, back) = try #require(other.withLock { $0 })
            #expect(forward == points, "EPSG:\(epsg): forward differs on a second thread")
            var expectedBack = points
            try CoordinateTransformer(from: crs, to: .wgs84).transform(&expectedBack)
            #expect(back == expectedBack, "EPSG:\(epsg): inverse differs on a second thread")
        }
    }

    @Test func batchTransformEqualsPointByPointAndInverts() throws {
        let metro = try Self.landmarks().filter { $0.epsg == 2154 }
        var points = metro.map { Coordinate(x: $0.lon, y: $0.lat) }
        let forward = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        try forward.transform(&points)
        for (p, l) in zip(points, metro) { #expect(abs(p.x - l.x) < 0.001 && abs(p.y - l.y) < 0.001, "\(l.name)") }
        let inverse = try CoordinateTransformer(from: .lambert93, to: .wgs84)
        try inverse.transform(&points)
        for (p, l) in zip(points, metro) { #expect(abs(p.x - l.lon) < 1e-9 && abs(p.y - l.lat) < 1e-9, "\(l.name)") }
    }

    @Test func geodesicDistancesAgreeWithPyprojGeod() throws {
        let json = try Fixtures.reference("projection.json")
        for d in json["geodesic"] as! [[String: Any]] {
            let a = d["from"] as! [Double], b = d["to"] as! [Double]
            let metres = Geodesic.wgs84.distance(from: Coordinate(x: a[0], y: a[1]), to: Coordinate(x: b[0], y: b[1]))
            #expect(abs(metres - (d["metres"] as! Double)) < 0.001, "\(d["name"]!)")
        }
    }
}

@Suite struct ProjectionErrorTests {
    @Test func unknownCRSIsAnErrorWithPROJsMessage() {
        #expect {
            try CoordinateTransformer(from: .wgs84, to: CRS(epsg: 999_999))
        } throws: { error in
            guard let e = error as? ProjectionError, case .noTransformation(_, _, let message) = e else { return false }
            return !message.isEmpty
        }
    }

    @Test func nonFiniteCoordinatesNameTheirIndex() throws {
        let t = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        var points = [Coordinate(x: 2, y: 48), Coordinate(x: .nan, y: 48), Coordinate(x: 3, y: 47)]
        #expect {
            try t.transform(&points)
        } throws: { error in
            guard let e = error as? ProjectionError, case .pointFailed(let index, _, _) = e else { return false }
            return index == 1
        }
    }

    @Test func geometriesAreTransformedRingByRing() throws {
        let t = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        let square = Geometry.polygon(Polygon(exterior: [
            Coordinate(x: 2, y: 46), Coordinate(x: 2.01, y: 46), Coordinate(x: 2.01, y: 46.01), Coordinate(x: 2, y: 46.01), Coordinate(x: 2, y: 46),
        ]))
        let projected = try t.transformed(square)
        #expect(projected.coordinateCount == 5)
        guard case .polygon(let p) = projected else { Issue.record("type changed"); return }
        // 0.01° × 0.01° at 46°N ≈ 774 m × 1112 m ≈ 0.86 km², positive (counter-clockwise kept).
        let area = Ring.signedArea(p.exterior)
        #expect(area > 0.85e6 && area < 0.87e6, "\(area)")
    }

    /// Many geometries transformed at once (each shared position once) equal, bit for bit, each
    /// transformed alone; a failing position raises the error the geometry alone raises.
    @Test func geometriesTransformedTogetherEqualEachAlone() throws {
        let t = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        func square(_ x: Double, _ y: Double) -> Geometry {
            .polygon(Polygon(exterior: [Coordinate(x, y), Coordinate(x + 0.125, y), Coordinate(x + 0.125, y + 0.125), Coordinate(x, y + 0.125), Coordinate(x, y)]))
        }
        // Steps of 1/8 degree: exact in binary, so neighbours share their corners bit for bit.
        let grid = (0..<5).flatMap { i in (0..<4).map { j in square(2 + 0.125 * Double(i), 46 + 0.125 * Double(j)) } }
        let together = try t.transformed(grid)
        let alone = try grid.map { try t.transformed($0) }
        #expect(together == alone)
        #expect(DistinctPositions(grid).positions.count == 6 * 5)
        let bad = grid + [.lineString([Coordinate(2, 46), Coordinate(.nan, 46)])]
        #expect {
            _ = try t.transformed(bad)
        } throws: { error in
            guard let e = error as? ProjectionError, case .pointFailed(let index, _, _) = e else { return false }
            return index == 1
        }
    }
}
