import CRMAudit
import Foundation
import Logging
import SQLKit
import StorageKit
import TestSupport
import Testing

/// One audit store under test, with a way to tamper with it as someone with direct database access could.
struct AuditFixture: Sendable {
    let store: any AuditLogStore
    let tamper: @Sendable (Tamper) async throws -> Void
    /// A second store on another connection pool (MariaDB), or the same store.
    let other: any AuditLogStore

    enum Tamper: Sendable {
        case edit(seq: Int64)
        case delete(seq: Int64)
        case swap(Int64, Int64)
        case insertAfterHead
        case cutTail(count: Int64)
        case rollBackHead(to: AuditChainHead)
        case deletePurgeCheckpoints
    }
}

enum AuditStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }
    static let key = Array("an audit chain key of at least 32 bytes.".utf8)

    static func with<R>(
        _ backend: Backend, checkpoints: AuditCheckpointPolicy = AuditCheckpointPolicy(), _ body: (AuditFixture) async throws -> R
    ) async throws -> R {
        let sealer = try AuditSealer(key: Self.key, checkpoints: checkpoints)
        switch backend {
        case .memory:
            let store = AuditLogMemoryStore(sealer: sealer)
            return try await body(AuditFixture(store: store, tamper: { try await Self.tamper(store, $0) }, other: store))
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: AuditMigrations.all) { db in
                let store = AuditLogSQLStore(database: db, sealer: sealer)
                return try await body(AuditFixture(store: store, tamper: { try await Self.tamper(db, $0) }, other: store))
            }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: AuditMigrations.all) { db in
                let second = try TestDatabase.secondHandle(on: db)
                defer { Task { await TestDatabase.shutdown(second) } }
                let store = AuditLogSQLStore(database: db, sealer: sealer)
                return try await body(AuditFixture(
                    store: store, tamper: { try await Self.tamper(db, $0) }, other: AuditLogSQLStore(database: second, sealer: sealer)
                ))
            }
        }
    }

    static func tamper(_ store: AuditLogMemoryStore, _ change: AuditFixture.Tamper) async throws {
        await store.tamper { rows, head, checkpoints in
            switch change {
            case .edit(let seq):
                if let index = rows.firstIndex(where: { $0.seq == seq }) { rows[index].event.action = "HACKED" }
            case .delete(let seq):
                rows.removeAll { $0.seq == seq }
            case .swap(let a, let b):
                let (i, j) = (rows.firstIndex { $0.seq == a }!, rows.firstIndex { $0.seq == b }!)
                (rows[i].seq, rows[j].seq) = (b, a)
            case .insertAfterHead:
                var forged = rows.last!
                forged.seq += 1
                forged.event.id = UUID().uuidString.lowercased()
                forged.previousHash = forged.chainHash
                forged.chainHash = String(repeating: "a", count: 64)
                rows.append(forged)
            case .cutTail(let count):
                let last = rows.map(\.seq).max()!
                rows.removeAll { $0.seq > last - count }
            case .rollBackHead(let old):
                head = old
            case .deletePurgeCheckpoints:
                checkpoints.removeAll { $0.kind == .purge }
            }
        }
    }

    static func tamper(_ db: any SQLDatabase, _ change: AuditFixture.Tamper) async throws {
        switch change {
        case .edit(let seq):
            try await db.raw("UPDATE audit_logs SET action = 'HACKED' WHERE seq = \(bind: seq)").run()
        case .delete(let seq):
            try await db.raw("DELETE FROM audit_logs WHERE seq = \(bind: seq)").run()
        case .swap(let a, let b):
            try await db.raw("UPDATE audit_logs SET seq = -1 WHERE seq = \(bind: a)").run()
            try await db.raw("UPDATE audit_logs SET seq = \(bind: a) WHERE seq = \(bind: b)").run()
            try await db.raw("UPDATE audit_logs SET seq = \(bind: b) WHERE seq = -1").run()
        case .insertAfterHead:
            try await db.raw("""
                INSERT INTO audit_logs (seq, id, organization_id, action, status, created_at, prev_hash, chain_hash)
                SELECT seq + 1, 'forged-row', organization_id, 'DELETE', 'success', created_at, chain_hash, \(bind: String(repeating: "a", count: 64))
                FROM audit_logs WHERE seq = (SELECT MAX(seq) FROM audit_logs)
                """).run()
        case .cutTail(let count):
            let last = try await db.raw("SELECT MAX(seq) AS m FROM audit_logs").first()!.decode(column: "m", as: Int64.self)
            try await db.raw("DELETE FROM audit_logs WHERE seq > \(bind: last - count)").run()
        case .rollBackHead(let old):
            try await db.raw("""
                UPDATE audit_chain SET last_seq = \(bind: old.seq), last_hash = \(bind: old.hash), checkpoint_seq = \(bind: old.checkpointSeq),
                checkpoint_at = \(bind: old.checkpointAt), mac = \(bind: old.mac) WHERE id = 1
                """).run()
        case .deletePurgeCheckpoints:
            try await db.raw("DELETE FROM audit_checkpoints WHERE kind = 'purge'").run()
        }
    }
}

