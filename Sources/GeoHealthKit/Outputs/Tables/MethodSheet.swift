import Foundation
import GeoCore
import Spreadsheet

/// The "Méthode" sheet of an `.xlsx` table: how the numbers were made, four columns (rubrique,
/// clé, valeur, détail), in French for the planners who open it:
///
/// - `GeoHealth`: the version; `commande`: the command line as given;
/// - `résumé`: every figure and parameter of the command's summary (the detour factor, the
///   speed, the maximum minutes… that the command used, defaults included), by its path;
/// - `source`: every input file read (a folder by its layer files), its size in bytes and its
///   SHA-256 (FIPS 180-4), as the provenance of a study run lists them (``Provenance/files(_:)``);
/// - `lecture`: how to read the table (empty cells, flags, formats).
enum MethodSheet {
    static let name = "Méthode"
    static let columns = ["rubrique", "clé", "valeur", "détail"]

    static func sheet(context: TableContext?, summaryScalars: [(path: String, value: PropertyValue)], inputs: [URL], flagged: [String]) throws -> Sheet {
        var rows: [[Sheet.Cell]] = [[.text("GeoHealth"), .text("version"), .text(GeoHealthKitInfo.version), .empty]]
        if let context {
            let line = (["geohealth", context.command] + context.arguments).map(quotedArgument).joined(separator: " ")
            rows.append([.text("commande"), .text(context.command), .text(line), .empty])
        }
        for (path, value) in summaryScalars {
            rows.append([.text("résumé"), .text(path), WorkbookCells.cell(value), .empty])
        }
        for file in try Provenance.files(inputs) {
            rows.append([.text("source"), .text(file.path), .number(Double(file.bytes)), .text("SHA-256 \(file.sha256)")])
        }
        rows.append([.text("lecture"), .text("cellule vide"), .text("valeur manquante ; sa raison est dans sa propre colonne"), .empty])
        for column in flagged {
            let reason = "vide quand \(column)\(UnreachableFlags.suffix) est VRAI : aucun site à portée"
            rows.append([.text("lecture"), .text(column), .text(reason), .empty])
        }
        let numbers = "des nombres, non du texte ; le format (1 234,56 en français) ne change que l'affichage"
        rows.append([.text("lecture"), .text("nombres"), .text(numbers), .empty])
        return Sheet(name: name, columns: columns.map { Sheet.Column($0) }, rows: rows, autofilter: false)
    }

    /// An argument as a shell would need it: quoted when it holds a space or a quote.
    static func quotedArgument(_ a: String) -> String {
        guard a.isEmpty || a.contains(where: { " '\"\\$".contains($0) }) else { return a }
        return "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
