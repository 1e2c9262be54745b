import Foundation
import GeoHealthTestSupport
import GeoIO
import Testing

/// A commune that contains a site reaches it (``IntraAreaModel``): Saint-Laurent-du-Maroni
/// (Guyane, 4,290 km², 54,000 inhabitants) has its hospital in the town, far from the
/// commune's point on surface; it was "unreachable", gap zone #1 and a proposed new hospital.
@Suite(.serialized, .enabled(if: Fixtures.realData("LargeCommuneRealDataTests") != nil))
struct LargeCommuneRealDataTests {
    typealias M = MetamorphicRealDataTests

    func minutes(_ rule: String, in dir: URL) throws -> [String: String] {
        let out = dir.appendingPathComponent("guyane-\(rule).csv")
        try M.geohealth(["distance", "--site-kind", "hospital", "--departements", "973", "--intra-commune", rule] + M.national() + ["--out", out.path])
        let rows = try M.csvRows(out)
        return rows.mapValues { $0["hospital_minutes"] ?? "" }
    }

    @Test func saintLaurentDuMaroniReachesItsOwnHospital() throws {
        try Fixtures.withTemporaryDirectory { dir in
            #expect(try minutes("zero", in: dir)["97311"] == "0")
            #expect(try minutes("point", in: dir)["97311"] == "", "from the point on surface it is beyond --max-minutes: the rule is what makes it reach")
            let gaps = try M.geohealth(["gaps", "--site-kind", "hospital", "--minutes-above", "30", "--departements", "973"] + M.national() + ["--format", "json"])
            let json = try JSONSerialization.jsonObject(with: Data(gaps.stdout.utf8)) as! [String: Any]
            let names = (json["largest_gap_zones"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(!names.contains("Saint-Laurent-du-Maroni"), "gap zones: \(names)")
        }
    }
}
