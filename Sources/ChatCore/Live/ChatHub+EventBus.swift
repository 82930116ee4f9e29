import DequeModule
public import Foundation
import Synchronization

extension ChatHub {
    /// Delivers every event of `bus` to this hub until the task is cancelled or the bus ends; `observe` sees
    /// each event first, and `lost` runs where the bus reports lost events (the caller tells its connections to
    /// refetch).
    public func run(
        _ bus: any EventBus,
        observe: @Sendable (HubEvent) -> Void = { _ in },
        lost: @Sendable () async -> Void = {}
    ) async throws {
        for try await delivery in try await bus.subscribe() {
            switch delivery {
            case .event(let event):
                observe(event)
                self.deliver(event)
            case .lost:
                await lost()
            }
        }
    }
}
