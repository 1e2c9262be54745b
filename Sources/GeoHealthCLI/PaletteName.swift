import ArgumentParser
import Cartography

/// `map --palette`: the name of a ColorBrewer palette (``Palette/names``); ``parse(_:)`` (the
/// option's `transform`) lists them when the name is not one.
struct PaletteName: Sendable {
    let name: String

    /// The palette; a `ValidationError` listing the palettes when `argument` is not one.
    static func parse(_ argument: String) throws -> PaletteName {
        guard (try? Palette(argument)) != nil else {
            throw ValidationError("unknown palette '\(argument)'; the palettes are: \(Palette.names.joined(separator: ", "))")
        }
        return PaletteName(name: argument)
    }

    /// The help's end, as the parser writes it for a value with a list and a default.
    static func helpValues(default name: String) -> String {
        "(values: \(Palette.names.joined(separator: ", ")); default: \(name))"
    }
}
