public import Foundation
public import Logging
public import SQLKit
public import StorageKit
import StorageMySQL
import StorageSQLite

/// Databases for the repository conformance suites: a fresh SQLite file, or a MariaDB database of the test's
/// own on the server `Scripts/test` starts (`RAPPORT_TEST_MYSQL_URL`), so suites run in parallel on one server.
public enum TestDatabase {
    public static let logger: Logger = {
        var logger = Logger(label: "rapport.tests")
        logger.logLevel = ProcessInfo.processInfo.environment["RAPPORT_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()

    public static var mariaDBURL: String? {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// MariaDB suites run when a URL is set, or when `RAPPORT_REQUIRE_MYSQL=1` (they then fail without one).
    public static var mariaDBEnabled: Bool {
        mariaDBURL != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_MYSQL"] == "1"
    }

    public struct MissingMariaDB: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "RAPPORT_REQUIRE_MYSQL=1 but RAPPORT_TEST_MYSQL_URL is not set" }
    }

    /// A migrated SQLite database in a temporary file, removed afterwards.
    public static func withSQLite<R>(migrations: [Migration], _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(
            configuration: .init(storage: .file(path: directory.appendingPathComponent("test.sqlite").path)),
            logger: logger
        )
        defer { try? database.close() }
        try await Migrator(migrations).migrate(on: database, logger: logger)
        return try await body(database)
    }

    /// Another pool on the same MariaDB database, as a second server process would have.
    public static func secondHandle(on database: any SQLDatabase) throws -> any SQLDatabase {
        guard let mariaDB = database as? MariaDBDatabase else { throw MissingMariaDB() }
        return MariaDBDatabase(configuration: mariaDB.configuration, logger: logger)
    }

    public static func shutdown(_ database: any SQLDatabase) async {
        await (database as? MariaDBDatabase)?.shutdown()
    }

    /// Runs `body` with a ``secondHandle(on:)``, shut down afterwards.
    public static func withSecondHandle<R>(on database: any SQLDatabase, _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let second = try secondHandle(on: database)
        do {
            let result = try await body(second)
            await shutdown(second)
            return result
        } catch {
            await shutdown(second)
            throw error
        }
    }

    /// A migrated MariaDB database created for this call and dropped afterwards.
    public static func withMariaDB<R>(migrations: [Migration], _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        guard let url = mariaDBURL else { throw MissingMariaDB() }
        var configuration = try MariaDBConfiguration(url: url)
        let admin = MariaDBDatabase(configuration: configuration, logger: logger)
        let name = "rapport_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.raw("CREATE DATABASE \(ident: name) CHARACTER SET utf8mb4").run()
        configuration.database = name
        configuration.poolSize = 4
        let database = MariaDBDatabase(configuration: configuration, logger: logger)
        do {
            try await Migrator(migrations).migrate(on: database, logger: logger)
            let result = try await body(database)
            await database.shutdown()
            try await admin.raw("DROP DATABASE \(ident: name)").run()
            await admin.shutdown()
            return result
        } catch {
            await database.shutdown()
            try? await admin.raw("DROP DATABASE \(ident: name)").run()
            await admin.shutdown()
            throw error
        }
    }

    /// An empty MariaDB database created for this call and dropped afterwards, given to `body` as a
    /// `DATABASE_URL`, for tests that open it the way the server does.
    public static func withMariaDBURL<R>(_ body: (String) async throws -> R) async throws -> R {
        guard let url = mariaDBURL, let slash = url.lastIndex(of: "/") else { throw MissingMariaDB() }
        let admin = MariaDBDatabase(configuration: try MariaDBConfiguration(url: url), logger: logger)
        let name = "rapport_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.raw("CREATE DATABASE \(ident: name) CHARACTER SET utf8mb4").run()
        do {
            let result = try await body(String(url[...slash]) + name + "?pool=4")
            try await admin.raw("DROP DATABASE \(ident: name)").run()
            await admin.shutdown()
            return result
        } catch {
            try? await admin.raw("DROP DATABASE \(ident: name)").run()
            await admin.shutdown()
            throw error
        }
    }
}
