import Coverage
import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import GeoIO
import Synchronization
import Testing

/// Large territories: a polygon with tens of thousands of holes overlays in time linear in its
/// size per commune met (no `touches` relate over the whole polygon), a job large enough to
/// take minutes is announced before it starts with the territory's size, and a membership
/// table of 100,000 rows reads in linear time.
@Suite struct LargeTerritoryTests {
    /// A square over the sample's communes (lon 2.0–3.0, lat 46.15–46.85) with `holes` square
    /// holes, each a quarter of its grid cell.
    static func holed(_ holes: Int) -> Geometry {
        let k = Int(Double(holes).squareRoot().rounded(.up))
        let (x0, y0, dx, dy) = (2.1, 46.2, 0.8 / Double(k), 0.6 / Double(k))
        var rings = [[Coordinate(x: 2.0, y: 46.15), Coordinate(x: 3.0, y: 46.15), Coordinate(x: 3.0, y: 46.85), Coordinate(x: 2.0, y: 46.85), Coordinate(x: 2.0, y: 46.15)]]
        for n in 0..<holes {
            let a = x0 + Double(n / k) * dx + dx / 4, b = y0 + Double(n % k) * dy + dy / 4
            rings.append([Coordinate(x: a, y: b), Coordinate(x: a, y: b + dy / 2), Coordinate(x: a + dx / 2, y: b + dy / 2), Coordinate(x: a + dx / 2, y: b), Coordinate(x: a, y: b)])
        }
        return .polygon(Polygon(rings: rings))
    }

    /// 20,000 holes over the 239 sample communes: 161 s with a `touches` test per commune (it
    /// nodes the whole polygon each time), 6 s without (debug build).
    @Test(.timeLimit(.minutes(1))) func twentyThousandHolesOverlayInSeconds() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        study.territories = [Territory(id: "holed", definition: .geometry(Self.holed(20_000)))]
        let coverage = try CoverageAnalysis.run(study, options: .init())
        // A commune well inside the holed square keeps about 3/4 of its surface in the territory.
        let inside = try #require(study.areas.indices.first { study.areas[$0].geometry.boundingBox.contains(Coordinate(x: 2.5, y: 46.5)) && study.areas[$0].geometry.contains(Coordinate(x: 2.5, y: 46.5)) })
        #expect(coverage.shareInAny[inside] > 0.6 && coverage.shareInAny[inside] < 0.9)
    }

    /// 100,000 membership rows of one territory: the repeated-member check was a scan of the
    /// list read so far (40,000 rows: 51 s), now a set look-up (well under a second).
    @Test(.timeLimit(.minutes(1))) func hundredThousandMembersReadInLinearTime() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("members.csv")
            let rows = (0..<100_000).map { "T1,\(100_000 + $0)" }
            try (["territory,code"] + rows + ["T1,100007"]).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            let error = try #require(throws: InputError.self) { _ = try TerritoryTable.read(url) }
            #expect(error.description.hasSuffix("line 100002, field 'code': commune 100007 is listed twice in territory T1"))
            try (["territory,code"] + rows).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            #expect(try TerritoryTable.read(url).first?.memberIDs?.count == 100_000)
        }
    }

    @Test func largeOverlaysAreAnnouncedWithTheirSize() {
        let heard = Mutex<[String]>([])
        Progress.listenForWarnings { message in heard.withLock { $0.append(message) } }
        defer { Progress.listenForWarnings(nil) }
        let box = Self.holed(0).boundingBox
        CoverageAnalysis.announceLargeOverlays([.geometry(Self.holed(20_000)), .members([0])], ids: ["holed", "list"], areas: Array(repeating: box, count: 10_000))
        CoverageAnalysis.announceLargeOverlays([.geometry(Self.holed(10))], ids: ["small"], areas: [box])
        #expect(heard.withLock { $0 }.filter { $0.contains("overlaying") } == [
            "warning: overlaying 1 polygon territory on the communes (the largest, 'holed': 20001 rings, 100005 vertices, over 10000 communes) is expected to take about 3 min on this machine; simplify the polygons (e.g. `ogr2ogr -simplify 10`), drop their small holes, or give the territories as lists of communes",
        ])
    }
}
