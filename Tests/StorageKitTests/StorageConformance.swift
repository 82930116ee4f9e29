import Foundation
import Logging
import SQLKit
import StorageKit
import Testing

/// What every driver must do for the domains, checked the same way on each backend.
enum StorageCheck: String, CaseIterable, CustomStringConvertible, Sendable {
    case valuesRoundTrip, insertReturningID, duplicateKey, foreignKey, notNull, queryErrorKeepsConnection
    case transactionCommits, transactionRollsBack, transactionIsIsolated, cancelledTransactionLeavesNothingOpen
    case nestedTransactionIsASavepoint
    case concurrentWritesAllLand, migrationsApplyOnceInOrder, failedMigrationIsNotRecorded, migratorsRacing
    case offsetPagination, keysetPagination

    var description: String { self.rawValue }

    func run(on backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { database, second in
            try await self.run(database, second: second, backend: backend)
        }
    }

    private func run(_ db: any SQLDatabase, second: () throws -> any SQLDatabase, backend: TestDatabases.Backend) async throws {
        switch self {
        case .valuesRoundTrip: try await Self.valuesRoundTrip(db)
        case .insertReturningID: try await Self.insertReturningID(db)
        case .duplicateKey: try await Self.duplicateKey(db)
        case .foreignKey: try await Self.foreignKey(db)
        case .notNull: try await Self.notNull(db)
        case .queryErrorKeepsConnection: try await Self.queryErrorKeepsConnection(db)
        case .transactionCommits: try await Self.transactionCommits(db)
        case .transactionRollsBack: try await Self.transactionRollsBack(db)
        case .transactionIsIsolated:
            // One in-memory SQLite connection has nobody else to be isolated from.
            if backend != .sqliteMemory { try await Self.transactionIsIsolated(db, other: try second()) }
        case .cancelledTransactionLeavesNothingOpen: try await Self.cancelledTransaction(db)
        case .nestedTransactionIsASavepoint: try await Self.nestedTransaction(db)
        case .concurrentWritesAllLand: try await Self.concurrentWrites(db)
        case .migrationsApplyOnceInOrder: try await Self.migrationsApplyOnce(db)
        case .failedMigrationIsNotRecorded: try await Self.failedMigration(db)
        case .migratorsRacing: try await Self.migratorsRacing(db, others: [try second(), try second()])
        case .offsetPagination: try await Self.offsetPagination(db)
        case .keysetPagination: try await Self.keysetPagination(db)
        }
    }

    static func makeItems(_ db: any SQLDatabase) async throws -> String {
        let table = TestDatabases.uniqueName("items")
        try await db.create(table: table)
            .column("id", type: .bigint, .primaryKey)
            .column("name", type: .custom(SQLRaw("VARCHAR(191)")), .notNull, .unique)
            .column("score", type: .bigint, .notNull, .default(0))
            .run()
        return table
    }

