import Foundation
import SQLKit
import StorageKit
import StorageSQLite
import Testing

@Suite("Rows read by position")
struct StorageRowReaderTests {
    static var backends: [TestDatabases.Backend] { SQLTextTests.backends }

    /// A table of three rows: an integer key, text, a date, a nullable date, and a number stored as text.
    static func table(on db: any SQLDatabase) async throws -> String {
        let table = TestDatabases.uniqueName("readers")
        try await db.create(table: table)
            .column("id", type: .bigint, .primaryKey)
            .column("name", type: .text, .notNull)
            .column("at", type: .timestamp, .notNull)
            .column("gone", type: .timestamp)
            .column("code", type: .text, .notNull)
            .run()
        var insert: SQLText = "INSERT INTO \(unsafeRaw: table) (id, name, at, gone, code) VALUES "
        for id in 1...3 {
            if id > 1 { insert += ", " }
            let gone: Date? = id == 2 ? nil : Self.at(id + 10)
            insert +=
                "(\(bind: Int64(id)), \(bind: "名前 \(id) with a name long enough to live on the heap"), \(bind: Self.at(id)), \(bind: gone), \(bind: String(id * 7)))"
        }
        try await db.run(insert)
        return table
    }

    static func at(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_753_080_000 + Double(n) + 0.123456) }

    /// Streamed rows read what the collected rows read, column by column, on every driver: the fast paths
    /// (integers, text, dates parsed in place, NULL) and the conversions of the named decoders (a number stored as
    /// text read as an integer, an integer read as text).
    @Test(arguments: Self.backends)
    func streamedRowsReadLikeCollectedOnes(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let table = try await Self.table(on: db)
            let select: SQLText = "SELECT id, name, at, gone, code FROM \(unsafeRaw: table) ORDER BY id"
            struct Read: Equatable {
                var id: Int64, name: String, at: Date, gone: Date?, code: Int, idText: String, goneIsNull: Bool
            }
            func read(_ row: some StorageRowReader) throws -> Read {
                Read(
                    id: try row.int64(at: 0),
                    name: try row.string(at: 1),
                    at: try row.date(at: 2),
                    gone: try row.optionalDate(at: 3),
                    code: try row.int(at: 4),
                    idText: try row.string(at: 0),
                    goneIsNull: try row.isNull(at: 3)
                )
            }
            var streamed: [Read] = []
            try await db.forEachRow(select) { row in
                #expect(row.columnCount == 5)
                #expect(row.columnName(at: 1) == "name")
                streamed.append(try read(row))
            }
            let collected = try await db.all(select).map { try read($0.positionReader) }
            #expect(streamed == collected)
            #expect(streamed.map(\.id) == [1, 2, 3])
            #expect(streamed.map(\.at) == [Self.at(1), Self.at(2), Self.at(3)])
            #expect(streamed.map(\.gone) == [Self.at(11), nil, Self.at(13)])
            #expect(streamed.map(\.code) == [7, 14, 21])
            #expect(streamed.map(\.idText) == ["1", "2", "3"])
            #expect(streamed[0].name == "名前 1 with a name long enough to live on the heap")
        }
    }

    /// A column that is not there, or text that is not a date, fails as a decoding error; an error thrown by the
    /// callback stops the statement, and the database goes on serving (the statement was reset).
    @Test(arguments: Self.backends)
    func errorsStopTheStatementAndLeaveTheDatabaseUsable(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let table = try await Self.table(on: db)
            let select: SQLText = "SELECT id, name FROM \(unsafeRaw: table) ORDER BY id"
            await #expect(throws: StorageError.self) {
                try await db.forEachRow(select) { row in _ = try row.int64(at: 2) }
            }
            await #expect(throws: StorageError.self) {
                try await db.forEachRow(select) { row in _ = try row.date(at: 1) }
            }
            struct Stop: Error {}
            var seen = 0
            await #expect(throws: Stop.self) {
                try await db.forEachRow(select) { _ in
                    seen += 1
                    throw Stop()
                }
            }
            #expect(seen == 1)
            var ids: [Int64] = []
            try await db.forEachRow(select) { row in ids.append(try row.int64(at: 0)) }
            #expect(ids == [1, 2, 3])
            // Inside a transaction the rows come from the transaction's connection, its own writes included.
            let inside = try await db.transaction { tx in
                try await tx.run("DELETE FROM \(unsafeRaw: table) WHERE id = \(bind: 2)")
                var inside: [Int64] = []
                try await tx.forEachRow(select) { row in inside.append(try row.int64(at: 0)) }
                return inside
            }
            #expect(inside == [1, 3])
        }
    }
}
