import Foundation
import GeoHealthTestSupport
import Testing

/// Every command's `--format json` against its schema in docs/schema (docs/json.md), on the
/// sample, with the options that add optional parts; and the conventions the schemas cannot
/// say: snake_case keys, no number hidden in a string.
@Suite(.serialized) struct JSONSchemaTests {
    var validator: JSONSchemaValidator { get throws { try JSONSchemaValidator(folder: Fixtures.url("docs/schema")) } }

    /// Command lines run from the repository root; `OUT` is a temporary folder.
    static let commands: [String] = [
        "study geodata",
        "study geodata --departements 00 --buffer-km 10",
        "info geodata/communes.geojson geodata/population.csv geodata/sites.csv",
        "coverage geodata --catchment-minutes 20 --site-kind msp --group-by DEP",
        "coverage geodata --method point",
        "distance geodata --site-kind msp --group-by ZONE --out OUT/d.geojson",
        "distance geodata --site-kind msp,hospital --cost network --roads geodata/roads.geojson --max-minutes 15",
        "distance geodata --site-kind emergency --startup-minutes 8",
        "isochrones geodata --roads geodata/roads.geojson --site-kind emergency --thresholds 15,30 --out OUT/iso.gpkg",
        "access geodata --sites geodata/generalistes.csv --method apl",
        "access geodata --method e2sfca --site-kind msp --population-grid geodata/population-grid.csv",
        "access geodata --method ratio --site-kind msp --group-by ZONE",
        "gaps geodata --site-kind msp --minutes-above 20 --outside-cpts",
        "gaps geodata --site-kind msp --minutes-above 200",
        "gaps geodata --site-kind msp --minutes-above 15 --access-kind msp --access-below 40 --per 100000 --uncertainty 20",
        "site geodata --site-kind msp --k 2 --minutes 20",
        "site geodata --site-kind msp --k 2 --minutes 20 --method pmedian --access-below 0.0005",
        "site geodata --sites geodata/generalistes.csv --site-kind gp --method access-gap --k 2 --site-sizes 2,4 --budget 6",
        "site geodata --sites geodata/generalistes.csv --site-kind gp --method access-palma --k 2",
        "site geodata --site-kind msp --method capacitated --k 2 --site-sizes 1,3 --minutes 15",
        "zoning geodata --sites geodata/generalistes.csv --add-msp commune:00114,3,MSP --retire-age 65 --map-after OUT/z.svg",
        "inequality OUT/d.geojson --value msp_minutes --group-by ZONE --spatial-weights queen --below 10",
        "inequality OUT/d.geojson --value msp_minutes --spatial-weights knn --rank population",
        "map OUT/d.geojson --field msp_minutes --out OUT/m.svg",
        "distance geodata --site-kind msp --group-by ZONE --publish --secrecy-min-people 120 --out OUT/p.geojson",
        "map OUT/p.geojson --field population --out OUT/p.svg",
        "map OUT/d.geojson --field ZONE --categorical --out OUT/mc.svg",
        "map OUT/d.geojson --bivariate msp_minutes,population --out OUT/mb.svg",
        "chart lorenz OUT/d.geojson --value msp_minutes --out OUT/c.svg",
        "synth --seed 3 --out OUT/s3",
        "synth-roads --nodes 5000 --seed 2 --out OUT/r.osm.pbf",
        "report geodata --site-kind msp --out OUT/report",
        "run geodata/study.yaml --out OUT/run",
    ]

    @Test func everyCommandValidatesAgainstItsSchema() throws {
        try Fixtures.withTemporaryDirectory { dir in
            var seen = Set<String>()
            for line in Self.commands {
                let args = CommandRunner.words(line.replacingOccurrences(of: "OUT", with: dir.path)) + ["--format", "json"]
                let r = try CommandRunner.run(args)
                #expect(r.status == 0, "\(line): \(r.stderr)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(line)")
                let command = try #require(object["command"] as? String)
                seen.insert(command)
                #expect(object["schema_version"] as? Int == 1)
                let errors = try validator.errors(of: object, against: "\(command).schema.json")
                #expect(errors.isEmpty, "\(line):\n\(errors.prefix(8).joined(separator: "\n"))")
                #expect(Self.conventionErrors(object, path: "$").isEmpty, "\(line): \(Self.conventionErrors(object, path: "$"))")
            }
            let schemas = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("docs/schema").path)
                .filter { $0.hasSuffix(".schema.json") && !["common.schema.json", "provenance.schema.json"].contains($0) }.map { String($0.dropLast(12)) }
            #expect(Set(schemas) == seen, "a schema without a command run here, or a command without a schema")
        }
    }

    /// The validator itself: it must refuse what breaks each keyword the schemas use.
    @Test func theValidatorRefusesWhatBreaksTheSchema() throws {
        let good: [String: Any] = ["schema_version": 1, "command": "chart", "file": "c.svg", "chart": "lorenz", "units": 3]
        #expect(try validator.errors(of: good, against: "chart.schema.json").isEmpty)
        let broken: [([String: Any], String)] = [
            (good.merging(["units": "3"]) { $1 }, "expected integer"),
            (good.merging(["units": 2.5]) { $1 }, "expected integer"),
            (good.merging(["units": -1]) { $1 }, "below the minimum"),
            (good.merging(["chart": "pie"]) { $1 }, "is not one of"),
            (good.merging(["schema_version": 2]) { $1 }, "constant"),
            (good.merging(["extra": true]) { $1 }, "not in the schema"),
            (good.filter { $0.key != "file" }, "missing the required key 'file'"),
        ]
        for (doc, message) in broken {
            let errors = try validator.errors(of: doc, against: "chart.schema.json")
            #expect(errors.contains { $0.contains(message) }, "\(doc) → \(errors)")
        }
        let share: [String: Any] = ["schema_version": 1, "command": "coverage", "communes": 1, "population": 1, "method": "area-proportional",
                                    "territories": ["communes": 1, "communes_covered": 1, "population_covered": 1, "population_not_covered": 0,
                                                    "covered_share": 86.5]]
        let errors = try validator.errors(of: share, against: "coverage.schema.json")
        #expect(errors.contains { $0.contains("$.territories.covered_share") && $0.contains("above the maximum") })
        let flag: [String: Any] = ["schema_version": 1, "command": "map", "file": "m", "bytes": 1, "polygons_drawn": 1, "crs": "x", "scheme": "q",
                                   "palette": "p", "classes": [], "unreachable": 0, "no_data": 0, "palette_reversed": 1]
        #expect(try validator.errors(of: flag, against: "map.schema.json").contains { $0.contains("expected boolean") })
    }

    /// Keys are snake_case; no string carries a percentage or a "n of m" count.
    static func conventionErrors(_ value: Any, path: String) -> [String] {
        var errors: [String] = []
        if let object = value as? [String: Any] {
            for (key, v) in object {
                if key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil { errors.append("\(path): key '\(key)'") }
                errors += conventionErrors(v, path: "\(path).\(key)")
            }
        } else if let array = value as? [Any] {
            for (i, v) in array.enumerated() { errors += conventionErrors(v, path: "\(path)[\(i)]") }
        } else if let s = value as? String, s.range(of: #"^-?[0-9.,]+ ?%$|^[0-9]+ of [0-9]+$"#, options: .regularExpression) != nil {
            errors.append("\(path): '\(s)' is a number written as text")
        }
        return errors
    }
}
