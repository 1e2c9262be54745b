import Foundation
import GeoHealthTestSupport
import Testing

/// Every numeric option of every subcommand, given nan, inf, -1, 0, 1e308 and Int.max: a usage
/// error (exit 64) where the value is outside the option's documented range, success where it
/// is inside, never a signal (`--speed inf`, `--catchment-minutes 1e308`, `--permutations
/// Int.max`, `synth --communes Int.max` crashed; `--max-snap -1`, `--minutes-above nan` were
/// accepted).
@Suite struct NumericOptionTests {
    static let values = ["nan", "inf", "-1", "0", "1e308", "9223372036854775807"]

    /// One option of one command: the command line it is added to (`TABLE`, `SVG`, `DIR` are
    /// replaced by paths in a temporary folder) and the values that are valid for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var base: [String]
        var option: String
        var valid: Set<String> = []
        var testDescription: String { "\(base[0]) \(option)" }
    }

    static let distance = ["distance", "geodata"]
    static let cases: [Case] = [
        Case(base: distance, option: "--detour"),
        Case(base: distance, option: "--speed"),
        Case(base: distance, option: "--snap-speed"),
        Case(base: distance, option: "--max-snap", valid: ["0"]),
        Case(base: distance, option: "--max-minutes"),
        Case(base: distance, option: "--within"),
        Case(base: distance, option: "--thresholds"),
        Case(base: distance, option: "--buffer-km", valid: ["0"]),
        Case(base: ["coverage", "geodata"], option: "--catchment-minutes"),
        Case(base: ["coverage", "geodata"], option: "--catchment-km"),
        Case(base: ["access", "geodata", "--site-kind", "msp"], option: "--catchment-minutes"),
        Case(base: ["access", "geodata", "--site-kind", "msp"], option: "--bandwidth"),
        Case(base: ["access", "geodata", "--site-kind", "msp"], option: "--grid-size"),
        Case(base: ["access", "geodata", "--site-kind", "msp"], option: "--per"),
        Case(base: ["access", "geodata", "--site-kind", "msp"], option: "--apl-year"),
        Case(base: ["gaps", "geodata", "--site-kind", "msp", "--outside-cpts"], option: "--minutes-above", valid: ["0"]),
        Case(base: ["gaps", "geodata", "--outside-cpts"], option: "--access-below", valid: ["0"]),
        Case(base: ["gaps", "geodata", "--outside-cpts"], option: "--per"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--add", "2.2,46.3"], option: "--k", valid: ["0"]),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--add", "2.2,46.3"], option: "--minutes"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--add", "2.2,46.3"], option: "--access-below", valid: ["0"]),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--add", "2.2,46.3"], option: "--per"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--access-below", "1", "--add", "2.2,46.3"], option: "--new-capacity", valid: ["0"]),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--method", "capacitated", "--k", "1"], option: "--budget"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--method", "capacitated", "--k", "1"], option: "--site-sizes"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--method", "capacitated", "--k", "1"], option: "--population-per-fte"),
        Case(base: ["site", "geodata", "--site-kind", "msp", "--method", "access-gini", "--k", "1"], option: "--activity-per-fte"),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--neighbours"),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--k"),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--permutations", valid: ["0"]),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--alpha"),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--below", valid: ["-1", "0", "9223372036854775807"]),
        Case(base: ["inequality", "TABLE", "--value", "msp_minutes"], option: "--seed", valid: ["0", "9223372036854775807"]),
        Case(base: ["map", "TABLE", "--field", "msp_minutes", "--out", "SVG"], option: "--classes"),
        Case(base: ["map", "TABLE", "--field", "msp_minutes", "--out", "SVG"], option: "--labels", valid: ["0"]),
        Case(base: ["chart", "histogram", "TABLE", "--value", "msp_minutes", "--out", "SVG"], option: "--thresholds"),
        Case(base: ["synth", "--out", "DIR"], option: "--communes"),
        Case(base: ["synth", "--out", "DIR"], option: "--msp", valid: ["0"]),
        Case(base: ["synth", "--out", "DIR"], option: "--cpts"),
        Case(base: ["synth", "--out", "DIR"], option: "--seed", valid: ["0", "9223372036854775807"]),
        Case(base: ["synth-roads", "--out", "DIR"], option: "--nodes"),
        Case(base: ["synth-roads", "--nodes", "2000", "--out", "DIR"], option: "--seed", valid: ["0", "9223372036854775807"]),
        Case(base: ["report", "geodata", "--site-kind", "msp", "--out", "DIR"], option: "--minutes"),
        Case(base: ["report", "geodata", "--site-kind", "msp", "--out", "DIR"], option: "--new-sites", valid: ["0"]),
        Case(base: ["report", "geodata", "--site-kind", "msp", "--out", "DIR"], option: "--catchment-minutes"),
    ]

    @Test(arguments: cases)
    func outOfRangeValuesAreUsageErrors(_ c: Case) throws {
        try Fixtures.withTemporaryDirectory { dir in
            let table = dir.appendingPathComponent("t.geojson").path
            if c.base.contains("TABLE") {
                let made = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp", "--out", table, "--quiet"])
                try #require(made.status == 0, "\(made.stderr)")
            }
            for value in Self.values {
                let arguments = c.base.map { word in
                    switch word {
                    case "TABLE": table
                    case "SVG": dir.appendingPathComponent("m.svg").path
                    case "DIR": dir.appendingPathComponent("out-\(value)").path
                    default: word
                    }
                } + ["\(c.option)=\(value)", "--quiet"]
                let r = try CommandRunner.run(arguments)
                let expected: Int32 = c.valid.contains(value) ? 0 : 64
                #expect(r.status == expected, "\(c.base[0]) \(c.option)=\(value): exit \(r.status), expected \(expected)\n\(r.stderr)")
                if expected == 64 && r.stderr.contains("must be a number") {
                    #expect(r.stderr.contains(c.option), "the message names the option: \(r.stderr)")
                }
            }
        }
    }

    /// The range of every checked option is in its help text.
    @Test func helpTextsStateTheRanges() throws {
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let help = words(try CommandRunner.run(["distance", "--help"]).stdout)
        #expect(help.contains("average speed in km/h, more than 0, at most 300"), "\(help)")
        #expect(help.contains("(metres, from 0 to 100000)"))
        let inequality = words(try CommandRunner.run(["inequality", "--help"]).stdout)
        #expect(inequality.contains("pseudo p-values, from 0 to 99999"))
    }

    /// `--add lon,lat,capacity` with an infinite capacity, `--breaks` with a NaN.
    @Test func listsOfNumbersAreCheckedToo() throws {
        let add = try CommandRunner.run(["site", "geodata", "--site-kind", "msp", "--add", "2.2,46.3,inf"])
        #expect(add.status == 64 && add.stderr.contains("invalid for '--add") && add.stderr.contains("the capacity must be a number from 0 to"), "\(add.stderr)")
        let breaks = try CommandRunner.run(["map", "geodata/communes.geojson", "--field", "x", "--scheme", "manual", "--breaks", "1,nan",
                                            "--out", "/tmp/never.svg"])
        #expect(breaks.status == 64 && breaks.stderr.contains("invalid for '--breaks <numbers>': takes finite numbers separated by commas"), "\(breaks.stderr)")
    }
}
