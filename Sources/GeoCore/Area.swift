/// A unit of demand, usually a commune: where people live and how many they are.
public struct Area: Hashable, Sendable {
    /// The join key, e.g. the INSEE commune code.
    public var id: String
    /// The area's display name, from the layer's name field (for communes the INSEE `nom`).
    public var name: String
    /// Polygonal geometry in the study's CRS.
    public var geometry: Geometry
    /// Residents; `nil` when no population row matched (reported by the loader, never guessed).
    public var population: Double?
    /// Residents by age group (group label → count), when the population table has them.
    public var populationByAge: [String: Double]
    /// The other fields of the source feature and of the joined population row.
    public var attributes: Properties
    /// Codes of the source polygons dissolved into this area (more than one after a merge).
    public var sourceIDs: [String]

    /// An area with its geometry and, when known, its population; `sourceIDs` defaults to `[id]`
    /// (an area that is its own single source polygon).
    public init(
        id: String, name: String, geometry: Geometry, population: Double? = nil,
        populationByAge: [String: Double] = [:], attributes: Properties = Properties(), sourceIDs: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.population = population
        self.populationByAge = populationByAge
        self.attributes = attributes
        self.sourceIDs = sourceIDs ?? [id]
    }
}
