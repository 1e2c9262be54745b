import Foundation
import GeoHealthTestSupport
import Testing

/// Issue 20, outputs of one command: two options naming one file, a FIFO, a symbolic link or a
/// folder at an output path, and an output over an input are refused before anything is
/// written, and nothing at those paths changes.
@Suite struct OutputPathTests {
    /// Two output options of one command naming the same file (even spelt differently): a usage
    /// error naming both, and no file written.
    @Test func twoOutputsOnOnePathAreAUsageError() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let x = dir.appendingPathComponent("x.csv").path
            let cases: [([String], String)] = [
                (["access", "geodata", "--site-kind", "msp", "--out", x, "--sites-out", dir.path + "/./x.csv"], "--out \(x) and --sites-out"),
                (["gaps", "geodata", "--site-kind", "msp", "--minutes-above", "15", "--csv", x, "--communes-out", x], "--csv \(x) and --communes-out \(x)"),
                (["inequality", "geodata/communes.geojson", "--value", "v", "--out", x, "--lorenz-out", x], "--out \(x) and --lorenz-out \(x)"),
            ]
            for (arguments, message) in cases {
                let r = try CommandRunner.run(arguments)
                #expect(r.status == 64 && r.stderr.contains(message) && r.stderr.contains("are the same file"), "\(arguments) → \(r.stderr)")
                #expect(!FileManager.default.fileExists(atPath: x))
            }
        }
    }

    /// A FIFO, a symbolic link or a folder at an output path is named and left as it is (a
    /// rename would have put a file in the link's place, or blocked on the FIFO's reader).
    @Test func specialFilesAtAnOutputPathAreNotReplaced() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let fifo = dir.appendingPathComponent("fifo.csv")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            let target = dir.appendingPathComponent("target.csv")
            try Data("keep".utf8).write(to: target)
            let link = dir.appendingPathComponent("link.csv")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            let folder = dir.appendingPathComponent("folder.csv")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            for (path, kind) in [(fifo, "a FIFO"), (link, "a symbolic link"), (folder, "a folder")] {
                let r = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--out", path.path])
                #expect(r.status == 1 && r.stderr.contains("\(path.path): is \(kind)"), "\(r.stderr)")
            }
            let gpkg = dir.appendingPathComponent("link.gpkg")
            try FileManager.default.createSymbolicLink(at: gpkg, withDestinationURL: target)
            let r = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--out", gpkg.path])
            #expect(r.status == 1 && r.stderr.contains("is a symbolic link"), "\(r.stderr)")
            #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
            #expect(try FileManager.default.attributesOfItem(atPath: fifo.path)[.type] as? FileAttributeType != .typeRegular)
        }
    }

    /// Every input option is an input: `--bands`, `--age-weights` and `--candidates` were not,
    /// so `--sites-out` or `--chart-out` could overwrite them.
    @Test func noOutputOverwritesAnInput() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let bands = dir.appendingPathComponent("bands.csv")
            try "upto,weight\n10,1\n20,0.5\n".write(to: bands, atomically: true, encoding: .utf8)
            let candidates = dir.appendingPathComponent("candidates.svg")
            try "id,lon,lat\nc1,2.5,46.5\n".write(to: candidates, atomically: true, encoding: .utf8)
            let table = dir.appendingPathComponent("distance.geojson")
            #expect(try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--out", table.path]).status == 0)
            let cases: [([String], URL)] = [
                (["access", "geodata", "--site-kind", "msp", "--method", "e2sfca", "--bands", bands.path, "--sites-out", bands.path], bands),
                (["site", "geodata", "--site-kind", "msp", "--k", "1", "--candidates", candidates.path, "--chart-out", candidates.path], candidates),
                (["distance", "geodata", "--site-kind", "msp", "--out", "geodata/communes.geojson"], Fixtures.url("geodata/communes.geojson")),
                (["inequality", table.path, "--value", "msp_minutes", "--out", table.path], table),
            ]
            for (arguments, input) in cases {
                let before = try Data(contentsOf: input)
                let r = try CommandRunner.run(arguments)
                #expect(r.status == 1 && r.stderr.contains("refusing to overwrite an input file"), "\(arguments) → \(r.stderr)")
                #expect(try Data(contentsOf: input) == before)
            }
        }
    }
}
