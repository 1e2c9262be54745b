import Foundation
import GeoHealthTestSupport
import GeoIO
import Spreadsheet
import Testing

/// The binding alone: names Excel refuses are refused before anything is written, a failure
/// leaves no file, the same sheets give the same bytes, and the cells keep their types (read
/// back from the file's XML, not by our code).
@Suite struct WorkbookTests {
    static let sheet = Sheet(
        name: "communes", columns: [Sheet.Column("code"), Sheet.Column("minutes", format: .grouped(decimals: 2)), Sheet.Column("unreachable")],
        rows: [[.text("00001"), .number(1234.5), .bool(false)], [.text("00002"), .empty, .bool(true)], [.text("00003"), .number(.nan), .bool(false)]])

    @Test(arguments: ["a/b", "x[1]", "what?", "a:b", "star*", "back\\slash", "'quoted'", "", String(repeating: "n", count: 32)])
    func refusedSheetNames(_ name: String) throws {
        try Fixtures.withTemporaryDirectory { dir in
            var sheet = Self.sheet
            sheet.name = name
            let url = dir.appendingPathComponent("t.xlsx")
            #expect(throws: InputError.self) { try Workbook(sheets: [sheet]).write(to: url) }
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left.isEmpty, "nothing left behind")
        }
    }

    @Test func safeNamesAreAccepted() throws {
        let names = ["nearest site [msp]: a/b?*\\", "'x'", "", String(repeating: "é", count: 40)].map(Sheet.safeName)
        #expect(names == ["nearest site _msp__ a_b___", "x", "Feuille", String(repeating: "é", count: 31)])
        try Fixtures.withTemporaryDirectory { dir in
            let sheets = names.map { Sheet(name: $0, columns: Self.sheet.columns, rows: Self.sheet.rows) }
            try Workbook(sheets: sheets).write(to: dir.appendingPathComponent("t.xlsx"))
        }
    }

    @Test func twoSheetsOfOneNameAreRefused() throws {
        try Fixtures.withTemporaryDirectory { dir in
            var other = Self.sheet
            other.name = "COMMUNES"
            #expect(throws: InputError.self) { try Workbook(sheets: [Self.sheet, other]).write(to: dir.appendingPathComponent("t.xlsx")) }
        }
    }

    @Test func sameSheetsSameBytes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a.xlsx"), b = dir.appendingPathComponent("b.xlsx")
            try Workbook(sheets: [Self.sheet]).write(to: a)
            try Workbook(sheets: [Self.sheet]).write(to: b)
            let (x, y) = (try Data(contentsOf: a), try Data(contentsOf: b))
            #expect(x == y)
        }
    }

    @Test func cellsKeepTheirTypes() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.xlsx")
            try Workbook(sheets: [Self.sheet]).write(to: url)
            guard let xml = try? CommandRunner.shell("command -v unzip >/dev/null && unzip -p '\(url.path)' xl/worksheets/sheet1.xml"), xml.status == 0 else {
                print("NOTICE: the sheet's XML was not read: unzip is absent")
                return
            }
            let text = xml.stdout
            #expect(text.contains(#"<c r="B2" s="2"><v>1234.5</v></c>"#), "a number with its display format: \(text)")
            #expect(text.contains(#"<c r="C3" t="b"><v>1</v></c>"#), "a boolean: \(text)")
            #expect(!text.contains(#"r="B3""#) && !text.contains(#"r="B4""#), "missing and NaN: no cell")
            #expect(text.contains(#"<pane ySplit="1""#) && text.contains(#"<autoFilter ref="A1:C4"/>"#), "frozen header, filters")
        }
    }

    @Test func aMissingFolderIsNamed() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("no/t.xlsx")
            #expect { try Workbook(sheets: [Self.sheet]).write(to: url) } throws: { error in
                "\(error)".contains("t.xlsx") && "\(error)".contains("no such folder")
            }
        }
    }
}
