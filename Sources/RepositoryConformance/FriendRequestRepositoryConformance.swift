public import ChatCore
import Foundation

/// The conformance suite of ``FriendRequestRepository``: sending, answering and cancelling, one pending request per
/// pair, the cool-down after a rejection, the hourly allowance, blocks, and crossing requests that become a
/// friendship. Each check needs empty repositories on one store, the requests built with ``policy``.
public enum FriendRequestRepositoryConformance {
    public typealias Check = ConformanceCheck<Repositories>

    /// The repositories a check works on: accepting a request befriends through `friendships`.
    public struct Repositories: Sendable {
        public var requests: any FriendRequestRepository
        public var friendships: any FriendshipRepository

        public init(requests: any FriendRequestRepository, friendships: any FriendshipRepository) {
            self.requests = requests
            self.friendships = friendships
        }
    }

    /// The policy the requests repository must be built with: the checks count on its cool-down and allowance.
    public static let policy = FriendRequestPolicy(cooldown: 600, hourlyLimit: 5)

    public static let checks: [Check] = [
        Check("sendAcceptRejectCancel", sendAcceptRejectCancel),
        Check("blocksAndTheHourlyAllowance", blocksAndTheHourlyAllowance),
        Check("crossingRequests", crossingRequests),
    ]

    static let alice = ParticipantID(1), bob = ParticipantID(2), carol = ParticipantID(3)
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func request(_ outcome: FriendRequestOutcome) -> FriendRequest {
        switch outcome {
        case .requested(let request, _), .accepted(let request): request
        }
    }

    static func sendAcceptRejectCancel(_ repositories: Repositories) async throws {
        let (requests, friendships) = (repositories.requests, repositories.friendships)
        try expectEqual(requests.policy, Self.policy, "the repository is built with FriendRequestRepositoryConformance.policy")
        try await expectThrows(FriendRequestError.cannotAddSelf) { try await requests.send(from: Self.alice, to: Self.alice, at: Self.t0) }
        guard case .requested(let first, created: true) = try await requests.send(from: Self.alice, to: Self.bob, at: Self.t0) else {
            throw ConformanceFailure("expected a new request")
        }
        try expectEqual(first.status, .pending)
        try expectEqual(first.senderID, Self.alice)
        try expectEqual(first.receiverID, Self.bob)
        // Asking again returns the same pending request: the receiver is not told twice.
        try await expectEqual(requests.send(from: Self.alice, to: Self.bob, at: Self.t0 + 1), .requested(first, created: false))
        try await expectEqual(requests.pending(of: Self.bob), [first])
        try await expectEqual(requests.pending(of: Self.alice), [first])
        try await expectThrows(FriendRequestError.notAllowed, "only the receiver answers") {
            try await requests.respond(to: first.id, by: Self.alice, accept: true, at: Self.t0)
        }
        try await expectThrows(FriendRequestError.notAllowed, "only the sender cancels") {
            try await requests.cancel(first.id, by: Self.bob, at: Self.t0)
        }
        try await expectThrows(FriendRequestError.notFound) { try await requests.respond(to: 9999, by: Self.bob, accept: true, at: Self.t0) }

        let accepted = try await requests.respond(to: first.id, by: Self.bob, accept: true, at: Self.t0 + 2)
        try expectEqual(accepted.status, .accepted)
        try expectEqual(accepted.respondedAt, Self.t0 + 2)
        try await expect(friendships.areFriends(Self.alice, Self.bob))
        try await expect(friendships.areFriends(Self.bob, Self.alice))
        try await expect(requests.pending(of: Self.bob).isEmpty)
        try await expectThrows(FriendRequestError.notPending) { try await requests.respond(to: first.id, by: Self.bob, accept: false, at: Self.t0) }
        try await expectThrows(FriendRequestError.alreadyFriends) { try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 3) }

