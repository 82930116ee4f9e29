import Foundation
import SQLKit
import SQLKitBenchmark
import StorageMySQL
import StorageSQLite
import XCTest

// SQLKit's own driver suite asserts with XCTest, so it runs from XCTestCases (an XCTAssert inside a Swift
// Testing @Test would not fail the run).

final class SQLiteBenchmarkTests: XCTestCase {
    func testSQLKitBenchmarkOnFile() async throws {
        let directory = try TestDatabases.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(
            configuration: .init(storage: .file(path: directory.appendingPathComponent("bench.sqlite").path)),
            logger: TestDatabases.logger
        )
        defer { try? database.close() }
        try await SQLBenchmarker(on: database).runAllTests()
    }

    func testSQLKitBenchmarkInMemory() async throws {
        let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: TestDatabases.logger)
        defer { try? database.close() }
        try await SQLBenchmarker(on: database).runAllTests()
    }
}

final class MariaDBBenchmarkTests: XCTestCase {
    func testSQLKitBenchmark() async throws {
        guard TestDatabases.mariaDBEnabled else {
            throw XCTSkip("set RAPPORT_TEST_MYSQL_URL (Scripts/test does) to run the MariaDB driver suite")
        }
        let database = MariaDBDatabase(configuration: try TestDatabases.mariaDBConfiguration(), logger: TestDatabases.logger)
        do {
            try await SQLBenchmarker(on: database).runAllTests()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

/// Restarting the server would break every other MariaDB test running at the same time; XCTest cases run
/// one at a time, before the Swift Testing suites start, so this one has the server to itself.
final class MariaDBRestartTests: XCTestCase {
    func testPoolServesAgainAfterTheServerRestarts() async throws {
        guard TestDatabases.mariaDBEnabled else { throw XCTSkip("set RAPPORT_TEST_MYSQL_URL to run the MariaDB restart test") }
        let restart = try XCTUnwrap(ProcessInfo.processInfo.environment["RAPPORT_TEST_MARIADB_RESTART"], "Scripts/test sets it")
        var configuration = try TestDatabases.mariaDBConfiguration()
        configuration.poolSize = 3
        let database = MariaDBDatabase(configuration: configuration, logger: TestDatabases.logger)
        // Open every pooled connection, so each one has to notice the restart.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try await database.raw("SELECT SLEEP(0.2) AS s").all() } }
            try await group.waitForAll()
        }
        let status = try await TestDatabases.run(restart)
        XCTAssertEqual(status, 0)
        for _ in 0..<5 {
            let row = try await database.raw("SELECT 41 + 1 AS answer").first()
            XCTAssertEqual(try row?.decode(column: "answer", as: Int.self), 42)
        }
        // Writes, which are not retried, also go through on the replaced connections.
        let table = try await StorageCheck.makeItems(database)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<6 { group.addTask { try await database.insert(into: table).columns("name").values(SQLBind("r\(index)")).run() } }
            try await group.waitForAll()
        }
        let count = try await StorageCheck.count(database, table)
        XCTAssertEqual(count, 6)
        await database.shutdown()

        // Without the idle ping, a read that meets a dropped connection is retried once on a new one.
        configuration.pingAfterIdle = .seconds(3600)
        let unpinged = MariaDBDatabase(configuration: configuration, logger: TestDatabases.logger)
        _ = try await unpinged.raw("SELECT 1 AS one").all()
        let again = try await TestDatabases.run(restart)
        XCTAssertEqual(again, 0)
        for _ in 0..<3 {
            let row = try await unpinged.raw("SELECT 6 * 7 AS answer").first()
            XCTAssertEqual(try row?.decode(column: "answer", as: Int.self), 42)
        }
        await unpinged.shutdown()
    }
}
