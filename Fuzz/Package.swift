// swift-tools-version: 6.0
// libFuzzer targets, kept apart from the main package so that `swift build` and `swift test` never
// build them. Build and run them with `Scripts/fuzz` (Linux, `-sanitize=fuzzer`).
import PackageDescription

let package = Package(
    name: "pipeline-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "pipeline", path: ".."),
    ],
    targets: [
        // Calls libFuzzer's driver from a target's `main.swift`.
        .target(name: "FuzzDriver"),
        fuzzTarget("fuzz-srx"),
        fuzzTarget("fuzz-segmenter"),
        fuzzTarget("fuzz-glossary"),
        fuzzTarget("fuzz-tmx"),
        fuzzTarget("fuzz-xliff"),
        fuzzTarget("fuzz-yaml"),
        fuzzTarget("fuzz-jsonl"),
        fuzzTarget("fuzz-html"),
        fuzzTarget("fuzz-markdown"),
        fuzzTarget("fuzz-docx"),
    ]
)

/// A fuzz target: its `main.swift` passes a test function to `runFuzzer`. Linked with lld: gold
/// fails with an internal error on libFuzzer's objects.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "PipelineStages", package: "pipeline")],
        linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
    )
}
