import Foundation
import Accessibility
import GEOSBridge
import GeoCore
import GeoHealthKit
import GeoIO
import GeoHealthTestSupport
import Testing

/// The national study, overseas included, on ../shared/geodata-real (skipped with a NOTICE when
/// absent): every command works on all partitions at once and the outputs chain.
@Suite(.serialized) struct NationalStudyRealDataTests {
    static func sources(_ root: URL) throws -> StudySources {
        var sources = StudySources(areas: try StudySources.geojsonFiles(at: root.appendingPathComponent("communes")))
        sources.population = root.appendingPathComponent("population/donnees_communes.csv")
        sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
        sources.historySince = "2018-01-01"
        sources.sites = [(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), .hospital)]
        return sources
    }

    /// Every national commune's surface and representative point, computed in pure Swift by
    /// ``ProjectedStudy`` (``PlanarMeasures``), equal GEOS's `GEOSArea` and `GEOSPointOnSurface`
    /// on the same projected polygon, bit for bit; every site's containing commune equals GEOS's
    /// `covers` (in longitude/latitude) on STRtree candidates; the matrix-free nearest sites equal the full matrix's.
    @Test(.enabled(if: Fixtures.realData("projectedMeasuresSiteAreasAndNearestSitesEqualTheGEOSAndMatrixWays") != nil))
    func projectedMeasuresSiteAreasAndNearestSitesEqualTheGEOSAndMatrixWays() throws {
        let root = try #require(Fixtures.realData())
        let study = try StudyLoader.load(Self.sources(root)).study
        let projected = try ProjectedStudy(study)
        let context = GEOSContext.current
        for i in study.areas.indices {
            let native = try context.geometry(projected.geometries[i])
            #expect(projected.surfaces[i] == (try native.area()), "\(study.areas[i].id): surface")
            #expect(projected.points[i] == (try native.pointOnSurface()), "\(study.areas[i].id): point on surface")
        }
        // Sites in communes: GEOS `covers` in longitude/latitude on STRtree candidates, within
        // each site's partition.
        let lonLat = try study.areas.map { try context.geometry($0.geometry) }
        var byGEOS = [Int?](repeating: nil, count: study.sites.count)
        for p in projected.partitions where !p.sites.isEmpty {
            let index = try SpatialIndex(p.areas.map { lonLat[$0] }, context: context)
            for s in p.sites {
                let point = study.sites[s].location, site = try context.point(point)
                for k in try index.query(BoundingBox(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)).sorted() where try lonLat[p.areas[k]].covers(site) {
                    byGEOS[s] = p.areas[k]
                    break
                }
            }
        }
        let mine = projected.siteAreas(of: study)
        #expect(mine.contains { $0 != nil } && mine.contains { $0 == nil })
        let differing = study.sites.indices.filter { mine[$0] != byGEOS[$0] }
        #expect(differing.isEmpty, "sites placed differently: \(differing.prefix(5).map { study.sites[$0].id })")
        let model = StraightLineModel()
        let fast = try projected.nearest(study, model: model, maxMinutes: 45, countMinutes: 20, groupCount: 1) { _ in 0 }
        let matrix = try projected.costs(study, model: model, maxMinutes: 45)
        #expect(fast == NearestCosts(matrix, groups: Array(repeating: 0, count: study.sites.count), groupCount: 1, countMinutes: 20))
    }

    /// The measures the loader computes while it joins the populations (``StudySources/measureAhead``)
    /// give the same projected study as computing them afterwards: every surface, point and
    /// longitude/latitude point equal, bit for bit; only the dissolved merges are left to do.
    /// With ``StudySources/projectAhead`` (the report's), the projected polygons too.
    @Test(.enabled(if: Fixtures.realData("measuresComputedDuringTheJoinEqualTheProjection") != nil))
    func measuresComputedDuringTheJoinEqualTheProjection() throws {
        let root = try #require(Fixtures.realData())
        var sources = try Self.sources(root)
        sources.measureAhead = true
        sources.projectAhead = true
        let loaded = try StudyLoader.load(sources)
        let measures = try #require(loaded.measures)
        #expect(measures.count == loaded.study.areas.count)
        let reused = measures.compactMap { $0 }.count
        #expect(reused > 34_000 && reused < measures.count, "\(reused) of \(measures.count) reused; the dissolved merges are not")
        let ahead = try ProjectedStudy(loaded.study, keepGeometries: false, measured: measures)
        let plain = try ProjectedStudy(loaded.study, keepGeometries: false)
        #expect(ahead.surfaces == plain.surfaces)
        #expect(ahead.points == plain.points)
        #expect(ahead.pointsLonLat == plain.pointsLonLat)
        let projections = try #require(loaded.projections)
        #expect(projections.compactMap { $0 }.count == reused)
        let kept = try ProjectedStudy(loaded.study, measured: measures, projected: projections)
        let projectedAfter = try ProjectedStudy(loaded.study)
        #expect(kept.geometries == projectedAfter.geometries)
        #expect(kept.surfaces == plain.surfaces && kept.points == plain.points)
    }

    /// Every national commune polygon as read (before repair): each one the pure-Swift
    /// ``ValidityCertificate`` proves valid is valid for GEOS, and nearly all are proved (the
    /// rest are the ones GEOS is asked about when reading).
    @Test(.enabled(if: Fixtures.realData("validityCertificatesAreSoundOnEveryCommune") != nil))
    func validityCertificatesAreSoundOnEveryCommune() throws {
        let root = try #require(Fixtures.realData())
        let files = try StudySources.geojsonFiles(at: root.appendingPathComponent("communes"))
        let counts = try files.concurrentMap { url -> (communes: Int, certified: Int, valid: Int, wrong: [String]) in
            let context = GEOSContext.current
            var certificate = ValidityCertificate()
            var result = (communes: 0, certified: 0, valid: 0, wrong: [String]())
            _ = try GeoJSONReader.read(contentsOf: url) { i, feature in
                guard let g = feature.geometry else { return }
                let proved = certificate.certifies(g), valid = try context.geometry(g).isValid()
                result.communes += 1
                if proved { result.certified += 1 }
                if valid { result.valid += 1 }
                if proved && !valid { result.wrong.append("\(url.lastPathComponent) feature \(i)") }
            }
            return result
        }.map { try $0.get() }
        let communes = counts.reduce(0) { $0 + $1.communes }, certified = counts.reduce(0) { $0 + $1.certified }
        let valid = counts.reduce(0) { $0 + $1.valid }
        #expect(counts.flatMap(\.wrong).isEmpty, "certified but invalid for GEOS: \(counts.flatMap(\.wrong).prefix(5))")
        #expect(communes > 34_000)
        #expect(Double(certified) >= 0.99 * Double(valid), "certified \(certified) of \(valid) valid communes (\(communes) read)")
        print("validity certificates: \(certified) of \(communes) communes proved valid in Swift, \(valid) valid for GEOS")
    }

    @Test(.enabled(if: Fixtures.realData("gapZonesAndSitingSpanEveryPartition") != nil))
    func gapZonesAndSitingSpanEveryPartition() throws {
        let root = try #require(Fixtures.realData())
        let study = try StudyLoader.load(Self.sources(root)).study
        #expect(study.areas.contains { $0.id.hasPrefix("973") } && study.areas.contains { $0.id.hasPrefix("976") })
        var o = GapsAnalysis.Options()
        o.travelKind = .hospital
        o.minutesAbove = 30
        let gaps = try GapsAnalysis.run(study, options: o)
        let departments = Set(gaps.zones.flatMap { $0.communes.map { MetricCRS.department(ofCommune: study.areas[$0].id) } })
        #expect(departments.contains("973"), "Guyane's communes far from any hospital form zones too")
        #expect(gaps.zones.count > 50)
        // Each zone lies in one partition, and its WGS84 polygon is where its communes are.
        for z in gaps.zones.prefix(20) {
            let box = z.geometry.boundingBox
            let commune = study.areas[z.communes[0]].geometry.boundingBox
            #expect(box.intersects(commune), "zone \(z.rank)")
        }
        var s = SitingAnalysis.Options(kind: .hospital)
        s.k = 2
        s.thresholdMinutes = 30
        let siting = try SitingAnalysis.run(study, options: s)
        #expect(siting.chosen.count == 2 && siting.after.populationBeyond < siting.before.populationBeyond)
        print("national gaps: \(gaps.zones.count) zones in \(departments.count) départements; siting: \(siting.chosen.map(\.name))")
    }

    @Test(.enabled(if: Fixtures.realData("nationalMapHasTheFiveOverseasInsetsAndTheChainAcceptsMissingValues") != nil))
    func nationalMapHasTheFiveOverseasInsetsAndTheChainAcceptsMissingValues() throws {
        let root = try #require(Fixtures.realData())
        let study = try StudyLoader.load(Self.sources(root)).study
        var t = TravelAnalysis.Options()
        t.cost.maxMinutes = 30
        let travel = try TravelAnalysis.run(study, options: t)
        try Fixtures.withTemporaryDirectory { dir in
            let layer = dir.appendingPathComponent("fr.geojson")
            try travel.table.write(to: layer, inputs: [])
            let svg = dir.appendingPathComponent("fr.svg")
            let summary = try MapMaker.make(layer, options: MapMaker.Options(field: "hospital_minutes"), output: svg, inputs: [])
            guard case .array(let insets)? = summary["insets"] else { Issue.record("no insets"); return }
            let names = insets.compactMap { if case .object(let p) = $0 { p["name"]?.stringValue } else { nil } }
            #expect(names == ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"])
            #expect(summary["polygons_drawn"] == .number(Double(study.areas.count)), "nothing dropped")
            let unreachable = travel.kinds[0].nearest.filter { $0 == nil }.count
            #expect(summary["unreachable"] == .number(Double(unreachable)) && unreachable > 0)
            #expect(summary["no_data"] == .number(0))
            let text = try String(contentsOf: svg, encoding: .utf8)
            #expect(text.contains("id=\"insets\"") && text.contains(">Mayotte</text>"))
            if let png = try SVGRenderer.render(svg) { #expect(png > 100_000) }
            // distance → inequality: Mayotte's communes have no population, far ones no time; both counted, none fatal.
            let table = try InequalityAnalysis.read(layer, options: InequalityAnalysis.Options(value: "hospital_minutes"))
            #expect(table.leftOut["missing population"] == 17)
            #expect((table.leftOut["unreachable"] ?? 0) > 0)
            #expect(table.codes.count + table.leftOut.values.reduce(0, +) == study.areas.count)
        }
    }

    @Test(.enabled(if: Fixtures.realData("aRegionalStudyWithABufferHasNoSiteRatioAboveTheNationalMaximum") != nil))
    func aRegionalStudyWithABufferHasNoSiteRatioAboveTheNationalMaximum() throws {
        let root = try #require(Fixtures.realData())
        var sources = try Self.sources(root)
        let national = try AccessAnalysis.run(StudyLoader.load(sources).study, options: AccessAnalysis.Options())
        let nationalMax = national.siteRatios.compactMap { $0 }.max()!
        sources.departements = ["03", "15", "43", "63"]
        let loaded = try StudyLoader.load(sources)
        let auvergne = try AccessAnalysis.run(loaded.study, options: AccessAnalysis.Options())
        #expect(auvergne.study.areas.allSatisfy { ["03", "15", "43", "63"].contains(MetricCRS.department(ofCommune: $0.id)) })
        #expect(auvergne.study.areas.count == auvergne.access.count && auvergne.access.count > 1_000)
        let regionalMax = auvergne.siteRatios.compactMap { $0 }.max()!
        #expect(regionalMax <= nationalMax, "\(regionalMax) vs national \(nationalMax)")
        // Without the buffer, a hospital near the border gets an absurd ratio.
        sources.bufferKm = 0
        let cut = try AccessAnalysis.run(StudyLoader.load(sources).study, options: AccessAnalysis.Options())
        #expect(cut.siteRatios.compactMap { $0 }.max()! > nationalMax)
        // The buffer changes nothing far from the border: Clermont-Ferrand's access is the national one.
        let code = "63113"
        let inRegion = auvergne.study.areas.firstIndex { $0.id == code }!, inFrance = national.study.areas.firstIndex { $0.id == code }!
        #expect(abs(auvergne.access[inRegion] - national.access[inFrance]) < 1e-12)
        print("Auvergne: max site ratio \(regionalMax) with a 50 km buffer, national max \(nationalMax)")
    }

    /// With the travel rule alone the buffer changes nothing, so the zones of a regional study
    /// (made on the projection and contiguity cut down to the study area) must equal those of the
    /// same départements loaded without a buffer (projected and made contiguous on their own).
    @Test(.enabled(if: Fixtures.realData("regionalGapZonesDoNotDependOnTheBufferForTravel") != nil))
    func regionalGapZonesDoNotDependOnTheBufferForTravel() throws {
        let root = try #require(Fixtures.realData())
        var sources = try Self.sources(root)
        sources.departements = ["03", "15", "43", "63"]
        var o = GapsAnalysis.Options()
        o.travelKind = .hospital
        o.minutesAbove = 20
        let buffered = try GapsAnalysis.run(StudyLoader.load(sources).study, options: o)
        sources.bufferKm = 0
        let alone = try GapsAnalysis.run(StudyLoader.load(sources).study, options: o)
        #expect(buffered.study.areas.map(\.id) == alone.study.areas.map(\.id))
        #expect(buffered.zones.count == alone.zones.count && buffered.zones.count > 5)
        for (a, b) in zip(buffered.zones, alone.zones) {
            #expect(a.communes == b.communes && abs(a.population - b.population) < 1e-6 && abs(a.areaKm2 - b.areaKm2) < 1e-9)
        }
    }
}

