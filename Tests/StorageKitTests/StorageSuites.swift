import Foundation
import SQLKit
import StorageKit
import StorageMySQL
import StorageSQLite
import Testing

@Suite("SQLite in memory storage")
struct SQLiteMemoryStorageTests {
    @Test(arguments: StorageCheck.allCases)
    func conformance(_ check: StorageCheck) async throws {
        try await check.run(on: .sqliteMemory)
    }
}

@Suite("SQLite file storage")
struct SQLiteFileStorageTests {
    @Test(arguments: StorageCheck.allCases)
    func conformance(_ check: StorageCheck) async throws {
        try await check.run(on: .sqliteFile)
    }

    @Test func pragmas() async throws {
        let directory = try TestDatabases.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (option, expected) in [("", 1), ("?synchronous=full", 2)] {
            let path = directory.appendingPathComponent("p\(expected).sqlite").path
            let database = try SQLiteDatabase(configuration: .init(url: "sqlite:\(path)\(option)"), logger: TestDatabases.logger)
            defer { try? database.close() }
            let journal = try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            let foreignKeys = try await database.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            let synchronous = try await database.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            #expect(journal == "wal")
            #expect(foreignKeys == 1)
            #expect(synchronous == expected)
        }
    }

    @Test func unusableDirectoryIsAConfigurationError() throws {
        #expect {
            _ = try SQLiteDatabase(configuration: .init(url: "sqlite:/etc/hostname/sub/db.sqlite"), logger: TestDatabases.logger)
        } throws: { error in
            (error as? StorageError)?.kind == .configuration && "\(error)".contains("/etc/hostname/sub")
        }
    }

    @Test func notADatabaseIsUnavailable() throws {
        let directory = try TestDatabases.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("text.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteDatabase(configuration: .init(url: "sqlite:\(path)"), logger: TestDatabases.logger)
        } throws: { error in
            (error as? StorageError)?.kind == .unavailable
        }
    }

    /// Readers keep prepared statements: a `SELECT *` prepared before a column was added returns the new column
    /// after, and readers see what the writer committed.
    @Test func readersFollowTheWritersSchemaAndData() async throws {
        let directory = try TestDatabases.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(
            configuration: .init(url: "sqlite:\(directory.appendingPathComponent("s.sqlite").path)"),
            logger: TestDatabases.logger
        )
        defer { try? database.close() }
        try await database.raw("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").run()
        try await database.raw("INSERT INTO things (name) VALUES ('one')").run()
        let before = try await database.raw("SELECT * FROM things").all()
        #expect(before.map(\.allColumns) == [["id", "name"]])
        try await database.raw("ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'red'").run()
        try await database.raw("INSERT INTO things (name) VALUES ('two')").run()
        let after = try await database.raw("SELECT * FROM things").all()
        #expect(after.map(\.allColumns) == [["id", "name", "colour"], ["id", "name", "colour"]])
        #expect(try after.map { try $0.decode(column: "colour", as: String.self) } == ["red", "red"])
    }

    /// More concurrent reads than reader connections all succeed, and a closed database refuses reads and writes.
    @Test func readsBeyondThePoolAndAfterClosing() async throws {
        let directory = try TestDatabases.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = try SQLiteConfiguration(url: "sqlite:\(directory.appendingPathComponent("r.sqlite").path)")
        configuration.maximumReaderCount = 1
        let database = try SQLiteDatabase(configuration: configuration, logger: TestDatabases.logger)
        try await database.raw("CREATE TABLE n (v INTEGER NOT NULL)").run()
        try await database.raw("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000) INSERT INTO n SELECT x FROM c").run()
        let sums = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { try await database.raw("SELECT sum(v) AS s FROM n").first()!.decode(column: "s", as: Int.self) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sums == Array(repeating: 2_001_000, count: 16))
        try database.close()
        await #expect(throws: StorageError.self) { try await database.raw("SELECT 1 AS one").all() }
        await #expect(throws: StorageError.self) { try await database.raw("DELETE FROM n").run() }
    }

    @Test func oneStatementAtATime() async throws {
        let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: TestDatabases.logger)
        defer { try? database.close() }
        await #expect {
            try await database.raw("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER)").run()
        } throws: { error in
            (error as? StorageError)?.kind == .query
        }
        try await database.raw("CREATE TABLE a (x INTEGER);  ").run()
        try await database.raw("INSERT INTO a VALUES (1); -- one row").run()
        #expect(try await database.raw("SELECT x FROM a").all().count == 1)
    }

    /// A double-quoted name is an identifier, never a string literal: a misspelt column fails here as it does on
    /// MariaDB.
    @Test func doubleQuotedNamesAreIdentifiers() async throws {
        let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: TestDatabases.logger)
        defer { try? database.close() }
        try await database.raw("CREATE TABLE a (x INTEGER)").run()
        await #expect(throws: StorageError.self) { try await database.raw("SELECT \"missing\" FROM a").all() }
        await #expect(throws: StorageError.self) { try await database.raw("CREATE INDEX i ON a (\"missing\")").run() }
    }

    @Test func relativePathsResolveAgainstTheWorkingDirectory() throws {
        let configuration = try SQLiteConfiguration(url: "sqlite:data/x.sqlite")
        #expect(configuration.resolvedPath == FileManager.default.currentDirectoryPath + "/data/x.sqlite")
        #expect(try SQLiteConfiguration(url: ":memory:").storage == .memory)
        #expect(try SQLiteConfiguration(url: "sqlite::memory:").storage == .memory)
        #expect(try SQLiteConfiguration(url: "sqlite:///var/db.sqlite").storage == .file(path: "/var/db.sqlite"))
        #expect(throws: StorageError.self) { try SQLiteConfiguration(url: "sqlite:x.db?journal=off") }
        #expect(throws: StorageError.self) { try SQLiteConfiguration(url: "postgres://x") }
    }
}

