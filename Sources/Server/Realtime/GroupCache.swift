import AuthTokens
public import ChatCore
import Foundation
import Logging
import StorageKit
import Synchronization

/// The groups the socket's send path looked up, so a busy group is not read from the database for every
/// message. An entry lives at most `lifetime`; a change to a group (announced on the hub and the bus, from any
/// process) clears it at once, and a lookup that raced with a change does not store what it read.
final class GroupCache: Sendable {
    struct State {
        var entries: [ConversationID: (group: ChatGroup?, at: ContinuousClock.Instant)] = [:]
        var generation: UInt64 = 0
    }

    let state = Mutex(State())
    let lifetime: Duration
    let capacity: Int

    init(lifetime: Duration = .seconds(30), capacity: Int = 50_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func group(_ id: ConversationID, from repository: any GroupRepository) async throws -> ChatGroup? {
        let now = ContinuousClock.now
        let (cached, generation) = self.state.withLock { state in (state.entries[id], state.generation) }
        if let cached, now - cached.at < self.lifetime { return cached.group }
        let group = try await repository.group(id)
        self.state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[id] = (group, now)
        }
        return group
    }

    func invalidate(_ id: ConversationID) {
        self.state.withLock { state in
            state.generation &+= 1
            state.entries[id] = nil
        }
    }

    /// Forgets every group (the bus lost events, some of which may have been group changes).
    func invalidateAll() {
        self.state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll()
        }
    }
}