    static func count(_ db: any SQLDatabase, _ table: String) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
        return try row!.decode(column: "n", as: Int.self)
    }

    struct Sample: Codable, Equatable, Sendable {
        struct Nested: Codable, Equatable, Sendable {
            var tags: [String]
            var depth: Int
        }
        var id: Int?
        var text: String
        var big: Int64
        var ratio: Double
        var flag: Bool
        var at: Date
        var blob: Data
        var ref: UUID
        var nested: Nested
        var missing: String?
    }

    static func valuesRoundTrip(_ db: any SQLDatabase) async throws {
        let table = TestDatabases.uniqueName("samples")
        try await db.create(table: table)
            .column("id", type: .bigint, .primaryKey)
            .column("text", type: .text, .notNull)
            .column("big", type: .bigint, .notNull)
            .column("ratio", type: .custom(SQLRaw("DOUBLE")), .notNull)
            .column("flag", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("at", type: .timestamp, .notNull)
            .column("blob", type: .blob, .notNull)
            .column("ref", type: .custom(SQLRaw("CHAR(36)")), .notNull)
            .column("nested", type: .text, .notNull)
            .column("missing", type: .text)
            .run()
        let sample = Sample(
            id: nil,
            text: "héllo 😀 中文 'quoted' \"double\" \\ back",
            big: Int64.max - 7,
            ratio: 3.141592653589793,
            flag: true,
            at: Date(timeIntervalSince1970: 1_753_080_799.685547),
            blob: Data([0, 1, 2, 255, 0, 10]),
            ref: UUID(),
            nested: .init(tags: ["a", "b"], depth: 3),
            missing: nil
        )
        try await db.insert(into: table).model(sample).run()
        let stored = try await db.select().column("*").from(table).first(decoding: Sample.self)
        var expected = sample
        expected.id = stored?.id
        #expect(stored == expected)
        #expect(stored?.id != nil)
        // The date keeps its microseconds and compares in SQL against a bound date.
        let later = try await db.select().column("id").from(table)
            .where("at", .greaterThan, SQLBind(Date(timeIntervalSince1970: 1_753_080_799.685546))).all()
        #expect(later.count == 1)
        let earlier = try await db.select().column("id").from(table)
            .where("at", .greaterThan, SQLBind(Date(timeIntervalSince1970: 1_753_080_799.685548))).all()
        #expect(earlier.isEmpty)
        // A NULL reads back as nil, and as an error for a non-optional.
        let row = try #require(try await db.select().column("missing").from(table).first())
        #expect(try row.decodeNil(column: "missing"))
        #expect(throws: StorageError.self) { try row.decode(column: "missing", as: String.self) }
        #expect(throws: StorageError.self) { try row.decode(column: "absent", as: String.self) }
    }

    static func insertReturningID(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        var ids: [Int] = []
        for name in ["a", "b", "c"] {
            let row = try await db.insert(into: table).columns("name").values(SQLBind(name)).returning("id").first()
            ids.append(try #require(row).decode(column: "id", as: Int.self))
        }
        #expect(ids.count == 3 && ids == ids.sorted() && Set(ids).count == 3)
        let names = try await db.select().column("name").from(table).where("id", .equal, SQLBind(ids[1])).all()
            .map { try $0.decode(column: "name", as: String.self) }
        #expect(names == ["b"])
    }

    static func expectKind(_ kind: StorageError.Kind, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected a StorageError of kind \(kind), got success")
        } catch let error as StorageError {
            #expect(error.kind == kind, "\(error)")
        } catch {
            Issue.record("expected a StorageError of kind \(kind), got \(error)")
        }
    }

    static func duplicateKey(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        try await db.insert(into: table).columns("name").values(SQLBind("same")).run()
        await expectKind(.duplicate) { try await db.insert(into: table).columns("name").values(SQLBind("same")).run() }
        #expect(try await count(db, table) == 1)
    }

    static func foreignKey(_ db: any SQLDatabase) async throws {
        let parent = try await makeItems(db)
        let child = TestDatabases.uniqueName("children")
        try await db.create(table: child)
            .column("id", type: .bigint, .primaryKey)
            .column("item_id", type: .bigint, .notNull, .references(parent, "id"))
            .run()
        await expectKind(.foreignKey) { try await db.insert(into: child).columns("item_id").values(SQLBind(4242)).run() }
        let row = try await db.insert(into: parent).columns("name").values(SQLBind("p")).returning("id").first()
        let id = try #require(row).decode(column: "id", as: Int.self)
        try await db.insert(into: child).columns("item_id").values(SQLBind(id)).run()
        await expectKind(.foreignKey) { try await db.delete(from: parent).where("id", .equal, SQLBind(id)).run() }
    }

    static func notNull(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        await expectKind(.constraint) {
            try await db.insert(into: table).columns("name").values(SQLBind(String?.none)).run()
        }
    }

    static func queryErrorKeepsConnection(_ db: any SQLDatabase) async throws {
        await expectKind(.query) { try await db.raw("SELEC nonsense").run() }
        await expectKind(.query) { try await db.select().column("*").from("no_such_table_at_all").all() }
        let row = try await db.raw("SELECT 1 AS one").first()
        #expect(try row?.decode(column: "one", as: Int.self) == 1)
    }

    static func transactionCommits(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        let id = try await db.transaction { tx in
            let row = try await tx.insert(into: table).columns("name").values(SQLBind("kept")).returning("id").first()
            // Inside the transaction its own write is visible.
            #expect(try await count(tx, table) == 1)
            return try row!.decode(column: "id", as: Int.self)
        }
        #expect(id > 0)
        #expect(try await count(db, table) == 1)
    }

    struct Boom: Error {}

    static func transactionRollsBack(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        await #expect(throws: Boom.self) {
            try await db.transaction { tx in
                try await tx.insert(into: table).columns("name").values(SQLBind("lost")).run()
                throw Boom()
            }
        }
        // A failing statement inside also rolls back what came before it.
        await expectKind(.duplicate) {
            try await db.transaction { tx in
                try await tx.insert(into: table).columns("name").values(SQLBind("x")).run()
                try await tx.insert(into: table).columns("name").values(SQLBind("x")).run()
            }
        }
        #expect(try await count(db, table) == 0)
    }

    static func nestedTransaction(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        try await db.transaction { tx in
            try await tx.insert(into: table).columns("name").values(SQLBind("outer")).run()
            // The inner failure undoes only the inner work.
            await #expect(throws: Boom.self) {
                try await tx.transaction { inner in
                    try await inner.insert(into: table).columns("name").values(SQLBind("inner")).run()
                    throw Boom()
                }
            }
            try await tx.transaction { inner in
                try await inner.insert(into: table).columns("name").values(SQLBind("kept")).run()
            }
        }
        let names = try await db.select().column("name").from(table).orderBy("id").all().map { try $0.decode(column: "name", as: String.self) }
        #expect(names == ["outer", "kept"])
        // And an outer rollback takes the inner, released savepoint with it.
        await #expect(throws: Boom.self) {
            try await db.transaction { tx in
                try await tx.transaction { inner in try await inner.insert(into: table).columns("name").values(SQLBind("gone")).run() }
                throw Boom()
            }
        }
        #expect(try await count(db, table) == 2)
    }

    static func transactionIsIsolated(_ db: any SQLDatabase, other: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        try await db.transaction { tx in
            try await tx.insert(into: table).columns("name").values(SQLBind("pending")).run()
            // Another connection does not see uncommitted rows.
            #expect(try await count(other, table) == 0)
        }
        #expect(try await count(other, table) == 1)
    }

    static func cancelledTransaction(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        let task = Task {
            try await db.transaction { tx in
                try await tx.insert(into: table).columns("name").values(SQLBind("cancelled")).run()
                try await Task.sleep(for: .seconds(30))
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        _ = await task.result
        // Nothing of it was committed, and the next transaction on the pool starts cleanly.
        try await db.transaction { tx in
            try await tx.insert(into: table).columns("name").values(SQLBind("after")).run()
        }
        let names = try await db.select().column("name").from(table).all().map { try $0.decode(column: "name", as: String.self) }
        #expect(names == ["after"])
    }

    static func concurrentWrites(_ db: any SQLDatabase) async throws {
        let table = try await makeItems(db)
        try await db.insert(into: table).columns("name", "score").values(SQLBind("counter"), SQLBind(0)).run()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        try await db.transaction { tx in
                            try await tx.raw("UPDATE \(ident: table) SET score = score + 1 WHERE name = \(bind: "counter")").run()
                            try await tx.insert(into: table).columns("name").values(SQLBind("row-\(index)")).run()
                        }
                    } else {
                        try await db.raw("UPDATE \(ident: table) SET score = score + 1 WHERE name = \(bind: "counter")").run()
                        _ = try await count(db, table)
                    }
                }
            }
            try await group.waitForAll()
        }
        let row = try await db.select().column("score").from(table).where("name", .equal, SQLBind("counter")).first()
        #expect(try row?.decode(column: "score", as: Int.self) == 40)
        #expect(try await count(db, table) == 21)
    }

    static func migrations(_ log: String, counter: String) -> [Migration] {
        [
            Migration("test.001.create-\(log)") { db in
                try await db.create(table: log).column("id", type: .bigint, .primaryKey).column("step", type: .int, .notNull).run()
            },
            Migration("test.002.first-row-\(log)") { db in
                try await db.insert(into: log).columns("step").values(SQLBind(2)).run()
            },
            Migration("test.003.count-\(log)") { db in
                try await db.insert(into: log).columns("step").values(SQLBind(3)).run()
            },
        ]
    }

    static func migrationsApplyOnce(_ db: any SQLDatabase) async throws {
        let log = TestDatabases.uniqueName("mlog")
        let table = TestDatabases.uniqueName("migrations")
        let all = migrations(log, counter: log)
        let first = Migrator(table: table, Array(all.prefix(2)))
        #expect(try await first.migrate(on: db, logger: TestDatabases.logger) == all.prefix(2).map(\.name))
        #expect(try await first.migrate(on: db, logger: TestDatabases.logger).isEmpty)
        let later = Migrator(table: table, all)
        #expect(try await later.migrate(on: db, logger: TestDatabases.logger) == [all[2].name])
        #expect(try await later.applied(on: db) == all.map(\.name))
        let steps = try await db.select().column("step").from(log).orderBy("id").all().map { try $0.decode(column: "step", as: Int.self) }
        #expect(steps == [2, 3])
    }

    static func failedMigration(_ db: any SQLDatabase) async throws {
        let log = TestDatabases.uniqueName("mlog")
        let table = TestDatabases.uniqueName("migrations")
        var attempts = 0
        let failing = Migrator(
            table: table,
            [
                Migration("test.001.create") { db in
                    try await db.create(table: log).column("id", type: .bigint, .primaryKey).column("step", type: .int, .notNull).run()
                },
                Migration("test.002.broken") { db in
                    try await db.insert(into: log).columns("step").values(SQLBind(1)).run()
                    throw Boom()
                },
            ]
        )
        await #expect(throws: Boom.self) { try await failing.migrate(on: db, logger: TestDatabases.logger) }
        #expect(try await failing.applied(on: db) == ["test.001.create"])
        #expect(try await count(db, log) == 0)
        attempts += 1
        let fixed = Migrator(
            table: table,
            [
                failing.migrations[0],
                Migration("test.002.broken") { db in try await db.insert(into: log).columns("step").values(SQLBind(2)).run() },
            ]
        )
        #expect(try await fixed.migrate(on: db, logger: TestDatabases.logger) == ["test.002.broken"])
        #expect(try await count(db, log) == 1 && attempts == 1)
    }

    static func migratorsRacing(_ db: any SQLDatabase, others: [any SQLDatabase]) async throws {
        let log = TestDatabases.uniqueName("mlog")
        let table = TestDatabases.uniqueName("migrations")
        let migrator = Migrator(table: table, migrations(log, counter: log))
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for database in [db] + others {
                group.addTask { try await migrator.migrate(on: database, logger: TestDatabases.logger) }
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        // Each migration ran exactly once across the three "processes".
        #expect(applied.sorted() == migrator.migrations.map(\.name).sorted())
        #expect(try await count(db, log) == 2)
    }

    static func fill(_ db: any SQLDatabase, rows: Int) async throws -> String {
        let table = try await makeItems(db)
        let insert = db.insert(into: table).columns("name", "score")
        for index in 1...rows { insert.values(SQLBind("n\(index)"), SQLBind(index % 4)) }
        try await insert.run()
        return table
    }

    static func offsetPagination(_ db: any SQLDatabase) async throws {
        let table = try await fill(db, rows: 25)
        let request = try #require(PageRequest(page: 2, perPage: 10))
        let names = try await db.select().column("name").from(table).orderBy("id").page(request).all()
            .map { try $0.decode(column: "name", as: String.self) }
        let page = Page(items: names, request: request, total: try await count(db, table))
        #expect(page.items == (11...20).map { "n\($0)" })
        #expect(page.totalPages == 3 && page.hasNext)
        #expect(PageRequest(page: 0, perPage: 10) == nil)
        #expect(PageRequest(clampingPage: -3, perPage: 0).perPage == 20)
    }

    static func keysetPagination(_ db: any SQLDatabase) async throws {
        let table = try await fill(db, rows: 25)
        struct Item: Decodable, Sendable {
            let id: Int64
            let score: Int64
        }
        for descending in [false, true] {
            var seen: [Int64] = []
            var cursor: KeysetCursor?
            var pages = 0
            repeat {
                let token = cursor?.token
                let after = try token.map { try #require(KeysetCursor(token: $0)) }
                let rows = try await db.select().column("id").column("score").from(table)
                    .keyset(key: "score", id: "id", after: after, descending: descending, limit: 7).all(decoding: Item.self)
                let page = KeysetPage(rows: rows, limit: 7) { KeysetCursor(key: .integer($0.score), id: $0.id) }
                seen += page.items.map(\.id)
                cursor = page.next
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 4)
            #expect(Set(seen).count == 25 && seen.count == 25)
        }
    }
}
