import Foundation
import GeoCore
import Projection
import Testing

/// The projection step alone (positions scaled by PROJ's degrees-to-radians factor) and the
/// inverse written without a look-up give PROJ's own numbers bit for bit (``ProjectionStep``).
@Suite struct ProjectionStepTests {
    /// Every metric CRS of GeoHealth with a box of longitude/latitude inside it, and UTM zones.
    static let areas: [(crs: CRS, lon: ClosedRange<Double>, lat: ClosedRange<Double>)] = [
        (.lambert93, -5.2 ... 9.6, 41.3 ... 51.1), (CRS(epsg: 5490), -61.9 ... -60.8, 14.3 ... 16.6),
        (.guyane, -54.6 ... -51.6, 2.1 ... 5.8), (.reunion, 55.2 ... 55.9, -21.4 ... -20.8),
        (CRS(epsg: 4471), 44.9 ... 45.3, -13.1 ... -12.6), (CRS(epsg: 32631), 0.1 ... 5.9, 43 ... 51),
        (CRS(epsg: 32740), 54.1 ... 59.9, -30 ... -10),
    ]

    /// Random positions of the box, rounded to 5 decimals as the national files are, plus some
    /// unrounded ones; the seed is printed on failure.
    static func positions(_ lon: ClosedRange<Double>, _ lat: ClosedRange<Double>, seed: UInt64, count: Int) -> [Coordinate] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            let x = Double.random(in: lon, using: &g), y = Double.random(in: lat, using: &g)
            return i % 4 == 0 ? Coordinate(x, y) : Coordinate((x * 1e5).rounded() / 1e5, (y * 1e5).rounded() / 1e5)
        }
    }

    @Test func stepAloneEqualsThePipelineBitForBit() throws {
        for (k, area) in Self.areas.enumerated() {
            let seed = UInt64(1000 + k)
            let lonLat = Self.positions(area.lon, area.lat, seed: seed, count: 20_000)
            var fast = lonLat, whole = lonLat
            try CoordinateTransformer(from: .wgs84, to: area.crs).transform(&fast)
            try CoordinateTransformer(from: .wgs84, to: area.crs, stepAlone: false).transform(&whole)
            let differ = zip(fast, whole).filter { $0.x.bitPattern != $1.x.bitPattern || $0.y.bitPattern != $1.y.bitPattern }.count
            #expect(differ == 0, "\(area.crs), seed \(seed): \(differ) of \(lonLat.count) positions differ")
        }
    }

    /// The inverse written from the forward pipeline is, word for word, the pipeline PROJ's
    /// database gives for the reverse pair (so PROJ builds the same operation from it).
    @Test func inverseIsThePipelinePROJFindsForTheReversePair() throws {
        for area in Self.areas {
            let forward = try #require(try CoordinateTransformer(from: .wgs84, to: area.crs).pipeline)
            let reverse = try #require(try CoordinateTransformer(from: area.crs, to: .wgs84).pipeline)
            let step = try #require(ProjectionStep(forward: forward), "\(area.crs): \(forward)")
            #expect(step.inverse == reverse, "\(area.crs)")
        }
        #expect(ProjectionStep(forward: "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=push +v_3 +step +proj=cart") == nil)
        #expect(ProjectionStep(forward: "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +inv +proj=lcc") == nil)
        #expect(ProjectionStep(forward: "+proj=lcc +lat_1=49") == nil)
    }

    /// A pair resolved with a datum shift (NTF Lambert II étendu) keeps PROJ's whole pipeline.
    @Test func datumShiftsKeepTheWholePipeline() throws {
        let t = try CoordinateTransformer(from: .wgs84, to: CRS(epsg: 27572))
        let pipeline = try #require(t.pipeline)
        #expect(ProjectionStep(forward: pipeline) == nil, "\(pipeline)")
        var a = [Coordinate(2.35, 48.85), Coordinate(-1.5, 43.4)], b = a
        try t.transform(&a)
        try CoordinateTransformer(from: .wgs84, to: CRS(epsg: 27572), stepAlone: false).transform(&b)
        #expect(a == b)
    }

    /// The inverse is built from the forward pipeline when this thread resolved it: the same
    /// numbers as the transformer PROJ's look-up gives for the reverse pair.
    @Test func inverseWithoutLookUpEqualsPROJsInverse() throws {
        for (k, area) in Self.areas.enumerated() {
            let seed = UInt64(2000 + k)
            var projected = Self.positions(area.lon, area.lat, seed: seed, count: 20_000)
            try CoordinateTransformer.shared(from: .wgs84, to: area.crs).transform(&projected)
            var derived = projected, looked = projected
            try CoordinateTransformer.shared(from: area.crs, to: .wgs84).transform(&derived)
            try CoordinateTransformer(from: area.crs, to: .wgs84, stepAlone: false).transform(&looked)
            let differ = zip(derived, looked).filter { $0.x.bitPattern != $1.x.bitPattern || $0.y.bitPattern != $1.y.bitPattern }.count
            #expect(differ == 0, "\(area.crs), seed \(seed): \(differ) of \(projected.count) positions differ")
        }
    }

    /// A position outside the projection's domain fails as through the pipeline, naming the input.
    @Test func failuresNameTheInputPosition() throws {
        var points = [Coordinate(2, 46), Coordinate(2, 95), Coordinate(3, 47)]
        #expect {
            try CoordinateTransformer(from: .wgs84, to: .lambert93).transform(&points)
        } throws: { error in
            guard case ProjectionError.pointFailed(let index, let coordinate, _) = error else { return false }
            return index == 1 && coordinate == Coordinate(2, 95)
        }
        #expect(points[0] == Coordinate(2, 46), "the input is left as it was")
    }
}
