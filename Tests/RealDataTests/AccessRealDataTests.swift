import Foundation
import GeoCore
import GeoHealthKit
import GeoHealthTestSupport
import Inequality
import Testing

/// Hospital accessibility and its inequality on ../shared/geodata-real (skipped when absent: `.enabled(if:)`).
@Suite(.serialized) struct AccessRealDataTests {
    @Test(.enabled(if: Fixtures.realData("hospitalE2SFCAInequalityAndLISAForMetropolitanFrance") != nil))
    func hospitalE2SFCAInequalityAndLISAForMetropolitanFrance() throws {
        let root = try #require(Fixtures.realData())
        let study = try CoverageTravelRealDataTests.metropolitanStudy(root, hospitals: true)
        var options = AccessAnalysis.Options()
        options.method = .enhanced
        options.catchmentMinutes = 30
        options.per = 100_000
        options.groupBy = "DEP"
        let access = try AccessAnalysis.run(study, options: options)
        // Conservation: every hospital that reaches someone delivers its whole supply (1 each).
        let reached = access.siteRatios.filter { $0 != nil }.count
        let delivered = zip(access.access, access.demand).reduce(0) { $0 + $1.0 * $1.1 } / 100_000
        #expect(abs(delivered - Double(reached)) / Double(reached) < 1e-9)
        try Fixtures.withTemporaryDirectory { dir in
            let geojson = dir.appendingPathComponent("hospital-access.geojson")
            try access.table.write(to: geojson, inputs: [])
            try access.table.write(to: dir.appendingPathComponent("hospital-access.csv"), inputs: [])
            var o = InequalityAnalysis.Options(value: "access")
            o.groupBy = "DEP"
            o.spatialWeights = .queen
            o.permutations = 99
            let table = try InequalityAnalysis.read(geojson, options: o)
            let result = try InequalityAnalysis.run(table, options: o)
            let data = try WeightedValues(table.values, weights: table.weights)
            let split = try TheilDecomposition(data, groups: table.groups!)
            #expect(abs(split.tWithin + split.tBetween - split.t) < 1e-12)
            #expect(split.groups.count == 96)
            let clusters = result.local!.significantClusters()
            #expect(clusters.contains(.highHigh) && clusters.contains(.lowLow))
            try result.unitTable(alpha: 0.05).write(to: dir.appendingPathComponent("lisa.geojson"), inputs: [])
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("lisa.geojson").path))
            print("hospital E2SFCA (30 min, straight line): Gini \(String(format: "%.4f", result.lorenz.gini)), Theil T \(String(format: "%.4f", split.t)) = within \(String(format: "%.4f", split.tWithin)) + between départements \(String(format: "%.4f", split.tBetween)); LISA: \(clusters.filter { $0 == .highHigh }.count) high-high, \(clusters.filter { $0 == .lowLow }.count) low-low communes")
        }
    }
}
