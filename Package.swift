// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Waymark",
    products: [
        .library(name: "WaymarkCore", targets: ["WaymarkCore"]),
        .library(name: "WaymarkRecords", targets: ["WaymarkRecords"]),
        .library(name: "WaymarkWorkflows", targets: ["WaymarkWorkflows"]),
        .executable(name: "waymark", targets: ["waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // HPKE to seal completed records, scrypt and ChaCha20-Poly1305 for passphrase-protected drafts: WaymarkRecords only.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The engine: YAML, the pack, conditions, evaluation, results, checks. No cryptography, no file-system policy.
        .target(
            name: "WaymarkCore",
            dependencies: ["CLibYAML"],
            // The tool's words per language, found at run time beside the sources or installed under share/waymark/catalog.
            exclude: ["Localization/Catalog"]
        ),
        // Sealed records, protected drafts and owner-only files: the only user of swift-crypto.
        .target(
            name: "WaymarkRecords",
            dependencies: [
                "WaymarkCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // What people do with the engine: translation, intake, drills, coverage and pack diffs.
        .target(
            name: "WaymarkWorkflows",
            dependencies: ["WaymarkCore", "WaymarkRecords"]
        ),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore", "WaymarkRecords", "WaymarkWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "waymark-bench",
            dependencies: ["WaymarkCore"]
        ),
        // Built with libFuzzer by .ci/fuzz; an ordinary build replays inputs through the same targets.
        // It links the workflows because one target fuzzes the intake journal reader.
        .executableTarget(
            name: "waymark-fuzz",
            dependencies: ["WaymarkCore", "WaymarkWorkflows"]
        ),
        // Small packs written inline, repository paths, and the shipped pack loaded once, for every test target.
        .target(
            name: "WaymarkTestSupport",
            dependencies: ["WaymarkCore", "WaymarkRecords"],
            path: "Tests/WaymarkTestSupport"
        ),
        .testTarget(
            name: "WaymarkCoreTests",
            dependencies: ["WaymarkCore", "WaymarkTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "WaymarkRecordsTests",
            dependencies: ["WaymarkCore", "WaymarkRecords", "WaymarkTestSupport"]
        ),
        .testTarget(
            name: "WaymarkWorkflowsTests",
            dependencies: ["WaymarkCore", "WaymarkRecords", "WaymarkWorkflows", "WaymarkTestSupport"]
        ),
        .testTarget(
            name: "WaymarkCLITests",
            dependencies: ["WaymarkCore", "WaymarkWorkflows", "waymark", "waymark-fuzz"],
            exclude: ["Fixtures"]
        ),
    ]
)
