public import ChatCore
import Foundation

/// The conformance suite of ``FriendshipRepository``: a friendship holds both ways, befriending twice and unfriending
/// twice change nothing. Each check needs an empty repository.
public enum FriendshipRepositoryConformance {
    public typealias Check = ConformanceCheck<any FriendshipRepository>

    public static let checks: [Check] = [
        Check("befriendAndUnfriend", befriendAndUnfriend)
    ]

    static let alice = ParticipantID(1), bob = ParticipantID(2), carol = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func befriendAndUnfriend(_ friends: any FriendshipRepository) async throws {
        try await expect(friends.befriend(Self.alice, Self.bob, at: Self.t0))
        try await expect(!friends.befriend(Self.bob, Self.alice, at: Self.t0))
        try await expect(friends.areFriends(Self.alice, Self.bob))
        try await expect(friends.areFriends(Self.bob, Self.alice))
        try await expect(friends.anyRow(Self.bob, Self.alice))
        try await expect(!friends.areFriends(Self.alice, Self.carol))
        _ = try await friends.befriend(Self.alice, Self.carol, at: Self.t0 + 1)
        try await expectEqual(friends.friendships(of: Self.alice).map(\.friendID), [Self.bob, Self.carol])
        try await friends.unfriend(Self.bob, Self.alice)
        try await friends.unfriend(Self.bob, Self.alice)
        try await expect(!friends.anyRow(Self.alice, Self.bob))
        try await expectEqual(friends.friendships(of: Self.alice).map(\.friendID), [Self.carol])
    }
}
