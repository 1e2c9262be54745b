import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 20, "Never crash, never lose a file": data values out of range, data errors while
/// worker threads run, memory limits and output extensions end in exit 1 or 64 with a
/// message, never in a signal (132, 134, 139) or a hang.
@Suite struct NeverCrashTests {
    /// Populations that no Int holds once rounded (they trapped in a summary's `Int(x.rounded())`).
    @Test(arguments: ["1e20", "12345678901234567890123", "1e308"])
    func hugePopulationsAreDataErrorsNamingFileLineAndField(_ value: String) throws {
        try Fixtures.withTemporaryDirectory { dir in
            let population = dir.appendingPathComponent("population.csv")
            try "COM;PMUN\n00001;38000\n00002;\(value)\n".write(to: population, atomically: true, encoding: .utf8)
            for command in [["study"], ["distance"], ["access", "--site-kind", "msp"]] {
                let r = try CommandRunner.run([command[0], "geodata", "--population", population.path] + command.dropFirst())
                #expect(r.status == 1, "\(command[0]): exit \(r.status)\n\(r.stderr)")
                let message = "\(population.path): line 3, field 'PMUN': '\(value)' is not a population count (a number from 0 to 1,000,000,000)"
                #expect(r.stderr.contains(message), "\(r.stderr)")
            }
        }
    }

    /// A population grid with a huge count.
    @Test func hugeGridCountsAreDataErrors() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let grid = dir.appendingPathComponent("grid.csv")
            let original = try String(contentsOf: Fixtures.url("geodata/population-grid.csv"), encoding: .utf8)
            var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let countColumn = try #require(header.firstIndex(of: "Ind"))
            cells[countColumn] = "1e20"
            lines[1] = cells.joined(separator: ",")
            try lines.joined(separator: "\n").write(to: grid, atomically: true, encoding: .utf8)
            let r = try CommandRunner.run(["access", "geodata", "--site-kind", "msp", "--population-grid", grid.path])
            #expect(r.status == 1 && r.stderr.contains("'1e20' is not a count of residents"), "exit \(r.status)\n\(r.stderr)")
        }
    }

    /// A commune file that fails while the side thread still reads a large population table
    /// (and the map's projection chunks still run): exit 1 every time, never 139 (the process
    /// used to exit while worker threads ran, and crashed in its exit handlers).
    @Test func dataErrorsWhileWorkerThreadsRunExitOneEveryTime() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let population = dir.appendingPathComponent("population.csv")
            var rows = "COM;PMUN\n"
            for k in 0..<150_000 { rows += "\(10_000 + k);\(k % 5_000)\n" }
            try rows.write(to: population, atomically: true, encoding: .utf8)
            // Valid communes, then a broken feature: the error comes once they are read. For
            // the map, the sample's polygons ten times over: two chunks are being projected.
            let communes = try String(contentsOf: Fixtures.url("geodata/communes.geojson"), encoding: .utf8)
            let badFeature = #"{"type":"Feature","properties":{"code":"99999"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4]]]}}"#
            let broken = dir.appendingPathComponent("communes.geojson"), layer = dir.appendingPathComponent("layer.geojson")
            try communes.replacingOccurrences(of: "\n]}", with: ",\n\(badFeature)\n]}").write(to: broken, atomically: true, encoding: .utf8)
            let body = String(communes[communes.index(after: communes.firstIndex(of: "\n")!)...]).replacingOccurrences(of: "\n]}\n", with: "")
            let tenTimes = "{\"type\":\"FeatureCollection\",\"features\":[\n" + Array(repeating: body, count: 10).joined(separator: ",\n")
                + ",\n\(badFeature)\n]}\n"
            try tenTimes.write(to: layer, atomically: true, encoding: .utf8)
            for run in 0..<30 {
                let r = try CommandRunner.run(["distance", "--areas", broken.path, "--population", population.path, "--sites", "geodata/sites.csv"])
                #expect(r.status == 1, "run \(run): exit \(r.status)\n\(r.stderr.suffix(500))")
                let map = try CommandRunner.run(["map", layer.path, "--field", "x", "--out", dir.appendingPathComponent("m.svg").path])
                #expect(map.status == 1, "map run \(run): exit \(map.status)\n\(map.stderr.suffix(500))")
            }
        }
    }

    /// `ulimit -v` below the job's estimated need: "not enough memory for …", exit 1, at once
    /// (it aborted with SIGABRT, or hung when a worker thread could not be created).
    @Test func aMemoryLimitBelowTheEstimateIsRefusedAtTheStart() throws {
        let probe = try CommandRunner.shell("ulimit -v 150000 && echo ok")
        guard probe.status == 0, probe.stdout.contains("ok") else {
            print("NOTICE: ulimit -v is not permitted here; memory-limit test skipped")
            return
        }
        let binary = CommandRunner.executable.path
        for command in ["study geodata", "distance geodata", "access geodata --site-kind msp"] {
            let r = try CommandRunner.shell("ulimit -v 150000; exec '\(binary)' \(command)")
            #expect(r.status == 1, "\(command): exit \(r.status)\n\(r.stderr.suffix(500))")
            let job = command.split(separator: " ")[0]
            #expect(r.stderr.contains("Error: not enough memory for geohealth \(job) (limit 146 MB, this study needs about"), "\(r.stderr)")
        }
        // Enough for the sample: it runs.
        let ok = try CommandRunner.shell("ulimit -v 400000; exec '\(binary)' study geodata --quiet")
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    /// Every option that writes a file refuses an extension it does not write (exit 64), before
    /// reading anything.
    @Test(arguments: [
        ["study", "geodata", "--out", "x.txt"], ["distance", "geodata", "--out", "x.txt"], ["coverage", "geodata", "--out", "x"],
        ["access", "geodata", "--out", "x.txt"], ["access", "geodata", "--sites-out", "x.geojson"],
        ["gaps", "geodata", "--outside-cpts", "--out", "x.txt"], ["gaps", "geodata", "--outside-cpts", "--csv", "x.geojson"],
        ["gaps", "geodata", "--outside-cpts", "--communes-out", "x.svg"], ["gaps", "geodata", "--outside-cpts", "--white-zones-out", "x.csv"],
        ["site", "geodata", "--site-kind", "msp", "--k", "1", "--chart-out", "x.png"],
        ["inequality", "geodata/population.csv", "--value", "PMUN", "--out", "x.txt"],
        ["inequality", "geodata/population.csv", "--value", "PMUN", "--lorenz-out", "x.svg"],
        ["map", "geodata/communes.geojson", "--field", "x", "--out", "x.png"],
        ["chart", "lorenz", "geodata/population.csv", "--value", "PMUN", "--out", "x.txt"],
    ])
    func unsupportedOutputExtensionsAreUsageErrors(_ arguments: [String]) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 64, "\(arguments.joined(separator: " ")): exit \(r.status)\n\(r.stderr)")
        #expect(r.stderr.contains("(the extension gives the format)"), "\(r.stderr)")
    }

    /// `info` says `Error:` as every other command (the parser's word).
    @Test func infoErrorsReadLikeEveryCommand() throws {
        let r = try CommandRunner.run(["info", "Tests/fixtures/bad/truncated.geojson"])
        #expect(r.status == 1 && r.stderr.hasPrefix("Error: Tests/fixtures/bad/truncated.geojson: "), "\(r.stderr)")
    }
}
