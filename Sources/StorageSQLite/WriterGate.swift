import DequeModule
import Synchronization

/// A first-come, first-served async lock around SQLite's single writer connection, held per statement by plain
/// writes and for the whole closure by ``SQLiteDatabase/withSession(_:)`` — so a transaction's statements are
/// never interleaved with anyone else's on that connection.
///
/// Taking a free gate is a mutex and a flag, with no suspension and no executor hop; only a caller that finds it
/// held suspends, and is resumed in arrival order by ``release()``.
final class WriterGate: Sendable {
    private struct State {
        var locked = false
        var waiters: Deque<CheckedContinuation<Void, Never>> = []
    }

    private let state = Mutex(State())

    func acquire() async {
        if self.tryAcquire() { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = self.state.withLock { state -> Bool in
                if !state.locked {
                    state.locked = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    private func tryAcquire() -> Bool {
        self.state.withLock { state in
            guard !state.locked else { return false }
            state.locked = true
            return true
        }
    }

    /// Hands the gate to the longest waiter, or frees it.
    func release() {
        let next = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let next = state.waiters.popFirst() { return next }
            state.locked = false
            return nil
        }
        next?.resume()
    }

    func withLock<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        await self.acquire()
        defer { self.release() }
        return try await body()
    }
}
