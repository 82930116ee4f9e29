import DequeModule
public import Foundation
import Synchronization

/// The frames waiting for one connection: a bounded queue. When it overflows the connection has missed a frame,
/// so it is marked for closing (its client resumes from the last sequence it saw) — one slow reader never holds
/// up anyone else.
///
/// Message frames carry their conversation's sequence number, and the outbox passes each conversation's
/// messages on once and in order: a number at or below the last one queued is a duplicate and dropped; one that
/// skips ahead waits (up to `gapWait`) for those before it, which another request — or another server process,
/// whose events the bus may bring in a different order — may still be publishing; the first message of a
/// conversation the connection has not seen yet waits `firstWait` (unless it is number 1) for lower numbers still
/// on their way, since the connection has no earlier number to tell a gap by; and while a resume replays a
/// conversation from the database, its live messages wait until the replay is queued. Held messages go out when
/// their wait ends, whether or not another message comes.
///
/// The transport takes the frames one of two ways. With ``onFrames(_:)`` it names a writer that runs in a task
/// of its own only while there is something to write (an idle connection has no writer task, and so none of the
/// memory a task keeps). Or it reads ``frames``, an asynchronous sequence, from a task of its own.
public final class HubOutbox: Sendable {
    public let id: HubConnectionID
    public let user: ParticipantID
    public let dialect: FrameDialect
    /// Other ids this connection receives events for (such as a group of monitors); they have no presence.
    public let aliases: [ParticipantID]
    private let queue = Mutex(Queue())
    let capacity: Int
    private let overflowed = Atomic<Bool>(false)
    private let order = Mutex(Ordering())
    /// Held while a message's place is decided and its frames queued, so two pushes of one connection (the hub's
    /// delivery, the connection's own acknowledgement, a held message's timer) cannot queue in the wrong order.
    private let sequencing = Mutex(())
    let gapWait: Duration
    let firstWait: Duration

    struct Queue {
        var frames = Deque<String>()
        /// Frames the writer took and is still writing: they count against the capacity until its next take.
        var taken = 0
        /// No frame is accepted any more (overflowed, closing or disconnected).
        var ended = false
        /// The transport's writer, and whether a task of it is running.
        var writer: (@Sendable (HubOutbox) async -> Void)?
        var writing = false
        /// The writer saw the queue ended and empty: it is not started again.
        var done = false
        /// A reader of ``HubOutbox/frames`` waiting for the next frame.
        var waiter: CheckedContinuation<String?, Never>?
    }

    struct Ordering {
        /// The highest sequence number queued, per conversation.
        var last: [ConversationID: Int64] = [:]
        /// Frames waiting for a gap to fill or a replay to finish, by sequence number.
        var held: [ConversationID: [Int64: String?]] = [:]
        /// When the held frames of a conversation go out whatever is missing.
        var heldUntil: [ConversationID: ContinuousClock.Instant] = [:]
        var resuming: Set<ConversationID> = []
        /// The first sequence number queued live, per conversation.
        var first: [ConversationID: Int64] = [:]
    }

    init(
        id: HubConnectionID,
        user: ParticipantID,
        dialect: FrameDialect,
        aliases: [ParticipantID],
        capacity: Int,
        resuming: [ConversationID: Int64] = [:],
        gapWait: Duration = .seconds(1),
        firstWait: Duration = .milliseconds(100)
    ) {
        self.id = id
        self.firstWait = firstWait
        self.user = user
        self.dialect = dialect
        self.aliases = aliases
        self.gapWait = gapWait
        self.capacity = capacity
        self.order.withLock { order in
            order.resuming = Set(resuming.keys)
            order.last = resuming
        }
    }

    /// True once a frame could not be queued: the connection must be closed (1008).
    public var hasOverflowed: Bool { self.overflowed.load(ordering: .acquiring) }

    private let closing = Atomic<Bool>(false)
    /// True once the hub closed the connection because the server is stopping (1001).
    public var isClosing: Bool { self.closing.load(ordering: .acquiring) }

    /// Ends the queue, marked as closing (the server is stopping).
    public func close() {
        self.closing.store(true, ordering: .releasing)
        self.finish()
    }

    /// Ends the queue: what is queued is still written, nothing more is accepted.
    func finish() {
        self.update { queue in queue.ended = true }
    }

    /// Queues a frame; false (and the outbox marked overflowed) when the queue is full or finished.
    @discardableResult
    public func push(_ frame: String) -> Bool {
        var overflow = false
        let queued = self.update { queue in
            guard !queue.ended else { return false }
            guard queue.frames.count + queue.taken < self.capacity else {
                overflow = true
                queue.ended = true
                return false
            }
            queue.frames.append(frame)
            return true
        }
        if overflow { self.overflowed.store(true, ordering: .releasing) }
        return queued
    }

