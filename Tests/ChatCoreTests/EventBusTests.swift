import ChatCore
import RepositoryConformance
import TestSupport
import Testing

/// The event bus suite on the in-process bus and on the database bus (SQLite, MariaDB); the Redis bus runs it in
/// its own tests.
@Suite("Event buses")
struct EventBusTests {
    @Test(arguments: ChatStores.backends, EventBusConformance.checks)
    func conformance(_ backend: ChatStores.Backend, _ check: EventBusConformance.Check) async throws {
        try await ChatStores.withStores(
            backend,
            memory: {
                let bus = LocalEventBus()
                return EventBusFixture(singleProcess: true) { _ in bus }
            },
            sql: { database in
                EventBusFixture { origin in
                    SQLEventBus(database: database, origin: origin, pollInterval: .milliseconds(10), logger: TestDatabase.logger)
                }
            }
        ) { try await check.run($0) }
    }
}
