import Foundation
import GeoHealthTestSupport
import Testing

/// Files that ask for more than they hold, through the command line: exit 1 with a message that
/// names the file (and the record, line or table), never a crash (139), an abort or a hang.
@Suite struct HostileInputTests {
    /// A .shp with one point beside a .dbf announcing 2³² − 1 records of 0 bytes (34 GB of rows).
    @Test func shapefileAskingFor34GB() throws {
        try Fixtures.withTemporaryDirectory { dir in
            var shp = [UInt8](repeating: 0, count: 100)
            shp[2] = 0x27; shp[3] = 0x0A  // file code 9994
            shp[27] = 64  // file length in 16-bit words: 128 bytes
            shp += [0, 0, 0, 1, 0, 0, 0, 10, 1, 0, 0, 0] + [UInt8](repeating: 0, count: 16)
            var dbf = [UInt8](repeating: 0, count: 32) + [0x0D]
            dbf[4] = 0xFF; dbf[5] = 0xFF; dbf[6] = 0xFF; dbf[7] = 0xFF
            dbf[8] = 33
            try Data(shp).write(to: dir.appendingPathComponent("big.shp"))
            try Data(dbf).write(to: dir.appendingPathComponent("big.dbf"))
            let r = try CommandRunner.run(["info", dir.appendingPathComponent("big.shp").path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("big.dbf: the .dbf says 4294967295 records of 0 bytes"), "\(r.stderr)")
        }
    }

    @Test func studyFileNestedHundredThousandDeep() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("deep.yaml")
            try ("title: x\nanalyses: " + String(repeating: "[", count: 100_000) + "\n").write(to: url, atomically: true, encoding: .utf8)
            let r = try CommandRunner.run(["run", url.path, "--out", dir.appendingPathComponent("out").path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("deep.yaml: line 2: sequences and mappings nested deeper than 64 levels"), "\(r.stderr)")
        }
    }

    /// Tests/fixtures/bad/endless-view.gpkg: a 4.5 KB GeoPackage whose only feature table is a
    /// recursive VIEW (never-ending rows).
    @Test(.timeLimit(.minutes(1))) func geoPackageWithARecursiveView() throws {
        let r = try CommandRunner.run(["info", "Tests/fixtures/bad/endless-view.gpkg"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("endless-view.gpkg: reading the table endless stopped: it cost more than GeoHealth allows"), "\(r.stderr)")
    }
}
