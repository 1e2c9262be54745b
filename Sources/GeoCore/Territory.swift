/// A perimeter of organised care: a CPTS, a SAS area, an EPCI used as a territory.
public struct Territory: Hashable, Sendable {
    /// How the perimeter is given.
    public enum Definition: Hashable, Sendable {
        /// An explicit polygon, in the study's CRS.
        case geometry(Geometry)
        /// A list of area ids, dissolved into a polygon when one is needed (how CPTS perimeters are published).
        case areas([String])
    }

    public var id: String
    public var name: String
    public var kind: String
    public var definition: Definition

    public init(id: String, name: String = "", kind: String = "cpts", definition: Definition) {
        self.id = id
        self.name = name
        self.kind = kind
        self.definition = definition
    }

    /// The member area ids, when the territory is given as a list.
    public var memberIDs: [String]? {
        if case .areas(let ids) = definition { return ids }
        return nil
    }
}
