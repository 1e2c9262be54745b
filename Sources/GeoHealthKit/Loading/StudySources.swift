import Foundation
import GeoCore
import GeoIO

/// The files of a study and how to read them. Defaults follow the INSEE files
/// (`COM` code, `PMUN` municipal population) and the commune layers (`code`, `nom`).
public struct StudySources: Sendable {
    /// Commune polygons: GeoJSON files, read in parallel and joined into one layer
    /// (e.g. the 101 département files of a national study).
    public var areas: [URL]
    /// The areas' property holding the join code (default `code`, the INSEE commune code).
    public var areaIDField = "code"
    /// The areas' property holding their name (default `nom`).
    public var areaNameField = "nom"
    /// Population table (CSV); columns named `age_*` are read as age groups.
    public var population: URL?
    /// The population table's column holding the commune code (default `COM`, INSEE's).
    public var populationKey = "COM"
    /// The population table's column holding the residents (default `PMUN`, INSEE's population municipale).
    public var populationField = "PMUN"
    /// INSEE commune history (CSV), to join polygons and populations of different vintages.
    public var history: URL?
    /// Only history events on or after this date (`YYYY-MM-DD`, the polygons' vintage) are used.
    public var historySince = "0000-00-00"
    /// Site tables (CSV) with the kind to give rows that have no `kind` column.
    public var sites: [(url: URL, kind: SiteKind?)] = []
    /// CRS of site x/y columns when the table has no lon/lat columns.
    public var sitesCRS: CRS? = nil
    /// Territories: CSV (territory, commune code) or GeoJSON polygons.
    public var territories: URL?
    /// A regional study: only the communes of these départements are reported; those within
    /// `bufferKm` of them take part in catchments (``RegionalSelection``).
    public var departements: [String]?
    /// Width in km of the buffer around the ``departements`` whose communes take part in
    /// catchments without being reported (50 km unless set).
    public var bufferKm = RegionalSelection.defaultBufferKm
    /// How to read the site tables (columns, selection, kind map).
    package var siteSchema = SiteSchema()
    /// Other files read (a kind map), so that no output may overwrite them.
    public var extraInputs: [URL] = []
    /// Compute every area's surface and point on surface in its metric CRS (``metricCRS`` or the
    /// département's) while the populations are joined, on the core the join leaves idle
    /// (``StudyLoader/Loaded/measures``): for jobs that project the whole study without
    /// keeping its polygons (`distance`, `access`). Not done for a regional selection.
    public var measureAhead = false
    /// With ``measureAhead``, keep the areas' polygons projected to their metric CRS too
    /// (``StudyLoader/Loaded/projections``): for jobs that project the whole study keeping its
    /// polygons (`report`, whose gap zones and maps need them).
    package var projectAhead = false
    /// The metric CRS forced with `--crs`, for ``measureAhead``.
    public var metricCRS: CRS?

    /// Sources with the commune polygons `areas` and every other setting at its default (no
    /// population, history, sites or territories: set them, or use ``discover(in:)``).
    ///
    /// ```swift
    /// var sources = StudySources(areas: [URL(fileURLWithPath: "communes.geojson")])
    /// sources.population = URL(fileURLWithPath: "population.csv")
    /// sources.sites = [(URL(fileURLWithPath: "msp.csv"), .msp)]
    /// let loaded = try StudyLoader.load(sources)
    /// ```
    public init(areas: [URL]) {
        self.areas = areas
    }

    /// The conventional file names of a study folder (as `geohealth synth` writes them):
    /// `communes.geojson`, `population.csv`, `history.csv`, `sites.csv`, `cpts.csv`.
    /// Files that are absent are simply not used.
    public static func discover(in folder: URL) throws -> StudySources {
        let fm = FileManager.default
        func file(_ name: String) -> URL? {
            let url = folder.appendingPathComponent(name)
            return fm.fileExists(atPath: url.path) ? url : nil
        }
        guard let areas = file("communes.geojson") else {
            throw StudyFolderError(folder: folder.path)
        }
        var sources = StudySources(areas: [areas])
        sources.population = file("population.csv")
        sources.history = file("history.csv")
        sources.territories = file("cpts.csv")
        if let sites = file("sites.csv") { sources.sites = [(sites, nil)] }
        return sources
    }

    /// Every input path, so that no output may overwrite one.
    public var inputs: [URL] {
        areas + [population, history, territories].compactMap { $0 } + sites.map(\.url) + extraInputs
    }
}

package struct StudyFolderError: ParameterNaming {
    package var folder: String
    package var message: ParameterMessage {
        "\(folder): not a study folder (no communes.geojson); give \(.areas) FILE, or make one with `geohealth synth --out \(folder)`"
    }
}

extension StudySources {
    /// `url` itself, or the layer files (`.geojson`, `.gpkg`, `.shp`) of a folder in name order.
    public static func geojsonFiles(at url: URL) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.relativePath, isDirectory: &isFolder), isFolder.boolValue else { return [url] }
        // Names joined to the folder as given, so that paths stay as relative as the user wrote them.
        let files = try FileManager.default.contentsOfDirectory(atPath: url.relativePath)
            .filter { name in [".geojson", ".gpkg", ".shp"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
            .map { url.appendingPathComponent($0) }
        if files.isEmpty { throw InputError(file: url.relativePath, message: "the folder holds no .geojson, .gpkg or .shp file") }
        return files
    }
}
