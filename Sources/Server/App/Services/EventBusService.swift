import ChatCore
import Logging
import RedisEventBus
import ServiceLifecycle
import StorageKit

/// Delivers what other server processes publish on the event bus to this process's connections, subscribing
/// again a second after a failure (and telling every connection to resync, since events may have passed
/// meanwhile). Not in the group when the bus is in-process (nothing to receive).
struct EventBusService: Service {
    let realtime: Realtime
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let cache = self.realtime.groupCache
                    try await self.realtime.hub.run(
                        self.realtime.bus,
                        observe: { event in
                            if let group = event.changedGroup { cache.invalidate(group) }
                        },
                        lost: { await self.realtime.eventsLost() }
                    )
                } catch {
                    self.logger.error("event bus subscription failed", metadata: ["error": "\(error)"])
                }
                guard !Task.isCancelled else { break }
                await self.realtime.eventsLost()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
