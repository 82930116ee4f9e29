import ContactsKit
import Foundation
import Logging
import SQLKit
import StorageKit
import StorageMySQL
import StorageSQLite

/// A ``ContactRepository`` on each backend, freshly migrated; MariaDB gets a database of its own.
enum ContactStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static let logger: Logger = {
        var logger = Logger(label: "rapport.contacts.tests")
        logger.logLevel = .warning
        return logger
    }()

    static var mariaDBURL: String? { ProcessInfo.processInfo.environment["RAPPORT_TEST_MYSQL_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var backends: [Backend] {
        mariaDBURL != nil || ProcessInfo.processInfo.environment["RAPPORT_REQUIRE_MYSQL"] == "1" ? Backend.allCases : [.memory, .sqlite]
    }

    struct MissingMariaDB: Error {}

    static func with<R>(_ backend: Backend, _ body: (any ContactRepository) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(ContactMemoryRepository())
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-contacts-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try SQLiteDatabase(configuration: .init(storage: .file(path: directory.appendingPathComponent("c.sqlite").path)), logger: logger)
            defer { try? database.close() }
            try await Migrator(ContactsMigrations.all).migrate(on: database, logger: logger)
            return try await body(ContactSQLRepository(database: database))
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
                try await Migrator(ContactsMigrations.all).migrate(on: database, logger: logger)
                let result = try await body(ContactSQLRepository(database: database))
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
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    // Tests touch it from one task at a time.
    private var current = Date(timeIntervalSince1970: 1_780_000_000)
    var now: Date { self.current }
    func advance(_ seconds: TimeInterval) { self.current += seconds }
}
