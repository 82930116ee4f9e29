import Synchronization

/// Direct conversations by their pair of participants, shared by the copies of one repository. Bounded: when it
/// holds `capacity` pairs it starts over.
final class DirectConversationCache: Sendable {
    struct Pair: Hashable {
        let low: Int64
        let high: Int64
    }

    private let entries = Mutex<[Pair: ConversationID]>([:])
    let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    subscript(a: ParticipantID, b: ParticipantID) -> ConversationID? {
        get { self.entries.withLock { $0[Pair(low: min(a, b).rawValue, high: max(a, b).rawValue)] } }
        set {
            self.entries.withLock { entries in
                if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[Pair(low: min(a, b).rawValue, high: max(a, b).rawValue)] = newValue
            }
        }
    }
}
