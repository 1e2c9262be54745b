import Foundation
import GeoCore
import GEOSBridge

/// Joins a population table to area polygons by code, optionally through the commune history,
/// so that polygons and populations of different vintages meet. Nothing is dropped silently:
/// every code that could not be joined is listed in the ``Report``.
///
/// Policy, in order:
/// 1. **Direct match**: the area's code is a key of the table.
/// 2. **Carried forward** (history): an area code missing from the table whose commune merged
///    into another (INSEE `MOD` 31–34, 41, 50) is followed to the code that exists in the table;
///    all polygons that arrive at one code are dissolved (GEOS union) into one area whose
///    `sourceIDs` lists the old codes. The population is the new commune's.
/// 3. **Restored** (history, `MOD` 21): a table row with no polygon whose commune was
///    restored out of an area that exists adds its residents to that area (its territory lies
///    inside the older polygon), and is listed.
/// 4. **Arrondissements** (Paris, Lyon, Marseille): a row of a municipal arrondissement with
///    no polygon adds its residents to the whole commune's area, when that area has no row of
///    its own (polygon layers such as the COG ones show the whole commune).
/// 5. What is left is reported: areas without population (population `nil`) and table rows
///    without polygon.
public enum PopulationJoin {
    public struct Merge: Hashable, Sendable {
        public var code: String
        public var sources: [String]
    }

    public struct Restoration: Hashable, Sendable {
        public var code: String
        public var into: String
    }

    public struct Report: Sendable {
        /// Arrondissement rows pooled into their commune (code → commune).
        public var arrondissements: [Restoration] = []
        public var matchedDirectly = 0
        public var merged: [Merge] = []
        public var restored: [Restoration] = []
        public var areasWithoutPopulation: [String] = []
        public var rowsWithoutArea: [String] = []
        public var duplicateRows: [String] = []
        public var rowsWithoutKey = 0
        public var populationJoined = 0.0
        public var populationUnjoined = 0.0
        /// Per joined area: the index of the area given whose polygon it kept unchanged (nil for
        /// a dissolved merge), so that work done on the areas before the join can be reused.
        public var unchangedSource: [Int?] = []
    }

