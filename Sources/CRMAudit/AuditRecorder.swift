import DequeModule
public import Logging
import Metrics

/// Takes events from many callers and commits them to an ``AuditLogStore`` in batches, in the order they
/// arrived. The queue is bounded: when it is full, ``record(_:)`` waits for room instead of dropping the event.
/// A failed write is retried (with back-off) until it succeeds; ``finish()`` stops intake and returns once
/// everything taken has been committed. ``commit(_:)`` queues an event and waits until it is stored, so a caller
/// can acknowledge its request only once the audit row would survive a crash: those waits end the linger early,
/// and events that arrive during one write go together in the next (group commit).
///
/// ```swift
/// let recorder = AuditRecorder(store: AuditLogSQLStore(database: db, sealer: sealer), logger: logger)
/// Task { await recorder.run() }
/// await recorder.record(AuditEvent(action: "LOGIN", actorID: "42"))
/// await recorder.finish()
/// ```
public actor AuditRecorder {
    public nonisolated let store: any AuditLogStore
    public nonisolated let capacity: Int
    public nonisolated let batchSize: Int
    /// How long the writer lets a batch fill before committing it: one transaction per linger instead of one per
    /// event keeps the store's write load flat under traffic.
    public nonisolated let linger: Duration
    let logger: Logger

    private var queue = Deque<AuditEvent>() {
        didSet { self.queueDepth.record(self.queue.count) }
    }
    /// `rapport_audit_queue_depth`, `rapport_audit_write_seconds` (one batch's commit) and
    /// `rapport_audit_write_failures_total`, when the program has a metrics backend.
    private let queueDepth = Gauge(label: "rapport_audit_queue_depth")
    private let writeDuration = Metrics.Timer(label: "rapport_audit_write_seconds", preferredDisplayUnit: .seconds)
    private let writeFailures = Counter(label: "rapport_audit_write_failures_total")
    /// Events taken since start, and events committed: `flush()` waits for the second to reach the first.
    private var taken = 0
    private var committed = 0
    private var room: [CheckedContinuation<Void, Never>] = []
    private var flushes: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    /// ``commit(_:)`` callers: told `true` once their event is stored, `false` as soon as a write fails.
    private var commits: [(target: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var wakeWriter: CheckedContinuation<Void, Never>?
    private var finishing = false
    private var finished: [CheckedContinuation<Void, Never>] = []
    private var running = false

    public init(
        store: any AuditLogStore,
        capacity: Int = 10_000,
        batchSize: Int = 500,
        linger: Duration = .milliseconds(50),
        logger: Logger
    ) {
        self.store = store
        self.capacity = max(capacity, 1)
        self.batchSize = max(batchSize, 1)
        self.linger = linger
        self.logger = logger
    }

    /// Queues `event`, waiting while the queue is full. Throws ``AuditError`` once ``finish()`` was called.
    public func record(_ event: AuditEvent) async throws(AuditError) {
        // While finishing, the writer still drains, so events that arrive meanwhile are still taken.
        guard !self.finishing || self.running else { throw AuditError(.closed, "the audit recorder has been shut down") }
        while self.queue.count >= self.capacity {
            await withCheckedContinuation { self.room.append($0) }
        }
        self.queue.append(event)
        self.taken += 1
        self.wakeWriter?.resume()
        self.wakeWriter = nil
    }

    /// Queues `event` and returns once it is stored (`true`), or as soon as a write fails (`false`: the store is
    /// failing, the event stays queued and is written when the store is back). Throws like ``record(_:)``.
    public func commit(_ event: AuditEvent) async throws(AuditError) -> Bool {
        try await self.record(event)
        let target = self.taken
        guard self.committed < target else { return true }
        return await withCheckedContinuation { self.commits.append((target, $0)) }
    }

    /// Returns when every event queued before the call is committed.
    public func flush() async {
        let target = self.taken
        guard self.committed < target else { return }
        await withCheckedContinuation { self.flushes.append((target, $0)) }
    }

    /// Events waiting to be written.
    public var backlog: Int { self.queue.count }

    /// The writer loop. Returns after ``finish()`` once the queue is empty.
    public func run() async {
        guard !self.running else { return }
        self.running = true
        var delay: Duration = .milliseconds(50)
        while true {
            if self.queue.isEmpty {
                if self.finishing { break }
                await withCheckedContinuation { self.wakeWriter = $0 }
                continue
            }
            if self.queue.count < self.batchSize, self.queue.count < self.capacity, !self.finishing, self.flushes.isEmpty,
                self.commits.isEmpty, self.linger > .zero
            {
                await Self.pause(self.linger)
            }
            let batch = Array(self.queue.prefix(self.batchSize))
            let store = self.store
            do {
                // Not cancelled with the caller: a write that failed because of cancellation would be retried for ever.
                let started = ContinuousClock.now
                try await Task { try await store.append(batch) }.value
                self.writeDuration.record(duration: ContinuousClock.now - started)
                delay = .milliseconds(50)
            } catch AuditStoreError.duplicateID(let id) where batch.count > 1 {
                // One bad event must not hold back the others: write them one by one.
                self.logger.warning("audit batch has a duplicate id; writing its events one by one", metadata: ["id": "\(id)"])
                await self.writeSingly(batch)
            } catch AuditStoreError.duplicateID(let id) {
                self.logger.error("audit event id already stored; event skipped", metadata: ["id": "\(id)"])
            } catch {
                self.logger.error("audit write failed; retrying", metadata: ["error": "\(error)", "backlog": "\(self.queue.count)"])
                self.writeFailures.increment()
                // Nobody waits on a failing store: its callers answer now, the events stay queued.
                let waiting = self.commits
                self.commits = []
                for commit in waiting { commit.continuation.resume(returning: false) }
                await Self.pause(delay)
                delay = min(delay * 2, .seconds(5))
                continue
            }
            self.queue.removeFirst(batch.count)
            self.committed += batch.count
            let waiting = self.room
            self.room = []
            for continuation in waiting { continuation.resume() }
            let done = self.flushes.filter { $0.target <= self.committed }
            self.flushes.removeAll { $0.target <= self.committed }
            for flush in done { flush.continuation.resume() }
            if !self.commits.isEmpty {
                let stored = self.commits.filter { $0.target <= self.committed }
                self.commits.removeAll { $0.target <= self.committed }
                for commit in stored { commit.continuation.resume(returning: true) }
            }
        }
        self.running = false
        let waiting = self.finished
        self.finished = []
        for continuation in waiting { continuation.resume() }
    }

    private func writeSingly(_ batch: [AuditEvent]) async {
        for event in batch {
            var delay: Duration = .milliseconds(50)
            let store = self.store
            while true {
                do {
                    _ = try await Task { try await store.append([event]) }.value
                    break
                } catch AuditStoreError.duplicateID {
                    self.logger.error("audit event id already stored; event skipped", metadata: ["id": "\(event.id)"])
                    break
                } catch {
                    self.logger.error("audit write failed; retrying", metadata: ["error": "\(error)"])
                    await Self.pause(delay)
                    delay = min(delay * 2, .seconds(5))
                }
            }
        }
    }

    /// Sleeps for `duration` even in a cancelled task, so a retry loop never spins.
    static func pause(_ duration: Duration) async {
        await Task { try? await Task.sleep(for: duration) }.value
    }

    /// Stops taking events and returns once the writer has committed everything it took.
    public func finish() async {
        self.finishing = true
        guard self.running else {
            // Nobody ran the writer: drain here.
            await self.run()
            return
        }
        self.wakeWriter?.resume()
        self.wakeWriter = nil
        await withCheckedContinuation { self.finished.append($0) }
    }
}
