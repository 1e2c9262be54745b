import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

/// Metamorphic checks on the real national data, through the command line as a planner runs
/// it: a regional study is the national study restricted (each written commune carries its
/// own polygon and the national figures), a study split into départements and merged equals
/// the whole, and the order of the input rows changes no output byte. None of these checks
/// computes a figure itself: each compares two runs of GeoHealth that must agree.
/// Skipped (and shown so) when ../shared/geodata-real is absent.
@Suite(.serialized, .enabled(if: Fixtures.realData("MetamorphicRealDataTests") != nil))
struct MetamorphicRealDataTests {
    static let root = Fixtures.realData("MetamorphicRealDataTests") ?? URL(fileURLWithPath: "/nonexistent")

    /// The national inputs, as notebook 06 gives them.
    static func national(sites: URL? = nil, population: URL? = nil) -> [String] {
        let r = root.path
        return ["--areas", "\(r)/communes", "--population", population?.path ?? "\(r)/population/donnees_communes.csv",
                "--history", "\(r)/population/mouvements-communes.csv", "--history-since", "2018-01-01",
                "--sites", sites?.path ?? "\(r)/facilities/eurostat-healthcare-FR.csv",
                "--site-kind-field", "facility_type", "--kind-map", "notebooks-md/finess-kinds.csv"]
    }

