import Foundation
import GeoHealthTestSupport
import Testing

/// `geohealth site`'s sized methods from the command line: usage errors for the options that
/// would be ignored or contradict each other, and the summary's `equity` block as JSON.
@Suite struct SiteEquityCommandTests {
    static let gps = ["site", "geodata", "--sites", "geodata/generalistes.csv", "--site-kind", "gp"]

    @Test(arguments: [
        (["--method", "mclp", "--k", "1", "--budget", "4"], "--budget is used only with the sized methods"),
        (["--method", "mclp", "--k", "1", "--site-sizes", "2,4"], "--site-sizes is used only with the sized methods"),
        (["--method", "access-gap", "--k", "1", "--budget", "0.5", "--site-sizes", "1,2"], "--budget 0.5 is smaller than the smallest site size"),
        (["--method", "capacitated", "--k", "1", "--access-below", "1"], "--access-below is not used by --method capacitated"),
        (["--method", "access-gini", "--k", "1", "--population-per-fte", "100"], "--population-per-fte is used only with --method capacitated"),
        (["--method", "access-gap", "--k", "1", "--site-sizes", "2,x"], "takes sizes in FTE GPs"),
        (["--method", "access-gap", "--add", "2.2,46.3"], "--method access-gap needs --k N"),
    ])
    func contradictionsAreUsageErrors(_ options: [String], _ message: String) throws {
        let r = try CommandRunner.run(Self.gps + options)
        #expect(r.status == 64 && r.stderr.contains(message), "\(options): exit \(r.status)\n\(r.stderr)")
    }

    @Test func aplWithAPlannedSiteAndE2SFCAWithoutAThresholdAreRefused() throws {
        let planned = try CommandRunner.run(Self.gps + ["--method", "access-gap", "--k", "1", "--add", "2.2,46.3"])
        #expect(planned.status == 1 && planned.stderr.contains("a planned site has no activity"), "\(planned.stderr)")
        let e2sfca = try CommandRunner.run(["site", "geodata", "--site-kind", "msp", "--method", "access-gap", "--k", "1"])
        #expect(e2sfca.status == 64 && e2sfca.stderr.contains("--access-below"), "\(e2sfca.stderr)")
    }

    @Test func theEquityBlockIsNumbers() throws {
        let r = try CommandRunner.run(Self.gps + ["--method", "access-gap", "--k", "2", "--site-sizes", "2,4", "--budget", "6", "--format", "json"])
        try #require(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let equity = try #require(json["equity"] as? [String: Any])
        let before = try #require(equity["objective_before"] as? Double), after = try #require(equity["objective_after"] as? Double)
        #expect(after < before && (equity["budget_fte"] as? Double) == 6 && (equity["fte_used"] as! Double) <= 6)
        let sites = try #require(equity["new_sites"] as? [[String: Any]])
        #expect(!sites.isEmpty && sites.allSatisfy { [2.0, 4.0].contains($0["fte"] as! Double) })
        // The changes add up to the whole improvement.
        let total = sites.reduce(0.0) { $0 + ($1["objective_change"] as! Double) }
        #expect(abs(total - (after - before)) < 1e-6)
        #expect((json["after"] as! [String: Any])["population_with_access_below"] as? Double == after)
    }
}