        // Carol asks Alice, Alice rejects: Carol waits out the cool-down before asking again.
        let second = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0))
        try await expectEqual(requests.respond(to: second.id, by: Self.alice, accept: false, at: Self.t0 + 10).status, .rejected)
        try await expect(!friendships.anyRow(Self.carol, Self.alice))
        try await expectThrows(FriendRequestError.rateLimited(retryAfter: 500)) {
            try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0 + 110)
        }
        let third = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0 + 700))
        try expect(third.id != second.id)
        try expectEqual(third.status, .pending)
        // Carol withdraws it; a cancelled request is not a rejection.
        try await expectEqual(requests.cancel(third.id, by: Self.carol, at: Self.t0 + 701).status, .cancelled)
        try await expectEqual(requests.request(id: third.id)?.status, .cancelled)
        // Asking someone who already asked you accepts their request.
        let fromBob = Self.request(try await requests.send(from: Self.bob, to: Self.carol, at: Self.t0 + 702))
        guard case .accepted(let mutual) = try await requests.send(from: Self.carol, to: Self.bob, at: Self.t0 + 703) else {
            throw ConformanceFailure("expected the other's request accepted")
        }
        try expectEqual(mutual.id, fromBob.id)
        try expectEqual(mutual.status, .accepted)
        try await expect(friendships.areFriends(Self.carol, Self.bob))
    }

    static func blocksAndTheHourlyAllowance(_ repositories: Repositories) async throws {
        let (requests, friendships) = (repositories.requests, repositories.friendships)
        try expectEqual(requests.policy, Self.policy, "the repository is built with FriendRequestRepositoryConformance.policy")
        _ = try await friendships.befriend(Self.alice, Self.bob, at: Self.t0)
        let pending = Self.request(try await requests.send(from: Self.carol, to: Self.alice, at: Self.t0))
        // Alice blocks Bob (a friend) and Carol (who asked): the friendship ends, the request is rejected.
        try await expect(requests.block(Self.bob, by: Self.alice, at: Self.t0 + 1).isEmpty)
        let closed = try await requests.block(Self.carol, by: Self.alice, at: Self.t0 + 1)
        try expectEqual(closed.map(\.id), [pending.id])
        try expectEqual(closed.first?.status, .rejected)
        try await expectEqual(requests.request(id: pending.id)?.status, .rejected)
        try await expect(!friendships.anyRow(Self.alice, Self.bob))
        try await expect(requests.isBlocked(Self.bob, Self.alice))
        try await expect(requests.isBlocked(Self.alice, Self.bob))
        try await expectEqual(requests.blocked(by: Self.alice), [Self.bob, Self.carol])
        try await expect(requests.blocked(by: Self.bob).isEmpty)
        // Neither side may ask while the block holds; blocking twice changes nothing.
        try await expectThrows(FriendRequestError.blocked) { try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 2) }
        try await expectThrows(FriendRequestError.blocked) { try await requests.send(from: Self.alice, to: Self.bob, at: Self.t0 + 2) }
        try await requests.block(Self.bob, by: Self.alice, at: Self.t0 + 3)
        try await requests.unblock(Self.bob, by: Self.alice)
        try await expectEqual(requests.blocked(by: Self.alice), [Self.carol])
        _ = try await requests.send(from: Self.bob, to: Self.alice, at: Self.t0 + 4)

        // At most five requests an hour from one sender, whoever the receivers.
        let sender = ParticipantID(50)
        for receiver in 51...54 { _ = try await requests.send(from: sender, to: ParticipantID(Int64(receiver)), at: Self.t0 + Double(receiver)) }
        _ = try await requests.send(from: sender, to: ParticipantID(55), at: Self.t0 + 100)
        try await expectThrows(FriendRequestError.rateLimited(retryAfter: 3600 - 49)) {
            try await requests.send(from: sender, to: ParticipantID(56), at: Self.t0 + 100)
        }
        _ = try await requests.send(from: sender, to: ParticipantID(56), at: Self.t0 + 3652)
    }

    /// Two users asking each other at the same moment end as friends with no request left pending.
    static func crossingRequests(_ repositories: Repositories) async throws {
        let (requests, friendships) = (repositories.requests, repositories.friendships)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for pair in 0..<10 {
                let a = ParticipantID(Int64(100 + 2 * pair))
                let b = ParticipantID(Int64(101 + 2 * pair))
                group.addTask { _ = try await requests.send(from: a, to: b, at: Self.t0) }
                group.addTask { _ = try await requests.send(from: b, to: a, at: Self.t0) }
            }
            try await group.waitForAll()
        }
        for pair in 0..<10 {
            let a = ParticipantID(Int64(100 + 2 * pair))
            let b = ParticipantID(Int64(101 + 2 * pair))
            try await expect(friendships.areFriends(a, b), "pair \(pair)")
            try await expect(requests.pending(of: a).isEmpty, "pair \(pair)")
        }
    }
}
