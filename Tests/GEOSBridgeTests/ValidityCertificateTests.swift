import Foundation
import GEOSBridge
import GeoCore
import GeoHealthTestSupport
import GeoIO
import Testing

/// ``ValidityCertificate`` (pure Swift) against GEOS's `GEOSisValid`: whatever it certifies GEOS
/// finds valid (soundness), on hand-made shapes, seeded random polygons and the sample; and it
/// certifies the plain valid shapes, so that GEOS is rarely asked.
@Suite struct ValidityCertificateTests {
    let context = GEOSContext.current

    func ring(_ xy: [(Double, Double)]) -> [Coordinate] { xy.map { Coordinate(x: $0.0, y: $0.1) } }
    func square(_ x: Double, _ y: Double, _ side: Double) -> [Coordinate] {
        ring([(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)])
    }

    /// The certificate's answer, after checking it is sound against GEOS.
    func certified(_ g: Geometry, _ label: String) throws -> Bool {
        var certificate = ValidityCertificate()
        let answer = certificate.certifies(g)
        if answer {
            let native = try context.geometry(g)
            let reason = try native.validityReason()
            #expect(try native.isValid(), "\(label): certified but GEOS says \(reason)")
        }
        return answer
    }

    @Test func handMadeShapes() throws {
        let holed = Polygon(exterior: square(0, 0, 10), holes: [square(2, 2, 2), square(6, 6, 2)])
        // Valid and simple: certified.
        #expect(try certified(.polygon(Polygon(exterior: ring([(0, 0), (1, 0), (0, 1), (0, 0)]))), "triangle"))
        #expect(try certified(.polygon(holed), "two holes"))
        #expect(try certified(.multiPolygon([Polygon(exterior: square(0, 0, 1)), Polygon(exterior: square(3, 0, 1))]), "two squares"))
        #expect(try certified(.polygon(Polygon(exterior: ring([(0, 0), (1, 0), (1, 0), (2, 0), (2, 2), (0, 2), (0, 0)]))), "repeated and collinear vertices"))
        // Invalid: not certified.
        #expect(try !certified(.polygon(Polygon(exterior: ring([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)]))), "bow tie"))
        #expect(try !certified(.polygon(Polygon(exterior: ring([(0, 0), (4, 0), (4, 4), (2, 4), (2, 6), (2, 4), (0, 4), (0, 0)]))), "spike"))
        #expect(try !certified(.polygon(Polygon(exterior: square(0, 0, 2), holes: [square(5, 5, 1)])), "hole outside"))
        #expect(try !certified(.polygon(Polygon(exterior: square(0, 0, 10), holes: [square(2, 2, 4), square(3, 3, 1)])), "nested holes"))
        #expect(try !certified(.multiPolygon([Polygon(exterior: square(0, 0, 10)), Polygon(exterior: square(2, 2, 1))]), "nested shells"))
        #expect(try !certified(.multiPolygon([Polygon(exterior: square(0, 0, 2)), Polygon(exterior: square(1, 1, 2))]), "overlapping shells"))
        #expect(try !certified(.polygon(Polygon(exterior: ring([(0, 0), (1, 0), (2, 0), (0, 0)]))), "zero area"))
        #expect(try !certified(.polygon(Polygon(exterior: ring([(0, 0), (1, 0), (0, 0)]))), "too few points"))
        #expect(try !certified(.polygon(Polygon(exterior: ring([(0, 0), (1, 0), (.nan, 1), (0, 0)]))), "NaN"))
        // Valid but not proved (rings touch at a point): left to GEOS, never certified wrongly.
        #expect(try !certified(.polygon(Polygon(exterior: square(0, 0, 4), holes: [ring([(0, 2), (2, 1), (2, 3), (0, 2)])])), "hole touching the shell"))
        #expect(try !certified(.multiPolygon([Polygon(exterior: square(0, 0, 1)), Polygon(exterior: square(1, 1, 1))]), "shells touching at a corner"))
        var certificate = ValidityCertificate()
        let open = certificate.certifies(.polygon(Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 1, y: 1), Coordinate(x: 0, y: 1)])))
        let line = certificate.certifies(.lineString(square(0, 0, 1)))
        #expect(!open && !line, "an open ring and a line string are never certified")
    }

    /// Random rings (mostly self-intersecting), star-shaped rings (valid) with random holes, and
    /// rings snapped to a coarse grid (touching and collinear edges): every certified shape is
    /// GEOS-valid, and every generic star polygon is certified.
    @Test func randomShapesAreNeverCertifiedWrongly() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["GEOHEALTH_SEED"] ?? "") ?? 20261123
        var random = SeededGenerator(seed: seed)
        var starsCertified = 0, stars = 0, certifiedRandom = 0
        for trial in 0..<600 {
            let label = "trial \(trial) (seed \(seed); rerun with GEOHEALTH_SEED=\(seed))"
            let n = Int.random(in: 3...40, using: &random)
            let grid = trial % 3 == 2 ? 1.0 : 0.0
            func snap(_ v: Double) -> Double { grid > 0 ? (v / grid).rounded() * grid : v }
            // A random ring.
            var points = (0..<n).map { _ in Coordinate(x: snap(Double.random(in: 0...10, using: &random)), y: snap(Double.random(in: 0...10, using: &random))) }
            points.append(points[0])
            if try certified(.polygon(Polygon(exterior: points)), "random ring, \(label)") { certifiedRandom += 1 }
            // A star around (50, 50), with up to three holes drawn as small stars inside it.
            func star(_ cx: Double, _ cy: Double, _ r: ClosedRange<Double>, _ k: Int) -> [Coordinate] {
                var s = (0..<k).map { i -> Coordinate in
                    let angle = 2 * Double.pi * Double(i) / Double(k), radius = Double.random(in: r, using: &random)
                    return Coordinate(x: snap(cx + radius * cos(angle)), y: snap(cy + radius * sin(angle)))
                }
                s.append(s[0])
                return s
            }
            let holes = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                star(Double.random(in: 35...65, using: &random), Double.random(in: 35...65, using: &random), 1...8, Int.random(in: 3...12, using: &random))
            }
            let polygon = Polygon(exterior: star(50, 50, 30...45, n + 3), holes: holes)
            let ok = try certified(.polygon(polygon), "star with \(holes.count) holes, \(label)")
            if grid == 0 && holes.isEmpty { stars += 1; if ok { starsCertified += 1 } }
            _ = try certified(.multiPolygon([polygon, Polygon(exterior: star(Double.random(in: 60...140, using: &random), 50, 5...20, 7))]), "two stars, \(label)")
        }
        #expect(starsCertified == stars, "generic star polygons certified: \(starsCertified) of \(stars) (seed \(seed))")
        #expect(stars > 50)
        #expect(certifiedRandom > 0, "some random rings are simple (seed \(seed))")
    }

    @Test func sampleCommunesAreCertifiedAsGEOSJudgesThem() throws {
        var geometries: [Geometry] = []
        _ = try GeoJSONReader.read(contentsOf: Fixtures.sample.appendingPathComponent("communes.geojson")) { _, feature in
            if let g = feature.geometry { geometries.append(g) }
        }
        var proved = 0
        for (i, g) in geometries.enumerated() where try certified(g, "sample commune \(i)") { proved += 1 }
        let valid = try geometries.filter { try context.geometry($0).isValid() }.count
        #expect(proved == valid, "certified \(proved) of \(valid) valid sample communes")
    }
}
