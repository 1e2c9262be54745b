import Foundation
import GeoIO
import GeoCore
let dir = URL(fileURLWithPath: CommandLine.arguments[1])
let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).filter { $0.pathExtension == "geojson" }
let t0 = Date()
var n = 0, coords = 0, bytes = 0
for f in files {
    bytes += (try FileManager.default.attributesOfItem(atPath: f.path)[.size] as! Int)
    try GeoJSONReader.read(contentsOf: f) { _, feat in n += 1; coords += feat.geometry?.coordinateCount ?? 0 }
}
let dt = Date().timeIntervalSince(t0)
print(n, coords, bytes, dt, Double(bytes)/dt/1e6, "MB/s")
