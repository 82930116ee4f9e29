import ContactsKit
import RepositoryConformance
import Testing

/// The library's contact repository suite on memory, SQLite and MariaDB.
@Suite("Contact repository")
struct ContactRepositoryTests {
    @Test(arguments: ContactStores.backends, ContactRepositoryConformance.checks)
    func conformance(_ backend: ContactStores.Backend, _ check: ContactRepositoryConformance.Check) async throws {
        try await ContactStores.with(backend) { try await check.run($0) }
    }
}
