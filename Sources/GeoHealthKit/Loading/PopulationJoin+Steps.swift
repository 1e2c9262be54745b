import Foundation
import GeoCore

/// The steps of ``PopulationJoin/apply(_:to:history:)``, in their order.
extension PopulationJoin {
    /// The table's row of each key (its first; later rows of a key are listed in `duplicates`).
    static func rowIndex(_ table: PopulationTable, duplicates: inout [String]) -> [String: Int] {
        var rowOf: [String: Int] = [:]
        rowOf.reserveCapacity(table.keys.count)
        for (r, key) in table.keys.enumerated() {
            if rowOf[key] == nil { rowOf[key] = r } else { duplicates.append(key) }
        }
        return rowOf
    }

    /// The code each area joins at (1–2): its own when the table has it, else the code its
    /// commune merged into that the table has (through the history); nil when neither.
    static func targets(of areas: [Area], rowOf: [String: Int], history: CommuneHistory?) -> [String?] {
        var target: [String?] = areas.indices.map { i in rowOf[areas[i].id] != nil ? areas[i].id : nil }  // by index: no copy of each area
        if let history {
            for i in areas.indices where target[i] == nil {
                target[i] = history.currentCode(of: areas[i].id, exists: { rowOf[$0] != nil })
            }
        }
        return target
    }

    /// The areas grouped by joined code c: codes[c], its first area first[c] (where the joined
    /// area is kept) and — only for codes that several areas reach — all of them (no array per
    /// code otherwise); the others of a merge are not kept.
    struct Grouping {
        var codes: [String] = [], first: [Int] = []
        var several: [Int: [Int]] = [:]
        var kept: [Bool]

        /// Groups `areas` by `target`; areas without one are listed in `without`.
        init(_ target: [String?], areas: [Area], without: inout [String]) {
            kept = [Bool](repeating: true, count: areas.count)
            var slot: [String: Int] = [:]
            slot.reserveCapacity(areas.count)
            codes.reserveCapacity(areas.count)
            first.reserveCapacity(areas.count)
            for i in areas.indices {
                guard let code = target[i] else {
                    without.append(areas[i].id)
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
        }
    }

    /// Each joined code's area: the merged ones dissolved (in parallel), the others renamed to
    /// their code when they joined through the history; each takes its row's population.
    /// Returns the rows used.
    static func join(_ g: Grouping, table: PopulationTable, rowOf: [String: Int], areas: inout [Area], origin: inout [Int?],
                     report: inout Report) throws -> [Bool] {
        var used = [Bool](repeating: false, count: table.keys.count)  // per table row
        let merging = g.several.keys.sorted()
        let dissolved = try Dictionary(uniqueKeysWithValues: zip(merging, merging.concurrentMap { [areas, several = g.several, codes = g.codes] c in
            try dissolve(several[c]!.map { areas[$0] }, as: codes[c])
        }.map { try $0.get() }))
        for c in g.codes.indices {
            let code = g.codes[c], p = g.first[c]
            if let area = dissolved[c] {
                areas[p] = area
                origin[p] = nil
            } else if areas[p].id != code {
                areas[p].sourceIDs = [areas[p].id]
                areas[p].id = code
            }
            let sources = areas[p].sourceIDs
            if sources.count != 1 || sources[0] != code { report.merged.append(Merge(code: code, sources: sources)) } else { report.matchedDirectly += 1 }
            let row = rowOf[code]!
            setPopulation(of: &areas[p], row: row, table: table)
            used[row] = true
        }
        return used
    }

    /// Drops the other areas of each merge, moving the kept ones down in order (no copy).
    static func dropMerged(_ areas: inout [Area], kept: [Bool], origin: inout [Int?]) {
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
    }

    /// The rows left (3–4): an arrondissement's added to its whole commune's area when that has
    /// no row of its own; a commune restored out of an existing area added to it; the others
    /// listed as rows without area.
    static func poolRows(of table: PopulationTable, rowOf: [String: Int], used: [Bool], history: CommuneHistory?,
                         into areas: inout [Area], report: inout Report) {
        var used = used
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
    }
}
