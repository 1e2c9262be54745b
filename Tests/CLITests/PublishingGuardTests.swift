import Foundation
import GeoHealthTestSupport
import Testing

/// `--publish` end to end on the sample (docs/publishing.md): the table hides the counts under
/// the rule with their reasons, no group is left with a lone hidden cell, the summary says what
/// was hidden, pandas reads the hidden cells as NaN of a float column, the map draws them in
/// their own class and the report prints none of them. The sample's smallest commune has 110
/// residents, so the tests raise the people threshold (to 120: 19 communes; to 2,500: all rural ones).
@Suite struct PublishingGuardTests {
    /// The rows of a CSV written with the standard dialect (no quoted commas in these columns).
    static func csv(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        let split = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (split[0], Array(split.dropFirst()))
    }

    /// The sample's smallest commune has 111 residents: an extreme threshold of 2,500 hides
    /// every rural commune and, in the urban zone, one commune (2,477) alone, which the zone's
    /// published total minus its ten other communes would give back; so the smallest other
    /// urban commune (00083, 2,732) is hidden too, and the subtraction no longer recovers it.
    @Test func distanceTableHidesSmallCountsWithTheirReasons() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("travel.csv")
            let run = try CommandRunner.run([
                "distance", "geodata", "--site-kind", "msp", "--group-by", "ZONE", "--publish", "--secrecy-min-people", "2500",
                "--out", out.path, "--format", "json",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let secrecy = try #require(json["secrecy"] as? [String: Any])
            #expect(secrecy["min_people"] as? Int == 2500 && secrecy["min_practitioners"] as? Int == 3 && secrecy["method"] as? String == "suppress")
            let (header, rows) = try Self.csv(out)
            let p = try #require(header.firstIndex(of: "population")), reason = try #require(header.firstIndex(of: "population_secret"))
            let zone = try #require(header.firstIndex(of: "ZONE")), within = try #require(header.firstIndex { $0.hasPrefix("msp_within_") && $0.hasSuffix("min") })
            #expect(header[within + 1] == header[within] + "_secret")
            var hiddenByZone: [String: Int] = [:], shownByZone: [String: Double] = [:]
            for row in rows {
                switch row[reason] {
                case "":
                    #expect((Double(row[p]) ?? 0) >= 2500 || row[p] == "0", "published population under the rule: \(row)")
                    shownByZone[row[zone], default: 0] += Double(row[p]) ?? 0
                case "primary", "secondary":
                    #expect(row[p].isEmpty, "a hidden cell is empty: \(row)")
                    hiddenByZone[row[zone], default: 0] += 1
                default: Issue.record("unknown reason \(row[reason])")
                }
                if let n = Double(row[within]) { #expect(n == 0 || n >= 3, "published count of sites under 3: \(row)") }
            }
            #expect(rows.filter { $0[reason] == "secondary" }.map { $0[0] } == ["00083"])
            #expect(!hiddenByZone.values.contains(1), "a zone with one hidden population would give it back: \(hiddenByZone)")
            // The attack: the urban zone's published population minus its shown communes.
            let nearest = try #require((json["nearest_site"] as? [[String: Any]])?.first)
            let groups = try #require(nearest["population_beyond_by_group"] as? [[String: Any]])
            let urban = try #require(groups.first { $0["group"] as? String == "urbain" }?["population"] as? Double)
            #expect(urban - shownByZone["urbain", default: 0] == 2477 + 2732, "the difference is the sum of two hidden communes, not one")
            let cells = try #require(secrecy["cells_suppressed"] as? [String: Int])
            #expect(cells["secondary"] == 1)
        }
    }

    /// The whole-country rule read back by pandas: the hidden cells are NaN of a float column.
    @Test func pandasReadsHiddenCellsAsFloatNaN() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("coverage.csv")
            let run = try CommandRunner.run([
                "coverage", "geodata", "--publish", "--secrecy-min-people", "120", "--catchment-minutes", "20", "--site-kind", "msp",
                "--out", out.path, "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let script = """
                import sys, pandas as pd
                df = pd.read_csv(sys.argv[1], dtype={"code": str})
                for c in ["population", "population_in_territory", "sites_in_reach"]:
                    hidden = int(df[c + "_secret"].notna().sum())
                    print(c, df[c].dtype, int(df[c].isna().sum()), hidden)
                """
            guard let text = GridReadBackTests.tool("python3", ["-c", script, out.path]) else {
                print("NOTICE: pandas read-back skipped: python3 with pandas is absent (scripts/setup installs it)")
                return
            }
            let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.count == 3, "\(text)")
            for w in lines where w.count == 4 {
                #expect(w[1] == "float64", "\(w[0]) is read as \(w[1])")
                #expect(w[2] == w[3], "\(w[0]): as many NaN (\(w[2])) as reasons (\(w[3]))")
                #expect(Int(w[2])! > 0, "\(w[0]) has hidden cells on the sample")
            }
        }
    }

    /// `coverage` publishes each territory's population: no territory keeps a lone hidden
    /// member, unless its total is hidden too. At 112 people, three communes of 111 are hidden,
    /// each in a different CPTS: each gets a complement in its CPTS (three secondary cells),
    /// although the table's total alone would need none.
    @Test func territoriesNeverKeepALoneHiddenMember() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("coverage.csv")
            let run = try CommandRunner.run(["coverage", "geodata", "--publish", "--secrecy-min-people", "112", "--out", out.path, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let secrecy = try #require(json["secrecy"] as? [String: Any])
            let hiddenTotals = Set(try #require(secrecy["territory_totals_suppressed"] as? [String]))
            let population = try #require((secrecy["columns"] as? [[String: Any]])?.first)
            #expect(population["primary"] as? Int == 3 && population["secondary"] as? Int == 3, "\(population)")
            let (header, rows) = try Self.csv(out)
            let reason = try #require(header.firstIndex(of: "population_secret")), territories = try #require(header.firstIndex(of: "territories"))
            var hidden: [String: Int] = [:]
            for row in rows where !row[reason].isEmpty {
                for item in row[territories].split(separator: ";") { hidden[String(item.split(separator: ":")[0]), default: 0] += 1 }
            }
            #expect(!hidden.isEmpty, "the sample's small communes are in territories")
            for (territory, count) in hidden where !hiddenTotals.contains(territory) { #expect(count != 1, "\(territory) keeps one hidden member") }
        }
    }

    /// In a study file, `publish` in `parameters` guards every analysis that takes it, and their
    /// table copies; `map` of a guarded table draws the secret class.
    @Test func studyFileParametersPublish() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let study = dir.appendingPathComponent("study.yaml")
            try """
                inputs: {folder: \(Fixtures.url("geodata").path)}
                tables: [geojson, csv]
                parameters: {publish: true, secrecy_min_people: 120}
                analyses:
                  - distance: {site_kind: msp}
                  - access: {site_kind: msp}
                  - map: {table: distance, field: population}
                """.write(to: study, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("run")
            let run = try CommandRunner.run(["run", study.path, "--out", out.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            for name in ["distance", "access"] {
                let summary = try String(contentsOf: out.appendingPathComponent("\(name).json"), encoding: .utf8)
                #expect(summary.contains("\"secrecy\":{\"method\":\"suppress\",\"min_people\":120"), "\(name): \(summary)")
                let (header, rows) = try Self.csv(out.appendingPathComponent("\(name).csv"))
                let reason = try #require(header.firstIndex(of: "population_secret"), "\(name)")
                #expect(rows.filter { $0[reason] == "primary" }.count == 19, "\(name)")
            }
            let map = try String(contentsOf: out.appendingPathComponent("map.json"), encoding: .utf8)
            #expect(map.contains("\"secret\":19"), "\(map)")
        }
    }

    @Test func thresholdsNeedPublish() throws {
        let run = try CommandRunner.run(["distance", "geodata", "--secrecy-min-people", "20"])
        #expect(run.status == 64 && run.stderr.contains("--publish"), "\(run.stderr)")
        let zero = try CommandRunner.run(["distance", "geodata", "--publish", "--secrecy-min-practitioners", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("at least 1"), "\(zero.stderr)")
    }

    /// The map of a guarded column draws the hidden communes in their own class with a legend
    /// entry; the report prints no count under the rule, nor a zone's population that would
    /// give back one of its communes', and says what it hid.
    @Test func mapAndReportShowTheSecret() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let table = dir.appendingPathComponent("t.geojson"), svg = dir.appendingPathComponent("m.svg")
            _ = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--publish", "--secrecy-min-people", "120", "--out", table.path, "--quiet"])
            let map = try CommandRunner.run(["map", table.path, "--field", "population", "--out", svg.path, "--format", "json"])
            #expect(map.status == 0, "\(map.stderr)")
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as? [String: Any])
            #expect((summary["secret"] as? Int ?? 0) > 0 && summary["no_data"] as? Int == 0, "\(map.stdout)")
            let drawing = try String(contentsOf: svg, encoding: .utf8)
            #expect(drawing.contains("class=\"secret\"") && drawing.contains("secret statistique"))

            let report = dir.appendingPathComponent("report")
            let run = try CommandRunner.run([
                "report", "geodata", "--site-kind", "msp", "--minutes", "15", "--new-sites", "0", "--publish", "--secrecy-min-people", "125",
                "--out", report.path, "--format", "json",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(text.contains("## Secret statistique"))
            // Gap zones of one commune of 121 and 124 residents; zones with one hidden commune
            // among larger ones would give it back from their total.
            #expect(text.contains("| 10 | Vilneuay-en-Bocage | secret (< 125) |"), "\(text)")
            #expect(text.contains("| 4 | Saint-Chaumquinac-les-Bois | secret (complément) |"), "\(text)")
            let (header, zones) = try Self.csv(report.appendingPathComponent("gaps.csv"))
            let population = try #require(header.firstIndex(of: "population"))
            #expect(header[population + 1] == "population_secret")
            #expect(zones[3][population].isEmpty && zones[3][population + 1] == "secondary" && zones[9][population + 1] == "primary", "\(zones)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(json["secrecy"] != nil)
        }
    }
}
