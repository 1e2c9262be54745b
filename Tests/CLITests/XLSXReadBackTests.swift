import Foundation
import GeoHealthTestSupport
import Testing

/// The `.xlsx` tables read back by the tools planners use, not by our writer: openpyxl (as a
/// Python script would) must find numbers as numbers, missing values as empty cells, flags as
/// booleans, the summary's lists as sheets and a "Méthode" sheet; LibreOffice
/// (`soffice --headless --convert-to csv`) must read the same table as our own CSV.
@Suite struct XLSXReadBackTests {
    static func tool(_ name: String, _ arguments: [String]) -> String? { GridReadBackTests.tool(name, arguments) }

    /// `distance` on the sample, as `.xlsx` and `.csv` (the same table), in `dir`.
    static func travel(in dir: URL) throws -> (xlsx: URL, csv: URL) {
        let xlsx = dir.appendingPathComponent("travel.xlsx"), csv = dir.appendingPathComponent("travel.csv")
        for out in [xlsx, csv] {
            let run = try CommandRunner.run(["distance", "geodata", "--site-kind", "msp,hospital", "--group-by", "ZONE", "--out", out.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        return (xlsx, csv)
    }

    @Test func openpyxlReadsNumbersEmptyCellsAndSheets() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (xlsx, csv) = try Self.travel(in: dir)
            let script = """
                import sys, csv, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                print("sheets", "|".join(wb.sheetnames))
                ws = wb.worksheets[0]
                rows = list(ws.iter_rows(values_only=True))
                with open(sys.argv[2], newline="", encoding="utf-8") as f: ref = list(csv.reader(f))
                print("rows", len(rows), len(ref))
                bad, numeric_text = 0, 0
                for r, (got, want) in enumerate(zip(rows, ref)):
                    for c, (g, w) in enumerate(zip(got, want)):
                        if g is None: ok = w == ""
                        elif isinstance(g, bool): ok = w == ("true" if g else "false")
                        elif isinstance(g, (int, float)): ok = abs(g - float(w)) < 1e-9
                        else:
                            ok = g == w
                            if r > 0 and rows[0][c] != "code" and g.replace(".", "", 1).isdigit(): numeric_text += 1
                        if not ok:
                            bad += 1
                            if bad < 5: print("mismatch", r, repr(g), repr(w))
                print("numbers as text", numeric_text)
                print("mismatches", bad)
                h = rows[0].index("hospital_minutes")
                print("empty", sum(1 for row in rows[1:] if row[h] is None))
                print("types", type(rows[1][rows[0].index("population")]).__name__, type(rows[1][rows[0].index("hospital_minutes_unreachable")]).__name__)
                print("frozen", ws.freeze_panes, ws.auto_filter.ref)
                m = wb["Méthode"]
                for row in m.iter_rows(min_row=2, values_only=True):
                    if row[0] in ("commande", "source") or row[1] in ("cost › detour factor", "max minutes"): print("method", row[0], row[1], row[2])
                beyond = wb["population beyond"]
                print("beyond", [c.value for c in beyond[1]], type(beyond.cell(2, 4).value).__name__, beyond.cell(2, 4).number_format)
                """
            guard let text = Self.tool("python3", ["-c", script, xlsx.path, csv.path]) else {
                print("NOTICE: openpyxl read-back skipped: python3 with openpyxl is absent (scripts/setup installs it)")
                return
            }
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.contains("sheets travel|metric crs|nearest site|population beyond|population beyond by group|beyond|Méthode"), "\(text)")
            #expect(lines.contains("rows 237 237"), "\(text)")
            #expect(lines.contains("mismatches 0") && lines.contains("numbers as text 0"), "\(text)")
            #expect(lines.contains("empty 2"), "the two unreachable communes have an empty cell: \(text)")
            #expect(lines.contains("types int bool"), "\(text)")
            #expect(lines.contains("frozen A2 A1:P237"), "\(text)")
            #expect(lines.contains { $0.hasPrefix("method commande distance geohealth distance geodata --site-kind msp,hospital") }, "\(text)")
            #expect(lines.contains("method résumé cost › detour factor 1.3") && lines.contains("method résumé max minutes 60"), "\(text)")
            #expect(lines.contains { $0.hasPrefix("method source geodata/communes.geojson 65584") }, "\(text)")
            #expect(lines.contains("beyond ['kind', 'minutes', 'population', 'share'] float [$-40C]0.0%"), "\(text)")
        }
    }

