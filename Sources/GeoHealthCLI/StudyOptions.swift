import ArgumentParser
import Foundation
import GeoCore
import GeoHealthKit

/// The input options every analysis command shares (DESIGN.md, "The CLI's vocabulary"): the
/// study folder and the files that replace or complete it.
struct StudyOptions: ParsableArguments {
    /// The library's defaults of the fields and columns (``StudySources``), shown by the help.
    private static let defaults = StudySources(areas: [])

    @Argument(help: "A study folder (communes.geojson, population.csv, history.csv, sites.csv, cpts.csv).")
    var folder: String?

    @Option(help: "Commune polygons (GeoJSON file, or a folder of them); repeat for several.")
    var areas: [String] = []

    @Option(help: "Field of the commune code in --areas.")
    var areaId = defaults.areaIDField

    @Option(help: "Field of the commune name in --areas.")
    var areaName = defaults.areaNameField

    @Option(help: "Population table (CSV; columns age_* are read as age groups).")
    var population: String?

    @Option(help: "Column of the commune code in --population.")
    var populationKey = defaults.populationKey

    @Option(help: "Column of the population count in --population.")
    var populationField = defaults.populationField

    @Option(help: "INSEE commune history (mouvements des communes CSV).")
    var history: String?

    @Option(help: ArgumentHelp("Use only history events on or after this date (YYYY-MM-DD), the polygons' vintage.", valueName: "YYYY-MM-DD"), transform: ISODate.parse)
    var historySince: ISODate?

    @Option(help: "Site table (CSV or GeoJSON points); repeat for several files.")
    var sites: [String] = []

    @Option(help: """
        Kind of the sites of files without a kind column (msp, hospital, emergency, sas, centre, …); \
        refused when every site has its own kind: choose kinds with --site-kind.
        """)
    var kind: String?

    @Option(help: ArgumentHelp("CRS of x/y columns in site tables, e.g. EPSG:2154.", valueName: "crs"), transform: CRSValue.parse)
    var sitesCrs: CRSValue?

    @Option(help: "Territories: CSV of (territory, code) memberships, JSON member lists (the epci.json form) or GeoJSON polygons.")
    var territories: String?

    @Option(help: ArgumentHelp("A regional study: report only the communes of these départements (comma-separated codes, e.g. 03,15,43,63) of --areas.",
                               valueName: "codes"), transform: CodeList.parse)
    var departements: CodeList?

    @Option(help: """
        With --departements: communes within this many km (\(OptionRange.kilometresOrZero.helpText)) of the study area take part in catchments, unreported.
        """)
    var bufferKm = defaults.bufferKm

    @OptionGroup var siteSchema: SiteSchemaOptions

    func validate() throws {
        if folder == nil && areas.isEmpty { throw ValidationError("give a study folder or --areas FILE") }
        try OptionRange.kilometresOrZero.check(bufferKm, "--buffer-km")
    }

    func sources() throws -> StudySources {
        func url(_ path: String) -> URL { URL(fileURLWithPath: path) }
        let areaFiles = try areas.flatMap { try StudySources.geojsonFiles(at: url($0)) }
        var s = try folder.map { try StudySources.discover(in: url($0)) } ?? StudySources(areas: areaFiles)
        if !areaFiles.isEmpty { s.areas = areaFiles }
        s.areaIDField = areaId
        s.areaNameField = areaName
        if let population { s.population = url(population) }
        s.populationKey = populationKey
        s.populationField = populationField
        if let history { s.history = url(history) }
        if let historySince { s.historySince = historySince.text }
        if !sites.isEmpty { s.sites = sites.map { (url($0), kind.map { SiteKind($0.lowercased()) }) } }
        else if let kind { s.sites = s.sites.map { ($0.url, SiteKind(kind.lowercased())) } }
        if let sitesCrs { s.sitesCRS = sitesCrs.crs }
        if let territories { s.territories = url(territories) }
        s.siteSchema = try siteSchema.schema()
        s.departements = departements?.codes
        s.bufferKm = bufferKm
        s.extraInputs = siteSchema.inputs
        return s
    }
}
