import ArgumentParser
import GeoCore

/// A coordinate reference system option (`--sites-crs EPSG:2154`, `--grid-crs`, `--crs`): parsed once
/// (``parse(_:)``, the options' `transform`), so that a value PROJ does not know is the parser's
/// usage error naming the option and saying how to write one.
struct CRSValue: Sendable {
    /// The value as given (`EPSG:2154`).
    let text: String
    let crs: CRS

    /// A library default (`GridPopulation.defaultCRS`), shown as `EPSG:n`.
    init(_ crs: CRS) {
        self.text = crs.description
        self.crs = crs
    }

    /// The CRS `argument` names; a `ValidationError` saying how to write one when PROJ does not know it.
    static func parse(_ argument: String) throws -> CRSValue {
        guard let crs = CRS(argument) else { throw ValidationError("'\(argument)' is not a CRS; write EPSG:n") }
        return CRSValue(text: argument, crs: crs)
    }

    private init(text: String, crs: CRS) {
        self.text = text
        self.crs = crs
    }
}
