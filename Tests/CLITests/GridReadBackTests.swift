import Foundation
import GeoHealthTestSupport
import Testing

/// The per-square tables (`--grid-out`) read back by the tools planners use, not by our
/// writer's code: pandas must give numeric dtypes to every number and bool to the
/// `_unreachable` flags, GDAL (`ogrinfo`, as QGIS opens a CSV) must type them Integer/Real; and
/// the per-square rows must add up to the grid's residents.
@Suite struct GridReadBackTests {
    static func tool(_ name: String, _ arguments: [String]) -> String? {
        guard let out = try? CommandRunner.shell("command -v \(name) >/dev/null && \(name) " + arguments.map { "'\($0)'" }.joined(separator: " ")),
              out.status == 0 else { return nil }
        return out.stdout
    }

    @Test func squaresReadBackWithNumericTypes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let squares = dir.appendingPathComponent("squares.csv")
            let run = try CommandRunner.run([
                "distance", "geodata", "--population-grid", "geodata/population-grid.csv", "--site-kind", "msp", "--max-minutes", "10",
                "--grid-out", squares.path, "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let script = """
                import sys, pandas as pd
                df = pd.read_csv(sys.argv[1])
                for c in df.columns: print(c, df[c].dtype, int(df[c].isna().sum()))
                print("total", int(df["population"].sum()))
                """
            guard let text = Self.tool("python3", ["-c", script, squares.path]) else {
                print("NOTICE: pandas read-back skipped: python3 with pandas is absent (scripts/setup installs it)")
                return
            }
            var dtypes: [String: (String, Int)] = [:]
            for line in text.split(separator: "\n") {
                let w = line.split(separator: " ")
                if w.count == 3 { dtypes[String(w[0])] = (String(w[1]), Int(w[2])!) } else if w.count == 2 { dtypes[String(w[0])] = (String(w[1]), 0) }
            }
            #expect(dtypes["msp_minutes"]?.0 == "float64" && dtypes["msp_km"]?.0 == "float64")
            #expect(dtypes["msp_unreachable"]?.0 == "bool")
            #expect(dtypes["x"]?.0.hasPrefix("int") == true && dtypes["population"]?.0.hasPrefix("int") == true)
            #expect((dtypes["msp_minutes"]?.1 ?? 0) > 0, "squares beyond 10 minutes are empty cells")
            #expect(dtypes["total"]?.0 == "159785", "every resident of the grid has a row")
            if let info = Self.tool("ogrinfo", ["-oo", "AUTODETECT_TYPE=YES", "-so", "-al", squares.path]) {
                #expect(info.contains("msp_minutes: Real") && info.contains("population: Integer"), "\(info)")
            } else {
                print("NOTICE: ogrinfo read-back skipped: GDAL is absent (scripts/setup installs gdal-bin)")
            }
        }
    }
}
