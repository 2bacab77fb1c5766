// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Thistle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thistle", targets: ["thistle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "PlaceDomain"),
        .target(
            name: "PlaceStore",
            dependencies: [
                "PlaceDomain", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        .target(
            name: "SampleData",
            path: "sample-data",
            exclude: ["README.md", "new-team", "openreferral"],
            sources: ["SampleData.swift", "EmbeddedSampleData.swift"],
            resources: [.copy("fife")]
        ),
        .target(name: "PlaceReports", dependencies: ["PlaceDomain", "PlaceStore"]),
        .target(
            name: "PlaceSync",
            dependencies: [
                "PlaceDomain", "PlaceStore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "ThistleApp",
            dependencies: ["PlaceDomain", "PlaceStore", "TerminalUI", "SampleData"]
        ),
        .executableTarget(
            name: "thistle",
            dependencies: [
                "ThistleApp", "PlaceStore", "PlaceDomain", "TerminalUI", "PlaceReports", "PlaceSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // Swift's static standard library exports every symbol of the program to the dynamic
            // loader (40,000 names it hashes and dladdr scans at each start); nothing looks them up.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        // The in-process half of `make bench` (scripts/bench drives it).
        .executableTarget(name: "thistle-bench", dependencies: ["ThistleApp", "PlaceStore", "PlaceDomain", "TerminalUI"]),
        // The child the crash tests kill (docs/RELIABILITY.md).
        .executableTarget(name: "thistle-writer", dependencies: ["PlaceStore", "PlaceDomain"]),
        // libFuzzer's target for the bundle decoder: `make fuzz` builds it with -sanitize=fuzzer.
        .executableTarget(name: "thistle-fuzz", dependencies: ["PlaceSync", "PlaceStore", "PlaceDomain"]),
        .target(
            name: "TestSupport",
            dependencies: ["PlaceDomain", "PlaceStore", "ThistleApp", "TerminalUI", "SampleData"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PlaceDomainTests", dependencies: ["PlaceDomain", "TestSupport"]),
        .testTarget(name: "PlaceStoreTests", dependencies: ["PlaceStore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "PlaceReportsTests", dependencies: ["PlaceReports", "TestSupport"]),
        .testTarget(
            name: "PlaceSyncTests",
            dependencies: ["PlaceSync", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ThistleAppTests", dependencies: ["ThistleApp", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "ThistleEndToEndTests", dependencies: ["TestSupport", "PlaceStore", "PlaceDomain"]),
    ],
    swiftLanguageModes: [.v6]
)
