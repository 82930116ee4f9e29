import CRMAudit
import Foundation
import Logging
import RepositoryConformance
import StorageKit
import Synchronization
import TestSupport
import Testing

/// A store that refuses its first appends, as a database that is briefly down would.
final class FlakyStore: AuditLogStore {
    let inner: any AuditLogStore
    let failures = Mutex(0)
    let appends = Mutex(0)
    init(_ inner: any AuditLogStore, failing: Int) {
        self.inner = inner
        self.failures.withLock { $0 = failing }
    }
    var sealer: AuditSealer { self.inner.sealer }
    struct Down: Error {}
    func append(_ events: [AuditEvent]) async throws -> [AuditRecord] {
        self.appends.withLock { $0 += 1 }
        if self.failures.withLock({ count in
            defer { count -= 1 }
            return count > 0
        }) {
            throw Down()
        }
        return try await self.inner.append(events)
    }
    func record(id: String) async throws -> AuditRecord? { try await self.inner.record(id: id) }
    func record(chainHash: String) async throws -> AuditRecord? { try await self.inner.record(chainHash: chainHash) }
    func records(matching query: AuditQuery, order: AuditOrder, offset: Int, limit: Int) async throws -> [AuditRecord] {
        try await self.inner.records(matching: query, order: order, offset: offset, limit: limit)
    }
    func count(matching query: AuditQuery) async throws -> Int { try await self.inner.count(matching: query) }
    func records(matching query: AuditQuery, beforeSeq: Int64?, limit: Int) async throws -> [AuditRecord] {
        try await self.inner.records(matching: query, beforeSeq: beforeSeq, limit: limit)
    }
    func chain(afterSeq: Int64, limit: Int) async throws -> [AuditRecord] { try await self.inner.chain(afterSeq: afterSeq, limit: limit) }
    func head() async throws -> AuditChainHead { try await self.inner.head() }
    func checkpoints() async throws -> [AuditCheckpoint] { try await self.inner.checkpoints() }
    func purge(createdBefore date: Date) async throws -> Int { try await self.inner.purge(createdBefore: date) }
}

