import Accessibility
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Projection
import Testing

@Suite struct TravelTests {
    /// The sample's road network against networkx (Tests/reference/network.json, provenance inside).
    @Test func networkTimesAgreeWithNetworkx() throws {
        let json = try Fixtures.reference("network.json")
        let toMetric = try CoordinateTransformer(from: .wgs84, to: .lambert93)
        func points(_ key: String) throws -> [Coordinate] {
            var p = (json[key] as! [[Double]]).map { Coordinate(x: $0[0], y: $0[1]) }
            try toMetric.transform(&p)
            return p
        }
        let origins = try points("origins"), destinations = try points("destinations")
        let layer = try RoadLayer.read(Fixtures.sample.appendingPathComponent("roads.geojson"), crs: .lambert93)
        let network = RoadNetwork(roads: layer.roads)
        let graph = (json["provenance"] as! [String: Any])["graph"] as! [String: Int]
        #expect(network.nodes.count == graph["nodes"] && network.edgeCount == graph["edges"])
        let matrix = try NetworkModel(network: network).costs(from: CostPoints(metric: origins), to: CostPoints(metric: destinations), maxMinutes: 60)
        let expected = json["minutes_by_destination"] as! [[Any]]
        var compared = 0
        for (d, column) in expected.enumerated() {
            for (o, value) in column.enumerated() {
                let mine = matrix.row(o).first { $0.destination == d }?.minutes
                if let want = value as? Double {
                    let got = try #require(mine, "origin \(o) → destination \(d): networkx \(want) min, GeoHealth unreachable")
                    // Vertices snap to nodes at most 1 cm away (pyproj and PROJ agree to far better).
                    #expect(abs(got - want) < 1e-4, "origin \(o) → destination \(d): \(got) vs networkx \(want)")
                    compared += 1
                } else {
                    #expect(mine == nil, "origin \(o) → destination \(d): networkx finds no path within 60 min")
                }
            }
        }
        #expect(compared > 100)
    }

    @Test func roadFilesWithUnusableFeaturesAreReported() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("roads.geojson")
            try Data("""
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[2.0,46.0],[2.01,46.0]]}},
                {"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[2.0,46.0],[2.0,46.0]]}},
                {"type":"Feature","properties":{"name":"a bus stop"},"geometry":{"type":"Point","coordinates":[2.0,46.0]}},
                {"type":"Feature","properties":{"highway":"residential","maxspeed":"FR:zone30","oneway":"-1"},"geometry":{"type":"MultiLineString","coordinates":[[[2.01,46.0],[2.02,46.0]]]}},
                {"type":"Feature","properties":{},"geometry":null}
                ]}
                """.utf8).write(to: url)
            let layer = try RoadLayer.read(url, crs: .lambert93)
            #expect(layer.roads.count == 2)
            #expect(layer.skipped == ["feature 1: zero length", "feature 2: a Point is not a road line", "feature 4: no geometry"])
            #expect(layer.roads[0].kmh == 75 && layer.roads[1].kmh == 30 && layer.roads[1].direction == .backward)
        }
    }

    @Test func sampleDistancesAndThresholds() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var options = TravelAnalysis.Options()
        options.kinds = [.hospital, .msp]
        options.groupBy = "ZONE"
        let analysis = try TravelAnalysis.run(study, options: options)
        let hospital = analysis.kinds[0]
        // Every nearest hospital is a hospital, and straight-line minutes follow from the km.
        for (a, e) in hospital.nearest.enumerated() {
            guard let e else { continue }
            #expect(study.sites[e.destination].kind == .hospital)
            #expect(abs(e.minutes - e.kilometres / 60 * 60) < 1e-9, "\(study.areas[a].id)")
        }
        // A commune hosting a hospital is within a few minutes of it.
        let host = study.areas.firstIndex { $0.id == "00001" }!
        #expect(hospital.nearest[host]!.minutes < 5)
        let table = analysis.table
        #expect(table.columns.prefix(4) == ["code", "name", "population", "ZONE"])
        #expect(table.rows.count == study.areas.count)
    }

    @Test func odMatrixFromCSV() throws {
        try Fixtures.withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("od.csv")
            try Data("origin;destination;seconds;metres\n00001;H1;600;9000\n00002;H1;;12000\n99999;H1;60;1000\n".utf8).write(to: url)
            let model = try ODMatrixReader.read(url)
            #expect(model.pairs.count == 3 && model.pairs[0].minutes == 10 && model.pairs[1].kilometres == 12)
            try Data("origin,destination,minutes\n00001,H1,-3\n".utf8).write(to: url)
            let e = try #require(throws: InputError.self) { try ODMatrixReader.read(url) }
            #expect(e.description.hasSuffix("od.csv: line 2, field 'minutes': '-3' is not a non-negative number"))
        }
    }
}

