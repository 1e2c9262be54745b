import Accessibility
import GeoCore

/// Kept roads gathered before their speeds are set: the urban rule (docs/roads.md §3,
/// ``Accessibility/UrbanCells``) needs every kept segment counted before any is judged.
///
/// A ``Accessibility/RoadNetwork/Road`` has one speed and one setting, so a road is cut into
/// pieces where its segments change setting (rural ↔ urban); pieces share their end vertex (and
/// its OSM node id), so the graph stays connected. A piece's speed is the road's posted speed,
/// else its class speed in the piece's setting; the setting also chooses a time of day's factor
/// (``Accessibility/TimeOfDayFactors``), posted speed or not.
struct RoadAssembly {
    private struct Pending {
        var coordinates: [Coordinate]
        var nodeIDs: [Int64]?
        var road: CarProfile.Road
    }

    private var pending: [Pending] = []
    private var cells = UrbanCells()

    var isEmpty: Bool { pending.isEmpty }

    /// Adds a kept road along `coordinates` (metric CRS), its OSM node ids when it has them.
    mutating func add(_ coordinates: [Coordinate], nodeIDs: [Int64]?, road: CarProfile.Road) {
        cells.add(line: coordinates)
        pending.append(Pending(coordinates: coordinates, nodeIDs: nodeIDs, road: road))
    }

    /// The roads with their speeds, each road's setting (true: urban), and the number of
    /// segments at class speed by setting.
    consuming func roads() -> (roads: [RoadNetwork.Road], isUrban: [Bool], urbanSegments: Int, ruralSegments: Int) {
        var roads: [RoadNetwork.Road] = []
        var isUrban: [Bool] = []
        roads.reserveCapacity(pending.count)
        isUrban.reserveCapacity(pending.count)
        var urban = 0, rural = 0
        for p in pending {
            for run in cells.settings(of: p.coordinates) {
                let segments = run.vertices.count - 1
                if p.road.postedKmh == nil {
                    if run.urban { urban += segments } else { rural += segments }
                }
                isUrban.append(run.urban)
                roads.append(RoadNetwork.Road(
                    coordinates: Array(p.coordinates[run.vertices]), kmh: p.road.kmh(urban: run.urban), direction: p.road.direction,
                    snappable: p.road.snappable, nodeIDs: p.nodeIDs.map { Array($0[run.vertices]) }))
            }
        }
        return (roads, isUrban, urban, rural)
    }
}
