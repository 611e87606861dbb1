import Foundation
import PipelineCore

/// Options of the `translate` stage, as written in a pipeline file.
public struct TranslateOptions: StageOptions {
    public enum Provider: String, Codable, Sendable, CaseIterable {
        case deepl, libretranslate, openai

        /// Where the provider's public service answers, when it has one.
        var defaultURL: String? {
            switch self {
            case .deepl: "https://api-free.deepl.com"
            case .libretranslate, .openai: nil
            }
        }

        /// DeepL's own client libraries read the key from this variable.
        var defaultKeyVariable: String? { self == .deepl ? "DEEPL_AUTH_KEY" : nil }

        var displayName: String {
            switch self {
            case .deepl: "DeepL"
            case .libretranslate: "LibreTranslate"
            case .openai: "OpenAI-compatible"
            }
        }
    }

    public enum Scope: String, Codable, Sendable, CaseIterable {
        /// The key points (summary sentences) and the title: what the briefing shows.
        case summary
        /// Every sentence and the title.
        case all
    }

    /// DeepL's `formality` values; `default` sends none.
    public enum Formality: String, Codable, Sendable, CaseIterable {
        case `default`, more, less
        case preferMore = "prefer_more"
        case preferLess = "prefer_less"
    }

    public enum OnError: String, Codable, Sendable, CaseIterable {
        /// Segments whose requests failed stay awaiting translation; the run says how many and succeeds.
        case `continue`
        /// As `continue`, and the run then fails.
        case fail
    }

    public var provider: Provider = .deepl
    /// The provider's base URL; empty means the provider's public service (DeepL only).
    public var url = ""
    /// The model, for `openai`.
    public var model = ""
    /// The environment variable holding the API key; never the key itself.
    public var apiKeyEnv: String?
    public var applyTo: Scope = .summary
    /// A TMX file of machine translations, read first and appended after.
    public var cache: String?
    /// Whole seconds to wait for one answer (Foundation on Linux times requests in whole seconds).
    public var timeout = 30
    /// Requests on the wire at once, across all documents.
    public var concurrency = 4
    /// Texts per request (DeepL takes at most 50; OpenAI-compatible servers get one at a time).
    public var batchSize = 50
    /// Attempts after the first for timeouts, refused connections, 429 and 5xx.
    public var retries = 3
    public var formality: Formality = .default
    /// DeepL: a glossary of the terms found; OpenAI-compatible: the terms in the instructions.
    public var glossary = true
    public var onError: OnError = .continue

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case provider, url, model
        case apiKeyEnv = "api-key-env"
        case applyTo = "apply-to"
        case cache, timeout, concurrency
        case batchSize = "batch-size"
        case retries, formality, glossary
        case onError = "on-error"
    }

    public static let help: [(key: String, help: String)] = [
        ("provider", "deepl, libretranslate or openai (any OpenAI-compatible server: Ollama, llama.cpp, vLLM, LM Studio)"),
        ("url", "the provider's base URL; deepl defaults to https://api-free.deepl.com, openai takes the URL up to /v1"),
        ("model", "the model name, for openai (required there)"),
        ("api-key-env", "name of the environment variable holding the API key (deepl: DEEPL_AUTH_KEY); never the key itself"),
        ("apply-to", "what leaves the machine: summary (key points and titles) or all (every sentence and titles)"),
        ("cache", "TMX file of machine translations: read first, new ones appended at the end of the run"),
        ("timeout", "whole seconds to wait for one answer, 1-600"),
        ("concurrency", "requests at once across all documents"),
        ("batch-size", "texts per request (deepl at most 50; openai always 1)"),
        ("retries", "further attempts after timeouts, refused connections, 429 and 5xx, with backoff and Retry-After"),
        ("formality", "deepl only: default, more, less, prefer_more or prefer_less"),
        ("glossary", "enforce the glossary terms found: a DeepL glossary, or the terms in the openai instructions"),
        ("on-error", "continue (untranslated segments stay awaiting; the run succeeds) or fail (the run then fails)"),
    ]

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TranslateOptions()
        provider = try container.decodeChoice(.provider, default: defaults.provider)
        url = try container.decode(.url, default: defaults.url).trimmingCharacters(in: .whitespaces)
        model = try container.decode(.model, default: defaults.model).trimmingCharacters(in: .whitespaces)
        apiKeyEnv = try container.decodeIfPresent(String.self, forKey: .apiKeyEnv)?.trimmingCharacters(in: .whitespaces)
        applyTo = try container.decodeChoice(.applyTo, default: defaults.applyTo)
        cache = try container.decodeIfPresent(String.self, forKey: .cache)
        timeout = try container.decode(.timeout, default: defaults.timeout)
        concurrency = try container.decode(.concurrency, default: defaults.concurrency)
        batchSize = try container.decode(.batchSize, default: defaults.batchSize)
        retries = try container.decode(.retries, default: defaults.retries)
        formality = try container.decodeChoice(.formality, default: defaults.formality)
        glossary = try container.decode(.glossary, default: defaults.glossary)
        onError = try container.decodeChoice(.onError, default: defaults.onError)

        func fail(_ key: CodingKeys, _ problem: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: problem)
        }
        if url.isEmpty, provider.defaultURL == nil {
            throw fail(.url, "\(provider.rawValue) has no public service: give the server's base URL")
        }
        if !url.isEmpty {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil,
                  parsed.query == nil, parsed.user == nil
            else {
                throw fail(.url, "'\(url)' is not an http or https base URL (no query, no user name; the key goes in api-key-env)")
            }
        }
        if provider == .openai, model.isEmpty { throw fail(.model, "openai needs the model name") }
        if provider != .openai, !model.isEmpty { throw fail(.model, "only openai takes a model") }
        if let apiKeyEnv, !Self.isVariableName(apiKeyEnv) {
            throw fail(.apiKeyEnv, "'\(apiKeyEnv)' is not an environment variable name (letters, digits, _); give the variable's name, never the key")
        }
        if cache?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw fail(.cache, "give a file path or leave the key out") }
        guard (1...600).contains(timeout) else { throw fail(.timeout, "\(timeout) is not from 1 to 600 seconds") }
        guard (1...64).contains(concurrency) else { throw fail(.concurrency, "\(concurrency) is not from 1 to 64") }
        guard batchSize >= 1, provider != .deepl || batchSize <= 50 else {
            throw fail(.batchSize, provider == .deepl ? "DeepL takes 1 to 50 texts per request" : "must be at least 1")
        }
        guard (0...10).contains(retries) else { throw fail(.retries, "\(retries) is not from 0 to 10") }
        if provider != .deepl, formality != .default { throw fail(.formality, "only deepl takes a formality") }
    }

    /// The base URL requests go to.
    var baseURL: URL { URL(string: url.isEmpty ? provider.defaultURL! : url)! }

    /// The variable named, or the provider's usual one.
    var keyVariable: String? { apiKeyEnv ?? provider.defaultKeyVariable }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
    }
}

extension KeyedDecodingContainer {
    /// One of a fixed set of string values, naming the allowed ones when the value is wrong.
    fileprivate func decodeChoice<T: RawRepresentable & CaseIterable>(_ key: Key, default value: T) throws -> T where T.RawValue == String {
        guard let raw = try decodeIfPresent(String.self, forKey: key) else { return value }
        guard let choice = T(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(raw)' is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }
}
