import RepositoryConformance
import Testing

/// The library's support conversation and quick reply suites on memory, SQLite and MariaDB.
@Suite("Support repositories")
struct SupportRepositoryTests {
    @Test(arguments: ChatStores.backends, SupportRepositoryConformance.checks)
    func conversations(_ backend: ChatStores.Backend, _ check: SupportRepositoryConformance.Check) async throws {
        try await ChatStores.withSupport(backend) { support, _ in try await check.run(support) }
    }

    @Test(arguments: ChatStores.backends, QuickReplyRepositoryConformance.checks)
    func quickReplies(_ backend: ChatStores.Backend, _ check: QuickReplyRepositoryConformance.Check) async throws {
        try await ChatStores.withSupport(backend) { _, replies in try await check.run(replies) }
    }
}
