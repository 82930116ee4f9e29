import CRMAudit
import RepositoryConformance
import TestSupport

/// An audit store on each backend, freshly migrated; MariaDB gets a database of its own and a second pool on it.
enum AuditStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }
    static let key = Array("an audit chain key of at least 32 bytes.".utf8)

    /// Runs `body` with a fixture on `backend` whose stores seal with `sealer` (by default one with ``key``).
    static func with<R>(_ backend: Backend, sealer: AuditSealer? = nil, _ body: (AuditLogStoreFixture) async throws -> R) async throws -> R {
        let sealer = try sealer ?? AuditSealer(key: Self.key)
        switch backend {
        case .memory:
            return try await body(.memory(sealer: sealer))
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: AuditMigrations.all) { try await body(.sql($0, sealer: sealer)) }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: AuditMigrations.all) { database in
                try await TestDatabase.withSecondHandle(on: database) { try await body(.sql(database, other: $0, sealer: sealer)) }
            }
        }
    }
}

/// One of the conformance suite's sample events.
func event(_ index: Int) -> AuditEvent {
    AuditLogStoreConformance.event(index)
}
