import ChatCore
import Logging
import ServiceLifecycle
import StorageKit

/// Delivers what other server processes publish on the event bus to this process's connections, subscribing
/// again a second after a failure. Not in the group when the bus is in-process (nothing to receive).
struct EventBusService: Service {
    let realtime: Realtime
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let cache = self.realtime.groupCache
                    try await self.realtime.hub.run(self.realtime.bus) { event in
                        if let group = event.changedGroup { cache.invalidate(group) }
                    }
                } catch {
                    self.logger.error("event bus subscription failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
