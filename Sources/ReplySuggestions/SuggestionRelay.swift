import Foundation

/// Runs suggestions and keeps each one's events, so that a client whose connection dropped comes back and gets
/// what it missed, then the rest as it arrives, without asking the provider again.
///
/// A suggestion's provider request belongs to the relay, not to the client's connection: it goes on while nobody
/// listens for up to ``resumeWindow``, then is cancelled (no provider tokens spent for nobody). Events stay
/// replayable for ``retention`` after the suggestion ended. Only the user who started a suggestion may listen.
/// One relay serves one process; a client resumes on the process that started its suggestion.
public actor SuggestionRelay {
    /// Why a subscription was refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// No such suggestion, or it ended longer than ``SuggestionRelay/retention`` ago.
        case unknown
        /// The suggestion belongs to another user.
        case notOwner
    }

    /// What a client sees when the provider failed before the first fragment (contracts/seed003 §6).
    public static let startFailure = "Failed to get AI response"
    /// The last event of a suggestion cancelled because nobody listened.
    public static let abandoned = "The suggestion was abandoned"

    struct Record {
        let owner: String
        var events: [SuggestionEvent] = []
        var endedAt: ContinuousClock.Instant?
        var task: Task<Void, Never>?
        var listeners: [UUID: AsyncStream<SuggestionEvent>.Continuation] = [:]
        /// Counts the times the last listener left, so a late abandonment check knows one came back since.
        var unwatched = 0
    }

    /// How long a suggestion goes on with nobody listening before it is cancelled.
    public let resumeWindow: Duration
    /// How long a finished suggestion stays replayable.
    public let retention: Duration
    private var records: [String: Record] = [:]

    public init(resumeWindow: Duration = .seconds(10), retention: Duration = .seconds(300)) {
        self.resumeWindow = resumeWindow
        self.retention = retention
    }

    /// Suggestions held: running or replayable.
    public var count: Int { self.records.count }

    /// Starts asking `provider` (or, with none configured, fails at once with ``startFailure``) for `owner`, and
    /// returns the suggestion's id with a first subscription from its first event.
    public func start(
        owner: String,
        provider: (any ChatCompletionProvider)?,
        request: ChatCompletionRequest
    ) -> (id: String, events: AsyncStream<SuggestionEvent>) {
        self.purge()
        let id = UUID().uuidString.lowercased()
        self.records[id] = Record(owner: owner)
        if let provider {
            self.records[id]?.task = Task { await self.run(id, provider: provider, request: request) }
        } else {
            self.append(.error(Self.startFailure), to: id)
            self.end(id)
        }
        return (id, self.listen(to: id, after: 0))
    }

    /// The events of suggestion `id` after `lastEventID`, then the rest as they come; the stream finishes when
    /// the suggestion has ended. Ending the iteration leaves the suggestion running for ``resumeWindow``.
    public func subscribe(to id: String, as owner: String, after lastEventID: Int = 0) throws(Refusal) -> AsyncStream<SuggestionEvent> {
        self.purge()
        guard let record = self.records[id] else { throw .unknown }
        guard record.owner == owner else { throw .notOwner }
        return self.listen(to: id, after: lastEventID)
    }

    private func listen(to id: String, after lastEventID: Int) -> AsyncStream<SuggestionEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SuggestionEvent.self)
        guard let record = self.records[id] else {
            continuation.finish()
            return stream
        }
        for event in record.events where event.id > lastEventID { continuation.yield(event) }
        if record.endedAt != nil {
            continuation.finish()
            return stream
        }
        let key = UUID()
        self.records[id]?.listeners[key] = continuation
        continuation.onTermination = { _ in Task { await self.leave(id, key) } }
        return stream
    }

    private func leave(_ id: String, _ key: UUID) {
        guard var record = self.records[id], record.listeners.removeValue(forKey: key) != nil else { return }
        if record.listeners.isEmpty, record.endedAt == nil {
            record.unwatched += 1
            let mark = record.unwatched
            Task {
                try? await Task.sleep(for: self.resumeWindow)
                self.abandonIfUnwatched(id, since: mark)
            }
        }
        self.records[id] = record
    }

    private func abandonIfUnwatched(_ id: String, since mark: Int) {
        guard let record = self.records[id], record.endedAt == nil, record.listeners.isEmpty, record.unwatched == mark else { return }
        record.task?.cancel()
        self.append(.error(Self.abandoned), to: id)
        self.end(id)
    }

    private func run(_ id: String, provider: any ChatCompletionProvider, request: ChatCompletionRequest) async {
        do {
            let stream = try await provider.streamCompletion(request)
            for try await fragment in stream {
                guard self.records[id]?.endedAt == nil else { return }
                self.append(.content(fragment), to: id)
            }
        } catch {
            guard let record = self.records[id], record.endedAt == nil else { return }
            let started = record.events.contains { if case .content = $0.kind { true } else { false } }
            let message =
                if !started { Self.startFailure } else if let error = error as? ChatCompletionError { error.description } else {
                    ChatCompletionError.interrupted.description
                }
            self.append(.error(message), to: id)
        }
        self.end(id)
    }

    private func append(_ kind: SuggestionEvent.Kind, to id: String) {
        guard var record = self.records[id], record.endedAt == nil else { return }
        let event = SuggestionEvent(id: record.events.count + 1, kind: kind)
        record.events.append(event)
        for listener in record.listeners.values { listener.yield(event) }
        self.records[id] = record
    }

    private func end(_ id: String) {
        guard var record = self.records[id], record.endedAt == nil else { return }
        record.endedAt = .now
        record.task = nil
        let listeners = record.listeners.values
        record.listeners = [:]
        self.records[id] = record
        for listener in listeners { listener.finish() }
    }

    /// Forgets suggestions that ended longer than ``retention`` ago.
    private func purge() {
        let cutoff = ContinuousClock.now - self.retention
        self.records = self.records.filter { _, record in record.endedAt.map { $0 > cutoff } ?? true }
    }
}
