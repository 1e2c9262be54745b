import ArgumentParser
import Cartography

/// `map --palette`: the name of a ColorBrewer palette (``Palette/names``), the parser listing
/// them when the name is not one.
struct PaletteName: ExpressibleByArgument, Sendable {
    let name: String

    init?(argument: String) {
        guard (try? Palette(argument)) != nil else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { Palette.names }
    var defaultValueDescription: String { name }
}
