import ArgumentParser
import Cartography
import Foundation
import GeoCore
import GeoHealthKit

extension MapMaker.Scheme: ExpressibleByArgument {}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "A choropleth SVG map of a numeric field of a polygon layer (or of a text field's categories, or bivariate), with sites, territories, gap zones and labels.",
        discussion: """
            The layer is a GeoJSON of communes with the field to map, as written by distance, access, coverage or gaps with --out. \
            Schemes: quantiles, equal-interval, fisher-jenks (natural breaks), std-dev, head-tail, manual (--breaks). \
            Palettes: ColorBrewer (sequential and diverging; see --palette); --reverse to flip. Labels in French by default (--lang en). \
            --categorical: one fixed colour per category of a text field (LISA clusters in GeoDa's colours). \
            --bivariate X,Y: 3 × 3 classes by the terciles of two numeric fields, Joshua Stevens' palette (docs/maps.md).

            Examples:
              geohealth map /tmp/travel.geojson --field hospital_minutes --palette YlOrRd --title "Temps d'accès à l'hôpital" --out /tmp/map.svg
              geohealth map /tmp/apl.geojson --field access --scheme quantiles --palette YlGnBu --sites geodata/sites.csv --site-kind msp \\
                --territories geodata/cpts.csv --out /tmp/apl.svg
              geohealth map /tmp/rules.geojson --field minutes --hatched /tmp/gaps.geojson --labels 10 --out /tmp/gaps.svg
              geohealth map /tmp/lisa.geojson --field cluster --categorical --out /tmp/lisa.svg
              geohealth map /tmp/apl.geojson --bivariate access,hospital_minutes --bivariate-layer /tmp/travel.geojson --out /tmp/bivariate.svg
            """)

    @Argument(help: "A GeoJSON polygon layer with the field to map.")
    var layer: String

    @Option(help: "The numeric field to map (a text field with --categorical).")
    var field: String?

    @Flag(help: """
        A categorical map of the text --field (e.g. inequality's LISA 'cluster'): one fixed colour per category \
        (GeoDa's LISA colours, then ColorBrewer Set2/Paired in sorted order), named in the legend with its count.
        """)
    var categorical = false

    @Option(help: ArgumentHelp("""
        A bivariate map of two numeric fields of the layer, X across and Y up (instead of --field): 3 × 3 classes by \
        the terciles of each, Joshua Stevens' palette, a square legend.
        """, valueName: "X,Y"))
    var bivariate: String?

    @Option(help: "A second layer with the Y field of --bivariate, joined to the layer on 'code' (e.g. access's --out with distance's).")
    var bivariateLayer: String?

    @Option(help: "Classification: quantiles, equal-interval, fisher-jenks, std-dev, head-tail or manual.")
    var scheme = MapMaker.defaultScheme

    @Option(help: "Number of classes, \(OptionRange.classes.helpText).")
    var classes = MapMaker.defaultClasses

    @Option(help: ArgumentHelp("Manual class upper bounds, comma-separated finite numbers (with --scheme manual).", valueName: "numbers"),
            transform: NumberList.parse)
    var breaks: NumberList?

    @Option(help: "A ColorBrewer palette. \(PaletteName.helpValues(default: MapMaker.defaultPalette))", transform: PaletteName.parse)
    var palette = try! PaletteName.parse(MapMaker.defaultPalette)

    @Flag(help: "Reverse the palette.")
    var reverse = false

    @Option(help: "Title (default: the field).")
    var title: String?

    @Option(help: "Subtitle.")
    var subtitle = ""

    @Option(help: """
        Legend heading with the values' unit, e.g. 'APL (consultations par habitant et par an)' \
        (default: 'Temps (minutes)' for a field ending in 'minutes', none otherwise).
        """)
    var legendTitle: String?

    @Option(help: "What the --territories are, in the legend: CPTS, EPCI, bassin de vie…")
    var territoryLabel = MapLabels.defaultTerritoryName

    @Option(help: "Source and date line (default: 'Source : GeoHealth, <layer>').")
    var source: String?

    @OptionGroup var language: LanguageOption

    @Option(help: "Sites to draw (CSV or GeoJSON points).")
    var sites: String?

    /// The one kind of the sites drawn (also the kind of rows without one).
    @OptionGroup var site: SiteOptions<DrawnKind>

    @OptionGroup var siteSchema: SiteSchemaOptions

    @Flag(help: "Size site markers by capacity.")
    var sizeByCapacity = false

    @Option(help: "Territory outlines: CSV of (territory, code) memberships over the layer's codes, or GeoJSON polygons.")
    var territories: String?

    @Option(help: "Zones to hatch (GeoJSON polygons, e.g. gaps --out).")
    var hatched: String?

    @Option(help: "The legend's name of the hatched zones (default: 'zone de carence', or 'gap zone' with --lang en), e.g. 'carence robuste'.")
    var hatchedLabel: String?

    @Option(help: "Isochrones to draw over the map (geohealth isochrones' layer: X-isochrones.geojson or X.gpkg:isochrones), one colour per threshold.")
    var isochrones: String?

    @Option(help: "Label the N most populous communes, \(OptionRange.labels.helpText).")
    var labels = 0

    @Option(help: "Output SVG file.")
    var out: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch (field, bivariate) {
        case (nil, nil): throw ValidationError("give --field (or --bivariate X,Y)")
        case (.some, .some): throw ValidationError("--bivariate names its two fields: give --field or --bivariate, not both")
        case (nil, .some(let pair)):
            if categorical { throw ValidationError("--categorical maps one --field; --bivariate maps two numeric fields: give one of them") }
            _ = try Self.bivariateFields(pair)
        default: if bivariateLayer != nil { throw ValidationError("--bivariate-layer gives the Y field of --bivariate X,Y: give --bivariate") }
        }
        try OptionRange.classes.check(classes, "--classes")
        try OptionRange.labels.check(labels, "--labels")
        if scheme == .manual && breaks == nil { throw ValidationError("--scheme manual needs --breaks") }
        try OutputExtension.check(out, "--out", OutputExtension.svg)
    }

    func run() throws {
        output.showProgress()
        var o = MapMaker.Options(field: field ?? "")
        if let bivariate {
            let (x, y) = try Self.bivariateFields(bivariate)
            o.field = x
            o.mode = .bivariate(x: x, y: y)
            o.bivariateLayer = bivariateLayer.map { URL(fileURLWithPath: $0) }
        } else if categorical {
            o.mode = .categorical
        }
        o.scheme = scheme
        o.classes = classes
        o.manualBreaks = breaks?.values ?? []
        o.palette = palette.name
        o.reversed = reverse
        o.title = title
        o.subtitle = subtitle
        o.legendTitle = legendTitle
        o.territoryLabel = territoryLabel
        o.source = source
        o.language = language.lang
        o.sites = sites.map { URL(fileURLWithPath: $0) }
        o.siteSchema = try siteSchema.schema()
        o.siteKind = try siteKind(schema: o.siteSchema)
        o.sizeByCapacity = sizeByCapacity
        o.territories = territories.map { URL(fileURLWithPath: $0) }
        o.hatched = hatched.map { URL(fileURLWithPath: $0) }
        o.hatchLabel = hatchedLabel
        o.isochrones = isochrones.map { URL(fileURLWithPath: $0) }
        o.labels = labels
        let input = URL(fileURLWithPath: layer)
        let inputs = [input] + [o.bivariateLayer, o.sites, o.territories, o.hatched, o.isochrones].compactMap { $0 } + siteSchema.inputs
        output.print(try MapMaker.make(input, options: o, output: URL(fileURLWithPath: out), inputs: inputs), command: "map")
    }

    /// The two fields of `--bivariate X,Y`: two different, non-empty names.
    static func bivariateFields(_ pair: String) throws -> (String, String) {
        let parts = pair.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("--bivariate '\(pair)': give two fields, X,Y (e.g. access,hospital_minutes)")
        }
        guard parts[0] != parts[1] else { throw ValidationError("--bivariate '\(pair)': the same field twice; give two different fields") }
        return (parts[0], parts[1])
    }

    /// The one kind of the sites drawn: `--site-kind` among the kinds of `--sites`, which are
    /// read only when the value has commas (a kind with commas in its name, or a list).
    func siteKind(schema: SiteSchema) throws -> SiteKind? {
        guard let kinds = site.siteKind else { return nil }
        var known: Set<SiteKind> = []
        if kinds.parts.count > 1, let sites {
            known = Set(try SiteTable.read(URL(fileURLWithPath: sites), kind: kinds.whole, schema: schema).sites.map(\.kind))
        }
        return try kinds.single(among: known, command: "map")
    }
}
