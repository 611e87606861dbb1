import Foundation
@testable import XML

enum TestXML {
    static func parse(_ text: String) -> XMLTree.Element? {
        try? SafeXMLReader.parse(Data(text.utf8), fileName: "test.xml")
    }
}