    public static func apply(_ table: PopulationTable, to areas: inout [Area], history: CommuneHistory?) throws -> Report {
        var report = Report()
        report.rowsWithoutKey = table.rowsWithoutKey
        var rowOf: [String: Int] = [:]
        rowOf.reserveCapacity(table.keys.count)
        for (r, key) in table.keys.enumerated() {
            if rowOf[key] == nil { rowOf[key] = r } else { report.duplicateRows.append(key) }
        }

        // 1–2: resolve each area's code, then group areas that arrive at the same code.
        var target: [String?] = areas.indices.map { i in rowOf[areas[i].id] != nil ? areas[i].id : nil }  // by index: no copy of each area
        if let history {
            for i in areas.indices where target[i] == nil {
                target[i] = history.currentCode(of: areas[i].id, exists: { rowOf[$0] != nil })
            }
        }
        // Per joined code c: codes[c], its first area first[c] (where the joined area is kept)
        // and — only for codes that several areas reach — all of them (no array per code
        // otherwise). The areas are changed in place: the others of a merge are dropped at the end.
        var slot: [String: Int] = [:]
        var codes: [String] = [], first: [Int] = []
        var several: [Int: [Int]] = [:]
        var kept = [Bool](repeating: true, count: areas.count)
        var origin: [Int?] = areas.indices.map { $0 }
        for i in areas.indices {
            guard let code = target[i] else {
                report.areasWithoutPopulation.append(areas[i].id)
                continue
            }
            if let c = slot[code] {
                several[c, default: [first[c]]].append(i)
                kept[i] = false
            } else {
                slot[code] = codes.count
                codes.append(code)
                first.append(i)
            }
        }
        var used = [Bool](repeating: false, count: table.keys.count)  // per table row
        let merging = several.keys.sorted()
        let dissolved = try Dictionary(uniqueKeysWithValues: zip(merging, merging.concurrentMap { [areas, several, codes] c in
            try dissolve(several[c]!.map { areas[$0] }, as: codes[c])
        }.map { try $0.get() }))
        for c in codes.indices {
            let code = codes[c], p = first[c]
            if let area = dissolved[c] {
                areas[p] = area
                origin[p] = nil
            } else if areas[p].id != code {
                areas[p].sourceIDs = [areas[p].id]
                areas[p].id = code
            }
            let sources = areas[p].sourceIDs
            if sources.count != 1 || sources[0] != code { report.merged.append(Merge(code: code, sources: sources)) }
            else { report.matchedDirectly += 1 }
            let row = rowOf[code]!
            setPopulation(of: &areas[p], row: row, table: table)
            used[row] = true
        }
        // Drop the other areas of each merge, moving the kept ones down in order (no copy).
        let count = areas.withUnsafeMutableBufferPointer { buffer in  // a buffer swap moves, never copies
            var count = 0
            for i in buffer.indices where kept[i] {
                if i != count {
                    buffer.swapAt(i, count)
                    origin[count] = origin[i]
                }
                count += 1
            }
            return count
        }
        areas.removeLast(areas.count - count)
        origin.removeLast(origin.count - count)

        // 3–4: rows restored out of an existing area, or arrondissements of a whole commune.
        var position: [String: Int] = [:]
        for i in areas.indices { position[areas[i].id] = i }  // by index: no copy of each area
        for (r, key) in table.keys.enumerated() where !used[r] && rowOf[key] == r {
            guard let parent = CommuneHistory.municipalArrondissementParent(of: key), let i = position[parent], rowOf[parent] == nil else { continue }
            if areas[i].population == nil {
                areas[i].population = 0
                report.areasWithoutPopulation.removeAll { $0 == parent }
            }
            add(row: r, of: table, to: &areas[i])
            used[r] = true
            report.arrondissements.append(Restoration(code: key, into: parent))
        }
        for (r, key) in table.keys.enumerated() where !used[r] && rowOf[key] == r {
            if let parent = history?.restorationParent(of: key), let i = position[parent], areas[i].population != nil {
                add(row: r, of: table, to: &areas[i])
                report.restored.append(Restoration(code: key, into: parent))
            } else {
                report.rowsWithoutArea.append(key)
                report.populationUnjoined += table.population[r]
            }
        }
        report.populationJoined = areas.indices.reduce(0) { $0 + (areas[$1].population ?? 0) }
        report.unchangedSource = origin
        return report
    }

    private static func add(row r: Int, of table: PopulationTable, to area: inout Area) {
        area.population = (area.population ?? 0) + table.population[r]
        for (column, value) in zip(table.otherColumns, table.otherValues[r]) where area.attributes[column] == nil {
            area.attributes[column] = .string(value)
        }
        for (g, group) in table.ageGroups.enumerated() where !table.byAge.isEmpty {
            area.populationByAge[group, default: 0] += table.byAge[r][g]
        }
    }

    private static func setPopulation(of area: inout Area, row: Int, table: PopulationTable) {
        area.population = table.population[row]
        area.attributes.addMissing(zip(table.otherColumns, table.otherValues[row]).map { (key: $0, value: PropertyValue.string($1)) })
        if !table.byAge.isEmpty {
            area.populationByAge = Dictionary(uniqueKeysWithValues: zip(table.ageGroups, table.byAge[row]))
        }
    }

    /// Dissolves the polygons of merged communes into one area: GEOS coverage union (the
    /// communes of one layer share their boundaries exactly), the general union when the parts
    /// are not a clean coverage (``GEOSContext/dissolve(_:)``). The groups are dissolved in
    /// parallel, one GEOS context per thread.
    static func dissolve(_ parts: [Area], as code: String) throws -> Area {
        let context = GEOSContext.current
        let union = try context.dissolve(parts.map { try context.geometry($0.geometry) })
        let polygons = try union.geometry().polygons
        let geometry: Geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
        let main = parts.first { $0.id == code } ?? parts[0]
        return Area(
            id: code, name: main.name, geometry: geometry, attributes: main.attributes,
            sourceIDs: parts.flatMap(\.sourceIDs).sorted())
    }
}
