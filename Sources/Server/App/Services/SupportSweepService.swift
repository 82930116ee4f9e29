import ChatCore
import Foundation
import Logging
import ServiceLifecycle
import StorageKit

/// Wakes snoozed support conversations and assigns what waits — what no request triggered, such as an agent's
/// lease renewed in another process — every `SUPPORT_SWEEP_SECONDS`.
struct SupportSweepService: Service {
    let desk: SupportDesk
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: self.interval)
                if Task.isCancelled { return }
                await self.desk.sweep(at: Date())
            }
        }
    }
}
