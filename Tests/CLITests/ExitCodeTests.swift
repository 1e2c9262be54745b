import Foundation
import GeoHealthTestSupport
import Testing

@Suite struct ExitCodeTests {
    @Test func successDataErrorAndUsageError() throws {
        let ok = try CommandRunner.run(["info", "geodata/sites.csv"])
        #expect(ok.status == 0 && ok.stdout.contains("rows: 35"))

        let data = try CommandRunner.run(["info", "Tests/fixtures/bad/truncated.geojson"])
        #expect(data.status == 1)
        #expect(data.stderr == "Error: Tests/fixtures/bad/truncated.geojson: line 1, column 136 (byte 135), feature 0: "
                    + "expected ',' or ']' in position, found the end of the file\n")

        let usage = try CommandRunner.run(["study"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("give a study folder or --areas FILE"))

        let unknown = try CommandRunner.run(["synth", "--seed", "x", "--out", "/tmp/never"])
        #expect(unknown.status == 64)
    }

    @Test func jsonSummariesParseAndMatchTheText() throws {
        let json = try CommandRunner.run(["study", "geodata", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let study = try #require(object["study"] as? [String: Any])
        #expect(study["areas"] as? Int == 236 && study["sites"] as? Int == 35)
        let text = try CommandRunner.run(["study", "geodata"])
        #expect(text.stdout.contains("  areas: 236\n"))
    }

    @Test func outputsNeverOverwriteInputs() throws {
        let r = try CommandRunner.run(["study", "geodata", "--out", "geodata/communes.geojson"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("refusing to overwrite an input file"))
    }

    @Test func severalFilesWithOneBrokenStillReportTheOthers() throws {
        let r = try CommandRunner.run(["info", "geodata/communes.geojson", "Tests/fixtures/bad/nan-coordinate.geojson", "--format", "json"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["files"] as? Int == 2 && object["files_with_errors"] as? Int == 1 && object["features"] as? Int == 239)
    }

    @Test func analysesRefuseWhatCannotWork() throws {
        let gaps = try CommandRunner.run(["gaps", "geodata", "--site-kind", "nothing", "--minutes-above", "10"])
        #expect(gaps.status == 1 && gaps.stderr.contains("no site of kind 'nothing'"))
        let rules = try CommandRunner.run(["gaps", "geodata"])
        #expect(rules.status == 64 && rules.stderr.contains("state at least one rule"))
        let folder = try CommandRunner.run(["info", "geodata"])
        #expect(folder.status == 1 && folder.stderr == "Error: geodata: is a folder: give its files (e.g. geodata/*.geojson)\n")
        let field = try CommandRunner.run(["map", "geodata/communes.geojson", "--field", "code", "--out", "/tmp/geohealth-never.svg"])
        #expect(field.status == 1 && field.stderr.contains("is not a number"))
        let palette = try CommandRunner.run(["map", "geodata/communes.geojson", "--field", "x", "--palette", "Rainbow", "--out", "/tmp/x.svg"])
        #expect(palette.status == 64 && palette.stderr.contains("The value 'Rainbow' is invalid for '--palette <palette>': unknown palette 'Rainbow'; the palettes are: "),
                "\(palette.stderr)")
        #expect(palette.stderr.contains("YlOrRd"))
        let site = try CommandRunner.run(["site", "geodata", "--site-kind", "msp", "--add", "200,46"])
        #expect(site.status == 64 && site.stderr.contains("The value '200,46' is invalid for '--add <lon,lat[,capacity[,name]]>': write lon,lat[,capacity[,name]] in degrees"),
                "\(site.stderr)")
    }

    /// A structured option's bad value is a usage error that names the option and says how to
    /// write one (the advice of the option's type), before anything is read.
    @Test func badOptionValuesSayHowToWriteThem() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["distance", "geodata", "--sites-crs", "foo"], "The value 'foo' is invalid for '--sites-crs <crs>': 'foo' is not a CRS; write EPSG:n"),
            (["distance", "geodata", "--crs", "foo"], "The value 'foo' is invalid for '--crs <crs>': 'foo' is not a CRS; write EPSG:n"),
            (["access", "geodata", "--grid-crs", "foo"], "The value 'foo' is invalid for '--grid-crs <crs>': 'foo' is not a CRS; write EPSG:n"),
            (["distance", "geodata", "--history-since", "2018"], "The value '2018' is invalid for '--history-since <YYYY-MM-DD>': write a date YYYY-MM-DD"),
            (["distance", "geodata", "--departements", ","], "The value ',' is invalid for '--departements <codes>': takes codes separated by commas"),
            (["distance", "geodata", "--thresholds", "20,x"], "The value '20,x' is invalid for '--thresholds <thresholds>': takes minutes more than 0, at most 1440 separated by commas"),
            (["gaps", "geodata", "--low-low", "--combine", "both"], "The value 'both' is invalid for '--combine <combine>': takes any or all"),
            (["distance", "geodata", "--site-where", "=x"], "The value '=x' is invalid for '--site-where <FIELD=VALUE>': --site-where takes FIELD=VALUE"),
        ]
        for c in cases {
            let r = try CommandRunner.run(c.arguments)
            #expect(r.status == 64 && r.stderr.hasPrefix("Error: " + c.message), "\(c.arguments): \(r.stderr)")
        }
    }

    /// The library names parameters in the domain's words; the command line shows its flags
    /// (ParameterFlags), a study run the study file's keys.
    @Test func parameterErrorsNameFlagsOnTheCommandLineAndKeysInAStudyRun() throws {
        let incomplete = try CommandRunner.run(["gaps", "geodata", "--minutes-above", "10"])
        #expect(incomplete.status == 64 && incomplete.stderr.hasPrefix("Error: --minutes-above needs --site-kind\nUsage: geohealth gaps [<options>]"), "\(incomplete.stderr)")
        let field = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--group-by", "ZONES"])
        #expect(field.status == 1 && field.stderr.hasPrefix("Error: --group-by ZONES: no commune has this field"), "\(field.stderr)")
        try Fixtures.withTemporaryDirectory { dir in
            let file = Fixtures.url("geodata").appendingPathComponent(".test-study-keys-\(UUID().uuidString).yaml")
            try "inputs: {folder: .}\nanalyses:\n  - gaps: {minutes_above: 10}\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let r = try CommandRunner.run(["run", file.path, "--out", dir.appendingPathComponent("o").path])
            #expect(r.status == 1 && r.stderr.contains("line 3: gaps: minutes_above needs site_kind"), "\(r.stderr)")
        }
    }
}
