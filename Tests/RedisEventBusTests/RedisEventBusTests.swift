import ChatCore
import Foundation
import Logging
import RepositoryConformance
import Synchronization
import TestSupport
import Testing

@testable import RedisEventBus

/// The Redis bus: the event bus suite on the Redis `Scripts/test` starts, then what only a broker can do wrong —
/// trimming, restarts, outages — on servers of the tests' own.
@Suite("Redis event bus", .enabled(if: TestRedis.enabled))
struct RedisEventBusTests {
    /// Buses made during one test, shut down at its end.
    final class Buses: Sendable {
        let all = Mutex<[RedisEventBus]>([])

        func make(
            _ url: String,
            stream: String,
            origin: UInt64,
            maxLength: Int = 100_000,
            queueCapacity: Int = 100_000,
            timeout: Double = 5
        ) throws -> RedisEventBus {
            var configuration = try RedisConfiguration(url: url)
            configuration.timeout = timeout
            let bus = RedisEventBus(
                configuration: configuration,
                stream: stream,
                maxLength: maxLength,
                origin: origin,
                queueCapacity: queueCapacity,
                logger: TestDatabase.logger
            )
            self.all.withLock { $0.append(bus) }
            return bus
        }

        func shutdown() async {
            for bus in self.all.withLock({ $0 }) { await bus.shutdown(timeout: .milliseconds(200)) }
        }
    }

    static func streamKey() -> String { "rapport:test:\(UUID().uuidString)" }

    @Test(arguments: EventBusConformance.checks)
    func conformance(_ check: EventBusConformance.Check) async throws {
        let url = try TestRedis.requireURL()
        let buses = Buses()
        let stream = Self.streamKey()
        do {
            try await check.run(EventBusFixture { origin in try buses.make(url, stream: stream, origin: origin) })
        } catch {
            await buses.shutdown()
            throw error
        }
        await buses.shutdown()
    }

    /// Collects what a subscription yields, as text: an event's frame, or "lost".
    final class Received: Sendable {
        final class Items: Sendable {
            let list = Mutex<[String]>([])
            func withLock<R>(_ body: (inout [String]) -> R) -> R { self.list.withLock { body(&$0) } }
        }

        let items = Items()
        let task: Task<Void, Never>

        init(_ stream: AsyncThrowingStream<EventBusDelivery, any Error>) {
            let items = self.items
            self.task = Task {
                do {
                    for try await delivery in stream {
                        switch delivery {
                        case .event(let event): items.withLock { $0.append(event.frames[.envelope] ?? "?") }
                        case .lost: items.withLock { $0.append("lost") }
                        }
                    }
                } catch {}
            }
        }

        var snapshot: [String] { self.items.withLock { $0 } }

