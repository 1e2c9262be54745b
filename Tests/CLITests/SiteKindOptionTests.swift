import Foundation
import GeoHealthTestSupport
import GeoHealthCLI
import Testing

/// `--site-kind` has one meaning in every command: the site kinds the analysis is about,
/// comma-separated, a kind with commas in its name taken whole when the sites have it; the
/// commands about one kind refuse several.
@Suite struct SiteKindOptionTests {
    @Test func aListIsItsPartsUnlessTheWholeIsAKind() throws {
        let list = try #require(SiteKindList(argument: " MSP, hospital "))
        #expect(list.kinds(among: []).map(\.rawValue) == ["msp", "hospital"])
        let category = try #require(SiteKindList(argument: "Centre hospitalier, ex Hôpital local"))
        #expect(category.kinds(among: [category.whole]).map(\.rawValue) == ["centre hospitalier, ex hôpital local"])
        #expect(try category.single(among: [category.whole], command: "site").rawValue == "centre hospitalier, ex hôpital local")
        #expect(throws: (any Error).self) { try list.single(among: [], command: "site") }
        #expect(SiteKindList(argument: " , ") == nil && SiteKindList(argument: "") == nil)
    }

    @Test func commandsAboutOneKindRefuseSeveral() throws {
        let site = try CommandRunner.run(["site", "geodata", "--site-kind", "msp,hospital", "--k", "1"])
        #expect(site.status == 64 && site.stderr.hasPrefix(
            "Error: site is about one site kind: --site-kind names 2 (msp, hospital); give one\nUsage: geohealth site "), "\(site.stderr)")
        #expect(site.stderr.hasSuffix("See 'geohealth site --help' for more information.\n"), "\(site.stderr)")
        let gaps = try CommandRunner.run(["gaps", "geodata", "--site-kind", "msp,hospital", "--minutes-above", "15"])
        #expect(gaps.status == 64 && gaps.stderr.contains("gaps is about one site kind"), "\(gaps.stderr)")
        #expect(gaps.stderr.contains("Usage: geohealth gaps "), "\(gaps.stderr)")
        let missing = try CommandRunner.run(["report", "geodata", "--out", "/tmp/geohealth-never-report"])
        #expect(missing.status == 64 && missing.stderr.contains("report needs --site-kind"), "\(missing.stderr)")
        let empty = try CommandRunner.run(["distance", "geodata", "--site-kind", ","])
        #expect(empty.status == 64 && empty.stderr.contains("invalid for '--site-kind"), "\(empty.stderr)")
    }

    /// One value type and one parsing rule, but each command's help says what its kinds are for
    /// and what not giving them means.
    @Test func eachCommandsHelpSaysWhatItsKindsAreFor() throws {
        let expected: [(command: String, help: String)] = [
            ("gaps", "Travel rule: the kind of site whose nearest one is timed"),
            ("access", "Site kinds that supply"), ("coverage", "Catchments: site kinds"), ("distance", "Only these site kinds"),
            ("site", "The kind of site to add (msp, hospital, …): required, one kind."),
            ("report", "The kind of site the report is about: required, one kind."),
        ]
        for e in expected {
            let r = try CommandRunner.run([e.command, "--help"])
            let help = r.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(r.status == 0 && help.contains(e.help), "\(e.command): \(r.stdout)")
        }
        for command in ["access", "coverage", "distance"] {
            let help = try CommandRunner.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("(default: every kind"), "\(command)")
        }
    }

    /// Every structured value is parsed by its type: a malformed one is the parser's usage
    /// error naming the option.
    @Test func structuredValuesAreParsedByTheirTypes() throws {
        let cases: [([String], String)] = [
            (["distance", "geodata", "--thresholds", "20,x"], "--thresholds"),
            (["distance", "geodata", "--sites-crs", "EPSG:nothing"], "--sites-crs"),
            (["distance", "geodata", "--history-since", "2018"], "--history-since"),
            (["access", "geodata", "--grid-crs", "nothing"], "--grid-crs"),
            (["distance", "geodata", "--crs", "EPSG:nothing"], "--crs"),
            (["access", "geodata", "--apl-year", "2021"], "--apl-year"),
            (["gaps", "geodata", "--outside-cpts", "--combine", "some"], "--combine"),
            (["chart", "lorenz", "x.csv", "--value", "v", "--lang", "de", "--out", "/tmp/x.svg"], "--lang"),
            (["study", "geodata", "--site-where", "=msp"], "--site-where"),
        ]
        for (arguments, option) in cases {
            let r = try CommandRunner.run(arguments)
            #expect(r.status == 64 && r.stderr.contains("invalid for '\(option)"), "\(arguments): \(r.stderr)")
        }
    }
}
