import Foundation
import GeoCore
import GeoHealthKit

/// `siting ROOT`: MCLP for acute-care hospitals (Centre Hospitalier…), 30-minute threshold,
/// every commune a candidate: k = 10 in Creuse, then k = 50 over metropolitan France.
func benchSiting(_ root: URL) throws {
    func study(_ areas: [URL]) throws -> Study {
        var sources = StudySources(areas: areas)
        sources.population = root.appendingPathComponent("population/donnees_communes.csv")
        sources.history = root.appendingPathComponent("population/mouvements-communes.csv")
        sources.historySince = "2018-01-01"
        sources.sites = [(root.appendingPathComponent("facilities/eurostat-healthcare-FR.csv"), .hospital)]
        var s = try StudyLoader.load(sources).study
        s.sites = s.sites.filter { $0.attributes["facility_type"]?.stringValue?.hasPrefix("Centre Hospitalier") == true }
        return s
    }
    let communes = root.appendingPathComponent("communes")
    for (label, files, k) in [
        ("Creuse (23)", [communes.appendingPathComponent("communes-23-creuse.geojson")], 10),
        ("metropolitan France", try geojsonFiles(in: communes, metropolitanOnly: true), 50),
    ] {
        let loadStart = Date()
        let s = try study(files)
        let loaded = seconds(since: loadStart)
        let start = Date()
        var o = SitingAnalysis.Options(kind: .hospital)
        o.k = k
        o.thresholdMinutes = 30
        let result = try SitingAnalysis.run(s, options: o)
        print("job: siting \(label), MCLP k = \(k), 30 min, \(s.areas.count) communes as candidates (study loaded in \(loaded) s)")
        print("chosen: \(result.chosen.count)\nnewly within 30 min: \(Int(result.chosen.reduce(0) { $0 + $1.newlyCovered }))")
        print("beyond 30 min: \(Int(result.before.populationBeyond)) → \(Int(result.after.populationBeyond))")
        print("seconds: \(seconds(since: start))")
    }
}