func event(_ index: Int, at time: Date = Date(timeIntervalSince1970: 1_780_000_000), actor: String? = nil, action: String = "VIEW") -> AuditEvent {
    AuditEvent(
        organizationID: index.isMultiple(of: 2) ? "org-even" : "org-odd", action: action, actorID: actor ?? "u\(index % 3)",
        actorName: "user \(index % 3)", resourceType: "contact", resourceID: String(index % 5), category: "contact_management",
        ipAddress: "10.0.0.\(index % 7)", userAgent: "test/1.0", method: "GET", path: "/api/contacts/\(index % 5)",
        params: .object(["page": .int(Int64(index)), "q": .string("名字 \(index)")]), status: index.isMultiple(of: 4) ? .failed : .success,
        errorMessage: index.isMultiple(of: 4) ? "HTTP 404" : nil, durationMilliseconds: index, createdAt: time + Double(index)
    )
}

@Suite("Audit stores")
struct AuditStoreTests {
    @Test(arguments: AuditStores.backends)
    func appendsQueriesAndPages(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend) { fixture in
            let store = fixture.store
            let stored = try await store.append((0..<30).map { event($0) })
            #expect(stored.map(\.seq) == Array(1...30))
            let again = try #require(try await store.record(id: stored[7].event.id))
            #expect(again == stored[7], "a record reads back exactly as sealed")
            #expect(again.event.params == .object(["page": .int(7), "q": .string("名字 7")]))

            #expect(try await store.count(matching: AuditQuery()) == 30)
            #expect(try await store.count(matching: AuditQuery(organizationID: "org-even")) == 15)
            #expect(try await store.count(matching: AuditQuery(actorID: "u1", status: .success)) == 7)
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            #expect(try await store.count(matching: AuditQuery(start: t0 + 10, end: t0 + 19)) == 10, "both ends inclusive")

            let newest = try await store.records(matching: AuditQuery(), order: .newestFirst, offset: 0, limit: 5)
            #expect(newest.map(\.seq) == [30, 29, 28, 27, 26])
            let page3 = try await store.records(matching: AuditQuery(), order: AuditOrder(.created_at, descending: false), offset: 10, limit: 5)
            #expect(page3.map(\.seq) == [11, 12, 13, 14, 15])
            let byDuration = try await store.records(matching: AuditQuery(resourceID: "3"), order: AuditOrder(.duration_ms), offset: 0, limit: 10)
            #expect(byDuration.map(\.event.durationMilliseconds) == [28, 23, 18, 13, 8, 3])
            #expect(try await store.records(matching: AuditQuery(), order: .newestFirst, offset: 40, limit: 5).isEmpty)

            let exportPage = try await store.records(matching: AuditQuery(status: .failed), beforeSeq: 20, limit: 3)
            #expect(exportPage.map(\.seq) == [17, 13, 9])

            await #expect(throws: AuditStoreError.self) { try await store.append([stored[0].event]) }
            #expect(try await store.count(matching: AuditQuery()) == 30, "a refused append writes nothing")
            #expect(try await AuditVerifier(store: store).verify().isIntact)
        }
    }

    @Test(arguments: AuditStores.backends)
    func concurrentAppendersExtendOneChain(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend) { fixture in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    let store = writer.isMultiple(of: 2) ? fixture.store : fixture.other
                    group.addTask {
                        for batch in 0..<5 {
                            try await store.append((0..<7).map { event(writer * 100 + batch * 10 + $0) })
                        }
                    }
                }
                try await group.waitForAll()
            }
            let verification = try await AuditVerifier(store: fixture.store, pageSize: 50).verify()
            #expect(verification.isIntact, "\(verification)")
            #expect(verification.checkedRecords == 280)
            #expect(try await fixture.store.head().seq == 280)
        }
    }

    @Test(arguments: AuditStores.backends)
    func verificationNamesEachKindOfTampering(_ backend: AuditStores.Backend) async throws {
        typealias Problem = AuditVerification.Problem
        let cases: [(AuditFixture.Tamper, Problem, Int64?)] = [
            (.edit(seq: 12), .modified, 12),
            (.delete(seq: 12), .missing(from: 12), 13),
            (.swap(12, 13), .reordered, 12),
            (.insertAfterHead, .inserted, 21),
            (.cutTail(count: 3), .truncated(expectedSeq: 20), 18),
        ]
        for (change, problem, seq) in cases {
            try await AuditStores.with(backend) { fixture in
                let stored = try await fixture.store.append((0..<20).map { event($0) })
                #expect(try await AuditVerifier(store: fixture.store).verify().isIntact)
                try await fixture.tamper(change)
                let result = try await AuditVerifier(store: fixture.store, pageSize: 7).verify()
                #expect(result.problem == problem, "\(change)")
                #expect(result.badSeq == seq, "\(change)")
                if case .edit = change { #expect(result.badID == stored[11].event.id) }
            }
        }
    }

    @Test(arguments: AuditStores.backends)
    func checkpointsCatchATailCutWithAnOldHead(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend, checkpoints: AuditCheckpointPolicy(rows: 5, interval: .seconds(3600))) { fixture in
            try await fixture.store.append((0..<3).map { event($0) })
            let oldHead = try await fixture.store.head()
            for index in 3..<12 { try await fixture.store.append([event(index)]) }
            let checkpoints = try await fixture.store.checkpoints()
            #expect(checkpoints.map(\.seq) == [3, 8], "the first append, then every 5 rows")
            // Cut the tail back to the old head and restore the head row as it was then: its seal is genuine.
            try await fixture.tamper(.cutTail(count: 9))
            try await fixture.tamper(.rollBackHead(to: oldHead))
            let result = try await AuditVerifier(store: fixture.store).verify()
            #expect(result.problem == .truncated(expectedSeq: 8))
        }
    }

    @Test(arguments: AuditStores.backends)
    func purgeKeepsTheRestVerifiable(_ backend: AuditStores.Backend) async throws {
        try await AuditStores.with(backend) { fixture in
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await fixture.store.append((0..<20).map { event($0, at: t0) })
            #expect(try await fixture.store.purge(createdBefore: t0 + 8) == 8)
            #expect(try await fixture.store.count(matching: AuditQuery()) == 12)
            #expect(try await fixture.store.purge(createdBefore: t0 + 8) == 0, "purging again deletes nothing")
            try await fixture.store.append([event(50, at: t0)])
            let result = try await AuditVerifier(store: fixture.store).verify()
            #expect(result.isIntact, "\(result)")
            #expect(result.firstSeq == 9)
            #expect(result.checkedRecords == 13)
            try await fixture.tamper(.deletePurgeCheckpoints)
            #expect(try await AuditVerifier(store: fixture.store).verify().problem == .missing(from: 1))
        }
    }
}
