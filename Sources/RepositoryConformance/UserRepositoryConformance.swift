public import AuthTokens
import Foundation

/// The conformance suite of ``UserRepository``: case-insensitive names, emails and external ids, lookups and search,
/// paged listing, partial updates, and `ensure` batches that are all or nothing. Each check needs an empty repository.
public enum UserRepositoryConformance {
    public typealias Check = ConformanceCheck<any UserRepository>

    public static let checks: [Check] = [
        Check("createLookupAndSearch", createLookupAndSearch),
        Check("listingUpdatingAndEnsuring", listingUpdatingAndEnsuring),
        Check("emailAndPasswordChanges", emailAndPasswordChanges),
    ]

    static func emailAndPasswordChanges(_ users: any UserRepository) async throws {
        let alice = try await users.create(NewUser(username: "alice", email: "alice@x.com", passwordHash: "h1", createdAt: Self.t0))
        let bob = try await users.create(NewUser(username: "bob", email: "bob@x.com", passwordHash: "h2", createdAt: Self.t0))
        // Another account's address, in any case, is taken; nothing is written.
        try await expectThrows(AuthError.emailTaken) { try await users.update(alice.id, UserChanges(username: "alice2", email: "BOB@x.com")) }
        try await expectEqual(users.user(id: alice.id), alice)
        let moved = try await users.update(alice.id, UserChanges(email: "Alice@New.example"))
        try expectEqual(moved?.email, "Alice@New.example")
        try await expectEqual(users.user(identifier: "alice@new.example")?.id, alice.id, "the new address is looked up ignoring case")
        try await expectEqual(users.emailExists("alice@x.com"), false, "the old address is free")
        // Clearing the address and the password hash (a deleted account) frees the address too.
        let cleared = try await users.update(bob.id, UserChanges(email: .some(nil), status: .deleted, passwordHash: .some(nil)))
        try expectEqual(cleared?.email, nil)
        try expectEqual(cleared?.passwordHash, nil)
        try expectEqual(cleared?.status, .deleted)
        try await expectEqual(users.emailExists("bob@x.com"), false)
        _ = try await users.create(NewUser(username: "bob2", email: "bob@x.com", createdAt: Self.t0))
    }

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000.25)

    static func createLookupAndSearch(_ users: any UserRepository) async throws {
        let alice = try await users.create(NewUser(username: "Alice", email: "Alice@Example.com", passwordHash: "h", createdAt: Self.t0))
        let admin = try await users.create(NewUser(externalID: "a2", username: "admin", role: .admin, description: "管理员", createdAt: Self.t0))
        try expect(alice.id != admin.id)
        try await expectEqual(users.user(id: alice.id), alice)
        try await expectEqual(users.user(externalID: "a2"), admin)
        try await expectEqual(users.user(externalID: "A2"), nil)
        try await expectEqual(users.user(identifier: "alice")?.id, alice.id)
        try await expectEqual(users.user(identifier: "ALICE@example.COM")?.id, alice.id)
        try await expectEqual(users.user(identifier: "nobody"), nil)
        try await expect(users.usernameExists("aLiCe"))
        try await expect(users.emailExists("alice@example.com"))
        try await expectThrows(AuthError.usernameTaken) { try await users.create(NewUser(username: "ALICE", createdAt: Self.t0)) }
        try await expectThrows(AuthError.emailTaken) {
            try await users.create(NewUser(username: "alice2", email: "alice@EXAMPLE.com", createdAt: Self.t0))
        }
        try await expectThrows(AuthError.externalIDTaken) { try await users.create(NewUser(externalID: "a2", username: "x", createdAt: Self.t0)) }
        try await users.setPasswordHash("h2", for: alice.id)
        let seen = Self.t0.addingTimeInterval(90.5)
        try await users.setLastSeen(seen, for: alice.id)
        let updated = try await require(users.user(id: alice.id))
        try expectEqual(updated.passwordHash, "h2")
        try expectEqual(updated.lastSeen, seen)
        try expectEqual(updated.email, "Alice@Example.com")
        // Several accounts without email coexist.
        _ = try await users.create(NewUser(externalID: "b1", username: "买家1", role: .buyer, createdAt: Self.t0))
        _ = try await users.create(NewUser(externalID: "b2", username: "买家2", role: .buyer, createdAt: Self.t0))
        _ = try await users.create(NewUser(username: "50%_off", createdAt: Self.t0))
        try await expectEqual(users.users(usernameContaining: "LIC", limit: 20).map(\.username), ["Alice"])
        try await expectEqual(users.users(usernameContaining: "买家", limit: 1).map(\.username), ["买家1"])
        try await expectEqual(users.users(usernameContaining: "%_", limit: 20).map(\.username), ["50%_off"])
        try await expectEqual(users.users(usernameContaining: "_", limit: 20).count, 1)
        try await expectEqual(Set(users.users(ids: [alice.id, admin.id, UserID(999)]).map(\.id)), [alice.id, admin.id])
    }

    static func listingUpdatingAndEnsuring(_ users: any UserRepository) async throws {
        let b1 = try await users.create(NewUser(externalID: "b1", username: "保安堂药房", role: .buyer, createdAt: Self.t0))
        let m1 = try await users.create(NewUser(externalID: "m1", username: "保和堂", role: .merchant, createdAt: Self.t0))
        _ = try await users.create(NewUser(username: "plain", createdAt: Self.t0))
        var page = try await users.users(role: nil, offset: 1, limit: 1)
        try expectEqual(page.total, 3)
        try expectEqual(page.users.map(\.id), [m1.id])
        page = try await users.users(role: .buyer, offset: 0, limit: 10)
        try expectEqual(page.users.map(\.externalID), ["b1"])
        try expectEqual(page.total, 1)

        let renamed = try await users.update(b1.id, UserChanges(username: "新名字", avatar: .some(nil), description: .some("d"), status: .inactive))
        try expectEqual(renamed?.username, "新名字")
        try expectEqual(renamed?.avatar, nil)
        try expectEqual(renamed?.description, "d")
        try expectEqual(renamed?.status, .inactive)
        try expectEqual(renamed?.role, .buyer, "fields not given stay")
        try await expectThrows(AuthError.usernameTaken) { try await users.update(b1.id, UserChanges(username: "PLAIN")) }
        try await expectEqual(users.update(UserID(999), UserChanges(status: .deleted)), nil)
        try await expectEqual(users.user(identifier: "新名字")?.id, b1.id, "the lookup key follows the new name")

        let ensured = try await users.ensure([
            EnsuredUser(NewUser(externalID: "m1", username: "ignored", role: .buyer, createdAt: Self.t0)),
            EnsuredUser(NewUser(externalID: "b9", username: "买家1", role: .buyer, createdAt: Self.t0), generatedName: true),
            EnsuredUser(NewUser(externalID: "b10", username: "买家1", role: .buyer, createdAt: Self.t0), generatedName: true),
        ])
        try expectEqual(ensured.map(\.externalID), ["m1", "b9", "b10"])
        try expectEqual(ensured[0], m1, "an existing user is returned unchanged")
        try expectEqual(ensured[1].username, "买家1")
        try expectEqual(ensured[2].username, "买家1-2", "generated names are made unique")

        // One clash rolls the whole batch back.
        try await expectThrows(AuthError.usernameTaken) {
            try await users.ensure([
                EnsuredUser(NewUser(externalID: "x1", username: "fresh", role: .buyer, createdAt: Self.t0)),
                EnsuredUser(NewUser(externalID: "x2", username: "plain", role: .buyer, createdAt: Self.t0)),
            ])
        }
        try await expectEqual(users.user(externalID: "x1"), nil)
        try await expectEqual(users.users(role: nil, offset: 0, limit: 100).total, 5)
    }
}
