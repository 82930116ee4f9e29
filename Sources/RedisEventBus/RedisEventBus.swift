public import ChatCore
import DequeModule
public import Foundation
public import Logging
import Metrics
import NIOPosix
import Synchronization

/// An ``EventBus`` on a Redis stream: every process appends what it publishes with `XADD` (the stream capped at
/// about `maxLength` entries) and reads everything after the last entry id it saw with a blocking `XREAD` on a
/// connection of its own, skipping its own entries. The database stays the source of truth; the stream only
/// carries notifications, with positions so a process that was away catches up.
///
/// - Publishing queues the event and returns; one task sends the queue in order (pipelined), so a slow or absent
///   Redis never holds up a request. While Redis is away the queue waits (up to `queueCapacity` events) and is
///   sent on reconnection; beyond that it is dropped and a *lost* marker is sent instead, so the other processes
///   know. Delivery is at least once: a batch whose replies a broken connection swallowed is sent again (message
///   events are idempotent per connection, by conversation sequence).
/// - Reading resumes from the last id seen after any reconnection. When Redis restarted meanwhile (its `run_id`
///   changed), or the entry is no longer in the stream (trimmed while this process was behind), events may have
///   been lost in between: the subscription yields ``EventBusDelivery/lost`` and goes on — after a restart with
///   what was published since, after a trim from the stream's newest entry.
public final class RedisEventBus: EventBus {
    public let configuration: RedisConfiguration
    /// The stream's key; several deployments can share one Redis with different keys.
    public let stream: String
    /// About how many entries the stream keeps (`XADD … MAXLEN ~`): how far behind a process may fall, in events,
    /// before it must resync.
    public let maxLength: Int
    /// The process this bus publishes for: its own entries are not delivered back to it.
    public let origin: UInt64
    let queueCapacity: Int
    let batchSize: Int
    let logger: Logger
    let threadPool: NIOThreadPool
    private let queue = Mutex(PublishQueue())
    private let wake: AsyncStream<Void>.Continuation
    private let tasks = Mutex<[Task<Void, Never>]>([])

    struct PublishQueue {
        var pending: Deque<String> = []
        /// Events were dropped (the queue overflowed, or Redis refused them): send a lost marker first.
        var lost = false
        var closed = false
        /// Counts overflows: a batch sent while the queue overflowed must not remove what came after it.
        var generation: UInt64 = 0
    }