    /// Applies `change` to the queue, then wakes whoever takes the frames: the waiting reader of ``frames``, or
    /// a new task of the writer when none is running.
    private func update<R>(_ change: (inout Queue) -> R) -> R {
        let (result, waiter, next, writer) = self.queue.withLock {
            queue -> (R, CheckedContinuation<String?, Never>?, String??, (@Sendable (HubOutbox) async -> Void)?) in
            let result = change(&queue)
            guard !queue.frames.isEmpty || queue.ended else { return (result, nil, nil, nil) }
            if let waiter = queue.waiter {
                queue.waiter = nil
                return (result, waiter, .some(queue.frames.popFirst()), nil)
            }
            guard let writer = queue.writer, !queue.writing, !queue.done else { return (result, nil, nil, nil) }
            queue.writing = true
            return (result, nil, nil, writer)
        }
        if let waiter, let next { waiter.resume(returning: next) }
        if let writer { Task { await writer(self) } }
        return result
    }

    /// Names the transport's writer: from now on, whenever there are frames to write (or the queue ended), one
    /// task runs `writer`, which calls ``take()`` until it answers nothing and then returns.
    public func onFrames(_ writer: @escaping @Sendable (HubOutbox) async -> Void) {
        self.update { queue in queue.writer = writer }
    }

    /// For the writer of ``onFrames(_:)``: every frame queued, in order. Empty means there is nothing to write:
    /// the writer returns (the next frame starts a new one); after ``isEnded`` it closes the connection.
    public func take() -> [String] {
        self.queue.withLock { queue in
            guard !queue.frames.isEmpty else {
                queue.taken = 0
                queue.writing = false
                if queue.ended { queue.done = true }
                return []
            }
            defer { queue.frames.removeAll(keepingCapacity: false) }
            queue.taken = queue.frames.count
            return Array(queue.frames)
        }
    }

    /// True once nothing more will be queued (overflowed, closing or disconnected).
    public var isEnded: Bool { self.queue.withLock { $0.ended } }

    /// The frames, in order, for a transport that reads them from a task of its own (instead of ``onFrames(_:)``);
    /// it ends when the queue ends and is empty.
    public var frames: Frames { Frames(outbox: self) }

    public struct Frames: AsyncSequence, Sendable {
        let outbox: HubOutbox