@Suite("MariaDB storage", .serialized, .enabled(if: TestDatabases.mariaDBEnabled, "needs RAPPORT_TEST_MYSQL_URL (Scripts/test sets it)"))
struct MariaDBStorageTests {
    @Test(arguments: StorageCheck.allCases)
    func conformance(_ check: StorageCheck) async throws {
        try await check.run(on: .mariaDB)
    }

    @Test func wrongPasswordIsUnavailableWithoutThePassword() async throws {
        var configuration = try TestDatabases.mariaDBConfiguration()
        configuration.password = "definitely-wrong-pw-4711"
        let database = MariaDBDatabase(configuration: configuration, logger: TestDatabases.logger)
        defer { Task { await database.shutdown() } }
        do {
            _ = try await database.raw("SELECT 1").run()
            Issue.record("connected with a wrong password")
        } catch let error as StorageError {
            #expect(error.kind == .unavailable)
            #expect(error.code == 1045)
            #expect(!error.description.contains("definitely-wrong-pw-4711"))
            #expect(error.description.contains("\(configuration.host):\(configuration.port)"))
        }
    }

    @Test func sessionStateStaysOnOneConnection() async throws {
        try await TestDatabases.with(.mariaDB) { db, _ in
            let ids = try await db.withSession { session in
                var ids: Set<Int> = []
                for _ in 0..<5 {
                    ids.insert(try await session.raw("SELECT CONNECTION_ID() AS id").first()!.decode(column: "id", as: Int.self))
                }
                return ids
            }
            #expect(ids.count == 1)
        }
    }
}

@Suite("Storage values and URLs")
struct StorageValueTests {
    @Test func dateTextRoundTrips() throws {
        let date = Date(timeIntervalSince1970: 1_753_080_799.685547)
        let text = StorageDateFormat.string(from: date)
        #expect(text == "2025-07-21 06:53:19.685547")
        let parsed = try #require(StorageDateFormat.date(from: text))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001)
        #expect(StorageDateFormat.date(from: "2025-07-21") == Date(timeIntervalSince1970: 1_753_056_000))
        #expect(StorageDateFormat.date(from: "2025-07-21T06:53:19Z") == Date(timeIntervalSince1970: 1_753_080_799))
        #expect(StorageDateFormat.date(from: "2025-07-21 08:53:19.5+02:00") == Date(timeIntervalSince1970: 1_753_080_799.5))
        #expect(StorageDateFormat.date(from: "2025-07-21 06:53:19.1234567891") != nil)
        #expect(StorageDateFormat.date(from: "2025-13-01") == nil)
        #expect(StorageDateFormat.date(from: "yesterday") == nil)
    }

