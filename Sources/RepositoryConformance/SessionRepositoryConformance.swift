public import AuthTokens
import Foundation

/// The conformance suite of ``SessionRepository``: active sessions newest first, guests, revoking one or all but one.
/// Sessions belong to users, so each check needs both repositories, empty and on one database.
public enum SessionRepositoryConformance {
    public typealias Check = ConformanceCheck<Repositories>

    /// The repositories a check works on.
    public struct Repositories: Sendable {
        public var users: any UserRepository
        public var sessions: any SessionRepository

        public init(users: any UserRepository, sessions: any SessionRepository) {
            self.users = users
            self.sessions = sessions
        }
    }

    public static let checks: [Check] = [
        Check("sessions", sessions)
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000.25)

    static func sessions(_ stores: Repositories) async throws {
        let user = try await stores.users.create(NewUser(username: "bob", createdAt: Self.t0))
        let sessions = stores.sessions
        let first = Session(userID: user.id, createdAt: Self.t0, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.1", userAgent: "a")
        let second = Session(userID: user.id, createdAt: Self.t0 + 10, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.2", userAgent: "b")
        let third = Session(userID: user.id, createdAt: Self.t0 + 20, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.3", userAgent: "c")
        let guest = Session(userID: nil, createdAt: Self.t0, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.4", userAgent: "g")
        for session in [first, second, third, guest] { try await sessions.create(session) }
        try await expectEqual(sessions.session(id: first.id), first)
        try await expectEqual(sessions.session(id: guest.id)?.userID, nil)
        try await expectEqual(sessions.activeSessions(of: user.id, at: Self.t0 + 30).map(\.id), [third.id, second.id, first.id])
        try await expect(sessions.activeSessions(of: user.id, at: Self.t0 + 7200).isEmpty)
        try await expect(sessions.revoke(id: first.id, at: Self.t0 + 40))
        try await expect(!sessions.revoke(id: first.id, at: Self.t0 + 41))
        try await expect(!sessions.revoke(id: "no-such-session", at: Self.t0 + 41))
        try await expectEqual(sessions.session(id: first.id)?.isActive(at: Self.t0 + 42), false)
        try await expectEqual(sessions.revokeAll(of: user.id, keeping: third.id, at: Self.t0 + 50), 1)
        try await expectEqual(sessions.activeSessions(of: user.id, at: Self.t0 + 60).map(\.id), [third.id])
        try await expectEqual(sessions.session(id: guest.id)?.isActive(at: Self.t0 + 60), true)
    }
}
