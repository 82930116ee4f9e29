import DequeModule
public import Foundation
import Synchronization

extension ChatHub {
    /// Delivers every event of `bus` to this hub until the task is cancelled or the bus ends; `observe` sees
    /// each event first.
    public func run(_ bus: any EventBus, observe: @Sendable (HubEvent) -> Void = { _ in }) async throws {
        for try await event in try await bus.subscribe() {
            observe(event)
            self.deliver(event)
        }
    }
}
