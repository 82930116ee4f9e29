import RepositoryConformance
import Testing

/// The library's support desk suite on memory, SQLite and MariaDB (where its concurrent arrivals come through two
/// pools).
@Suite("Support desk: agents, presence and assignment")
struct SupportDeskTests {
    @Test(arguments: ChatStores.backends, SupportDeskRepositoryConformance.checks)
    func conformance(_ backend: ChatStores.Backend, _ check: SupportDeskRepositoryConformance.Check) async throws {
        try await ChatStores.withSupportDesk(backend) { try await check.run($0) }
    }
}
