import AuthTokens
import Foundation
import Testing

/// One conformance suite per repository protocol, run on memory, SQLite and MariaDB.
@Suite("Auth repositories")
struct RepositoryConformanceTests {
    static var backends: [AuthStores.Backend] {
        AuthStores.mariaDBEnabled ? AuthStores.Backend.allCases : [.memory, .sqlite]
    }

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000.25)

    @Test(arguments: backends)
    func users(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let users = stores.users
            let alice = try await users.create(NewUser(username: "Alice", email: "Alice@Example.com", passwordHash: "h", createdAt: Self.t0))
            let admin = try await users.create(NewUser(externalID: "a2", username: "admin", role: .admin, description: "管理员", createdAt: Self.t0))
            #expect(alice.id != admin.id)
            #expect(try await users.user(id: alice.id) == alice)
            #expect(try await users.user(externalID: "a2") == admin)
            #expect(try await users.user(externalID: "A2") == nil)
            #expect(try await users.user(identifier: "alice")?.id == alice.id)
            #expect(try await users.user(identifier: "ALICE@example.COM")?.id == alice.id)
            #expect(try await users.user(identifier: "nobody") == nil)
            #expect(try await users.usernameExists("aLiCe"))
            #expect(try await users.emailExists("alice@example.com"))
            await #expect(throws: AuthError.usernameTaken) { try await users.create(NewUser(username: "ALICE", createdAt: Self.t0)) }
            await #expect(throws: AuthError.emailTaken) {
                try await users.create(NewUser(username: "alice2", email: "alice@EXAMPLE.com", createdAt: Self.t0))
            }
            await #expect(throws: AuthError.externalIDTaken) { try await users.create(NewUser(externalID: "a2", username: "x", createdAt: Self.t0)) }
            try await users.setPasswordHash("h2", for: alice.id)
            let seen = Self.t0.addingTimeInterval(90.5)
            try await users.setLastSeen(seen, for: alice.id)
            let updated = try #require(try await users.user(id: alice.id))
            #expect(updated.passwordHash == "h2" && updated.lastSeen == seen && updated.email == "Alice@Example.com")
            // Several accounts without email coexist.
            _ = try await users.create(NewUser(externalID: "b1", username: "买家1", role: .buyer, createdAt: Self.t0))
            _ = try await users.create(NewUser(externalID: "b2", username: "买家2", role: .buyer, createdAt: Self.t0))
            _ = try await users.create(NewUser(username: "50%_off", createdAt: Self.t0))
            #expect(try await users.users(usernameContaining: "LIC", limit: 20).map(\.username) == ["Alice"])
            #expect(try await users.users(usernameContaining: "买家", limit: 1).map(\.username) == ["买家1"])
            #expect(try await users.users(usernameContaining: "%_", limit: 20).map(\.username) == ["50%_off"])
            #expect(try await users.users(usernameContaining: "_", limit: 20).count == 1)
            #expect(Set(try await users.users(ids: [alice.id, admin.id, UserID(999)]).map(\.id)) == [alice.id, admin.id])
        }
    }

    @Test(arguments: backends)
    func listingUpdatingAndEnsuring(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let users = stores.users
            let b1 = try await users.create(NewUser(externalID: "b1", username: "保安堂药房", role: .buyer, createdAt: Self.t0))
            let m1 = try await users.create(NewUser(externalID: "m1", username: "保和堂", role: .merchant, createdAt: Self.t0))
            _ = try await users.create(NewUser(username: "plain", createdAt: Self.t0))
            var page = try await users.users(role: nil, offset: 1, limit: 1)
            #expect(page.total == 3)
            #expect(page.users.map(\.id) == [m1.id])
            page = try await users.users(role: .buyer, offset: 0, limit: 10)
            #expect(page.users.map(\.externalID) == ["b1"])
            #expect(page.total == 1)

            let renamed = try await users.update(b1.id, UserChanges(username: "新名字", avatar: .some(nil), description: .some("d"), status: .inactive))
            #expect(renamed?.username == "新名字")
            #expect(renamed?.avatar == nil)
            #expect(renamed?.description == "d")
            #expect(renamed?.status == .inactive)
            #expect(renamed?.role == .buyer, "fields not given stay")
            await #expect(throws: AuthError.usernameTaken) { try await users.update(b1.id, UserChanges(username: "PLAIN")) }
            #expect(try await users.update(UserID(999), UserChanges(status: .deleted)) == nil)
            #expect(try await users.user(identifier: "新名字")?.id == b1.id, "the lookup key follows the new name")

            let ensured = try await users.ensure([
                EnsuredUser(NewUser(externalID: "m1", username: "ignored", role: .buyer, createdAt: Self.t0)),
                EnsuredUser(NewUser(externalID: "b9", username: "买家1", role: .buyer, createdAt: Self.t0), generatedName: true),
                EnsuredUser(NewUser(externalID: "b10", username: "买家1", role: .buyer, createdAt: Self.t0), generatedName: true),
            ])
            #expect(ensured.map(\.externalID) == ["m1", "b9", "b10"])
            #expect(ensured[0] == m1, "an existing user is returned unchanged")
            #expect(ensured[1].username == "买家1")
            #expect(ensured[2].username == "买家1-2", "generated names are made unique")

            // One clash rolls the whole batch back.
            await #expect(throws: AuthError.usernameTaken) {
                try await users.ensure([
                    EnsuredUser(NewUser(externalID: "x1", username: "fresh", role: .buyer, createdAt: Self.t0)),
                    EnsuredUser(NewUser(externalID: "x2", username: "plain", role: .buyer, createdAt: Self.t0)),
                ])
            }
            #expect(try await users.user(externalID: "x1") == nil)
            #expect(try await users.users(role: nil, offset: 0, limit: 100).total == 5)
        }
    }

    @Test(arguments: backends)
    func sessions(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let user = try await stores.users.create(NewUser(username: "bob", createdAt: Self.t0))
            let sessions = stores.sessions
            let first = Session(userID: user.id, createdAt: Self.t0, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.1", userAgent: "a")
            let second = Session(userID: user.id, createdAt: Self.t0 + 10, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.2", userAgent: "b")
            let third = Session(userID: user.id, createdAt: Self.t0 + 20, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.3", userAgent: "c")
            let guest = Session(userID: nil, createdAt: Self.t0, expiresAt: Self.t0 + 3600, ipAddress: "10.0.0.4", userAgent: "g")
            for session in [first, second, third, guest] { try await sessions.create(session) }
            #expect(try await sessions.session(id: first.id) == first)
            #expect(try await sessions.session(id: guest.id)?.userID == nil)
            #expect(try await sessions.activeSessions(of: user.id, at: Self.t0 + 30).map(\.id) == [third.id, second.id, first.id])
            #expect(try await sessions.activeSessions(of: user.id, at: Self.t0 + 7200).isEmpty)
            #expect(try await sessions.revoke(id: first.id, at: Self.t0 + 40))
            #expect(try await !sessions.revoke(id: first.id, at: Self.t0 + 41))
            #expect(try await !sessions.revoke(id: "no-such-session", at: Self.t0 + 41))
            #expect(try await sessions.session(id: first.id)?.isActive(at: Self.t0 + 42) == false)
            #expect(try await sessions.revokeAll(of: user.id, keeping: third.id, at: Self.t0 + 50) == 1)
            #expect(try await sessions.activeSessions(of: user.id, at: Self.t0 + 60).map(\.id) == [third.id])
            #expect(try await sessions.session(id: guest.id)?.isActive(at: Self.t0 + 60) == true)
        }
    }

    @Test(arguments: backends)
    func loginLog(_ backend: AuthStores.Backend) async throws {
        try await AuthStores.with(backend) { stores in
            let log = stores.loginLog
            func attempt(_ identifier: String, _ ip: String, _ offset: TimeInterval, _ ok: Bool) async throws {
                try await log.record(LoginAttempt(userID: UserID(ok ? 1 : 0), identifier: identifier, ipAddress: ip,
                                                  userAgent: "t", time: Self.t0 + offset, succeeded: ok))
            }
            try await attempt("alice", "1.1.1.1", 0, false)
            try await attempt("alice", "1.1.1.1", 10, false)
            try await attempt("alice", "1.1.1.1", 20, true)
            try await attempt("alice", "1.1.1.1", 30, false)
            try await attempt("alice", "2.2.2.2", 31, false)
            try await attempt("carol", "1.1.1.1", 32, false)
            // Only failures after the last success count for the account.
            #expect(try await log.failures(identifier: "alice", ipAddress: "1.1.1.1", since: Self.t0 - 60) == [Self.t0 + 30])
            #expect(try await log.failures(ipAddress: "1.1.1.1", since: Self.t0 + 5).count == 3)
            #expect(try await log.failures(ipAddress: "1.1.1.1", since: Self.t0 + 31).count == 1)
            let recent = try await log.recent(limit: 2)
            #expect(recent.map(\.identifier) == ["carol", "alice"] && recent.first?.succeeded == false)
        }
    }
}
