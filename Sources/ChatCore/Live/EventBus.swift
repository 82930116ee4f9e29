import DequeModule
public import Foundation
import Synchronization

/// Carries hub events to every server process: each process publishes what it produces and delivers what it
/// receives to its own ``ChatHub``.
public protocol EventBus: Sendable {
    func publish(_ event: HubEvent) async throws
    /// Every event published from now on (by any process), in the order each publisher published them.
    func subscribe() async throws -> AsyncThrowingStream<HubEvent, any Error>
}