    /// The calendar arithmetic agrees with glibc's gmtime_r and timegm over the whole range a date column holds.
    @Test func datePartsAgreeWithTheCLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let low: Int64 = -62_135_596_800
        let high: Int64 = 253_402_300_799
        var samples: [Int64] = [low, high, 0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 4_107_542_400, -2_203_891_200]
        for _ in 0..<20_000 { samples.append(low + Int64(next() % UInt64(high - low + 1))) }
        for seconds in samples {
            var time = time_t(seconds)
            var expected = tm()
            gmtime_r(&time, &expected)
            let parts = DateParts(Date(timeIntervalSince1970: TimeInterval(seconds)))
            let matches =
                parts.year == Int(expected.tm_year) + 1900 && parts.month == Int(expected.tm_mon) + 1 && parts.day == Int(expected.tm_mday)
                && parts.hour == Int(expected.tm_hour) && parts.minute == Int(expected.tm_min) && parts.second == Int(expected.tm_sec)
            #expect(matches, "\(seconds): \(parts)")
            #expect(parts.date == Date(timeIntervalSince1970: TimeInterval(seconds)), "\(seconds)")
            if !matches { break }
        }
        // Fields past their range carry over as timegm's do.
        #expect(StorageDateFormat.date(from: "2023-02-31") == StorageDateFormat.date(from: "2023-03-03"))
        #expect(StorageDateFormat.date(from: "2024-12-31 23:59:60") == StorageDateFormat.date(from: "2025-01-01 00:00:00"))
    }

    enum Mood: String, Codable { case calm }

    @Test func encoderPicksColumnForms() throws {
        let encoder = StorageValueEncoder()
        #expect(try encoder.encode(Mood.calm) == .text("calm"))
        #expect(try encoder.encode(String?.none) == .null)
        #expect(try encoder.encode(true) == .integer(1))
        #expect(try encoder.encode(UInt64.max) == .unsignedInteger(UInt64.max))
        #expect(try encoder.encode(["b": 1, "a": 2]) == .text(#"{"a":2,"b":1}"#))
        let decoder = StorageValueDecoder()
        #expect(try decoder.decode(Mood.self, from: .text("calm")) == .calm)
        #expect(try decoder.decode([String: Int].self, from: .text(#"{"a":2}"#)) == ["a": 2])
        #expect(try decoder.decode(Bool.self, from: .integer(0)) == false)
        #expect(throws: StorageError.self) { try decoder.decode(Int8.self, from: .integer(300)) }
        #expect(throws: StorageError.self) { try decoder.decode(Int.self, from: .double(1.5)) }
    }

    @Test func mariaDBURLs() throws {
        let configuration = try MariaDBConfiguration(url: "mariadb://app%40x:p%3Ass@db.local:3307/rapport?pool=12&read_timeout=5")
        #expect(configuration.username == "app@x" && configuration.password == "p:ss")
        #expect(configuration.host == "db.local" && configuration.port == 3307 && configuration.database == "rapport")
        #expect(configuration.poolSize == 12 && configuration.readTimeout == .seconds(5))
        #expect(try MariaDBConfiguration(url: "mysql://u@h/d").poolSize == 8)
        #expect(!configuration.redacted.contains("p:ss"))
        for bad in ["mysql://h/d", "mysql://u:p@h", "mysql://u:p@h:99999/d", "mysql://u:p@h/d?pool=0", "mysql://u:p@h/d?x=1", "http://u@h/d"] {
            #expect(throws: StorageError.self, "\(bad)") { try MariaDBConfiguration(url: bad) }
        }
    }
}