    /// - Parameters:
    ///   - maxLength: about how many entries the stream keeps.
    ///   - queueCapacity: events kept while Redis is unreachable; beyond that they are dropped and reported lost.
    public init(
        configuration: RedisConfiguration,
        stream: String = "rapport:events",
        maxLength: Int = 100_000,
        origin: UInt64,
        queueCapacity: Int = 100_000,
        batchSize: Int = 256,
        logger: Logger
    ) {
        self.configuration = configuration
        self.stream = stream
        self.maxLength = max(maxLength, 1)
        self.origin = origin
        self.queueCapacity = max(queueCapacity, 1)
        self.batchSize = max(batchSize, 1)
        self.logger = logger
        // The publisher's thread (each subscription has its own).
        self.threadPool = NIOThreadPool(numberOfThreads: 1)
        self.threadPool.start()
        let (signals, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.wake = wake
        let publisher = Task { [weak self] in
            for await _ in signals {
                guard let self else { return }
                await self.sendPending()
                if self.queue.withLock({ $0.closed && $0.pending.isEmpty }) { return }
            }
        }
        self.tasks.withLock { $0.append(publisher) }
    }

    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()
    static let published = Counter(label: "rapport_event_bus_published_total", dimensions: [("bus", "redis")])
    static let received = Counter(label: "rapport_event_bus_received_total", dimensions: [("bus", "redis")])
    static let lostCount = Counter(label: "rapport_event_bus_lost_total", dimensions: [("bus", "redis")])

    /// Queues `event` for the other processes and returns at once.
    public func publish(_ event: HubEvent) async throws {
        let payload = String(decoding: try Self.encoder.encode(event), as: UTF8.self)
        let overflowed = self.queue.withLock { queue -> Bool in
            guard !queue.closed else { return false }
            if queue.pending.count >= self.queueCapacity {
                queue.pending.removeAll()
                queue.lost = true
                queue.generation &+= 1
                return true
            }
            queue.pending.append(payload)
            return false
        }
        if overflowed {
            self.logger.error(
                "Redis event queue overflowed; its events are dropped and reported lost",
                metadata: ["capacity": "\(self.queueCapacity)"]
            )
        }
        self.wake.yield()
    }

    /// Error replies that mean "not now" rather than "not this event".
    static func isTransient(_ error: String) -> Bool {
        ["READONLY", "LOADING", "MASTERDOWN", "OOM", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "NOAUTH", "NOPERM"].contains {
            error.hasPrefix($0)
        }
    }

    /// How many events wait to be sent.
    public var pendingCount: Int { self.queue.withLock { $0.pending.count } }

    /// Sends the queue until it is empty, reconnecting with back-off while Redis is unreachable.
    private func sendPending() async {
        var connection: RedisConnection?
        var backoff = 0.1
        while true {
            let (batch, lost, generation) = self.queue.withLock { queue -> ([String], Bool, UInt64) in
                (Array(queue.pending.prefix(self.batchSize)), queue.lost, queue.generation)
            }
            if batch.isEmpty && !lost { return }
            var commands: [[String]] = []
            let cap = ["MAXLEN", "~", String(self.maxLength), "*"]
            if lost { commands.append(["XADD", self.stream] + cap + ["o", String(self.origin), "lost", "1"]) }
            for payload in batch { commands.append(["XADD", self.stream] + cap + ["o", String(self.origin), "e", payload]) }
            do {
                if connection == nil {
                    let configuration = self.configuration
                    connection = try await self.threadPool.runIfActive { try RedisConnection.connect(configuration) }
                }
                let open = connection!
                let send = commands
                let replies = try await self.threadPool.runIfActive { try open.pipeline(send) }
                // A server that cannot take writes now (a replica after a failover, loading, out of memory) is
                // treated as unreachable: the batch waits and is sent again.
                for case .error(let text) in replies where Self.isTransient(text) { throw RedisError.connection(text) }
                backoff = 0.1
                var refused = 0
                for case .error(let text) in replies {
                    refused += 1
                    self.logger.error("Redis refused an event", metadata: ["error": "\(text)"])
                }
                self.queue.withLock { queue in
                    // After an overflow during the send, what is queued came later: it stays, and so does the loss.
                    guard queue.generation == generation else { return }
                    queue.pending.removeFirst(min(batch.count, queue.pending.count))
                    if lost { queue.lost = false }
                    if refused > 0 { queue.lost = true }
                }
                Self.published.increment(by: Int64(batch.count - refused))
                if refused > 0 { try? await Task.sleep(for: .seconds(1)) }
            } catch {
                connection = nil
                if self.queue.withLock({ $0.closed }) { return }
                self.logger.warning(
                    "Redis unreachable for publishing; events wait",
                    metadata: ["error": "\(error)", "pending": "\(self.pendingCount)"]
                )
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 5)
            }
        }
    }

