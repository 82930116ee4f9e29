import Foundation
public import Logging
public import SQLKit

/// One named, ordered step of a schema. Once recorded as applied it never runs again, so never change a shipped
/// migration: add a new one.
public struct Migration: Sendable {
    /// The unique name recorded in the migrations table, e.g. `"contacts.001.create-contacts"`.
    public let name: String
    let prepare: @Sendable (any SQLDatabase) async throws -> Void

    public init(_ name: String, prepare: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.prepare = prepare
    }
}

/// Applies ``Migration``s in the order they were added, each once, recording them in a table
/// (`rapport_migrations` by default).
///
/// Several processes may start together against one database: on MariaDB/MySQL the run holds the named lock
/// `GET_LOCK` named after the database and `<table>`; on SQLite each migration runs in a `BEGIN IMMEDIATE` transaction that re-checks the
/// table first; elsewhere each migration's record is inserted first in its transaction, so a second runner
/// stops at the primary key. On SQLite (and PostgreSQL) a failed migration leaves nothing behind; MariaDB
/// commits DDL implicitly, so there a migration should hold one DDL statement or be safe to re-run.
public struct Migrator: Sendable {
    public private(set) var migrations: [Migration] = []
    public let table: String

    public init(table: String = "rapport_migrations", _ migrations: [Migration] = []) {
        self.table = table
        self.migrations = []
        for migration in migrations { self.add(migration) }
    }

    /// Appends a migration. Names must be unique; adding a name twice is a programming error.
    public mutating func add(_ migration: Migration) {
        precondition(!self.migrations.contains { $0.name == migration.name }, "duplicate migration \(migration.name)")
        self.migrations.append(migration)
    }

    public mutating func add(contentsOf migrations: [Migration]) {
        for migration in migrations { self.add(migration) }
    }

    /// The names already recorded as applied, oldest first.
    public func applied(on database: any SQLDatabase) async throws -> [String] {
        try await self.createTable(on: database)
        return try await database.select().column("name").from(self.table).orderBy("applied_order").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    /// Applies every migration not yet recorded and returns the names it applied.
    @discardableResult
    public func migrate(on database: any SQLDatabase, logger: Logger) async throws -> [String] {
        try await self.createTable(on: database)
        return try await database.withSession { session in
            switch session.dialect.name {
            case "mysql":
                try await self.withNamedLock(on: session) { try await self.applyPending(on: session, logger: logger) }
            default:
                try await self.applyPending(on: session, logger: logger)
            }
        }
    }

    private func applyPending(on session: any SQLDatabase, logger: Logger) async throws -> [String] {
        var done: [String] = []
        for (order, migration) in self.migrations.enumerated() {
            let applied = try await session.transaction { tx -> Bool in
                // Record first: a concurrent runner that got here earlier makes this insert fail or find the row.
                let exists =
                    try await tx.select().column("name").from(self.table)
                    .where("name", .equal, migration.name).first() != nil
                if exists { return false }
                try await tx.insert(into: self.table).columns("name", "applied_order", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(order), SQLBind(StorageDateFormat.string(from: .now)))
                    .run()
                try await migration.prepare(tx)
                return true
            }
            if applied {
                logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                done.append(migration.name)
            }
        }
        return done
    }

    private func withNamedLock<R: Sendable>(
        on session: any SQLDatabase,
        _ body: () async throws -> R
    ) async throws -> R {
        // User locks are server-wide: the name carries the database, so runs on other databases of the same
        // server (tests, other tenants) never wait for each other. Each wait is shorter than a client's read
        // timeout (30 s by default), or a long queue would read as a lost connection.
        let name = SQLQueryString("CONCAT('migrations:', SHA1(CONCAT(DATABASE(), '.', \(bind: self.table))))")
        var locked = false
        for _ in 0..<12 where !locked {
            let row = try await session.raw("SELECT GET_LOCK(\(name), 10) AS locked").first()
            locked = try row?.decode(column: "locked", as: Int?.self) == 1
        }
        guard locked else { throw StorageError(.conflict, "another process held the migration lock for 120 seconds") }
        do {
            let result = try await body()
            _ = try? await session.raw("SELECT RELEASE_LOCK(\(name))").run()
            return result
        } catch {
            _ = try? await session.raw("SELECT RELEASE_LOCK(\(name))").run()
            throw error
        }
    }

    private func createTable(on database: any SQLDatabase) async throws {
        try await database.create(table: self.table).ifNotExists()
            .column("name", type: .custom(SQLRaw("VARCHAR(255)")), .primaryKey(autoIncrement: false), .notNull)
            .column("applied_order", type: .int, .notNull)
            .column("applied_at", type: .custom(SQLRaw("VARCHAR(32)")), .notNull)
            .run()
    }
}
