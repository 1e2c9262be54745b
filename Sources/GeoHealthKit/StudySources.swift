import Foundation
import GeoCore

/// The files of a study and how to read them. Defaults follow the INSEE files
/// (`COM` code, `PMUN` municipal population) and the commune layers (`code`, `nom`).
public struct StudySources: Sendable {
    /// Commune polygons (GeoJSON).
    public var areas: URL
    public var areaIDField = "code"
    public var areaNameField = "nom"
    /// Population table (CSV); columns named `age_*` are read as age groups.
    public var population: URL?
    public var populationKey = "COM"
    public var populationField = "PMUN"
    /// INSEE commune history (CSV), to join polygons and populations of different vintages.
    public var history: URL?
    /// Site tables (CSV) with the kind to give rows that have no `kind` column.
    public var sites: [(url: URL, kind: SiteKind?)] = []
    /// CRS of site x/y columns when the table has no lon/lat columns.
    public var sitesCRS: CRS? = nil
    /// Territories: CSV (territory, commune code) or GeoJSON polygons.
    public var territories: URL?

    public init(areas: URL) {
        self.areas = areas
    }

    /// Every input path, so that no output may overwrite one.
    public var inputs: [URL] {
        [areas] + [population, history, territories].compactMap { $0 } + sites.map(\.url)
    }
}
