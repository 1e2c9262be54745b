import Foundation

/// A fuzz input that is a whole study folder: sections introduced by a line `=== NAME`, NAME one
/// of the files a study folder holds (`communes.geojson`, `population.csv`, `history.csv`,
/// `sites.csv`, `cpts.csv`); bytes before the first such line are `communes.geojson`.
///
/// ```
/// {"type":"FeatureCollection","features":[…]}
/// === population.csv
/// COM,PMUN
/// 00001,100
/// ```
public struct StudyInput: Sendable {
    public static let names = ["communes.geojson", "population.csv", "history.csv", "sites.csv", "cpts.csv"]
    /// File name → bytes, for the sections present.
    public var files: [String: Data] = [:]

    public init(_ data: Data) {
        var name = "communes.geojson"
        var section = Data()
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if let next = Self.header(line) {
                files[name, default: Data()] += section
                (name, section) = (next, Data())
            } else {
                section += line + [UInt8(ascii: "\n")]
            }
        }
        files[name, default: Data()] += section
    }

    /// The file a `=== NAME` line introduces, if it is one.
    static func header(_ line: Data.SubSequence) -> String? {
        guard line.starts(with: Array("=== ".utf8)) else { return nil }
        let name = String(decoding: line.dropFirst(4), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return names.contains(name) ? name : nil
    }
}

/// The files of the targets whose readers take a path: one folder per process, overwritten by
/// each input (libFuzzer runs inputs one after the other).
public enum FuzzFiles {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geohealth-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// `data` written as `name` in the folder.
    static func write(_ data: Data, as name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// What ``TerritoryTable`` is given: a top-level array is a member list (`.json`), an object a
    /// GeoJSON layer, anything else a CSV of memberships.
    static func territoryExtension(_ data: Data) -> String {
        switch data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
        case UInt8(ascii: "["): "json"
        case UInt8(ascii: "{"): "geojson"
        default: "csv"
        }
    }

    /// A study folder holding exactly the sections of `input`.
    static func studyFolder(_ input: StudyInput) throws -> URL {
        let study = folder.appendingPathComponent("study")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        for name in StudyInput.names {
            let url = study.appendingPathComponent(name)
            if let data = input.files[name] { try data.write(to: url) } else { try? FileManager.default.removeItem(at: url) }
        }
        return study
    }
}
