import CRMAudit
import ServiceLifecycle
import StorageKit

/// Commits the audit events the middleware queues. At shutdown — after the server has drained, so no request
/// adds more — it commits everything still queued before returning. The writer is never cancelled: a cancelled
/// task's database calls fail at once, so it could not drain.
struct AuditWriterService: Service {
    let recorder: AuditRecorder

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.recorder.run() }
            try? await gracefulShutdown()
            await self.recorder.finish()
        }
    }
}
