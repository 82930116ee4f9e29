public import Foundation
public import Logging
public import SQLKit
import StorageKit

/// An ``EventBus`` on the database the server processes share: publishing inserts a row into
/// `realtime_events`; every process polls for rows other processes wrote and delivers them to its own hub.
///
/// Row ids are given out at insert but become visible at commit, so a reader may see id 11 before id 10. The
/// reader therefore remembers holes below the newest id it has seen and keeps looking for them for
/// `holeTimeout` (a transaction that takes longer than that has rolled back or is stuck) — no event is skipped
/// because another commit overtook it. Rows older than `retention` are deleted.
public final class SQLEventBus: EventBus {
    let database: any SQLDatabase
    /// The process this bus publishes for: its own rows are not delivered back to it (it delivers them locally).
    public let origin: UInt64
    let pollInterval: Duration
    let holeTimeout: Duration
    let retention: TimeInterval
    let logger: Logger

    public init(
        database: any SQLDatabase,
        origin: UInt64,
        pollInterval: Duration = .milliseconds(25),
        holeTimeout: Duration = .seconds(5),
        retention: TimeInterval = 3600,
        logger: Logger
    ) {
        self.database = database
        self.origin = origin
        self.pollInterval = pollInterval
        self.holeTimeout = holeTimeout
        self.retention = retention
        self.logger = logger
    }

    static let encoder = JSONEncoder()
    static let decoder = JSONDecoder()

    public func publish(_ event: HubEvent) async throws {
        let payload = String(decoding: try Self.encoder.encode(event), as: UTF8.self)
        try await self.database.insert(into: "realtime_events").columns("origin", "payload", "created_at")
            .values(SQLBind(Int64(bitPattern: self.origin)), SQLBind(payload), SQLBind(DateParts(Date()).date)).run()
    }

    public func subscribe() async throws -> AsyncThrowingStream<EventBusDelivery, any Error> {
        let start =
            try await self.database.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "id").from("realtime_events")
            .first()?.decode(column: "id", as: Int64?.self) ?? 0
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: EventBusDelivery.self)
        let task = Task { await self.poll(from: start, into: continuation) }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Reads new rows until cancelled; database errors are logged and retried.
    func poll(from start: Int64, into continuation: AsyncThrowingStream<EventBusDelivery, any Error>.Continuation) async {
        var cursor = PollCursor(floor: start)
        var lastCleanup = ContinuousClock.now
        let own = Int64(bitPattern: self.origin)
        // After a failed poll: whether rows this process never read were deleted meanwhile (an outage longer
        // than `retention`).
        var checkContinuity = false
        while !Task.isCancelled {
            do {
                if checkContinuity {
                    let oldest =
                        try await self.database.select().column(SQLFunction("MIN", args: SQLColumn("id")), as: "id")
                        .from("realtime_events").first()?.decode(column: "id", as: Int64?.self)
                    if let oldest {
                        if oldest > cursor.floor + 1 {
                            self.logger.warning("realtime events were deleted before this process read them")
                            continuation.yield(.lost)
                            cursor = PollCursor(floor: oldest - 1)
                        }
                        // An empty table proves nothing yet: look again once rows are back.
                        checkContinuity = false
                    }
                }
                let rows = try await self.database.select().columns("id", "origin", "payload").from("realtime_events")
                    .where("id", .greaterThan, SQLBind(cursor.floor)).orderBy("id").limit(1000).all()
                let now = ContinuousClock.now
                for row in rows {
                    let id = try row.decode(column: "id", as: Int64.self)
                    guard cursor.accept(id, at: now) else { continue }
                    guard try row.decode(column: "origin", as: Int64.self) != own else { continue }
                    do {
                        continuation.yield(
                            .event(try Self.decoder.decode(HubEvent.self, from: Data(try row.decode(column: "payload", as: String.self).utf8)))
                        )
                    } catch {
                        self.logger.error("unreadable realtime event", metadata: ["id": "\(id)", "error": "\(error)"])
                    }
                }
                cursor.expireHoles(before: now - self.holeTimeout)
                if now - lastCleanup > .seconds(60) {
                    lastCleanup = now
                    try await self.database.delete(from: "realtime_events")
                        .where("created_at", .lessThan, SQLBind(DateParts(Date().addingTimeInterval(-self.retention)).date)).run()
                }
                // A full page means more is waiting: read on at once.
                if rows.count == 1000 { continue }
            } catch {
                if Task.isCancelled { break }
                checkContinuity = true
                self.logger.error("realtime event poll failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
            try? await Task.sleep(for: self.pollInterval)
        }
        continuation.finish()
    }
}

/// Which event ids a poller has delivered: everything up to `floor`, plus `seen` above it, with the `holes`
/// between them still awaited (since when).
struct PollCursor {
    var floor: Int64
    var seen: Set<Int64> = []
    var holes: [Int64: ContinuousClock.Instant] = [:]

    /// True when `id` is new; records the holes below it.
    mutating func accept(_ id: Int64, at now: ContinuousClock.Instant) -> Bool {
        guard id > self.floor, !self.seen.contains(id) else { return false }
        let top = max(self.seen.max() ?? self.floor, self.floor)
        if id > top + 1 {
            for missing in (top + 1)..<id where self.holes[missing] == nil { self.holes[missing] = now }
        }
        self.holes.removeValue(forKey: id)
        self.seen.insert(id)
        self.advance()
        return true
    }

    /// Gives up on holes older than `cutoff`.
    mutating func expireHoles(before cutoff: ContinuousClock.Instant) {
        self.holes = self.holes.filter { $0.value >= cutoff }
        self.advance()
    }

    /// Moves the floor up over every id that is delivered or no longer awaited.
    private mutating func advance() {
        let top = self.seen.max() ?? self.floor
        let lowestHole = self.holes.keys.min()
        let newFloor = lowestHole.map { $0 - 1 } ?? top
        guard newFloor > self.floor else { return }
        self.floor = newFloor
        self.seen = self.seen.filter { $0 > newFloor }
    }
}
