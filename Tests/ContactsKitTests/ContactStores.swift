import ContactsKit
import Foundation
import Logging
import SQLKit
import StorageKit
import TestSupport

/// A ``ContactRepository`` on each backend, freshly migrated; MariaDB gets a database of its own.
enum ContactStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static let logger = TestDatabase.logger
    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }

    static func with<R>(_ backend: Backend, _ body: (any ContactRepository) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(ContactMemoryRepository())
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: ContactsMigrations.all) { try await body(ContactSQLRepository(database: $0)) }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: ContactsMigrations.all) { try await body(ContactSQLRepository(database: $0)) }
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
