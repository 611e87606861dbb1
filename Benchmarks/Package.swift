// swift-tools-version: 6.0
// Kept apart from the main package so that `swift build` and CI never pay for benchmark code.
// Run: swift run -c release --package-path Benchmarks pipeline-bench --help
import PackageDescription

let package = Package(
    name: "pipeline-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "pipeline", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "pipeline-bench",
            dependencies: [
                .product(name: "PipelineCore", package: "pipeline"),
                .product(name: "PipelineStages", package: "pipeline"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        )
    ]
)
