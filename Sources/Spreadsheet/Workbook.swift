import Foundation
import GeoIO

/// An `.xlsx` workbook (Office Open XML, ECMA-376) of ``Sheet``s, written through Debian's
/// libxlsxwriter in one go: ``write(to:inputs:)`` builds the file beside its target under a
/// temporary name and renames it over the target when it is whole, like every GeoHealth output;
/// a failure leaves nothing behind, and an input is never overwritten.
///
/// The file is the same bytes for the same sheets: its creation date (``created``) is fixed,
/// not the time of writing.
package struct Workbook: Sendable {
    package var sheets: [Sheet]
    /// The document's creation date (`docProps/core.xml`).
    package var created: Date

    package init(sheets: [Sheet], created: Date = Workbook.defaultCreated) {
        self.sheets = sheets
        self.created = created
    }

    /// `SOURCE_DATE_EPOCH` when set (``SourceDateEpoch``), else 1980-01-01T00:00:00Z (the first
    /// date a ZIP entry can carry), so that the same table always gives the same bytes.
    package static var defaultCreated: Date { SourceDateEpoch.date() ?? Date(timeIntervalSince1970: 315_532_800) }

    /// The most rows a sheet holds (Excel's limit, 2^20, header included).
    package static let maxRows = 1_048_576

    /// Writes the workbook to `url` atomically.
    /// - Throws: `InputError` naming the file when its folder does not exist, `url` is one of
    ///   `inputs` or not a regular file, a sheet name is refused (``check()``), a sheet has too
    ///   many rows, or libxlsxwriter fails (its message).
    package func write(to url: URL, inputs: [URL] = []) throws {
        try OutputFile.checkTarget(url, inputs: inputs)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(file: url.relativePath, message: "cannot create a file in \(folder.path): no such folder")
        }
        let temporary = OutputFile.temporaryURL(for: url)
        do {
            try check()
            try XLSXFile.write(self, to: temporary.path)
            try OutputFile.replace(url, with: temporary)
        } catch let error as SpreadsheetError {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: url.relativePath, message: "cannot write the workbook: \(error)")
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Throws unless every sheet has a name Excel accepts (1 to 31 characters, none of
    /// `[ ] : * ? / \`, no apostrophe at either end), distinct from the others ignoring case,
    /// and at most ``maxRows`` rows with its header.
    package func check() throws {
        var seen = Set<String>()
        for sheet in sheets {
            let name = sheet.name
            guard !name.isEmpty, name.count <= Sheet.maxNameLength, !name.contains(where: Sheet.forbiddenNameCharacters.contains),
                  !name.hasPrefix("'"), !name.hasSuffix("'") else {
                throw SpreadsheetError("sheet name '\(name)': 1 to 31 characters, none of [ ] : * ? / \\, no apostrophe at either end")
            }
            guard seen.insert(name.lowercased()).inserted else { throw SpreadsheetError("two sheets are named '\(name)'") }
            guard sheet.rows.count < Self.maxRows else {
                throw SpreadsheetError("sheet '\(name)': \(sheet.rows.count) rows, more than a spreadsheet holds (\(Self.maxRows - 1))")
            }
        }
    }
}
