import DequeModule
public import Foundation
import Synchronization

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

    /// Registers a connection of `user`, which also receives what is sent to each of `aliases`. The
    /// conversations of `resuming` (with the last sequence number the client saw) hold their live messages until
    /// the replay ends (``HubOutbox/endResume(_:)``), so the client gets everything once and in order.
    public func connect(
        user: ParticipantID,
        dialect: FrameDialect,
        aliases: [ParticipantID] = [],
        resuming: [ConversationID: Int64] = [:]
    ) async -> HubOutbox {
        self.nextNumber += 1
        let outbox = HubOutbox(
            id: HubConnectionID(process: self.process, number: self.nextNumber),
            user: user,
            dialect: dialect,
            aliases: aliases,
            capacity: self.queueCapacity,
            resuming: resuming
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
        outbox.finish()
        for alias in outbox.aliases {
            self.byAlias[alias]?.remove(id)
            if self.byAlias[alias]?.isEmpty == true { self.byAlias.removeValue(forKey: alias) }
        }
        self.byUser[outbox.user]?.remove(id)
        guard self.byUser[outbox.user]?.isEmpty ?? true else { return }
        self.byUser.removeValue(forKey: outbox.user)
        let user = outbox.user
        let grace = self.presenceGrace
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
            let queued =
                if let conversation = event.conversationID, let seq = event.seq {
                    outbox.push(frame, conversation: conversation, seq: seq)
                } else {
                    outbox.push(frame)
                }
            if queued { delivered += 1 }
        }
        return delivered
    }

    /// The bus lost events: every connection gets its `resync` frame (in its dialect) after what it holds, and
    /// forgets which message numbers it has, so the client's resume replays from where it says. Returns how many
    /// connections were told.
    @discardableResult
    public func resyncAll(_ frames: [FrameDialect: String]) -> Int {
        var told = 0
        for outbox in self.outboxes.values {
            guard let frame = frames[outbox.dialect] else { continue }
            if outbox.resync(frame) { told += 1 }
        }
        return told
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

    /// Which of `users` are online, in order: as cheap as the list is short, whatever the number of connections.
    public func online(among users: some Sequence<ParticipantID>) -> [ParticipantID] {
        Set(users).filter { self.isOnline($0) }.sorted()
    }

    public func connections(of user: ParticipantID) -> Int { self.byUser[user]?.count ?? 0 }

    /// Ends every connection's queue, marked as closing: the server is stopping, and the transports close
    /// their sockets (1001) once what is queued is written.
    public func closeAll() {
        for outbox in self.outboxes.values { outbox.close() }
    }

    /// Ends the queues of `user`'s connections, marked as closing (the account is deleted); returns how many.
    @discardableResult public func close(user: ParticipantID) -> Int {
        let ids = self.byUser[user] ?? []
        for id in ids { self.outboxes[id]?.close() }
        return ids.count
    }

    public var connectionCount: Int { self.outboxes.count }
}
