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