    /// Runs geohealth and requires exit 0.
    @discardableResult
    static func geohealth(_ arguments: [String]) throws -> CommandRunner.Output {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "geohealth \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A written layer's features by commune code.
    static func features(_ url: URL) throws -> [String: Feature] {
        let (features, _) = try LayerReader.features(url)
        var byCode: [String: Feature] = [:]
        for f in features { byCode[f.properties["code"]!.stringValue!] = f }
        #expect(byCode.count == features.count, "\(url.lastPathComponent): one feature per code")
        return byCode
    }

    /// Regional tables: every commune written carries its own polygon — the national
    /// table's, which is the input file's for a commune kept as it is and the dissolve of its
    /// parts for a merged one — and the national figures, for each command that writes a commune table, in GeoJSON and
    /// in GeoPackage. Creuse (23) is small and inland: the default 50 km buffer holds the
    /// 30-minute catchments of every site its residents reach, so E2SFCA is equal too, and so
    /// are the uncertainty's shares and percentiles.
    @Test func regionalStudyIsTheNationalStudyRestricted() throws {
        let input = try Self.features(Self.root.appendingPathComponent("communes/communes-23-creuse.geojson"))
        let jobs: [(name: String, arguments: [String], tolerance: Double)] = [
            ("distance", ["distance", "--site-kind", "hospital"], 0),
            ("coverage", ["coverage", "--territories", Self.root.appendingPathComponent("territories/epci.json").path], 0),
            ("access", ["access", "--site-kind", "hospital", "--method", "e2sfca"], 1e-12),
            ("gaps", ["gaps", "--site-kind", "hospital", "--minutes-above", "30"], 0),
            // The draws are the same (same seed, a commune's population factor by its code); the
            // widest draw's 46-minute catchment (35 km in a straight line) needs a 75 km buffer
            // (docs/uncertainty.md): with the default 50 km, two communes' access_p95 differ.
            ("gaps-uncertainty", ["gaps", "--site-kind", "hospital", "--minutes-above", "30", "--access-kind", "hospital", "--access-below", "2",
                                  "--per", "100000", "--uncertainty", "20", "--buffer-km", "75"], 1e-9),
        ]
        try Fixtures.withTemporaryDirectory { dir in
            for job in jobs {
                let out = job.name.hasPrefix("gaps") ? "--communes-out" : "--out"
                let whole = dir.appendingPathComponent("\(job.name)-france.geojson")
                try Self.geohealth(job.arguments + Self.national() + [out, whole.path])
                let national = try Self.features(whole)
                // The national table pairs each row with the input polygon (a merged commune
                // with the dissolve of its parts): that is what every regional row must carry.
                let dissolved = input.keys.filter { code in national[code].map { !Self.samePolygon($0.geometry, input[code]!.geometry) } ?? false }
                #expect(dissolved.count <= 10, "\(job.name): national polygons of Creuse other than the input's: \(dissolved.sorted())")
                for format in ["geojson", "gpkg"] {
                    let part = dir.appendingPathComponent("\(job.name)-23.\(format)")
                    try Self.geohealth(job.arguments + Self.national() + ["--departements", "23", out, part.path])
                    let regional = try Self.features(part)
                    #expect(regional.count >= 250 && regional.keys.allSatisfy { $0.hasPrefix("23") }, "\(job.name) \(format): Creuse's communes only")
                    for (code, f) in regional {
                        let reference = try #require(national[code], "\(job.name): \(code) is in the national table")
                        let same = Self.samePolygon(f.geometry, reference.geometry)
                        #expect(same, "\(job.name) \(format): commune \(code) carries its own polygon")
                        var figures = f.properties, expected = reference.properties
                        // A gap zone's rank is its rank in the study that found it.
                        figures["zone"] = nil
                        expected["zone"] = nil
                        Self.expectSameFigures(figures, expected, tolerance: job.tolerance, "\(job.name) \(format) \(code)")
                    }
                }
            }
        }
    }

    /// Split and merged equals whole: Creuse and Haute-Vienne studied apart give, commune for
    /// commune, what the two studied together give (distance, and E2SFCA with the buffer).
    @Test func studySplitIntoDepartementsAndMergedEqualsTheWhole() throws {
        try Fixtures.withTemporaryDirectory { dir in
            for (job, tolerance) in [(["distance", "--site-kind", "hospital"], 0.0), (["access", "--site-kind", "hospital"], 1e-12)] {
                let both = dir.appendingPathComponent("\(job[0])-23-87.csv")
                try Self.geohealth(job + Self.national() + ["--departements", "23,87", "--out", both.path])
                var merged: [String: [String: String]] = [:]
                for dep in ["23", "87"] {
                    let part = dir.appendingPathComponent("\(job[0])-\(dep).csv")
                    try Self.geohealth(job + Self.national() + ["--departements", dep, "--out", part.path])
                    for (code, row) in try Self.csvRows(part) { merged[code] = row }
                }
                let whole = try Self.csvRows(both)
                #expect(merged.count == whole.count && merged.count > 400, "\(job[0]): \(merged.count) merged rows, \(whole.count) whole")
                for (code, row) in whole {
                    guard let m = merged[code] else { Issue.record("\(job[0]): \(code) missing from the merged parts"); continue }
                    for (column, value) in row {
                        Self.expectSameCell(m[column] ?? "<absent>", value, tolerance: tolerance, "\(job[0]) \(code) \(column)")
                    }
                }
            }
        }
    }

    /// Input order changes nothing: the sites and population rows shuffled (seeded; the seed
    /// is in the message) give the same distance, access and gaps outputs, byte for byte.
    @Test func permutedInputRowsChangeNoOutputByte() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["GEOHEALTH_SEED"] ?? "") ?? 20_261_126
        try Fixtures.withTemporaryDirectory { dir in
            let sites = dir.appendingPathComponent("sites-shuffled.csv")
            let population = dir.appendingPathComponent("population-shuffled.csv")
            try Self.shuffleRows(Self.root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), to: sites, seed: seed)
            try Self.shuffleRows(Self.root.appendingPathComponent("population/donnees_communes.csv"), to: population, seed: seed &+ 1)
            let jobs = [["distance", "--site-kind", "hospital,local-hospital"], ["access", "--site-kind", "hospital", "--method", "2sfca"],
                        ["gaps", "--site-kind", "hospital", "--minutes-above", "45"]]
            for job in jobs {
                let flag = job[0] == "gaps" ? "--communes-out" : "--out"
                let a = dir.appendingPathComponent("\(job[0])-given.csv"), b = dir.appendingPathComponent("\(job[0])-shuffled.csv")
                let given = try Self.geohealth(job + Self.national() + [flag, a.path, "--format", "json"])
                let shuffled = try Self.geohealth(job + Self.national(sites: sites, population: population) + [flag, b.path, "--format", "json"])
                #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(job[0]): the table differs when the input rows are shuffled (seed \(seed), GEOHEALTH_SEED to replay)")
                #expect(Self.withoutInputs(given.stdout) == Self.withoutInputs(shuffled.stdout), "\(job[0]): the summary differs when the input rows are shuffled (seed \(seed))")
            }
        }
    }

    // MARK: - Comparisons

    /// Same polygon, position for position (the tables write the input coordinates back;
    /// GeoJSON outputs orient rings by RFC 7946's right-hand rule, so a ring may be reversed).
    static func samePolygon(_ a: Geometry?, _ b: Geometry?) -> Bool {
        guard let a, let b else { return false }
        let pa = a.polygons, pb = b.polygons
        guard pa.count == pb.count else { return false }
        func close(_ u: Coordinate, _ v: Coordinate) -> Bool { abs(u.x - v.x) <= 1e-9 && abs(u.y - v.y) <= 1e-9 }
        for (p, q) in zip(pa, pb) {
            guard p.rings.count == q.rings.count else { return false }
            for (r, s) in zip(p.rings, q.rings) {
                guard r.count == s.count else { return false }
                guard zip(r, s).allSatisfy(close) || zip(r, s.reversed()).allSatisfy(close) else { return false }
            }
        }
        return true
    }

    static func expectSameFigures(_ a: Properties, _ b: Properties, tolerance: Double, _ what: String) {
        #expect(a.keys == b.keys, "\(what): columns")
        for (key, value) in a {
            let other = b[key] ?? .null
            if case .array(let items) = other, case .string(let text) = value {
                // GeoPackage stores a list as text joined by ';' (docs/formats.md).
                #expect(items.compactMap(\.stringValue).joined(separator: ";") == text, "\(what) \(key): \(text) regional, \(items) national")
            } else if case .number(let x) = value, case .number(let y) = other {
                #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(what) \(key): \(x) regional, \(y) national")
            } else {
                #expect(value == other, "\(what) \(key): \(value) regional, \(other) national")
            }
        }
    }

    static func expectSameCell(_ a: String, _ b: String, tolerance: Double, _ what: String) {
        if let x = Double(a), let y = Double(b) {
            #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(what): \(a) vs \(b)")
        } else {
            #expect(a == b, "\(what): \(a) vs \(b)")
        }
    }

    static func csvRows(_ url: URL) throws -> [String: [String: String]] {
        let t = try CSVTable.read(contentsOf: url)
        var rows: [String: [String: String]] = [:]
        let code = try #require(t.header.firstIndex(of: "code"))
        for row in t.rows { rows[row[code]] = Dictionary(uniqueKeysWithValues: zip(t.header, row)) }
        return rows
    }

    /// The file with its data rows in a seeded random order (header first).
    static func shuffleRows(_ source: URL, to target: URL, seed: UInt64) throws {
        var lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines.removeFirst()
        var rng = SeededGenerator(seed: seed)
        lines.shuffle(using: &rng)
        try ([header] + lines).joined(separator: "\n").appending("\n").write(to: target, atomically: true, encoding: .utf8)
    }

    /// A JSON summary without the lines naming the input files (their paths differ).
    static func withoutInputs(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("-shuffled.csv") && !$0.contains("eurostat-healthcare-FR.csv") && !$0.contains("donnees_communes.csv") }.joined(separator: "\n")
    }
}
