import SQLKit
public import StorageKit

/// The schema of the audit log: the records (`audit_logs`, the seed 002 columns plus the chain), the sealed
/// head of the chain, and its checkpoints.
public enum AuditMigrations {
    public static let all: [Migration] = [
        Migration("audit.001.audit-logs") { db in
            try await db.create(table: "audit_logs")
                .column("seq", type: .bigint, .primaryKey(autoIncrement: false))
                .column("id", type: .custom(SQLCaseSensitiveString(36)), .notNull, .unique)
                .column("organization_id", type: .custom(SQLRaw("VARCHAR(36)")), .notNull)
                .column("user_id", type: .custom(SQLRaw("VARCHAR(64)")))
                .column("user_name", type: .custom(SQLRaw("VARCHAR(255)")))
                .column("action", type: .custom(SQLRaw("VARCHAR(50)")), .notNull)
                .column("resource_type", type: .custom(SQLRaw("VARCHAR(50)")))
                .column("resource_id", type: .custom(SQLRaw("VARCHAR(64)")))
                .column("resource_name", type: .custom(SQLRaw("VARCHAR(255)")))
                .column("category", type: .custom(SQLRaw("VARCHAR(50)")))
                .column("ip_address", type: .custom(SQLRaw("VARCHAR(64)")))
                .column("user_agent", type: .custom(SQLRaw("VARCHAR(500)")))
                .column("request_method", type: .custom(SQLRaw("VARCHAR(10)")))
                .column("request_path", type: .custom(SQLRaw("VARCHAR(500)")))
                .column("request_params", type: .text)
                .column("old_values", type: .text)
                .column("new_values", type: .text)
                .column("status", type: .custom(SQLRaw("VARCHAR(20)")), .notNull, .check(SQLRaw("status IN ('success', 'failed')")))
                .column("error_message", type: .text)
                .column("duration_ms", type: .int)
                .column("created_at", type: .timestamp, .notNull)
                .column("prev_hash", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .column("chain_hash", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .run()
            for (name, columns) in [
                ("audit_logs_org_time", ["organization_id", "created_at"]), ("audit_logs_user_time", ["user_id", "created_at"]),
                ("audit_logs_resource_time", ["resource_type", "resource_id", "created_at"]),
                ("audit_logs_category_time", ["category", "created_at"]), ("audit_logs_time", ["created_at"]),
            ] {
                let index = db.create(index: name).on("audit_logs")
                for column in columns { index.column(column) }
                try await index.run()
            }
        },
        Migration("audit.002.chain") { db in
            try await db.create(table: "audit_chain")
                .column("id", type: .int, .primaryKey(autoIncrement: false))
                .column("last_seq", type: .bigint, .notNull)
                .column("last_hash", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .column("checkpoint_seq", type: .bigint, .notNull)
                .column("checkpoint_at", type: .timestamp, .notNull)
                .column("mac", type: .custom(SQLRaw("VARCHAR(64)")), .notNull)
                .run()
            let empty = AuditChainHead.empty
            // The one head row exists from the start, so every appender can lock it.
            try await db.insert(into: "audit_chain")
                .columns("id", "last_seq", "last_hash", "checkpoint_seq", "checkpoint_at", "mac")
                .values(SQLBind(1), SQLBind(empty.seq), SQLBind(empty.hash), SQLBind(empty.checkpointSeq), SQLBind(empty.checkpointAt), SQLBind(""))
                .run()
            try await db.create(table: "audit_checkpoints")
                .column("id", type: .bigint, .primaryKey)
                .column("kind", type: .custom(SQLRaw("VARCHAR(16)")), .notNull)
                .column("seq", type: .bigint, .notNull)
                .column("chain_hash", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .column("mac", type: .custom(SQLRaw("CHAR(64)")), .notNull)
                .run()
        },
    ]
}
