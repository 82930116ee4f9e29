import Foundation
import SQLKit
import StorageKit
import StorageSQLite
import Testing

@Suite("Rows read by position")
struct StorageRowReaderTests {
    static var backends: [TestDatabases.Backend] { SQLTextTests.backends }

    /// A table of three rows: an integer key, text, a date, a nullable date, a number stored as text, a double and
    /// a date stored as epoch seconds.
    static func table(on db: any SQLDatabase) async throws -> String {
        let table = TestDatabases.uniqueName("readers")
        try await db.create(table: table)
            .column("id", type: .bigint, .primaryKey)
            .column("name", type: .text, .notNull)
            .column("at", type: .timestamp, .notNull)
            .column("gone", type: .timestamp)
            .column("code", type: .text, .notNull)
            .column("ratio", type: .custom(SQLRaw("DOUBLE")), .notNull)
            .column("epoch", type: .bigint, .notNull)
            .run()
        var insert: SQLText = "INSERT INTO \(unsafeRaw: table) (id, name, at, gone, code, ratio, epoch) VALUES "
        for id in 1...3 {
            if id > 1 { insert += ", " }
            let gone: Date? = id == 2 ? nil : Self.at(id + 10)
            insert +=
                "(\(bind: Int64(id)), \(bind: "名前 \(id) with a name long enough to live on the heap"), \(bind: Self.at(id)), \(bind: gone), \(bind: String(id * 7)), \(bind: Double(id) / 8), \(bind: Int64(1_753_080_000 + id)))"
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
            let select: SQLText = "SELECT id, name, at, gone, code, ratio, epoch FROM \(unsafeRaw: table) ORDER BY id"
            struct Read: Equatable {
                var id: Int64, name: String, at: Date, gone: Date?, code: Int, idText: String, goneIsNull: Bool
                var ratio: Double, epoch: Date, goneAsText: String
            }
            func read(_ row: some StorageRowReader) throws -> Read {
                // A NULL read as a non-optional fails the same way on every path: its message is compared.
                let goneAsText =
                    switch Result(catching: { try row.string(at: 3) }) {
                    case .success(let text): text
                    case .failure(let error): "\(error)"
                    }
                return Read(
                    id: try row.int64(at: 0),
                    name: try row.string(at: 1),
                    at: try row.date(at: 2),
                    gone: try row.optionalDate(at: 3),
                    code: try row.int(at: 4),
                    idText: try row.string(at: 0),
                    goneIsNull: try row.isNull(at: 3),
                    ratio: try row.decode(Double.self, at: 5),
                    epoch: try row.date(at: 6),
                    goneAsText: goneAsText
                )
            }
            var streamed: [Read] = []
            try await db.forEachRow(select) { row in
                #expect(row.columnCount == 7)
                #expect(row.columnName(at: 1) == "name")
                // A file database has readers: its rows are read in place, not collected first.
                if backend == .sqliteFile { #expect(!(row is StorageRow)) }
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
            #expect(streamed.map(\.ratio) == [0.125, 0.25, 0.375])
            #expect(streamed.map(\.epoch) == [1, 2, 3].map { Date(timeIntervalSince1970: 1_753_080_000 + Double($0)) })
            #expect(streamed[1].goneAsText.contains("gone"))
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
            // A row read in place is good only during its callback: kept past it, it refuses to read.
            var kept: (any StorageRowReader)?
            try await db.forEachRow(select) { row in kept = kept ?? row }
            if let kept, !(kept is StorageRow) {
                #expect(throws: StorageError.self) { _ = try kept.int64(at: 0) }
            } else {
                #expect(backend != .sqliteFile, "a file database streams its rows")
            }
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
