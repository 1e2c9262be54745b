import Foundation
import GeoIO
import Testing

@Suite struct CSVTableTests {
    @Test(arguments: [",", ";", "\t"])
    func separatorsAreDetected(separator: String) throws {
        let t = try CSVTable.parse("COM\(separator)PMUN\n01001\(separator)860\n")
        #expect(t.header == ["COM", "PMUN"] && t.rows == [["01001", "860"]])
    }

    @Test func quotesBOMAndLineEnds() throws {
        let text = "\u{FEFF}id;name;note\r\n1;\"Saint-Denis; 93\";\"he said \"\"hi\"\"\"\r\n\r\n2;\"two\nlines\";\n"
        let t = try CSVTable.parse(text, file: "q.csv")
        #expect(t.separatorName == "semicolon")
        #expect(t.header == ["id", "name", "note"])
        #expect(t.rows == [["1", "Saint-Denis; 93", "he said \"hi\""], ["2", "two\nlines", ""]])
        #expect(t.lineNumbers == [2, 4])
    }

    @Test func fieldCountMismatchNamesTheLine() throws {
        let e = try #require(throws: InputError.self) { try CSVTable.read(contentsOf: URL(fileURLWithPath: "Tests/fixtures/bad/extra-field.csv", relativeTo: root)) }
        #expect(e.description.hasSuffix("extra-field.csv: line 3: row has 3 fields, the header has 2"), "\(e)")
    }

    @Test func unclosedQuoteNamesWhereItOpened() throws {
        let e = try #require(throws: InputError.self) { try CSVTable.read(contentsOf: URL(fileURLWithPath: "Tests/fixtures/bad/unclosed-quote.csv", relativeTo: root)) }
        #expect(e.description.hasSuffix("unclosed-quote.csv: line 3: quoted field opened on this line is never closed"), "\(e)")
    }

    @Test func missingColumnListsTheColumns() throws {
        let t = try CSVTable.parse("COM;PMUN\n1;2\n", file: "p.csv")
        #expect(try t.column("pmun") == 1)
        let e = try #require(throws: InputError.self) { try t.column("POP") }
        #expect(e.description == "p.csv: field 'POP': no such column; the columns are: COM, PMUN")
    }

    @Test func writerQuotesWhatNeedsIt() {
        #expect(CSVWriter.string(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["plain", "line\nbreak"]])
            == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\nplain,\"line\nbreak\"\n")
    }

    var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
}
