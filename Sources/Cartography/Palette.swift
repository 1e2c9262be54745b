/// A colour ramp for a choropleth: a ColorBrewer scheme (Cynthia Brewer, colorbrewer.org; data
/// in `ColorBrewer.swift`, generated from palettable), optionally reversed.
package struct Palette: Sendable, Equatable {
    package enum Kind: String, Sendable { case sequential, diverging }

    package let name: String
    package let kind: Kind
    package let colorBlindSafe: Bool
    package let reversed: Bool

    package init(_ name: String, reversed: Bool = false) throws {
        guard let entry = Self.colorBrewer[name] ?? Self.colorBrewer.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
            throw CartographyError("unknown palette '\(name)'; the palettes are: \(Self.names.joined(separator: ", "))")
        }
        self.name = Self.colorBrewer.keys.first { $0.lowercased() == name.lowercased() }!
        kind = entry.kind
        colorBlindSafe = entry.colorBlindSafe
        self.reversed = reversed
    }

    package static var names: [String] { colorBrewer.keys.sorted() }

    /// Largest number of classes the scheme has (9 for sequential, 11 for diverging ramps).
    package var maxClasses: Int { Self.colorBrewer[name]!.classes.keys.max()! }

    /// The scheme's colours for `n` classes (1 and 2 classes take the ends of the 3-class scheme).
    package func colors(_ n: Int) throws -> [String] {
        let table = Self.colorBrewer[name]!.classes
        guard n >= 1, n <= maxClasses else { throw CartographyError("the palette \(name) has 3 to \(maxClasses) classes, not \(n)") }
        var colors: [String]
        switch n {
        case 1: colors = [table[3]![2]]
        case 2: colors = [table[3]![0], table[3]![2]]
        default: colors = table[n]!
        }
        if reversed { colors.reverse() }
        return colors
    }
}

package struct CartographyError: Error, CustomStringConvertible, Equatable {
    package var description: String
    package init(_ description: String) { self.description = description }
}
