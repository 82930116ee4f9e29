public import Foundation
import Synchronization

/// How a live connection wants its frames: seed 004's flat objects (`{"type": "message", "conversation_id": …}`)
/// or envelopes (`{"type": …, "data": {…}}`).
public enum FrameDialect: String, Sendable, Hashable, Codable {
    case flat, envelope
}

/// One live connection, unique across server processes.
public struct HubConnectionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let process: UInt64
    public let number: UInt64
    public var description: String { "\(String(self.process, radix: 36))-\(self.number)" }
}

/// Something to push: who gets it, and its frame in each dialect (a dialect without a frame gets nothing). The
/// publisher renders each frame once, whatever the number of connections.
public struct HubEvent: Sendable, Codable, Equatable {
    public var recipients: [ParticipantID]
    public var frames: [FrameDialect: String]
    /// A connection that already has what this event says (the sender's, which got an acknowledgement).
    public var except: HubConnectionID?
    /// A user whose connections skip this event (the subject of a presence change).
    public var exceptUser: ParticipantID?

    public init(recipients: [ParticipantID], frames: [FrameDialect: String], except: HubConnectionID? = nil, exceptUser: ParticipantID? = nil) {
        self.recipients = recipients
        self.frames = frames
        self.except = except
        self.exceptUser = exceptUser
    }
}

/// A user's presence as the hub sees it: online while at least one connection is open. Going offline waits a
/// grace period, so a reconnect does not flap.
public enum PresenceChange: Sendable, Equatable {
    case online(ParticipantID)
    case offline(ParticipantID)
}

/// The frames waiting for one connection: a bounded queue. When it overflows the connection has missed a frame,
/// so it is marked for closing (its client resumes from the last sequence it saw) — one slow reader never holds
/// up anyone else.
public final class HubOutbox: Sendable {
    public let id: HubConnectionID
    public let user: ParticipantID
    public let dialect: FrameDialect
    /// Other ids this connection receives events for (such as a group of monitors); they have no presence.
    public let aliases: [ParticipantID]
    /// The frames to write, in order.
    public let frames: AsyncStream<String>
    let continuation: AsyncStream<String>.Continuation
    private let overflowed = Atomic<Bool>(false)

    init(id: HubConnectionID, user: ParticipantID, dialect: FrameDialect, aliases: [ParticipantID], capacity: Int) {
        self.id = id
        self.user = user
        self.dialect = dialect
        self.aliases = aliases
        (self.frames, self.continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(capacity))
    }

    /// True once a frame could not be queued: the connection must be closed (1008).
    public var hasOverflowed: Bool { self.overflowed.load(ordering: .acquiring) }

    /// Queues a frame; false (and the outbox marked overflowed) when the queue is full or finished.
    @discardableResult
    public func push(_ frame: String) -> Bool {
        guard !self.hasOverflowed else { return false }
        switch self.continuation.yield(frame) {
        case .enqueued: return true
        case .dropped:
            self.overflowed.store(true, ordering: .releasing)
            self.continuation.finish()
            return false
        case .terminated: return false
        @unknown default: return false
        }
    }
}

