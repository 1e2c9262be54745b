/// A parameter of an analysis, named in the domain's words: what a Swift caller sets in an
/// analysis's `Options` and what a study file (`geohealth run`) writes as a snake_case key.
///
/// Library messages name parameters through this type (``ParameterMessage``), never through
/// the command line's flags: the CLI renders each as its flag
/// (`Sources/geohealth/ParameterFlags.swift`), everyone else sees ``name`` (`catchment_minutes`,
/// `site_kind`, …). It lives in GeoCore, below every module, so that the readers' errors
/// (GeoIO's `InputError`) can name parameters too.
public enum Parameter: String, Sendable, CaseIterable {
    /// The commune layer(s) of a study.
    case areas
    /// The field of the commune layer that holds each commune's id (INSEE code).
    case areaIdField = "area_id"
    /// Communes to report, by département code (a regional study).
    case departements
    /// The kind given to the sites of a file that have none of their own.
    case defaultSiteKind = "kind"
    /// The kind(s) of sites an analysis uses.
    case siteKind = "site_kind"
    /// The field grouping communes into zones (départements, EPCI, urban/rural class…).
    case groupBy = "group_by"
    /// The accessibility method (2SFCA family, APL, zone ratio).
    case accessMethod = "method"
    /// APL: age-group consumption weights replacing the DREES ones.
    case ageWeights = "age_weights"
    /// The travel-cost model (straight line, road network, supplied matrix).
    case costModel = "cost"
    /// The road network of the network cost model.
    case roads
    /// The origin–destination matrix of the matrix cost model.
    case originDestinationMatrix = "od"
    /// The metric CRS to work in.
    case crs
    /// The column of the sites file holding each site's start-up delay (minutes before departure).
    case startupField = "startup_field"
    /// One start-up delay for every site, in minutes (or for sites whose column is empty).
    case startupMinutes = "startup_minutes"
    /// The time of day (HH:MM) whose speed factors the road network's speeds are multiplied by.
    case timeOfDay = "time_of_day"
    /// A CSV `from,to,urban,rural` of speed factors by time of day, replacing the default table.
    case speedFactors = "speed_factors"
    /// The site file(s) of a study.
    case sites
    /// The CRS of a site table's projected x/y columns.
    case sitesCRS = "sites_crs"
    /// The column of a site table that holds each site's id.
    case siteIdField = "site_id"
    /// The column of a site table that holds each site's name.
    case siteNameField = "site_name"
    /// The column of a site table that holds each site's kind.
    case siteKindField = "site_kind_field"
    /// The column of a site table that holds each site's capacity.
    case siteCapacityField = "site_capacity"
    /// A table mapping a site file's own kinds to GeoHealth's.
    case kindMap = "kind_map"
    /// A `FIELD=VALUE` condition selecting the rows of a site file.
    case siteWhere = "site_where"
    /// APL: the column of practitioners' activity (consultations and visits a year).
    case activityField = "activity_field"
    /// The territories (CPTS, EPCI…) of a study.
    case territories
    /// The per-commune table an analysis writes.
    case table = "out"
    /// Gaps, travel rule: under-served beyond this many minutes to the nearest site.
    case minutesAbove = "minutes_above"
    /// Gaps, access rule: under-served below this access value.
    case accessBelow = "access_below"
    /// Gaps: under-served when less than half of the commune lies in a territory.
    case outsideTerritories = "outside_cpts"
    /// Gaps: under-served in a significant low-low LISA cluster of access.
    case lowLowCluster = "low_low"
    /// Siting: candidate sites read from a file.
    case candidates
    /// Siting: the travel time beyond which a commune–candidate pair is not considered.
    case maxMinutes = "max_minutes"
    /// Siting: the number of new sites to choose.
    case newSiteCount = "k"
    /// Siting: planned sites added to the scenario.
    case plannedSites = "add"
    /// Siting: existing sites removed from the scenario.
    case removedSites = "remove"
    /// Zoning what-if: an MSP planned with its full-time GPs.
    case addedPractices = "add_msp"
    /// Zoning what-if: GPs of this age or older retire.
    case retireAge = "retire_age"
    /// Zoning what-if: the column of the sites holding each GP's age.
    case ageField = "age_field"
    /// Zoning what-if: the share of every GP's supply that retires.
    case retireShare = "retire_share"
    /// Zoning: the APL below which a commune is a ZIP (zone d'intervention prioritaire).
    case zipBelow = "zip_below"
    /// Zoning: the APL below which a commune is a ZAC (zone d'action complémentaire).
    case zacBelow = "zac_below"
    /// Siting: the capacity of new sites.
    case newSiteCapacity = "new_capacity"
    /// Sized siting: the sizes a new site may have, in full-time-equivalent GPs.
    case siteSizes = "site_sizes"
    /// Sized siting: the total full-time-equivalent GPs the new sites may add.
    case budget
    /// Sized siting, access objectives: the supply one full-time-equivalent GP counts.
    case activityPerFTE = "activity_per_fte"
    /// Sized siting, capacitated covering: the residents one full-time-equivalent GP serves.
    case populationPerFTE = "population_per_fte"
    /// Coverage: the travel time within which a site covers a commune.
    case catchmentMinutes = "catchment_minutes"
    /// Coverage: the straight-line distance within which a site covers a commune.
    case catchmentKm = "catchment_km"
    /// The sample territory: how many maisons de santé pluriprofessionnelles (MSP) it has.
    case sampleMSPCount = "msp"
    /// The sample territory: how many CPTS territories it has.
    case sampleCPTSCount = "cpts"
    /// The synthetic road network: about how many nodes it has.
    case syntheticNodes = "nodes"
    /// The minutes of the isochrones drawn around each site (`isochrones`).
    case thresholds
    /// A population grid (INSEE 200 m / 1 km squares) used as demand instead of the communes.
    case populationGrid = "population_grid"
    /// The half-width in metres of the band drawn around the roads an isochrone reaches.
    case bufferMetres = "buffer_metres"
    /// The field a map draws (`map`).
    case mapField = "field"
    /// The two numeric fields of a bivariate map, across and up (`map`).
    case bivariate
    /// A second layer giving the bivariate map's Y field, joined on `code` (`map`).
    case bivariateLayer = "bivariate_layer"
    /// Gaps: how many draws of the uncertain parameters (docs/uncertainty.md).
    case uncertainty
    /// Gaps: the seed of the uncertainty's draws.
    case uncertaintySeed = "uncertainty_seed"
    /// Gaps: the ranges the uncertain parameters are drawn from (`name=low:high,…`).
    case uncertaintyRanges = "uncertainty_ranges"
    /// Gaps: the share of draws in which a commune must be under-served to be a robust gap.
    case robustShare = "robust_share"

    /// The parameter's domain name: the key a study file gives it.
    public var name: String { rawValue }
}
