import AuthTokens
import Foundation
import Logging
import SQLKit
import StorageKit
import Synchronization
import TestSupport

/// The four repositories of AuthTokens on one backend, freshly migrated.
struct AuthStores: Sendable {
    let users: any UserRepository
    let sessions: any SessionRepository
    let loginLog: any LoginLogStore
    let profiles: any ProfileRepository

    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static let logger = TestDatabase.logger
    static var mariaDBEnabled: Bool { TestDatabase.mariaDBEnabled }

    /// Runs `body` with stores on `backend`, freshly migrated.
    static func with<R>(_ backend: Backend, _ body: (AuthStores) async throws -> R) async throws -> R {
        switch backend {
        case .memory:
            return try await body(
                AuthStores(
                    users: UserMemoryRepository(),
                    sessions: SessionMemoryRepository(),
                    loginLog: LoginLogMemoryStore(),
                    profiles: ProfileMemoryRepository()
                )
            )
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: AuthMigrations.all) { try await body(.sql($0)) }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: AuthMigrations.all) { try await body(.sql($0)) }
        }
    }

    static func sql(_ database: any SQLDatabase) -> AuthStores {
        AuthStores(
            users: UserSQLRepository(database: database),
            sessions: SessionSQLRepository(database: database),
            loginLog: LoginLogSQLStore(database: database),
            profiles: ProfileSQLRepository(database: database)
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
