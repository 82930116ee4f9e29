import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// bcrypt hashing and verification on a thread pool of its own, never on an event loop.
///
/// The pool has one thread fewer than the machine has cores (at least one), and its threads run at a lower
/// scheduling priority, so a flood of logins queues here instead of starving the event loops.
public struct PasswordHasher: Sendable {
    public static let minimumLength = 8
    /// bcrypt reads at most 72 bytes.
    public static let maximumBytes = 72
    public static let minimumCost = 10

    public let cost: Int
    private let pool: NIOThreadPool

    /// - Parameters:
    ///   - cost: bcrypt's cost (log2 of rounds), 10 to 31.
    ///   - threads: hashing threads; by default one fewer than the cores, at least one.
    public init(cost: Int = 12, threads: Int? = nil) {
        precondition((Self.minimumCost...31).contains(cost), "bcrypt cost must be from 10 to 31")
        let threads = threads ?? max(1, System.coreCount - 1)
        self.cost = cost
        self.pool = NIOThreadPool(numberOfThreads: threads)
        self.pool.start()
        Self.lowerPriority(of: self.pool, threads: threads)
    }

    /// Checks a new password against the length rules, in characters and in bcrypt's 72 bytes.
    public static func validate(_ password: String) throws {
        guard password.count >= Self.minimumLength else { throw AuthError.passwordTooShort(minimum: Self.minimumLength) }
        guard password.utf8.count <= Self.maximumBytes else { throw AuthError.passwordTooLong(maximumBytes: Self.maximumBytes) }
    }

    /// Hashes a new password after ``validate(_:)``.
    public func hash(_ password: String) async throws -> String {
        try Self.validate(password)
        let cost = UInt8(self.cost)
        return try await self.pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. Passwords over 72 bytes never match (no silent truncation).
    public func verify(_ password: String, hash: String) async throws -> Bool {
        guard password.utf8.count <= Self.maximumBytes, !password.isEmpty else { return false }
        return try await self.pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// bcrypt hashes per second on the calling thread at `cost`, measured for about `seconds`: the ceiling
    /// one core puts on logins (`Scripts/bench` prints it next to the login rate).
    public static func measure(cost: Int, seconds: Double) -> Double {
        let start = ContinuousClock.now
        var count = 0
        repeat {
            _ = Bcrypt.hash("benchmark password", cost: UInt8(cost))
            count += 1
        } while ContinuousClock.now - start < .milliseconds(Int(seconds * 1000))
        let elapsed = ContinuousClock.now - start
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    public func shutdown() async {
        try? await self.pool.shutdownGracefully()
    }

    /// Renices each pool thread: on Linux the nice value belongs to the thread, and `setpriority` with
    /// `who == 0` changes the calling one. The tasks wait for each other so every thread takes exactly one.
    private static func lowerPriority(of pool: NIOThreadPool, threads: Int) {
        #if os(Linux)
        let barrier = ThreadBarrier(count: threads)
        for _ in 0..<threads {
            pool.submit { _ in
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 15)
                barrier.arriveAndWait()
            }
        }
        #endif
    }
}

/// A one-shot barrier: each of `count` callers waits until all have arrived.
private final class ThreadBarrier: Sendable {
    private let condition = NSCondition()
    // Only read and written with `condition` locked.
    private nonisolated(unsafe) var remaining: Int

    init(count: Int) { self.remaining = count }

    func arriveAndWait() {
        self.condition.lock()
        self.remaining -= 1
        if self.remaining == 0 {
            self.condition.broadcast()
        } else {
            while self.remaining > 0 { self.condition.wait() }
        }
        self.condition.unlock()
    }
}
