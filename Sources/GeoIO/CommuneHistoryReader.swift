import Foundation
import GeoCore

extension CommuneHistory {
    /// Reads an INSEE "mouvements des communes" CSV (`MOD,DATE_EFF,TYPECOM_AV,COM_AV,…,TYPECOM_AP,COM_AP,…`).
    ///
    /// Only rows between communes (`TYPECOM_AV` and `TYPECOM_AP` both `COM`) are events that
    /// move a population code; delegated and associated communes (`COMD`, `COMA`) have no
    /// population of their own in the legal-population tables.
    package static func read(contentsOf url: URL, since: String = "0000-00-00") throws -> CommuneHistory {
        try CommuneHistory(table: CSVTable.read(contentsOf: url), since: since)
    }

    package init(table: CSVTable, since: String = "0000-00-00") throws {
        let mod = try table.column("MOD"), date = try table.column("DATE_EFF")
        let typeBefore = try table.column("TYPECOM_AV"), before = try table.column("COM_AV")
        let typeAfter = try table.column("TYPECOM_AP"), after = try table.column("COM_AP")
        var events: [Event] = []
        for (i, row) in table.rows.enumerated() {
            guard row[typeBefore] == "COM", row[typeAfter] == "COM" else { continue }
            guard let kind = Int(row[mod]) else {
                throw InputError(file: table.file, line: table.lineNumbers[i], field: "MOD", message: "'\(row[mod])' is not a number")
            }
            events.append(Event(kind: kind, date: row[date], from: row[before], to: row[after]))
        }
        self.init(events: events, since: since)
    }
}
