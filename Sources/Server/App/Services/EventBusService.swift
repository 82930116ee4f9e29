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
            // Events may have passed while there was no subscription: once the next one exists, every connection
            // is told to resync (not before, or what passed in between would be missed; not on every failed try).
            var owed = false
            while !Task.isCancelled {
                do {
                    let deliveries = try await self.realtime.bus.subscribe()
                    if owed {
                        owed = false
                        await self.realtime.eventsLost()
                    }
                    for try await delivery in deliveries {
                        switch delivery {
                        case .event(let event):
                            if let group = event.changedGroup { self.realtime.groupCache.invalidate(group) }
                            await self.realtime.hub.deliver(event)
                        case .lost:
                            await self.realtime.eventsLost()
                        }
                    }
                } catch {
                    self.logger.error("event bus subscription failed", metadata: ["error": "\(error)"])
                }
                guard !Task.isCancelled else { break }
                owed = true
                try? await Task.sleep(for: .seconds(1))
            }
        }
        // What is still queued for Redis goes out before the process ends (the HTTP server has drained by now:
        // services stop in the reverse order of their start).
        if let redis = self.realtime.bus as? RedisEventBus { await redis.shutdown() }
    }
}
