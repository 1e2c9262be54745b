import GeoCore
import GeoHealthKit
import Testing

/// The publishing guard on a hand-made table and summary (docs/publishing.md).
@Suite struct PublishingGuardKitTests {
    static let table = CommuneTable(
        columns: ["code", "name", "population", "ZONE", "msp_within_30min", "msp_minutes"],
        rows: [
            [.string("A"), .string("a"), .number(10), .string("z1"), .number(2), .number(12.5)],
            [.string("B"), .string("b"), .number(11), .string("z1"), .number(3), .number(8)],
            [.string("C"), .string("c"), .number(500), .string("z2"), .number(0), .number(40)],
            [.string("D"), .string("d"), .number(40), .string("z2"), .number(5), .number(3)],
        ],
        geometries: nil)

    /// 10 is hidden, 11 is not under the rule but is the complement of its zone's lone hidden
    /// cell; two sites within 30 minutes are hidden, three are not; times stay.
    @Test func tableCellsAndReasons() {
        let (out, report) = PublishingGuard().guarded(Self.table, groupBy: "ZONE")
        #expect(out.columns == ["code", "name", "population", "population_secret", "ZONE", "msp_within_30min", "msp_within_30min_secret", "msp_minutes"])
        #expect(out.rows.map { $0[2] } == [.null, .null, .number(500), .number(40)])
        #expect(out.rows.map { $0[3] } == [.string("primary"), .string("secondary"), .null, .null])
        #expect(out.rows.map { $0[5] } == [.null, .number(3), .number(0), .number(5)])
        #expect(out.rows.map { $0[7] } == Self.table.rows.map { $0[5] })
        #expect(report.cells(.primary) == 2 && report.cells(.secondary) == 1)
        #expect(report.groupTotalsHidden.isEmpty && !report.grandTotalHidden)
    }

    /// A summary's counts under the threshold are null with their shares; in a list of groups,
    /// a lone hidden count gets the smallest other one hidden too.
    @Test func summaryCountsAndSection() {
        let summary = Summary([
            ("population", .number(561)),
            ("beyond", .array([.object(Properties([("minutes", .number(30)), ("population", .number(5)), ("share", .number(0.0089))]))])),
            ("by_group", .array([
                .object(Properties([("group", .string("a")), ("population", .number(5))])),
                .object(Properties([("group", .string("b")), ("population", .number(50))])),
                .object(Properties([("group", .string("c")), ("population", .number(30))])),
            ])),
        ])
        let guarding = PublishingGuard()
        let (_, report) = guarding.guarded(Self.table, groupBy: "ZONE")
        let (out, counted) = guarding.guarded(summary, report: report)
        #expect(out["beyond"] == .array([.object(Properties([("minutes", .number(30)), ("population", .null), ("share", .null)]))]))
        guard case .array(let groups)? = out["by_group"] else { Issue.record("no by_group"); return }
        let populations: [PropertyValue?] = groups.map { item in
            guard case .object(let o) = item else { return nil }
            return o["population"]
        }
        #expect(populations == [.null, .number(50), .null])
        #expect(out["population"] == .number(561))
        #expect(counted.summaryValuesHidden == 4)
        let json = out.json(command: "distance")
        #expect(json.contains("\"secrecy\":{\"method\":\"suppress\",\"min_people\":11,\"min_practitioners\":3,\"cells_suppressed\":{\"primary\":2,\"secondary\":1}"), "\(json)")
    }
}
