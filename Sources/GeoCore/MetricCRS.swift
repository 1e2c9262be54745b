/// The metric CRS GeoHealth works in for a territory (docs/decisions.md, "Metric CRS").
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

    /// The CRS for data whose longitude/latitude bounding box is `box`. Total: an empty box
    /// (a geometry with no position) or one with non-finite bounds gets Lambert-93, the CRS of
    /// most French communes (the readers drop communes with no area before this is asked).
    public static func forExtent(_ box: BoundingBox) -> CRS {
        let c = box.center
        guard !box.isEmpty, c.x.isFinite, c.y.isFinite else { return .lambert93 }
        if Ring.contains(metropolitanOutline, c) || corsica.contains(c) { return .lambert93 }
        for (region, crs) in regions where region.contains(c) { return crs }
        return utmZone(longitude: c.x, latitude: c.y)
    }

    /// WGS84 / UTM zone of a position: EPSG:32601–32660 (north), 32701–32760 (south). Total:
    /// a non-finite longitude counts as 0 (zone 31), a NaN latitude as north.
    public static func utmZone(longitude: Double, latitude: Double) -> CRS {
        var lon = longitude.isFinite ? longitude.truncatingRemainder(dividingBy: 360) : 0
        if lon >= 180 { lon -= 360 }
        if lon < -180 { lon += 360 }
        let zone = min(60, max(1, Int(((lon + 180) / 6).rounded(.down)) + 1))
        return CRS(epsg: (latitude < 0 ? 32700 : 32600) + zone)
    }

    /// A coarse outline of mainland France (lon/lat), pushed up to 30 km outwards along the land
    /// borders and further out at sea, so that border communes fall inside and Brussels,
    /// Luxembourg, Basel, Geneva, Turin or Jersey do not; every metropolitan commune of the COG
    /// 2018 layer falls inside (a real-data test checks it). At this resolution some places
    /// within about 10 km of a land border (Saarbrücken, Porrentruy) are taken as French.
    static let metropolitanOutline: [Coordinate] = [
        (2.50, 51.25), (3.20, 50.85), (4.15, 50.40), (4.75, 50.20), (4.95, 50.20), (5.45, 49.60), (6.45, 49.55),
        (8.25, 49.05), (7.70, 48.20), (7.60, 47.60), (7.45, 47.42), (7.05, 47.45), (7.10, 47.33), (6.95, 47.25),
        (6.70, 47.05), (6.55, 46.85), (6.50, 46.70), (6.20, 46.50), (6.15, 46.27), (6.02, 46.16), (6.19, 46.16),
        (6.19, 46.30), (6.30, 46.40), (6.50, 46.46), (6.85, 46.40), (7.10, 45.90), (7.20, 45.25), (6.95, 44.85),
        (7.75, 44.15), (7.60, 43.70), (7.70, 43.40), (6.50, 42.70), (3.60, 42.90), (3.20, 42.35), (1.50, 42.35),
        (-0.50, 42.75), (-1.30, 42.95), (-1.80, 43.30), (-2.20, 44.50), (-3.20, 47.00), (-5.30, 47.80), (-5.30, 48.80),
        (-3.00, 48.95), (-2.00, 48.70), (-1.75, 49.10), (-2.05, 49.75), (0.00, 49.80), (1.40, 50.40), (1.50, 51.10),
        (2.50, 51.25),
    ].map { Coordinate(x: $0.0, y: $0.1) }

    static let corsica = BoundingBox(minX: 8.40, minY: 41.30, maxX: 9.70, maxY: 43.10)

    /// Lon/lat extents (with a margin for the sea) of the territories that have a national CRS.
    static let regions: [(BoundingBox, CRS)] = [
        (BoundingBox(minX: -63.2, minY: 14.2, maxX: -60.7, maxY: 18.2), .antilles),
        (BoundingBox(minX: -54.7, minY: 2.0, maxX: -51.5, maxY: 6.0), .guyane),
        (BoundingBox(minX: 55.1, minY: -21.5, maxX: 56.0, maxY: -20.8), .reunion),
        (BoundingBox(minX: 44.9, minY: -13.1, maxX: 45.4, maxY: -12.5), .mayotte),
    ]
}
