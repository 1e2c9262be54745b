import Cartography
import Foundation
import GeoCore

/// `geohealth map --bivariate X,Y`: a bivariate choropleth of two numeric fields of one layer
/// (e.g. `access` and `hospital_minutes`), each polygon in one of 3 × 3 classes by the
/// terciles of each field (``Cartography/BivariateClasses``), coloured by Joshua Stevens' 3 × 3
/// scheme, with a square legend (X across, Y up). A polygon missing either value is "no data"
/// (the missing hatch); one `unreachable` in either field (and no number missing) is drawn
/// unreachable. Both fields come from one layer, or Y from a second layer joined on `code`
/// (``joined(_:field:codes:)``).
enum BivariateMap {
    /// The classification's name in the summary.
    static let scheme = "bivariate-terciles"
    /// The colours' name in the summary.
    static let palette = "Stevens 3x3 pink-blue"

    /// Replaces the layer's values by the class (1…9) of each polygon; a text value that is
    /// not a number (nor `unreachable`) is a usage error naming the file, feature and field.
    static func classify(_ read: inout MapMaker.Layer, layer: URL, x: String, y: String, labels: MapLabels) throws -> MapMaker.Classes {
        let xs = try numbers(read, field: 0, name: x, layer: layer), ys = try numbers(read, field: 1, name: y, layer: layer)
        let classes: BivariateClasses
        do { classes = try BivariateClasses(x: xs, y: ys) } catch {
            throw ParameterError(.malformed, "\(.bivariate): \(layer.relativePath): '\(x)' or '\(y)' has no numeric value")
        }
        read.values = zip(xs, ys).map { classes.index(x: $0, y: $1).map { Double($0 + 1) } }
        read.unreachable = read.raw[0].indices.map { i in
            read.values[i] == nil && (read.raw[0][i] == .unreachable || read.raw[1][i] == .unreachable)
                && (xs[i] != nil || read.raw[0][i] == .unreachable) && (ys[i] != nil || read.raw[1][i] == .unreachable)
        }
        let names = (0..<9).map { k in "\(x) \(tercile(k % 3, labels)), \(y) \(tercile(k / 3, labels))" }
        var result = MapMaker.Classes(
            breaks: (1...9).map(Double.init), paletteName: palette, colorBlindSafe: false, colors: BivariateClasses.stevens,
            scheme: scheme, names: names, bivariate: BivariateAxes(x: x, y: y), notes: [])
        if classes.xBreaks.count < 3 || classes.yBreaks.count < 3 {
            result.notes.append("ties: \(classes.xBreaks.count) tercile(s) of \(x), \(classes.yBreaks.count) of \(y)")
        }
        return result
    }

    /// The values of `field` in the layer `other` for each of `codes` (nil for a code it does
    /// not have; the first feature of a code repeated). A field that no feature of `other`
    /// has, or no code in common, is a usage error.
    static func joined(_ other: URL, field: String, codes: [String]) throws -> [PropertyValue?] {
        var byCode: [String: PropertyValue] = [:], fields = Set<String>()
        _ = try LayerReader.read(other) { _, f in
            fields.formUnion(f.properties.map(\.0))
            if let code = f.value(of: "code")?.stringValue, let v = f.properties[field], byCode[code] == nil { byCode[code] = v }
        }
        guard fields.contains(field) else {
            throw ParameterError(.malformed, "\(.bivariateLayer): \(other.relativePath) has no field '\(field)'; its fields are: \(fields.sorted().joined(separator: ", "))")
        }
        let values = codes.map { byCode[$0] }
        guard values.contains(where: { $0 != nil }) else {
            throw ParameterError(.malformed, "\(.bivariateLayer): no code of the layer is a code of \(other.relativePath) (joined on 'code')")
        }
        return values
    }

    /// The values of a raw field as numbers (nil: null, absent or `unreachable`).
    static func numbers(_ read: MapMaker.Layer, field k: Int, name: String, layer: URL) throws -> [Double?] {
        try read.raw[k].enumerated().map { i, v in
            switch v {
            case nil, .some(.null): return nil
            case .some(.number(let d)): return d.isFinite ? d : nil
            case .some(let v) where v == .unreachable: return nil
            case .some(let v):
                throw ParameterError(.malformed, "\(.bivariate): \(layer.relativePath), feature \(read.features[i]), field '\(name)': "
                    + "'\(v.stringValue ?? v.typeName)' is not a number: a bivariate map needs two numeric fields")
            }
        }
    }

    /// "low", "middle" or "high": the name of a tercile (0, 1, 2).
    static func tercile(_ t: Int, _ labels: MapLabels) -> String {
        let fr = ["bas", "moyen", "haut"], en = ["low", "middle", "high"]
        return (labels.language == .fr ? fr : en)[t]
    }
}
