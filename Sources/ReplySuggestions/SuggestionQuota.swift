import DequeModule

/// How many suggestions each user may start in any minute (a sliding window, per process).
public actor SuggestionQuota {
    /// `0`: no limit.
    public let perMinute: Int
    private var starts: [String: Deque<ContinuousClock.Instant>] = [:]
    private var calls = 0

    public init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Counts a start for `user` and returns `nil`, or, when the user is at the limit, counts nothing and returns
    /// the whole seconds until the next start is allowed.
    public func admit(_ user: String, at now: ContinuousClock.Instant = .now) -> Int? {
        guard self.perMinute > 0 else { return nil }
        let window = Duration.seconds(60)
        self.calls += 1
        if self.calls % 1024 == 0 {
            self.starts = self.starts.filter { _, times in times.last.map { now - $0 < window } ?? false }
        }
        var times = self.starts[user] ?? []
        while let first = times.first, now - first >= window { times.removeFirst() }
        if times.count >= self.perMinute, let first = times.first {
            self.starts[user] = times
            let wait = (first + window) - now
            let (seconds, attoseconds) = wait.components
            return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
        }
        times.append(now)
        self.starts[user] = times
        return nil
    }
}
