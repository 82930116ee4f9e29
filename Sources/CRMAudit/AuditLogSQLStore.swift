public import Foundation
public import SQLKit
import StorageKit

/// The audit log in `audit_logs`, written once for every SQLKit driver. Appends lock the head row
/// (`SELECT … FOR UPDATE` on MariaDB, the write transaction on SQLite), so processes sharing a database extend
/// one chain.
public struct AuditLogSQLStore: AuditLogStore {
    public let sealer: AuditSealer
    let database: any SQLDatabase

    public init(database: any SQLDatabase, sealer: AuditSealer) {
        self.database = database
        self.sealer = sealer
    }

    static let columns = [
        "seq", "id", "organization_id", "user_id", "user_name", "action", "resource_type", "resource_id", "resource_name",
        "category", "ip_address", "user_agent", "request_method", "request_path", "request_params", "old_values",
        "new_values", "status", "error_message", "duration_ms", "created_at", "prev_hash", "chain_hash",
    ]
    static let columnList = SQLColumnList(columns)
    /// Rows per INSERT statement (23 binds each): far below every driver's limit, and a bounded set of statement texts to cache.
    static let rowsPerStatement = 50

    public func append(_ events: [AuditEvent]) async throws -> [AuditRecord] {
        guard !events.isEmpty else { return [] }
        do {
            return try await self.database.transaction { tx in
                let head = try await Self.head(on: tx, lock: true)
                let sealed = self.sealer.seal(events, after: head)
                for chunk in stride(from: 0, to: sealed.records.count, by: Self.rowsPerStatement) {
                    var insert: SQLText = "INSERT INTO audit_logs (\(Self.columnList)) VALUES "
                    for (index, record) in sealed.records[chunk..<min(chunk + Self.rowsPerStatement, sealed.records.count)].enumerated() {
                        if index > 0 { insert += ", " }
                        insert += Self.values(record)
                    }
                    try await tx.run(insert)
                }
                try await tx.update("audit_chain")
                    .set("last_seq", to: SQLBind(sealed.head.seq)).set("last_hash", to: SQLBind(sealed.head.hash))
                    .set("checkpoint_seq", to: SQLBind(sealed.head.checkpointSeq))
                    .set("checkpoint_at", to: SQLBind(sealed.head.checkpointAt)).set("mac", to: SQLBind(sealed.head.mac))
                    .where("id", .equal, SQLBind(1)).run()
                if let checkpoint = sealed.checkpoint { try await Self.insert(checkpoint, on: tx) }
                return sealed.records
            }
        } catch let error as StorageError where error.kind == .duplicate {
            let ids = events.map(\.id)
            throw AuditStoreError.duplicateID(ids.count == 1 ? ids[0] : ids.joined(separator: ", "))
        }
    }

    /// One row's parenthesized values, in ``columns`` order.
    static func values(_ record: AuditRecord) -> SQLText {
        let e = record.event
        return """
            (\(bind: record.seq), \(bind: e.id), \(bind: e.organizationID), \(bind: e.actorID), \(bind: e.actorName), \
            \(bind: e.action), \(bind: e.resourceType), \(bind: e.resourceID), \(bind: e.resourceName), \(bind: e.category), \
            \(bind: e.ipAddress), \(bind: e.userAgent), \(bind: e.method), \(bind: e.path), \(bind: e.params?.canonicalText), \
            \(bind: e.oldValues?.canonicalText), \(bind: e.newValues?.canonicalText), \(bind: e.status.rawValue), \
            \(bind: e.errorMessage), \(bind: e.durationMilliseconds), \(bind: e.createdAt), \(bind: record.previousHash), \
            \(bind: record.chainHash))
            """
    }

    static func insert(_ checkpoint: AuditCheckpoint, on db: any SQLDatabase) async throws {
        try await db.insert(into: "audit_checkpoints").columns("kind", "seq", "chain_hash", "created_at", "mac")
            .values(
                SQLBind(checkpoint.kind.rawValue),
                SQLBind(checkpoint.seq),
                SQLBind(checkpoint.hash),
                SQLBind(checkpoint.createdAt),
                SQLBind(checkpoint.mac)
            )
            .run()
    }

    static func head(on db: any SQLDatabase, lock: Bool) async throws -> AuditChainHead {
        let select = db.select().columns("last_seq", "last_hash", "checkpoint_seq", "checkpoint_at", "mac").from("audit_chain")
            .where("id", .equal, SQLBind(1))
        if lock { select.for(.update) }
        guard let row = try await select.first() else {
            // A deleted head row is itself tampering: report a head that cannot verify.
            return AuditChainHead(seq: -1, hash: "", checkpointSeq: 0, checkpointAt: Date(timeIntervalSince1970: 0), mac: "missing")
        }
        return AuditChainHead(
            seq: try row.decode(column: "last_seq", as: Int64.self),
            hash: try row.decode(column: "last_hash", as: String.self),
            checkpointSeq: try row.decode(column: "checkpoint_seq", as: Int64.self),
            checkpointAt: try row.decode(column: "checkpoint_at", as: Date.self),
            mac: try row.decode(column: "mac", as: String.self)
        )
    }

