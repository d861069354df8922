// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Waymark",
    products: [
        .library(name: "WaymarkCore", targets: ["WaymarkCore"]),
        .executable(name: "waymark", targets: ["waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // HPKE to seal completed records, scrypt and ChaCha20-Poly1305 for passphrase-protected drafts.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "WaymarkCore",
            dependencies: [
                "CLibYAML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            // The tool's words per language, found at run time beside the sources or installed under share/waymark/catalog.
            exclude: ["Localization/Catalog"]
        ),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "waymark-bench",
            dependencies: ["WaymarkCore"]
        ),
        // Built with libFuzzer by .ci/fuzz; an ordinary build replays inputs through the same targets.
        .executableTarget(
            name: "waymark-fuzz",
            dependencies: ["WaymarkCore"]
        ),
        .testTarget(
            name: "WaymarkCoreTests",
            dependencies: ["WaymarkCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "WaymarkCLITests",
            dependencies: ["WaymarkCore", "waymark"],
            exclude: ["Fixtures"]
        ),
    ]
)
