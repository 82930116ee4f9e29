import DequeModule
public import Foundation
import Synchronization

/// The bus of a single process: publishing is delivering (to every subscriber, the publisher's own included).
public final class LocalEventBus: EventBus {
    private let subscribers = Mutex<[UUID: AsyncThrowingStream<EventBusDelivery, any Error>.Continuation]>([:])

    public init() {}

    public func publish(_ event: HubEvent) async throws {
        for continuation in self.subscribers.withLock({ Array($0.values) }) { continuation.yield(.event(event)) }
    }

    public func subscribe() async throws -> AsyncThrowingStream<EventBusDelivery, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: EventBusDelivery.self)
        let id = UUID()
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { _ = $0.removeValue(forKey: id) } }
        self.subscribers.withLock { $0[id] = continuation }
        return stream
    }
}
