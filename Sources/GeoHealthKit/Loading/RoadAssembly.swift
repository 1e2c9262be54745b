import Accessibility
import GeoCore

/// Kept roads gathered before their speeds are set: the urban rule (docs/roads.md §3,
/// ``Accessibility/UrbanCells``) needs every kept segment counted before any is judged.
///
/// A ``Accessibility/RoadNetwork/Road`` has one speed, so a road without a posted speed is cut
/// into pieces where its segments change setting (rural ↔ urban); pieces share their end vertex
/// (and its OSM node id), so the graph stays connected. A road with a posted speed stays whole.
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

    /// The roads with their speeds, and the number of segments at class speed by setting.
    consuming func roads() -> (roads: [RoadNetwork.Road], urbanSegments: Int, ruralSegments: Int) {
        var roads: [RoadNetwork.Road] = []
        roads.reserveCapacity(pending.count)
        var urban = 0, rural = 0
        for p in pending {
            if let posted = p.road.postedKmh {
                roads.append(RoadNetwork.Road(coordinates: p.coordinates, kmh: posted, direction: p.road.direction, snappable: p.road.snappable, nodeIDs: p.nodeIDs))
                continue
            }
            for run in cells.settings(of: p.coordinates) {
                let segments = run.vertices.count - 1
                if run.urban { urban += segments } else { rural += segments }
                roads.append(RoadNetwork.Road(
                    coordinates: Array(p.coordinates[run.vertices]), kmh: p.road.kmh(urban: run.urban), direction: p.road.direction,
                    snappable: p.road.snappable, nodeIDs: p.nodeIDs.map { Array($0[run.vertices]) }))
            }
        }
        return (roads, urban, rural)
    }
}
