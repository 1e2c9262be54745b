/// The colours of a categorical map's classes (a text field: LISA clusters, statuses…), fixed
/// so that the same category has the same colour on every map.
///
/// Order and colours: the LISA cluster names that `geohealth inequality` writes come first, in
/// the order high-high, low-low, low-high, high-low, not significant, in the conventional
/// hues of a LISA cluster map (GeoDa, L. Anselin: red, blue, light blue, light red, grey): the
/// four clusters in PySAL splot's colours (`lisa_cluster`, `_viz_utils.mask_local_auto`:
/// `#d7191c`, `#2c7bb6`, `#abd9e9`, `#fdae61`, ColorBrewer `RdYlBu`), not significant in GeoDa's
/// light grey `#eeeeee` (splot's `lightgrey` is darker); then the robustness classes of
/// `gaps --uncertainty` (robust, likely, possible, never) in ColorBrewer `OrRd` (4 classes,
/// darkest for the surest gap); any other
/// category follows in sorted (code point) order, coloured by ColorBrewer `Set2` (8 colours),
/// then `Paired` (12): at most ``maxOtherCategories`` of them.
package enum CategoricalColors {
    /// The LISA cluster names, in legend order, with their colours (splot's; GeoDa's grey).
    package static let lisa: [(name: String, color: String)] = [
        ("high-high", "#d7191c"), ("low-low", "#2c7bb6"), ("low-high", "#abd9e9"), ("high-low", "#fdae61"), ("not significant", "#eeeeee"),
    ]
    /// The robustness classes of a gap (`robustness_class`), surest first, in ColorBrewer `OrRd` 4.
    package static let robustness: [(name: String, color: String)] = [
        ("robust", "#d7301f"), ("likely", "#fc8d59"), ("possible", "#fdcc8a"), ("never", "#fef0d9"),
    ]
    /// ColorBrewer qualitative `Set2` (8) then `Paired` (12) (Cynthia Brewer, colorbrewer.org).
    package static let qualitative = [
        "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3",
        "#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c", "#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a", "#ffff99", "#b15928",
    ]
    /// The most categories other than the LISA names and robustness classes a map can tell apart (Set2 + Paired).
    package static var maxOtherCategories: Int { qualitative.count }

    /// The classes of `categories` (each once, any order): their names in legend order and
    /// their colours; an error beyond ``maxOtherCategories`` other categories.
    package static func classes(of categories: Set<String>) throws -> (names: [String], colors: [String]) {
        let known = (lisa + robustness).filter { categories.contains($0.name) }
        let others = categories.subtracting((lisa + robustness).map(\.name)).sorted()
        guard others.count <= maxOtherCategories else {
            throw CartographyError("\(others.count) categories: a categorical map tells at most \(maxOtherCategories) apart (a numeric field is drawn as numbers)")
        }
        return (known.map(\.name) + others, known.map(\.color) + Array(qualitative.prefix(others.count)))
    }
}