        /// Waits until `condition` holds of what arrived (30 s at most).
        func wait(for condition: ([String]) -> Bool) async throws -> [String] {
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                let items = self.snapshot
                if condition(items) { return items }
                try await Task.sleep(for: .milliseconds(20))
            }
            return self.snapshot
        }
    }

    static func event(_ text: String) -> HubEvent { HubEvent(recipients: [ParticipantID(1)], frames: [.envelope: text]) }

    /// Redis killed (and everything in it lost) while one process reads and another publishes: what was published
    /// during the outage waits and arrives after the restart; the reader, whose position went with the old
    /// server, reports lost events before it — never a silent gap.
    @Test func aRestartedRedisIsReportedAndQueuedEventsArrive() async throws {
        let redis = RedisServer(port: FreePort.next())
        try await redis.start()
        defer { redis.stop() }
        let buses = Buses()
        let stream = Self.streamKey()
        let publisher = try buses.make(redis.url, stream: stream, origin: 1)
        let reader = Received(try await buses.make(redis.url, stream: stream, origin: 2).subscribe())
        defer { reader.task.cancel() }
        for n in 0..<5 { try await publisher.publish(Self.event("before \(n)")) }
        #expect(try await reader.wait { $0.count == 5 } == (0..<5).map { "before \($0)" })

        redis.kill()
        for n in 0..<5 { try await publisher.publish(Self.event("during \(n)")) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(publisher.pendingCount == 5, "events published while Redis is down wait in the queue")
        try await redis.start()
        let items = try await reader.wait { $0.count >= 11 }
        #expect(items == (0..<5).map { "before \($0)" } + ["lost"] + (0..<5).map { "during \($0)" })
        await buses.shutdown()
    }

    /// A reader whose position was trimmed away (it was too far behind) reports lost events, then reads on from
    /// the stream's newest entry.
    @Test func aTrimmedPositionIsReported() async throws {
        // A server of its own: the test drops every client connection.
        let redis = RedisServer(port: FreePort.next())
        try await redis.start()
        defer { redis.stop() }
        let url = redis.url
        let buses = Buses()
        let stream = Self.streamKey()
        let publisher = try buses.make(url, stream: stream, origin: 1)
        let reader = Received(try await buses.make(url, stream: stream, origin: 2).subscribe())
        defer { reader.task.cancel() }
        try await publisher.publish(Self.event("first"))
        #expect(try await reader.wait { $0.count == 1 } == ["first"])

        // The stream trimmed past the reader's position, and its connection dropped, as after a long stall.
        let admin = try RedisConnection.connect(try RedisConfiguration(url: url))
        #expect(try admin.command(["XTRIM", stream, "MAXLEN", "0"]) == .integer(1))
        _ = try admin.command(["CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"])
        #expect(try await reader.wait { $0.count == 2 } == ["first", "lost"])
        try await publisher.publish(Self.event("second"))
        #expect(try await reader.wait { $0.count >= 3 } == ["first", "lost", "second"])
        await buses.shutdown()
    }

    /// A publisher whose queue overflows while Redis does not answer drops it and sends a lost marker instead:
    /// the other processes learn that they missed events.
    @Test func anOverflowingQueueIsReportedLost() async throws {
        let redis = RedisServer(port: FreePort.next())
        try await redis.start()
        defer { redis.stop() }
        let buses = Buses()
        let stream = Self.streamKey()
        let reader = Received(try await buses.make(redis.url, stream: stream, origin: 2, timeout: 1).subscribe())
        defer { reader.task.cancel() }
        // Redis stops answering (but keeps its data and its run): the publisher's queue fills and overflows.
        redis.pause()
        let publisher = try buses.make(redis.url, stream: stream, origin: 1, queueCapacity: 10, timeout: 0.5)
        for n in 0..<20 { try await publisher.publish(Self.event("event \(n)")) }
        #expect(publisher.pendingCount == 9)
        try await Task.sleep(for: .milliseconds(300))
        redis.resume()
        let items = try await reader.wait { $0.count >= 10 }
        #expect(items == ["lost"] + (11..<20).map { "event \($0)" })
        await buses.shutdown()
    }

    /// Subscribing needs Redis now (the server's bus service retries); it fails at once, not after a hang.
    @Test func subscribingWithoutRedisFailsAtOnce() async throws {
        let port = FreePort.next()
        let bus = RedisEventBus(configuration: RedisConfiguration(host: "127.0.0.1", port: port, timeout: 1), origin: 1, logger: TestDatabase.logger)
        await #expect(throws: RedisError.self) { _ = try await bus.subscribe() }
        await bus.shutdown(timeout: .zero)
    }
}

@Suite("Redis configuration and replies")
struct RedisConfigurationTests {
    @Test func readsRedisURLs() throws {
        #expect(try RedisConfiguration(url: "redis://localhost") == RedisConfiguration(host: "localhost"))
        #expect(
            try RedisConfiguration(url: "redis://bus:p%40ss%3Aword@10.0.0.5:6380/3")
                == RedisConfiguration(host: "10.0.0.5", port: 6380, username: "bus", password: "p@ss:word", database: 3)
        )
        #expect(try RedisConfiguration(url: "redis://:secret@[::1]:7000") == RedisConfiguration(host: "::1", port: 7000, password: "secret"))
        for bad in ["rediss://host", "http://host", "redis://", "redis://host/x", "redis://host/-1", "not a url"] {
            #expect(throws: RedisError.self, "\(bad)") { try RedisConfiguration(url: bad) }
        }
    }

    @Test func readsStreamEntries() throws {
        let reply = RedisReply.array([
            .array([
                .string(Array("key".utf8)),
                .array([
                    .array([
                        .string(Array("1-0".utf8)),
                        .array([.string(Array("o".utf8)), .string(Array("7".utf8)), .string(Array("e".utf8)), .string(Array("{}".utf8))]),
                    ]),
                    .array([
                        .string(Array("2-5".utf8)),
                        .array([.string(Array("o".utf8)), .string(Array("8".utf8)), .string(Array("lost".utf8)), .string(Array("1".utf8))]),
                    ]),
                ]),
            ])
        ])
        let entries = try RedisEventBus.entries(of: reply)
        #expect(entries.map(\.id) == ["1-0", "2-5"])
        #expect(entries.map(\.fields) == [["o": "7", "e": "{}"], ["o": "8", "lost": "1"]])
        #expect(try RedisEventBus.entries(of: .null).isEmpty)
        #expect(throws: RedisError.server("WRONGTYPE")) { try RedisEventBus.entries(of: .error("WRONGTYPE")) }
        #expect(throws: RedisError.self) { try RedisEventBus.entries(of: .array([.integer(1)])) }
        #expect(RedisEventBus.precedes("9-0", "10-0") && RedisEventBus.precedes("10-1", "10-2") && !RedisEventBus.precedes("10-2", "10-2"))
    }
}
