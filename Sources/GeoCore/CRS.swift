/// A coordinate reference system named by its EPSG code, e.g. `EPSG:2154` (Lambert-93).
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// The EPSG code, e.g. 2154 for Lambert-93, 4326 for WGS84.
    public var epsg: Int

    /// The CRS of the EPSG code `epsg` (not checked against the EPSG registry: PROJ does that).
    public init(epsg: Int) {
        self.epsg = epsg
    }

    /// Parses `EPSG:2154`, `epsg:2154`, `2154` or `urn:ogc:def:crs:EPSG::2154`; `CRS84` is WGS84.
    public init?(_ text: String) {
        let t = text.trimmingSpaces()
        let upper = t.uppercased()
        if upper.hasSuffix("CRS84") {
            self.epsg = 4326
            return
        }
        let digits = upper.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, let code = Int(String(digits.reversed())) else { return nil }
        let prefix = upper.dropLast(digits.count)
        guard prefix.isEmpty || prefix.hasSuffix("EPSG:") || prefix.hasSuffix("EPSG::") else { return nil }
        self.epsg = code
    }

    public var description: String { "EPSG:\(epsg)" }

    /// WGS84 longitude/latitude, the CRS of GeoJSON (RFC 7946 §4).
    public static let wgs84 = CRS(epsg: 4326)
    /// RGF93 v1 / Lambert-93, metropolitan France.
    public static let lambert93 = CRS(epsg: 2154)
    /// RGAF09 / UTM zone 20N: Guadeloupe and Martinique.
    static let antilles = CRS(epsg: 5490)
    /// RGFG95 / UTM zone 22N: Guyane.
    public static let guyane = CRS(epsg: 2972)
    /// RGR92 / UTM zone 40S: La Réunion.
    public static let reunion = CRS(epsg: 2975)
    /// RGM04 / UTM zone 38S: Mayotte.
    static let mayotte = CRS(epsg: 4471)

    /// Whether coordinates are longitude/latitude in degrees: WGS84 (4326), ETRS89 (4258) or RGF93
    /// geographic (4171); every other code is taken as projected, in metres.
    public var isGeographic: Bool { epsg == 4326 || epsg == 4258 || epsg == 4171 }
}
