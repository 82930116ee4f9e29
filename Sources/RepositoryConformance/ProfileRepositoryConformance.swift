public import AuthTokens
import Foundation

/// The conformance suite of ``ProfileRepository``: the empty profile, partial writes that keep absent fields,
/// clearing, the length limits (nothing written when one is passed), one profile per account, removal.
/// Profiles belong to accounts, so each check needs both repositories, empty and on one database.
public enum ProfileRepositoryConformance {
    public typealias Check = ConformanceCheck<Repositories>

    /// The repositories a check works on.
    public struct Repositories: Sendable {
        public var users: any UserRepository
        public var profiles: any ProfileRepository

        public init(users: any UserRepository, profiles: any ProfileRepository) {
            self.users = users
            self.profiles = profiles
        }
    }

    public static let checks: [Check] = [
        Check("partialWrites", partialWrites),
        Check("limits", limits),
        Check("perAccountAndRemoval", perAccountAndRemoval),
    ]

    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func partialWrites(_ stores: Repositories) async throws {
        let alice = try await stores.users.create(NewUser(username: "alice", createdAt: Self.t0))
        let profiles = stores.profiles
        try await expectEqual(profiles.profile(of: alice.id), Profile(userID: alice.id))
        let first = try await profiles.update(alice.id, ProfileChanges(bio: "你好, I write Swift", location: "杭州"), at: Self.t0 + 1)
        try expectEqual(first, Profile(userID: alice.id, bio: "你好, I write Swift", location: "杭州", updatedAt: Self.t0 + 1))
        try await expectEqual(profiles.profile(of: alice.id), first)
        // Absent fields keep their values; `.some(nil)` clears one.
        let second = try await profiles.update(alice.id, ProfileChanges(location: .some(nil), phone: "+86 138 0000 0000"), at: Self.t0 + 2)
        try expectEqual(second, Profile(userID: alice.id, bio: "你好, I write Swift", phone: "+86 138 0000 0000", updatedAt: Self.t0 + 2))
        try await expectEqual(profiles.profile(of: alice.id), second)
        // No change at all writes nothing, not even the time.
        try await expectEqual(profiles.update(alice.id, ProfileChanges(), at: Self.t0 + 3), second)
        try await expectEqual(profiles.profile(of: alice.id).updatedAt, Self.t0 + 2)
    }

    static func limits(_ stores: Repositories) async throws {
        let bob = try await stores.users.create(NewUser(username: "bob", createdAt: Self.t0))
        let profiles = stores.profiles
        // Limits count characters, not bytes: 100 Chinese characters fit in `location`.
        let location = String(repeating: "城", count: Profile.Limit.location)
        let phone = String(repeating: "9", count: Profile.Limit.phone)
        let saved = try await profiles.update(bob.id, ProfileChanges(location: location, phone: phone), at: Self.t0)
        try expectEqual(saved.location, location)
        try await expectEqual(profiles.profile(of: bob.id).location, location)
        // One character more and nothing is written, not even the fields that fit.
        try await expectThrows(ProfileChanges.Violation(field: .location, limit: 100)) {
            try await profiles.update(bob.id, ProfileChanges(bio: "new", location: location + "x"), at: Self.t0 + 1)
        }
        try await expectThrows(ProfileChanges.Violation(field: .phone, limit: 20)) {
            try await profiles.update(bob.id, ProfileChanges(bio: "new", phone: phone + "0"), at: Self.t0 + 1)
        }
        try await expectThrows(ProfileChanges.Violation(field: .bio, limit: Profile.Limit.bio)) {
            try await profiles.update(bob.id, ProfileChanges(bio: String(repeating: "b", count: Profile.Limit.bio + 1)), at: Self.t0 + 1)
        }
        try await expectEqual(profiles.profile(of: bob.id), saved)
    }

    static func perAccountAndRemoval(_ stores: Repositories) async throws {
        let carol = try await stores.users.create(NewUser(username: "carol", createdAt: Self.t0))
        let dave = try await stores.users.create(NewUser(username: "dave", createdAt: Self.t0))
        let profiles = stores.profiles
        _ = try await profiles.update(carol.id, ProfileChanges(bio: "carol"), at: Self.t0)
        _ = try await profiles.update(dave.id, ProfileChanges(bio: "dave"), at: Self.t0)
        try await expectEqual(profiles.profile(of: carol.id).bio, "carol")
        try await expectEqual(profiles.profile(of: dave.id).bio, "dave")
        try await expectEqual(profiles.remove(of: carol.id), true)
        try await expectEqual(profiles.remove(of: carol.id), false)
        try await expectEqual(profiles.profile(of: carol.id), Profile(userID: carol.id))
        try await expectEqual(profiles.profile(of: dave.id).bio, "dave")
    }
}