    @Test func libreOfficeReadsTheSameTableAsTheCSV() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (xlsx, csv) = try Self.travel(in: dir)
            // Semicolon, double quote, UTF-8 (76), from line 1, …, cells as stored, not as shown
            // (token 9): the numbers' decimal mark is their French format's comma.
            let converted = dir.appendingPathComponent("converted")
            let filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false"
            guard Self.tool("soffice", ["--headless", "--convert-to", filter, "--outdir", converted.path, xlsx.path]) != nil,
                  let text = try? String(contentsOf: converted.appendingPathComponent("travel.csv"), encoding: .utf8) else {
                print("NOTICE: LibreOffice read-back skipped: soffice is absent (scripts/setup installs libreoffice-calc-nogui)")
                return
            }
            let ours = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let theirs = text.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
            #expect(ours.count == theirs.count)
            var mismatches: [String] = []
            for (a, b) in zip(ours, theirs) {
                for (x, y) in zip(a, b) {
                    let number = Double(y.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: ",", with: "."))
                    let same = x == y || x.uppercased() == y || (Double(x).map { v in number.map { abs($0 - v) < 1e-9 } ?? false } ?? false)
                    if !same { mismatches.append("\(x) ≠ \(y)") }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            // As shown (token 9 true, semicolons): the French display formats, in LibreOffice's own locale.
            let shown = dir.appendingPathComponent("shown")
            let asShown = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true"
            _ = Self.tool("soffice", ["--headless", "--convert-to", asShown, "--outdir", shown.path, xlsx.path])
            let display = (try? String(contentsOf: shown.appendingPathComponent("travel.csv"), encoding: .utf8)) ?? ""
            #expect(display.contains("00004;Saint-Marquinières-sur-Synthe;4\u{A0}600;urbain;M1;5,37;FALSE;5,37;"), "\(display.prefix(600))")
        }
    }

    /// A workbook given back as an input (a table, the population) is refused with what to
    /// give instead, not read as broken CSV or GeoJSON.
    @Test func aWorkbookAsInputIsRefusedWithAdvice() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let (xlsx, _) = try Self.travel(in: dir)
            for arguments in [["inequality", xlsx.path, "--value", "hospital_minutes"], ["distance", "geodata", "--population", xlsx.path, "--quiet"]] {
                let run = try CommandRunner.run(arguments)
                #expect(run.status == 1)
                #expect(run.stderr.contains("travel.xlsx: is a spreadsheet workbook") && run.stderr.contains("save the sheet as CSV"), "\(run.stderr)")
            }
        }
    }

    /// `run` with `tables: [xlsx]`: the workbook is one of the run's outputs (its provenance lists
    /// it) and its "Méthode" sheet gives the command line the runner ran.
    @Test func studyRunWritesWorkbooks() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let file = Fixtures.url("geodata").appendingPathComponent(".test-study-xlsx-\(UUID().uuidString).yaml")
            try "inputs: {folder: .}\ntables: [geojson, xlsx]\nanalyses:\n  - distance: {site_kind: hospital}\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let out = dir.appendingPathComponent("study")
            let run = try CommandRunner.run(["run", file.path, "--out", out.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let provenance = try String(contentsOf: out.appendingPathComponent("provenance.json"), encoding: .utf8)
            #expect(provenance.contains(#""path":"distance.xlsx""#), "\(provenance)")
            let workbook = out.appendingPathComponent("distance.xlsx").path
            guard let xml = try? CommandRunner.shell("command -v unzip >/dev/null && unzip -p '\(workbook)' xl/worksheets/sheet5.xml"), xml.status == 0 else {
                print("NOTICE: the workbook's XML was not read: unzip is absent")
                return
            }
            let text = xml.stdout
            #expect(text.contains("<t>geohealth distance ") && text.contains(" --site-kind hospital --out distance.geojson"), "\(text.prefix(1500))")
            #expect(!text.contains("geohealth distance distance"), "the command is named once")
        }
    }

    @Test func aMissingFolderIsAClearErrorAndLeavesNothing() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("missing/travel.xlsx")
            let run = try CommandRunner.run(["distance", "geodata", "--site-kind", "hospital", "--out", out.path, "--quiet"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("travel.xlsx") && run.stderr.contains("no such folder"), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }
}
