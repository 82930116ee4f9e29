import CRMAudit
import Foundation
import Logging
import ServiceLifecycle
import StorageKit

/// Purges audit rows older than `AUDIT_RETENTION_DAYS` every hour, leaving a checkpoint so what remains still
/// verifies.
struct AuditRetentionService: Service {
    let store: any AuditLogStore
    let days: Int
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let cutoff = Date().addingTimeInterval(-Double(self.days) * 86400)
                    let purged = try await self.store.purge(createdBefore: cutoff)
                    if purged > 0 { self.logger.info("audit retention purge", metadata: ["rows": "\(purged)"]) }
                } catch {
                    self.logger.error("audit retention purge failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
