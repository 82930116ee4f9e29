import RepositoryConformance
import Testing

/// The library's group repository suite on memory, SQLite and MariaDB.
@Suite("Group repositories")
struct GroupRepositoryTests {
    @Test(arguments: ChatStores.backends, GroupRepositoryConformance.checks)
    func conformance(_ backend: ChatStores.Backend, _ check: GroupRepositoryConformance.Check) async throws {
        try await ChatStores.withGroups(backend) { try await check.run($0) }
    }
}
