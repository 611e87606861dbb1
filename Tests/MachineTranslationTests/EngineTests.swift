import Foundation
import PipelineCore
import Testing
@testable import MachineTranslation

@Suite struct EngineTests {
    @Test(arguments: [
        ("en-GB", "EN-GB"), ("en-US", "EN-US"), ("en", "EN-GB"), ("en-IE", "EN-GB"), ("pt-BR", "PT-BR"), ("pt", "PT-PT"),
        ("zh-Hant-TW", "ZH-HANT"), ("zh-CN", "ZH-HANS"), ("es-419", "ES-419"), ("es-ES", "ES"), ("nb-NO", "NB"), ("de-AT", "DE"),
    ])
    func deepLTargetCodes(tag: String, code: String) {
        #expect(DeepLEngine.targetCode(LanguageTag(tag)!) == code)
    }

    @Test func deepLSourceCodesHaveNoVariant() {
        #expect(DeepLEngine.sourceCode(LanguageTag("de-CH")!) == "DE")
    }

    @Test func deepLGlossaryEntriesAreSortedUniqueAndTSVSafe() {
        let terms = [
            GlossaryTerm(source: "Rechenzentrum", target: "data centre", forbidden: []),
            GlossaryTerm(source: "KI", target: "AI", forbidden: []),
            GlossaryTerm(source: "KI", target: "artificial intelligence", forbidden: []),
            GlossaryTerm(source: "Tab\there", target: "x", forbidden: []),
        ]
        #expect(DeepLEngine.entries(terms) == "KI\tAI\nRechenzentrum\tdata centre")
        #expect(DeepLEngine.fingerprint("a") == DeepLEngine.fingerprint("a"))
        #expect(DeepLEngine.fingerprint("a") != DeepLEngine.fingerprint("b"))
        #expect(DeepLEngine.fingerprint("a").count == 16)
    }

    @Test(arguments: [
        ("The data centre is full.", "The data centre is full."),
        ("  \"The data centre is full.\"\n", "The data centre is full."),
        ("<think>\nDer Satz heißt…\n</think>\nThe data centre is full.", "The data centre is full."),
        ("```\nThe data centre is full.\n```", "The data centre is full."),
        ("Translation: The data centre is full.", "The data centre is full."),
        ("“The data centre is full.”", "The data centre is full."),
        ("<think>only thinking</think>", nil),
        ("   ", nil),
    ])
    func chatAnswersAreReadRobustly(answer: String, expected: String?) {
        #expect(ChatCompletionsEngine.translation(in: answer, source: "Das Rechenzentrum ist voll.") == expected)
    }

    @Test func quotesTheSourceHadStay() {
        #expect(ChatCompletionsEngine.translation(in: "\"Yes\", he said, \"no\"", source: "\"Ja\", sagte er, \"nein\"") == "\"Yes\", he said, \"no\"")
    }

    @Test func retryAfterIsSecondsOrAnHTTPDate() {
        #expect(ServiceConnection.retryAfter("3") == .seconds(3))
        #expect(ServiceConnection.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == .seconds(0))
        #expect(ServiceConnection.retryAfter("soon") == nil)
        #expect(ServiceConnection.retryAfter(nil) == nil)
    }

    @Test func serviceMessagesAreShortAndNeverCarryTheKey() {
        let connection = ServiceConnection(service: "DeepL at http://x", timeout: 1, concurrency: 1, retries: 0, secret: "s3cr3t", variable: "K")
        #expect(connection.message(in: Data(#"{"message":"key s3cr3t is wrong"}"#.utf8)) == "key [key] is wrong")
        #expect(connection.message(in: Data(#"{"error":{"message":"bad model"}}"#.utf8)) == "bad model")
        #expect(connection.message(in: Data(#"{"error":"Invalid API key"}"#.utf8)) == "Invalid API key")
        #expect(connection.message(in: Data(String(repeating: "x", count: 500).utf8)).count == 201)
    }
}

@Suite struct TranslateOptionsTests {
    static func decode(_ json: String) throws -> TranslateOptions {
        try JSONDecoder().decode(StrictOptions<TranslateOptions>.self, from: Data(json.utf8)).options
    }

    static func error(_ json: String) -> String {
        do {
            _ = try decode(json)
            return "no error"
        } catch let DecodingError.dataCorrupted(context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func deepLNeedsNothingButHasTheUsualDefaults() throws {
        let options = try Self.decode("{}")
        #expect(options.provider == .deepl)
        #expect(options.baseURL.absoluteString == "https://api-free.deepl.com")
        #expect(options.keyVariable == "DEEPL_AUTH_KEY")
        #expect(options.applyTo == .summary)
        #expect(options.onError == .continue)
    }

    @Test(arguments: [
        (#"{"provider": "libretranslate"}"#, "libretranslate has no public service: give the server's base URL"),
        (#"{"provider": "openai", "url": "http://localhost:11434/v1"}"#, "openai needs the model name"),
        (#"{"model": "x"}"#, "only openai takes a model"),
        (#"{"url": "ftp://x"}"#, "'ftp://x' is not an http or https base URL"),
        (#"{"url": "https://x?auth_key=123"}"#, "is not an http or https base URL (no query"),
        (#"{"api-key-env": "12345-abcdef:fx"}"#, "is not an environment variable name"),
        (#"{"batch-size": 51}"#, "DeepL takes 1 to 50 texts per request"),
        (#"{"timeout": 0}"#, "0 is not from 1 to 600 seconds"),
        (#"{"provider": "libretranslate", "url": "http://x", "formality": "more"}"#, "only deepl takes a formality"),
        (#"{"on-error": "ignore"}"#, "'ignore' is not one of: continue, fail"),
        (#"{"api-key": "x"}"#, "unknown key 'api-key'"),
    ])
    func badOptionsSayWhatIsWrong(json: String, message: String) {
        #expect(Self.error(json).contains(message), "\(Self.error(json))")
    }

    @Test func openAICompatibleServersTakeAModelAndNoKey() throws {
        let options = try Self.decode(#"{"provider": "openai", "url": "http://localhost:11434/v1", "model": "llama3.1:8b"}"#)
        #expect(options.keyVariable == nil)
        #expect(options.baseURL.appendingPathComponent("chat/completions").absoluteString == "http://localhost:11434/v1/chat/completions")
    }
}
