import Foundation
import SQLKit
import StorageKit
import StorageSQLite
import Testing

@Suite("SQL text")
struct SQLTextTests {
    static var backends: [TestDatabases.Backend] {
        TestDatabases.mariaDBEnabled ? [.sqliteMemory, .sqliteFile, .mariaDB] : [.sqliteMemory, .sqliteFile]
    }

    /// The drivers run the text as written; values of every kind round-trip, optionals bind NULL, and texts joined
    /// with `+=` keep their values in order.
    @Test(arguments: Self.backends)
    func runsOnEveryDriver(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let table = TestDatabases.uniqueName("texts")
            try await db.create(table: table)
                .column("id", type: .bigint, .primaryKey)
                .column("name", type: .text, .notNull)
                .column("at", type: .timestamp, .notNull)
                .column("ratio", type: .custom(SQLRaw("DOUBLE")), .notNull)
                .column("note", type: .text)
                .run()
            let columns = SQLColumnList(["id", "name", "at", "ratio", "note"])
            let at = Date(timeIntervalSince1970: 1_753_080_799.685547)
            var insert: SQLText = "INSERT INTO \(unsafeRaw: table) (\(columns)) VALUES "
            for id in 1...3 {
                if id > 1 { insert += ", " }
                let note: String? = id == 2 ? nil : "n?\(id)"
                insert += "(\(bind: Int64(id)), \(bind: "it's ? \(id)"), \(bind: at), \(bind: Double(id) / 4), \(bind: note))"
            }
            try await db.run(insert)
            let rows = try await db.all(
                "SELECT \(columns) FROM \(unsafeRaw: table) WHERE id IN (\(binds: [1, 3])) AND at = \(bind: at) ORDER BY id"
            )
            #expect(try rows.map { try $0.decode(column: "id", as: Int64.self) } == [1, 3])
            #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["it's ? 1", "it's ? 3"])
            #expect(try rows.map { try $0.decode(column: "ratio", as: Double.self) } == [0.25, 0.75])
            #expect(try rows.map { try $0.decode(column: "at", as: Date.self) } == [at, at])
            let missing = try await db.first("SELECT note FROM \(unsafeRaw: table) WHERE id = \(bind: 2) AND note IS NULL")
            #expect(missing != nil)
            #expect(try await db.first("SELECT id FROM \(unsafeRaw: table) WHERE id = \(bind: 9)") == nil)
        }
    }

    /// Any other SQLKit database gets the text serialized with its own placeholders and binds.
    @Test func serializesForOtherDatabases() throws {
        let db = try SQLiteDatabase(configuration: .init(storage: .memory), logger: TestDatabases.logger)
        defer { try? db.close() }
        var text: SQLText = "SELECT \(SQLColumnList(["a", "b"])) FROM t WHERE x = \(bind: 1) AND y IN (\(binds: ["p", "q"]))"
        text += " AND z = \(bind: Optional<Int64>.none) LIMIT \(bind: 5)"
        let (sql, binds) = db.serialize(text)
        #expect(sql == "SELECT `a`, `b` FROM t WHERE x = ?1 AND y IN (?2, ?3) AND z = ?4 LIMIT ?5")
        #expect(binds.count == 5)
        #expect(text.sql == "SELECT `a`, `b` FROM t WHERE x = ? AND y IN (?, ?) AND z = ? LIMIT ?")
        #expect(text.values == [.integer(1), .text("p"), .text("q"), .null, .integer(5)])
    }
}
