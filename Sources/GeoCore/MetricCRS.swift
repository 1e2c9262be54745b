/// The metric CRS GeoHealth works in for a territory (docs/architecture.md, "Metric CRS").
///
/// Metropolitan France → EPSG:2154 (Lambert-93); Guadeloupe, Martinique → EPSG:5490;
/// Guyane → EPSG:2972; La Réunion → EPSG:2975; Mayotte → EPSG:4471; anywhere else the
/// WGS84 UTM zone of the data's centre (EPSG:326zz north, 327zz south).
public enum MetricCRS {
    /// The CRS for a French département code (`01`…`95`, `2A`, `2B`, `971`…`976`), or `nil`.
    public static func forDepartment(_ code: String) -> CRS? {
        switch code.uppercased() {
        case "971", "972": return .antilles
        case "973": return .guyane
        case "974": return .reunion
        case "976": return .mayotte
        case "2A", "2B": return .lambert93
        default:
            guard let n = Int(code), (1...95).contains(n) else { return nil }
            return .lambert93
        }
    }

    /// The département code of an INSEE commune code (`01053` → `01`, `97411` → `974`).
    public static func department(ofCommune code: String) -> String {
        code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }

    /// The CRS for data whose longitude/latitude bounding box is `box`.
    public static func forExtent(_ box: BoundingBox) -> CRS {
        let c = box.center
        for (region, crs) in regions where region.contains(c) { return crs }
        return utmZone(longitude: c.x, latitude: c.y)
    }

    /// WGS84 / UTM zone of a position: EPSG:32601–32660 (north), 32701–32760 (south).
    public static func utmZone(longitude: Double, latitude: Double) -> CRS {
        var lon = longitude.truncatingRemainder(dividingBy: 360)
        if lon >= 180 { lon -= 360 }
        if lon < -180 { lon += 360 }
        let zone = min(60, max(1, Int(((lon + 180) / 6).rounded(.down)) + 1))
        return CRS(epsg: (latitude >= 0 ? 32600 : 32700) + zone)
    }

    /// Lon/lat extents (with a margin for the sea) of the territories that have a national CRS.
    static let regions: [(BoundingBox, CRS)] = [
        (BoundingBox(minX: -5.8, minY: 41.0, maxX: 10.0, maxY: 51.5), .lambert93),
        (BoundingBox(minX: -63.2, minY: 14.2, maxX: -60.7, maxY: 18.2), .antilles),
        (BoundingBox(minX: -54.7, minY: 2.0, maxX: -51.5, maxY: 6.0), .guyane),
        (BoundingBox(minX: 55.1, minY: -21.5, maxX: 56.0, maxY: -20.8), .reunion),
        (BoundingBox(minX: 44.9, minY: -13.1, maxX: 45.4, maxY: -12.5), .mayotte),
    ]
}
