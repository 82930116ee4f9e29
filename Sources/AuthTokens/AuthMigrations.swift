import SQLKit
public import StorageKit

/// The schema of accounts, sessions, the login log and profiles, in order.
public enum AuthMigrations {
    public static let all: [Migration] = [
        Migration("auth.001.users") { db in
            try await db.create(table: "users")
                .column("id", type: .bigint, .primaryKey)
                .column("external_id", type: .custom(SQLCaseSensitiveString(50)), .unique)
                .column("username", type: .custom(SQLRaw("VARCHAR(100)")), .notNull)
                .column("username_key", type: .custom(SQLCaseSensitiveString(100)), .notNull, .unique)
                .column("email", type: .custom(SQLRaw("VARCHAR(120)")))
                .column("email_key", type: .custom(SQLCaseSensitiveString(120)), .unique)
                .column("password_hash", type: .custom(SQLRaw("VARCHAR(255)")))
                .column("role", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("avatar", type: .custom(SQLRaw("VARCHAR(255)")))
                .column("description", type: .text)
                .column("status", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .column("created_at", type: .timestamp, .notNull)
                .column("last_seen", type: .timestamp)
                .run()
        },
        Migration("auth.002.sessions") { db in
            try await db.create(table: "auth_sessions")
                .column("id", type: .custom(SQLRaw("CHAR(36)")), .primaryKey(autoIncrement: false), .notNull)
                .column("user_id", type: .bigint, .references("users", "id"))
                .column("created_at", type: .timestamp, .notNull)
                .column("expires_at", type: .timestamp, .notNull)
                .column("revoked_at", type: .timestamp)
                .column("ip_address", type: .custom(SQLRaw("VARCHAR(64)")), .notNull)
                .column("user_agent", type: .custom(SQLRaw("VARCHAR(255)")), .notNull)
                .run()
        },
        Migration("auth.003.sessions-by-user") { db in
            try await db.create(index: "auth_sessions_user").on("auth_sessions").column("user_id").run()
        },
        Migration("auth.004.login-logs") { db in
            try await db.create(table: "login_logs")
                .column("id", type: .bigint, .primaryKey)
                .column("user_id", type: .bigint, .notNull)
                .column("identifier", type: .custom(SQLCaseSensitiveString(191)), .notNull)
                .column("ip_address", type: .custom(SQLRaw("VARCHAR(64)")), .notNull)
                .column("device_info", type: .custom(SQLRaw("VARCHAR(255)")), .notNull)
                .column("login_time", type: .timestamp, .notNull)
                .column("status", type: .custom(SQLRaw("VARCHAR(20)")), .notNull)
                .run()
        },
        Migration("auth.005.login-logs-by-identifier") { db in
            try await db.create(index: "login_logs_identifier").on("login_logs").column("identifier").column("login_time").run()
        },
        Migration("auth.006.login-logs-by-ip") { db in
            try await db.create(index: "login_logs_ip").on("login_logs").column("ip_address").column("login_time").run()
        },
        Migration("auth.007.login-logs-by-user") { db in
            // An account reading its own login history, newest first.
            try await db.create(index: "login_logs_user").on("login_logs").column("user_id").column("login_time").run()
        },
        Migration("auth.008.profiles") { db in
            // Seed 003's profile page: one row per account, written on the first change.
            try await db.create(table: "profiles")
                .column("user_id", type: .bigint, .primaryKey(autoIncrement: false), .notNull, .references("users", "id"))
                .column("bio", type: .text)
                .column("location", type: .custom(SQLRaw("VARCHAR(100)")))
                .column("phone", type: .custom(SQLRaw("VARCHAR(20)")))
                .column("updated_at", type: .timestamp, .notNull)
                .run()
        },
    ]
}
