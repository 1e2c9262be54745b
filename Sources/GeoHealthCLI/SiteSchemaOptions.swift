import ArgumentParser
import Foundation
import GeoHealthKit

/// How to read site registries as they are given (the columns, the rows, the categories):
/// shared by the analysis commands and `map`.
struct SiteSchemaOptions: ParsableArguments {
    @Option(help: "Column of the site id in --sites (default: id, site_id, code or finess).")
    var siteId: String?

    @Option(help: "Column of the site name in --sites (default: name, nom, site_name, hospital_name or raison_sociale).")
    var siteName: String?

    @Option(help: "Column of the site kind or category in --sites, e.g. facility_type (default: kind or type).")
    var siteKindField: String?

    @Option(help: "Column of the site capacity in --sites (default: capacity, capacite, fte or etp).")
    var siteCapacity: String?

    @Option(help: "Column of the start-up delay in --sites: minutes before a vehicle or team leaves (SAS, emergency), added to every travel cost to the site; a blank is an error (write 0).")
    var startupField: String?

    @Option(help: ArgumentHelp("""
        Keep only the sites whose FIELD is VALUE; repeat for alternatives (same field) or conditions (other fields). \
        The value is taken whole, commas included.
        """, valueName: "FIELD=VALUE"), transform: SiteCondition.parse)
    var siteWhere: [SiteCondition] = []

    @Option(help: "CSV 'value,kind' mapping the values of the kind column (e.g. FINESS categories) to kinds; values it lacks are left out and counted.")
    var kindMap: String?

    func schema() throws -> SiteSchema {
        var s = SiteSchema()
        s.idField = siteId
        s.nameField = siteName
        s.kindField = siteKindField
        s.capacityField = siteCapacity
        s.startupField = startupField
        for condition in siteWhere {
            do { try s.select(condition.expression) } catch let e as ParameterError { throw ValidationError(ParameterFlags.message(e)) }
        }
        if let kindMap { s.kindMap = try SiteSchema.kindMap(from: URL(fileURLWithPath: kindMap)) }
        return s
    }

    var inputs: [URL] { kindMap.map { [URL(fileURLWithPath: $0)] } ?? [] }
}
