import AsyncHTTPClient
import Hummingbird
import HummingbirdTesting
import Logging
import ReplySuggestions
import TestSupport
import Testing

@Suite("OpenAI-compatible provider against a provider double")
struct OpenAICompatibleProviderTests {
    /// Runs `test` with the double listening on a loopback port.
    static func withDouble(_ double: ProviderDouble, _ test: @escaping @Sendable (Int) async throws -> Void) async throws {
        let app = Application(router: double.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            defer { double.stop() }
            try await test(try #require(client.port))
        }
    }

    static func provider(_ port: Int, model: String, key: String? = "sk-test-secret", timeout: Duration = .seconds(10)) -> OpenAICompatibleProvider {
        var logger = Logger(label: "rapport.ai.tests")
        logger.logLevel = .critical
        return OpenAICompatibleProvider(
            endpoint: .init(baseURL: "http://127.0.0.1:\(port)/v1/", apiKey: key.map(APIKey.init), model: model),
            timeout: timeout,
            logger: logger
        )
    }

    static let request = ChatCompletionRequest(messages: [.system("system"), .user("用户1: 你好")], temperature: 0.5, maxTokens: 50)

    /// All fragments, or the error the stream ended with.
    static func run(_ provider: OpenAICompatibleProvider) async -> (fragments: [String], error: (any Error)?) {
        var fragments: [String] = []
        do {
            for try await fragment in try await provider.streamCompletion(Self.request) { fragments.append(fragment) }
            return (fragments, nil)
        } catch {
            return (fragments, error)
        }
    }

    @Test func fragmentsSplitMidLineAndMidCharacterArriveWhole() async throws {
        let double = ProviderDouble()
        let events = Array((ProviderDouble.chunk("好的") + ProviderDouble.chunk("，明天见😀") + "data: [DONE]\n\n").utf8)
        // Cut inside `data:`, inside 好 (3 bytes) and inside 😀 (4 bytes).
        let good = events.firstIndex(of: 0xE5)!
        let emoji = events.firstIndex(of: 0xF0)!
        let cuts = [3, good + 1, good + 2, emoji + 2, events.count]
        var steps: [ProviderDouble.Step] = []
        var from = 0
        for cut in cuts {
            steps += [.bytes(Array(events[from..<cut])), .pause(.milliseconds(20))]
            from = cut
        }
        double.script("split", .stream(steps + [.bytes(Array("data: not json after done\n\n".utf8))]))
        try await Self.withDouble(double) { port in
            let (fragments, error) = await Self.run(Self.provider(port, model: "split"))
            #expect(error == nil)
            #expect(fragments == ["好的", "，明天见😀"])
            let sent = try #require(double.received.first)
            #expect(sent.model == "split" && sent.authorization == "Bearer sk-test-secret")
            #expect(sent.body["stream"] as? Double == 1 && sent.body["max_tokens"] as? Double == 50)
            #expect(sent.prompt == "system\n---\n用户1: 你好")
        }
    }

    @Test func refusalsAndGarbageAreTypedErrors() async throws {
        let double = ProviderDouble()
        double.script(
            "busy",
            .fixed(status: 429, contentType: "application/json", body: #"{"error": {"message": "Rate limit for key sk-test-secret"}}"#)
        )
        double.script("broken", .fixed(status: 500, contentType: "text/plain", body: "boom"))
        double.script("html", .fixed(status: 200, contentType: "text/html", body: "<html>login</html>"))
        double.script("garbage", .stream([.bytes(Array("data: <html>\n\n".utf8))]))
        double.script("whole", .fixed(status: 200, contentType: "application/json", body: #"{"choices":[{"index":0,"message":{"content":"一次给完"}}]}"#))
        double.script(
            "error-event",
            .stream(ProviderDouble.fragments(["半"]).dropLast() + [.bytes(Array(#"data: {"error": {"message": "overloaded"}}"#.utf8) + [10, 10])])
        )
        try await Self.withDouble(double) { port in
            #expect(await Self.run(Self.provider(port, model: "busy")).error as? ChatCompletionError == .refused(status: 429))
            #expect(await Self.run(Self.provider(port, model: "broken")).error as? ChatCompletionError == .refused(status: 500))
            #expect(await Self.run(Self.provider(port, model: "html")).error as? ChatCompletionError == .notAnEventStream)
            #expect(await Self.run(Self.provider(port, model: "garbage")).error as? ChatCompletionError == .malformed)
            #expect(await Self.run(Self.provider(port, model: "whole")).fragments == ["一次给完"])
            let failed = await Self.run(Self.provider(port, model: "error-event"))
            #expect(failed.fragments == ["半"] && failed.error as? ChatCompletionError == .providerError)
            // No description of any error names the key.
            for error in [ChatCompletionError.refused(status: 429), .providerError, .malformed] { #expect(!"\(error)".contains("sk-")) }
            #expect("\(APIKey("sk-test-secret"))" == "<redacted>")
        }
        let closed = Self.provider(1, model: "any")
        #expect(await Self.run(closed).error as? ChatCompletionError == .unreachable)
    }

    @Test func aStallTimesOutAndADropIsAnInterruption() async throws {
        let double = ProviderDouble()
        // The deadline leaves room for the first fragment on a machine busy with the other suites (a fresh clone's
        // first run missed 6 s on two cores); the stall is far longer than the deadline, so finishing well before it
        // ends proves the deadline cut it.
        double.script("stall", .stream(Array(ProviderDouble.fragments(["先来一句"]).prefix(2)) + [.pause(.seconds(40))]))
        double.script("drop", .stream(Array(ProviderDouble.fragments(["一半"]).prefix(2)) + [.end]))
        try await Self.withDouble(double) { port in
            let started = ContinuousClock.now
            let stalled = await Self.run(Self.provider(port, model: "stall", timeout: .seconds(15)))
            #expect(stalled.fragments == ["先来一句"] && stalled.error as? ChatCompletionError == .timedOut)
            #expect(ContinuousClock.now - started < .seconds(35))
            let dropped = await Self.run(Self.provider(port, model: "drop"))
            #expect(dropped.fragments == ["一半"] && dropped.error as? ChatCompletionError == .interrupted)
        }
    }

    @Test func leavingTheStreamCancelsTheProvidersRequest() async throws {
        let double = ProviderDouble()
        double.script("slow", .stream(ProviderDouble.fragments(Array(repeating: "字", count: 200), pause: .milliseconds(20))))
        try await Self.withDouble(double) { port in
            let stream = try await Self.provider(port, model: "slow").streamCompletion(Self.request)
            var iterator = stream.makeAsyncIterator()
            #expect(try await iterator.next() == "字")
            _ = consume iterator
            _ = consume stream
            for _ in 0..<1000 where double.streamsLeft == 0 { try await Task.sleep(for: .milliseconds(20)) }
            #expect(double.streamsLeft == 1)
            #expect(double.stepsWritten < 100)
        }
    }
}
