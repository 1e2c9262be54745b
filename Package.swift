// swift-tools-version:6.0
import PackageDescription

// Module layout and import rules: docs/architecture.md.
let package = Package(
    name: "GeoHealth",
    // Synchronization.Mutex needs macOS 15; Linux is the platform built and tested here.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "geohealth", targets: ["geohealth"]),
        .library(name: "GeoHealthKit", targets: ["GeoHealthKit"]),
        // The readers' fuzz targets as one archive, linked with libFuzzer by scripts/fuzz.
        .library(name: "GeoHealthFuzz", type: .static, targets: ["GeoHealthFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // C shims: the only places that see the C libraries.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev", "proj-data"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // Pure Swift value types and analysis-friendly models.
        .target(name: "GeoCore"),
        .target(name: "GeoIO", dependencies: ["GeoCore"]),

        // Bindings.
        .target(name: "GEOSBridge", dependencies: ["GeoCore", "CGEOS"]),
        .target(name: "Projection", dependencies: ["GeoCore", "CPROJ"]),
        .target(name: "GeoPackage", dependencies: ["GeoCore", "GeoIO", "CSQLite"]),
        // .xlsx workbooks through libxlsxwriter (Debian libxlsxwriter-dev).
        .target(name: "Spreadsheet", dependencies: ["GeoIO", "CXLSXWriter"]),
        // OpenStreetMap files through libosmium (C++17 behind the plain C header include/cosmium.h).
        .target(name: "COsmium", linkerSettings: [.linkedLibrary("z"), .linkedLibrary("bz2"), .linkedLibrary("expat"), .linkedLibrary("pthread")]),
        .target(name: "OpenStreetMap", dependencies: ["GeoCore", "COsmium"]),

        // Analyses: pure Swift over plain arrays (Accessibility), or over GEOS (Coverage).
        .target(name: "Accessibility", dependencies: ["GeoCore", .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "Coverage", dependencies: ["GeoCore", "GEOSBridge"]),
        .target(name: "Inequality", dependencies: ["GeoCore"]),
        .target(name: "Cartography", dependencies: ["GeoCore"]),
        .target(name: "Gaps", dependencies: ["Accessibility", .product(name: "HeapModule", package: "swift-collections")]),

        // Use cases and the command line.
        .target(name: "GeoHealthKit", dependencies: [
            "GeoCore", "GeoIO", "GEOSBridge", "Projection", "GeoPackage", "Spreadsheet", "OpenStreetMap", "Accessibility", "Coverage", "Inequality", "Gaps", "Cartography",
            .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The command line: its commands and option groups in a library (tested without @testable),
        // the executable only calls GeoHealth.main().
        .target(name: "GeoHealthCLI", dependencies: [
            "GeoHealthKit", "GeoCore", "GeoIO", "Cartography", "Accessibility", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "geohealth", dependencies: ["GeoHealthCLI"]),
        // Every reader behind one entry point (libFuzzer) and one replay (FuzzTests): scripts/fuzz.
        .target(name: "GeoHealthFuzz", dependencies: ["GeoHealthKit", "GeoIO", "GeoCore", "GeoPackage", "Accessibility"], path: "Fuzz"),
        .executableTarget(name: "GeoHealthBench", dependencies: ["GeoHealthKit", "GeoIO", "GeoCore", "GEOSBridge", "Projection", "GeoPackage", "Accessibility", "Coverage", "Inequality", "Cartography"]),

        // Tests.
        .target(name: "GeoHealthTestSupport", path: "Tests/GeoHealthTestSupport"),
        .testTarget(name: "ArchitectureTests", dependencies: ["GeoHealthTestSupport"]),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "GeoHealthTestSupport"]),
        .testTarget(name: "FuzzTests", dependencies: ["GeoHealthFuzz", "GeoHealthTestSupport"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "GeoIO", "GeoHealthTestSupport"]),
        .testTarget(name: "GeoPackageTests", dependencies: ["GeoPackage", "GeoIO", "GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "GEOSBridgeTests", dependencies: ["GEOSBridge", "GeoIO", "GeoHealthTestSupport"]),
        .testTarget(name: "OpenStreetMapTests", dependencies: ["OpenStreetMap", "GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "ProjectionTests", dependencies: ["Projection", "GeoHealthTestSupport"]),
        .testTarget(name: "AccessibilityTests", dependencies: ["Accessibility", "GeoHealthTestSupport"]),
        .testTarget(name: "InequalityTests", dependencies: ["Inequality", "GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "GapsTests", dependencies: ["Gaps", "Accessibility", "GeoCore", "GeoHealthTestSupport"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "GeoHealthTestSupport"]),
        .testTarget(name: "GeoHealthKitTests", dependencies: ["GeoHealthKit", "Cartography", "GeoHealthTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["geohealth", "GeoHealthCLI", "GeoHealthTestSupport"]),
        .testTarget(name: "RealDataTests", dependencies: ["GeoHealthKit", "GEOSBridge", "Accessibility", "GeoIO", "GeoHealthTestSupport"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
