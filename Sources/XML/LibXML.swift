internal import CLibXML2
import Foundation

/// The few libxml2 chores every reader and writer shares, done in one place.
enum LibXML {
    private static let initialized: Void = {
        xmlInitParser()
        EntityLoaderPolicy.install()
    }()

    /// Initialises libxml2 once per process and installs the deny-all external entity loader.
    static func initialize() { _ = initialized }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// Copies a string libxml2 allocated for us, and frees it.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        defer { pipeline_xmlFree(pointer) }
        return String(cString: pointer)
    }

    static func lastError(of context: xmlParserCtxtPtr, file: String) -> XMLReadError {
        guard let error = xmlCtxtGetLastError(context) else {
            return .notWellFormed(file: file, line: 0, message: "libxml2 reported no details")
        }
        return .notWellFormed(file: file, line: Int(error.pointee.line), message: message(of: error))
    }

    static func message(of error: UnsafePointer<xmlError>) -> String {
        error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
    }
}

/// Decides which external resources libxml2 may load: none, except the files of a schema set a
/// caller explicitly trusts (XSD imports such as `xml.xsd`). Never the network.
///
/// Debian's libxml2 2.9.14 has no `XML_PARSE_NO_XXE`, so this loader is what stands between an
/// untrusted document and the file system.
enum EntityLoaderPolicy {
    private static let state = LoaderState()

    static func install() {
        xmlSetExternalEntityLoader(loader)
    }

    /// Lets the loader read files under `directory` (a schema set and its imports).
    static func trust(directory: URL) {
        state.trust(directory.standardizedFileURL.resolvingSymlinksInPath().path)
    }

    /// Every request the loader has seen, in order, with its decision; tests use it to prove that
    /// hostile documents made libxml2 read nothing.
    static var requests: [(url: String, allowed: Bool)] { state.requests }

    private static let loader: xmlExternalEntityLoader = { url, id, context in
        guard let url else { return nil }
        let requested = String(cString: url)
        let allowed = EntityLoaderPolicy.state.allows(requested)
        EntityLoaderPolicy.state.record(requested, allowed: allowed)
        guard allowed else { return nil }
        return xmlNoNetExternalEntityLoader(url, id, context)
    }

    private final class LoaderState: @unchecked Sendable {
        private let lock = NSLock()
        private var trusted: [String] = []
        private var log: [(url: String, allowed: Bool)] = []
        private static let logLimit = 1000

        func trust(_ path: String) {
            lock.withLock { if !trusted.contains(path) { trusted.append(path) } }
        }

        var requests: [(url: String, allowed: Bool)] { lock.withLock { log } }

        func record(_ url: String, allowed: Bool) {
            lock.withLock {
                if log.count == Self.logLimit { log.removeFirst() }
                log.append((url, allowed))
            }
        }

        /// Only plain local paths or `file:` URLs inside a trusted directory pass.
        func allows(_ requested: String) -> Bool {
            let path: String
            if requested.hasPrefix("/") {
                path = requested
            } else if let url = URL(string: requested), url.isFileURL {
                path = url.path
            } else {
                return false
            }
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            return lock.withLock { trusted.contains { resolved.hasPrefix($0 + "/") } }
        }
    }
}
