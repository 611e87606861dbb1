import Foundation
@testable import XLIFF
@testable import XML

/// `../shared` beside the package: schemas and sample files that tests may read, never copy.
enum SharedFolder {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // XLIFFTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    static let schemas = url.appendingPathComponent("schemas/xliff")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: schemas.path) }

    /// The strict 1.2 schema and the 2.1 schema with every module, compiled once.
    static let strict12 = try! XMLSchemaValidator(
        schemaFile: schemas.appendingPathComponent("1.2/xliff-core-1.2-strict.xsd"), importsUnder: schemas)
    static let allModules21 = try! XMLSchemaValidator(
        schemaFile: schemas.appendingPathComponent("2.1/xliff-2.1-all-modules.xsd"), importsUnder: schemas)

    static func validator(for version: XLIFFVersion) -> XMLSchemaValidator {
        version == .v1_2 ? strict12 : allModules21
    }

    /// The files of one selftest folder, e.g. `2.x/invalid-spec-only`.
    static func samples(_ folder: String) -> [URL] {
        let directory = schemas.appendingPathComponent("selftest/\(folder)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }
}
