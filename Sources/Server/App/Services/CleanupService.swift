import ServiceLifecycle
import StorageKit

/// Does nothing until the application shuts down, then runs `cleanup` (closing the database, stopping the
/// password-hashing threads). Placed first in the service group, it runs last: ServiceLifecycle shuts services
/// down in the reverse order of the group, after the server has drained.
struct CleanupService: Service {
    let name: String
    let cleanup: @Sendable () async -> Void

    func run() async throws {
        try? await gracefulShutdown()
        await self.cleanup()
    }
}
