// libFuzzer entry point for the GeoJSON and CSV readers (scripts/fuzz builds and runs it).
// Any input must end in features or an InputError: never a crash, hang or unbounded memory.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    _ = try? GeoJSONReader.read(data: data, file: "fuzz") { _, feature in
        _ = feature.geometry?.coordinateCount
        _ = GeoJSONWriter.string([feature])
    }
    _ = try? CSVTable.parse(data, file: "fuzz")
    return 0
}
