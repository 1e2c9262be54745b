import Foundation

/// Reading an input file's bytes: memory-mapped (large layers are not copied), and a failure
/// is an ``InputError`` naming the file. A spreadsheet workbook (`.xlsx`, `.xls`, `.ods`) is
/// refused with what to give instead: GeoHealth writes workbooks, it reads tables as CSV.
package enum InputFile {
    /// Spreadsheet extensions, refused as inputs.
    static let workbooks: Set<String> = ["xlsx", "xlsm", "xls", "ods"]

    package static func mapped(_ url: URL) throws -> Data {
        if workbooks.contains(url.pathExtension.lowercased()) {
            throw InputError(file: url.relativePath, message: "is a spreadsheet workbook, which GeoHealth writes but does not read: "
                                 + "give the table as .csv, .geojson or .gpkg, or save the sheet as CSV UTF-8")
        }
        // An empty regular file is not handed to Foundation: swift-foundation (Swift 6.3, Linux)
        // leaks a 4 KB buffer for every empty file `Data(contentsOf:)` reads (found by the
        // fuzzer's LeakSanitizer).
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == 0 {
            return Data()
        }
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw InputError(file: url.relativePath, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}
