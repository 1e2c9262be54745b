import ArgumentParser
import GeoCore

/// A coordinate reference system option (`--sites-crs EPSG:2154`, `--grid-crs`, `--crs`): parsed once,
/// so that a value PROJ does not know is the parser's usage error naming the option.
struct CRSValue: ExpressibleByArgument, Sendable {
    /// The value as given (`EPSG:2154`).
    let text: String
    let crs: CRS

    /// A library default (`GridPopulation.defaultCRS`), shown as `EPSG:n`.
    init(_ crs: CRS) {
        self.text = crs.description
        self.crs = crs
    }

    init?(argument: String) {
        guard let crs = CRS(argument) else { return nil }
        self.text = argument
        self.crs = crs
    }

    var defaultValueDescription: String { text }
}
