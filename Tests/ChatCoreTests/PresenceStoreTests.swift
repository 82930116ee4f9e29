import RepositoryConformance
import Testing

/// The library's presence store suite on memory, SQLite and MariaDB.
@Suite("Presence stores")
struct PresenceStoreTests {
    @Test(arguments: ChatStores.backends, PresenceStoreConformance.checks)
    func conformance(_ backend: ChatStores.Backend, _ check: PresenceStoreConformance.Check) async throws {
        try await ChatStores.withPresence(backend) { try await check.run($0) }
    }
}
