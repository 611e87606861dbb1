import Foundation
import Testing
@testable import XML

@Suite(.enabled(if: SharedFolder.isPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped")) struct XMLSchemaValidatorTests {
    /// The validator agrees with the samples' documented verdicts, so a pass means something.
    @Test(arguments: ["1.2/valid", "1.2/invalid", "2.x/valid", "2.x/invalid-xsd", "2.x/invalid-spec-only"])
    func samplesGetTheirDocumentedVerdict(_ folder: String) throws {
        let validator = folder.hasPrefix("1.2") ? SharedFolder.strict12 : SharedFolder.allModules21
        let expectValid = !folder.hasSuffix("/invalid") && !folder.hasSuffix("/invalid-xsd")
        for url in SharedFolder.samples(folder) {
            let data = try Data(contentsOf: url)
            let violations = try validator.violations(in: data, fileName: url.lastPathComponent)
            #expect(violations.isEmpty == expectValid,
                    "\(url.lastPathComponent): \(violations)")
        }
    }
}
