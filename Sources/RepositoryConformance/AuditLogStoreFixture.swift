public import CRMAudit
import Foundation
public import SQLKit

/// An audit store under test, with a way to tamper with what it holds as someone with direct database access could;
/// ``AuditLogStoreConformance`` checks that verification names each kind of tampering.
public struct AuditLogStoreFixture: Sendable {
    /// The store under test.
    public var store: any AuditLogStore
    /// The same log through another handle — another connection pool, as a second server process would have — or
    /// `store` itself where there is only one.
    public var other: any AuditLogStore
    /// Changes the stored log behind the store's back.
    public var tamper: @Sendable (Tamper) async throws -> Void

    public init(store: any AuditLogStore, other: (any AuditLogStore)? = nil, tamper: @escaping @Sendable (Tamper) async throws -> Void) {
        self.store = store
        self.other = other ?? store
        self.tamper = tamper
    }

    /// What the checks do to a stored log.
    public enum Tamper: Sendable {
        /// Changes the action of the record with this sequence number.
        case edit(seq: Int64)
        case delete(seq: Int64)
        /// Swaps the sequence numbers of two records.
        case swap(Int64, Int64)
        /// Appends a forged record after the head, with a chain hash that is not a seal.
        case insertAfterHead
        /// Deletes the newest `count` records.
        case cutTail(count: Int64)
        /// Puts back an older chain head, seal and all.
        case rollBackHead(to: AuditChainHead)
        case deletePurgeCheckpoints
    }

    /// A fresh ``AuditLogMemoryStore``, tampered with through its `tamper` hook.
    public static func memory(sealer: AuditSealer) -> AuditLogStoreFixture {
        let store = AuditLogMemoryStore(sealer: sealer)
        return AuditLogStoreFixture(store: store) { change in await Self.tamper(store, change) }
    }

    /// An ``AuditLogSQLStore`` on `database` (migrated with `AuditMigrations.all`, empty), tampered with in SQL; `other`
    /// is a second handle on the same database, when the driver has one.
    public static func sql(_ database: any SQLDatabase, other: (any SQLDatabase)? = nil, sealer: AuditSealer) -> AuditLogStoreFixture {
        AuditLogStoreFixture(
            store: AuditLogSQLStore(database: database, sealer: sealer),
            other: other.map { AuditLogSQLStore(database: $0, sealer: sealer) }
        ) { change in try await Self.tamper(database, change) }
    }

    // A change that finds nothing to change leaves the log intact, so the check that asked for it fails loudly.
    static func tamper(_ store: AuditLogMemoryStore, _ change: Tamper) async {
        await store.tamper { rows, head, checkpoints in
            switch change {
            case .edit(let seq):
                if let index = rows.firstIndex(where: { $0.seq == seq }) { rows[index].event.action = "HACKED" }
            case .delete(let seq):
                rows.removeAll { $0.seq == seq }
            case .swap(let a, let b):
                guard let i = rows.firstIndex(where: { $0.seq == a }), let j = rows.firstIndex(where: { $0.seq == b }) else { return }
                (rows[i].seq, rows[j].seq) = (b, a)
            case .insertAfterHead:
                guard var forged = rows.last else { return }
                forged.seq += 1
                forged.event.id = UUID().uuidString.lowercased()
                forged.previousHash = forged.chainHash
                forged.chainHash = String(repeating: "a", count: 64)
                rows.append(forged)
            case .cutTail(let count):
                guard let last = rows.map(\.seq).max() else { return }
                rows.removeAll { $0.seq > last - count }
            case .rollBackHead(let old):
                head = old
            case .deletePurgeCheckpoints:
                checkpoints.removeAll { $0.kind == .purge }
            }
        }
    }

    static func tamper(_ db: any SQLDatabase, _ change: Tamper) async throws {
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
            try await db.raw(
                """
                INSERT INTO audit_logs (seq, id, organization_id, action, status, created_at, prev_hash, chain_hash)
                SELECT seq + 1, 'forged-row', organization_id, 'DELETE', 'success', created_at, chain_hash, \(bind: String(repeating: "a", count: 64))
                FROM audit_logs WHERE seq = (SELECT MAX(seq) FROM audit_logs)
                """
            ).run()
        case .cutTail(let count):
            let row = try require(try await db.raw("SELECT MAX(seq) AS m FROM audit_logs").first(), "a stored log to cut")
            let last = try row.decode(column: "m", as: Int64.self)
            try await db.raw("DELETE FROM audit_logs WHERE seq > \(bind: last - count)").run()
        case .rollBackHead(let old):
            try await db.raw(
                """
                UPDATE audit_chain SET last_seq = \(bind: old.seq), last_hash = \(bind: old.hash), checkpoint_seq = \(bind: old.checkpointSeq),
                checkpoint_at = \(bind: old.checkpointAt), mac = \(bind: old.mac) WHERE id = 1
                """
            ).run()
        case .deletePurgeCheckpoints:
            try await db.raw("DELETE FROM audit_checkpoints WHERE kind = 'purge'").run()
        }
    }
}