@Suite struct CoverageAnalysisTests {
    @Test func territoriesGivenAsCodesCoverTheirMembersWhole() throws {
        var study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let members = Array(study.areas.prefix(10).map(\.id))
        study.territories = [Territory(id: "T", definition: .areas(members))]
        let analysis = try CoverageAnalysis.run(study, options: CoverageAnalysis.Options())
        for a in study.areas.indices {
            let inside = members.contains(study.areas[a].id)
            // Members are wholly covered; neighbours touch the dissolved territory only along their border.
            #expect(inside ? abs(analysis.shareInAny[a] - 1) < 1e-9 : analysis.shareInAny[a] < 1e-9, "\(study.areas[a].id)")
        }
        let covered = zip(study.areas, analysis.territoryCoveredShare).reduce(0) { $0 + ($1.0.population ?? 0) * $1.1 }
        let expected = study.areas.prefix(10).reduce(0) { $0 + ($1.population ?? 0) }
        #expect(abs(covered - expected) < 1e-6)
    }

    @Test func sampleCPTSAndCatchments() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        var options = CoverageAnalysis.Options()
        options.catchmentMinutes = 15
        options.catchmentKinds = [.msp]
        let analysis = try CoverageAnalysis.run(study, options: options)
        // One commune sits in two CPTS (synth plants it); shares stay within [0, 1].
        #expect(analysis.shares.contains { $0.count == 2 })
        #expect(analysis.shareInAny.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 })
        // A commune hosting an MSP is in that MSP's catchment.
        for s in study.sites where s.kind == .msp {
            let code = try #require(s.attributes["commune"]?.stringValue)
            let host = try #require(study.areas.firstIndex { $0.sourceIDs.contains(code) || $0.id == code })
            #expect(analysis.catchment![host].contains { study.sites[$0].id == s.id }, "\(s.id)")
        }
    }
}

@Suite struct ProjectedCostsTests {
    /// Costs numbered among the accepted sites equal the full numbering read through the rank
    /// of each accepted site; the matrix-free nearest sites equal the full matrix's.
    @Test func renumberedCostsAndNearestSitesAgreeWithTheFullMatrix() throws {
        let study = try StudyLoader.load(StudySources.discover(in: Fixtures.sample)).study
        let projected = try ProjectedStudy(study)
        let model = StraightLineModel()
        let accept: (Int) -> Bool = { study.sites[$0].kind == .msp }
        let full = try projected.costs(study, model: model, maxMinutes: 30, sites: accept)
        let local = try projected.costs(study, model: model, maxMinutes: 30, sites: accept, renumbered: true)
        let chosen = study.sites.indices.filter(accept)
        #expect(chosen.count > 3 && chosen.count < study.sites.count)
        #expect(local.destinationCount == chosen.count && local.entryCount == full.entryCount && local.entryCount > 0)
        for o in 0..<full.originCount {
            #expect(local.row(o).map { chosen[$0.destination] } == full.row(o).map(\.destination), "commune \(o)")
            #expect(local.row(o).map(\.minutes) == full.row(o).map(\.minutes))
        }
        let kinds = Array(Set(study.sites.map(\.kind))).sorted()
        let fast = try projected.nearest(study, model: model, maxMinutes: 45, countMinutes: 20, groupCount: kinds.count) { kinds.firstIndex(of: study.sites[$0].kind) }
        let all = try projected.costs(study, model: model, maxMinutes: 45)
        #expect(fast == NearestCosts(all, groups: study.sites.map { kinds.firstIndex(of: $0.kind) }, groupCount: kinds.count, countMinutes: 20))
    }
}
