// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pipeline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pipeline", targets: ["pipeline"]),
        .library(name: "PipelineCore", targets: ["PipelineCore"]),
        .library(name: "PipelineStages", targets: ["PipelineStages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The only door to libxml2; only the XLIFF target walks through it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "PipelineCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Segmentation", dependencies: ["PipelineCore", "XLIFF"], resources: [.copy("Rules")]),
        .target(name: "XLIFF", dependencies: ["PipelineCore", "CLibXML2"]),
        .target(name: "Terminology", dependencies: ["PipelineCore", "XLIFF"]),
        .target(name: "Summarization", dependencies: ["PipelineCore"], resources: [.copy("StopWords")]),
        .target(name: "Briefing", dependencies: ["PipelineCore", "XLIFF"]),
        .target(
            name: "PipelineStages",
            dependencies: ["PipelineCore", "Segmentation", "Terminology", "Summarization", "XLIFF", "Briefing"]
        ),
        .executableTarget(
            name: "pipeline",
            dependencies: [
                "PipelineStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PipelineCoreTests", dependencies: ["PipelineCore"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation"]),
        .testTarget(name: "TerminologyTests", dependencies: ["Terminology"], exclude: ["Fixtures/Politics"]),
        .testTarget(name: "SummarizationTests", dependencies: ["Summarization"]),
        .testTarget(name: "XLIFFTests", dependencies: ["XLIFF"]),
        .testTarget(name: "BriefingTests", dependencies: ["Briefing"]),
        .testTarget(name: "PipelineStagesTests", dependencies: ["PipelineStages"]),
        // Runs the built `pipeline` binary, as users and the outside judges do.
        .testTarget(name: "CommandLineTests", dependencies: ["pipeline"]),
    ]
)
