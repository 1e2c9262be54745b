// GeoHealthBench: the benchmark jobs of docs/performance.md, one per argument.
//
//   GeoHealthBench read  DIR   parse every GeoJSON file of DIR (throughput in MB/s)
//   GeoHealthBench areas DIR   metropolitan communes → EPSG:2154 → area + point-on-surface
//   GeoHealthBench nearest ROOT  nearest Eurostat hospital from every metropolitan commune
//   GeoHealthBench coverage ROOT EPCI as member lists: dissolve + share of each commune inside
//   GeoHealthBench network N     road network of a synthetic département of N communes,
//                              2,000 sites, bounded searches of 30 minutes
//   GeoHealthBench router N      synthetic grid road graph of N nodes: contraction hierarchy
//                              (time, peak memory), 35,000 × 3,000 many-to-many within 60 min
//   GeoHealthBench access-prepare ROOT  writes bench-out/access/{communes,hospitals}.csv
//   GeoHealthBench access DIR    E2SFCA + Gini + Theil on those files (PySAL side by side)
//   GeoHealthBench siting ROOT   MCLP k = 10 in Creuse and k = 50 nationally (30 min, hospitals)
//   GeoHealthBench weights TABLE queen weights, Moran and LISA (999 permutations) of a national table
//   GeoHealthBench classify N    exact Fisher–Jenks natural breaks of N values (k = 5, 7)
//   GeoHealthBench roads FILE    a road file (.osm.pbf) read as --roads reads it: car profile,
//                              Lambert-93, urban cells (the synthetic national network: synth-roads)
//   GeoHealthBench prepare FILE  a road file (.osm.pbf): read, graph, contraction, 35,000 × 3,000
//                              many-to-many within 60 min (seconds and peak memory per step)
//   GeoHealthBench bindings N  N rounds of every GEOS/PROJ binding call, error paths included,
//                              for scripts/leak-check (valgrind)
//
// Times are wall-clock for the whole job, printed as `key: value` lines; peak memory is
// measured from outside with `/usr/bin/time -v` by scripts/benchmark.
import Foundation
import GeoCore
import GeoHealthKit
import GeoIO

func geojsonFiles(in dir: URL, metropolitanOnly: Bool) throws -> [URL] {
    try StudySources.geojsonFiles(at: dir).filter { !metropolitanOnly || !$0.lastPathComponent.hasPrefix("communes-97") }
}

func benchRead(_ dir: URL) throws {
    let files = try geojsonFiles(in: dir, metropolitanOnly: false)
    let start = Date()
    var features = 0, coordinates = 0, bytes = 0
    for file in files {
        bytes += (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        _ = try GeoJSONReader.read(contentsOf: file) { _, feature in
            features += 1
            coordinates += feature.geometry?.coordinateCount ?? 0
        }
    }
    let seconds = Date().timeIntervalSince(start)
    print("job: read\nfiles: \(files.count)\nfeatures: \(features)\ncoordinates: \(coordinates)")
    print("megabytes: \(String(format: "%.1f", Double(bytes) / 1e6))")
    print("seconds: \(String(format: "%.3f", seconds))\nMB/s: \(String(format: "%.1f", Double(bytes) / 1e6 / seconds))")
}

func benchAreas(_ dir: URL) throws {
    let files = try geojsonFiles(in: dir, metropolitanOnly: true)
    let start = Date()
    let measured = try BindingAreaJob.measureFiles(files, crs: .lambert93)
    let seconds = Date().timeIntervalSince(start)
    let count = measured.reduce(0) { $0 + $1.ids.count }
    let total = measured.reduce(0) { $0 + $1.totalArea }
    print("job: areas (metropolitan communes, EPSG:2154, area + point-on-surface)")
    print("files: \(files.count)\nfeatures: \(count)")
    print("total area km2: \(String(format: "%.3f", total / 1e6))")
    print("seconds: \(String(format: "%.3f", seconds))")
}

let arguments = CommandLine.arguments
guard arguments.count == 3,
    let job = [
        "read": benchRead, "areas": benchAreas, "bindings": bindingRounds, "nearest": benchNearest, "coverage": benchCoverage, "network": benchNetwork, "router": benchRouter,
        "access-prepare": prepareAccess, "access": benchAccess, "siting": benchSiting, "classify": benchClassify, "weights": benchWeights,
        "roads": benchRoads, "prepare": benchPreparation,
    ][arguments[1]]
else {
    FileHandle.standardError.write(
        Data("usage: GeoHealthBench read|areas|access DIR | nearest|coverage|access-prepare|siting ROOT | network|router|bindings|classify N | roads|prepare FILE\n".utf8))
    exit(64)
}
do {
    try job(URL(fileURLWithPath: arguments[2]))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
