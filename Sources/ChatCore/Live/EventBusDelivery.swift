public import Foundation

/// What a subscription to an ``EventBus`` yields.
public enum EventBusDelivery: Sendable, Equatable {
    /// An event another process published.
    case event(HubEvent)
    /// Events were lost between the last delivery and the next: the bus's position was trimmed away while this
    /// process was behind, the broker restarted without them, or a publisher's queue overflowed during an outage.
    /// Every connection of this process must refetch what it shows from the database (the source of truth).
    case lost
}
