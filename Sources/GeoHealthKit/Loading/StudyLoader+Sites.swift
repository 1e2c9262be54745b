import Foundation
import GeoCore
import GeoIO

extension StudyLoader {
    /// The sites of every site file, checked (no id in two files, `kind` not given in vain,
    /// placed against the areas as read), in the order of their ids; the summary lists each
    /// file and the counts by kind.
    static func gatherSites(
        _ sources: StudySources, _ reads: [Result<SiteTable.Result, any Error>], bounds: SiteBoundsCheck?, summary: inout Summary
    ) throws -> [Site] {
        var sites: [Site] = []
        var siteFiles: [PropertyValue] = []
        for (source, read) in zip(sources.sites, reads) {
            let result = try read.get()
            if let clash = sites.first(where: { s in result.sites.contains { $0.id == s.id } }) {
                throw InputError(file: source.url.relativePath, message: "site id '\(clash.id)' is also in an earlier site file")
            }
            if let kind = source.kind, result.ofTheGivenKind == 0, !result.sites.isEmpty {
                throw ParameterError(.ignored, "\(.defaultSiteKind) \(kind): every site of \(source.url.relativePath) has a kind of its own, "
                                     + "so \(.defaultSiteKind) (the kind of sites without one) would change nothing; "
                                     + "to keep only some kinds, use \(.siteKind) \(kind)")
            }
            let placed = try bounds?.check(result.sites, file: source.url.relativePath, columns: result.lonLatColumns,
                                           geoJSON: LayerReader.isLayer(source.url))
            if let warning = placed?.warning { Progress.warn(warning) }
            sites += result.sites
            siteFiles.append(.object(describe(result, file: source.url, outside: placed?.outside ?? [])))
        }
        if !sources.sites.isEmpty {
            let study = Study(areas: [], sites: sites)
            summary["sites"] = .object(Properties([
                ("files", .array(siteFiles)),
                ("by_kind", .rows(study.siteCountsByKind) { [("kind", .string($0.kind.rawValue)), ("sites", .int($0.count))] }),
            ]))
        }
        // Sites in the order of their ids, not of the files' rows: ties between sites at the
        // same distance are then broken the same way whatever order the registry lists them
        // in, and every list of sites in the outputs is in that order (input order changes
        // no output byte; tested on the national registry shuffled).
        sites.sort { $0.id < $1.id }
        return sites
    }

    /// One site file in the summary: its sites, those without location or left out, and those
    /// outside the areas.
    static func describe(_ result: SiteTable.Result, file url: URL, outside: [String]) -> Properties {
        var file = Properties([
            ("file", .string(url.relativePath)),
            ("sites", .int(result.sites.count)),
            ("without_location", .strings(result.withoutLocation)),
            ("left_out", .rows(result.leftOut.sorted { $0.key < $1.key }) { [("reason", .string($0.key)), ("rows", .int($0.value))] }),
        ])
        if !outside.isEmpty {
            // A count and the first ids: a département studied with the national registry
            // has some 1,500 sites outside its communes.
            file["sites_outside_the_areas"] = .int(outside.count)
            file["outside_the_areas"] = .strings(Array(outside.prefix(20)))
        }
        return file
    }
}
