/// A perimeter of organised care: a CPTS, a SAS area, an EPCI used as a territory.
public struct Territory: Hashable, Sendable {
    /// How the perimeter is given.
    public enum Definition: Hashable, Sendable {
        /// An explicit polygon, in the study's CRS.
        case geometry(Geometry)
        /// A list of area ids, dissolved into a polygon when one is needed (how CPTS perimeters are published).
        case areas([String])
    }

    /// The territory's identifier, unique in its table (e.g. the CPTS's code).
    public var id: String
    /// The territory's name as in the source table; empty when it has none.
    public var name: String
    /// What the territory is, e.g. `cpts` (the default), `sas`, `epci`: outputs group by it.
    public var kind: String
    /// The perimeter: a polygon, or the list of member areas.
    public var definition: Definition

    /// A territory of kind `kind` (`cpts` by default) with the perimeter `definition`.
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
