import GeoCore
import Testing

/// Cost columns on disk: numeric, null where unreachable, with a boolean flag beside them;
/// read back, the flag becomes the word again.
@Suite struct UnreachableFlagsTests {
    @Test func costColumnsGetAFlagBesideThemAndNullCells() {
        let (columns, rows) = UnreachableFlags.flatten(
            columns: ["code", "minutes", "km", "note"],
            rows: [[.string("a"), .number(12.5), .number(10), .string("x")],
                   [.string("b"), .unreachable, .unreachable, .string("y")]],
            costColumns: ["minutes"])
        // km holds the word, so it is flagged too even though not declared.
        #expect(columns == ["code", "minutes", "minutes_unreachable", "km", "km_unreachable", "note"])
        #expect(rows[0] == [.string("a"), .number(12.5), .bool(false), .number(10), .bool(false), .string("x")])
        #expect(rows[1] == [.string("b"), .null, .bool(true), .null, .bool(true), .string("y")])
    }

    @Test func aDeclaredCostColumnHasItsFlagEvenWhenEveryCommuneIsReached() {
        let (columns, rows) = UnreachableFlags.flatten(columns: ["minutes"], rows: [[.number(3)]], costColumns: ["minutes"])
        #expect(columns == ["minutes", "minutes_unreachable"] && rows == [[.number(3), .bool(false)]])
        let plain = UnreachableFlags.flatten(columns: ["value"], rows: [[.number(3)]], costColumns: [])
        #expect(plain.columns == ["value"] && plain.rows == [[.number(3)]])
    }

    @Test func flagsAreFoldedBackInEveryEncoding() {
        for flag: PropertyValue in [.bool(true), .number(1), .string("true"), .string("1")] {
            var p = Properties([("minutes", .null), ("minutes_unreachable", flag), ("other", .number(2))])
            UnreachableFlags.fold(&p)
            #expect(p == Properties([("minutes", .unreachable), ("other", .number(2))]), "\(flag)")
        }
        for flag: PropertyValue in [.bool(false), .number(0), .string("false"), .string(""), .null] {
            var p = Properties([("minutes", .number(4)), ("minutes_unreachable", flag)])
            UnreachableFlags.fold(&p)
            #expect(p == Properties([("minutes", .number(4))]), "\(flag)")
        }
        // A flag whose column is absent is an ordinary field.
        var lone = Properties([("zone_unreachable", .bool(true))])
        UnreachableFlags.fold(&lone)
        #expect(lone == Properties([("zone_unreachable", .bool(true))]))
    }
}
