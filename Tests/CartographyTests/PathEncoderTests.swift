import Cartography
import Foundation
import GeoCore
import Testing

/// The path encoder writes grid-step counts as integers with implied decimals: the same text as
/// ``svgNumber(_:_:)`` of the count divided by 10^precision, which it replaced (an independent
/// formatter: doubles and rounding there, integer digits here).
@Suite struct PathEncoderTests {
    @Test(arguments: [11, 12]) func stepsAsSVGNumbers(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for k in 0..<20_000 {
            let precision = Int.random(in: 0...3, using: &rng)
            let encoder = PathEncoder(toPixel: { ($0.x, $0.y) }, precision: precision)
            let n: Int64 = k < 100 ? Int64(k - 50) : Int64.random(in: -2_000_000_000...2_000_000_000, using: &rng) / (k % 3 == 0 ? 1 : 10_000)
            var out: [UInt8] = []
            encoder.appendSteps(n, to: &out)
            let scale = (0..<precision).reduce(1.0) { r, _ in r * 10 }
            #expect(String(decoding: out, as: UTF8.self) == svgNumber(Double(n) / scale, precision), "seed \(seed): \(n) at \(precision)")
        }
    }

    /// A square and a triangle, by hand: absolute first point, relative steps, one `z` per ring.
    @Test func handEncodedPolygons() {
        let encoder = PathEncoder(toPixel: { ($0.x, $0.y) }, precision: 1)
        let square = Geometry.polygon(Polygon(rings: [[Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0)]]))
        let triangle = Geometry.polygon(Polygon(rings: [[Coordinate(x: 1.25, y: 0.5), Coordinate(x: 2, y: 0.5), Coordinate(x: 1.25, y: 3), Coordinate(x: 1.25, y: 0.5)]]))
        var bytes: [UInt8] = []
        encoder.append(square, to: &bytes)
        encoder.append(triangle, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "M0 0l10 0 0 10 -10 0zM1.3 0.5l0.7 0 -0.7 2.5z")
        var text = ""
        encoder.append(square, to: &text)
        #expect(text == "M0 0l10 0 0 10 -10 0z")
    }

    /// The collinear vertices dropped in place, pass after pass, as the encoder did with a new
    /// array each pass (kept here as the reference): the same vertices on random rings of a
    /// small grid, where runs of collinear and repeated vertices are common.
    @Test(arguments: [21, 22]) func collinearVerticesDroppedAsBefore(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let encoder = PathEncoder(toPixel: { ($0.x, $0.y) }, precision: 0)
        for _ in 0..<20_000 {
            var ring = (0..<Int.random(in: 3...12, using: &rng)).map { _ in
                Coordinate(x: Double(Int.random(in: 0...3, using: &rng)), y: Double(Int.random(in: 0...3, using: &rng)))
            }
            ring.append(ring[0])
            #expect(encoder.ring(ring).map { [$0.0, $0.1] } == Self.referenceRing(ring).map { [$0.0, $0.1] }, "seed \(seed): \(ring)")
        }
    }

    /// The encoder's ring before it dropped collinear vertices in place.
    static func referenceRing(_ ring: [Coordinate]) -> [(Int64, Int64)] {
        var pts: [(Int64, Int64)] = []
        for c in ring {
            let q = (Int64(c.x.rounded()), Int64(c.y.rounded()))
            if let last = pts.last, last == q { continue }
            pts.append(q)
        }
        if pts.count > 1, pts.first! == pts.last! { pts.removeLast() }
        var changed = true
        while changed && pts.count >= 3 {
            changed = false
            var kept: [(Int64, Int64)] = []
            for i in pts.indices {
                let a = kept.last ?? pts[(i + pts.count - 1) % pts.count], b = pts[i], c = pts[(i + 1) % pts.count]
                let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
                if cross == 0 { changed = true } else { kept.append(b) }
            }
            pts = kept
        }
        return pts.count >= 3 ? pts : []
    }
}
