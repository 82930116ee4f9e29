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

        /// Locks the gate if it is free.
        mutating func take() -> Bool {
            guard !self.locked else { return false }
            self.locked = true
            return true
        }
    }

    private let state = Mutex(State())

    func acquire() async {
        if self.state.withLock({ $0.take() }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // Freed since the first look: take it; otherwise wait in line.
            let taken = self.state.withLock { state in
                if state.take() { return true }
                state.waiters.append(continuation)
                return false
            }
            if taken { continuation.resume() }
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
