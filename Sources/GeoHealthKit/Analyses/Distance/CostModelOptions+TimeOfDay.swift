import Foundation
import Accessibility
import GeoCore
import GeoIO

extension CostModelOptions {
    /// The speed factors by time of day: the file ``speedFactors`` (CSV `from,to,urban,rural`,
    /// ``TimeOfDayFactors/parse(rows:)``) or the default table (``TimeOfDayFactors/standard``).
    /// - Throws: ``InputError`` naming the file, the line and the field of a time or factor that
    ///   does not read, or the gaps and overlaps of the periods.
    package func speedFactorTable() throws -> TimeOfDayFactors {
        guard let speedFactors else { return .standard }
        let table = try CSVTable.read(contentsOf: speedFactors)
        let names = ["from", "to", "urban", "rural"]
        let columns = try names.map { try table.column($0) }
        do {
            return try TimeOfDayFactors.parse(rows: table.rows.map { ($0[columns[0]], $0[columns[1]], $0[columns[2]], $0[columns[3]]) })
        } catch let problem as TimeOfDayFactors.Problem {
            throw InputError(
                file: table.file, line: problem.period.map { table.lineNumbers[$0] }, field: problem.field.flatMap { f in names.firstIndex(of: f).map { table.header[columns[$0]] } },
                message: problem.message)
        }
    }

    /// Records the time of day and its factors in `notes` (`time_of_day`, `speed_factors`,
    /// `speed_factor_urban`, `speed_factor_rural`); nothing without a time of day. The network
    /// branch of the model calls it, and ``model(for:study:)`` refuses a time of day that left no
    /// such note.
    /// - Throws: what ``speedFactorTable()`` throws.
    package func recordTimeOfDay(in notes: inout Properties) throws {
        guard let timeOfDay else { return }
        let table = try speedFactorTable()
        notes["time_of_day"] = .string(TimeOfDayFactors.clock(timeOfDay))
        notes["speed_factors"] = .string(speedFactors?.relativePath ?? "standard")
        notes["speed_factor_urban"] = .number(table.factor(at: timeOfDay, urban: true))
        notes["speed_factor_rural"] = .number(table.factor(at: timeOfDay, urban: false))
    }

    /// The roads with their speeds at ``timeOfDay`` (unchanged without one): each road's speed ×
    /// the factor of its period and setting (`urban[i]`: the urban rule of `docs/roads.md` §3,
    /// decided by the road reader).
    /// - Throws: what ``speedFactorTable()`` throws.
    package func roadsAtTimeOfDay(_ roads: [RoadNetwork.Road], urban: [Bool]) throws -> [RoadNetwork.Road] {
        guard let timeOfDay else { return roads }
        return try speedFactorTable().applying(at: timeOfDay, to: roads, urban: urban)
    }

    /// Refuses a time of day the model did not apply (no `time_of_day` note: a road reader that
    /// gives no urban or rural setting per road), rather than let it pass for applied.
    func checkTimeOfDayApplied(_ notes: Properties) throws {
        guard timeOfDay != nil, notes["time_of_day"] == nil else { return }
        throw ParameterError(.ignored, "\(.timeOfDay) needs the roads' urban or rural setting (docs/roads.md §3), which this road reader does not give")
    }

    /// What changes a prepared road graph besides the roads and the speed file (`docs/roads.md`
    /// §6): the time of day (`time_of_day=18:00`) and the factor file's SHA-256
    /// (`speed_factors=sha256:…`, or `speed_factors=standard`). Empty without a time of day: the
    /// graph of free-flow speeds.
    package var graphKeyParts: [String] {
        guard let timeOfDay else { return [] }
        var parts = ["time_of_day=" + TimeOfDayFactors.clock(timeOfDay)]
        if let speedFactors {
            let hash = (try? Provenance.sha256(speedFactors).hex).map { "sha256:" + $0 } ?? "unreadable:" + speedFactors.path
            parts.append("speed_factors=" + hash)
        } else {
            parts.append("speed_factors=standard")
        }
        return parts
    }
}
