import Foundation
import Accessibility
import GeoIO

/// The files that replace the published APL and E2SFCA parameters (``APLParameters``,
/// ``DistanceDecay/luoQi``): CSV tables read with the file and line of any bad value.
extension APLParameters {
    /// Reads `upto,weight` bands (minutes, weight), sorted by their upper bound.
    package static func bands(from url: URL) throws -> DistanceDecay {
        let table = try CSVTable.read(contentsOf: url)
        let upto = try table.column("upto"), weight = try table.column("weight")
        let bands = try table.rows.enumerated().map { r, row -> DistanceDecay.Band in
            guard let u = Double(row[upto]), let w = Double(row[weight]), u > 0, u.isFinite, w >= 0, w.isFinite else {
                throw InputError(file: table.file, line: table.lineNumbers[r], message: "a band needs upto > 0 and weight ≥ 0")
            }
            return DistanceDecay.Band(upTo: u, weight: w)
        }
        return .steps(bands.sorted { $0.upTo < $1.upTo })
    }

    /// Reads `group,weight` age weights; a group may be written with or without `age_`.
    package static func ageWeights(from url: URL) throws -> [String: Double] {
        let table = try CSVTable.read(contentsOf: url)
        let group = try table.column("group"), weight = try table.column("weight")
        var out: [String: Double] = [:]
        for (r, row) in table.rows.enumerated() {
            guard let w = Double(row[weight]), w >= 0, w.isFinite else {
                throw InputError(file: table.file, line: table.lineNumbers[r], field: "weight", message: "'\(row[weight])' is not a non-negative weight")
            }
            out[row[group].hasPrefix("age_") ? String(row[group].dropFirst(4)) : row[group]] = w
        }
        return out
    }
}
