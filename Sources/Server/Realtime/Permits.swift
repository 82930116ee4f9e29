import DequeModule
import StorageKit
import Synchronization

/// A first-come, first-served counting semaphore for async code: at most `count` holders at once.
///
/// The WebSocket endpoint opens connections through one (see ``RealtimeController``): opening a connection
/// (authentication, presence, the greeting) is the deepest work a connection does, and a burst of thousands of
/// connects would otherwise run it for all of them at once — the database work piles up and the process's
/// memory grows to that peak and stays there.
final class Permits: Sendable {
    private struct State {
        var available: Int
        var waiters: Deque<CheckedContinuation<Void, Never>> = []
    }

    private let state: Mutex<State>

    init(_ count: Int) {
        self.state = Mutex(State(available: max(count, 1)))
    }

    func acquire() async {
        let granted = self.state.withLock { state in
            guard state.available > 0 else { return false }
            state.available -= 1
            return true
        }
        guard !granted else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = self.state.withLock { state in
                // A permit may have come back between the two locks.
                guard state.available == 0 else {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    func release() {
        let next = self.state.withLock { state in
            guard let next = state.waiters.popFirst() else {
                state.available += 1
                return nil as CheckedContinuation<Void, Never>?
            }
            return next
        }
        next?.resume()
    }

    /// Runs `body` holding a permit.
    func with<R>(_ body: () async throws -> R) async rethrows -> R {
        await self.acquire()
        defer { self.release() }
        return try await body()
    }
}
