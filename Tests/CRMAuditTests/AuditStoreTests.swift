import RepositoryConformance
import Testing

/// The library's audit store suite on memory, SQLite and MariaDB.
@Suite("Audit stores")
struct AuditStoreTests {
    @Test(arguments: AuditStores.backends, AuditLogStoreConformance.checks)
    func conformance(_ backend: AuditStores.Backend, _ check: AuditLogStoreConformance.Check) async throws {
        try await check.run(AuditLogStoreConformance.Opener { sealer, body in try await AuditStores.with(backend, sealer: sealer, body) })
    }
}
