public import AuthTokens
import Foundation

/// The conformance suite of ``LoginLogStore``: failures counted per account since its last success and per address,
/// and the most recent attempts. Each check needs an empty store.
public enum LoginLogStoreConformance {
    public typealias Check = ConformanceCheck<any LoginLogStore>

    public static let checks: [Check] = [
        Check("loginLog", loginLog),
        Check("attemptsOfOneAccount", attemptsOfOneAccount),
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000.25)

    static func loginLog(_ log: any LoginLogStore) async throws {
        func attempt(_ identifier: String, _ ip: String, _ offset: TimeInterval, _ ok: Bool) async throws {
            try await log.record(
                LoginAttempt(
                    userID: UserID(ok ? 1 : 0),
                    identifier: identifier,
                    ipAddress: ip,
                    userAgent: "t",
                    time: Self.t0 + offset,
                    succeeded: ok
                )
            )
        }
        try await attempt("alice", "1.1.1.1", 0, false)
        try await attempt("alice", "1.1.1.1", 10, false)
        try await attempt("alice", "1.1.1.1", 20, true)
        try await attempt("alice", "1.1.1.1", 30, false)
        try await attempt("alice", "2.2.2.2", 31, false)
        try await attempt("carol", "1.1.1.1", 32, false)
        // Only failures after the last success count for the account.
        try await expectEqual(log.failures(identifier: "alice", ipAddress: "1.1.1.1", since: Self.t0 - 60), [Self.t0 + 30])
        try await expectEqual(log.failures(ipAddress: "1.1.1.1", since: Self.t0 + 5).count, 3)
        try await expectEqual(log.failures(ipAddress: "1.1.1.1", since: Self.t0 + 31).count, 1)
        let recent = try await log.recent(limit: 2)
        try expectEqual(recent.map(\.identifier), ["carol", "alice"])
        try expectEqual(recent.first?.succeeded, false)
    }

    static func attemptsOfOneAccount(_ log: any LoginLogStore) async throws {
        for (offset, user, ok) in [(0.0, 7, true), (1, 8, true), (2, 7, false), (3, 7, true), (4, 0, false)] {
            try await log.record(
                LoginAttempt(
                    userID: UserID(Int64(user)),
                    identifier: "u\(user)",
                    ipAddress: "10.0.0.\(Int(offset))",
                    userAgent: "agent \(Int(offset))",
                    time: Self.t0 + offset,
                    succeeded: ok
                )
            )
        }
        let first = try await log.attempts(of: UserID(7), offset: 0, limit: 2)
        try expectEqual(first.total, 3)
        try expectEqual(first.attempts.map(\.ipAddress), ["10.0.0.3", "10.0.0.2"])
        try expectEqual(first.attempts.map(\.succeeded), [true, false])
        try expectEqual(first.attempts.first?.userAgent, "agent 3")
        try expectEqual(first.attempts.first?.time, Self.t0 + 3)
        let second = try await log.attempts(of: UserID(7), offset: 2, limit: 2)
        try expectEqual(second.attempts.map(\.ipAddress), ["10.0.0.0"])
        try expectEqual(try await log.attempts(of: UserID(9), offset: 0, limit: 10).total, 0)
    }
}