    /// Connects a reading connection and starts after the stream's newest entry; throws when Redis cannot be
    /// reached now (the caller subscribes again later). Afterwards the subscription survives Redis outages by
    /// itself, reporting ``EventBusDelivery/lost`` where it cannot prove it missed nothing.
    public func subscribe() async throws -> AsyncThrowingStream<EventBusDelivery, any Error> {
        // Each subscription has a thread of its own for its blocking reads.
        let reader = NIOThreadPool(numberOfThreads: 1)
        reader.start()
        let configuration = self.configuration
        let position: (RedisConnection, String, String)
        do {
            position = try await reader.runIfActive {
                let connection = try RedisConnection.connect(configuration)
                try connection.setTimeout(configuration.timeout + Double(Self.blockMilliseconds) / 1000)
                return (connection, try self.newest(on: connection), try Self.runID(on: connection))
            }
        } catch {
            try? await reader.shutdownGracefully()
            throw error
        }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: EventBusDelivery.self)
        let task = Task { [weak self] in
            await self?.read(after: position.1, on: position.0, server: position.2, threads: reader, into: continuation)
            continuation.finish()
            try? await reader.shutdownGracefully()
        }
        continuation.onTermination = { _ in task.cancel() }
        self.tasks.withLock { tasks in
            tasks.removeAll { $0.isCancelled }
            tasks.append(task)
        }
        return stream
    }

    /// How long one blocking `XREAD` waits for new entries; also the longest a cancelled subscription lingers.
    static let blockMilliseconds = 1000
    static let readCount = 512

    /// Reads the stream after `start` into `continuation` until cancelled, reconnecting with back-off.
    private func read(
        after start: String,
        on first: RedisConnection,
        server firstRun: String,
        threads: NIOThreadPool,
        into continuation: AsyncThrowingStream<EventBusDelivery, any Error>.Continuation
    ) async {
        var connection: RedisConnection? = first
        /// The id of the last entry read ("0-0": the stream was empty).
        var cursor = start
        /// The Redis server's `run_id`: a new one means it restarted, and may have lost entries after `cursor`
        /// even where it kept `cursor` itself (a snapshot taken between them).
        var run = firstRun
        var backoff = 0.1
        let own = String(self.origin)
        while !Task.isCancelled {
            do {
                if connection == nil {
                    let configuration = self.configuration
                    let last = cursor
                    let (open, kept, newest, newRun) = try await threads.runIfActive {
                        let open = try RedisConnection.connect(configuration)
                        try open.setTimeout(configuration.timeout + Double(Self.blockMilliseconds) / 1000)
                        // Whether the stream still holds the last entry read; if not, what followed it may be gone.
                        return (open, try self.contains(last, on: open), try self.newest(on: open), try Self.runID(on: open))
                    }
                    if newRun != run {
                        // Redis restarted: what it lost cannot be told. Entries after the old position were
                        // published since the restart (ids are times), so reading on after it delivers them; a
                        // stream whose newest entry is older than the position (a clock set back) goes on from there.
                        self.logger.warning("Redis restarted; connections resync")
                        Self.lostCount.increment()
                        continuation.yield(.lost)
                        if Self.precedes(newest, last) { cursor = newest }
                        run = newRun
                    } else if !kept {
                        // The same server trimmed the position away while this process was gone: what survived
                        // is old, and the resync covers it; reading goes on from the newest entry.
                        self.logger.warning("the Redis stream no longer holds this process's position; connections resync")
                        Self.lostCount.increment()
                        continuation.yield(.lost)
                        cursor = newest
                    }
                    connection = open
                    backoff = 0.1
                }
                let open = connection!
                let from = cursor
                let reply = try await threads.runIfActive {
                    try open.command([
                        "XREAD", "COUNT", String(Self.readCount), "BLOCK", String(Self.blockMilliseconds), "STREAMS", self.stream, from,
                    ])
                }
                let entries = try Self.entries(of: reply)
                if entries.isEmpty { continue }
                // A full batch means this process is behind: if its position was trimmed meanwhile, some of what
                // followed it may have gone too.
                if entries.count == Self.readCount, from != "0-0" {
                    let (kept, newest) = try await threads.runIfActive { (try self.contains(from, on: open), try self.newest(on: open)) }
                    if !kept {
                        // This batch is old news too: the resync covers it, and reading goes on from the newest entry.
                        self.logger.warning("this process fell behind the Redis stream's length; connections resync")
                        Self.lostCount.increment()
                        continuation.yield(.lost)
                        cursor = newest
                        continue
                    }
                }
                for entry in entries {
                    cursor = entry.id
                    guard entry.fields["o"] != own else { continue }
                    if entry.fields["lost"] != nil {
                        Self.lostCount.increment()
                        continuation.yield(.lost)
                    } else if let payload = entry.fields["e"] {
                        do {
                            continuation.yield(.event(try Self.decoder.decode(HubEvent.self, from: Data(payload.utf8))))
                            Self.received.increment()
                        } catch {
                            self.logger.error("unreadable realtime event", metadata: ["id": "\(entry.id)", "error": "\(error)"])
                        }
                    }
                }
            } catch {
                if Task.isCancelled { break }
                connection = nil
                self.logger.warning("Redis event stream read failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(backoff * 2, 5)
            }
        }
    }

    struct Entry {
        var id: String
        var fields: [String: String]
    }

    /// The entries of an `XREAD` reply (none on a timeout).
    static func entries(of reply: RedisReply) throws(RedisError) -> [Entry] {
        switch reply {
        case .null: return []
        case .error(let text): throw .server(text)
        case .array(let streams):
            var entries: [Entry] = []
            for stream in streams {
                guard let parts = stream.elements, parts.count == 2, let list = parts[1].elements else {
                    throw .unexpectedReply("XREAD stream \(stream)")
                }
                for item in list {
                    guard let pair = item.elements, pair.count == 2, let id = pair[0].text, let raw = pair[1].elements else {
                        throw .unexpectedReply("XREAD entry \(item)")
                    }
                    var fields: [String: String] = [:]
                    var index = 0
                    while index + 1 < raw.count {
                        if let name = raw[index].text, let value = raw[index + 1].text { fields[name] = value }
                        index += 2
                    }
                    entries.append(Entry(id: id, fields: fields))
                }
            }
            return entries
        default: throw .unexpectedReply("XREAD \(reply)")
        }
    }

    /// The id of the stream's newest entry, or "0-0" when there is none.
    private func newest(on connection: RedisConnection) throws(RedisError) -> String {
        let reply = try connection.command(["XREVRANGE", self.stream, "+", "-", "COUNT", "1"])
        if case .error(let text) = reply { throw .server(text) }
        guard let first = reply.elements?.first?.elements?.first?.text else { return "0-0" }
        return first
    }

    /// The server's `run_id` (`INFO server`), which changes at every restart.
    static func runID(on connection: RedisConnection) throws(RedisError) -> String {
        let reply = try connection.command(["INFO", "server"])
        if case .error(let text) = reply { throw .server(text) }
        guard let text = reply.text, let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("run_id:") }) else {
            throw .unexpectedReply("INFO server without run_id")
        }
        return String(line.dropFirst("run_id:".count)).trimmingCharacters(in: .whitespaces)
    }

    /// Whether the entry `id` is still in the stream ("0-0", the position before any entry, always is).
    private func contains(_ id: String, on connection: RedisConnection) throws(RedisError) -> Bool {
        if id == "0-0" { return true }
        let reply = try connection.command(["XRANGE", self.stream, id, id])
        if case .error(let text) = reply { throw .server(text) }
        return !(reply.elements?.isEmpty ?? true)
    }

    /// Whether stream id `a` comes before `b` (`milliseconds-sequence`, compared as numbers).
    static func precedes(_ a: String, _ b: String) -> Bool {
        func parts(_ id: String) -> (UInt64, UInt64) {
            let pieces = id.split(separator: "-", maxSplits: 1)
            return (UInt64(pieces.first ?? "") ?? 0, pieces.count > 1 ? UInt64(pieces[1]) ?? 0 : 0)
        }
        return parts(a) < parts(b)
    }

    /// Sends what is queued (waiting up to `timeout` for Redis), stops every subscription and the threads.
    public func shutdown(timeout: Duration = .seconds(2)) async {
        let deadline = ContinuousClock.now + timeout
        while self.pendingCount > 0, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        self.queue.withLock { $0.closed = true }
        self.wake.finish()
        for task in self.tasks.withLock({ $0 }) { task.cancel() }
        try? await self.threadPool.shutdownGracefully()
    }
}
