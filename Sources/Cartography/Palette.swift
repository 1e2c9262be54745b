/// A colour ramp for a choropleth: a ColorBrewer scheme (Cynthia Brewer, colorbrewer.org; data
/// in `ColorBrewer.swift`, generated from palettable), optionally reversed.
public struct Palette: Sendable, Equatable {
    public enum Kind: String, Sendable { case sequential, diverging }

    public let name: String
    public let kind: Kind
    public let colorBlindSafe: Bool
    public let reversed: Bool

    public init(_ name: String, reversed: Bool = false) throws {
        guard let entry = Self.colorBrewer[name] ?? Self.colorBrewer.first(where: { $0.key.lowercased() == name.lowercased() })?.value else {
            throw CartographyError("unknown palette '\(name)'; the palettes are: \(Self.names.joined(separator: ", "))")
        }
        self.name = Self.colorBrewer.keys.first { $0.lowercased() == name.lowercased() }!
        kind = entry.kind
        colorBlindSafe = entry.colorBlindSafe
        self.reversed = reversed
    }

    public static var names: [String] { colorBrewer.keys.sorted() }

    /// Largest number of classes the scheme has (9 for sequential, 11 for diverging ramps).
    public var maxClasses: Int { Self.colorBrewer[name]!.classes.keys.max()! }

    /// The scheme's colours for `n` classes (1 and 2 classes take the ends of the 3-class scheme).
    public func colors(_ n: Int) throws -> [String] {
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

public struct CartographyError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
