import AuthTokens
import Foundation
import Logging
import SQLKit
import StorageKit
import StorageMySQL
import StorageSQLite
import Synchronization

/// The three repositories of AuthTokens on one backend, freshly migrated.
struct AuthStores: Sendable {
    let users: any UserRepository
    let sessions: any SessionRepository
    let loginLog: any LoginLogStore

    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static let logger: Logger = {
        var logger = Logger(label: "rapport.auth.tests")
        logger.logLevel = .warning
        return logger
    }()

    static var mariaDBURL: String? { ProcessInfo.processInfo.environment["RAPPORT_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var mariaDBEnabled: Bool { mariaDBURL != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_MYSQL"] == "1" }

    struct MissingMariaDB: Error {}

    /// Runs `body` with stores on `backend`. MariaDB gets a database of its own, dropped afterwards, so
    /// suites can run in parallel against one server.
    static func with<R>(_ backend: Backend, _ body: (AuthStores) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(AuthStores(users: UserMemoryRepository(), sessions: SessionMemoryRepository(), loginLog: LoginLogMemoryStore()))
        case .sqlite:
            let database = try SQLiteDatabase(configuration: .init(storage: .memory), logger: logger)
            defer { try? database.close() }
            try await Migrator(AuthMigrations.all).migrate(on: database, logger: logger)
            return try await body(.sql(database))
        case .mariaDB:
            guard let url = mariaDBURL else { throw MissingMariaDB() }
            var configuration = try MariaDBConfiguration(url: url)
            let admin = MariaDBDatabase(configuration: configuration, logger: logger)
            let name = "rapport_test_\(UUID().uuidString.prefix(8).lowercased())"
            try await admin.raw("CREATE DATABASE \(ident: name) CHARACTER SET utf8mb4").run()
            configuration.database = name
            configuration.poolSize = 4
            let database = MariaDBDatabase(configuration: configuration, logger: logger)
            do {
                try await Migrator(AuthMigrations.all).migrate(on: database, logger: logger)
                let result = try await body(.sql(database))
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
    }

    static func sql(_ database: any SQLDatabase) -> AuthStores {
        AuthStores(
            users: UserSQLRepository(database: database), sessions: SessionSQLRepository(database: database),
            loginLog: LoginLogSQLStore(database: database)
        )
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ date: Date = Date(timeIntervalSince1970: 1_780_000_000)) { self.current = Mutex(date) }
    var now: Date { self.current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { self.current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// One hasher for all tests: cost 10 is the lowest the library allows.
let sharedHasher = PasswordHasher(cost: 10, threads: 2)
let testSecret = Array("0123456789abcdef0123456789abcdef-test".utf8)
