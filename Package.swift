// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pipeline",
    products: [
        .executable(name: "pipeline", targets: ["pipeline"]),
        .library(name: "PipelineCore", targets: ["PipelineCore"]),
        .library(name: "PipelineStages", targets: ["PipelineStages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The only door to libxml2; only the XML target walks through it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // cmark-gfm, the CommonMark reference parser; only the Markdown target walks through it.
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PipelineCore",
            dependencies: ["XML", "Markdown", .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "Markdown", dependencies: ["CCMarkGFM"]),
        .target(name: "XML", dependencies: ["CLibXML2"]),
        .target(name: "Segmentation", dependencies: ["PipelineCore", "XML"], resources: [.copy("Rules")]),
        .target(name: "Terminology", dependencies: ["PipelineCore", "XML"]),
        .target(name: "Summarization", dependencies: ["PipelineCore"], resources: [.copy("StopWords")]),
        .target(name: "XLIFF", dependencies: ["PipelineCore", "XML"]),
        .target(name: "Leverage", dependencies: ["PipelineCore", "XML", "XLIFF"]),
        .target(name: "Briefing", dependencies: ["PipelineCore"]),
        // Machine translation over HTTP (Foundation's URLSession; see docs/machine-translation.md).
        .target(name: "MachineTranslation", dependencies: ["PipelineCore", "XML", "XLIFF"]),
        .target(name: "Merge", dependencies: ["PipelineCore"]),
        .target(
            name: "PipelineStages",
            dependencies: [
                "PipelineCore", "Segmentation", "Terminology", "Summarization", "XLIFF", "Leverage", "MachineTranslation", "Briefing",
                "Merge",
            ]
        ),
        .executableTarget(
            name: "pipeline",
            dependencies: [
                "PipelineStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures and helpers that several test targets share.
        .target(name: "TestSupport", dependencies: ["PipelineCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PipelineCoreTests",
            dependencies: ["PipelineCore", "XML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "XML"]),
        .testTarget(name: "TerminologyTests", dependencies: ["Terminology", "XML"], exclude: ["Fixtures/Politics"]),
        .testTarget(name: "SummarizationTests", dependencies: ["Summarization"]),
        .testTarget(name: "XLIFFTests", dependencies: ["XLIFF", "XML"]),
        .testTarget(name: "LeverageTests", dependencies: ["Leverage", "XLIFF", "XML", "Briefing", "TestSupport"]),
        .testTarget(name: "BriefingTests", dependencies: ["Briefing", "TestSupport"]),
        .testTarget(name: "MachineTranslationTests", dependencies: ["MachineTranslation", "XLIFF", "XML", "Briefing", "TestSupport"]),
        .testTarget(
            name: "MergeTests",
            dependencies: ["Merge", "PipelineCore", "Segmentation", "XLIFF", "XML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "PipelineStagesTests", dependencies: ["PipelineStages"]),
        // Runs the built `pipeline` binary, as users and the outside judges do.
        .testTarget(name: "CommandLineTests", dependencies: ["pipeline", "TestSupport"], exclude: ["Hostile"]),
    ]
)