        public struct AsyncIterator: AsyncIteratorProtocol {
            let outbox: HubOutbox
            public mutating func next() async -> String? { await self.outbox.next() }
        }

        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(outbox: self.outbox) }
    }

    private func next() async -> String? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                let ready: String?? = self.queue.withLock { queue in
                    if let frame = queue.frames.popFirst() { return .some(frame) }
                    if queue.ended || Task.isCancelled { return .some(nil) }
                    queue.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = self.queue.withLock { queue in
                defer { queue.waiter = nil }
                return queue.waiter
            }
            waiter?.resume(returning: nil)
        }
    }

    /// Queues message `seq` of `conversation` in order (see the type's description); false on overflow. A `nil`
    /// frame marks the message delivered without sending anything (the connection knows it another way).
    @discardableResult
    public func push(_ frame: String?, conversation: ConversationID, seq: Int64, replay: Bool = false) -> Bool {
        self.sequencing.withLock { _ in self.pushInOrder(frame, conversation: conversation, seq: seq, replay: replay) }
    }

    private func pushInOrder(_ frame: String?, conversation: ConversationID, seq: Int64, replay: Bool) -> Bool {
        let now = ContinuousClock.now
        var wake: ContinuousClock.Instant?
        let ready: [String?] = self.order.withLock { order in
            if let last = order.last[conversation], seq <= last { return [] }
            let waiting = !replay && order.resuming.contains(conversation)
            let unseen = order.last[conversation] == nil
            let gap = order.last[conversation].map { seq > $0 + 1 } ?? (!replay && seq > 1)
            if waiting || gap {
                order.held[conversation, default: [:]][seq] = .some(frame)
                if order.heldUntil[conversation] == nil {
                    let until = now + (unseen ? self.firstWait : self.gapWait)
                    order.heldUntil[conversation] = until
                    if !waiting { wake = until }
                }
                // A gap that has waited long enough is given up on: the client can resume to fill it.
                guard !waiting, let until = order.heldUntil[conversation], now >= until else { return [] }
                return Self.release(conversation, &order, force: true)
            }
            order.last[conversation] = seq
            if order.first[conversation] == nil { order.first[conversation] = seq }
            return [frame] + Self.release(conversation, &order, force: false)
        }
        if let wake {
            Task { [weak self] in
                try? await Task.sleep(until: wake, clock: .continuous)
                self?.releaseExpired(conversation)
            }
        }
        for case let frame? in ready where !self.push(frame) { return false }
        return true
    }

    /// Sends what `conversation` holds once its wait is over (unless a resume is replaying it).
    private func releaseExpired(_ conversation: ConversationID) {
        self.sequencing.withLock { _ in self.releaseExpiredInOrder(conversation) }
    }

    private func releaseExpiredInOrder(_ conversation: ConversationID) {
        let ready = self.order.withLock { order -> [String?] in
            guard !order.resuming.contains(conversation), let until = order.heldUntil[conversation], ContinuousClock.now >= until else {
                return []
            }
            return Self.release(conversation, &order, force: true)
        }
        for case let frame? in ready where !self.push(frame) { return }
    }

    /// The bus lost events: queues what is held, forgets which numbers this connection has (so a resume replays
    /// from the position the client gives, not from what was queued live) and queues `frame`, the `resync`.
    @discardableResult
    public func resync(_ frame: String) -> Bool {
        self.sequencing.withLock { _ in self.resyncInOrder(frame) }
    }

    private func resyncInOrder(_ frame: String) -> Bool {
        let ready = self.order.withLock { order -> [String?] in
            var out: [String?] = []
            for conversation in order.held.keys.sorted(by: { $0.rawValue < $1.rawValue }) where !order.resuming.contains(conversation) {
                out += Self.release(conversation, &order, force: true)
            }
            order.last = order.last.filter { order.resuming.contains($0.key) }
            order.first = [:]
            return out
        }
        for case let frame? in ready where !self.push(frame) { return false }
        return self.push(frame)
    }

    /// Held frames of `conversation` that can go now, in order: those continuing the sequence, or all with `force`.
    private static func release(_ conversation: ConversationID, _ order: inout Ordering, force: Bool) -> [String?] {
        guard var held = order.held[conversation], !held.isEmpty else { return [] }
        var out: [String?] = []
        for seq in held.keys.sorted() {
            let last = order.last[conversation] ?? (seq - 1)
            if seq <= last {
                held.removeValue(forKey: seq)
                continue
            }
            guard force || seq == last + 1 else { break }
            out.append(held.removeValue(forKey: seq)!)
            order.last[conversation] = seq
            // Queued live: a resume must replay below it, not be cut off by it.
            if order.first[conversation] == nil, !order.resuming.contains(conversation) { order.first[conversation] = seq }
        }
        order.held[conversation] = held.isEmpty ? nil : held
        if held.isEmpty { order.heldUntil.removeValue(forKey: conversation) }
        return out
    }

    /// Starts a resume of `conversation` after `seq`: live messages wait until ``endResume(_:)``. Returns the
    /// first sequence number already queued live on this connection, if any: the replay must stop below it (and
    /// comes after it — a resume sent when connecting, ``ChatHub/connect(user:dialect:aliases:resuming:)``,
    /// keeps the order too).
    public func beginResume(_ conversation: ConversationID, after seq: Int64) -> Int64? {
        self.order.withLock { order in
            order.resuming.insert(conversation)
            if let first = order.first[conversation] { return first }
            order.last[conversation] = max(order.last[conversation] ?? seq, seq)
            return nil
        }
    }

    /// Ends a resume: live messages that arrived meanwhile follow the replay, without duplicates.
    @discardableResult
    public func endResume(_ conversation: ConversationID) -> Bool {
        self.sequencing.withLock { _ in self.endResumeInOrder(conversation) }
    }

    private func endResumeInOrder(_ conversation: ConversationID) -> Bool {
        var wake: ContinuousClock.Instant?
        let ready = self.order.withLock { order in
            order.resuming.remove(conversation)
            // What continues the replay goes now; a live message beyond a gap waits for the missing one as any gap
            // does (it may have been stored after the replay was read and still be on its way from another process).
            let ready = Self.release(conversation, &order, force: false)
            if order.held[conversation] != nil {
                let until = ContinuousClock.now + self.gapWait
                order.heldUntil[conversation] = until
                wake = until
            }
            return ready
        }
        if let wake {
            Task { [weak self] in
                try? await Task.sleep(until: wake, clock: .continuous)
                self?.releaseExpired(conversation)
            }
        }
        for case let frame? in ready where !self.push(frame) { return false }
        return true
    }
}
