import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Testing

/// A table written as `.xlsx` through the public `CommuneTable.write`: a list longer than a
/// cell holds (the codes of a national gap zone) is cut with its count instead of failing the
/// whole file; a cost column's missing values come with their flag.
@Suite struct WorkbookTableTests {
    @Test func aListLongerThanACellIsCutWithItsCount() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let codes = PropertyValue.array((0..<7_000).map { .string(String(format: "%05d", $0)) })
            let rows: [[PropertyValue]] = [[.number(1), codes, .unreachable], [.number(2), .array([]), .number(12.5)]]
            let table = CommuneTable(columns: ["rank", "codes", "minutes"], rows: rows, geometries: nil, costColumns: ["minutes"])
            let url = dir.appendingPathComponent("zones.xlsx")
            try table.write(to: url, inputs: [])
            guard let xml = try? CommandRunner.shell("command -v unzip >/dev/null && unzip -p '\(url.path)' xl/worksheets/sheet1.xml"), xml.status == 0 else {
                print("NOTICE: the sheet's XML was not read: unzip is absent")
                return
            }
            #expect(xml.stdout.contains("… (7000 in all)</t>"), "the cut list says how many codes it had")
            #expect(xml.stdout.contains(">minutes_unreachable<") && xml.stdout.contains(#"<c r="D2" t="b"><v>1</v></c>"#), "\(xml.stdout.suffix(600))")
            #expect(!xml.stdout.contains(#"r="C2""#), "the unreachable minutes are an empty cell")
        }
    }
}
