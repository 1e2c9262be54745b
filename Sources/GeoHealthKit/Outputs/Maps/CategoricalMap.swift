import Cartography
import Foundation
import GeoCore

/// `geohealth map --categorical`: each polygon coloured by the category of a text field (the
/// LISA `cluster` of `geohealth inequality`, a status…), with fixed colours
/// (``Cartography/CategoricalColors``: GeoDa's LISA colours, then ColorBrewer Set2 and Paired
/// in sorted order) and a legend naming each category with its count. Drawn by ``MapMaker``
/// as a map of classes 1…n with named classes, as the zonage maps (``ZoningMap``) are.
enum CategoricalMap {
    /// The classification's name in the summary.
    static let scheme = "categorical"
    /// The colours' name in the summary.
    static let palette = "GeoDa LISA, ColorBrewer Set2 and Paired"
    /// The colours' name in the summary of a map of the robustness classes only.
    static let robustnessPalette = "ColorBrewer OrRd"

    /// Replaces the layer's values by the class (1…n) of each polygon's category: a text is
    /// its own category, a number its decimal form (integers without a point), a boolean `true` or `false`;
    /// null or absent is "no data", `unreachable` the unreachable class.
    static func classify(_ read: inout MapMaker.Layer, layer: URL, field: String) throws -> MapMaker.Classes {
        let categories = read.raw[0].map(category)
        let present = Set(categories.compactMap { $0 })
        guard !present.isEmpty else {
            throw ParameterError(.malformed, "\(.mapField): every value of '\(field)' in \(layer.relativePath) is missing")
        }
        let (names, colors): ([String], [String])
        do { (names, colors) = try CategoricalColors.classes(of: present) } catch let error as CartographyError {
            throw ParameterError(.malformed, "\(.mapField) '\(field)' of \(layer.relativePath): \(error.description)")
        }
        let rank = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Double($0 + 1)) })
        read.values = categories.map { $0.flatMap { rank[$0] } }
        read.unreachable = read.raw[0].map { $0 == .unreachable }
        // The robustness classes alone are OrRd, a sequential scheme ColorBrewer marks colour-blind safe.
        let robustness = Set(names).isSubset(of: CategoricalColors.robustness.map(\.name))
        return MapMaker.Classes(
            breaks: names.indices.map { Double($0 + 1) }, paletteName: robustness ? robustnessPalette : palette, colorBlindSafe: robustness, colors: colors,
            scheme: scheme, names: names, notes: [])
    }

    /// A value's category (``GeoCore/PropertyValue/stringValue``: integral numbers without a
    /// decimal point); nil for no data (null, absent, an array or object) and for `unreachable`.
    static func category(_ value: PropertyValue?) -> String? {
        guard let value, value != .unreachable else { return nil }
        return value.stringValue
    }
}
