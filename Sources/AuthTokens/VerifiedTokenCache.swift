import Synchronization

/// Tokens whose signature has been checked, with what they say, so a client's every request does not pay for
/// decoding and HMAC again. Only verified tokens enter, so a flood of forged ones cannot fill it; time claims are
/// still checked on every use, and the session behind a token is still looked up by the caller.
///
/// Bounded: when full, expired entries go first, then everything (the next use of each token verifies it again).
final class VerifiedTokenCache: Sendable {
    struct Entry: Sendable {
        var claims: TokenService.Claims
        var expires: Int64
        var notBefore: Int64?
    }

    let capacity: Int
    private let entries: Mutex<[String: Entry]>

    init(capacity: Int = 4096) {
        self.capacity = capacity
        self.entries = Mutex([:])
    }

    func entry(for token: String) -> Entry? {
        self.entries.withLock { $0[token] }
    }

    func insert(_ entry: Entry, for token: String, now: Int64) {
        guard self.capacity > 0 else { return }
        self.entries.withLock { entries in
            if entries.count >= self.capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = entry
        }
    }
}
