import ChatCore
import RepositoryConformance
import SQLKit
import TestSupport

/// ChatCore's repositories on each backend, freshly migrated; MariaDB gets a database of its own.
enum ChatStores {
    enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
        case memory, sqlite, mariaDB
        var description: String { self.rawValue }
    }

    static var backends: [Backend] { TestDatabase.mariaDBEnabled ? Backend.allCases : [.memory, .sqlite] }

    /// `body` with what `memory` makes, or with what `sql` makes on a freshly migrated database of `backend`.
    static func withStores<Stores, R>(
        _ backend: Backend,
        memory: () -> Stores,
        sql: (any SQLDatabase) -> Stores,
        _ body: (Stores) async throws -> R
    ) async throws -> R {
        switch backend {
        case .memory: return try await body(memory())
        case .sqlite: return try await TestDatabase.withSQLite(migrations: ChatMigrations.all) { try await body(sql($0)) }
        case .mariaDB: return try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) { try await body(sql($0)) }
        }
    }

    static func with<R>(_ backend: Backend, _ body: (any MessageRepository, any FriendshipRepository) async throws -> R) async throws -> R {
        try await Self.withStores(
            backend,
            memory: { (MessageMemoryRepository(), FriendshipMemoryRepository()) as (any MessageRepository, any FriendshipRepository) },
            sql: { (MessageSQLRepository(database: $0), FriendshipSQLRepository(database: $0)) }
        ) { try await body($0.0, $0.1) }
    }

    static func withFriendRequests<R>(
        _ backend: Backend,
        _ body: (FriendRequestRepositoryConformance.Repositories) async throws -> R
    ) async throws -> R {
        let policy = FriendRequestRepositoryConformance.policy
        return try await Self.withStores(
            backend,
            memory: {
                let friendships = FriendshipMemoryRepository()
                return .init(requests: FriendRequestMemoryRepository(friendships: friendships, policy: policy), friendships: friendships)
            },
            sql: { .init(requests: FriendRequestSQLRepository(database: $0, policy: policy), friendships: FriendshipSQLRepository(database: $0)) },
            body
        )
    }

    static func withGroups<R>(_ backend: Backend, _ body: (GroupRepositoryConformance.Repositories) async throws -> R) async throws -> R {
        try await Self.withStores(
            backend,
            memory: {
                let messages = MessageMemoryRepository()
                return .init(groups: GroupMemoryRepository(messages: messages), messages: messages)
            },
            sql: { .init(groups: GroupSQLRepository(database: $0), messages: MessageSQLRepository(database: $0)) },
            body
        )
    }

    static func withPresence<R>(_ backend: Backend, _ body: (any PresenceStore) async throws -> R) async throws -> R {
        try await Self.withStores(backend, memory: { PresenceMemoryStore() as any PresenceStore }, sql: { PresenceSQLStore(database: $0) }, body)
    }

    static func withSupport<R>(_ backend: Backend, _ body: (any SupportDeskRepository, any QuickReplyRepository) async throws -> R) async throws -> R
    {
        try await Self.withStores(
            backend,
            memory: { (SupportMemoryRepository(), QuickReplyMemoryRepository()) as (any SupportDeskRepository, any QuickReplyRepository) },
            sql: { (SupportSQLRepository(database: $0), QuickReplySQLRepository(database: $0)) }
        ) { try await body($0.0, $0.1) }
    }

    /// The support desk, and on MariaDB the same database through a second pool, as another server process has it.
    static func withSupportDesk<R>(
        _ backend: Backend,
        _ body: (SupportDeskRepositoryConformance.Repositories) async throws -> R
    ) async throws -> R {
        switch backend {
        case .memory:
            return try await body(.init(desk: SupportMemoryRepository()))
        case .sqlite:
            return try await TestDatabase.withSQLite(migrations: ChatMigrations.all) {
                try await body(.init(desk: SupportSQLRepository(database: $0)))
            }
        case .mariaDB:
            return try await TestDatabase.withMariaDB(migrations: ChatMigrations.all) { database in
                try await TestDatabase.withSecondHandle(on: database) { second in
                    try await body(.init(desk: SupportSQLRepository(database: database), otherProcess: SupportSQLRepository(database: second)))
                }
            }
        }
    }
}
