import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth map --categorical` and `--bivariate` end to end on the sample: LISA clusters of
/// `inequality` mapped with GeoDa's colours, counts equal to inequality's; a bivariate map of
/// `distance`'s two travel times; bad input refused with exit 64 and a message naming the option.
@Suite struct MapModesCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CommandRunner.run(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(arguments)\n\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func lisaClustersOfInequalityAreMapped() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let access = dir.appendingPathComponent("e2.geojson").path, lisa = dir.appendingPathComponent("lisa.geojson").path
            let svg = dir.appendingPathComponent("lisa.svg").path
            _ = try Self.json(["access", "geodata", "--site-kind", "msp", "--method", "e2sfca", "--out", access])
            let inequality = try Self.json(["inequality", access, "--value", "access", "--spatial-weights", "queen", "--out", lisa])
            let map = try Self.json(["map", lisa, "--field", "cluster", "--categorical", "--out", svg])
            let clusters = try #require((inequality["lisa"] as? [String: Any])?["clusters"] as? [[String: Any]])
            let expected = Dictionary(uniqueKeysWithValues: clusters.map { ($0["cluster"] as! String, $0["units"] as! Int) }).filter { $0.value > 0 }
            let classes = try #require(map["classes"] as? [[String: Any]])
            #expect(Dictionary(uniqueKeysWithValues: classes.map { ($0["name"] as! String, $0["units"] as! Int) }) == expected)
            #expect(map["scheme"] as? String == "categorical" && map["polygons_drawn"] as? Int == 236)
            let text = try String(contentsOf: URL(fileURLWithPath: svg), encoding: .utf8)
            #expect(text.contains("#d7191c") && text.contains("#eeeeee"))
        }
    }

    @Test func bivariateMapOfTwoTravelTimes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let travel = dir.appendingPathComponent("travel.geojson").path, svg = dir.appendingPathComponent("bi.svg").path
            _ = try Self.json(["distance", "geodata", "--site-kind", "msp,hospital", "--out", travel])
            let map = try Self.json(["map", travel, "--bivariate", "msp_minutes,hospital_minutes", "--out", svg])
            let classes = try #require(map["classes"] as? [[String: Any]])
            let units = classes.map { $0["units"] as! Int }
            #expect(units.count == 9 && units.reduce(0, +) + (map["unreachable"] as! Int) + (map["no_data"] as! Int) == 236)
            #expect(map["scheme"] as? String == "bivariate-terciles")
            // Access from one layer, the hospital time from another, joined on code.
            let access = dir.appendingPathComponent("e2.geojson").path
            _ = try Self.json(["access", "geodata", "--site-kind", "msp", "--method", "e2sfca", "--out", access])
            let joined = try Self.json(["map", access, "--bivariate", "access,hospital_minutes", "--bivariate-layer", travel, "--out", svg])
            let joinedUnits = (joined["classes"] as! [[String: Any]]).map { $0["units"] as! Int }
            #expect(joinedUnits.reduce(0, +) + (joined["unreachable"] as! Int) + (joined["no_data"] as! Int) == 236)
            let bad = try CommandRunner.run(["map", access, "--bivariate", "access,nothing", "--bivariate-layer", travel, "--out", svg])
            #expect(bad.status == 64 && bad.stderr.contains("--bivariate-layer: \(travel) has no field 'nothing'"), "\(bad.stderr)")
        }
    }

    @Test(arguments: [
        (["--field", "nothing", "--categorical"], "--field: geodata/communes.geojson has no field 'nothing'"),
        (["--bivariate", "code,nothing"], "--bivariate: geodata/communes.geojson has no field 'nothing'"),
        (["--bivariate", "nom,code"], "is not a number: a bivariate map needs two numeric fields"),
        (["--bivariate", "code,code"], "the same field twice"),
        (["--bivariate", "code"], "give two fields, X,Y"),
        (["--field", "code", "--bivariate", "nom,code"], "give --field or --bivariate, not both"),
        ([String](), "give --field (or --bivariate X,Y)"),
        (["--field", "code", "--categorical"], "--field 'code' of geodata/communes.geojson: 239 categories: a categorical map tells at most 20 apart"),
        (["--field", "code", "--bivariate-layer", "geodata/communes.geojson"], "--bivariate-layer gives the Y field of --bivariate X,Y"),
        (["--bivariate", "code,nom", "--categorical"], "give one of them"),
    ])
    func badInputIsAUsageError(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(["map", "geodata/communes.geojson"] + arguments + ["--out", "/tmp/geohealth-never-modes.svg"])
        #expect(r.status == 64 && r.stderr.contains(message), "\(r.stderr)")
    }
}
