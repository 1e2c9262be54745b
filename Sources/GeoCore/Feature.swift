/// A GeoJSON feature: an optional geometry, properties, and an optional id (RFC 7946 §3.2).
public struct Feature: Hashable, Sendable {
    /// The feature's `id` member (a string or a number), kept as a property value.
    public var id: PropertyValue?
    /// The geometry; `nil` for a feature without one (GeoJSON `"geometry": null`).
    public var geometry: Geometry?
    /// The feature's properties, in the source's order.
    public var properties: Properties

    /// A feature of `geometry` and `properties`, with an optional `id` member.
    public init(id: PropertyValue? = nil, geometry: Geometry?, properties: Properties = Properties()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// The value of a field; `"id"` falls back on the feature's own id member.
    public func value(of field: String) -> PropertyValue? {
        if let v = properties[field] { return v }
        return field == "id" ? id : nil
    }
}

