import Foundation
import GeoCore
import GeoIO
import GEOSBridge
import Projection

extension SyntheticTerritory {
    /// The files of a study folder (the names ``StudySources/discover(in:)`` looks for).
    package static let fileNames = [
        "communes.geojson", "population.csv", "history.csv", "sites.csv", "generalistes.csv", "population-grid.csv", "cpts.csv", "roads.geojson", "roads.osm.pbf", "README.md",
    ]

    /// Writes the study folder in WGS84 (GeoJSON at 6 decimals, about 0.1 m), atomically.
    package func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let toWGS84 = try CoordinateTransformer.shared(from: .lambert93, to: .wgs84)
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

        var features: [Feature] = []
        let restoredInto = restoration.map { (from: $0.from, restored: $0.restored) }
        for i in seats.indices where restoredInto?.restored != i {
            var geometry = cells[i]
            if let r = restoredInto, r.from == i { geometry = try Self.union(cells[i], cells[r.restored]) }
            features.append(
                Feature(geometry: try toWGS84.transformed(geometry), properties: Properties([("code", .string(codes[i])), ("nom", .string(names[i]))])))
        }
        try GeoJSONWriter.write(features, to: file("communes.geojson"))

        // ZONE: "urbain" from 2,000 inhabitants (the INSEE threshold of an unité urbaine), else "rural".
        let header = ["COM", "Commune", "ZONE", "PMUN"] + ageGroups.map { "age_" + $0 }
        var rows: [[String]] = []
        for i in seats.indices where !merges.contains(where: { $0.absorbed == i }) {
            var total = population[i], byAge = ages[i]
            for m in merges where m.into == i {
                total += population[m.absorbed]
                byAge = zip(byAge, ages[m.absorbed]).map { $0 + $1 }
            }
            rows.append([codes[i], names[i], total >= 2_000 ? "urbain" : "rural", String(total)] + byAge.map(String.init))
        }
        try OutputFile.write(Array(Self.semicolonCSV(header: header, rows: rows).utf8), to: file("population.csv"))
        try CSVWriter.write(header: Self.historyHeader, rows: historyRows(), to: file("history.csv"))

        var points = sites.map(\.location)
        try toWGS84.transform(&points)
        let siteRows = zip(sites, points).map { s, p in
            [
                s.id, s.name, s.kind.rawValue, NumberFormatting.string(p.x, precision: 6), NumberFormatting.string(p.y, precision: 6),
                NumberFormatting.string(s.capacity, precision: 1), codes[s.commune],
            ]
        }
        try CSVWriter.write(header: ["id", "name", "kind", "lon", "lat", "capacity", "commune"], rows: siteRows, to: file("sites.csv"))

        let gps = practitioners()
        var gpPoints = gps.map(\.location)
        try toWGS84.transform(&gpPoints)
        let gpRows = zip(gps, gpPoints).map { g, p in
            [
                g.id, g.kind == .healthCentre ? "Médecin salarié, centre de santé" : "Médecin généraliste libéral", g.kind.rawValue,
                NumberFormatting.string(p.x, precision: 6), NumberFormatting.string(p.y, precision: 6), String(g.activity), g.newPractitioner ? "1" : "0",
                g.site ?? "", codes[g.commune], String(g.age),
            ]
        }
        try CSVWriter.write(
            header: ["id", "name", "kind", "lon", "lat", "activity", "new_practitioner", "site", "commune", "age"], rows: gpRows, to: file("generalistes.csv"))

        // INSEE (Filosofi) layout: the cell id carries CRS, size and lower-left corner; Ind = residents.
        let gridRows = try populationGrid().map { ["CRS3035RES1000mN\($0.y)E\($0.x)", String($0.count)] }
        try CSVWriter.write(header: ["Idcar_1km", "Ind"], rows: gridRows, to: file("population-grid.csv"))

        var memberships: [[String]] = []
        for t in cpts {
            var listed: [String] = []
            for m in t.members where !listed.contains(currentCode(m)) { listed.append(currentCode(m)) }
            memberships += listed.map { [t.id, t.name, $0] }
        }
        try CSVWriter.write(header: ["territory", "name", "code"], rows: memberships, to: file("cpts.csv"))

        let roadFeatures = try roads.map { road in
            var props = Properties([("highway", .string(road.highway)), ("name", .string(road.name))])
            if let speed = road.maxspeed { props["maxspeed"] = .string(String(speed)) }
            if road.oneway { props["oneway"] = .string("yes") }
            return Feature(geometry: try toWGS84.transformed(.lineString(road.coordinates)), properties: props)
        }
        try GeoJSONWriter.write(roadFeatures, to: file("roads.geojson"))
        try writeOpenStreetMap(to: file("roads.osm.pbf"))
        try OutputFile.write(Array(readme().utf8), to: file("README.md"))
    }

    static func union(_ a: Geometry, _ b: Geometry) throws -> Geometry {
        let context = GEOSContext.current
        let polygons = try context.geometry(a).union(context.geometry(b)).geometry().polygons
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
    }

    static func semicolonCSV(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
    }

    /// The INSEE "mouvements des communes" header (COG), all columns.
    static let historyHeader = [
        "MOD", "DATE_EFF", "TYPECOM_AV", "COM_AV", "TNCC_AV", "NCC_AV", "NCCENR_AV", "LIBELLE_AV", "TYPECOM_AP", "COM_AP", "TNCC_AP", "NCC_AP", "NCCENR_AP",
        "LIBELLE_AP",
    ]

    func historyRows() -> [[String]] {
        func row(_ mod: Int, _ date: String, _ typeBefore: String, _ before: Int, _ typeAfter: String, _ after: Int) -> [String] {
            [String(mod), date, typeBefore, codes[before], "0", names[before].uppercased(), names[before], names[before],
             typeAfter, codes[after], "0", names[after].uppercased(), names[after], names[after]]
        }
        var rows: [[String]] = []
        if let r = restoration {
            rows.append(row(21, "2025-01-01", "COM", r.from, "COM", r.restored))
            rows.append(row(21, "2025-01-01", "COM", r.from, "COM", r.from))
        }
        for m in merges {
            rows.append(row(32, "2024-01-01", "COM", m.absorbed, "COM", m.into))
            rows.append(row(32, "2024-01-01", "COM", m.absorbed, "COMD", m.absorbed))
            rows.append(row(32, "2024-01-01", "COM", m.into, "COM", m.into))
        }
        return rows
    }
}