    static func record(_ row: any SQLRow) throws -> AuditRecord {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func json(_ column: String) throws -> JSONValue? {
            guard let text = try text(column) else { return nil }
            // Text that no longer parses (edited by hand) stays visible, and verification flags the row.
            return (try? JSONValue(parsing: text)) ?? .string(text)
        }
        let event = AuditEvent(
            id: try row.decode(column: "id", as: String.self),
            organizationID: try row.decode(column: "organization_id", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            actorID: try text("user_id"),
            actorName: try text("user_name"),
            resourceType: try text("resource_type"),
            resourceID: try text("resource_id"),
            resourceName: try text("resource_name"),
            category: try text("category"),
            ipAddress: try text("ip_address"),
            userAgent: try text("user_agent"),
            method: try text("request_method"),
            path: try text("request_path"),
            params: try json("request_params"),
            oldValues: try json("old_values"),
            newValues: try json("new_values"),
            status: AuditStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            errorMessage: try text("error_message"),
            durationMilliseconds: try row.decode(column: "duration_ms", as: Int?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
        return AuditRecord(
            seq: try row.decode(column: "seq", as: Int64.self),
            event: event,
            previousHash: try row.decode(column: "prev_hash", as: String.self),
            chainHash: try row.decode(column: "chain_hash", as: String.self)
        )
    }

    public func record(id: String) async throws -> AuditRecord? {
        try await self.database.select().columns(Self.columnList).from("audit_logs").where("id", .equal, SQLBind(id))
            .first().map(Self.record)
    }

    public func record(chainHash: String) async throws -> AuditRecord? {
        try await self.database.select().columns(Self.columnList).from("audit_logs").where("chain_hash", .equal, SQLBind(chainHash))
            .limit(1).first().map(Self.record)
    }

    static func filter(_ select: SQLSelectBuilder, _ query: AuditQuery) {
        let exact: [(String, String?)] = [
            ("organization_id", query.organizationID), ("user_id", query.actorID), ("action", query.action),
            ("resource_type", query.resourceType), ("resource_id", query.resourceID), ("category", query.category),
            ("status", query.status?.rawValue),
        ]
        for (column, value) in exact {
            if let value { select.where(SQLColumn(column), .equal, SQLBind(value)) }
        }
        if let start = query.start { select.where("created_at", .greaterThanOrEqual, SQLBind(start)) }
        if let end = query.end { select.where("created_at", .lessThanOrEqual, SQLBind(end)) }
    }

    public func records(matching query: AuditQuery, order: AuditOrder, offset: Int, limit: Int) async throws -> [AuditRecord] {
        let select = self.database.select().columns(Self.columnList).from("audit_logs")
        Self.filter(select, query)
        let direction: SQLDirection = order.descending ? .descending : .ascending
        return try await select.orderBy(SQLColumn(order.column.rawValue), direction).orderBy("seq", direction)
            .limit(max(limit, 0)).offset(max(offset, 0)).all().map(Self.record)
    }

    public func count(matching query: AuditQuery) async throws -> Int {
        let select = self.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_logs")
        Self.filter(select, query)
        return try await select.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func records(matching query: AuditQuery, beforeSeq: Int64?, limit: Int) async throws -> [AuditRecord] {
        let select = self.database.select().columns(Self.columnList).from("audit_logs")
        Self.filter(select, query)
        if let beforeSeq { select.where("seq", .lessThan, SQLBind(beforeSeq)) }
        return try await select.orderBy("seq", .descending).limit(limit).all().map(Self.record)
    }

    public func chain(afterSeq: Int64, limit: Int) async throws -> [AuditRecord] {
        try await self.database.select().columns(Self.columnList).from("audit_logs").where("seq", .greaterThan, SQLBind(afterSeq))
            .orderBy("seq").limit(limit).all().map(Self.record)
    }

    public func head() async throws -> AuditChainHead { try await Self.head(on: self.database, lock: false) }

    public func checkpoints() async throws -> [AuditCheckpoint] {
        try await self.database.select().columns("kind", "seq", "chain_hash", "created_at", "mac").from("audit_checkpoints")
            .orderBy("id").all().map { row in
                AuditCheckpoint(
                    kind: AuditCheckpoint.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .periodic,
                    seq: try row.decode(column: "seq", as: Int64.self),
                    hash: try row.decode(column: "chain_hash", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self),
                    mac: try row.decode(column: "mac", as: String.self)
                )
            }
    }

    public func purge(createdBefore date: Date) async throws -> Int {
        try await self.database.transaction { tx in
            // Under the head lock: no append interleaves with the boundary being chosen.
            _ = try await Self.head(on: tx, lock: true)
            guard
                let boundary = try await tx.select().columns("seq", "chain_hash").from("audit_logs")
                    .where("created_at", .lessThan, SQLBind(date)).orderBy("seq", .descending).limit(1).first()
            else { return 0 }
            let seq = try boundary.decode(column: "seq", as: Int64.self)
            let hash = try boundary.decode(column: "chain_hash", as: String.self)
            let count =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_logs")
                .where("seq", .lessThanOrEqual, SQLBind(seq)).first()?.decode(column: "n", as: Int.self) ?? 0
            try await tx.delete(from: "audit_logs").where("seq", .lessThanOrEqual, SQLBind(seq)).run()
            try await Self.insert(self.sealer.checkpoint(.purge, seq: seq, hash: hash), on: tx)
            return count
        }
    }
}