@Suite("Audit recorder")
struct AuditRecorderTests {
    @Test(arguments: AuditStores.backends)
    func manyProducersThroughASmallQueueLoseNothing(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend) { fixture in
            let recorder = AuditRecorder(store: fixture.store, capacity: 16, batchSize: 40, logger: TestDatabase.logger)
            let writer = Task { await recorder.run() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for producer in 0..<20 {
                    group.addTask {
                        for index in 0..<50 { try await recorder.record(event(producer * 1000 + index)) }
                    }
                }
                try await group.waitForAll()
            }
            await recorder.flush()
            #expect(try await fixture.store.count(matching: AuditQuery()) == 1000)
            // Events of one producer keep their order.
            let mine = try await fixture.store.records(
                matching: AuditQuery(),
                order: AuditOrder(.created_at, descending: false),
                offset: 0,
                limit: 2000
            )
            .filter { $0.event.durationMilliseconds! / 1000 == 7 }
            #expect(mine.map(\.seq) == mine.map(\.seq).sorted())
            await recorder.finish()
            await writer.value
            await #expect(throws: AuditError.self) { try await recorder.record(event(1)) }
            #expect(try await AuditVerifier(store: fixture.store).verify().checkedRecords == 1000)
        }
    }

    @Test func aFailingStoreIsRetriedAndFinishDrains() async throws {
        let flaky = FlakyStore(AuditLogMemoryStore(sealer: try AuditSealer(key: AuditStores.key)), failing: 3)
        let recorder = AuditRecorder(store: flaky, capacity: 100, batchSize: 10, logger: TestDatabase.logger)
        let writer = Task { await recorder.run() }
        for index in 0..<35 { try await recorder.record(event(index)) }
        await recorder.finish()
        await writer.value
        #expect(try await flaky.count(matching: AuditQuery()) == 35)
        #expect(flaky.appends.withLock { $0 } >= 7, "three failed attempts, then four batches")
        #expect(try await AuditVerifier(store: flaky).verify().isIntact)
    }

    @Test(arguments: AuditStores.backends)
    func aCancelledWriterStillDrains(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend) { fixture in
            let recorder = AuditRecorder(store: fixture.store, batchSize: 7, logger: TestDatabase.logger)
            let writer = Task { await recorder.run() }
            writer.cancel()
            for index in 0..<40 { try await recorder.record(event(index)) }
            await recorder.finish()
            await writer.value
            #expect(try await fixture.store.count(matching: AuditQuery()) == 40)
        }
    }

    @Test func finishWithoutAWriterStillCommits() async throws {
        let store = AuditLogMemoryStore(sealer: try AuditSealer(key: AuditStores.key))
        let recorder = AuditRecorder(store: store, logger: TestDatabase.logger)
        for index in 0..<5 { try await recorder.record(event(index)) }
        await recorder.finish()
        #expect(await store.count(matching: AuditQuery()) == 5)
    }

    @Test func idsAreTimeOrderedUUIDs() {
        let early = AuditEvent.newID(at: Date(timeIntervalSince1970: 1_780_000_000))
        let late = AuditEvent.newID(at: Date(timeIntervalSince1970: 1_780_000_001))
        #expect(early < late)
        #expect(UUID(uuidString: early) != nil)
        #expect(early.count == 36)
        #expect(Array(early)[14] == "7", "version 7")
        #expect("89ab".contains(Array(early)[19]), "RFC 9562 variant")
        // The first 48 bits are the milliseconds.
        let millis = String(repeating: "0", count: 12 - String(1_780_000_000_000, radix: 16).count) + String(1_780_000_000_000, radix: 16)
        #expect(early.prefix(8) == millis.prefix(8) && early.dropFirst(9).prefix(4) == millis.suffix(4))
        #expect(Set((0..<200).map { _ in AuditEvent.newID(at: Date(timeIntervalSince1970: 1_780_000_000)) }).count == 200)
        #expect(AuditEvent.newID() != AuditEvent.newID())
    }

    @Test func shortKeysAreRefused() {
        #expect(throws: AuditError.self) { try AuditSealer(key: Array("short".utf8)) }
    }
}

@Suite("Audit redaction")
struct AuditRedactorTests {
    @Test func secretsAreMaskedAtAnyDepth() throws {
        let redactor = AuditRedactor(additionalKeys: ["pin_code"])
        let body = try JSONValue(
            parsing: """
                {"username": "alice", "password": "hunter22", "profile": {"newPassword": "x", "api-key": "k", "tags": ["a", {"Refresh_Token": "r"}]},
                 "payment": {"card": "4111 1111 1111 1111", "note": "order 12345"}, "phone": "+8613800138000", "pinCode": 1234,
                 "sent_at": 1730700000000, "nothing": null}
                """
        )
        let masked = redactor.redact(body)
        #expect(
            masked
                == .object([
                    "username": "alice", "password": "***",
                    "profile": .object(["newPassword": "***", "api-key": "***", "tags": .array(["a", .object(["Refresh_Token": "***"])])]),
                    "payment": .object(["card": "***", "note": "order 12345"]), "phone": "+8613800138000", "pinCode": "***",
                    "sent_at": .int(1_730_700_000_000), "nothing": .null,
                ])
        )
        let query = redactor.redact(fields: [("q", "bob"), ("jwt", "eyJ"), ("access_token", "t"), ("q", "carol")])
        #expect(query == .object(["q": "bob,carol", "jwt": "***", "access_token": "***"]))
        let headers = redactor.redact(fields: [("Authorization", "Bearer x"), ("Cookie", "a=b"), ("User-Agent", "curl")])
        #expect(headers == .object(["Authorization": "***", "Cookie": "***", "User-Agent": "curl"]))
    }

    @Test func canonicalTextIsStable() throws {
        let value = try JSONValue(parsing: #"{"b": [1, 2.5, true, null], "a": "é\n\"", "c": {}}"#)
        #expect(value.canonicalText == #"{"a":"é\n\"","b":[1,2.5,true,null],"c":{}}"#)
        #expect((try? JSONValue(parsing: value.canonicalText)) == value)
        #expect((try? JSONValue(parsing: "not json")) == nil)
    }
}
