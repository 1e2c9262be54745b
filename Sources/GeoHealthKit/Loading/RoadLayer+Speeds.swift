import Foundation
import Accessibility
import GeoIO

extension RoadLayer {
    /// A speed file (docs/roads.md §3): CSV `highway,kmh` (one speed for both settings) or
    /// `highway,rural_kmh,urban_kmh`, each row overriding or adding a class of the default
    /// table; a class given a speed is a class a car may use (`track,15` adds tracks), and
    /// `ferry` sets the ferries' speed. Every speed must be a positive number.
    package static func speeds(from url: URL) throws -> SpeedTable {
        let table = try CSVTable.read(contentsOf: url)
        let cls = try table.column("highway")
        let single = table.firstColumn(among: ["kmh"])
        let rural = single == nil ? try table.column("rural_kmh") : nil
        let urban = single == nil ? try table.column("urban_kmh") : nil
        var speeds = SpeedTable()
        for (r, row) in table.rows.enumerated() {
            func kmh(_ column: Int, _ field: String) throws -> Double {
                let cell = column < row.count ? row[column] : ""
                guard let v = table.number(cell), v > 0, v.isFinite else {
                    throw InputError(file: table.file, line: table.lineNumbers[r], field: field, message: "'\(cell)' is not a positive speed")
                }
                return v
            }
            let name = cls < row.count ? row[cls].trimmingCharacters(in: .whitespaces) : ""
            guard !name.isEmpty else { throw InputError(file: table.file, line: table.lineNumbers[r], field: "highway", message: "no road class") }
            if let single {
                speeds.classes[name] = SpeedTable.Speeds(try kmh(single, "kmh"))
            } else if let rural, let urban {
                speeds.classes[name] = SpeedTable.Speeds(rural: try kmh(rural, "rural_kmh"), urban: try kmh(urban, "urban_kmh"))
            }
        }
        return speeds
    }
}
