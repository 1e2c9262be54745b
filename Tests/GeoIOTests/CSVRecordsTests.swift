import Foundation
import GeoHealthTestSupport
import GeoIO
import Testing

/// ``CSVRecords`` (record by record) against ``CSVTable`` (whole table) on the dialect's
/// corners: quotes with separators, doubled quotes and line ends inside, CRLF, a BOM, `;`,
/// blank lines, a last line without its end, and a row of the wrong width.
@Suite struct CSVRecordsTests {
    static let texts = [
        "a,b\n1,2\n3,4\n",
        "\u{FEFF}id;count\r\nx;1,5\r\n\r\ny;2\r\n",
        "a,b\n\"q,1\",\"he said \"\"hi\"\"\"\n\"two\nlines\",3",
        "a\tb\n1\t\n",
    ]

    @Test(arguments: texts.indices) func recordsAreTheTablesRows(_ n: Int) throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.csv")
            try Self.texts[n].write(to: url, atomically: true, encoding: .utf8)
            let table = try CSVTable.read(contentsOf: url)
            var header: [String] = [], rows: [[String]] = [], lines: [Int] = []
            try CSVRecords.scan(contentsOf: url, header: { names, _ in header = names }) { record in
                rows.append((0..<record.count).map { record.string($0) })
                lines.append(record.line)
            }
            #expect(header == table.header && rows == table.rows && lines == table.lineNumbers, "text \(n)")
        }
    }

    @Test func aRowOfTheWrongWidthNamesItsLine() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("t.csv")
            try "a,b\n1,2\n3\n".write(to: url, atomically: true, encoding: .utf8)
            let e = try #require(throws: InputError.self) { try CSVRecords.scan(contentsOf: url, header: { _, _ in }) { _ in } }
            #expect(e.description.contains("line 3"))
        }
    }
}
