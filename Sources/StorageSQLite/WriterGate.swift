import DequeModule

/// A first-come, first-served async lock around SQLite's single writer connection, held per statement by plain
/// writes and for the whole closure by ``SQLiteDatabase/withSession(_:)`` — so a transaction's statements are
/// never interleaved with anyone else's on that connection.
actor WriterGate {
    private var locked = false
    private var waiters: Deque<CheckedContinuation<Void, Never>> = []

    func acquire() async {
        if !self.locked {
            self.locked = true
            return
        }
        await withCheckedContinuation { self.waiters.append($0) }
    }

    func release() {
        if let next = self.waiters.popFirst() {
            next.resume()
        } else {
            self.locked = false
        }
    }

    nonisolated func withLock<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await self.acquire()
        do {
            let result = try await body()
            await self.release()
            return result
        } catch {
            await self.release()
            throw error
        }
    }
}