/// The live connections of this process, by user. Delivery to a connection only queues a frame in its
/// ``HubOutbox``; the transport drains it.
public actor ChatHub {
    private var outboxes: [HubConnectionID: HubOutbox] = [:]
    private var byUser: [ParticipantID: Set<HubConnectionID>] = [:]
    private var byAlias: [ParticipantID: Set<HubConnectionID>] = [:]
    private var goingOffline: [ParticipantID: Task<Void, Never>] = [:]
    private var nextNumber: UInt64 = 0
    public nonisolated let process = UInt64.random(in: 1...UInt64.max)
    public let queueCapacity: Int
    public let presenceGrace: Duration
    private var presenceObservers: [@Sendable (PresenceChange) async -> Void] = []

    /// - Parameters:
    ///   - queueCapacity: frames a connection may have waiting before it is closed as too slow.
    ///   - presenceGrace: how long a user with no connection left still counts as online.
    public init(queueCapacity: Int = 256, presenceGrace: Duration = .seconds(5)) {
        self.queueCapacity = max(queueCapacity, 1)
        self.presenceGrace = presenceGrace
    }

    /// Calls `observer` on every presence change (after the change is visible through ``isOnline(_:)``).
    public func observePresence(_ observer: @escaping @Sendable (PresenceChange) async -> Void) {
        self.presenceObservers.append(observer)
    }

    /// Registers a connection of `user`, which also receives what is sent to each of `aliases`.
    public func connect(user: ParticipantID, dialect: FrameDialect, aliases: [ParticipantID] = []) async -> HubOutbox {
        self.nextNumber += 1
        let outbox = HubOutbox(
            id: HubConnectionID(process: self.process, number: self.nextNumber), user: user, dialect: dialect, aliases: aliases,
            capacity: self.queueCapacity
        )
        let wasOnline = !(self.byUser[user]?.isEmpty ?? true) || self.goingOffline[user] != nil
        self.goingOffline.removeValue(forKey: user)?.cancel()
        self.outboxes[outbox.id] = outbox
        self.byUser[user, default: []].insert(outbox.id)
        for alias in aliases { self.byAlias[alias, default: []].insert(outbox.id) }
        if !wasOnline { await self.announce(.online(user)) }
        return outbox
    }

    /// Removes a connection; the user goes offline after the grace period unless it connects again.
    public func disconnect(_ id: HubConnectionID) {
        guard let outbox = self.outboxes.removeValue(forKey: id) else { return }
        outbox.continuation.finish()
        for alias in outbox.aliases {
            self.byAlias[alias]?.remove(id)
            if self.byAlias[alias]?.isEmpty == true { self.byAlias.removeValue(forKey: alias) }
        }
        self.byUser[outbox.user]?.remove(id)
        guard self.byUser[outbox.user]?.isEmpty ?? true else { return }
        self.byUser.removeValue(forKey: outbox.user)
        let user = outbox.user, grace = self.presenceGrace
        self.goingOffline[user] = Task {
            try? await Task.sleep(for: grace)
            guard !Task.isCancelled else { return }
            await self.wentOffline(user)
        }
    }

    private func wentOffline(_ user: ParticipantID) async {
        guard self.goingOffline.removeValue(forKey: user) != nil, self.byUser[user] == nil else { return }
        await self.announce(.offline(user))
    }

    private func announce(_ change: PresenceChange) async {
        for observer in self.presenceObservers { await observer(change) }
    }

    /// Queues the event's frame on every connection of every recipient (except `event.except`). Returns how many
    /// connections got it.
    @discardableResult
    public func deliver(_ event: HubEvent) -> Int {
        var targets = Set<HubConnectionID>()
        for user in event.recipients {
            targets.formUnion(self.byUser[user] ?? [])
            targets.formUnion(self.byAlias[user] ?? [])
        }
        if let except = event.except { targets.remove(except) }
        var delivered = 0
        for id in targets {
            guard let outbox = self.outboxes[id], outbox.user != event.exceptUser, let frame = event.frames[outbox.dialect] else { continue }
            if outbox.push(frame) { delivered += 1 }
        }
        return delivered
    }

    /// Queues a frame on one connection.
    @discardableResult
    public func send(_ frame: String, to id: HubConnectionID) -> Bool {
        self.outboxes[id]?.push(frame) ?? false
    }

    /// Online: at least one open connection, or inside the grace period after the last one closed.
    public func isOnline(_ user: ParticipantID) -> Bool { self.byUser[user] != nil || self.goingOffline[user] != nil }

    public func onlineUsers() -> [ParticipantID] {
        Set(self.byUser.keys).union(self.goingOffline.keys).sorted()
    }

    public func connections(of user: ParticipantID) -> Int { self.byUser[user]?.count ?? 0 }

    public var connectionCount: Int { self.outboxes.count }
}

/// Carries hub events to every server process: each process publishes what it produces and delivers what it
/// receives to its own ``ChatHub``.
public protocol EventBus: Sendable {
    func publish(_ event: HubEvent) async throws
    /// Every event published from now on (by any process), in the order each publisher published them.
    func subscribe() async throws -> AsyncThrowingStream<HubEvent, any Error>
}

/// The bus of a single process: publishing is delivering.
public final class LocalEventBus: EventBus {
    private let subscribers = Mutex<[UUID: AsyncThrowingStream<HubEvent, any Error>.Continuation]>([:])

    public init() {}

    public func publish(_ event: HubEvent) async throws {
        for continuation in self.subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    public func subscribe() async throws -> AsyncThrowingStream<HubEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: HubEvent.self)
        let id = UUID()
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { _ = $0.removeValue(forKey: id) } }
        self.subscribers.withLock { $0[id] = continuation }
        return stream
    }
}

extension ChatHub {
    /// Delivers every event of `bus` to this hub until the task is cancelled or the bus ends.
    public func run(_ bus: any EventBus) async throws {
        for try await event in try await bus.subscribe() {
            self.deliver(event)
        }
    }
}
