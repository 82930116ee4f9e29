import DequeModule
public import Foundation
import Synchronization

/// Carries hub events to every server process: each process publishes what it produces and delivers what it
/// receives to its own ``ChatHub``.
public protocol EventBus: Sendable {
    /// Hands `event` to the other processes. A bus may send it later (it queues while its broker is away), but
    /// never silently drops it: what it cannot deliver, its subscribers learn as ``EventBusDelivery/lost``.
    func publish(_ event: HubEvent) async throws
    /// Every event published from now on by the other processes, in the order each publisher published them,
    /// and ``EventBusDelivery/lost`` where the bus knows it lost some.
    func subscribe() async throws -> AsyncThrowingStream<EventBusDelivery, any Error>
}
