import Foundation

/// The libFuzzer entry points (scripts/fuzz builds them with `-sanitize=fuzzer,address`). The
/// target is named by `GEOHEALTH_FUZZ_TARGET` (``FuzzTarget``'s raw values), read once at start:
/// one reader per process, so that corpora and crashers stay files of that reader's format. An
/// input that ends in an error other than a clean data error (``FuzzTarget/isClean(_:)``)
/// stops the run as a crash would.
public enum LibFuzzerEntry {
    nonisolated(unsafe) static var target = FuzzTarget.geojson

    /// Picks the target from the environment; an unknown name stops with the list.
    static func initialize() {
        let name = ProcessInfo.processInfo.environment["GEOHEALTH_FUZZ_TARGET"] ?? "geojson"
        guard let chosen = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("GEOHEALTH_FUZZ_TARGET=\(name): not one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        target = chosen
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    LibFuzzerEntry.initialize()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        try LibFuzzerEntry.target.run(data)
    } catch where !FuzzTarget.isClean(error) {
        // A finding like a crash: the input is kept as a crasher (exit 1 must name the file).
        fatalError("\(LibFuzzerEntry.target.rawValue): \(type(of: error)) is not a data error naming the file: \(error)")
    } catch {}
    return 0
}
