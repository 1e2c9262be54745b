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
    /// Areas dissolved into one (policy 2): the polygons of `sources` joined at the table's `code`.
    public struct Merge: Hashable, Sendable {
        /// The code the polygons arrived at, a key of the population table (the newer commune).
        public var code: String
        /// The area codes whose polygons were dissolved into it (the older communes).
        public var sources: [String]
    }

    /// A table row without polygon whose residents went to an existing area (policies 3 and 4).
    public struct Restoration: Hashable, Sendable {
        /// The row's code: a restored commune, or a municipal arrondissement.
        public var code: String
        /// The code of the area that took its residents (the commune it left, or the whole commune).
        public var into: String
    }

    /// What the join did and what it could not do; the loader's summary shows every list.
    public struct Report: Sendable {
        /// Arrondissement rows pooled into their commune (code → commune).
        public var arrondissements: [Restoration] = []
        /// Areas whose own code is a key of the table (policy 1).
        public var matchedDirectly = 0
        /// Areas dissolved through the commune history (policy 2), by code.
        public var merged: [Merge] = []
        /// Restored communes' rows pooled into the area they left (policy 3).
        public var restored: [Restoration] = []
        /// Codes of the areas no row joined: their population is `nil`.
        public var areasWithoutPopulation: [String] = []
        /// Codes of the table rows that joined no area (their residents are in ``populationUnjoined``).
        public var rowsWithoutArea: [String] = []
        /// Codes the table repeats: the first row of a code is used, each later one listed here.
        public var duplicateRows: [String] = []
        /// Table rows with an empty code, not joined.
        public var rowsWithoutKey = 0
        /// Residents joined to an area: the sum of the areas' populations after the join.
        public var populationJoined = 0.0
        /// Residents of the rows that joined no area.
        public var populationUnjoined = 0.0
        /// Per joined area: the index of the area given whose polygon it kept unchanged (nil for
        /// a dissolved merge), so that work done on the areas before the join can be reused.
        public var unchangedSource: [Int?] = []
    }

    /// Joins `table` to `areas` in place (merged areas dissolved, the others of a merge
    /// dropped) by the policy above; returns what was joined and what was not.
    package static func apply(_ table: PopulationTable, to areas: inout [Area], history: CommuneHistory?) throws -> Report {
        var report = Report()
        report.rowsWithoutKey = table.rowsWithoutKey
        let rowOf = rowIndex(table, duplicates: &report.duplicateRows)
        // 1–2: resolve each area's code, then group areas that arrive at the same code.
        let target = targets(of: areas, rowOf: rowOf, history: history)
        let grouping = Grouping(target, areas: areas, without: &report.areasWithoutPopulation)
        var origin: [Int?] = areas.indices.map { $0 }
        let used = try join(grouping, table: table, rowOf: rowOf, areas: &areas, origin: &origin, report: &report)
        dropMerged(&areas, kept: grouping.kept, origin: &origin)
        // 3–4: rows restored out of an existing area, or arrondissements of a whole commune.
        poolRows(of: table, rowOf: rowOf, used: used, history: history, into: &areas, report: &report)
        report.populationJoined = areas.indices.reduce(0) { $0 + (areas[$1].population ?? 0) }
        report.unchangedSource = origin
        return report
    }

    static func add(row r: Int, of table: PopulationTable, to area: inout Area) {
        area.population = (area.population ?? 0) + table.population[r]
        for (column, value) in zip(table.otherColumns, table.otherValues[r]) where area.attributes[column] == nil {
            area.attributes[column] = .string(value)
        }
        for (g, group) in table.ageGroups.enumerated() where !table.byAge.isEmpty {
            area.populationByAge[group, default: 0] += table.byAge[r][g]
        }
    }

    static func setPopulation(of area: inout Area, row: Int, table: PopulationTable) {
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
