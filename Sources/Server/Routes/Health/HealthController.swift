public import AuthTokens
public import CRMAudit
public import ChatCore
public import ContactsKit
import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
public import Logging
import NIOCore
import ServiceLifecycle
public import StorageKit
import Synchronization

/// `GET /api/health`: the union body of the seeds, plus the database check. The check's result is reused for
/// a second, so a load balancer polling hard (or a benchmark) does not turn health into database load.
struct HealthController<Context: RapportRequestContext> {
    let database: ConnectedDatabase
    let recent = HealthMemo()

    final class HealthMemo: Sendable {
        let last = Mutex<(at: ContinuousClock.Instant, healthy: Bool)?>(nil)
    }

    func databaseIsHealthy(logger: Logger) async -> Bool {
        let now = ContinuousClock.now
        if let cached = self.recent.last.withLock({ $0 }), now - cached.at < .seconds(1) { return cached.healthy }
        var healthy = true
        do {
            try await self.database.check()
        } catch {
            logger.warning("health check: database unavailable", metadata: ["error": "\(error)"])
            healthy = false
        }
        self.recent.last.withLock { $0 = (now, healthy) }
        return healthy
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("health") { _, context -> Response in
            if await self.databaseIsHealthy(logger: context.logger) {
                return .json(.ok, ["code": 200, "status": "ok", "message": "服务正常运行", "database": "ok"])
            }
            return .json(.serviceUnavailable, ["code": 503, "status": "error", "message": "数据库不可用", "database": "unavailable"])
        }
    }
}
