import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// The national tables read back by the tools planners use, not by our own writer's code:
/// GDAL (`ogrinfo`, as QGIS opens them) must type every number Integer or Real in GeoJSON,
/// GeoPackage and CSV; pandas must give numeric dtypes; and each output must feed the next
/// geohealth command with the same result whatever its format.
@Suite(.serialized, .enabled(if: Fixtures.realData("ReadBackRealDataTests") != nil))
struct ReadBackRealDataTests {
    typealias M = MetamorphicRealDataTests

    /// Field name → GDAL type, from `ogrinfo -so -al`.
    static func gdalFieldTypes(_ url: URL) throws -> [String: String] {
        var arguments = ["-so", "-al", url.path]
        if url.pathExtension == "csv" { arguments.insert(contentsOf: ["-oo", "AUTODETECT_TYPE=YES"], at: 0) }
        let text = try Self.run("ogrinfo", arguments)
        var types: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.range(of: ": "), let paren = line.range(of: " (", options: .backwards), colon.upperBound < paren.lowerBound else { continue }
            let name = String(line[..<colon.lowerBound])
            guard !name.contains(" ") else { continue }
            types[name] = String(line[colon.upperBound..<paren.lowerBound])
        }
        return types
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments.joined(separator: " ")) exited \(p.terminationStatus) (scripts/setup installs it)"]) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func everyNumberIsTypedNumericByGDALAndPandas() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let outputs = ["geojson", "gpkg", "csv"].map { dir.appendingPathComponent("distance.\($0)") }
            for out in outputs {
                // max 45 minutes: some communes are unreachable, so the flag columns hold both values.
                try M.geohealth(["distance", "--site-kind", "hospital,local-hospital", "--max-minutes", "45"] + M.national() + ["--out", out.path])
            }
            for out in outputs {
                let types = try Self.gdalFieldTypes(out)
                for kind in ["hospital", "local-hospital"] {
                    for column in ["\(kind)_minutes", "\(kind)_km"] {
                        #expect(types[column] == "Real", "\(out.lastPathComponent): \(column) is \(types[column] ?? "absent")")
                        #expect(types[column + "_unreachable"] == "Integer(Boolean)", "\(out.lastPathComponent): \(column)_unreachable is \(types[column + "_unreachable"] ?? "absent")")
                    }
                    #expect(types["\(kind)_within_20min"]?.hasPrefix("Integer") == true, "\(out.lastPathComponent): within count")
                }
                #expect(types["population"]?.hasPrefix("Integer") == true, "\(out.lastPathComponent): population is \(types["population"] ?? "absent")")
                #expect(types["code"] == "String", "\(out.lastPathComponent): INSEE codes stay text (leading zeros)")
            }
            // pandas, as a planner's script reads the CSV.
            guard (try? Self.run("python3", ["-c", "import pandas"])) != nil else {
                print("NOTICE: pandas read-back skipped: python3 has no pandas (scripts/setup installs it)")
                return
            }
            let script = """
            import sys, pandas as pd
            df = pd.read_csv(sys.argv[1], dtype={"code": str})
            for c in df.columns: print(c, df[c].dtype, int(df[c].isna().sum()))
            """
            var dtypes: [String: (dtype: String, missing: Int)] = [:]
            for line in try Self.run("python3", ["-c", script, outputs[2].path]).split(separator: "\n") {
                let w = line.split(separator: " ")
                dtypes[String(w[0])] = (String(w[1]), Int(w[2])!)
            }
            #expect(dtypes["hospital_minutes"]?.dtype == "float64" && dtypes["hospital_km"]?.dtype == "float64")
            #expect(dtypes["hospital_minutes_unreachable"]?.dtype == "bool")
            #expect(dtypes["population"]?.dtype.hasPrefix("int") == true || dtypes["population"]?.dtype == "float64")
            #expect((dtypes["hospital_minutes"]?.missing ?? 0) > 0, "communes beyond 45 minutes are empty cells")
        }
    }

    /// distance → inequality and map: the three formats of one table give the same Gini, the
    /// same count of unreachable communes left out, and the same map classes.
    @Test func eachOutputFeedsTheNextCommandAlikeInEveryFormat() throws {
        try Fixtures.withTemporaryDirectory { dir in
            var summaries: [String] = []
            var maps: [String] = []
            for format in ["geojson", "gpkg", "csv"] {
                let table = dir.appendingPathComponent("distance.\(format)")
                try M.geohealth(["distance", "--site-kind", "hospital", "--max-minutes", "45"] + M.national() + ["--out", table.path])
                let inequality = try M.geohealth(["inequality", table.path, "--value", "hospital_minutes", "--format", "json"])
                let json = try JSONSerialization.jsonObject(with: Data(inequality.stdout.utf8)) as! [String: Any]
                let leftOut = (json["units_left_out"] as? [[String: Any]]) ?? []
                let unreachable = leftOut.first { $0["reason"] as? String == "unreachable" }?["units"] as? Int ?? 0
                #expect(unreachable > 0, "\(format): communes beyond 45 minutes are read as unreachable, not missing")
                summaries.append("\(json["gini"] ?? "-") \(json["units"] ?? "-") \(unreachable)")
                if format != "csv" {
                    let svg = dir.appendingPathComponent("map-\(format).svg")
                    let map = try M.geohealth(["map", table.path, "--field", "hospital_minutes", "--out", svg.path, "--format", "json"])
                    let m = try JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as! [String: Any]
                    #expect((m["unreachable"] as? Int ?? 0) == unreachable, "\(format): the map shows the unreachable communes")
                    let classes = try JSONSerialization.data(withJSONObject: m["classes"] ?? [], options: .sortedKeys)
                    maps.append("\(String(decoding: classes, as: UTF8.self)) \(m["unreachable"] ?? "-") \(m["no_data"] ?? "-")")
                }
            }
            #expect(Set(summaries).count == 1, "inequality of the same table in three formats: \(summaries)")
            #expect(Set(maps).count == 1, "map of the same table in two formats: \(maps)")
        }
    }
}
