import ReplySuggestions
import Synchronization
import Testing

/// A provider in memory: its fragments come when the test releases them, and it knows whether it was cancelled.
final class ScriptedProvider: ChatCompletionProvider {
    let fragments: [String]
    let failure: ChatCompletionError?
    let failsAtStart: Bool
    let released = Mutex(0)
    let cancelled = Mutex(false)
    let requests = Mutex(0)

    init(_ fragments: [String], failure: ChatCompletionError? = nil, failsAtStart: Bool = false) {
        self.fragments = fragments
        self.failure = failure
        self.failsAtStart = failsAtStart
    }

    /// Lets `count` more fragments go.
    func release(_ count: Int = 1) { self.released.withLock { $0 += count } }

    func streamCompletion(_ request: ChatCompletionRequest) async throws -> ChatCompletionStream {
        self.requests.withLock { $0 += 1 }
        if self.failsAtStart, let failure { throw failure }
        let (stream, continuation) = ChatCompletionStream.makeStream()
        let task = Task {
            for (index, fragment) in self.fragments.enumerated() {
                while self.released.withLock({ $0 }) <= index {
                    guard !Task.isCancelled else {
                        self.cancelled.withLock { $0 = true }
                        return
                    }
                    try? await Task.sleep(for: .milliseconds(5))
                }
                continuation.yield(fragment)
            }
            if let failure = self.failure { continuation.finish(throwing: failure) } else { continuation.finish() }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

@Suite("Suggestion relay")
struct SuggestionRelayTests {
    static let request = ChatCompletionRequest(messages: [.user("hi")])

    static func collect(_ events: AsyncStream<SuggestionEvent>) async -> [SuggestionEvent] {
        var all: [SuggestionEvent] = []
        for await event in events { all.append(event) }
        return all
    }

    @Test func aClientThatComesBackGetsWhatItMissedThenTheRest() async throws {
        let provider = ScriptedProvider(["a", "b", "c", "d"])
        let relay = SuggestionRelay(resumeWindow: .seconds(5))
        let (id, first) = await relay.start(owner: "7", provider: provider, request: Self.request)
        provider.release(2)
        var iterator = first.makeAsyncIterator()
        #expect(await iterator.next() == SuggestionEvent(id: 1, kind: .content("a")))
        // The client drops after the first event; the provider goes on meanwhile.
        _ = consume iterator
        _ = consume first
        provider.release(1)
        try await Task.sleep(for: .milliseconds(50))
        let resumed = try await relay.subscribe(to: id, as: "7", after: 1)
        provider.release(1)
        let rest = await Self.collect(resumed)
        #expect(rest.map(\.id) == [2, 3, 4])
        #expect(rest.map(\.kind) == [.content("b"), .content("c"), .content("d")])
        #expect(provider.requests.withLock { $0 } == 1)
        // Replayable after the end, for the owner only.
        #expect(await Self.collect(try await relay.subscribe(to: id, as: "7", after: 3)).map(\.id) == [4])
        await #expect(throws: SuggestionRelay.Refusal.notOwner) { try await relay.subscribe(to: id, as: "8") }
        await #expect(throws: SuggestionRelay.Refusal.unknown) { try await relay.subscribe(to: "nope", as: "7") }
    }

    @Test func nobodyListeningCancelsTheProviderAfterTheResumeWindow() async throws {
        let provider = ScriptedProvider(Array(repeating: "x", count: 100))
        let relay = SuggestionRelay(resumeWindow: .milliseconds(200))
        let (id, first) = await relay.start(owner: "7", provider: provider, request: Self.request)
        provider.release(1)
        var iterator = first.makeAsyncIterator()
        _ = await iterator.next()
        _ = consume iterator
        _ = consume first
        for _ in 0..<1000 where !provider.cancelled.withLock({ $0 }) {
            provider.release(0)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(provider.cancelled.withLock { $0 })
        let events = await Self.collect(try await relay.subscribe(to: id, as: "7"))
        #expect(events.last?.kind == .error(SuggestionRelay.abandoned))
    }

    @Test func aFailureBeforeTheFirstFragmentIsTheContractsErrorAndLaterOnesSayWhat() async throws {
        let relay = SuggestionRelay()
        let refused = ScriptedProvider([], failure: .refused(status: 429), failsAtStart: true)
        #expect(
            await Self.collect(await relay.start(owner: "1", provider: refused, request: Self.request).events) == [
                SuggestionEvent(id: 1, kind: .error("Failed to get AI response"))
            ]
        )
        #expect(
            await Self.collect(await relay.start(owner: "1", provider: nil, request: Self.request).events) == [
                SuggestionEvent(id: 1, kind: .error("Failed to get AI response"))
            ]
        )
        let dropped = ScriptedProvider(["好"], failure: .interrupted)
        dropped.release(1)
        let events = await Self.collect(await relay.start(owner: "1", provider: dropped, request: Self.request).events)
        #expect(
            events == [
                SuggestionEvent(id: 1, kind: .content("好")), SuggestionEvent(id: 2, kind: .error(ChatCompletionError.interrupted.description)),
            ]
        )
    }

    @Test func finishedSuggestionsAreForgottenAfterTheRetention() async throws {
        let relay = SuggestionRelay(retention: .milliseconds(100))
        let (id, events) = await relay.start(owner: "1", provider: nil, request: Self.request)
        _ = await Self.collect(events)
        try await Task.sleep(for: .milliseconds(150))
        await #expect(throws: SuggestionRelay.Refusal.unknown) { try await relay.subscribe(to: id, as: "1") }
        #expect(await relay.count == 0)
    }
}
